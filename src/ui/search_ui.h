/* search_ui.h — the search overlay the app opens with `/`. */
#ifndef RAPPORT_UI_SEARCH_UI_H
#define RAPPORT_UI_SEARCH_UI_H

#include "rapport/search.h"
#include "widgets.h"

/* One row of the results: a kind's heading, a hit's title or its snippet. */
struct search_row {
  long hit; /* index in hits; the heading: the first hit of its kind */
  enum list_row kind;
};

struct search_ui {
  bool open;
  struct line_edit q;
  struct rp_hit_list hits;
  struct search_row *rows; /* the results, laid out when they are read */
  struct list_view lv;     /* over rows */
  int y, x, h, w;          /* the box, set by search_ui_layout */
};

void search_ui_open(struct search_ui *s);
/* Place the box for the terminal's size (on opening and on a resize). */
void search_ui_layout(struct search_ui *s);
/* A click (wheel 0) or the wheel (-1 up, +1 down) at screen row y. */
void search_ui_mouse(struct search_ui *s, int y, int x, int wheel);
void search_ui_free(struct search_ui *s);
void search_ui_key(struct search_ui *s, struct ui_app *app, rp_key key);
/* Draw over the screen; *cy,*cx receive the cursor (in the search box). */
void search_ui_draw(struct search_ui *s, int *cy, int *cx);

#endif
