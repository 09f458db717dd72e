/* widget_line.c — single-line UTF-8 editor (see widgets.h). Cursor moves by
 * character, never by byte; width is measured with wcwidth. */
#include <string.h>

#include <stdlib.h>

#include "paste.h"
#include "rapport/utf8.h"
#include "widgets.h"

void line_edit_set(struct line_edit *le, const char *text) {
  buf_reset(&le->text);
  buf_adds(&le->text, text ? text : "");
  le->cursor = le->text.len;
  le->first = 0;
  edit_history_clear(&le->undo);
}

const char *line_edit_text(const struct line_edit *le) { return buf_str(&le->text); }

void line_edit_free(struct line_edit *le) {
  buf_free(&le->text);
  edit_history_clear(&le->undo);
}

static void erase_range(struct line_edit *le, size_t from, size_t to) {
  if (to <= from) return;
  memmove(le->text.s + from, le->text.s + to, le->text.len - to + 1);
  le->text.len -= to - from;
  le->cursor = from;
}

void line_edit_insert(struct line_edit *le, const char *s, size_t n) {
  if (!le->text.s) buf_adds(&le->text, "");
  if (!n) return;
  size_t tail = le->text.len - le->cursor;
  buf_add(&le->text, s, n); /* grow (s lands at the end), then shift into place */
  memmove(le->text.s + le->cursor + n, le->text.s + le->cursor, tail);
  memcpy(le->text.s + le->cursor, s, n);
  le->cursor += n;
}

/* RPK_PASTE: the text on offer, as one line, in one piece. */
static int paste(struct line_edit *le) {
  size_t n, m;
  const char *t = paste_take(&n);
  if (!t) return 1;
  char *line = paste_one_line(t, n, &m);
  line_edit_insert(le, line, m);
  free(line);
  return m ? 2 : 1;
}

static bool is_space_at(const struct line_edit *le, size_t pos) {
  return le->text.s[pos] == ' ' || le->text.s[pos] == '\t';
}

/* line_edit_key without C-_ and the history. */
static int edit_key(struct line_edit *le, rp_key key) {
  const char *s = le->text.s ? le->text.s : "";
  size_t len = le->text.len;
  switch (key) {
  case RPK_LEFT:
    le->cursor = utf8_prev(s, le->cursor);
    return 1;
  case RPK_RIGHT:
    le->cursor = utf8_next(s, len, le->cursor);
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
    erase_range(le, utf8_prev(s, le->cursor), le->cursor);
    return 2;
  case RPK_DELETE:
  case RPK_CTRL('d'):
    if (le->cursor >= len) return 1;
    erase_range(le, le->cursor, utf8_next(s, len, le->cursor));
    return 2;
  case RPK_CTRL('u'):
    erase_range(le, 0, le->cursor);
    return 2;
  case RPK_CTRL('k'):
    erase_range(le, le->cursor, len);
    return 2;
  case RPK_CTRL('w'): {
    size_t p = le->cursor;
    while (p > 0 && is_space_at(le, utf8_prev(s, p))) p = utf8_prev(s, p);
    while (p > 0 && !is_space_at(le, utf8_prev(s, p))) p = utf8_prev(s, p);
    erase_range(le, p, le->cursor);
    return 2;
  }
  case RPK_PASTE:
    return paste(le);
  default:
    break;
  }
  if (key >= 0x20 && key != 0x7F && key < RPK_SPECIAL && !(key >= 0x80 && key < 0xA0)) {
    char enc[4];
    line_edit_insert(le, enc, utf8_encode((uint32_t)key, enc));
    return 2;
  }
  return 0;
}

/* See widgets.h: each change is recorded for C-_. */
int line_edit_key(struct line_edit *le, rp_key key) {
  if (key == EDIT_UNDO_KEY) {
    if (!edit_history_undo(&le->undo, &le->text, &le->cursor)) return 1;
    if (le->first > le->cursor) le->first = 0;
    return 2;
  }
  if (!edit_history_may_change(key)) return edit_key(le, key);
  /* the text before, copied only for a change that starts a new one */
  char *before = edit_history_joins(&le->undo, key, le->cursor)
                     ? NULL
                     : xstrndup(buf_str(&le->text), le->text.len);
  size_t len = le->text.len, cursor = le->cursor;
  int r = edit_key(le, key);
  if (r == 2) edit_history_record(&le->undo, key, before, len, cursor, le->cursor);
  free(before);
  return r;
}

void line_edit_draw(struct line_edit *le, WINDOW *w, int y, int x, int width, enum rp_role role,
                    int *cx) {
  const char *s = line_edit_text(le);
  size_t len = le->text.len;
  if (width < 1) width = 1;
  /* the first character shown: on a character boundary (text inserted
   * before it may have shifted it), never after the cursor */
  if (le->first > le->cursor) le->first = le->cursor;
  while (le->first > 0 && ((unsigned char)s[le->first] & 0xC0) == 0x80) le->first--;
  /* keep the cursor visible, with one column to spare at the right */
  int before = utf8_width_n(s + le->first, le->cursor - le->first);
  while (before > width - 1 && le->first < le->cursor) {
    size_t next = utf8_next(s, len, le->first);
    before -= utf8_width_n(s + le->first, next - le->first);
    le->first = next;
  }
  /* what fits from there (control characters are shown escaped: measure
   * each character as it is shown) */
  size_t end = le->first;
  for (int used = 0; end < len;) {
    size_t next = utf8_next(s, len, end);
    int cw = utf8_width_n(s + end, next - end);
    if (used + cw > width) break;
    used += cw;
    end = next;
  }
  char *shown = xstrndup(s + le->first, end - le->first);
  ui_fill(w, y, x, width, role);
  ui_put_part(w, y, x, width, role, shown);
  free(shown);
  if (cx) *cx = x + before;
}
