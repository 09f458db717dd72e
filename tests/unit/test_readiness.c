/* test_readiness.c — the checklist before reaching out: each computed item
 * on and off, items not available yet (shown, not counted), manual items
 * from the config (check, uncheck, unknown key), and "ready" only when
 * every available item is met. The config is built by hand. */
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/give.h"
#include "rapport/question.h"
#include "rapport/readiness.h"
#include "rapport/worksheet.h"

static struct rp_config cfg;
static struct rp_db *db;

static void make_config(void) {
  const char *stages[] = {"identified", "researching", "giving", "asked", "met"};
  for (size_t i = 0; i < RP_ARRAY_LEN(stages); i++) fx_choice(&cfg.stages, stages[i], stages[i], NULL);
  fx_choice(&cfg.how_known, "friend", "friend", "warm");
  fx_choice(&cfg.how_known, "colleague", "former colleague", "warm");
  fx_choice(&cfg.how_known, "referral", "referral", "warm");
  fx_choice(&cfg.how_known, "cold", "cold outreach", "cold");
  fx_choice(&cfg.give_kinds, "read", "read their work", NULL);
  fx_choice(&cfg.give_kinds, "share", "shared it", NULL);
  cfg.n_manual_checks = 2;
  cfg.manual_checks = xcalloc(2, sizeof *cfg.manual_checks);
  cfg.manual_checks[0] = (struct rp_manual_check){xstrdup("mutual"),
                                                  xstrdup("I know why this conversation helps them too"),
                                                  xstrdup("Think of one thing you can offer")};
  cfg.manual_checks[1] = (struct rp_manual_check){xstrdup("timing"),
                                                  xstrdup("It is a reasonable time to ask"), NULL};
  cfg.max_minutes = 20;
  cfg.ask_max_words = 200;
  cfg.n_ask_categories = 1;
  cfg.ask_categories = xcalloc(1, sizeof *cfg.ask_categories);
  cfg.ask_categories[0].key = xstrdup("job-request");
  cfg.ask_categories[0].label = xstrdup("job request");
  cfg.ask_categories[0].suggestion = xstrdup("ask about the work, not for a job");
  strv_push(&cfg.ask_categories[0].phrases, "hire me");
  strv_push(&cfg.ask_categories[0].phrases, "job opening");
  cfg.pitch_wpm = 150;
  cfg.pitch_seconds = 30;
}

static void free_config(void) {
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  fx_choices_free(&cfg.give_kinds);
  for (size_t i = 0; i < cfg.n_manual_checks; i++) {
    free(cfg.manual_checks[i].key);
    free(cfg.manual_checks[i].text);
    free(cfg.manual_checks[i].help);
  }
  free(cfg.manual_checks);
  for (size_t i = 0; i < cfg.n_ask_categories; i++) {
    free(cfg.ask_categories[i].key);
    free(cfg.ask_categories[i].label);
    free(cfg.ask_categories[i].suggestion);
    strv_free(&cfg.ask_categories[i].phrases);
  }
  free(cfg.ask_categories);
}

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
}

static int64_t add(const char *name, const char *how_known, int64_t introduced_by) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.how_known = xstrdup(how_known);
  c.introduced_by = introduced_by;
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

/* Set a text field of contact id ("research" or "draft"). */
static void set_field(int64_t id, const char *field, const char *value) {
  struct rp_contact c;
  struct rp_err err;
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  str_replace(strcmp(field, "research") == 0 ? &c.research : &c.draft, value);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
}

static const char *const computed[] = {"worksheet-superpower", "worksheet-problem", "worksheet-want",
                                       "research", "give", "warm-path", "prep", "draft", "length"};

/* The item `key` in r, or NULL; owned by r. */
static const struct rp_ready_item *item(const struct rp_readiness *r, const char *key) {
  for (size_t i = 0; i < r->n; i++)
    if (strcmp(r->v[i].key, key) == 0) return &r->v[i];
  return NULL;
}

/* Is item `key` met for contact `id` right now? -1 when missing. */
static int met(int64_t id, const char *key) {
  struct rp_readiness r;
  struct rp_err err;
  if (readiness_compute(db, &cfg, id, &r, &err) != RP_OK) return -2;
  const struct rp_ready_item *it = item(&r, key);
  int v = it ? it->met : -1;
  readiness_free(&r);
  return v;
}

/* Reason of item `key` (a new string, or NULL when met). */
static char *reason(int64_t id, const char *key) {
  struct rp_readiness r;
  struct rp_err err;
  if (readiness_compute(db, &cfg, id, &r, &err) != RP_OK) return NULL;
  const struct rp_ready_item *it = item(&r, key);
  char *s = it ? xstrdup(it->reason) : NULL;
  readiness_free(&r);
  return s;
}

#define CHECK_REASON(id, key, expected) \
  do {                                  \
    char *r_ = reason((id), (key));     \
    CHECK_STR(r_, (expected));          \
    free(r_);                           \
  } while (0)

static void test_fresh_contact(void) {
  open_fresh("fresh.db");
  int64_t maya = add("Maya", "colleague", 0);
  int64_t priya = add("Priya", NULL, maya);
  struct rp_readiness r;
  struct rp_err err;
  CHECK_INT(readiness_compute(db, &cfg, priya, &r, &err), RP_OK);
  CHECK_INT(r.n, 11);
  for (size_t i = 0; i < RP_ARRAY_LEN(computed) && i < r.n; i++) {
    CHECK_STR(r.v[i].key, computed[i]);
    CHECK(!r.v[i].manual);
    CHECK(!str_empty(r.v[i].text));
  }
  if (r.n == 11) {
    CHECK_STR(r.v[9].key, "mutual");
    CHECK_STR(r.v[9].text, "I know why this conversation helps them too");
    CHECK(r.v[9].manual && r.v[9].available && !r.v[9].met);
    CHECK_STR(r.v[9].reason, "not ticked yet");
    CHECK_STR(r.v[9].fix.lead, "Think of one thing you can offer");
    CHECK_INT(r.v[9].fix.screen, SCREEN_PREP);
    CHECK_INT(r.v[9].fix.step[0].action, ACT_TOGGLE);
    CHECK_STR(r.v[10].key, "timing");
    CHECK(r.v[10].manual);
    CHECK(r.v[10].fix.verb && strstr(r.v[10].fix.verb, "--check timing") != NULL);
  }
  /* nothing prepared: no conversation yet; the default length is within the limit */
  const struct rp_ready_item *prep = item(&r, "prep"), *len = item(&r, "length");
  CHECK(prep && prep->available && !prep->met);
  CHECK(len && len->available && len->met);
  if (prep) CHECK_STR(prep->reason, "no conversation prepared yet");
  if (len) CHECK_STR(len->text, "a planned length of at most 20 minutes");
  CHECK_INT(r.total, 11);
  CHECK_INT(r.met, 2); /* the warm path through Maya, the default length */
  CHECK(!r.ready);
  /* every unmet available item says why and what to do, as data: a
   * screen and its actions, never a key (the UI and the CLI phrase it) */
  for (size_t i = 0; i < r.n; i++) {
    const struct rp_ready_item *it = &r.v[i];
    if (it->met) {
      CHECK(it->reason == NULL && it->fix.n == 0 && it->fix.lead == NULL && !it->fix.verb);
    } else {
      CHECK(!str_empty(it->reason));
      if (it->available) CHECK(it->fix.n > 0 || !str_empty(it->fix.verb));
      for (size_t k = 0; k < it->fix.n; k++) {
        CHECK(action_in_scope(it->fix.step[k].action, screen_scope(it->fix.screen)));
        CHECK(!strstr(it->fix.step[k].what, "ress") && !strstr(it->fix.step[k].what, "Prep"));
      }
      CHECK(!it->fix.lead || !strstr(it->fix.lead, "ress "));
    }
  }
  const struct rp_ready_item *sp = item(&r, "worksheet-superpower");
  if (sp) {
    CHECK_STR(sp->reason, "no superpower yet");
    CHECK_INT(sp->fix.screen, SCREEN_WORKSHEET);
    CHECK_INT(sp->fix.step[0].action, ACT_ADD);
  }
  const struct rp_ready_item *gv = item(&r, "give");
  if (gv) {
    CHECK_INT(gv->fix.screen, SCREEN_CONTACTS);
    CHECK_INT(gv->fix.step[0].action, ACT_GIVE);
    /* the command line's words: the verb, with the contact's name */
    char *t = fix_text_verb(&gv->fix, "Ana Díaz");
    CHECK_STR(t, "Log a give: read or comment on their work, share it, introduce someone useful, "
                 "show up at their event (rapport give 'Ana Díaz' --kind KIND TEXT)");
    free(t);
  }
  const struct rp_ready_item *rs = item(&r, "research");
  if (rs) {
    CHECK_INT(rs->fix.screen, SCREEN_CONTACTS);
    CHECK_INT(rs->fix.step[0].action, ACT_EDIT);
    CHECK(strstr(rs->fix.step[0].what, "Research") != NULL);
    /* no command edits research: the words name the screen, not a key */
    char *t = fix_text_verb(&rs->fix, "Ana");
    CHECK(strstr(t, "(on Contacts, in the full screen)") != NULL);
    free(t);
  }
  const struct rp_ready_item *dr = item(&r, "draft");
  if (dr) {
    CHECK_STR(dr->reason, "no outreach draft yet");
    CHECK_INT(dr->fix.screen, SCREEN_PREP);
    CHECK_INT(dr->fix.step[0].action, ACT_EDIT);
  }
  readiness_free(&r);
  CHECK(r.v == NULL && r.n == 0);

  CHECK_INT(readiness_compute(db, &cfg, 9999, &r, &err), RP_NO);
  CHECK(r.v == NULL);
}

static void test_items_on_and_off(void) {
  open_fresh("items.db");
  struct rp_err err;
  int64_t maya = add("Maya", "colleague", 0);
  int64_t priya = add("Priya", NULL, maya);
  int64_t cold = add("Cold Stranger", "cold", 0);

  /* worksheet: a superpower counts only with evidence */
  struct rp_ws_item it;
  ws_item_init(&it, WS_SUPERPOWER);
  it.title = xstrdup("Untangling messy data");
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  int64_t power = it.id;
  ws_item_free(&it);
  CHECK_INT(met(priya, "worksheet-superpower"), 0);
  CHECK_REASON(priya, "worksheet-superpower", "no superpower has evidence yet");
  CHECK_INT(ws_item_get(db, power, &it, &err), RP_OK);
  str_replace(&it.text1, "Cut the monthly report from 3 days to 4 hours for the finance team");
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  ws_item_free(&it);
  CHECK_INT(met(priya, "worksheet-superpower"), 1);
  CHECK_INT(ws_item_delete(db, power, &err), RP_OK);
  CHECK_INT(met(priya, "worksheet-superpower"), 0);

  CHECK_INT(met(priya, "worksheet-problem"), 0);
  CHECK_REASON(priya, "worksheet-problem", "no problem written");
  ws_item_init(&it, WS_PROBLEM);
  it.title = xstrdup("Hospitals drown in paperwork");
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  int64_t problem = it.id;
  ws_item_free(&it);
  CHECK_INT(met(priya, "worksheet-problem"), 1);
  CHECK_INT(ws_item_delete(db, problem, &err), RP_OK);
  CHECK_INT(met(priya, "worksheet-problem"), 0);

  CHECK_INT(met(priya, "worksheet-want"), 0);
  CHECK_INT(ws_text_set(db, "want", "Work on health data with a small team", &err), RP_OK);
  CHECK_INT(met(priya, "worksheet-want"), 1);
  CHECK_INT(ws_text_set(db, "want", "", &err), RP_OK);
  CHECK_INT(met(priya, "worksheet-want"), 0);

  /* research notes on this contact (not another one) */
  CHECK_INT(met(priya, "research"), 0);
  set_field(cold, "research", "Wrote a book on transit");
  CHECK_INT(met(priya, "research"), 0);
  set_field(priya, "research", "Leads data at Acme; talk on metrics");
  CHECK_INT(met(priya, "research"), 1);
  set_field(priya, "research", "   ");
  CHECK_INT(met(priya, "research"), 0);

  /* a give to this contact */
  CHECK_INT(met(priya, "give"), 0);
  struct rp_give g = {0};
  g.contact_id = priya;
  g.kind = xstrdup("read");
  g.text = xstrdup("Read her post on metrics");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_OK);
  CHECK_INT(met(priya, "give"), 1);
  CHECK_INT(met(cold, "give"), 0);
  CHECK_INT(give_delete(db, g.id, &err), RP_OK);
  give_free(&g);
  CHECK_INT(met(priya, "give"), 0);

  /* warm path: through an introducer, or known personally */
  CHECK_INT(met(priya, "warm-path"), 1);
  CHECK_INT(met(maya, "warm-path"), 1);
  CHECK_INT(met(cold, "warm-path"), 0);
  CHECK_REASON(cold, "warm-path", "you do not know them personally and no one introduced them");
  CHECK_INT(contact_delete(db, maya, &err), RP_OK);
  CHECK_INT(met(priya, "warm-path"), 0);
  CHECK_REASON(priya, "warm-path",
               "the introductions to them do not lead back to anyone you know personally");
  CHECK_INT(contact_undelete(db, maya, &err), RP_OK);

  /* the draft: written, and clean under the ask check */
  CHECK_INT(met(priya, "draft"), 0);
  CHECK_REASON(priya, "draft", "no outreach draft yet");
  set_field(priya, "draft", "Hi Priya,\nI loved your talk on metrics. Could you\nhire me?");
  CHECK_INT(met(priya, "draft"), 0);
  char *why = reason(priya, "draft");
  CHECK(why && strstr(why, "job request") != NULL);
  CHECK(why && strstr(why, "hire me") != NULL);
  CHECK(why && strstr(why, "line 3") != NULL);
  free(why);
  struct rp_readiness r;
  CHECK_INT(readiness_compute(db, &cfg, priya, &r, &err), RP_OK);
  const struct rp_ready_item *d = item(&r, "draft");
  if (d) CHECK(d->fix.detail && strstr(d->fix.detail, "ask about the work, not for a job") != NULL);
  readiness_free(&r);
  set_field(priya, "draft", "Hi Priya,\nI loved your talk on metrics. Would you have 20 minutes "
                            "to tell me how you came to health data?\nThank you, Sam");
  CHECK_INT(met(priya, "draft"), 1);
  set_field(priya, "draft", "Hi {name}, would you have 20 minutes?");
  CHECK_INT(met(priya, "draft"), 0);
  set_field(priya, "draft", NULL);
  CHECK_INT(met(priya, "draft"), 0);
}

/* Check the reason of item `key` for contact `id`. */
static void reason_is(int64_t id, const char *key, const char *want) {
  char *got = reason(id, key);
  CHECK_STR(got, want);
  free(got);
}

static void test_manual_and_ready(void) {
  open_fresh("manual.db");
  struct rp_err err;
  int64_t maya = add("Maya", "colleague", 0);
  int64_t priya = add("Priya", NULL, maya);
  setenv("RAPPORT_NOW", "1795000000", 1);

  CHECK_INT(met(priya, "mutual"), 0);
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "mutual", true, &err), RP_OK);
  CHECK_INT(met(priya, "mutual"), 1);
  CHECK_INT(met(maya, "mutual"), 0); /* per contact */
  CHECK_INT(fx_scalar(db, "SELECT checked_at FROM ready_check WHERE key = 'mutual'"), 1795000000);
  setenv("RAPPORT_NOW", "1795000500", 1);
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "mutual", true, &err), RP_OK); /* again: kept */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM ready_check"), 1);
  CHECK_INT(fx_scalar(db, "SELECT checked_at FROM ready_check WHERE key = 'mutual'"), 1795000000);
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "mutual", false, &err), RP_OK);
  CHECK_INT(met(priya, "mutual"), 0);
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "mutual", false, &err), RP_OK); /* no-op */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM ready_check"), 0);

  CHECK_INT(readiness_set_manual(db, &cfg, priya, "research", true, &err), RP_INVALID);
  CHECK_STR(err.field, "key");
  CHECK_STR(err.msg, "no manual readiness item 'research'; allowed: mutual, timing");
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "x'); DROP TABLE ready_check; --", true, &err),
            RP_INVALID);
  CHECK_INT(readiness_set_manual(db, &cfg, 9999, "timing", true, &err), RP_NO);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM ready_check"), 0);

  /* all available items met → ready; the unavailable ones are not counted */
  struct rp_ws_item it;
  ws_item_init(&it, WS_SUPERPOWER);
  it.title = xstrdup("Untangling messy data");
  it.text1 = xstrdup("Cut the monthly report from 3 days to 4 hours");
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  ws_item_free(&it);
  ws_item_init(&it, WS_PROBLEM);
  it.title = xstrdup("Hospitals drown in paperwork");
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  ws_item_free(&it);
  CHECK_INT(ws_text_set(db, "want", "Health data", &err), RP_OK);
  set_field(priya, "research", "Leads data at Acme");
  set_field(priya, "draft", "Hi Priya, would you have 20 minutes to tell me about your work?");
  struct rp_give g = {0};
  g.contact_id = priya;
  g.kind = xstrdup("share");
  g.text = xstrdup("Shared her talk");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_OK);
  give_free(&g);
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "mutual", true, &err), RP_OK);

  struct rp_readiness r;
  CHECK_INT(readiness_compute(db, &cfg, priya, &r, &err), RP_OK);
  CHECK_INT(r.total, 11);
  CHECK_INT(r.met, 9); /* not prepared, timing not ticked */
  CHECK(!r.ready);
  readiness_free(&r);

  /* prep: an objective and three questions; the length within the limit */
  struct rp_conversation conv;
  conv_init(&conv);
  conv.contact_id = priya;
  conv.minutes = 45;
  CHECK_INT(conv_insert(db, &cfg, &conv, &err), RP_OK);
  reason_is(priya, "prep", "no objective written, and 0 of 3 questions");
  reason_is(priya, "length", "the conversation is planned for 45 minutes");
  conv.objective = xstrdup("How she moved into health data");
  conv.minutes = 20;
  CHECK_INT(conv_update(db, &cfg, &conv, &err), RP_OK);
  CHECK_INT(met(priya, "length"), 1);
  const char *qtext[] = {"What does a typical week look like?", "What do you wish you knew?",
                         "Who else should I talk to?"};
  for (size_t i = 0; i < 3; i++) {
    reason_is(priya, "prep", i == 1   ? "only 1 question prepared (at least 3)"
                             : i == 2 ? "only 2 questions prepared (at least 3)"
                                      : "only 0 questions prepared (at least 3)");
    struct rp_question q = {.conversation_id = conv.id, .text = xstrdup(qtext[i])};
    CHECK_INT(question_add(db, &q, &err), RP_OK);
    question_free(&q);
  }
  CHECK_INT(met(priya, "prep"), 1);
  conv_free(&conv);

  CHECK_INT(readiness_set_manual(db, &cfg, priya, "timing", true, &err), RP_OK);
  CHECK_INT(readiness_compute(db, &cfg, priya, &r, &err), RP_OK);
  CHECK_INT(r.met, 11);
  CHECK_INT(r.total, 11);
  CHECK(r.ready);
  for (size_t i = 0; i < r.n; i++) CHECK(r.v[i].met == r.v[i].available);
  readiness_free(&r);

  /* without manual items in the config, the computed ones decide */
  size_t n_manual = cfg.n_manual_checks;
  cfg.n_manual_checks = 0;
  CHECK_INT(readiness_compute(db, &cfg, priya, &r, &err), RP_OK);
  CHECK_INT(r.n, 9);
  CHECK_INT(r.total, 9);
  CHECK(r.ready);
  readiness_free(&r);
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "timing", true, &err), RP_INVALID);
  cfg.n_manual_checks = n_manual;

  /* one item off again → not ready */
  CHECK_INT(readiness_set_manual(db, &cfg, priya, "timing", false, &err), RP_OK);
  CHECK_INT(readiness_compute(db, &cfg, priya, &r, &err), RP_OK);
  CHECK(!r.ready);
  CHECK_INT(r.met, 10);
  readiness_free(&r);

  /* removing the contact for good removes its ticks */
  CHECK(sqlite3_exec(db_handle(db), "DELETE FROM contact WHERE name = 'Priya'", NULL, NULL, NULL) ==
        SQLITE_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM ready_check"), 0);
}

/* A conversation of `contact` with `status`; returns its id. */
static int64_t add_conv(int64_t contact, const char *status) {
  struct rp_conversation c;
  conv_init(&c);
  c.contact_id = contact;
  c.status = xstrdup(status);
  struct rp_err err;
  CHECK_INT(conv_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  conv_free(&c);
  return id;
}

/* The warning of contact `id`'s readiness (a new string, or NULL). */
static char *warning(int64_t id) {
  struct rp_readiness r;
  struct rp_err err;
  if (readiness_compute(db, &cfg, id, &r, &err) != RP_OK) return xstrdup("(failed)");
  char *fix = fix_text_verb(&r.warning_fix, "Ana");
  char *w = r.warning ? xasprintf("%s. %s", r.warning, fix) : NULL;
  free(fix);
  readiness_free(&r);
  return w;
}

/* Asks outrunning gives is a warning, not an item: not counted, and the
 * contact can still be ready. */
static void test_asks_outrun_gives(void) {
  open_fresh("asks.db");
  struct rp_err err;
  int64_t ana = add("Ana", "friend", 0);
  char *w = warning(ana);
  CHECK(w == NULL);
  free(w);
  struct rp_readiness before;
  CHECK_INT(readiness_compute(db, &cfg, ana, &before, &err), RP_OK);
  add_conv(ana, "held");
  add_conv(ana, "held");
  w = warning(ana);
  CHECK_STR(w, "asked 2 times, gave 0: give before you ask again. Log a give (rapport give Ana "
               "--kind KIND TEXT)");
  free(w);
  struct rp_readiness after;
  CHECK_INT(readiness_compute(db, &cfg, ana, &after, &err), RP_OK);
  CHECK_INT(after.total, before.total); /* not an item */
  readiness_free(&before);
  readiness_free(&after);
  struct rp_give g = {0};
  g.contact_id = ana;
  g.kind = xstrdup("read");
  g.text = xstrdup("Read her essay");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_OK);
  give_free(&g);
  w = warning(ana);
  CHECK_STR(w, "asked 2 times, gave 1: give before you ask again. Log a give (rapport give Ana "
               "--kind KIND TEXT)");
  free(w);
  g.contact_id = ana;
  g.kind = xstrdup("share");
  g.text = xstrdup("Shared it");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_OK);
  give_free(&g);
  w = warning(ana);
  CHECK(w == NULL); /* as many gives as asks */
  free(w);
}

/* The next step of contact `id` as "KIND|TEXT", "no" for RP_NO; caller
 * frees. */
static char *next_of(int64_t id) {
  struct rp_next_step n;
  struct rp_err err;
  enum rp_status s = readiness_next_step(db, &cfg, id, &n, &err);
  if (s == RP_NO) return xstrdup("no");
  if (s != RP_OK) return xasprintf("error: %s", err.msg);
  char *r = xasprintf("%s|%s", n.kind, n.text);
  next_step_free(&n);
  return r;
}

#define CHECK_NEXT(id, expected)   \
  do {                             \
    char *n_ = next_of(id);        \
    CHECK_STR(n_, (expected));     \
    free(n_);                      \
  } while (0)

/* Once met, the next step replaces readiness; a new planned conversation
 * brings readiness back. */
static void test_next_step_after_met(void) {
  open_fresh("next.db");
  struct rp_err err;
  int64_t ana = add("Ana", "friend", 0);
  CHECK_NEXT(ana, "no"); /* not met: readiness applies */
  int64_t planned = add_conv(ana, "planned");
  CHECK_NEXT(ana, "no");
  fx_execf(db, "UPDATE conversation SET status = 'held' WHERE id = %lld", (long long)planned);
  CHECK_NEXT(ana, "keep-in-touch|keep in touch: write when you have news worth sharing");
  cfg.cadence_warm = 30; /* a cadence: the next check-in from the last interaction */
  CHECK_NEXT(ana, "keep-in-touch|keep in touch: next check-in by 2026-12-18 (every 30 days)");
  cfg.cadence_warm = 0;

  struct rp_followup f = {0};
  f.contact_id = ana;
  f.kind = xstrdup("check-in");
  f.due = xstrdup("2026-12-01");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  followup_free(&f);
  CHECK_NEXT(ana, "follow-up|follow-up due 2026-12-01: check in");
  f.contact_id = ana;
  f.kind = xstrdup("thank-you");
  f.due = xstrdup("2026-11-19");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  int64_t thanks = f.id;
  followup_free(&f);
  CHECK_NEXT(ana, "thank-you|thank-you owed, due 2026-11-19");
  CHECK_INT(followup_mark(db, &cfg, thanks, "sent", &err), RP_OK);
  CHECK_NEXT(ana, "follow-up|follow-up due 2026-12-01: check in");

  /* a new conversation planned: readiness is back, for it */
  add_conv(ana, "planned");
  CHECK_NEXT(ana, "no");
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("TZ", "UTC", 1);
  setenv("RAPPORT_NOW", "1795000000", 1);
  make_config();
  test_fresh_contact();
  test_items_on_and_off();
  test_manual_and_ready();
  test_asks_outrun_gives();
  test_next_step_after_met();
  db_close(db);
  free_config();
  check_rmtree(check_tmpdir());
  return check_done("test_readiness");
}
