/* test_recovery.c — recovery copies of text being typed: kept under a key,
 * replaced, read back, cleared; invalid UTF-8 stored as text; not part of
 * an export; survive closing and opening the journal. */
#include "check.h"
#include "fixture.h"
#include "rapport/dump.h"
#include "rapport/recovery.h"

int main(void) {
  setenv("TZ", "UTC", 1);
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "recovery.db");
  struct rp_err err;
  struct rp_recovery r;
  CHECK_INT(recovery_get(db, "contact:new", &r, &err), RP_NO);
  fx_set_now(1795000000);
  CHECK_INT(recovery_save(db, "contact:new", "the new contact form", "name\x1fZo\xC3\xAB", &err),
            RP_OK);
  CHECK_INT(recovery_save(db, "outreach:7", "the outreach draft to Ana", "Dear Ana,\nI read", &err),
            RP_OK);
  fx_set_now(1795000005);
  CHECK_INT(recovery_save(db, "outreach:7", "the outreach draft to Ana",
                          "Dear Ana,\nI read your paper", &err),
            RP_OK);
  CHECK_INT(recovery_get(db, "outreach:7", &r, &err), RP_OK);
  CHECK_STR(r.text, "Dear Ana,\nI read your paper");
  CHECK_STR(r.label, "the outreach draft to Ana");
  CHECK_INT(r.saved_at, 1795000005);
  recovery_free(&r);
  /* bytes that are not UTF-8 are kept as text */
  CHECK_INT(recovery_save(db, "bad", "x", "caf\xE9", &err), RP_OK);
  CHECK_INT(recovery_get(db, "bad", &r, &err), RP_OK);
  CHECK_STR(r.text, "caf\xEF\xBF\xBD");
  recovery_free(&r);
  /* the journal closes and opens again (a killed terminal): still there */
  char *path = xstrdup(db_path(db));
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK_INT(recovery_get(db, "contact:new", &r, &err), RP_OK);
  CHECK_STR(r.text, "name\x1fZo\xC3\xAB");
  recovery_free(&r);
  CHECK_INT(recovery_clear(db, "contact:new", &err), RP_OK);
  CHECK_INT(recovery_get(db, "contact:new", &r, &err), RP_NO);
  CHECK_INT(recovery_clear(db, "contact:new", &err), RP_OK); /* none: fine */
  CHECK_INT(recovery_save(db, "", "x", "y", &err), RP_INVALID);
  /* the first copy under a prefix (a wrap-up left unfinished) */
  char *key = NULL;
  CHECK_INT(recovery_first(db, "wrapup-owed:", &key, &r, &err), RP_NO);
  CHECK(key == NULL);
  CHECK_INT(recovery_save(db, "wrapup-owed:12", "the wrap-up with Ana", "", &err), RP_OK);
  CHECK_INT(recovery_save(db, "wrapup-owedx", "not under the prefix", "", &err), RP_OK);
  CHECK_INT(recovery_first(db, "wrapup-owed:", &key, &r, &err), RP_OK);
  CHECK_STR(key, "wrapup-owed:12");
  CHECK_STR(r.label, "the wrap-up with Ana");
  free(key);
  recovery_free(&r);
  CHECK_INT(recovery_first(db, "wrapup-owed:%", &key, &r, &err), RP_NO); /* no LIKE patterns */
  /* not exported: a passing copy, not part of the journal's content */
  CHECK(dump_table("recovery") == NULL);
  CHECK(dump_table("contact") != NULL);
  free(path);
  db_close(db);
  check_rmtree(check_tmpdir());
  return check_done("test_recovery");
}
