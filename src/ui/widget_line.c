/* widget_line.c — single-line UTF-8 editor (see widgets.h). Cursor moves by
 * character, never by byte; width is measured with wcwidth. */
#include <string.h>

#include "rapport/utf8.h"
#include "widgets.h"

void line_edit_set(struct line_edit *le, const char *text) {
  buf_reset(&le->text);
  buf_adds(&le->text, text ? text : "");
  le->cursor = le->text.len;
  le->scroll = 0;
}

const char *line_edit_text(const struct line_edit *le) { return buf_str(&le->text); }

void line_edit_free(struct line_edit *le) { buf_free(&le->text); }

static void erase_range(struct line_edit *le, size_t from, size_t to) {
  if (to <= from) return;
  memmove(le->text.s + from, le->text.s + to, le->text.len - to + 1);
  le->text.len -= to - from;
  le->cursor = from;
}

static void insert_key(struct line_edit *le, rp_key key) {
  char enc[4];
  size_t n = utf8_encode((uint32_t)key, enc);
  if (!le->text.s) buf_adds(&le->text, "");
  buf_add(&le->text, enc, n); /* grow, then shift into place */
  memmove(le->text.s + le->cursor + n, le->text.s + le->cursor, le->text.len - n - le->cursor);
  memcpy(le->text.s + le->cursor, enc, n);
  le->cursor += n;
}

static bool is_space_at(const struct line_edit *le, size_t pos) {
  return le->text.s[pos] == ' ' || le->text.s[pos] == '\t';
}

int line_edit_key(struct line_edit *le, rp_key key) {
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
  default:
    break;
  }
  if (key >= 0x20 && key != 0x7F && key < RPK_SPECIAL && !(key >= 0x80 && key < 0xA0)) {
    insert_key(le, key);
    return 2;
  }
  return 0;
}

void line_edit_draw(struct line_edit *le, WINDOW *w, int y, int x, int width, enum rp_role role,
                    int *cx) {
  const char *s = line_edit_text(le);
  if (width < 1) width = 1;
  int before = utf8_width_n(s, le->cursor);
  /* keep the cursor visible, with one column to spare at the right */
  if (before < le->scroll) le->scroll = before;
  if (before - le->scroll > width - 1) le->scroll = before - (width - 1);
  if (le->scroll < 0) le->scroll = 0;
  /* skip whole characters worth `scroll` columns */
  size_t len = strlen(s), i = 0;
  int skipped = 0;
  while (i < len && skipped < le->scroll) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    skipped += utf8_cp_width(cp);
    i += n;
  }
  ui_fill(w, y, x, width, role);
  ui_put_part(w, y, x + (skipped - le->scroll), width - (skipped - le->scroll), role, s + i);
  if (cx) *cx = x + before - le->scroll;
}
