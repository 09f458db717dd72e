/* test_config_call.c — the config sections about the conversation itself
 * (conversation, question_checks, question_bank, followup): the shipped
 * defaults, lists that replace the defaults, the references between lists
 * (bank flags → question_checks, seniority levels) in any order, inherited
 * references dropped with a warning, and the exact FILE:LINE:COLUMN of each
 * mistake with what is allowed. */
#include "check.h"
#include "rapport/askcheck.h"
#include "rapport/config.h"
#include "rapport/util.h"

/* The defaults of these sections, as shipped. */
static void check_call_defaults(const struct rp_config *cfg) {
  CHECK_INT(cfg->call_minutes, 20);
  CHECK_INT(cfg->thank_you_days, 1);
  CHECK_INT(cfg->n_bank, 5);
  CHECK_INT(cfg->n_question_flags, 4);
  CHECK_INT(cfg->handwritten_seniority.n, 2);
  CHECK(cfg->thank_you_template != NULL);
  CHECK(cfg->specific_stopwords.n > 10);
  CHECK_INT(cfg->action_days, 7);
  CHECK_INT(cfg->update_days, 30);
  CHECK_INT(cfg->promise_phrases.n, 5);
  CHECK(strv_contains(&cfg->promise_phrases, "let you know"));
  CHECK(strv_contains(&cfg->promise_phrases, "keep you posted"));
  CHECK(strv_contains(&cfg->promise_phrases, "report back"));
  CHECK(cfg->my_name == NULL); /* nobody's name by default */
}

/* config_parse of inline text named "cfg.yaml" over the defaults fails
 * with exactly `want`, and leaves the defaults. */
static void check_bad_text(const char *text, const char *want) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, "cfg.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  check_call_defaults(&cfg);
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);
}

/* Parse text over the defaults; must succeed. */
static void parse_ok(struct rp_config *cfg, const char *text) {
  struct rp_err err = {0};
  config_defaults(cfg);
  CHECK_INT(config_parse(cfg, "cfg.yaml", text, strlen(text), &err), RP_OK);
  CHECK_STR(err.msg, "");
}

static const struct rp_question_flag *flag(const struct rp_config *cfg, const char *key) {
  for (size_t i = 0; i < cfg->n_question_flags; i++)
    if (strcmp(cfg->question_flags[i].key, key) == 0) return &cfg->question_flags[i];
  return NULL;
}

static void test_defaults(void) {
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  check_call_defaults(&cfg);
  CHECK_INT(cfg.warnings.n, 0);

  /* the bank: five categories of about five open questions each */
  static const char *const cats[][2] = {{"the-work", "the work itself"},
                                        {"the-field", "the field's future"},
                                        {"the-organisation", "organisation and culture"},
                                        {"their-path", "their path"},
                                        {"advice", "advice and feedback on me"}};
  size_t basic = 0;
  for (size_t i = 0; i < 5 && i < cfg.n_bank; i++) {
    CHECK_STR(cfg.bank[i].key, cats[i][0]);
    CHECK_STR(cfg.bank[i].label, cats[i][1]);
    CHECK(cfg.bank[i].n_questions >= 5 && cfg.bank[i].n_questions <= 7);
    for (size_t q = 0; q < cfg.bank[i].n_questions; q++) {
      const struct rp_bank_question *bq = &cfg.bank[i].questions[q];
      CHECK(bq->text && strlen(bq->text) > 10);
      CHECK(bq->text[strlen(bq->text) - 1] == '?');
      for (size_t f = 0; f < bq->flags.n; f++) {
        CHECK(flag(&cfg, bq->flags.v[f]) != NULL); /* flags name a check */
        if (strcmp(bq->flags.v[f], "basic") == 0) basic++;
      }
      /* a bank question is never a job ask, canned or confidential */
      for (size_t f = 0; f < cfg.n_question_flags; f++) {
        if (strcmp(cfg.question_flags[f].key, "basic") == 0) continue;
        CHECK(!strv_contains(&bq->flags, cfg.question_flags[f].key));
      }
    }
  }
  CHECK(basic >= 2);
  CHECK_STR(cfg.bank[0].questions[0].text, "What does a typical week look like for you?");

  /* the checks */
  static const char *const keys[] = {"confidential", "canned", "job-ask", "basic"};
  for (size_t i = 0; i < 4 && i < cfg.n_question_flags; i++) {
    const struct rp_question_flag *f = &cfg.question_flags[i];
    CHECK_STR(f->key, keys[i]);
    CHECK(f->label && f->label[0]);
    CHECK(f->advice && strlen(f->advice) > 20);
    CHECK(f->phrases.n >= 3);
  }
  CHECK(strv_contains(&flag(&cfg, "confidential")->phrases, "salary"));
  CHECK(strv_contains(&flag(&cfg, "confidential")->phrases, "roadmap"));
  CHECK(strv_contains(&flag(&cfg, "canned")->phrases, "tell me about yourself"));
  CHECK(strv_contains(&flag(&cfg, "job-ask")->phrases, "are you hiring"));
  CHECK(strv_contains(&flag(&cfg, "basic")->phrases, "what does your company do"));
  CHECK_INT(flag(&cfg, "confidential")->seniority.n, 0); /* everyone */
  CHECK_INT(flag(&cfg, "basic")->seniority.n, 2);
  CHECK_STR(flag(&cfg, "basic")->seniority.v[0], "senior");
  CHECK_STR(flag(&cfg, "basic")->seniority.v[1], "executive");

  /* follow-up */
  CHECK_STR(cfg.handwritten_seniority.v[0], "senior");
  CHECK_STR(cfg.handwritten_seniority.v[1], "executive");
  CHECK(strstr(cfg.thank_you_template, "{name}") != NULL);
  CHECK(strstr(cfg.thank_you_template, "{insight}") != NULL);
  CHECK(strstr(cfg.thank_you_template, "{objective}") != NULL);
  CHECK(strv_contains(&cfg.specific_stopwords, "thanks"));
  CHECK(strv_contains(&cfg.specific_stopwords, "time"));

  /* the filled template passes the ask check and ends without a name */
  static const char *const k[] = {"name", "insight", "objective"};
  static const char *const v[] = {"Priya", "research teams hire for writing",
                                  "how research teams hire"};
  char *draft = draft_fill(cfg.thank_you_template, k, v, 3);
  struct rp_findings fs;
  askcheck_run(&cfg, draft, &fs);
  CHECK_INT(fs.n, 0);
  findings_free(&fs);
  size_t n = strlen(draft);
  CHECK(n > 2 && draft[n - 1] == '\n' && draft[n - 2] == ',');
  free(draft);

  /* copies made by a later parse keep everything */
  const char *text = "theme: mono\n";
  struct rp_err err;
  CHECK_INT(config_parse(&cfg, "x.yaml", text, strlen(text), &err), RP_OK);
  check_call_defaults(&cfg);
  CHECK_STR(cfg.bank[4].questions[1].text,
            "Given what you know of me now, what would you do in my place?");
  config_free(&cfg);
  CHECK(cfg.bank == NULL && cfg.question_flags == NULL && cfg.thank_you_template == NULL);
}

/* Settings and lists replace the defaults; unknown keys warn. */
static void test_overrides(void) {
  struct rp_config cfg = {0};
  parse_ok(&cfg, "conversation:\n  minutes: 45\n"
                 "followup:\n  thank_you_days: 0\n  handwritten_for: []\n"
                 "  thank_you_template: \"Dear {name}, {insight}\"\n"
                 "  common_words: [Merci, thanks]\n  my_name: Alex Morgan\n");
  CHECK_INT(cfg.call_minutes, 45);
  CHECK_STR(cfg.my_name, "Alex Morgan");
  CHECK_INT(cfg.thank_you_days, 0);
  CHECK_INT(cfg.handwritten_seniority.n, 0);
  CHECK_STR(cfg.thank_you_template, "Dear {name}, {insight}");
  CHECK_INT(cfg.specific_stopwords.n, 2); /* replaced, not appended */
  CHECK_STR(cfg.specific_stopwords.v[0], "Merci");
  CHECK_INT(cfg.n_bank, 5);               /* untouched lists keep their defaults */
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);

  /* what a call leaves to do: days, and the phrases replaced (or none) */
  parse_ok(&cfg, "conversation:\n  action_days: 0\n  update_days: 365\n"
                 "  promise_phrases: [\"get back to you\"]\n");
  CHECK_INT(cfg.action_days, 0);
  CHECK_INT(cfg.update_days, 365);
  CHECK_INT(cfg.promise_phrases.n, 1);
  if (cfg.promise_phrases.n == 1) CHECK_STR(cfg.promise_phrases.v[0], "get back to you");
  CHECK_INT(cfg.call_minutes, 20);
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);
  parse_ok(&cfg, "conversation: {promise_phrases: []}\n");
  CHECK_INT(cfg.promise_phrases.n, 0);
  CHECK_INT(cfg.action_days, 7);
  config_free(&cfg);

  /* edges of the ranges */
  parse_ok(&cfg, "conversation: {minutes: 5}\nfollowup: {thank_you_days: 30}\n");
  CHECK_INT(cfg.call_minutes, 5);
  CHECK_INT(cfg.thank_you_days, 30);
  config_free(&cfg);
  parse_ok(&cfg, "conversation: {minutes: 240}\n");
  CHECK_INT(cfg.call_minutes, 240);
  CHECK_INT(cfg.thank_you_days, 1);
  config_free(&cfg);

  /* a bank given in the file replaces the whole bank; plain strings and
   * {text, flags} mix; a flag defined later in the same file is fine */
  parse_ok(&cfg, "question_bank:\n"
                 "  - key: mine\n"
                 "    questions:\n"
                 "      - How did you start?\n"
                 "      - {text: \"Is the pay good?\", flags: [money, money]}\n"
                 "question_checks:\n"
                 "  - key: money\n"
                 "    advice: Ask about the work instead.\n"
                 "    seniority: [mid]\n"
                 "seniority:\n"
                 "  - {key: junior}\n"
                 "  - {key: mid}\n"
                 "followup: {handwritten_for: [mid]}\n");
  CHECK_INT(cfg.n_bank, 1);
  CHECK_STR(cfg.bank[0].key, "mine");
  CHECK_STR(cfg.bank[0].label, "mine"); /* label defaults to the key */
  CHECK_INT(cfg.bank[0].n_questions, 2);
  CHECK_STR(cfg.bank[0].questions[0].text, "How did you start?");
  CHECK_INT(cfg.bank[0].questions[0].flags.n, 0);
  CHECK_INT(cfg.bank[0].questions[1].flags.n, 1); /* duplicates dropped */
  CHECK_STR(cfg.bank[0].questions[1].flags.v[0], "money");
  CHECK_INT(cfg.n_question_flags, 1);
  CHECK_STR(cfg.question_flags[0].label, "money");
  CHECK_INT(cfg.question_flags[0].phrases.n, 0);
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);

  /* empty lists: no bank, no checks */
  parse_ok(&cfg, "question_bank: []\nquestion_checks: []\n");
  CHECK_INT(cfg.n_bank, 0);
  CHECK_INT(cfg.n_question_flags, 0);
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);

  /* unknown keys and placeholders warn */
  parse_ok(&cfg, "conversation:\n  length: 30\n"
                 "followup:\n  thank_you_template: \"Hi {first_name}\"\n"
                 "question_checks:\n  - {key: x, advice: y, colour: red}\n"
                 "question_bank:\n  - {key: b, questions: [{text: \"Why?\", note: z}]}\n");
  CHECK_INT(cfg.warnings.n, 4);
  if (cfg.warnings.n == 4) {
    CHECK_STR(cfg.warnings.v[0],
              "cfg.yaml:2:3: unknown key 'length' (ignored); known keys: minutes, action_days, "
              "update_days, promise_phrases");
    CHECK_STR(cfg.warnings.v[1],
              "cfg.yaml:4:23: followup.thank_you_template has the placeholder {first_name}, "
              "which rapport does not fill (it stays for you to replace); known: {name}, "
              "{insight}, {objective}");
    CHECK_STR(cfg.warnings.v[2], "cfg.yaml:6:25: unknown key 'colour' (ignored); known keys: "
                                 "key, label, advice, phrases, seniority");
    CHECK_STR(cfg.warnings.v[3],
              "cfg.yaml:8:41: unknown key 'note' (ignored); known keys: text, flags");
  }
  config_free(&cfg);
}

/* Lists a file replaces may leave inherited references dangling: they are
 * dropped with a warning, never an error. */
static void test_inherited(void) {
  struct rp_config cfg = {0};
  parse_ok(&cfg, "seniority:\n  - {key: any}\n");
  CHECK_INT(cfg.handwritten_seniority.n, 0);
  CHECK_INT(flag(&cfg, "basic")->seniority.n, 0);
  CHECK_INT(cfg.warnings.n, 4);
  if (cfg.warnings.n == 4)
    CHECK_STR(cfg.warnings.v[0],
              "cfg.yaml:2:3: seniority no longer has 'senior', so question_checks entry "
              "'basic' (kept from before) drops it; give question_checks in this file too to "
              "choose again");
  config_free(&cfg);

  parse_ok(&cfg, "question_checks:\n  - {key: canned, advice: Be yourself.}\n");
  CHECK_INT(cfg.n_question_flags, 1);
  for (size_t c = 0; c < cfg.n_bank; c++)
    for (size_t q = 0; q < cfg.bank[c].n_questions; q++)
      CHECK_INT(cfg.bank[c].questions[q].flags.n, 0);
  CHECK_INT(cfg.warnings.n, 2); /* basic, in two categories */
  if (cfg.warnings.n >= 1)
    CHECK_STR(cfg.warnings.v[0],
              "cfg.yaml:2:3: question_checks no longer has 'basic', so question_bank category "
              "'the-work' (kept from before) drops it; give question_bank in this file too to "
              "choose again");
  config_free(&cfg);
}

static void test_errors(void) {
  /* conversation.minutes */
  check_bad_text("conversation:\n  minutes: 4\n",
                 "cfg.yaml:2:12: minutes must be a whole number from 5 to 240, not '4'");
  check_bad_text("conversation:\n  minutes: 241\n",
                 "cfg.yaml:2:12: minutes must be a whole number from 5 to 240, not '241'");
  check_bad_text("conversation: {minutes: half an hour}\n",
                 "cfg.yaml:1:25: minutes must be a whole number from 5 to 240, not 'half an "
                 "hour'");
  check_bad_text("conversation: 20\n",
                 "cfg.yaml:1:15: 'conversation' must be a mapping such as {minutes: 20}");
  /* conversation: what a call leaves to do */
  check_bad_text("conversation:\n  action_days: 366\n",
                 "cfg.yaml:2:16: action_days must be a whole number from 0 to 365, not '366'");
  check_bad_text("conversation:\n  action_days: a week\n",
                 "cfg.yaml:2:16: action_days must be a whole number from 0 to 365, not 'a week'");
  check_bad_text("conversation:\n  update_days: 0\n",
                 "cfg.yaml:2:16: update_days must be a whole number from 1 to 365, not '0'");
  check_bad_text("conversation:\n  promise_phrases: let you know\n",
                 "cfg.yaml:2:20: 'conversation.promise_phrases' must be a list such as "
                 "[\"let you know\"], not a string");
  check_bad_text("conversation:\n  promise_phrases: [\"report back\", \"  \"]\n",
                 "cfg.yaml:2:36: an entry of 'conversation.promise_phrases' must not be blank");

  /* followup */
  check_bad_text("followup:\n  thank_you_days: 31\n",
                 "cfg.yaml:2:19: thank_you_days must be a whole number from 0 to 30, not '31'");
  check_bad_text("followup:\n  thank_you_days: -1\n",
                 "cfg.yaml:2:19: thank_you_days must be a whole number from 0 to 30, not '-1'");
  check_bad_text("followup:\n  handwritten_for: [senior, director]\n",
                 "cfg.yaml:2:29: unknown seniority 'director' in followup.handwritten_for; "
                 "allowed: junior, mid, senior, executive");
  check_bad_text("followup:\n  handwritten_for: senior\n",
                 "cfg.yaml:2:20: 'followup.handwritten_for' must be a list such as [senior, "
                 "executive], not a string");
  check_bad_text("followup:\n  thank_you_template: ''\n",
                 "cfg.yaml:2:23: 'thank_you_template' must not be empty");
  check_bad_text("followup:\n  common_words: [' ']\n",
                 "cfg.yaml:2:18: an entry of 'followup.common_words' must not be blank");

  /* question_checks */
  check_bad_text("question_checks:\n  - key: basic\n    advice: Read first.\n"
                 "    seniority: [senior, boss]\n",
                 "cfg.yaml:4:25: unknown seniority 'boss' in question_checks entry 'basic'; "
                 "allowed: junior, mid, senior, executive");
  check_bad_text("question_checks:\n  - {key: x}\n",
                 "cfg.yaml:2:5: entry 'x' of 'question_checks' has no 'advice'; say what to "
                 "ask instead");
  check_bad_text("question_checks:\n  - {key: x, advice: y, phrases: oops}\n",
                 "cfg.yaml:2:34: 'phrases' of question_checks entry 'x' must be a list such "
                 "as [\"what is your salary\"], not a string");
  check_bad_text("question_checks:\n  - {key: x, advice: y}\n  - {key: x, advice: z}\n",
                 "cfg.yaml:3:11: duplicate key 'x' in question_checks; each key must be unique");
  check_bad_text("question_checks: {key: x}\n",
                 "cfg.yaml:1:18: 'question_checks' must be a list of {key, label, advice, "
                 "phrases, seniority} entries (or [] for none)");
  /* a seniority level that a later seniority list drops */
  check_bad_text("question_checks:\n  - {key: x, advice: y, seniority: [senior]}\n"
                 "seniority:\n  - {key: junior}\n",
                 "cfg.yaml:2:37: unknown seniority 'senior' in question_checks entry 'x'; "
                 "allowed: junior");

  /* question_bank */
  check_bad_text("question_bank:\n  - key: the-work\n    questions:\n"
                 "      - text: How is the pay?\n        flags: [confidental]\n",
                 "cfg.yaml:5:17: unknown flag 'confidental' in question_bank category "
                 "'the-work'; allowed: confidential, canned, job-ask, basic (the keys of "
                 "question_checks)");
  /* a flag that this file's question_checks (in any order) does not have */
  check_bad_text("question_checks: []\nquestion_bank:\n  - {key: a, questions: "
                 "[{text: \"Why?\", flags: [basic]}]}\n",
                 "cfg.yaml:3:49: unknown flag 'basic' in question_bank category 'a'; allowed: "
                 "none (question_checks is empty) (the keys of question_checks)");
  check_bad_text("question_bank:\n  - {key: a}\n",
                 "cfg.yaml:2:5: category 'a' of 'question_bank' has no 'questions'; give a "
                 "list of questions");
  check_bad_text("question_bank:\n  - {key: a, questions: []}\n",
                 "cfg.yaml:2:25: 'questions' of category 'a' must be a non-empty list of "
                 "questions (strings or {text, flags})");
  check_bad_text("question_bank:\n  - {key: a, questions: [[x]]}\n",
                 "cfg.yaml:2:26: a question of question_bank category 'a' must be a string or "
                 "{text, flags}, not a list");
  check_bad_text("question_bank:\n  - {key: a, questions: [{flags: [basic]}]}\n",
                 "cfg.yaml:2:26: a question of question_bank category 'a' has no 'text'; "
                 "write the question, e.g. {text: \"How did you start?\", flags: []}");
  check_bad_text("question_bank:\n  - {label: x, questions: [a]}\n",
                 "cfg.yaml:2:5: an entry of 'question_bank' has no 'key'; each entry needs key "
                 "and questions");
  check_bad_text("question_bank:\n  - {key: a b, questions: [a]}\n",
                 "cfg.yaml:2:11: key 'a b' in question_bank may only contain letters, digits, "
                 "'-' and '_'");
}

int main(void) {
  test_defaults();
  test_overrides();
  test_inherited();
  test_errors();
  return check_done("test_config_call");
}
