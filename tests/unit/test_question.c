/* test_question.c — the questions of a conversation: add, edit, move and
 * delete with renumbering, from the bank (text, category and flags copied),
 * from a worksheet gap (once only), marking asked; and the warnings: each
 * check by flag and by phrase, on and off, my own questions, checks that
 * apply only at some seniority levels, the ask check's job-request phrases
 * reported once, and clean questions with no warning. Conversations are
 * made with plain SQL. */
#include "fixture.h"
#include "rapport/question.h"
#include "rapport/worksheet.h"

static struct rp_config cfg;
static struct rp_db *db;

/* A contact and two planned conversations (ids 1 and 2). */
static void setup(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(1795000000);
  fx_exec(db, "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
              "VALUES (1, 'Priya Shah', 'warm', 'scheduled', 0, 0)");
  fx_exec(db, "INSERT INTO conversation (id, contact_id, minutes, status, created_at, updated_at) "
              "VALUES (1, 1, 20, 'planned', 0, 0), (2, 1, 20, 'planned', 0, 0)");
}

static int64_t add(int64_t conv, const char *text) {
  struct rp_question q = {0};
  q.conversation_id = conv;
  q.text = xstrdup(text);
  struct rp_err err;
  CHECK_INT(question_add(db, &q, &err), RP_OK);
  int64_t id = q.id;
  question_free(&q);
  return id;
}

/* The texts of conversation conv in order, joined with "|". */
static char *order(int64_t conv) {
  struct rp_question_list l;
  struct rp_err err;
  CHECK_INT(question_list(db, conv, &l, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < l.n; i++) {
    CHECK_INT(l.v[i].position, (int)i + 1);
    buf_addf(&b, "%s%s", i ? "|" : "", l.v[i].text);
  }
  question_list_free(&l);
  return buf_steal(&b);
}

#define CHECK_ORDER(conv, want) \
  do {                          \
    char *o_ = order(conv);     \
    CHECK_STR(o_, want);        \
    free(o_);                   \
  } while (0)

static void test_add_move_delete(void) {
  setup("moves.db");
  struct rp_err err;
  struct rp_question q = {0};
  q.conversation_id = 1;
  q.text = xstrdup("  What does a typical week look like?  ");
  CHECK_INT(question_add(db, &q, &err), RP_OK);
  CHECK(q.id > 0);
  CHECK_INT(q.position, 1);
  CHECK_STR(q.text, "What does a typical week look like?"); /* trimmed */
  CHECK_INT(q.created_at, 1795000000);
  question_free(&q);

  /* empty text, unknown conversation */
  q.conversation_id = 1;
  q.text = xstrdup("   ");
  CHECK_INT(question_add(db, &q, &err), RP_INVALID);
  CHECK_STR(err.field, "text");
  CHECK_INT(q.id, 0);
  question_free(&q);
  q.conversation_id = 1;
  CHECK_INT(question_add(db, &q, &err), RP_INVALID); /* NULL text */
  CHECK_STR(err.field, "text");
  question_free(&q);
  q.conversation_id = 99;
  q.text = xstrdup("Who else?");
  CHECK_INT(question_add(db, &q, &err), RP_INVALID);
  CHECK_STR(err.field, "conversation");
  question_free(&q);

  int64_t b = add(1, "B"), c = add(1, "C"), d = add(1, "D");
  int64_t other = add(2, "other");
  CHECK_ORDER(1, "What does a typical week look like?|B|C|D");
  CHECK_ORDER(2, "other"); /* each conversation numbers its own */

  CHECK_INT(question_update_text(db, b, " B2 ", &err), RP_OK);
  CHECK_INT(question_update_text(db, b, "", &err), RP_INVALID);
  CHECK_STR(err.field, "text");
  CHECK_INT(question_update_text(db, 999, "x", &err), RP_NO);
  CHECK_ORDER(1, "What does a typical week look like?|B2|C|D");

  /* moving: up, down, past either end stops there */
  CHECK_INT(question_move(db, d, -1, &err), RP_OK);
  CHECK_ORDER(1, "What does a typical week look like?|B2|D|C");
  CHECK_INT(question_move(db, d, -10, &err), RP_OK);
  CHECK_ORDER(1, "D|What does a typical week look like?|B2|C");
  CHECK_INT(question_move(db, d, 2, &err), RP_OK);
  CHECK_ORDER(1, "What does a typical week look like?|B2|D|C");
  CHECK_INT(question_move(db, b, 99, &err), RP_OK);
  CHECK_ORDER(1, "What does a typical week look like?|D|C|B2");
  CHECK_INT(question_move(db, c, 0, &err), RP_OK);
  CHECK_ORDER(1, "What does a typical week look like?|D|C|B2");
  CHECK_INT(question_move(db, 999, 1, &err), RP_NO);
  CHECK_ORDER(2, "other");

  /* delete renumbers what follows */
  CHECK_INT(question_delete(db, d, &err), RP_OK);
  CHECK_ORDER(1, "What does a typical week look like?|C|B2");
  CHECK_INT(question_delete(db, d, &err), RP_NO);
  int64_t e = add(1, "E"); /* new ones go to the end */
  CHECK_ORDER(1, "What does a typical week look like?|C|B2|E");
  struct rp_question_list l;
  CHECK_INT(question_list(db, 1, &l, &err), RP_OK);
  CHECK_INT(l.n, 4);
  if (l.n == 4) {
    CHECK(l.v[3].id == e);
    CHECK_INT(l.v[3].position, 4);
    CHECK(l.v[3].category == NULL);
    CHECK_INT(l.v[3].flags.n, 0);
    CHECK_INT(l.v[3].gap_id, 0);
    CHECK_INT(l.v[3].asked_at, 0);
  }
  question_list_free(&l);

  /* a gap in the positions (an older journal) heals on the next move */
  fx_exec(db, "UPDATE question SET position = position * 10 WHERE conversation_id = 1");
  CHECK_INT(question_move(db, e, -1, &err), RP_OK);
  CHECK_ORDER(1, "What does a typical week look like?|C|E|B2");

  /* asked */
  CHECK_INT(question_set_asked(db, c, true, &err), RP_OK);
  CHECK_INT(question_list(db, 1, &l, &err), RP_OK);
  CHECK_INT(l.v[1].asked_at, 1795000000);
  CHECK_INT(l.v[0].asked_at, 0);
  question_list_free(&l);
  CHECK_INT(question_set_asked(db, c, false, &err), RP_OK);
  CHECK_INT(question_list(db, 1, &l, &err), RP_OK);
  CHECK_INT(l.v[1].asked_at, 0);
  question_list_free(&l);
  CHECK_INT(question_set_asked(db, 999, true, &err), RP_NO);

  /* deleting the conversation deletes its questions */
  fx_exec(db, "DELETE FROM conversation WHERE id = 2");
  CHECK_ORDER(2, "");
  (void)other;
}

static void test_bank_and_gaps(void) {
  setup("bank.db");
  struct rp_err err;
  int64_t id = 0;
  /* the-work's last question is flagged "basic" in the shipped bank */
  const struct rp_bank_category *work = &cfg.bank[0];
  size_t last = work->n_questions - 1;
  CHECK_INT(question_add_from_bank(db, &cfg, 1, "the-work", last, &id, &err), RP_OK);
  CHECK(id > 0);
  CHECK_INT(question_add_from_bank(db, &cfg, 1, "advice", 0, &id, &err), RP_OK);
  CHECK_INT(question_add_from_bank(db, &cfg, 1, "nope", 0, &id, &err), RP_INVALID);
  CHECK_STR(err.field, "category");
  CHECK(strstr(err.msg, "the-work, the-field, the-organisation, their-path, advice") != NULL);
  CHECK_INT(id, 0);
  CHECK_INT(question_add_from_bank(db, &cfg, 1, "advice", 99, &id, &err), RP_INVALID);
  CHECK_STR(err.field, "index");
  CHECK_INT(question_add_from_bank(db, &cfg, 99, "advice", 0, &id, &err), RP_INVALID);
  CHECK_STR(err.field, "conversation");
  struct rp_question_list l;
  CHECK_INT(question_list(db, 1, &l, &err), RP_OK);
  CHECK_INT(l.n, 2);
  if (l.n == 2) {
    CHECK_STR(l.v[0].text, work->questions[last].text);
    CHECK_STR(l.v[0].category, "the-work");
    CHECK_INT(l.v[0].flags.n, 1);
    if (l.v[0].flags.n) CHECK_STR(l.v[0].flags.v[0], "basic");
    CHECK_STR(l.v[1].text, "What skills would you advise me to build first?");
    CHECK_STR(l.v[1].category, "advice");
    CHECK_INT(l.v[1].flags.n, 0);
  }
  question_list_free(&l);

  /* a gap becomes a question once per conversation */
  struct rp_ws_item gap;
  ws_item_init(&gap, WS_GAP);
  gap.title = xstrdup("How do research teams hire juniors?");
  CHECK_INT(ws_item_insert(db, &gap, &err), RP_OK);
  struct rp_ws_item skill;
  ws_item_init(&skill, WS_SUPERPOWER);
  skill.title = xstrdup("Writing");
  CHECK_INT(ws_item_insert(db, &skill, &err), RP_OK);
  int64_t qid = 0, again = 0;
  CHECK_INT(question_add_from_gap(db, 1, gap.id, &qid, &err), RP_OK);
  CHECK(qid > 0);
  CHECK_INT(question_add_from_gap(db, 1, gap.id, &again, &err), RP_NO);
  CHECK(again == qid); /* the existing one */
  CHECK_INT(question_add_from_gap(db, 2, gap.id, &again, &err), RP_OK); /* another conversation */
  CHECK(again != qid);
  CHECK_INT(question_add_from_gap(db, 1, skill.id, &again, &err), RP_INVALID);
  CHECK_STR(err.field, "gap");
  CHECK_INT(question_add_from_gap(db, 1, 9999, &again, &err), RP_INVALID);
  CHECK_INT(question_list(db, 1, &l, &err), RP_OK);
  CHECK_INT(l.n, 3);
  if (l.n == 3) {
    CHECK_STR(l.v[2].text, "How do research teams hire juniors?");
    CHECK(l.v[2].gap_id == gap.id);
    CHECK_INT(l.v[2].position, 3);
    CHECK(l.v[2].category == NULL);
  }
  question_list_free(&l);
  ws_item_free(&gap);
  ws_item_free(&skill);
}

/* The warnings of a question with `text` and bank `flags` (comma-separated,
 * may be NULL) at `seniority`, joined with "|". */
static char *warn(const char *text, const char *flags, const char *seniority) {
  struct rp_question q = {0};
  q.text = xstrdup(text);
  for (const char *p = flags; p && *p;) {
    const char *e = strchr(p, ',');
    char *f = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
    strv_push(&q.flags, f);
    free(f);
    p = e ? e + 1 : NULL;
  }
  struct rp_strv out = {0};
  question_warnings(&cfg, &q, seniority, &out);
  strv_free(&q.flags);
  free(q.text);
  /* only the labels: the advice is the config's */
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < out.n; i++) {
    const char *colon = strstr(out.v[i], ": ");
    CHECK(colon != NULL && strlen(colon) > 10);
    buf_addf(&b, "%s%.*s", i ? "|" : "", colon ? (int)(colon - out.v[i]) : 0, out.v[i]);
  }
  strv_free(&out);
  return buf_steal(&b);
}

#define CHECK_WARN(text, flags, seniority, want) \
  do {                                           \
    char *w_ = warn(text, flags, seniority);     \
    CHECK_STR(w_, want);                         \
    free(w_);                                    \
  } while (0)

static void test_warnings(void) {
  /* clean questions: none */
  CHECK_WARN("What does a typical week look like for you?", NULL, "senior", "");
  CHECK_WARN("What do you wish you had known when you started?", NULL, NULL, "");
  CHECK_WARN("", NULL, "junior", "");
  /* every question of the shipped bank is clean for a junior person */
  for (size_t c = 0; c < cfg.n_bank; c++)
    for (size_t i = 0; i < cfg.bank[c].n_questions; i++) {
      struct rp_question q = {0};
      q.text = cfg.bank[c].questions[i].text;
      q.flags = cfg.bank[c].questions[i].flags;
      struct rp_strv out = {0};
      question_warnings(&cfg, &q, "junior", &out);
      if (out.n) fprintf(stderr, "bank question warns: %s: %s\n", q.text, out.v[0]);
      CHECK_INT(out.n, 0);
      strv_free(&out);
    }

  /* each check by flag: on with the flag, off without */
  CHECK_WARN("How are things?", "confidential", "mid", "confidential");
  CHECK_WARN("How are things?", "canned", "mid", "canned question");
  CHECK_WARN("How are things?", "job-ask", "mid", "job ask");
  CHECK_WARN("How are things?", "basic", "senior", "answer on their website");
  CHECK_WARN("How are things?", "confidential,canned", NULL, "confidential|canned question");
  CHECK_WARN("How are things?", "unknown-flag", "mid", "");

  /* my own questions, by phrase: whole words, any case, UTF-8 */
  CHECK_WARN("What is your SALARY range?", NULL, "mid", "confidential");
  CHECK_WARN("What's on the product roadmap?", NULL, NULL, "confidential");
  CHECK_WARN("What are your margins like?", NULL, NULL, "confidential");
  CHECK_WARN("Could you tell me about yourself?", NULL, NULL, "canned question");
  CHECK_WARN("So, what keeps you up at night?", NULL, NULL, "canned question");
  CHECK_WARN("Are you hiring at the moment?", NULL, NULL, "job ask");
  CHECK_WARN("Could you refer me to your recruiter?", NULL, NULL, "job ask");
  CHECK_WARN("Could I get a job at Acme?", NULL, NULL, "job ask");
  CHECK_WARN("Quel est le SECRET de l'équipe?", NULL, NULL, "confidential");
  /* not inside other words */
  CHECK_WARN("Which secretaries run the office?", NULL, NULL, "");
  CHECK_WARN("How did the marginsplit project go?", NULL, NULL, "");
  /* one warning per check, however many phrases match; several checks */
  CHECK_WARN("Tell me about yourself, and your salary and revenue?", "confidential", NULL,
             "confidential|canned question");
  /* the ask check's job-request phrases warn as the job ask, once */
  CHECK_WARN("Do you have any open positions?", NULL, "junior", "job ask");
  CHECK_WARN("Are you hiring? Any openings?", "job-ask", NULL, "job ask");
  CHECK_WARN("Could you   hire\nme?", NULL, NULL, "job ask");

  /* seniority-specific: "basic" only for senior and executive people */
  const char *basic = "What does your company do?";
  CHECK_WARN(basic, NULL, "senior", "answer on their website");
  CHECK_WARN(basic, NULL, "executive", "answer on their website");
  CHECK_WARN(basic, NULL, "mid", "");
  CHECK_WARN(basic, NULL, "junior", "");
  CHECK_WARN(basic, NULL, NULL, ""); /* unknown seniority: no level-specific warning */
  CHECK_WARN("WHAT DOES THE COMPANY DO", NULL, "executive", "answer on their website");
  CHECK_WARN("How was your week?", "basic", "junior", "");
  CHECK_WARN("What does your company do? Are you hiring?", NULL, "junior", "job ask");

  /* the full line is "label: advice"; warnings already in *out are kept once */
  struct rp_question q = {0};
  char salary[] = "What's your salary?";
  q.text = salary;
  struct rp_strv out = {0};
  question_warnings(&cfg, &q, NULL, &out);
  question_warnings(&cfg, &q, NULL, &out);
  CHECK_INT(out.n, 1);
  if (out.n) {
    char *want = xasprintf("confidential: %s", cfg.question_flags[0].advice);
    CHECK_STR(out.v[0], want);
    free(want);
  }
  strv_free(&out);

  /* without a job-ask check, the job-request category speaks for itself */
  struct rp_config c2 = {0};
  config_defaults(&c2);
  const char *text = "question_checks: []\nquestion_bank: []\n";
  struct rp_err err;
  CHECK_INT(config_parse(&c2, "t.yaml", text, strlen(text), &err), RP_OK);
  char hiring[] = "Are you hiring?";
  q.text = hiring;
  question_warnings(&c2, &q, NULL, &out);
  CHECK_INT(out.n, 1);
  if (out.n) CHECK(strncmp(out.v[0], "job request: ", 13) == 0);
  strv_free(&out);
  char salary2[] = "What is your salary?";
  q.text = salary2;
  question_warnings(&c2, &q, NULL, &out);
  CHECK_INT(out.n, 0);
  strv_free(&out);
  question_warnings(NULL, &q, NULL, &out);
  CHECK_INT(out.n, 0);
  config_free(&c2);
}

int main(void) {
  config_defaults(&cfg);
  test_add_move_delete();
  test_bank_and_gaps();
  test_warnings();
  db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_question");
}
