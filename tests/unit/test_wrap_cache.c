/* test_wrap_cache.c — the multi-line editor's kept wrap (wrap_cache.h):
 * after random edits (typing, deleting, pastes, line breaks, undo, at
 * random places and widths; fixed seed) its visual lines are exactly a
 * fresh text_wrap of the same text, and the line it gives for a byte is
 * the one the fresh wrap gives; also with long paragraphs without spaces,
 * where it forgets what lies beyond a change and wraps it again when
 * asked. And wrap_text_max (a value shown on a few rows): the first lines
 * of wrap_text, no more. */
#include <locale.h>

#include "check.h"
#include "rapport/utf8.h"
#include "ui/gapbuf.h"
#include "ui/widgets.h"
#include "ui/wrap_cache.h"

static unsigned seed = 2026;
static unsigned rnd(unsigned n) {
  seed = seed * 1103515245u + 12345u;
  return (seed >> 8) % n;
}

/* The line of byte pos in a fresh wrap (the rule widget_text.c keeps). */
static size_t fresh_line_of(const struct text_vline *v, size_t n, size_t pos) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (v[i].start <= pos) k = i;
  return k;
}

/* Every line of the kept wrap against a fresh one; false at the first
 * difference (printed). */
static bool same_as_fresh(struct wrap_cache *wc, struct gapbuf *gb, int width) {
  char *text = gapbuf_dup(gb, 0, gapbuf_len(gb));
  struct text_vline *v;
  size_t n = text_wrap(text, gapbuf_len(gb), width, &v);
  bool ok = true;
  /* a few lines asked for first (the cache may know only part) */
  for (int k = 0; k < 3 && ok; k++) {
    size_t pos = gapbuf_len(gb) ? rnd((unsigned)gapbuf_len(gb) + 1) : 0;
    size_t got = wrap_cache_line_of(wc, gb, pos), want = fresh_line_of(v, n, pos);
    if (got != want) {
      fprintf(stderr, "line of %zu: %zu, fresh %zu\n", pos, got, want);
      ok = false;
    }
  }
  size_t m = wrap_cache_count(wc, gb);
  for (size_t i = 0; ok && i < n; i++) {
    size_t s, e;
    if (!wrap_cache_line(wc, gb, i, &s, &e) || s != v[i].start || e != v[i].end) {
      fprintf(stderr, "line %zu: [%zu,%zu) fresh [%zu,%zu)\n", i, s, e, v[i].start, v[i].end);
      ok = false;
    }
  }
  if (ok && m != n) {
    fprintf(stderr, "lines: %zu, fresh %zu (width %d, %zu bytes)\n", m, n, width, gapbuf_len(gb));
    ok = false;
  }
  free(v);
  free(text);
  return ok;
}

/* Random changes straight on a buffer and its cache. */
static void test_random_edits(void) {
  static const char *const bits[] = {"a",  "word ", " ", "\n",  "ë", "李小龙 ", "\xff",
                                     "🙂", "long-unbroken-stretch-of-text", "\n\n", "x y z "};
  for (int round = 0; round < 60; round++) {
    int width = 2 + (int)rnd(30);
    struct gapbuf *gb = gapbuf_new();
    struct wrap_cache wc = {0};
    wrap_cache_reset(&wc, width, 0);
    bool ok = true;
    for (int step = 0; step < 400 && ok; step++) {
      size_t len = gapbuf_len(gb), pos = rnd((unsigned)len + 1);
      while (pos > 0 && pos < len && ((unsigned char)gapbuf_at(gb, pos) & 0xC0) == 0x80) pos--;
      if (rnd(3) || len < 10) {
        struct rp_buf b = {0};
        for (unsigned k = rnd(4) ? 1 : 1 + rnd(40); k; k--) buf_adds(&b, bits[rnd(11)]);
        gapbuf_insert(gb, pos, b.s, b.len);
        wrap_cache_edit(&wc, gb, pos, 0, b.len);
        buf_free(&b);
      } else {
        size_t to = pos + (rnd(4) ? 1 + rnd(6) : rnd(200));
        if (to > len) to = len;
        gapbuf_delete(gb, pos, to);
        wrap_cache_edit(&wc, gb, pos, to - pos, 0);
      }
      if (step % 7 == 0 || step == 399) ok = same_as_fresh(&wc, gb, width);
    }
    CHECK(ok);
    wrap_cache_free(&wc);
    gapbuf_free(gb);
  }
}

/* A long paragraph without a space: a change near its start re-wraps only
 * a few lines, the rest is wrapped again when asked for, and right. */
static void test_unbroken(void) {
  struct gapbuf *gb = gapbuf_new();
  struct wrap_cache wc = {0};
  struct rp_buf b = {0};
  for (int i = 0; i < 20000; i++) buf_addc(&b, (char)('a' + i % 26));
  gapbuf_set(gb, b.s, b.len);
  wrap_cache_reset(&wc, 41, b.len);
  CHECK_INT(wrap_cache_count(&wc, gb), 500); /* 40 columns a line */
  gapbuf_insert(gb, 5, "Q", 1);
  wrap_cache_edit(&wc, gb, 5, 0, 1);
  CHECK(!wc.complete);                           /* the rest forgotten */
  CHECK(wc.gs + (wc.cap - wc.ge) < 50);          /* a few lines kept */
  CHECK_INT(wrap_cache_line_of(&wc, gb, 80), 2); /* still there before */
  CHECK(same_as_fresh(&wc, gb, 41));
  /* a space near the end of a line lets the words after it flow */
  gapbuf_insert(gb, 30, " ", 1);
  wrap_cache_edit(&wc, gb, 30, 0, 1);
  CHECK(same_as_fresh(&wc, gb, 41));
  buf_free(&b);
  wrap_cache_free(&wc);
  gapbuf_free(gb);
}

static void type(struct text_edit *te, const char *s) {
  for (size_t i = 0; s[i];) {
    uint32_t cp;
    i += utf8_decode(s + i, strlen(s + i), &cp);
    text_edit_key(te, (rp_key)cp);
  }
}

/* Keys in the editor (moves, typing, deletions, undo) at random; after
 * each batch its kept wrap equals a fresh one. */
static void test_editor_keys(void) {
  static const rp_key moves[] = {RPK_LEFT, RPK_RIGHT, RPK_UP,   RPK_DOWN,     RPK_HOME,
                                 RPK_END,  RPK_PGUP,  RPK_PGDN, RPK_BACKSPACE, RPK_DELETE,
                                 RPK_ENTER, RPK_CTRL('k'), RPK_CTRL('u'), RPK_CTRL('w'),
                                 RPK_CTRL('_')};
  struct text_edit te = {0};
  text_edit_set(&te, "The plan: study notes\nfor Zoë, déjà vu\n\n李小龙 retries");
  te.width = 17;
  te.height = 4;
  bool ok = true;
  for (int step = 0; step < 3000 && ok; step++) {
    unsigned r = rnd(10);
    if (step == 1500) te.width = 9; /* a narrower window: wrapped anew */
    if (r < 5) type(&te, rnd(2) ? "ab" : rnd(2) ? " " : "ë李");
    else text_edit_key(&te, moves[rnd(sizeof moves / sizeof *moves)]);
    if (step % 50 == 0) ok = same_as_fresh(&te.wrap, te.buf, te.width);
  }
  CHECK(ok);
  text_edit_free(&te);
}

/* wrap_text_max(text, w, max) is the first max lines of wrap_text(text,
 * w), for random texts of words, runs of spaces, line breaks, wide and
 * combining characters. */
static void test_wrap_max(void) {
  static const char *bits[] = {"a", "word", " ", "  ", "\n", "\xE7\x95\x8C", "e\xCC\x81",
                               "longerwordwithoutspaces", "\xC3\xA9t\xC3\xA9"};
  int mismatches = 0, over = 0;
  for (int t = 0; t < 400; t++) {
    struct rp_buf b = {0};
    int parts = (int)rnd(60);
    for (int k = 0; k < parts; k++) buf_adds(&b, bits[rnd(RP_ARRAY_LEN(bits))]);
    int width = 1 + (int)rnd(30);
    struct rp_strv all = {0};
    wrap_text(buf_str(&b), width, &all);
    for (size_t max = 0; max <= all.n + 1; max++) {
      struct rp_strv some = {0};
      wrap_text_max(buf_str(&b), width, max, &some);
      size_t want = max < all.n ? max : all.n;
      if (some.n != want) over++;
      for (size_t i = 0; i < some.n && i < all.n; i++)
        if (strcmp(some.v[i], all.v[i]) != 0) mismatches++;
      strv_free(&some);
    }
    strv_free(&all);
    buf_free(&b);
  }
  CHECK_INT(over, 0);
  CHECK_INT(mismatches, 0);
}

int main(void) {
  setlocale(LC_ALL, "C.UTF-8");
  test_wrap_max();
  test_random_edits();
  test_unbroken();
  test_editor_keys();
  return check_done("test_wrap_cache");
}
