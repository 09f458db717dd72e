/* test_worksheet.c — the worksheet model: texts and the kind of move, each
 * list section's round trip and order, validation messages and fields, the
 * evidence check, pitch timing, completeness, and persistence across a
 * reopen. Each run uses a fresh journal file. */
#include <locale.h>

#include "model/db_sql.h"
#include "check.h"
#include "rapport/worksheet.h"

static struct rp_db *db;
static char *db_file;

static void set_now(long long t) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", t);
  setenv("RAPPORT_NOW", buf, 1);
}

static void reopen(void) {
  struct rp_err err;
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(db_file, &db, &err), RP_OK);
  if (!db) {
    fprintf(stderr, "cannot reopen %s: %s\n", db_file, err.msg);
    exit(2);
  }
}

/* Insert an entry; returns its id (0 on failure, which fails a check). */
static int64_t add(enum rp_ws_section sec, const char *title, const char *text1, const char *kind,
                   int n1, int n2, int n3) {
  struct rp_ws_item it;
  ws_item_init(&it, sec);
  it.title = xstrdup(title);
  it.text1 = xstrdup(text1);
  it.kind = xstrdup(kind);
  it.n1 = n1;
  it.n2 = n2;
  it.n3 = n3;
  struct rp_err err;
  enum rp_status st = ws_item_insert(db, &it, &err);
  if (st != RP_OK) fprintf(stderr, "insert '%s': %s\n", title, err.msg);
  CHECK_INT(st, RP_OK);
  int64_t id = it.id;
  ws_item_free(&it);
  return id;
}

static void delete_all(void) {
  for (int s = 0; s < WS_SECTION_COUNT; s++) {
    struct rp_ws_list l;
    struct rp_err err;
    CHECK_INT(ws_item_list(db, (enum rp_ws_section)s, &l, &err), RP_OK);
    for (size_t i = 0; i < l.n; i++) CHECK_INT(ws_item_delete(db, l.v[i].id, &err), RP_OK);
    ws_list_free(&l);
  }
  const char *keys[] = {"want", "pitch", "move"};
  struct rp_err err;
  for (size_t i = 0; i < RP_ARRAY_LEN(keys); i++) CHECK_INT(ws_text_set(db, keys[i], NULL, &err), RP_OK);
}

/* The titles of a section in list order, joined with "|"; caller frees. */
static char *titles(enum rp_ws_section sec) {
  struct rp_ws_list l;
  struct rp_err err;
  CHECK_INT(ws_item_list(db, sec, &l, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < l.n; i++) buf_addf(&b, "%s%s", i ? "|" : "", l.v[i].title);
  ws_list_free(&l);
  return buf_steal(&b);
}

#define CHECK_TITLES(sec, want)            \
  do {                                     \
    char *got_ = titles(sec);              \
    CHECK_STR(got_, want);                 \
    free(got_);                            \
  } while (0)

static void test_names(void) {
  CHECK_STR(rp_ws_section_names[WS_SUPERPOWER], "superpower");
  CHECK_STR(rp_ws_section_names[WS_OPTION], "option");
  CHECK_INT(ws_section_by_name("skill"), WS_SKILL);
  CHECK_INT(ws_section_by_name("Gap"), WS_GAP);
  CHECK_INT(ws_section_by_name("problems"), WS_PROBLEM);
  CHECK_INT(ws_section_by_name("thing"), -1);
  CHECK_INT(ws_section_by_name("s"), -1);
  CHECK_INT(ws_section_by_name(NULL), -1);
  CHECK_INT(rp_move_kinds.n, 6);
  char *keys = choices_list(&rp_move_kinds);
  CHECK_STR(keys, "new-career, career-change, job-change, employer-change, school, graduating");
  free(keys);
  CHECK_STR(choices_find(&rp_move_kinds, "school")->label, "school or training");
}

static void test_texts(void) {
  struct rp_err err;
  char *v = (char *)1;
  CHECK_INT(ws_text_get(db, "want", &v, &err), RP_OK);
  CHECK(v == NULL);
  CHECK_INT(ws_text_set(db, "want", "  A data role in public transit\n", &err), RP_OK);
  CHECK_INT(ws_text_get(db, "want", &v, &err), RP_OK);
  CHECK_STR(v, "A data role in public transit");
  free(v);
  CHECK_INT(ws_text_set(db, "want", "   \n ", &err), RP_OK); /* whitespace clears */
  CHECK_INT(ws_text_get(db, "want", &v, &err), RP_OK);
  CHECK(v == NULL);
  CHECK_INT(ws_text_set(db, "pitch", "line one\nline two 'quoted'; DROP TABLE ws_item;--", &err), RP_OK);
  CHECK_INT(ws_text_get(db, "pitch", &v, &err), RP_OK);
  CHECK_STR(v, "line one\nline two 'quoted'; DROP TABLE ws_item;--");
  free(v);

  /* move: a key or a label, any case; stored as the key */
  CHECK_INT(ws_text_set(db, "move", "Career Change", &err), RP_OK);
  CHECK_INT(ws_text_get(db, "move", &v, &err), RP_OK);
  CHECK_STR(v, "career-change");
  free(v);
  CHECK_INT(ws_text_set(db, "move", "SCHOOL OR TRAINING", &err), RP_OK);
  CHECK_INT(ws_text_get(db, "move", &v, &err), RP_OK);
  CHECK_STR(v, "school");
  free(v);
  CHECK_INT(ws_text_set(db, "move", "graduating", &err), RP_OK);
  CHECK_INT(ws_text_get(db, "move", &v, &err), RP_OK);
  CHECK_STR(v, "graduating");
  free(v);
  CHECK_INT(ws_text_set(db, "move", "sideways", &err), RP_INVALID);
  CHECK_STR(err.field, "move");
  CHECK_STR(err.msg, "kind of move 'sideways' is not one of: new-career, career-change, "
                     "job-change, employer-change, school, graduating");
  CHECK_INT(ws_text_get(db, "move", &v, &err), RP_OK); /* unchanged */
  CHECK_STR(v, "graduating");
  free(v);
  CHECK_INT(ws_text_set(db, "move", "", &err), RP_OK);
  CHECK_INT(ws_text_get(db, "move", &v, &err), RP_OK);
  CHECK(v == NULL);

  /* unknown keys */
  CHECK_INT(ws_text_set(db, "wants", "x", &err), RP_INVALID);
  CHECK_STR(err.msg, "unknown worksheet text 'wants'; allowed: want, pitch, move");
  CHECK_STR(err.field, "key");
  CHECK_INT(ws_text_get(db, "nope", &v, &err), RP_INVALID);
  CHECK(v == NULL);
  CHECK_INT(ws_text_set(db, NULL, "x", &err), RP_INVALID);
  delete_all();
}

/* Validation of one item: status, field and message. */
static void check_invalid(const struct rp_ws_item *it, const char *field, const char *msg) {
  struct rp_err err;
  CHECK_INT(ws_item_validate(it, &err), RP_INVALID);
  CHECK_STR(err.field, field);
  CHECK_STR(err.msg, msg);
}

static void test_validate(void) {
  struct rp_ws_item it;
  struct rp_err err;
  ws_item_init(&it, WS_SUPERPOWER);
  check_invalid(&it, "title", "a superpower needs a title");
  it.title = xstrdup(" \t\n");
  check_invalid(&it, "title", "a superpower needs a title");
  str_replace(&it.title, "Facilitation");
  CHECK_INT(ws_item_validate(&it, &err), RP_OK);
  it.n1 = 3;
  check_invalid(&it, "n1", "a superpower has no score n1 (it must be 0, not 3)");
  it.n1 = 0;
  it.n3 = 1;
  check_invalid(&it, "n3", "a superpower has no score n3 (it must be 0, not 1)");
  ws_item_free(&it);

  ws_item_init(&it, WS_GAP);
  check_invalid(&it, "title", "an information gap needs a question");
  ws_item_free(&it);
  ws_item_init(&it, WS_PROBLEM);
  it.title = xstrdup("x");
  it.n2 = 2;
  check_invalid(&it, "n2", "a problem has no score n2 (it must be 0, not 2)");
  ws_item_free(&it);

  ws_item_init(&it, WS_SKILL);
  check_invalid(&it, "title", "a skill needs a name");
  it.title = xstrdup("SQL");
  check_invalid(&it, "kind", "kind must be hard or soft");
  it.kind = xstrdup("medium");
  check_invalid(&it, "kind", "kind must be hard or soft, not 'medium'");
  str_replace(&it.kind, " HARD ");
  it.n1 = 7;
  it.n2 = 3;
  check_invalid(&it, "n1", "proficiency must be from 1 to 5, not 7");
  it.n1 = 0;
  check_invalid(&it, "n1", "proficiency must be from 1 to 5, not 0");
  it.n1 = 5;
  it.n2 = 0;
  check_invalid(&it, "n2", "enjoyment must be from 1 to 5, not 0");
  it.n2 = -1;
  check_invalid(&it, "n2", "enjoyment must be from 1 to 5, not -1");
  it.n2 = 1;
  CHECK_INT(ws_item_validate(&it, &err), RP_OK);
  it.n3 = 2;
  check_invalid(&it, "n3", "a skill has no score n3 (it must be 0, not 2)");
  ws_item_free(&it);

  ws_item_init(&it, WS_OPTION);
  it.title = xstrdup("Data PM");
  CHECK_INT(ws_item_validate(&it, &err), RP_OK); /* unscored is fine */
  it.n1 = 6;
  check_invalid(&it, "n1", "the skills score must be from 1 to 5 (or 0 for not scored), not 6");
  it.n1 = 5;
  it.n2 = -2;
  check_invalid(&it, "n2", "the value score must be from 1 to 5 (or 0 for not scored), not -2");
  it.n2 = 1;
  it.n3 = 9;
  check_invalid(&it, "n3", "the learning score must be from 1 to 5 (or 0 for not scored), not 9");
  it.n3 = 5;
  CHECK_INT(ws_item_validate(&it, &err), RP_OK);

  /* insert refuses what validate refuses, and writes nothing */
  it.n3 = 9;
  CHECK_INT(ws_item_insert(db, &it, &err), RP_INVALID);
  CHECK_STR(err.field, "n3");
  CHECK_INT(it.id, 0);
  ws_item_free(&it);
  CHECK_TITLES(WS_OPTION, "");
}

static void test_crud(void) {
  struct rp_err err;
  set_now(1795000000);
  struct rp_ws_item it;
  ws_item_init(&it, WS_SKILL);
  it.title = xstrdup("  SQL  ");
  it.kind = xstrdup("Hard");
  it.n1 = 4;
  it.n2 = 5;
  it.flag = true;
  it.text1 = xstrdup(" evening course ");
  it.text2 = xstrdup("not used by skills");
  it.ref = 12;
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  CHECK(it.id > 0);
  CHECK_STR(it.title, "SQL");
  CHECK_STR(it.kind, "hard");
  CHECK_STR(it.text1, "evening course");
  CHECK(it.text2 == NULL);
  CHECK_INT(it.ref, 0);
  CHECK_INT(it.created_at, 1795000000);
  CHECK_INT(it.updated_at, 1795000000);
  int64_t id = it.id;
  ws_item_free(&it);
  CHECK_INT(it.section, WS_SKILL);
  CHECK(it.title == NULL);

  /* get */
  CHECK_INT(ws_item_get(db, id, &it, &err), RP_OK);
  CHECK_INT(it.section, WS_SKILL);
  CHECK_STR(it.title, "SQL");
  CHECK_INT(it.n1, 4);
  CHECK_INT(it.n2, 5);
  CHECK_INT(it.n3, 0);
  CHECK(it.flag);
  CHECK_STR(it.text1, "evening course");

  /* update */
  set_now(1795000100);
  str_replace(&it.title, "SQL and dbt");
  it.flag = false;
  it.n1 = 3;
  str_replace(&it.kind, "soft");
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, id, &it, &err), RP_OK);
  CHECK_STR(it.title, "SQL and dbt");
  CHECK_STR(it.kind, "soft");
  CHECK(!it.flag);
  CHECK_INT(it.n1, 3);
  CHECK_INT(it.created_at, 1795000000);
  CHECK_INT(it.updated_at, 1795000100);
  /* an invalid update changes nothing */
  it.n2 = 8;
  CHECK_INT(ws_item_update(db, &it, &err), RP_INVALID);
  CHECK_STR(err.field, "n2");
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, id, &it, &err), RP_OK);
  CHECK_INT(it.n2, 5);
  /* the section of an entry cannot change */
  it.section = WS_SUPERPOWER;
  it.n1 = it.n2 = 0;
  CHECK_INT(ws_item_update(db, &it, &err), RP_INVALID);
  CHECK_STR(err.field, "section");
  char *msg = xasprintf("entry %lld is a skill, not a superpower", (long long)id);
  CHECK_STR(err.msg, msg);
  free(msg);
  ws_item_free(&it);

  /* missing ids */
  ws_item_init(&it, WS_GAP);
  it.title = xstrdup("q");
  it.id = 999;
  CHECK_INT(ws_item_update(db, &it, &err), RP_NO);
  CHECK_STR(err.msg, "no worksheet entry with id 999");
  it.id = 0;
  CHECK_INT(ws_item_update(db, &it, &err), RP_NO);
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, 999, &it, &err), RP_NO);
  CHECK_STR(err.msg, "no worksheet entry with id 999");
  CHECK(it.title == NULL);

  /* delete: hard, once */
  CHECK_INT(ws_item_delete(db, id, &err), RP_OK);
  CHECK_INT(ws_item_get(db, id, &it, &err), RP_NO);
  CHECK_INT(ws_item_delete(db, id, &err), RP_NO);
  msg = xasprintf("no worksheet entry with id %lld", (long long)id);
  CHECK_STR(err.msg, msg);
  free(msg);

  /* each section round-trips its own fields */
  int64_t sp = add(WS_SUPERPOWER, "Facilitation", "Ran 12 workshops", NULL, 0, 0, 0);
  ws_item_init(&it, WS_PROBLEM);
  it.title = xstrdup("Closed transit data");
  it.text1 = xstrdup("I commute two hours");
  it.text2 = xstrdup("City Transit Lab");
  it.kind = xstrdup("hard"); /* not a skill: dropped */
  it.flag = true;            /* not used by problems: dropped */
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  CHECK_STR(it.text2, "City Transit Lab");
  CHECK(it.kind == NULL);
  CHECK(!it.flag);
  int64_t pr = it.id;
  ws_item_free(&it);
  ws_item_init(&it, WS_GAP);
  it.title = xstrdup("What does a day look like?");
  it.flag = true;
  it.text1 = xstrdup("Mostly meetings");
  it.ref = 42;
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  int64_t gap = it.id;
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, gap, &it, &err), RP_OK);
  CHECK(it.flag);
  CHECK_INT(it.ref, 42);
  CHECK_STR(it.text1, "Mostly meetings");
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, sp, &it, &err), RP_OK);
  CHECK_INT(it.section, WS_SUPERPOWER);
  CHECK_STR(it.text1, "Ran 12 workshops");
  ws_item_free(&it);
  CHECK_INT(ws_item_get(db, pr, &it, &err), RP_OK);
  CHECK_INT(it.section, WS_PROBLEM);
  ws_item_free(&it);
  unsetenv("RAPPORT_NOW");
  delete_all();
}

static void test_order(void) {
  struct rp_err err;
  /* added order for superpowers and problems */
  add(WS_SUPERPOWER, "Zeta", "did z", NULL, 0, 0, 0);
  add(WS_SUPERPOWER, "alpha", "did a", NULL, 0, 0, 0);
  add(WS_SUPERPOWER, "Mid", "did m", NULL, 0, 0, 0);
  CHECK_TITLES(WS_SUPERPOWER, "Zeta|alpha|Mid");
  add(WS_PROBLEM, "P2", NULL, NULL, 0, 0, 0);
  add(WS_PROBLEM, "P1", NULL, NULL, 0, 0, 0);
  CHECK_TITLES(WS_PROBLEM, "P2|P1");
  /* skills by name, case-insensitively */
  add(WS_SKILL, "sql", NULL, "hard", 3, 3, 0);
  add(WS_SKILL, "Facilitation", NULL, "soft", 4, 5, 0);
  add(WS_SKILL, "Écoute", NULL, "soft", 2, 2, 0);
  add(WS_SKILL, "python", NULL, "hard", 2, 4, 0);
  CHECK_TITLES(WS_SKILL, "Facilitation|python|sql|Écoute");
  /* options best first; ties in the order added */
  add(WS_OPTION, "low", NULL, NULL, 1, 1, 1);
  add(WS_OPTION, "best", NULL, NULL, 4, 5, 3);
  add(WS_OPTION, "unscored", NULL, NULL, 0, 0, 0);
  add(WS_OPTION, "tie-a", NULL, NULL, 2, 2, 2);
  add(WS_OPTION, "tie-b", NULL, NULL, 3, 3, 0);
  CHECK_TITLES(WS_OPTION, "best|tie-a|tie-b|low|unscored");
  /* open gaps before answered ones, each in the order added */
  int64_t g1 = add(WS_GAP, "g1", NULL, NULL, 0, 0, 0);
  add(WS_GAP, "g2", NULL, NULL, 0, 0, 0);
  add(WS_GAP, "g3", NULL, NULL, 0, 0, 0);
  CHECK_TITLES(WS_GAP, "g1|g2|g3");
  struct rp_ws_item it;
  CHECK_INT(ws_item_get(db, g1, &it, &err), RP_OK);
  it.flag = true;
  str_replace(&it.text1, "answered");
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  ws_item_free(&it);
  CHECK_TITLES(WS_GAP, "g2|g3|g1");
  /* an update keeps the place in the added order */
  CHECK_INT(ws_item_get(db, g1, &it, &err), RP_OK);
  it.flag = false;
  CHECK_INT(ws_item_update(db, &it, &err), RP_OK);
  ws_item_free(&it);
  CHECK_TITLES(WS_GAP, "g1|g2|g3");
  /* sections do not mix */
  struct rp_ws_list l;
  CHECK_INT(ws_item_list(db, WS_GAP, &l, &err), RP_OK);
  CHECK_INT(l.n, 3);
  for (size_t i = 0; i < l.n; i++) CHECK_INT(l.v[i].section, WS_GAP);
  ws_list_free(&l);
  CHECK(l.v == NULL && l.n == 0);
  struct rp_ws_item opt;
  ws_item_init(&opt, WS_OPTION);
  opt.n1 = 4;
  opt.n2 = 5;
  opt.n3 = 3;
  CHECK_INT(ws_option_score(&opt), 12);
  delete_all();
}

static bool needs(const char *title, const char *evidence) {
  struct rp_ws_item it;
  ws_item_init(&it, WS_SUPERPOWER);
  it.title = xstrdup(title);
  it.text1 = xstrdup(evidence);
  bool needs = ws_needs_evidence(&it);
  free(it.title);
  free(it.text1);
  return needs;
}

static void test_needs_evidence(void) {
  CHECK(needs("Strong communicator", NULL));
  CHECK(needs("Strong communicator", ""));
  CHECK(needs("Strong communicator", "  \n\t "));
  CHECK(needs("Strong communicator", "communicator, strong!"));
  CHECK(needs("Strong communicator", "STRONG COMMUNICATOR."));
  CHECK(needs("Strong communicator", "Strong... communicator"));
  CHECK(needs("Strong communicator", "strong"));
  CHECK(needs("Strong communicator", "I am a very strong communicator"));
  CHECK(needs("Problem-solving", "problem solving"));
  CHECK(needs("Problem-solving", "?!"));
  CHECK(!needs("Strong communicator", "wrote the proposal that won the Acme contract"));
  CHECK(!needs("Strong communicator", "strong communicator: ran the 2024 all-hands"));
  CHECK(!needs("Facilitation", "Ran 12 workshops for the board"));
  /* UTF-8 words are kept and compared in small letters */
  CHECK(needs("Écoute active", "écoute ACTIVE"));
  CHECK(needs("Zoë's empathy", "ZOË'S EMPATHY"));
  CHECK(!needs("Écoute active", "écoute des clients de la RATP"));
  CHECK(!needs("沟通", "主持了 12 次研讨会"));
  CHECK(needs("沟通 能力", "能力 沟通"));
  /* only superpowers need evidence */
  struct rp_ws_item it;
  ws_item_init(&it, WS_PROBLEM);
  char x[] = "x";
  it.title = x;
  CHECK(!ws_needs_evidence(&it));
  CHECK(!ws_needs_evidence(NULL));
}

/* A pitch of n words; caller frees. */
static char *words(int n) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int i = 0; i < n; i++) buf_adds(&b, i % 7 ? " word" : "\n  mot");
  return buf_steal(&b);
}

static void test_pitch_timing(void) {
  struct rp_pitch_timing t;
  ws_pitch_timing(NULL, 150, 30, &t);
  CHECK_INT(t.words, 0);
  CHECK_INT(t.seconds, 0);
  CHECK(!t.too_long);
  ws_pitch_timing(" \n\t ", 150, 30, &t);
  CHECK_INT(t.words, 0);
  ws_pitch_timing("one", 150, 30, &t);
  CHECK_INT(t.words, 1);
  CHECK_INT(t.seconds, 1); /* rounded up */
  ws_pitch_timing("Hi — I'm Zoë,\n\na data\tanalyst. ", 150, 30, &t);
  CHECK_INT(t.words, 7); /* "—" is a run of non-space too */
  CHECK_INT(t.seconds, 3);
  char *p = words(75);
  ws_pitch_timing(p, 150, 30, &t);
  CHECK_INT(t.words, 75);
  CHECK_INT(t.seconds, 30);
  CHECK(!t.too_long);
  free(p);
  p = words(76);
  ws_pitch_timing(p, 150, 30, &t);
  CHECK_INT(t.words, 76);
  CHECK_INT(t.seconds, 31);
  CHECK(t.too_long);
  ws_pitch_timing(p, 120, 40, &t);
  CHECK_INT(t.seconds, 38);
  CHECK(!t.too_long);
  ws_pitch_timing(p, 0, 30, &t); /* no pace: 150 */
  CHECK_INT(t.seconds, 31);
  ws_pitch_timing(p, -5, 30, &t);
  CHECK_INT(t.seconds, 31);
  free(p);
}

static void check_missing(const struct rp_ws_completeness *c, const char *const *want, size_t n) {
  CHECK_INT(c->missing.n, n);
  for (size_t i = 0; i < n && i < c->missing.n; i++) CHECK_STR(c->missing.v[i], want[i]);
  CHECK_INT(c->filled + (int)c->missing.n, 8);
  CHECK_INT(c->total, 8);
}

static void test_completeness(void) {
  struct rp_config cfg = {.pitch_wpm = 150, .pitch_seconds = 30};
  struct rp_ws_completeness c;
  struct rp_err err;
  CHECK_INT(ws_completeness(db, &cfg, &c, &err), RP_OK);
  static const char *const empty[] = {
      "what I want is not written yet", "the kind of move is not chosen", "no superpower yet",
      "no problem written",             "no skills listed",               "no pitch yet",
      "no information gaps listed",     "no options to compare yet"};
  check_missing(&c, empty, 8);
  CHECK_INT(c.filled, 0);
  CHECK(!c.want && !c.move && !c.superpower_with_evidence && !c.problem && !c.skills &&
        !c.pitch && !c.gaps && !c.options);
  ws_completeness_free(&c);
  CHECK(c.missing.n == 0);

  /* a superpower without evidence is not enough */
  int64_t sp = add(WS_SUPERPOWER, "Strong communicator", "strong communicator", NULL, 0, 0, 0);
  CHECK_INT(ws_completeness(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.missing.v[2], "no superpower has evidence yet");
  CHECK(!c.superpower_with_evidence);
  ws_completeness_free(&c);

  /* fill everything */
  add(WS_SUPERPOWER, "Facilitation", "Ran 12 workshops for Acme's board", NULL, 0, 0, 0);
  add(WS_PROBLEM, "Closed transit data", NULL, NULL, 0, 0, 0);
  add(WS_SKILL, "SQL", NULL, "hard", 4, 5, 0);
  add(WS_GAP, "What does a day look like?", NULL, NULL, 0, 0, 0);
  add(WS_OPTION, "Data PM", NULL, NULL, 0, 0, 0);
  CHECK_INT(ws_text_set(db, "want", "A data role", &err), RP_OK);
  CHECK_INT(ws_text_set(db, "move", "career change", &err), RP_OK);
  char *p = words(75);
  CHECK_INT(ws_text_set(db, "pitch", p, &err), RP_OK);
  free(p);
  CHECK_INT(ws_completeness(db, &cfg, &c, &err), RP_OK);
  check_missing(&c, NULL, 0);
  CHECK_INT(c.filled, 8);
  CHECK(c.want && c.move && c.superpower_with_evidence && c.problem && c.skills && c.pitch &&
        c.gaps && c.options);
  ws_completeness_free(&c);
  (void)sp;

  /* a pitch over the limit is missing, with its time */
  p = words(105);
  CHECK_INT(ws_text_set(db, "pitch", p, &err), RP_OK);
  free(p);
  CHECK_INT(ws_completeness(db, &cfg, &c, &err), RP_OK);
  static const char *const long_pitch[] = {"the pitch runs 42 s; aim for 30 s"};
  check_missing(&c, long_pitch, 1);
  CHECK(!c.pitch);
  ws_completeness_free(&c);
  /* … measured with the configured pace and limit */
  cfg.pitch_wpm = 210;
  cfg.pitch_seconds = 20;
  CHECK_INT(ws_completeness(db, &cfg, &c, &err), RP_OK);
  static const char *const long_pitch2[] = {"the pitch runs 30 s; aim for 20 s"};
  check_missing(&c, long_pitch2, 1);
  ws_completeness_free(&c);
  cfg.pitch_seconds = 45;
  CHECK_INT(ws_completeness(db, &cfg, &c, &err), RP_OK);
  check_missing(&c, NULL, 0);
  ws_completeness_free(&c);
  /* no config: 150 words a minute, 30 s */
  CHECK_INT(ws_completeness(db, NULL, &c, &err), RP_OK);
  check_missing(&c, long_pitch, 1);
  ws_completeness_free(&c);
  delete_all();
}

/* Everything written is there after closing and opening the journal. */
static void test_persistence(void) {
  struct rp_err err;
  CHECK_INT(ws_text_set(db, "want", "Zoë's path: «data» for transit", &err), RP_OK);
  CHECK_INT(ws_text_set(db, "move", "job change", &err), RP_OK);
  int64_t id = add(WS_OPTION, "Data PM", "talk to Maya", NULL, 4, 5, 3);
  reopen();
  char *v = NULL;
  CHECK_INT(ws_text_get(db, "want", &v, &err), RP_OK);
  CHECK_STR(v, "Zoë's path: «data» for transit");
  free(v);
  CHECK_INT(ws_text_get(db, "move", &v, &err), RP_OK);
  CHECK_STR(v, "job-change");
  free(v);
  struct rp_ws_item it;
  CHECK_INT(ws_item_get(db, id, &it, &err), RP_OK);
  CHECK_STR(it.title, "Data PM");
  CHECK_STR(it.text1, "talk to Maya");
  CHECK_INT(ws_option_score(&it), 12);
  ws_item_free(&it);
  delete_all();
}

/* The schema's CHECKs refuse what validation would, even for raw SQL. */
static void test_schema_checks(void) {
  static const char *const bad[] = {
      "INSERT INTO ws_item (section, title, position, created_at, updated_at) "
      "VALUES ('nope', 't', 1, 1, 1)",
      "INSERT INTO ws_item (section, title, position, created_at, updated_at) "
      "VALUES ('gap', '  ', 1, 1, 1)",
      "INSERT INTO ws_item (section, title, kind, n1, n2, position, created_at, updated_at) "
      "VALUES ('skill', 't', 'medium', 3, 3, 1, 1, 1)",
      "INSERT INTO ws_item (section, title, kind, n1, n2, position, created_at, updated_at) "
      "VALUES ('skill', 't', 'hard', 0, 3, 1, 1, 1)",
      "INSERT INTO ws_item (section, title, n1, position, created_at, updated_at) "
      "VALUES ('option', 't', 6, 1, 1, 1)",
      "INSERT INTO ws_item (section, title, n1, position, created_at, updated_at) "
      "VALUES ('gap', 't', 1, 1, 1, 1)",
      "INSERT INTO ws_item (section, title, kind, position, created_at, updated_at) "
      "VALUES ('gap', 't', 'hard', 1, 1, 1)",
      "INSERT INTO ws_text (key, value, updated_at) VALUES ('other', 'x', 1)",
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(bad); i++) {
    int rc = sqlite3_exec(db_handle(db), bad[i], NULL, NULL, NULL);
    if (rc == SQLITE_OK) fprintf(stderr, "accepted: %s\n", bad[i]);
    CHECK(rc != SQLITE_OK);
  }
  CHECK_TITLES(WS_GAP, "");
}

int main(void) {
  setlocale(LC_ALL, "");
  unsetenv("RAPPORT_NOW");
  db_file = xasprintf("%s/worksheet.db", check_tmpdir());
  struct rp_err err;
  if (db_open(db_file, &db, &err) != RP_OK) {
    fprintf(stderr, "cannot open %s: %s\n", db_file, err.msg);
    return 2;
  }
  test_names();
  test_texts();
  test_validate();
  test_crud();
  test_order();
  test_needs_evidence();
  test_pitch_timing();
  test_completeness();
  test_persistence();
  test_schema_checks();
  db_close(db);
  free(db_file);
  check_rmtree(check_tmpdir());
  return check_done("test_worksheet");
}
