/* test_agenda_stream.c — agenda_each (issue 22: `rapport agenda` prints as
 * it reads, its peak memory flat at 100,000 contacts) hands out exactly
 * the items agenda_compute gathers, in the same order, on a journal with
 * every section (overdue, today, this week, thank-yous, actions and
 * introductions from calls, calls coming up and interrupted, quiet
 * relationships, success reports), names that tie (the same name on
 * several contacts, names that differ only in case or accents) and days
 * that tie; and a callback that fails stops it there with its error,
 * also inside the quiet relationships (read through cadence_quiet_each).
 * Now is Monday 2026-11-30 08:00 UTC. */
#include <time.h>

#include "fixture.h"
#include "rapport/agenda.h"

static struct rp_config cfg;
static struct rp_db *db;

#define NOW 1796025600LL /* 2026-11-30 08:00 UTC */
#define HOUR 3600LL
#define DAY 86400LL
#define N_CONTACTS 60

/* One item as a line with every field. */
static void item_line(struct rp_buf *b, const struct rp_agenda_item *it) {
  buf_addf(b, "%s|%lld|%s|%lld|%lld|%s|%s|%s|%s\n", rp_agenda_section_keys[it->section],
           (long long)it->contact_id, it->contact_name, (long long)it->followup_id,
           (long long)it->conversation_id, it->kind, it->date, it->why,
           it->origin ? it->origin : "-");
}

/* What a callback saw, and at which item it fails (0 = never). */
struct seen {
  struct rp_buf text;
  size_t n, fail_at;
};

static enum rp_status collect(void *vs, const struct rp_agenda_item *it, struct rp_err *err) {
  struct seen *s = vs;
  s->n++;
  if (s->fail_at && s->n == s->fail_at) return rp_err_set(err, RP_EDB, "disk full");
  item_line(&s->text, it);
  return RP_OK;
}

/* The journal: contacts whose names repeat (three spellings of "Ann Lee",
 * accents), each with follow-ups of every kind on days that tie, some of
 * them from calls (thank-yous, actions, reach-outs, an introducer's
 * thanks), calls planned and interrupted, cold contacts gone quiet, one
 * deleted contact with open follow-ups. */
static void journal(void) {
  static const char *const names[] = {"Ann Lee", "ann lee", "Ann Lée", "Zoë Ørsted", "Bo Chen",
                                      "Émile Roy"};
  static const char *const kinds[] = {"check-in", "update", "custom", "thank-you", "success"};
  static const char *const origins[] = {"NULL", "'action'", "'reach-out'",
                                        "'introducer-thanks'", "'promise'", "NULL", "NULL"};
  fx_open_fresh(&db, "agenda_stream.db");
  fx_set_now(NOW);
  for (int i = 1; i <= N_CONTACTS; i++) {
    fx_execf(db,
             "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at, "
             "cadence_days) VALUES (%d, '%s', '%s', 'identified', %lld, 0, %s)",
             i, names[i % 6], i % 4 == 0 ? "cold" : "warm", NOW - (i % 9) * 10 * DAY,
             i % 4 == 0 ? "5" : "NULL");
    /* a held call for each, a few days ago (the cold ones' weeks ago: they
   * are quiet) */
    fx_execf(db,
             "INSERT INTO conversation (id, contact_id, minutes, status, started_at, ended_at, "
             "created_at, updated_at) VALUES (%d, %d, 20, 'held', %lld, %lld, 0, 0)",
             i, i, NOW - (i % 5 + (i % 4 == 0 ? 20 : 0)) * DAY - HOUR,
             NOW - (i % 5 + (i % 4 == 0 ? 20 : 0)) * DAY);
  }
  /* follow-ups: three a contact, due from ten days ago to ten ahead, in a
   * few days only (so many share a day), some snoozed, some from a call */
  for (int i = 1; i <= N_CONTACTS; i++) {
    for (int j = 0; j < 3; j++) {
      int k = (i + j) % 5, due = (i * 7 + j * 3) % 6 * 3 - 9; /* -9, -6, … 6 days */
      char day[11], snooze[16], conv[16];
      CHECK(date_add("2026-11-30", due, day));
      snprintf(conv, sizeof conv, "%d", i); /* its contact's call, or none */
      snprintf(snooze, sizeof snooze, "%s", (i + j) % 7 == 0 ? "'2026-12-02'" : "NULL");
      const char *origin = strcmp(kinds[k], "thank-you") == 0 || strcmp(kinds[k], "success") == 0
                               ? "NULL"
                               : origins[(i + 2 * j) % 7];
      fx_execf(db,
               "INSERT INTO followup (contact_id, conversation_id, kind, due, snoozed_until, "
               "medium, note, origin, created_at, updated_at) VALUES "
               "(%d, %s, '%s', '%s', %s, '%s', %s, %s, 0, 0)",
               i, (i + j) % 2 ? "NULL" : conv, kinds[k], day, snooze,
               j == 1 ? "handwritten" : "email", j == 2 ? "NULL" : "'the paper'", origin);
    }
  }
  /* calls coming up: planned today, tomorrow on video, one too far;
   * interrupted and live ones */
  fx_execf(db,
           "INSERT INTO conversation (contact_id, minutes, status, scheduled_at, channel, "
           "started_at, created_at, updated_at) VALUES "
           "(2, 30, 'planned', %lld, NULL, NULL, 0, 0), "
           "(3, 20, 'planned', %lld, 'video', NULL, 0, 0), "
           "(5, 20, 'planned', %lld, NULL, NULL, 0, 0), "
           "(7, 20, 'interrupted', NULL, NULL, %lld, 0, 0), "
           "(8, 20, 'planned', %lld, NULL, NULL, 0, 0)",
           NOW + HOUR, NOW + DAY + 2 * HOUR, NOW + 40 * DAY, NOW - 2 * DAY, NOW + 3 * HOUR);
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 11");
}

/* The agenda both ways, as lines; `every`: each section has items. */
static void check_same(const char *today, int days, bool every) {
  struct rp_agenda a;
  struct rp_err err;
  CHECK_INT(agenda_compute(db, &cfg, today, days, &a, &err), RP_OK);
  struct rp_buf want = {0};
  buf_adds(&want, "");
  for (size_t i = 0; i < a.n; i++) item_line(&want, &a.v[i]);
  struct seen s = {{0}, 0, 0};
  buf_adds(&s.text, "");
  CHECK_INT(agenda_each(db, &cfg, today, days, collect, &s, &err), RP_OK);
  CHECK_INT((long)s.n, (long)a.n);
  CHECK_STR(buf_str(&s.text), buf_str(&want));
  /* every section has items, so each was compared */
  for (int k = 0; every && k < AG_SECTION_COUNT; k++) {
    bool found = false;
    for (size_t i = 0; i < a.n; i++) found = found || (int)a.v[i].section == k;
    if (!found) fprintf(stderr, "no item in section %s\n", rp_agenda_section_keys[k]);
    CHECK(found);
  }
  agenda_free(&a);
  buf_free(&want);
  buf_free(&s.text);
}

/* A callback that fails at item `at` stops the agenda there, with its
 * status and message. */
static void check_fails_at(size_t at) {
  struct seen s = {{0}, 0, at};
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(agenda_each(db, &cfg, "2026-11-30", 7, collect, &s, &err), RP_EDB);
  CHECK_INT((long)s.n, (long)at);
  CHECK_STR(err.msg, "disk full");
  buf_free(&s.text);
}

static void test_stream(void) {
  journal();
  check_same("2026-11-30", 7, true);
  check_same("2026-11-30", 1, false);
  check_same("2026-12-03", 30, false);

  struct rp_agenda a;
  struct rp_err err;
  CHECK_INT(agenda_compute(db, &cfg, "2026-11-30", 7, &a, &err), RP_OK);
  size_t first_quiet = 0, first_upcoming = 0;
  for (size_t i = a.n; i > 0; i--) {
    if (a.v[i - 1].section == AG_QUIET) first_quiet = i;
    if (a.v[i - 1].section == AG_UPCOMING) first_upcoming = i;
  }
  CHECK(first_quiet > 1 && first_upcoming > 1);
  check_fails_at(1);
  check_fails_at(first_upcoming);
  check_fails_at(first_quiet);
  check_fails_at(first_quiet + 1);
  check_fails_at(a.n);
  agenda_free(&a);

  /* mistakes are the same as agenda_compute's, and nothing is handed out */
  struct seen s = {{0}, 0, 0};
  CHECK_INT(agenda_each(db, &cfg, NULL, 61, collect, &s, &err), RP_INVALID);
  CHECK_STR(err.field, "days");
  CHECK_INT(agenda_each(db, &cfg, "2026-13-01", 7, collect, &s, &err), RP_INVALID);
  CHECK_STR(err.field, "today");
  CHECK_INT((long)s.n, 0);
  buf_free(&s.text);
}

int main(void) {
  setenv("TZ", "UTC", 1);
  tzset();
  config_defaults(&cfg);
  test_stream();
  db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_agenda_stream");
}
