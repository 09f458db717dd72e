/* search_ui.h — the search overlay the app opens with `/`. */
#ifndef RAPPORT_UI_SEARCH_UI_H
#define RAPPORT_UI_SEARCH_UI_H

#include "rapport/search.h"
#include "widgets.h"

struct search_ui {
  bool open;
  struct line_edit q;
  struct rp_hit_list hits;
  long sel;
  int top;  /* first result row shown */
  int rows; /* result rows of the last draw */
};

void search_ui_open(struct search_ui *s);
void search_ui_free(struct search_ui *s);
void search_ui_key(struct search_ui *s, struct ui_app *app, rp_key key);
/* Draw over the screen; *cy,*cx receive the cursor (in the search box). */
void search_ui_draw(struct search_ui *s, int *cy, int *cx);

#endif
