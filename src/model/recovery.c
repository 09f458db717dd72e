/* recovery.c — see rapport/recovery.h. */
#include "model/db_sql.h"
#include "rapport/recovery.h"

#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"

/* See recovery.h. */
void recovery_free(struct rp_recovery *r) {
  free(r->label);
  free(r->text);
  memset(r, 0, sizeof *r);
}

/* See recovery.h. Text that is not UTF-8 is kept as valid UTF-8 (the
 * journal holds only text). */
enum rp_status recovery_save(struct rp_db *db, const char *key, const char *label,
                             const char *text, struct rp_err *err) {
  if (str_empty(key)) return rp_err_set(err, RP_INVALID, "no recovery key");
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(
      db, "INSERT OR REPLACE INTO recovery (key, label, text, saved_at) VALUES (?1, ?2, ?3, ?4)",
      &st, err);
  if (s != RP_OK) return s;
  bool ok_label = label && utf8_valid(label, strlen(label));
  bool ok_text = text && utf8_valid(text, strlen(text));
  char *l = ok_label ? NULL : utf8_sanitize(label ? label : "");
  char *t = ok_text ? NULL : utf8_sanitize(text ? text : "");
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, ok_label ? label : l, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, ok_text ? text : t, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 4, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "keep a recovery copy");
  sqlite3_reset(st);
  free(l);
  free(t);
  return s;
}

/* Step st and read a copy from its row: the key at column 0 when `key` is
 * given, then label, text and saved_at; RP_NO when there is no row. */
static enum rp_status step_copy(struct rp_db *db, sqlite3_stmt *st, char **key,
                                struct rp_recovery *out, struct rp_err *err) {
  enum rp_status s = RP_OK;
  int col = key ? 1 : 0;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    if (key) *key = db_col_text(st, 0);
    out->label = db_col_text(st, col);
    out->text = db_col_text(st, col + 1);
    if (!out->text) out->text = xstrdup("");
    out->saved_at = sqlite3_column_int64(st, col + 2);
  } else if (rc == SQLITE_DONE) {
    s = RP_NO;
  } else {
    s = db_fail(db, err, "read a recovery copy");
  }
  sqlite3_reset(st);
  return s;
}

/* See recovery.h. */
enum rp_status recovery_get(struct rp_db *db, const char *key, struct rp_recovery *out,
                            struct rp_err *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare_cached(db, "SELECT label, text, saved_at FROM recovery WHERE key = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, key ? key : "", -1, SQLITE_STATIC);
  return step_copy(db, st, NULL, out, err);
}

/* See recovery.h. */
enum rp_status recovery_clear(struct rp_db *db, const char *key, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, "DELETE FROM recovery WHERE key = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, key ? key : "", -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "forget a recovery copy");
  sqlite3_reset(st);
  return s;
}

/* See recovery.h. */
enum rp_status recovery_first(struct rp_db *db, const char *prefix, char **key,
                              struct rp_recovery *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  *key = NULL;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(
      db,
      "SELECT key, label, text, saved_at FROM recovery "
      "WHERE substr(key, 1, length(?1)) = ?1 ORDER BY saved_at, key LIMIT 1",
      &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, prefix ? prefix : "", -1, SQLITE_STATIC);
  return step_copy(db, st, key, out, err);
}
