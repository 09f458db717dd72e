/* widget_list.c — the scrolling list (selection, paging, wheel, click,
 * rows that cannot be chosen, a text to read, the selected-row colour) and
 * text wrapping (see widgets.h). */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "widgets.h"

/* The kind of row i (every row is an item in a plain list). */
static enum list_row row_kind(const struct list_view *lv, long i) {
  return lv->row ? lv->row(lv->ctx, i) : LIST_ITEM;
}

/* The nearest item from `from` in direction dir (±1), or -1. */
static long find_item(const struct list_view *lv, long from, int dir) {
  for (long i = from; i >= 0 && i < lv->count; i += dir)
    if (row_kind(lv, i) == LIST_ITEM) return i;
  return -1;
}

/* The item row i belongs to: itself, the item above a part, the item
 * below a heading; -1 when none. */
static long owner(const struct list_view *lv, long i) {
  enum list_row k = row_kind(lv, i);
  if (k == LIST_ITEM) return i;
  long o = find_item(lv, i, k == LIST_PART ? -1 : 1);
  return o >= 0 ? o : find_item(lv, i, k == LIST_PART ? 1 : -1);
}

/* See widgets.h. */
void list_view_fix(struct list_view *lv) {
  if (lv->height < 1) lv->height = 1;
  if (lv->count <= 0) {
    lv->sel = -1;
    lv->top = 0;
    return;
  }
  if (lv->browse) { /* a text to read: only the top moves */
    lv->sel = -1;
    if (lv->top + lv->height > lv->count) lv->top = lv->count - lv->height;
    if (lv->top < 0) lv->top = 0;
    return;
  }
  if (lv->sel < 0) lv->sel = 0;
  if (lv->sel >= lv->count) lv->sel = lv->count - 1;
  lv->sel = owner(lv, lv->sel);
  if (lv->sel < 0) { /* nothing to choose: headings only */
    if (lv->top + lv->height > lv->count) lv->top = lv->count - lv->height;
    if (lv->top < 0) lv->top = 0;
    return;
  }
  /* the selected item with its heading above and its parts below */
  long head = lv->sel, tail = lv->sel;
  while (head > 0 && row_kind(lv, head - 1) == LIST_HEAD) head--;
  while (tail + 1 < lv->count && row_kind(lv, tail + 1) == LIST_PART) tail++;
  if (tail >= lv->top + lv->height) lv->top = tail - lv->height + 1;
  if (head < lv->top) lv->top = head;
  if (lv->sel >= lv->top + lv->height) lv->top = lv->sel - lv->height + 1;
  if (lv->top + lv->height > lv->count) lv->top = lv->count - lv->height;
  if (lv->top < 0) lv->top = 0;
}

/* See widgets.h. */
void list_view_select(struct list_view *lv, long row) {
  lv->sel = row;
  list_view_fix(lv);
}

/* A text to read: the movement keys move the top. */
static bool browse_move(struct list_view *lv, enum rp_action act) {
  long before = lv->top, page = lv->height > 1 ? lv->height - 1 : 1;
  switch (act) {
  case ACT_UP: lv->top--; break;
  case ACT_DOWN: lv->top++; break;
  case ACT_PAGE_UP: lv->top -= page; break;
  case ACT_PAGE_DOWN: lv->top += page; break;
  case ACT_FIRST: lv->top = 0; break;
  case ACT_LAST: lv->top = lv->count; break;
  default: return false;
  }
  list_view_fix(lv);
  return lv->top != before;
}

/* See widgets.h. */
bool list_view_move(struct list_view *lv, enum rp_action act) {
  if (lv->browse) return browse_move(lv, act);
  long before = lv->sel, page = lv->height > 1 ? lv->height - 1 : 1, to = -1;
  if (lv->count <= 0) return false;
  switch (act) {
  case ACT_UP: to = find_item(lv, lv->sel - 1, -1); break;
  case ACT_DOWN: to = find_item(lv, lv->sel + 1, 1); break;
  case ACT_PAGE_UP:
    to = find_item(lv, lv->sel - page > 0 ? lv->sel - page : 0, 1);
    lv->top -= page;
    break;
  case ACT_PAGE_DOWN:
    to = find_item(lv, lv->sel + page < lv->count ? lv->sel + page : lv->count - 1, -1);
    lv->top += page;
    break;
  case ACT_FIRST: to = find_item(lv, 0, 1); break;
  case ACT_LAST: to = find_item(lv, lv->count - 1, -1); break;
  default: return false;
  }
  if (to >= 0) lv->sel = to;
  list_view_fix(lv);
  return lv->sel != before;
}

/* See widgets.h. */
void list_view_resize(struct list_view *lv, int height) {
  lv->height = height;
  list_view_fix(lv);
}

/* See widgets.h. */
void list_view_set_count(struct list_view *lv, long count) {
  lv->count = count;
  list_view_fix(lv);
}

/* See widgets.h. */
bool list_view_wheel(struct list_view *lv, int wheel) {
  bool moved = false;
  for (int i = 0; i < 3 && wheel; i++) moved |= list_view_move(lv, wheel < 0 ? ACT_UP : ACT_DOWN);
  return moved;
}

/* See widgets.h. */
bool list_view_click(struct list_view *lv, long row) {
  if (lv->browse || row < 0 || row >= lv->height || lv->top + row >= lv->count) return false;
  long r = lv->top + row;
  if (row_kind(lv, r) == LIST_HEAD) return false;
  r = owner(lv, r);
  if (r < 0) return false;
  list_view_select(lv, r);
  return true;
}

/* See widgets.h. */
bool list_view_is_sel(const struct list_view *lv, long row) {
  if (lv->sel < 0 || row < lv->sel) return false;
  if (row == lv->sel) return true;
  for (long i = lv->sel + 1; i <= row; i++)
    if (row_kind(lv, i) != LIST_PART) return false;
  return true;
}

/* See widgets.h. */
enum rp_role list_row_role(bool selected, bool focused, enum rp_role normal) {
  if (!selected) return normal;
  return focused ? ROLE_SELECTED : ROLE_SELECTED_INACTIVE;
}
/* See widgets.h. */
WINDOW *box_open(int y, int x, int h, int w, const char *title) {
  WINDOW *win = newwin(h, w, y, x);
  if (!win) return NULL;
  for (int r = 0; r < h; r++) ui_fill(win, r, 0, w, ROLE_NORMAL);
  wattrset(win, ui_role(ROLE_BORDER));
  box(win, 0, 0);
  if (title) {
    char *t = xasprintf(" %s ", title);
    ui_put_part(win, 0, 2, w - 4, ROLE_TITLE, t);
    free(t);
  }
  return win;
}

/* Append one paragraph (no newlines) wrapped to width, until out holds
 * max lines. */
static void wrap_para(const char *p, size_t len, int width, size_t max, struct rp_strv *out) {
  size_t start = 0;
  while (start < len && out->n < max) {
    /* skip leading spaces of continuation lines */
    size_t i = start, last_space = 0;
    int w = 0;
    bool have_space = false;
    while (i < len) {
      uint32_t cp;
      size_t n = utf8_decode(p + i, len - i, &cp);
      int cw = utf8_cp_width(cp);
      if (w + cw > width) break;
      if (cp == ' ') {
        last_space = i;
        have_space = true;
      }
      w += cw;
      i += n;
    }
    size_t end = i;
    size_t next = i;
    if (i < len && have_space && last_space > start) {
      end = last_space;
      next = last_space + 1;
    }
    if (end == start && i == start) { /* a char wider than the width */
      uint32_t cp;
      end = next = start + utf8_decode(p + start, len - start, &cp);
    }
    char *line = xstrndup(p + start, end - start);
    strv_push(out, line);
    free(line);
    start = next;
    while (start < len && p[start] == ' ' && start != 0) start++;
  }
}

void wrap_text_max(const char *text, int width, size_t max, struct rp_strv *out) {
  if (width < 1) width = 1;
  if (!text) return;
  const char *p = text;
  while (out->n < max) {
    const char *nl = strchr(p, '\n'); /* memchr's speed: not the cost */
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    if (len == 0)
      strv_push(out, "");
    else
      wrap_para(p, len, width, max, out);
    if (!nl) break;
    p = nl + 1;
  }
}

void wrap_text(const char *text, int width, struct rp_strv *out) {
  wrap_text_max(text, width, SIZE_MAX, out);
}
