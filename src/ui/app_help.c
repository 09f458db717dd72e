/* app_help.c — the help overlay (? and F1): the keys of the screen, form
 * or editor shown, and the global ones, generated from the live keymap so a
 * rebound key shows its binding and only what works there is listed. */
#include <stdio.h>
#include <string.h>

#include "app_internal.h"

/* True where every character types (a form, a multi-line text, the notes
 * line of a running call): there only keys that are not text command. */
bool app_scope_types(struct ui_app *app, enum rp_scope scope) {
  struct pane *p = app_current(app);
  if (scope == SCOPE_FORM || scope == SCOPE_EDITOR) return true;
  return scope == SCOPE_CALL && p->ops->ticking && p->ops->ticking(p);
}

/* The keys of `act` that work in `scope`: where characters type, only the
 * keys that are not text ("F1", not "?"). */
const char *app_live_keys(struct ui_app *app, enum rp_scope scope, enum rp_action act,
                             char *buf, size_t size) {
  if (app_scope_types(app, scope))
    return keymap_command_keys_for(app->cfg->keys, scope, act, buf, size);
  return app_keys(app, scope, act, buf, size);
}


static void help_add_scope(struct ui_app *app, enum rp_scope scope, const char *heading) {
  char keys[128], line[512];
  bool any = false;
  for (int a = 1; a < ACT_COUNT; a++) {
    if (!action_in_scope((enum rp_action)a, scope)) continue;
    app_live_keys(app, scope, (enum rp_action)a, keys, sizeof keys);
    if (!keys[0]) continue;
    if (!any) {
      if (app->help_lines.n) strv_push(&app->help_lines, "");
      snprintf(line, sizeof line, "#%s", heading);
      strv_push(&app->help_lines, line);
      any = true;
    }
    snprintf(line, sizeof line, "\t%s\t%s", keys, rp_actions[a].help);
    strv_push(&app->help_lines, line);
  }
}

/* Help lines for the global actions that work where characters type:
 * help, suspend, quit, and (outside forms and editors) the screen prefix. */
static void help_add_typing_globals(struct ui_app *app, enum rp_scope scope) {
  static const enum rp_action acts[] = {ACT_HELP, ACT_SCREEN_PREFIX, ACT_SUSPEND, ACT_QUIT};
  char keys[128], line[512];
  for (size_t i = 0; i < RP_ARRAY_LEN(acts); i++) {
    if (acts[i] == ACT_SCREEN_PREFIX && scope != SCOPE_CALL) continue;
    if (acts[i] == ACT_QUIT && scope != SCOPE_CALL) continue; /* forms: Esc first */
    app_live_keys(app, scope, acts[i], keys, sizeof keys);
    if (!keys[0]) continue;
    snprintf(line, sizeof line, "\t%s\t%s", keys, rp_actions[acts[i]].help);
    strv_push(&app->help_lines, line);
  }
}

void app_help_open(struct ui_app *app) {
  strv_clear(&app->help_lines);
  enum rp_scope scope = app_current_scope(app);
  struct pane *p = app_current(app);
  char heading[128];
  if (scope == SCOPE_DIALOG) { /* a question: the answers it takes */
    char keys[128], line[512];
    strv_push(&app->help_lines, "#Answers to this question");
    for (const enum rp_action *a = app->confirm_answers; *a != ACT_NONE; a++) {
      app_keys(app, SCOPE_DIALOG, *a, keys, sizeof keys);
      snprintf(line, sizeof line, "\t%s\t%s", keys[0] ? keys : "(unbound)", rp_actions[*a].help);
      strv_push(&app->help_lines, line);
    }
    strv_push(&app->help_lines, "\tother keys\tno: close the question (a form: back to it)");
  } else if (scope == SCOPE_EDITOR) {
    help_add_scope(app, SCOPE_EDITOR, "In a multi-line text");
    strv_push(&app->help_lines, "\tEnter\tstart a new line");
    strv_push(&app->help_lines, "\tarrows\tmove by character and line (Up/Down leave at the edges)");
    strv_push(&app->help_lines, "\tC-a/C-e\tstart / end of the line (Home/End too)");
    strv_push(&app->help_lines, "\tC-u/C-k/C-w\tdelete to line start / to line end / the word before");
    strv_push(&app->help_lines, "\tTab/S-Tab\tnext / previous field");
    help_add_typing_globals(app, scope);
  } else if (scope == SCOPE_FORM) {
    help_add_scope(app, SCOPE_FORM, "In a form");
    strv_push(&app->help_lines, "\tLeft/Right\tchange a choice (Space too; a letter jumps)");
    strv_push(&app->help_lines, "\tC-a/C-e\tstart / end of the field (Home/End too)");
    strv_push(&app->help_lines, "\tC-u/C-k/C-w\tdelete to start / to end / the word before");
    help_add_typing_globals(app, scope);
  } else if (scope == SCOPE_CALL && p->ops->ticking && p->ops->ticking(p)) {
    /* a call is running: every key types into the notes line */
    strv_push(&app->help_lines, "#During the call (every other key types a note)");
    strv_push(&app->help_lines, "\tEnter\tsave the line at once, with its time from the start");
    strv_push(&app->help_lines, "\t! * + @\tstart a line with: an insight, feedback on me, an "
                                "action for me, a referral (@Name, Org \xE2\x80\x94 why)");
    strv_push(&app->help_lines, "\tUp\tchoose an earlier line; Enter edits it, Esc goes back");
    help_add_scope(app, SCOPE_CALL, "Call");
    help_add_typing_globals(app, scope);
  } else {
    if (p->ops->scope != SCOPE_GLOBAL) {
      snprintf(heading, sizeof heading, "%s", p->ops->title);
      help_add_scope(app, p->ops->scope, heading);
    }
    help_add_scope(app, SCOPE_GLOBAL, "Everywhere");
  }
  app->help = true;
  app->help_box.lv.top = 0;
  app_help_layout(app);
}

#define HELP_TITLE "Keys"
#define HELP_FOOTER "j/k scroll \xC2\xB7 any other key closes"

/* See app_internal.h. */
void app_help_layout(struct ui_app *app) {
  overlay_layout(&app->help_box, HELP_TITLE, &app->help_lines, HELP_FOOTER);
}

/* See app_internal.h. */
void app_help_draw(struct ui_app *app) { overlay_paint(&app->help_box, HELP_TITLE, HELP_FOOTER); }

/* See app_internal.h. */
void app_help_mouse(struct ui_app *app, int wheel) {
  if (wheel) list_view_wheel(&app->help_box.lv, wheel);
  else app->help = false;
}

void app_help_key(struct ui_app *app, rp_key key) {
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  if (act == ACT_UP || act == ACT_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN ||
      act == ACT_FIRST || act == ACT_LAST)
    list_view_move(&app->help_box.lv, act);
  else if (key != RPK_RESIZE)
    app->help = false;
}

