/* app.c — the app: a key goes to the dialog, the help overlay, the search
 * box or the current screen, which handle what they decline generically
 * (quit, help, switch screen, redraw); a paste goes to the focused text
 * input only; then one redraw with one doupdate. The loop that reads the
 * terminal is terminal.c, reading it input.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "paste.h"
#include "rapport/conversation.h"
#include "rapport/editor.h"
#include "rapport/utf8.h"
#include "search_ui.h"
#include "widget_dialog.h"
#include "widgets.h"

#define MIN_ROWS 12
#define MIN_COLS 40
#define NSCREENS 5

struct ui_app {
  struct rp_db *db;
  const struct rp_config *cfg;
  struct pane *screens[NSCREENS];
  int current;
  int64_t contact_id; /* the contact Prep (and later Call) is about */
  int64_t interrupted; /* a call found interrupted at launch, offered to resume */
  struct search_ui search; /* `/` */
  bool terminal;           /* a real terminal (ui_run), not a headless test */
  char *copied;            /* what was last copied (tests read it) */
  bool done;
  WINDOW *tabs, *status;
  WINDOW *body;   /* the whole area between them, erased under a new screen */
  int painted;    /* what the body last showed (see body_state), -1 = nothing */
  int rows, cols;
  /* status-bar message, shown until the next key */
  char message[512];
  enum rp_role message_role;
  /* help overlay */
  bool help;
  int help_scroll, help_rows;
  struct rp_strv help_lines;
  /* yes/no dialog */
  bool confirm;
  char *confirm_title;
  struct rp_strv confirm_lines;
  void (*confirm_yes)(void *ctx);
  void (*confirm_key)(void *ctx, rp_key key);
  void *confirm_ctx;
};

const struct rp_config *app_config(struct ui_app *app) { return app->cfg; }
struct rp_db *app_db(struct ui_app *app) { return app->db; }
bool ui_app_done(const struct ui_app *app) { return app->done; }
void app_set_contact(struct ui_app *app, int64_t id) { app->contact_id = id; }

void app_worksheet_select(struct ui_app *app, const char *where, int64_t item_id) {
  pane_worksheet_select(app->screens[2], where, item_id);
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

void app_show_contact(struct ui_app *app, int64_t id) {
  app_set_contact(app, id);
  pane_contacts_select(app->screens[1], id);
  app->current = 1;
}
int64_t app_contact(struct ui_app *app) { return app->contact_id; }

enum rp_action app_action(struct ui_app *app, enum rp_scope scope, rp_key key) {
  return keymap_lookup(&app->cfg->keys, scope, key);
}

const char *app_keys(struct ui_app *app, enum rp_scope scope, enum rp_action act, char *buf,
                     size_t size) {
  return keymap_keys_for(&app->cfg->keys, scope, act, buf, size);
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

void app_confirm(struct ui_app *app, const char *title, const char *body,
                 void (*on_yes)(void *ctx), void *ctx) {
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
  app->confirm_yes = on_yes;
  app->confirm_key = NULL;
  app->confirm_ctx = ctx;
}

void app_ask(struct ui_app *app, const char *title, const char *body,
             void (*on_key)(void *ctx, rp_key key), void *ctx) {
  app_confirm(app, title, body, NULL, ctx);
  app->confirm_key = on_key;
}

static struct pane *current(struct ui_app *app) { return app->screens[app->current]; }

static enum rp_scope current_scope(struct ui_app *app) {
  struct pane *p = current(app);
  return p->ops->active_scope ? p->ops->active_scope(p) : p->ops->scope;
}

void app_switch(struct ui_app *app, int screen) {
  if (screen < 0 || screen >= NSCREENS) return;
  app->current = screen;
  struct pane *p = current(app);
  if (p->ops->enter) p->ops->enter(p);
}

/* r resumes the interrupted call, e ends it and opens the wrap-up. */
static void interrupted_key(void *ctx, rp_key key) {
  struct ui_app *app = ctx;
  struct rp_conversation conv;
  conv_init(&conv);
  struct rp_err err;
  if (conv_get(app->db, app->interrupted, &conv, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
  } else if (key == 'r' || key == 'R') {
    ui_app_call(app, conv.contact_id);
  } else if (key == 'e' || key == 'E') {
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
      char *body = xasprintf(
          "The call with %s was interrupted (the terminal closed or rapport was stopped).\n"
          "All %zu saved note line%s are in the journal.\n\n"
          "r resumes the call \xC2\xB7 e ends it and opens the wrap-up \xC2\xB7 "
          "any other key decides later",
          conv.contact_name ? conv.contact_name : "a contact", notes.n, notes.n == 1 ? "" : "s");
      app_ask(app, "Interrupted call", body, interrupted_key, app);
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
  app->screens[0] = pane_today_new(app);
  app->screens[1] = pane_contacts_new(app);
  app->screens[2] = pane_worksheet_new(app);
  app->screens[3] = pane_prep_new(app);
  app->screens[4] = pane_call_new(app);
  app_switch(app, 0); /* Today is home */
  offer_interrupted(app);
  if (!app->interrupted) app_offer_wrapup(app); /* one question at a time */
  if (cfg->warnings.n) /* stderr is hidden by the full screen: say it here */
    app_message(app, ROLE_WARNING, "%s%s", cfg->warnings.v[0],
                cfg->warnings.n > 1 ? " (more: rapport check-config)" : "");
  return app;
}

void ui_app_free(struct ui_app *app) {
  if (!app) return;
  for (int i = 0; i < NSCREENS; i++)
    if (app->screens[i]) app->screens[i]->ops->destroy(app->screens[i]);
  if (app->tabs) delwin(app->tabs);
  if (app->status) delwin(app->status);
  if (app->body) delwin(app->body);
  search_ui_free(&app->search);
  free(app->copied);
  strv_free(&app->help_lines);
  strv_free(&app->confirm_lines);
  free(app->confirm_title);
  free(app);
}

/* ---- help overlay, generated from the keymap ---- */

static void help_add_scope(struct ui_app *app, enum rp_scope scope, const char *heading) {
  char keys[128], line[512];
  bool any = false;
  for (int a = 1; a < ACT_COUNT; a++) {
    if (!action_in_scope((enum rp_action)a, scope)) continue;
    app_keys(app, scope, (enum rp_action)a, keys, sizeof keys);
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

static void help_open(struct ui_app *app) {
  strv_clear(&app->help_lines);
  enum rp_scope scope = current_scope(app);
  struct pane *p = current(app);
  char heading[128];
  if (scope == SCOPE_EDITOR) {
    help_add_scope(app, SCOPE_EDITOR, "In a multi-line text");
    strv_push(&app->help_lines, "\tEnter\tstart a new line");
    strv_push(&app->help_lines, "\tarrows\tmove by character and line (Up/Down leave at the edges)");
    strv_push(&app->help_lines, "\tC-a/C-e\tstart / end of the line (Home/End too)");
    strv_push(&app->help_lines, "\tC-u/C-k/C-w\tdelete to line start / to line end / the word before");
    strv_push(&app->help_lines, "\tTab/S-Tab\tnext / previous field");
  } else if (scope == SCOPE_FORM) {
    help_add_scope(app, SCOPE_FORM, "In a form");
    strv_push(&app->help_lines, "\tLeft/Right\tchange a choice (Space too; a letter jumps)");
    strv_push(&app->help_lines, "\tC-a/C-e\tstart / end of the field (Home/End too)");
    strv_push(&app->help_lines, "\tC-u/C-k/C-w\tdelete to start / to end / the word before");
  } else if (scope == SCOPE_CALL && p->ops->ticking && p->ops->ticking(p)) {
    /* a call is running: every key types into the notes line */
    strv_push(&app->help_lines, "#During the call (every other key types a note)");
    strv_push(&app->help_lines, "\tEnter\tsave the line at once, with its time from the start");
    strv_push(&app->help_lines, "\t! * + @\tstart a line with: an insight, feedback on me, an "
                                "action for me, a referral (@Name, Org \xE2\x80\x94 why)");
    strv_push(&app->help_lines, "\tUp\tchoose an earlier line; Enter edits it, Esc goes back");
    help_add_scope(app, SCOPE_CALL, "Call");
    strv_push(&app->help_lines, "\tF1\tthis help");
    strv_push(&app->help_lines, "\tC-c\tleave rapport (the line being typed is saved)");
  } else {
    if (p->ops->scope != SCOPE_GLOBAL) {
      snprintf(heading, sizeof heading, "%s", p->ops->title);
      help_add_scope(app, p->ops->scope, heading);
    }
    help_add_scope(app, SCOPE_GLOBAL, "Everywhere");
  }
  app->help = true;
  app->help_scroll = 0;
}

static void help_key(struct ui_app *app, rp_key key) {
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  int max = (int)app->help_lines.n - app->help_rows;
  if (max < 0) max = 0;
  if (act == ACT_DOWN) app->help_scroll++;
  else if (act == ACT_UP) app->help_scroll--;
  else if (act == ACT_PAGE_DOWN) app->help_scroll += app->help_rows;
  else if (act == ACT_PAGE_UP) app->help_scroll -= app->help_rows;
  else if (key != RPK_RESIZE) app->help = false;
  if (app->help_scroll > max) app->help_scroll = max;
  if (app->help_scroll < 0) app->help_scroll = 0;
}

/* ---- drawing ---- */

static void draw_tabs(struct ui_app *app) {
  WINDOW *w = app->tabs;
  ui_fill(w, 0, 0, app->cols, ROLE_TABS);
  int x = 0;
  char keys[64];
  for (int i = 0; i < NSCREENS && x < app->cols; i++) {
    app_keys(app, SCOPE_GLOBAL, (enum rp_action)(ACT_SCREEN_TODAY + i), keys, sizeof keys);
    char *t = xasprintf(" %s %s ", keys, app->screens[i]->ops->title);
    x += ui_put_part(w, 0, x, app->cols - x, i == app->current ? ROLE_TITLE : ROLE_TABS, t);
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
  struct pane *p = current(app);
  const char *own = p->ops->status ? p->ops->status(p) : NULL;
  if (own) {
    ui_put_part(w, 0, 1, app->cols - 2, ROLE_STATUS, own);
    wnoutrefresh(w);
    return;
  }
  /* hints from the action table: help first (so it survives a narrow
   * terminal), then the live scope's actions, then quit */
  enum rp_scope scope = current_scope(app);
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
      app_key(app, scope, (enum rp_action)a, keys, sizeof keys); /* first key only */
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
  struct pane *p = current(app);
  p->ops->draw(p);
  draw_status(app);
  int cy = -1, cx = -1;
  bool cursor = p->ops->cursor && p->ops->cursor(p, &cy, &cx);
  if (app->search.open) {
    cursor = true;
    search_ui_draw(&app->search, &cy, &cx);
  }
  if (app->help) {
    app->help_rows = overlay_draw("Keys", &app->help_lines, app->help_scroll,
                                  "j/k scroll \xC2\xB7 any other key closes");
    cursor = false;
  }
  if (app->confirm) {
    overlay_draw(app->confirm_title, &app->confirm_lines, 0, NULL);
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

void ui_app_key(struct ui_app *app, rp_key key) {
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
  if (app->confirm) {
    app->confirm = false;
    if (app->confirm_key) app->confirm_key(app->confirm_ctx, key);
    else if (key == 'y' || key == 'Y') app->confirm_yes(app->confirm_ctx);
    return;
  }
  if (app->help) {
    help_key(app, key);
    return;
  }
  if (app->search.open) {
    if (key == RPK_F1) {
      help_open(app);
      return;
    }
    search_ui_key(&app->search, app, key);
    return;
  }
  struct pane *p = current(app);
  if (p->ops->key(p, key) == PANE_HANDLED) return;
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  switch (act) {
  case ACT_QUIT: app->done = true; break;
  case ACT_HELP: help_open(app); break;
  case ACT_SCREEN_TODAY:
  case ACT_SCREEN_CONTACTS:
  case ACT_SCREEN_WORKSHEET:
  case ACT_SCREEN_PREP:
  case ACT_SCREEN_CALL: app_switch(app, act - ACT_SCREEN_TODAY); break;
  case ACT_REDRAW:
    clearok(curscr, TRUE);
    app->painted = -1; /* and the body erased under the screen */
    break;
  case ACT_SEARCH: search_ui_open(&app->search); break;
  default: break;
  }
}

void ui_app_paste(struct ui_app *app, const char *text, size_t len) {
  app->message[0] = '\0';
  /* a dialog or the help takes keys, not text: a paste must not answer */
  bool input = app->tabs && !app->confirm && !app->help;
  if (input) {
    paste_offer(text, len);
    if (app->search.open) search_ui_key(&app->search, app, RPK_PASTE);
    else current(app)->ops->key(current(app), RPK_PASTE);
  }
  if (!paste_taken()) app_message(app, ROLE_WARNING, "Pasted text ignored: no text field is open");
  paste_withdraw();
}

void ui_app_mouse(struct ui_app *app, int y, int x, int wheel) {
  if (!app->tabs || app->confirm) return;
  if (app->help) {
    if (wheel) help_key(app, wheel < 0 ? 'k' : 'j');
    else app->help = false;
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
        app_switch(app, i);
        return;
      }
      cx += tw;
    }
    return;
  }
  struct pane *p = current(app);
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
    pane_call_wrapup(app->screens[4], conv.id);
    app->current = 4;
  }
  conv_free(&conv);
}

void ui_app_call(struct ui_app *app, int64_t contact_id) {
  app_set_contact(app, contact_id);
  if (pane_call_start(app->screens[4], contact_id)) app_switch(app, 4);
}

bool ui_app_ticking(struct ui_app *app) {
  struct pane *p = current(app);
  return (app->tabs && p->ops->ticking && p->ops->ticking(p)) || app_typing_pending();
}

bool ui_app_idle(struct ui_app *app) {
  struct pane *p = current(app);
  return app->tabs && p->ops->idle && p->ops->idle(p);
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
