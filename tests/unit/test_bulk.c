/* test_bulk.c — bulk writes (an import, a JSON restore): the search index
 * they build at the end equals a fresh search_rebuild (letters spelt out
 * in the _alt columns included), rp_search_alt gives what the triggers'
 * nested replace() calls give (invalid UTF-8 too), the search triggers and
 * the connection's PRAGMAs are back afterwards whether the write committed
 * or failed, the index keeps following edits after it, and a merge maps
 * ids whatever order a file lists them in. */
#include <locale.h>

#include "fixture.h"
#include "model/search_sql.h"
#include "rapport/bulk.h"
#include "rapport/export.h"
#include "rapport/import.h"
#include "rapport/search.h"

static struct rp_config cfg;
static struct rp_db *db;

static long long triggers(void) {
  return fx_scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                       "name LIKE 'search%'");
}

/* Every document of the index (and of the names index, when the journal
 * has one), one line each; caller frees. */
static char *index_dump(void) {
  char *docs = fx_text(db, "SELECT group_concat(x, char(10)) FROM (SELECT rowid || '|' || "
                           "ifnull(name, '-') || '|' || ifnull(body, '-') || '|' || "
                           "ifnull(name_alt, '-') || '|' || ifnull(body_alt, '-') AS x "
                           "FROM search_fts ORDER BY rowid)");
  if (!fx_scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'search_name'"))
    return docs;
  char *names = fx_text(db, "SELECT group_concat(x, char(10)) FROM (SELECT rowid || '|' || "
                            "ifnull(name, '-') || '|' || ifnull(name_alt, '-') AS x "
                            "FROM search_name ORDER BY rowid)");
  char *all = xasprintf("%s\nnames:\n%s", docs ? docs : "", names ? names : "");
  free(docs);
  free(names);
  return all;
}

/* The index equals a rebuilt one. */
static void check_rebuild_same(const char *when) {
  char *dump = index_dump();
  struct rp_err err;
  CHECK_INT(search_rebuild(db, &err), RP_OK);
  char *dump2 = index_dump();
  bool same = strcmp(dump ? dump : "", dump2 ? dump2 : "") == 0;
  CHECK(same);
  if (!same) fprintf(stderr, "%s: index\n%s\nrebuilt\n%s\n", when, dump, dump2);
  free(dump);
  free(dump2);
}

static struct rp_import_person person(int line, const char *name, const char *org,
                                      const char *email) {
  struct rp_import_person p = {0};
  p.where = xasprintf("t:%d", line);
  p.name = xstrdup(name);
  p.org = xstrdup(org);
  p.email = xstrdup(email);
  return p;
}

/* rp_search_alt(x) = SEARCH_SQL_ALT(x) as the triggers spell it. */
static void test_alt_function(void) {
  fx_open_fresh(&db, "alt.db");
  struct rp_bulk b;
  struct rp_err err;
  CHECK_INT(bulk_begin(db, &b, false, &err), RP_OK); /* registers rp_search_alt */
  fx_exec(db, "CREATE TEMP TABLE t (x)");
  fx_exec(db, "INSERT INTO t VALUES (NULL), (''), ('plain ascii'), (42),"
              " ('Zo\xC3\xAB \xC3\x98rsted, Stra\xC3\x9F" "e, \xC5\x81\xC3\xB3" "d\xC5\xBA'),"
              " ('\xC3\x86\xC3\xA6\xC5\x93\xC5\x92\xE1\xBA\x9E\xC4\x91\xC4\x90\xC3\xB0\xC3\x90"
              "\xC3\xBE\xC3\x9E\xC4\xB1\xC4\xA7\xC4\xA6\xC5\xA7\xC5\xA6\xC3\xB8\xC3\x98\xC5\x82'),"
              " ('\xC3\xB8\xC3\xB8\xC3\xB8'), ('end \xC3\x98'), ('\xC3'), ('a\xC3\xC3\x98z'),"
              " (CAST(X'C398B8C3' AS TEXT)), (CAST(X'E1BA9EE1BA' AS TEXT)),"
              " ('\xE6\x97\xA5\xE6\x9C\xAC \xC3\x98 \xF0\x9F\x98\x80')");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM temp.t WHERE rp_search_alt(x) IS NOT " SEARCH_SQL_ALT("x")),
            0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM temp.t WHERE rp_search_alt(x) <> x"), 9);
  char *s = fx_text(db, "SELECT rp_search_alt('Zo\xC3\xAB \xC3\x98rsted \xC3\x9F')");
  CHECK_STR(s, "Zo\xC3\xAB Orsted ss");
  free(s);
  bulk_abort(db, &b);
}

/* Every contact as the triggers that were dropped during a bulk write
 * leave it: due for the cadence sync (a cadence_state row to read again)
 * and for the Contacts filter (in contact_filter_stale), and the filter
 * then finds them. */
static void check_marked(const char *where) {
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact c WHERE NOT EXISTS (SELECT 1 FROM "
                          "cadence_state s WHERE s.contact_id = c.id AND s.check_on = '')"),
            0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact c WHERE NOT EXISTS (SELECT 1 FROM "
                          "contact_filter_stale f WHERE f.contact_id = c.id)"),
            0);
  long n = -1;
  struct rp_err err;
  struct rp_contact_query q = {.text = "rsted"};
  CHECK_INT(contact_count(db, &q, &n, &err), RP_OK);
  if (n != 1) fprintf(stderr, "%s: the filter found %ld\n", where, n);
  CHECK_INT(n, 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_filter_stale"), 0);
}

/* An import: new people, a merge into a contact with a draft and tags, a
 * person matched twice; then a failed one. */
static void test_import(void) {
  fx_open_fresh(&db, "import.db");
  fx_set_now(1795000000);
  long long before = triggers();
  long long cache = fx_scalar(db, "PRAGMA cache_size");
  CHECK(before > 10);
  int64_t zoe = fx_add_contact(db, &cfg, "Zo\xC3\xAB \xC3\x98rsted", "met");
  fx_execf(db, "UPDATE contact SET draft = 'Dear Zo\xC3\xAB', email = 'zoe@example.org' "
               "WHERE id = %lld", (long long)zoe);
  fx_execf(db, "INSERT INTO contact_tag VALUES (%lld, 'kelp')", (long long)zoe);
  struct rp_import_people p = {xcalloc(4, sizeof *p.v), 4, 0, NULL, {0}};
  p.v[0] = person(1, "J\xC3\xBCrgen Stra\xC3\x9F" "e", "\xC5\x81\xC3\xB3" "d\xC5\xBA Works", NULL);
  strv_push(&p.v[0].tags, "oceans");
  p.v[1] = person(2, "Zoe Orsted", "Acme \xC3\x86gir", "ZOE@example.org"); /* zoe, by email */
  p.v[1].role = xstrdup("Diver");
  p.v[2] = person(3, "Ida Stone", NULL, "ida@example.org");
  p.v[3] = person(4, "Ida Stone", "Kelp Ltd", "IDA@example.org"); /* row 3 again */
  struct rp_import_summary s = {0};
  struct rp_err err;
  CHECK_INT(import_people(db, &cfg, &p, &(struct rp_import_opts){.skip_bad = false}, &s, &err), RP_OK);
  CHECK_INT(s.added, 2);
  CHECK_INT(s.updated, 2);
  import_summary_free(&s);
  CHECK_INT(triggers(), before);
  CHECK_INT(fx_scalar(db, "PRAGMA cache_size"), cache);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'lodz'"), 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'aegir'"), 1);
  check_rebuild_same("imported");
  check_marked("imported");
  /* the triggers work again */
  struct rp_contact c;
  CHECK_INT(contact_get(db, zoe, &c, &err), RP_OK);
  str_replace(&c.work, "seaweed farming");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'seaweed'"), 1);
  check_rebuild_same("edited");
  /* a failed import writes nothing and leaves the triggers */
  char *was = index_dump();
  long long n = fx_scalar(db, "SELECT count(*) FROM contact");
  free(p.v[2].email);
  p.v[2].email = xstrdup("no-at-sign");
  free(p.v[0].name);
  p.v[0].name = xstrdup("Somebody New");
  CHECK_INT(import_people(db, &cfg, &p, &(struct rp_import_opts){.skip_bad = false}, &s, &err), RP_INVALID);
  CHECK_STR(err.msg, "t:3: email 'no-at-sign' has no '@'");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), n);
  CHECK_INT(triggers(), before);
  CHECK_INT(fx_scalar(db, "PRAGMA cache_size"), cache);
  char *now = index_dump();
  CHECK_STR(now, was);
  free(was);
  free(now);
  /* skipping it: the rest goes in */
  CHECK_INT(import_people(db, &cfg, &p, &(struct rp_import_opts){.skip_bad = true}, &s, &err), RP_OK);
  CHECK_INT(s.added, 1);
  CHECK_INT(s.skipped, 1);
  import_summary_free(&s);
  check_rebuild_same("skipped");
  import_people_free(&p);
}

/* A restore builds the index once, the same as a rebuild. */
static void test_restore(void) {
  fx_open_fresh(&db, "source.db");
  fx_set_now(1795000000);
  int64_t zoe = fx_add_contact(db, &cfg, "Zo\xC3\xAB \xC3\x98rsted", "met");
  fx_execf(db, "UPDATE contact SET draft = '\xC3\x86gir draft' WHERE id = %lld", (long long)zoe);
  fx_execf(db, "INSERT INTO contact_tag VALUES (%lld, 'stra\xC3\x9F" "e')", (long long)zoe);
  fx_execf(db,
           "INSERT INTO conversation (id, contact_id, minutes, objective, status, created_at, "
           "updated_at) VALUES (1, %lld, 20, 'Learn about \xC5\x81\xC3\xB3" "d\xC5\xBA', 'held', 1, 1);"
           "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
           "VALUES (1, 5, 'met at the \xC3\x98resund bridge', 1, 1)",
           (long long)zoe);
  struct rp_buf json = {0};
  struct rp_err err;
  CHECK_INT(export_json(db, &json, &err), RP_OK);
  fx_open_fresh(&db, "restored.db");
  long long before = triggers();
  struct rp_restore_summary sum;
  CHECK_INT(restore_json(db, json.s, json.len, false, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, 1);
  CHECK_INT(triggers(), before);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'oresund'"), 1);
  check_rebuild_same("restored");
  check_marked("restored");
  /* a second restore is refused and changes nothing */
  CHECK_INT(restore_json(db, json.s, json.len, false, &sum, &err), RP_INVALID);
  CHECK_INT(triggers(), before);
  check_rebuild_same("refused");
  buf_free(&json);
}

/* --merge maps old ids to new ones whatever order the file lists them in
 * (rapport's exports list them by id; a hand-made file may not). */
static void test_merge_order(void) {
  const char *orders[] = {"5, 3", "3, 5"};
  for (size_t k = 0; k < RP_ARRAY_LEN(orders); k++) {
    fx_open_fresh(&db, k ? "merge2.db" : "merge1.db");
    fx_set_now(1795000000);
    fx_add_contact(db, &cfg, "Already Here", "met");
    int first = orders[k][0] - '0', second = orders[k][3] - '0';
    char *doc = xasprintf(
        "{\"format\": \"rapport\", \"version\": 1, \"schema\": 8, \"tables\": {\"contact\": [\n"
        "{\"id\": %d, \"name\": \"Number %d\", \"warmth\": \"warm\", \"stage\": \"met\", "
        "\"created_at\": 1, \"updated_at\": 1},\n"
        "{\"id\": %d, \"name\": \"Number %d\", \"warmth\": \"warm\", \"stage\": \"met\", "
        "\"created_at\": 1, \"updated_at\": 1, \"introduced_by\": %d}],\n"
        "\"conversation\": [{\"id\": 7, \"contact_id\": 3, \"minutes\": 30, \"status\": "
        "\"planned\", \"created_at\": 1, \"updated_at\": 1},\n"
        "{\"id\": 8, \"contact_id\": 5, \"minutes\": 50, \"status\": \"planned\", "
        "\"created_at\": 1, \"updated_at\": 1}]}}",
        first, first, second, second, first);
    struct rp_restore_summary sum;
    struct rp_err err;
    CHECK_INT(restore_json(db, doc, strlen(doc), true, &sum, &err), RP_OK);
    CHECK_INT(sum.contacts, 2);
    CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation v JOIN contact c ON "
                            "c.id = v.contact_id WHERE c.name = 'Number 3' AND v.minutes = 30"),
              1);
    CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation v JOIN contact c ON "
                            "c.id = v.contact_id WHERE c.name = 'Number 5' AND v.minutes = 50"),
              1);
    char *intro = xasprintf("SELECT count(*) FROM contact c JOIN contact i ON "
                            "i.id = c.introduced_by WHERE c.name = 'Number %d' AND "
                            "i.name = 'Number %d'",
                            second, first);
    CHECK_INT(fx_scalar(db, intro), 1);
    free(intro);
    check_rebuild_same("merged");
    free(doc);
  }
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("TZ", "UTC", 1);
  config_defaults(&cfg);
  test_alt_function();
  test_import();
  test_restore();
  test_merge_order();
  if (db) db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_bulk");
}
