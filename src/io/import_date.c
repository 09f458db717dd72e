/* import_date.c — dates as exports write them (see import_date.h). */
#include "io/import_date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rapport/util.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static const char *skip_blanks(const char *s) {
  while (*s == ' ' || *s == '\t') s++;
  return s;
}

/* 1 to max digits at s as *v (*n of them): just past them, or NULL when
 * there is none or more than max follow. */
static const char *digits(const char *s, int max, int *v, int *n) {
  *v = *n = 0;
  while (is_digit(*s) && *n < max) {
    *v = *v * 10 + (*s++ - '0');
    (*n)++;
  }
  return *n == 0 || is_digit(*s) ? NULL : s;
}

/* A month's name, its three-letter abbreviation or "Sept", any case, as
 * *m (1–12): just past it, or NULL. */
static const char *month(const char *s, int *m) {
  static const char *const names[12] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
  size_t n = 0;
  while (is_alpha(s[n])) n++;
  for (int i = 0; i < 12; i++) {
    size_t full = strlen(names[i]);
    bool form = n == 3 || n == full || (i == 8 && n == 4);
    if (form && n <= full && strncasecmp(s, names[i], n) == 0) {
      *m = i + 1;
      return s + n;
    }
  }
  return NULL;
}

/* A year of four digits, or two meaning 20YY: just past it, or NULL. */
static const char *year(const char *s, int *y) {
  int n;
  s = digits(s, 4, y, &n);
  if (!s || (n != 2 && n != 4)) return NULL;
  if (n == 2) *y += 2000;
  return s;
}

/* What may follow a day: nothing, or a time of day ("6:14 PM", ", 18:14",
 * "T18:14:00"), and blanks. */
static bool time_tail(const char *s) {
  if (*s == ',' || *s == 'T') s++;
  s = skip_blanks(s);
  if (!*s) return true;
  int h, mi, sec, n;
  s = digits(s, 2, &h, &n);
  if (!s || *s != ':') return false;
  s = digits(s + 1, 2, &mi, &n);
  if (!s || n != 2 || mi > 59) return false;
  if (*s == ':' && (!(s = digits(s + 1, 2, &sec, &n)) || n != 2 || sec > 60)) return false;
  s = skip_blanks(s);
  bool ampm = *s && strchr("AaPp", *s) && (s[1] == 'M' || s[1] == 'm');
  if (ampm) s = skip_blanks(s + 2);
  return !*s && (ampm ? h >= 1 && h <= 12 : h <= 23);
}

/* The day that starts with a number at s: year first, US month/day/year,
 * or day month-name year. */
static const char *numeric_first(const char *s, int *y, int *m, int *d) {
  int a, n;
  const char *p = digits(s, 4, &a, &n);
  if (!p) return NULL;
  if (n == 4 && (*p == '-' || *p == '/')) {
    char sep = *p;
    *y = a;
    p = digits(p + 1, 2, m, &n);
    if (!p || *p != sep) return NULL;
    return digits(p + 1, 2, d, &n);
  }
  if (n > 2) return NULL;
  if (*p == '/') {
    *m = a;
    p = digits(p + 1, 2, d, &n);
    return p && *p == '/' ? year(p + 1, y) : NULL;
  }
  *d = a;
  if (*p == '-') {
    p = month(p + 1, m);
    return p && *p == '-' ? year(p + 1, y) : NULL;
  }
  if (*p != ' ') return NULL;
  p = month(skip_blanks(p), m);
  return p && *p == ' ' ? year(skip_blanks(p), y) : NULL;
}

/* See import_date.h. */
bool import_date_parse(const char *s, char out[11]) {
  int y = 0, m = 0, d = 0, n;
  const char *p = NULL;
  s = skip_blanks(s);
  if (is_digit(*s)) {
    p = numeric_first(s, &y, &m, &d);
  } else if (is_alpha(*s)) { /* March 7, 2024 */
    p = month(s, &m);
    if (p && *p == ' ') p = digits(skip_blanks(p), 2, &d, &n);
    else p = NULL;
    if (p && *p == ',') p++;
    p = p && *p == ' ' ? year(skip_blanks(p), &y) : NULL;
  }
  if (!p || !time_tail(p)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  return date_valid(out);
}
