/* widget_dialog.c — centred boxes over the screen: the yes/no dialog and the
 * help overlay, both drawn from a title and lines of text. */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "widget_dialog.h"
#include "widgets.h"

#define KEY_COL 12 /* width of the keys column of a key row */
#define DIALOG_MAX_W 100 /* wider text wraps, however wide the terminal */

/* See widget_dialog.h. */
void overlay_layout(struct overlay *o, const char *title, const struct rp_strv *given,
                    const char *footer) {
  int H = LINES, W = COLS;
  /* text wider than the dialog may be (the terminal less its edges, at
   * most DIALOG_MAX_W, or the widest key row) wraps; key rows are cut */
  int keys_w = 0;
  for (size_t i = 0; i < given->n; i++) {
    const char *l = given->v[i];
    const char *tab = l[0] == '\t' ? strchr(l + 1, '\t') : NULL;
    if (tab && KEY_COL + 1 + utf8_width(tab + 1) > keys_w) keys_w = KEY_COL + 1 + utf8_width(tab + 1);
  }
  int text_max = (W - 2 < DIALOG_MAX_W ? W - 2 : DIALOG_MAX_W) - 4;
  if (text_max < keys_w) text_max = keys_w;
  strv_free(&o->lines);
  for (size_t i = 0; i < given->n; i++) {
    const char *l = given->v[i];
    if (l[0] == '\t' || utf8_width(l) <= text_max) {
      strv_push(&o->lines, l);
    } else if (l[0] == '#') { /* a heading stays one: each row of it a heading */
      struct rp_strv part = {0};
      wrap_text(l + 1, text_max, &part);
      for (size_t k = 0; k < part.n; k++) {
        char *h = xasprintf("#%s", part.v[k]);
        strv_push(&o->lines, h);
        free(h);
      }
      strv_free(&part);
    } else {
      wrap_text(l, text_max, &o->lines);
    }
  }
  int w = 0;
  for (size_t i = 0; i < o->lines.n; i++) {
    const char *l = o->lines.v[i];
    const char *tab = l[0] == '\t' ? strchr(l + 1, '\t') : NULL;
    int lw = tab ? KEY_COL + 1 + utf8_width(tab + 1) : utf8_width(l);
    if (lw > w) w = lw;
  }
  w += 4;
  int tw = utf8_width(title) + 6, fw = footer ? utf8_width(footer) + 4 : 0;
  if (w < tw) w = tw;
  if (w < fw) w = fw;
  if (w > W - 2) w = W - 2 > 10 ? W - 2 : W;
  int h = (int)o->lines.n + 2 + (footer ? 1 : 0);
  if (h > H - 2) h = H - 2 > 4 ? H - 2 : H;
  int body = h - 2 - (footer ? 1 : 0);
  if (body < 1) body = 1;
  o->w = w, o->h = h, o->y = (H - h) / 2, o->x = (W - w) / 2;
  o->footer = footer != NULL;
  o->lv.browse = true;
  o->lv.count = (long)o->lines.n;
  list_view_resize(&o->lv, body);
}

/* See widget_dialog.h. */
void overlay_free(struct overlay *o) {
  strv_free(&o->lines);
  memset(o, 0, sizeof *o);
}

/* See widget_dialog.h. */
void overlay_paint(const struct overlay *o, const char *title, const char *footer) {
  int w = o->w, h = o->h;
  WINDOW *win = box_open(o->y, o->x, h, w, title);
  if (!win) return;
  for (int i = 0; i < o->lv.height && o->lv.top + i < o->lv.count; i++) {
    const char *line = o->lines.v[o->lv.top + i];
    if (line[0] == '\t') { /* key row */
      const char *tab = strchr(line + 1, '\t');
      char *keys = xstrndup(line + 1, tab ? (size_t)(tab - line - 1) : strlen(line + 1));
      ui_put(win, 1 + i, 2, KEY_COL < w - 4 ? KEY_COL : w - 4, ROLE_KEY, keys);
      if (tab && w - 4 > KEY_COL + 1)
        ui_put(win, 1 + i, 3 + KEY_COL, w - 5 - KEY_COL, ROLE_NORMAL, tab + 1);
      free(keys);
    } else if (line[0] == '#') { /* heading */
      ui_put(win, 1 + i, 2, w - 4, ROLE_HEADER, line + 1);
    } else {
      ui_put(win, 1 + i, 2, w - 4, ROLE_NORMAL, line);
    }
  }
  if (footer && o->footer) ui_put(win, h - 2, 2, w - 4, ROLE_MUTED, footer);
  wnoutrefresh(win);
  delwin(win);
}

/* See widget_dialog.h. */
void overlay_draw(const char *title, const struct rp_strv *lines, const char *footer) {
  struct overlay o = {0};
  overlay_layout(&o, title, lines, footer);
  overlay_paint(&o, title, footer);
  overlay_free(&o);
}
