/* test_merge_search.c — import json --merge and the search index (issue
 * 22 point 4): the batches index what they add without FTS5 merging
 * segments at every write, yet search finds each merged contact, note and
 * give exactly once; after a merge killed part way and run again, every
 * contact exactly once; the journal's own contact, matched by the merge,
 * keeps its notes searchable; and the merge leaves the index's settings
 * and the connection's cache as it found them. */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "check.h"
#include "fixture.h"
#include "model/db_sql.h"
#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/search.h"

enum { N = 1200 };

static char *path_of(const char *name) { return xasprintf("%s/%s", check_tmpdir(), name); }

/* N contacts "Person kwNNNN", each with a tag, a give ("giveNNNN") and a
 * conversation with a note ("callNNNN"); contact 7 has the email of the
 * target's own contact (in other case), with a note "strangerword". The
 * file to merge (made in the journal `name`); caller frees. */
static char *source_file(const char *name) {
  struct rp_db *a = NULL;
  fx_open_fresh(&a, name);
  fx_execf(a,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
           " INSERT INTO contact (id, name, email, warmth, stage, created_at, updated_at)"
           " SELECT i, printf('Person kw%%04d', i), printf('p%%d@example.org', i), 'warm',"
           " 'identified', 1, 1 FROM n;"
           "UPDATE contact SET email = 'PAT@EXAMPLE.ORG' WHERE id = 7;"
           "INSERT INTO contact_tag (contact_id, tag) SELECT id, 'tag' || (id %% 5) FROM contact;"
           "INSERT INTO give (contact_id, date, kind, text, created_at)"
           " SELECT id, '2024-01-02', 'article', printf('sent give%%04d', id), 1 FROM contact;"
           "INSERT INTO conversation (id, contact_id, minutes, status, created_at, updated_at)"
           " SELECT id, id, 20, 'held', 1, 1 FROM contact;"
           "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at)"
           " SELECT id, 5, CASE id WHEN 7 THEN 'strangerword' ELSE printf('said call%%04d', id) END,"
           " 1, 1 FROM conversation;",
           N);
  struct rp_buf out = {0};
  struct rp_err err;
  CHECK_INT(export_json(a, &out, &err), RP_OK);
  db_close(a);
  return buf_steal(&out);
}

/* A journal with its own contact, Pat, found by "patword" and with a call
 * note "ownnoteword"; Pat's id is 500001. */
static struct rp_db *target(const char *name) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, name);
  fx_exec(db, "INSERT INTO contact (id, name, email, notes, warmth, stage, created_at, updated_at)"
              " VALUES (500001, 'Pat Own', 'pat@example.org', 'patword', 'warm', 'met', 1, 1);"
              "INSERT INTO conversation (id, contact_id, minutes, status, created_at, updated_at)"
              " VALUES (500001, 500001, 30, 'held', 1, 1);"
              "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at)"
              " VALUES (500001, 9, 'ownnoteword', 1, 1)");
  return db;
}

/* The hits of `query`: how many, and (when one) its kind and contact. */
static size_t hits_of(struct rp_db *db, const char *query, enum rp_hit_kind *kind,
                      int64_t *contact) {
  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, query, 0, &l, &err), RP_OK);
  size_t n = l.n;
  if (n >= 1) {
    *kind = l.v[0].kind;
    *contact = l.v[0].contact_id;
  }
  hit_list_free(&l);
  return n;
}

/* Every new contact (all but 7) found by its word exactly once, as a
 * contact, the merged one; with `all` false only every 37th (and the last). */
static void check_contacts_once(struct rp_db *db, bool all) {
  int missed = 0;
  for (int i = 1; i <= N; i++) {
    if (i == 7 || (!all && i % 37 != 1 && i != N)) continue;
    char q[32], sql[96];
    snprintf(q, sizeof q, "kw%04d", i);
    snprintf(sql, sizeof sql, "SELECT id FROM contact WHERE name = 'Person kw%04d'", i);
    int64_t want = fx_scalar(db, sql), got = 0;
    enum rp_hit_kind kind = HIT_KIND_COUNT;
    size_t n = hits_of(db, q, &kind, &got);
    if (n != 1 || kind != HIT_CONTACT || got != want) {
      if (missed++ < 5)
        fprintf(stderr, "%s: %zu hits (kind %d, contact %lld; want %lld)\n", q, n, (int)kind,
                (long long)got, (long long)want);
    }
  }
  CHECK_INT(missed, 0);
}

/* The FTS5 index agrees with what it indexed (FTS5's own check). */
static void check_integrity(struct rp_db *db) {
  char *msg = NULL;
  int rc = sqlite3_exec(db_handle(db),
                        "INSERT INTO search_fts (search_fts) VALUES ('integrity-check');"
                        "INSERT INTO search_name (search_name) VALUES ('integrity-check')",
                        NULL, NULL, &msg);
  if (rc != SQLITE_OK) fprintf(stderr, "integrity-check: %s\n", msg ? msg : "?");
  CHECK_INT(rc, SQLITE_OK);
  sqlite3_free(msg);
}

/* FTS5's automerge of both indexes as the merge left it: not 0 (NULL is
 * FTS5's default). */
static void check_automerge_kept(struct rp_db *db) {
  CHECK(fx_scalar(db, "SELECT ifnull((SELECT v FROM search_fts_config WHERE k = 'automerge'),"
                      " 4)") > 0);
  CHECK(fx_scalar(db, "SELECT ifnull((SELECT v FROM search_name_config WHERE k = 'automerge'),"
                      " 4)") > 0);
}

/* One merge, in batches of 1,000 rows: search finds what it brought,
 * once, and the journal's own contact as before. */
static void test_merged_found(void) {
  char *file = source_file("source1.db");
  struct rp_db *db = target("merged.db");
  long long cache_before = fx_scalar(db, "PRAGMA cache_size");
  struct rp_restore_summary sum;
  struct rp_err err;
  restore_merge_pace(0, 0);
  CHECK_INT(restore_json(db, file, strlen(file), true, &sum, &err), RP_OK);
  CHECK_INT(sum.contacts, N - 1);
  CHECK_INT(sum.contacts_matched, 1);
  check_contacts_once(db, true);
  enum rp_hit_kind kind = HIT_KIND_COUNT;
  int64_t who = 0;
  /* a note and a give of a merged contact, once each, its own */
  CHECK_INT(hits_of(db, "call0042", &kind, &who), 1);
  CHECK_INT(kind, HIT_NOTE);
  CHECK_INT(who, fx_scalar(db, "SELECT id FROM contact WHERE name = 'Person kw0042'"));
  CHECK_INT(hits_of(db, "give1199", &kind, &who), 1);
  CHECK_INT(kind, HIT_GIVE);
  CHECK_INT(who, fx_scalar(db, "SELECT id FROM contact WHERE name = 'Person kw1199'"));
  /* the journal's own contact, matched: still one contact, its notes
   * searchable once; the matched file contact's rows stay out */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE lower(email) = 'pat@example.org'"),
            1);
  CHECK_INT(hits_of(db, "patword", &kind, &who), 1);
  CHECK_INT(kind, HIT_CONTACT);
  CHECK_INT(who, 500001);
  CHECK_INT(hits_of(db, "ownnoteword", &kind, &who), 1);
  CHECK_INT(kind, HIT_NOTE);
  CHECK_INT(who, 500001);
  CHECK_INT(hits_of(db, "strangerword", &kind, &who), 0);
  check_integrity(db);
  /* the index's settings and the cache as before the merge */
  check_automerge_kept(db);
  CHECK_INT(fx_scalar(db, "PRAGMA cache_size"), cache_before);
  /* what the triggers do after it: a contact written by hand is indexed */
  fx_exec(db, "UPDATE contact SET notes = 'laterword' WHERE name = 'Person kw0003'");
  CHECK_INT(hits_of(db, "laterword", &kind, &who), 1);
  db_close(db);
  free(file);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A merge killed once some batches are in: the index holds what they
 * committed (and its settings are the journal's); run again, search finds
 * every contact exactly once. */
static void test_killed_found_once(void) {
  char *file = source_file("source2.db");
  size_t len = strlen(file);
  struct rp_restore_summary sum;
  struct rp_err err;
  struct rp_db *t = target("killed.db");
  db_close(t);
  char *path = path_of("killed.db");
  pid_t pid = fork();
  if (pid == 0) {
    struct rp_db *c = NULL;
    if (db_open(path, &c, &err) != RP_OK) _exit(2);
    restore_merge_pace(0, 100); /* a batch every 1,000 rows, a pause after each */
    _exit(restore_json(c, file, len, true, &sum, &err) == RP_OK ? 0 : 1);
  }
  t = NULL;
  CHECK_INT(db_open(path, &t, &err), RP_OK);
  long long seen = 0;
  double t0 = now_s();
  while (now_s() - t0 < 60) { /* the first batch (1,000 contacts), committed */
    seen = fx_scalar(t, "SELECT count(*) FROM merge_map");
    if (seen >= 1000) break;
  }
  int status = 0;
  bool running = waitpid(pid, &status, WNOHANG) == 0;
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  long long contacts = fx_scalar(t, "SELECT count(*) FROM contact");
  fprintf(stderr, "killed with %lld rows remembered, %lld contacts in\n", seen, contacts);
  CHECK(running);
  CHECK(contacts > 1 && contacts < N);
  /* what the stopped merge committed is indexed, and nothing else */
  check_integrity(t);
  check_automerge_kept(t);
  CHECK_INT(fx_scalar(t, "SELECT count(*) FROM search_fts WHERE rowid & 15 = 1"), contacts);
  /* run again: finished, every contact found once */
  CHECK_INT(restore_json(t, file, len, true, &sum, &err), RP_OK);
  CHECK(sum.contacts_resumed > 0);
  CHECK_INT(sum.contacts + sum.contacts_resumed, N - 1);
  check_contacts_once(t, true);
  check_integrity(t);
  check_automerge_kept(t);
  enum rp_hit_kind kind = HIT_KIND_COUNT;
  int64_t who = 0;
  CHECK_INT(hits_of(t, "ownnoteword", &kind, &who), 1);
  CHECK_INT(who, 500001);
  db_close(t);
  free(path);
  free(file);
}

int main(void) {
  fx_set_now(1720000000);
  test_merged_found();
  test_killed_found_once();
  return check_done("test_merge_search");
}
