/* widget_dialog.h — centred overlay boxes (dialogs, help). */
#ifndef RAPPORT_UI_WIDGET_DIALOG_H
#define RAPPORT_UI_WIDGET_DIALOG_H

#include "ui_internal.h"
#include "rapport/util.h"
#include "widgets.h"

/* A centred box of lines to read: a line "\tKEYS\tTEXT" is a key row,
 * "#TEXT" a heading. The box fits its text, up to 100 columns or the
 * terminal's width: longer text lines wrap (key rows are cut). Its lines
 * scroll on a browsing list_view (the movement keys, the wheel). */
struct overlay {
  struct rp_strv lines; /* wrapped to the box */
  int y, x, h, w;       /* the box */
  bool footer;          /* a footer row is kept */
  struct list_view lv;  /* over lines: browse */
};
/* Lay out `given` under `title` for the terminal's size, with room for a
 * footer as wide as `footer` (NULL: none); the scroll is kept where it
 * can be. Call on opening and on a resize. */
void overlay_layout(struct overlay *o, const char *title, const struct rp_strv *given,
                    const char *footer);
/* Paint the box laid out, with `title` and `footer` (NULL: none). */
void overlay_paint(const struct overlay *o, const char *title, const char *footer);
void overlay_free(struct overlay *o);
/* Lay out and paint at once: a dialog that does not scroll (confirm). */
void overlay_draw(const char *title, const struct rp_strv *lines, const char *footer);

#endif
