/* readiness.c — see rapport/readiness.h: the checklist before reaching out
 * to a contact. Computed items read the worksheet, the contact's research
 * notes and draft, the give ledger and the chain of introductions; manual
 * items come from the config and are ticked per contact in ready_check.
 * The wording of each item (what it asks, why it is not met, what to do)
 * lives here, so the CLI and the Prep screen say the same thing; what to
 * do is a struct rp_fix naming screens and actions, never keys, which the
 * Prep screen phrases with the live keymap and the CLI with its verbs. */
#include "model/db_sql.h"
#include "rapport/readiness.h"

#include <stdarg.h>
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

/* See readiness.h. */
void fix_free(struct rp_fix *f) {
  free(f->lead);
  for (size_t i = 0; i < f->n; i++) free(f->step[i].what);
  free(f->detail);
  free(f->verb);
  memset(f, 0, sizeof *f);
  f->screen = SCREEN_NONE;
}

/* Appends `name` as one shell word: as it is when it is plain, else in
 * single quotes. */
static void add_shell_word(struct rp_buf *b, const char *name) {
  bool plain = name[0] != '\0';
  for (const char *p = name; *p && plain; p++)
    plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("._-@+", *p);
  if (plain) {
    buf_adds(b, name);
    return;
  }
  buf_addc(b, '\'');
  for (const char *p = name; *p; p++) {
    if (*p == '\'') buf_adds(b, "'\\''");
    else buf_addc(b, *p);
  }
  buf_addc(b, '\'');
}

/* See readiness.h. */
char *fix_text_verb(const struct rp_fix *fix, const char *name) {
  struct rp_buf b = {0};
  if (!str_empty(fix->lead)) buf_adds(&b, fix->lead);
  for (size_t i = 0; i < fix->n; i++) {
    if (b.len) buf_adds(&b, "; ");
    buf_adds(&b, fix->step[i].what);
  }
  if (!str_empty(fix->detail)) buf_addf(&b, ": %s", fix->detail);
  if (b.len && b.s[0] >= 'a' && b.s[0] <= 'z') b.s[0] = (char)(b.s[0] - 'a' + 'A');
  if (!str_empty(fix->verb)) {
    buf_adds(&b, b.len ? " (" : "(");
    for (const char *p = fix->verb; *p;) {
      if (name && strncmp(p, "NAME", 4) == 0) {
        add_shell_word(&b, name);
        p += 4;
      } else {
        buf_addc(&b, *p++);
      }
    }
    buf_addc(&b, ')');
  } else if (fix->screen != SCREEN_NONE && b.len) {
    buf_addf(&b, " (on %s, in the full screen)", rp_screen_names[fix->screen]);
  }
  return buf_steal(&b);
}

/* A fix: `lead` (NULL: none), the screen, the command line (NULL: none),
 * then n pairs (enum rp_action, const char *what). Copies every string. */
static struct rp_fix fix_make(const char *lead, enum rp_screen screen, const char *verb, size_t n,
                              ...) {
  struct rp_fix f = {.lead = xstrdup(lead), .screen = screen, .verb = xstrdup(verb)};
  va_list ap;
  va_start(ap, n);
  for (size_t i = 0; i < n && i < RP_FIX_STEPS; i++) {
    f.step[i].action = (enum rp_action)va_arg(ap, int);
    f.step[i].what = xstrdup(va_arg(ap, const char *));
    f.n++;
  }
  va_end(ap);
  return f;
}

/* Frees every item and the array; r is left zeroed. */
void readiness_free(struct rp_readiness *r) {
  for (size_t i = 0; i < r->n; i++) {
    struct rp_ready_item *it = &r->v[i];
    free(it->key);
    free(it->text);
    free(it->reason);
    fix_free(&it->fix);
  }
  free(r->v);
  free(r->warning);
  fix_free(&r->warning_fix);
  memset(r, 0, sizeof *r);
  r->warning_fix.screen = SCREEN_NONE;
}

/* Append an item; reason and fix are kept only when it is not met. Takes
 * ownership of owned_text, owned_reason (may be NULL) and the fix. */
static void add(struct rp_readiness *r, const char *key, char *owned_text, bool available,
                bool met, char *owned_reason, struct rp_fix fix) {
  struct rp_ready_item *it = &r->v[r->n++];
  memset(it, 0, sizeof *it);
  it->key = xstrdup(key);
  it->text = owned_text;
  it->available = available;
  it->met = available && met;
  it->fix.screen = SCREEN_NONE;
  if (it->met) {
    free(owned_reason);
    fix_free(&fix);
  } else {
    it->reason = owned_reason;
    it->fix = fix;
  }
}

/* Shorthand for items whose strings are constants. */
static void add_c(struct rp_readiness *r, const char *key, const char *text, bool met,
                  const char *reason, struct rp_fix fix) {
  add(r, key, xstrdup(text), true, met, xstrdup(reason), fix);
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
        fix_make(NULL, SCREEN_WORKSHEET, "rapport worksheet add superpower TITLE --evidence TEXT",
                 1, ACT_ADD,
                 "add a superpower with its evidence: what you did, for whom, with what result"));
  add_c(r, "worksheet-problem", "a problem you want to work on, on the worksheet", wc.problem,
        "no problem written",
        fix_make(NULL, SCREEN_WORKSHEET, "rapport worksheet add problem TITLE", 1, ACT_ADD,
                 "write a problem you want to help solve"));
  add_c(r, "worksheet-want", "what you want next, written on the worksheet", wc.want,
        "what you want is not written yet",
        fix_make(NULL, SCREEN_WORKSHEET, "rapport worksheet set want TEXT", 1, ACT_EDIT,
                 "write what you want next"));
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
          fix_make(NULL, SCREEN_PREP, NULL, 1, ACT_EDIT, "write the outreach draft"));
    return;
  }
  struct rp_findings f = {0};
  askcheck_run(cfg, c->draft, &f);
  if (f.n == 0) {
    add_c(r, "draft", text, true, NULL, fix_make(NULL, SCREEN_NONE, NULL, 0));
  } else {
    const char *sug = f.v[0].suggestion;
    struct rp_fix fix = fix_make(NULL, SCREEN_PREP, "rapport draft check FILE", 1, ACT_EDIT,
                                 "rewrite the draft");
    if (!str_empty(sug)) fix.detail = xstrdup(sug);
    add(r, "draft", xstrdup(text), true, false, finding_text(&f), fix);
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

/* Ask for `limit` minutes or less: only the command line plans a length. */
static struct rp_fix length_fix(int limit) {
  char *lead = xasprintf("ask for %d minutes or less: their time is gold", limit);
  char *verb = xasprintf("rapport conversation add NAME --minutes %d", limit);
  struct rp_fix f = fix_make(lead, SCREEN_NONE, verb, 0);
  free(lead);
  free(verb);
  return f;
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
        fix_make(NULL, SCREEN_PREP,
                 "rapport conversation add NAME --objective TEXT; rapport question add NAME TEXT",
                 4, ACT_OBJECTIVE, "write the objective", ACT_ADD, "add a question", ACT_BANK,
                 "add one from the question bank", ACT_GAPS, "turn an open gap into a question"));
    draft_item(cfg, c, r);
    int limit = cfg->max_minutes > 0 ? cfg->max_minutes : DEFAULT_MAX_MINUTES;
    int planned = id ? conv.minutes : cfg->call_minutes > 0 ? cfg->call_minutes
                                                            : DEFAULT_MAX_MINUTES;
    add(r, "length", xasprintf("a planned length of at most %d minutes", limit), true,
        planned <= limit, xasprintf("the conversation is planned for %d minutes", planned),
        length_fix(limit));
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
        fix_make(NULL, SCREEN_CONTACTS, NULL, 1, ACT_EDIT,
                 "write in the Research field: their work, what they care about, what they "
                 "published lately"));

  long gives = 0, asks = 0;
  enum rp_status s = give_balance(db, cfg, c->id, &gives, &asks, err);
  if (s != RP_OK) return s;
  add_c(r, "give", "something given before asking (a give logged)", gives > 0,
        "nothing given to them yet",
        fix_make(NULL, SCREEN_CONTACTS, "rapport give NAME --kind KIND TEXT", 1, ACT_GIVE,
                 "log a give: read or comment on their work, share it, introduce someone "
                 "useful, show up at their event"));
  if (asks > gives) {
    r->warning = xasprintf("asked %ld time%s, gave %ld: give before you ask again", asks,
                           asks == 1 ? "" : "s", gives);
    r->warning_fix = fix_make(NULL, SCREEN_CONTACTS, "rapport give NAME --kind KIND TEXT", 1,
                              ACT_GIVE, "log a give");
  }

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
        fix_make("find someone you know who knows them and ask for an introduction",
                 SCREEN_CONTACTS, "rapport path NAME", 1, ACT_EDIT, "set who introduced them"));

  s = conversation_items(db, cfg, c, r, err);
  if (s != RP_OK) return s;
  return RP_OK;
}

/* A manual item: its help from the config (if any), then tick it on Prep. */
static struct rp_fix manual_fix(const struct rp_manual_check *m) {
  char *verb = xasprintf("rapport ready NAME --check %s", m->key);
  struct rp_fix f = fix_make(!str_empty(m->help) ? m->help : NULL, SCREEN_PREP, verb, 1,
                             ACT_TOGGLE, "tick it");
  free(verb);
  return f;
}

/* See readiness.h. On failure *out is left empty. */
enum rp_status readiness_compute(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                 struct rp_readiness *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  out->warning_fix.screen = SCREEN_NONE;
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
        xstrdup("not ticked yet"), manual_fix(m));
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
