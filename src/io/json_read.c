/* json_read.c — see rapport/json_read.h. A recursive-descent reader over a
 * byte buffer, keeping the line and the start of the line for positions. */
#include "rapport/json_read.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"

#define JSON_MAX_DEPTH 64

struct parser {
  const char *s;
  size_t len, pos;
  int line;
  size_t line_start;
  struct rp_err *err;
  int lazy_depth;           /* arrays this deep are checked, not built (-1: none) */
  struct rp_buf text;       /* the string being read */
  struct rp_buf keys;       /* the keys of the objects being read, end to end */
  size_t col_line, col_pos; /* column_of's last answer: col at col_pos */
  int col;
};

/* The column of byte `pos` (characters since the line start, 1-based).
 * Counted on from the last answer when that was earlier on the same line:
 * counting from the line start for each value, a row of 28 values on one
 * line of 1,500 bytes took 20,000 steps. */
static int column_of(struct parser *p, size_t pos) {
  if (p->col < 1 || p->col_line != p->line_start || pos < p->col_pos) {
    p->col_line = p->line_start;
    p->col_pos = p->line_start;
    p->col = 1;
  }
  size_t i = p->col_pos;
  while (i < pos && i < p->len) {
    uint32_t cp;
    i += utf8_decode(p->s + i, p->len - i, &cp);
    p->col++;
  }
  p->col_pos = i;
  return p->col;
}

static enum rp_status fail(struct parser *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static enum rp_status fail(struct parser *p, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *m = xvasprintf(fmt, ap);
  va_end(ap);
  rp_err_set(p->err, RP_INVALID, "%d:%d: %s", p->line, column_of(p, p->pos), m);
  free(m);
  return RP_INVALID;
}

/* What is at the current position, for messages. */
static const char *what_here(const struct parser *p, char buf[16]) {
  if (p->pos >= p->len) return "the end of the file";
  unsigned char c = (unsigned char)p->s[p->pos];
  if (c >= 0x20 && c < 0x7F) snprintf(buf, 16, "'%c'", c);
  else snprintf(buf, 16, "byte 0x%02X", c);
  return buf;
}

static void skip_ws(struct parser *p) {
  while (p->pos < p->len) {
    char c = p->s[p->pos];
    if (c == '\n') {
      p->line++;
      p->line_start = p->pos + 1;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return;
    }
    p->pos++;
  }
}

static bool take_word(struct parser *p, const char *w) {
  size_t n = strlen(w);
  if (p->len - p->pos < n || memcmp(p->s + p->pos, w, n) != 0) return false;
  p->pos += n;
  return true;
}

static int hex4(const char *s) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

/* A string at p->pos (the opening quote) into p->text, and into a new
 * string *out unless out is NULL (checked only). */
static enum rp_status parse_string(struct parser *p, char **out) {
  struct rp_buf *b = &p->text;
  buf_reset(b);
  buf_adds(b, "");
  p->pos++;
  for (;;) {
    if (p->pos >= p->len) return fail(p, "unterminated string");
    unsigned char c = (unsigned char)p->s[p->pos];
    if (c == '"') {
      p->pos++;
      if (out) {
        *out = xmalloc(b->len + 1);
        memcpy(*out, b->s, b->len + 1);
      }
      return RP_OK;
    }
    if (c < 0x20) return fail(p, "control character in a string (write it as \\n, \\t or \\u00XX)");
    if (c == '\\') {
      if (p->pos + 1 >= p->len) { /* unterminated */
        p->pos = p->len;
        continue;
      }
      char e = p->s[p->pos + 1];
      const char *simple = strchr("\"\\/bfnrt", e);
      if (e && simple) {
        static const char map[] = "\"\\/\b\f\n\r\t";
        buf_addc(b, map[simple - "\"\\/bfnrt"]);
        p->pos += 2;
        continue;
      }
      if (e != 'u') return fail(p, "unknown escape '\\%c'", e >= 0x20 && e < 0x7F ? e : '?');
      int u = p->len - p->pos >= 6 ? hex4(p->s + p->pos + 2) : -1;
      if (u < 0) return fail(p, "\\u needs four hex digits");
      uint32_t cp = (uint32_t)u;
      size_t used = 6;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        int lo = p->len - p->pos >= 12 && p->s[p->pos + 6] == '\\' && p->s[p->pos + 7] == 'u'
                     ? hex4(p->s + p->pos + 8)
                     : -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
          return fail(p, "a high surrogate \\u%04X without its low surrogate", u);
        cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
        used = 12;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return fail(p, "a lone low surrogate \\u%04X", u);
      } else if (cp == 0) {
        return fail(p, "\\u0000 is not allowed in text");
      }
      char enc[4];
      buf_add(b, enc, utf8_encode(cp, enc));
      p->pos += used;
      continue;
    }
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] != '"' && p->s[p->pos] != '\\' &&
           (unsigned char)p->s[p->pos] >= 0x20)
      p->pos++;
    if (!utf8_valid(p->s + start, p->pos - start)) {
      for (size_t i = start; i < p->pos;) { /* point at the bad byte */
        uint32_t cp;
        size_t n = utf8_decode(p->s + i, p->pos - i, &cp);
        if (cp == 0xFFFD && !utf8_valid(p->s + i, n)) {
          p->pos = i;
          break;
        }
        i += n;
      }
      return fail(p, "invalid UTF-8 in a string");
    }
    buf_add(b, p->s + start, p->pos - start);
  }
}

static enum rp_status parse_number(struct parser *p, struct rp_json *v) {
  size_t start = p->pos, i = p->pos;
  bool integer = true;
  if (i < p->len && p->s[i] == '-') i++;
  if (i < p->len && p->s[i] == '0') {
    i++;
  } else if (i < p->len && p->s[i] >= '1' && p->s[i] <= '9') {
    while (i < p->len && p->s[i] >= '0' && p->s[i] <= '9') i++;
  } else {
    p->pos = i;
    return fail(p, "a number needs a digit here");
  }
  if (i < p->len && p->s[i] == '.') {
    integer = false;
    if (++i >= p->len || p->s[i] < '0' || p->s[i] > '9') {
      p->pos = i;
      return fail(p, "a digit must follow the decimal point");
    }
    while (i < p->len && p->s[i] >= '0' && p->s[i] <= '9') i++;
  }
  if (i < p->len && (p->s[i] == 'e' || p->s[i] == 'E')) {
    integer = false;
    if (++i < p->len && (p->s[i] == '+' || p->s[i] == '-')) i++;
    if (i >= p->len || p->s[i] < '0' || p->s[i] > '9') {
      p->pos = i;
      return fail(p, "a digit must follow the exponent");
    }
    while (i < p->len && p->s[i] >= '0' && p->s[i] <= '9') i++;
  }
  char small[32], *num = i - start < sizeof small ? small : xmalloc(i - start + 1);
  memcpy(num, p->s + start, i - start);
  num[i - start] = '\0';
  errno = 0;
  long long ll = integer ? strtoll(num, NULL, 10) : 0;
  if (integer && errno == 0) {
    v->type = JSON_INT;
    v->i = ll;
    v->r = (double)ll;
  } else {
    v->type = JSON_REAL;
    v->r = strtod(num, NULL);
  }
  if (num != small) free(num);
  p->pos = i;
  if (v->type == JSON_REAL && !isfinite(v->r)) return fail(p, "number out of range");
  return RP_OK;
}

static enum rp_status parse_value(struct parser *p, struct rp_json *v, int depth);

/* An object or array at p->pos into v, or only checked when v is NULL.
 * An array `p->lazy_depth` deep is checked but kept empty, with where it
 * starts for json_items. Keys are checked for duplicates in p->keys, where
 * each object's keys stand after those of the objects around it. */
static enum rp_status parse_container(struct parser *p, struct rp_json *v, int depth) {
  bool obj = p->s[p->pos] == '{';
  char close = obj ? '}' : ']';
  if (depth >= JSON_MAX_DEPTH) return fail(p, "nested more than %d deep", JSON_MAX_DEPTH);
  if (v) v->type = obj ? JSON_OBJECT : JSON_ARRAY;
  if (v && !obj && depth == p->lazy_depth) {
    v->lazy = true;
    v->lazy_pos = p->pos;
    v->lazy_line_start = p->line_start;
    v = NULL; /* the items are checked only */
  }
  p->pos++;
  skip_ws(p);
  if (p->pos < p->len && p->s[p->pos] == close) {
    p->pos++;
    return RP_OK;
  }
  size_t cap = 0, keys_from = p->keys.len;
  enum rp_status s = RP_OK;
  while (s == RP_OK) {
    char buf[16];
    skip_ws(p);
    char *key = NULL;
    if (obj) {
      if (p->pos >= p->len || p->s[p->pos] != '"') {
        s = fail(p, "expected a key in double quotes, found %s", what_here(p, buf));
        break;
      }
      size_t kpos = p->pos;
      int kline = p->line;
      if ((s = parse_string(p, v ? &key : NULL)) != RP_OK) break;
      for (size_t k = keys_from; k < p->keys.len && s == RP_OK; k += strlen(p->keys.s + k) + 1)
        if (strcmp(p->keys.s + k, p->text.s) == 0) {
          p->pos = kpos;
          p->line = kline;
          s = fail(p, "duplicate key \"%s\"", p->text.s);
        }
      if (s == RP_OK) {
        buf_add(&p->keys, p->text.s, p->text.len + 1);
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != ':')
          s = fail(p, "expected ':' after a key, found %s", what_here(p, buf));
      }
      if (s != RP_OK) {
        free(key);
        break;
      }
      p->pos++;
      skip_ws(p);
    }
    struct rp_json *item = NULL;
    if (v) {
      if (v->n == cap) {
        cap = cap ? cap * 2 : 8;
        v->v = xrealloc(v->v, cap * sizeof *v->v);
        if (obj) v->keys = xrealloc(v->keys, cap * sizeof *v->keys);
      }
      item = &v->v[v->n];
      memset(item, 0, sizeof *item);
      if (obj) v->keys[v->n] = key;
      v->n++;
    }
    if ((s = parse_value(p, item, depth + 1)) != RP_OK) break;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ',') {
      p->pos++;
      skip_ws(p);
      if (p->pos < p->len && p->s[p->pos] == close) s = fail(p, "trailing comma");
      continue;
    }
    if (p->pos < p->len && p->s[p->pos] == close) {
      p->pos++;
      break;
    }
    s = fail(p, "expected ',' or '%c', found %s", close, what_here(p, buf));
  }
  p->keys.len = keys_from;
  return s;
}

/* A value at p->pos into v, or only checked when v is NULL. */
static enum rp_status parse_value(struct parser *p, struct rp_json *v, int depth) {
  char buf[16];
  skip_ws(p);
  if (v) {
    v->line = p->line;
    v->col = column_of(p, p->pos);
  }
  if (p->pos >= p->len) return fail(p, "expected a value, found the end of the file");
  char c = p->s[p->pos];
  if (c == '{' || c == '[') return parse_container(p, v, depth);
  if (c == '"') {
    if (v) v->type = JSON_STRING;
    return parse_string(p, v ? &v->s : NULL);
  }
  if (c == '-' || (c >= '0' && c <= '9')) {
    struct rp_json scratch;
    return parse_number(p, v ? v : &scratch);
  }
  if (take_word(p, "true") || take_word(p, "false")) {
    if (v) {
      v->type = JSON_BOOL;
      v->b = c == 't';
    }
    return RP_OK;
  }
  if (take_word(p, "null")) {
    if (v) v->type = JSON_NULL;
    return RP_OK;
  }
  return fail(p, "expected a value, found %s", what_here(p, buf));
}

static void free_members(struct rp_json *j) {
  for (size_t i = 0; i < j->n; i++) {
    free_members(&j->v[i]);
    if (j->keys) free(j->keys[i]);
  }
  free(j->v);
  free(j->keys);
  free(j->s);
}

void json_free(struct rp_json *j) {
  if (!j) return;
  free_members(j);
  free(j);
}

/* See json_read.h. */
void json_clear(struct rp_json *j) {
  free_members(j);
  memset(j, 0, sizeof *j);
}

static void parser_free(struct parser *p) {
  buf_free(&p->text);
  buf_free(&p->keys);
}

/* See json_read.h. */
enum rp_status json_parse_lazy(const char *text, size_t len, int lazy_depth,
                               struct rp_json **out, struct rp_err *err) {
  struct parser p = {.s = text, .len = len, .line = 1, .err = err, .lazy_depth = lazy_depth};
  struct rp_json *root = xcalloc(1, sizeof *root);
  *out = NULL;
  enum rp_status s = parse_value(&p, root, 0);
  if (s == RP_OK) {
    skip_ws(&p);
    char buf[16];
    if (p.pos < p.len) s = fail(&p, "unexpected %s after the end of the document", what_here(&p, buf));
  }
  parser_free(&p);
  if (s != RP_OK) {
    json_free(root);
    return s;
  }
  *out = root;
  return RP_OK;
}

/* See json_read.h. */
enum rp_status json_parse(const char *text, size_t len, struct rp_json **out, struct rp_err *err) {
  return json_parse_lazy(text, len, -1, out, err);
}

struct rp_json_items {
  struct parser p;
  bool first;
};

/* See json_read.h. */
struct rp_json_items *json_items_begin(const char *text, size_t len, const struct rp_json *array) {
  struct rp_json_items *it = xcalloc(1, sizeof *it);
  it->p.s = text;
  it->p.len = len;
  it->p.lazy_depth = -1;
  it->first = true;
  if (array && array->lazy && array->lazy_pos < len) {
    it->p.pos = array->lazy_pos + 1; /* past the '[' */
    it->p.line = array->line;
    it->p.line_start = array->lazy_line_start;
  } else {
    it->p.pos = len; /* nothing to read */
  }
  return it;
}

/* See json_read.h. json_parse_lazy checked the items, so reading them
 * again cannot fail; a failure (not expected) ends them. */
bool json_items_next(struct rp_json_items *it, struct rp_json *item) {
  struct parser *p = &it->p;
  struct rp_err ignored;
  p->err = &ignored;
  json_clear(item);
  skip_ws(p);
  if (p->pos >= p->len || p->s[p->pos] == ']') return false;
  if (!it->first) {
    if (p->s[p->pos] != ',') return false;
    p->pos++;
  }
  it->first = false;
  if (parse_value(p, item, 1) != RP_OK) {
    json_clear(item);
    p->pos = p->len;
    return false;
  }
  return true;
}

/* See json_read.h. */
void json_items_end(struct rp_json_items *it) {
  if (!it) return;
  parser_free(&it->p);
  free(it);
}

const struct rp_json *json_get(const struct rp_json *j, const char *key) {
  if (!j || j->type != JSON_OBJECT) return NULL;
  for (size_t i = 0; i < j->n; i++)
    if (strcmp(j->keys[i], key) == 0) return &j->v[i];
  return NULL;
}

const char *json_type_name(enum rp_json_type t) {
  static const char *const names[] = {"null",     "true or false", "a number", "a number",
                                      "a string", "an array",      "an object"};
  return names[t];
}
