/* app_ask.c — the question dialog the app owns (app_confirm, app_ask):
 * its text, its answers read through the keymap's dialog scope (yes,
 * theirs, as-new, … in rapport/actions.def), the status-bar hints naming
 * their live keys, and the key that answers it. The dialog is drawn by
 * ui_app_draw; F1/? over it list the answers (app_help.c). */
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "widgets.h"

const char *app_answer_key(struct ui_app *app, enum rp_action answer, char *buf, size_t size) {
  app_key(app, SCOPE_DIALOG, answer, buf, size);
  if (!buf[0]) str_copy(buf, size, "(unbound)");
  return buf;
}

/* The dialog's status-bar hints: each answer with its live key, then the
 * help key ("y yes  ? help"). */
static void confirm_footer(struct ui_app *app) {
  struct rp_buf b = {0};
  char key[32];
  for (const enum rp_action *a = app->confirm_answers; *a != ACT_NONE; a++)
    buf_addf(&b, "%s%s %s", b.len ? "  " : "", app_answer_key(app, *a, key, sizeof key),
             rp_actions[*a].hint);
  app_key(app, SCOPE_DIALOG, ACT_HELP, key, sizeof key);
  if (key[0]) buf_addf(&b, "  %s help", key);
  str_copy(app->confirm_footer, sizeof app->confirm_footer, buf_str(&b));
  buf_free(&b);
}

/* app_ask with the answer of app_confirm: yes runs confirm_yes. */
static void confirm_yes_answer(void *ctx, enum rp_action answer) {
  struct ui_app *app = ctx;
  void (*on_yes)(void *) = app->confirm_yes;
  void *yes_ctx = app->confirm_ctx;
  if (answer == ACT_ANSWER_YES && on_yes) on_yes(yes_ctx);
}

void app_ask(struct ui_app *app, const char *title, const char *body,
             const enum rp_action *answers,
             void (*on_answer)(void *ctx, enum rp_action answer), void *ctx) {
  app->confirm = true;
  str_replace(&app->confirm_title, title);
  strv_clear(&app->confirm_lines);
  const char *p = body;
  for (;;) {
    const char *nl = strchr(p, '\n');
    char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
    strv_push(&app->confirm_lines, line);
    free(line);
    if (!nl) break;
    p = nl + 1;
  }
  size_t n = 0;
  for (; answers && answers[n] != ACT_NONE && n < ASK_MAX_ANSWERS; n++)
    app->confirm_answers[n] = answers[n];
  app->confirm_answers[n] = ACT_NONE;
  app->confirm_answer = on_answer;
  app->confirm_yes = NULL;
  app->confirm_ctx = ctx;
  confirm_footer(app);
}

void app_confirm(struct ui_app *app, const char *title, const char *body,
                 void (*on_yes)(void *ctx), void *ctx) {
  static const enum rp_action yes[] = {ACT_ANSWER_YES, ACT_NONE};
  app_ask(app, title, body, yes, NULL, ctx);
  app->confirm_yes = on_yes;
}

/* See ui_internal.h. */
void app_discard_or_close(struct ui_app *app, bool changed, const char *what, const char *back,
                          void (*close)(void *ctx), void *ctx) {
  if (!changed) {
    close(ctx);
    return;
  }
  char yes[32];
  char *body = xasprintf("%s has changes that are not saved yet.\n\n"
                         "%s discards them \xC2\xB7 any other key goes back to %s",
                         what, app_answer_key(app, ACT_ANSWER_YES, yes, sizeof yes), back);
  app_confirm(app, "Discard changes?", body, close, ctx);
  free(body);
}

/* The key pressed in a question: the answer it is bound to among the
 * dialog's (read through the keymap), the help, or ACT_NONE (any other
 * key: no, or back). */
static enum rp_action confirm_read(struct ui_app *app, rp_key key) {
  enum rp_action act = app_action(app, SCOPE_DIALOG, key);
  for (const enum rp_action *a = app->confirm_answers; *a != ACT_NONE; a++)
    if (act == *a) return act;
  return act == ACT_HELP ? ACT_HELP : ACT_NONE;
}

/* See app_internal.h. */
void app_ask_key(struct ui_app *app, rp_key key) {
  enum rp_action answer = confirm_read(app, key);
  if (answer == ACT_HELP) {
    app_help_open(app);
    return;
  }
  app->confirm = false;
  if (app->confirm_answer) app->confirm_answer(app->confirm_ctx, answer);
  else confirm_yes_answer(app, answer);
}
