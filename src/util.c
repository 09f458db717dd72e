/* util.c — see rapport/util.h. */
#include "rapport/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "rapport/utf8.h"

void rp_err_clear(struct rp_err *err) {
  if (err) {
    err->msg[0] = '\0';
    err->field[0] = '\0';
  }
}

static void err_vset(struct rp_err *err, const char *fmt, va_list ap) {
  if (!err) return;
  char tmp[sizeof err->msg + 4]; /* longer than msg, so str_copy sees a cut */
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  str_copy(err->msg, sizeof err->msg, tmp); /* no split UTF-8 at the end */
}

enum rp_status rp_err_set(struct rp_err *err, enum rp_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err_vset(err, fmt, ap);
  va_end(ap);
  if (err) err->field[0] = '\0';
  return st;
}

enum rp_status rp_err_field(struct rp_err *err, enum rp_status st, const char *field,
                            const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err_vset(err, fmt, ap);
  va_end(ap);
  if (err) str_copy(err->field, sizeof err->field, field ? field : "");
  return st;
}

static void (*fatal_hook)(void);

void rp_set_fatal_hook(void (*hook)(void)) { fatal_hook = hook; }

_Noreturn void rp_fatal(const char *msg) {
  void (*hook)(void) = fatal_hook;
  fatal_hook = NULL; /* once, even if the hook itself fails */
  if (hook) hook();
  fputs("rapport: ", stderr);
  fputs(msg, stderr);
  fputs("\n", stderr);
  abort();
}

static void oom(void) { rp_fatal("out of memory"); }

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) oom();
  return p;
}

void *xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) oom();
  return p;
}

void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) oom();
  return q;
}

void free_const(const void *p) { free((void *)(uintptr_t)p); }

char *xstrdup(const char *s) {
  if (!s) return NULL;
  return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *p = xmalloc(len + 1);
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *xvasprintf(const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) n = 0;
  char *p = xmalloc((size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

char *xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = xvasprintf(fmt, ap);
  va_end(ap);
  return p;
}

void str_replace(char **dst, const char *src) {
  char *copy = xstrdup(src);
  free(*dst);
  *dst = copy;
}

bool str_empty(const char *s) { return !s || !*s; }

bool str_ieq(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcasecmp(a, b) == 0;
}

bool str_is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

void str_trim_null(char **s) {
  if (!*s) return;
  char *p = *s;
  size_t start = 0, end = strlen(p);
  while (start < end && str_is_space(p[start])) start++;
  while (end > start && str_is_space(p[end - 1])) end--;
  if (start == end) {
    free(p);
    *s = NULL;
    return;
  }
  memmove(p, p + start, end - start);
  p[end - start] = '\0';
}

void str_copy(char *dst, size_t size, const char *src) {
  if (!size) return;
  size_t n = strlen(src);
  if (n >= size) {
    n = size - 1;
    /* back off to a character boundary */
    while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
  }
  memcpy(dst, src, n);
  dst[n] = '\0';
}

void buf_add(struct rp_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
  }
  if (n) memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

void buf_adds(struct rp_buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_addc(struct rp_buf *b, char c) { buf_add(b, &c, 1); }

void buf_addf(struct rp_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = xvasprintf(fmt, ap);
  va_end(ap);
  buf_adds(b, p);
  free(p);
}

void buf_reset(struct rp_buf *b) {
  b->len = 0;
  if (b->s) b->s[0] = '\0';
}

const char *buf_str(const struct rp_buf *b) { return b->s ? b->s : ""; }

char *buf_steal(struct rp_buf *b) {
  char *s = b->s ? b->s : xstrdup("");
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

void buf_free(struct rp_buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

/* gcc 12's -fanalyzer reports the copy stored into sv->v as leaked: it loses
 * track of pointers written into a buffer it got back from xrealloc. The copy
 * is owned by sv and freed by strv_clear (valgrind and ASan agree). */
#if defined(__GNUC__) && !defined(__clang__) /* clang has no such warning */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
void strv_push(struct rp_strv *sv, const char *s) {
  if (sv->n == sv->cap) {
    sv->cap = sv->cap ? sv->cap * 2 : 8;
    sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
  }
  sv->v[sv->n++] = xstrdup(s ? s : "");
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

void strv_clear(struct rp_strv *sv) {
  for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
  sv->n = 0;
}

void strv_free(struct rp_strv *sv) {
  strv_clear(sv);
  free(sv->v);
  sv->v = NULL;
  sv->cap = 0;
}

bool strv_contains(const struct rp_strv *sv, const char *s) {
  for (size_t i = 0; i < sv->n; i++)
    if (strcmp(sv->v[i], s) == 0) return true;
  return false;
}

char *strv_join(const struct rp_strv *sv, const char *sep) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < sv->n; i++) {
    if (i) buf_adds(&b, sep);
    buf_adds(&b, sv->v[i]);
  }
  return buf_steal(&b);
}

void strv_copy(struct rp_strv *dst, const struct rp_strv *src) {
  strv_clear(dst);
  for (size_t i = 0; i < src->n; i++) strv_push(dst, src->v[i]);
}

const char *str_clip(const char *s, char *buf, size_t size) {
  const size_t max = 60;
  if (!s) s = "";
  if (strlen(s) <= max || size < max + 4) {
    str_copy(buf, size, s);
    return buf;
  }
  str_copy(buf, max + 1, s); /* backs off to a character boundary */
  memcpy(buf + strlen(buf), "\xE2\x80\xA6", 4);
  return buf;
}

static bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool date_valid(const char *s) {
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= days[m - 1] + (m == 2 && leap_year(y) ? 1 : 0);
}

/* Noon is used so a daylight-saving change cannot move the day. */
char *date_local(int64_t t, int days) {
  time_t tt = (time_t)t;
  struct tm tm;
  char buf[16] = "";
  if (localtime_r(&tt, &tm)) {
    tm.tm_mday += days;
    tm.tm_hour = 12;
    tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    time_t day = mktime(&tm);
    struct tm out;
    if (day != (time_t)-1 && localtime_r(&day, &out)) strftime(buf, sizeof buf, "%Y-%m-%d", &out);
  }
  return xstrdup(buf);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

/* Days since the epoch of a valid date; false when s is not one. */
static bool date_days(const char *s, long *out) {
  if (!date_valid(s)) return false;
  long y = atol(s), m = atol(s + 5), d = atol(s + 8);
  *out = days_from_civil(y, m, d);
  return true;
}

bool date_diff(const char *a, const char *b, int *days) {
  long da, db;
  if (!date_days(a, &da) || !date_days(b, &db)) return false;
  *days = (int)(db - da);
  return true;
}

bool date_add(const char *day, int days, char out[11]) {
  long z;
  out[0] = '\0';
  if (!date_days(day, &z)) return false;
  long y, m, d;
  civil_from_days(z + days, &y, &m, &d);
  if (y < 1 || y > 9999) return false;
  char buf[64]; /* roomy: the compiler cannot see the ranges */
  snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  memcpy(out, buf, 11);
  return true;
}

int date_weekday(const char *day) {
  long z;
  if (!date_days(day, &z)) return -1;
  /* 1970-01-01 was a Thursday (3) */
  long w = (z + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

/* ---- date and time ---- */

static bool dt_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

static int dt_num(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

bool datetime_parse(const char *s, int64_t *out) {
  size_t n = strlen(s);
  if (n != 16 && n != 19) return false;
  if (s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':') return false;
  if (n == 19 && s[16] != ':') return false;
  if (!dt_digits(s, 4) || !dt_digits(s + 5, 2) || !dt_digits(s + 8, 2) || !dt_digits(s + 11, 2) ||
      !dt_digits(s + 14, 2) || (n == 19 && !dt_digits(s + 17, 2)))
    return false;
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  tm.tm_year = dt_num(s, 4) - 1900;
  tm.tm_mon = dt_num(s + 5, 2) - 1;
  tm.tm_mday = dt_num(s + 8, 2);
  tm.tm_hour = dt_num(s + 11, 2);
  tm.tm_min = dt_num(s + 14, 2);
  tm.tm_sec = n == 19 ? dt_num(s + 17, 2) : 0;
  tm.tm_isdst = -1;
  if (tm.tm_year < 1 - 1900 || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 ||
      tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
    return false;
  struct tm want = tm;
  time_t t = mktime(&tm);
  if (t == (time_t)-1) return false;
  /* mktime normalises 02-30 to 03-02: refuse what it had to move */
  if (tm.tm_mday != want.tm_mday || tm.tm_mon != want.tm_mon || tm.tm_year != want.tm_year)
    return false;
  *out = (int64_t)t;
  return true;
}


void datetime_format(int64_t t, char *buf, size_t size) {
  time_t tt = (time_t)t;
  struct tm tm;
  buf[0] = '\0';
  if (localtime_r(&tt, &tm)) strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

void datetime_iso(int64_t t, char *buf, size_t size) {
  time_t tt = (time_t)t;
  struct tm tm;
  buf[0] = '\0';
  if (gmtime_r(&tt, &tm)) strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *base64_encode(const void *data, size_t n) {
  static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *p = data;
  char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                 (i + 2 < n ? p[i + 2] : 0);
    *o++ = tab[v >> 18 & 63];
    *o++ = tab[v >> 12 & 63];
    *o++ = i + 1 < n ? tab[v >> 6 & 63] : '=';
    *o++ = i + 2 < n ? tab[v & 63] : '=';
  }
  *o = '\0';
  return out;
}
