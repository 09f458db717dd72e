/* pane_worksheet.h — state shared by the Worksheet screen's files. */
#ifndef RAPPORT_UI_PANE_WORKSHEET_H
#define RAPPORT_UI_PANE_WORKSHEET_H

#include "rapport/worksheet.h"
#include "widgets.h"

/* The sections, in screen order. */
enum ws_sec {
  SEC_WANT,
  SEC_MOVE,
  SEC_SUPERPOWERS,
  SEC_PROBLEMS,
  SEC_SKILLS,
  SEC_PITCH,
  SEC_GAPS,
  SEC_OPTIONS,
  SEC_COUNT
};

enum { WFOCUS_SECTIONS, WFOCUS_BODY };

struct worksheet {
  struct pane base;
  WINDOW *head_win, *sec_win, *sep_win, *body_win;
  int y, x, h, w;
  bool narrow;
  int focus;
  int section;              /* enum ws_sec */
  struct list_view lv;      /* selection in the body: items, or move kinds */
  int list_row;             /* the body row the list starts on (worksheet_body_layout) */
  struct rp_ws_list items;  /* items of the current list section */
  int counts[SEC_COUNT];    /* entries per list section */
  int needs_evidence;       /* superpowers that need evidence */
  struct rp_ws_completeness comp;
  char *want, *pitch, *move;
  bool grid;                /* skills shown as a grid */
  /* editing a text section (what I want, pitch) in place */
  bool editing;
  struct text_edit te;
  /* the pitch's word count and time, kept until its text changes (the
   * editor's version, or the saved pitch) */
  struct {
    bool valid, editing;
    unsigned long version;
    char *text; /* the saved pitch it was counted for, when not editing */
    int wpm, limit;
    struct rp_pitch_timing t;
  } timing;
  /* adding or editing an entry */
  struct form form; /* open while app_form_is(app, &form) (app_form.h) */
  int64_t form_id;
  enum rp_ws_section form_section;
  struct rp_ws_item form_orig; /* the entry as the edit form read it */
  enum rp_action form_answer; /* the answer given (ACT_ANSWER_YES: yours, _THEIRS), or
                               * ACT_ANSWER_DISCARD while asking about a deleted entry;
                               * ACT_NONE: not asked */
  int64_t delete_id;
};

/* Which list section a screen section shows, or -1 for text/move. */
int ws_sec_list(int sec);
/* Re-read everything shown from the journal. */
void worksheet_reload(struct worksheet *w);
/* worksheet_view.c: lay out the body of the current section (where its
 * list starts and how many rows it shows: on a layout, a reload, a new
 * section), and draw it. */
void worksheet_body_layout(struct worksheet *w);
void worksheet_body_draw(struct worksheet *w, int *cy, int *cx);
/* worksheet_form.c */
void worksheet_form_open(struct worksheet *w, bool edit);
/* Free what the form keeps besides its fields (the entry as read). */
void worksheet_form_free(struct worksheet *w);

#endif
