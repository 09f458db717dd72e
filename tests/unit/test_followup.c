/* test_followup.c — the thank-you after a conversation: due the next day
 * (across month, year and leap-day boundaries, TZ=UTC), handwritten for
 * senior and executive people or the tag "traditional", created once, its
 * draft filled from the template, marking it sent moves the contact to
 * "thanked"; reads, updates and the list of open follow-ups; follow-ups
 * added by hand (kinds as keys or labels, validation), marked done and
 * snoozed (the effective due day); and the
 * specificity check: specific and generic drafts, common words ignored,
 * case and UTF-8. Contacts, conversations and notes are made with plain
 * SQL. */
#include <time.h>

#include "fixture.h"
#include "rapport/followup.h"

static struct rp_config cfg;
static struct rp_db *db;

/* Contact `id` named `name` at `seniority` (NULL) and `stage`. */
static void contact(int id, const char *name, const char *seniority, const char *stage) {
  fx_execf(db,
           "INSERT INTO contact (id, name, warmth, seniority, stage, created_at, updated_at) "
           "VALUES (%d, '%s', 'warm', %s%s%s, '%s', 0, 0)",
           id, name, seniority ? "'" : "", seniority ? seniority : "NULL", seniority ? "'" : "",
           stage);
}

/* A conversation of contact `who` with `status`, ended at `ended` (0 =
 * NULL) and `objective` (NULL). */
static void conversation(int id, int who, const char *status, long long ended,
                         const char *objective) {
  fx_execf(db,
           "INSERT INTO conversation (id, contact_id, minutes, status, ended_at, objective, "
           "created_at, updated_at) VALUES (%d, %d, 20, '%s', NULL, %s%s%s, 0, 0)",
           id, who, status, objective ? "'" : "", objective ? objective : "NULL",
           objective ? "'" : "");
  if (ended) fx_execf(db, "UPDATE conversation SET ended_at = %lld WHERE id = %d", ended, id);
}

static void note(int conv, int offset, const char *tag, const char *text) {
  fx_execf(db,
           "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
           "VALUES (%d, %d, '%s', '%s', 0, 0)",
           conv, offset, tag, text);
}

static struct rp_followup thanks(int conv, enum rp_status want) {
  struct rp_followup f = {0};
  struct rp_err err;
  int64_t id = -1;
  CHECK_INT(followup_thank_you(db, &cfg, conv, &id, &err), want);
  if (want != RP_OK) {
    CHECK_INT(id, 0);
    return f;
  }
  CHECK(id > 0);
  CHECK_INT(followup_get(db, id, &f, &err), RP_OK);
  return f;
}

static void test_due(void) {
  fx_open_fresh(&db, "due.db");
  fx_set_now(1795000000);
  contact(1, "Priya Shah", "mid", "met");
  conversation(1, 1, "held", 1794990400, NULL);  /* 2026-11-18 08:26 */
  conversation(2, 1, "held", 1796076000, NULL);  /* 2026-11-30 22:00 */
  conversation(3, 1, "held", 1798761599, NULL);  /* 2026-12-31 23:59:59 */
  conversation(4, 1, "held", 1835344800, NULL);  /* 2028-02-28 (leap year) */
  conversation(5, 1, "held", 1803808800, NULL);  /* 2027-02-28 */
  conversation(6, 1, "interrupted", 0, NULL);    /* no end: now, 2026-11-18 */
  static const char *const want[] = {"2026-11-19", "2026-12-01", "2027-01-01",
                                     "2028-02-29", "2027-03-01", "2026-11-19"};
  for (int i = 0; i < 6; i++) {
    struct rp_followup f = thanks(i + 1, RP_OK);
    CHECK_STR(f.due, want[i]);
    CHECK_STR(f.kind, "thank-you");
    CHECK_STR(f.status, "open");
    CHECK(f.auto_created);
    CHECK(f.snoozed_until == NULL && f.note == NULL && f.outcome_id == 0);
    CHECK_STR(f.contact_name, "Priya Shah");
    CHECK_INT(f.conversation_id, i + 1);
    CHECK_INT(f.created_at, 1795000000);
    followup_free(&f);
  }
  /* thank_you_days from the config: 0 = the same day, 3 days */
  cfg.thank_you_days = 0;
  conversation(7, 1, "held", 1796076000, NULL);
  struct rp_followup f = thanks(7, RP_OK);
  CHECK_STR(f.due, "2026-11-30");
  followup_free(&f);
  cfg.thank_you_days = 3;
  conversation(8, 1, "held", 1798761599, NULL);
  f = thanks(8, RP_OK);
  CHECK_STR(f.due, "2027-01-03");
  followup_free(&f);
  cfg.thank_you_days = 1;

  /* local time decides the day: 22:00 UTC is the next day in Tokyo */
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  conversation(9, 1, "held", 1796076000, NULL);
  f = thanks(9, RP_OK);
  CHECK_STR(f.due, "2026-12-02");
  followup_free(&f);
  setenv("TZ", "UTC", 1);
  tzset();

  /* not held yet, cancelled, or unknown: no thank-you */
  conversation(10, 1, "planned", 0, NULL);
  conversation(11, 1, "cancelled", 0, NULL);
  f = thanks(10, RP_INVALID);
  f = thanks(11, RP_INVALID);
  f = thanks(99, RP_INVALID);
  struct rp_err err;
  int64_t id;
  CHECK_INT(followup_thank_you(db, &cfg, 10, &id, &err), RP_INVALID);
  CHECK_STR(err.field, "conversation");
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup WHERE conversation_id IN (10, 11)", "0");
}

static void test_medium_once_template(void) {
  fx_open_fresh(&db, "medium.db");
  fx_set_now(1795000000);
  contact(1, "Priya Shah", "senior", "met");
  contact(2, "Ada Lovelace", "executive", "met");
  contact(3, "Bo Chen", "mid", "met");
  contact(4, "Dr. Ines Ruiz", NULL, "met");
  contact(5, "Sam", "junior", "met");
  fx_exec(db, "INSERT INTO contact_tag (contact_id, tag) VALUES (5, 'Traditional')");
  for (int i = 1; i <= 5; i++) conversation(i, i, "held", 1794990400, "how research teams hire");
  static const char *const medium[] = {"handwritten", "handwritten", "email", "email",
                                       "handwritten"};
  for (int i = 0; i < 5; i++) {
    struct rp_followup f = thanks(i + 1, RP_OK);
    CHECK_STR(f.medium, medium[i]);
    followup_free(&f);
  }
  /* handwritten_for from the config */
  strv_clear(&cfg.handwritten_seniority);
  strv_push(&cfg.handwritten_seniority, "mid");
  conversation(6, 3, "held", 1794990400, NULL);
  conversation(7, 1, "held", 1794990400, NULL);
  struct rp_followup f = thanks(6, RP_OK);
  CHECK_STR(f.medium, "handwritten");
  followup_free(&f);
  f = thanks(7, RP_OK);
  CHECK_STR(f.medium, "email");
  followup_free(&f);
  strv_clear(&cfg.handwritten_seniority);
  strv_push(&cfg.handwritten_seniority, "senior");
  strv_push(&cfg.handwritten_seniority, "executive");

  /* created once: the same id, one row, the draft not remade */
  struct rp_err err;
  int64_t a = 0, b = 0;
  CHECK_INT(followup_thank_you(db, &cfg, 1, &a, &err), RP_OK);
  fx_exec(db, "UPDATE followup SET draft = 'edited' WHERE conversation_id = 1");
  CHECK_INT(followup_thank_you(db, &cfg, 1, &b, &err), RP_OK);
  CHECK(a == b && a > 0);
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup WHERE conversation_id = 1", "1");
  FX_CHECK_SQL(db, "SELECT draft FROM followup WHERE conversation_id = 1", "edited");

  /* the template: first name, the first insight (else the first note), the
   * objective; a placeholder with nothing to fill it goes (with its
   * sentence: test_thanks_check.c) */
  str_replace(&cfg.thank_you_template, "Hi {name}. Notes: {insight}. Goal: {objective}.");
  conversation(20, 1, "held", 1794990400, "how research teams hire");
  note(20, 5, "", "They hire twice a year");
  note(20, 50, "insight", "Writing samples matter more than degrees");
  note(20, 90, "insight", "A later insight");
  note(20, 2, "action", "Send the paper");
  f = thanks(20, RP_OK);
  CHECK_STR(f.draft, "Hi Priya. Notes: Writing samples matter more than degrees. Goal: how "
                    "research teams hire.");
  followup_free(&f);
  conversation(21, 4, "held", 1794990400, NULL);
  note(21, 9, "referral", "Talk to Bo");
  note(21, 3, "", "Labs move slowly");
  f = thanks(21, RP_OK);
  CHECK_STR(f.draft, "Hi Dr. Ines Ruiz. Notes: Labs move slowly."); /* a title keeps the name */
  followup_free(&f);
  conversation(22, 5, "held", 1794990400, "");
  f = thanks(22, RP_OK);
  CHECK_STR(f.draft, "Hi Sam.");
  followup_free(&f);

  /* the shipped template, filled */
  config_free(&cfg);
  config_defaults(&cfg);
  conversation(23, 3, "held", 1794990400, "how research teams hire");
  note(23, 5, "insight", "writing samples matter more than degrees");
  f = thanks(23, RP_OK);
  CHECK(strncmp(f.draft, "Hi Bo,\n", 7) == 0);
  CHECK(strstr(f.draft, "writing samples matter more than degrees") != NULL);
  CHECK(strstr(f.draft, "how research teams hire") != NULL);
  CHECK(strchr(f.draft, '{') == NULL);
  struct rp_strv notes = {0};
  strv_push(&notes, "writing samples matter more than degrees");
  CHECK(followup_specific(&cfg, f.draft, &notes, NULL));
  strv_free(&notes);
  followup_free(&f);
}

static void test_mark_update_list(void) {
  fx_open_fresh(&db, "mark.db");
  fx_set_now(1795000000);
  contact(1, "Priya Shah", "mid", "met");
  contact(2, "Bo Chen", "mid", "keeping-in-touch");
  contact(3, "Ines Ruiz", "mid", "met");
  conversation(1, 1, "held", 1796076000, NULL);
  conversation(2, 2, "held", 1794990400, NULL);
  conversation(3, 3, "held", 1798761599, NULL);
  struct rp_followup f1 = thanks(1, RP_OK), f2 = thanks(2, RP_OK), f3 = thanks(3, RP_OK);
  struct rp_err err;

  /* open follow-ups, soonest first; by contact */
  struct rp_followup_list l;
  CHECK_INT(followup_list_open(db, 0, &l, &err), RP_OK);
  CHECK_INT(l.n, 3);
  if (l.n == 3) {
    CHECK(l.v[0].id == f2.id);
    CHECK(l.v[1].id == f1.id);
    CHECK(l.v[2].id == f3.id);
    CHECK_STR(l.v[0].contact_name, "Bo Chen");
  }
  followup_list_free(&l);
  CHECK_INT(followup_list_open(db, 1, &l, &err), RP_OK);
  CHECK_INT(l.n, 1);
  followup_list_free(&l);

  /* sent: the contact moves to "thanked" */
  fx_set_now(1795100000);
  CHECK_INT(followup_mark(db, &cfg, f1.id, "sent", &err), RP_OK);
  FX_CHECK_STAGE(db, 1, "thanked");
  struct rp_followup g;
  CHECK_INT(followup_get(db, f1.id, &g, &err), RP_OK);
  CHECK_STR(g.status, "sent");
  CHECK_INT(g.done_at, 1795100000);
  followup_free(&g);
  /* a later stage stays */
  CHECK_INT(followup_mark(db, &cfg, f2.id, "sent", &err), RP_OK);
  FX_CHECK_STAGE(db, 2, "keeping-in-touch");
  /* skipped: no move; open again undoes */
  CHECK_INT(followup_mark(db, &cfg, f3.id, "skipped", &err), RP_OK);
  FX_CHECK_STAGE(db, 3, "met");
  CHECK_INT(followup_list_open(db, 0, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
  followup_list_free(&l);
  CHECK_INT(followup_mark(db, &cfg, f3.id, "open", &err), RP_OK);
  CHECK_INT(followup_get(db, f3.id, &g, &err), RP_OK);
  CHECK_STR(g.status, "open");
  CHECK_INT(g.done_at, 0);
  followup_free(&g);
  CHECK_INT(followup_mark(db, &cfg, f3.id, "finished", &err), RP_INVALID);
  CHECK_STR(err.field, "status");
  CHECK_INT(followup_mark(db, &cfg, 999, "sent", &err), RP_NO);
  CHECK_INT(followup_get(db, 999, &g, &err), RP_NO);

  /* update: draft, due and medium, validated */
  str_replace(&f3.draft, "New draft");
  str_replace(&f3.due, " 2027-02-28 ");
  str_replace(&f3.medium, "handwritten");
  CHECK_INT(followup_update(db, &f3, &err), RP_OK);
  CHECK_STR(f3.due, "2027-02-28");
  CHECK_INT(followup_get(db, f3.id, &g, &err), RP_OK);
  CHECK_STR(g.draft, "New draft");
  CHECK_STR(g.due, "2027-02-28");
  CHECK_STR(g.medium, "handwritten");
  CHECK_INT(g.updated_at, 1795100000);
  followup_free(&g);
  str_replace(&f3.due, "2027-02-29");
  CHECK_INT(followup_update(db, &f3, &err), RP_INVALID);
  CHECK_STR(err.field, "due");
  str_replace(&f3.due, "2027-03-01");
  str_replace(&f3.medium, "  ");
  CHECK_INT(followup_update(db, &f3, &err), RP_INVALID);
  CHECK_STR(err.field, "medium");
  str_replace(&f3.medium, "email");
  f3.id = 999;
  CHECK_INT(followup_update(db, &f3, &err), RP_NO);

  /* a deleted contact's follow-ups are not listed */
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 3");
  CHECK_INT(followup_list_open(db, 0, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
  followup_list_free(&l);
  followup_free(&f1);
  followup_free(&f2);
  followup_free(&f3);
}

/* Follow-ups by hand: kinds as keys or labels, due today by default,
 * validation; marking done (a thank-you done moves the contact like one
 * sent); snoozing and the effective due day. */
static void test_add_done_snooze(void) {
  fx_open_fresh(&db, "add.db");
  fx_set_now(1795000000); /* 2026-11-18 08:26 UTC */
  contact(1, "Priya Shah", "mid", "met");
  contact(2, "Bo Chen", "mid", "met");
  fx_exec(db, "UPDATE contact SET deleted_at = 5 WHERE id = 2");
  struct rp_err err;

  /* the kinds and their labels line up */
  CHECK_STR(rp_followup_kinds[1], "check-in");
  CHECK_STR(rp_followup_kind_labels[1], "check in");
  CHECK_STR(rp_followup_kind_labels[3], "report success");

  struct rp_followup f = {0};
  f.contact_id = 1;
  f.kind = xstrdup(" Share an update ");
  f.note = xstrdup("  the new job  ");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  CHECK(f.id > 0);
  CHECK_STR(f.kind, "update");
  CHECK_STR(f.due, "2026-11-18");
  CHECK_STR(f.medium, "email");
  CHECK_STR(f.note, "the new job");
  CHECK_STR(f.status, "open");
  struct rp_followup g;
  CHECK_INT(followup_get(db, f.id, &g, &err), RP_OK);
  CHECK_STR(g.kind, "update");
  CHECK_STR(g.note, "the new job");
  CHECK_STR(g.contact_name, "Priya Shah");
  CHECK(!g.auto_created);
  CHECK(g.snoozed_until == NULL);
  CHECK_INT(g.created_at, 1795000000);
  CHECK_STR(followup_effective_due(&g), "2026-11-18");
  followup_free(&g);
  int64_t update_id = f.id;
  followup_free(&f);

  /* a due day, a medium, the kind as a key */
  f.contact_id = 1;
  f.kind = xstrdup("check-in");
  f.due = xstrdup("2026-12-01");
  f.medium = xstrdup("phone");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  CHECK_STR(f.due, "2026-12-01");
  int64_t checkin_id = f.id;
  followup_free(&f);

  /* mistakes: nothing is added */
  static const struct {
    int64_t contact;
    const char *kind, *due, *note, *field;
  } bad[] = {
      {1, "party", NULL, NULL, "kind"},
      {1, NULL, NULL, NULL, "kind"},
      {1, "update", "2026-02-30", NULL, "due"},
      {1, "update", "tomorrow", NULL, "due"},
      {1, "custom", NULL, "   ", "note"},
      {2, "update", NULL, NULL, "contact"},
      {99, "update", NULL, NULL, "contact"},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(bad); i++) {
    memset(&f, 0, sizeof f);
    f.contact_id = bad[i].contact;
    f.kind = xstrdup(bad[i].kind);
    f.due = xstrdup(bad[i].due);
    f.note = xstrdup(bad[i].note);
    CHECK_INT(followup_add(db, &f, &err), RP_INVALID);
    CHECK_STR(err.field, bad[i].field);
    CHECK_INT(f.id, 0);
    followup_free(&f);
  }
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup", "2");
  /* custom with a note is fine */
  f.contact_id = 1;
  f.kind = xstrdup("custom");
  f.note = xstrdup("send them the paper");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  followup_free(&f);

  /* snooze: from today, open ones only, 1–365 days; the due day stays */
  fx_set_now(1795100000); /* 2026-11-19 */
  CHECK_INT(followup_snooze(db, update_id, 3, &err), RP_OK);
  CHECK_INT(followup_get(db, update_id, &g, &err), RP_OK);
  CHECK_STR(g.due, "2026-11-18");
  CHECK_STR(g.snoozed_until, "2026-11-22");
  CHECK_STR(followup_effective_due(&g), "2026-11-22");
  CHECK_INT(g.updated_at, 1795100000);
  followup_free(&g);
  /* snoozed to before its due day: the due day counts */
  CHECK_INT(followup_snooze(db, checkin_id, 1, &err), RP_OK);
  CHECK_INT(followup_get(db, checkin_id, &g, &err), RP_OK);
  CHECK_STR(g.snoozed_until, "2026-11-20");
  CHECK_STR(followup_effective_due(&g), "2026-12-01");
  followup_free(&g);
  CHECK_INT(followup_snooze(db, update_id, 0, &err), RP_INVALID);
  CHECK_STR(err.field, "days");
  CHECK_INT(followup_snooze(db, update_id, 366, &err), RP_INVALID);
  CHECK_INT(followup_snooze(db, 999, 1, &err), RP_NO);

  /* moved to a day (as a calendar moves it): later snoozes, keeping the due
   * day; the same or an earlier day becomes the due day and ends the snooze */
  CHECK_INT(followup_move(db, checkin_id, "2026-12-05", &err), RP_OK);
  CHECK_INT(followup_get(db, checkin_id, &g, &err), RP_OK);
  CHECK_STR(g.due, "2026-12-01");
  CHECK_STR(g.snoozed_until, "2026-12-05");
  followup_free(&g);
  CHECK_INT(followup_move(db, checkin_id, "2026-11-25", &err), RP_OK);
  CHECK_INT(followup_get(db, checkin_id, &g, &err), RP_OK);
  CHECK_STR(g.due, "2026-11-25");
  CHECK(g.snoozed_until == NULL);
  CHECK_INT(g.updated_at, 1795100000);
  followup_free(&g);
  CHECK_INT(followup_move(db, checkin_id, "2026-02-30", &err), RP_INVALID);
  CHECK_STR(err.field, "due");
  CHECK_INT(followup_move(db, 999, "2026-12-01", &err), RP_NO);
  CHECK_INT(followup_move(db, checkin_id, "2026-12-01", &err), RP_OK);

  /* done: done_at set, no longer open, cannot be snoozed */
  CHECK_INT(followup_mark(db, &cfg, update_id, "done", &err), RP_OK);
  CHECK_INT(followup_get(db, update_id, &g, &err), RP_OK);
  CHECK_STR(g.status, "done");
  CHECK_INT(g.done_at, 1795100000);
  followup_free(&g);
  CHECK_INT(followup_snooze(db, update_id, 1, &err), RP_NO);
  FX_CHECK_STAGE(db, 1, "met"); /* not a thank-you: the stage stays */
  /* a thank-you done moves the contact to "thanked" */
  conversation(1, 1, "held", 1794990400, NULL);
  f = thanks(1, RP_OK);
  CHECK_INT(followup_mark(db, &cfg, f.id, "done", &err), RP_OK);
  FX_CHECK_STAGE(db, 1, "thanked");
  followup_free(&f);
}

/* followup_specific over notes given as a "|"-separated list; the words
 * found joined with ",". */
static char *specific(const char *draft, const char *notes_s, bool *yes) {
  struct rp_strv notes = {0}, found = {0};
  for (const char *p = notes_s; p && *p;) {
    const char *e = strchr(p, '|');
    char *n = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);
    strv_push(&notes, n);
    free(n);
    p = e ? e + 1 : NULL;
  }
  *yes = followup_specific(&cfg, draft, &notes, &found);
  CHECK(*yes == (found.n > 0));
  CHECK(followup_specific(&cfg, draft, &notes, NULL) == *yes);
  char *s = strv_join(&found, ",");
  strv_free(&notes);
  strv_free(&found);
  return s;
}

#define CHECK_SPECIFIC(draft, notes, want_yes, want_found) \
  do {                                                     \
    bool y_;                                               \
    char *f_ = specific(draft, notes, &y_);                \
    CHECK(y_ == (want_yes));                               \
    CHECK_STR(f_, want_found);                             \
    free(f_);                                              \
  } while (0)

static void test_specific(void) {
  const char *notes = "Writing samples matter more than degrees|Talk to Priya Shah at Acme|"
                      "Read the Zürich lab's paper on retrieval";
  /* specific: names what was said */
  CHECK_SPECIFIC("Thank you! Your point about writing samples changed my plan.", notes, true,
                 "Writing samples"); /* the phrase, as written in the notes */
  CHECK_SPECIFIC("I have started reading the RETRIEVAL paper.", notes, true, "retrieval");
  /* generic: nothing from the notes */
  CHECK_SPECIFIC("Thanks for your time, it was great talking", notes, false, "");
  CHECK_SPECIFIC("Thank you so much for the conversation today. I really appreciated your "
                 "time and advice, and I learned a lot.",
                 "Great conversation, thanks for the time and advice|Really helpful call",
                 false, "");
  /* common words (built in and the config's) and short words do not count */
  CHECK_SPECIFIC("It would be great to talk more about that.",
                 "We talked about what would be great to do more", false, "");
  CHECK_SPECIFIC("AI and ML are big.", "AI ML big", false, "");
  CHECK_SPECIFIC("Merci pour votre temps", "merci beaucoup", true, "merci");
  str_replace(&cfg.specific_stopwords.v[0], "Merci");
  CHECK_SPECIFIC("Merci pour votre temps", "merci beaucoup", false, "");
  /* case and UTF-8: accented capitals fold */
  CHECK_SPECIFIC("Your advice on the ZÜRICH lab was gold.", notes, true, "Zürich");
  CHECK_SPECIFIC("Les ÉCOLES d'ingénieurs", "les écoles recrutent", true, "écoles");
  CHECK_SPECIFIC("Спасибо за СОВЕТ про стартапы", "совет: стартапы", true, "совет");
  CHECK_SPECIFIC("Спасибо за СОВЕТ: стартапы", "совет про стартапы", true, "совет");
  /* whole words only: "degree" is not "degrees" */
  CHECK_SPECIFIC("A degree is not everything.", notes, false, "");
  /* one phrase: the first of the longest */
  CHECK_SPECIFIC("acme acme Acme", "Acme|acme", true, "Acme");
  /* nothing in, nothing found */
  CHECK_SPECIFIC("", notes, false, "");
  CHECK_SPECIFIC("Something specific", "", false, "");
  bool y = followup_specific(&cfg, NULL, NULL, NULL);
  CHECK(!y);
}

int main(void) {
  config_defaults(&cfg);
  test_due();
  test_medium_once_template();
  test_mark_update_list();
  test_add_done_snooze();
  test_specific();
  db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_followup");
}
