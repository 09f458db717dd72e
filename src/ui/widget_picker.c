/* widget_picker.c — a centred list to choose one entry from (the question
 * bank, the open information gaps). Lines starting with '#' are headings
 * and cannot be chosen; Up/Down skip them. */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "widgets.h"

void picker_open(struct picker *pk, const char *title, const char *footer) {
  picker_close(pk);
  pk->title = xstrdup(title);
  pk->footer = xstrdup(footer);
  pk->open = true;
}

void picker_add(struct picker *pk, const char *line, long value) {
  strv_push(&pk->lines, line);
  pk->values = xrealloc(pk->values, pk->lines.n * sizeof *pk->values);
  pk->values[pk->lines.n - 1] = value;
}

void picker_close(struct picker *pk) {
  strv_free(&pk->lines);
  free(pk->values);
  free(pk->title);
  free(pk->footer);
  memset(pk, 0, sizeof *pk);
}

static bool choosable(const struct picker *pk, long i) {
  return i >= 0 && i < (long)pk->lines.n && pk->lines.v[i][0] != '#';
}

/* Move to the next choosable line in direction dir (±1) from `from`. */
static void step(struct picker *pk, long from, int dir) {
  for (long i = from; i >= 0 && i < (long)pk->lines.n; i += dir)
    if (choosable(pk, i)) {
      pk->sel = i;
      return;
    }
}

int picker_key(struct picker *pk, struct ui_app *app, rp_key key, long *value) {
  if (!choosable(pk, pk->sel)) step(pk, 0, 1);
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  if (act == ACT_CHOOSE) {
    if (!choosable(pk, pk->sel)) return PICK_CANCEL;
    *value = pk->values[pk->sel];
    return PICK_CHOSEN;
  }
  if (act == ACT_BACK) return PICK_CANCEL;
  switch (act) {
  case ACT_UP: step(pk, pk->sel - 1, -1); break;
  case ACT_DOWN: step(pk, pk->sel + 1, 1); break;
  case ACT_PAGE_UP: step(pk, pk->sel - pk->rows > 0 ? pk->sel - pk->rows : 0, 1); break;
  case ACT_PAGE_DOWN:
    step(pk, pk->sel + pk->rows < (long)pk->lines.n ? pk->sel + pk->rows : (long)pk->lines.n - 1,
         -1);
    break;
  case ACT_FIRST: step(pk, 0, 1); break;
  case ACT_LAST: step(pk, (long)pk->lines.n - 1, -1); break;
  default: break;
  }
  return PICK_CONTINUE;
}

void picker_draw(struct picker *pk) {
  int H = LINES, W = COLS;
  int w = W - 8 > 90 ? 90 : W - 4;
  int h = (int)pk->lines.n + 3;
  if (h > H - 2) h = H - 2;
  if (w < 20 || h < 4) return;
  if (!choosable(pk, pk->sel)) step(pk, 0, 1);
  pk->rows = h - 3;
  if (pk->sel < pk->top) pk->top = pk->sel;
  if (pk->sel >= pk->top + pk->rows) pk->top = pk->sel - pk->rows + 1;
  WINDOW *win = newwin(h, w, (H - h) / 2, (W - w) / 2);
  if (!win) return;
  for (int r = 0; r < h; r++) ui_fill(win, r, 0, w, ROLE_NORMAL);
  wattrset(win, ui_role(ROLE_BORDER));
  box(win, 0, 0);
  char *t = xasprintf(" %s ", pk->title);
  ui_put_part(win, 0, 2, w - 4, ROLE_TITLE, t);
  free(t);
  for (int i = 0; i < pk->rows && pk->top + i < (long)pk->lines.n; i++) {
    long li = pk->top + i;
    const char *line = pk->lines.v[li];
    if (line[0] == '#') {
      ui_put(win, 1 + i, 2, w - 4, ROLE_HEADER, line + 1);
    } else {
      enum rp_role role = list_row_role(li == pk->sel, true, ROLE_NORMAL);
      ui_fill(win, 1 + i, 1, w - 2, role);
      ui_put(win, 1 + i, 3, w - 5, role, line);
    }
  }
  if (pk->footer) ui_put(win, h - 2, 2, w - 4, ROLE_MUTED, pk->footer);
  wnoutrefresh(win);
  delwin(win);
}
