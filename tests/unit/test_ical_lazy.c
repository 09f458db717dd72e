/* test_ical_lazy.c — libical is loaded when a calendar is first needed,
 * not at start (issue 22: with ICU and libstdc++ behind it, loading it
 * cost about 6 ms of CPU before the first paint). The test program links
 * what rapport links; the libraries loaded are read from /proc/self/maps. */
#include <locale.h>

#include "check.h"
#include "fixture.h"
#include "rapport/export.h"

/* Whether a file whose name starts with `name` is mapped into this process. */
static bool mapped(const char *name) {
  FILE *f = fopen("/proc/self/maps", "r");
  if (!f) return false;
  char line[4096];
  bool found = false;
  while (!found && fgets(line, sizeof line, f)) {
    const char *slash = strrchr(line, '/');
    found = slash && strncmp(slash + 1, name, strlen(name)) == 0;
  }
  fclose(f);
  return found;
}

int main(void) {
  setlocale(LC_ALL, "");
  CHECK(mapped("libsqlite3.so")); /* the reading works: a library rapport links */
  /* a journal opened and read, as the full screen and every verb do:
   * libical (and ICU behind it) is not loaded */
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "lazy.db");
  fx_exec(db, "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
              "VALUES ('Ada', 'warm', 'met', 1, 1)");
  CHECK(!mapped("libical.so"));
  CHECK(!mapped("libicuuc.so"));
  /* the first calendar loads it, and it works */
  struct rp_config cfg = {0};
  struct rp_buf ics = {0};
  struct rp_err err;
  CHECK_INT(export_ics(db, &cfg, &ics, &err), RP_OK);
  CHECK(mapped("libical.so"));
  CHECK(strncmp(buf_str(&ics), "BEGIN:VCALENDAR\r\n", 17) == 0);
  buf_free(&ics);
  db_close(db);
  check_rmtree(check_tmpdir());
  return check_done("test_ical_lazy");
}
