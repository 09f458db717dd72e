/* cadence.c — see rapport/cadence.h: keeping relationships alive. The last
 * interaction of every contact is read in one query (a correlated subquery
 * per kind of interaction, each served by an index on contact_id), turned
 * into local calendar days here, and compared with the contact's cadence.
 * cadence_sync turns quiet warm relationships into check-ins. */
#include "model/db_sql.h"
#include "rapport/cadence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/cadence_internal.h"
#include "model/contact_internal.h"
#include "model/followup_internal.h"
#include "contact_internal.h"

/* One row per contact: what the cadence needs. The interaction columns are
 * NULL when there is none of that kind. */
#define LAST_COLS                                                                         \
  "SELECT c.id, c.name, c.stage, c.warmth, c.cadence_days, c.created_at, "               \
  "(SELECT max(coalesce(v.ended_at, v.started_at)) FROM conversation v "                 \
  "  WHERE v.contact_id = c.id AND v.status IN ('live', 'interrupted', 'held')), "       \
  "(SELECT max(g.date) FROM give g WHERE g.contact_id = c.id), "                        \
  "(SELECT max(n.created_at) FROM note n JOIN conversation v ON v.id = n.conversation_id " \
  "  WHERE v.contact_id = c.id), "                                                       \
  "(SELECT max(f.done_at) FROM followup f WHERE f.contact_id = c.id "                    \
  "  AND f.status IN ('sent', 'done')), "                                                \
  "c.deleted_at IS NOT NULL "                                                            \
  "FROM contact c "
/* One contact (bind 1 = its id): a lookup by rowid. (One statement for
 * "one or all" — WHERE (?1 = 0 AND …) OR c.id = ?1 — made SQLite scan
 * every contact for each one: the first sync after an import of n people
 * was O(n²), 3.3 s at 20,000.) */
#define LAST_SQL LAST_COLS "WHERE c.id = ?1"
/* See cadence_internal.h. */
const char cadence_last_sql[] = LAST_SQL;
/* Every live contact, in id order. */
#define LAST_ALL_SQL LAST_COLS "WHERE " CONTACT_LIVE("c.") " ORDER BY c.id"

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

/* Longest overdue first, then by name and id. */
static int by_overdue(const void *a, const void *b) {
  const struct rp_quiet *x = a, *y = b;
  if (x->days_over != y->days_over) return x->days_over > y->days_over ? -1 : 1;
  int c = strcmp(x->name ? x->name : "", y->name ? y->name : "");
  if (c) return c;
  return x->contact_id < y->contact_id ? -1 : x->contact_id > y->contact_id;
}

/* Read the contacts (all live ones) and keep those past their cadence on
 * `today`, into out (longest overdue first). */
static enum rp_status scan(struct rp_db *db, const struct rp_config *cfg, const char *today,
                           struct rp_quiet_list *out, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, LAST_ALL_SQL, &st, err);
  if (s != RP_OK) return s;
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
    if (out->n == cap) {
      cap = cap ? 2 * cap : 8;
      out->v = xrealloc(out->v, cap * sizeof *out->v);
    }
    struct rp_quiet *e = &out->v[out->n++];
    memset(e, 0, sizeof *e);
    e->contact_id = r.id;
    e->name = xstrdup(r.name);
    memcpy(e->last, r.last, sizeof e->last);
    e->last_what = r.what;
    e->cadence = cadence;
    memcpy(e->due, due, sizeof e->due);
    e->days_over = over;
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read contacts");
  sqlite3_finalize(st);
  if (out->n > 1) qsort(out->v, out->n, sizeof *out->v, by_overdue);
  return s;
}

/* See cadence.h. Caller frees *out with quiet_list_free (empty on failure).
 * RP_INVALID (field "today") when today is not a real date. */
enum rp_status cadence_quiet(struct rp_db *db, const struct rp_config *cfg, const char *today,
                             struct rp_quiet_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  char *own_today = today ? NULL : date_local(db_now(), 0);
  if (!today) today = own_today;
  char cb[128];
  enum rp_status s;
  if (!date_valid(today))
    s = rp_err_field(err, RP_INVALID, "today", "today must be a real date as YYYY-MM-DD, not '%s'",
                     str_clip(today, cb, sizeof cb));
  else
    s = scan(db, cfg, today, out, err);
  free(own_today);
  if (s != RP_OK) quiet_list_free(out);
  return s;
}

/* See cadence_internal.h. */
enum rp_status cadence_handled(struct rp_db *db, int64_t contact_id, const char *due,
                               bool *handled, struct rp_err *err) {
  *handled = false;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db,
                                       "SELECT EXISTS (SELECT 1 FROM followup WHERE contact_id = ?1 "
                                       "AND kind = 'check-in' AND (status = 'open' OR "
                                       "(status = 'skipped' AND due >= ?2)))",
                                       &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  db_bind_text(st, 2, due);
  if (sqlite3_step(st) == SQLITE_ROW) *handled = sqlite3_column_int(st, 0) != 0;
  else s = db_fail(db, err, "read check-ins");
  sqlite3_reset(st);
  return s;
}

/* The note of the check-in made for quiet contact q. Caller frees. */
static char *check_in_note(const struct rp_quiet *q) {
  if (strcmp(q->last_what, "added") == 0)
    return xasprintf("no contact yet since you added them on %s (cadence %d days)", q->last,
                     q->cadence);
  return xasprintf("no contact since %s (cadence %d days)", q->last, q->cadence);
}

/* The config's cadences as one line: the state in cadence_state was
 * worked out with them, and is worked out again when they change. */
static char *config_line(const struct rp_config *cfg) {
  struct rp_buf b = {0};
  buf_addf(&b, "warm %d; cold %d", cfg->cadence_warm, cfg->cadence_cold);
  for (size_t i = 0; i < cfg->n_cadence_by_stage; i++)
    buf_addf(&b, "; %s %d", cfg->cadence_by_stage[i].stage, cfg->cadence_by_stage[i].days);
  return buf_steal(&b);
}

/* When the config's cadences are not those the state was worked out with,
 * mark every contact to be worked out again and remember the new ones. */
static enum rp_status sync_config(struct rp_db *db, const struct rp_config *cfg,
                                  struct rp_err *err) {
  char *line = config_line(cfg);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, "SELECT value FROM cadence_config WHERE id = 1", &st, err);
  bool same = false;
  if (s == RP_OK) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) same = strcmp((const char *)sqlite3_column_text(st, 0), line) == 0;
    else if (rc != SQLITE_DONE) s = db_fail(db, err, "read the cadence state");
    sqlite3_reset(st);
  }
  if (s == RP_OK && !same) {
    s = db_prepare_cached(db,
                          "INSERT INTO cadence_config (id, value) VALUES (1, ?1) "
                          "ON CONFLICT (id) DO UPDATE SET value = excluded.value",
                          &st, err);
    if (s == RP_OK) {
      db_bind_text(st, 1, line);
      if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save the cadence state");
      sqlite3_reset(st);
    }
    if (s == RP_OK)
      s = db_prepare_cached(db, "UPDATE cadence_state SET check_on = '' WHERE check_on <> ''", &st,
                            err);
    if (s == RP_OK) {
      if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "reset the cadence state");
      sqlite3_reset(st);
    }
  }
  free(line);
  return s;
}

/* The contacts whose check_on day has come (or who were touched), at most
 * `limit` of them, into *ids. */
static enum rp_status due_ids(struct rp_db *db, const char *today, long limit, int64_t **ids,
                              size_t *n, struct rp_err *err) {
  *ids = NULL;
  *n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db,
                                       "SELECT contact_id FROM cadence_state INDEXED BY "
                                       "cadence_check_on WHERE check_on <= ?1 LIMIT ?2",
                                       &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, today);
  sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? 2 * cap : 64;
      *ids = xrealloc(*ids, cap * sizeof **ids);
    }
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read the cadence state");
  sqlite3_reset(st);
  return s;
}

/* Save what was worked out for one contact q (q->due: when quiet with no
 * check-in, else ""), to be looked at again on check_on; a contact id < 0
 * removes the row of a contact that is gone. */
static enum rp_status save_state(struct rp_db *db, int64_t contact_id, const char *check_on,
                                 const struct rp_quiet *q, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s =
      contact_id < 0
          ? db_prepare_cached(db, "DELETE FROM cadence_state WHERE contact_id = ?1", &st, err)
          : db_prepare_cached(db,
                              "UPDATE cadence_state SET check_on = ?2, quiet_due = ?3, "
                              "last_day = ?4, last_what = ?5, cadence = ?6 WHERE contact_id = ?1",
                              &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id < 0 ? -contact_id : contact_id);
  if (contact_id >= 0) {
    db_bind_text(st, 2, check_on);
    if (q && q->due[0]) db_bind_text(st, 3, q->due);
    if (q) {
      db_bind_text(st, 4, q->last);
      db_bind_text(st, 5, q->last_what);
      sqlite3_bind_int(st, 6, q->cadence);
    }
  }
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save the cadence state");
  sqlite3_reset(st);
  return s;
}

#define NEVER "9999-12-31"

/* What a sync works out for one contact: its next check_on day, what
 * cadence_state keeps (q; q.due "" unless quiet without a check-in), and
 * whether a check-in is to be made. gone: the contact no longer exists. */
struct plan {
  int64_t id;
  bool gone, check_in;
  char check_on[11];
  struct rp_quiet q;
};

/* The check-ins for the quiet contacts v[0..n) with `check_in` set, in
 * one statement inside the caller's transaction: the search index writes
 * out what it holds at every statement, and a statement per check-in
 * (90,000 after a restore of 100,000 contacts) rewrote its segments over
 * and over. The ids, days and notes go in as one JSON array; they are
 * digits and dates, made here, never a user's text. */
static enum rp_status add_check_ins(struct rp_db *db, const struct plan *v, size_t n,
                                    struct rp_err *err) {
  struct rp_buf b = {0};
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (!v[i].check_in) continue;
    char *note = check_in_note(&v[i].q);
    buf_addf(&b, "%c[%lld,\"%s\",\"%s\"]", k++ ? ',' : '[', (long long)v[i].id, v[i].q.due,
             note);
    free(note);
  }
  if (!k) return RP_OK;
  buf_addc(&b, ']');
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(
      db,
      "INSERT INTO followup (contact_id, kind, due, medium, note, status, auto, created_at, "
      "updated_at) SELECT json_extract(value, '$[0]'), 'check-in', json_extract(value, '$[1]'), "
      "'email', json_extract(value, '$[2]'), 'open', 1, ?2, ?2 FROM json_each(?1) ORDER BY key",
      &st, err);
  if (s == RP_OK) {
    sqlite3_bind_text(st, 1, b.s, (int)b.len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "add check-ins");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
  buf_free(&b);
  return s;
}

/* Work out the cadence of contact `id` on `today` into *p (reads only):
 * a check-in for a quiet warm one without one, and its cadence_state. */
static enum rp_status plan_one(struct rp_db *db, const struct rp_config *cfg, const char *today,
                               int64_t id, struct plan *p, struct rp_err *err) {
  memset(p, 0, sizeof *p);
  p->id = id;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, LAST_SQL, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    sqlite3_reset(st);
    p->gone = true;
    return rc == SQLITE_DONE ? RP_OK : db_fail(db, err, "read last interaction");
  }
  struct row r;
  read_row(st, &r);
  bool gone = sqlite3_column_int(st, 10) != 0;
  bool warm = r.warmth && strcmp(r.warmth, "warm") == 0;
  int cadence = cadence_effective(cfg, r.stage, r.warmth, r.own);
  struct rp_quiet *q = &p->q;
  q->contact_id = id;
  q->cadence = cadence;
  q->last_what = r.what;
  memcpy(q->last, r.last, sizeof q->last);
  sqlite3_reset(st); /* r's texts are not used past here */
  int over = 0;
  str_copy(p->check_on, sizeof p->check_on, NEVER);
  if (gone || cadence <= 0 || !date_add(q->last, cadence, q->due) ||
      !date_diff(q->due, today, &over)) {
    q->due[0] = '\0';
    return RP_OK;
  }
  if (over <= 0) {
    /* not quiet yet: look again the day after the cadence runs out */
    if (!date_add(q->due, 1, p->check_on)) str_copy(p->check_on, sizeof p->check_on, NEVER);
    q->due[0] = '\0';
    return RP_OK;
  }
  bool handled = false;
  s = cadence_handled(db, id, q->due, &handled, err);
  p->check_in = s == RP_OK && !handled && warm;
  /* quiet: nothing changes until something happens (which resets check_on);
   * q->due is cleared once the check-in is made (sync_plans) */
  if (handled) q->due[0] = '\0';
  return s;
}

/* Carry out plans v[0..n): the check-ins first (their trigger marks the
 * contact due again), then each contact's cadence_state. */
static enum rp_status sync_plans(struct rp_db *db, struct plan *v, size_t n, int *made,
                                 struct rp_err *err) {
  enum rp_status s = add_check_ins(db, v, n, err);
  for (size_t i = 0; s == RP_OK && i < n; i++) {
    struct plan *p = &v[i];
    if (p->check_in) {
      p->q.due[0] = '\0';
      ++*made;
    }
    s = p->gone ? save_state(db, -p->id, NULL, NULL, err)
                : save_state(db, p->id, p->check_on, &p->q, err);
  }
  return s;
}

/* Whether the config's cadences are those the state was worked out with
 * (read only: sync_config writes). */
static enum rp_status config_same(struct rp_db *db, const struct rp_config *cfg, bool *same,
                                  struct rp_err *err) {
  *same = false;
  char *line = config_line(cfg);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, "SELECT value FROM cadence_config WHERE id = 1", &st, err);
  if (s == RP_OK) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *same = strcmp((const char *)sqlite3_column_text(st, 0), line) == 0;
    else if (rc != SQLITE_DONE) s = db_fail(db, err, "read the cadence state");
    sqlite3_reset(st);
  }
  free(line);
  return s;
}

/* today, or the local day now into own (freed by the caller) when NULL;
 * RP_INVALID (field "today") when it is not a real date. */
static enum rp_status check_today(const char **today, char **own, struct rp_err *err) {
  *own = *today ? NULL : date_local(db_now(), 0);
  if (!*today) *today = *own;
  char cb[128];
  if (date_valid(*today)) return RP_OK;
  return rp_err_field(err, RP_INVALID, "today", "today must be a real date as YYYY-MM-DD, not '%s'",
                      str_clip(*today, cb, sizeof cb));
}

/* See cadence.h. A read: counted through the check_on index, or every
 * row of the state when the config's cadences changed. */
enum rp_status cadence_pending(struct rp_db *db, const struct rp_config *cfg, const char *today,
                               long cap, long *n, struct rp_err *err) {
  *n = 0;
  char *own;
  enum rp_status s = check_today(&today, &own, err);
  bool same = false;
  if (s == RP_OK) s = config_same(db, cfg, &same, err);
  sqlite3_stmt *st;
  if (s == RP_OK)
    s = db_prepare_cached(db,
                          same ? "SELECT count(*) FROM (SELECT 1 FROM cadence_state INDEXED BY "
                                 "cadence_check_on WHERE check_on <= ?1 LIMIT ?2)"
                               : "SELECT count(*) FROM (SELECT 1 FROM cadence_state "
                                 "WHERE ?1 IS NOT NULL LIMIT ?2)",
                          &st, err);
  if (s == RP_OK) {
    db_bind_text(st, 1, today);
    sqlite3_bind_int64(st, 2, cap > 0 ? cap : -1);
    if (sqlite3_step(st) == SQLITE_ROW) *n = (long)sqlite3_column_int64(st, 0);
    else s = db_fail(db, err, "count the cadence state");
    sqlite3_reset(st);
  }
  free(own);
  return s;
}

/* See cadence.h. One transaction per step, so two processes syncing at
 * once cannot both add the same check-in (each reads what is due inside
 * its own transaction), and a sync stopped part way keeps what its steps
 * committed. Only the contacts whose day has come, or that something
 * happened to since the last sync, are read (cadence_state); each one
 * read leaves that set (its next day is after today), so a step is a
 * lookup per contact and a whole sync is linear in what changed. */
enum rp_status cadence_sync_step(struct rp_db *db, const struct rp_config *cfg, const char *today,
                                 long batch, long *done, int *created, struct rp_err *err) {
  *done = 0;
  char *own;
  enum rp_status s = check_today(&today, &own, err);
  if (s == RP_OK) s = db_begin(db, err);
  if (s != RP_OK) {
    free(own);
    return s;
  }
  int64_t *ids = NULL;
  size_t n = 0;
  int made_n = 0;
  s = sync_config(db, cfg, err);
  if (s == RP_OK) s = due_ids(db, today, batch, &ids, &n, err);
  struct plan *plans = n ? xmalloc(n * sizeof *plans) : NULL;
  for (size_t i = 0; s == RP_OK && i < n; i++) s = plan_one(db, cfg, today, ids[i], &plans[i], err);
  if (s == RP_OK) s = sync_plans(db, plans, n, &made_n, err);
  free(plans);
  free(ids);
  free(own);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s == RP_OK) {
    *done = (long)n;
    if (created) *created += made_n;
  }
  return s;
}

/* Contacts worked out per transaction by cadence_sync: small enough that
 * the WAL stays small (one transaction over 100,000 contacts once spilled
 * into a WAL of gigabytes; a step of 10,000 peaks at 19 MB) and other
 * writers get in between steps (a step takes about 0.4 s), large enough
 * that the commits cost little: the first sync after a restore of 100,000
 * contacts (90,000 check-ins made) took 5.0-5.8 s in steps of 2,000,
 * 4.0-4.4 s in steps of 10,000, most of the difference in the commits
 * (each rewrites the pages of the indexes and the search index the step
 * touched). A step's check-ins go in as one statement, so the search
 * index gets one segment a step: working a step out in chunks of 2,000
 * (a statement each) halved its memory (21.5 -> 12.4 MB) but left five
 * times the segments, whose merging then fell on the next writer (the
 * first `import linkedin` of 100 rows after it peaked at 9.1 MB against
 * 6.9). The full screen runs its own, shorter steps (app_idle.c). */
#define SYNC_BATCH 10000
/* A sync of more contacts than this is told to the progress callback. */
#define SYNC_TOLD 1000

/* See cadence.h. Steps of SYNC_BATCH contacts; a long one (more than
 * SYNC_TOLD contacts) is told to the journal's progress callback as it goes. */
enum rp_status cadence_sync(struct rp_db *db, const struct rp_config *cfg, const char *today,
                            int *created, struct rp_err *err) {
  if (created) *created = 0;
  char *own;
  enum rp_status s = check_today(&today, &own, err);
  long total = 0, done = 0, step = 0;
  if (s == RP_OK) s = cadence_pending(db, cfg, today, 0, &total, err);
  bool big = total > SYNC_TOLD; /* long enough to be told as it goes */
  static const char what[] = "working out when each relationship goes quiet";
  int made_n = 0;
  while (s == RP_OK) {
    if (big) db_progress(db, RP_PROGRESS_STEP, what, done, total > done ? total : done);
    s = cadence_sync_step(db, cfg, today, SYNC_BATCH, &step, &made_n, err);
    done += step;
    if (step < SYNC_BATCH) break;
  }
  if (big) {
    if (s == RP_OK) db_progress(db, RP_PROGRESS_STEP, what, done, done);
    db_progress(db, RP_PROGRESS_END, NULL, 0, 0);
  }
  free(own);
  if (s == RP_OK && created) *created = made_n;
  return s;
}

/* See cadence_internal.h. What each line says (the last interaction and
 * the cadence) was saved by the sync that found the contact quiet. */
enum rp_status cadence_quiet_each(struct rp_db *db, const char *today, long limit,
                                  cadence_quiet_fn fn, void *ctx, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT s.contact_id, c.name, s.quiet_due, s.last_day, "
                                "s.last_what, s.cadence FROM cadence_state s "
                                "INDEXED BY cadence_quiet CROSS JOIN contact c "
                                "INDEXED BY contact_live_id ON c.id = s.contact_id "
                                "WHERE s.quiet_due < ?1 AND " CONTACT_LIVE("c.") " "
                                "ORDER BY s.quiet_due, c.name, c.id LIMIT ?2",
                                &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, today);
  sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
  static const char *const kinds[] = {"conversation", "give", "note", "follow-up", "added"};
  int rc = SQLITE_DONE;
  while (s == RP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    struct rp_quiet e;
    memset(&e, 0, sizeof e);
    e.contact_id = sqlite3_column_int64(st, 0);
    e.name = xstrdup((const char *)sqlite3_column_text(st, 1));
    str_copy(e.due, sizeof e.due, (const char *)sqlite3_column_text(st, 2));
    date_diff(e.due, today, &e.days_over);
    str_copy(e.last, sizeof e.last, (const char *)sqlite3_column_text(st, 3));
    const char *what = (const char *)sqlite3_column_text(st, 4);
    e.last_what = kinds[4];
    for (size_t k = 0; what && k < RP_ARRAY_LEN(kinds); k++)
      if (strcmp(what, kinds[k]) == 0) e.last_what = kinds[k];
    e.cadence = sqlite3_column_int(st, 5);
    s = fn(ctx, &e, err);
    free(e.name);
  }
  if (s == RP_OK && rc != SQLITE_DONE) s = db_fail(db, err, "read quiet contacts");
  sqlite3_finalize(st);
  return s;
}

/* cadence_quiet_each's collector: appends a copy to the list. */
static enum rp_status quiet_collect(void *vl, const struct rp_quiet *e, struct rp_err *err) {
  (void)err;
  struct rp_quiet_list *l = vl;
  if ((l->n & (l->n - 1)) == 0) /* 0, 1, 2, 4, …: room for twice as many */
    l->v = xrealloc(l->v, (l->n ? 2 * l->n : 1) * sizeof *l->v);
  l->v[l->n] = *e;
  l->v[l->n++].name = xstrdup(e->name);
  return RP_OK;
}

/* See cadence_internal.h. */
enum rp_status cadence_quiet_unhandled(struct rp_db *db, const struct rp_config *cfg,
                                       const char *today, long limit,
                                       struct rp_quiet_list *out, struct rp_err *err) {
  (void)cfg;
  out->v = NULL;
  out->n = 0;
  enum rp_status s = cadence_quiet_each(db, today, limit, quiet_collect, out, err);
  if (s != RP_OK) quiet_list_free(out);
  return s;
}

/* See cadence_internal.h. From the index alone: a deleted contact's
 * quiet_due is NULL once synced (sync_one), and deleting one makes it due
 * for the sync (cadence_contact_au), so no join to the contacts (which read
 * a page of their index per row: 500 of them at 100,000 contacts). */
enum rp_status cadence_quiet_count(struct rp_db *db, const char *today, long cap, long *n,
                                   struct rp_err *err) {
  *n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db,
                                       "SELECT count(*) FROM (SELECT 1 FROM cadence_state s "
                                       "INDEXED BY cadence_quiet WHERE s.quiet_due < ?1 LIMIT ?2)",
                                       &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, today);
  sqlite3_bind_int64(st, 2, cap > 0 ? cap : -1);
  if (sqlite3_step(st) == SQLITE_ROW) *n = sqlite3_column_int64(st, 0);
  else s = db_fail(db, err, "count quiet contacts");
  sqlite3_reset(st);
  return s;
}
