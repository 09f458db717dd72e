/* wrap_cache.c — see wrap_cache.h. */
#include "wrap_cache.h"

#include <stdint.h>
#include <stdlib.h>

#include "rapport/utf8.h"
#include "rapport/util.h"

#define NONE SIZE_MAX
/* Lines re-wrapped past the end of a change before the rest is forgotten. */
#define REWRAP_MAX 8

/* The start of the line after the one starting at `start`, or NONE when
 * that line runs to the end of the text: text_wrap's rule (widget_text.c),
 * over a gap buffer. */
static size_t next_start(const struct gapbuf *gb, size_t start, int width) {
  size_t len = gapbuf_len(gb), i = start, brk = 0;
  int w = 0;
  bool have_brk = false;
  if (width < 2) width = 2;
  while (i < len && gapbuf_at(gb, i) != '\n') {
    uint32_t cp;
    size_t k = gapbuf_decode(gb, i, &cp);
    int cw = utf8_cp_width(cp);
    if (w + cw > width - 1) break; /* a column kept for the cursor */
    w += cw;
    i += k;
    if (cp == ' ') {
      brk = i;
      have_brk = true;
    }
  }
  if (i >= len) return NONE;
  if (gapbuf_at(gb, i) == '\n') return i + 1;
  size_t end = have_brk && brk > start ? brk : i;
  if (end == start) { /* nothing fits: one character */
    uint32_t cp;
    end = start + gapbuf_decode(gb, start, &cp);
  }
  return end;
}

static size_t count(const struct wrap_cache *wc) { return wc->gs + (wc->cap - wc->ge); }

static size_t get(const struct wrap_cache *wc, size_t i) {
  return i < wc->gs ? wc->v[i] : wc->len - wc->v[wc->ge + (i - wc->gs)];
}

/* The gap of the array before entry i. */
static void move_gap(struct wrap_cache *wc, size_t i) {
  while (wc->gs > i) {
    wc->gs--;
    wc->v[--wc->ge] = wc->len - wc->v[wc->gs];
  }
  while (wc->gs < i) {
    wc->v[wc->gs++] = wc->len - wc->v[wc->ge++];
  }
}

/* Append a start before the gap. */
static void push(struct wrap_cache *wc, size_t start) {
  if (wc->gs == wc->ge) {
    size_t after = wc->cap - wc->ge, cap = wc->cap ? wc->cap * 2 : 64;
    size_t *v = xmalloc(cap * sizeof *v);
    for (size_t i = 0; i < wc->gs; i++) v[i] = wc->v[i];
    for (size_t i = 0; i < after; i++) v[cap - after + i] = wc->v[wc->ge + i];
    free(wc->v);
    wc->v = v;
    wc->cap = cap;
    wc->ge = cap - after;
  }
  wc->v[wc->gs++] = start;
}

/* See wrap_cache.h. */
void wrap_cache_reset(struct wrap_cache *wc, int width, size_t len) {
  wc->gs = 0;
  wc->ge = wc->cap;
  wc->len = len;
  wc->width = width;
  wc->complete = false;
  push(wc, 0);
}

/* See wrap_cache.h. */
void wrap_cache_free(struct wrap_cache *wc) {
  free(wc->v);
  *wc = (struct wrap_cache){0};
}

/* One more line known; false when all are. */
static bool extend(struct wrap_cache *wc, const struct gapbuf *gb) {
  if (wc->complete) return false;
  move_gap(wc, count(wc));
  size_t nx = next_start(gb, wc->v[wc->gs - 1], wc->width);
  if (nx == NONE) wc->complete = true;
  else push(wc, nx);
  return nx != NONE;
}

/* The last known line whose start is at or before pos. */
static size_t search(const struct wrap_cache *wc, size_t pos) {
  size_t lo = 0, hi = count(wc); /* get(lo) <= pos; answer in [lo, hi) */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (get(wc, mid) <= pos) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* See wrap_cache.h. */
void wrap_cache_edit(struct wrap_cache *wc, const struct gapbuf *gb, size_t pos, size_t removed,
                     size_t inserted) {
  if (!wc->v) wrap_cache_reset(wc, wc->width, wc->len);
  /* from two lines before the change: a line's scan reads up to the first
   * character of the line after the next (when that next line was cut
   * before a wide character), so a change there can move its break */
  size_t k = search(wc, pos), r = k > 1 ? k - 2 : 0;
  /* the lines before r stay; r and those the change touched go */
  move_gap(wc, r);
  size_t p = wc->len - wc->v[wc->ge++];
  while (wc->ge < wc->cap && wc->len - wc->v[wc->ge] < pos + removed) wc->ge++;
  wc->len = gapbuf_len(gb); /* the starts after the change move with its end */
  push(wc, p);
  for (int past = 0;;) {
    size_t nx = next_start(gb, p, wc->width);
    if (nx == NONE) {
      wc->ge = wc->cap;
      wc->complete = true;
      return;
    }
    while (wc->ge < wc->cap && wc->len - wc->v[wc->ge] < nx) wc->ge++;
    if (wc->ge < wc->cap && wc->len - wc->v[wc->ge] == nx) return; /* as before from here */
    push(wc, nx);
    p = nx;
    if (nx > pos + inserted && ++past > REWRAP_MAX) { /* the rest when asked for */
      wc->ge = wc->cap;
      wc->complete = false;
      return;
    }
  }
}

/* See wrap_cache.h. */
size_t wrap_cache_line_of(struct wrap_cache *wc, const struct gapbuf *gb, size_t pos) {
  if (!wc->v) wrap_cache_reset(wc, wc->width, gapbuf_len(gb));
  while (!wc->complete && get(wc, count(wc) - 1) <= pos && extend(wc, gb)) {
  }
  return search(wc, pos);
}

/* See wrap_cache.h. */
bool wrap_cache_line(struct wrap_cache *wc, const struct gapbuf *gb, size_t i, size_t *start,
                     size_t *end) {
  if (!wc->v) wrap_cache_reset(wc, wc->width, gapbuf_len(gb));
  while (count(wc) <= i + 1 && extend(wc, gb)) {
  }
  if (i >= count(wc)) return false;
  *start = get(wc, i);
  if (i + 1 < count(wc)) {
    size_t nx = get(wc, i + 1);
    *end = gapbuf_at(gb, nx - 1) == '\n' ? nx - 1 : nx;
  } else {
    *end = gapbuf_len(gb); /* the last line (extend said so) */
  }
  return true;
}

/* See wrap_cache.h. */
size_t wrap_cache_count(struct wrap_cache *wc, const struct gapbuf *gb) {
  if (!wc->v) wrap_cache_reset(wc, wc->width, gapbuf_len(gb));
  while (extend(wc, gb)) {
  }
  return count(wc);
}
