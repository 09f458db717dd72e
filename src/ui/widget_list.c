/* widget_list.c — the scrolling list (selection, paging, wheel, click,
 * the selected-row colour) and text wrapping (see widgets.h). */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "widgets.h"

void list_view_fix(struct list_view *lv) {
  if (lv->height < 1) lv->height = 1;
  if (lv->count <= 0) {
    lv->sel = -1;
    lv->top = 0;
    return;
  }
  if (lv->sel < 0) lv->sel = 0;
  if (lv->sel >= lv->count) lv->sel = lv->count - 1;
  if (lv->top > lv->sel) lv->top = lv->sel;
  if (lv->sel >= lv->top + lv->height) lv->top = lv->sel - lv->height + 1;
  if (lv->top + lv->height > lv->count) lv->top = lv->count - lv->height;
  if (lv->top < 0) lv->top = 0;
}

void list_view_select(struct list_view *lv, long row) {
  lv->sel = row;
  list_view_fix(lv);
}

bool list_view_move(struct list_view *lv, enum rp_action act) {
  long before = lv->sel, page = lv->height > 1 ? lv->height - 1 : 1;
  switch (act) {
  case ACT_UP: lv->sel--; break;
  case ACT_DOWN: lv->sel++; break;
  case ACT_PAGE_UP: lv->sel -= page; lv->top -= page; break;
  case ACT_PAGE_DOWN: lv->sel += page; lv->top += page; break;
  case ACT_FIRST: lv->sel = 0; break;
  case ACT_LAST: lv->sel = lv->count - 1; break;
  default: return false;
  }
  if (lv->sel < 0) lv->sel = 0;
  list_view_fix(lv);
  return lv->sel != before;
}

/* See widgets.h. */
void list_view_resize(struct list_view *lv, int height) {
  lv->height = height;
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
  if (row < 0 || row >= lv->height || lv->top + row >= lv->count) return false;
  list_view_select(lv, lv->top + row);
  return true;
}

/* See widgets.h. */
enum rp_role list_row_role(bool selected, bool focused, enum rp_role normal) {
  if (!selected) return normal;
  return focused ? ROLE_SELECTED : ROLE_SELECTED_INACTIVE;
}

/* Append one paragraph (no newlines) wrapped to width. */
static void wrap_para(const char *p, size_t len, int width, struct rp_strv *out) {
  size_t start = 0;
  while (start < len) {
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

void wrap_text(const char *text, int width, struct rp_strv *out) {
  if (width < 1) width = 1;
  if (!text) return;
  const char *p = text;
  for (;;) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    if (len == 0)
      strv_push(out, "");
    else
      wrap_para(p, len, width, out);
    if (!nl) break;
    p = nl + 1;
  }
}
