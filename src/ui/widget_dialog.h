/* widget_dialog.h — centred overlay boxes (dialogs, help). */
#ifndef RAPPORT_UI_WIDGET_DIALOG_H
#define RAPPORT_UI_WIDGET_DIALOG_H

#include "ui_internal.h"
#include "rapport/util.h"

/* Draw a centred box with `title` and `lines` from `scroll`; a line
 * "\tKEYS\tTEXT" is a key row, "#TEXT" a heading. `footer` (may be NULL)
 * goes on the last row. The box fits its text, up to 100 columns or the
 * terminal's width: longer text lines wrap (key rows are cut). Returns the
 * rows available for lines. */
int overlay_draw(const char *title, const struct rp_strv *lines, int scroll, const char *footer);

#endif
