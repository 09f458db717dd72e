/* test_merge_resume.c — import json --merge at scale (issue 22): the
 * match goes through indexes (the query plans use them, no scan of the
 * contacts), the merge commits in batches that another connection sees
 * while it runs, and a merge killed part way is finished by running it
 * again, with the same result as one uninterrupted merge (no duplicates). */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "check.h"
#include "fixture.h"
#include "model/db_sql.h"
#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/search.h"

enum { N = 5000 };

static char *path_of(const char *name) { return xasprintf("%s/%s", check_tmpdir(), name); }

/* The plan of sql (one bound parameter or two, left NULL), one line. */
static char *plan_of(struct rp_db *db, const char *sql) {
  char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
  sqlite3_stmt *st = NULL;
  struct rp_buf b = {0};
  buf_adds(&b, "");
  if (sqlite3_prepare_v2(db_handle(db), q, -1, &st, NULL) == SQLITE_OK)
    while (sqlite3_step(st) == SQLITE_ROW) buf_addf(&b, "%s; ", sqlite3_column_text(st, 3));
  sqlite3_finalize(st);
  free(q);
  return buf_steal(&b);
}

/* The queries dump_match_contact asks, once per merged contact: each
 * through an index, none reading every contact. */
static void test_match_plans(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "plans.db");
  static const char *const sql[] = {
      "SELECT v.contact_id FROM contact_value v JOIN contact c ON c.id = v.contact_id"
      " WHERE v.kind = 'email' AND v.value = trim(?1) COLLATE NOCASE AND c.deleted_at IS NULL"
      " ORDER BY v.contact_id LIMIT 1",
      "SELECT id FROM contact WHERE email = trim(?1) COLLATE NOCASE AND deleted_at IS NULL"
      " ORDER BY id LIMIT 1",
      "SELECT id FROM contact WHERE deleted_at IS NULL AND name = trim(?1) COLLATE NOCASE AND"
      " ifnull(trim(org), '') = ifnull(trim(?2), '') COLLATE NOCASE ORDER BY id LIMIT 1",
      "SELECT new_id, added FROM merge_map WHERE source = ?1 AND tbl = ?2 AND old_id = ?3",
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(sql); i++) {
    char *p = plan_of(db, sql[i]);
    fprintf(stderr, "plan %zu: %s\n", i, p);
    CHECK(strstr(p, "INDEX") != NULL || strstr(p, "PRIMARY KEY") != NULL);
    CHECK(strstr(p, "SCAN c") == NULL && strstr(p, "SCAN contact") == NULL &&
          strstr(p, "SCAN v") == NULL && strstr(p, "SCAN merge_map") == NULL);
    free(p);
  }
  db_close(db);
}

/* N contacts, each with a tag and a give, every other one introduced by
 * the one before: the file to merge. Caller frees. */
static char *source_file(void) {
  struct rp_db *a = NULL;
  fx_open_fresh(&a, "source.db");
  fx_execf(a,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
           " INSERT INTO contact (id, name, email, warmth, stage, created_at, updated_at,"
           " introduced_by) SELECT i, 'Person ' || i, 'p' || i || '@example.org', 'warm',"
           " 'identified', 1, 1, CASE WHEN i %% 2 = 0 THEN i - 1 END FROM n;"
           "INSERT INTO contact_tag (contact_id, tag) SELECT id, 'tag' || (id %% 7) FROM contact;"
           "INSERT INTO give (contact_id, date, kind, text, created_at)"
           " SELECT id, '2024-01-02', 'article', 'sent an article ' || id, 1 FROM contact;",
           N);
  struct rp_buf out = {0};
  struct rp_err err;
  CHECK_INT(export_json(a, &out, &err), RP_OK);
  db_close(a);
  return buf_steal(&out);
}

/* A journal that has Person 5 already (by email, in other case). */
static struct rp_db *target(const char *name) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, name);
  fx_exec(db, "INSERT INTO contact (id, name, email, warmth, stage, created_at, updated_at)"
              " VALUES (900001, 'P. Five', 'P5@EXAMPLE.ORG', 'cold', 'identified', 1, 1)");
  return db;
}

/* What a merge leaves, as one text to compare. Caller frees. */
static char *summary_of(struct rp_db *db) {
  return fx_text(db,
                 "SELECT (SELECT count(*) FROM contact) || ' contacts, ' ||"
                 " (SELECT count(DISTINCT lower(email)) FROM contact) || ' emails, ' ||"
                 " (SELECT count(*) FROM contact_tag) || ' tags, ' ||"
                 " (SELECT count(*) FROM give) || ' gives, ' ||"
                 " (SELECT count(*) FROM contact c JOIN contact i ON i.id = c.introduced_by"
                 "  WHERE i.name = 'Person ' || (CAST(substr(c.name, 8) AS INTEGER) - 1)"
                 "  OR i.name = 'P. Five') || ' introductions, ' ||"
                 " (SELECT count(*) FROM merge_map) || ' remembered'");
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_resume(void) {
  char *file = source_file();
  size_t len = strlen(file);
  struct rp_restore_summary sum;
  struct rp_err err;

  /* the reference: one merge, not stopped */
  struct rp_db *ref = target("ref.db");
  CHECK_INT(restore_json(ref, file, len, true, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, N - 1);
  CHECK_INT(sum.contacts_matched, 1);
  char *want = summary_of(ref);
  fprintf(stderr, "one merge: %s\n", want);
  CHECK(strstr(want, " 0 remembered") != NULL);
  db_close(ref);

  /* the same merge, killed once its first batches are in */
  struct rp_db *t = target("stopped.db");
  db_close(t);
  char *path = path_of("stopped.db");
  pid_t pid = fork();
  if (pid == 0) {
    struct rp_db *c = NULL;
    if (db_open(path, &c, &err) != RP_OK) _exit(2);
    /* a batch at every MERGE_BATCH rows and a pause after it: however
     * fast the machine, the batches are seen while the merge runs */
    restore_merge_pace(0, 100);
    _exit(restore_json(c, file, len, true, &sum, &err) == RP_OK ? 0 : 1);
  }
  t = NULL;
  CHECK_INT(db_open(path, &t, &err), RP_OK);
  long long seen = 0, contacts = 0;
  double t0 = now_s();
  while (now_s() - t0 < 60) { /* what the batches committed, seen from here */
    seen = fx_scalar(t, "SELECT count(*) FROM merge_map");
    if (seen >= 1500) break;
  }
  int status = 0;
  bool running = waitpid(pid, &status, WNOHANG) == 0;
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  contacts = fx_scalar(t, "SELECT count(*) FROM contact");
  fprintf(stderr, "killed with %lld rows remembered, %lld contacts in\n", seen, contacts);
  CHECK(running);          /* the batches were seen while the merge ran */
  CHECK(seen >= 1500);
  CHECK(contacts > 1 && contacts < N); /* part way */

  /* run again: finished, as the merge that was not stopped left it */
  CHECK_INT(restore_json(t, file, len, true, &sum, &err), RP_OK);
  CHECK(sum.contacts_resumed > 0);
  CHECK_INT(sum.contacts + sum.contacts_resumed, N - 1);
  char *got = summary_of(t);
  CHECK_STR(got, want);
  free(got);
  /* the search index holds what a rebuild makes of the journal */
  static const char docs[] =
      "SELECT count(*) || ' ' || sum(length(ifnull(name, '')) + length(ifnull(body, '')))"
      " || ' ' || sum(rowid % 1000003) FROM search_fts";
  char *merged = fx_text(t, docs);
  CHECK_INT(search_rebuild(t, &err), RP_OK);
  char *rebuilt = fx_text(t, docs);
  fprintf(stderr, "search index: %s, rebuilt: %s\n", merged, rebuilt);
  CHECK_STR(merged, rebuilt);
  free(merged);
  free(rebuilt);
  /* and once more: every contact is there now, nothing added */
  CHECK_INT(restore_json(t, file, len, true, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, 0);
  CHECK_INT(sum.contacts_matched, N);
  db_close(t);
  free(path);
  free(want);
  free(file);
}

int main(void) {
  fx_set_now(1720000000);
  test_match_plans();
  test_resume();
  return check_done("test_merge_resume");
}
