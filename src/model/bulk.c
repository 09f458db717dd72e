/* bulk.c — see rapport/bulk.h: the settings, the suspended search triggers
 * and the one-pass search indexing of a bulk write. */
#include "model/db_sql.h"
#include "rapport/bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/search_sql.h"

static enum rp_status exec(struct rp_db *db, const char *sql, const char *what,
                           struct rp_err *err) {
  if (sqlite3_exec(db_handle(db), sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(db, err, what);
  return RP_OK;
}

/* The integer a constant query (a PRAGMA) gives; `fallback` when none. */
static int64_t query_int(struct rp_db *db, const char *sql, int64_t fallback) {
  sqlite3_stmt *st = NULL;
  if (db_prepare(db, sql, &st, NULL) != RP_OK) return fallback;
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : fallback;
  sqlite3_finalize(st);
  return v;
}

/* ---- the _alt columns in one pass ---- */

/* The letters search_sql.h spells out, from the same list (SEARCH_FOLDS). */
#define FOLD_ENTRY_(from, to) {from, sizeof from - 1, to, sizeof to - 1},
static const struct fold {
  const char *from;
  size_t from_len;
  const char *to;
  size_t to_len;
} folds[] = {SEARCH_FOLDS(FOLD_ENTRY_)};
#undef FOLD_ENTRY_

/* The fold whose letter starts at s (n bytes left), or NULL. */
static const struct fold *fold_at(const unsigned char *s, size_t n) {
  if (*s < 0xC0) return NULL; /* every letter folded is a multi-byte character */
  for (size_t k = 0; k < RP_ARRAY_LEN(folds); k++)
    if (folds[k].from_len <= n && memcmp(s, folds[k].from, folds[k].from_len) == 0)
      return &folds[k];
  return NULL;
}

/* SQL rp_search_alt(x): x with every SEARCH_FOLDS letter spelt out, the
 * same text as SEARCH_SQL_ALT's 21 nested replace() calls give (each
 * letter is a whole UTF-8 character and each spelling is ASCII, so no
 * replacement can make or break a match of another, and one pass from the
 * left equals replacing one letter after the other). Those calls cost 17 µs
 * per note: 17 s of a restore of a million notes. NULL stays NULL. */
static void sql_search_alt(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *s = sqlite3_value_text(argv[0]);
  if (!s) {
    sqlite3_result_null(ctx);
    return;
  }
  size_t n = (size_t)sqlite3_value_bytes(argv[0]), i = 0;
  while (i < n && !fold_at(s + i, n - i)) i++;
  if (i == n) {
    sqlite3_result_text(ctx, (const char *)s, (int)n, SQLITE_TRANSIENT);
    return;
  }
  struct rp_buf out = {0};
  buf_add(&out, (const char *)s, i);
  while (i < n) {
    const struct fold *f = fold_at(s + i, n - i);
    if (f) {
      buf_add(&out, f->to, f->to_len);
      i += f->from_len;
    } else {
      buf_addc(&out, (char)s[i++]);
    }
  }
  sqlite3_result_text(ctx, out.s, (int)out.len, free);
}

#ifndef SQLITE_INNOCUOUS /* SQLite < 3.31 */
#define SQLITE_INNOCUOUS 0
#endif

/* The index's statements from search_sql.h, with each SEARCH_SQL_ALT(x)
 * made rp_search_alt(x): the same documents as the triggers write. */
#undef SEARCH_SQL_ALT
#define SEARCH_SQL_ALT(x) "rp_search_alt(" x ")"

/* ---- begin, commit, abort ---- */

/* The page cache of a bulk write: 256 MiB (a negative cache_size is KiB). */
#define BULK_CACHE_KIB (-262144)
#define BULK_CACHE_SQL "PRAGMA cache_size = -262144"

/* Put back the PRAGMAs bulk_begin changed and free b. */
static void bulk_free(struct rp_db *db, struct rp_bulk *b) {
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)b->cache_size);
  if (b->set) exec(db, sql, "size the cache", NULL);
  snprintf(sql, sizeof sql, "PRAGMA temp_store = %lld", (long long)b->temp_store);
  if (b->set) exec(db, sql, "keep temporaries", NULL);
  strv_free(&b->triggers);
  memset(b, 0, sizeof *b);
}

/* FTS5's default pending-index size (its "hashsize"). */
#define FTS5_HASHSIZE_DEFAULT 1048576

/* The search index's FTS5 tables (model/search_sql.h, migration 10): how
 * to read and to set each one's pending-index size, as constant SQL. */
static const struct {
  const char *get, *set, *get_merge, *set_merge;
} fts_tables[] = {
    {"SELECT v FROM search_fts_config WHERE k = 'hashsize'",
     "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ?1)",
     "SELECT v FROM search_fts_config WHERE k = 'automerge'",
     "INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', ?1)"},
    {"SELECT v FROM search_name_config WHERE k = 'hashsize'",
     "INSERT INTO search_name (search_name, rank) VALUES ('hashsize', ?1)",
     "SELECT v FROM search_name_config WHERE k = 'automerge'",
     "INSERT INTO search_name (search_name, rank) VALUES ('automerge', ?1)"},
};

/* FTS5's default automerge (segments a level gathers before they merge). */
#define FTS5_AUTOMERGE_DEFAULT 4

/* Run fts_tables[i]'s setting statement `sql` with v. */
static enum rp_status fts_put(struct rp_db *db, const char *sql, int64_t v, struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, v);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "set up the search index");
  sqlite3_finalize(st);
  return s;
}

/* Set the pending-index size of fts_tables[i] to v. */
static enum rp_status fts_set(struct rp_db *db, size_t i, int64_t v, struct rp_err *err) {
  return fts_put(db, fts_tables[i].set, v, err);
}

/* Let every FTS5 table of the search index keep up to 256 MiB of index in
 * memory before it writes a segment (and merges segments): indexing
 * 868,000 notes took 45 s of CPU at 64 MiB, 25 s at 256 MiB (and at 512);
 * 86,000 notes, 5.2 s at 1 MiB (the default), 3.0 s at 256. Fewer, larger
 * segments are also fewer to merge when searching. The old setting is kept
 * in b for bulk_commit; a rollback undoes the change by itself. */
static enum rp_status fts_grow(struct rp_db *db, struct rp_bulk *b, struct rp_err *err) {
  enum rp_status s = RP_OK;
  b->nfts = 0;
  for (size_t i = 0; i < RP_ARRAY_LEN(fts_tables) && i < RP_ARRAY_LEN(b->fts) && s == RP_OK;
       i++) {
    b->fts[i].hashsize = query_int(db, fts_tables[i].get, FTS5_HASHSIZE_DEFAULT);
    b->nfts = i + 1;
    s = fts_set(db, i, 256 << 20, err);
  }
  return s;
}

/* See bulk.h. A page cache of up to 256 MiB keeps the transaction from
 * spilling pages into the WAL row by row. Statement journals (one per
 * INSERT into a table with indexes: 10 writes of a temporary file per row)
 * stay in memory, which SQLite decides when the transaction begins, so the
 * PRAGMA comes first. The search triggers go because indexing row by row
 * first doubled the work of a restore, the contact_tag triggers re-index a
 * contact once per tag, and FTS5 writes its pending index out at every
 * savepoint and statement: an import of 50,000 contacts took 20 s. */
enum rp_status bulk_begin(struct rp_db *db, struct rp_bulk *b, bool marks, struct rp_err *err) {
  memset(b, 0, sizeof *b);
  b->marks = marks;
  b->cache_size = query_int(db, "PRAGMA cache_size", -2000);
  b->temp_store = query_int(db, "PRAGMA temp_store", 0);
  b->set = b->cache_size != BULK_CACHE_KIB; /* else held by bulk_hold: left as it is */
  if (b->set) {
    exec(db, BULK_CACHE_SQL, "size the cache", NULL);
    exec(db, "PRAGMA temp_store = MEMORY", "keep temporaries in memory", NULL);
  }
  if (sqlite3_create_function(db_handle(db), "rp_search_alt", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              sql_search_alt, NULL, NULL) != SQLITE_OK) {
    enum rp_status s = db_fail(db, err, "register rp_search_alt");
    bulk_free(db, b);
    return s;
  }
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) {
    bulk_free(db, b);
    return s;
  }
  sqlite3_stmt *st = NULL;
  /* the search index's triggers; with marks, those that mark contacts (a
   * cadence_state row per conversation, note, give and follow-up written,
   * a contact_filter_stale row per contact, tag, email, phone and URL) */
  s = db_prepare(db,
                 marks ? "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                         "(name LIKE 'search\\_%' ESCAPE '\\' "
                         "OR name LIKE 'cadence\\_%' ESCAPE '\\' "
                         "OR name LIKE 'contact\\_filter\\_contact\\_%' ESCAPE '\\' "
                         "OR name LIKE 'contact\\_filter\\_tag\\_%' ESCAPE '\\' "
                         "OR name LIKE 'contact\\_filter\\_value\\_%' ESCAPE '\\') ORDER BY rowid"
                       : "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                         "name LIKE 'search\\_%' ESCAPE '\\' ORDER BY rowid",
                 &st, err);
  struct rp_buf drop = {0};
  while (s == RP_OK && sqlite3_step(st) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    const char *sql = (const char *)sqlite3_column_text(st, 1);
    if (!name || !sql) continue;
    strv_push(&b->triggers, sql);
    buf_addf(&drop, "DROP TRIGGER \"%s\";\n", name);
  }
  sqlite3_finalize(st);
  if (s == RP_OK && drop.len) s = exec(db, buf_str(&drop), "suspend the search index", err);
  buf_free(&drop);
  if (s == RP_OK) s = fts_grow(db, b, err);
  if (s != RP_OK) bulk_abort(db, b);
  return s;
}

/* See bulk.h. Each flush of the pending index (at every statement) writes
 * a segment, and with automerge FTS5 then merges, for each page written,
 * as many pages as the index has levels: a merge of 50,000 contacts, in
 * some 900 batches of small segments, rewrote each posting about five
 * times against twice for 2,000 (the whole merge x48 for x25). Without it
 * only the crisis merges run (a level of 16 segments merged into one),
 * about half the rewriting; the setting is put back at the COMMIT, so
 * every other writer merges as before, a little at each of its writes. */
enum rp_status bulk_defer_merges(struct rp_db *db, struct rp_bulk *b, struct rp_err *err) {
  enum rp_status s = RP_OK;
  for (size_t i = 0; i < b->nfts && s == RP_OK; i++) {
    b->fts[i].automerge = query_int(db, fts_tables[i].get_merge, FTS5_AUTOMERGE_DEFAULT);
    s = fts_put(db, fts_tables[i].set_merge, 0, err);
    if (s == RP_OK) b->fts[i].deferred = true;
  }
  return s;
}

/* See bulk.h. */
void bulk_hold(struct rp_db *db, struct rp_bulk_hold *h) {
  h->cache_size = query_int(db, "PRAGMA cache_size", -2000);
  h->temp_store = query_int(db, "PRAGMA temp_store", 0);
  h->set = h->cache_size != BULK_CACHE_KIB;
  if (!h->set) return;
  exec(db, BULK_CACHE_SQL, "size the cache", NULL);
  exec(db, "PRAGMA temp_store = MEMORY", "keep temporaries in memory", NULL);
}

/* See bulk.h. */
void bulk_release(struct rp_db *db, struct rp_bulk_hold *h) {
  char sql[64];
  if (h->set) {
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)h->cache_size);
    exec(db, sql, "size the cache", NULL);
    snprintf(sql, sizeof sql, "PRAGMA temp_store = %lld", (long long)h->temp_store);
    exec(db, sql, "keep temporaries", NULL);
  }
  memset(h, 0, sizeof *h);
}

/* See bulk.h. */
enum rp_status bulk_commit(struct rp_db *db, struct rp_bulk *b, struct rp_err *err) {
  enum rp_status s = RP_OK;
  for (size_t i = 0; i < b->triggers.n && s == RP_OK; i++)
    s = exec(db, b->triggers.v[i], "resume the search index", err);
  for (size_t i = 0; i < b->nfts && s == RP_OK; i++) {
    s = fts_set(db, i, b->fts[i].hashsize, err);
    if (s == RP_OK && b->fts[i].deferred)
      s = fts_put(db, fts_tables[i].set_merge, b->fts[i].automerge, err);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  bulk_free(db, b);
  return s;
}

/* See bulk.h. */
void bulk_abort(struct rp_db *db, struct rp_bulk *b) {
  db_rollback(db);
  bulk_free(db, b);
}

/* ---- indexing ---- */

/* The folded keys of the name and organisation of the contacts `where`
 * selects (migration 23), where they are not already right: a restore or
 * a merge writes the rows as they were exported, without them. */
#define KEYS_SQL(where)                                                                      \
  "UPDATE contact SET name_key = rp_fold(name), org_key = rp_fold(org) WHERE " where         \
  " AND (name_key IS NOT rp_fold(name) OR org_key IS NOT rp_fold(org))"

/* What the marking triggers (bulk.h) would have done for contacts IDS_:
 * the cadence sync reads them again, the Contacts filter folds them again. */
#define MARK_SQL(ids)                                                                        \
  "INSERT INTO cadence_state (contact_id) SELECT " ids " WHERE 1 "                          \
  "ON CONFLICT (contact_id) DO UPDATE SET check_on = '' WHERE check_on <> ''",              \
      "INSERT OR IGNORE INTO contact_filter_stale (contact_id) SELECT " ids

/* See bulk.h. The ids go in as one JSON array bound to each statement:
 * FTS5 writes out its pending index at the start of every statement, so a
 * statement per contact made indexing 50,000 of them take 15 s. */
enum rp_status bulk_index_contacts(struct rp_db *db, const struct rp_bulk *b, const int64_t *ids,
                                   size_t n, struct rp_err *err) {
#define IDS_ "(SELECT value FROM json_each(?1))"
  static const char *const sql[] = {
      KEYS_SQL("id IN " IDS_),
      "DELETE FROM search_fts WHERE rowid IN (SELECT (value << 4) | 1 FROM json_each(?1))",
      SEARCH_SQL_INDEX(SEARCH_SQL_CONTACT("c.id IN " IDS_)),
      "DELETE FROM search_fts WHERE rowid IN (SELECT (value << 4) | 6 FROM json_each(?1))",
      SEARCH_SQL_INDEX(SEARCH_SQL_DRAFT("id IN " IDS_)),
#ifdef SEARCH_SQL_NAME_CONTACT /* the names index (schema 10) */
      "DELETE FROM search_name WHERE rowid IN (SELECT (value << 4) | 1 FROM json_each(?1))",
      SEARCH_SQL_NAME_INDEX(SEARCH_SQL_NAME_CONTACT("c.id IN " IDS_)),
#endif
  };
  static const char *const mark[] = {MARK_SQL("value FROM json_each(?1)")};
#undef IDS_
  if (n == 0) return RP_OK;
  struct rp_buf list = {0};
  for (size_t i = 0; i < n; i++) buf_addf(&list, "%c%lld", i ? ',' : '[', (long long)ids[i]);
  buf_addc(&list, ']');
  enum rp_status s = RP_OK;
  size_t nsql = RP_ARRAY_LEN(sql), nall = nsql + (b->marks ? RP_ARRAY_LEN(mark) : 0);
  for (size_t k = 0; k < nall && s == RP_OK; k++) {
    sqlite3_stmt *st = NULL;
    s = db_prepare(db, k < nsql ? sql[k] : mark[k - nsql], &st, err);
    if (s != RP_OK) break;
    sqlite3_bind_text(st, 1, list.s, (int)list.len, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "index contacts");
    sqlite3_finalize(st);
  }
  buf_free(&list);
  return s;
}

/* See bulk.h. */
enum rp_status bulk_index_all(struct rp_db *db, const struct rp_bulk *b, struct rp_err *err) {
  static const char *const mark[] = {MARK_SQL("id FROM contact")};
  enum rp_status s = exec(db,
                          KEYS_SQL("1") ";\n"
                          "DELETE FROM search_fts;\n" SEARCH_SQL_POPULATE
#ifdef SEARCH_SQL_NAME_POPULATE /* the names index (schema 10) */
                          "DELETE FROM search_name;\n" SEARCH_SQL_NAME_POPULATE
#endif
                          , "rebuild the search index", err);
  /* the index just built lies in a few segments as large as the pending
   * index was let grow (bulk_begin): the first small writes after it
   * (the check-ins of the first cadence sync: a segment each, as the
   * triggers delete before they insert) merged them over and over, 140 MB
   * written for a restore of 20,000 contacts and 15 s before `agenda`
   * answered. One segment per index, made here once, leaves the small
   * ones to merge among themselves. */
  if (s == RP_OK)
    s = exec(db,
             "INSERT INTO search_fts (search_fts) VALUES ('optimize');\n"
#ifdef SEARCH_SQL_NAME_POPULATE
             "INSERT INTO search_name (search_name) VALUES ('optimize');\n"
#endif
             , "merge the search index", err);
  for (size_t k = 0; b->marks && k < RP_ARRAY_LEN(mark) && s == RP_OK; k++)
    s = exec(db, mark[k], "mark the contacts", err);
  return s;
}

/* The tables of BULK_NOTE… in order: the highest id, and the statement
 * that indexes the rows past ?1. */
static const struct {
  const char *max, *index;
} since_tables[BULK_KINDS] = {
    {"SELECT ifnull(max(id), 0) FROM note", SEARCH_SQL_INDEX(SEARCH_SQL_NOTE("id > ?1"))},
    {"SELECT ifnull(max(id), 0) FROM give", SEARCH_SQL_INDEX(SEARCH_SQL_GIVE("id > ?1"))},
    {"SELECT ifnull(max(id), 0) FROM conversation",
     SEARCH_SQL_INDEX(SEARCH_SQL_CONVERSATION("id > ?1"))},
    {"SELECT ifnull(max(id), 0) FROM question", SEARCH_SQL_INDEX(SEARCH_SQL_QUESTION("id > ?1"))},
    {"SELECT ifnull(max(id), 0) FROM followup", SEARCH_SQL_INDEX(SEARCH_SQL_FOLLOWUP("id > ?1"))},
};

/* See bulk.h. */
enum rp_status bulk_ids_now(struct rp_db *db, int64_t since[BULK_KINDS], struct rp_err *err) {
  enum rp_status s = RP_OK;
  for (size_t k = 0; k < BULK_KINDS && s == RP_OK; k++) {
    sqlite3_stmt *st = NULL;
    s = db_prepare_cached(db, since_tables[k].max, &st, err);
    if (s != RP_OK) break;
    if (sqlite3_step(st) == SQLITE_ROW) since[k] = sqlite3_column_int64(st, 0);
    else s = db_fail(db, err, "read the highest ids");
    sqlite3_reset(st);
  }
  return s;
}

/* See bulk.h. Each statement is one INSERT … SELECT (FTS5 writes its
 * pending index at every statement). */
enum rp_status bulk_index_since(struct rp_db *db, const int64_t since[BULK_KINDS],
                                struct rp_err *err) {
  enum rp_status s = RP_OK;
  for (size_t k = 0; k < BULK_KINDS && s == RP_OK; k++) {
    sqlite3_stmt *st = NULL;
    s = db_prepare(db, since_tables[k].index, &st, err);
    if (s != RP_OK) break;
    sqlite3_bind_int64(st, 1, since[k]);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "index what was added");
    sqlite3_finalize(st);
  }
  return s;
}
