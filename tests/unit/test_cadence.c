/* test_cadence.c — keeping relationships alive: the cadence that applies
 * (own, else by stage, else by warmth; 0 = none), the last interaction of
 * each kind restarting the clock (conversations held or started, gives,
 * notes, follow-ups done or sent; not planned or cancelled conversations
 * nor skipped follow-ups), "none" never due, the day boundaries at local
 * midnight in UTC and in Los Angeles, cadence_set, and cadence_sync making
 * one check-in per quiet warm relationship. Rows are made with plain SQL;
 * times are fixed with RAPPORT_NOW. */
#include <time.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/cadence.h"
#include "model/cadence_internal.h"
#include "rapport/followup.h"

static struct rp_config cfg;
static struct rp_db *db;

#define T_0901_NOON 1788264000LL /* 2026-09-01 12:00 UTC */
#define DAY 86400LL

static void contact(int id, const char *name, const char *warmth, const char *stage,
                    long long created) {
  fx_execf(db,
           "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
           "VALUES (%d, '%s', '%s', '%s', %lld, %lld)",
           id, name, warmth, stage, created, created);
}

/* Contact id's last interaction is `day` of kind `what`. */
static void check_last(int id, const char *day, const char *what) {
  char got[11];
  const char *kind = NULL;
  struct rp_err err;
  CHECK_INT(cadence_last(db, id, got, &kind, &err), RP_OK);
  CHECK_STR(got, day);
  CHECK_STR(kind, what);
}

/* The ids of the quiet contacts on `today`, as "id:days_over,…". */
static char *quiet_ids(const char *today) {
  struct rp_quiet_list q;
  struct rp_err err;
  CHECK_INT(cadence_quiet(db, &cfg, today, &q, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < q.n; i++)
    buf_addf(&b, "%s%lld:%d", i ? "," : "", (long long)q.v[i].contact_id, q.v[i].days_over);
  quiet_list_free(&q);
  return buf_steal(&b);
}

#define CHECK_QUIET(today, want)    \
  do {                              \
    char *q_ = quiet_ids(today);    \
    CHECK_STR(q_, want);            \
    free(q_);                       \
  } while (0)

static void test_effective(void) {
  CHECK_INT(cfg.cadence_warm, 60);
  CHECK_INT(cfg.cadence_cold, 0);
  /* the stage comes before warmth; then warmth */
  CHECK_INT(cadence_effective(&cfg, "met", "warm", -1), 21);
  CHECK_INT(cadence_effective(&cfg, "met", "cold", -1), 21);
  CHECK_INT(cadence_effective(&cfg, "thanked", "cold", -1), 30);
  CHECK_INT(cadence_effective(&cfg, "keeping-in-touch", "warm", -1), 90);
  CHECK_INT(cadence_effective(&cfg, "declined", "warm", -1), 0);
  CHECK_INT(cadence_effective(&cfg, "not-now", "warm", -1), 0);
  CHECK_INT(cadence_effective(&cfg, "identified", "warm", -1), 60);
  CHECK_INT(cadence_effective(&cfg, "identified", "cold", -1), 0);
  CHECK_INT(cadence_effective(&cfg, "no-such-stage", "warm", -1), 60);
  CHECK_INT(cadence_effective(&cfg, NULL, NULL, -1), 0);
  /* the contact's own comes first, "none" too */
  CHECK_INT(cadence_effective(&cfg, "met", "warm", 7), 7);
  CHECK_INT(cadence_effective(&cfg, "identified", "warm", 0), 0);
  CHECK_INT(cadence_effective(&cfg, "declined", "cold", 45), 45);
}

static void test_last_each_kind(void) {
  fx_open_fresh(&db, "last.db");
  fx_set_now(T_0901_NOON + 80 * DAY);
  contact(1, "Priya Shah", "warm", "met", T_0901_NOON);
  struct rp_err err;
  char day[11];
  const char *what;
  check_last(1, "2026-09-01", "added");
  /* planned and cancelled conversations are no interaction */
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, scheduled_at, "
               "created_at, updated_at) VALUES (1, 1, 20, 'planned', %lld, 0, 0), "
               "(2, 1, 20, 'cancelled', %lld, 0, 0)",
           T_0901_NOON + 30 * DAY, T_0901_NOON + 2 * DAY);
  check_last(1, "2026-09-01", "added");
  /* a conversation held (its end) */
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, started_at, ended_at, "
               "created_at, updated_at) VALUES (3, 1, 20, 'held', %lld, %lld, 0, 0)",
           T_0901_NOON + 9 * DAY - 600, T_0901_NOON + 9 * DAY);
  check_last(1, "2026-09-10", "conversation");
  /* a give (its day) */
  fx_exec(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "VALUES (1, '2026-09-15', 'read', 'read their post', 0)");
  check_last(1, "2026-09-15", "give");
  /* a note in an earlier conversation, taken later */
  fx_execf(db, "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
               "VALUES (3, 5, 'a later thought', %lld, 0)", T_0901_NOON + 19 * DAY);
  check_last(1, "2026-09-20", "note");
  /* follow-ups: skipped is no interaction, done and sent are */
  fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, done_at, "
               "created_at, updated_at) VALUES (1, 'update', '2026-09-01', 'email', 'skipped', "
               "%lld, 0, 0)", T_0901_NOON + 24 * DAY);
  check_last(1, "2026-09-20", "note");
  fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, done_at, "
               "created_at, updated_at) VALUES (1, 'update', '2026-09-01', 'email', 'done', "
               "%lld, 0, 0)", T_0901_NOON + 29 * DAY);
  check_last(1, "2026-09-30", "follow-up");
  fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, done_at, "
               "created_at, updated_at) VALUES (1, 'thank-you', '2026-09-01', 'email', 'sent', "
               "%lld, 0, 0)", T_0901_NOON + 34 * DAY);
  check_last(1, "2026-10-05", "follow-up");
  /* a call started and not ended (live, or interrupted) counts from its start */
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, started_at, "
               "created_at, updated_at) VALUES (4, 1, 20, 'interrupted', %lld, 0, 0)",
           T_0901_NOON + 36 * DAY);
  check_last(1, "2026-10-07", "conversation");
  /* the same day: the conversation is named first */
  fx_exec(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "VALUES (1, '2026-10-07', 'shared', 'shared their talk', 0)");
  check_last(1, "2026-10-07", "conversation");
  /* someone else's interactions do not count; a deleted contact still has one */
  contact(2, "Bo Chen", "warm", "met", T_0901_NOON);
  check_last(2, "2026-09-01", "added");
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 2");
  check_last(2, "2026-09-01", "added");
  CHECK_INT(cadence_last(db, 99, day, &what, &err), RP_NO);
  CHECK_STR(day, "");
}

/* Each kind of interaction restarts the clock: a warm contact (60 days)
 * added on 09-01 is quiet from 11-01; an interaction on 10-15 moves that
 * to 12-15. */
static void test_restarts(void) {
  fx_open_fresh(&db, "restart.db");
  fx_set_now(T_0901_NOON + 100 * DAY);
  long long oct15 = T_0901_NOON + 44 * DAY;
  for (int id = 1; id <= 6; id++) contact(id, "Warm", "warm", "identified", T_0901_NOON);
  CHECK_QUIET("2026-10-31", "");
  CHECK_QUIET("2026-11-01", "1:1,2:1,3:1,4:1,5:1,6:1");
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, ended_at, "
               "created_at, updated_at) VALUES (1, 1, 20, 'held', %lld, 0, 0)", oct15);
  fx_exec(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "VALUES (2, '2026-10-15', 'read', 'x', 0)");
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, created_at, "
               "updated_at) VALUES (3, 3, 20, 'held', 0, 0)");
  fx_execf(db, "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
               "VALUES (3, 0, 'x', %lld, 0)", oct15);
  fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, done_at, "
               "created_at, updated_at) VALUES (4, 'check-in', '2026-10-01', 'email', 'done', "
               "%lld, 0, 0), (5, 'thank-you', '2026-10-01', 'email', 'sent', %lld, 0, 0), "
               "(6, 'check-in', '2026-10-01', 'email', 'skipped', %lld, 0, 0)",
           oct15, oct15, oct15);
  CHECK_QUIET("2026-11-01", "6:1");
  CHECK_QUIET("2026-12-14", "6:44");
  CHECK_QUIET("2026-12-15", "6:45,1:1,2:1,3:1,4:1,5:1");

  /* "none" is never due: cold by default, own 0, a stage with 0 */
  contact(7, "Cold", "cold", "identified", T_0901_NOON - 3000 * DAY);
  contact(8, "Own none", "warm", "identified", T_0901_NOON - 3000 * DAY);
  contact(9, "Declined", "warm", "declined", T_0901_NOON - 3000 * DAY);
  fx_exec(db, "UPDATE contact SET cadence_days = 0 WHERE id = 8");
  CHECK_QUIET("2035-01-01", "6:2984,1:2940,2:2940,3:2940,4:2940,5:2940");
  /* own cadence on a cold contact: due; longest overdue first; deleted
   * contacts never */
  fx_exec(db, "UPDATE contact SET cadence_days = 10 WHERE id = 7");
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id IN (1, 2, 3, 4, 5)");
  CHECK_QUIET("2026-11-01", "7:3051,6:1");
  /* the fields of a quiet contact */
  struct rp_quiet_list q;
  struct rp_err err;
  CHECK_INT(cadence_quiet(db, &cfg, "2026-11-01", &q, &err), RP_OK);
  CHECK_INT(q.n, 2);
  if (q.n == 2) {
    CHECK_STR(q.v[1].name, "Warm");
    CHECK_STR(q.v[1].last, "2026-09-01");
    CHECK_STR(q.v[1].last_what, "added");
    CHECK_INT(q.v[1].cadence, 60);
    CHECK_STR(q.v[1].due, "2026-10-31");
  }
  quiet_list_free(&q);
  CHECK_INT(cadence_quiet(db, &cfg, "2026-11-31", &q, &err), RP_INVALID);
  CHECK_STR(err.field, "today");
  CHECK_INT(q.n, 0);
  /* today NULL: the local day of now (12-10: 100 days after 09-01) */
  CHECK_INT(cadence_quiet(db, &cfg, NULL, &q, &err), RP_OK);
  CHECK_INT(q.n, 2);
  if (q.n == 2) CHECK_INT(q.v[1].days_over, 40);
  quiet_list_free(&q);
}

/* A follow-up done at `t` by contact `id`. */
static void done_at(int id, long long t) {
  fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, done_at, "
               "created_at, updated_at) VALUES (%d, 'update', '2026-09-01', 'email', 'done', "
               "%lld, 0, 0)", id, t);
}

/* Local midnight decides the day: 23:59 and 00:01 are different days, and
 * which day depends on the time zone. */
static void test_day_boundaries(void) {
  fx_open_fresh(&db, "tz.db");
  fx_set_now(T_0901_NOON + 30 * DAY);
  for (int id = 1; id <= 4; id++) contact(id, "Warm", "warm", "identified", T_0901_NOON - 90 * DAY);
  fx_exec(db, "UPDATE contact SET cadence_days = 10");
  done_at(1, 1788307140); /* 2026-09-01 23:59 UTC = 16:59 in Los Angeles */
  done_at(2, 1788307260); /* 2026-09-02 00:01 UTC = 17:01 in Los Angeles */
  done_at(3, 1788332340); /* 2026-09-01 23:59 in Los Angeles = 09-02 06:59 UTC */
  done_at(4, 1788332460); /* 2026-09-02 00:01 in Los Angeles = 09-02 07:01 UTC */
  check_last(1, "2026-09-01", "follow-up");
  check_last(2, "2026-09-02", "follow-up");
  check_last(3, "2026-09-02", "follow-up");
  check_last(4, "2026-09-02", "follow-up");
  CHECK_QUIET("2026-09-11", "");
  CHECK_QUIET("2026-09-12", "1:1");
  CHECK_QUIET("2026-09-13", "1:2,2:1,3:1,4:1");
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  check_last(1, "2026-09-01", "follow-up");
  check_last(2, "2026-09-01", "follow-up");
  check_last(3, "2026-09-01", "follow-up");
  check_last(4, "2026-09-02", "follow-up");
  CHECK_QUIET("2026-09-12", "1:1,2:1,3:1");
  CHECK_QUIET("2026-09-13", "1:2,2:2,3:2,4:1");
  /* a conversation that ends at 23:59 local and one just after midnight */
  contact(5, "Late call", "warm", "identified", T_0901_NOON - 90 * DAY);
  fx_exec(db, "UPDATE contact SET cadence_days = 1 WHERE id = 5");
  fx_execf(db, "INSERT INTO conversation (contact_id, minutes, status, started_at, ended_at, "
               "created_at, updated_at) VALUES (5, 20, 'held', %lld, %lld, 0, 0)",
           1788332340LL - 1200, 1788332340LL);
  check_last(5, "2026-09-01", "conversation");
  fx_execf(db, "UPDATE conversation SET ended_at = %lld WHERE contact_id = 5", 1788332460LL);
  check_last(5, "2026-09-02", "conversation");
  /* today from the clock is the local day: 09-13 03:00 UTC is still 09-12
   * in Los Angeles */
  fx_set_now(1788332460LL + 10 * DAY + 12 * 3600); /* 09-12 12:01 PDT */
  char *q = quiet_ids(NULL);
  CHECK_STR(q, "5:9,1:1,2:1,3:1");
  free(q);
  setenv("TZ", "UTC", 1);
  tzset();
}

static void test_set(void) {
  fx_open_fresh(&db, "set.db");
  fx_set_now(T_0901_NOON);
  contact(1, "Priya Shah", "warm", "met", 0);
  contact(2, "Gone", "warm", "met", 0);
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 2");
  struct rp_err err;
  CHECK_INT(cadence_set(db, 1, 30, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT cadence_days || ' ' || updated_at FROM contact WHERE id = 1",
               "30 1788264000");
  CHECK_INT(cadence_set(db, 1, 0, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT cadence_days FROM contact WHERE id = 1", "0");
  CHECK_INT(cadence_set(db, 1, 3650, &err), RP_OK);
  CHECK_INT(cadence_set(db, 1, -1, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT cadence_days IS NULL FROM contact WHERE id = 1", "1");
  CHECK_INT(cadence_set(db, 1, 3651, &err), RP_INVALID);
  CHECK_STR(err.field, "days");
  CHECK_INT(cadence_set(db, 1, -2, &err), RP_INVALID);
  CHECK_INT(cadence_set(db, 2, 10, &err), RP_INVALID);
  CHECK_STR(err.field, "contact");
  CHECK_INT(cadence_set(db, 99, 10, &err), RP_INVALID);
  FX_CHECK_SQL(db, "SELECT count(*) FROM contact WHERE cadence_days IS NOT NULL", "0");
}

static int synced(const char *today) {
  int n = -1;
  struct rp_err err;
  CHECK_INT(cadence_sync(db, &cfg, today, &n, &err), RP_OK);
  return n;
}

static void test_sync(void) {
  fx_open_fresh(&db, "sync.db");
  fx_set_now(T_0901_NOON + 61 * DAY); /* 2026-11-01 */
  contact(1, "Warm", "warm", "identified", T_0901_NOON);
  contact(2, "Cold own", "cold", "identified", T_0901_NOON);
  contact(3, "Warm given", "warm", "identified", T_0901_NOON);
  fx_exec(db, "UPDATE contact SET cadence_days = 30 WHERE id = 2");
  fx_exec(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "VALUES (3, '2026-09-01', 'read', 'x', 0)");
  CHECK_QUIET("2026-11-01", "2:31,1:1,3:1");
  /* warm ones only; once */
  CHECK_INT(synced("2026-11-01"), 2);
  CHECK_INT(synced("2026-11-01"), 0);
  CHECK_INT(synced(NULL), 0);
  FX_CHECK_SQL(db, "SELECT group_concat(contact_id || '|' || kind || '|' || due || '|' || medium "
                   "|| '|' || auto || '|' || status || '|' || note, '\n') FROM "
                   "(SELECT * FROM followup ORDER BY contact_id)",
               "1|check-in|2026-10-31|email|1|open|no contact yet since you added them on "
               "2026-09-01 (cadence 60 days)\n"
               "3|check-in|2026-10-31|email|1|open|no contact since 2026-09-01 (cadence 60 days)");
  /* skipped: not again for the same quiet spell; a new spell brings one */
  struct rp_err err;
  fx_exec(db, "UPDATE followup SET status = 'skipped' WHERE contact_id = 1");
  CHECK_INT(synced("2026-11-20"), 0);
  /* done: the clock restarts from then (11-01 + 60 = 12-31) */
  long long id3 = fx_scalar(db, "SELECT id FROM followup WHERE contact_id = 3");
  CHECK_INT(followup_mark(db, &cfg, id3, "done", &err), RP_OK);
  CHECK_QUIET("2026-12-31", "2:91,1:61");
  CHECK_INT(synced("2026-12-31"), 0);
  CHECK_INT(synced("2027-01-01"), 1);
  FX_CHECK_SQL(db, "SELECT due || ' ' || note FROM followup WHERE contact_id = 3 AND "
                   "status = 'open'",
               "2026-12-31 no contact since 2026-11-01 (cadence 60 days)");
  /* an open check-in made by hand counts too */
  contact(4, "Hand", "warm", "identified", T_0901_NOON);
  struct rp_followup f = {0};
  f.contact_id = 4;
  f.kind = xstrdup("check-in");
  f.due = xstrdup("2027-03-01");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  followup_free(&f);
  CHECK_INT(synced("2027-01-01"), 0);
  CHECK_INT(cadence_sync(db, &cfg, "someday", NULL, &err), RP_INVALID);
}

/* The quiet contacts without a check-in, as the state cadence_sync keeps
 * says ("id:days_over,…"). */
static char *unhandled_ids(const char *today) {
  struct rp_quiet_list q;
  struct rp_err err;
  CHECK_INT(cadence_quiet_unhandled(db, &cfg, today, 0, &q, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < q.n; i++)
    buf_addf(&b, "%s%lld:%d", i ? "," : "", (long long)q.v[i].contact_id, q.v[i].days_over);
  quiet_list_free(&q);
  return buf_steal(&b);
}

/* The same worked out from scratch: every contact read (cadence_quiet),
 * those with a check-in left out. */
static char *unhandled_scan(const char *today) {
  struct rp_quiet_list q;
  struct rp_err err;
  CHECK_INT(cadence_quiet(db, &cfg, today, &q, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  int k = 0;
  for (size_t i = 0; i < q.n; i++) {
    bool handled = false;
    CHECK_INT(cadence_handled(db, q.v[i].contact_id, q.v[i].due, &handled, &err), RP_OK);
    if (!handled)
      buf_addf(&b, "%s%lld:%d", k++ ? "," : "", (long long)q.v[i].contact_id, q.v[i].days_over);
  }
  quiet_list_free(&q);
  return buf_steal(&b);
}

/* How many contacts the next sync on `today` would read. */
static long long to_read(const char *today) {
  char *sql = xasprintf("SELECT count(*) FROM cadence_state WHERE check_on <= '%s'", today);
  long long n = fx_scalar(db, sql);
  free(sql);
  return n;
}

/* The state that spares reading every contact on every sync: a sync reads
 * only the contacts whose day has come or that something happened to, and
 * its result is the same as working everything out from scratch, day after
 * day, through interactions, edits, deletions and a change of config. */
static void test_sync_state(void) {
  fx_open_fresh(&db, "state.db");
  fx_set_now(T_0901_NOON);
  srand(9);
  const char *stages[] = {"identified", "asked", "met", "keeping-in-touch"};
  for (int id = 1; id <= 60; id++) {
    char name[16];
    snprintf(name, sizeof name, "P%02d", id % 7);
    contact(id, name, id % 3 ? "warm" : "cold", stages[id % 4], T_0901_NOON - (id % 11) * 9 * DAY);
    if (id % 5 == 0) fx_execf(db, "UPDATE contact SET cadence_days = %d WHERE id = %d", id, id);
  }
  struct rp_err err;
  char today[11];
  for (int d = 0; d < 240; d += 7) {
    fx_set_now(T_0901_NOON + d * DAY);
    char *t = date_local(T_0901_NOON + d * DAY, 0);
    str_copy(today, sizeof today, t);
    free(t);
    CHECK_INT(cadence_sync(db, &cfg, today, NULL, &err), RP_OK);
    CHECK_INT(to_read(today), 0);
    char *a = unhandled_ids(today), *b = unhandled_scan(today);
    CHECK_STR(a, b);
    free(a);
    free(b);
    /* something happens to a few contacts; each of them is read again */
    int who = 1 + rand() % 60, other = 1 + rand() % 60;
    switch (d / 7 % 5) {
    case 0:
      fx_execf(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
                   "VALUES (%d, '%s', 'read', 'x', 0)", who, today);
      break;
    case 1:
      fx_execf(db, "UPDATE followup SET status = 'done', done_at = %lld WHERE contact_id = %d",
               T_0901_NOON + d * DAY, who);
      break;
    case 2: fx_execf(db, "UPDATE contact SET warmth = 'warm' WHERE id = %d", who); break;
    case 3: fx_execf(db, "UPDATE contact SET deleted_at = 1 WHERE id = %d", who); break;
    default: fx_execf(db, "UPDATE followup SET status = 'skipped' WHERE contact_id = %d", who); break;
    }
    fx_execf(db, "UPDATE contact SET stage = 'met' WHERE id = %d", other);
    CHECK(to_read(today) >= 1);
  }
  /* a change of the config's cadences makes every contact be read again */
  CHECK_INT(cadence_sync(db, &cfg, today, NULL, &err), RP_OK);
  CHECK_INT(to_read(today), 0);
  cfg.cadence_cold = 45;
  CHECK_INT(cadence_sync(db, &cfg, today, NULL, &err), RP_OK);
  CHECK_INT(to_read(today), 0);
  char *a = unhandled_ids(today), *b = unhandled_scan(today);
  CHECK_STR(a, b);
  CHECK(strlen(a) > 0);
  free(a);
  free(b);
  FX_CHECK_SQL(db, "SELECT count(*) FROM cadence_state s JOIN contact c ON c.id = s.contact_id "
                   "WHERE c.deleted_at IS NOT NULL AND s.quiet_due IS NOT NULL",
               "0");
  cfg.cadence_cold = 0;
}

/* A journal `name` of 300 contacts (warm and cold, four stages, some with
 * their own cadence, some with a give, a held conversation with a note, a
 * follow-up done or an open check-in), the same for the same name; open
 * in db. */
static void steps_journal(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(T_0901_NOON);
  srand(22);
  const char *stages[] = {"identified", "asked", "met", "keeping-in-touch"};
  fx_exec(db, "BEGIN");
  for (int id = 1; id <= 300; id++) {
    char nm[16];
    snprintf(nm, sizeof nm, "S%03d", rand() % 1000);
    contact(id, nm, rand() % 3 ? "warm" : "cold", stages[rand() % 4],
            T_0901_NOON - (rand() % 200) * DAY);
    int r = rand() % 10;
    if (r == 0) fx_execf(db, "UPDATE contact SET cadence_days = %d WHERE id = %d", rand() % 90, id);
    if (r == 1)
      fx_execf(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
                   "VALUES (%d, '2026-0%d-1%d', 'read', 'x', 0)", id, 1 + rand() % 8, rand() % 9);
    if (r == 2) {
      long long t = T_0901_NOON - (rand() % 100) * DAY;
      fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, started_at, "
                   "ended_at, created_at, updated_at) VALUES (%d, %d, 20, 'held', %lld, %lld, "
                   "0, 0)",
               id, id, t, t + 1200);
      fx_execf(db, "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
                   "VALUES (%d, 60, 'n', %lld, %lld)", id, t + 60 * DAY, t + 60 * DAY);
    }
    if (r == 3)
      fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, auto, done_at, "
                   "created_at, updated_at) VALUES (%d, 'thank-you', '2026-08-01', 'email', "
                   "'done', 0, %lld, 0, 0)", id, T_0901_NOON - (rand() % 60) * DAY);
    if (r == 4)
      fx_execf(db, "INSERT INTO followup (contact_id, kind, due, medium, status, auto, "
                   "created_at, updated_at) VALUES (%d, 'check-in', '2026-10-01', 'email', "
                   "'open', 0, 0, 0)", id);
    if (r == 5) fx_execf(db, "UPDATE contact SET deleted_at = 1 WHERE id = %d", id);
  }
  fx_exec(db, "COMMIT");
}

/* What a sync leaves: the follow-ups and the cadence state, as text. */
static char *sync_result(void) {
  char *f = fx_text(db, "SELECT group_concat(x, char(10)) FROM (SELECT contact_id || '|' || kind "
                        "|| '|' || due || '|' || status || '|' || auto || '|' || "
                        "ifnull(note, '') AS x FROM followup ORDER BY id)");
  char *c = fx_text(db, "SELECT group_concat(x, char(10)) FROM (SELECT contact_id || '|' || "
                        "check_on || '|' || ifnull(quiet_due, '-') || '|' || ifnull(last_day, '-') "
                        "|| '|' || ifnull(last_what, '-') || '|' || ifnull(cadence, '-') AS x "
                        "FROM cadence_state ORDER BY contact_id)");
  char *all = xasprintf("%s\n--\n%s", f ? f : "", c ? c : "");
  free(f);
  free(c);
  return all;
}

/* A sync in steps, the journal closed and opened again between them (as
 * a sync killed part way and started again), leaves the same check-ins
 * and state as one sync in one go; each step works out at most its batch
 * and what it committed is not read again. */
static void test_sync_steps(void) {
  const char *today = "2026-11-20";
  fx_set_now(T_0901_NOON + 80 * DAY);
  steps_journal("whole.db");
  struct rp_err err;
  long pending = -1;
  CHECK_INT(cadence_pending(db, &cfg, today, 0, &pending, &err), RP_OK);
  CHECK_INT(pending, 300);
  CHECK_INT(cadence_pending(db, &cfg, today, 120, &pending, &err), RP_OK);
  CHECK_INT(pending, 120);
  int made = synced(today);
  CHECK(made > 50);
  CHECK_INT(cadence_pending(db, &cfg, today, 0, &pending, &err), RP_OK);
  CHECK_INT(pending, 0);
  char *whole = sync_result();

  steps_journal("steps.db");
  fx_set_now(T_0901_NOON + 80 * DAY);
  char *path = xasprintf("%s/steps.db", check_tmpdir());
  int made_steps = 0, steps = 0;
  long done = 0, left = 300;
  do {
    CHECK_INT(cadence_sync_step(db, &cfg, today, 7, &done, &made_steps, &err), RP_OK);
    CHECK(done <= 7);
    left -= done;
    /* stopped here and started again: what the steps did is kept */
    db_close(db);
    db = NULL;
    CHECK_INT(db_open(path, &db, &err), RP_OK);
    CHECK_INT(cadence_pending(db, &cfg, today, 0, &pending, &err), RP_OK);
    CHECK_INT(pending, left);
    steps++;
  } while (done == 7 && steps < 100);
  CHECK_INT(steps, 300 / 7 + 1);
  CHECK_INT(left, 0);
  CHECK_INT(made_steps, made);
  char *stepped = sync_result();
  CHECK_STR(stepped, whole);
  free(stepped);
  free(whole);
  free(path);
  /* a change of the config's cadences: every contact is pending again */
  cfg.cadence_warm += 1;
  CHECK_INT(cadence_pending(db, &cfg, today, 0, &pending, &err), RP_OK);
  CHECK_INT(pending, 300);
  CHECK_INT(cadence_sync_step(db, &cfg, today, 10, &done, NULL, &err), RP_OK);
  CHECK_INT(cadence_pending(db, &cfg, today, 0, &pending, &err), RP_OK);
  CHECK_INT(pending, 290);
  cfg.cadence_warm -= 1;
}

/* The sync reads each due contact by its id: a lookup, not a scan of all
 * contacts (which made the first sync after an import O(n²)). */
static void test_plan_is_linear(void) {
  sqlite3_stmt *st;
  char *sql = xasprintf("EXPLAIN QUERY PLAN %s", cadence_last_sql);
  CHECK_INT(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
  struct rp_buf plan = {0};
  while (sqlite3_step(st) == SQLITE_ROW) {
    buf_adds(&plan, (const char *)sqlite3_column_text(st, 3));
    buf_adds(&plan, "\n");
  }
  sqlite3_finalize(st);
  free(sql);
  CHECK(strstr(buf_str(&plan), "SEARCH c USING INTEGER PRIMARY KEY") != NULL);
  CHECK(strstr(buf_str(&plan), "SCAN c") == NULL);
  if (strstr(buf_str(&plan), "SCAN c")) fprintf(stderr, "plan:\n%s", buf_str(&plan));
  buf_free(&plan);
}

int main(void) {
  setenv("TZ", "UTC", 1);
  tzset();
  config_defaults(&cfg);
  test_effective();
  test_last_each_kind();
  test_restarts();
  test_day_boundaries();
  test_set();
  test_sync();
  test_sync_state();
  test_sync_steps();
  test_plan_is_linear();
  db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_cadence");
}
