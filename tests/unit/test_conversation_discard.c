/* test_conversation_discard.c — a stray call discarded leaves nothing: no
 * conversation (or, when it had been prepared, the planned one as it was),
 * no thank-you owed, gaps it answered open again, the contact's stage as
 * before the call; one with notes only with force; live, planned and
 * unknown conversations refused. And the length of a call to the second
 * ("planned 20 min, took 1:20", never "1 min"). Fresh journal per test, a
 * config built by hand, a fixed clock. */
#include <locale.h>

#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/question.h"

#define T0 1795000000LL /* 2026-11-18 08:26:40 UTC */

static struct rp_config cfg;
static struct rp_db *db;

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(T0);
}

/* A call with `contact` (prepared first when `objective` is not NULL),
 * started at T0 and ended `seconds` later; returns its id. */
static int64_t call(int64_t contact, const char *objective, int seconds) {
  struct rp_err err;
  int64_t id = 0;
  fx_set_now(T0);
  CHECK_INT(conv_prepare(db, &cfg, contact, &id, &err), RP_OK);
  if (objective) {
    struct rp_conversation c;
    CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
    str_replace(&c.objective, objective);
    CHECK_INT(conv_update(db, &cfg, &c, &err), RP_OK);
    conv_free(&c);
  }
  CHECK_INT(conv_start(db, id, &err), RP_OK);
  fx_set_now(T0 + seconds);
  CHECK_INT(conv_end(db, &cfg, id, &err), RP_OK);
  return id;
}

/* Contact `id`'s stage; caller frees. */
static char *stage_of(int64_t id) {
  char *sql = xasprintf("SELECT stage FROM contact WHERE id = %lld", (long long)id);
  char *st = fx_text(db, sql);
  free(sql);
  return st;
}

/* A stray call, ended after 10 seconds with nothing noted: discarding it
 * leaves no conversation, no thank-you, and the stage as it was. */
static void test_stray_call(void) {
  open_fresh("stray.db");
  struct rp_err err;
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "giving");
  int64_t id = call(ana, NULL, 10);
  char *st = stage_of(ana);
  CHECK_STR(st, "met"); /* what the end did */
  free(st);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup"), 1); /* the thank-you */
  bool replanned = true;
  CHECK_INT(conv_discard(db, id, false, &replanned, &err), RP_OK);
  CHECK(!replanned);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup"), 0);
  st = stage_of(ana);
  CHECK_STR(st, "giving");
  free(st);
  /* a second discard: there is nothing left */
  CHECK_INT(conv_discard(db, id, false, &replanned, &err), RP_NO);
}

/* A prepared conversation (objective, questions) goes back to planned with
 * its questions not asked; an answered gap is open again. */
static void test_prepared_call(void) {
  open_fresh("prepared.db");
  struct rp_err err;
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "asked");
  int64_t cid = 0;
  CHECK_INT(conv_prepare(db, &cfg, ana, &cid, &err), RP_OK);
  struct rp_question q = {0};
  q.conversation_id = cid;
  q.text = xstrdup("What does a typical week look like?");
  CHECK_INT(question_add(db, &q, &err), RP_OK);
  CHECK_INT(question_set_asked(db, q.id, true, &err), RP_OK);
  question_free(&q);
  int64_t id = call(ana, "How she moved into payments", 45);
  CHECK_INT(id, cid);
  fx_execf(db,
           "INSERT INTO ws_item (section, title, flag, ref, position, created_at, updated_at) "
           "VALUES ('gap', 'How do teams hire juniors?', 1, %lld, 0, 1, 1)",
           (long long)id);
  bool replanned = false;
  CHECK_INT(conv_discard(db, id, false, &replanned, &err), RP_OK);
  CHECK(replanned);
  struct rp_conversation c;
  CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
  CHECK_STR(c.status, "planned");
  CHECK_STR(c.objective, "How she moved into payments");
  CHECK_INT(c.started_at, 0);
  CHECK_INT(c.ended_at, 0);
  conv_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM question WHERE asked_at IS NOT NULL"), 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM question"), 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM followup"), 0);
  CHECK_INT(fx_scalar(db, "SELECT flag + coalesce(ref, 0) FROM ws_item"), 0);
  char *st = stage_of(ana);
  CHECK_STR(st, "asked");
  free(st);
  /* planned again: it can be started, and discarded only once held */
  CHECK_INT(conv_discard(db, id, false, &replanned, &err), RP_INVALID);
  CHECK_STR(err.field, "status");
}

/* Notes are only thrown away with force; another held conversation keeps
 * the stage "met"; a live call is refused. */
static void test_refusals(void) {
  open_fresh("refuse.db");
  struct rp_err err;
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "giving");
  int64_t first = call(ana, NULL, 600);
  int64_t id = call(ana, NULL, 30);
  CHECK(first != id);
  fx_set_now(T0 + 40);
  fx_execf(db,
           "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
           "VALUES (%lld, 5, 'insight', 'they hire in spring', 1, 1)",
           (long long)id);
  bool replanned;
  CHECK_INT(conv_discard(db, id, false, &replanned, &err), RP_INVALID);
  CHECK_STR(err.field, "notes");
  CHECK(strstr(err.msg, "has 1 note;") != NULL);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), 2);
  CHECK_INT(conv_discard(db, id, true, &replanned, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM note"), 0);
  char *st = stage_of(ana);
  CHECK_STR(st, "met"); /* the first call was held */
  free(st);

  int64_t live = 0;
  CHECK_INT(conv_prepare(db, &cfg, ana, &live, &err), RP_OK);
  CHECK_INT(conv_discard(db, live, false, &replanned, &err), RP_INVALID); /* planned */
  CHECK(strstr(err.msg, "never held") != NULL);
  CHECK_INT(conv_start(db, live, &err), RP_OK);
  CHECK_INT(conv_discard(db, live, false, &replanned, &err), RP_INVALID);
  CHECK(strstr(err.msg, "end it first") != NULL);
  CHECK_INT(conv_discard(db, 999, false, &replanned, &err), RP_NO);
}

/* The real length to the second, against the plan. */
static void test_length_text(void) {
  open_fresh("length.db");
  struct rp_err err;
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "giving");
  int64_t id = call(ana, NULL, 80);
  struct rp_conversation c;
  CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
  CHECK_INT(conv_seconds(&c), 80);
  char *t = conv_length_text(&c);
  CHECK_STR(t, "planned 25 min, took 1:20");
  free(t);
  c.ended_at = c.started_at + 21 * 60 + 20;
  t = conv_length_text(&c);
  CHECK_STR(t, "planned 25 min, took 21:20");
  free(t);
  c.ended_at = c.started_at + 3600 + 65;
  t = conv_length_text(&c);
  CHECK_STR(t, "planned 25 min, took 1:01:05");
  free(t);
  c.ended_at = 0;
  t = conv_length_text(&c);
  CHECK_STR(t, "planned 25 min");
  free(t);
  CHECK_INT(conv_seconds(&c), 0);
  conv_free(&c);
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("TZ", "UTC", 1);
  fx_pipeline(&cfg);
  cfg.call_minutes = 25;
  test_stray_call();
  test_prepared_call();
  test_refusals();
  test_length_text();
  if (db) db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_conversation_discard");
}
