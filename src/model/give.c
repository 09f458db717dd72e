/* give.c — see rapport/give.h: the give-first ledger. A give is validated
 * against the config's give kinds and the calendar, and logging one moves
 * the contact to the stage "giving" in the same transaction when the
 * contact is earlier in the pipeline. */
#include "model/db_sql.h"
#include "rapport/give.h"

#include <stdlib.h>
#include <string.h>

#include "model/contact_internal.h"
#include "contact_internal.h"


#define GIVE_COLS "id, contact_id, date, kind, text, created_at"

/* Frees the strings; g is left zeroed. */
void give_free(struct rp_give *g) {
  free(g->date);
  free(g->kind);
  free(g->text);
  memset(g, 0, sizeof *g);
}

/* Frees every give and the array; l is left empty. */
void give_list_free(struct rp_give_list *l) {
  for (size_t i = 0; i < l->n; i++) give_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* ---- validation ---- */

/* The give kind for `value`: its key exactly, else a key or label in any
 * ASCII case. NULL when none. */
static const struct rp_choice *kind_match(const struct rp_choices *kinds, const char *value) {
  for (size_t i = 0; i < kinds->n; i++)
    if (kinds->v[i].key && strcmp(kinds->v[i].key, value) == 0) return &kinds->v[i];
  for (size_t i = 0; i < kinds->n; i++)
    if (str_ieq(kinds->v[i].key, value) || str_ieq(kinds->v[i].label, value)) return &kinds->v[i];
  return NULL;
}

/* Trim and check g's fields (not the contact); kind is stored as its key
 * and a missing date becomes today. */
static enum rp_status check_fields(const struct rp_config *cfg, struct rp_give *g,
                                   struct rp_err *err) {
  str_trim_null(&g->kind);
  str_trim_null(&g->text);
  str_trim_null(&g->date);
  char cb[128];
  if (!g->kind) {
    char *allowed = choices_list(&cfg->give_kinds);
    rp_err_field(err, RP_INVALID, "kind", "kind missing; one of: %s", allowed);
    free(allowed);
    return RP_INVALID;
  }
  const struct rp_choice *k = kind_match(&cfg->give_kinds, g->kind);
  if (!k) {
    char *allowed = choices_list(&cfg->give_kinds);
    rp_err_field(err, RP_INVALID, "kind", "kind '%s' is not one of: %s",
                 str_clip(g->kind, cb, sizeof cb), allowed);
    free(allowed);
    return RP_INVALID;
  }
  str_replace(&g->kind, k->key);
  if (!g->text)
    return rp_err_field(err, RP_INVALID, "text",
                        "text is empty: say what you gave (\"read their article on …\")");
  if (!g->date) g->date = date_local(db_now(), 0); /* today */
  if (!date_valid(g->date))
    return rp_err_field(err, RP_INVALID, "date", "date must be a real date as YYYY-MM-DD, not '%s'",
                        str_clip(g->date, cb, sizeof cb));
  return RP_OK;
}

/* ---- writes ---- */

/* See give.h. One transaction: the give and the stage move are written
 * together or not at all. On success g->id, g->created_at, g->date (today
 * when it was NULL) and g->kind (as the key) are set; g stays the
 * caller's. On failure g->id is 0. */
enum rp_status give_insert(struct rp_db *db, const struct rp_config *cfg, struct rp_give *g,
                           struct rp_err *err) {
  rp_err_clear(err);
  g->id = 0;
  enum rp_status s = check_fields(cfg, g, err);
  if (s != RP_OK) return s;
  s = db_begin(db, err);
  if (s != RP_OK) return s;
  s = contact_check_live(db, g->contact_id, err);
  sqlite3_stmt *st = NULL;
  int64_t now = db_now();
  if (s == RP_OK)
    s = db_prepare(db,
                   "INSERT INTO give (contact_id, date, kind, text, created_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, g->contact_id);
    db_bind_text(st, 2, g->date);
    db_bind_text(st, 3, g->kind);
    db_bind_text(st, 4, g->text);
    sqlite3_bind_int64(st, 5, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "log give");
  }
  sqlite3_finalize(st);
  int64_t id = s == RP_OK ? sqlite3_last_insert_rowid(db_handle(db)) : 0;
  if (s == RP_OK) s = contact_advance_stage(db, cfg, g->contact_id, "giving", err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) return s;
  g->id = id;
  g->created_at = now;
  return RP_OK;
}

/* Remove give `id` (one transaction); RP_NO when there is none. The
 * contact's stage is left as it is. */
enum rp_status give_delete(struct rp_db *db, int64_t id, struct rp_err *err) {
  bool changed;
  enum rp_status s =
      db_exec_id(db, "DELETE FROM give WHERE id = ?1", id, "delete give", &changed, err);
  if (s == RP_OK && !changed) return rp_err_set(err, RP_NO, "no give with id %lld", (long long)id);
  return s;
}

/* ---- reads ---- */

/* One give from a GIVE_COLS row. */
static void read_give(sqlite3_stmt *st, void *elem) {
  struct rp_give *g = elem;
  g->id = sqlite3_column_int64(st, 0);
  g->contact_id = sqlite3_column_int64(st, 1);
  g->date = db_col_text(st, 2);
  g->kind = db_col_text(st, 3);
  g->text = db_col_text(st, 4);
  g->created_at = sqlite3_column_int64(st, 5);
}

/* Every give of `contact_id`, newest first (date, then id). Caller frees
 * *out with give_list_free (left empty on failure). */
enum rp_status give_list(struct rp_db *db, int64_t contact_id, struct rp_give_list *out,
                         struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT " GIVE_COLS " FROM give WHERE contact_id = ?1 "
                                "ORDER BY date DESC, id DESC",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  s = db_collect(db, st, sizeof *out->v, read_give, (void **)&out->v, &out->n, "list gives", err);
  if (s != RP_OK) give_list_free(out);
  return s;
}

/* One count (an integer the statement returns) for contact `id`, bound as
 * ?1, into *n; `what` names it in an error. */
static enum rp_status count_one(struct rp_db *db, const char *sql, int64_t id, long *n,
                                const char *what, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW) *n = (long)sqlite3_column_int64(st, 0);
  else s = db_fail(db, err, what);
  sqlite3_finalize(st);
  return s;
}

/* The position of `key` in cfg->stages, -1 when it is not one. */
static long stage_pos(const struct rp_config *cfg, const char *key) {
  for (size_t i = 0; key && i < cfg->stages.n; i++)
    if (strcmp(cfg->stages.v[i].key, key) == 0) return (long)i;
  return -1;
}

/* See give.h. *gives and *asks are 0 on failure. */
enum rp_status give_balance(struct rp_db *db, const struct rp_config *cfg, int64_t contact_id,
                            long *gives, long *asks, struct rp_err *err) {
  *gives = 0;
  *asks = 0;
  long g = 0, held = 0, intros = 0, outreach = 0;
  enum rp_status s =
      count_one(db, "SELECT count(*) FROM give WHERE contact_id = ?1", contact_id, &g,
                "count gives", err);
  if (s == RP_OK)
    s = count_one(db,
                  "SELECT count(*) FROM conversation WHERE contact_id = ?1 AND status = 'held'",
                  contact_id, &held, "count conversations", err);
  if (s == RP_OK)
    s = count_one(db,
                  "SELECT count(*) FROM contact WHERE introduced_by = ?1 AND " CONTACT_LIVE(""),
                  contact_id, &intros, "count introductions", err);
  if (s == RP_OK && !held) {
    /* the outreach: asked for a conversation that has not been held yet */
    sqlite3_stmt *st;
    s = db_prepare(db, "SELECT stage FROM contact WHERE id = ?1", &st, err);
    if (s == RP_OK) {
      sqlite3_bind_int64(st, 1, contact_id);
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        long at = stage_pos(cfg, (const char *)sqlite3_column_text(st, 0));
        long asked = stage_pos(cfg, "asked");
        outreach = asked >= 0 && at >= asked;
      } else if (rc != SQLITE_DONE) {
        s = db_fail(db, err, "read contact stage");
      }
      sqlite3_finalize(st);
    }
  }
  if (s != RP_OK) return s;
  *gives = g;
  *asks = held + intros + outreach;
  return RP_OK;
}
