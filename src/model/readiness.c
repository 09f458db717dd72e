/* readiness.c — see rapport/readiness.h: the checklist before reaching out
 * to a contact. Computed items read the worksheet, the contact's research
 * notes and draft, the give ledger and the chain of introductions; manual
 * items come from the config and are ticked per contact in ready_check.
 * The wording of each item (what it asks, why it is not met, what to do)
 * lives here, so the CLI and the Prep screen say the same thing. */
#include "rapport/readiness.h"

#include <stdlib.h>
#include <string.h>

#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/question.h"
#include "rapport/give.h"
#include "rapport/path.h"
#include "rapport/worksheet.h"
#include "contact_internal.h"

/* Planned length when the config gives none (minutes). */
#define DEFAULT_MAX_MINUTES 20

/* Frees every item and the array; r is left zeroed. */
void readiness_free(struct rp_readiness *r) {
  for (size_t i = 0; i < r->n; i++) {
    struct rp_ready_item *it = &r->v[i];
    free(it->key);
    free(it->text);
    free(it->reason);
    free(it->todo);
  }
  free(r->v);
  free(r->warning);
  memset(r, 0, sizeof *r);
}

/* Append an item; reason and todo are kept only when it is not met. Takes
 * ownership of the strings passed as `owned_*` (which may be NULL). */
static void add(struct rp_readiness *r, const char *key, char *owned_text, bool available,
                bool met, char *owned_reason, char *owned_todo) {
  struct rp_ready_item *it = &r->v[r->n++];
  memset(it, 0, sizeof *it);
  it->key = xstrdup(key);
  it->text = owned_text;
  it->available = available;
  it->met = available && met;
  if (it->met) {
    free(owned_reason);
    free(owned_todo);
  } else {
    it->reason = owned_reason;
    it->todo = owned_todo;
  }
}

/* Shorthand for items whose strings are constants. */
static void add_c(struct rp_readiness *r, const char *key, const char *text, bool met,
                  const char *reason, const char *todo) {
  add(r, key, xstrdup(text), true, met, xstrdup(reason), xstrdup(todo));
}

/* The three worksheet items, from ws_completeness. */
static enum rp_status worksheet_items(struct rp_db *db, const struct rp_config *cfg,
                                      struct rp_readiness *r, struct rp_err *err) {
  struct rp_ws_completeness wc;
  enum rp_status s = ws_completeness(db, cfg, &wc, err);
  if (s != RP_OK) return s;
  const char *power_reason = "no superpower yet";
  for (size_t i = 0; i < wc.missing.n; i++)
    if (strncmp(wc.missing.v[i], "no superpower", 13) == 0) power_reason = wc.missing.v[i];
  add_c(r, "worksheet-superpower", "a superpower with evidence on the worksheet",
        wc.superpower_with_evidence, power_reason,
        "Press 3 and add a superpower with its evidence: what you did, for whom, with what "
        "result");
  add_c(r, "worksheet-problem", "a problem you want to work on, on the worksheet", wc.problem,
        "no problem written", "Press 3 and write a problem you want to help solve");
  add_c(r, "worksheet-want", "what you want next, written on the worksheet", wc.want,
        "what you want is not written yet", "Press 3 and write what you want next");
  ws_completeness_free(&wc);
  return RP_OK;
}

/* "job request at line 2, column 14: \"any openings\"", and how many
 * more findings there are; caller frees. */
static char *finding_text(const struct rp_findings *f) {
  const struct rp_finding *x = &f->v[0];
  struct rp_buf b = {0};
  buf_addf(&b, "%s at line %d, column %d",
           !str_empty(x->label) ? x->label : !str_empty(x->category) ? x->category : "problem",
           x->line, x->col);
  if (!str_empty(x->phrase)) buf_addf(&b, ": \"%s\"", x->phrase);
  if (f->n > 1) buf_addf(&b, " (and %zu more)", f->n - 1);
  return buf_steal(&b);
}

/* The draft item: written, and the ask check finds nothing. */
static void draft_item(const struct rp_config *cfg, const struct rp_contact *c,
                       struct rp_readiness *r) {
  const char *text = "an outreach draft that passes the ask check";
  if (str_empty(c->draft)) {
    add_c(r, "draft", text, false, "no outreach draft yet",
          "Press 4 (Prep) and write the outreach draft");
    return;
  }
  struct rp_findings f = {0};
  askcheck_run(cfg, c->draft, &f);
  if (f.n == 0) {
    add_c(r, "draft", text, true, NULL, NULL);
  } else {
    const char *sug = f.v[0].suggestion;
    add(r, "draft", xstrdup(text), true, false, finding_text(&f),
        str_empty(sug) ? xstrdup("Press 4 (Prep) and rewrite the draft")
                       : xasprintf("Press 4 (Prep) and rewrite the draft: %s", sug));
  }
  findings_free(&f);
}

/* Keys of the manual items ticked for contact `id`, into *out. */
static enum rp_status checked_keys(struct rp_db *db, int64_t id, struct rp_strv *out,
                                   struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT key FROM ready_check WHERE contact_id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    strv_push(out, (const char *)sqlite3_column_text(st, 0));
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read readiness");
  sqlite3_finalize(st);
  return s;
}

/* The items of the next conversation: an objective and at least three
 * questions, and a planned length within the limit (the draft item sits
 * between them). */
static enum rp_status conversation_items(struct rp_db *db, const struct rp_config *cfg,
                                         const struct rp_contact *c, struct rp_readiness *r,
                                         struct rp_err *err) {
  int64_t id = 0;
  struct rp_conversation conv;
  conv_init(&conv);
  struct rp_question_list qs = {0};
  enum rp_status s = conv_current(db, c->id, &id, err);
  if (s == RP_OK) s = conv_get(db, id, &conv, err);
  if (s == RP_OK) s = question_list(db, id, &qs, err);
  if (s == RP_NO) {
    s = RP_OK;
    rp_err_clear(err);
  }
  if (s == RP_OK) {
    char *reason = NULL;
    if (!id) reason = xstrdup("no conversation prepared yet");
    else if (str_empty(conv.objective) && qs.n < 3)
      reason = xasprintf("no objective written, and %zu of 3 questions", qs.n);
    else if (str_empty(conv.objective)) reason = xstrdup("no objective written");
    else if (qs.n < 3)
      reason = xasprintf("only %zu question%s prepared (at least 3)", qs.n, qs.n == 1 ? "" : "s");
    add(r, "prep", xstrdup("an objective and at least three questions prepared"), true, !reason,
        reason,
        xstrdup("Press 4 (Prep): o writes the objective; a, b (question bank) and i (open "
                "gaps) add questions"));
    draft_item(cfg, c, r);
    int limit = cfg->max_minutes > 0 ? cfg->max_minutes : DEFAULT_MAX_MINUTES;
    int planned = id ? conv.minutes : cfg->call_minutes > 0 ? cfg->call_minutes
                                                            : DEFAULT_MAX_MINUTES;
    add(r, "length", xasprintf("a planned length of at most %d minutes", limit), true,
        planned <= limit, xasprintf("the conversation is planned for %d minutes", planned),
        xasprintf("Ask for %d minutes or less: their time is gold (rapport conversation add "
                  "NAME --minutes %d)",
                  limit, limit));
  }
  question_list_free(&qs);
  conv_free(&conv);
  return s;
}

/* The items that read the contact: research, give, warm-path, prep,
 * draft, length. */
static enum rp_status contact_items(struct rp_db *db, const struct rp_config *cfg,
                                    const struct rp_contact *c, struct rp_readiness *r,
                                    struct rp_err *err) {
  add_c(r, "research", "research notes on them", !str_empty(c->research),
        "no research notes on them yet",
        "On Contacts press e and write in the Research field: their work, what they care "
        "about, what they published lately");

  long gives = 0, asks = 0;
  enum rp_status s = give_balance(db, cfg, c->id, &gives, &asks, err);
  if (s != RP_OK) return s;
  add_c(r, "give", "something given before asking (a give logged)", gives > 0,
        "nothing given to them yet",
        "On Contacts press g to log a give: read or comment on their work, share it, "
        "introduce someone useful, show up at their event");
  if (asks > gives)
    r->warning = xasprintf("asked %ld time%s, gave %ld: give before you ask again (on Contacts "
                           "press g to log a give)",
                           asks, asks == 1 ? "" : "s", gives);

  struct rp_path p;
  s = path_to_contact(db, c->id, &p, err);
  if (s != RP_OK && s != RP_NO) return s;
  bool path = s == RP_OK;
  path_free(&p);
  rp_err_clear(err);
  add_c(r, "warm-path", "a warm path: you know them, or someone you know introduced them", path,
        c->introduced_by ? "the introductions to them do not lead back to anyone you know "
                           "personally"
                         : "you do not know them personally and no one introduced them",
        "Find someone you know who knows them (rapport path), ask for an introduction, and on "
        "Contacts press e to set who introduced them");

  s = conversation_items(db, cfg, c, r, err);
  if (s != RP_OK) return s;
  return RP_OK;
}

/* See readiness.h. On failure *out is left empty. */
enum rp_status readiness_compute(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                 struct rp_readiness *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  struct rp_contact c;
  enum rp_status s = contact_get(db, id, &c, err);
  if (s != RP_OK) return s;
  out->v = xcalloc(9 + cfg->n_manual_checks, sizeof *out->v);
  struct rp_strv checked = {0};
  s = worksheet_items(db, cfg, out, err);
  if (s == RP_OK) s = contact_items(db, cfg, &c, out, err);
  if (s == RP_OK) s = checked_keys(db, id, &checked, err);
  for (size_t i = 0; s == RP_OK && i < cfg->n_manual_checks; i++) {
    const struct rp_manual_check *m = &cfg->manual_checks[i];
    add(out, m->key, xstrdup(m->text ? m->text : m->key), true, strv_contains(&checked, m->key),
        xstrdup("not ticked yet"),
        !str_empty(m->help) ? xstrdup(m->help)
                            : xasprintf("Press 4 (Prep) and tick it, or run rapport ready NAME "
                                        "--check %s",
                                        m->key));
    out->v[out->n - 1].manual = true;
  }
  strv_free(&checked);
  contact_free(&c);
  if (s != RP_OK) {
    readiness_free(out);
    return s;
  }
  for (size_t i = 0; i < out->n; i++) {
    if (!out->v[i].available) continue;
    out->total++;
    if (out->v[i].met) out->met++;
  }
  out->ready = out->met == out->total;
  return RP_OK;
}

/* See readiness.h. RP_NO when the contact does not exist (or is deleted);
 * ticking an item already ticked keeps its first time. */
enum rp_status readiness_set_manual(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                    const char *key, bool checked, struct rp_err *err) {
  rp_err_clear(err);
  bool known = false;
  for (size_t i = 0; key && i < cfg->n_manual_checks && !known; i++)
    known = cfg->manual_checks[i].key && strcmp(cfg->manual_checks[i].key, key) == 0;
  if (!known) {
    struct rp_strv keys = {0};
    for (size_t i = 0; i < cfg->n_manual_checks; i++) strv_push(&keys, cfg->manual_checks[i].key);
    char *allowed = keys.n ? strv_join(&keys, ", ") : xstrdup("none (the config has no manual items)");
    rp_err_field(err, RP_INVALID, "key", "no manual readiness item '%s'; allowed: %s",
                 key ? key : "", allowed);
    free(allowed);
    strv_free(&keys);
    return RP_INVALID;
  }
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st = NULL;
  bool live = false;
  s = contact_is_live(db, id, &live, err);
  if (s == RP_OK && !live) s = rp_err_set(err, RP_NO, "no contact with id %lld", (long long)id);
  if (s == RP_OK)
    s = db_prepare(db,
                   checked ? "INSERT INTO ready_check (contact_id, key, checked_at) "
                             "VALUES (?1, ?2, ?3) ON CONFLICT (contact_id, key) DO NOTHING"
                           : "DELETE FROM ready_check WHERE contact_id = ?1 AND key = ?2",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    if (checked) sqlite3_bind_int64(st, 3, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save readiness");
  }
  sqlite3_finalize(st);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}
