/* conversation_call.c — see rapport/conversation.h: the life cycle of a
 * call. prepare (find or plan the conversation to talk about), start (or
 * resume: the clock keeps its start), end (held; the contact moves to
 * "met"), and at launch the calls left live by a process that died become
 * interrupted. Each is one transaction. */
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/plan.h"

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

/* ---- which process a live call belongs to ----
 * A call is owned by the process that started it: a write lock on byte
 * `id` of JOURNAL.lock. Another window (another process) sees the lock and
 * leaves the call alone; when the owner dies, the kernel drops the lock and
 * the call can be taken over (it reads as interrupted). */

/* The pid of another process that owns call `id`, or 0. */
static pid_t owner_elsewhere(struct rp_db *db, int64_t id) {
  int fd = db_lock_fd(db);
  if (fd < 0) return 0;
  struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = (off_t)id, .l_len = 1};
  if (fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type == F_UNLCK) return 0;
  return fl.l_pid ? fl.l_pid : -1;
}

/* Take call `id` for this process (or let it go); false when another
 * process has it. */
static bool own_call(struct rp_db *db, int64_t id, bool own) {
  int fd = db_lock_fd(db);
  if (fd < 0) return true; /* no lock file (a read-only folder): as before */
  struct flock fl = {.l_type = own ? F_WRLCK : F_UNLCK, .l_whence = SEEK_SET,
                     .l_start = (off_t)id, .l_len = 1};
  return fcntl(fd, F_SETLK, &fl) == 0;
}

/* See conversation.h. */
bool conv_live_elsewhere(struct rp_db *db, int64_t id) { return owner_elsewhere(db, id) != 0; }

/* RP_INVALID "… going on in another window" when call c is live and owned
 * by another process. */
static enum rp_status not_elsewhere(struct rp_db *db, const struct rp_conversation *c,
                                    const char *doing, struct rp_err *err) {
  pid_t pid = owner_elsewhere(db, c->id);
  if (!pid) return RP_OK;
  char clip[128];
  return rp_err_field(err, RP_INVALID, "status",
                      "the call with %s is going on in another window (process %ld); %s it "
                      "there, or close that window first",
                      str_clip(c->contact_name ? c->contact_name : "this contact", clip,
                               sizeof clip),
                      (long)pid, doing);
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
  if (s == RP_OK) s = not_elsewhere(db, &c, "go on with", err);
  if (s == RP_OK && !own_call(db, id, true)) s = not_elsewhere(db, &c, "go on with", err);
  if (s == RP_OK)
    s = exec_conv(db,
                  "UPDATE conversation SET status = 'live', started_at = coalesce(started_at, ?2), "
                  "updated_at = ?2 WHERE id = ?1", /* a reopened call keeps its end */
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
  if (s == RP_OK) s = not_elsewhere(db, &c, "end", err);
  int64_t end = c.ended_at ? c.ended_at : db_now(); /* reopened: the end it had */
  if (s == RP_OK && !c.ended_at && strcmp(c.status, "interrupted") == 0) {
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
  /* the stage before the end moves it on, for a discard (conv_discard) */
  if (s == RP_OK)
    s = exec_conv(db,
                  "INSERT OR REPLACE INTO conversation_stage (conversation_id, stage) "
                  "SELECT v.id, c.stage FROM conversation v JOIN contact c ON c.id = v.contact_id "
                  "WHERE v.id = ?1",
                  id, 0, err);
  if (s == RP_OK) s = contact_advance_stage(db, cfg, c.contact_id, "met", err);
  /* the thank-you is owed from the moment the call ends, not when the
   * wrap-up is done: a terminal closed during the wrap-up must not lose it */
  if (s == RP_OK) s = followup_thank_you(db, cfg, id, NULL, err);
  /* and what the notes leave to do: actions, reach-outs, introducer
   * thanks, a promised update (plan.c) */
  if (s == RP_OK) s = plan_sync(db, cfg, id, err);
  conv_free(&c);
  if (s == RP_OK) s = db_commit(db, err);
  if (s == RP_OK) {
    own_call(db, id, false);
    return RP_OK;
  }
  db_rollback(db);
  return s;
}

/* See conversation.h. One transaction; the call is this process's while
 * it is open again (as conv_start). */
enum rp_status conv_reopen(struct rp_db *db, int64_t id, struct rp_err *err) {
  static const char *const ok[] = {"held", NULL};
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_conversation c;
  s = conv_get(db, id, &c, err);
  if (s == RP_OK) s = need_status(&c, ok, "reopen", err);
  if (s == RP_OK && !own_call(db, id, true)) s = not_elsewhere(db, &c, "correct", err);
  if (s == RP_OK)
    s = exec_conv(db,
                  "UPDATE conversation SET status = 'live', started_at = coalesce(started_at, "
                  "?2), ended_at = coalesce(ended_at, started_at, ?2), updated_at = ?2 "
                  "WHERE id = ?1",
                  id, 0, err);
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
  /* a live call another window owns goes on there: only calls whose
   * process is gone were interrupted */
  int64_t *live = NULL;
  size_t nlive = 0;
  s = db_prepare(db, "SELECT id FROM conversation WHERE status = 'live'", &st, err);
  while (s == RP_OK && sqlite3_step(st) == SQLITE_ROW) {
    int64_t lid = sqlite3_column_int64(st, 0);
    if (owner_elsewhere(db, lid)) continue;
    live = xrealloc(live, (nlive + 1) * sizeof *live);
    live[nlive++] = lid;
  }
  sqlite3_finalize(st);
  st = NULL;
  if (s == RP_OK)
    s = db_prepare(db,
                   "UPDATE conversation SET status = 'interrupted', updated_at = ?1 "
                   "WHERE id = ?2 AND status = 'live'",
                   &st, err);
  for (size_t i = 0; s == RP_OK && i < nlive; i++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, db_now());
    sqlite3_bind_int64(st, 2, live[i]);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "mark interrupted calls");
  }
  free(live);
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
