/* conversation_call.c — see rapport/conversation.h: the life cycle of a
 * call. prepare (find or plan the conversation to talk about), start (or
 * resume: the clock keeps its start), end (held; the contact moves to
 * "met"), and at launch the calls left live by a process that died become
 * interrupted. Each is one transaction. */
#include <stdlib.h>
#include <string.h>

#include "model/contact_internal.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"

/* See conversation.h. One transaction, so two callers never create two. */
enum rp_status conv_prepare(struct rp_db *db, const struct rp_config *cfg, int64_t contact_id,
                            int64_t *id, struct rp_err *err) {
  *id = 0;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  s = conv_current(db, contact_id, id, err);
  if (s == RP_NO) {
    rp_err_clear(err);
    struct rp_conversation c;
    conv_init(&c);
    c.contact_id = contact_id;
    s = conv_insert(db, cfg, &c, err);
    *id = c.id;
    conv_free(&c);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) *id = 0;
  return s;
}

/* Run `sql` (binds ?1 = id, ?2 = now and, when present, ?3 = t) in the
 * caller's transaction. */
static enum rp_status exec_conv(struct rp_db *db, const char *sql, int64_t id, int64_t t,
                                struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_int64(st, 2, db_now());
  if (sqlite3_bind_parameter_count(st) >= 3) sqlite3_bind_int64(st, 3, t);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save conversation");
  sqlite3_finalize(st);
  return s;
}

/* RP_INVALID (field "status") unless c's status is one of `allowed`
 * (NULL-terminated). */
static enum rp_status need_status(const struct rp_conversation *c, const char *const *allowed,
                                  const char *doing, struct rp_err *err) {
  for (size_t i = 0; allowed[i]; i++)
    if (strcmp(c->status, allowed[i]) == 0) return RP_OK;
  return rp_err_field(err, RP_INVALID, "status", "cannot %s a conversation that is %s", doing,
                      c->status);
}

/* See conversation.h. Planned, live or interrupted conversations only
 * (RP_INVALID for held or cancelled ones); RP_NO for an unknown id. */
enum rp_status conv_start(struct rp_db *db, int64_t id, struct rp_err *err) {
  static const char *const ok[] = {"planned", "live", "interrupted", NULL};
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_conversation c;
  s = conv_get(db, id, &c, err);
  if (s == RP_OK) s = need_status(&c, ok, "start", err);
  if (s == RP_OK)
    s = exec_conv(db,
                  "UPDATE conversation SET status = 'live', started_at = coalesce(started_at, ?2), "
                  "ended_at = NULL, updated_at = ?2 WHERE id = ?1",
                  id, 0, err);
  conv_free(&c);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* See conversation.h. Live or interrupted conversations only (RP_INVALID
 * otherwise); RP_NO for an unknown id. */
enum rp_status conv_end(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                        struct rp_err *err) {
  static const char *const ok[] = {"live", "interrupted", NULL};
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_conversation c;
  s = conv_get(db, id, &c, err);
  if (s == RP_OK) s = need_status(&c, ok, "end", err);
  int64_t end = db_now();
  if (s == RP_OK && strcmp(c.status, "interrupted") == 0) {
    /* the process died: the call ended at the last thing saved */
    sqlite3_stmt *st;
    s = db_prepare(db, "SELECT max(offset_s) FROM note WHERE conversation_id = ?1", &st, err);
    if (s == RP_OK) {
      sqlite3_bind_int64(st, 1, id);
      if (sqlite3_step(st) != SQLITE_ROW) s = db_fail(db, err, "read notes");
      else if (c.started_at)
        end = c.started_at + sqlite3_column_int64(st, 0); /* NULL (no notes) reads as 0 */
      sqlite3_finalize(st);
    }
  }
  if (s == RP_OK)
    s = exec_conv(db,
                  "UPDATE conversation SET status = 'held', ended_at = ?3, updated_at = ?2 "
                  "WHERE id = ?1",
                  id, end, err);
  if (s == RP_OK) s = contact_advance_stage(db, cfg, c.contact_id, "met", err);
  /* the thank-you is owed from the moment the call ends, not when the
   * wrap-up is done: a terminal closed during the wrap-up must not lose it */
  if (s == RP_OK) s = followup_thank_you(db, cfg, id, NULL, err);
  conv_free(&c);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* See conversation.h. One transaction; the ids are appended in id order
 * (*ids is the caller's, grown with xrealloc; free it). */
enum rp_status conv_mark_interrupted(struct rp_db *db, int64_t **ids, size_t *n,
                                     struct rp_err *err) {
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st = NULL;
  s = db_prepare(db,
                 "UPDATE conversation SET status = 'interrupted', updated_at = ?1 "
                 "WHERE status = 'live'",
                 &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "mark interrupted calls");
  }
  sqlite3_finalize(st);
  st = NULL;
  if (s == RP_OK)
    s = db_prepare(db, "SELECT id FROM conversation WHERE status = 'interrupted' ORDER BY id", &st,
                   err);
  size_t n0 = *n;
  int rc = SQLITE_DONE;
  while (s == RP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  if (s == RP_OK && rc != SQLITE_DONE) s = db_fail(db, err, "find interrupted calls");
  sqlite3_finalize(st);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) *n = n0;
  return s;
}
