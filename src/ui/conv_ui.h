/* conv_ui.h — the conversations overlay the app opens over any screen:
 * the list of a contact's conversations (date, length, notes, wrap-up,
 * thank-you), one conversation read in full (objective, questions, notes,
 * wrap-up, gaps answered, thank-you), landed on one item when search
 * opened it, and the key that reopens it to correct it. */
#ifndef RAPPORT_UI_CONV_UI_H
#define RAPPORT_UI_CONV_UI_H

#include "rapport/lookback.h"
#include "widgets.h"

/* What a search result lands on in a conversation. */
enum conv_anchor { ANCHOR_NONE, ANCHOR_NOTE, ANCHOR_QUESTION, ANCHOR_OBJECTIVE, ANCHOR_WRAPUP,
                   ANCHOR_THANKS };

/* One piece of the conversation as read: a heading or a paragraph, wrapped
 * when drawn. */
struct conv_block {
  char *text;
  enum rp_role role;
  int indent;
  enum conv_anchor anchor; /* what it is, for landing on it */
  int64_t anchor_id;       /* the note, question or thank-you; 0 otherwise */
};

struct conv_ui {
  bool open;
  int64_t contact_id;
  char *name;                  /* the contact's */
  struct rp_lookback_list list;
  struct list_view lv;         /* the list: two rows a conversation */
  bool viewing;                /* one conversation is shown */
  bool only_one;               /* opened on one conversation: Esc closes */
  int64_t conv_id;             /* the one shown */
  struct conv_block *blocks;
  size_t nblocks;
  struct rp_strv lines;        /* the blocks wrapped to the box */
  long *line_block;            /* each line's block, -1 for a blank line */
  struct list_view text;       /* over lines: a text to read (browse) */
  enum conv_anchor anchor;     /* the item to land on and mark */
  int64_t anchor_id;
  int y, x, h, w;              /* the box, set by conv_ui_layout */
};

/* Open the list of contact_id's conversations, or (conv_id != 0) that
 * conversation at the item anchor/anchor_id (ANCHOR_NONE: its top). */
void conv_ui_open(struct conv_ui *v, struct ui_app *app, int64_t contact_id, int64_t conv_id,
                  enum conv_anchor anchor, int64_t anchor_id);
void conv_ui_free(struct conv_ui *v);
/* Place the box for the terminal's size and wrap the conversation shown
 * to it (on opening and on a resize). */
void conv_ui_layout(struct conv_ui *v);
/* A click (wheel 0) chooses the conversation at screen row y; the wheel
 * moves in the list or scrolls the conversation read. */
void conv_ui_mouse(struct conv_ui *v, int y, int x, int wheel);
/* A key while open; false when it is not the overlay's (the app then
 * closes it and handles the key as usual). */
bool conv_ui_key(struct conv_ui *v, struct ui_app *app, rp_key key);
void conv_ui_draw(struct conv_ui *v, struct ui_app *app);

#endif
