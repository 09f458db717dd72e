/* readiness_next.c — see rapport/readiness.h: once a contact has been met,
 * the next step with them (a thank-you owed, a follow-up due, keeping in
 * touch) takes the place of the readiness to reach out, which applies
 * again only to a new planned conversation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "rapport/cadence.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/readiness.h"

/* Frees the text; s is left empty. */
void next_step_free(struct rp_next_step *s) {
  free(s->text);
  memset(s, 0, sizeof *s);
}

/* *held = whether a conversation with contact `id` has been held. */
static enum rp_status any_held(struct rp_db *db, int64_t id, bool *held, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(
      db, "SELECT EXISTS (SELECT 1 FROM conversation WHERE contact_id = ?1 AND status = 'held')",
      &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW) *held = sqlite3_column_int(st, 0) != 0;
  else s = db_fail(db, err, "read conversations");
  sqlite3_finalize(st);
  return s;
}

/* The label of a follow-up kind ("share an update"), the kind itself when
 * it is none of rp_followup_kinds. */
static const char *kind_label(const char *kind) {
  for (size_t i = 0; kind && i < RP_ARRAY_LEN(rp_followup_kinds); i++)
    if (strcmp(kind, rp_followup_kinds[i]) == 0) return rp_followup_kind_labels[i];
  return kind ? kind : "follow-up";
}

/* Keeping in touch: the next check-in by the contact's cadence, counted
 * from the last interaction; no date when the cadence is none. */
static enum rp_status keep_in_touch(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                    struct rp_next_step *out, struct rp_err *err) {
  struct rp_contact c;
  enum rp_status s = contact_get(db, id, &c, err);
  if (s != RP_OK) return s;
  int days = cadence_effective(cfg, c.stage, c.warmth, c.cadence_set ? c.cadence_days : -1);
  contact_free(&c);
  out->kind = "keep-in-touch";
  char last[11];
  const char *what = NULL;
  if (days > 0) s = cadence_last(db, id, last, &what, err);
  if (s != RP_OK) return s;
  if (days > 0 && date_add(last, days, out->due))
    out->text = xasprintf("keep in touch: next check-in by %s (every %d days)", out->due, days);
  else
    out->text = xstrdup("keep in touch: write when you have news worth sharing");
  return RP_OK;
}

/* See readiness.h. */
enum rp_status readiness_next_step(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                   struct rp_next_step *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  bool held = false;
  enum rp_status s = any_held(db, id, &held, err);
  if (s != RP_OK) return s;
  if (!held) return rp_err_set(err, RP_NO, "no conversation held yet: readiness applies");
  int64_t next = 0;
  s = conv_current(db, id, &next, err);
  if (s == RP_OK) return rp_err_set(err, RP_NO, "a new conversation is planned: readiness applies");
  if (s != RP_NO) return s;
  rp_err_clear(err);
  struct rp_followup_list l = {0};
  s = followup_list_open(db, id, &l, err);
  if (s != RP_OK) return s;
  const struct rp_followup *pick = NULL;
  for (size_t i = 0; i < l.n && !pick; i++) /* the thank-you comes first */
    if (strcmp(l.v[i].kind, "thank-you") == 0) pick = &l.v[i];
  if (!pick && l.n) pick = &l.v[0]; /* soonest due first */
  if (pick) {
    const char *due = followup_effective_due(pick);
    snprintf(out->due, sizeof out->due, "%s", due ? due : "");
    out->followup_id = pick->id;
    if (strcmp(pick->kind, "thank-you") == 0) {
      out->kind = "thank-you";
      out->text = xasprintf("thank-you owed, due %s", out->due);
    } else {
      out->kind = "follow-up";
      out->text = !str_empty(pick->note)
                      ? xasprintf("follow-up due %s: %s \xE2\x80\x94 %s", out->due,
                                  kind_label(pick->kind), pick->note)
                      : xasprintf("follow-up due %s: %s", out->due, kind_label(pick->kind));
    }
  }
  followup_list_free(&l);
  if (pick) return RP_OK;
  return keep_in_touch(db, cfg, id, out, err);
}
