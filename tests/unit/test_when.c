/* test_when.c — dates, times and lengths as people type them (when.h):
 * every form the parser promises, relative to a fixed "today" (Monday
 * 2026-12-07), the edges of months and years, what is refused and what the
 * refusal says, and finding a date phrase inside a call note's action. */
#include "check.h"
#include "rapport/when.h"

static const char *const TODAY = "2026-12-07"; /* a Monday */

/* Parse text; "" when refused. "YYYY-MM-DD" or "YYYY-MM-DD HH:MM". */
static const char *parsed(const char *text, const char *today) {
  static char buf[32];
  struct rp_when w;
  struct rp_err err;
  rp_err_clear(&err);
  if (when_parse(text, today, &w, &err) != RP_OK) return "";
  if (w.minute < 0) snprintf(buf, sizeof buf, "%s", w.day);
  else snprintf(buf, sizeof buf, "%s %02d:%02d", w.day, w.minute / 60, w.minute % 60);
  return buf;
}

static void test_words(void) {
  CHECK_STR(parsed("today", TODAY), "2026-12-07");
  CHECK_STR(parsed("  Tomorrow ", TODAY), "2026-12-08");
  CHECK_STR(parsed("tmrw", TODAY), "2026-12-08");
  CHECK_STR(parsed("yesterday", TODAY), "2026-12-06");
  CHECK_STR(parsed("next week", TODAY), "2026-12-14");
  CHECK_STR(parsed("next month", TODAY), "2027-01-07");
}

static void test_weekdays(void) {
  CHECK_STR(parsed("fri", TODAY), "2026-12-11");
  CHECK_STR(parsed("Friday", TODAY), "2026-12-11");
  CHECK_STR(parsed("this fri", TODAY), "2026-12-11");
  CHECK_STR(parsed("next friday", TODAY), "2026-12-18"); /* Friday of next week */
  CHECK_STR(parsed("mon", TODAY), "2026-12-14");          /* never today */
  CHECK_STR(parsed("next mon", TODAY), "2026-12-14");     /* already next week */
  CHECK_STR(parsed("sun", TODAY), "2026-12-13");
  CHECK_STR(parsed("next sun", TODAY), "2026-12-20");
  CHECK_STR(parsed("tues", TODAY), "2026-12-08");
  CHECK_STR(parsed("thur", TODAY), "2026-12-10");
  /* from a Saturday, "fri" and "next fri" are the same day */
  CHECK_STR(parsed("fri", "2026-12-12"), "2026-12-18");
  CHECK_STR(parsed("next fri", "2026-12-12"), "2026-12-18");
}

static void test_offsets(void) {
  CHECK_STR(parsed("+3", TODAY), "2026-12-10");
  CHECK_STR(parsed("+0", TODAY), "2026-12-07");
  CHECK_STR(parsed("+3d", TODAY), "2026-12-10");
  CHECK_STR(parsed("+2w", TODAY), "2026-12-21");
  CHECK_STR(parsed("+1m", TODAY), "2027-01-07");
  CHECK_STR(parsed("+1y", TODAY), "2027-12-07");
  CHECK_STR(parsed("+30", TODAY), "2027-01-06");
  CHECK_STR(parsed("in 2 weeks", TODAY), "2026-12-21");
  CHECK_STR(parsed("in a week", TODAY), "2026-12-14");
  CHECK_STR(parsed("in three days", TODAY), "2026-12-10");
  CHECK_STR(parsed("3 months", TODAY), "2027-03-07");
  CHECK_STR(parsed("1 year", TODAY), "2027-12-07");
  CHECK_STR(parsed("10 days", TODAY), "2026-12-17");
  /* a month on from the 31st is the month's last day */
  CHECK_STR(parsed("+1m", "2027-01-31"), "2027-02-28");
  CHECK_STR(parsed("in 1 month", "2028-01-31"), "2028-02-29");
  CHECK_STR(parsed("+1y", "2028-02-29"), "2029-02-28");
}

static void test_calendar_days(void) {
  CHECK_STR(parsed("2026-12-24", TODAY), "2026-12-24");
  CHECK_STR(parsed("2020-01-01", TODAY), "2020-01-01");
  CHECK_STR(parsed("24 Dec", TODAY), "2026-12-24");
  CHECK_STR(parsed("24th December", TODAY), "2026-12-24");
  CHECK_STR(parsed("Dec 24", TODAY), "2026-12-24");
  CHECK_STR(parsed("dec 7", TODAY), "2026-12-07"); /* today included */
  CHECK_STR(parsed("6 dec", TODAY), "2027-12-06"); /* passed: next year */
  CHECK_STR(parsed("1 jan", TODAY), "2027-01-01");
  CHECK_STR(parsed("Sept 3", TODAY), "2027-09-03");
  CHECK_STR(parsed("24 Dec 2027", TODAY), "2027-12-24");
  CHECK_STR(parsed("Dec 24, 2027", TODAY), "2027-12-24");
  CHECK_STR(parsed("29 feb", TODAY), "2028-02-29"); /* the next leap year */
}

static void test_times(void) {
  CHECK_STR(parsed("tomorrow 10am", TODAY), "2026-12-08 10:00");
  CHECK_STR(parsed("tomorrow at 10am", TODAY), "2026-12-08 10:00");
  CHECK_STR(parsed("10am tomorrow", TODAY), "2026-12-08 10:00");
  CHECK_STR(parsed("10am", TODAY), "2026-12-07 10:00");
  CHECK_STR(parsed("14:30", TODAY), "2026-12-07 14:30");
  CHECK_STR(parsed("14h30", TODAY), "2026-12-07 14:30");
  CHECK_STR(parsed("fri 2:30pm", TODAY), "2026-12-11 14:30");
  CHECK_STR(parsed("fri 2.30 pm", TODAY), "2026-12-11 14:30");
  CHECK_STR(parsed("12am", TODAY), "2026-12-07 00:00");
  CHECK_STR(parsed("12pm", TODAY), "2026-12-07 12:00");
  CHECK_STR(parsed("noon", TODAY), "2026-12-07 12:00");
  CHECK_STR(parsed("2026-12-24 14:30", TODAY), "2026-12-24 14:30");
  CHECK_STR(parsed("24 Dec at 9:05", TODAY), "2026-12-24 09:05");
  CHECK_STR(parsed("10am on fri", TODAY), "2026-12-11 10:00");
  CHECK_STR(parsed("2026-12-24T14:30", TODAY), "2026-12-24 14:30");
  CHECK_STR(parsed("2026-12-24T14:30:59", TODAY), "2026-12-24 14:30");
  CHECK_STR(parsed("2026-12-24 14:30:00", TODAY), "2026-12-24 14:30");
}

static void test_refused(void) {
  CHECK_STR(parsed("", TODAY), "");
  CHECK_STR(parsed("   ", TODAY), "");
  CHECK_STR(parsed("soon", TODAY), "");
  CHECK_STR(parsed("7", TODAY), ""); /* a bare number is not a date */
  CHECK_STR(parsed("2026-02-30", TODAY), "");
  CHECK_STR(parsed("30 feb", TODAY), "");
  CHECK_STR(parsed("25:00", TODAY), "");
  CHECK_STR(parsed("13pm", TODAY), "");
  CHECK_STR(parsed("10.30", TODAY), "");
  CHECK_STR(parsed("2026-12-24T25:00", TODAY), "");
  CHECK_STR(parsed("2026-12-24T9:00", TODAY), ""); /* programs write two digits */
  CHECK_STR(parsed("2026-02-30T10:00", TODAY), "");
  CHECK_STR(parsed("14:30:61", TODAY), "");
  CHECK_STR(parsed("tomorrow tomorrow", TODAY), "");
  CHECK_STR(parsed("10am 11am", TODAY), "");
  CHECK_STR(parsed("+99999999", TODAY), "");
  CHECK_STR(parsed("+2x", TODAY), "");
  CHECK_STR(parsed("tomorrow", "not-a-day"), "");
  CHECK_STR(parsed(NULL, TODAY), "");
  struct rp_when w;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK(when_parse("someday", TODAY, &w, &err) == RP_INVALID);
  CHECK(strstr(err.msg, "'someday' is not a date") != NULL);
  CHECK(strstr(err.msg, "tomorrow 10am") != NULL);
}

/* The phrase found in text and the text without it. */
static const char *found(const char *text) {
  static char buf[160];
  struct rp_when w;
  size_t start = 0, len = 0;
  if (!when_find(text, TODAY, &w, &start, &len)) return "-";
  char rest[128];
  snprintf(rest, sizeof rest, "%.*s|%s", (int)start, text, text + start + len);
  if (w.minute < 0) snprintf(buf, sizeof buf, "%s [%s]", w.day, rest);
  else snprintf(buf, sizeof buf, "%s %02d:%02d [%s]", w.day, w.minute / 60, w.minute % 60, rest);
  return buf;
}

static void test_find(void) {
  CHECK_STR(found("send the report by friday"), "2026-12-11 [send the report |]");
  CHECK_STR(found("tomorrow: call Ana"), "2026-12-08 [| call Ana]");
  CHECK_STR(found("draft CV in 2 weeks"), "2026-12-21 [draft CV |]");
  CHECK_STR(found("call back on 24 Dec at 10am please"), "2026-12-24 10:00 [call back | please]");
  CHECK_STR(found("ask about the role by next fri, then decide"),
            "2026-12-18 [ask about the role | then decide]");
  CHECK_STR(found("Build a portfolio of 3 field stories"), "-");
  CHECK_STR(found("read 3 books"), "-");
  CHECK_STR(found("spent 3 months abroad"), "-");
  CHECK_STR(found("enjoy the sun"), "-");
  CHECK_STR(found("I may call Ana"), "-");
  CHECK_STR(found("now I know"), "-");
  CHECK_STR(found("meet on sun"), "2026-12-13 [meet |]");
  CHECK_STR(found(""), "-");
  /* a long text: the phrase far in is still found, and the work is bounded */
  static char longtext[40000];
  size_t n = 0;
  while (n + 8 < sizeof longtext - 64) n += (size_t)snprintf(longtext + n, sizeof longtext - n, "word%zu ", n % 7);
  snprintf(longtext + n, sizeof longtext - n, "by friday");
  struct rp_when w;
  size_t start, len;
  CHECK(when_find(longtext, TODAY, &w, &start, &len));
  CHECK_STR(w.day, "2026-12-11");
  CHECK_INT(start, n);
}

static void test_days_and_minutes(void) {
  int d = -1, m = -1;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK(when_parse_days("7", &d, &err) == RP_OK && d == 7);
  CHECK(when_parse_days("7d", &d, &err) == RP_OK && d == 7);
  CHECK(when_parse_days("2w", &d, &err) == RP_OK && d == 14);
  CHECK(when_parse_days("2 weeks", &d, &err) == RP_OK && d == 14);
  CHECK(when_parse_days("3 months", &d, &err) == RP_OK && d == 90);
  CHECK(when_parse_days("1 year", &d, &err) == RP_OK && d == 365);
  CHECK(when_parse_days("a week", &d, &err) == RP_OK && d == 7);
  CHECK(when_parse_days("0", &d, &err) == RP_OK && d == 0);
  CHECK(when_parse_days("1.5", &d, &err) == RP_INVALID);
  CHECK(when_parse_days("-3", &d, &err) == RP_INVALID);
  CHECK(when_parse_days("soon", &d, &err) == RP_INVALID);
  CHECK(strstr(err.msg, "'soon' is not a number of days") != NULL);
  CHECK(when_parse_days("200 years", &d, &err) == RP_INVALID);
  CHECK(when_parse_days("", &d, &err) == RP_INVALID);
  CHECK(when_parse_minutes("20", &m, &err) == RP_OK && m == 20);
  CHECK(when_parse_minutes("20m", &m, &err) == RP_OK && m == 20);
  CHECK(when_parse_minutes("20 min", &m, &err) == RP_OK && m == 20);
  CHECK(when_parse_minutes("90 minutes", &m, &err) == RP_OK && m == 90);
  CHECK(when_parse_minutes("1h", &m, &err) == RP_OK && m == 60);
  CHECK(when_parse_minutes("1 hour", &m, &err) == RP_OK && m == 60);
  CHECK(when_parse_minutes("1h30", &m, &err) == RP_OK && m == 90);
  CHECK(when_parse_minutes("1h30m", &m, &err) == RP_OK && m == 90);
  CHECK(when_parse_minutes("1:30", &m, &err) == RP_OK && m == 90);
  CHECK(when_parse_minutes("1.5h", &m, &err) == RP_OK && m == 90);
  CHECK(when_parse_minutes("an hour", &m, &err) == RP_OK && m == 60);
  CHECK(when_parse_minutes("0", &m, &err) == RP_INVALID);
  CHECK(when_parse_minutes("25h", &m, &err) == RP_INVALID);
  CHECK(when_parse_minutes("1:5", &m, &err) == RP_INVALID);
  CHECK(when_parse_minutes("1h75", &m, &err) == RP_INVALID);
  CHECK(when_parse_minutes("1.5", &m, &err) == RP_INVALID);
  CHECK(when_parse_minutes("twenty", &m, &err) == RP_INVALID);
  CHECK(strstr(err.msg, "'twenty' is not a length") != NULL);
}

static void test_describe(void) {
  char buf[40];
  struct rp_when w = {"2026-12-11", -1};
  CHECK_STR(when_describe(&w, buf, sizeof buf), "Fri 2026-12-11");
  w.minute = 10 * 60 + 5;
  CHECK_STR(when_describe(&w, buf, sizeof buf), "Fri 2026-12-11 10:05");
}

int main(void) {
  test_words();
  test_weekdays();
  test_offsets();
  test_calendar_days();
  test_times();
  test_refused();
  test_find();
  test_days_and_minutes();
  test_describe();
  return check_done("test_when");
}
