/* app_form.h — the form dialog, owned by the app as confirm, help and
 * search are: a screen fills a form and hands it over with what saving and
 * closing do; the app then draws it over the screen, gives it the keys,
 * the clicks and the paste, puts its keys in the status bar and asks
 * "Discard changes?" on Esc. Private to src/ui. */
#ifndef RAPPORT_APP_FORM_H
#define RAPPORT_APP_FORM_H

#include "widgets.h"

/* What one kind of form does; a static const struct per form. */
struct app_form_ops {
  const char *what; /* "This contact": named by "Discard changes?" */
  /* The save key: store what the form holds, then app_form_close (or
   * form_error, and the form stays open). */
  void (*save)(void *ctx);
  /* Optional: after the form closed without saving (Esc, or changes
   * discarded); the form is already freed. */
  void (*closed)(void *ctx);
  /* Optional, for a form that shows something of its own over itself (the
   * import's dry-run report): a key (or the wheel, as Up/Down) before the
   * form sees it, true when taken; drawing after the form; and the status
   * line while it is shown (non-NULL also hides the form's cursor). */
  bool (*key)(void *ctx, rp_key key);
  void (*draw)(void *ctx);
  const char *(*status)(void *ctx);
  /* Esc closes at once, changed or not (the wrap-up: skipping it loses
   * nothing the call saved). */
  bool esc_closes;
};

/* Show form `f` (filled by the caller, who keeps its storage; the app
 * frees its fields on close) over screen `owner`, with `ops` and `ctx` for
 * its callbacks. The form stays with that screen: it is drawn and takes
 * keys while that screen is shown. */
void app_form_open(struct pane *owner, struct form *f, const struct app_form_ops *ops, void *ctx);
/* True while `f` is the open form. */
bool app_form_is(struct ui_app *app, const struct form *f);
/* Close the open form: its recovery copy goes (app_typing_end, when
 * app_typing_form watches it) and its fields are freed (form_free). No
 * callback runs. */
void app_form_close(struct ui_app *app);

/* For app.c: the open form when it is on the current screen, else NULL. */
struct form *app_form_shown(struct ui_app *app);
/* A key (RPK_PASTE too) for the form shown; false when none is. */
bool app_form_key(struct ui_app *app, rp_key key);
/* Draw the form shown over the body (y,x,h,w); its cursor into *cy,*cx
 * (false: none). */
bool app_form_draw(struct ui_app *app, int y, int x, int h, int w, int *cy, int *cx);
/* A click or the wheel on the form shown; false when none is. */
bool app_form_mouse(struct ui_app *app, int y, int x, int wheel);
/* The status line of the form shown (a list row's keys, a choice's ←/→),
 * or NULL for the generated hints. */
const char *app_form_status(struct ui_app *app);

#endif
