/* ui_internal.h — what the UI files share: the app, the pane interface,
 * drawing helpers. Nothing outside src/ui/ includes this. */
#ifndef RAPPORT_UI_INTERNAL_H
#define RAPPORT_UI_INTERNAL_H

#include <curses.h>
#include <stdint.h>

#include "rapport/actions.h"
#include "rapport/config.h"
#include "rapport/keymap.h"
#include "rapport/db.h"
#include "rapport/keys.h"
#include "rapport/theme.h"
#include "rapport/ui.h"

struct ui_app;
struct pane;

/* What a pane's key handler did (htop style: flags, not side effects). */
enum {
  PANE_IGNORED = 0,     /* not handled: the app tries global actions */
  PANE_HANDLED = 1 << 0,
};

/* A screen (tig's view): a struct of operations. The app offers a key to
 * the current screen first and handles what it declines generically. */
struct pane_ops {
  const char *title;
  enum rp_scope scope;
  /* (Re)create windows for the area y,x,h,w. */
  void (*layout)(struct pane *p, int y, int x, int h, int w);
  /* Draw into the pane's windows and wnoutrefresh them. */
  void (*draw)(struct pane *p);
  /* Handle a key; return PANE_HANDLED or PANE_IGNORED. */
  int (*key)(struct pane *p, rp_key key);
  /* Mouse: click at screen y,x (wheel 0) or wheel -1/+1. */
  void (*mouse)(struct pane *p, int y, int x, int wheel);
  /* The scope whose keys are live now (e.g. SCOPE_FORM while a form is open). */
  enum rp_scope (*active_scope)(struct pane *p);
  /* Called when the screen becomes current (reload data). */
  void (*enter)(struct pane *p);
  /* Where the terminal cursor should be, or false to hide it. */
  bool (*cursor)(struct pane *p, int *y, int *x);
  void (*destroy)(struct pane *p);
  /* Optional. True while the screen changes by itself (a running clock):
   * the app then redraws every half second. */
  bool (*ticking)(struct pane *p);
  /* Optional. A status-bar line that replaces the generated key hints
   * (e.g. while every key types into a notes line). */
  const char *(*status)(struct pane *p);
  /* Optional. Called once when the app ends (quit, SIGHUP, SIGTERM): save
   * what is being typed. */
  void (*flush)(struct pane *p);
  /* Optional. Work left after a paint (the rest of a long list, read once
   * the first screen is up); true when it did some (the app draws again). */
  bool (*idle)(struct pane *p);
};

struct pane {
  const struct pane_ops *ops;
  struct ui_app *app;
};

/* App services for panes. */
const struct rp_config *app_config(struct ui_app *app);
struct rp_db *app_db(struct ui_app *app);
/* Before a screen reads what the cadence sync makes (Today): run the sync
 * now when little is due (a few hundred contacts at most: what a key just
 * changed), else leave it to the idle work after the paint, a step at a
 * time with its progress in the status bar, and Today read again when it
 * is done (after an import, a restore, a merge or a change of cadences).
 * `first`: the first paint is waiting, and nothing is written before it
 * (a new day's few are worked out right after it). */
void app_cadence_due(struct ui_app *app, bool first);
/* Action bound to key in scope (falling back to global). */
enum rp_action app_action(struct ui_app *app, enum rp_scope scope, rp_key key);
/* Keys bound to an action, e.g. "e/Enter", into buf. */
const char *app_keys(struct ui_app *app, enum rp_scope scope, enum rp_action act, char *buf,
                     size_t size);
/* The first key bound to an action ("e"), for hints written in prose. */
const char *app_key(struct ui_app *app, enum rp_scope scope, enum rp_action act, char *buf,
                    size_t size);
/* app_sync.c: a sync with the config's folders (sync: on_start and
 * on_quit), its result in the status bar. False when it failed: then
 * *failure (when failure is not NULL) is the reason (caller frees). The
 * journal and the folders stay consistent either way. */
bool app_sync(struct ui_app *app, char **failure);
struct rp_fix;
/* What to do (a model's fix) in words with the live keys: "Press 3
 * (Worksheet), then a: add a superpower …"; on the fix's own screen
 * without the "Press 3" part (app_fix.c). Caller frees. */
char *app_fix_text(struct ui_app *app, const struct rp_fix *fix);
/* A one-line message in the status bar until the next key. */
void app_message(struct ui_app *app, enum rp_role role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Nothing typed is lost (recovery_ui.c): a form or editor that opens calls
 * app_typing_begin with a key naming it ("outreach:12"), a label for
 * people ("the outreach draft to Ana") and how to read (snapshot: a new
 * string) and put back (restore) its text. What it holds is kept in the
 * journal a few seconds after each change and as rapport stops; when a
 * copy from an earlier run is there, it is offered back ("r restores").
 * app_typing_end when it is saved or cancelled (the copy goes). */
typedef char *(*typing_snapshot_fn)(void *ctx);
typedef void (*typing_restore_fn)(void *ctx, const char *text);
/* A kept text as people read it (a form's: "Name: Priya"); a new string. */
typedef char *(*typing_describe_fn)(void *ctx, const char *text);
void app_typing_begin(struct ui_app *app, const char *key, const char *label,
                      typing_snapshot_fn snapshot, typing_restore_fn restore, void *ctx);
void app_typing_end(struct ui_app *app);
/* The same, only when the watch is on `ctx` (a form closing that may have
 * none). */
void app_typing_end_of(struct ui_app *app, const void *ctx);
/* The loop: keep the text when it changed a few seconds ago. */
void app_typing_tick(struct ui_app *app);
/* Whether the loop must wake to keep the text (a watch is on). */
bool app_typing_pending(void);
/* As rapport stops: keep the text now. */
void app_typing_flush(struct ui_app *app);

/* Ask a yes/no question in a dialog; `on_yes(ctx)` runs if the user says
 * yes (ACT_ANSWER_YES, y by default: the keymap's dialog scope). `body`
 * may hold several lines separated by '\n'; it names the answer with its
 * live key (app_answer_key). */
void app_confirm(struct ui_app *app, const char *title, const char *body,
                 void (*on_yes)(void *ctx), void *ctx);
/* Esc over a form or an editor: when `changed`, "Discard changes?"
 * ("<what> has changes that are not saved yet … any other key goes back
 * to <back>") and close(ctx) on yes; else close(ctx) at once. */
void app_discard_or_close(struct ui_app *app, bool changed, const char *what, const char *back,
                          void (*close)(void *ctx), void *ctx);
/* Show a dialog that takes the answers in `answers` (dialog-scope
 * actions, ended by ACT_NONE; at most ASK_MAX_ANSWERS). The next key
 * closes it: on_answer(ctx, answer) gets the answer the key is bound to,
 * or ACT_NONE for any other key. The help key (F1, ?) shows the answers
 * and leaves the question open. */
#define ASK_MAX_ANSWERS 4
void app_ask(struct ui_app *app, const char *title, const char *body,
             const enum rp_action *answers,
             void (*on_answer)(void *ctx, enum rp_action answer), void *ctx);
/* The first live key of a dialog answer ("y"), for the prompt that names
 * it; "(unbound)" when the config left it no key. Writes buf, returns it. */
const char *app_answer_key(struct ui_app *app, enum rp_action answer, char *buf, size_t size);
/* Hand the terminal to $VISUAL/$EDITOR to edit `text`; *out receives the
 * new text (caller frees). On failure shows the error and returns false. */
bool app_external_edit(struct ui_app *app, const char *text, char **out);
/* The contact the Prep and Call screens are about (0 = none chosen). */
void app_set_contact(struct ui_app *app, int64_t id);
int64_t app_contact(struct ui_app *app);
/* Show worksheet section `where` with entry `item_id` selected (the
 * current screen is not changed). */
void app_worksheet_select(struct ui_app *app, const char *where, int64_t item_id);
/* Copy text to the clipboard (OSC 52) and say so: "Copied the draft …". */
void app_copy(struct ui_app *app, const char *what, const char *text);
/* Go to Contacts with contact `id` selected. */
void app_show_contact(struct ui_app *app, int64_t id);
/* Switch screen (0..4). */
void app_switch(struct ui_app *app, enum rp_screen screen);
/* The current screen (0..4). */
enum rp_screen app_screen(struct ui_app *app);
/* Open the conversations of contact `contact_id` over the screen: the list,
 * or (conv_id != 0) that conversation at the item `anchor` (an enum
 * conv_anchor of conv_ui.h; 0 = its top) with id anchor_id. */
void app_conversations(struct ui_app *app, int64_t contact_id, int64_t conv_id, int anchor,
                       int64_t anchor_id);

/* The app runs on the real terminal (ui_run), not headless: it may write
 * to the terminal (OSC 52 copy, bracketed-paste mode around $EDITOR). */
void app_on_terminal(struct ui_app *app);
/* Ask the terminal to bracket pastes (ESC[?2004h, or its terminfo BE) or
 * to stop (BD); through curses' output, flushed at the next refresh or
 * endwin. */
void ui_paste_mode(bool on);

/* Theme: attribute for a role (colour pair + attributes). */
void ui_theme_setup(const struct rp_theme *theme);
attr_t ui_role(enum rp_role role);
/* Draw text at y,x in exactly `width` columns (sanitised, truncated with an
 * ellipsis, padded), in `role`. */
void ui_put(WINDOW *w, int y, int x, int width, enum rp_role role, const char *text);
/* Draw text without padding; returns columns used (at most width). */
int ui_put_part(WINDOW *w, int y, int x, int width, enum rp_role role, const char *text);
/* Fill a row with spaces in role. */
void ui_fill(WINDOW *w, int y, int x, int width, enum rp_role role);

/* Screens. */
struct pane *pane_contacts_new(struct ui_app *app);
struct pane *pane_worksheet_new(struct ui_app *app);
struct pane *pane_prep_new(struct ui_app *app);
struct pane *pane_call_new(struct ui_app *app);
/* Start (or resume) the current conversation with contact `contact_id` on
 * the Call screen `p`; false (with a message) when it cannot. */
bool pane_call_start(struct pane *p, int64_t contact_id);
/* ready_dialog.c: the body of a "not ready yet" dialog: "NAME is missing
 * N of the M readiness items:", one "✗ reason" line per unmet item (the
 * first 8; `skip_key`, when not NULL, left out), then `choice` (what y
 * does); NULL when nothing is missing. Caller frees. */
struct rp_readiness;
char *ui_ready_missing(const struct rp_readiness *r, const char *name, const char *skip_key,
                       const char *choice);
/* A call started by a key (c on Contacts, Today, Prep): when the contact
 * is not ready (and no call with them is going on or interrupted), ask
 * first, with what is missing; y starts it anyway (ui_app_call). */
void ui_app_call_asked(struct ui_app *app, int64_t contact_id);
/* The name of the contact whose call is running on the Call screen `p`
 * (borrowed, valid until the call screen reloads), NULL when none is. */
const char *pane_call_live(struct pane *p);
/* The same from anywhere: a call going on while another screen is shown. */
const char *app_call_live(struct ui_app *app);
/* Open the wrap-up of conversation `conv_id` (already ended). */
void pane_call_wrapup(struct pane *p, int64_t conv_id);
/* recovery_ui.c: a wrap-up is owed from the moment it opens until it is
 * saved or skipped; one left open when rapport stopped is offered again at
 * the next start (app_offer_wrapup). */
void app_wrapup_owed(struct ui_app *app, int64_t conv_id, const char *label);
void app_wrapup_done(struct ui_app *app, int64_t conv_id);
void app_offer_wrapup(struct ui_app *app);
/* Open the wrap-up of held conversation conv_id on the Call screen. */
void ui_app_wrapup(struct ui_app *app, int64_t conv_id);
/* Open the thank-you of conversation `conv_id` (held) with its saved
 * draft on the Call screen `p`; Esc there goes to screen `back`. False
 * (with a message) while a call, its wrap-up or an edited thank-you is
 * open there. */
bool pane_call_thanks(struct pane *p, int64_t conv_id, enum rp_screen back);
/* Go to the Call screen with the thank-you of conversation `conv_id`
 * (pane_call_thanks); Esc comes back to the current screen. */
void app_open_thanks(struct ui_app *app, int64_t conv_id);
struct pane *pane_today_new(struct ui_app *app);
/* Show worksheet section `where` ("want", "superpower", "gap", …) with
 * entry `item_id` selected. */
void pane_worksheet_select(struct pane *p, const char *where, int64_t item_id);
/* Select contact `id` on the Contacts screen (clearing a filter that hides
 * it). */
void pane_contacts_select(struct pane *p, int64_t id);

#endif
