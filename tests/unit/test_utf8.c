/* test_utf8.c — decoding, widths, padding and sanitizing (src/utf8.c), and
 * the helpers of src/util.c (strings, buffers, vectors, errors). */
#include <locale.h>

#include "check.h"
#include "rapport/utf8.h"
#include "rapport/util.h"

static void check_decode(const char *s, size_t len, uint32_t want_cp, size_t want_n) {
  uint32_t cp = 0;
  size_t n = utf8_decode(s, len, &cp);
  CHECK_INT(cp, want_cp);
  CHECK_INT(n, want_n);
}

static void test_decode_encode(void) {
  check_decode("A", 1, 'A', 1);
  check_decode("é", 2, 0xE9, 2);
  check_decode("李", 3, 0x674E, 3);
  check_decode("🌱", 4, 0x1F331, 4);
  check_decode("\xFF", 1, 0xFFFD, 1);             /* never valid */
  check_decode("\x80", 1, 0xFFFD, 1);             /* lone continuation */
  check_decode("\xE2\x82", 2, 0xFFFD, 1);         /* cut short */
  check_decode("\xC3(", 2, 0xFFFD, 1);            /* bad continuation */
  check_decode("\xC0\xAF", 2, 0xFFFD, 1);         /* overlong '/' */
  check_decode("\xE0\x80\xAF", 3, 0xFFFD, 1);     /* overlong */
  check_decode("\xED\xA0\x80", 3, 0xFFFD, 1);     /* surrogate */
  check_decode("\xF4\x90\x80\x80", 4, 0xFFFD, 1); /* above U+10FFFF */
  check_decode("é", 1, 0xFFFD, 1);                /* len limits the read */

  uint32_t cps[] = {0, 'z', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFD, 0xFFFF, 0x10000, 0x1F331, 0x10FFFF};
  for (size_t i = 0; i < RP_ARRAY_LEN(cps); i++) {
    char buf[4];
    size_t n = utf8_encode(cps[i], buf);
    uint32_t back = 1;
    CHECK_INT(utf8_decode(buf, n, &back), n);
    CHECK_INT(back, cps[i]);
  }
  char buf[4];
  CHECK_INT(utf8_encode(0xD800, buf), 3);
  CHECK(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
  CHECK_INT(utf8_encode(0x110000, buf), 3);
  CHECK(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);

  CHECK(utf8_valid("Zoë Ørsted 李小龙 🌱", strlen("Zoë Ørsted 李小龙 🌱")));
  CHECK(utf8_valid("\xEF\xBF\xBD", 3)); /* a real U+FFFD is valid */
  CHECK(!utf8_valid("a\xFF", 2));
  CHECK(!utf8_valid("\xE2\x82", 2));
}

static void test_width(void) {
  CHECK_INT(utf8_width("Zoë Ørsted"), 10);
  CHECK_INT(utf8_width("李小龙"), 6);
  CHECK_INT(utf8_width("Ana María 🌱"), 12);
  CHECK_INT(utf8_width("e\xCC\x81"), 1); /* e + combining acute */
  CHECK_INT(utf8_width(""), 0);
  CHECK_INT(utf8_width(NULL), 0);
  CHECK_INT(utf8_width("a\xFF"), 2);      /* shown as U+FFFD */
  CHECK_INT(utf8_width("a\x1b"), 3);      /* shown as "^[" */
  CHECK_INT(utf8_width("a\nb"), 3);       /* shown as "↵" */
  CHECK_INT(utf8_width_n("李小龙", 3), 2);
  CHECK_INT(utf8_cp_width(0x674E), 2);
  CHECK_INT(utf8_cp_width(0x301), 0);
  CHECK_INT(utf8_cp_width('x'), 1);

  int used = -1;
  CHECK_INT(utf8_fit("李小龙", 5, &used), 6);
  CHECK_INT(used, 4);
  CHECK_INT(utf8_fit("Zoë", 3, &used), 4);
  CHECK_INT(used, 3);
  CHECK_INT(utf8_fit("Zoë", 2, &used), 2);
  CHECK_INT(used, 2);
  CHECK_INT(utf8_fit("abc", 10, NULL), 3);
  CHECK_INT(utf8_fit("李", 1, &used), 0);
  CHECK_INT(used, 0);
}

/* utf8_pad(s, w) is `want` and exactly w columns wide. */
static void check_pad(const char *s, int w, const char *want) {
  char *p = utf8_pad(s, w);
  CHECK_STR(p, want);
  CHECK_INT(utf8_width(p), w < 0 ? 0 : w);
  free(p);
}

static void test_pad(void) {
  check_pad("Zoë Ørsted", 10, "Zoë Ørsted");
  check_pad("Zoë Ørsted", 12, "Zoë Ørsted  ");
  check_pad("Zoë Ørsted", 6, "Zoë Ø…");
  check_pad("李小龙", 6, "李小龙");
  check_pad("李小龙", 7, "李小龙 ");
  check_pad("李小龙", 5, "李小…");
  check_pad("李小龙", 4, "李… "); /* 小 does not fit: padding instead */
  check_pad("李小龙", 2, "… ");
  check_pad("李小龙", 1, "…");
  check_pad("Ana María 🌱", 11, "Ana María …");
  check_pad("Ana María 🌱", 12, "Ana María 🌱");
  check_pad("abc", 0, "");
  check_pad("abc", -3, "");
  check_pad(NULL, 3, "   ");
  check_pad("", 2, "  ");
  check_pad("a\nb\x1b", 6, "a↵b^[ ");
  check_pad("a\xFF" "bcdef", 4, "a\xEF\xBF\xBD" "b…");
}

static void test_sanitize(void) {
  char *s = utf8_sanitize("\x1b[31mred\x1b[0m");
  CHECK_STR(s, "^[[31mred^[[0m");
  free(s);
  s = utf8_sanitize("line one\nline two\ttab\r");
  CHECK_STR(s, "line one↵line two^Itab^M");
  free(s);
  s = utf8_sanitize("del\x7f c1\xC2\x9B end");
  CHECK_STR(s, "del^? c1^? end");
  free(s);
  s = utf8_sanitize("bad\xFF\xFE byte");
  CHECK_STR(s, "bad\xEF\xBF\xBD\xEF\xBF\xBD byte");
  free(s);
  s = utf8_sanitize("Zoë Ørsted 李小龙 🌱");
  CHECK_STR(s, "Zoë Ørsted 李小龙 🌱");
  free(s);
  s = utf8_sanitize(NULL);
  CHECK_STR(s, "");
  free(s);
  /* grapheme clusters drawn the width every terminal draws: a ZWJ family
   * as its first emoji (2), a flag (2), no VS16 or skin tone; bidi
   * controls shown, never obeyed */
  s = utf8_sanitize("a\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7" "b");
  CHECK_STR(s, "a\xF0\x9F\x91\xA8" "b");
  CHECK_INT(utf8_width(s), 4);
  free(s);
  s = utf8_sanitize("\xF0\x9F\x87\xB5\xF0\x9F\x87\xB9|\xE2\x9D\xA4\xEF\xB8\x8F|\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD|");
  CHECK_STR(s, "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB9|\xE2\x9D\xA4|\xF0\x9F\x91\x8D|");
  CHECK_INT(utf8_width(s), 8);
  free(s);
  s = utf8_sanitize("evil\xE2\x80\xAEgnp.exe");
  CHECK_STR(s, "evil<U+202E>gnp.exe");
  free(s);
  /* the width of the sanitized text is the width of the raw text */
  const char *raw = "x\x1b\n\x7f\xC2\x9B\xFF";
  s = utf8_sanitize(raw);
  CHECK_INT(utf8_width(s), utf8_width(raw));
  free(s);
}

static void test_prev_next(void) {
  const char *s = "aé🌱z"; /* offsets 0, 1, 3, 7; length 8 */
  size_t len = strlen(s);
  CHECK_INT(len, 8);
  CHECK_INT(utf8_next(s, len, 0), 1);
  CHECK_INT(utf8_next(s, len, 1), 3);
  CHECK_INT(utf8_next(s, len, 3), 7);
  CHECK_INT(utf8_next(s, len, 7), 8);
  CHECK_INT(utf8_next(s, len, 8), 8);
  CHECK_INT(utf8_prev(s, 8), 7);
  CHECK_INT(utf8_prev(s, 7), 3);
  CHECK_INT(utf8_prev(s, 3), 1);
  CHECK_INT(utf8_prev(s, 1), 0);
  CHECK_INT(utf8_prev(s, 0), 0);
  /* invalid bytes step one at a time */
  const char *bad = "a\x80\x80\xFF";
  CHECK_INT(utf8_prev(bad, 4), 3);
  CHECK_INT(utf8_prev(bad, 3), 2);
  CHECK_INT(utf8_prev(bad, 2), 1);
  CHECK_INT(utf8_next(bad, 4, 1), 2);
}

static void test_util(void) {
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_STR(err.msg, "");
  CHECK_INT(rp_err_set(&err, RP_NO, "no %s %d", "x", 3), RP_NO);
  CHECK_STR(err.msg, "no x 3");
  CHECK_STR(err.field, "");
  CHECK_INT(rp_err_field(&err, RP_INVALID, "stage", "bad"), RP_INVALID);
  CHECK_STR(err.field, "stage");
  CHECK_INT(rp_err_set(NULL, RP_EDB, "ignored"), RP_EDB);
  /* a long message is cut on a character boundary */
  struct rp_buf long_msg = {0};
  for (int i = 0; i < 600; i++) buf_adds(&long_msg, "é");
  rp_err_set(&err, RP_INVALID, "%s", buf_str(&long_msg));
  CHECK(utf8_valid(err.msg, strlen(err.msg)));
  CHECK(strlen(err.msg) < sizeof err.msg);
  buf_free(&long_msg);

  char small[5];
  str_copy(small, sizeof small, "aé李");
  CHECK_STR(small, "aé"); /* 李 would not fit whole */
  str_copy(small, sizeof small, "abcd");
  CHECK_STR(small, "abcd");

  CHECK(str_empty(NULL) && str_empty("") && !str_empty(" "));
  CHECK(str_ieq("Acme", "ACME") && str_ieq(NULL, NULL) && !str_ieq("a", NULL));
  char *p = xstrdup("old");
  str_replace(&p, "new");
  CHECK_STR(p, "new");
  str_replace(&p, NULL);
  CHECK(p == NULL);
  CHECK(xstrdup(NULL) == NULL);
  p = xstrndup("abcdef", 3);
  CHECK_STR(p, "abc");
  free(p);
  p = xasprintf("%d-%s", 42, "x");
  CHECK_STR(p, "42-x");
  free(p);

  struct rp_buf b = {0};
  CHECK_STR(buf_str(&b), "");
  for (int i = 0; i < 100; i++) buf_addc(&b, 'x');
  buf_addf(&b, "%d", 7);
  CHECK_INT(b.len, 101);
  buf_reset(&b);
  CHECK_STR(buf_str(&b), "");
  buf_add(&b, "ab\0c", 4);
  CHECK_INT(b.len, 4);
  p = buf_steal(&b);
  CHECK(memcmp(p, "ab\0c", 5) == 0);
  CHECK(b.s == NULL && b.len == 0);
  free(p);
  p = buf_steal(&b);
  CHECK_STR(p, "");
  free(p);
  buf_free(&b);

  struct rp_strv sv = {0}, copy = {0};
  p = strv_join(&sv, ", ");
  CHECK_STR(p, "");
  free(p);
  for (int i = 0; i < 20; i++) strv_push(&sv, i % 2 ? "odd" : "even");
  strv_push(&sv, NULL);
  CHECK_INT(sv.n, 21);
  CHECK_STR(sv.v[20], "");
  CHECK(strv_contains(&sv, "odd") && !strv_contains(&sv, "Odd"));
  strv_copy(&copy, &sv);
  CHECK_INT(copy.n, 21);
  strv_clear(&sv);
  strv_push(&sv, "a");
  strv_push(&sv, "b");
  p = strv_join(&sv, ", ");
  CHECK_STR(p, "a, b");
  free(p);
  strv_free(&sv);
  strv_free(&copy);
  CHECK(sv.v == NULL && sv.n == 0);
}

int main(void) {
  setlocale(LC_ALL, "");
  test_decode_encode();
  test_width();
  test_pad();
  test_sanitize();
  test_prev_next();
  test_util();
  return check_done("test_utf8");
}
