/* test_agenda.c — what Today shows: each section (overdue, today, this
 * week, thank-you notes owed, conversations coming up and interrupted
 * calls, quiet relationships, success reports owed), the line saying why,
 * snoozed follow-ups showing on the day they come back, deleted contacts
 * and finished follow-ups left out, the window of `days`, and the order:
 * sections in turn, each soonest first. Now is Monday 2026-11-30 08:00
 * UTC. */
#include <time.h>

#include "fixture.h"
#include "rapport/cadence.h"
#include "rapport/agenda.h"
#include "rapport/followup.h"
#include "rapport/outcome.h"

static struct rp_config cfg;
static struct rp_db *db;

#define NOW 1796025600LL /* 2026-11-30 08:00 UTC */
#define HOUR 3600LL
#define DAY 86400LL

static void contact(int id, const char *name, const char *warmth, long long created) {
  fx_execf(db,
           "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
           "VALUES (%d, '%s', '%s', 'identified', %lld, 0)",
           id, name, warmth, created);
}

/* A follow-up by hand: kind, due, note (NULL), snoozed until (NULL). */
static int64_t followup(int who, const char *kind, const char *due, const char *note,
                        const char *snoozed) {
  struct rp_followup f = {0};
  struct rp_err err;
  f.contact_id = who;
  f.kind = xstrdup(kind);
  f.due = xstrdup(due);
  f.note = xstrdup(note);
  f.snoozed_until = xstrdup(snoozed);
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  int64_t id = f.id;
  followup_free(&f);
  return id;
}

/* The agenda as lines "section|name|kind|date|why". */
static char *agenda(const char *today, int days) {
  struct rp_agenda a;
  struct rp_err err;
  CHECK_INT(agenda_compute(db, &cfg, today, days, &a, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < a.n; i++) {
    const struct rp_agenda_item *it = &a.v[i];
    buf_addf(&b, "%s|%s|%s|%s|%s\n", rp_agenda_section_keys[it->section], it->contact_name,
             it->kind, it->date, it->why);
    CHECK(it->contact_id > 0);
    CHECK((it->followup_id > 0) == (strcmp(it->kind, "conversation") != 0 &&
                                    strcmp(it->kind, "quiet") != 0));
  }
  agenda_free(&a);
  return buf_steal(&b);
}

#define CHECK_AGENDA(today, days, want) \
  do {                                  \
    char *a_ = agenda(today, days);     \
    CHECK_STR(a_, want);                \
    free(a_);                           \
  } while (0)

static void check_screen(long limit);

static void test_sections(void) {
  fx_open_fresh(&db, "agenda.db");
  fx_set_now(NOW);
  long long recent = NOW - DAY;
  contact(1, "Priya Shah", "warm", recent);
  contact(2, "Bo Chen", "warm", recent);
  contact(3, "Ines Ruiz", "warm", recent);
  contact(4, "Zoë Ørsted", "warm", recent);
  contact(5, "Tom Okafor", "warm", recent);
  contact(6, "Cold Quiet", "cold", NOW - 29 * DAY);  /* added 2026-11-01 */
  contact(7, "Warm Quiet", "warm", NOW - 70 * DAY);  /* added 2026-09-21 */
  contact(8, "Gone", "warm", recent);
  fx_exec(db, "UPDATE contact SET cadence_days = 10 WHERE id = 6");
  fx_exec(db, "UPDATE contact SET seniority = 'senior' WHERE id = 3");
  struct rp_err err;
  int64_t id;

  /* thank-yous: yesterday's call (due today), this morning's (due
   * tomorrow), a handwritten one; one sent, one snoozed to Friday */
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, started_at, ended_at, "
               "created_at, updated_at) VALUES "
               "(1, 1, 20, 'held', %lld, %lld, 0, 0), (2, 2, 20, 'held', %lld, %lld, 0, 0), "
               "(3, 3, 20, 'held', %lld, %lld, 0, 0), (4, 4, 20, 'held', %lld, %lld, 0, 0), "
               "(5, 5, 20, 'held', %lld, %lld, 0, 0)",
           NOW - 17 * HOUR - 1200, NOW - 17 * HOUR, NOW - HOUR - 1200, NOW - HOUR,
           NOW - 2 * DAY, NOW - 2 * DAY + 1200, NOW - 3 * DAY, NOW - 3 * DAY + 1200,
           NOW - 3 * DAY, NOW - 3 * DAY + 1200);
  for (int c = 1; c <= 5; c++) CHECK_INT(followup_thank_you(db, &cfg, c, &id, &err), RP_OK);
  CHECK_INT(followup_mark(db, &cfg, 4, "sent", &err), RP_OK);
  CHECK_INT(followup_snooze(db, 5, 4, &err), RP_OK); /* Tom's: back on Friday 12-04 */

  /* by hand: overdue, today, this week, later; done; a deleted contact's */
  followup(2, "update", "2026-11-27", "the new job", NULL);
  followup(3, "custom", "2026-11-30", "send the paper", NULL);
  followup(4, "check-in", "2026-12-03", NULL, NULL);
  followup(4, "check-in", "2026-12-20", NULL, NULL);
  followup(5, "update", "2026-11-25", "moved to Lisbon", "2026-12-02"); /* snoozed */
  followup(1, "update", "2026-11-29", "snoozed to today", "2026-11-30");
  int64_t done = followup(1, "update", "2026-11-28", NULL, NULL);
  CHECK_INT(followup_mark(db, &cfg, done, "done", &err), RP_OK);
  followup(8, "update", "2026-11-28", NULL, NULL);
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 8");

  /* conversations: an interrupted call, one planned earlier today, one
   * tomorrow on video, one too far away, one of yesterday never held */
  fx_execf(db, "INSERT INTO conversation (contact_id, minutes, status, scheduled_at, channel, "
               "started_at, created_at, updated_at) VALUES "
               "(2, 20, 'interrupted', NULL, NULL, %lld, 0, 0), "
               "(3, 30, 'planned', %lld, NULL, NULL, 0, 0), "
               "(4, 20, 'planned', %lld, 'video', NULL, 0, 0), "
               "(5, 20, 'planned', %lld, NULL, NULL, 0, 0), "
               "(1, 20, 'planned', %lld, NULL, NULL, 0, 0), "
               "(8, 20, 'planned', %lld, NULL, NULL, 0, 0)",
           NOW - 2 * DAY, NOW - HOUR, NOW + DAY + 2 * HOUR, NOW + 20 * DAY, NOW - DAY,
           NOW + HOUR);

  /* an outcome: success reports for Zoë and who introduced her (Ines) */
  fx_exec(db, "UPDATE contact SET introduced_by = 3 WHERE id = 4");
  int64_t zoe[] = {4};
  CHECK_INT(outcome_add(db, "I got the role", NULL, zoe, 1, &id, NULL, &err), RP_OK);

  CHECK_AGENDA(
      "2026-11-30", 7,
      "overdue|Warm Quiet|check-in|2026-11-20|check in: no contact yet since you added them on "
      "2026-09-21 (cadence 60 days) \xC2\xB7 due 10 days ago\n"
      "overdue|Bo Chen|update|2026-11-27|share an update: the new job \xC2\xB7 due 3 days ago\n"
      "today|Ines Ruiz|custom|2026-11-30|send the paper \xC2\xB7 due today\n"
      "today|Priya Shah|update|2026-11-30|share an update: snoozed to today \xC2\xB7 due "
      "yesterday\n"
      "week|Tom Okafor|update|2026-12-02|share an update: moved to Lisbon \xC2\xB7 due 5 days "
      "ago\n"
      "week|Zoë Ørsted|check-in|2026-12-03|check in \xC2\xB7 due in 3 days\n"
      "thanks|Ines Ruiz|thank-you|2026-11-29|handwritten thank-you for the call on 2026-11-28 "
      "\xC2\xB7 due yesterday\n"
      "thanks|Priya Shah|thank-you|2026-11-30|thank-you for the call on 2026-11-29 \xC2\xB7 "
      "due today\n"
      "thanks|Bo Chen|thank-you|2026-12-01|thank-you for the call on 2026-11-30 \xC2\xB7 due "
      "tomorrow\n"
      "upcoming|Bo Chen|conversation|2026-11-28 08:00|interrupted call: resume or end it\n"
      "upcoming|Ines Ruiz|conversation|2026-11-30 07:00|call planned Mon 2026-11-30 07:00 "
      "\xC2\xB7 30 min\n"
      "upcoming|Zoë Ørsted|conversation|2026-12-01 10:00|call planned Tue 2026-12-01 10:00 "
      "\xC2\xB7 20 min \xC2\xB7 video\n"
      "quiet|Cold Quiet|quiet|2026-11-11|check in: no contact yet, added 2026-11-01 (every 10 "
      "days)\n"
      "success|Ines Ruiz|success|2026-11-30|report success: I got the role\n"
      "success|Zoë Ørsted|success|2026-11-30|report success: I got the role\n");

  /* a day later, one day ahead: the snoozed thank-you still hidden */
  fx_set_now(NOW + DAY);
  char *a = agenda(NULL, 1);
  CHECK(strstr(a, "overdue|Ines Ruiz|custom|2026-11-30|send the paper \xC2\xB7 due "
                  "yesterday\n") != NULL);
  CHECK(strstr(a, "Tom Okafor|thank-you") == NULL);
  CHECK(strstr(a, "week|Tom Okafor|update|2026-12-02") != NULL);
  CHECK(strstr(a, "Zoë Ørsted|check-in") == NULL);
  CHECK(strstr(a, "call planned Mon 2026-11-30") == NULL);
  free(a);
  /* Friday: Tom's thank-you is back; thirty days ahead shows the later
   * check-in and the call on 12-20 */
  fx_set_now(NOW + 4 * DAY);
  a = agenda("2026-12-04", 30);
  CHECK(strstr(a, "thanks|Tom Okafor|thank-you|2026-12-04|thank-you for the call on 2026-11-27 "
                  "\xC2\xB7 due 6 days ago\n") != NULL);
  CHECK(strstr(a, "week|Zoë Ørsted|check-in|2026-12-20|check in \xC2\xB7 due in 16 days\n") !=
        NULL);
  CHECK(strstr(a, "upcoming|Tom Okafor|conversation|2026-12-20 08:00|call planned Sun "
                  "2026-12-20 08:00") != NULL);
  free(a);
  /* a screen's first rows are those of the page, whatever the sections */
  check_screen(1);
  check_screen(2);
  check_screen(100);

  /* mistakes */
  struct rp_agenda ag;
  CHECK_INT(agenda_compute(db, &cfg, NULL, 0, &ag, &err), RP_INVALID);
  CHECK_STR(err.field, "days");
  CHECK_INT(agenda_compute(db, &cfg, NULL, 61, &ag, &err), RP_INVALID);
  CHECK_INT(agenda_compute(db, &cfg, "2026-13-01", 7, &ag, &err), RP_INVALID);
  CHECK_STR(err.field, "today");
  CHECK_INT(ag.n, 0);
}

/* Quiet relationships: warm ones become check-ins (once), cold ones are
 * listed; a skipped check-in keeps the relationship off Today until the
 * next spell; an empty journal has an empty agenda. */
static void test_quiet(void) {
  fx_open_fresh(&db, "quiet.db");
  fx_set_now(NOW);
  CHECK_AGENDA(NULL, 7, "");
  contact(1, "Warm", "warm", NOW - 61 * DAY);
  contact(2, "Cold", "cold", NOW - 61 * DAY);
  fx_exec(db, "UPDATE contact SET cadence_days = 30 WHERE id = 2");
  fx_exec(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "VALUES (2, '2026-10-01', 'read', 'x', 0)");
  const char *want =
      "overdue|Warm|check-in|2026-11-29|check in: no contact yet since you added them on "
      "2026-09-30 (cadence 60 days) \xC2\xB7 due yesterday\n"
      "quiet|Cold|quiet|2026-10-31|check in: quiet since 2026-10-01 (every 30 days)\n";
  CHECK_AGENDA(NULL, 7, want);
  CHECK_AGENDA(NULL, 7, want);
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup", "1");
  struct rp_err err;
  CHECK_INT(followup_mark(db, &cfg, 1, "skipped", &err), RP_OK);
  CHECK_AGENDA(NULL, 7, "quiet|Cold|quiet|2026-10-31|check in: quiet since 2026-10-01 (every 30 "
                        "days)\n");
  /* a check-in by hand for the cold one takes it off the quiet list */
  check_screen(1);
  check_screen(100);
  followup(2, "check-in", "2026-12-10", NULL, NULL);
  CHECK_AGENDA(NULL, 7, "");
}

/* A screen reads a page of each section: the first `limit` items of each,
 * in the same order as the whole agenda, and how many there are in all
 * (counted up to AGENDA_COUNT_CAP). */
static void test_page(void) {
  fx_open_fresh(&db, "page.db");
  fx_set_now(NOW);
  fx_exec(db, "BEGIN");
  for (int id = 1; id <= 1100; id++) {
    fx_execf(db,
             "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
             "VALUES (%d, 'P%03d', 'cold', 'identified', %lld, 0)",
             id, (id * 37) % 1000, NOW);
    /* 1,100 overdue on three days, 3 due today, 250 thank-yous */
    fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
                 "VALUES (%d, 'check-in', '2026-11-2%d', 'email', 0, 0)", id, id % 3);
    if (id <= 3)
      fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
                   "VALUES (%d, 'update', '2026-11-30', 'email', 0, 0)", id);
    if (id <= 250)
      fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
                   "VALUES (%d, 'thank-you', '2026-12-0%d', 'email', 0, 0)", id, 1 + id % 5);
  }
  fx_exec(db, "COMMIT");
  struct rp_agenda all, page;
  struct rp_err err;
  CHECK_INT(agenda_compute(db, &cfg, NULL, 7, &all, &err), RP_OK);
  CHECK_INT(agenda_compute_page(db, &cfg, NULL, 7, 100, &page, &err), RP_OK);
  CHECK_INT(all.total[AG_OVERDUE], 1100);
  CHECK_INT(all.total[AG_TODAY], 3);
  CHECK_INT(all.total[AG_THANKS], 250);
  CHECK_INT(all.n, 1353);
  CHECK_INT(page.total[AG_OVERDUE], AGENDA_COUNT_CAP);
  CHECK_INT(page.total[AG_TODAY], 3);
  CHECK_INT(page.total[AG_THANKS], 250);
  CHECK_INT(page.n, 203);
  /* each section of the page is the start of the whole agenda's section
   * ordered by day, then the follow-ups made first; and a shorter page
   * (Today's first paint reads a screen's worth) is the start of it */
  struct rp_agenda small;
  CHECK_INT(agenda_compute_page(db, &cfg, NULL, 7, 30, &small, &err), RP_OK);
  CHECK_INT(small.total[AG_OVERDUE], AGENDA_COUNT_CAP);
  CHECK_INT(small.total[AG_TODAY], 3);
  CHECK_INT(small.total[AG_THANKS], 250);
  for (int sec = 0; sec < AG_SECTION_COUNT; sec++) {
    const struct rp_agenda_item *pick[1400];
    size_t nw = 0, np = 0, ns = 0;
    for (size_t i = 0; i < all.n && nw < RP_ARRAY_LEN(pick); i++)
      if ((int)all.v[i].section == sec) pick[nw++] = &all.v[i];
    /* the whole section by (day, id): insertion sort is enough here */
    for (size_t a = 1; a < nw; a++)
      for (size_t b = a; b > 0; b--) {
        const struct rp_agenda_item *x = pick[b - 1], *y = pick[b];
        int d = strcmp(x->date, y->date);
        if (d < 0 || (d == 0 && x->followup_id < y->followup_id)) break;
        pick[b - 1] = y;
        pick[b] = x;
      }
    for (size_t i = 0; i < page.n; i++) {
      const struct rp_agenda_item *it = &page.v[i];
      if ((int)it->section != sec) continue;
      CHECK(np < nw && it->followup_id == pick[np]->followup_id);
      np++;
    }
    CHECK((long)np == (page.total[sec] < 100 ? page.total[sec] : 100));
    for (size_t i = 0; i < small.n; i++) {
      const struct rp_agenda_item *it = &small.v[i];
      if ((int)it->section != sec) continue;
      CHECK(ns < nw && it->followup_id == pick[ns]->followup_id);
      ns++;
    }
    CHECK((long)ns == (small.total[sec] < 30 ? small.total[sec] : 30));
  }
  agenda_free(&small);
  check_screen(100);
  check_screen(7);
  agenda_free(&all);
  agenda_free(&page);
}

/* Today's rows for agenda a, as pane_today lays them out: a heading per
 * section with items, its items, "more" when it was read in part; the
 * first `rows` of them, one per line, into out. The counts in headings
 * and "more" lines are left out (the screen's are lower bounds: see
 * check_screen). */
static void layout_rows(const struct rp_agenda *a, long rows, struct rp_buf *out) {
  long r = 0;
  for (size_t i = 0; i < a->n && r < rows; i++) {
    int sec = (int)a->v[i].section;
    if (i == 0 || (int)a->v[i - 1].section != sec) {
      buf_addf(out, "heading %d\n", sec);
      r++;
    }
    if (r < rows) {
      buf_addf(out, "item %d %lld %lld %lld\n", sec, (long long)a->v[i].followup_id,
               (long long)a->v[i].conversation_id, (long long)a->v[i].contact_id);
      r++;
    }
    size_t shown = 0;
    for (size_t j = 0; j <= i; j++) shown += (int)a->v[j].section == sec;
    bool last = i + 1 == a->n || (int)a->v[i + 1].section != sec;
    if (last && (long)shown < a->total[sec] && r < rows) {
      buf_addf(out, "more %d\n", sec);
      r++;
    }
  }
}

/* What the first `rows` rows of a screen show is the same from
 * agenda_compute_screen as from the page of `limit` per section. Its
 * totals are the page's, or lower bounds (at_least) where it stopped
 * counting: a section below the screen is 1 (it has an item) and one
 * read in part what was read and one more; there are some whenever the
 * page has sections that a screen of one row leaves below it. */
static void check_screen(long limit) {
  struct rp_agenda page, part;
  struct rp_err err;
  CHECK_INT(agenda_compute_page(db, &cfg, NULL, 7, limit, &page, &err), RP_OK);
  long bounds = 0;
  for (long rows = 1; rows <= 2 * limit + 20; rows += rows < 12 ? 1 : 7) {
    CHECK_INT(agenda_compute_screen(db, &cfg, NULL, 7, limit, rows, &part, &err), RP_OK);
    for (int k = 0; k < AG_SECTION_COUNT; k++) {
      CHECK(!page.at_least[k]);
      if (!part.at_least[k]) {
        CHECK_INT(part.total[k], page.total[k]);
        continue;
      }
      bounds++;
      size_t shown = 0;
      for (size_t i = 0; i < part.n; i++) shown += (int)part.v[i].section == k;
      CHECK_INT(part.total[k], (long)shown + 1);
      CHECK(page.total[k] >= part.total[k]);
    }
    CHECK(part.n <= page.n);
    struct rp_buf a = {0}, b = {0};
    buf_adds(&a, "");
    buf_adds(&b, "");
    layout_rows(&page, rows, &a);
    layout_rows(&part, rows, &b);
    if (strcmp(a.s, b.s) != 0) {
      fprintf(stderr, "rows %ld, limit %ld:\n--- page\n%s--- screen\n%s", rows, limit, a.s, b.s);
      CHECK(false);
    }
    buf_free(&a);
    buf_free(&b);
    agenda_free(&part);
  }
  int sections = 0;
  for (int k = 0; k < AG_SECTION_COUNT; k++) sections += page.total[k] > 0;
  if (sections > 1) CHECK(bounds > 0); /* one row: the sections after it are below */
  agenda_free(&page);
}

/* A section read in part counts its follow-ups without those of deleted
 * contacts, also when they would have filled the count's cap: 510 overdue
 * of which 20 (the first made) belong to deleted contacts are 490. So do
 * quiet relationships: 30 quiet, 10 deleted once they were quiet, are 20. */
static void test_page_deleted(void) {
  fx_open_fresh(&db, "page-deleted.db");
  fx_set_now(NOW);
  fx_exec(db, "BEGIN");
  for (int id = 1; id <= 510; id++) {
    fx_execf(db,
             "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
             "VALUES (%d, 'Q%03d', 'cold', 'identified', %lld, 0)",
             id, id, NOW);
    fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
                 "VALUES (%d, 'check-in', '2026-11-01', 'email', 0, 0)", id);
    if (id <= 30)
      fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
                   "VALUES (%d, 'thank-you', '2026-11-20', 'email', 0, 0)", id);
  }
  for (int id = 601; id <= 630; id++)
    fx_execf(db,
             "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at, cadence_days) "
             "VALUES (%d, 'R%03d', 'cold', 'identified', %lld, 0, 30)",
             id, id, NOW - 200 * DAY);
  fx_exec(db, "UPDATE contact SET deleted_at = 1, deleted_seq = id WHERE id <= 20");
  fx_exec(db, "COMMIT");
  struct rp_agenda page;
  struct rp_err err;
  /* a page leaves the cadence sync to its caller (the screen runs it) */
  CHECK_INT(cadence_sync(db, &cfg, NULL, NULL, &err), RP_OK);
  CHECK_INT(agenda_compute_page(db, &cfg, NULL, 7, 5, &page, &err), RP_OK);
  CHECK_INT(page.total[AG_QUIET], 30);
  agenda_free(&page);
  fx_exec(db, "UPDATE contact SET deleted_at = 2, deleted_seq = id WHERE id BETWEEN 601 AND 610");
  CHECK_INT(cadence_sync(db, &cfg, NULL, NULL, &err), RP_OK);
  CHECK_INT(agenda_compute_page(db, &cfg, NULL, 7, 100, &page, &err), RP_OK);
  CHECK_INT(page.total[AG_OVERDUE], 490);
  CHECK_INT(page.total[AG_THANKS], 10);
  CHECK_INT(page.total[AG_QUIET], 20);
  for (size_t i = 0; i < page.n; i++)
    CHECK(page.v[i].contact_id > 20 && (page.v[i].contact_id < 601 || page.v[i].contact_id > 610));
  agenda_free(&page);
  CHECK_INT(agenda_compute_page(db, &cfg, NULL, 7, 5, &page, &err), RP_OK);
  CHECK_INT(page.total[AG_OVERDUE], 490);
  CHECK_INT(page.total[AG_THANKS], 10);
  CHECK_INT(page.total[AG_QUIET], 20);
  CHECK_INT(page.n, 15);
  for (size_t i = 0; i < page.n; i++)
    CHECK(page.v[i].contact_id > 20 && (page.v[i].contact_id < 601 || page.v[i].contact_id > 610));
  agenda_free(&page);
  check_screen(100);
  check_screen(3);
}

int main(void) {
  setenv("TZ", "UTC", 1);
  tzset();
  config_defaults(&cfg);
  test_sections();
  test_quiet();
  test_page();
  test_page_deleted();
  db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_agenda");
}
