/* widget_text.c — multi-line editor (see widget_text.h). Text goes in at
 * the cursor in one move however long it is (a paste is one insertion,
 * never one per character). The text is wrapped on every draw and on the
 * keys that move by visual line: linear in its length, about 0.7 ms for
 * 100 KB (bench/paste_bench), so each key stays well within a frame. */
#include "widget_text.h"

#include <stdlib.h>
#include <string.h>

#include "paste.h"
#include "rapport/utf8.h"

void text_edit_set(struct text_edit *te, const char *text) {
  buf_reset(&te->text);
  buf_adds(&te->text, text ? text : "");
  te->cursor = te->text.len;
  te->goal = -1;
  te->scroll = 0;
  edit_history_clear(&te->undo);
  if (te->width < 1) te->width = 40;
  if (te->height < 1) te->height = 5;
}

const char *text_edit_text(const struct text_edit *te) { return buf_str(&te->text); }

void text_edit_free(struct text_edit *te) {
  buf_free(&te->text);
  edit_history_clear(&te->undo);
}

static void push_line(struct text_vline **v, size_t *n, size_t *cap, size_t start, size_t end) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 16;
    *v = xrealloc(*v, *cap * sizeof **v);
  }
  (*v)[(*n)++] = (struct text_vline){start, end};
}

size_t text_wrap(const char *s, size_t len, int width, struct text_vline **out) {
  struct text_vline *v = NULL;
  size_t n = 0, cap = 0, start = 0;
  if (width < 2) width = 2;
  for (;;) {
    /* one visual line from `start` */
    size_t i = start, brk = 0;
    int w = 0;
    bool have_brk = false;
    while (i < len && s[i] != '\n') {
      uint32_t cp;
      size_t k = utf8_decode(s + i, len - i, &cp);
      int cw = utf8_cp_width(cp);
      if (w + cw > width - 1) break; /* keep a column for the cursor */
      w += cw;
      i += k;
      if (cp == ' ') {
        brk = i; /* break after the space */
        have_brk = true;
      }
    }
    if (i >= len || s[i] == '\n') { /* the paragraph ends on this line */
      push_line(&v, &n, &cap, start, i);
      if (i >= len) break;
      start = i + 1;
      continue;
    }
    size_t end = have_brk && brk > start ? brk : i;
    if (end == start) { /* nothing fits: take one character */
      uint32_t cp;
      end = start + utf8_decode(s + start, len - start, &cp);
    }
    push_line(&v, &n, &cap, start, end);
    start = end;
  }
  *out = v;
  return n;
}

/* The visual line holding the cursor. */
static size_t cursor_line(const struct text_vline *v, size_t n, size_t cur) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (cur < v[i].end) return i;
    if (cur == v[i].end && v[i + 1].start > v[i].end) return i; /* at a break char */
    if (cur == v[i].end && v[i + 1].start == cur) return i + 1; /* soft break */
  }
  return n ? n - 1 : 0;
}

/* Byte offset in line l nearest to column col. */
static size_t offset_at_col(const char *s, const struct text_vline *l, int col) {
  size_t i = l->start;
  int w = 0;
  while (i < l->end) {
    uint32_t cp;
    size_t k = utf8_decode(s + i, l->end - i, &cp);
    int cw = utf8_cp_width(cp);
    if (w + cw > col) break;
    w += cw;
    i += k;
  }
  return i;
}

static void erase_range(struct text_edit *te, size_t from, size_t to) {
  if (to <= from) return;
  memmove(te->text.s + from, te->text.s + to, te->text.len - to + 1);
  te->text.len -= to - from;
  te->cursor = from;
}

void text_edit_insert(struct text_edit *te, const char *b, size_t n) {
  if (!te->text.s) buf_adds(&te->text, "");
  if (!n) return;
  size_t tail = te->text.len - te->cursor;
  buf_add(&te->text, b, n); /* grow (b lands at the end), then shift into place */
  memmove(te->text.s + te->cursor + n, te->text.s + te->cursor, tail);
  memcpy(te->text.s + te->cursor, b, n);
  te->cursor += n;
}

/* RPK_PASTE: the text on offer, its lines kept, in one piece. */
static int paste(struct text_edit *te) {
  size_t n, m;
  const char *t = paste_take(&n);
  if (!t) return 1;
  char *text = paste_lines(t, n, &m);
  text_edit_insert(te, text, m);
  free(text);
  return m ? 2 : 1;
}

static bool space_at(const char *s, size_t i) { return s[i] == ' ' || s[i] == '\n'; }

static int vertical(struct text_edit *te, int lines) {
  const char *s = text_edit_text(te);
  struct text_vline *v;
  size_t n = text_wrap(s, te->text.len, te->width, &v);
  size_t cl = cursor_line(v, n, te->cursor);
  if (te->goal < 0) te->goal = utf8_width_n(s + v[cl].start, te->cursor - v[cl].start);
  long target = (long)cl + lines;
  if (target < 0) target = 0;
  if (target >= (long)n) target = (long)n - 1;
  bool moved = target != (long)cl;
  te->cursor = offset_at_col(s, &v[target], te->goal);
  free(v);
  return moved ? 1 : 0; /* 0 at the edge: a form may move to another field */
}

static int line_edge(struct text_edit *te, bool end) {
  struct text_vline *v;
  size_t n = text_wrap(text_edit_text(te), te->text.len, te->width, &v);
  size_t cl = cursor_line(v, n, te->cursor);
  te->cursor = end ? v[cl].end : v[cl].start;
  free(v);
  return 1;
}

/* text_edit_key without C-_ and the history. */
static int edit_key(struct text_edit *te, rp_key key) {
  const char *s = text_edit_text(te);
  size_t len = te->text.len;
  if (key != RPK_UP && key != RPK_DOWN && key != RPK_PGUP && key != RPK_PGDN) te->goal = -1;
  switch (key) {
  case RPK_LEFT: te->cursor = utf8_prev(s, te->cursor); return 1;
  case RPK_RIGHT: te->cursor = utf8_next(s, len, te->cursor); return 1;
  case RPK_UP: return vertical(te, -1);
  case RPK_DOWN: return vertical(te, 1);
  case RPK_PGUP: return vertical(te, -(te->height > 1 ? te->height - 1 : 1));
  case RPK_PGDN: return vertical(te, te->height > 1 ? te->height - 1 : 1);
  case RPK_HOME:
  case RPK_CTRL('a'): return line_edge(te, false);
  case RPK_END:
  case RPK_CTRL('e'): return line_edge(te, true);
  case RPK_ENTER: text_edit_insert(te, "\n", 1); return 2;
  case RPK_PASTE: return paste(te);
  case RPK_BACKSPACE:
  case RPK_CTRL('h'):
    if (te->cursor == 0) return 1;
    erase_range(te, utf8_prev(s, te->cursor), te->cursor);
    return 2;
  case RPK_DELETE:
  case RPK_CTRL('d'):
    if (te->cursor >= len) return 1;
    erase_range(te, te->cursor, utf8_next(s, len, te->cursor));
    return 2;
  case RPK_CTRL('k'): { /* to the end of the line (or join with the next) */
    const char *nl = strchr(s + te->cursor, '\n');
    size_t end = nl ? (size_t)(nl - s) : len;
    if (end == te->cursor && nl) end++;
    erase_range(te, te->cursor, end);
    return 2;
  }
  case RPK_CTRL('u'): { /* to the start of the line */
    size_t p = te->cursor;
    while (p > 0 && s[p - 1] != '\n') p--;
    erase_range(te, p, te->cursor);
    return 2;
  }
  case RPK_CTRL('w'): {
    size_t p = te->cursor;
    while (p > 0 && space_at(s, utf8_prev(s, p))) p = utf8_prev(s, p);
    while (p > 0 && !space_at(s, utf8_prev(s, p))) p = utf8_prev(s, p);
    erase_range(te, p, te->cursor);
    return 2;
  }
  default: break;
  }
  if (key >= 0x20 && key != 0x7F && key < RPK_SPECIAL && !(key >= 0x80 && key < 0xA0)) {
    char enc[4];
    text_edit_insert(te, enc, utf8_encode((uint32_t)key, enc));
    return 2;
  }
  return 0;
}

void text_edit_draw(struct text_edit *te, WINDOW *win, int y, int x, int h, int w,
                    enum rp_role role, int *cy, int *cx) {
  if (h < 1) h = 1;
  te->width = w;
  te->height = h;
  const char *s = text_edit_text(te);
  struct text_vline *v;
  size_t n = text_wrap(s, te->text.len, w, &v);
  int cl = (int)cursor_line(v, n, te->cursor);
  if (cl < te->scroll) te->scroll = cl;
  if (cl >= te->scroll + h) te->scroll = cl - h + 1;
  if (te->scroll > (int)n - h) te->scroll = (int)n - h > 0 ? (int)n - h : 0;
  for (int r = 0; r < h; r++) {
    ui_fill(win, y + r, x, w, role);
    size_t li = (size_t)(te->scroll + r);
    if (li >= n) continue;
    char *line = xstrndup(s + v[li].start, v[li].end - v[li].start);
    ui_put_part(win, y + r, x, w, role, line);
    free(line);
  }
  if (cy) *cy = y + cl - te->scroll;
  if (cx) *cx = x + utf8_width_n(s + v[cl].start, te->cursor - v[cl].start);
  free(v);
}

/* See widget_text.h: each change is recorded for C-_. */
int text_edit_key(struct text_edit *te, rp_key key) {
  if (key == EDIT_UNDO_KEY) {
    if (!edit_history_undo(&te->undo, &te->text, &te->cursor)) return 1;
    te->goal = -1;
    return 2;
  }
  if (!edit_history_may_change(key)) return edit_key(te, key);
  /* the text before, copied only for a change that starts a new one */
  char *before = edit_history_joins(&te->undo, key, te->cursor)
                     ? NULL
                     : xstrndup(text_edit_text(te), te->text.len);
  size_t len = te->text.len, cursor = te->cursor;
  int r = edit_key(te, key);
  if (r == 2) edit_history_record(&te->undo, key, before, len, cursor, te->cursor);
  free(before);
  return r;
}
