/* sync_calendar_state.c — see rapport/sync_calendar_state.h: the rows of
 * sync_item for calendar folders. */
#include "rapport/sync_calendar_state.h"

#include <stdlib.h>
#include <string.h>

/* See sync_calendar_state.h. */
void sync_cal_item_list_free(struct sync_cal_item_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->v[i].uid);
    free(l->v[i].file);
    free(l->v[i].kind);
    free(l->v[i].hash);
    free(l->v[i].base);
  }
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

static void read_one(sqlite3_stmt *st, void *elem) {
  struct sync_cal_item *it = elem;
  it->id = sqlite3_column_int64(st, 0);
  it->uid = db_col_text(st, 1);
  it->file = db_col_text(st, 2);
  it->kind = db_col_text(st, 3);
  it->ref_id = sqlite3_column_int64(st, 4);
  it->hash = db_col_text(st, 5);
  it->base = db_col_text(st, 6);
  if (!it->base) it->base = xstrdup("");
  if (!it->hash) it->hash = xstrdup("");
  it->unlinked = it->hash[0] == '\0';
}

/* See sync_calendar_state.h. */
enum rp_status sync_cal_items(struct rp_db *db, const char *folder,
                              struct sync_cal_item_list *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare(db, "SELECT id, uid, file, kind, ref_id, hash, base FROM sync_item "
                     "WHERE folder = ?1 AND kind IN ('conversation', 'followup', 'thanks') "
                     "ORDER BY file", &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, folder);
  s = db_collect(db, st, sizeof *out->v, read_one, (void **)&out->v, &out->n,
                 "list synced calendar items", err);
  if (s != RP_OK) sync_cal_item_list_free(out);
  return s;
}

/* See sync_calendar_state.h. */
enum rp_status sync_cal_item_put(struct rp_db *db, const char *folder, const char *uid,
                                 const char *file, const char *kind, int64_t ref_id,
                                 const char *text, const char *hash, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(
      db, "INSERT INTO sync_item (folder, uid, file, kind, ref_id, hash, base, synced_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (folder, uid) DO UPDATE SET "
          "file = excluded.file, kind = excluded.kind, ref_id = excluded.ref_id, "
          "hash = excluded.hash, base = excluded.base, synced_at = excluded.synced_at",
      &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, folder, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, file, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
  if (ref_id) sqlite3_bind_int64(st, 5, ref_id);
  sqlite3_bind_text(st, 6, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 8, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "remember a synced item");
  sqlite3_finalize(st);
  return s;
}

static enum rp_status run_id(struct rp_db *db, const char *sql, int64_t id, const char *what,
                             struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, what);
  sqlite3_finalize(st);
  return s;
}

/* See sync_calendar_state.h. */
enum rp_status sync_cal_item_unlink(struct rp_db *db, int64_t id, struct rp_err *err) {
  return run_id(db, "UPDATE sync_item SET hash = '', base = '' WHERE id = ?1", id,
                "unlink a synced item", err);
}

/* See sync_calendar_state.h. */
enum rp_status sync_cal_item_forget(struct rp_db *db, int64_t id, struct rp_err *err) {
  return run_id(db, "DELETE FROM sync_item WHERE id = ?1", id, "forget a synced item", err);
}
