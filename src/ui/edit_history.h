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

struct edit_snap {
  char *text;
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
/* Whether a change made by `key` with the cursor at `cursor` would join
 * the change before it (edit_history_record then needs no `before`): the
 * editors copy the text only for a change that starts a new one, so a
 * run of typing costs its own length, not the text's length per key. */
bool edit_history_joins(const struct edit_history *h, rp_key key, size_t cursor);
/* A change made by `key`: the text was `before` (len bytes, cursor
 * `before_cursor`; before may be NULL when edit_history_joins said so)
 * and the cursor is now `cursor`. A character typed right after another
 * (not a space) joins the change before it. */
void edit_history_record(struct edit_history *h, rp_key key, const char *before, size_t len,
                         size_t before_cursor, size_t cursor);
/* Take the last change back into *text and *cursor; false when there is
 * none. */
bool edit_history_undo(struct edit_history *h, struct rp_buf *text, size_t *cursor);
/* Forget every change (the text was set anew); frees the snapshots. */
void edit_history_clear(struct edit_history *h);

#endif
