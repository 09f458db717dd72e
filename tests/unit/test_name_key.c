/* test_name_key.c — a name typed on the command line (show, ready, path,
 * notes, cadence, outcome add) and an organisation (path --org) resolve
 * through folded key columns (contact.name_key, contact.org_key) and their
 * indexes, not by folding every contact (issue 22): the same contacts as
 * before for case, accents, ß, several matches and deleted contacts; a key
 * left NULL or stale by a writer without rp_fold (the sqlite3 shell) still
 * resolves; the exact lookups are index searches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/export.h"
#include "rapport/path.h"

static struct rp_config cfg;

static int64_t add_at(struct rp_db *db, const char *name, const char *org) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.org = org ? xstrdup(org) : NULL;
  c.stage = xstrdup("identified");
  c.warmth = xstrdup("warm"); /* known personally: path --org ends at them */
  c.how_known = xstrdup("friend");
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

/* contact_resolve(name): the id on RP_OK, 0 on RP_NO, -1 when ambiguous. */
static int64_t resolve(struct rp_db *db, const char *name) {
  struct rp_err err;
  int64_t id = 0;
  enum rp_status s = contact_resolve(db, name, &id, &err);
  if (s == RP_OK) return id;
  if (s == RP_NO) return 0;
  CHECK_INT(s, RP_INVALID);
  CHECK(strstr(err.msg, "matches several contacts") != NULL);
  return -1;
}

/* The people path --org finds at `org`, by the chain's target ("" when
 * none). Caller frees. */
static char *org_target(struct rp_db *db, const char *org) {
  struct rp_path p;
  struct rp_err err;
  enum rp_status s = path_to_org(db, org, &p, &err);
  if (s != RP_OK) return xstrdup("");
  char *t = xstrdup(p.names.v[p.n - 1]);
  path_free(&p);
  return t;
}

static void test_resolution(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "keys.db");
  int64_t emile = add_at(db, "Émile Zola", "Éditions Charpentier");
  int64_t strauss = add_at(db, "Jürgen Strauß", "Straße AG");
  int64_t anna = add_at(db, "Anna Berg", "Acme");
  int64_t joanna = add_at(db, "Joanna Lind", "ACME");
  int64_t olga = add_at(db, "ОЛЬГА Петрова", NULL);
  int64_t gone = add_at(db, "Gone Person", "Vanished Ltd");
  add_at(db, "Sam Twin", "Twins");
  add_at(db, "sam twin", "Twins");
  struct rp_err err;
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);

  /* exact, whatever the case (Latin-1, Latin Extended-A, Cyrillic) */
  CHECK(resolve(db, "émile zola") == emile);
  CHECK(resolve(db, "ÉMILE ZOLA") == emile);
  CHECK(resolve(db, "  Émile Zola \t") == emile);
  CHECK(resolve(db, "jürgen STRAUß") == strauss);
  CHECK(resolve(db, "ольга петрова") == olga);
  /* ß is not ss, and an accent is not its letter (as before) */
  CHECK(resolve(db, "Jurgen Strauss") == 0);
  CHECK(resolve(db, "Emile Zola") == 0);
  /* two contacts with the same folded name: ambiguous */
  CHECK(resolve(db, "SAM TWIN") == -1);
  /* a deleted contact is not found, by its whole name or a part */
  CHECK(resolve(db, "Gone Person") == 0);
  CHECK(resolve(db, "gone") == 0);
  /* a part of a name: "anna" starts Anna Berg's name and is inside
   * Joanna Lind's, so it is ambiguous (as before the keys) */
  CHECK(resolve(db, "ANNA") == -1);
  CHECK(resolve(db, "anna b") == anna);
  CHECK(resolve(db, "oanna") == joanna);
  CHECK(resolve(db, "nna") == -1);
  CHECK(resolve(db, "zola") == emile);
  CHECK(resolve(db, "nobody at all") == 0);

  /* the keys the writers made */
  FX_CHECK_SQL(db, "SELECT name_key FROM contact WHERE name = 'Émile Zola'", "émile zola");
  FX_CHECK_SQL(db, "SELECT org_key FROM contact WHERE name = 'Jürgen Strauß'", "straße ag");
  CHECK(fx_scalar(db, "SELECT count(*) FROM contact WHERE org IS NULL AND org_key IS NOT NULL")
        == 0);

  /* an organisation, whatever its case */
  char *t = org_target(db, "éditions CHARPENTIER");
  CHECK_STR(t, "Émile Zola");
  free(t);
  t = org_target(db, "acme");
  CHECK_STR(t, "Anna Berg");
  free(t);
  t = org_target(db, "vanished ltd");
  CHECK_STR(t, "");
  free(t);

  /* an edit through the model keeps the keys */
  struct rp_contact c;
  CHECK_INT(contact_get(db, anna, &c, &err), RP_OK);
  free(c.name);
  c.name = xstrdup("Annika Berg");
  free(c.org);
  c.org = xstrdup("Globex");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK(resolve(db, "annika berg") == anna);
  CHECK(resolve(db, "anna berg") == 0);
  t = org_target(db, "GLOBEX");
  CHECK_STR(t, "Annika Berg");
  free(t);
  db_close(db);
}

/* Keys written by a writer that has no rp_fold: the sqlite3 shell adds a
 * contact (no keys at all) and renames one (its key now stale). */
static void test_foreign_writers(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "foreign.db");
  int64_t old = add_at(db, "Old Name", "Old Org");
  fx_exec(db, "INSERT INTO contact (name, org, stage, warmth, how_known, created_at, "
              "updated_at) VALUES ('Kári Shell', 'Shell Co', 'identified', 'warm', 'friend', 0, 0)");
  int64_t shell = fx_scalar(db, "SELECT id FROM contact WHERE name = 'Kári Shell'");
  fx_exec(db, "UPDATE contact SET name = 'Néw Name', org = 'New Org' WHERE name = 'Old Name'");
  CHECK(fx_scalar(db, "SELECT count(*) FROM contact WHERE name_key IS NULL") == 2);
  CHECK(resolve(db, "kári shell") == shell);
  CHECK(resolve(db, "kári") == shell);
  CHECK(resolve(db, "shell") == shell);
  CHECK(resolve(db, "néw name") == old);
  CHECK(resolve(db, "NÉW") == old);
  CHECK(resolve(db, "old name") == 0);
  char *t = org_target(db, "shell co");
  CHECK_STR(t, "Kári Shell");
  free(t);
  t = org_target(db, "new org");
  CHECK_STR(t, "Néw Name");
  free(t);
  t = org_target(db, "old org");
  CHECK_STR(t, "");
  free(t);
  /* a rename to the same folded name (a case change) by the model keeps
   * resolving: the shell-writer trigger may clear the key, never leave it
   * wrong */
  struct rp_contact c;
  struct rp_err err;
  CHECK_INT(contact_get(db, old, &c, &err), RP_OK);
  free(c.name);
  c.name = xstrdup("NÉW NAME");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK(resolve(db, "néw name") == old);
  db_close(db);
}

/* A restore and a merge write the rows as exported, without the keys
 * (the export leaves them out): the keys are made for what they add. */
static void test_restore_merge(void) {
  struct rp_db *a = NULL, *b = NULL;
  fx_open_fresh(&a, "export.db");
  int64_t zola = add_at(a, "Émile Zola", "Éditions Charpentier");
  struct rp_buf json = {0};
  struct rp_err err;
  CHECK_INT(export_json(a, &json, &err), RP_OK);
  CHECK(strstr(buf_str(&json), "name_key") == NULL);
  CHECK(strstr(buf_str(&json), "org_key") == NULL);
  db_close(a);
  fx_open_fresh(&b, "restored.db");
  struct rp_restore_summary sum;
  CHECK_INT(restore_json(b, json.s, json.len, false, &sum, &err), RP_OK);
  FX_CHECK_SQL(b, "SELECT name_key || '|' || org_key FROM contact",
               "émile zola|éditions charpentier");
  CHECK(resolve(b, "ÉMILE ZOLA") == zola);
  /* merged into a journal with contacts of its own: a new id, keyed */
  add_at(b, "Someone Else", NULL);
  fx_exec(b, "UPDATE contact SET name = 'Old Zola' WHERE name = 'Émile Zola'");
  CHECK_INT(restore_json(b, json.s, json.len, true, &sum, &err), RP_OK);
  CHECK(fx_scalar(b, "SELECT count(*) FROM contact WHERE name_key = 'émile zola' "
                     "AND org_key = 'éditions charpentier'") == 1);
  CHECK(resolve(b, "émile zola") > 0);
  buf_free(&json);
  db_close(b);
}

/* The statements run while tracing is on (their SQL as prepared). */
static struct rp_strv traced;

static int on_stmt(unsigned type, void *ctx, void *p, void *x) {
  (void)ctx;
  (void)x;
  if (type == SQLITE_TRACE_STMT) {
    const char *sql = sqlite3_sql((sqlite3_stmt *)p);
    if (sql && strncmp(sql, "SELECT", 6) == 0 && (strstr(sql, "name_key") || strstr(sql, "org_key")))
      strv_push(&traced, sql);
  }
  return 0;
}

/* Every lookup on a key that ran since tracing began is an index search
 * on a key, with no scan of the contacts; at least `min` ran. */
static void check_traced(struct rp_db *db, size_t min, const char *what) {
  if (traced.n < min) {
    fprintf(stderr, "%s: %zu lookups on a key, wanted %zu\n", what, traced.n, min);
    CHECK(false);
  }
  for (size_t i = 0; i < traced.n; i++) {
    char *p = fx_plan(db, traced.v[i]);
    if (!strstr(p, "USING INDEX contact_name_key") && !strstr(p, "USING INDEX contact_org_key")) {
      fprintf(stderr, "%s: no key index: %s\n  %s\n", what, p, traced.v[i]);
      CHECK(false);
    }
    /* a scan only of the index of the keys a shell left NULL */
    for (const char *l = p; (l = strstr(l, "SCAN ")) != NULL; l++) {
      static const char ok1[] = "SCAN contact USING INDEX contact_org_unkeyed";
      static const char ok2[] = "SCAN contact USING COVERING INDEX contact_org_unkeyed";
      if (strncmp(l, ok1, sizeof ok1 - 1) != 0 && strncmp(l, ok2, sizeof ok2 - 1) != 0) {
        fprintf(stderr, "%s: scans the contacts: %s\n  %s\n", what, p, traced.v[i]);
        CHECK(false);
        break;
      }
    }
    free(p);
  }
  strv_free(&traced);
}

/* The lookups that run for a whole name and an organisation are index searches on the keys (EXPLAIN QUERY PLAN of the
 * statements that ran, caught by a trace). */
static void test_plans(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "plans.db");
  for (int i = 0; i < 200; i++) {
    char name[32];
    snprintf(name, sizeof name, "Person %d", i);
    add_at(db, name, i % 2 ? "Acme" : "Globex");
  }
  fx_exec(db, "ANALYZE");
  sqlite3_trace_v2(db_handle(db), SQLITE_TRACE_STMT, on_stmt, NULL);
  CHECK(resolve(db, "person 17") > 0);
  check_traced(db, 1, "a whole name");
  CHECK(resolve(db, "PERSON 1") > 0); /* whole: Person 1, not Person 10… */
  check_traced(db, 1, "a whole name");
  char *t = org_target(db, "acme");
  CHECK(*t);
  free(t);
  /* its people in name order from the indexes, not sorted after reading
   * them all (path --org stops at the first one known personally) */
  CHECK_INT((long)traced.n, 1);
  char *p = fx_plan(db, traced.v[0]);
  if (strstr(p, "TEMP B-TREE")) fprintf(stderr, "an organisation: sorted: %s\n", p);
  CHECK(strstr(p, "TEMP B-TREE") == NULL);
  free(p);
  check_traced(db, 1, "an organisation");
  sqlite3_trace_v2(db_handle(db), 0, NULL, NULL);
  db_close(db);
}

int main(void) {
  memset(&cfg, 0, sizeof cfg);
  fx_pipeline(&cfg);
  test_resolution();
  test_foreign_writers();
  test_restore_merge();
  test_plans();
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  return check_done("test_name_key");
}
