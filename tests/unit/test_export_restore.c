/* test_export_restore.c — the JSON export and its restore: byte-identical
 * round trip on a journal with every kind of row, a non-empty journal
 * refused, all or nothing on a damaged file (LINE:COL), --merge, the search
 * index rebuilt, vCard/iCalendar output stable across runs (UIDs), and a
 * backup taken while another process writes. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/search.h"

/* One row of every table, with text that needs escaping. */
static void fill(struct rp_db *db) {
  fx_exec(db,
          "INSERT INTO contact (id, name, org, email, warmth, how_known, stage, introduced_by,"
          " notes, created_at, updated_at) VALUES"
          " (1, 'Ada Lovelace', 'Engines, Ltd', 'ada@example.org', 'warm', 'friend', 'met', 3,"
          "  'likes \"quotes\"' || char(10) || 'and lines \\ back', 100, 200),"
          " (2, 'Zo\xC3\xAB \xC3\x98rsted', 'Acme', NULL, 'warm', 'referral', 'giving', 1,"
          "  NULL, 101, 201),"
          " (3, 'Old Friend', NULL, NULL, 'warm', 'friend', 'met', NULL, NULL, 99, 99);"
          "UPDATE contact SET deleted_at = 300, deleted_seq = 1 WHERE id = 3;"
          "INSERT INTO contact_tag VALUES (1, 'math'), (1, 'Poetry'), (2, 'trials');"
          /* Zoë's emails and phones (Ada's one email is in its column only) */
          "UPDATE contact SET email = 'zoe@acme.example', phone = '+44 20 7946 0000'"
          " WHERE id = 2;"
          "INSERT INTO contact_value (contact_id, kind, position, value, type, preferred) VALUES"
          " (2, 'email', 0, 'zoe@acme.example', 'work', 1),"
          " (2, 'email', 1, 'zoe@home.example', 'home', 0),"
          " (2, 'phone', 0, '+44 20 7946 0000', NULL, 1),"
          " (2, 'phone', 1, '+44 7700 900123', 'mobile', 0);"
          "INSERT INTO ws_text VALUES ('want', 'a research role \xE2\x80\x94 small lab', 5);"
          "INSERT INTO ws_item (id, section, title, text1, position, created_at, updated_at)"
          " VALUES (1, 'gap', 'How are trials run?', NULL, 1, 5, 5);"
          "INSERT INTO give VALUES (1, 2, '2026-11-20', 'read', 'Read her paper', 7);"
          "INSERT INTO ready_check VALUES (2, 'why-them', 8);"
          "INSERT INTO conversation (id, contact_id, scheduled_at, minutes, objective, status,"
          " started_at, ended_at, fit1, fit_note1, created_at, updated_at) VALUES"
          " (1, 2, 1796119200, 20, 'Learn, and listen; well', 'held', 1796119200, 1796120400,"
          "  4, 'yes', 9, 10),"
          " (2, 2, 1796724000, 25, NULL, 'planned', NULL, NULL, 0, NULL, 11, 11);"
          "INSERT INTO question VALUES (1, 2, 1, 'What does a day look like?', NULL, NULL, 1,"
          " NULL, 12);"
          "INSERT INTO note VALUES (1, 1, 65, 'insight', 'they hire in spring', NULL, 13, 13),"
          " (2, 1, 90, 'referral', 'Priya', 1, 14, 14);"
          "INSERT INTO outcome VALUES (1, 'Got the role', '2026-12-20', 15);"
          "INSERT INTO outcome_contact VALUES (1, 2);"
          "INSERT INTO followup (id, contact_id, conversation_id, outcome_id, kind, due, medium,"
          " note, draft, status, auto, created_at, updated_at) VALUES"
          " (1, 2, 1, NULL, 'thank-you', '2026-12-02', 'email', NULL, 'Thank you, Zo\xC3\xAB',"
          "  'open', 1, 16, 16),"
          " (2, 2, NULL, 1, 'success', '2026-12-21', 'email', 'Got the role', NULL, 'open', 1,"
          "  17, 17);");
}

static char *export(struct rp_db *db) {
  struct rp_buf b = {0};
  struct rp_err err;
  CHECK_INT(export_json(db, &b, &err), RP_OK);
  return buf_steal(&b);
}

static void test_round_trip(void) {
  struct rp_db *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  fx_open_fresh(&a, "a.db");
  fill(a);
  char *one = export(a);
  fx_open_fresh(&b, "b.db");
  struct rp_restore_summary sum;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(restore_json(b, one, strlen(one), false, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, 3);
  CHECK_INT(sum.rows, 20);
  char *two = export(b);
  CHECK_STR(two, one);
  /* each contact carries its lists, as contact_get gives them */
  CHECK(strstr(one, "\"emails\": [{\"value\": \"ada@example.org\", \"type\": null, "
                    "\"preferred\": true}], \"phones\": [], \"urls\": []}") != NULL);
  CHECK(strstr(one, "\"emails\": [{\"value\": \"zoe@acme.example\", \"type\": \"work\", "
                    "\"preferred\": true}, {\"value\": \"zoe@home.example\", \"type\": "
                    "\"home\", \"preferred\": false}], \"phones\": [{\"value\": "
                    "\"+44 20 7946 0000\", \"type\": null, \"preferred\": true}, {\"value\": "
                    "\"+44 7700 900123\", \"type\": \"mobile\", \"preferred\": false}], "
                    "\"urls\": []}") != NULL);
  FX_CHECK_SQL(b, "SELECT group_concat(value || ':' || ifnull(type, '-') || ':' || preferred, ' ')"
                  " FROM (SELECT * FROM contact_value ORDER BY contact_id, kind, position)",
               "ada@example.org:-:1 zoe@acme.example:work:1 zoe@home.example:home:0 "
               "+44 20 7946 0000:-:1 +44 7700 900123:mobile:0");
  /* the journal id came along: same UIDs */
  char ida[33], idb[33];
  CHECK_INT(dump_journal_id(a, ida, &err), RP_OK);
  CHECK_INT(dump_journal_id(b, idb, &err), RP_OK);
  CHECK_STR(ida, idb);
  /* the search index was rebuilt */
  struct rp_hit_list hits = {0};
  CHECK_INT(search_run(b, "spring", 10, &hits, &err), RP_OK);
  CHECK_INT(hits.n, 1);
  hit_list_free(&hits);
  /* a second restore into the same journal is refused, nothing changed */
  CHECK_INT(restore_json(b, one, strlen(one), false, &sum, &err), RP_INVALID);
  CHECK(strstr(err.msg, "not empty") != NULL);
  CHECK_INT(fx_scalar(b, "SELECT count(*) FROM contact"), 3);
  /* merge: every contact is already there */
  CHECK_INT(restore_json(b, one, strlen(one), true, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts_matched, 2);
  CHECK_INT(sum.rows, 0);
  /* merge into a journal that has Ada (by email, other case) only */
  fx_open_fresh(&c, "c.db");
  fx_exec(c, "INSERT INTO contact (id, name, email, warmth, stage, created_at, updated_at)"
             " VALUES (7, 'A. Lovelace', 'ADA@example.org', 'cold', 'identified', 1, 1)");
  CHECK_INT(restore_json(c, one, strlen(one), true, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, 1);        /* Zoë; the deleted one is not merged */
  CHECK_INT(sum.contacts_matched, 1);
  FX_CHECK_SQL(c, "SELECT introduced_by FROM contact WHERE name LIKE 'Zo%'", "7");
  CHECK_INT(fx_scalar(c, "SELECT count(*) FROM conversation"), 2);
  CHECK_INT(fx_scalar(c, "SELECT count(*) FROM question"), 1);
  CHECK_INT(fx_scalar(c, "SELECT count(*) FROM note WHERE contact_ref = 7"), 1);
  CHECK_INT(fx_scalar(c, "SELECT count(*) FROM followup WHERE outcome_id IS NULL"), 2);
  CHECK_INT(fx_scalar(c, "SELECT count(*) FROM ws_text"), 0);
  FX_CHECK_SQL(c, "SELECT group_concat(v.value, ' ') FROM contact_value v JOIN contact k"
                  " ON k.id = v.contact_id WHERE k.name LIKE 'Zo%'",
               "zoe@acme.example zoe@home.example +44 20 7946 0000 +44 7700 900123");
  /* merge into a journal whose contact has Zoë's second email only */
  fx_open_fresh(&d, "d.db");
  fx_exec(d, "INSERT INTO contact (id, name, email, warmth, stage, created_at, updated_at)"
             " VALUES (4, 'Z. O.', 'z@other.example', 'cold', 'identified', 1, 1);"
             "INSERT INTO contact_value (contact_id, kind, position, value, preferred) VALUES"
             " (4, 'email', 0, 'z@other.example', 1), (4, 'email', 1, 'ZOE@home.example', 0)");
  CHECK_INT(restore_json(d, one, strlen(one), true, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, 1); /* Ada */
  CHECK_INT(sum.contacts_matched, 1);
  CHECK_INT(fx_scalar(d, "SELECT count(*) FROM contact"), 2);
  db_close(d);
  free(one);
  free(two);
  db_close(a);
  db_close(b);
  db_close(c);
}

static void test_damaged(void) {
  struct rp_db *a = NULL, *b = NULL;
  fx_open_fresh(&a, "d1.db");
  fill(a);
  char *doc = export(a);
  fx_open_fresh(&b, "d2.db");
  struct rp_restore_summary sum;
  struct rp_err err;
  /* a row breaking a CHECK late in the file: nothing at all is added */
  char *bad = xstrdup(doc);
  char *p = strstr(bad, "\"minutes\": 25");
  CHECK(p != NULL);
  if (p) memcpy(p, "\"minutes\": 0 ", 13);
  rp_err_clear(&err);
  CHECK_INT(restore_json(b, bad, strlen(bad), false, &sum, &err), RP_INVALID);
  CHECK(strstr(err.msg, "conversation row: CHECK constraint failed") != NULL);
  CHECK(err.msg[0] >= '1' && err.msg[0] <= '9' && strchr(err.msg, ':') != NULL);
  CHECK_INT(fx_scalar(b, "SELECT count(*) FROM contact"), 0);
  CHECK_INT(fx_scalar(b, "SELECT count(*) FROM give"), 0);
  free(bad);
  /* cut short: a syntax error with its line and column */
  size_t cut = (size_t)(strstr(doc, "\"note\": [") - doc) + 30;
  rp_err_clear(&err);
  CHECK_INT(restore_json(b, doc, cut, false, &sum, &err), RP_INVALID);
  CHECK(strstr(err.msg, ": unterminated string") != NULL);
  CHECK_INT(fx_scalar(b, "SELECT count(*) FROM contact"), 0);
  /* a reference to a row that is not there */
  bad = xstrdup(doc);
  p = strstr(bad, "\"introduced_by\": 3");
  if (p) memcpy(p, "\"introduced_by\": 9", 18);
  CHECK_INT(restore_json(b, bad, strlen(bad), false, &sum, &err), RP_INVALID);
  CHECK_STR(err.msg, "contact row 1 refers to a contact that is not there");
  CHECK_INT(fx_scalar(b, "SELECT count(*) FROM contact"), 0);
  free(bad);
  /* wrong header, unknown table, unknown column */
  const char *docs[] = {
      "{\"format\": \"other\"}",
      "{\"format\": \"rapport\", \"version\": 2, \"schema\": 8, \"tables\": {}}",
      "{\"format\": \"rapport\", \"version\": 1, \"schema\": 99, \"tables\": {}}",
      "{\"format\": \"rapport\", \"version\": 1, \"schema\": 8,\n \"tables\": {\"people\": []}}",
      "{\"format\": \"rapport\", \"version\": 1, \"schema\": 8,\n \"tables\": {\"give\": [{\"x\": 1}]}}",
  };
  char *newer = xasprintf("1:47: written by a newer rapport (schema 99, this build knows %d); "
                          "upgrade rapport",
                          db_schema_version());
  const char *want[] = {
      "1:12: not a rapport export: \"format\" must be \"rapport\"",
      "1:34: export format version 2; this rapport reads version 1",
      newer,
      "2:23: unknown table \"people\"",
      "2:28: table give has no column 'x' (columns: id, contact_id, date, kind, text, created_at)",
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(docs); i++) {
    rp_err_clear(&err);
    CHECK_INT(restore_json(b, docs[i], strlen(docs[i]), false, &sum, &err), RP_INVALID);
    CHECK_STR(err.msg, want[i]);
  }
  free(newer);
  /* after all that, the journal is still usable and empty */
  char *again = NULL;
  CHECK_INT(restore_json(b, doc, strlen(doc), false, &sum, &err), RP_OK);
  again = export(b);
  CHECK_STR(again, doc);
  free(again);
  free(doc);
  db_close(a);
  db_close(b);
}

/* An export from before the lists (schema 13): each contact's email, phone
 * and URL become its lists. Lists that are not lists of values are
 * refused with their place. */
static void test_values_old_and_bad(void) {
  struct rp_db *a = NULL;
  fx_open_fresh(&a, "old.db");
  static const char old[] =
      "{\"format\": \"rapport\", \"version\": 1, \"schema\": 13, \"tables\": {\"contact\": [\n"
      "{\"id\": 1, \"name\": \"Old Export\", \"email\": \"old@x.org\", \"phone\": \"+1 555\","
      " \"url\": null, \"warmth\": \"warm\", \"stage\": \"met\", \"created_at\": 1,"
      " \"updated_at\": 1}]}}";
  struct rp_restore_summary sum;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(restore_json(a, old, strlen(old), false, &sum, &err), RP_OK);
  FX_CHECK_SQL(a, "SELECT group_concat(kind || ':' || value || ':' || preferred, ' ')"
                  " FROM (SELECT * FROM contact_value ORDER BY kind)",
               "email:old@x.org:1 phone:+1 555:1");
  char *doc = export(a);
  CHECK(strstr(doc, "\"emails\": [{\"value\": \"old@x.org\", \"type\": null, "
                    "\"preferred\": true}], \"phones\": [{\"value\": \"+1 555\"") != NULL);
  free(doc);
  db_close(a);
  a = NULL;
  static const struct {
    const char *lists, *msg;
  } bad[] = {
      {"\"emails\": \"x@y.org\"", "2:52: contact.emails must be an array of values, not a string"},
      {"\"emails\": [\"x@y.org\"]", "2:53: contact.emails: a value must be an object, not a string"},
      {"\"phones\": [{\"type\": \"work\"}]",
       "2:53: contact.phones: a value needs \"value\", a string that is not empty"},
      {"\"urls\": [{\"value\": \"https://x.org\", \"pref\": true}]",
       "2:51: contact.urls: unknown key \"pref\" (keys: value, type, preferred)"},
      {"\"emails\": [{\"value\": \"x@y.org\", \"preferred\": 1}]",
       "2:53: contact.emails: \"preferred\" must be true or false"},
      {"\"emails\": [{\"value\": \"x@y.org\", \"type\": 7}]",
       "2:53: contact.emails: \"type\" must be a string or null"},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(bad); i++) {
    char *text = xasprintf("{\"format\": \"rapport\", \"version\": 1, \"schema\": 14, "
                           "\"tables\": {\"contact\": [\n{\"id\": 1, \"name\": \"B\", "
                           "\"warmth\": \"warm\", %s, \"stage\": \"met\", \"created_at\": 1, "
                           "\"updated_at\": 1}]}}",
                           bad[i].lists);
    fx_open_fresh(&a, "bad.db");
    rp_err_clear(&err);
    CHECK_INT(restore_json(a, text, strlen(text), false, &sum, &err), RP_INVALID);
    CHECK_STR(err.msg, bad[i].msg);
    CHECK_INT(fx_scalar(a, "SELECT count(*) FROM contact"), 0);
    db_close(a);
    a = NULL;
    free(text);
  }
}

/* vCard and iCalendar: the same bytes on every run; UIDs differ by row. */
static void test_stable(void) {
  struct rp_db *a = NULL;
  fx_open_fresh(&a, "s.db");
  fill(a);
  struct rp_config cfg = {0};
  struct rp_err err;
  struct rp_buf v1 = {0}, v2 = {0}, i1 = {0}, i2 = {0};
  CHECK_INT(export_vcard(a, 4, &v1, &err), RP_OK);
  CHECK_INT(export_ics(a, &cfg, &i1, &err), RP_OK);
  db_close(a);
  a = NULL;
  char *path = xasprintf("%s/s.db", check_tmpdir());
  CHECK_INT(db_open(path, &a, &err), RP_OK);
  free(path);
  CHECK_INT(export_vcard(a, 4, &v2, &err), RP_OK);
  CHECK_INT(export_ics(a, &cfg, &i2, &err), RP_OK);
  CHECK_STR(buf_str(&v1), buf_str(&v2));
  CHECK_STR(buf_str(&i1), buf_str(&i2));
  CHECK(strstr(buf_str(&v1), "ORG:Engines\\, Ltd\r\n") != NULL);
  CHECK(strstr(buf_str(&v1), "CATEGORIES:math,Poetry\r\n") != NULL);
  CHECK(strstr(buf_str(&v1), "Old Friend") == NULL); /* deleted */
  CHECK(strstr(buf_str(&i1), "DTSTART:20261208T100000Z\r\nDTEND:20261208T102500Z\r\n") != NULL);
  CHECK(strstr(buf_str(&i1), "DUE;VALUE=DATE:20261202\r\n") != NULL);
  CHECK(strstr(buf_str(&i1), "20261201T100000Z") == NULL); /* held: not an event */
  char id[33], uid[37];
  CHECK_INT(dump_journal_id(a, id, &err), RP_OK);
  export_uuid(id, "conversation", 2, uid);
  char *want = xasprintf("UID:%s\r\n", uid);
  CHECK(strstr(buf_str(&i1), want) != NULL);
  free(want);
  buf_free(&v1);
  buf_free(&v2);
  buf_free(&i1);
  buf_free(&i2);
  db_close(a);
}

/* A child process commits rows one by one while the parent backs up:
 * every copy is a whole journal holding a prefix of the rows. */
static void test_backup(void) {
  struct rp_db *a = NULL;
  fx_open_fresh(&a, "w.db");
  fill(a);
  char *src = xasprintf("%s/w.db", check_tmpdir());
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    struct rp_db *w = NULL;
    struct rp_err err;
    if (db_open(src, &w, &err) != RP_OK) _exit(1);
    for (int i = 0; i < 300; i++) {
      char *sql = xasprintf("INSERT INTO give (contact_id, date, kind, text, created_at)"
                            " VALUES (2, '2026-11-21', 'read', 'row %d', 1)", i);
      int rc = sqlite3_exec(db_handle(w), sql, NULL, NULL, NULL);
      free(sql);
      if (rc != SQLITE_OK) _exit(2);
    }
    db_close(w);
    _exit(0);
  }
  struct rp_err err;
  char *dst = xasprintf("%s/copy.db", check_tmpdir());
  for (int k = 0; k < 10; k++) {
    rp_err_clear(&err);
    CHECK_INT(dump_backup(a, dst, k > 0, &err), RP_OK);
    struct stat sb;
    CHECK(stat(dst, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    struct rp_db *copy = NULL;
    CHECK_INT(db_open(dst, &copy, &err), RP_OK);
    if (copy) {
      long long n = fx_scalar(copy, "SELECT count(*) FROM give");
      long long top = fx_scalar(copy, "SELECT ifnull(max(CAST(substr(text, 5) AS INTEGER)), -1)"
                                      " FROM give WHERE text LIKE 'row %'");
      CHECK(n >= 1 && n == top + 2); /* the first give plus rows 0..top, no gaps */
      FX_CHECK_SQL(copy, "PRAGMA integrity_check", "ok");
      db_close(copy);
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  CHECK_INT(dump_backup(a, dst, false, &err), RP_INVALID);
  CHECK(strstr(err.msg, "already exists; use --force") != NULL);
  CHECK_INT(dump_backup(a, dst, true, &err), RP_OK);
  struct rp_db *copy = NULL;
  CHECK_INT(db_open(dst, &copy, &err), RP_OK);
  CHECK_INT(fx_scalar(copy, "SELECT count(*) FROM give"), 301);
  db_close(copy);
  free(src);
  free(dst);
  db_close(a);
}

int main(void) {
  fx_set_now(1796025600);
  test_round_trip();
  test_damaged();
  test_values_old_and_bad();
  test_stable();
  test_backup();
  check_rmtree(check_tmpdir());
  return check_done("test_export_restore");
}
