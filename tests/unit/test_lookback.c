/* test_lookback.c — looking back on conversations: answers to information
 * gaps with where they came from (who, which conversation, the day), how
 * edits and marking open treat them, and reads; the fresh journal per test,
 * a config built by hand and a fixed clock. */
#include <locale.h>

#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
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

int main(void) {
  setlocale(LC_ALL, "");
  fx_pipeline(&cfg);
  cfg.call_minutes = 20;
  test_gap_answer();
  if (db) db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_lookback");
}
