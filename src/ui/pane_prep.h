/* pane_prep.h — state shared by the Prep screen's files: the checklist and
 * the outreach draft (pane_prep.c), the objective and the questions of the
 * next conversation (prep_questions.c). */
#ifndef RAPPORT_UI_PANE_PREP_H
#define RAPPORT_UI_PANE_PREP_H

#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/give.h"
#include "rapport/question.h"
#include "rapport/readiness.h"
#include "widgets.h"

enum { PF_QUESTIONS, PF_LIST, PF_DRAFT, PF_COUNT };

/* One screen row of a list whose entries wrap over several rows. */
struct prep_row {
  char *text;
  enum rp_role role;
  int item;   /* index of its entry */
  bool first; /* the entry's first row (the one that is highlighted) */
  int indent;
};

/* The rows of such a list, on the list widget: an entry's first row is
 * chosen, its other rows are parts of it. */
struct prep_rows {
  struct prep_row *v;
  size_t n;
  int width; /* wrapped for; 0 = must be rebuilt */
  struct list_view lv; /* over v (prep_rows_show) */
};

struct prep {
  struct pane base;
  WINDOW *head_win, *q_win, *list_win, *know_win, *draft_win, *sep_win;
  int y, x, h, w, list_w;
  bool narrow;
  int focus;
  int64_t id; /* the contact shown, 0 = none */
  struct rp_contact ct;
  struct rp_readiness ready;
  long n_gives, n_asks;
  char *last_give; /* "2026-11-20 read their work: …", NULL when none */
  bool stale;
  long sel;       /* selected checklist item */
  struct prep_rows rows;
  /* the draft window's rows as prep_draft_sync left them: the saved
   * draft's wrapped lines (dlines of them, then a blank row) and the ask
   * check; a text to read (dview.lv in browse mode) when they do not fit
   * (dsplit false), else the draft above and the check below */
  struct prep_rows dview;
  size_t dlines;
  int dwords, dbody;
  bool dsplit;
  char *dview_text;           /* the saved draft they were made from */
  bool dview_editing;         /* made while editing, */
  unsigned long dview_check;  /* from the check of this te.version */
  int dview_h;                /* for a window this high */
  bool editing;
  struct text_edit te;
  /* the ask check and word count of the draft being edited, as of
   * te.version check_version (a long draft is checked when keys stop,
   * see prep_draft_idle) */
  struct rp_findings check;
  int check_words;
  unsigned long check_version;
  bool check_valid;
  int cur_y, cur_x;
  /* the next conversation: objective and questions */
  struct rp_conversation conv; /* id 0 = none planned yet */
  struct rp_question_list qs;
  long qsel;
  struct prep_rows qrows;
  struct form form; /* open while app_form_is(app, &form) (app_form.h) */
  int form_kind;  /* PREP_FORM_… */
  int64_t form_qid;
  struct picker pick;
  int pick_kind;  /* PREP_PICK_… */
  int64_t delete_qid;
};

enum { PREP_FORM_QUESTION, PREP_FORM_OBJECTIVE };
enum { PREP_PICK_BANK, PREP_PICK_GAP };

/* pane_prep.c */
void prep_rows_free(struct prep_rows *r);
void prep_rows_push(struct prep_rows *r, const char *text, enum rp_role role, int item,
                    bool first, int indent, int width);
/* Show the rows built in `height` rows with entry `entry` selected (and
 * in view with its other rows when they fit). */
void prep_rows_show(struct prep_rows *r, long entry, int height);
/* The entry of the selected row (0 when none). */
long prep_rows_entry(const struct prep_rows *r);
void prep_refresh(struct prep *pr); /* re-read everything */
/* prep_questions.c */
void prep_questions_load(struct prep *pr);
void prep_questions_free(struct prep *pr);
void prep_objective_draw(struct prep *pr, WINDOW *w, int row, int width);
void prep_questions_draw(struct prep *pr);
/* Wrap the questions to their window and show them (on a layout, a load). */
void prep_questions_layout(struct prep *pr);
/* Keys while the questions have the focus (or any Prep key that concerns
 * them: objective, bank, gaps); PANE_IGNORED when not theirs. */
int prep_questions_key(struct prep *pr, enum rp_action act, rp_key k);
/* Keys while the question picker is open. */
void prep_questions_modal_key(struct prep *pr, rp_key k);
void prep_questions_modal_draw(struct prep *pr);
void prep_questions_mouse(struct prep *pr, int row);

/* prep_draft.c: the outreach draft. Start editing it (the saved draft,
 * else one from the template); a key while editing; write `now` in
 * $EDITOR and save what comes back; the text editing starts from (caller
 * frees). */
void prep_draft_edit(struct prep *pr);
void prep_draft_key(struct prep *pr, rp_key key);
void prep_draft_external(struct prep *pr, const char *now);
char *prep_draft_start_text(struct prep *pr);
/* Make the draft window's rows when the draft, its check or the window
 * changed (on layout, reload, keys and idle work; never in the draw). */
void prep_draft_sync(struct prep *pr);
/* Draw the draft window: the draft (or its editor) and the ask check. */
void prep_draft_draw(struct prep *pr);
/* The pane's idle work: the ask check of a long draft being edited, when
 * no key waits; true when it ran (draw again). */
bool prep_draft_idle(struct prep *pr);
/* Forget the draft's ask check (the pane is going). */
void prep_draft_free(struct prep *pr);

#endif
