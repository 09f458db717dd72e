/* followup.c — see rapport/followup.h: follow-ups as entities. Reads, the
 * follow-ups added by hand, updates, marking done (a thank-you sent moves
 * the contact to "thanked" in the same transaction) and snoozing. The
 * thank-you after a conversation is made in followup_thanks.c, the
 * specificity check is in followup_specific.c. */
#include "model/db_sql.h"
#include "rapport/followup.h"

#include <stdlib.h>
#include <string.h>

#include "model/contact_internal.h"
#include "model/followup_internal.h"
#include "contact_internal.h"

const char *const rp_followup_kinds[5] = {"thank-you", "check-in", "update", "success", "custom"};
const char *const rp_followup_kind_labels[5] = {"thank-you", "check in", "share an update",
                                                "report success", "custom"};

#define FOLLOWUP_COLS                                                                      \
  "f.id, f.contact_id, c.name, f.conversation_id, f.outcome_id, f.kind, f.due, "          \
  "f.snoozed_until, f.medium, f.note, f.draft, f.status, f.auto, f.done_at, f.created_at, " \
  "f.updated_at, f.origin"
#define FOLLOWUP_FROM " FROM followup f JOIN contact c ON c.id = f.contact_id"

/* Frees the strings; f is left zeroed. */
void followup_free(struct rp_followup *f) {
  free(f->contact_name);
  free(f->kind);
  free(f->due);
  free(f->snoozed_until);
  free(f->medium);
  free(f->note);
  free(f->draft);
  free(f->status);
  free(f->origin);
  memset(f, 0, sizeof *f);
}

/* Frees every follow-up and the array; l is left empty. */
void followup_list_free(struct rp_followup_list *l) {
  for (size_t i = 0; i < l->n; i++) followup_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* See followup_internal.h. */
enum rp_status followup_step_one(struct rp_db *db, sqlite3_stmt *st, int64_t id, bool *found,
                                 const char *what, struct rp_err *err) {
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, err, what);
  return RP_OK;
}

/* See followup.h. Points into f: due, or snoozed_until when it is later. */
const char *followup_effective_due(const struct rp_followup *f) {
  if (f->snoozed_until && (!f->due || strcmp(f->snoozed_until, f->due) > 0))
    return f->snoozed_until;
  return f->due;
}

/* ---- reads ---- */

static void read_row(sqlite3_stmt *st, struct rp_followup *f) {
  memset(f, 0, sizeof *f);
  int i = 0;
  f->id = sqlite3_column_int64(st, i++);
  f->contact_id = sqlite3_column_int64(st, i++);
  f->contact_name = db_col_text(st, i++);
  f->conversation_id = sqlite3_column_int64(st, i++);
  f->outcome_id = sqlite3_column_int64(st, i++);
  f->kind = db_col_text(st, i++);
  f->due = db_col_text(st, i++);
  f->snoozed_until = db_col_text(st, i++);
  f->medium = db_col_text(st, i++);
  f->note = db_col_text(st, i++);
  f->draft = db_col_text(st, i++);
  f->status = db_col_text(st, i++);
  f->auto_created = sqlite3_column_int(st, i++) != 0;
  f->done_at = sqlite3_column_int64(st, i++);
  f->created_at = sqlite3_column_int64(st, i++);
  f->updated_at = sqlite3_column_int64(st, i++);
  f->origin = db_col_text(st, i++);
}

static void read_one(sqlite3_stmt *st, void *elem) { read_row(st, elem); }

/* See followup.h. *f (caller frees with followup_free) is zeroed on
 * failure; RP_NO when there is no follow-up `id`. */
enum rp_status followup_get(struct rp_db *db, int64_t id, struct rp_followup *f,
                            struct rp_err *err) {
  memset(f, 0, sizeof *f);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT " FOLLOWUP_COLS FOLLOWUP_FROM " WHERE f.id = ?1",
                                &st, err);
  if (s != RP_OK) return s;
  bool found;
  s = followup_step_one(db, st, id, &found, "read follow-up", err);
  if (s == RP_OK && found) read_row(st, f);
  else if (s == RP_OK) s = rp_err_set(err, RP_NO, "no follow-up with id %lld", (long long)id);
  sqlite3_finalize(st);
  return s;
}

/* See followup.h. Open follow-ups of contacts that are not deleted, by due
 * day then id. Caller frees *out with followup_list_free. */
enum rp_status followup_list_open(struct rp_db *db, int64_t contact_id,
                                  struct rp_followup_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  sqlite3_stmt *st;
  /* one contact's through followup_contact (named: SQLite would rather
   * walk every open follow-up through followup_due, 60-90 ms per move on
   * Contacts at 100,000 contacts) */
  enum rp_status s =
      contact_id
          ? db_prepare(db,
                       "SELECT " FOLLOWUP_COLS
                       " FROM followup f INDEXED BY followup_contact JOIN contact c "
                       "ON c.id = f.contact_id"
                       " WHERE f.contact_id = ?1 AND f.status = 'open' AND " CONTACT_LIVE("c.") " "
                       "ORDER BY f.due, f.id",
                       &st, err)
          : db_prepare(db,
                       "SELECT " FOLLOWUP_COLS FOLLOWUP_FROM
                       " WHERE f.status = 'open' AND " CONTACT_LIVE("c.") " ORDER BY f.due, f.id",
                       &st, err);
  if (s != RP_OK) return s;
  if (contact_id) sqlite3_bind_int64(st, 1, contact_id);
  s = db_collect(db, st, sizeof *out->v, read_one, (void **)&out->v, &out->n, "list follow-ups", err);
  if (s != RP_OK) followup_list_free(out);
  return s;
}

/* ---- by hand ---- */

/* See followup_internal.h. */
enum rp_status followup_insert_raw(struct rp_db *db, struct rp_followup *f, struct rp_err *err) {
  sqlite3_stmt *st;
  /* cached: compiling it compiles the search triggers too, milliseconds
   * each time, and a first sync may add thousands of check-ins */
  enum rp_status s = db_prepare_cached(db,
                                       "INSERT INTO followup (contact_id, conversation_id, "
                                       "outcome_id, kind, due, snoozed_until, medium, note, draft, "
                                       "status, auto, created_at, updated_at) VALUES (?1, ?2, ?3, "
                                       "?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?11, ?11)",
                                       &st, err);
  if (s != RP_OK) return s;
  int64_t now = db_now();
  sqlite3_bind_int64(st, 1, f->contact_id);
  if (f->conversation_id) sqlite3_bind_int64(st, 2, f->conversation_id);
  if (f->outcome_id) sqlite3_bind_int64(st, 3, f->outcome_id);
  db_bind_text(st, 4, f->kind);
  db_bind_text(st, 5, f->due);
  db_bind_text(st, 6, f->snoozed_until);
  db_bind_text(st, 7, f->medium);
  db_bind_text(st, 8, f->note);
  db_bind_text(st, 9, f->draft);
  sqlite3_bind_int(st, 10, f->auto_created ? 1 : 0);
  sqlite3_bind_int64(st, 11, now);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "add follow-up");
  sqlite3_reset(st);
  if (s != RP_OK) return s;
  f->id = sqlite3_last_insert_rowid(db_handle(db));
  str_replace(&f->status, "open");
  f->created_at = f->updated_at = now;
  return RP_OK;
}

/* The stored kind for `kind` given as a key or a label (any case), or
 * NULL. */
static const char *kind_key(const char *kind) {
  for (size_t i = 0; kind && i < RP_ARRAY_LEN(rp_followup_kinds); i++)
    if (str_ieq(kind, rp_followup_kinds[i]) || str_ieq(kind, rp_followup_kind_labels[i]))
      return rp_followup_kinds[i];
  return NULL;
}

/* See followup.h. Trims kind, due, medium and note in f and stores the
 * kind as its key and the due day it was given (today when NULL). */
enum rp_status followup_add(struct rp_db *db, struct rp_followup *f, struct rp_err *err) {
  rp_err_clear(err);
  str_trim_null(&f->kind);
  str_trim_null(&f->due);
  str_trim_null(&f->medium);
  str_trim_null(&f->note);
  char cb[128];
  const char *key = kind_key(f->kind);
  if (!key)
    return rp_err_field(err, RP_INVALID, "kind",
                        "kind '%s' is not one of: thank-you, check-in, update, success, custom",
                        str_clip(f->kind ? f->kind : "", cb, sizeof cb));
  str_replace(&f->kind, key);
  if (!f->due) f->due = date_local(db_now(), 0);
  if (!date_valid(f->due))
    return rp_err_field(err, RP_INVALID, "due", "due must be a real date as YYYY-MM-DD, not '%s'",
                        str_clip(f->due, cb, sizeof cb));
  if (!f->note && strcmp(key, "custom") == 0)
    return rp_err_field(err, RP_INVALID, "note",
                        "note is empty: a custom follow-up needs a note saying what it is");
  if (f->snoozed_until && !date_valid(f->snoozed_until))
    return rp_err_field(err, RP_INVALID, "snoozed_until",
                        "snoozed_until must be a real date as YYYY-MM-DD");
  if (!f->medium) f->medium = xstrdup("email");
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  s = contact_check_live(db, f->contact_id, err);
  if (s == RP_OK) s = followup_insert_raw(db, f, err);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  f->id = 0;
  return s;
}

/* See followup.h. Only an open follow-up: RP_NO otherwise. */
enum rp_status followup_snooze(struct rp_db *db, int64_t id, int days, struct rp_err *err) {
  rp_err_clear(err);
  if (days < 1 || days > 365)
    return rp_err_field(err, RP_INVALID, "days", "days must be from 1 to 365, not %d", days);
  char *until = date_local(db_now(), days);
  bool changed = false;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) {
    free(until);
    return s;
  }
  sqlite3_stmt *st = NULL;
  s = db_prepare(db, "UPDATE followup SET snoozed_until = ?2, updated_at = ?3 "
                     "WHERE id = ?1 AND status = 'open'", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    db_bind_text(st, 2, until);
    sqlite3_bind_int64(st, 3, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "snooze follow-up");
    changed = s == RP_OK && sqlite3_changes(db_handle(db)) > 0;
  }
  sqlite3_finalize(st);
  free(until);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s == RP_OK && !changed)
    s = rp_err_set(err, RP_NO, "no open follow-up with id %lld", (long long)id);
  return s;
}

/* See followup.h. */
enum rp_status followup_move(struct rp_db *db, int64_t id, const char *day, struct rp_err *err) {
  rp_err_clear(err);
  char cb[128];
  if (!date_valid(day))
    return rp_err_field(err, RP_INVALID, "due", "due must be a real date as YYYY-MM-DD, not '%s'",
                        str_clip(day ? day : "", cb, sizeof cb));
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare(
      db, "UPDATE followup SET "
          "snoozed_until = CASE WHEN ?2 > due THEN ?2 END, "
          "due = CASE WHEN ?2 > due THEN due ELSE ?2 END, updated_at = ?3 "
          "WHERE id = ?1 AND status = 'open'", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  db_bind_text(st, 2, day);
  sqlite3_bind_int64(st, 3, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "move follow-up");
  bool changed = s == RP_OK && sqlite3_changes(db_handle(db)) > 0;
  sqlite3_finalize(st);
  if (s == RP_OK && !changed)
    s = rp_err_set(err, RP_NO, "no open follow-up with id %lld", (long long)id);
  return s;
}

/* ---- writes ---- */

/* See followup.h. due and medium are trimmed in f; the draft is stored as
 * it is (NULL or "" clears it). RP_INVALID with field "due" or "medium";
 * RP_NO when there is no follow-up f->id. Sets f->updated_at. */
enum rp_status followup_update(struct rp_db *db, struct rp_followup *f, struct rp_err *err) {
  rp_err_clear(err);
  str_trim_null(&f->due);
  str_trim_null(&f->medium);
  char cb[128];
  if (!date_valid(f->due))
    return rp_err_field(err, RP_INVALID, "due", "due must be a real date as YYYY-MM-DD, not '%s'",
                        str_clip(f->due ? f->due : "", cb, sizeof cb));
  if (!f->medium)
    return rp_err_field(err, RP_INVALID, "medium",
                        "medium is empty: say how you will send it (email, handwritten, …)");
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st;
  int64_t now = db_now();
  bool changed = false;
  /* a thank-you never keeps a raw placeholder */
  if (f->kind && strcmp(f->kind, "thank-you") == 0 && f->conversation_id)
    s = followup_thanks_fill(db, f->conversation_id, &f->draft, err);
  if (s == RP_OK)
    s = db_prepare(db, "UPDATE followup SET draft = ?2, due = ?3, medium = ?4, updated_at = ?5 "
                       "WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, f->id);
    db_bind_text(st, 2, f->draft);
    db_bind_text(st, 3, f->due);
    db_bind_text(st, 4, f->medium);
    sqlite3_bind_int64(st, 5, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "update follow-up");
    changed = s == RP_OK && sqlite3_changes(db_handle(db)) > 0;
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) return s;
  if (!changed) return rp_err_set(err, RP_NO, "no follow-up with id %lld", (long long)f->id);
  f->updated_at = now;
  return RP_OK;
}

/* See followup.h. `status` is "sent", "done", "skipped" or "open" (undoes
 * any of them; the contact's stage stays). done_at is now for sent, done
 * and skipped. RP_NO when there is no follow-up `id`. */
enum rp_status followup_mark(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                             const char *status, struct rp_err *err) {
  rp_err_clear(err);
  char cb[128];
  if (!status || (strcmp(status, "sent") != 0 && strcmp(status, "done") != 0 &&
                  strcmp(status, "skipped") != 0 && strcmp(status, "open") != 0))
    return rp_err_field(err, RP_INVALID, "status",
                        "status '%s' is not one of: sent, done, skipped, open",
                        str_clip(status ? status : "", cb, sizeof cb));
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st;
  int64_t contact = 0;
  bool thanks = false, found = false;
  s = db_prepare(db, "SELECT contact_id, kind = 'thank-you' FROM followup WHERE id = ?1", &st,
                 err);
  if (s == RP_OK) {
    s = followup_step_one(db, st, id, &found, "read follow-up", err);
    if (s == RP_OK && found) {
      contact = sqlite3_column_int64(st, 0);
      thanks = sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_finalize(st);
  }
  if (s == RP_OK && !found) s = rp_err_set(err, RP_NO, "no follow-up with id %lld", (long long)id);
  int64_t now = db_now();
  bool open = strcmp(status, "open") == 0;
  if (s == RP_OK)
    s = db_prepare(db, "UPDATE followup SET status = ?2, done_at = ?3, updated_at = ?4 "
                       "WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    db_bind_text(st, 2, status);
    if (!open) sqlite3_bind_int64(st, 3, now);
    sqlite3_bind_int64(st, 4, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "mark follow-up");
    sqlite3_finalize(st);
  }
  if (s == RP_OK && thanks && (strcmp(status, "sent") == 0 || strcmp(status, "done") == 0))
    s = contact_advance_stage(db, cfg, contact, "thanked", err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  return s;
}
