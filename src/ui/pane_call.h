/* pane_call.h — state shared by the Call screen's files: the live call
 * (pane_call.c), its end (call_end.c) and the wrap-up and thank-you that
 * follow it (call_wrapup.c). */
#ifndef RAPPORT_UI_PANE_CALL_H
#define RAPPORT_UI_PANE_CALL_H

#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/question.h"
#include "widgets.h"

enum call_mode {
  CALL_NONE,        /* no call: a hint */
  CALL_LIVE,        /* typing notes */
  CALL_SELECT,      /* Up: choosing an earlier line */
  CALL_EDIT_NOTE,   /* editing an earlier line in the input */
  CALL_WRAPUP,      /* the wrap-up form */
  CALL_THANKS,      /* the thank-you, read */
  CALL_THANKS_EDIT, /* the thank-you, edited in place */
};

struct call {
  struct pane base;
  WINDOW *win;
  int y, x, h, w;
  enum call_mode mode;
  int64_t conv_id;
  struct rp_contact ct;
  struct rp_conversation conv;
  struct rp_question_list qs;
  long qcur;            /* the current question, qs.n when all are asked */
  struct rp_note_list notes;
  long sel;             /* CALL_SELECT/EDIT_NOTE: the note chosen */
  int64_t wrap_said;    /* the call the planned-length notice was given for */
  struct line_edit input;
  /* wrap-up and thank-you */
  struct form form; /* the wrap-up, open while app_form_is(app, &form) */
  int64_t gap_ids[16];
  size_t n_gaps;
  int64_t followup_id;
  struct rp_followup fu;
  struct rp_thanks_source src; /* what the thank-you is checked against */
  enum rp_screen back;         /* the screen Esc leaves the thank-you for */
  struct text_edit te;
  /* the thank-you's specificity verdict, kept until its text changes (the
   * editor's version, or the saved draft) or another thank-you opens */
  struct {
    bool valid, editing, specific;
    unsigned long version;
    char *text; /* the saved draft it was made for, when not editing */
    char *line;
  } verdict;
};

/* pane_call.c */
void call_load(struct call *c); /* re-read conversation, questions, notes */
/* call_end.c */
/* Once per call, when its planned length is reached, say so in the status
 * line ("20 min: time to wrap up — who else should I talk to?"). */
void call_wrap_notice(struct call *c);
/* End the live call (held, the contact met, the thank-you owed); a call
 * under two minutes with no notes asks "Discard this call?" first (y:
 * nothing kept), any other goes on to the wrap-up. */
void call_end(struct call *c);
/* call_wrapup.c */
void call_wrapup_open(struct call *c);
void call_thanks_draw(struct call *c, int *cy, int *cx);
int call_thanks_key(struct call *c, rp_key key);
void call_thanks_free(struct call *c);

#endif
