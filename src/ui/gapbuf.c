/* gapbuf.c — see gapbuf.h. The gap always keeps at least one byte, so
 * gapbuf_str can end the text with a NUL where the gap starts. */
#include "gapbuf.h"

#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "rapport/util.h"

/* See gapbuf.h. */
struct gapbuf *gapbuf_new(void) {
  struct gapbuf *gb = xcalloc(1, sizeof *gb);
  gb->cap = 16;
  gb->b = xmalloc(gb->cap);
  gb->ge = gb->cap;
  return gb;
}

/* See gapbuf.h. */
void gapbuf_free(struct gapbuf *gb) {
  if (!gb) return;
  free(gb->b);
  free(gb);
}

/* See gapbuf.h. */
size_t gapbuf_len(const struct gapbuf *gb) { return gb->gs + (gb->cap - gb->ge); }

/* Room for n more bytes and the one the gap always keeps; the text keeps
 * its place on each side of the gap. */
static void reserve(struct gapbuf *gb, size_t n) {
  if (gb->ge - gb->gs > n) return;
  size_t len = gapbuf_len(gb), after = gb->cap - gb->ge;
  size_t cap = gb->cap * 2;
  if (cap < len + n + 64) cap = len + n + 64;
  char *b = xmalloc(cap);
  memcpy(b, gb->b, gb->gs);
  memcpy(b + cap - after, gb->b + gb->ge, after);
  free(gb->b);
  gb->b = b;
  gb->cap = cap;
  gb->ge = cap - after;
}

/* The gap to byte pos of the text: the bytes between move across it. */
static void move_gap(struct gapbuf *gb, size_t pos) {
  if (pos < gb->gs) {
    size_t n = gb->gs - pos;
    memmove(gb->b + gb->ge - n, gb->b + pos, n);
    gb->gs -= n;
    gb->ge -= n;
  } else if (pos > gb->gs) {
    size_t n = pos - gb->gs;
    memmove(gb->b + gb->gs, gb->b + gb->ge, n);
    gb->gs += n;
    gb->ge += n;
  }
}

/* See gapbuf.h. */
void gapbuf_set(struct gapbuf *gb, const char *s, size_t n) {
  gb->gs = 0;
  gb->ge = gb->cap;
  gapbuf_insert(gb, 0, s, n);
}

/* See gapbuf.h. */
void gapbuf_insert(struct gapbuf *gb, size_t pos, const char *s, size_t n) {
  if (!n) return;
  reserve(gb, n);
  move_gap(gb, pos);
  memcpy(gb->b + gb->gs, s, n);
  gb->gs += n;
}

/* See gapbuf.h. */
void gapbuf_delete(struct gapbuf *gb, size_t from, size_t to) {
  if (to <= from) return;
  if (to == gb->gs) { /* just before the gap: Backspace */
    gb->gs = from;
    return;
  }
  move_gap(gb, from);
  gb->ge += to - from;
}

/* See gapbuf.h. */
const char *gapbuf_str(struct gapbuf *gb) {
  move_gap(gb, gapbuf_len(gb));
  gb->b[gb->gs] = '\0';
  return gb->b;
}

/* Where byte pos of the text is in the block. */
static size_t phys(const struct gapbuf *gb, size_t pos) {
  return pos < gb->gs ? pos : pos + (gb->ge - gb->gs);
}

/* See gapbuf.h. */
char gapbuf_at(const struct gapbuf *gb, size_t pos) { return gb->b[phys(gb, pos)]; }

/* See gapbuf.h. */
void gapbuf_copy(const struct gapbuf *gb, size_t from, size_t to, char *out) {
  if (to <= from) return;
  if (from < gb->gs) {
    size_t k = (to < gb->gs ? to : gb->gs) - from;
    memcpy(out, gb->b + from, k);
    out += k;
    from += k;
  }
  if (from < to) memcpy(out, gb->b + phys(gb, from), to - from);
}

/* See gapbuf.h. */
char *gapbuf_dup(const struct gapbuf *gb, size_t from, size_t to) {
  size_t n = to > from ? to - from : 0;
  char *s = xmalloc(n + 1);
  gapbuf_copy(gb, from, from + n, s);
  s[n] = '\0';
  return s;
}

/* See gapbuf.h. */
size_t gapbuf_decode(const struct gapbuf *gb, size_t pos, uint32_t *cp) {
  size_t len = gapbuf_len(gb), avail = len - pos;
  if (pos >= gb->gs) return utf8_decode(gb->b + phys(gb, pos), avail, cp);
  if (gb->gs - pos >= 4 || gb->gs == len) return utf8_decode(gb->b + pos, avail, cp);
  char tmp[4]; /* the character may go across the gap */
  size_t k = avail < 4 ? avail : 4;
  gapbuf_copy(gb, pos, pos + k, tmp);
  return utf8_decode(tmp, k, cp);
}

/* See gapbuf.h. */
size_t gapbuf_prev(const struct gapbuf *gb, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1, back = 0;
  while (p > 0 && ((unsigned char)gapbuf_at(gb, p) & 0xC0) == 0x80 && back < 3) {
    p--;
    back++;
  }
  char tmp[4];
  uint32_t cp;
  gapbuf_copy(gb, p, pos, tmp);
  if (p + utf8_decode(tmp, pos - p, &cp) != pos) return pos - 1;
  return p;
}

/* See gapbuf.h. */
size_t gapbuf_next(const struct gapbuf *gb, size_t pos) {
  size_t len = gapbuf_len(gb);
  if (pos >= len) return len;
  uint32_t cp;
  return pos + gapbuf_decode(gb, pos, &cp);
}

/* See gapbuf.h. */
size_t gapbuf_find(const struct gapbuf *gb, size_t pos, char c) {
  size_t len = gapbuf_len(gb);
  if (pos < gb->gs) {
    const char *p = memchr(gb->b + pos, c, gb->gs - pos);
    if (p) return (size_t)(p - gb->b);
    pos = gb->gs;
  }
  if (pos >= len) return len;
  const char *start = gb->b + phys(gb, pos);
  const char *p = memchr(start, c, len - pos);
  return p ? pos + (size_t)(p - start) : len;
}

/* See gapbuf.h. */
int gapbuf_width(const struct gapbuf *gb, size_t from, size_t to) {
  if (to <= gb->gs || from >= gb->gs) return utf8_width_n(gb->b + phys(gb, from), to - from);
  int w = 0;
  for (size_t i = from; i < to;) { /* as utf8_width_n: nothing past `to` */
    char tmp[4];
    uint32_t cp;
    size_t k = to - i < 4 ? to - i : 4;
    gapbuf_copy(gb, i, i + k, tmp);
    i += utf8_decode(tmp, k, &cp);
    w += utf8_cp_width(cp);
  }
  return w;
}
