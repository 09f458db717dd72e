/* gapbuf.h — the text of the line and text editors: a gap buffer. The
 * bytes sit in one block with a hole (the gap) where the last change was;
 * an insertion or a deletion at the gap costs the bytes it changes, and
 * moving the gap costs the distance it moves. So typing, deleting and
 * pasting at the cursor are linear in what they change, never in the
 * length of the text (issue 22). Bytes only: UTF-8 boundaries are the
 * caller's (gapbuf_prev/next/decode help). No curses, no model. */
#ifndef RAPPORT_UI_GAPBUF_H
#define RAPPORT_UI_GAPBUF_H

#include <stddef.h>
#include <stdint.h>

struct gapbuf {
  char *b;    /* text = b[0, gs) then b[ge, cap) */
  size_t cap; /* bytes allocated */
  size_t gs;  /* gap start: bytes before the gap */
  size_t ge;  /* gap end: the text after the gap starts here */
};

/* A new, empty buffer (gapbuf_free frees it). */
struct gapbuf *gapbuf_new(void);
void gapbuf_free(struct gapbuf *gb);
/* Bytes of text. */
size_t gapbuf_len(const struct gapbuf *gb);
/* The whole text becomes s[0, n). */
void gapbuf_set(struct gapbuf *gb, const char *s, size_t n);
/* Insert s[0, n) at byte pos (pos <= len): the gap moves to pos first. */
void gapbuf_insert(struct gapbuf *gb, size_t pos, const char *s, size_t n);
/* Delete bytes [from, to) (to <= len). */
void gapbuf_delete(struct gapbuf *gb, size_t from, size_t to);
/* The text, contiguous and NUL-terminated, owned by the buffer and valid
 * until its next change. The gap moves to the end: the cost is the
 * distance from the last change to the end (nothing when it is there). */
const char *gapbuf_str(struct gapbuf *gb);
/* The byte at pos (pos < len). */
char gapbuf_at(const struct gapbuf *gb, size_t pos);
/* Copy bytes [from, to) to out (to - from bytes, no NUL added). */
void gapbuf_copy(const struct gapbuf *gb, size_t from, size_t to, char *out);
/* Bytes [from, to) as a new NUL-terminated string (caller frees). */
char *gapbuf_dup(const struct gapbuf *gb, size_t from, size_t to);
/* Decode the character at pos (pos < len) as utf8_decode does: *cp, and
 * the bytes it takes. */
size_t gapbuf_decode(const struct gapbuf *gb, size_t pos, uint32_t *cp);
/* As utf8_prev and utf8_next over the text: the start of the character
 * before pos (0 at 0), the offset after the one at pos (len at len). */
size_t gapbuf_prev(const struct gapbuf *gb, size_t pos);
size_t gapbuf_next(const struct gapbuf *gb, size_t pos);
/* The first byte c at or after pos, or len when there is none. */
size_t gapbuf_find(const struct gapbuf *gb, size_t pos, char c);
/* Display width of bytes [from, to), as utf8_width_n would measure them
 * contiguous. */
int gapbuf_width(const struct gapbuf *gb, size_t from, size_t to);

#endif
