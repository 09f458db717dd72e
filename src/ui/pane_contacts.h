/* pane_contacts.h — state shared by the Contacts screen's files. */
#ifndef RAPPORT_UI_PANE_CONTACTS_H
#define RAPPORT_UI_PANE_CONTACTS_H

#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/give.h"
#include "rapport/path.h"
#include "rapport/readiness.h"
#include "widget_dialog.h"
#include "widgets.h"

enum { FOCUS_LIST, FOCUS_DETAIL };
struct detail; /* the detail's wrapped lines (contacts_detail.c) */

struct contacts {
  struct pane base;
  WINDOW *list_win, *detail_win, *sep_win;
  int y, x, h, w;
  int list_w;           /* columns of the list window */
  bool narrow;          /* one pane at a time */
  int focus;            /* FOCUS_LIST or FOCUS_DETAIL */
  /* the list */
  struct rp_contact_query q;
  struct line_edit filter;
  bool filtering;       /* the filter line has the keyboard */
  struct list_view lv;
  struct rp_contact_list page; /* rows page_top … page_top + page.n - 1 */
  long page_top;
  enum rp_contact_sort page_sort; /* the order page was read in */
  bool stale;           /* count and page must be re-read */
  bool count_partial;   /* lv.count is CONTACTS_COUNT_FIRST, a lower bound: the
                         * filter passes more (counted when idle, or before a move) */
  struct rp_contact mark; /* set by a reload: the selected row, at mark_pos, */
  long mark_pos;          /* which the next page is read around (id 0 = none) */
  long total;           /* contacts in the journal, ignoring the filter */
  int64_t sel_id;       /* id of the selected contact, 0 when none */
  /* the detail pane */
  struct rp_contact detail;
  int64_t detail_id;
  bool detail_stale;    /* re-read the contact even if still selected */
  struct detail *detail_text; /* the detail wrapped to the pane, built by contacts_detail_sync */
  struct list_view detail_lv; /* browse mode, over lines */
  /* read with the detail: readiness, the chain of introductions, whom they
   * introduced, the give ledger and balance */
  struct rp_readiness ready;
  struct rp_next_step next; /* once met: what comes next (kind NULL: readiness applies) */
  char today[11];           /* the day the detail was read, for "late" */
  struct rp_path path;
  bool has_path;
  struct rp_strv introduced;
  struct rp_give_list gives;
  long n_gives, n_asks;
  struct rp_followup_list followups; /* open ones */
  struct rp_conversation_list convs;
  struct rp_note_list *conv_notes;   /* notes of each of convs */
  char last_day[11];                 /* last interaction */
  const char *last_what;
  /* add/edit */
  struct form form;      /* open while app_form_is(app, &form) (app_form.h) */
  int64_t form_id;      /* 0 = adding */
  int64_t delete_id;    /* waiting for confirmation */
  bool asked_confirmed; /* the user said yes to "not ready to ask yet" */
  /* the edit form's save over what changed meanwhile (contacts_form.c) */
  struct rp_contact form_orig;  /* the contact as the form read it */
  struct rp_strv merge_decided; /* conflicts answered (contact_merge keys) */
  struct rp_strv merge_keep;    /* of those, the ones where the form's side stays */
  char *merge_asking;           /* the conflict being asked about */
  int merge_tries;              /* saves that found it changed again */
  /* the import form's dry-run report (contacts_import.c) */
  bool import_report;           /* shown over the form, asking to import */
  char import_status[128];      /* its status line, with the live keys */
  char *report_title;
  struct rp_strv report;        /* its lines ("#…" headings) */
  struct overlay report_box;    /* report laid out (contacts_import_layout) */
};

/* contacts_detail.c */
/* Read the selected contact when it changed (or is stale) and wrap its
 * lines to the pane, setting the scroll limit; called on layout, reload and
 * every key or click, never by the draw. */
void contacts_detail_sync(struct contacts *c);
/* Paint the detail pane as the last sync left it. */
void contacts_detail_draw(struct contacts *c);
void contacts_detail_free(struct contacts *c);
/* contacts_followup.c */
void contacts_followup_open(struct contacts *c);
/* contacts_import.c */
void contacts_import_open(struct contacts *c);
/* The import's dry-run report, when shown, laid out for the terminal's
 * size (on a resize). */
void contacts_import_layout(struct contacts *c);
void contacts_copy_dossier(struct contacts *c);
/* contacts_give.c */
void contacts_give_open(struct contacts *c);
/* contacts_form.c */
void contacts_form_open(struct contacts *c, bool edit);
/* Free what the form keeps besides its fields (the contact as read). */
void contacts_form_free(struct contacts *c);
/* pane_contacts.c */
void contacts_reload(struct contacts *c, int64_t select_id);

#endif
