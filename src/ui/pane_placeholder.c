/* pane_placeholder.c — a screen later work fills: says what will be there. */
#include <stdlib.h>

#include "widgets.h"

struct placeholder {
  struct pane base;
  struct pane_ops ops;
  WINDOW *win;
  char *what;
};

static void layout(struct pane *p, int y, int x, int h, int w) {
  struct placeholder *ph = (struct placeholder *)p;
  if (ph->win) delwin(ph->win);
  ph->win = newwin(h, w, y, x);
}

static void draw(struct pane *p) {
  struct placeholder *ph = (struct placeholder *)p;
  WINDOW *w = ph->win;
  int width = getmaxx(w), height = getmaxy(w);
  werase(w);
  char *title = xasprintf(" %s", p->ops->title);
  ui_put(w, 0, 0, width, ROLE_HEADER, title);
  free(title);
  struct rp_strv lines = {0};
  wrap_text(ph->what, width - 4, &lines);
  strv_push(&lines, "");
  char keys[32];
  app_keys(p->app, SCOPE_GLOBAL, ACT_SCREEN_CONTACTS, keys, sizeof keys);
  char *hint = xasprintf("Not built yet. Press %s for Contacts.", keys);
  strv_push(&lines, hint);
  free(hint);
  for (size_t i = 0; i < lines.n && 2 + (int)i < height; i++)
    ui_put(w, 2 + (int)i, 2, width - 4, i + 1 == lines.n ? ROLE_MUTED : ROLE_NORMAL, lines.v[i]);
  strv_free(&lines);
  wnoutrefresh(w);
}

static int key(struct pane *p, rp_key k) { return PANE_IGNORED; }

static void destroy(struct pane *p) {
  struct placeholder *ph = (struct placeholder *)p;
  if (ph->win) delwin(ph->win);
  free(ph->what);
  free(ph);
}

struct pane *pane_placeholder_new(struct ui_app *app, const char *title, enum rp_scope scope,
                                  const char *what) {
  struct placeholder *ph = xcalloc(1, sizeof *ph);
  ph->ops = (struct pane_ops){.title = title, .scope = scope, .layout = layout, .draw = draw,
                              .key = key, .destroy = destroy};
  ph->base.ops = &ph->ops;
  ph->base.app = app;
  ph->what = xstrdup(what);
  return &ph->base;
}
