/* test_json_lazy.c — json_parse_lazy and json_items (the restore reads an
 * export's tables a row at a time): the same errors as json_parse wherever
 * they are, rows with the same values, lines and columns as json_parse
 * gives them, empty and missing arrays, and arrays at other depths built
 * as usual. */
#include "check.h"
#include "rapport/json_read.h"

/* One line per value of j and everything under it: path, type, line,
 * column, text or number. */
static void describe(struct rp_buf *b, const struct rp_json *j, const char *path) {
  buf_addf(b, "%s %d %d:%d", path, (int)j->type, j->line, j->col);
  if (j->type == JSON_STRING) buf_addf(b, " \"%s\"", j->s);
  if (j->type == JSON_INT) buf_addf(b, " %lld", (long long)j->i);
  if (j->type == JSON_REAL) buf_addf(b, " %g", j->r);
  if (j->type == JSON_BOOL) buf_addf(b, " %d", j->b);
  buf_addc(b, '\n');
  for (size_t i = 0; i < j->n; i++) {
    char *sub = j->keys ? xasprintf("%s.%s", path, j->keys[i]) : xasprintf("%s[%zu]", path, i);
    describe(b, &j->v[i], sub);
    free(sub);
  }
}

/* The items of a built array, described as "path[i]…". */
static void describe_items(struct rp_buf *b, const struct rp_json *a, const char *path) {
  for (size_t i = 0; a && i < a->n; i++) {
    char *sub = xasprintf("%s[%zu]", path, i);
    describe(b, &a->v[i], sub);
    free(sub);
  }
}

static const char doc[] =
    "{\"format\": \"rapport\",\n"
    " \"tables\": {\n"
    "   \"contact\": [\n"
    "     {\"id\": 1, \"name\": \"Zo\xC3\xAB \xC3\x98rsted\", \"n\": null, \"r\": -2.5e1},\n"
    "     {\"id\": 2, \"name\": \"Ida \\\"Stone\\\"\", \"t\": true, \"x\": [1, {\"y\": \"\\u00e9\"}]}"
    ", {\"id\": 3}\n"
    "   ],\n"
    "   \"empty\": [],\n"
    "   \"same\": [{\"a\": \"\xC3\xB8\"}, {\"b\": 2}],\n"
    "   \"nested\": {\"deep\": [1, 2]}\n"
    " },\n"
    " \"after\": [\"kept\", 7]\n"
    "}\n";

/* The rows of lazy array a, described with paths as the full parse's. */
static void read_items(struct rp_buf *b, const struct rp_json *a, const char *path) {
  struct rp_json_items *it = json_items_begin(doc, strlen(doc), a);
  struct rp_json item = {0};
  for (size_t i = 0; json_items_next(it, &item); i++) {
    char *sub = xasprintf("%s[%zu]", path, i);
    describe(b, &item, sub);
    free(sub);
  }
  json_clear(&item);
  json_items_end(it);
}

static void test_same_rows(void) {
  struct rp_json *full = NULL, *lazy = NULL;
  struct rp_err err;
  CHECK_INT(json_parse(doc, strlen(doc), &full, &err), RP_OK);
  CHECK_INT(json_parse_lazy(doc, strlen(doc), 2, &lazy, &err), RP_OK);
  if (!full || !lazy) return;
  const struct rp_json *tables = json_get(lazy, "tables");
  const struct rp_json *contact = json_get(tables, "contact");
  CHECK(contact && contact->type == JSON_ARRAY && contact->lazy && contact->n == 0);
  const struct rp_json *empty = json_get(tables, "empty");
  CHECK(empty && empty->lazy && empty->n == 0);
  /* only the arrays 2 deep are left unread: those 1 and 3 deep are built */
  const struct rp_json *after = json_get(lazy, "after");
  CHECK(after && !after->lazy && after->n == 2);
  const struct rp_json *deep = json_get(json_get(tables, "nested"), "deep");
  CHECK(deep && !deep->lazy && deep->n == 2);

  struct rp_buf want = {0}, got = {0};
  const struct rp_json *fc = json_get(json_get(full, "tables"), "contact");
  CHECK(fc && fc->n == 3);
  describe_items(&want, fc, "contact");
  read_items(&got, contact, "contact");
  CHECK_STR(buf_str(&got), buf_str(&want));
  /* items on the line of the '[' */
  buf_reset(&want);
  buf_reset(&got);
  const struct rp_json *fs = json_get(json_get(full, "tables"), "same");
  CHECK(fs && fs->n == 2);
  describe_items(&want, fs, "same");
  read_items(&got, json_get(tables, "same"), "same");
  CHECK_STR(buf_str(&got), buf_str(&want));
  CHECK(strstr(buf_str(&got), "same[1].b 2 8:31 2") != NULL);
  buf_reset(&got);
  read_items(&got, empty, "empty");
  read_items(&got, NULL, "none");
  read_items(&got, after, "after"); /* not lazy: no items to read */
  CHECK_STR(buf_str(&got), "");
  buf_free(&want);
  buf_free(&got);
  json_free(full);
  json_free(lazy);
}

/* Errors inside a lazy array read as json_parse reports them. */
static void test_same_errors(void) {
  const char *bad[] = {
      "{\"t\": {\"a\": [{\"id\": 1}, {\"id\": 2, \"id\": 3}]}}",
      "{\"t\": {\"a\": [{\"id\": 1},\n {\"x\": \"ab\xFF\"}]}}",
      "{\"t\": {\"a\": [{\"id\": 1}, {\"x\": tru}]}}",
      "{\"t\": {\"a\": [{\"id\": 1},]}}",
      "{\"t\": {\"a\": [{\"id\": 1}, {\"x\": \"\\ud800\"}]}}",
      "{\"t\": {\"a\": [{\"id\": 1e999}]}}",
      "{\"t\": {\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]"
      "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}",
      "{\"t\": {\"a\": [{\"id\": 1}, {\"id\": 2}\n",
      "{\"t\": {\"a\": [\"\xC3\xA9\xC3\xA9\", {\"k\": 1, \"k\": 2}]}}",
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(bad); i++) {
    struct rp_json *j = NULL;
    struct rp_err want, got;
    rp_err_clear(&want);
    rp_err_clear(&got);
    CHECK_INT(json_parse(bad[i], strlen(bad[i]), &j, &want), RP_INVALID);
    CHECK_INT(json_parse_lazy(bad[i], strlen(bad[i]), 2, &j, &got), RP_INVALID);
    CHECK(j == NULL);
    CHECK_STR(got.msg, want.msg);
  }
}

/* Columns count characters, not bytes, on long lines too. */
static void test_columns(void) {
  struct rp_buf text = {0};
  buf_adds(&text, "{\"t\": {\"a\": [");
  for (int i = 0; i < 200; i++)
    buf_addf(&text, "%s{\"k\": \"\xC3\xB8\xC3\xB8\", \"n\": %d}", i ? ", " : "", i);
  buf_adds(&text, "]}}");
  struct rp_json *full = NULL, *lazy = NULL;
  struct rp_err err;
  CHECK_INT(json_parse(text.s, text.len, &full, &err), RP_OK);
  CHECK_INT(json_parse_lazy(text.s, text.len, 2, &lazy, &err), RP_OK);
  const struct rp_json *a = json_get(json_get(full, "t"), "a");
  CHECK(a && a->n == 200);
  if (a && a->n == 200) { /* 400 two-byte ø before it */
    const char *at = strstr(text.s, "\"n\": 199") + 5;
    CHECK_INT(a->v[199].v[1].col, (int)(at - text.s) - 400 + 1);
  }
  struct rp_buf want = {0}, got = {0};
  for (size_t i = 0; a && i < a->n; i++) describe(&want, &a->v[i], "a");
  struct rp_json_items *it =
      json_items_begin(text.s, text.len, json_get(json_get(lazy, "t"), "a"));
  struct rp_json item = {0};
  while (json_items_next(it, &item)) describe(&got, &item, "a");
  json_clear(&item);
  json_items_end(it);
  CHECK_STR(buf_str(&got), buf_str(&want));
  buf_free(&want);
  buf_free(&got);
  buf_free(&text);
  json_free(full);
  json_free(lazy);
}

int main(void) {
  test_same_rows();
  test_same_errors();
  test_columns();
  return check_done("test_json_lazy");
}
