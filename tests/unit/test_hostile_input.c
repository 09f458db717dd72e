/* test_hostile_input.c — odd and hostile input (issue 8): text that is not
 * UTF-8 is refused by the contact model; control characters and escape
 * sequences come out of utf8_sanitize as visible escapes with no control
 * byte left; search stays fast on a 1 MB note (FTS5's snippet() is
 * quadratic in the matches); $EDITOR is split without a shell, so quotes
 * group words and shell syntax is just text. */
#include <time.h>

#include "fixture.h"
#include "rapport/editor.h"
#include "rapport/search.h"
#include "rapport/utf8.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_not_utf8(struct rp_db *db, const struct rp_config *cfg) {
  struct rp_contact c;
  struct rp_err err;
  contact_init(&c);
  c.name = xstrdup("Bad \xff\xfe name");
  CHECK_INT(contact_insert(db, cfg, &c, &err), RP_INVALID);
  CHECK(strstr(err.msg, "not valid UTF-8") != NULL);
  CHECK_STR(err.field, "name");
  str_replace(&c.name, "Good name");
  c.org = xstrdup("Org \xc3"); /* a truncated sequence */
  CHECK_INT(contact_insert(db, cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "org");
  free(c.org);
  c.org = NULL;
  strv_push(&c.tags, "tag\xed\xa0\x80"); /* an encoded surrogate */
  CHECK_INT(contact_insert(db, cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "tags");
  FX_CHECK_SQL(db, "SELECT count(*) FROM contact", "0");
  strv_free(&c.tags);
  str_replace(&c.notes, "Valid \xE2\x98\x83 and U+FFFD \xEF\xBF\xBD are fine");
  CHECK_INT(contact_insert(db, cfg, &c, &err), RP_OK);
  contact_free(&c);
}

static void test_sanitize(void) {
  const char *in = "\033]0;pwned\aEvil \033[2JName\r\nx\x7f\xc2\x9b" "2J\xff.";
  char *out = utf8_sanitize(in);
  CHECK_STR(out, "^[]0;pwned^GEvil ^[[2JName^M\xE2\x86\xB5x^?^?2J\xEF\xBF\xBD.");
  for (const unsigned char *p = (const unsigned char *)out; *p; p++) CHECK(*p >= 0x20 && *p != 0x7f);
  CHECK(strstr(out, "\xc2\x9b") == NULL); /* no C1 control */
  CHECK_INT(utf8_width(out), utf8_width(in));
  free(out);
  char *padded = utf8_pad("\033[2J\033[2J\033[2J", 6);
  CHECK_STR(padded, "^[[2J\xE2\x80\xA6");
  free(padded);
}

static void test_long_note_search(struct rp_db *db, const struct rp_config *cfg) {
  struct rp_contact c;
  struct rp_err err;
  contact_init(&c);
  struct rp_buf name = {0}, note = {0};
  for (int i = 0; i < 10000; i++) buf_addc(&name, 'N');
  /* as long as a text may be (RP_TEXT_MAX, text_limit.h) */
  for (int i = 0; i < 104857; i++) buf_adds(&note, "long note ");
  c.name = buf_steal(&name);
  c.notes = buf_steal(&note);
  CHECK_INT(contact_insert(db, cfg, &c, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT max(length(name)) FROM contact", "10000");
  FX_CHECK_SQL(db, "SELECT max(length(notes)) FROM contact", "1048569");
  const char *queries[] = {"l", "lo", "long", "note", "NNN"};
  for (size_t q = 0; q < RP_ARRAY_LEN(queries); q++) {
    struct rp_hit_list hits = {0};
    double t0 = now_s();
    CHECK_INT(search_run(db, queries[q], 60, &hits, &err), RP_OK);
    double took = now_s() - t0;
    if (took > 2.0) fprintf(stderr, "search '%s' took %.1f s\n", queries[q], took);
    CHECK(took < 2.0);
    CHECK(hits.n >= 1);
    for (size_t i = 0; i < hits.n; i++) CHECK(strlen(hits.v[i].snippet) < 2000);
    hit_list_free(&hits);
  }
  contact_free(&c);
}

static void check_split(const char *cmd, size_t n, const char *const *want) {
  struct rp_strv v = {0};
  struct rp_err err;
  CHECK_INT(editor_split(cmd, &v, &err), RP_OK);
  CHECK_INT(v.n, n);
  for (size_t i = 0; i < n && i < v.n; i++) CHECK_STR(v.v[i], want[i]);
  strv_free(&v);
}

static void test_editor_split(void) {
  check_split("'/path with space/ed.sh' --flag \"x y\"", 3,
              (const char *const[]){"/path with space/ed.sh", "--flag", "x y"});
  check_split("/path\\ with\\ space/ed.sh -c 'set ft=markdown'", 3,
              (const char *const[]){"/path with space/ed.sh", "-c", "set ft=markdown"});
  check_split("ed; rm -rf $HOME", 4, (const char *const[]){"ed;", "rm", "-rf", "$HOME"});
  check_split("ed $(touch pwned) `id` >out |x", 6,
              (const char *const[]){"ed", "$(touch", "pwned)", "`id`", ">out", "|x"});
  check_split("'it'\"'\"'s' %s%n", 2, (const char *const[]){"it's", "%s%n"});
  /* inside quotes a backslash is just a backslash (no escapes there) */
  check_split("\"C:\\dir\\ed\" 'a\\b'", 2, (const char *const[]){"C:\\dir\\ed", "a\\b"});
  check_split("   ", 0, NULL);
  struct rp_strv v = {0};
  struct rp_err err;
  CHECK_INT(editor_split("ed \"x y", &v, &err), RP_INVALID);
  CHECK(strstr(err.msg, "unclosed \" quote") != NULL);
  strv_free(&v);
}

int main(void) {
  struct rp_db *db = NULL;
  struct rp_config cfg = {0};
  fx_pipeline(&cfg);
  fx_open_fresh(&db, "hostile.db");
  test_not_utf8(db, &cfg);
  test_sanitize();
  test_long_note_search(db, &cfg);
  test_editor_split();
  db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_hostile_input");
}
