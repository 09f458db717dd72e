/* test_import_lookup.c — an import of a few rows into a big journal
 * matches each row through the journal's indexes (issue 22): the same
 * contacts found as when the importer reads the whole journal into its
 * tables (by email whatever its ASCII case, by a LinkedIn URL written
 * otherwise, by name and organisation folded, the right one of two
 * namesakes, a contact the sqlite3 shell added, a deleted one, two rows of
 * one person in the file), and no statement it runs scans the contacts or
 * their values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/import.h"

static struct rp_config cfg;

/* Add a contact with at most one email and one URL; its id. */
static int64_t add_at(struct rp_db *db, const char *name, const char *org, const char *email,
                      const char *url) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.org = org ? xstrdup(org) : NULL;
  c.stage = xstrdup("identified");
  c.warmth = xstrdup("warm");
  c.how_known = xstrdup("friend");
  c.values_read = true;
  if (email) {
    contact_values_add(&c.emails, VALUE_EMAIL, email, NULL, true);
    c.email = xstrdup(email);
  }
  if (url) {
    contact_values_add(&c.urls, VALUE_URL, url, NULL, true);
    c.url = xstrdup(url);
  }
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

static const char rows[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    /* Ada by her email, another name and case */
    "Someone,Else,,ADA@Example.ORG,,Poet,\n"
    /* Grace by her profile written otherwise */
    "G,H,http://LinkedIn.com/in/Grace-Hopper,,,Admiral,\n"
    /* Zola by name and organisation in capitals (Latin-1) */
    "\xC3\x89MILE,ZOLA,,,\xC3\x89" "DITIONS CHARPENTIER,Writer,\n"
    /* a namesake without a profile: the newest Sam Twin */
    "Sam,Twin,,sam@twins.example,Twins,Twin,\n"
    /* a namesake with another profile: a new person */
    "Sam,Twin,https://www.linkedin.com/in/sam-three,,Twins,,\n"
    /* added in the sqlite3 shell: no name key */
    "K\xC3\xA1ri,Shell,,,Shell Co,Driller,\n"
    /* deleted: left alone */
    "Gone,Person,,gone@example.org,Vanished,Ghost,\n"
    /* twice in the file: added, then found by the profile, then by name */
    "New,Person,https://www.linkedin.com/in/new-person,,Startup,CEO,\n"
    "New,Person,https://linkedin.com/in/new-person/,,Startup,CTO,\n"
    "Other,Newbie,,,NewCo,,\n"
    "Other,Newbie,,,NewCo,Boss,\n";

/* The statements run while tracing is on (their SQL as prepared). */
static struct rp_strv traced;

static int on_stmt(unsigned type, void *ctx, void *p, void *x) {
  (void)ctx;
  (void)x;
  if (type == SQLITE_TRACE_STMT) {
    const char *sql = sqlite3_sql((sqlite3_stmt *)p);
    if (sql && strncmp(sql, "SELECT", 6) == 0) strv_push(&traced, sql);
  }
  return 0;
}

/* No traced statement scans the contacts or their values; the name, the
 * email and the URL lookups ran through their indexes. */
static void check_plans(struct rp_db *db) {
  bool by_name = false, by_email = false, by_url = false;
  for (size_t i = 0; i < traced.n; i++) {
    char *p = fx_plan(db, traced.v[i]);
    by_name |= strstr(p, "USING INDEX contact_name_key (name_key=?)") != NULL;
    by_email |= strstr(p, "INDEX contact_value_email") != NULL;
    by_url |= strstr(p, "INDEX contact_value_url_key") != NULL;
    static const char *const scans[] = {"SCAN contact|", "SCAN contact ", "SCAN c|", "SCAN c ",
                                        "SCAN contact_value", "SCAN v|", "SCAN v "};
    for (size_t k = 0; k < RP_ARRAY_LEN(scans); k++)
      if (strstr(p, scans[k])) {
        fprintf(stderr, "an import scans the journal: %s\n  %s\n", p, traced.v[i]);
        CHECK(false);
        break;
      }
    free(p);
  }
  if (!by_name || !by_email || !by_url)
    fprintf(stderr, "lookups through indexes: name %d, email %d, url %d\n", by_name, by_email,
            by_url);
  CHECK(by_name && by_email && by_url);
  strv_free(&traced);
}

/* Import `rows` into a journal with the contacts above after `fillers`
 * others (enough of them: a lookup per row; none: the importer's tables),
 * and check what it found. With `plans`, every statement the import runs
 * is checked to search indexes rather than scan. */
static void import_into(int fillers, bool plans) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, fillers ? "lookup.db" : "tables.db");
  for (int i = 0; i < fillers; i++) {
    char name[32];
    snprintf(name, sizeof name, "Filler %d", i);
    add_at(db, name, "Fill Co", NULL, NULL);
  }
  int64_t ada = add_at(db, "Ada Lovelace", "Analytical Engines", "ada@example.org", NULL);
  int64_t grace =
      add_at(db, "Grace Hopper", "Navy", NULL, "https://www.linkedin.com/in/grace-hopper/");
  int64_t zola = add_at(db, "\xC3\x89mile Zola", "\xC3\x89" "ditions Charpentier", NULL, NULL);
  int64_t sam1 = add_at(db, "Sam Twin", "Twins", NULL, "https://www.linkedin.com/in/sam-one");
  int64_t sam2 = add_at(db, "sam twin", "Twins", NULL, "https://www.linkedin.com/in/sam-two");
  int64_t gone = add_at(db, "Gone Person", "Vanished", "gone@example.org", NULL);
  struct rp_err err;
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);
  fx_exec(db, "INSERT INTO contact (name, org, stage, warmth, how_known, created_at, updated_at) "
              "VALUES ('K\xC3\xA1ri Shell', 'Shell Co', 'identified', 'warm', 'friend', 0, 0)");
  int64_t kari = fx_scalar(db, "SELECT id FROM contact WHERE name_key IS NULL");
  CHECK(kari > 0);

  struct rp_import_people people;
  CHECK_INT(import_parse_linkedin("rows.csv", rows, sizeof rows - 1, "friend", &people, &err),
            RP_OK);
  CHECK_INT((long)people.n, 11);
  struct rp_import_summary sum = {0};
  if (plans) {
    fx_exec(db, "ANALYZE");
    sqlite3_trace_v2(db_handle(db), SQLITE_TRACE_STMT, on_stmt, NULL);
  }
  enum rp_status st = import_people(db, &cfg, &people, NULL, &sum, &err);
  if (st != RP_OK) fprintf(stderr, "import: %s\n", err.msg);
  CHECK_INT(st, RP_OK);
  if (plans) {
    sqlite3_trace_v2(db_handle(db), 0, NULL, NULL);
    check_plans(db);
  }
  char *line = import_summary_line(&sum);
  CHECK_STR(line, "added 3, updated 6, unchanged 2, skipped 0, warnings 0");
  free(line);
  /* who gained what */
  char *q = xasprintf("SELECT role FROM contact WHERE id = %lld", (long long)ada);
  FX_CHECK_SQL(db, q, "Poet");
  free(q);
  q = xasprintf("SELECT role FROM contact WHERE id = %lld", (long long)grace);
  FX_CHECK_SQL(db, q, "Admiral");
  free(q);
  q = xasprintf("SELECT role FROM contact WHERE id = %lld", (long long)zola);
  FX_CHECK_SQL(db, q, "Writer");
  free(q);
  q = xasprintf("SELECT ifnull(role, '-') || ' ' || ifnull(email, '-') FROM contact "
                "WHERE id = %lld", (long long)sam2);
  FX_CHECK_SQL(db, q, "Twin sam@twins.example");
  free(q);
  q = xasprintf("SELECT ifnull(role, '-') FROM contact WHERE id = %lld", (long long)sam1);
  FX_CHECK_SQL(db, q, "-");
  free(q);
  q = xasprintf("SELECT role FROM contact WHERE id = %lld", (long long)kari);
  FX_CHECK_SQL(db, q, "Driller");
  free(q);
  q = xasprintf("SELECT ifnull(role, '-') FROM contact WHERE id = %lld", (long long)gone);
  FX_CHECK_SQL(db, q, "-");
  free(q);
  CHECK(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Sam Twin' AND url LIKE "
                      "'%sam-three'") == 1);
  FX_CHECK_SQL(db, "SELECT group_concat(role) FROM contact WHERE name = 'New Person'", "CEO");
  FX_CHECK_SQL(db, "SELECT group_concat(role) FROM contact WHERE name = 'Other Newbie'", "Boss");
  import_summary_free(&sum);
  import_people_free(&people);
  db_close(db);
}

int main(void) {
  memset(&cfg, 0, sizeof cfg);
  fx_pipeline(&cfg);
  import_into(0, false); /* 11 rows, 7 contacts: the importer's tables */
  import_into(40, true); /* 11 rows, 47 contacts: a lookup per row */
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  return check_done("test_import_lookup");
}
