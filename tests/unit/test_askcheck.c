/* test_askcheck.c — the outreach draft check: each shipped category, phrases
 * split across lines and spaces, case folding of accented letters, whole
 * words only, line:column in characters, order of findings, unfilled
 * placeholders, the word limit at its boundary, realistic drafts that must
 * stay clean, and filling the template. */
#include "check.h"
#include "rapport/askcheck.h"
#include "rapport/config.h"

static struct rp_config defaults;

/* One finding as "LINE:COL category \"phrase\"" lines, for comparing. */
static char *summary(const struct rp_config *cfg, const char *text) {
  struct rp_findings f;
  askcheck_run(cfg, text, &f);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < f.n; i++)
    buf_addf(&b, "%d:%d %s \"%s\"\n", f.v[i].line, f.v[i].col, f.v[i].category, f.v[i].phrase);
  findings_free(&f);
  return buf_steal(&b);
}

#define CHECK_FOUND(cfg, text, want)     \
  do {                                   \
    char *got_ = summary((cfg), (text)); \
    CHECK_STR(got_, (want));             \
    free(got_);                          \
  } while (0)

/* A config over the defaults with `yaml` parsed on top. */
static void config_with(struct rp_config *cfg, const char *yaml) {
  struct rp_err err = {0};
  config_defaults(cfg);
  CHECK_INT(config_parse(cfg, "test.yaml", yaml, strlen(yaml), &err), RP_OK);
  CHECK_STR(err.msg, "");
}

static void test_categories(void) {
  struct rp_findings f;
  askcheck_run(&defaults, "Are you hiring at the moment?", &f);
  CHECK_INT(f.n, 1);
  if (f.n == 1) {
    CHECK_INT(f.v[0].line, 1);
    CHECK_INT(f.v[0].col, 1);
    CHECK_STR(f.v[0].category, "job-request");
    CHECK_STR(f.v[0].label, "job request");
    CHECK_STR(f.v[0].phrase, "Are you hiring");
    CHECK_STR(f.v[0].suggestion, "Ask for information and advice, not a job: a hidden job "
                                 "request breaks trust.");
  }
  findings_free(&f);
  CHECK(f.v == NULL && f.n == 0);

  askcheck_run(&defaults, "Afterwards, could you introduce me to your boss?", &f);
  CHECK_INT(f.n, 1);
  if (f.n == 1) {
    CHECK_STR(f.v[0].category, "second-favour");
    CHECK_STR(f.v[0].label, "hidden second favour");
    CHECK_STR(f.v[0].suggestion, "One favour at a time: if you want an introduction, that is a "
                                 "different conversation.");
  }
  findings_free(&f);
  askcheck_run(&defaults, "I have attached my CV.", &f);
  CHECK_INT(f.n, 1);
  if (f.n == 1) {
    CHECK_STR(f.v[0].category, "resume");
    CHECK_STR(f.v[0].label, "resume unasked");
    CHECK_STR(f.v[0].phrase, "attached my CV");
    CHECK_STR(f.v[0].suggestion, "Don't send a resume unless they ask for it.");
  }
  findings_free(&f);
  askcheck_run(&defaults, "Could I pick your brain?", &f);
  CHECK_INT(f.n, 1);
  if (f.n == 1) {
    CHECK_STR(f.v[0].category, "pick-brain");
    CHECK_STR(f.v[0].label, "pick your brain");
    CHECK_INT(f.v[0].col, 9);
  }
  findings_free(&f);

  CHECK_FOUND(&defaults, "Could you pass my resume to the hiring manager?",
              "1:11 second-favour \"pass my resume\"\n");
  CHECK_FOUND(&defaults, "Maybe you could mention me in your team meeting.",
              "1:17 second-favour \"mention me\"\n1:28 second-favour \"in your team meeting\"\n");
  CHECK_FOUND(&defaults, "Résumé attached, as promised.", "1:1 resume \"Résumé attached\"\n");
  CHECK_FOUND(&defaults, "Would you refer me for the role?", "1:11 job-request \"refer me\"\n");
}

/* Phrases match across line breaks, tabs and runs of spaces, and are shown
 * with each run as one space. */
static void test_spacing(void) {
  CHECK_FOUND(&defaults, "I would love to\npick  your\t\tbrain over coffee.",
              "2:1 pick-brain \"pick your brain\"\n");
  CHECK_FOUND(&defaults, "Please\n  hire\n\n   me!", "2:3 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "Are you\r\nhiring?\r\n", "1:1 job-request \"Are you hiring\"\n");
  /* a no-break space is a space too */
  CHECK_FOUND(&defaults, "so, are\xc2\xa0you hiring", "1:5 job-request \"are you hiring\"\n");
  /* CRLF counts as one line break */
  CHECK_FOUND(&defaults, "Hi,\r\n\r\nare you hiring?", "3:1 job-request \"are you hiring\"\n");
}

static void test_case_and_utf8(void) {
  CHECK_FOUND(&defaults, "ARE YOU HIRING", "1:1 job-request \"ARE YOU HIRING\"\n");
  CHECK_FOUND(&defaults, "Pick Your Brain", "1:1 pick-brain \"Pick Your Brain\"\n");
  CHECK_FOUND(&defaults, "ATTACHED MY RÉSUMÉ", "1:1 resume \"ATTACHED MY RÉSUMÉ\"\n");

  struct rp_config cfg = {0};
  config_with(&cfg, "ask_check:\n"
                    "  categories:\n"
                    "    - key: coffee\n"
                    "      label: coffee ask\n"
                    "      suggestion: Offer a call instead.\n"
                    "      phrases: [\"café\", \"ØRSTED LAB\", \"i'm looking\", \"İstanbul\"]\n");
  CHECK_INT(cfg.n_ask_categories, 1);
  CHECK_FOUND(&cfg, "Shall we meet at the CAFÉ?", "1:22 coffee \"CAFÉ\"\n");
  CHECK_FOUND(&cfg, "a café", "1:3 coffee \"café\"\n");
  CHECK_FOUND(&cfg, "the Ørsted lab", "1:5 coffee \"Ørsted lab\"\n");
  /* a typographic apostrophe matches a plain one */
  CHECK_FOUND(&cfg, "I’m looking", "1:1 coffee \"I’m looking\"\n");
  CHECK_FOUND(&cfg, "ISTANBUL and istanbul", "1:1 coffee \"ISTANBUL\"\n1:14 coffee \"istanbul\"\n");
  /* an accent is not ignored: "cafe" is another word */
  CHECK_FOUND(&cfg, "a cafe", "");
  /* other scripts fold too */
  config_free(&cfg);
  config_with(&cfg, "ask_check:\n  categories:\n"
                    "    - {key: ru, suggestion: s, phrases: [\"работа\", \"σοφία\"]}\n");
  CHECK_FOUND(&cfg, "РАБОТА, ΣΟΦΊΑ", "1:1 ru \"РАБОТА\"\n1:9 ru \"ΣΟΦΊΑ\"\n");
  CHECK_FOUND(&cfg, "ΣΟΦΙΑ", ""); /* without the accent: another word */
  config_free(&cfg);
}

/* Whole words at both ends: letters or digits next to the match stop it. */
static void test_whole_words(void) {
  CHECK_FOUND(&defaults, "We will rehire me later", "");
  CHECK_FOUND(&defaults, "hire meetings", "");
  CHECK_FOUND(&defaults, "hire me2", "");
  CHECK_FOUND(&defaults, "hire me.", "1:1 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "(hire me)", "1:2 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "\"hire me\"", "1:2 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "—hire me—", "1:2 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "éhire me", "");
  CHECK_FOUND(&defaults, "hire meé", "");
  CHECK_FOUND(&defaults, "hire me’s", "1:1 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "pickyour brain", "");
}

/* Columns count characters, not bytes. */
static void test_columns(void) {
  CHECK_FOUND(&defaults, "Zoë — 李小龙, are you hiring?", "1:12 job-request \"are you hiring\"\n");
  CHECK_FOUND(&defaults, "🌱🌱 hire me", "1:4 job-request \"hire me\"\n");
  CHECK_FOUND(&defaults, "Ärger\nÜber Öl: hire me", "2:10 job-request \"hire me\"\n");
  /* an invalid byte counts as one character */
  CHECK_FOUND(&defaults, "\xff hire me", "1:3 job-request \"hire me\"\n");
}

/* Every occurrence, in text order; overlapping matches of one category are
 * one finding; length last. */
static void test_order(void) {
  CHECK_FOUND(&defaults,
              "Can I pick your brain? Also, are you hiring?\n"
              "I attached my resume. Are you hiring, really?\n"
              "{name}",
              "1:7 pick-brain \"pick your brain\"\n"
              "1:30 job-request \"are you hiring\"\n"
              "2:3 resume \"attached my resume\"\n"
              "2:23 job-request \"Are you hiring\"\n"
              "3:1 placeholder \"{name}\"\n");
  /* "looking for a job" and "a job at" overlap: one finding */
  CHECK_FOUND(&defaults, "I am looking for a job at Acme.",
              "1:6 job-request \"looking for a job\"\n");
  /* different categories at overlapping places: both */
  CHECK_FOUND(&defaults, "Could you forward my resume attached here",
              "1:11 second-favour \"forward my resume\"\n"
              "1:22 resume \"resume attached\"\n");

  struct rp_config cfg = {0};
  config_with(&cfg, "ask_check:\n  max_words: 20\n");
  CHECK_FOUND(&cfg,
              "hire me one two three four five six seven eight nine ten eleven twelve thirteen "
              "fourteen fifteen sixteen seventeen eighteen nineteen twenty {x}",
              "1:1 job-request \"hire me\"\n"
              "1:141 placeholder \"{x}\"\n"
              "1:125 length \"23 words\"\n");
  config_free(&cfg);
}

static void test_placeholders(void) {
  struct rp_findings f;
  askcheck_run(&defaults, "Hi {name},\n\n{introducer} suggested I write. {their_work2} {A_b}", &f);
  CHECK_INT(f.n, 4);
  if (f.n == 4) {
    CHECK_INT(f.v[0].line, 1);
    CHECK_INT(f.v[0].col, 4);
    CHECK_STR(f.v[0].category, "placeholder");
    CHECK_STR(f.v[0].label, "unfilled placeholder");
    CHECK_STR(f.v[0].phrase, "{name}");
    CHECK_STR(f.v[0].suggestion, "Replace {name} with the real text, or delete it.");
    CHECK_INT(f.v[1].line, 3);
    CHECK_STR(f.v[1].phrase, "{introducer}");
    CHECK_STR(f.v[2].phrase, "{their_work2}");
    CHECK_STR(f.v[3].phrase, "{A_b}");
  }
  findings_free(&f);
  /* not placeholders: empty, spaces, other characters, unclosed */
  CHECK_FOUND(&defaults, "{} { name } {a-b} {café} {name {x", "");
  CHECK_FOUND(&defaults, "{{name}}", "1:2 placeholder \"{name}\"\n");
  /* without a config only placeholders are checked */
  CHECK_FOUND(NULL, "hire me {x}", "1:9 placeholder \"{x}\"\n");
}

/* Build a text of n words ("w1 w2 …", some across lines). */
static char *words(int n) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int i = 1; i <= n; i++) buf_addf(&b, "%sw%d", i == 1 ? "" : i % 10 == 1 ? "\n" : "  ", i);
  return buf_steal(&b);
}

static void test_length(void) {
  CHECK_INT(defaults.ask_max_words, 150);
  char *t = words(150);
  CHECK_FOUND(&defaults, t, "");
  free(t);
  t = words(151);
  struct rp_findings f;
  askcheck_run(&defaults, t, &f);
  CHECK_INT(f.n, 1);
  if (f.n == 1) {
    CHECK_INT(f.v[0].line, 16); /* w151 starts line 16 */
    CHECK_INT(f.v[0].col, 1);
    CHECK_STR(f.v[0].category, "length");
    CHECK_STR(f.v[0].label, "too long");
    CHECK_STR(f.v[0].phrase, "151 words");
    CHECK_STR(f.v[0].suggestion, "Keep it to 150 words or fewer: their time is gold.");
  }
  findings_free(&f);
  free(t);
  t = words(200);
  CHECK_FOUND(&defaults, t, "16:1 length \"200 words\"\n");
  free(t);

  struct rp_config cfg = {0};
  config_with(&cfg, "ask_check: {max_words: 20}\n");
  CHECK_FOUND(&cfg, "  one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen seventeen eighteen nineteen twenty  \n",
              "");
  /* a dash alone is not a word */
  CHECK_FOUND(&cfg, "one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen seventeen eighteen nineteen twenty — twenty-one",
              "1:135 length \"21 words\"\n");
  config_free(&cfg);
  /* no limit when max_words is not set */
  struct rp_config zero = {0};
  t = words(5000);
  CHECK_FOUND(&zero, t, "");
  free(t);
}

/* Drafts a careful person would send: nothing to flag. */
static void test_clean_drafts(void) {
  static const char *const drafts[] = {
      "I'd love to hear how you moved from nursing into health-tech research. Would you have "
      "20 minutes in the next few weeks?",
      "Hi Maya,\n\nThank you for the talk on rural clinics last week. I shared it with my old "
      "team, and it started a good discussion.\n\nI am exploring a move from ward management "
      "into operations research, and I would value your view of what the work is like day to "
      "day. Could we talk for 20 minutes, by phone or video, whenever suits you?\n\nBest,\nAna",
      "Dear Dr. Ørsted,\n\nTom Okafor suggested I write to you. I read your paper on transit "
      "demand models and have a question about how you validate them in practice.\n\nWould a "
      "short call in the next month be possible? I am happy to work around your schedule.\n",
      "Hello 李小龙,\n\nI came to your open-source workshop on Saturday and have been using the "
      "tool since. What skills would you say matter most for someone moving into data "
      "engineering from teaching?\n\nThanks either way.",
      "I'm not asking for a job, only for your advice on whether a part-time course is worth "
      "it. I hired people for my own team for years, so I know how busy you are.",
      "Your team's job board redesign was great. How did the hiring manager role change once "
      "the new process was in?",
      "Hi Sam, I shared your article on open positioning in the maps market with my reading "
      "group. Could you tell me how you picked your research topics?",
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(drafts); i++) {
    char *got = summary(&defaults, drafts[i]);
    if (got[0]) fprintf(stderr, "clean draft %zu flagged:\n%s", i, got);
    CHECK_STR(got, "");
    free(got);
  }
  CHECK_FOUND(&defaults, "", "");
  CHECK_FOUND(&defaults, NULL, "");
}

static void test_fill(void) {
  const char *keys[] = {"name", "introducer", "their_work", "empty", "null"};
  const char *values[] = {"Zoë", "Maya {name}", "your {paper}", "", NULL};
  char *s = draft_fill("Hi {name}, {introducer} sent me; {their_work}. {empty}{null}{other} "
                       "{name} {NAME} { name } {name",
                       keys, values, RP_ARRAY_LEN(keys));
  /* values are not scanned again; empty, NULL and unknown keys stay */
  CHECK_STR(s, "Hi Zoë, Maya {name} sent me; your {paper}. {empty}{null}{other} Zoë {NAME} "
               "{ name } {name");
  free(s);
  s = draft_fill("", keys, values, 0);
  CHECK_STR(s, "");
  free(s);
  s = draft_fill(NULL, NULL, NULL, 0);
  CHECK_STR(s, "");
  free(s);
  s = draft_fill("{name}{name}", keys, values, 1);
  CHECK_STR(s, "ZoëZoë");
  free(s);
}

int main(void) {
  config_defaults(&defaults);
  test_categories();
  test_spacing();
  test_case_and_utf8();
  test_whole_words();
  test_columns();
  test_order();
  test_placeholders();
  test_length();
  test_clean_drafts();
  test_fill();
  config_free(&defaults);
  return check_done("test_askcheck");
}
