/* test_config_outreach.c — the config sections about reaching out
 * (give_kinds, readiness, ask_check, outreach): the shipped defaults, the
 * shipped template passing the shipped check, overrides that replace the
 * lists, warnings, and the exact FILE:LINE:COLUMN of each mistake. The rest
 * of the config is in test_config.c. */
#include "check.h"
#include "rapport/askcheck.h"
#include "rapport/config.h"
#include "rapport/util.h"

/* config_parse of inline text named "cfg.yaml" over the defaults fails
 * with exactly `want`, and leaves the defaults. */
static void check_bad_text(const char *text, const char *want) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, "cfg.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  CHECK_INT(cfg.give_kinds.n, 7);
  CHECK_INT(cfg.max_minutes, 20);
  CHECK_INT(cfg.n_manual_checks, 4);
  CHECK_INT(cfg.ask_max_words, 150);
  CHECK_INT(cfg.n_ask_categories, 4);
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);
}

/* give_kinds, readiness, ask_check and outreach as shipped. */
static void test_outreach_defaults(void) {
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  static const char *const kinds[][2] = {
      {"read", "read their work"},    {"comment", "commented on their work"},
      {"share", "shared their work"}, {"introduce", "introduced someone to them"},
      {"help", "helped with something"}, {"show-up", "showed up at their event"},
      {"other", "other"}};
  CHECK_INT(cfg.give_kinds.n, 7);
  for (size_t i = 0; i < 7 && i < cfg.give_kinds.n; i++) {
    CHECK_STR(cfg.give_kinds.v[i].key, kinds[i][0]);
    CHECK_STR(cfg.give_kinds.v[i].label, kinds[i][1]);
  }
  static const char *const manual[] = {"not-a-job-ask", "their-time", "nothing-confidential",
                                       "why-them"};
  CHECK_INT(cfg.n_manual_checks, 4);
  for (size_t i = 0; i < 4 && i < cfg.n_manual_checks; i++) {
    CHECK_STR(cfg.manual_checks[i].key, manual[i]);
    CHECK(!str_empty(cfg.manual_checks[i].text) && !str_empty(cfg.manual_checks[i].help));
  }
  CHECK_STR(cfg.manual_checks[0].text, "I am asking for information and advice, not for a job");
  CHECK_INT(cfg.max_minutes, 20);
  CHECK_INT(cfg.ask_max_words, 150);
  static const char *const cats[][3] = {{"job-request", "job request", "hire me"},
                                        {"second-favour", "hidden second favour", "pass my cv"},
                                        {"resume", "resume unasked", "attached my resume"},
                                        {"pick-brain", "pick your brain", "pick your brain"}};
  CHECK_INT(cfg.n_ask_categories, 4);
  for (size_t i = 0; i < 4 && i < cfg.n_ask_categories; i++) {
    const struct rp_ask_category *c = &cfg.ask_categories[i];
    CHECK_STR(c->key, cats[i][0]);
    CHECK_STR(c->label, cats[i][1]);
    CHECK(strv_contains(&c->phrases, cats[i][2]));
    CHECK(!str_empty(c->suggestion));
    CHECK(c->phrases.n >= 5 && c->phrases.n <= 15);
    for (size_t p = 0; p < c->phrases.n; p++) /* written in small letters */
      for (const char *ch = c->phrases.v[p]; *ch; ch++) CHECK(!(*ch >= 'A' && *ch <= 'Z'));
  }
  static const char *const holders[] = {"{name}", "{introducer}", "{their_work}",
                                        "{my_superpower}", "{my_problem}"};
  for (size_t i = 0; i < RP_ARRAY_LEN(holders); i++)
    CHECK(cfg.outreach_template && strstr(cfg.outreach_template, holders[i]));
  config_free(&cfg);
  CHECK(cfg.manual_checks == NULL && cfg.ask_categories == NULL && cfg.outreach_template == NULL);
}

/* The shipped template, filled in, passes the shipped check; unfilled, each
 * placeholder is flagged. */
static void test_template_clean(void) {
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  const char *keys[] = {"name", "introducer", "their_work", "my_superpower", "my_problem"};
  const char *values[] = {"Zoë Ørsted", "Maya Lindqvist",
                          "your team's research on staffing in rural clinics",
                          "I rebuilt the shift planning of my ward, and overtime fell by a third",
                          "how small clinics keep good nurses"};
  char *draft = draft_fill(cfg.outreach_template, keys, values, 5);
  CHECK(strstr(draft, "Hi Zoë Ørsted,") != NULL);
  struct rp_findings f;
  askcheck_run(&cfg, draft, &f);
  for (size_t i = 0; i < f.n; i++)
    fprintf(stderr, "template: %d:%d %s \"%s\"\n", f.v[i].line, f.v[i].col, f.v[i].category,
            f.v[i].phrase);
  CHECK_INT(f.n, 0);
  findings_free(&f);
  askcheck_run(&cfg, cfg.outreach_template, &f);
  CHECK_INT(f.n, 5);
  for (size_t i = 0; i < f.n; i++) CHECK_STR(f.v[i].category, "placeholder");
  findings_free(&f);
  free(draft);
  config_free(&cfg);
}

/* User lists replace the defaults; sections layer; unknown keys warn. */
static void test_outreach_override(void) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  const char *text = "give_kinds:\n  - {key: coffee, label: bought them a coffee}\n"
                     "readiness:\n  max_minutes: 15\n  manual:\n"
                     "    - {key: mutual, text: I know what it gives them}\n"
                     "    - key: timing\n      text: It is a good moment\n"
                     "      help: Not in their launch week\n"
                     "ask_check:\n  max_words: 80\n  categories:\n"
                     "    - key: salary\n      suggestion: Leave pay for later.\n"
                     "      phrases: [\"how much do you earn\", \"your salary\", \"your salary\"]\n"
                     "outreach:\n  template: \"Dear {name}, …\"\n";
  CHECK_INT(config_parse(&cfg, "o.yaml", text, strlen(text), &err), RP_OK);
  CHECK_STR(err.msg, "");
  CHECK_INT(cfg.warnings.n, 0);
  CHECK_INT(cfg.give_kinds.n, 1);
  CHECK_STR(cfg.give_kinds.v[0].label, "bought them a coffee");
  CHECK_INT(cfg.max_minutes, 15);
  CHECK_INT(cfg.n_manual_checks, 2);
  if (cfg.n_manual_checks == 2) {
    CHECK_STR(cfg.manual_checks[0].text, "I know what it gives them");
    CHECK(cfg.manual_checks[0].help == NULL);
    CHECK_STR(cfg.manual_checks[1].help, "Not in their launch week");
  }
  CHECK_INT(cfg.ask_max_words, 80);
  CHECK_INT(cfg.n_ask_categories, 1);
  if (cfg.n_ask_categories == 1) {
    CHECK_STR(cfg.ask_categories[0].label, "salary"); /* defaults to the key */
    CHECK_INT(cfg.ask_categories[0].phrases.n, 2);     /* the same phrase once */
  }
  CHECK_STR(cfg.outreach_template, "Dear {name}, …");
  /* one setting alone keeps the lists; a failed parse keeps everything */
  text = "ask_check: {max_words: 2000}\nreadiness: {max_minutes: 240}\n";
  CHECK_INT(config_parse(&cfg, "o2.yaml", text, strlen(text), &err), RP_OK);
  text = "readiness: {max_minutes: 4}\n";
  CHECK_INT(config_parse(&cfg, "o3.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_INT(cfg.ask_max_words, 2000);
  CHECK_INT(cfg.max_minutes, 240);
  CHECK_INT(cfg.n_ask_categories, 1);
  CHECK_INT(cfg.n_manual_checks, 2);
  /* empty sections change nothing; [] and an empty list mean none */
  text = "readiness:\nask_check:\noutreach:\n";
  CHECK_INT(config_parse(&cfg, "o4.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.n_manual_checks, 2);
  text = "readiness: {max_minutes: 5, manual: []}\nask_check:\n  max_words: 20\n  categories:\n";
  CHECK_INT(config_parse(&cfg, "o5.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.n_manual_checks, 0);
  CHECK_INT(cfg.n_ask_categories, 0);
  CHECK_INT(cfg.max_minutes, 5);
  CHECK_INT(cfg.ask_max_words, 20);
  text = "readiness: {max_minute: 20}\n"
         "ask_check:\n  categories:\n    - {key: a, suggestion: s, phrases: [x], hint: h}\n"
         "outreach: {template: \"Hi {nmae}\", signature: x}\n";
  CHECK_INT(config_parse(&cfg, "w.yaml", text, strlen(text), &err), RP_OK);
  static const char *const warn[] = {
      "w.yaml:1:13: unknown key 'max_minute' (ignored); known keys: max_minutes, manual",
      "w.yaml:4:45: unknown key 'hint' (ignored); known keys: key, label, suggestion, phrases",
      "w.yaml:5:35: unknown key 'signature' (ignored); known keys: template",
      "w.yaml:5:22: outreach.template has the placeholder {nmae}, which rapport does not fill "
      "(it stays for you to replace); known: {name}, {introducer}, {their_work}, "
      "{my_superpower}, {my_problem}"};
  CHECK_INT(cfg.warnings.n, 4);
  for (size_t i = 0; i < 4 && i < cfg.warnings.n; i++) CHECK_STR(cfg.warnings.v[i], warn[i]);
  config_free(&cfg);
}

static void test_outreach_errors(void) {
  check_bad_text("give_kinds: []\n", "cfg.yaml:1:13: 'give_kinds' must not be empty; give at "
                                     "least one {key, label} entry");
  check_bad_text("readiness: {max_minutes: 4}\n", "cfg.yaml:1:26: max_minutes must be a whole "
                                                  "number from 5 to 240, not '4'");
  check_bad_text("readiness: {max_minutes: 241}\n", "cfg.yaml:1:26: max_minutes must be a "
                                                    "whole number from 5 to 240, not '241'");
  check_bad_text("ask_check:\n  max_words: 2001\n", "cfg.yaml:2:14: max_words must be a whole "
                                                    "number from 20 to 2000, not '2001'");
  check_bad_text("ask_check: {max_words: 19}\n", "cfg.yaml:1:24: max_words must be a whole "
                                                 "number from 20 to 2000, not '19'");
  check_bad_text("ask_check: {max_words: [150]}\n", "cfg.yaml:1:24: max_words must be a whole "
                                                    "number from 20 to 2000, not a list");
  check_bad_text("readiness: 30\n", "cfg.yaml:1:12: 'readiness' must be a mapping such as "
                                    "{max_minutes: 30, manual: [{key: x, text: y}]}");
  check_bad_text("ask_check: [a]\n", "cfg.yaml:1:12: 'ask_check' must be a mapping such as "
                                     "{max_words: 150, categories: [{key, label, suggestion, "
                                     "phrases}]}");
  check_bad_text("outreach: hi\n", "cfg.yaml:1:11: 'outreach' must be a mapping such as "
                                   "{template: \"Hi {name}, …\"}");
  check_bad_text("outreach: {template: ''}\n", "cfg.yaml:1:22: 'template' must not be empty");
  check_bad_text("outreach:\n  template: [a]\n", "cfg.yaml:2:13: 'template' must be a string");
  /* readiness.manual */
  check_bad_text("readiness:\n  manual: {key: a}\n", "cfg.yaml:2:11: 'readiness.manual' must "
                 "be a list of {key, text, help} entries (or [] for none)");
  check_bad_text("readiness:\n  manual:\n    - just text\n",
                 "cfg.yaml:3:7: each entry of 'readiness.manual' must be a mapping with key, "
                 "text and (optional) help, e.g. {key: x, text: y}");
  check_bad_text("readiness:\n  manual:\n    - {text: t}\n", "cfg.yaml:3:7: an entry of "
                 "'readiness.manual' has no 'key'; each entry needs key and text");
  check_bad_text("readiness:\n  manual:\n    - {key: a, text: t}\n    - {key: a, text: u}\n",
                 "cfg.yaml:4:13: duplicate key 'a' in readiness.manual; each key must be unique");
  check_bad_text("readiness:\n  manual:\n    - {key: a}\n", "cfg.yaml:3:7: entry 'a' of "
                 "'readiness.manual' has no 'text'; write what you confirm when you tick it");
  check_bad_text("readiness:\n  manual:\n    - {key: not ok, text: t}\n", "cfg.yaml:3:13: key "
                 "'not ok' in readiness.manual may only contain letters, digits, '-' and '_'");
  check_bad_text("readiness:\n  manual:\n    - {key: draft, text: t}\n",
                 "cfg.yaml:3:13: key 'draft' in readiness.manual is the key of a computed "
                 "readiness item; choose another (computed: worksheet-superpower, "
                 "worksheet-problem, worksheet-want, research, give, warm-path, prep, draft, "
                 "length)");
  check_bad_text("readiness:\n  manual:\n    - {key: a, text: t, help: [h]}\n",
                 "cfg.yaml:3:31: 'help' must be a string");
  /* ask_check.categories */
  check_bad_text("ask_check: {categories: x}\n", "cfg.yaml:1:25: 'ask_check.categories' must "
                 "be a list of {key, label, suggestion, phrases} entries (or [] for none)");
  check_bad_text("ask_check:\n  categories: [x]\n", "cfg.yaml:2:16: each entry of "
                 "'ask_check.categories' must be a mapping with key, label, suggestion and "
                 "phrases");
  check_bad_text("ask_check:\n  categories:\n    - {label: l, suggestion: s, phrases: [x]}\n",
                 "cfg.yaml:3:7: an entry of 'ask_check.categories' has no 'key'; each entry "
                 "needs key, suggestion and phrases");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: s, phrases: [x]}\n"
                 "    - {key: a, suggestion: s, phrases: [y]}\n",
                 "cfg.yaml:4:13: duplicate key 'a' in ask_check.categories; each key must be "
                 "unique");
  check_bad_text("ask_check:\n  categories:\n    - {key: length, suggestion: s, phrases: [x]}\n",
                 "cfg.yaml:3:13: key 'length' in ask_check.categories is the key of a built-in "
                 "check; choose another (built in: length, placeholder)");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, phrases: [x]}\n",
                 "cfg.yaml:3:7: category 'a' of 'ask_check.categories' has no 'suggestion'; say "
                 "what to do instead");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: s}\n",
                 "cfg.yaml:3:7: category 'a' of 'ask_check.categories' has no 'phrases'; give a "
                 "list such as [\"are you hiring\"]");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: s, phrases: hire me}\n",
                 "cfg.yaml:3:40: 'phrases' of category 'a' must be a list of phrases such as "
                 "[\"are you hiring\", \"any openings\"], not a string");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: s, phrases: []}\n",
                 "cfg.yaml:3:40: 'phrases' of category 'a' must not be empty; give at least one "
                 "phrase");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: s, phrases: [x, [y]]}\n",
                 "cfg.yaml:3:44: a phrase of category 'a' must be a string, not a list");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: s, phrases: [\" \"]}\n",
                 "cfg.yaml:3:41: a phrase of category 'a' must not be blank");
  check_bad_text("ask_check:\n  categories:\n    - {key: a, suggestion: '', phrases: [x]}\n",
                 "cfg.yaml:3:28: 'suggestion' must not be empty");
}

int main(void) {
  test_outreach_defaults();
  test_template_clean();
  test_outreach_override();
  test_outreach_errors();
  return check_done("test_config_outreach");
}
