/* test_thanks_check.c — a specific thank-you names a topic of its call:
 * the person's names, your own name (config my_name), greetings and
 * closings, the config's common words and numbers never count; a phrase
 * shared with the notes (else the objective, else the questions) is
 * matched and named, the longest first; a draft that names nothing gets a
 * suggestion from the notes. And a stored thank-you never keeps a raw
 * {name}/{insight}/{objective}: filled, or its sentence dropped, when the
 * draft is made and when it is saved. Data made with plain SQL. */
#include "fixture.h"
#include "rapport/followup.h"

static struct rp_config cfg;
static struct rp_db *db;

static void seed(void) {
  fx_open_fresh(&db, "thanks_check.db");
  fx_set_now(1795000000);
  fx_exec(db, "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
              "VALUES (1, 'Priya Raman', 'warm', 'met', 0, 0), "
              "(2, 'Bo Chen', 'warm', 'met', 0, 0)");
  /* 1: notes, an objective and questions; 2: nothing at all */
  fx_exec(db, "INSERT INTO conversation (id, contact_id, minutes, status, ended_at, objective, "
              "created_at, updated_at) VALUES "
              "(1, 1, 20, 'held', 1794990400, 'how charities run their digital teams', 0, 0), "
              "(2, 2, 20, 'held', 1794990400, NULL, 0, 0)");
  fx_exec(db, "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
              "VALUES (1, 5, '', 'Priya thanks everyone who shares their time', 0, 0), "
              "(1, 60, 'action', 'Build a portfolio of 3 field stories', 0, 0), "
              "(1, 90, 'referral', 'Tomás Ruiz, CharityComms — runs their digital team', 0, 0)");
  fx_exec(db, "INSERT INTO question (conversation_id, position, text, created_at) VALUES "
              "(1, 1, 'What surprised you about volunteering abroad?', 0)");
}

/* The verdict of draft against conversation conv. */
static bool check(int conv, const char *draft, struct rp_specific *v) {
  struct rp_thanks_source src;
  struct rp_err err;
  CHECK_INT(followup_thanks_source(db, conv, &src, &err), RP_OK);
  bool yes = followup_check_specific(&cfg, draft, &src, v);
  CHECK(yes == v->specific);
  thanks_source_free(&src);
  return yes;
}

#define CHECK_VERDICT(conv, draft, want_yes, want_verdict) \
  do {                                                     \
    struct rp_specific v_;                                 \
    CHECK(check(conv, draft, &v_) == (want_yes));          \
    CHECK_STR(v_.verdict, want_verdict);                   \
    specific_free(&v_);                                    \
  } while (0)

static void test_names_and_greetings(void) {
  /* the generic thank-you: her name is in the notes, yours signs it */
  CHECK_VERDICT(1, "Hi Priya, thanks for your time! Best, Alex", false,
                "not specific: name something from the call, e.g. 'field stories'");
  /* your own name from the config, last name too; her full name */
  str_replace(&cfg.my_name, "Alex Everyone");
  CHECK_VERDICT(1, "Dear Priya Raman, thank you. Yours, Alex Everyone", false,
                "not specific: name something from the call, e.g. 'field stories'");
  free(cfg.my_name);
  cfg.my_name = NULL;
  /* without my_name, "everyone" is a word of the notes */
  CHECK_VERDICT(1, "Thanks, everyone", true, "names 'everyone' from your notes");
  /* greetings, closings, common words, numbers: nothing */
  CHECK_VERDICT(1, "Hello! Many thanks again, it was a pleasure. Kind regards, warm wishes. 3",
                false, "not specific: name something from the call, e.g. 'field stories'");
  /* the config's common words count for nothing; a list of your own works */
  CHECK_VERDICT(1, "I will share my time with you", false,
                "not specific: name something from the call, e.g. 'field stories'");
  strv_push(&cfg.specific_stopwords, "Portfolio");
  CHECK_VERDICT(1, "Thanks for the portfolio advice", false,
                "not specific: name something from the call, e.g. 'field stories'");
  free(cfg.specific_stopwords.v[--cfg.specific_stopwords.n]);
  CHECK_VERDICT(1, "Thanks for the portfolio advice", true, "names 'portfolio' from your notes");
}

static void test_phrases(void) {
  /* the longest phrase, as written in the notes */
  CHECK_VERDICT(1, "I am starting on the FIELD STORIES you suggested, and a portfolio.", true,
                "names 'field stories' from your notes");
  CHECK_VERDICT(1, "A portfolio of 3 field stories is next.", true,
                "names 'portfolio of 3 field stories' from your notes");
  /* a phrase of the objective, then of the questions, when the notes have none */
  CHECK_VERDICT(1, "Now I see how a small digital team works.", true,
                "names 'digital team' from your notes");
  CHECK_VERDICT(1, "What you said on running charities stayed with me.", true,
                "names 'charities' from your objective");
  CHECK_VERDICT(1, "Your story about volunteering abroad stayed with me.", true,
                "names 'volunteering abroad' from your questions");
  /* a call with nothing written: no suggestion */
  CHECK_VERDICT(2, "Hi Bo, thanks for your time!", false,
                "not specific: name something you talked about");
  /* through a stored thank-you */
  struct rp_err err;
  int64_t id;
  CHECK_INT(followup_thank_you(db, &cfg, 1, &id, &err), RP_OK);
  struct rp_specific v;
  CHECK_INT(followup_thanks_verdict(db, &cfg, id, "Those field stories!", &v, &err), RP_OK);
  CHECK(v.specific);
  CHECK_STR(v.phrase, "field stories");
  CHECK_STR(v.from, "notes");
  specific_free(&v);
  CHECK_INT(followup_thanks_verdict(db, &cfg, 999, NULL, &v, &err), RP_NO);
  specific_free(&v);
}

static void test_placeholders(void) {
  struct rp_err err;
  struct rp_followup f = {0};
  int64_t id;
  /* the shipped template: no insight note and no objective drop their sentences */
  CHECK_INT(followup_thank_you(db, &cfg, 2, &id, &err), RP_OK);
  CHECK_INT(followup_get(db, id, &f, &err), RP_OK);
  CHECK(strchr(f.draft, '{') == NULL);
  CHECK(strncmp(f.draft, "Hi Bo,\n\nThank you for taking the time to talk with me.\n\n", 56) == 0);
  CHECK(strstr(f.draft, "stayed with me") == NULL);
  CHECK(strstr(f.draft, "understand") == NULL);
  CHECK(strstr(f.draft, "I will let you know how it goes.") != NULL);
  CHECK(strstr(f.draft, "\n\n\n") == NULL);
  /* saving a draft fills what it can and drops the rest */
  str_replace(&f.draft, "Dear {name}. About {insight}: thanks. Next: {objective}! Bye");
  CHECK_INT(followup_update(db, &f, &err), RP_OK);
  CHECK_STR(f.draft, "Dear Bo. Bye");
  FX_CHECK_SQL(db, "SELECT draft FROM followup WHERE conversation_id = 2", "Dear Bo. Bye");
  followup_free(&f);
  /* filled where there is something to fill */
  fx_exec(db, "UPDATE followup SET draft = 'Hi {name}: {objective}.' WHERE conversation_id = 1");
  CHECK_INT(followup_thank_you(db, &cfg, 1, &id, &err), RP_OK); /* an old raw draft: filled */
  FX_CHECK_SQL(db, "SELECT draft FROM followup WHERE conversation_id = 1",
               "Hi Priya: how charities run their digital teams.");
  /* the insight: the first insight note, else the first note */
  CHECK_INT(followup_get(db, id, &f, &err), RP_OK);
  str_replace(&f.draft, "{insight}");
  CHECK_INT(followup_update(db, &f, &err), RP_OK);
  CHECK_STR(f.draft, "Priya thanks everyone who shares their time");
  followup_free(&f);
}

int main(void) {
  config_defaults(&cfg);
  seed();
  test_names_and_greetings();
  test_phrases();
  test_placeholders();
  db_close(db);
  config_free(&cfg);
  return check_done("test_thanks_check");
}
