/* widget_line.c — single-line UTF-8 editor (see widgets.h). Cursor moves by
 * character, never by byte; width is measured with wcwidth. The text is a
 * gap buffer (gapbuf.h) whose gap follows the cursor: a key costs what it
 * changes, not the length of the line. */
#include <string.h>

#include <stdlib.h>

#include "paste.h"
#include "rapport/utf8.h"
#include "widgets.h"

/* The buffer, made on first use. */
static struct gapbuf *gb(struct line_edit *le) {
  if (!le->buf) le->buf = gapbuf_new();
  return le->buf;
}

void line_edit_set(struct line_edit *le, const char *text) {
  gapbuf_set(gb(le), text ? text : "", text ? strlen(text) : 0);
  le->cursor = gapbuf_len(le->buf);
  le->first = 0;
  edit_history_clear(&le->undo);
}

/* See widgets.h. */
const char *line_edit_text(const struct line_edit *le) {
  return le->buf ? gapbuf_str(le->buf) : "";
}

/* See widgets.h. */
size_t line_edit_len(const struct line_edit *le) { return le->buf ? gapbuf_len(le->buf) : 0; }

void line_edit_free(struct line_edit *le) {
  gapbuf_free(le->buf);
  le->buf = NULL;
  edit_history_clear(&le->undo);
}

/* Delete [from, to), the cursor to `from`; recorded for C-_ as a change
 * made by `key` (0: not recorded). */
static void erase_range(struct line_edit *le, size_t from, size_t to, rp_key key) {
  if (to <= from) return;
  if (key) {
    char *gone = gapbuf_dup(le->buf, from, to);
    edit_history_record(&le->undo, key, from, gone, to - from, 0, le->cursor, from);
    free(gone);
  }
  gapbuf_delete(le->buf, from, to);
  le->cursor = from;
}

/* Insert s[0, n) at the cursor; recorded as erase_range is. */
static void insert(struct line_edit *le, const char *s, size_t n, rp_key key) {
  if (!n) return;
  if (key) edit_history_record(&le->undo, key, le->cursor, "", 0, n, le->cursor, le->cursor + n);
  gapbuf_insert(gb(le), le->cursor, s, n);
  le->cursor += n;
}

/* See widgets.h. */
void line_edit_insert(struct line_edit *le, const char *s, size_t n) { insert(le, s, n, 0); }

/* RPK_PASTE: the text on offer, as one line, in one piece. */
static int paste(struct line_edit *le) {
  size_t n, m;
  const char *t = paste_take(&n);
  if (!t) return 1;
  char *line = paste_one_line(t, n, &m);
  insert(le, line, m, RPK_PASTE);
  free(line);
  return m ? 2 : 1;
}

static bool is_space_at(const struct line_edit *le, size_t pos) {
  char c = gapbuf_at(le->buf, pos);
  return c == ' ' || c == '\t';
}

/* line_edit_key without C-_. */
static int edit_key(struct line_edit *le, rp_key key) {
  const struct gapbuf *b = gb(le);
  size_t len = gapbuf_len(b);
  switch (key) {
  case RPK_LEFT:
    le->cursor = gapbuf_prev(b, le->cursor);
    return 1;
  case RPK_RIGHT:
    le->cursor = gapbuf_next(b, le->cursor);
    return 1;
  case RPK_HOME:
  case RPK_CTRL('a'):
    le->cursor = 0;
    return 1;
  case RPK_END:
  case RPK_CTRL('e'):
    le->cursor = len;
    return 1;
  case RPK_BACKSPACE:
  case RPK_CTRL('h'):
    if (le->cursor == 0) return 1;
    erase_range(le, gapbuf_prev(b, le->cursor), le->cursor, key);
    return 2;
  case RPK_DELETE:
  case RPK_CTRL('d'):
    if (le->cursor >= len) return 1;
    erase_range(le, le->cursor, gapbuf_next(b, le->cursor), key);
    return 2;
  case RPK_CTRL('u'):
    erase_range(le, 0, le->cursor, key);
    return 2;
  case RPK_CTRL('k'):
    erase_range(le, le->cursor, len, key);
    return 2;
  case RPK_CTRL('w'): {
    size_t p = le->cursor;
    while (p > 0 && is_space_at(le, gapbuf_prev(b, p))) p = gapbuf_prev(b, p);
    while (p > 0 && !is_space_at(le, gapbuf_prev(b, p))) p = gapbuf_prev(b, p);
    erase_range(le, p, le->cursor, key);
    return 2;
  }
  case RPK_PASTE:
    return paste(le);
  default:
    break;
  }
  if (key >= 0x20 && key != 0x7F && key < RPK_SPECIAL && !(key >= 0x80 && key < 0xA0)) {
    char enc[4];
    insert(le, enc, utf8_encode((uint32_t)key, enc), key);
    return 2;
  }
  return 0;
}

/* See widgets.h: each change is recorded for C-_ as it is made. */
int line_edit_key(struct line_edit *le, rp_key key) {
  if (key != EDIT_UNDO_KEY) return edit_key(le, key);
  struct edit_snap s;
  if (!edit_history_pop(&le->undo, &s)) return 1;
  gapbuf_delete(gb(le), s.pos, s.pos + s.inserted);
  gapbuf_insert(le->buf, s.pos, s.removed, s.nremoved);
  le->cursor = s.cursor <= gapbuf_len(le->buf) ? s.cursor : gapbuf_len(le->buf);
  free(s.removed);
  if (le->first > le->cursor) le->first = 0;
  return 2;
}

void line_edit_draw(struct line_edit *le, WINDOW *w, int y, int x, int width, enum rp_role role,
                    int *cx) {
  const struct gapbuf *b = gb(le);
  size_t len = gapbuf_len(b);
  if (width < 1) width = 1;
  /* the first character shown: on a character boundary (text inserted
   * before it may have shifted it), never after the cursor */
  if (le->first > le->cursor) le->first = le->cursor;
  while (le->first > 0 && ((unsigned char)gapbuf_at(b, le->first) & 0xC0) == 0x80) le->first--;
  /* keep the cursor visible, with one column to spare at the right */
  int before = gapbuf_width(b, le->first, le->cursor);
  while (before > width - 1 && le->first < le->cursor) {
    size_t next = gapbuf_next(b, le->first);
    before -= gapbuf_width(b, le->first, next);
    le->first = next;
  }
  /* what fits from there (control characters are shown escaped: measure
   * each character as it is shown) */
  size_t end = le->first;
  for (int used = 0; end < len;) {
    size_t next = gapbuf_next(b, end);
    int cw = gapbuf_width(b, end, next);
    if (used + cw > width) break;
    used += cw;
    end = next;
  }
  char *shown = gapbuf_dup(b, le->first, end);
  ui_fill(w, y, x, width, role);
  ui_put_part(w, y, x, width, role, shown);
  free(shown);
  if (cx) *cx = x + before;
}
