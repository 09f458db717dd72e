/* when.h — dates, times and lengths as people type them ("tomorrow 10am",
 * "next friday", "+3", "in 2 weeks", "24 Dec", "2026-12-24 14:30"), the one
 * parser behind every date or length typed in forms, CLI options and the `+`
 * action lines of call notes. Pure: "today" is always passed in, so results
 * never depend on the clock (the caller gives date_local(time(NULL), 0)). */
#ifndef RAPPORT_WHEN_H
#define RAPPORT_WHEN_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/util.h"

/* A resolved moment: a day, and a time of day when one was given. */
struct rp_when {
  char day[11]; /* "YYYY-MM-DD" */
  int minute;   /* minutes after midnight (0–1439), or -1: no time given */
};

/* The forms when_parse accepts, one line for errors, --help and the man
 * page: "today, tomorrow, yesterday, mon…sun, next fri, +3, +2w, in 2 weeks,
 * 3 months, 2026-12-24, 24 Dec, Dec 24, with a time: 10am, 14:30". */
const char *when_forms(void);

/* Parse a whole text (case and surrounding blanks ignored) relative to
 * `today` ("YYYY-MM-DD"):
 *   today, tomorrow (tmrw), yesterday, now
 *   a weekday (mon, monday, fri, …): the next such day after today (a
 *     Friday's "fri" is a week later); "this fri" the same; "next fri" one
 *     week after that when "fri" falls in the current week (Monday–Sunday)
 *   +N, +Nd, +Nw, +Nm (days, weeks, months), "in N days|weeks|months|years",
 *     "N days|weeks|months" (a/an = 1); months keep the day of the month,
 *     clamped (Jan 31 + 1 month = Feb 28/29)
 *   "next week" (+7), "next month" (+1 month)
 *   2026-12-24, 24 Dec, 24 December, Dec 24, Dec 24 2027, 24 Dec 2027 (a day
 *     and month without a year is the next such day, today included)
 *   any of those followed (or preceded) by a time: 10am, 10:30am, 10.30pm,
 *     14:30, 14h30, noon, midnight; "at" allowed before the time; a time
 *     alone means today
 * RP_INVALID with err naming the text and listing when_forms() when it is
 * none of those or names no real day (Feb 30). */
enum rp_status when_parse(const char *text, const char *today, struct rp_when *out,
                          struct rp_err *err);

/* Find a date phrase inside a sentence, as in call notes' action lines:
 * "send the report by friday", "tomorrow: call Ana", "draft CV in 2 weeks",
 * "call back on 24 Dec at 10am". Looks for the longest run of words that
 * when_parse accepts (with a leading "by", "on", "before", "due", "until"
 * and a trailing ":" or "," taken with it); a bare number is never a date.
 * True with *out, and [*start, *start + *len) the bytes of the phrase (so
 * the caller can show the text without it); false when there is none. */
bool when_find(const char *text, const char *today, struct rp_when *out, size_t *start,
               size_t *len);

/* A number of days: "7", "7d", "2w", "2 weeks", "3 months" (30 days each),
 * "1 year" (365). RP_INVALID (err lists the forms) when not one of those or
 * outside 0–36500. */
enum rp_status when_parse_days(const char *text, int *days, struct rp_err *err);

/* A length of time in minutes: "20", "20m", "20 min", "1h", "1h30", "1:30",
 * "90 minutes", "1.5h". RP_INVALID (err lists the forms) when not one of
 * those or outside 1–1440. */
enum rp_status when_parse_minutes(const char *text, int *minutes, struct rp_err *err);

/* "Fri 2026-12-11" (with " 10:00" when a time is set) into buf, for showing
 * the resolved date as the user types; returns buf. */
const char *when_describe(const struct rp_when *w, char *buf, size_t size);

/* The same against the journal's clock (db_now(): RAPPORT_NOW in tests),
 * for the CLI and the forms. */
/* A day: text into out "YYYY-MM-DD"; a time given with it is refused
 * ("a day, not a time"). */
enum rp_status when_day_now(const char *text, char out[11], struct rp_err *err);
/* A moment with a time of day: text into out "YYYY-MM-DD HH:MM"; a day
 * without a time is refused, naming the form to use ("tomorrow 10am"). */
enum rp_status when_datetime_now(const char *text, char out[17], struct rp_err *err);
/* A number of days on from today: a length (when_parse_days) or a day after
 * today ("fri", "24 Dec": the days until it). */
enum rp_status when_days_now(const char *text, int *days, struct rp_err *err);

#endif
