/* conversation.c — see rapport/conversation.h: conversations with a contact,
 * from planned through live (and interrupted, when the process died during
 * the call) to held or cancelled. Validation against the config, writes
 * (each one transaction) and reads. The call's life cycle is in
 * conversation_call.c, notes in note.c, parsing what was typed in
 * note_parse.c. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "rapport/conversation.h"

const char *const rp_fit_questions[RP_FIT_COUNT] = {
    "Would I succeed there?",
    "Would it fit me?",
    "Do I want it?",
    "Where can it lead?",
};

static const char *const statuses[] = {"planned", "live", "interrupted", "held", "cancelled"};

/* The planned length when neither the caller nor the config says. */
#define DEFAULT_MINUTES 20
#define MAX_MINUTES 240

#define CONV_COLS                                                                     \
  "v.id, v.contact_id, c.name, v.channel, v.scheduled_at, v.minutes, v.objective, "   \
  "v.status, v.started_at, v.ended_at, v.fit1, v.fit2, v.fit3, v.fit4, v.fit_note1, " \
  "v.fit_note2, v.fit_note3, v.fit_note4, v.created_at, v.updated_at"
#define CONV_FROM " FROM conversation v JOIN contact c ON c.id = v.contact_id"

/* Zero every member; nothing to free yet. */
void conv_init(struct rp_conversation *c) { memset(c, 0, sizeof *c); }

/* Frees every string; c is left zeroed and reusable. */
void conv_free(struct rp_conversation *c) {
  free(c->contact_name);
  free(c->channel);
  free(c->objective);
  free(c->status);
  for (int i = 0; i < RP_FIT_COUNT; i++) free(c->fit_note[i]);
  conv_init(c);
}

/* Frees every conversation and the array; l is left empty. */
void conv_list_free(struct rp_conversation_list *l) {
  for (size_t i = 0; i < l->n; i++) conv_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* Fill c (zeroed) from the current row of a CONV_COLS query; c owns the
 * strings. */
static void read_row(sqlite3_stmt *st, struct rp_conversation *c) {
  int i = 0;
  c->id = sqlite3_column_int64(st, i++);
  c->contact_id = sqlite3_column_int64(st, i++);
  c->contact_name = db_col_text(st, i++);
  c->channel = db_col_text(st, i++);
  c->scheduled_at = sqlite3_column_int64(st, i++);
  c->minutes = sqlite3_column_int(st, i++);
  c->objective = db_col_text(st, i++);
  c->status = db_col_text(st, i++);
  c->started_at = sqlite3_column_int64(st, i++);
  c->ended_at = sqlite3_column_int64(st, i++);
  for (int k = 0; k < RP_FIT_COUNT; k++) c->fit[k] = sqlite3_column_int(st, i++);
  for (int k = 0; k < RP_FIT_COUNT; k++) c->fit_note[k] = db_col_text(st, i++);
  c->created_at = sqlite3_column_int64(st, i++);
  c->updated_at = sqlite3_column_int64(st, i++);
}

static void read_one(sqlite3_stmt *st, void *elem) { read_row(st, elem); }

/* ---- validation ---- */

/* *channel (trimmed, maybe NULL) must be a key or label (any ASCII case) of
 * cfg->channels, or the value already stored (`stored`); stored as the key. */
static enum rp_status check_channel(const struct rp_config *cfg, char **channel, const char *stored,
                                    struct rp_err *err) {
  str_trim_null(channel);
  if (!*channel) return RP_OK;
  const struct rp_choices *l = &cfg->channels;
  for (size_t i = 0; i < l->n; i++)
    if (str_ieq(l->v[i].key, *channel) || str_ieq(l->v[i].label, *channel)) {
      str_replace(channel, l->v[i].key);
      return RP_OK;
    }
  if (stored && strcmp(stored, *channel) == 0) return RP_OK;
  char cb[128];
  char *allowed = choices_list(l);
  rp_err_field(err, RP_INVALID, "channel", "channel '%s' is not one of: %s",
               str_clip(*channel, cb, sizeof cb), allowed);
  free(allowed);
  return RP_INVALID;
}

/* Trim and check every field but the contact and the stored channel. A
 * new conversation (insert) gets the config's length and "planned". */
static enum rp_status check_fields(const struct rp_config *cfg, struct rp_conversation *c,
                                   bool insert, struct rp_err *err) {
  str_trim_null(&c->objective);
  str_trim_null(&c->status);
  for (int i = 0; i < RP_FIT_COUNT; i++) str_trim_null(&c->fit_note[i]);
  if (insert && c->minutes == 0)
    c->minutes = cfg->call_minutes >= 1 && cfg->call_minutes <= MAX_MINUTES ? cfg->call_minutes
                                                                            : DEFAULT_MINUTES;
  if (c->minutes < 1 || c->minutes > MAX_MINUTES)
    return rp_err_field(err, RP_INVALID, "minutes", "minutes must be from 1 to %d, not %d",
                        MAX_MINUTES, c->minutes);
  if (insert && !c->status) c->status = xstrdup("planned");
  bool known = false;
  for (size_t i = 0; c->status && i < RP_ARRAY_LEN(statuses); i++)
    if (str_ieq(c->status, statuses[i])) {
      str_replace(&c->status, statuses[i]);
      known = true;
    }
  char cb[128];
  if (!known)
    return rp_err_field(err, RP_INVALID, "status",
                        "status '%s' is not one of: planned, live, interrupted, held, cancelled",
                        str_clip(c->status ? c->status : "", cb, sizeof cb));
  for (int i = 0; i < RP_FIT_COUNT; i++)
    if (c->fit[i] < 0 || c->fit[i] > 5)
      return rp_err_field(err, RP_INVALID, "fit",
                          "\"%s\" must be scored 1 to 5 (0 = not scored), not %d",
                          rp_fit_questions[i], c->fit[i]);
  if (c->scheduled_at < 0) c->scheduled_at = 0;
  return RP_OK;
}

/* ---- writes ---- */

/* Bind a time (0 = NULL). */
static void bind_time(sqlite3_stmt *st, int idx, int64_t t) {
  if (t) sqlite3_bind_int64(st, idx, t);
  else sqlite3_bind_null(st, idx);
}

/* Insert or update c as one transaction; a conversation saved as held
 * moves its contact to "met" (a conversation logged after the fact). */
static enum rp_status write_conv(struct rp_db *db, const struct rp_config *cfg,
                                 struct rp_conversation *c, bool insert, struct rp_err *err) {
  rp_err_clear(err);
  enum rp_status s = check_fields(cfg, c, insert, err);
  if (s != RP_OK) return s;
  s = db_begin(db, err);
  if (s != RP_OK) return s;
  char *stored = NULL;
  if (!insert) {
    struct rp_conversation cur;
    s = conv_get(db, c->id, &cur, err);
    stored = cur.channel;
    cur.channel = NULL;
    if (s == RP_OK && cur.contact_id != c->contact_id && c->contact_id)
      s = rp_err_field(err, RP_INVALID, "contact", "a conversation cannot move to another contact");
    if (s == RP_OK) c->contact_id = cur.contact_id;
    conv_free(&cur);
  }
  if (s == RP_OK && insert) s = contact_check_live(db, c->contact_id, err);
  if (s == RP_OK) s = check_channel(cfg, &c->channel, stored, err);
  free(stored);
  sqlite3_stmt *st = NULL;
  int64_t now = db_now();
  if (s == RP_OK)
    s = db_prepare(db,
                   insert ? "INSERT INTO conversation (contact_id, channel, scheduled_at, minutes, "
                            "objective, status, started_at, ended_at, fit1, fit2, fit3, fit4, "
                            "fit_note1, fit_note2, fit_note3, fit_note4, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?14, ?15, ?16, ?17, ?17)"
                          : "UPDATE conversation SET contact_id = ?1, channel = ?2, "
                            "scheduled_at = ?3, minutes = ?4, objective = ?5, status = ?6, "
                            "started_at = ?7, ended_at = ?8, fit1 = ?9, fit2 = ?10, fit3 = ?11, "
                            "fit4 = ?12, fit_note1 = ?13, fit_note2 = ?14, fit_note3 = ?15, "
                            "fit_note4 = ?16, updated_at = ?17 WHERE id = ?18",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, c->contact_id);
    db_bind_text(st, 2, c->channel);
    bind_time(st, 3, c->scheduled_at);
    sqlite3_bind_int(st, 4, c->minutes);
    db_bind_text(st, 5, c->objective);
    db_bind_text(st, 6, c->status);
    bind_time(st, 7, c->started_at);
    bind_time(st, 8, c->ended_at);
    for (int i = 0; i < RP_FIT_COUNT; i++) sqlite3_bind_int(st, 9 + i, c->fit[i]);
    for (int i = 0; i < RP_FIT_COUNT; i++) db_bind_text(st, 13 + i, c->fit_note[i]);
    sqlite3_bind_int64(st, 17, now);
    if (!insert) sqlite3_bind_int64(st, 18, c->id);
    if (sqlite3_step(st) != SQLITE_DONE)
      s = db_fail(db, err, insert ? "add conversation" : "save conversation");
  }
  sqlite3_finalize(st);
  int64_t id = s == RP_OK && insert ? sqlite3_last_insert_rowid(db_handle(db)) : c->id;
  if (s == RP_OK && strcmp(c->status, "held") == 0)
    s = contact_advance_stage(db, cfg, c->contact_id, "met", err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) {
    if (insert) c->id = 0;
    return s;
  }
  c->id = id;
  if (insert) c->created_at = now;
  c->updated_at = now;
  return RP_OK;
}

/* See conversation.h. On success c->id, minutes, status and the times are
 * set and the text fields normalised (c stays the caller's); on failure
 * c->id is 0 and nothing is written. */
enum rp_status conv_insert(struct rp_db *db, const struct rp_config *cfg, struct rp_conversation *c,
                           struct rp_err *err) {
  c->id = 0;
  return write_conv(db, cfg, c, true, err);
}

/* See conversation.h. RP_NO for an unknown id. The contact cannot change
 * (0 keeps it); a channel no longer in the config is kept when unchanged. */
enum rp_status conv_update(struct rp_db *db, const struct rp_config *cfg, struct rp_conversation *c,
                           struct rp_err *err) {
  return write_conv(db, cfg, c, false, err);
}

/* ---- reads ---- */

/* One conversation with its contact's name; RP_NO when there is none. c
 * is zeroed on failure; caller frees with conv_free. */
enum rp_status conv_get(struct rp_db *db, int64_t id, struct rp_conversation *c,
                        struct rp_err *err) {
  conv_init(c);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT " CONV_COLS CONV_FROM " WHERE v.id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) read_row(st, c);
  else if (rc == SQLITE_DONE)
    s = rp_err_set(err, RP_NO, "no conversation with id %lld", (long long)id);
  else s = db_fail(db, err, "read conversation");
  sqlite3_finalize(st);
  return s;
}

/* See conversation.h. Caller frees *out with conv_list_free (left empty on
 * failure); an empty list is RP_OK. */
enum rp_status conv_list(struct rp_db *db, int64_t contact_id, struct rp_conversation_list *out,
                         struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT " CONV_COLS CONV_FROM
                                " WHERE v.contact_id = ?1 "
                                "ORDER BY coalesce(v.started_at, v.scheduled_at, v.created_at) "
                                "DESC, v.id DESC",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  s = db_collect(db, st, sizeof *out->v, read_one, (void **)&out->v, &out->n, "list conversations", err);
  if (s != RP_OK) conv_list_free(out);
  return s;
}

/* See conversation.h. *id is 0 unless RP_OK. */
enum rp_status conv_current(struct rp_db *db, int64_t contact_id, int64_t *id, struct rp_err *err) {
  *id = 0;
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare(db,
                 "SELECT id FROM conversation WHERE contact_id = ?1 "
                 "AND status IN ('live', 'interrupted', 'planned') "
                 "ORDER BY CASE status WHEN 'live' THEN 0 WHEN 'interrupted' THEN 1 ELSE 2 END, "
                 "scheduled_at IS NULL, scheduled_at, created_at, id LIMIT 1",
                 &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
  else if (rc == SQLITE_DONE) s = rp_err_set(err, RP_NO, "no planned or live conversation");
  else s = db_fail(db, err, "find the current conversation");
  sqlite3_finalize(st);
  return s;
}
