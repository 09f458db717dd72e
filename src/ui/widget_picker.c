/* widget_picker.c — a centred list to choose one entry from (the question
 * bank, the open information gaps), on the list widget. Lines starting
 * with '#' are headings and cannot be chosen. */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "widgets.h"

static enum list_row row_kind(const void *ctx, long i) {
  const struct picker *pk = ctx;
  return pk->lines.v[i][0] == '#' ? LIST_HEAD : LIST_ITEM;
}

void picker_open(struct picker *pk, const char *title, const char *footer) {
  picker_close(pk);
  pk->title = xstrdup(title);
  pk->footer = xstrdup(footer);
  pk->open = true;
  pk->lv = (struct list_view){.sel = 0, .row = row_kind, .ctx = pk};
  picker_layout(pk);
}

void picker_add(struct picker *pk, const char *line, long value) {
  strv_push(&pk->lines, line);
  pk->values = xrealloc(pk->values, pk->lines.n * sizeof *pk->values);
  pk->values[pk->lines.n - 1] = value;
  pk->lv.count = (long)pk->lines.n;
  picker_layout(pk);
}

void picker_close(struct picker *pk) {
  strv_free(&pk->lines);
  free(pk->values);
  free(pk->title);
  free(pk->footer);
  memset(pk, 0, sizeof *pk);
}

/* See widgets.h: the box fits its lines, less the screen's edges. */
void picker_layout(struct picker *pk) {
  pk->w = COLS - 8 > 90 ? 90 : COLS - 4;
  pk->h = (int)pk->lines.n + 3;
  if (pk->h > LINES - 2) pk->h = LINES - 2;
  pk->y = (LINES - pk->h) / 2;
  pk->x = (COLS - pk->w) / 2;
  list_view_resize(&pk->lv, pk->h - 3); /* borders, footer */
}

int picker_key(struct picker *pk, struct ui_app *app, rp_key key, long *value) {
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  if (act == ACT_CHOOSE) {
    if (pk->lv.sel < 0) return PICK_CANCEL;
    *value = pk->values[pk->lv.sel];
    return PICK_CHOSEN;
  }
  if (act == ACT_BACK) return PICK_CANCEL;
  list_view_move(&pk->lv, act);
  return PICK_CONTINUE;
}

/* See widgets.h. */
void picker_mouse(struct picker *pk, int y, int x, int wheel) {
  (void)x;
  if (wheel) list_view_wheel(&pk->lv, wheel);
  else list_view_click(&pk->lv, y - pk->y - 1);
}

void picker_draw(struct picker *pk) {
  int w = pk->w, h = pk->h;
  if (w < 20 || h < 4) return;
  WINDOW *win = box_open(pk->y, pk->x, h, w, pk->title);
  if (!win) return;
  for (int i = 0; i < pk->lv.height && pk->lv.top + i < pk->lv.count; i++) {
    long li = pk->lv.top + i;
    const char *line = pk->lines.v[li];
    if (line[0] == '#') {
      ui_put(win, 1 + i, 2, w - 4, ROLE_HEADER, line + 1);
    } else {
      enum rp_role role = list_row_role(li == pk->lv.sel, true, ROLE_NORMAL);
      ui_fill(win, 1 + i, 1, w - 2, role);
      ui_put(win, 1 + i, 3, w - 5, role, line);
    }
  }
  if (pk->footer) ui_put(win, h - 2, 2, w - 4, ROLE_MUTED, pk->footer);
  wnoutrefresh(win);
  delwin(win);
}
