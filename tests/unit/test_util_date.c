/* test_util_date.c — calendar days in util: date_valid, date_local (the
 * local day of a moment, in two time zones), and the arithmetic on
 * "YYYY-MM-DD" (date_diff, date_add, date_weekday) across months, years,
 * leap days, centuries and the ends of the calendar. */
#include <time.h>

#include "check.h"
#include "rapport/util.h"

static void test_valid(void) {
  CHECK(date_valid("2026-11-30"));
  CHECK(date_valid("2028-02-29"));
  CHECK(date_valid("2000-02-29"));
  CHECK(!date_valid("1900-02-29"));
  CHECK(!date_valid("2027-02-29"));
  CHECK(!date_valid("2026-13-01"));
  CHECK(!date_valid("2026-1-01"));
  CHECK(!date_valid("0000-01-01"));
  CHECK(!date_valid(""));
  CHECK(!date_valid(NULL));
}

static void check_diff(const char *a, const char *b, int want) {
  int d = 12345;
  CHECK(date_diff(a, b, &d));
  CHECK_INT(d, want);
  CHECK(date_diff(b, a, &d));
  CHECK_INT(d, -want);
}

static void check_add(const char *day, int days, const char *want) {
  char out[11];
  CHECK(date_add(day, days, out));
  CHECK_STR(out, want);
}

static void test_arithmetic(void) {
  check_diff("2026-11-30", "2026-11-30", 0);
  check_diff("2026-11-30", "2026-12-01", 1);
  check_diff("2026-12-31", "2027-01-01", 1);
  check_diff("2028-02-28", "2028-03-01", 2); /* leap year */
  check_diff("2027-02-28", "2027-03-01", 1);
  check_diff("1970-01-01", "2026-11-18", 20775);
  check_diff("1899-12-31", "1900-03-01", 60); /* 1900 was not a leap year */
  check_diff("0001-01-01", "9999-12-31", 3652058);
  check_add("2026-09-01", 60, "2026-10-31");
  check_add("2026-11-30", 1, "2026-12-01");
  check_add("2026-12-31", 1, "2027-01-01");
  check_add("2028-02-28", 1, "2028-02-29");
  check_add("2028-03-01", -1, "2028-02-29");
  check_add("2026-03-01", -1, "2026-02-28");
  check_add("2026-11-18", 0, "2026-11-18");
  check_add("2026-11-18", 3650, "2036-11-15");
  check_add("2000-01-01", -1, "1999-12-31");
  char out[11] = "x";
  CHECK(!date_add("9999-12-31", 1, out));
  CHECK_STR(out, "");
  CHECK(!date_add("0001-01-01", -1, out));
  CHECK(!date_add("2026-02-30", 1, out));
  int d;
  CHECK(!date_diff("2026-11-18", "soon", &d));
  CHECK(!date_diff(NULL, "2026-11-18", &d));
  /* days of the week */
  CHECK_INT(date_weekday("1970-01-01"), 3); /* Thursday */
  CHECK_INT(date_weekday("2026-12-01"), 1); /* Tuesday */
  CHECK_INT(date_weekday("2026-11-30"), 0); /* Monday */
  CHECK_INT(date_weekday("2026-12-06"), 6); /* Sunday */
  CHECK_INT(date_weekday("1969-12-31"), 2); /* before the epoch */
  CHECK_INT(date_weekday("2026-11-31"), -1);
}

static void test_local(void) {
  /* 2026-11-30 22:00 UTC: still the 30th in UTC, the 1st in Tokyo, and
   * 14:00 on the 30th in Los Angeles */
  char *s = date_local(1796076000, 0);
  CHECK_STR(s, "2026-11-30");
  free(s);
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  s = date_local(1796076000, 0);
  CHECK_STR(s, "2026-12-01");
  free(s);
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  s = date_local(1796076000, 1);
  CHECK_STR(s, "2026-12-01");
  free(s);
  /* across the change back from summer time (2026-11-01 in LA) */
  s = date_local(1793430000, 1); /* 2026-10-31 00:00 PDT */
  CHECK_STR(s, "2026-11-01");
  free(s);
  setenv("TZ", "UTC", 1);
  tzset();
}

int main(void) {
  test_valid();
  test_arithmetic();
  test_local();
  return check_done("test_util_date");
}
