/* sync_state.c — see rapport/sync_state.h: the sync_item table. */
#include "rapport/sync_state.h"

#include "model/db_sql.h"

#include <stdlib.h>
#include <string.h>

/* See sync_state.h. */
void sync_state_item_free(struct sync_state_item *it) {
  free(it->uid);
  free(it->file);
  free(it->kind);
  free(it->hash);
  free(it->base);
  memset(it, 0, sizeof *it);
}

/* See sync_state.h. */
void sync_state_list_free(struct sync_state_list *l) {
  for (size_t i = 0; i < l->n; i++) sync_state_item_free(&l->v[i]);
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* See sync_state.h. */
enum rp_status sync_state_list(struct rp_db *db, const char *folder, const char *kind,
                               struct sync_state_list *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare(db,
                                "SELECT id, uid, file, kind, ref_id, hash, base, hash = '' "
                                "FROM sync_item WHERE folder = ?1 AND (?2 IS NULL OR kind = ?2) "
                                "ORDER BY file",
                                &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, folder);
  db_bind_text(st, 2, kind);
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n == cap) {
      cap = cap ? cap * 2 : 16;
      out->v = xrealloc(out->v, cap * sizeof *out->v);
    }
    struct sync_state_item *it = &out->v[out->n++];
    it->id = sqlite3_column_int64(st, 0);
    it->uid = db_col_text(st, 1);
    it->file = db_col_text(st, 2);
    it->kind = db_col_text(st, 3);
    it->ref_id = sqlite3_column_int64(st, 4);
    it->hash = db_col_text(st, 5);
    it->base = db_col_text(st, 6);
    it->unlinked = sqlite3_column_int(st, 7) != 0;
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read sync state");
  sqlite3_finalize(st);
  if (s != RP_OK) sync_state_list_free(out);
  return s;
}

/* See sync_state.h. */
enum rp_status sync_state_put(struct rp_db *db, const char *folder, struct sync_state_item *it,
                              struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare(
      db, "DELETE FROM sync_item WHERE folder = ?1 AND file = ?2 AND uid <> ?3", &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, folder);
  db_bind_text(st, 2, it->file);
  db_bind_text(st, 3, it->uid);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "store sync state");
  sqlite3_finalize(st);
  st = NULL;
  if (s == RP_OK)
    s = db_prepare(db,
                   "INSERT INTO sync_item (folder, uid, file, kind, ref_id, hash, base, "
                   "synced_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                   "ON CONFLICT (folder, uid) DO UPDATE SET file = excluded.file, "
                   "kind = excluded.kind, ref_id = excluded.ref_id, hash = excluded.hash, "
                   "base = excluded.base, synced_at = excluded.synced_at "
                   "RETURNING id",
                   &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, folder);
  db_bind_text(st, 2, it->uid);
  db_bind_text(st, 3, it->file);
  db_bind_text(st, 4, it->kind);
  if (it->ref_id) sqlite3_bind_int64(st, 5, it->ref_id);
  else sqlite3_bind_null(st, 5);
  /* an unlinked row has no copy: hash and base "" (see sync_state.h) */
  const char *hash = it->unlinked || !it->hash ? "" : it->hash;
  const char *base = it->unlinked || !it->base ? "" : it->base;
  sqlite3_bind_text(st, 6, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 7, base, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 8, db_now());
  if (sqlite3_step(st) == SQLITE_ROW) it->id = sqlite3_column_int64(st, 0);
  else s = db_fail(db, err, "store sync state");
  sqlite3_finalize(st);
  return s;
}

/* See sync_state.h. */
enum rp_status sync_state_remove(struct rp_db *db, int64_t id, struct rp_err *err) {
  bool changed = false;
  return db_exec_id(db, "DELETE FROM sync_item WHERE id = ?1", id, "remove sync state",
                    &changed, err);
}
