/* plan.c — see rapport/plan.h: the follow-ups a held conversation's notes
 * call for (actions, referral reach-outs, introducer thanks, a promised
 * update), worked out from the notes each time and compared with those
 * already made for the conversation (followup.origin, followup.note_id),
 * so that running it again only changes what the notes changed. */
#include "model/db_sql.h"
#include "rapport/plan.h"

#include <stdlib.h>
#include <string.h>

#include "model/askcheck_internal.h"
#include "model/followup_internal.h"
#include "rapport/conversation.h"
#include "rapport/when.h"
#include "contact_internal.h"

const char *const rp_plan_origins[4] = {"action", "reach-out", "introducer-thanks", "promise"};
enum { O_ACTION, O_REACH_OUT, O_INTRO_THANKS, O_PROMISE };

/* ---- an action line ---- */

/* True for what may stand between a date phrase and the rest of a line. */
static bool loose(char ch) {
  return str_is_space(ch) || ch == ':' || ch == ',' || ch == ';' || ch == '-';
}

/* See plan.h. */
void plan_action(const struct rp_config *cfg, const char *text, const char *call_day,
                 char due[11], char **shown) {
  struct rp_when w;
  size_t start = 0, len = 0;
  text = text ? text : "";
  if (!when_find(text, call_day, &w, &start, &len)) {
    if (!date_add(call_day, cfg->action_days, due)) str_copy(due, 11, call_day);
    *shown = xstrdup(text);
    str_trim_null(shown);
    if (!*shown) *shown = xstrdup(text);
    return;
  }
  str_copy(due, 11, w.day);
  /* the words before the phrase and those after it, joined by one space,
   * without the separators left at either end */
  size_t a = start, b = start + len, n = strlen(text);
  while (a > 0 && loose(text[a - 1])) a--;
  while (b < n && loose(text[b])) b++;
  size_t head = 0, tail = n;
  while (head < a && loose(text[head])) head++;
  while (tail > b && loose(text[tail - 1])) tail--;
  struct rp_buf out = {0};
  buf_add(&out, text + head, a - head);
  if (a > head && tail > b) buf_addc(&out, ' ');
  if (tail > b) buf_add(&out, text + b, tail - b);
  if (out.len) {
    *shown = buf_steal(&out);
  } else {
    buf_free(&out);
    *shown = xstrdup(text);
    str_trim_null(shown);
    if (!*shown) *shown = xstrdup(text);
  }
}

/* ---- what the notes want ---- */

/* A follow-up the notes call for. */
struct want {
  int origin;
  int64_t note_id, contact;
  char *text;
  char due[11];
  bool close;   /* a reach-out that paid off: done when open, not made again */
  bool matched; /* one already made was found */
};

/* A follow-up already made for the conversation. */
struct have {
  int64_t id, note_id, contact;
  int origin;
  char *status, *note;
  bool matched;
};

/* The conversation being planned for. */
struct conv {
  int64_t id, contact, started, ended;
  char *name;   /* the contact's */
  char *status;
  char day[11]; /* the local day it ended */
};

struct plan {
  struct rp_db *db;
  const struct rp_config *cfg;
  struct conv c;
  struct want *w;
  size_t nw;
  struct have *h;
  size_t nh;
};

static void plan_free(struct plan *p) {
  free(p->c.name);
  free(p->c.status);
  for (size_t i = 0; i < p->nw; i++) free(p->w[i].text);
  free(p->w);
  for (size_t i = 0; i < p->nh; i++) {
    free(p->h[i].status);
    free(p->h[i].note);
  }
  free(p->h);
}

/* Add a want; takes `text`. */
static struct want *want_add(struct plan *p, int origin, int64_t note, int64_t contact,
                             char *text, const char *due) {
  p->w = xrealloc(p->w, (p->nw + 1) * sizeof *p->w);
  struct want *w = &p->w[p->nw++];
  *w = (struct want){.origin = origin, .note_id = note, .contact = contact, .text = text};
  str_copy(w->due, sizeof w->due, due);
  return w;
}

static int origin_index(const char *s) {
  for (int i = 0; i < 4; i++)
    if (s && strcmp(s, rp_plan_origins[i]) == 0) return i;
  return -1;
}

/* The local day of t, plus `days`, into out. */
static void day_of(int64_t t, int days, char out[11]) {
  char *d = date_local(t, days);
  str_copy(out, 11, d);
  free(d);
}

/* Read conversation p->c.id and its contact's name; RP_NO when none. */
static enum rp_status read_conv(struct plan *p, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(p->db,
                                "SELECT v.contact_id, c.name, v.status, "
                                "coalesce(v.started_at, v.ended_at, v.created_at), "
                                "coalesce(v.ended_at, v.started_at, v.created_at) "
                                "FROM conversation v JOIN contact c ON c.id = v.contact_id "
                                "WHERE v.id = ?1",
                                &st, err);
  if (s != RP_OK) return s;
  bool found;
  s = followup_step_one(p->db, st, p->c.id, &found, "read conversation", err);
  if (s == RP_OK && found) {
    p->c.contact = sqlite3_column_int64(st, 0);
    p->c.name = db_col_text(st, 1);
    p->c.status = db_col_text(st, 2);
    p->c.started = sqlite3_column_int64(st, 3);
    p->c.ended = sqlite3_column_int64(st, 4);
    day_of(p->c.ended, 0, p->c.day);
  } else if (s == RP_OK) {
    s = rp_err_set(err, RP_NO, "no conversation with id %lld", (long long)p->c.id);
  }
  sqlite3_finalize(st);
  return s;
}

/* When the person referred (contact `t`) was first talked to after this
 * conversation began: the end of their first conversation held since, or 0
 * when none. */
static enum rp_status referral_met(struct plan *p, int64_t t, int64_t *ended,
                                   struct rp_err *err) {
  *ended = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(p->db,
                                "SELECT min(coalesce(ended_at, started_at)) FROM conversation "
                                "WHERE contact_id = ?1 AND status = 'held' AND id <> ?2 AND "
                                "coalesce(started_at, ended_at) >= ?3",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, t);
  sqlite3_bind_int64(st, 2, p->c.id);
  sqlite3_bind_int64(st, 3, p->c.started);
  if (sqlite3_step(st) == SQLITE_ROW) *ended = sqlite3_column_int64(st, 0);
  else s = db_fail(p->db, err, "read conversations");
  sqlite3_finalize(st);
  return s;
}

/* The name of live contact `id` (caller frees), or NULL when it is gone. */
static enum rp_status live_name(struct plan *p, int64_t id, char **name, struct rp_err *err) {
  *name = NULL;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(p->db,
                                "SELECT name FROM contact WHERE id = ?1 AND " CONTACT_LIVE(""),
                                &st, err);
  if (s != RP_OK) return s;
  bool found;
  s = followup_step_one(p->db, st, id, &found, "read contact", err);
  if (s == RP_OK && found) *name = db_col_text(st, 0);
  sqlite3_finalize(st);
  return s;
}

/* A referral line (note `note` naming contact `t`): reach out to them, or
 * once they have been talked to, thank the introducer. */
static enum rp_status want_referral(struct plan *p, int64_t note, const char *text, int64_t t,
                                    struct rp_err *err) {
  char *who = NULL;
  enum rp_status s = live_name(p, t, &who, err);
  if (s != RP_OK || !who) return s;
  struct rp_referral r = {0};
  struct rp_err perr;
  bool why = referral_parse(text, &r, &perr) == RP_OK && !str_empty(r.note);
  char *reach = why ? xasprintf("reach out to %s (introduced by %s: %s)", who, p->c.name, r.note)
                    : xasprintf("reach out to %s (introduced by %s)", who, p->c.name);
  referral_free(&r);
  int64_t met = 0;
  s = referral_met(p, t, &met, err);
  char due[11];
  day_of(p->c.ended, p->cfg->action_days, due);
  struct want *w = want_add(p, O_REACH_OUT, note, t, reach, due);
  if (s == RP_OK && met) {
    w->close = true;
    char *a = followup_first_name(p->c.name), *b = followup_first_name(who);
    day_of(met, p->cfg->thank_you_days, due);
    want_add(p, O_INTRO_THANKS, note, p->c.contact,
             xasprintf("thank %s for the introduction to %s", a, b), due);
    free(a);
    free(b);
  }
  free(who);
  return s;
}

/* True when `text` promises news: it holds one of cfg->promise_phrases. */
static bool promises(const struct rp_config *cfg, const char *text) {
  for (size_t i = 0; i < cfg->promise_phrases.n; i++)
    if (askcheck_has_phrase(text, cfg->promise_phrases.v[i])) return true;
  return false;
}

/* Everything the conversation's notes call for, in note order. */
static enum rp_status read_wants(struct plan *p, struct rp_err *err) {
  struct rp_note_list notes;
  enum rp_status s = note_list(p->db, p->c.id, &notes, err);
  if (s != RP_OK) return s;
  bool promised = false;
  for (size_t i = 0; s == RP_OK && i < notes.n; i++) {
    const struct rp_note *n = &notes.v[i];
    if (n->tag == NOTE_ACTION) {
      char due[11], *shown;
      plan_action(p->cfg, n->text, p->c.day, due, &shown);
      want_add(p, O_ACTION, n->id, p->c.contact, shown, due);
    } else if (n->tag == NOTE_REFERRAL && n->contact_ref && n->contact_ref != p->c.contact) {
      s = want_referral(p, n->id, n->text, n->contact_ref, err);
    }
    if (!promised && promises(p->cfg, n->text)) {
      promised = true;
      char due[11];
      day_of(p->c.ended, p->cfg->update_days, due);
      want_add(p, O_PROMISE, n->id, p->c.contact,
               xasprintf("promised on the call of %s: %s", p->c.day, n->text), due);
    }
  }
  note_list_free(&notes);
  return s;
}

/* The follow-ups made for the conversation before. */
static enum rp_status read_haves(struct plan *p, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(p->db,
                                "SELECT id, origin, note_id, contact_id, status, note "
                                "FROM followup WHERE conversation_id = ?1 AND origin IS NOT NULL "
                                "ORDER BY id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, p->c.id);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int o = origin_index((const char *)sqlite3_column_text(st, 1));
    if (o < 0) continue;
    p->h = xrealloc(p->h, (p->nh + 1) * sizeof *p->h);
    p->h[p->nh++] = (struct have){.id = sqlite3_column_int64(st, 0),
                                  .origin = o,
                                  .note_id = sqlite3_column_int64(st, 2),
                                  .contact = sqlite3_column_int64(st, 3),
                                  .status = db_col_text(st, 4),
                                  .note = db_col_text(st, 5)};
  }
  if (rc != SQLITE_DONE) s = db_fail(p->db, err, "read follow-ups");
  sqlite3_finalize(st);
  return s;
}

/* The follow-up made before for w: the same origin, line and person (a
 * promise: the conversation's one, whatever its line). */
static struct have *find_have(struct plan *p, const struct want *w) {
  for (size_t i = 0; i < p->nh; i++) {
    struct have *h = &p->h[i];
    if (h->matched || h->origin != w->origin) continue;
    if (w->origin == O_PROMISE || (h->note_id == w->note_id && h->contact == w->contact))
      return h;
  }
  return NULL;
}

/* ---- writes ---- */

static enum rp_status insert_want(struct plan *p, const struct want *w, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(p->db,
                                "INSERT INTO followup (contact_id, conversation_id, kind, due, "
                                "medium, note, status, auto, origin, note_id, created_at, "
                                "updated_at) VALUES (?1, ?2, ?3, ?4, 'email', ?5, 'open', 1, ?6, "
                                "?7, ?8, ?8)",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, w->contact);
  sqlite3_bind_int64(st, 2, p->c.id);
  db_bind_text(st, 3, w->origin == O_PROMISE ? "update" : "custom");
  db_bind_text(st, 4, w->due);
  db_bind_text(st, 5, w->text);
  db_bind_text(st, 6, rp_plan_origins[w->origin]);
  sqlite3_bind_int64(st, 7, w->note_id);
  sqlite3_bind_int64(st, 8, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(p->db, err, "add follow-up");
  sqlite3_finalize(st);
  return s;
}

/* Run `sql` on follow-up `id`: ?1 id and, as far as it has parameters,
 * ?2 now, ?3 a, ?4 b, ?5 note. */
static enum rp_status write_have(struct plan *p, const char *sql, int64_t id, const char *a,
                                 const char *b, int64_t note, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(p->db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int np = sqlite3_bind_parameter_count(st);
  if (np >= 2) sqlite3_bind_int64(st, 2, db_now());
  if (np >= 3) db_bind_text(st, 3, a);
  if (np >= 4) db_bind_text(st, 4, b);
  if (np >= 5) sqlite3_bind_int64(st, 5, note);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(p->db, err, "save follow-up");
  sqlite3_finalize(st);
  return s;
}

/* Make the follow-ups match the wants. */
static enum rp_status apply(struct plan *p, struct rp_err *err) {
  enum rp_status s = RP_OK;
  for (size_t i = 0; s == RP_OK && i < p->nw; i++) {
    struct want *w = &p->w[i];
    struct have *h = find_have(p, w);
    if (!h) {
      if (!w->close) s = insert_want(p, w, err);
      continue;
    }
    h->matched = true;
    if (strcmp(h->status, "open") != 0) continue; /* done, sent or skipped: as it is */
    if (w->close)
      s = write_have(p, "UPDATE followup SET status = 'done', done_at = ?2, updated_at = ?2 "
                        "WHERE id = ?1", h->id, NULL, NULL, 0, err);
    else if (!h->note || strcmp(h->note, w->text) != 0 || h->note_id != w->note_id)
      s = write_have(p, "UPDATE followup SET note = ?3, due = ?4, note_id = ?5, updated_at = ?2 "
                        "WHERE id = ?1", h->id, w->text, w->due, w->note_id, err);
  }
  for (size_t i = 0; s == RP_OK && i < p->nh; i++)
    if (!p->h[i].matched && strcmp(p->h[i].status, "open") == 0)
      s = write_have(p, "DELETE FROM followup WHERE id = ?1", p->h[i].id,
                     NULL, NULL, 0, err);
  return s;
}

/* Plan one conversation (inside the caller's transaction); a conversation
 * not held is left alone. */
static enum rp_status sync_one(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                               int64_t *contact, struct rp_err *err) {
  struct plan p = {.db = db, .cfg = cfg, .c = {.id = id}};
  enum rp_status s = read_conv(&p, err);
  if (s == RP_OK && contact) *contact = p.c.contact;
  if (s == RP_OK && strcmp(p.c.status, "held") == 0) {
    s = read_wants(&p, err);
    if (s == RP_OK) s = read_haves(&p, err);
    if (s == RP_OK) s = apply(&p, err);
  }
  plan_free(&p);
  return s;
}

/* The held conversations of others whose referral lines name `contact`. */
static enum rp_status referring(struct rp_db *db, int64_t contact, int64_t conv, int64_t **ids,
                                size_t *n, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT DISTINCT v.id FROM note n JOIN conversation v "
                                "ON v.id = n.conversation_id WHERE n.contact_ref = ?1 AND "
                                "n.tag = 'referral' AND v.status = 'held' AND v.id <> ?2 AND "
                                "v.contact_id <> ?1 ORDER BY v.id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact);
  sqlite3_bind_int64(st, 2, conv);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read referrals");
  sqlite3_finalize(st);
  return s;
}

/* See plan.h. RP_NO when there is no conversation `conversation_id`. */
enum rp_status plan_sync(struct rp_db *db, const struct rp_config *cfg, int64_t conversation_id,
                         struct rp_err *err) {
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  int64_t contact = 0, *ids = NULL;
  size_t n = 0;
  s = sync_one(db, cfg, conversation_id, &contact, err);
  /* those who referred this contact: their introducer thanks are due once
   * this conversation is held (and go again if it no longer is) */
  if (s == RP_OK) s = referring(db, contact, conversation_id, &ids, &n, err);
  for (size_t i = 0; s == RP_OK && i < n; i++) s = sync_one(db, cfg, ids[i], NULL, err);
  free(ids);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}
