/* test_export_text.c — the text rules of the exporters: vCard/iCalendar
 * folding at 75 octets without splitting UTF-8 characters, TEXT escaping,
 * CSV quoting, derived UUIDs, and the strict JSON reader with LINE:COL
 * errors. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rapport/export.h"
#include "rapport/json_read.h"
#include "rapport/utf8.h"

static char *fold(const char *line) {
  struct rp_buf b = {0};
  export_fold(&b, line);
  return buf_steal(&b);
}

/* Every physical line is at most 75 octets, valid UTF-8, and unfolding
 * gives the input back. */
static void check_folded(const char *in) {
  char *f = fold(in);
  struct rp_buf un = {0};
  buf_adds(&un, "");
  const char *p = f;
  bool first = true;
  while (*p) {
    const char *e = strstr(p, "\r\n");
    CHECK(e != NULL);
    if (!e) break;
    size_t n = (size_t)(e - p);
    CHECK(n <= 75);
    CHECK(utf8_valid(p, n));
    if (!first) {
      CHECK(p[0] == ' ');
      buf_add(&un, p + 1, n - 1);
    } else {
      buf_add(&un, p, n);
    }
    first = false;
    p = e + 2;
  }
  CHECK_STR(buf_str(&un), in);
  buf_free(&un);
  free(f);
}

static void test_fold(void) {
  char *f = fold("FN:short");
  CHECK_STR(f, "FN:short\r\n");
  free(f);
  char line[200];
  memset(line, 'a', 75);
  line[75] = '\0';
  f = fold(line);
  CHECK_INT(strlen(f), 77); /* exactly 75: not folded */
  free(f);
  line[75] = 'b';
  line[76] = '\0';
  f = fold(line);
  CHECK(strcmp(f + 75, "\r\n b\r\n") == 0);
  free(f);
  /* a 2-byte character straddling octet 75 moves to the next line */
  memset(line, 'a', 74);
  strcpy(line + 74, "\xC3\xA9xyz"); /* é at octets 75-76 */
  f = fold(line);
  CHECK(strncmp(f + 74, "\r\n \xC3\xA9xyz\r\n", 10) == 0);
  free(f);
  /* 3- and 4-byte characters at every alignment */
  for (int shift = 0; shift < 4; shift++) {
    struct rp_buf b = {0};
    buf_adds(&b, "NOTE:");
    for (int i = 0; i < shift; i++) buf_addc(&b, 'x');
    for (int i = 0; i < 60; i++) buf_adds(&b, i % 2 ? "\xE2\x82\xAC" : "\xF0\x9F\x98\x80");
    check_folded(buf_str(&b));
    buf_free(&b);
  }
}

static void test_escape(void) {
  struct rp_buf b = {0};
  export_escape_text(&b, "a,b;c\\d\ne\r\nf\rg\x01h");
  CHECK_STR(buf_str(&b), "a\\,b\\;c\\\\d\\ne\\nf\\ng" "h");
  buf_free(&b);
  export_escape_text(&b, "Zo\xC3\xAB \xC3\x98rsted");
  CHECK_STR(buf_str(&b), "Zo\xC3\xAB \xC3\x98rsted");
  buf_free(&b);
}

static void test_csv(void) {
  const char *in[] = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", "x;y"};
  const char *want[] = {"plain", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\" padded\"",
                        "", "x;y"};
  for (size_t i = 0; i < RP_ARRAY_LEN(in); i++) {
    struct rp_buf b = {0};
    buf_adds(&b, "");
    export_csv_field(&b, in[i]);
    CHECK_STR(buf_str(&b), want[i]);
    buf_free(&b);
  }
}

static void test_uuid(void) {
  char a[37], b[37], c[37], d[37];
  export_uuid("0123456789abcdef0123456789abcdef", "contact", 1, a);
  export_uuid("0123456789abcdef0123456789abcdef", "contact", 1, b);
  export_uuid("0123456789abcdef0123456789abcdef", "contact", 2, c);
  export_uuid("fedcba9876543210fedcba9876543210", "contact", 1, d);
  CHECK_STR(a, b);
  CHECK(strcmp(a, c) != 0);
  CHECK(strcmp(a, d) != 0);
  CHECK_INT(strlen(a), 36);
  CHECK(a[8] == '-' && a[13] == '-' && a[18] == '-' && a[23] == '-');
  CHECK(a[14] == '8');                          /* version 8 */
  CHECK(strchr("89ab", a[19]) != NULL);         /* variant 10 */
  char t[17];
  export_utc(1796119200, t);
  CHECK_STR(t, "20261201T100000Z");
}

static void expect_error(const char *text, const char *want) {
  struct rp_json *j = NULL;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(json_parse(text, strlen(text), &j, &err), RP_INVALID);
  CHECK(j == NULL);
  CHECK_STR(err.msg, want);
}

static void test_json_read(void) {
  const char *doc = "{\"a\": [1, -2.5e1, \"x\\u00e9\\ud83d\\ude00\\n\", true, null],\n"
                    " \"b\": {\"c\": 9223372036854775807}}";
  struct rp_json *j = NULL;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(json_parse(doc, strlen(doc), &j, &err), RP_OK);
  const struct rp_json *a = json_get(j, "a");
  CHECK(a && a->type == JSON_ARRAY && a->n == 5);
  if (a && a->n == 5) {
    CHECK_INT(a->v[0].i, 1);
    CHECK(a->v[1].type == JSON_REAL && a->v[1].r == -25.0);
    CHECK_STR(a->v[2].s, "x\xC3\xA9\xF0\x9F\x98\x80\n");
    CHECK(a->v[3].type == JSON_BOOL && a->v[3].b);
    CHECK(a->v[4].type == JSON_NULL);
  }
  const struct rp_json *c = json_get(json_get(j, "b"), "c");
  CHECK(c && c->type == JSON_INT && c->i == INT64_MAX && c->line == 2 && c->col == 13);
  json_free(j);

  expect_error("", "1:1: expected a value, found the end of the file");
  expect_error("[1,]", "1:4: trailing comma");
  expect_error("{\"a\": 1,\n \"a\": 2}", "2:2: duplicate key \"a\"");
  expect_error("{\"a\" 1}", "1:6: expected ':' after a key, found '1'");
  expect_error("[01]", "1:3: expected ',' or ']', found '1'");
  expect_error("[\"\xC3\xA9\", tru]", "1:7: expected a value, found 't'");
  expect_error("\"a\x01\"", "1:3: control character in a string (write it as \\n, \\t or \\u00XX)");
  expect_error("\"\\ud800\"", "1:2: a high surrogate \\uD800 without its low surrogate");
  expect_error("\"\\u0000\"", "1:2: \\u0000 is not allowed in text");
  expect_error("\"ab\xFF\"", "1:4: invalid UTF-8 in a string");
  expect_error("{} x", "1:4: unexpected 'x' after the end of the document");
  expect_error("[1.]", "1:4: a digit must follow the decimal point");
  expect_error("\"abc", "1:5: unterminated string");
  expect_error("{// no\n}", "1:2: expected a key in double quotes, found '/'");
  char deep[200];
  memset(deep, '[', 100);
  deep[100] = '\0';
  expect_error(deep, "1:65: nested more than 64 deep");
}

int main(void) {
  test_fold();
  test_escape();
  test_csv();
  test_uuid();
  test_json_read();
  return check_done("test_export_text");
}
