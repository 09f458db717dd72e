/* dump_merge.c — see rapport/dump.h: what a merge did, kept in the journal
 * (table merge_map) batch by batch, so that a merge stopped part way is
 * finished by running it again, without a row twice. */
#include <stdlib.h>

#include "model/db_sql.h"
#include "rapport/dump.h"

/* See dump.h. */
enum rp_status dump_merge_lookup(struct rp_db *db, const char *source, const char *table,
                                 int64_t old_id, bool *found, int64_t *new_id, bool *added,
                                 struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  *found = false;
  enum rp_status s = db_prepare_cached(
      db, "SELECT new_id, added FROM merge_map WHERE source = ?1 AND tbl = ?2 AND old_id = ?3",
      &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, source);
  db_bind_text(st, 2, table);
  sqlite3_bind_int64(st, 3, old_id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *found = true;
    *new_id = sqlite3_column_int64(st, 0);
    *added = sqlite3_column_int(st, 1) != 0;
  } else if (rc != SQLITE_DONE) {
    s = db_fail(db, err, "read what the merge did");
  }
  sqlite3_reset(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_merge_remember(struct rp_db *db, const char *source, const char *table,
                                   int64_t old_id, int64_t new_id, bool added,
                                   struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare_cached(
      db, "INSERT OR REPLACE INTO merge_map (source, tbl, old_id, new_id, added)"
          " VALUES (?1, ?2, ?3, ?4, ?5)",
      &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, source);
  db_bind_text(st, 2, table);
  sqlite3_bind_int64(st, 3, old_id);
  sqlite3_bind_int64(st, 4, new_id);
  sqlite3_bind_int(st, 5, added);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "remember what the merge did");
  sqlite3_reset(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_merge_count(struct rp_db *db, const char *source, int64_t *n,
                                struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  *n = 0;
  enum rp_status s =
      db_prepare_cached(db, "SELECT count(*) FROM merge_map WHERE source = ?1", &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, source);
  if (sqlite3_step(st) == SQLITE_ROW) *n = sqlite3_column_int64(st, 0);
  else s = db_fail(db, err, "read what the merge did");
  sqlite3_reset(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_merge_forget(struct rp_db *db, const char *source, struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare_cached(db, "DELETE FROM merge_map WHERE source = ?1", &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, source);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "forget what the merge did");
  sqlite3_reset(st);
  return s;
}
