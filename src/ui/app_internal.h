/* app_internal.h — the app's state, shared by app.c and the files that
 * draw its parts (app_help.c: the help overlay). Private to src/ui. */
#ifndef RAPPORT_APP_INTERNAL_H
#define RAPPORT_APP_INTERNAL_H

#include "conv_ui.h"
#include "search_ui.h"
#include "ui_internal.h"
#include "widget_dialog.h"

#define MIN_ROWS 12
#define MIN_COLS 40
#define NSCREENS SCREEN_COUNT

struct ui_app {
  struct rp_db *db;
  const struct rp_config *cfg;
  struct pane *screens[NSCREENS];
  enum rp_screen current;
  int64_t contact_id; /* the contact Prep (and later Call) is about */
  int64_t interrupted; /* a call found interrupted at launch, offered to resume */
  struct search_ui search; /* `/` */
  struct conv_ui convs;    /* a contact's conversations, over the screen */
  bool terminal;           /* a real terminal (ui_run), not a headless test */
  char *copied;            /* what was last copied (tests read it) */
  bool done;
  bool prefix; /* the screen prefix (C-g) was pressed: a screen key follows */
  WINDOW *tabs, *status;
  WINDOW *body;   /* the whole area between them, erased under a new screen */
  int painted;    /* what the body last showed (see body_state), -1 = nothing */
  int rows, cols;
  /* status-bar message, shown until the next key */
  char message[512];
  enum rp_role message_role;
  /* help overlay */
  bool help;
  struct rp_strv help_lines;
  struct overlay help_box; /* help_lines laid out (app_help_layout) */
  /* the form dialog (app_form.c): the screen's form, shown over screen
   * form_screen */
  struct form *form;
  const struct app_form_ops *form_ops;
  void *form_ctx;
  int form_screen;
  /* the question dialog (app_confirm, app_ask): its answers, read
   * through the keymap's dialog scope */
  bool confirm;
  char *confirm_title;
  struct rp_strv confirm_lines;
  enum rp_action confirm_answers[ASK_MAX_ANSWERS + 1]; /* ended by ACT_NONE */
  char confirm_footer[256]; /* status-bar hints: "y yes  ? help", the live keys */
  void (*confirm_yes)(void *ctx);
  void (*confirm_answer)(void *ctx, enum rp_action answer);
  void *confirm_ctx;
  /* the cadence sync run in steps by the idle work (app_cadence_due) */
  bool undo_ready; /* the undo triggers made (idle work after the first paint) */
  bool syncing;
  long sync_total, sync_done;
};

/* The screen shown, and the key scope it is in now. */
struct pane *app_current(struct ui_app *app);
enum rp_scope app_current_scope(struct ui_app *app);

/* app_help.c: the help overlay, generated from the live keymap. */
/* True where every character types (a form, a text, a running call's
 * notes line): there only keys that are not text command. */
bool app_scope_types(struct ui_app *app, enum rp_scope scope);
/* The keys of `act` that work in `scope` into buf; returns buf. */
const char *app_live_keys(struct ui_app *app, enum rp_scope scope, enum rp_action act,
                          char *buf, size_t size);
void app_help_open(struct ui_app *app);
/* Lay the open help out for the terminal's size (on opening, a resize). */
void app_help_layout(struct ui_app *app);
/* app_ask.c: a key while a question is shown: the help key lists its
 * answers and leaves it open; any other key closes it with the answer it
 * is bound to (ACT_NONE when none of the question's). */
void app_ask_key(struct ui_app *app, rp_key key);
/* Movement keys scroll the help; any other key closes it. */
void app_help_key(struct ui_app *app, rp_key key);
/* The wheel scrolls the help; a click closes it. */
void app_help_mouse(struct ui_app *app, int wheel);
void app_help_draw(struct ui_app *app);

#endif
