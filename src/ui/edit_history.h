/* edit_history.h — C-_ in the line and text editors: a stack of what the
 * text was before each change, a run of typing being one change. Knows
 * nothing of curses or the model. */
#ifndef RAPPORT_UI_EDIT_HISTORY_H
#define RAPPORT_UI_EDIT_HISTORY_H

#include <stddef.h>

#include "rapport/keys.h"
#include "rapport/util.h"

/* The key that undoes typing: C-_ (also what C-/ sends in most terminals). */
#define EDIT_UNDO_KEY RPK_CTRL('_')

/* How many changes an editor can take back. */
#define EDIT_HISTORY_MAX 100

/* One change, as what undoes it: at byte `pos` the change put `inserted`
 * bytes in place of removed[0, nremoved); the cursor was `cursor`. */
struct edit_snap {
  size_t pos;
  char *removed;
  size_t nremoved, inserted;
  size_t cursor;
};

struct edit_history {
  struct edit_snap *v; /* oldest first */
  size_t n, cap;
  int last_kind;       /* kind of the last change recorded (0 none) */
  size_t last_cursor;  /* the cursor after it */
};

/* Whether `key` may change the text (cursor moves never do). */
bool edit_history_may_change(rp_key key);
/* A change made by `key`: at byte pos, removed[0, nremoved) was replaced
 * by `inserted` bytes; the cursor was `before_cursor` and is now
 * `cursor`. Only the change is kept, never the whole text, so recording
 * costs the size of the change. A character typed right after another
 * (not a space) joins the change before it, and so does a deletion right
 * after another. */
void edit_history_record(struct edit_history *h, rp_key key, size_t pos, const char *removed,
                         size_t nremoved, size_t inserted, size_t before_cursor, size_t cursor);
/* Take the last change off the stack into *out (the editor deletes
 * out->inserted bytes at out->pos, puts out->removed back there and the
 * cursor at out->cursor; it frees out->removed); false when there is
 * none. */
bool edit_history_pop(struct edit_history *h, struct edit_snap *out);
/* Forget every change (the text was set anew); frees what they kept. */
void edit_history_clear(struct edit_history *h);

#endif
