/* widget_form_list.h — the list field of a form (widget_form_list.c), as
 * widget_form.c drives it: rows of values with a type and a preferred one.
 * Only the form widget includes this; everyone else uses widgets.h. */
#ifndef RAPPORT_UI_WIDGET_FORM_LIST_H
#define RAPPORT_UI_WIDGET_FORM_LIST_H

#include "widgets.h"

/* The rows as one string, for "changed?" (caller frees). */
char *form_list_snapshot(const struct form_field *fld);
/* Free the rows and types. */
void form_list_free(struct form_field *fld);
/* Drop empty rows but the last (and, with keep_focused, the focused one),
 * and keep one empty row at the end. */
void form_list_tidy(struct form_field *fld, bool keep_focused);
/* Move the focus one row (delta +1/-1) inside the list: false when it
 * would leave the field (the form moves to the next or previous field). */
bool form_list_move(struct form_field *fld, int delta);
/* The focus comes into the field: from above (delta > 0) on the first row,
 * from below on the last. */
void form_list_enter(struct form_field *fld, int delta);
/* A key on the focused row: the row actions, else editing. Returns true
 * when the key was used (f->error is cleared when the text changed). */
bool form_list_key(struct form *f, struct form_field *fld, enum rp_action act, rp_key key);
/* Draw the rows of fld from its row `first` on, at most `shown` of them,
 * from screen row `row`: the label of each in label_w columns at label_x,
 * its value at val_x in val_w columns with its type and star at the right.
 * With `focused`, *cy and *cx receive the cursor when the focused row is
 * drawn. */
void form_list_draw(struct form_field *fld, WINDOW *win, int row, size_t first, int shown,
                    int label_x, int label_w, int val_x, int val_w, bool focused, int *cy,
                    int *cx);

/* widget_form.c, for the drawing (widget_form_draw.c): move the focus by
 * delta fields (a list field's rows first; a field left shows its start);
 * 0 settles the focused field (a contact field takes its suggestion). */
void form_focus_move(struct form *f, int delta);
/* Focus field i (a click), settling and leaving the focused one. */
void form_focus_to(struct form *f, size_t i);
/* The text of a `when` field in the model's form into out ("" when
 * empty); RP_INVALID with err when it is not a date or length. */
enum rp_status form_field_when(const struct form_field *fld, char *out, size_t size,
                               struct rp_err *err);

#endif
