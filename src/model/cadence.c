/* cadence.c — see rapport/cadence.h: keeping relationships alive. The last
 * interaction of every contact is read in one query (a correlated subquery
 * per kind of interaction, each served by an index on contact_id), turned
 * into local calendar days here, and compared with the contact's cadence.
 * cadence_sync turns quiet warm relationships into check-ins. */
#include "rapport/cadence.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/cadence_internal.h"
#include "model/contact_internal.h"
#include "model/followup_internal.h"

/* One row per contact: what the cadence needs. The interaction columns are
 * NULL when there is none of that kind. */
#define LAST_SQL                                                                          \
  "SELECT c.id, c.name, c.stage, c.warmth, c.cadence_days, c.created_at, "               \
  "(SELECT max(coalesce(v.ended_at, v.started_at)) FROM conversation v "                 \
  "  WHERE v.contact_id = c.id AND v.status IN ('live', 'interrupted', 'held')), "       \
  "(SELECT max(g.date) FROM give g WHERE g.contact_id = c.id), "                        \
  "(SELECT max(n.created_at) FROM note n JOIN conversation v ON v.id = n.conversation_id " \
  "  WHERE v.contact_id = c.id), "                                                       \
  "(SELECT max(f.done_at) FROM followup f WHERE f.contact_id = c.id "                    \
  "  AND f.status IN ('sent', 'done')) "                                                 \
  "FROM contact c WHERE (?1 = 0 AND c.deleted_at IS NULL) OR c.id = ?1 ORDER BY c.id"

/* See cadence.h. */
int cadence_effective(const struct rp_config *cfg, const char *stage, const char *warmth, int own) {
  if (own >= 0) return own;
  for (size_t i = 0; stage && i < cfg->n_cadence_by_stage; i++)
    if (strcmp(cfg->cadence_by_stage[i].stage, stage) == 0) return cfg->cadence_by_stage[i].days;
  return warmth && strcmp(warmth, "warm") == 0 ? cfg->cadence_warm : cfg->cadence_cold;
}

/* See cadence.h. RP_INVALID with field "days" or "contact". */
enum rp_status cadence_set(struct rp_db *db, int64_t contact_id, int days, struct rp_err *err) {
  rp_err_clear(err);
  if (days < -1 || days > 3650)
    return rp_err_field(err, RP_INVALID, "days",
                        "days must be from 0 to 3650 (0 = none), or the default; not %d", days);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  s = contact_check_live(db, contact_id, err);
  sqlite3_stmt *st = NULL;
  if (s == RP_OK)
    s = db_prepare(db, "UPDATE contact SET cadence_days = ?2, updated_at = ?3 WHERE id = ?1",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, contact_id);
    if (days >= 0) sqlite3_bind_int(st, 2, days);
    sqlite3_bind_int64(st, 3, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "set cadence");
  }
  sqlite3_finalize(st);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* The local calendar day of t into out ("" when it cannot be converted). */
static void local_day(int64_t t, char out[11]) {
  time_t tt = (time_t)t;
  struct tm tm;
  out[0] = '\0';
  if (localtime_r(&tt, &tm)) strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A contact as LAST_SQL reads it, with its last interaction worked out. */
struct row {
  int64_t id;
  const char *name, *stage, *warmth; /* owned by the statement */
  int own;                           /* -1 = default */
  char last[11];
  const char *what;
};

/* Fill r from the current LAST_SQL row: the latest local day among the
 * interactions (on the same day the first kind listed wins), else the day
 * the contact was added. */
static void read_row(sqlite3_stmt *st, struct row *r) {
  r->id = sqlite3_column_int64(st, 0);
  r->name = (const char *)sqlite3_column_text(st, 1);
  r->stage = (const char *)sqlite3_column_text(st, 2);
  r->warmth = (const char *)sqlite3_column_text(st, 3);
  r->own = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 4);
  static const char *const kinds[] = {"conversation", "give", "note", "follow-up"};
  r->last[0] = '\0';
  r->what = NULL;
  for (int k = 0; k < 4; k++) {
    int col = 6 + k;
    if (sqlite3_column_type(st, col) == SQLITE_NULL) continue;
    char day[11];
    if (k == 1) str_copy(day, sizeof day, (const char *)sqlite3_column_text(st, col));
    else local_day(sqlite3_column_int64(st, col), day);
    if (date_valid(day) && (!r->what || strcmp(day, r->last) > 0)) {
      memcpy(r->last, day, sizeof day);
      r->what = kinds[k];
    }
  }
  if (!r->what) {
    local_day(sqlite3_column_int64(st, 5), r->last);
    r->what = "added";
  }
}

/* See cadence.h. RP_NO when there is no contact `contact_id`. */
enum rp_status cadence_last(struct rp_db *db, int64_t contact_id, char day[11], const char **what,
                            struct rp_err *err) {
  day[0] = '\0';
  *what = NULL;
  if (contact_id <= 0) return rp_err_set(err, RP_NO, "no contact with id %lld", (long long)contact_id);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, LAST_SQL, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    struct row r;
    read_row(st, &r);
    memcpy(day, r.last, 11);
    *what = r.what;
  } else if (rc == SQLITE_DONE) {
    s = rp_err_set(err, RP_NO, "no contact with id %lld", (long long)contact_id);
  } else {
    s = db_fail(db, err, "read last interaction");
  }
  sqlite3_finalize(st);
  return s;
}

void quiet_list_free(struct rp_quiet_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->v[i].name);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* A quiet contact while scanning, with its warmth. */
struct scanned {
  struct rp_quiet q;
  bool warm;
};

/* Longest overdue first, then by name and id. */
static int by_overdue(const void *a, const void *b) {
  const struct rp_quiet *x = &((const struct scanned *)a)->q, *y = &((const struct scanned *)b)->q;
  if (x->days_over != y->days_over) return x->days_over > y->days_over ? -1 : 1;
  int c = strcmp(x->name ? x->name : "", y->name ? y->name : "");
  if (c) return c;
  return x->contact_id < y->contact_id ? -1 : x->contact_id > y->contact_id;
}

/* Read the contacts (all live ones) and keep those past their cadence on
 * `today`, into *v (*n of them; caller frees v and the names). */
static enum rp_status scan(struct rp_db *db, const struct rp_config *cfg, const char *today,
                           struct scanned **v, size_t *n, struct rp_err *err) {
  *v = NULL;
  *n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, LAST_SQL, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, 0);
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    struct row r;
    read_row(st, &r);
    int cadence = cadence_effective(cfg, r.stage, r.warmth, r.own);
    char due[11];
    int over = 0;
    if (cadence <= 0 || !date_add(r.last, cadence, due) || !date_diff(due, today, &over) ||
        over <= 0)
      continue;
    if (*n == cap) {
      cap = cap ? 2 * cap : 8;
      *v = xrealloc(*v, cap * sizeof **v);
    }
    struct scanned *e = &(*v)[(*n)++];
    memset(e, 0, sizeof *e);
    e->q.contact_id = r.id;
    e->q.name = xstrdup(r.name);
    memcpy(e->q.last, r.last, sizeof e->q.last);
    e->q.last_what = r.what;
    e->q.cadence = cadence;
    memcpy(e->q.due, due, sizeof e->q.due);
    e->q.days_over = over;
    e->warm = r.warmth && strcmp(r.warmth, "warm") == 0;
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read contacts");
  sqlite3_finalize(st);
  if (*n > 1) qsort(*v, *n, sizeof **v, by_overdue);
  return s;
}

/* cadence_quiet; *warm (may be NULL; caller frees) receives, in the order
 * of out, whether each contact is warm. */
static enum rp_status quiet_scan(struct rp_db *db, const struct rp_config *cfg, const char *today,
                                 struct rp_quiet_list *out, bool **warm, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  if (warm) *warm = NULL;
  char *own_today = today ? NULL : date_local(db_now(), 0);
  if (!today) today = own_today;
  char cb[128];
  enum rp_status s = RP_OK;
  struct scanned *v = NULL;
  size_t n = 0;
  if (!date_valid(today))
    s = rp_err_field(err, RP_INVALID, "today", "today must be a real date as YYYY-MM-DD, not '%s'",
                     str_clip(today, cb, sizeof cb));
  else
    s = scan(db, cfg, today, &v, &n, err);
  free(own_today);
  if (s == RP_OK && n) {
    out->v = xmalloc(n * sizeof *out->v);
    if (warm) *warm = xmalloc(n * sizeof **warm);
  }
  for (size_t i = 0; i < n; i++) {
    if (s == RP_OK) {
      out->v[i] = v[i].q;
      if (warm) (*warm)[i] = v[i].warm;
    } else {
      free(v[i].q.name);
    }
  }
  if (s == RP_OK) out->n = n;
  free(v);
  return s;
}

/* See cadence.h. Caller frees *out with quiet_list_free. RP_INVALID (field
 * "today") when today is not a real date. */
enum rp_status cadence_quiet(struct rp_db *db, const struct rp_config *cfg, const char *today,
                             struct rp_quiet_list *out, struct rp_err *err) {
  return quiet_scan(db, cfg, today, out, NULL, err);
}

/* See cadence_internal.h. */
enum rp_status cadence_handled(struct rp_db *db, int64_t contact_id, const char *due,
                               bool *handled, struct rp_err *err) {
  *handled = false;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT EXISTS (SELECT 1 FROM followup WHERE contact_id = ?1 "
                                "AND kind = 'check-in' AND (status = 'open' OR "
                                "(status = 'skipped' AND due >= ?2)))",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  db_bind_text(st, 2, due);
  if (sqlite3_step(st) == SQLITE_ROW) *handled = sqlite3_column_int(st, 0) != 0;
  else s = db_fail(db, err, "read check-ins");
  sqlite3_finalize(st);
  return s;
}

/* A check-in for quiet contact q (inside the caller's transaction). */
static enum rp_status add_check_in(struct rp_db *db, const struct rp_quiet *q, struct rp_err *err) {
  struct rp_followup f = {0};
  f.contact_id = q->contact_id;
  f.kind = xstrdup("check-in");
  f.due = xstrdup(q->due);
  f.medium = xstrdup("email");
  f.auto_created = true;
  if (strcmp(q->last_what, "added") == 0)
    f.note = xasprintf("no contact yet since you added them on %s (cadence %d days)", q->last,
                       q->cadence);
  else
    f.note = xasprintf("no contact since %s (cadence %d days)", q->last, q->cadence);
  enum rp_status s = followup_insert_raw(db, &f, err);
  followup_free(&f);
  return s;
}

/* See cadence.h. One transaction, which also holds the scan, so two
 * processes syncing at once cannot both add the same check-in. */
enum rp_status cadence_sync(struct rp_db *db, const struct rp_config *cfg, const char *today,
                            int *created, struct rp_err *err) {
  if (created) *created = 0;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_quiet_list quiet;
  bool *warm = NULL;
  int n = 0;
  s = quiet_scan(db, cfg, today, &quiet, &warm, err);
  for (size_t i = 0; s == RP_OK && i < quiet.n; i++) {
    if (!warm[i]) continue;
    bool handled = false;
    s = cadence_handled(db, quiet.v[i].contact_id, quiet.v[i].due, &handled, err);
    if (s == RP_OK && !handled) {
      s = add_check_in(db, &quiet.v[i], err);
      n++;
    }
  }
  free(warm);
  quiet_list_free(&quiet);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s == RP_OK && created) *created = n;
  return s;
}
