/* test_contact_values.c — several emails, phones and URLs per contact in
 * the journal: migration 14 (each primary becomes the one preferred value),
 * insert / update / get round trips with types and preference, writes that
 * keep the other values (only the primary field changed; a contact read by
 * a list), every email validated, the lists of a page read at once,
 * contact_scan_values, the Contacts filter and search finding a second
 * value, values written from the sqlite3 shell, and the bulk path (rows
 * that did not change are not rewritten). */
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/bulk.h"
#include "rapport/contact.h"
#include "rapport/search.h"

static struct rp_config cfg;
static struct rp_db *db;

/* A list as "value/type/p|…" (type "-" when none, "/p" when preferred);
 * caller frees. */
static char *show(const struct rp_contact_values *vs) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < vs->n; i++)
    buf_addf(&b, "%s%s/%s%s", i ? "|" : "", vs->v[i].value, vs->v[i].type ? vs->v[i].type : "-",
             vs->v[i].preferred ? "/p" : "");
  return buf_steal(&b);
}

/* Contact id's stored rows of `kind` in the same form ("" when none). */
static char *stored(int64_t id, const char *kind) {
  char *sql = xasprintf("SELECT ifnull(group_concat(value || '/' || ifnull(type, '-') || "
                        "CASE WHEN preferred THEN '/p' ELSE '' END, '|'), '') FROM "
                        "(SELECT * FROM contact_value WHERE contact_id = %lld AND kind = '%s' "
                        "ORDER BY position)",
                        (long long)id, kind);
  char *v = fx_text(db, sql);
  free(sql);
  return v;
}

#define CHECK_LIST(vs, want) \
  do {                       \
    char *s_ = show(vs);     \
    CHECK_STR(s_, want);     \
    free(s_);                \
  } while (0)
#define CHECK_STORED(id, kind, want) \
  do {                               \
    char *s_ = stored(id, kind);     \
    CHECK_STR(s_, want);             \
    free(s_);                        \
  } while (0)

/* Ana: three emails, two phones, a URL. */
static int64_t add_ana(void) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup("Ana Maya");
  c.stage = xstrdup("met");
  contact_values_add(&c.emails, VALUE_EMAIL, "ana@work.org", "Work", true);
  contact_values_add(&c.emails, VALUE_EMAIL, "zq@home.org", "home", false);
  contact_values_add(&c.emails, VALUE_EMAIL, "a@x.org", NULL, false);
  contact_values_add(&c.phones, VALUE_PHONE, "+351 912 345 678", "mobile", false);
  contact_values_add(&c.phones, VALUE_PHONE, "+351 21 000 0000", "work", true);
  contact_values_add(&c.urls, VALUE_URL, "https://ana.example", NULL, false);
  c.values_read = true;
  /* the fields say the primary ones (contact_values_sync: they win) */
  c.email = xstrdup("ana@work.org");
  c.phone = xstrdup("+351 21 000 0000");
  c.url = xstrdup("https://ana.example");
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = contact_insert(db, &cfg, &c, &err);
  if (st != RP_OK) fprintf(stderr, "add Ana: %s\n", err.msg);
  CHECK_INT(st, RP_OK);
  CHECK_STR(c.email, "ana@work.org");
  CHECK_STR(c.phone, "+351 21 000 0000");
  CHECK_STR(c.url, "https://ana.example");
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

static const char ana_emails[] = "ana@work.org/work/p|zq@home.org/home|a@x.org/-";
static const char ana_phones[] = "+351 912 345 678/mobile|+351 21 000 0000/work/p";

/* Insert, get: every value with its type and preference, in order. */
static void test_round_trip(void) {
  fx_open_fresh(&db, "round.db");
  int64_t id = add_ana();
  CHECK_STORED(id, "email", ana_emails);
  CHECK_STORED(id, "phone", ana_phones);
  CHECK_STORED(id, "url", "https://ana.example/-/p");
  struct rp_contact c;
  struct rp_err err;
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK(c.values_read);
  CHECK_LIST(&c.emails, ana_emails);
  CHECK_LIST(&c.phones, ana_phones);
  CHECK_LIST(&c.urls, "https://ana.example/-/p");
  CHECK_STR(c.email, "ana@work.org");
  /* a copy has its own lists */
  struct rp_contact d;
  contact_init(&d);
  contact_copy(&d, &c);
  CHECK_LIST(&d.emails, ana_emails);
  contact_free(&d);
  /* an update of the lists: reordered, a type changed, one removed */
  contact_values_remove(&c.emails, 2);
  str_replace(&c.emails.v[1].type, "other");
  contact_values_add(&c.urls, VALUE_URL, "https://blog.ana.example", "blog", false);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STORED(id, "email", "ana@work.org/work/p|zq@home.org/other");
  CHECK_STORED(id, "url", "https://ana.example/-/p|https://blog.ana.example/blog");
  CHECK_LIST(&c.urls, "https://ana.example/-/p|https://blog.ana.example/blog");
  /* a plain contact: its one email is its preferred one */
  int64_t bo = fx_add_contact(db, &cfg, "Bo", "met");
  CHECK_INT(contact_get(db, bo, &d, &err), RP_OK);
  CHECK_INT(d.emails.n, 0);
  str_replace(&d.email, " bo@example.org ");
  CHECK_INT(contact_update(db, &cfg, &d, &err), RP_OK);
  CHECK_STORED(bo, "email", "bo@example.org/-/p");
  str_replace(&d.email, NULL); /* cleared: no email left */
  CHECK_INT(contact_update(db, &cfg, &d, &err), RP_OK);
  CHECK_STORED(bo, "email", "");
  contact_free(&d);
  contact_free(&c);
  /* removing a contact for good removes its values */
  fx_execf(db, "DELETE FROM contact WHERE id = %lld", (long long)id);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_value"), 0);
}

/* Only the primary field changed (an edit form, an old code path): the
 * other values stay. */
static void test_primary_only(void) {
  fx_open_fresh(&db, "primary.db");
  int64_t id = add_ana();
  struct rp_contact c;
  struct rp_err err;
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  str_replace(&c.email, "ana@new.org");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STORED(id, "email", "ana@new.org/work/p|zq@home.org/home|a@x.org/-");
  /* the field set to another of the values: that one becomes preferred */
  str_replace(&c.email, "ZQ@home.org");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STORED(id, "email", "ana@new.org/work|zq@home.org/home/p|a@x.org/-");
  CHECK_STR(c.email, "zq@home.org");
  contact_free(&c);
  /* built by hand from the fields alone, as code before the lists did */
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  contact_values_free(&c.emails);
  contact_values_free(&c.phones);
  contact_values_free(&c.urls);
  c.values_read = false;
  str_replace(&c.phone, "+44 20 7946 0000");
  str_replace(&c.org, "Acme");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STORED(id, "email", "ana@new.org/work|zq@home.org/home/p|a@x.org/-");
  CHECK_STORED(id, "phone", "+351 912 345 678/mobile|+44 20 7946 0000/work/p");
  CHECK_STORED(id, "url", "https://ana.example/-/p");
  contact_free(&c);
}

/* A contact read by contact_list has no lists: updating it loses none. */
static void test_list_read_update(void) {
  fx_open_fresh(&db, "listread.db");
  int64_t id = add_ana();
  struct rp_contact_list l = {0};
  struct rp_err err;
  CHECK_INT(contact_list(db, NULL, 0, -1, &l, &err), RP_OK);
  CHECK_INT(l.n, 1);
  if (l.n == 1) {
    struct rp_contact *c = &l.v[0];
    CHECK(!c->values_read);
    CHECK_INT(c->emails.n, 0);
    CHECK_STR(c->email, "ana@work.org");
    str_replace(&c->role, "Designer");
    CHECK_INT(contact_update(db, &cfg, c, &err), RP_OK);
    CHECK_STORED(id, "email", ana_emails);
    CHECK_STORED(id, "phone", ana_phones);
    CHECK_STORED(id, "url", "https://ana.example/-/p");
  }
  contact_list_free(&l);
  /* the lists of a page, read at once */
  add_ana();
  fx_add_contact(db, &cfg, "Bo", "met");
  CHECK_INT(contact_list(db, NULL, 0, -1, &l, &err), RP_OK);
  CHECK_INT(l.n, 3);
  CHECK_INT(contact_list_values(db, &l, &err), RP_OK);
  for (size_t i = 0; i < l.n; i++) {
    CHECK(l.v[i].values_read);
    if (strcmp(l.v[i].name, "Bo") == 0) {
      CHECK_INT(l.v[i].emails.n + l.v[i].phones.n + l.v[i].urls.n, 0);
    } else {
      CHECK_LIST(&l.v[i].emails, ana_emails);
      CHECK_LIST(&l.v[i].phones, ana_phones);
    }
  }
  contact_list_free(&l);
}

/* Every email must be one: a bad second one is refused as "email". */
static void test_validation(void) {
  fx_open_fresh(&db, "valid.db");
  int64_t id = add_ana();
  struct rp_contact c;
  struct rp_err err;
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  contact_values_add(&c.emails, VALUE_EMAIL, "not-an-email", NULL, false);
  rp_err_clear(&err);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "email");
  CHECK(strstr(err.msg, "not-an-email") != NULL);
  CHECK_STORED(id, "email", ana_emails);
  contact_free(&c);
  /* not UTF-8: a value, or a type */
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  contact_values_add(&c.urls, VALUE_URL, "https://x.example/\xff", NULL, false);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "url");
  contact_free(&c);
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  str_replace(&c.phones.v[0].type, "mob\xc3");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "phone");
  contact_free(&c);
  CHECK_STORED(id, "phone", ana_phones);
  /* a new contact with a bad second email is not added */
  contact_init(&c);
  c.name = xstrdup("Cy");
  contact_values_add(&c.emails, VALUE_EMAIL, "cy@example.org", NULL, true);
  contact_values_add(&c.emails, VALUE_EMAIL, "cy@@example.org", NULL, false);
  c.email = xstrdup("cy@example.org");
  c.values_read = true;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "email");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Cy'"), 0);
  contact_free(&c);
}

/* contact_scan_values callback: "id kind value" lines. */
static void collect(void *arg, int64_t id, enum rp_value_kind kind, const char *value) {
  struct rp_strv *sv = arg;
  char *line = xasprintf("%lld %s %s", (long long)id, contact_value_kind_name(kind), value);
  strv_push(sv, line);
  free(line);
}

/* Every email and URL, for an import's matching; no phones. The primary
 * ones come from the contact's columns too (so one changed from the
 * sqlite3 shell is matched), which repeats them. */
static void test_scan_values(void) {
  fx_open_fresh(&db, "scan.db");
  int64_t id = add_ana();
  fx_execf(db, "UPDATE contact SET email = 'shell@x.org' WHERE id = %lld", (long long)id);
  struct rp_strv got = {0};
  struct rp_err err;
  CHECK_INT(contact_scan_values(db, collect, &got, &err), RP_OK);
  struct rp_strv want = {0};
  const char *lines[] = {"email a@x.org", "email ana@work.org", "email shell@x.org",
                         "email zq@home.org", "url https://ana.example",
                         "url https://ana.example"};
  for (size_t i = 0; i < RP_ARRAY_LEN(lines); i++) {
    char *line = xasprintf("%lld %s", (long long)id, lines[i]);
    strv_push(&want, line);
    free(line);
  }
  /* in any order: sort them */
  for (size_t i = 0; i < got.n; i++)
    for (size_t j = i + 1; j < got.n; j++)
      if (strcmp(got.v[j], got.v[i]) < 0) {
        char *t = got.v[i];
        got.v[i] = got.v[j];
        got.v[j] = t;
      }
  char *all = strv_join(&got, "|"), *expected = strv_join(&want, "|");
  CHECK_STR(all, expected);
  free(all);
  free(expected);
  strv_free(&got);
  strv_free(&want);
}

/* Names of the live contacts whose fields hold `text` (the filter). */
static char *filtered(const char *text) {
  struct rp_contact_query q = {.text = text};
  struct rp_contact_list l = {0};
  struct rp_err err;
  CHECK_INT(contact_list(db, &q, 0, -1, &l, &err), RP_OK);
  char *names = fx_list_names(&l);
  long n = -1;
  CHECK_INT(contact_count(db, &q, &n, &err), RP_OK);
  CHECK_INT(n, (long)l.n);
  contact_list_free(&l);
  return names;
}

/* Names of the contacts search finds for `query`, "|"-joined. */
static char *searched(const char *query) {
  struct rp_hit_list hits = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, query, 10, &hits, &err), RP_OK);
  struct rp_strv sv = {0};
  for (size_t i = 0; i < hits.n; i++)
    if (hits.v[i].kind == HIT_CONTACT) strv_push(&sv, hits.v[i].contact_name);
  char *s = strv_join(&sv, "|");
  strv_free(&sv);
  hit_list_free(&hits);
  return s;
}

#define CHECK_FILTER(text, want) \
  do {                           \
    char *n_ = filtered(text);   \
    CHECK_STR(n_, want);         \
    free(n_);                    \
  } while (0)
#define CHECK_SEARCH(query, want) \
  do {                            \
    char *n_ = searched(query);   \
    CHECK_STR(n_, want);          \
    free(n_);                     \
  } while (0)

/* The filter and search find every email, phone and URL, also one written
 * from the sqlite3 shell, and forget one removed. */
static void test_filter_search(void) {
  fx_open_fresh(&db, "find.db");
  int64_t id = add_ana();
  fx_add_contact(db, &cfg, "Bo", "met");
  CHECK_FILTER("zq", "Ana Maya");             /* two letters: the haystacks */
  CHECK_FILTER("zq@home", "Ana Maya");        /* three or more: the trigram index */
  CHECK_FILTER("912 345", "Ana Maya");        /* the second phone */
  CHECK_FILTER("blog.ana", "");
  CHECK_SEARCH("zq", "Ana Maya");
  CHECK_SEARCH("912", "Ana Maya");
  /* from the shell: plain SQL, the triggers mark and index the contact */
  fx_execf(db, "INSERT INTO contact_value (contact_id, kind, position, value, type, preferred) "
               "VALUES (%lld, 'url', 1, 'https://blog.ana.example', 'blog', 0)",
           (long long)id);
  CHECK_FILTER("blog.ana", "Ana Maya");
  CHECK_SEARCH("blog", "Ana Maya");
  fx_execf(db, "UPDATE contact_value SET value = 'https://qv.example' WHERE contact_id = %lld "
               "AND kind = 'url' AND position = 1",
           (long long)id);
  CHECK_FILTER("blog.ana", "");
  CHECK_FILTER("qv.ex", "Ana Maya");
  CHECK_SEARCH("blog", "");
  CHECK_SEARCH("qv", "Ana Maya");
  /* removed through the model: found no more */
  struct rp_contact c;
  struct rp_err err;
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK_LIST(&c.urls, "https://ana.example/-/p|https://qv.example/blog");
  contact_values_remove(&c.emails, 1);
  contact_values_remove(&c.urls, 1);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK_FILTER("zq", "");
  CHECK_FILTER("qv.ex", "");
  CHECK_SEARCH("zq", "");
  CHECK_SEARCH("qv", "");
  CHECK_FILTER("ana@work", "Ana Maya");
  CHECK_SEARCH("912", "Ana Maya");
  /* the index the triggers keep equals a rebuilt one */
  long long docs = fx_scalar(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH '912'");
  CHECK_INT(search_rebuild(db, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH '912'"), docs);
}

/* The bulk path (an import): values written, indexed once at the end,
 * and rows that did not change not written again. */
static void test_bulk(void) {
  fx_open_fresh(&db, "bulk.db");
  int64_t ana = add_ana();
  struct rp_bulk b;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(bulk_begin(db, &b, true, &err), RP_OK);
  /* (after bulk_begin: setting temp_store drops temporary tables) */
  fx_exec(db, "CREATE TEMP TABLE writes (kind TEXT, n INTEGER);"
              "CREATE TEMP TRIGGER count_ins AFTER INSERT ON main.contact_value BEGIN "
              "  INSERT INTO writes VALUES (new.kind, 1); END;"
              "CREATE TEMP TRIGGER count_del AFTER DELETE ON main.contact_value BEGIN "
              "  INSERT INTO writes VALUES (old.kind, 1); END;"
              "CREATE TEMP TRIGGER count_upd AFTER UPDATE ON main.contact_value BEGIN "
              "  INSERT INTO writes VALUES (new.kind, 1); END;");
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup("Cy Twain");
  contact_values_add(&c.emails, VALUE_EMAIL, "cy@example.org", NULL, false);
  contact_values_add(&c.emails, VALUE_EMAIL, "wx@example.net", "home", false);
  contact_values_add(&c.urls, VALUE_URL, "https://www.linkedin.com/in/cy", NULL, false);
  c.email = xstrdup("cy@example.org");
  c.url = xstrdup("https://www.linkedin.com/in/cy");
  c.values_read = true;
  CHECK_INT(contact_write_bulk(db, &cfg, &c, &err), RP_OK);
  int64_t cy = c.id;
  CHECK_STR(c.email, "cy@example.org");
  contact_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM writes"), 3);
  fx_exec(db, "DELETE FROM writes");
  /* an update that changes no value writes none */
  CHECK_INT(contact_get(db, ana, &c, &err), RP_OK);
  str_replace(&c.org, "Acme");
  CHECK_INT(contact_write_bulk(db, &cfg, &c, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM writes"), 0);
  /* one phone more: only the phones are written */
  contact_values_add(&c.phones, VALUE_PHONE, "+351 93 111 2222", "home", false);
  CHECK_INT(contact_write_bulk(db, &cfg, &c, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM writes WHERE kind <> 'phone'"), 0);
  CHECK(fx_scalar(db, "SELECT count(*) FROM writes") > 0);
  contact_free(&c);
  int64_t ids[] = {cy, ana};
  CHECK_INT(bulk_index_contacts(db, &b, ids, 2, &err), RP_OK);
  CHECK_INT(bulk_commit(db, &b, &err), RP_OK);
  CHECK_STORED(cy, "email", "cy@example.org/-/p|wx@example.net/home");
  CHECK_STORED(ana, "phone", "+351 912 345 678/mobile|+351 21 000 0000/work/p|"
                             "+351 93 111 2222/home");
  CHECK_FILTER("wx", "Cy Twain");
  CHECK_FILTER("wx@example", "Cy Twain");
  CHECK_FILTER("93 111", "Ana Maya");
  CHECK_SEARCH("wx", "Cy Twain");
  CHECK_SEARCH("2222", "Ana Maya");
  /* the triggers are back: a value from the shell is found */
  fx_execf(db, "INSERT INTO contact_value (contact_id, kind, position, value) "
               "VALUES (%lld, 'email', 5, 'kj@example.net')",
           (long long)cy);
  CHECK_FILTER("kj@", "Cy Twain");
  CHECK_SEARCH("kj", "Cy Twain");
  /* the whole index rebuilt at the end of a bulk write has them too */
  CHECK_INT(bulk_begin(db, &b, true, &err), RP_OK);
  CHECK_INT(bulk_index_all(db, &b, &err), RP_OK);
  CHECK_INT(bulk_commit(db, &b, &err), RP_OK);
  CHECK_FILTER("wx", "Cy Twain");
  CHECK_SEARCH("wx", "Cy Twain");
  CHECK_SEARCH("kj", "Cy Twain");
}

/* A journal at schema 13 (no values table): on open, each contact's email,
 * phone and URL become its one preferred value of each kind; contacts are
 * indexed again with their phones and URLs. */
static void test_migration(void) {
  fx_open_fresh(&db, "v13.db");
  fx_exec(db, "INSERT INTO contact (id, name, email, phone, url, warmth, stage, created_at,"
              " updated_at) VALUES"
              " (1, 'Old One', 'old@one.org', '+1 555 0100', 'https://one.example', 'warm',"
              "  'met', 1, 1),"
              " (2, 'Old Two', NULL, NULL, 'https://zeta.example', 'cold', 'met', 1, 1),"
              " (3, 'Old Three', '', NULL, NULL, 'cold', 'met', 1, 1);"
              CHECK_UNDO_MIGRATION_16
              "DELETE FROM contact_value;"
              "DROP TABLE contact_value;"
              /* the documents as schema 13 made them: no phone, no URL */
              "DELETE FROM search_fts;"
              "INSERT INTO search_fts (rowid, name, body) SELECT (id << 4) | 1, name, email"
              " FROM contact;"
              "PRAGMA user_version = 13;");
  db_close(db);
  db = NULL;
  char *path = xasprintf("%s/v13.db", check_tmpdir());
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  free(path);
  CHECK_INT(fx_scalar(db, "PRAGMA user_version"), db_schema_version());
  CHECK_STORED(1, "email", "old@one.org/-/p");
  CHECK_STORED(1, "phone", "+1 555 0100/-/p");
  CHECK_STORED(1, "url", "https://one.example/-/p");
  CHECK_STORED(2, "email", "");
  CHECK_STORED(2, "url", "https://zeta.example/-/p");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_value WHERE contact_id = 3"), 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_value"), 4);
  struct rp_contact c;
  CHECK_INT(contact_get(db, 1, &c, &err), RP_OK);
  CHECK_LIST(&c.emails, "old@one.org/-/p");
  CHECK_LIST(&c.phones, "+1 555 0100/-/p");
  contact_free(&c);
  CHECK_SEARCH("0100", "Old One");
  CHECK_SEARCH("zeta", "Old Two");
  CHECK_FILTER("555 01", "Old One");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  /* the values table's indexes: one contact's values (its primary key),
   * and who has an email (a merge's matching) */
  FX_CHECK_SQL(db, "SELECT count(*) FROM pragma_index_list('contact_value') WHERE "
                   "name = 'contact_value_email' AND partial",
               "1");
  sqlite3_stmt *st = NULL;
  CHECK_INT(sqlite3_prepare_v2(db_handle(db),
                               "EXPLAIN QUERY PLAN SELECT contact_id FROM contact_value WHERE "
                               "kind = 'email' AND value = 'A@B.C' COLLATE NOCASE",
                               -1, &st, NULL),
            SQLITE_OK);
  CHECK_INT(sqlite3_step(st), SQLITE_ROW);
  const char *plan = (const char *)sqlite3_column_text(st, 3);
  CHECK(plan && strstr(plan, "INDEX contact_value_email") != NULL);
  sqlite3_finalize(st);
}

int main(void) {
  setlocale(LC_ALL, "");
  fx_pipeline(&cfg);
  test_round_trip();
  test_primary_only();
  test_list_read_update();
  test_validation();
  test_scan_values();
  test_filter_search();
  test_bulk();
  test_migration();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_contact_values");
}
