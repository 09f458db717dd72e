/* json_read.h — a small strict JSON reader (RFC 8259) for the restore:
 * the whole text into a tree, each value with its line and column, errors
 * as "LINE:COL: what is wrong". No comments, no trailing commas, no
 * duplicate keys, valid UTF-8 only, \u0000 refused (text goes to C
 * strings), nesting at most 64 deep. */
#ifndef RAPPORT_JSON_READ_H
#define RAPPORT_JSON_READ_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/util.h"

enum rp_json_type { JSON_NULL, JSON_BOOL, JSON_INT, JSON_REAL, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct rp_json {
  enum rp_json_type type;
  int line, col;       /* where the value starts, 1-based; col counts characters */
  bool b;              /* JSON_BOOL */
  int64_t i;           /* JSON_INT: a number without fraction or exponent that fits */
  double r;            /* JSON_REAL (and JSON_INT, as a double) */
  char *s;             /* JSON_STRING: UTF-8, NUL-terminated */
  struct rp_json *v;   /* JSON_ARRAY items, JSON_OBJECT values */
  char **keys;         /* JSON_OBJECT keys, parallel to v */
  size_t n;
  bool lazy;           /* an array json_parse_lazy left unread: see json_items */
  size_t lazy_pos, lazy_line_start; /* where it starts, and its line */
};

/* Parse `len` bytes of text. On success *out is the root (caller frees with
 * json_free); on failure *out is NULL and err->msg is "LINE:COL: message"
 * (RP_INVALID). */
enum rp_status json_parse(const char *text, size_t len, struct rp_json **out, struct rp_err *err);
void json_free(struct rp_json *j);
/* Free what j holds and zero it (j itself is the caller's). */
void json_clear(struct rp_json *j);

/* A large document without holding it all: json_parse_lazy checks the
 * whole text as json_parse does (the same errors), but every array
 * `lazy_depth` deep (0 = the root; -1 = none) is kept empty (n = 0) and
 * marked lazy. Its items are then read one at a time: json_items_begin
 * (text and len as given to json_parse_lazy, which must outlive the
 * reading; a NULL or empty array gives no items), json_items_next (the
 * next item into *item, which it clears first: zero it before the first
 * call, json_clear it after the last; false at the end), json_items_end.
 * Items keep their own line and column. */
enum rp_status json_parse_lazy(const char *text, size_t len, int lazy_depth,
                               struct rp_json **out, struct rp_err *err);
struct rp_json_items;
struct rp_json_items *json_items_begin(const char *text, size_t len, const struct rp_json *array);
bool json_items_next(struct rp_json_items *it, struct rp_json *item);
void json_items_end(struct rp_json_items *it);
/* The value of `key` in an object, or NULL (also when j is not an object). */
const struct rp_json *json_get(const struct rp_json *j, const char *key);
/* "null", "true or false", "a number", "a string", "an array", "an object". */
const char *json_type_name(enum rp_json_type t);

#endif
