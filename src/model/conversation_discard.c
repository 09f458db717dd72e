/* conversation_discard.c — see rapport/conversation.h: a call that should
 * not have happened (a stray key, ended at once with nothing noted) is
 * discarded as if it had not: no conversation held, no thank-you owed,
 * the contact's stage as it was; and the length of a call as people read
 * it ("planned 20 min, took 21:20"). */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "rapport/conversation.h"

/* One integer from `sql` with ?1 = id (and ?2 = a second id when the
 * statement has it) into *n. */
static enum rp_status one_int(struct rp_db *db, const char *sql, int64_t id, int64_t id2,
                              int64_t *n, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_int64(st, 2, id2);
  if (sqlite3_step(st) == SQLITE_ROW) *n = sqlite3_column_int64(st, 0);
  else s = db_fail(db, err, "read conversation");
  sqlite3_finalize(st);
  return s;
}

/* Run `sql` with ?1 = id and ?2 = now. */
static enum rp_status run(struct rp_db *db, const char *sql, int64_t id, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_int64(st, 2, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "discard conversation");
  sqlite3_finalize(st);
  return s;
}

/* The contact of held conversation `c` gets back the stage it had before
 * the call ended, unless another conversation with them was held. */
static enum rp_status restore_stage(struct rp_db *db, const struct rp_conversation *c,
                                    struct rp_err *err) {
  int64_t others = 0;
  enum rp_status s = one_int(db,
                             "SELECT count(*) FROM conversation WHERE contact_id = ?1 "
                             "AND status = 'held' AND id <> ?2",
                             c->contact_id, c->id, &others, err);
  if (s != RP_OK || others) return s;
  sqlite3_stmt *st;
  s = db_prepare(db,
                 "UPDATE contact SET stage = v.stage, updated_at = ?2 "
                 "FROM (SELECT stage FROM conversation_stage WHERE conversation_id = ?1) AS v "
                 "WHERE contact.id = ?3 AND contact.stage <> v.stage",
                 &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, c->id);
  sqlite3_bind_int64(st, 2, db_now());
  sqlite3_bind_int64(st, 3, c->contact_id);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "restore the contact's stage");
  sqlite3_finalize(st);
  return s;
}

/* See conversation.h. *replanned is false unless RP_OK says otherwise. */
enum rp_status conv_discard(struct rp_db *db, int64_t id, bool force, bool *replanned,
                            struct rp_err *err) {
  *replanned = false;
  rp_err_clear(err);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_conversation c;
  s = conv_get(db, id, &c, err);
  char clip[128];
  const char *who = c.contact_name ? str_clip(c.contact_name, clip, sizeof clip) : "them";
  if (s == RP_OK && strcmp(c.status, "live") == 0)
    s = rp_err_field(err, RP_INVALID, "status",
                     "the call with %s is still going on: end it first on the Call screen",
                     who);
  else if (s == RP_OK && strcmp(c.status, "held") != 0 && strcmp(c.status, "interrupted") != 0)
    s = rp_err_field(err, RP_INVALID, "status",
                     "the conversation with %s is %s, never held: nothing to discard", who,
                     c.status);
  int64_t notes = 0, questions = 0;
  if (s == RP_OK)
    s = one_int(db, "SELECT count(*) FROM note WHERE conversation_id = ?1", id, 0, &notes, err);
  if (s == RP_OK && notes && !force)
    s = rp_err_field(err, RP_INVALID, "notes",
                     "the conversation with %s has %lld note%s; discarding it would lose them "
                     "(--force discards them too)",
                     who, (long long)notes, notes == 1 ? "" : "s");
  if (s == RP_OK)
    s = one_int(db, "SELECT count(*) FROM question WHERE conversation_id = ?1", id, 0,
                &questions, err);
  bool prepared = !str_empty(c.objective) || c.scheduled_at || questions;
  if (s == RP_OK && strcmp(c.status, "held") == 0) s = restore_stage(db, &c, err);
  if (s == RP_OK) s = run(db, "DELETE FROM followup WHERE conversation_id = ?1", id, err);
  if (s == RP_OK)
    s = run(db,
            "UPDATE ws_item SET flag = 0, ref = NULL, updated_at = ?2 "
            "WHERE section = 'gap' AND ref = ?1",
            id, err);
  if (s == RP_OK && prepared) {
    s = run(db, "DELETE FROM note WHERE conversation_id = ?1", id, err);
    if (s == RP_OK)
      s = run(db, "UPDATE question SET asked_at = NULL WHERE conversation_id = ?1", id, err);
    if (s == RP_OK)
      s = run(db,
              "UPDATE conversation SET status = 'planned', started_at = NULL, ended_at = NULL, "
              "fit1 = 0, fit2 = 0, fit3 = 0, fit4 = 0, fit_note1 = NULL, fit_note2 = NULL, "
              "fit_note3 = NULL, fit_note4 = NULL, updated_at = ?2 "
              "WHERE id = ?1",
              id, err);
    if (s == RP_OK)
      s = run(db, "DELETE FROM conversation_stage WHERE conversation_id = ?1", id, err);
  } else if (s == RP_OK) {
    s = run(db, "DELETE FROM conversation WHERE id = ?1", id, err);
  }
  conv_free(&c);
  if (s == RP_OK) s = db_commit(db, err);
  if (s != RP_OK) {
    db_rollback(db);
    return s;
  }
  *replanned = prepared;
  return RP_OK;
}

/* See conversation.h. */
int64_t conv_seconds(const struct rp_conversation *c) {
  if (!c->started_at || !c->ended_at || c->ended_at < c->started_at) return 0;
  return c->ended_at - c->started_at;
}

/* See conversation.h. */
char *conv_length_text(const struct rp_conversation *c) {
  if (!c->started_at || !c->ended_at) return xasprintf("planned %d min", c->minutes);
  int64_t t = conv_seconds(c);
  if (t >= 3600)
    return xasprintf("planned %d min, took %lld:%02lld:%02lld", c->minutes, (long long)(t / 3600),
                     (long long)(t / 60 % 60), (long long)(t % 60));
  return xasprintf("planned %d min, took %lld:%02lld", c->minutes, (long long)(t / 60),
                   (long long)(t % 60));
}
