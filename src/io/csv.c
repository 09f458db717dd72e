/* csv.c — the RFC 4180 reader (see rapport/csv.h). */
#include "rapport/csv.h"

#include <string.h>

/* See csv.h. */
void csv_init(struct rp_csv *r, const char *name, const char *text, size_t len) {
  r->name = name;
  r->p = text;
  r->end = text + len;
  r->line = 1;
  r->sep = ',';
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) r->p += 3;
}

/* Step over the end of a record (LF, CRLF or a lone CR) if r stands on
 * one; true when it did. */
static bool eat_newline(struct rp_csv *r) {
  if (r->p < r->end && *r->p == '\r') {
    r->p++;
    if (r->p < r->end && *r->p == '\n') r->p++;
    r->line++;
    return true;
  }
  if (r->p < r->end && *r->p == '\n') {
    r->p++;
    r->line++;
    return true;
  }
  return false;
}

/* Skip the rest of a malformed record: up to and over the next line break. */
static void skip_record(struct rp_csv *r) {
  while (r->p < r->end && *r->p != '\n' && *r->p != '\r') r->p++;
  eat_newline(r);
}

/* A quoted field; r->p is just past the opening quote. On success r->p is
 * just past the closing quote. */
static enum rp_status quoted(struct rp_csv *r, struct rp_buf *b, int start, struct rp_err *err) {
  for (;;) {
    if (r->p >= r->end)
      return rp_err_set(err, RP_INVALID,
                        "%s:%d: a quoted field is never closed (a \" is missing before the "
                        "end of the file)",
                        r->name, start);
    char c = *r->p++;
    if (c == '"') {
      if (r->p < r->end && *r->p == '"') {
        buf_addc(b, '"');
        r->p++;
        continue;
      }
      return RP_OK;
    }
    if (c == '\r' && r->p < r->end && *r->p == '\n') {
      /* CRLF inside a field is a line break, kept as \n */
      r->p++;
      c = '\n';
    }
    if (c == '\n' || c == '\r') {
      r->line++;
      c = '\n';
    }
    buf_addc(b, c);
  }
}

/* See csv.h. */
enum rp_status csv_next(struct rp_csv *r, struct rp_strv *fields, int *line, struct rp_err *err) {
  strv_clear(fields);
  *line = r->line;
  if (r->p >= r->end) return RP_NO;
  struct rp_buf b = {0};
  for (;;) {
    buf_reset(&b);
    buf_adds(&b, "");
    if (r->p < r->end && *r->p == '"') {
      r->p++;
      enum rp_status st = quoted(r, &b, *line, err);
      if (st != RP_OK) {
        buf_free(&b);
        return st;
      }
      if (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r') {
        skip_record(r);
        buf_free(&b);
        return rp_err_set(err, RP_INVALID,
                          "%s:%d: text after the closing quote of a field; a quote inside a "
                          "quoted field is written twice (\"\")",
                          r->name, *line);
      }
    } else {
      const char *s = r->p;
      while (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r') r->p++;
      buf_add(&b, s, (size_t)(r->p - s));
    }
    strv_push(fields, buf_str(&b));
    if (r->p < r->end && *r->p == r->sep) {
      r->p++;
      continue;
    }
    eat_newline(r);
    break;
  }
  buf_free(&b);
  return RP_OK;
}

/* See csv.h. */
bool csv_blank(const struct rp_strv *fields) {
  for (size_t i = 0; i < fields->n; i++)
    if (fields->v[i][0]) return false;
  return true;
}
