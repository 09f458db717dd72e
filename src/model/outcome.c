/* outcome.c — see rapport/outcome.h: outcomes, and everyone who helped
 * towards one. The helpers are found by walking up from the people the
 * outcome is about: who introduced each of them (and who introduced the
 * introducer, …), and whose conversation named them in a referral note.
 * Logging an outcome leaves a "report success" follow-up for each helper,
 * and for everyone promised news, in the same transaction. */
#include "model/db_sql.h"
#include "rapport/outcome.h"

#include <stdlib.h>
#include <string.h>

#include "model/contact_internal.h"
#include "model/followup_internal.h"
#include "contact_internal.h"

/* Longest chain of introductions followed (a guard; cycles stop anyway). */
#define CHAIN_MAX 64

void helper_list_free(struct rp_helper_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->v[i].name);
    free(l->v[i].why);
  }
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* The walk: prepared reads and who has been seen. */
struct walk {
  struct rp_db *db;
  sqlite3_stmt *person;    /* name, introduced_by, deleted? of ?1 */
  sqlite3_stmt *referrers; /* contacts whose conversations referred ?1 */
  int64_t *seen;           /* everyone visited, listed or not */
  size_t n_seen;
  struct rp_helper_list *out;
};

static bool seen(const struct walk *w, int64_t id) {
  for (size_t i = 0; i < w->n_seen; i++)
    if (w->seen[i] == id) return true;
  return false;
}

/* Read contact id: its name (caller frees), introducer (0 = none) and
 * whether it is live. *found false when there is no such contact. */
static enum rp_status person(struct walk *w, int64_t id, char **name, int64_t *introducer,
                             bool *live, bool *found, struct rp_err *err) {
  *name = NULL;
  *introducer = 0;
  *live = *found = false;
  sqlite3_reset(w->person);
  sqlite3_bind_int64(w->person, 1, id);
  int rc = sqlite3_step(w->person);
  if (rc == SQLITE_ROW) {
    *found = true;
    *name = db_col_text(w->person, 0);
    *introducer = sqlite3_column_int64(w->person, 1);
    *live = sqlite3_column_int(w->person, 2) != 0;
  } else if (rc != SQLITE_DONE) {
    return db_fail(w->db, err, "read contact");
  }
  return RP_OK;
}

/* Visit `id` (once): listed with `why` (taken) when live. */
static void visit(struct walk *w, int64_t id, const char *name, bool live, char *why) {
  w->seen = xrealloc(w->seen, (w->n_seen + 1) * sizeof *w->seen);
  w->seen[w->n_seen++] = id;
  if (!live) {
    free(why);
    return;
  }
  w->out->v = xrealloc(w->out->v, (w->out->n + 1) * sizeof *w->out->v);
  w->out->v[w->out->n++] = (struct rp_helper){id, xstrdup(name), why};
}

/* Walk up the introductions from `id` (already visited, named `name`):
 * each introducer not seen yet "introduced you to" the one below. */
static enum rp_status walk_chain(struct walk *w, int64_t id, struct rp_err *err) {
  char *below = NULL, *name = NULL;
  int64_t up = 0;
  bool live, found;
  enum rp_status s = person(w, id, &below, &up, &live, &found, err);
  for (int depth = 0; s == RP_OK && up && !seen(w, up) && depth < CHAIN_MAX; depth++) {
    int64_t cur = up;
    s = person(w, cur, &name, &up, &live, &found, err);
    if (s != RP_OK || !found) break;
    visit(w, cur, name, live, xasprintf("introduced you to %s", below ? below : "?"));
    free(below);
    below = name;
    name = NULL;
  }
  free(name);
  free(below);
  return s;
}

/* Everyone whose conversation referred `id` (named `name`) and was not
 * seen yet: "referred you to" them, then up their own introductions. */
static enum rp_status walk_referrers(struct walk *w, int64_t id, const char *name,
                                     struct rp_err *err) {
  int64_t *ids = NULL;
  size_t n = 0;
  sqlite3_reset(w->referrers);
  sqlite3_bind_int64(w->referrers, 1, id);
  int rc;
  while ((rc = sqlite3_step(w->referrers)) == SQLITE_ROW) {
    ids = xrealloc(ids, (n + 1) * sizeof *ids);
    ids[n++] = sqlite3_column_int64(w->referrers, 0);
  }
  enum rp_status s = rc == SQLITE_DONE ? RP_OK : db_fail(w->db, err, "read referrals");
  for (size_t i = 0; s == RP_OK && i < n; i++) {
    if (seen(w, ids[i])) continue;
    char *rname = NULL;
    int64_t up;
    bool live, found;
    s = person(w, ids[i], &rname, &up, &live, &found, err);
    if (s == RP_OK && found) {
      visit(w, ids[i], rname, live, xasprintf("referred you to %s", name ? name : "?"));
      s = walk_chain(w, ids[i], err);
    }
    free(rname);
  }
  free(ids);
  return s;
}

/* See outcome.h. Caller frees *out with helper_list_free (empty on
 * failure). */
enum rp_status outcome_helpers(struct rp_db *db, const int64_t *contacts, size_t n,
                               struct rp_helper_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  struct walk w = {.db = db, .out = out};
  enum rp_status s = db_prepare(db, "SELECT name, introduced_by, " CONTACT_LIVE("") " "
                                    "FROM contact WHERE id = ?1", &w.person, err);
  if (s == RP_OK)
    s = db_prepare(db,
                   "SELECT v.contact_id FROM note n JOIN conversation v ON v.id = n.conversation_id "
                   "WHERE n.tag = 'referral' AND n.contact_ref = ?1 AND v.contact_id <> ?1 "
                   "GROUP BY v.contact_id ORDER BY min(n.created_at), min(n.id)",
                   &w.referrers, err);
  /* 1. the people it is about */
  for (size_t i = 0; s == RP_OK && i < n; i++) {
    if (seen(&w, contacts[i])) continue;
    char *name = NULL;
    int64_t up;
    bool live, found;
    s = person(&w, contacts[i], &name, &up, &live, &found, err);
    if (s == RP_OK && found) visit(&w, contacts[i], name, live, xstrdup("you met them about it"));
    free(name);
  }
  /* 2. up the introductions to each of them */
  size_t first = w.n_seen;
  for (size_t i = 0; s == RP_OK && i < first; i++) s = walk_chain(&w, w.seen[i], err);
  /* 3. who referred anyone found so far (and who introduced them) */
  for (size_t i = 0; s == RP_OK && i < w.n_seen; i++) {
    char *name = NULL;
    int64_t up;
    bool live, found;
    s = person(&w, w.seen[i], &name, &up, &live, &found, err);
    if (s == RP_OK) s = walk_referrers(&w, w.seen[i], name, err);
    free(name);
  }
  sqlite3_finalize(w.person);
  sqlite3_finalize(w.referrers);
  free(w.seen);
  if (s != RP_OK) helper_list_free(out);
  return s;
}

/* The outcome row and its links (inside the caller's transaction). */
static enum rp_status insert_outcome(struct rp_db *db, const char *text, const char *date,
                                     const int64_t *contacts, size_t n, int64_t *id,
                                     struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "INSERT INTO outcome (text, date, created_at) "
                                    "VALUES (?1, ?2, ?3)", &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, text);
  db_bind_text(st, 2, date);
  sqlite3_bind_int64(st, 3, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "add outcome");
  sqlite3_finalize(st);
  if (s != RP_OK) return s;
  *id = sqlite3_last_insert_rowid(db_handle(db));
  s = db_prepare(db, "INSERT OR IGNORE INTO outcome_contact (outcome_id, contact_id) "
                     "VALUES (?1, ?2)", &st, err);
  for (size_t i = 0; s == RP_OK && i < n; i++) {
    s = contact_check_live(db, contacts[i], err);
    if (s != RP_OK) break;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_int64(st, 2, contacts[i]);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "link outcome");
  }
  sqlite3_finalize(st);
  return s;
}

/* A "report success" follow-up for each helper (inside the transaction). */
static enum rp_status add_reports(struct rp_db *db, int64_t outcome, const char *text,
                                  const struct rp_helper_list *h, struct rp_err *err) {
  char *today = date_local(db_now(), 0);
  enum rp_status s = RP_OK;
  for (size_t i = 0; s == RP_OK && i < h->n; i++) {
    struct rp_followup f = {0};
    f.contact_id = h->v[i].contact_id;
    f.outcome_id = outcome;
    f.kind = xstrdup("success");
    f.due = xstrdup(today);
    f.medium = xstrdup("email");
    f.note = xstrdup(text);
    f.auto_created = true;
    s = followup_insert_raw(db, &f, err);
    followup_free(&f);
  }
  free(today);
  return s;
}

/* Everyone promised news (an open "update" follow-up a call's notes made,
 * plan.h) joins the helpers (once, after them: "you promised to let them
 * know"), and those follow-ups are closed (skipped): the success report
 * replaces them. Inside the transaction. */
static enum rp_status add_promised(struct rp_db *db, struct rp_helper_list *h,
                                   struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT f.contact_id, c.name FROM followup f JOIN contact c "
                                "ON c.id = f.contact_id WHERE f.status = 'open' AND "
                                "f.origin = 'promise' AND " CONTACT_LIVE("c.") " "
                                "GROUP BY f.contact_id ORDER BY min(f.id)",
                                &st, err);
  if (s != RP_OK) return s;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    bool listed = false;
    for (size_t i = 0; i < h->n && !listed; i++) listed = h->v[i].contact_id == id;
    if (listed) continue;
    h->v = xrealloc(h->v, (h->n + 1) * sizeof *h->v);
    h->v[h->n++] = (struct rp_helper){id, db_col_text(st, 1),
                                      xstrdup("you promised to let them know")};
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read promised updates");
  sqlite3_finalize(st);
  if (s != RP_OK) return s;
  s = db_prepare(db, "UPDATE followup SET status = 'skipped', done_at = ?1, updated_at = ?1 "
                     "WHERE status = 'open' AND origin = 'promise'", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "close promised updates");
  sqlite3_finalize(st);
  return s;
}

/* See outcome.h. RP_INVALID with field "text", "date" or "contact"
 * (nothing is written then). *helpers (caller frees) is empty on failure. */
enum rp_status outcome_add(struct rp_db *db, const char *text, const char *date,
                           const int64_t *contacts, size_t n, int64_t *id,
                           struct rp_helper_list *helpers, struct rp_err *err) {
  rp_err_clear(err);
  *id = 0;
  if (helpers) {
    helpers->v = NULL;
    helpers->n = 0;
  }
  char *t = xstrdup(text), *d = xstrdup(date);
  str_trim_null(&t);
  str_trim_null(&d);
  char cb[128];
  enum rp_status s = RP_OK;
  if (!t)
    s = rp_err_field(err, RP_INVALID, "text",
                     "text is empty: say how it turned out (\"I got the role\")");
  else if (d && !date_valid(d))
    s = rp_err_field(err, RP_INVALID, "date", "date must be a real date as YYYY-MM-DD, not '%s'",
                     str_clip(d, cb, sizeof cb));
  if (s == RP_OK && !d) d = date_local(db_now(), 0);
  if (s == RP_OK) s = db_begin(db, err);
  if (s != RP_OK) {
    free(t);
    free(d);
    return s;
  }
  struct rp_helper_list h = {0};
  int64_t got = 0;
  s = insert_outcome(db, t, d, contacts, n, &got, err);
  if (s == RP_OK) s = outcome_helpers(db, contacts, n, &h, err);
  if (s == RP_OK) s = add_promised(db, &h, err);
  if (s == RP_OK) s = add_reports(db, got, t, &h, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  free(t);
  free(d);
  if (s != RP_OK) {
    helper_list_free(&h);
    return s;
  }
  *id = got;
  if (helpers) *helpers = h;
  else helper_list_free(&h);
  return RP_OK;
}
