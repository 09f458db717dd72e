/* wrap_cache.h — where the visual lines of a text editor start, kept from
 * draw to draw (issue 22: the multi-line editor wrapped its whole text at
 * every draw). After a change only the lines from the one before the
 * change are wrapped again, until a line starts where an old one did (the
 * rest is then the same, shifted); the starts are a gap array whose gap
 * follows the change, those after it counted from the end of the text, so
 * a change costs the lines it re-wraps, not the number of lines. When a
 * change would re-wrap more than a few lines (a long paragraph with no
 * spaces), what lies beyond is forgotten and wrapped again when asked
 * for: a key costs about the visible window at most. Wrapping is the same
 * as text_wrap's (widget_text.h). No curses. */
#ifndef RAPPORT_UI_WRAP_CACHE_H
#define RAPPORT_UI_WRAP_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "gapbuf.h"

struct wrap_cache {
  size_t *v;      /* starts: [0, gs) bytes from the start of the text,
                   * [ge, cap) bytes from its end */
  size_t cap, gs, ge;
  size_t len;     /* the length of the text they describe */
  int width;      /* wrapped to, as text_wrap's width */
  bool complete;  /* every line is known (else the last known start's
                   * line, and what follows, are not) */
};

/* Forget every line: the text (len bytes) is new, or the width changed. */
void wrap_cache_reset(struct wrap_cache *wc, int width, size_t len);
void wrap_cache_free(struct wrap_cache *wc);
/* The text now in gb replaced `removed` bytes at pos by `inserted` bytes. */
void wrap_cache_edit(struct wrap_cache *wc, const struct gapbuf *gb, size_t pos, size_t removed,
                     size_t inserted);
/* The visual line holding byte pos (at a soft break, the line after it;
 * on a line break, the line it ends). */
size_t wrap_cache_line_of(struct wrap_cache *wc, const struct gapbuf *gb, size_t pos);
/* Whether line i exists; if so *start and *end its bytes [start, end)
 * (end excludes the line break). Wraps as far as it must. */
bool wrap_cache_line(struct wrap_cache *wc, const struct gapbuf *gb, size_t i, size_t *start,
                     size_t *end);
/* The number of lines (wraps the whole text when it must): for tests. */
size_t wrap_cache_count(struct wrap_cache *wc, const struct gapbuf *gb);

#endif
