/* util.h — allocation that aborts on failure, growable strings, status codes,
 * error messages. Used by every layer; knows nothing of curses or SQL. */
#ifndef RAPPORT_UTIL_H
#define RAPPORT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Status of an operation. The values are the CLI's exit codes, so a verb can
 * exit with the status of the model call it made. */
enum rp_status {
  RP_OK = 0,       /* success */
  RP_NO = 1,       /* a negative answer: not found, not ready */
  RP_INVALID = 2,  /* bad usage or bad input; nothing was changed */
  RP_EDB = 3,      /* the journal could not be opened or written */
};

/* An error message for the caller to present. `field` optionally names the
 * input field the message is about (e.g. "stage"), so the CLI can name its
 * option and the UI can focus the field. */
struct rp_err {
  char msg[1024];
  char field[64];
};

void rp_err_clear(struct rp_err *err);
/* Sets err->msg (printf-style); err may be NULL. Returns `st` for tail calls. */
enum rp_status rp_err_set(struct rp_err *err, enum rp_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
enum rp_status rp_err_field(struct rp_err *err, enum rp_status st, const char *field,
                            const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A function run before a fatal error prints (the full screen sets one
 * that gives the terminal back: normal screen, cooked mode, cursor on);
 * NULL for none. It must not allocate. */
void rp_set_fatal_hook(void (*hook)(void));
/* Run the fatal hook, print "rapport: MSG" on stderr and abort. */
_Noreturn void rp_fatal(const char *msg);

/* Allocation: abort with a message on failure (rp_fatal); never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* free() for memory its owner holds through a const pointer (the const
 * says others must not change it, not that it is not owned). */
void free_const(const void *p);
char *xstrdup(const char *s);             /* NULL in → NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Replace *dst with a copy of src (NULL allowed), freeing the old value. */
void str_replace(char **dst, const char *src);
/* True when s is NULL or empty. */
bool str_empty(const char *s);
/* ASCII case-insensitive equality; NULLs equal only each other. */
bool str_ieq(const char *a, const char *b);
/* ASCII whitespace: space, \t, \n, \r, \v, \f. */
bool str_is_space(char ch);
/* Trim surrounding whitespace of *s in place; an empty result is freed and
 * *s set to NULL. */
void str_trim_null(char **s);
/* Copy at most size-1 bytes and NUL-terminate; never splits a UTF-8 char. */
void str_copy(char *dst, size_t size, const char *src);
/* s, or its first ~60 bytes and "…" (on a character boundary), for quoting
 * user text in messages; returns buf. */
const char *str_clip(const char *s, char *buf, size_t size);
/* "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM" or either with ":SS", in local
 * time, as seconds since the epoch. False when s is not one of those or
 * names no real moment (February 30th, 25:00). */
bool datetime_parse(const char *s, int64_t *out);
/* Standard base64 (RFC 4648, with padding); caller frees. */
char *base64_encode(const void *data, size_t n);
/* t as local "YYYY-MM-DD HH:MM" (for people) / UTC "YYYY-MM-DDTHH:MM:SSZ"
 * (for programs); "" on failure. */
void datetime_format(int64_t t, char *buf, size_t size);
void datetime_iso(int64_t t, char *buf, size_t size);

/* Growable byte buffer, always NUL-terminated once anything is added. */
struct rp_buf {
  char *s;
  size_t len, cap;
};
void buf_add(struct rp_buf *b, const char *s, size_t n);
void buf_adds(struct rp_buf *b, const char *s);
void buf_addf(struct rp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_addc(struct rp_buf *b, char c);
void buf_reset(struct rp_buf *b);          /* len = 0, keeps memory */
const char *buf_str(const struct rp_buf *b); /* "" when empty */
char *buf_steal(struct rp_buf *b);          /* caller frees; b is emptied */
void buf_free(struct rp_buf *b);

/* A vector of owned strings. */
struct rp_strv {
  char **v;
  size_t n, cap;
};
void strv_push(struct rp_strv *sv, const char *s); /* copies s */
void strv_clear(struct rp_strv *sv);
void strv_free(struct rp_strv *sv);
bool strv_contains(const struct rp_strv *sv, const char *s);
/* Join with `sep` into a new string the caller frees. */
char *strv_join(const struct rp_strv *sv, const char *sep);
void strv_copy(struct rp_strv *dst, const struct rp_strv *src);

/* Dates as "YYYY-MM-DD" (years 0001-9999). */
/* True when s is exactly "YYYY-MM-DD" naming a day of the calendar. */
bool date_valid(const char *s);
/* The local day of `t` (seconds since the epoch) plus `days` days (0 = that
 * day), as "YYYY-MM-DD"; "" when the time cannot be converted. Caller frees. */
char *date_local(int64_t t, int days);
/* Calendar arithmetic on "YYYY-MM-DD" (no time zone involved). */
/* *days = b − a in days (negative when b is earlier); false when either is
 * not a valid date. */
bool date_diff(const char *a, const char *b, int *days);
/* day + days into out ("YYYY-MM-DD"); false (out = "") when day is not a
 * valid date or the result falls outside years 0001–9999. */
bool date_add(const char *day, int days, char out[11]);
/* The day of the week of a valid date, 0 = Monday … 6 = Sunday; -1 when
 * not a valid date. */
int date_weekday(const char *day);

#define RP_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
