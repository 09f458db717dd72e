/* app_form.c — the form dialog the app owns (see app_form.h). */
#include "app_form.h"

#include "app_internal.h"

/* See app_form.h. */
void app_form_open(struct pane *owner, struct form *f, const struct app_form_ops *ops,
                   void *ctx) {
  struct ui_app *app = owner->app;
  app->form = f;
  app->form_ops = ops;
  app->form_ctx = ctx;
  app->form_screen = app->current;
  for (int i = 0; i < NSCREENS; i++)
    if (app->screens[i] == owner) app->form_screen = i;
}

/* See app_form.h. */
bool app_form_is(struct ui_app *app, const struct form *f) { return f && app->form == f; }

/* See app_form.h. */
void app_form_close(struct ui_app *app) {
  if (!app->form) return;
  app_typing_end_of(app, app->form);
  form_free(app->form);
  app->form = NULL;
  app->form_ops = NULL;
  app->form_ctx = NULL;
}

/* See app_form.h. */
struct form *app_form_shown(struct ui_app *app) {
  return app->form && app->form_screen == app->current ? app->form : NULL;
}

static void on_save(void *ctx) {
  struct ui_app *app = ctx;
  app->form_ops->save(app->form_ctx);
}

/* Esc with nothing changed, or "Discard changes?" answered y. */
static void on_close(void *ctx) {
  struct ui_app *app = ctx;
  void (*closed)(void *) = app->form_ops->closed;
  void *owner = app->form_ctx;
  app_form_close(app);
  if (closed) closed(owner);
}

/* See app_form.h. */
bool app_form_key(struct ui_app *app, rp_key key) {
  struct form *f = app_form_shown(app);
  if (!f) return false;
  if (app->form_ops->key && app->form_ops->key(app->form_ctx, key)) return true;
  if (app->form_ops->esc_closes) {
    enum form_result r = form_key(f, app, key);
    if (r == FORM_SAVE) on_save(app);
    else if (r == FORM_CANCEL) on_close(app);
    return true;
  }
  form_modal_key(f, app, key, app->form_ops->what, on_save, on_close, app);
  return true;
}

/* See app_form.h. */
bool app_form_draw(struct ui_app *app, int y, int x, int h, int w, int *cy, int *cx) {
  struct form *f = app_form_shown(app);
  if (!f) return false;
  form_draw(f, y, x, h, w);
  if (app->form_ops->draw) app->form_ops->draw(app->form_ctx);
  if (f->cur_y < 0 || (app->form_ops->status && app->form_ops->status(app->form_ctx)))
    return false;
  *cy = f->cur_y;
  *cx = f->cur_x;
  return true;
}

/* See app_form.h. */
bool app_form_mouse(struct ui_app *app, int y, int x, int wheel) {
  struct form *f = app_form_shown(app);
  if (!f) return false;
  if (wheel && app->form_ops->key) app->form_ops->key(app->form_ctx, wheel < 0 ? RPK_UP : RPK_DOWN);
  else if (!wheel && !(app->form_ops->status && app->form_ops->status(app->form_ctx)))
    form_click(f, y, x);
  return true;
}

/* See app_form.h. */
const char *app_form_status(struct ui_app *app) {
  struct form *f = app_form_shown(app);
  if (!f) return NULL;
  const char *own = app->form_ops->status ? app->form_ops->status(app->form_ctx) : NULL;
  return own ? own : form_status(f, app);
}
