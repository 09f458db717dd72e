/* test_gapbuf.c — the editors' gap buffer: insertions and deletions at the
 * start, middle and end, the gap moved both ways and across growth, UTF-8
 * steps across the gap, and the text it returns, checked against a plain
 * string edited the same way (random edits, fixed seed). */
#include <locale.h>

#include "check.h"
#include "rapport/utf8.h"
#include "rapport/util.h"
#include "ui/gapbuf.h"

/* The buffer's text, compared byte by byte through every reader. */
static void check_text(struct gapbuf *gb, const char *want, size_t n) {
  CHECK_INT(gapbuf_len(gb), n);
  char *d = gapbuf_dup(gb, 0, gapbuf_len(gb));
  CHECK(memcmp(d, want, n) == 0 && d[n] == '\0');
  free(d);
  bool same = true;
  for (size_t i = 0; i < n; i++) same = same && gapbuf_at(gb, i) == want[i];
  CHECK(same);
}

static void test_edits(void) {
  struct gapbuf *gb = gapbuf_new();
  CHECK_STR(gapbuf_str(gb), "");
  gapbuf_insert(gb, 0, "world", 5);     /* into the empty buffer */
  gapbuf_insert(gb, 0, "hello ", 6);    /* at the start */
  gapbuf_insert(gb, 11, "!", 1);        /* at the end */
  gapbuf_insert(gb, 5, ",", 1);         /* in the middle */
  check_text(gb, "hello, world!", 13);
  CHECK_STR(gapbuf_str(gb), "hello, world!");
  gapbuf_delete(gb, 0, 7);              /* from the start */
  CHECK_STR(gapbuf_str(gb), "world!");
  gapbuf_delete(gb, 5, 6);              /* at the end */
  gapbuf_insert(gb, 2, "XYZ", 3);
  gapbuf_delete(gb, 4, 5);              /* just before the gap (Backspace) */
  CHECK_STR(gapbuf_str(gb), "woXYrld");
  gapbuf_delete(gb, 1, 6);              /* across where the gap was */
  CHECK_STR(gapbuf_str(gb), "wd");
  gapbuf_delete(gb, 1, 1);              /* nothing */
  CHECK_STR(gapbuf_str(gb), "wd");
  gapbuf_set(gb, "fresh", 5);
  CHECK_STR(gapbuf_str(gb), "fresh");
  CHECK_INT(gapbuf_find(gb, 0, 's'), 3);
  CHECK_INT(gapbuf_find(gb, 4, 's'), 5); /* none: the length */
  /* growth with the gap in the middle keeps both sides */
  gapbuf_insert(gb, 2, "", 0);
  char big[5000];
  memset(big, 'x', sizeof big);
  gapbuf_insert(gb, 2, big, sizeof big);
  CHECK_INT(gapbuf_len(gb), 5005);
  CHECK(gapbuf_at(gb, 0) == 'f' && gapbuf_at(gb, 1) == 'r' && gapbuf_at(gb, 5002) == 'e');
  CHECK_INT(gapbuf_find(gb, 0, 'e'), 5002);
  const char *s = gapbuf_str(gb);
  CHECK(strlen(s) == 5005 && s[5004] == 'h');
  gapbuf_free(gb);
}

/* UTF-8 steps with a character cut in two by the gap. */
static void test_utf8(void) {
  struct gapbuf *gb = gapbuf_new();
  const char *t = "a李ë\xffz"; /* 1 + 3 + 2 + 1 (invalid) + 1 bytes */
  gapbuf_set(gb, t, strlen(t));
  gapbuf_insert(gb, 2, "", 0);
  gapbuf_delete(gb, 2, 2);
  /* put the gap inside 李 (after its first byte): insert and delete there */
  gapbuf_insert(gb, 2, "Q", 1);
  gapbuf_delete(gb, 2, 3);
  CHECK(gb->gs == 2); /* the gap cuts 李 in two */
  uint32_t cp;
  CHECK_INT(gapbuf_decode(gb, 1, &cp), 3);
  CHECK_INT(cp, 0x674E);
  CHECK_INT(gapbuf_next(gb, 1), 4);
  CHECK_INT(gapbuf_prev(gb, 4), 1);
  CHECK_INT(gapbuf_prev(gb, 6), 4);  /* ë */
  CHECK_INT(gapbuf_prev(gb, 7), 6);  /* the invalid byte alone */
  CHECK_INT(gapbuf_next(gb, 6), 7);
  CHECK_INT(gapbuf_next(gb, 8), 8);
  CHECK_INT(gapbuf_prev(gb, 0), 0);
  CHECK_INT(gapbuf_width(gb, 0, 8), utf8_width_n(t, 8));
  CHECK_INT(gapbuf_width(gb, 0, 3), utf8_width_n(t, 3)); /* a cut character */
  CHECK_INT(gapbuf_width(gb, 4, 8), utf8_width_n(t + 4, 4));
  CHECK_STR(gapbuf_str(gb), t);
  gapbuf_free(gb);
}

/* Random edits against a plain string; every reader agrees with it. */
static void test_random(void) {
  static const char *const bits[] = {"a", "bc ", "\n", "ë", "李小", "\xff", "word ", "🙂"};
  struct gapbuf *gb = gapbuf_new();
  struct rp_buf ref = {0};
  buf_adds(&ref, "");
  unsigned seed = 12345;
  for (int round = 0; round < 4000; round++) {
    seed = seed * 1103515245u + 12345u;
    unsigned r = seed >> 8;
    size_t len = ref.len, pos = len ? r % (len + 1) : 0;
    if (r % 3 != 0 || len < 4) {
      const char *b = bits[(r >> 4) % 8];
      size_t n = strlen(b);
      gapbuf_insert(gb, pos, b, n);
      buf_add(&ref, b, n); /* grow, then shift into place */
      memmove(ref.s + pos + n, ref.s + pos, len - pos);
      memcpy(ref.s + pos, b, n);
      ref.s[ref.len] = '\0';
    } else {
      size_t to = pos + (r >> 6) % 7;
      if (to > len) to = len;
      gapbuf_delete(gb, pos, to);
      memmove(ref.s + pos, ref.s + to, len - to + 1);
      ref.len -= to - pos;
    }
    if (round % 97 == 0) {
      check_text(gb, ref.s, ref.len);
      size_t p = ref.len ? r % ref.len : 0;
      CHECK_INT(gapbuf_prev(gb, p), utf8_prev(ref.s, p));
      CHECK_INT(gapbuf_next(gb, p), utf8_next(ref.s, ref.len, p));
      CHECK_INT(gapbuf_find(gb, p, '\n'),
                strchr(ref.s + p, '\n') ? (size_t)(strchr(ref.s + p, '\n') - ref.s) : ref.len);
      size_t q = p + (r >> 3) % 40;
      if (q > ref.len) q = ref.len;
      CHECK_INT(gapbuf_width(gb, p, q), utf8_width_n(ref.s + p, q - p));
    }
    if (round % 500 == 0) CHECK_STR(gapbuf_str(gb), ref.s);
  }
  CHECK_STR(gapbuf_str(gb), ref.s);
  buf_free(&ref);
  gapbuf_free(gb);
}

int main(void) {
  setlocale(LC_ALL, "C.UTF-8");
  test_edits();
  test_utf8();
  test_random();
  return check_done("test_gapbuf");
}
