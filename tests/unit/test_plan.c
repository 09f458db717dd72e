/* test_plan.c — what a call leaves to do (rapport/plan.h): a call with `+`
 * actions (with and without a date), an `@` referral and a promise to
 * report back gives the follow-ups at once, with their due dates; ending
 * again or correcting the notes adds nothing twice (an open action follows
 * its line or goes with it, a done one stays); the introducer's thanks come
 * only once the referral's own conversation is held; an outcome closes the
 * promised update and reports the success to that person. The call is on
 * Monday 2026-12-07 at 10:00 UTC; the shipped config (action_days 7,
 * update_days 30, thank_you_days 1). */
#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/agenda.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/outcome.h"
#include "rapport/plan.h"

#define CALL 1796637600LL /* Monday 2026-12-07 10:00 UTC */
#define MIN 60LL
#define DAY 86400LL

static struct rp_config cfg;
static struct rp_db *db;

/* A line of the plan's follow-ups: "origin|kind|contact|due|status|note",
 * in id order, for all (conversation 0) or one conversation. */
static char *plan_rows(void) {
  sqlite3_stmt *st;
  struct rp_buf b = {0};
  buf_adds(&b, "");
  CHECK_INT(sqlite3_prepare_v2(db_handle(db),
                               "SELECT f.origin, f.kind, c.name, f.due, f.status, f.note "
                               "FROM followup f JOIN contact c ON c.id = f.contact_id "
                               "WHERE f.origin IS NOT NULL ORDER BY f.id",
                               -1, &st, NULL),
            SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW)
    buf_addf(&b, "%s|%s|%s|%s|%s|%s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
             sqlite3_column_text(st, 2), sqlite3_column_text(st, 3), sqlite3_column_text(st, 4),
             sqlite3_column_text(st, 5));
  sqlite3_finalize(st);
  return buf_steal(&b);
}

#define CHECK_PLAN(want)        \
  do {                          \
    char *p_ = plan_rows();     \
    CHECK_STR(p_, want);        \
    free(p_);                   \
  } while (0)

/* Hold a call with `contact` at `at` with the given note lines (NULL
 * terminated), ending `minutes` later; returns the conversation. */
static int64_t hold_call(int64_t contact, long long at, int minutes, const char *const *lines) {
  struct rp_err err;
  int64_t conv = 0;
  fx_set_now(at);
  CHECK_INT(conv_prepare(db, &cfg, contact, &conv, &err), RP_OK);
  CHECK_INT(conv_start(db, conv, &err), RP_OK);
  for (int i = 0; lines && lines[i]; i++) {
    fx_set_now(at + (i + 1) * MIN);
    CHECK_INT(note_add(db, &cfg, conv, lines[i], NULL, &err), RP_OK);
  }
  fx_set_now(at + minutes * MIN);
  CHECK_INT(conv_end(db, &cfg, conv, &err), RP_OK);
  return conv;
}

/* The id of the note of `conv` whose text is `text`. */
static int64_t note_id(int64_t conv, const char *text) {
  char *sql = xasprintf("SELECT id FROM note WHERE conversation_id = %lld AND text = '%s'",
                        (long long)conv, text);
  long long id = fx_scalar(db, sql);
  free(sql);
  CHECK(id > 0);
  return id;
}

/* The action line alone: its due day and the text without the phrase. */
static void check_action(const char *text, const char *due, const char *shown) {
  char d[11];
  char *s = NULL;
  plan_action(&cfg, text, "2026-12-07", d, &s);
  CHECK_STR(d, due);
  CHECK_STR(s, shown);
  free(s);
}

static void test_action_lines(void) {
  check_action("Build a portfolio of 3 field stories", "2026-12-14",
               "Build a portfolio of 3 field stories");
  check_action("send the report by friday", "2026-12-11", "send the report");
  check_action("tomorrow: call Ana about the job fair", "2026-12-08",
               "call Ana about the job fair");
  check_action("draft my CV in 2 weeks, then send it", "2026-12-21", "draft my CV then send it");
  check_action("by friday", "2026-12-11", "by friday"); /* nothing else: the line stays whole */
  cfg.action_days = 0;
  check_action("read their annual report", "2026-12-07", "read their annual report");
  cfg.action_days = 7;
}

static const char *const priya_lines[] = {
    "! they hire juniors in spring",
    "+ Build a portfolio of 3 field stories",
    "+ send the report by friday",
    "@Tom\xC3\xA1s Ruiz, CharityComms \xE2\x80\x94 runs their digital team",
    "I will let you know how it goes",
    NULL,
};

#define ACTION1 "action|custom|Priya Raman|2026-12-14|open|Build a portfolio of 3 field stories\n"
#define ACTION2 "action|custom|Priya Raman|2026-12-11|open|send the report\n"
#define REACH                                                                                  \
  "reach-out|custom|Tom\xC3\xA1s Ruiz|2026-12-14|open|reach out to Tom\xC3\xA1s Ruiz "        \
  "(introduced by Priya Raman: runs their digital team)\n"
#define PROMISE                                                                                \
  "promise|update|Priya Raman|2027-01-06|open|promised on the call of 2026-12-07: I will let " \
  "you know how it goes\n"

static void test_call_plan(void) {
  fx_open_fresh(&db, "plan.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "scheduled");
  int64_t conv = hold_call(priya, CALL, 20, priya_lines);
  /* at once: two actions, the reach-out on the new contact, the update */
  CHECK_PLAN(ACTION1 ACTION2 REACH PROMISE);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin IS NOT NULL AND "
                          "(auto <> 1 OR note_id IS NULL OR conversation_id IS NULL)"),
            0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE kind = 'thank-you'"), 1);
  /* read back as follow-ups, they say where they come from */
  struct rp_followup_list open = {0};
  CHECK_INT(followup_list_open(db, priya, &open, &err), RP_OK);
  CHECK_INT(open.n, 4);
  if (open.n == 4) {
    CHECK(open.v[0].origin == NULL); /* the thank-you */
    CHECK_STR(open.v[1].origin, "action");
    CHECK_STR(open.v[1].kind, "custom");
    CHECK_STR(open.v[3].origin, "promise");
    CHECK_STR(open.v[3].kind, "update");
  }
  followup_list_free(&open);
  /* the introducer's thanks wait for a conversation with Tomás */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'introducer-thanks'"),
            0);

  /* ending again (a call resumed and ended) or planning again adds nothing */
  fx_execf(db, "UPDATE conversation SET status = 'live' WHERE id = %lld", (long long)conv);
  fx_set_now(CALL + 25 * MIN);
  CHECK_INT(conv_end(db, &cfg, conv, &err), RP_OK);
  CHECK_INT(plan_sync(db, &cfg, conv, &err), RP_OK);
  CHECK_PLAN(ACTION1 ACTION2 REACH PROMISE);

  /* a corrected line: its open action follows it (the new date too) */
  int64_t n2 = note_id(conv, "send the report by friday");
  CHECK_INT(note_update(db, &cfg, n2, "+ send the short report by thursday", &err), RP_OK);
  CHECK_PLAN(ACTION1
             "action|custom|Priya Raman|2026-12-10|open|send the short report\n" REACH PROMISE);
  /* a line that is no longer an action: its open action goes */
  CHECK_INT(note_update(db, &cfg, n2, "sent the report already", &err), RP_OK);
  CHECK_PLAN(ACTION1 REACH PROMISE);
  /* a done action stays when its line goes; an open one goes with it */
  int64_t n1 = note_id(conv, "Build a portfolio of 3 field stories");
  long long a1 = fx_scalar(db, "SELECT id FROM followup WHERE origin = 'action'");
  CHECK_INT(followup_mark(db, &cfg, a1, "done", &err), RP_OK);
  CHECK_INT(note_update(db, &cfg, n1, "a plain line now", &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'action'"), 1);
  CHECK_INT(note_update(db, &cfg, n1, "+ Build a portfolio of 3 field stories", &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'action'"), 1);
  fx_execf(db, "UPDATE conversation SET status = 'live' WHERE id = %lld", (long long)conv);
  CHECK_INT(note_add(db, &cfg, conv, "+ ask Ana for the slides tomorrow", NULL, &err), RP_OK);
  CHECK_INT(conv_end(db, &cfg, conv, &err), RP_OK);
  int64_t n3 = note_id(conv, "ask Ana for the slides tomorrow");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'action' AND "
                          "status = 'open' AND note = 'ask Ana for the slides'"),
            1);
  CHECK_INT(note_delete(db, n3, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'action' AND "
                          "status = 'open'"),
            0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'action'"), 1);
  /* the promise stays one */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'promise'"), 1);
}

static void test_introducer_thanks(void) {
  fx_open_fresh(&db, "intro.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "scheduled");
  int64_t priya_call = hold_call(priya, CALL, 20, priya_lines);
  long long tomas = fx_scalar(db, "SELECT id FROM contact WHERE name = 'Tom\xC3\xA1s Ruiz'");
  CHECK(tomas > 0);
  CHECK_INT(fx_scalar(db, "SELECT introduced_by FROM contact WHERE name = 'Tom\xC3\xA1s Ruiz'"),
            priya);
  /* a conversation planned with Tomás is not enough */
  int64_t planned = 0;
  CHECK_INT(conv_prepare(db, &cfg, tomas, &planned, &err), RP_OK);
  CHECK_INT(plan_sync(db, &cfg, priya_call, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'introducer-thanks'"),
            0);
  /* held: Priya is owed thanks, and the reach-out is done */
  static const char *const tomas_lines[] = {"! they use volunteers for field stories", NULL};
  hold_call(tomas, CALL + 3 * DAY, 30, tomas_lines);
  FX_CHECK_SQL(db,
               "SELECT c.name || '|' || f.due || '|' || f.status || '|' || f.note || '|' || "
               "f.conversation_id FROM followup f JOIN contact c ON c.id = f.contact_id "
               "WHERE f.origin = 'introducer-thanks'",
               "Priya Raman|2026-12-11|open|thank Priya for the introduction to Tom\xC3\xA1s|1");
  FX_CHECK_SQL(db, "SELECT status FROM followup WHERE origin = 'reach-out'", "done");
  /* again: still one */
  CHECK_INT(plan_sync(db, &cfg, priya_call, &err), RP_OK);
  fx_execf(db, "UPDATE conversation SET status = 'live' WHERE contact_id = %lld", tomas);
  CHECK_INT(conv_end(db, &cfg, planned, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'introducer-thanks'"),
            1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'reach-out'"), 1);

  /* Today: the actions and the introductions, each in its section */
  struct rp_agenda a;
  fx_set_now(CALL + 3 * DAY + 3600);
  CHECK_INT(agenda_compute(db, &cfg, "2026-12-10", 7, &a, &err), RP_OK);
  int actions = 0, intro = 0;
  for (size_t i = 0; i < a.n; i++) {
    if (a.v[i].section == AG_ACTIONS) {
      actions++;
      CHECK_STR(a.v[i].kind, "action");
    }
    if (a.v[i].section == AG_INTRODUCTIONS) {
      intro++;
      CHECK_STR(a.v[i].kind, "introducer-thanks");
      CHECK_STR(a.v[i].why, "thank Priya for the introduction to Tom\xC3\xA1s \xC2\xB7 due tomorrow");
    }
  }
  CHECK_INT(actions, 2);
  CHECK_INT(intro, 1);
  agenda_free(&a);
}

static void test_agenda_at_once(void) {
  fx_open_fresh(&db, "agenda.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "scheduled");
  hold_call(priya, CALL, 20, priya_lines);
  struct rp_agenda a;
  CHECK_INT(agenda_compute(db, &cfg, "2026-12-07", 7, &a, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < a.n; i++)
    buf_addf(&b, "%s|%s|%s|%s|%s\n", rp_agenda_section_keys[a.v[i].section],
             a.v[i].contact_name, a.v[i].kind, a.v[i].date, a.v[i].why);
  CHECK_STR(buf_str(&b),
            "thanks|Priya Raman|thank-you|2026-12-08|thank-you for the call on 2026-12-07 "
            "\xC2\xB7 due tomorrow\n"
            "actions|Priya Raman|action|2026-12-11|send the report \xC2\xB7 from the call on "
            "2026-12-07 \xC2\xB7 due in 4 days\n"
            "actions|Priya Raman|action|2026-12-14|Build a portfolio of 3 field stories "
            "\xC2\xB7 from the call on 2026-12-07 \xC2\xB7 due in 7 days\n"
            "introductions|Tom\xC3\xA1s Ruiz|reach-out|2026-12-14|reach out to Tom\xC3\xA1s Ruiz "
            "(introduced by Priya Raman: runs their digital team) \xC2\xB7 due in 7 days\n");
  buf_free(&b);
  agenda_free(&a);
  /* 60 days ahead: the update at its date too */
  CHECK_INT(agenda_compute(db, &cfg, "2026-12-07", 60, &a, &err), RP_OK);
  bool update = false;
  for (size_t i = 0; i < a.n; i++)
    if (a.v[i].section == AG_WEEK && strcmp(a.v[i].kind, "update") == 0) {
      update = true;
      CHECK_STR(a.v[i].date, "2027-01-06");
      CHECK_STR(a.v[i].why, "share an update: promised on the call of 2026-12-07: I will let "
                            "you know how it goes \xC2\xB7 due in 30 days");
    }
  CHECK(update);
  agenda_free(&a);
  /* a snoozed action waits for its day, as other follow-ups do */
  long long id = fx_scalar(db, "SELECT id FROM followup WHERE origin = 'action' ORDER BY due");
  CHECK_INT(followup_snooze(db, id, 1, &err), RP_OK);
  CHECK_INT(agenda_compute(db, &cfg, "2026-12-07", 7, &a, &err), RP_OK);
  int actions = 0;
  for (size_t i = 0; i < a.n; i++) actions += a.v[i].section == AG_ACTIONS;
  CHECK_INT(actions, 1);
  agenda_free(&a);
}

static void test_outcome_closes_promise(void) {
  fx_open_fresh(&db, "outcome.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "scheduled");
  int64_t bo = fx_add_contact(db, &cfg, "Bo Chen", "scheduled");
  hold_call(priya, CALL, 20, priya_lines);
  static const char *const bo_lines[] = {"I will keep you posted", NULL};
  hold_call(bo, CALL + DAY, 20, bo_lines);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'promise' AND "
                          "status = 'open'"),
            2);
  /* the outcome is about Bo: Priya is told too, as she was promised */
  fx_set_now(CALL + 10 * DAY);
  int64_t id = 0;
  struct rp_helper_list h = {0};
  CHECK_INT(outcome_add(db, "I got the role", NULL, &bo, 1, &id, &h, &err), RP_OK);
  CHECK_INT(h.n, 2);
  if (h.n == 2) {
    CHECK_STR(h.v[0].name, "Bo Chen");
    CHECK_STR(h.v[0].why, "you met them about it");
    CHECK_STR(h.v[1].name, "Priya Raman");
    CHECK_STR(h.v[1].why, "you promised to let them know");
  }
  helper_list_free(&h);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE kind = 'success'"), 2);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'promise' AND "
                          "status = 'skipped'"),
            2);
  /* ending a call again does not bring the update back */
  long long conv = fx_scalar(db, "SELECT id FROM conversation WHERE contact_id = 1");
  CHECK_INT(plan_sync(db, &cfg, conv, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'promise'"), 2);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE origin = 'promise' AND "
                          "status = 'open'"),
            0);
  (void)priya;
}

int main(void) {
  config_defaults(&cfg);
  test_action_lines();
  test_call_plan();
  test_introducer_thanks();
  test_agenda_at_once();
  test_outcome_closes_promise();
  if (db) db_close(db);
  config_free(&cfg);
  return check_done("test_plan");
}
