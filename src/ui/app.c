/* app.c — the app: a key goes to the dialog, the help overlay, the search
 * box or the current screen, which handle what they decline generically
 * (quit, help, switch screen, redraw); a paste goes to the focused text
 * input only; then one redraw with one doupdate. The loop that reads the
 * terminal is terminal.c, reading it input.c. */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "conv_ui.h"
#include "paste.h"
#include "rapport/conversation.h"
#include "rapport/editor.h"
#include "rapport/undo.h"
#include "rapport/utf8.h"
#include "search_ui.h"
#include "widget_dialog.h"
#include "widgets.h"

#include "app_form.h"
#include "app_internal.h"

const struct rp_config *app_config(struct ui_app *app) { return app->cfg; }
struct rp_db *app_db(struct ui_app *app) { return app->db; }
bool ui_app_done(const struct ui_app *app) { return app->done; }
void app_set_contact(struct ui_app *app, int64_t id) { app->contact_id = id; }

void app_worksheet_select(struct ui_app *app, const char *where, int64_t item_id) {
  pane_worksheet_select(app->screens[SCREEN_WORKSHEET], where, item_id);
}

void app_copy(struct ui_app *app, const char *what, const char *text) {
  if (str_empty(text)) {
    app_message(app, ROLE_WARNING, "Nothing to copy: the %s is empty", what);
    return;
  }
  str_replace(&app->copied, text);
  if (app->terminal) {
    /* OSC 52: the terminal puts it on the clipboard; works over SSH, and in
     * tmux with set-clipboard on */
    char *b64 = base64_encode(text, strlen(text));
    fprintf(stdout, "\033]52;c;%s\a", b64);
    fflush(stdout);
    free(b64);
  }
  size_t chars = 0;
  for (size_t i = 0, n = strlen(text); i < n; i = utf8_next(text, n, i)) chars++;
  app_message(app, ROLE_SUCCESS, "Copied the %s to the clipboard (%zu characters)", what, chars);
}

const char *ui_app_copied(const struct ui_app *app) { return app->copied; }

void app_on_terminal(struct ui_app *app) { app->terminal = true; }

const char *app_call_live(struct ui_app *app) { return pane_call_live(app->screens[SCREEN_CALL]); }

void app_show_contact(struct ui_app *app, int64_t id) {
  app_set_contact(app, id);
  pane_contacts_select(app->screens[SCREEN_CONTACTS], id);
  app->current = SCREEN_CONTACTS;
}
int64_t app_contact(struct ui_app *app) { return app->contact_id; }

enum rp_action app_action(struct ui_app *app, enum rp_scope scope, rp_key key) {
  return keymap_lookup(app->cfg->keys, scope, key);
}

const char *app_keys(struct ui_app *app, enum rp_scope scope, enum rp_action act, char *buf,
                     size_t size) {
  return keymap_keys_for(app->cfg->keys, scope, act, buf, size);
}

const char *app_key(struct ui_app *app, enum rp_scope scope, enum rp_action act, char *buf,
                    size_t size) {
  app_keys(app, scope, act, buf, size);
  char *slash = buf[0] && buf[1] ? strchr(buf + 1, '/') : NULL;
  if (slash) *slash = '\0';
  return buf;
}

void app_message(struct ui_app *app, enum rp_role role, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *m = xvasprintf(fmt, ap);
  va_end(ap);
  str_copy(app->message, sizeof app->message, m);
  free(m);
  app->message_role = role;
}

bool app_external_edit(struct ui_app *app, const char *text, char **out) {
  struct rp_err err;
  rp_err_clear(&err);
  if (app->terminal) ui_paste_mode(false); /* the editor gets the terminal as it was */
  def_prog_mode();
  endwin();
  enum rp_status st = editor_run(text, out, &err);
  reset_prog_mode();
  if (app->terminal) ui_paste_mode(true);
  clearok(curscr, TRUE); /* the editor drew over everything */
  if (st != RP_OK) app_message(app, ROLE_ERROR, "%s", err.msg);
  return st == RP_OK;
}

struct pane *app_current(struct ui_app *app) { return app->screens[app->current]; }

enum rp_scope app_current_scope(struct ui_app *app) {
  if (app->confirm) return SCOPE_DIALOG;
  struct form *f = app_form_shown(app);
  if (f) return form_in_editor(f) ? SCOPE_EDITOR : SCOPE_FORM;
  struct pane *p = app_current(app);
  return p->ops->active_scope ? p->ops->active_scope(p) : p->ops->scope;
}

enum rp_screen app_screen(struct ui_app *app) { return app->current; }

void app_conversations(struct ui_app *app, int64_t contact_id, int64_t conv_id, int anchor,
                       int64_t anchor_id) {
  conv_ui_open(&app->convs, app, contact_id, conv_id, (enum conv_anchor)anchor, anchor_id);
}

void app_switch(struct ui_app *app, enum rp_screen screen) {
  if (screen < 0 || screen >= NSCREENS) return;
  app->current = screen;
  struct pane *p = app_current(app);
  if (p->ops->enter) p->ops->enter(p);
}

/* restore (r) resumes the interrupted call, end (e) ends it and opens the
 * wrap-up. */
static void interrupted_answer(void *ctx, enum rp_action answer) {
  struct ui_app *app = ctx;
  struct rp_conversation conv;
  conv_init(&conv);
  struct rp_err err;
  if (conv_get(app->db, app->interrupted, &conv, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
  } else if (answer == ACT_ANSWER_RESTORE) {
    ui_app_call(app, conv.contact_id);
  } else if (answer == ACT_ANSWER_END) {
    if (conv_end(app->db, app->cfg, conv.id, &err) != RP_OK) {
      app_message(app, ROLE_ERROR, "%s", err.msg);
    } else {
      ui_app_wrapup(app, conv.id);
    }
  } else {
    app_message(app, ROLE_WARNING,
                "The call with %s stays interrupted: it is offered again at the next start",
                conv.contact_name ? conv.contact_name : "them");
  }
  conv_free(&conv);
}

/* At launch: a call left live by a process that died is interrupted; offer
 * to resume it or end it (its notes are all saved). */
static void offer_interrupted(struct ui_app *app) {
  int64_t *ids = NULL;
  size_t n = 0;
  struct rp_err err;
  if (conv_mark_interrupted(app->db, &ids, &n, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  if (n) {
    struct rp_conversation conv;
    conv_init(&conv);
    struct rp_note_list notes = {0};
    if (conv_get(app->db, ids[0], &conv, &err) == RP_OK &&
        note_list(app->db, conv.id, &notes, &err) == RP_OK) {
      app->interrupted = conv.id;
      static const enum rp_action answers[] = {ACT_ANSWER_RESTORE, ACT_ANSWER_END, ACT_NONE};
      char resume[32], end[32];
      char *body = xasprintf(
          "The call with %s was interrupted (the terminal closed or rapport was stopped).\n"
          "All %zu saved note line%s are in the journal.\n\n"
          "%s resumes the call \xC2\xB7 %s ends it and opens the wrap-up \xC2\xB7 "
          "any other key decides later",
          conv.contact_name ? conv.contact_name : "a contact", notes.n, notes.n == 1 ? "" : "s",
          app_answer_key(app, ACT_ANSWER_RESTORE, resume, sizeof resume),
          app_answer_key(app, ACT_ANSWER_END, end, sizeof end));
      app_ask(app, "Interrupted call", body, answers, interrupted_answer, app);
      free(body);
    }
    note_list_free(&notes);
    conv_free(&conv);
  }
  free(ids);
}

struct ui_app *ui_app_new(struct rp_db *db, const struct rp_config *cfg,
                          const struct rp_theme *theme) {
  struct ui_app *app = xcalloc(1, sizeof *app);
  app->db = db;
  app->cfg = cfg;
  ui_theme_setup(theme);
  if (cfg->sync_on_start) app_sync(app, NULL); /* before the screens read the journal */
  app->screens[SCREEN_TODAY] = pane_today_new(app);
  app->screens[SCREEN_CONTACTS] = pane_contacts_new(app);
  app->screens[SCREEN_WORKSHEET] = pane_worksheet_new(app);
  app->screens[SCREEN_PREP] = pane_prep_new(app);
  app->screens[SCREEN_CALL] = pane_call_new(app);
  app_switch(app, SCREEN_TODAY); /* Today is home */
  offer_interrupted(app);
  if (!app->interrupted) app_offer_wrapup(app); /* one question at a time */
  if (cfg->warnings.n) /* stderr is hidden by the full screen: say it here */
    app_message(app, ROLE_WARNING, "%s%s", cfg->warnings.v[0],
                cfg->warnings.n > 1 ? " (more: rapport check-config)" : "");
  return app;
}

void ui_app_free(struct ui_app *app) {
  if (!app) return;
  if (app->form) form_free(app->form); /* its recovery copy stays for next time */
  app->form = NULL;
  for (int i = 0; i < NSCREENS; i++)
    if (app->screens[i]) app->screens[i]->ops->destroy(app->screens[i]);
  if (app->tabs) delwin(app->tabs);
  if (app->status) delwin(app->status);
  if (app->body) delwin(app->body);
  search_ui_free(&app->search);
  conv_ui_free(&app->convs);
  free(app->copied);
  strv_free(&app->help_lines);
  overlay_free(&app->help_box);
  strv_free(&app->confirm_lines);
  free(app->confirm_title);
  free(app);
}

/* ---- drawing ---- */

static void draw_tabs(struct ui_app *app) {
  WINDOW *w = app->tabs;
  ui_fill(w, 0, 0, app->cols, ROLE_TABS);
  int x = 0;
  char keys[64];
  for (int i = 0; i < NSCREENS && x < app->cols; i++) {
    app_keys(app, SCOPE_GLOBAL, (enum rp_action)(ACT_SCREEN_TODAY + i), keys, sizeof keys);
    /* a call going on while another screen is shown: its tab says so */
    bool live = i == SCREEN_CALL && i != (int)app->current && app_call_live(app);
    char *t = xasprintf(" %s %s%s ", keys, app->screens[i]->ops->title, live ? " \xE2\x97\x8F" : "");
    x += ui_put_part(w, 0, x, app->cols - x,
                     i == app->current ? ROLE_TITLE : live ? ROLE_ACCENT : ROLE_TABS, t);
    free(t);
  }
  const char *name = " rapport ";
  int nw = utf8_width(name);
  if (x + nw < app->cols) ui_put_part(w, 0, app->cols - nw, nw, ROLE_ACCENT, name);
  wnoutrefresh(w);
}

static void draw_status(struct ui_app *app) {
  WINDOW *w = app->status;
  ui_fill(w, 0, 0, app->cols, ROLE_STATUS);
  if (app->message[0]) {
    ui_put_part(w, 0, 1, app->cols - 2, app->message_role, app->message);
    wnoutrefresh(w);
    return;
  }
  struct pane *p = app_current(app);
  const char *own = app->confirm ? app->confirm_footer : app_form_status(app);
  if (!own && p->ops->status) own = p->ops->status(p);
  if (own) {
    ui_put_part(w, 0, 1, app->cols - 2, ROLE_STATUS, own);
    wnoutrefresh(w);
    return;
  }
  /* hints from the action table: help first (so it survives a narrow
   * terminal), then the live scope's actions, then quit */
  enum rp_scope scope = app_current_scope(app);
  int x = 1;
  char keys[64];
  for (int pass = 0; pass < 3; pass++) {
    for (int a = 1; a < ACT_COUNT && x < app->cols - 1; a++) {
      const struct rp_action_info *ai = &rp_actions[a];
      if (!ai->hint) continue;
      if (pass == 0 && a != ACT_HELP && a != ACT_SEARCH) continue;
      if (pass == 0 && a == ACT_SEARCH && (scope == SCOPE_FORM || scope == SCOPE_EDITOR)) continue;
      if (pass == 1 && (!action_in_scope((enum rp_action)a, scope) || a == ACT_SEARCH)) continue;
      if (pass == 2 && (a != ACT_QUIT || scope == SCOPE_FORM || scope == SCOPE_EDITOR)) continue;
      app_live_keys(app, scope, (enum rp_action)a, keys, sizeof keys);
      char *slash = keys[0] && keys[1] ? strchr(keys + 1, '/') : NULL;
      if (slash) *slash = '\0'; /* the first key only */
      if (!keys[0]) continue;
      x += ui_put_part(w, 0, x, app->cols - 1 - x, ROLE_KEY, keys);
      char *h = xasprintf(" %s  ", ai->hint);
      x += ui_put_part(w, 0, x, app->cols - 1 - x, ROLE_STATUS, h);
      free(h);
    }
  }
  wnoutrefresh(w);
}

static void layout(struct ui_app *app) {
  /* a resize marks stdscr as changed, and reading a key would repaint it
   * (blank) over the panes: mark it clean */
  wnoutrefresh(stdscr);
  app->rows = LINES;
  app->cols = COLS;
  if (app->tabs) delwin(app->tabs);
  if (app->status) delwin(app->status);
  if (app->body) delwin(app->body);
  app->tabs = app->status = app->body = NULL;
  app->painted = -1;
  if (app->rows < MIN_ROWS || app->cols < MIN_COLS) return;
  app->tabs = newwin(1, app->cols, 0, 0);
  app->status = newwin(1, app->cols, app->rows - 1, 0);
  app->body = newwin(app->rows - 2, app->cols, 1, 0);
  for (int i = 0; i < NSCREENS; i++)
    app->screens[i]->ops->layout(app->screens[i], 1, 0, app->rows - 2, app->cols);
  search_ui_layout(&app->search); /* the overlays' lists: their heights */
  if (app->convs.open) conv_ui_layout(&app->convs);
  if (app->help) app_help_layout(app);
}

static void draw_too_small(void) {
  erase();
  char *m = xasprintf("Terminal too small: %d\xC3\x97%d; rapport needs at least %d\xC3\x97%d.",
                      COLS, LINES, MIN_COLS, MIN_ROWS);
  struct rp_strv lines = {0};
  wrap_text(m, COLS > 2 ? COLS - 2 : 1, &lines);
  for (size_t i = 0; i < lines.n && (int)i < LINES; i++)
    ui_put_part(stdscr, (int)i, 0, COLS, ROLE_WARNING, lines.v[i]);
  strv_free(&lines);
  free(m);
  wnoutrefresh(stdscr);
}

/* See ui.h. */
void ui_app_relayout(struct ui_app *app) {
  app->rows = app->cols = 0; /* the next draw lays out again, every window new */
  erase();
  wnoutrefresh(stdscr);
  clearok(curscr, TRUE);
}

/* What the body shows: the screen and which overlays are over it. */
static int body_state(const struct ui_app *app) {
  return app->current | (app->help ? 16 : 0) | (app->confirm ? 32 : 0) |
         (app->search.open ? 64 : 0);
}

/* Every cell has an owner: when the body is to show something else (another
 * screen, an overlay opened or closed, a resize, C-l), it is erased first,
 * so cells no pane window covers (gaps, dividers of another layout, what
 * an overlay left) are blank, not what the last screen drew there. */
static void erase_body(struct ui_app *app) {
  int state = body_state(app);
  if (state == app->painted) return;
  app->painted = state;
  werase(app->body);
  for (int r = 0; r < app->rows - 2; r++) ui_fill(app->body, r, 0, app->cols, ROLE_NORMAL);
  wnoutrefresh(app->body);
}

void ui_app_draw(struct ui_app *app) {
  if (LINES != app->rows || COLS != app->cols) layout(app);
  if (!app->tabs) {
    draw_too_small();
    curs_set(0);
    doupdate();
    return;
  }
  draw_tabs(app);
  erase_body(app);
  struct pane *p = app_current(app);
  p->ops->draw(p);
  draw_status(app);
  int cy = -1, cx = -1;
  bool cursor = p->ops->cursor && p->ops->cursor(p, &cy, &cx);
  if (app_form_shown(app)) cursor = app_form_draw(app, 1, 0, app->rows - 2, app->cols, &cy, &cx);
  if (app->convs.open) {
    cursor = false;
    conv_ui_draw(&app->convs, app);
  }
  if (app->search.open) {
    cursor = true;
    search_ui_draw(&app->search, &cy, &cx);
  }
  if (app->confirm) {
    overlay_draw(app->confirm_title, &app->confirm_lines, NULL);
    cursor = false;
  }
  if (app->help) {
    app_help_draw(app);
    cursor = false;
  }
  if (cursor) {
    curs_set(1);
    /* place the hardware cursor on newscr; stdscr is never moved or touched,
     * so wget_wch(stdscr) does not repaint it over the panes */
    setsyx(cy, cx);
  } else {
    curs_set(0);
  }
  doupdate();
}

/* The global action that `key` runs before the screen sees it: help,
 * suspend and the screen prefix, when bound to a key that types nothing
 * (F1, C-z, C-g), so they work in forms, editors and during a call. A key
 * that is text ("?") goes to the screen first, as any other. */
static enum rp_action app_first(struct ui_app *app, rp_key key) {
  if (key_is_text(key)) return ACT_NONE;
  enum rp_action act = app_action(app, app_current_scope(app), key);
  return act == ACT_HELP || act == ACT_SUSPEND || act == ACT_SCREEN_PREFIX ? act : ACT_NONE;
}

/* C-z: on a terminal, stop as the shell's job control expects (the loop
 * gives the terminal back and takes it again on SIGCONT, terminal.c). */
static void app_suspend(struct ui_app *app) {
  if (app->terminal) raise(SIGTSTP);
  else app_message(app, ROLE_MUTED, "Suspending needs a terminal");
}

/* The screen prefix: ask for the screen key; not inside a form or a text,
 * which stay open on their screen. */
static void prefix_start(struct ui_app *app) {
  enum rp_scope scope = app_current_scope(app);
  char save[32], cancel[32], first[32], last[32];
  if (scope == SCOPE_FORM || scope == SCOPE_EDITOR) {
    app_key(app, scope, ACT_FORM_SAVE, save, sizeof save);
    app_key(app, scope, ACT_FORM_CANCEL, cancel, sizeof cancel);
    app_message(app, ROLE_WARNING, "Finish this first: %s saves, %s cancels", save, cancel);
    return;
  }
  app->prefix = true;
  app_key(app, SCOPE_GLOBAL, ACT_SCREEN_TODAY, first, sizeof first);
  app_key(app, SCOPE_GLOBAL, ACT_SCREEN_CALL, last, sizeof last);
  app_message(app, ROLE_ACCENT, "Go to which screen? %s Today \xE2\x80\xA6 %s Call", first, last);
}

/* The key after the screen prefix: a screen key switches, any other drops
 * the prefix. */
static void prefix_key(struct ui_app *app, rp_key key) {
  app->prefix = false;
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  if (act >= ACT_SCREEN_TODAY && act <= ACT_SCREEN_CALL)
    app_switch(app, (enum rp_screen)(act - ACT_SCREEN_TODAY));
}


/* u and C-r: the journal's last step, whoever made it (undo.h); the
 * screen shown reads its rows again. */
static void undo_redo(struct ui_app *app, bool redo) {
  struct rp_err err;
  rp_err_clear(&err);
  char *label = NULL;
  enum rp_status st = redo ? redo_last(app->db, &label, &err) : undo_last(app->db, &label, &err);
  if (st == RP_OK) {
    char keys[32];
    app_key(app, SCOPE_GLOBAL, redo ? ACT_UNDO : ACT_REDO, keys, sizeof keys);
    app_message(app, ROLE_SUCCESS, "%s: %s \xC2\xB7 %s %s it", redo ? "Redid" : "Undid", label,
                keys, redo ? "undoes" : "redoes");
    struct pane *p = app_current(app);
    if (p->ops->enter) p->ops->enter(p);
  } else if (st == RP_NO) {
    app_message(app, ROLE_MUTED, "Nothing to %s", redo ? "redo" : "undo");
  } else {
    app_message(app, ROLE_ERROR, "%s", err.msg);
  }
  free(label);
}

/* What one key does, without its undo step (ui_app_key). */
static void app_key_dispatch(struct ui_app *app, rp_key key) {
  if (key == RPK_NONE) return;
  if (key != RPK_RESIZE) app->message[0] = '\0';
  if (key == RPK_RESIZE) {
    layout(app);
    return;
  }
  if (!app->tabs) { /* too small: only quitting works */
    if (app_action(app, SCOPE_GLOBAL, key) == ACT_QUIT) app->done = true;
    return;
  }
  enum rp_action first = app_first(app, key);
  if (first == ACT_SUSPEND) { /* whatever is open: it is there after fg */
    app_suspend(app);
    return;
  }
  if (app->prefix && !app->confirm && !app->help && !app->search.open) {
    prefix_key(app, key);
    return;
  }
  app->prefix = false;
  if (app->help) { /* over a question too: the question stays */
    app_help_key(app, key);
    return;
  }
  if (app->confirm) {
    app_ask_key(app, key);
    return;
  }
  if (app->search.open) {
    if (first == ACT_HELP) {
      app_help_open(app);
      return;
    }
    search_ui_key(&app->search, app, key);
    return;
  }
  if (app->convs.open) { /* a key it does not take closes it, then acts */
    if (conv_ui_key(&app->convs, app, key)) return;
    conv_ui_free(&app->convs);
  }
  if (first == ACT_HELP) {
    app_help_open(app);
    return;
  }
  if (first == ACT_SCREEN_PREFIX) {
    prefix_start(app);
    return;
  }
  if (app_form_key(app, key)) return;
  struct pane *p = app_current(app);
  if (p->ops->key(p, key) == PANE_HANDLED) return;
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  switch (act) {
  case ACT_QUIT: app->done = true; break;
  case ACT_HELP: app_help_open(app); break;
  case ACT_SCREEN_TODAY:
  case ACT_SCREEN_CONTACTS:
  case ACT_SCREEN_WORKSHEET:
  case ACT_SCREEN_PREP:
  case ACT_SCREEN_CALL: app_switch(app, (enum rp_screen)(act - ACT_SCREEN_TODAY)); break;
  case ACT_REDRAW:
    clearok(curscr, TRUE);
    app->painted = -1; /* and the body erased under the screen */
    break;
  case ACT_SEARCH: search_ui_open(&app->search); break;
  case ACT_SCREEN_PREFIX: prefix_start(app); break;
  case ACT_SUSPEND: app_suspend(app); break;
  case ACT_UNDO: undo_redo(app, false); break;
  case ACT_REDO: undo_redo(app, true); break;
  default: break;
  }
}

/* Open the undo step of one key, click or paste: everything it changes is
 * undone as one. Named after the action the key does where it is pressed
 * ("mark the follow-up done …"); a screen that knows more renames it
 * (undo_label: "mark follow-up done (Priya Raman)"). */
static void step_begin(struct ui_app *app, rp_key key) {
  enum rp_action act = app->tabs ? app_action(app, app_current_scope(app), key) : ACT_NONE;
  char *label = act != ACT_NONE ? xstrdup(rp_actions[act].help)
                                : xasprintf("change on %s", app_current(app)->ops->title);
  undo_begin(app->db, label);
  free(label);
}

void ui_app_key(struct ui_app *app, rp_key key) {
  if (key == RPK_NONE || key == RPK_RESIZE) {
    app_key_dispatch(app, key);
    return;
  }
  step_begin(app, key);
  app_key_dispatch(app, key);
  undo_end(app->db);
}

void ui_app_paste(struct ui_app *app, const char *text, size_t len) {
  app->message[0] = '\0';
  step_begin(app, RPK_PASTE);
  /* a dialog or the help takes keys, not text: a paste must not answer */
  bool input = app->tabs && !app->confirm && !app->help && !app->convs.open;
  if (input) {
    paste_offer(text, len);
    if (app->search.open) search_ui_key(&app->search, app, RPK_PASTE);
    else if (!app_form_key(app, RPK_PASTE)) app_current(app)->ops->key(app_current(app), RPK_PASTE);
  }
  if (!paste_taken()) app_message(app, ROLE_WARNING, "Pasted text ignored: no text field is open");
  paste_withdraw();
  undo_end(app->db);
}

/* What a click or the wheel does, without its undo step (ui_app_mouse). */
static void app_mouse_dispatch(struct ui_app *app, int y, int x, int wheel) {
  if (!app->tabs || app->confirm) return;
  if (app->help) {
    app_help_mouse(app, wheel);
    return;
  }
  if (app->search.open) {
    search_ui_mouse(&app->search, y, x, wheel);
    return;
  }
  if (app->convs.open) {
    conv_ui_mouse(&app->convs, y, x, wheel);
    return;
  }
  if (y == 0 && !wheel) { /* tab bar: which title was clicked */
    int cx = 0;
    char keys[64];
    for (int i = 0; i < NSCREENS; i++) {
      app_keys(app, SCOPE_GLOBAL, (enum rp_action)(ACT_SCREEN_TODAY + i), keys, sizeof keys);
      char *t = xasprintf(" %s %s ", keys, app->screens[i]->ops->title);
      int tw = utf8_width(t);
      free(t);
      if (x >= cx && x < cx + tw) {
        app_switch(app, (enum rp_screen)i);
        return;
      }
      cx += tw;
    }
    return;
  }
  if (app_form_mouse(app, y, x, wheel)) return;
  struct pane *p = app_current(app);
  if (p->ops->mouse) p->ops->mouse(p, y, x, wheel);
}

/* See ui_internal.h. */
void ui_app_wrapup(struct ui_app *app, int64_t conv_id) {
  struct rp_conversation conv;
  conv_init(&conv);
  struct rp_err err;
  if (conv_get(app->db, conv_id, &conv, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
  } else {
    app_set_contact(app, conv.contact_id);
    pane_call_wrapup(app->screens[SCREEN_CALL], conv.id);
    app->current = SCREEN_CALL;
  }
  conv_free(&conv);
}

void ui_app_mouse(struct ui_app *app, int y, int x, int wheel) {
  step_begin(app, RPK_NONE);
  app_mouse_dispatch(app, y, x, wheel);
  undo_end(app->db);
}

void ui_app_call(struct ui_app *app, int64_t contact_id) {
  app_set_contact(app, contact_id);
  if (pane_call_start(app->screens[SCREEN_CALL], contact_id)) app_switch(app, SCREEN_CALL);
}

void app_open_thanks(struct ui_app *app, int64_t conv_id) {
  if (pane_call_thanks(app->screens[SCREEN_CALL], conv_id, app->current))
    app_switch(app, SCREEN_CALL);
}

bool ui_app_ticking(struct ui_app *app) {
  struct pane *p = app_current(app);
  return (app->tabs && p->ops->ticking && p->ops->ticking(p)) || app_typing_pending();
}

void ui_app_flush(struct ui_app *app) {
  app_typing_flush(app); /* what a form or editor holds, offered back next time */
  for (int i = 0; i < NSCREENS; i++)
    if (app->screens[i]->ops->flush) app->screens[i]->ops->flush(app->screens[i]);
}

const char *ui_library_version(void) {
  const char *v = curses_version(); /* "ncurses 6.4.20221231" */
  return strncmp(v, "ncurses ", 8) == 0 ? v + 8 : v;
}
