/* widget_text.c — multi-line editor (see widget_text.h). The text is a
 * gap buffer (gapbuf.h) whose gap follows the cursor, and its visual lines
 * are kept between draws (wrap_cache.h): a key costs what it changes and
 * the lines it re-wraps, a draw the lines it shows; text goes in at the
 * cursor in one move however long it is (a paste is one insertion, never
 * one per character). */
#include "widget_text.h"

#include <stdlib.h>
#include <string.h>

#include "paste.h"
#include "rapport/utf8.h"

/* The buffer (made on first use), its lines wrapped at the editor's width. */
static struct gapbuf *ready(struct text_edit *te) {
  if (!te->buf) te->buf = gapbuf_new();
  if (!te->wrap.v || te->wrap.width != te->width)
    wrap_cache_reset(&te->wrap, te->width, gapbuf_len(te->buf));
  return te->buf;
}

void text_edit_set(struct text_edit *te, const char *text) {
  if (te->width < 1) te->width = 40;
  if (te->height < 1) te->height = 5;
  if (!te->buf) te->buf = gapbuf_new();
  gapbuf_set(te->buf, text ? text : "", text ? strlen(text) : 0);
  wrap_cache_reset(&te->wrap, te->width, gapbuf_len(te->buf));
  te->cursor = gapbuf_len(te->buf);
  te->goal = -1;
  te->scroll = 0;
  te->version++;
  edit_history_clear(&te->undo);
}

/* See widget_text.h. */
const char *text_edit_text(const struct text_edit *te) {
  return te->buf ? gapbuf_str(te->buf) : "";
}

/* See widget_text.h. */
size_t text_edit_len(const struct text_edit *te) { return te->buf ? gapbuf_len(te->buf) : 0; }

void text_edit_free(struct text_edit *te) {
  gapbuf_free(te->buf);
  te->buf = NULL;
  wrap_cache_free(&te->wrap);
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

/* Byte offset in line [start, end) nearest to column col. */
static size_t offset_at_col(const struct gapbuf *b, size_t start, size_t end, int col) {
  size_t i = start;
  int w = 0;
  while (i < end) {
    uint32_t cp;
    size_t k = gapbuf_decode(b, i, &cp);
    int cw = utf8_cp_width(cp);
    if (w + cw > col) break;
    w += cw;
    i += k;
  }
  return i;
}

/* Delete [from, to), the cursor to `from`; recorded for C-_ as a change
 * made by `key` (0: not recorded). */
static void erase_range(struct text_edit *te, size_t from, size_t to, rp_key key) {
  if (to <= from) return;
  struct gapbuf *b = ready(te);
  if (key) {
    char *gone = gapbuf_dup(b, from, to);
    edit_history_record(&te->undo, key, from, gone, to - from, 0, te->cursor, from);
    free(gone);
  }
  gapbuf_delete(b, from, to);
  wrap_cache_edit(&te->wrap, b, from, to - from, 0);
  te->cursor = from;
  te->version++;
}

/* Insert s[0, n) at the cursor; recorded as erase_range is. */
static void insert(struct text_edit *te, const char *s, size_t n, rp_key key) {
  if (!n) return;
  struct gapbuf *b = ready(te);
  if (key) edit_history_record(&te->undo, key, te->cursor, "", 0, n, te->cursor, te->cursor + n);
  gapbuf_insert(b, te->cursor, s, n);
  wrap_cache_edit(&te->wrap, b, te->cursor, 0, n);
  te->cursor += n;
  te->version++;
}

/* See widget_text.h. */
void text_edit_insert(struct text_edit *te, const char *b, size_t n) { insert(te, b, n, 0); }

/* RPK_PASTE: the text on offer, its lines kept, in one piece. */
static int paste(struct text_edit *te) {
  size_t n, m;
  const char *t = paste_take(&n);
  if (!t) return 1;
  char *text = paste_lines(t, n, &m);
  insert(te, text, m, RPK_PASTE);
  free(text);
  return m ? 2 : 1;
}

static bool space_at(const struct gapbuf *b, size_t i) {
  char c = gapbuf_at(b, i);
  return c == ' ' || c == '\n';
}

static int vertical(struct text_edit *te, int lines) {
  struct gapbuf *b = ready(te);
  size_t cl = wrap_cache_line_of(&te->wrap, b, te->cursor), start, end;
  wrap_cache_line(&te->wrap, b, cl, &start, &end);
  if (te->goal < 0) te->goal = gapbuf_width(b, start, te->cursor);
  long target = (long)cl + lines;
  if (target < 0) target = 0;
  /* the last line when there are fewer than target */
  while (!wrap_cache_line(&te->wrap, b, (size_t)target, &start, &end)) target--;
  bool moved = target != (long)cl;
  te->cursor = offset_at_col(b, start, end, te->goal);
  return moved ? 1 : 0; /* 0 at the edge: a form may move to another field */
}

static int line_edge(struct text_edit *te, bool at_end) {
  struct gapbuf *b = ready(te);
  size_t cl = wrap_cache_line_of(&te->wrap, b, te->cursor), start, end;
  wrap_cache_line(&te->wrap, b, cl, &start, &end);
  te->cursor = at_end ? end : start;
  return 1;
}

/* text_edit_key without C-_. */
static int edit_key(struct text_edit *te, rp_key key) {
  const struct gapbuf *b = ready(te);
  size_t len = gapbuf_len(b);
  if (key != RPK_UP && key != RPK_DOWN && key != RPK_PGUP && key != RPK_PGDN) te->goal = -1;
  switch (key) {
  case RPK_LEFT: te->cursor = gapbuf_prev(b, te->cursor); return 1;
  case RPK_RIGHT: te->cursor = gapbuf_next(b, te->cursor); return 1;
  case RPK_UP: return vertical(te, -1);
  case RPK_DOWN: return vertical(te, 1);
  case RPK_PGUP: return vertical(te, -(te->height > 1 ? te->height - 1 : 1));
  case RPK_PGDN: return vertical(te, te->height > 1 ? te->height - 1 : 1);
  case RPK_HOME:
  case RPK_CTRL('a'): return line_edge(te, false);
  case RPK_END:
  case RPK_CTRL('e'): return line_edge(te, true);
  case RPK_ENTER: insert(te, "\n", 1, key); return 2;
  case RPK_PASTE: return paste(te);
  case RPK_BACKSPACE:
  case RPK_CTRL('h'):
    if (te->cursor == 0) return 1;
    erase_range(te, gapbuf_prev(b, te->cursor), te->cursor, key);
    return 2;
  case RPK_DELETE:
  case RPK_CTRL('d'):
    if (te->cursor >= len) return 1;
    erase_range(te, te->cursor, gapbuf_next(b, te->cursor), key);
    return 2;
  case RPK_CTRL('k'): { /* to the end of the line (or join with the next) */
    size_t end = gapbuf_find(b, te->cursor, '\n');
    if (end == te->cursor && end < len) end++;
    erase_range(te, te->cursor, end, key);
    return 2;
  }
  case RPK_CTRL('u'): { /* to the start of the line */
    size_t p = te->cursor;
    while (p > 0 && gapbuf_at(b, p - 1) != '\n') p--;
    erase_range(te, p, te->cursor, key);
    return 2;
  }
  case RPK_CTRL('w'): {
    size_t p = te->cursor;
    while (p > 0 && space_at(b, gapbuf_prev(b, p))) p = gapbuf_prev(b, p);
    while (p > 0 && !space_at(b, gapbuf_prev(b, p))) p = gapbuf_prev(b, p);
    erase_range(te, p, te->cursor, key);
    return 2;
  }
  default: break;
  }
  if (key >= 0x20 && key != 0x7F && key < RPK_SPECIAL && !(key >= 0x80 && key < 0xA0)) {
    char enc[4];
    insert(te, enc, utf8_encode((uint32_t)key, enc), key);
    return 2;
  }
  return 0;
}

void text_edit_draw(struct text_edit *te, WINDOW *win, int y, int x, int h, int w,
                    enum rp_role role, int *cy, int *cx) {
  if (h < 1) h = 1;
  te->width = w;
  te->height = h;
  struct gapbuf *b = ready(te);
  size_t start, end;
  int cl = (int)wrap_cache_line_of(&te->wrap, b, te->cursor);
  if (cl < te->scroll) te->scroll = cl;
  if (cl >= te->scroll + h) te->scroll = cl - h + 1;
  /* no empty rows under the text while it has lines above them */
  if (te->scroll > 0 && !wrap_cache_line(&te->wrap, b, (size_t)(te->scroll + h - 1), &start, &end)) {
    int n = te->scroll + h - 1;
    while (n > 0 && !wrap_cache_line(&te->wrap, b, (size_t)(n - 1), &start, &end)) n--;
    te->scroll = n - h > 0 ? n - h : 0;
  }
  for (int r = 0; r < h; r++) {
    ui_fill(win, y + r, x, w, role);
    if (!wrap_cache_line(&te->wrap, b, (size_t)(te->scroll + r), &start, &end)) continue;
    char *line = gapbuf_dup(b, start, end);
    ui_put_part(win, y + r, x, w, role, line);
    free(line);
  }
  wrap_cache_line(&te->wrap, b, (size_t)cl, &start, &end);
  if (cy) *cy = y + cl - te->scroll;
  if (cx) *cx = x + gapbuf_width(b, start, te->cursor);
}

/* See widget_text.h: each change is recorded for C-_ as it is made. */
int text_edit_key(struct text_edit *te, rp_key key) {
  if (key != EDIT_UNDO_KEY) return edit_key(te, key);
  struct gapbuf *b = ready(te);
  struct edit_snap s;
  if (!edit_history_pop(&te->undo, &s)) return 1;
  gapbuf_delete(b, s.pos, s.pos + s.inserted);
  gapbuf_insert(b, s.pos, s.removed, s.nremoved);
  wrap_cache_edit(&te->wrap, b, s.pos, s.inserted, s.nremoved);
  te->cursor = s.cursor <= gapbuf_len(b) ? s.cursor : gapbuf_len(b);
  free(s.removed);
  te->goal = -1;
  te->version++;
  return 2;
}
