/* test_contact_keyset.c — keyset paging of contact lists
 * (contact_list_keyset) and positions (contact_position): for every
 * ordering and filter, the rows after, from and before every row match the
 * same rows of the whole list read with contact_list; ties of equal names
 * (in any case) and equal update times keep their order by id; the ends of
 * the list; anchors outside the query. Then the cost: reading next to a row
 * at the far end of 3,000 contacts with one name takes no more steps than
 * next to the first, with no full scan and no sort. */
#include <strings.h>
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/contact.h"

static struct rp_config cfg;
static struct rp_db *db;

enum { TAG_MENTOR = 1, TAG_DESIGN = 2 };

/* Insert a contact at the clock time `now` with the TAG_… tags; returns
 * its id. */
static int64_t add(const char *name, const char *stage, const char *org, int tags,
                   long long now) {
  fx_set_now(now);
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.stage = xstrdup(stage);
  c.org = xstrdup(org);
  c.how_known = xstrdup(now % 2 ? "friend" : "cold");
  if (tags & TAG_MENTOR) strv_push(&c.tags, "mentor");
  if (tags & TAG_DESIGN) strv_push(&c.tags, "design");
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

/* The journal of the order tests: ties of names in any case, equal update
 * times, deleted contacts, stages, tags and organisations. */
static void fill(void) {
  static const char *const names[] = {"Same", "Ana", "same", "Zoë Ørsted", "SAME", "bob",
                                      "Same", "Bob", "Same", "Émile", "carl", "Same"};
  static const char *const stages[] = {"met", "identified", "asked"};
  for (int i = 0; i < 36; i++) {
    const char *name = names[i % RP_ARRAY_LEN(names)];
    /* update times: pairs of equal ones, out of id order */
    long long now = 1795000000 + (i * 7919 % 36) / 2;
    int64_t id = add(name, stages[i % 3], i % 4 ? "Acme" : "Beta",
                     i % 5 == 0 ? TAG_MENTOR | TAG_DESIGN : i % 5 == 1 ? TAG_DESIGN : 0, now);
    if (i % 9 == 4) {
      struct rp_err err;
      fx_set_now(1795000100 + i);
      CHECK_INT(contact_delete(db, id, &err), RP_OK);
    }
  }
}

/* The whole list of q (the reference order, read with OFFSET). */
static struct rp_contact_list all_of(const struct rp_contact_query *q) {
  struct rp_contact_list l;
  struct rp_err err;
  CHECK_INT(contact_list(db, q, 0, -1, &l, &err), RP_OK);
  return l;
}

/* Whether l holds exactly the ids ref[from … from+n-1]. */
static bool same_rows(const struct rp_contact_list *l, const struct rp_contact_list *ref,
                      long from, long n) {
  if ((long)l->n != n) return false;
  for (long i = 0; i < n; i++)
    if (l->v[i].id != ref->v[from + i].id) return false;
  return true;
}

static long clamp(long v, long lo, long hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Every read next to every row of q, and every position, against the
 * reference list; and walks page by page from either end. */
static void check_query(const char *what, const struct rp_contact_query *q) {
  struct rp_contact_list ref = all_of(q);
  long n = (long)ref.n;
  struct rp_err err;
  struct rp_contact_list l;
  int failed = 0;
  for (long limit = 1; limit <= 5; limit += 2) {
    for (long k = 0; k < n; k++) {
      const struct rp_contact *a = &ref.v[k];
      long end = clamp(k + 1 + limit, 0, n), start = clamp(k - limit, 0, n);
      CHECK_INT(contact_list_keyset(db, q, a, KEYSET_AFTER, limit, &l, &err), RP_OK);
      if (!same_rows(&l, &ref, k + 1, end - (k + 1))) failed++;
      contact_list_free(&l);
      CHECK_INT(contact_list_keyset(db, q, a, KEYSET_FROM, limit, &l, &err), RP_OK);
      if (!same_rows(&l, &ref, k, clamp(k + limit, 0, n) - k)) failed++;
      contact_list_free(&l);
      CHECK_INT(contact_list_keyset(db, q, a, KEYSET_BEFORE, limit, &l, &err), RP_OK);
      if (!same_rows(&l, &ref, start, k - start)) failed++;
      contact_list_free(&l);
      long pos = -1;
      CHECK_INT(contact_position(db, q, a->id, &pos, &err), RP_OK);
      if (pos != k) failed++;
    }
    /* no anchor: the first rows, the last rows */
    CHECK_INT(contact_list_keyset(db, q, NULL, KEYSET_AFTER, limit, &l, &err), RP_OK);
    if (!same_rows(&l, &ref, 0, clamp(limit, 0, n))) failed++;
    contact_list_free(&l);
    CHECK_INT(contact_list_keyset(db, q, NULL, KEYSET_FROM, limit, &l, &err), RP_OK);
    if (!same_rows(&l, &ref, 0, clamp(limit, 0, n))) failed++;
    contact_list_free(&l);
    CHECK_INT(contact_list_keyset(db, q, NULL, KEYSET_BEFORE, limit, &l, &err), RP_OK);
    if (!same_rows(&l, &ref, n - clamp(limit, 0, n), clamp(limit, 0, n))) failed++;
    contact_list_free(&l);
    /* forwards page by page from the start, backwards from the end */
    long got = 0;
    const struct rp_contact *last = NULL;
    struct rp_contact_list prev = {0};
    for (int guard = 0; guard < 100; guard++) {
      CHECK_INT(contact_list_keyset(db, q, last, KEYSET_AFTER, limit, &l, &err), RP_OK);
      if (!same_rows(&l, &ref, got, (long)l.n)) failed++;
      got += (long)l.n;
      contact_list_free(&prev);
      prev = l;
      if (!l.n) break;
      last = &prev.v[prev.n - 1];
    }
    contact_list_free(&prev);
    if (got != n) failed++;
    got = 0;
    const struct rp_contact *first = NULL;
    for (int guard = 0; guard < 100; guard++) {
      CHECK_INT(contact_list_keyset(db, q, first, KEYSET_BEFORE, limit, &l, &err), RP_OK);
      if (!same_rows(&l, &ref, n - got - (long)l.n, (long)l.n)) failed++;
      got += (long)l.n;
      contact_list_free(&prev);
      prev = l;
      if (!l.n) break;
      first = &prev.v[0];
    }
    contact_list_free(&prev);
    if (got != n) failed++;
  }
  /* all the rows after one (limit < 0) */
  if (n > 2) {
    CHECK_INT(contact_list_keyset(db, q, &ref.v[1], KEYSET_AFTER, -1, &l, &err), RP_OK);
    if (!same_rows(&l, &ref, 2, n - 2)) failed++;
    contact_list_free(&l);
  }
  if (failed) fprintf(stderr, "%s: %d reads or positions differ from the list\n", what, failed);
  CHECK_INT(failed, 0);
  contact_list_free(&ref);
}

static void test_orders_and_filters(void) {
  fx_open_fresh(&db, "keyset.db");
  fill();
  static const struct {
    const char *what;
    struct rp_contact_query q;
  } queries[] = {
      {"all", {0}},
      {"text", {.text = "sam"}},
      {"stage", {.stage = "met"}},
      {"tag", {.tag = "design"}},
      {"tag and stage", {.tag = "design", .stage = "identified"}},
      {"warmth", {.warmth = "cold"}},
      {"org", {.org = "beta"}},
      {"with deleted", {.include_deleted = true}},
      {"no match", {.text = "nobody", .include_deleted = true}},
  };
  for (int sort = 0; sort < 2; sort++) {
    for (size_t i = 0; i < RP_ARRAY_LEN(queries); i++) {
      struct rp_contact_query q = queries[i].q;
      q.sort = sort ? SORT_UPDATED : SORT_NAME;
      char *what = xasprintf("%s, by %s", queries[i].what, sort ? "update" : "name");
      check_query(what, &q);
      free(what);
    }
  }
}

/* The names contact_list_keyset reads next to `anchor`, joined with "|";
 * "error" when it fails. Caller frees. */
static char *names_near(const struct rp_contact_query *q, const struct rp_contact *anchor,
                        enum rp_keyset dir, long limit) {
  struct rp_contact_list l;
  struct rp_err err;
  if (contact_list_keyset(db, q, anchor, dir, limit, &l, &err) != RP_OK) return xstrdup("error");
  char *s = fx_list_names(&l);
  contact_list_free(&l);
  return s;
}

#define CHECK_NEAR(q, anchor, dir, limit, expected)         \
  do {                                                      \
    char *names_ = names_near((q), (anchor), (dir), (limit)); \
    CHECK_STR(names_, (expected));                          \
    free(names_);                                           \
  } while (0)

/* The exact orders: names without regard to ASCII case, ties by id; update
 * times newest first, ties by the higher id first. (The four names differ
 * in case only, so the joined names show the order of the ids.) */
static void test_ties(void) {
  fx_open_fresh(&db, "ties.db");
  int64_t a = add("Same", "met", NULL, 0, 1795000000);
  int64_t b = add("same", "met", NULL, 0, 1795000000);
  add("Other", "met", NULL, 0, 1795000001);
  int64_t d = add("SAME", "met", NULL, 0, 1795000000);
  struct rp_err err;
  struct rp_contact_query q = {.sort = SORT_NAME};
  CHECK_NEAR(&q, NULL, KEYSET_AFTER, 10, "Other|Same|same|SAME");
  CHECK_NEAR(&q, NULL, KEYSET_BEFORE, 2, "same|SAME");
  /* an anchor is only a key: between two rows of the same name */
  char key[] = "sAmE";
  struct rp_contact mid = {.id = b, .name = key};
  CHECK_NEAR(&q, &mid, KEYSET_AFTER, 10, "SAME");
  CHECK_NEAR(&q, &mid, KEYSET_FROM, 10, "same|SAME");
  CHECK_NEAR(&q, &mid, KEYSET_BEFORE, 10, "Other|Same");
  CHECK_NEAR(&q, &mid, KEYSET_BEFORE, 1, "Same");
  /* a key no row has: from its place */
  char p[] = "P";
  struct rp_contact gap = {.id = 0, .name = p};
  CHECK_NEAR(&q, &gap, KEYSET_FROM, 10, "Same|same|SAME");
  CHECK_NEAR(&q, &gap, KEYSET_BEFORE, 10, "Other");
  long pos = -1;
  CHECK_INT(contact_position(db, &q, d, &pos, &err), RP_OK);
  CHECK_INT(pos, 3);

  q.sort = SORT_UPDATED;
  CHECK_NEAR(&q, NULL, KEYSET_AFTER, 10, "Other|SAME|same|Same");
  struct rp_contact at = {.id = b, .updated_at = 1795000000};
  CHECK_NEAR(&q, &at, KEYSET_AFTER, 10, "Same");
  CHECK_NEAR(&q, &at, KEYSET_BEFORE, 1, "SAME");
  CHECK_INT(contact_position(db, &q, a, &pos, &err), RP_OK);
  CHECK_INT(pos, 3);

  /* at the ends */
  struct rp_contact_list ref = all_of(&q);
  CHECK_NEAR(&q, &ref.v[3], KEYSET_AFTER, 10, "");
  CHECK_NEAR(&q, &ref.v[3], KEYSET_FROM, 10, "Same");
  CHECK_NEAR(&q, &ref.v[0], KEYSET_BEFORE, 10, "");
  CHECK_NEAR(&q, &ref.v[0], KEYSET_AFTER, 0, "");
  contact_list_free(&ref);

  /* a deleted row still marks its place; its position is RP_NO */
  CHECK_INT(contact_get(db, b, &at, &err), RP_OK);
  CHECK_INT(contact_delete(db, b, &err), RP_OK);
  q.sort = SORT_NAME;
  CHECK_NEAR(&q, &at, KEYSET_FROM, 10, "SAME");
  CHECK_NEAR(&q, &at, KEYSET_BEFORE, 10, "Other|Same");
  contact_free(&at);
  CHECK_INT(contact_position(db, &q, b, &pos, &err), RP_NO);
  CHECK_INT(pos, -1);
  q.include_deleted = true;
  CHECK_INT(contact_position(db, &q, b, &pos, &err), RP_OK);
  CHECK_INT(pos, 2);
  CHECK_INT(contact_position(db, &q, 4242, &pos, &err), RP_NO);
  CHECK_NEAR(&q, NULL, (enum rp_keyset)7, 10, "error");
}

/* What the statements run during a call cost: virtual machine steps, steps
 * of full scans, sorts (from each statement's counters as it ends). */
struct cost {
  long steps, fullscan, sorts;
};

static int on_profile(unsigned type, void *arg, void *p, void *x) {
  (void)x;
  if (type == SQLITE_TRACE_PROFILE) {
    struct cost *c = arg;
    sqlite3_stmt *st = p;
    c->steps += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0);
    c->fullscan += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
    c->sorts += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 0);
  }
  return 0;
}

static struct cost cost;

static void cost_start(void) {
  cost = (struct cost){0};
  sqlite3_trace_v2(db_handle(db), SQLITE_TRACE_PROFILE, on_profile, &cost);
}

static struct cost cost_end(void) {
  sqlite3_trace_v2(db_handle(db), 0, NULL, NULL);
  return cost;
}

/* The cost of one page next to `a`; with the rows checked to be `want`. */
static struct cost page_cost(const struct rp_contact_query *q, const struct rp_contact *a,
                             enum rp_keyset dir, long want) {
  struct rp_contact_list l;
  struct rp_err err;
  cost_start();
  CHECK_INT(contact_list_keyset(db, q, a, dir, 20, &l, &err), RP_OK);
  struct cost c = cost_end();
  CHECK_INT(l.n, want);
  contact_list_free(&l);
  return c;
}

/* 3,000 live contacts with one name and one update time (and 300 deleted
 * ones): a page next to the last costs what one next to the first does. */
static void test_cost(void) {
  fx_open_fresh(&db, "cost.db");
  fx_exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3300)\n"
              "INSERT INTO contact (name, warmth, stage, created_at, updated_at, deleted_at)\n"
              "SELECT CASE WHEN i % 2 THEN 'Same Name' ELSE 'same name' END, 'cold', 'met',\n"
              "  1795000000, 1795000000, CASE WHEN i % 11 = 0 THEN 1795000000 END FROM n");
  fx_exec(db, "ANALYZE");
  for (int sort = 0; sort < 2; sort++) {
    struct rp_contact_query q = {.sort = sort ? SORT_UPDATED : SORT_NAME};
    struct rp_contact_list ref = all_of(&q);
    CHECK_INT(ref.n, 3000);
    if (ref.n != 3000) return;
    struct cost first = page_cost(&q, &ref.v[0], KEYSET_AFTER, 20);
    struct cost last = page_cost(&q, &ref.v[2979], KEYSET_AFTER, 20);
    struct cost back = page_cost(&q, &ref.v[2999], KEYSET_BEFORE, 20);
    struct cost end = page_cost(&q, NULL, KEYSET_BEFORE, 20);
    struct cost top = page_cost(&q, NULL, KEYSET_AFTER, 20);
    struct cost from = page_cost(&q, &ref.v[2990], KEYSET_FROM, 10);
    const struct cost *all[] = {&first, &last, &back, &end, &top, &from};
    /* (a page from either end is an index scan stopped by its LIMIT: the
     * statement counts its steps as a full scan's) */
    for (size_t i = 0; i < RP_ARRAY_LEN(all); i++) {
      if (all[i]->fullscan > 20 || all[i]->sorts || all[i]->steps > first.steps * 2 + 50)
        fprintf(stderr, "%s page %zu: %ld steps (first page %ld), %ld full scan steps, %ld sorts\n",
                sort ? "by update" : "by name", i, all[i]->steps, first.steps, all[i]->fullscan,
                all[i]->sorts);
      CHECK(all[i]->fullscan <= 20);
      CHECK_INT(all[i]->sorts, 0);
      CHECK(all[i]->steps <= first.steps * 2 + 50);
    }
    /* a position and the count are index ranges: no full scan of the
     * table, no sort */
    long pos = -1, n = -1;
    struct rp_err err;
    cost_start();
    CHECK_INT(contact_position(db, &q, ref.v[2999].id, &pos, &err), RP_OK);
    struct cost c = cost_end();
    CHECK_INT(pos, 2999);
    CHECK_INT(c.sorts, 0);
    CHECK_INT(c.fullscan, 0);
    cost_start();
    CHECK_INT(contact_count(db, &q, &n, &err), RP_OK);
    c = cost_end();
    CHECK_INT(n, 3000);
    CHECK_INT(c.sorts, 0);
    CHECK_INT(fx_scalar(db, "SELECT count(*) FROM pragma_index_list('contact') "
                            "WHERE name IN ('contact_live_name', 'contact_live_updated')"),
              2);
    contact_list_free(&ref);
  }
}

/* A first page of one stage in name order (`rapport list --stage S
 * --limit N`) reads its rows in order from an index and stops: no sort of
 * every contact at that stage (issue 22: its time grew with the journal). */
static void test_stage_page(void) {
  fx_open_fresh(&db, "stage.db");
  fx_exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)\n"
              "INSERT INTO contact (name, warmth, stage, created_at, updated_at, deleted_at)\n"
              "SELECT 'P' || (i * 7919 % 3000), 'cold', CASE WHEN i % 3 THEN 'met' ELSE 'asked' END,\n"
              "  1795000000, 1795000000, CASE WHEN i % 11 = 0 THEN 1795000000 END FROM n");
  struct rp_contact_query q = {.stage = "met", .sort = SORT_NAME};
  struct rp_contact_list l;
  struct rp_err err;
  cost_start();
  CHECK_INT(contact_list(db, &q, 0, 50, &l, &err), RP_OK);
  struct cost c = cost_end();
  CHECK_INT(l.n, 50);
  CHECK_INT(c.sorts, 0);
  for (size_t i = 1; i < l.n; i++) CHECK(strcasecmp(l.v[i - 1].name, l.v[i].name) <= 0);
  for (size_t i = 0; i < l.n; i++) CHECK_STR(l.v[i].stage, "met");
  contact_list_free(&l);
}

/* The plan of `sql` (EXPLAIN QUERY PLAN details joined with "; "); caller
 * frees. */
static char *plan_of(const char *sql) {
  char *explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
  struct rp_buf out = {0};
  buf_adds(&out, "");
  sqlite3_stmt *st;
  CHECK_INT(sqlite3_prepare_v2(db_handle(db), explain, -1, &st, NULL), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (out.len) buf_adds(&out, "; ");
    buf_adds(&out, (const char *)sqlite3_column_text(st, 3));
  }
  sqlite3_finalize(st);
  free(explain);
  return buf_steal(&out);
}

/* The indexes of the live orderings (migration 11) are partial: a query
 * for some live contacts in name order (whom one contact introduced) keeps
 * its own index instead of reading every live contact in order. */
static void test_live_indexes_stay_out_of_the_way(void) {
  fx_open_fresh(&db, "plans.db");
  char *p = plan_of("SELECT name, org FROM contact WHERE introduced_by = 1 AND deleted_at IS NULL "
                    "ORDER BY name COLLATE NOCASE, id");
  CHECK(strstr(p, "contact_introduced_by") != NULL);
  if (!strstr(p, "contact_introduced_by")) fprintf(stderr, "plan: %s\n", p);
  free(p);
}

int main(void) {
  setlocale(LC_ALL, "");
  fx_pipeline(&cfg);
  test_orders_and_filters();
  test_ties();
  test_cost();
  test_live_indexes_stay_out_of_the_way();
  test_stage_page();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_contact_keyset");
}
