/* when.c — dates, times and lengths as people type them (see when.h).
 *
 * The text is cut into words (blanks and commas separate them; a word keeps
 * its inner punctuation, so "14:30" and "2026-12-24" stay whole). A date is
 * one to three words, a time one or two; a phrase is a date, a time, or a
 * date and a time in either order ("at" may come before the time). Nothing
 * here reads the clock: "today" is an argument. */
#include "rapport/when.h"

#include "rapport/db.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WHEN_MAX_WORDS 12 /* a phrase is never longer; longer text is not one */
#define WORD_MAX 24       /* longer words are never part of a date */

struct word {
  char s[WORD_MAX]; /* lowercased, without trailing . : , ; ! ? */
  size_t start, end; /* bytes of the word in the text (end: after any ':' or ',') */
};

static const char *const weekdays[7][3] = {
    {"monday", "mon", NULL},     {"tuesday", "tue", "tues"}, {"wednesday", "wed", NULL},
    {"thursday", "thu", "thur"}, {"friday", "fri", NULL},    {"saturday", "sat", NULL},
    {"sunday", "sun", NULL},
};
static const char *const months[12] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
static const char *const weekday_short[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* See when.h. */
const char *when_forms(void) {
  return "today, tomorrow, yesterday, a weekday (fri, next fri), +3, +2w, in 2 weeks, "
         "3 months, 2026-12-24, 24 Dec, Dec 24 2027, with or without a time (10am, 14:30, "
         "tomorrow 10am)";
}

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static bool ymd_set(char out[11], int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m)) return false;
  char buf[40]; /* wide enough for any int, to keep -Wformat-truncation quiet */
  snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  memcpy(out, buf, 11);
  return true;
}

static void ymd_get(const char *day, int *y, int *m, int *d) {
  *y = atoi(day);
  *m = atoi(day + 5);
  *d = atoi(day + 8);
}

/* day + n months, the day of the month clamped to the month's length. */
static bool add_months(const char *day, long n, char out[11]) {
  int y, m, d;
  ymd_get(day, &y, &m, &d);
  long total = (long)y * 12 + (m - 1) + n;
  if (total < 12 || total >= 10000L * 12) return false;
  int ny = (int)(total / 12), nm = (int)(total % 12) + 1;
  int md = month_days(ny, nm);
  return ymd_set(out, ny, nm, d > md ? md : d);
}

/* A whole non-negative number of at most 5 digits: the text is all digits. */
static bool whole_number(const char *s, long *n) {
  size_t len = strlen(s);
  if (len == 0 || len > 5) return false;
  for (size_t i = 0; i < len; i++)
    if (!isdigit((unsigned char)s[i])) return false;
  *n = strtol(s, NULL, 10);
  return true;
}

/* "a", "an", "one" … "twelve" or digits. */
static bool count_word(const char *s, long *n) {
  static const char *const names[] = {"a",    "one",   "two",   "three", "four",
                                      "five", "six",   "seven", "eight", "nine",
                                      "ten",  "eleven", "twelve"};
  if (whole_number(s, n)) return true;
  if (!strcmp(s, "an")) {
    *n = 1;
    return true;
  }
  for (size_t i = 0; i < RP_ARRAY_LEN(names); i++)
    if (!strcmp(s, names[i])) {
      *n = i == 0 ? 1 : (long)i;
      return true;
    }
  return false;
}

/* A unit word: 'd' days, 'w' weeks, 'm' months, 'y' years; 0 when none. */
static char unit_word(const char *s) {
  static const struct {
    const char *w;
    char u;
  } units[] = {{"d", 'd'},     {"day", 'd'},     {"days", 'd'},    {"w", 'w'},
               {"wk", 'w'},    {"wks", 'w'},     {"week", 'w'},    {"weeks", 'w'},
               {"m", 'm'},     {"mo", 'm'},      {"month", 'm'},   {"months", 'm'},
               {"y", 'y'},     {"yr", 'y'},      {"year", 'y'},    {"years", 'y'}};
  for (size_t i = 0; i < RP_ARRAY_LEN(units); i++)
    if (!strcmp(s, units[i].w)) return units[i].u;
  return 0;
}

/* today + n units into out. */
static bool add_units(const char *today, long n, char unit, char out[11]) {
  if (n > 36500) return false;
  switch (unit) {
  case 'd': return date_add(today, (int)n, out);
  case 'w': return date_add(today, (int)(n * 7), out);
  case 'm': return add_months(today, n, out);
  case 'y': return add_months(today, n * 12, out);
  default: return false;
  }
}

/* "+3", "+3d", "+2w", "+1m", "+1y" (also "3d", "2w" without the sign when
 * `bare` is allowed). */
static bool offset_word(const char *s, const char *today, char out[11]) {
  if (*s != '+') return false;
  s++;
  char digits[8];
  size_t k = 0;
  while (isdigit((unsigned char)*s) && k + 1 < sizeof digits) digits[k++] = *s++;
  digits[k] = '\0';
  long n;
  if (!whole_number(digits, &n)) return false;
  char unit = *s ? unit_word(s) : 'd';
  return unit && add_units(today, n, unit, out);
}

/* The weekday named by s (0 = Monday), or -1. */
static int weekday_word(const char *s) {
  for (int i = 0; i < 7; i++)
    for (int j = 0; j < 3; j++)
      if (weekdays[i][j] && !strcmp(s, weekdays[i][j])) return i;
  return -1;
}

/* The month named by s (1–12; full names, three letters, "sept"), or 0. */
static int month_word(const char *s) {
  size_t len = strlen(s);
  if (!strcmp(s, "sept")) return 9;
  for (int i = 0; i < 12; i++)
    if (!strcmp(s, months[i]) || (len == 3 && !strncmp(s, months[i], 3))) return i + 1;
  return 0;
}

/* A day of the month: "24", "24th", "1st", "2nd", "3rd". */
static bool mday_word(const char *s, int *d) {
  char digits[3] = {0};
  size_t k = 0;
  while (isdigit((unsigned char)s[k]) && k < 2) {
    digits[k] = s[k];
    k++;
  }
  if (k == 0) return false;
  const char *rest = s + k;
  if (*rest && strcmp(rest, "st") && strcmp(rest, "nd") && strcmp(rest, "rd") && strcmp(rest, "th"))
    return false;
  *d = atoi(digits);
  return *d >= 1 && *d <= 31;
}

static bool year_word(const char *s, int *y) {
  long n;
  if (strlen(s) != 4 || !whole_number(s, &n) || n < 1) return false;
  *y = (int)n;
  return true;
}

/* A day and month with an optional year; without one, the next such day
 * from today on (today included). */
static bool month_day(const char *today, int m, int d, int y, char out[11]) {
  if (y) return ymd_set(out, y, m, d);
  int ty, tm, td;
  ymd_get(today, &ty, &tm, &td);
  for (int year = ty; year < ty + 9; year++) {
    if (!ymd_set(out, year, m, d)) continue; /* Feb 29 of a common year */
    int diff;
    if (date_diff(today, out, &diff) && diff >= 0) return true;
  }
  out[0] = '\0';
  return false;
}

/* The next `wd` after today (1–7 days on); `next` moves a day that falls in
 * the current week (Monday–Sunday) on by a week. */
static bool weekday_from(const char *today, int wd, bool next, char out[11]) {
  int t = date_weekday(today);
  if (t < 0) return false;
  int d = (wd - t + 7) % 7;
  if (d == 0) d = 7;
  if (next && t + d <= 6) d += 7;
  return date_add(today, d, out);
}

/* Flags for a match inside a sentence (when_find): words that are also
 * ordinary English are only dates after a preposition. */
enum { STRICT_FIND = 1 };

/* Try a date at w[i…]: words used, or 0. `lead` is true when a preposition
 * ("by", "on", …) or "this"/"next" comes first. */
static size_t date_at(const struct word *w, size_t n, size_t i, const char *today, int flags,
                      bool lead, char out[11]) {
  const char *a = w[i].s;
  const char *b = i + 1 < n ? w[i + 1].s : "";
  const char *c = i + 2 < n ? w[i + 2].s : "";
  long cnt;
  int wd, m, d, y;
  if (!strcmp(a, "today") || (!strcmp(a, "now") && !(flags & STRICT_FIND)))
    return date_add(today, 0, out) ? 1 : 0;
  if (!strcmp(a, "tomorrow") || !strcmp(a, "tmrw") || !strcmp(a, "tmr"))
    return date_add(today, 1, out) ? 1 : 0;
  if (!strcmp(a, "yesterday")) return date_add(today, -1, out) ? 1 : 0;
  if (!strcmp(a, "this") || !strcmp(a, "next")) {
    bool next = a[0] == 'n';
    if ((wd = weekday_word(b)) >= 0) return weekday_from(today, wd, next, out) ? 2 : 0;
    if (next && unit_word(b) && strlen(b) > 2) return add_units(today, 1, unit_word(b), out) ? 2 : 0;
    return 0;
  }
  if ((wd = weekday_word(a)) >= 0) {
    /* "sun", "sat", "wed" in a sentence are words first */
    if ((flags & STRICT_FIND) && !lead && strlen(a) <= 4) return 0;
    return weekday_from(today, wd, false, out) ? 1 : 0;
  }
  if (a[0] == '+') return offset_word(a, today, out) ? 1 : 0;
  if (!strcmp(a, "in") && count_word(b, &cnt) && unit_word(c) && strlen(c) > 1)
    return add_units(today, cnt, unit_word(c), out) ? 3 : 0;
  if (!(flags & STRICT_FIND) && count_word(a, &cnt) && unit_word(b) && strlen(b) > 2)
    return add_units(today, cnt, unit_word(b), out) ? 2 : 0;
  if (strlen(a) == 10 && a[4] == '-' && a[7] == '-')
    return date_valid(a) ? (str_copy(out, 11, a), 1) : 0;
  if (mday_word(a, &d) && (m = month_word(b))) {
    y = 0;
    size_t used = year_word(c, &y) ? 3 : 2;
    return month_day(today, m, d, y, out) ? used : 0;
  }
  if ((m = month_word(a)) && mday_word(b, &d)) {
    y = 0;
    size_t used = year_word(c, &y) ? 3 : 2;
    return month_day(today, m, d, y, out) ? used : 0;
  }
  return 0;
}

/* Parse "10", "10:30", "10.30", "14h30", "14h" into hours and minutes;
 * `sep` is set when the text had a minute part or an 'h'. */
static bool clock_digits(const char *s, int *h, int *mi, bool *sep) {
  int hh = 0, mm = 0, k = 0;
  while (isdigit((unsigned char)*s) && k < 2) hh = hh * 10 + (*s++ - '0'), k++;
  if (k == 0) return false;
  *sep = false;
  if (*s == ':' || *s == '.' || *s == 'h') {
    char c = *s++;
    *sep = true;
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1])) {
      mm = (s[0] - '0') * 10 + (s[1] - '0');
      s += 2;
      /* ":SS" seconds are allowed after "HH:MM" and dropped */
      if (c == ':' && s[0] == ':' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
          (s[1] - '0') * 10 + (s[2] - '0') <= 59)
        s += 3;
    } else if (c != 'h') {
      return false;
    }
  }
  if (*s) return false;
  *h = hh;
  *mi = mm;
  return hh <= 23 && mm <= 59;
}

/* Try a time at w[i…]: words used, or 0. */
static size_t time_at(const struct word *w, size_t n, size_t i, int *minute) {
  const char *a = w[i].s;
  const char *b = i + 1 < n ? w[i + 1].s : "";
  if (!strcmp(a, "noon") || !strcmp(a, "midday")) return *minute = 12 * 60, 1;
  if (!strcmp(a, "midnight")) return *minute = 0, 1;
  char clock[WORD_MAX];
  str_copy(clock, sizeof clock, a);
  size_t len = strlen(clock);
  int half = 0; /* 'a' am, 'p' pm */
  size_t used = 1;
  if (len > 2 && (!strcmp(clock + len - 2, "am") || !strcmp(clock + len - 2, "pm"))) {
    half = clock[len - 2];
    clock[len - 2] = '\0';
  } else if (!strcmp(b, "am") || !strcmp(b, "pm") || !strcmp(b, "a.m") || !strcmp(b, "p.m")) {
    half = b[0];
    used = 2;
  }
  int h, mi;
  bool sep;
  if (!clock_digits(clock, &h, &mi, &sep)) return 0;
  if (half) {
    if (h < 1 || h > 12) return 0;
    h = h % 12 + (half == 'p' ? 12 : 0);
  } else if (!sep) {
    return 0; /* "10" alone is a number, not a time */
  } else if (strchr(clock, '.')) {
    return 0; /* "10.30" without am/pm reads as a number */
  }
  *minute = h * 60 + mi;
  return used;
}

/* Parse w[0…n) whole as one phrase. */
static bool phrase(const struct word *w, size_t n, const char *today, int flags, bool lead,
                   struct rp_when *out) {
  bool have_day = false;
  int minute = -1;
  char day[11] = "";
  size_t i = 0;
  while (i < n) {
    size_t used;
    int t;
    /* "2026-12-24T14:30" (ISO 8601, as programs write it) */
    const char *x = w[i].s;
    if (!have_day && minute < 0 && strlen(x) > 11 && x[10] == 't' && x[4] == '-') {
      char d10[11];
      memcpy(d10, x, 10);
      d10[10] = '\0';
      int h, mi;
      bool sep;
      if (!date_valid(d10) || x[13] != ':' || !clock_digits(x + 11, &h, &mi, &sep)) return false;
      str_copy(day, sizeof day, d10);
      have_day = true;
      minute = h * 60 + mi;
      i++;
      continue;
    }
    if (!strcmp(w[i].s, "at") && minute < 0 && i + 1 < n && (used = time_at(w, n, i + 1, &t))) {
      minute = t;
      i += 1 + used;
      continue;
    }
    if (minute < 0 && (used = time_at(w, n, i, &t))) {
      minute = t;
      i += used;
      continue;
    }
    if (!have_day && (used = date_at(w, n, i, today, flags, lead || i > 0, day))) {
      have_day = true;
      i += used;
      continue;
    }
    if (!strcmp(w[i].s, "on") && have_day == false && i + 1 < n) { /* "10am on fri" */
      i++;
      lead = true;
      continue;
    }
    return false;
  }
  if (!have_day && minute < 0) return false;
  if (!have_day && !date_add(today, 0, day)) return false;
  str_copy(out->day, sizeof out->day, day);
  out->minute = minute;
  return true;
}

/* Cut text into words (at most max; `*ok` false when the text had more
 * or a word too long to be part of a date: a long word stays as a word
 * that matches nothing). */
static size_t split_words(const char *text, struct word *w, size_t max, bool *ok) {
  size_t n = 0;
  *ok = true;
  const char *p = text;
  while (*p) {
    while (*p && (isspace((unsigned char)*p) || *p == ',')) p++;
    if (!*p) break;
    if (n == max) {
      *ok = false;
      break;
    }
    const char *s = p;
    while (*p && !isspace((unsigned char)*p) && *p != ',') p++;
    size_t raw = (size_t)(p - s), len = raw;
    while (len > 0 && strchr(".:;!?()\"'", s[len - 1])) len--;
    if (len == 0) continue;
    struct word *x = &w[n++];
    if (len >= WORD_MAX) {
      *ok = false;
      x->s[0] = '\x01';
      x->s[1] = '\0';
    } else {
      for (size_t k = 0; k < len; k++) x->s[k] = (char)tolower((unsigned char)s[k]);
      x->s[len] = '\0';
    }
    x->start = (size_t)(s - text);
    x->end = x->start + len;
    if (len < raw && s[len] == ':') x->end++;       /* "tomorrow: call Ana" */
    else if (*p == ',') x->end = (size_t)(p - text) + 1; /* "by friday, then" */
  }
  return n;
}

/* See when.h. */
enum rp_status when_parse(const char *text, const char *today, struct rp_when *out,
                          struct rp_err *err) {
  char clip[80];
  struct word w[WHEN_MAX_WORDS];
  bool ok;
  const char *t = text ? text : "";
  size_t n = split_words(t, w, RP_ARRAY_LEN(w), &ok);
  if (!date_valid(today))
    return rp_err_set(err, RP_INVALID, "no valid today given ('%s')", str_clip(today ? today : "", clip, sizeof clip));
  if (ok && n > 0 && phrase(w, n, today, 0, false, out)) return RP_OK;
  if (n == 0) return rp_err_set(err, RP_INVALID, "no date given; use %s", when_forms());
  return rp_err_set(err, RP_INVALID, "'%s' is not a date; use %s", str_clip(t, clip, sizeof clip),
                    when_forms());
}

static bool is_lead_word(const char *s) {
  static const char *const leads[] = {"by", "on", "before", "due", "until", "till", "for"};
  for (size_t i = 0; i < RP_ARRAY_LEN(leads); i++)
    if (!strcmp(s, leads[i])) return true;
  return false;
}

/* See when.h. Each start is tried with at most 6 words, longest first, so
 * the work grows with the length of the text times a constant. */
bool when_find(const char *text, const char *today, struct rp_when *out, size_t *start,
               size_t *len) {
  if (!text || !date_valid(today)) return false;
  struct word w[256];
  bool ok;
  const char *p = text;
  size_t base = 0;
  /* a long text is read in windows of 256 words that overlap by 8 */
  for (;;) {
    size_t n = split_words(p, w, RP_ARRAY_LEN(w), &ok);
    for (size_t i = 0; i < n; i++) {
      bool lead = i > 0 && is_lead_word(w[i - 1].s);
      for (size_t k = n - i < 6 ? n - i : 6; k >= 1; k--) {
        struct rp_when found;
        if (!phrase(w + i, k, today, STRICT_FIND, lead, &found)) continue;
        size_t from = lead ? w[i - 1].start : w[i].start;
        *out = found;
        *start = base + from;
        *len = w[i + k - 1].end - from;
        return true;
      }
    }
    if (ok || n < RP_ARRAY_LEN(w)) return false;
    size_t next = w[n - 8].start;
    p += next;
    base += next;
  }
}

/* Split "20min", "1h30", "2 weeks" into a number and the rest (lowercased,
 * blanks dropped); false when there is no leading number. */
static bool number_unit(const char *text, double *num, char *unit, size_t size) {
  const char *p = text ? text : "";
  while (isspace((unsigned char)*p)) p++;
  char digits[16];
  size_t k = 0;
  bool dot = false;
  while ((isdigit((unsigned char)*p) || (*p == '.' && !dot)) && k + 1 < sizeof digits) {
    if (*p == '.') dot = true;
    digits[k++] = *p++;
  }
  digits[k] = '\0';
  if (k == 0 || (k == 1 && dot)) {
    long cnt;
    /* "a week", "an hour" */
    char first[8];
    size_t f = 0;
    while (isalpha((unsigned char)*p) && f + 1 < sizeof first) first[f++] = (char)tolower((unsigned char)*p++);
    first[f] = '\0';
    if (!count_word(first, &cnt) || !isspace((unsigned char)*p)) return false;
    snprintf(digits, sizeof digits, "%ld", cnt);
  }
  *num = strtod(digits, NULL);
  size_t u = 0;
  for (; *p && u + 1 < size; p++)
    if (!isspace((unsigned char)*p)) unit[u++] = (char)tolower((unsigned char)*p);
  if (*p) return false;
  unit[u] = '\0';
  return true;
}

/* See when.h. */
enum rp_status when_parse_days(const char *text, int *days, struct rp_err *err) {
  char clip[80], unit[16];
  double num;
  if (number_unit(text, &num, unit, sizeof unit) && num == (long)num) {
    char u = unit[0] ? unit_word(unit) : 'd';
    long mult = u == 'd' ? 1 : u == 'w' ? 7 : u == 'm' ? 30 : u == 'y' ? 365 : 0;
    if (mult && num * mult <= 36500) {
      *days = (int)(num * mult);
      return RP_OK;
    }
  }
  return rp_err_set(err, RP_INVALID,
                    "'%s' is not a number of days (0 to 36500); use 7, 7d, 2w, 2 weeks, "
                    "3 months or 1 year",
                    str_clip(text ? text : "", clip, sizeof clip));
}

/* See when.h. */
enum rp_status when_parse_minutes(const char *text, int *minutes, struct rp_err *err) {
  char clip[80], unit[16];
  double num;
  double total = -1;
  if (number_unit(text, &num, unit, sizeof unit)) {
    static const char *const mins[] = {"", "m", "min", "mins", "minute", "minutes"};
    static const char *const hours[] = {"h", "hr", "hrs", "hour", "hours"};
    for (size_t i = 0; i < RP_ARRAY_LEN(mins); i++)
      if (!strcmp(unit, mins[i]) && num == (long)num) total = num;
    for (size_t i = 0; i < RP_ARRAY_LEN(hours); i++)
      if (!strcmp(unit, hours[i])) total = num * 60;
    /* "1h30", "1h30m", "1h30min", "1:30" */
    if (total < 0 && num == (long)num && (unit[0] == 'h' || unit[0] == ':')) {
      const char *q = unit + 1;
      int extra = 0, k = 0;
      while (isdigit((unsigned char)*q) && k < 2) extra = extra * 10 + (*q++ - '0'), k++;
      if (k > 0 && extra < 60 && (!*q || !strcmp(q, "m") || !strcmp(q, "min")) &&
          !(unit[0] == ':' && (k != 2 || *q)))
        total = num * 60 + extra;
    }
  }
  if (total >= 1 && total <= 1440 && total == (long)total) {
    *minutes = (int)total;
    return RP_OK;
  }
  return rp_err_set(err, RP_INVALID,
                    "'%s' is not a length (1 minute to 24 hours); use 20, 20m, 20 min, 1h, 1h30, "
                    "1:30, 1.5h or 90 minutes",
                    str_clip(text ? text : "", clip, sizeof clip));
}

/* See when.h. */
const char *when_describe(const struct rp_when *w, char *buf, size_t size) {
  int wd = date_weekday(w->day);
  if (wd < 0) {
    str_copy(buf, size, "");
    return buf;
  }
  if (w->minute >= 0)
    snprintf(buf, size, "%s %s %02d:%02d", weekday_short[wd], w->day, w->minute / 60,
             w->minute % 60);
  else
    snprintf(buf, size, "%s %s", weekday_short[wd], w->day);
  return buf;
}

/* Today by the journal's clock into out; false when the clock is unusable. */
static bool today_now(char out[11]) {
  char *t = date_local(db_now(), 0);
  bool ok = date_valid(t);
  str_copy(out, 11, ok ? t : "");
  free(t);
  return ok;
}

/* when_parse against the journal's clock. */
static enum rp_status parse_now(const char *text, struct rp_when *w, struct rp_err *err) {
  char today[11];
  if (!today_now(today)) return rp_err_set(err, RP_INVALID, "the clock gives no date");
  return when_parse(text, today, w, err);
}

/* See when.h. */
enum rp_status when_day_now(const char *text, char out[11], struct rp_err *err) {
  char clip[80];
  struct rp_when w;
  out[0] = '\0';
  enum rp_status st = parse_now(text, &w, err);
  if (st != RP_OK) return st;
  if (w.minute >= 0)
    return rp_err_set(err, RP_INVALID, "'%s' has a time of day; give just the day (%s)",
                      str_clip(text, clip, sizeof clip), w.day);
  str_copy(out, 11, w.day);
  return RP_OK;
}

/* See when.h. */
enum rp_status when_datetime_now(const char *text, char out[17], struct rp_err *err) {
  char clip[80], buf[40];
  struct rp_when w;
  out[0] = '\0';
  enum rp_status st = parse_now(text, &w, err);
  if (st != RP_OK) return st;
  if (w.minute < 0)
    return rp_err_set(err, RP_INVALID, "'%s' has no time of day; add one, as in '%s 10am' or "
                      "'%s 14:30'", str_clip(text, clip, sizeof clip), clip, clip);
  snprintf(buf, sizeof buf, "%s %02d:%02d", w.day, w.minute / 60, w.minute % 60);
  str_copy(out, 17, buf);
  return RP_OK;
}

/* See when.h. */
enum rp_status when_days_now(const char *text, int *days, struct rp_err *err) {
  if (when_parse_days(text, days, err) == RP_OK) return RP_OK;
  char today[11], clip[80];
  struct rp_when w;
  struct rp_err ignored;
  int d;
  if (today_now(today) && when_parse(text, today, &w, &ignored) == RP_OK &&
      date_diff(today, w.day, &d)) {
    if (d >= 1 && d <= 36500) {
      *days = d;
      return RP_OK;
    }
    return rp_err_set(err, RP_INVALID, "'%s' is not after today; give a later day or a number "
                      "of days", str_clip(text, clip, sizeof clip));
  }
  return rp_err_set(err, RP_INVALID, "'%s' is neither a number of days (7, 2w, 3 months) nor a "
                    "day (fri, 24 Dec, +3)", str_clip(text, clip, sizeof clip));
}
