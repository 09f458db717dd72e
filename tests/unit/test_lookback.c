/* test_lookback.c — looking back on conversations: answers to information
 * gaps with where they came from (who, which conversation, the day), how
 * edits and marking open treat them, and reads; the fresh journal per test,
 * a config built by hand and a fixed clock. */
#include <locale.h>

#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/lookback.h"
#include "rapport/search.h"
#include "rapport/worksheet.h"

#define T0 1795000000LL /* 2026-11-18 08:26:40 UTC */
#define DAY 86400LL

static struct rp_config cfg;
static struct rp_db *db;

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(T0);
}

static int64_t add_gap(const char *question) {
  struct rp_ws_item it;
  ws_item_init(&it, WS_GAP);
  it.title = xstrdup(question);
  struct rp_err err;
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  int64_t id = it.id;
  ws_item_free(&it);
  return id;
}

/* A conversation with `contact`, started at `t` and ended 20 min later. */
static int64_t held_call(int64_t contact, int64_t t) {
  struct rp_err err;
  int64_t id = 0;
  fx_set_now(t);
  CHECK_INT(conv_prepare(db, &cfg, contact, &id, &err), RP_OK);
  CHECK_INT(conv_start(db, id, &err), RP_OK);
  fx_set_now(t + 20 * 60);
  CHECK_INT(conv_end(db, &cfg, id, &err), RP_OK);
  fx_set_now(T0);
  return id;
}

static void test_gap_answer(void) {
  open_fresh("gaps.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "asked");
  int64_t gap = add_gap("Which digital roles at charities are open to people without a "
                        "marketing background, and how do they hire for them?");
  int64_t other = add_gap("What does a week look like?");
  int64_t call = held_call(priya, T0 - 2 * DAY);

  /* answered from the conversation: the answer, who and the day of the call */
  CHECK_INT(ws_gap_answer(db, gap, "  Content and data roles; they hire from volunteers  ",
                          call, 0, &err),
            RP_OK);
  struct rp_ws_item it;
  CHECK_INT(ws_item_get(db, gap, &it, &err), RP_OK);
  CHECK(it.flag);
  CHECK_STR(it.text1, "Content and data roles; they hire from volunteers");
  CHECK_INT(it.ref, call);
  CHECK_INT(it.answered_by, priya);
  CHECK_STR(it.answered_by_name, "Priya Raman");
  CHECK_STR(it.answered_on, "2026-11-16");
  char *src = ws_gap_source(&it);
  CHECK_STR(src, "Priya Raman, 2026-11-16");
  free(src);
  /* the question is kept whole */
  CHECK(strstr(it.title, "how do they hire for them?") != NULL);

  /* an edit elsewhere (the worksheet form) keeps where the answer came from */
  free(it.text1);
  it.text1 = xstrdup("Content, data and product roles");
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  CHECK_INT(it.answered_by, priya);
  CHECK_STR(it.answered_on, "2026-11-16");
  CHECK_STR(it.text1, "Content, data and product roles");

  /* no answer text: the one written stays */
  CHECK_INT(ws_gap_answer(db, gap, "   ", call, 0, &err), RP_OK);
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, gap, &it, &err), RP_OK);
  CHECK_STR(it.text1, "Content, data and product roles");

  /* marked open again: who and when go, the question stays */
  it.flag = false;
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  CHECK_INT(it.answered_by, 0);
  CHECK(it.answered_on == NULL);
  CHECK(ws_gap_source(&it) == NULL);
  /* marked answered by hand: today, nobody named */
  it.flag = true;
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  CHECK_STR(it.answered_on, "2026-11-18");
  src = ws_gap_source(&it);
  CHECK_STR(src, "2026-11-18");
  free(src);
  ws_item_free(&it);

  /* answered by a person without a conversation: that person, today */
  CHECK_INT(ws_gap_answer(db, other, "Mostly meetings", 0, priya, &err), RP_OK);
  CHECK_INT(ws_item_get(db, other, &it, &err), RP_OK);
  CHECK_STR(it.answered_by_name, "Priya Raman");
  CHECK_STR(it.answered_on, "2026-11-18");
  CHECK_INT(it.ref, 0);
  ws_item_free(&it);

  /* errors: not a gap, an unknown gap, an unknown conversation */
  struct rp_ws_item sp;
  ws_item_init(&sp, WS_SUPERPOWER);
  sp.title = xstrdup("Writing");
  CHECK_INT(ws_item_insert(db, &sp, &err), RP_OK);
  CHECK_INT(ws_gap_answer(db, sp.id, "x", call, 0, &err), RP_INVALID);
  ws_item_free(&sp);
  CHECK_INT(ws_gap_answer(db, 999, "x", call, 0, &err), RP_NO);
  CHECK_INT(ws_gap_answer(db, other, "x", 999, 0, &err), RP_NO);
  CHECK_INT(ws_item_get(db, other, &it, &err), RP_OK);
  CHECK_STR(it.text1, "Mostly meetings"); /* nothing written */
  ws_item_free(&it);

  /* the person is deleted for good: the answer stays, its source goes */
  fx_exec(db, "DELETE FROM contact WHERE name = 'Priya Raman'");
  CHECK_INT(ws_item_get(db, other, &it, &err), RP_OK);
  CHECK_INT(it.answered_by, 0);
  CHECK_STR(it.text1, "Mostly meetings");
  ws_item_free(&it);
}

/* An ended call reopened for correction: notes editable again, its length
 * kept, ending it again updates the same conversation and owes no second
 * thank-you; a sent thank-you stays sent and the stage where it is. */
static void test_resume(void) {
  open_fresh("resume.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "asked");
  int64_t call = held_call(priya, T0 - 2 * DAY);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE kind = 'thank-you'"), 1);
  int64_t thanks = fx_scalar(db, "SELECT id FROM followup WHERE kind = 'thank-you'");
  CHECK_INT(followup_mark(db, &cfg, thanks, "sent", &err), RP_OK);
  char *stage = fx_stage_of(db, priya);
  CHECK_STR(stage, "thanked");
  free(stage);

  /* only an ended call reopens */
  int64_t planned = 0;
  fx_set_now(T0);
  CHECK_INT(conv_prepare(db, &cfg, priya, &planned, &err), RP_OK);
  CHECK(planned != call);
  CHECK_INT(conv_reopen(db, planned, &err), RP_INVALID);
  CHECK_INT(conv_reopen(db, 999, &err), RP_NO);

  CHECK_INT(conv_reopen(db, call, &err), RP_OK);
  struct rp_conversation c;
  CHECK_INT(conv_get(db, call, &c, &err), RP_OK);
  CHECK_STR(c.status, "live");
  CHECK_INT(c.started_at, T0 - 2 * DAY);
  CHECK_INT(c.ended_at, T0 - 2 * DAY + 20 * 60); /* its real length stays */
  conv_free(&c);
  /* the Call screen finds it before the planned one, and starting it keeps
   * its times */
  int64_t cur = 0;
  CHECK_INT(conv_prepare(db, &cfg, priya, &cur, &err), RP_OK);
  CHECK_INT(cur, call);
  CHECK_INT(conv_start(db, call, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT ended_at - started_at FROM conversation WHERE id = 1"), 1200);
  /* a line added now sits at the end of the call, not two days later */
  struct rp_note n = {0};
  CHECK_INT(note_add(db, &cfg, call, "+ send Tomás the portfolio", &n, &err), RP_OK);
  CHECK_INT(n.offset, 1200);
  note_free(&n);

  fx_set_now(T0 + 600);
  CHECK_INT(conv_end(db, &cfg, call, &err), RP_OK);
  CHECK_INT(conv_get(db, call, &c, &err), RP_OK);
  CHECK_STR(c.status, "held");
  CHECK_INT(c.ended_at, T0 - 2 * DAY + 20 * 60);
  conv_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), 2);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE kind = 'thank-you'"), 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE status = 'sent'"), 1);
  stage = fx_stage_of(db, priya);
  CHECK_STR(stage, "thanked");
  free(stage);

  /* reopened, then the process dies: it ends at its own end again */
  CHECK_INT(conv_reopen(db, call, &err), RP_OK);
  fx_exec(db, "UPDATE conversation SET status = 'interrupted' WHERE id = 1");
  CHECK_INT(conv_end(db, &cfg, call, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT ended_at - started_at FROM conversation WHERE id = 1"), 1200);
  /* a new call is not touched by any of this */
  CHECK_INT(conv_start(db, planned, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT ended_at IS NULL FROM conversation WHERE id = 2"), 1);
  fx_set_now(T0 + 900);
  CHECK_INT(conv_end(db, &cfg, planned, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT ended_at - started_at FROM conversation WHERE id = 2"), 300);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup WHERE kind = 'thank-you'"), 2);
}

/* The hit's conversation for `query` (the first hit of `kind`); -1 when
 * there is none. */
static long long hit_conv(const char *query, enum rp_hit_kind kind, const char *where) {
  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, query, 20, &l, &err), RP_OK);
  long long got = -1;
  for (size_t i = 0; i < l.n && got < 0; i++)
    if (l.v[i].kind == kind && (!where || (l.v[i].where && strcmp(l.v[i].where, where) == 0)))
      got = l.v[i].conversation_id;
  hit_list_free(&l);
  return got;
}

/* Search results carry the conversation of a note, a question, an
 * objective or wrap-up note and a thank-you, so Enter can open it. */
static void test_search_conversation(void) {
  open_fresh("search.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "asked");
  int64_t first = held_call(priya, T0 - 9 * DAY);
  int64_t call = 0;
  fx_set_now(T0 - DAY);
  CHECK_INT(conv_prepare(db, &cfg, priya, &call, &err), RP_OK);
  CHECK(call != first);
  fx_execf(db, "UPDATE conversation SET objective = 'learn about fundraising' WHERE id = %lld",
           (long long)call);
  fx_execf(db,
           "INSERT INTO question (conversation_id, position, text, created_at) "
           "VALUES (%lld, 1, 'How do trustees decide?', 1)",
           (long long)call);
  CHECK_INT(conv_start(db, call, &err), RP_OK);
  CHECK_INT(note_add(db, &cfg, call, "! volunteers become staff", NULL, &err), RP_OK);
  CHECK_INT(conv_end(db, &cfg, call, &err), RP_OK);
  fx_execf(db, "UPDATE conversation SET fit_note1 = 'the pace suits me' WHERE id = %lld",
           (long long)call);
  fx_execf(db, "UPDATE followup SET draft = 'Thanks for the tour of the warehouse' "
               "WHERE conversation_id = %lld",
           (long long)call);
  fx_set_now(T0);
  CHECK_INT(hit_conv("volunteers", HIT_NOTE, NULL), call);
  CHECK_INT(hit_conv("trustees", HIT_DRAFT, "question"), call);
  CHECK_INT(hit_conv("fundraising", HIT_DRAFT, "objective"), call);
  CHECK_INT(hit_conv("pace", HIT_DRAFT, "objective"), call);
  CHECK_INT(hit_conv("warehouse", HIT_DRAFT, "followup"), call);
  CHECK_INT(hit_conv("Priya", HIT_CONTACT, NULL), 0);
}

/* A contact's conversations with their counts, length and thank-you. */
static void test_lookback_list(void) {
  open_fresh("list.db");
  struct rp_err err;
  int64_t priya = fx_add_contact(db, &cfg, "Priya Raman", "asked");
  int64_t gap = add_gap("What does a week look like?");
  int64_t call = 0;
  fx_set_now(T0 - DAY);
  CHECK_INT(conv_prepare(db, &cfg, priya, &call, &err), RP_OK);
  fx_execf(db,
           "INSERT INTO question (conversation_id, position, text, created_at) "
           "VALUES (%lld, 1, 'How do trustees decide?', 1), (%lld, 2, 'Who else?', 1)",
           (long long)call, (long long)call);
  CHECK_INT(conv_start(db, call, &err), RP_OK);
  CHECK_INT(note_add(db, &cfg, call, "! volunteers become staff", NULL, &err), RP_OK);
  CHECK_INT(note_add(db, &cfg, call, "+ send the portfolio", NULL, &err), RP_OK);
  fx_exec(db, "UPDATE question SET asked_at = 5 WHERE position = 1");
  fx_set_now(T0 - DAY + 21 * 60 + 15); /* 1:15 over the 20 minutes */
  CHECK_INT(conv_end(db, &cfg, call, &err), RP_OK);
  fx_exec(db, "UPDATE conversation SET fit1 = 4, fit3 = 5");
  CHECK_INT(ws_gap_answer(db, gap, "Mostly meetings", call, 0, &err), RP_OK);
  int64_t planned = 0;
  fx_set_now(T0);
  CHECK_INT(conv_prepare(db, &cfg, priya, &planned, &err), RP_OK);

  struct rp_lookback_list l;
  CHECK_INT(lookback_list(db, priya, &l, &err), RP_OK);
  CHECK_INT(l.n, 2);
  if (l.n == 2) {
    const struct rp_lookback *held = l.v[0].conv.id == call ? &l.v[0] : &l.v[1];
    const struct rp_lookback *next = held == &l.v[0] ? &l.v[1] : &l.v[0];
    CHECK_INT(held->notes, 2);
    CHECK_INT(held->questions, 2);
    CHECK_INT(held->asked, 1);
    CHECK_INT(held->scored, 2);
    CHECK_INT(held->gaps, 1);
    CHECK(held->thanks_id != 0);
    char *t = lookback_thanks(held);
    CHECK_STR(t, "thank-you owed (due 2026-11-17)");
    free(t);
    t = lookback_length(&held->conv);
    CHECK_STR(t, "20 min planned \xC2\xB7 took 21:15, 1:15 over");
    free(t);
    t = lookback_length(&next->conv);
    CHECK_STR(t, "20 min planned");
    free(t);
    t = lookback_thanks(next);
    CHECK_STR(t, "no thank-you");
    free(t);
    CHECK_INT(next->notes, 0);
  }
  lookback_list_free(&l);
  struct rp_ws_list gaps;
  CHECK_INT(ws_gaps_answered_in(db, call, &gaps, &err), RP_OK);
  CHECK_INT(gaps.n, 1);
  ws_list_free(&gaps);
  CHECK_INT(followup_mark(db, &cfg, fx_scalar(db, "SELECT id FROM followup"), "sent", &err), RP_OK);
  CHECK_INT(lookback_list(db, priya, &l, &err), RP_OK);
  for (size_t i = 0; i < l.n; i++)
    if (l.v[i].conv.id == call) {
      char *t = lookback_thanks(&l.v[i]);
      CHECK_STR(t, "thank-you sent");
      free(t);
    }
  lookback_list_free(&l);
}

int main(void) {
  setlocale(LC_ALL, "");
  fx_pipeline(&cfg);
  cfg.call_minutes = 20;
  test_gap_answer();
  test_resume();
  test_search_conversation();
  test_lookback_list();
  if (db) db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_lookback");
}
