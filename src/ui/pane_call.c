/* pane_call.c — screen 5: the live call. A clock of the time spent against
 * the planned length (it turns to a warning at 75 % and to an error at
 * 100 %), the current question and the next ones, the notes taken so far,
 * and a notes line at the bottom that always has the keyboard: Enter saves
 * the line at once (one transaction) with its time from the start of the
 * call. Up chooses an earlier line to edit. C-x ends the call (call_end.c:
 * a stray short call may be discarded) and opens the wrap-up
 * (call_wrapup.c). */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_call.h"
#include "paste.h"
#include "rapport/utf8.h"
#include "rapport/undo.h"

static struct call *self(struct pane *p) { return (struct call *)p; }

/* ---- data ---- */

void call_load(struct call *c) {
  struct rp_db *db = app_db(c->base.app);
  struct rp_err err;
  conv_free(&c->conv);
  contact_free(&c->ct);
  question_list_free(&c->qs);
  note_list_free(&c->notes);
  if (!c->conv_id) return;
  enum rp_status st = conv_get(db, c->conv_id, &c->conv, &err);
  if (st == RP_OK) st = contact_get(db, c->conv.contact_id, &c->ct, &err);
  if (st == RP_OK) st = question_list(db, c->conv_id, &c->qs, &err);
  if (st == RP_OK) st = note_list(db, c->conv_id, &c->notes, &err);
  if (st != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  /* the current question: the first one not asked yet */
  c->qcur = (long)c->qs.n;
  for (size_t i = 0; i < c->qs.n; i++)
    if (!c->qs.v[i].asked_at) {
      c->qcur = (long)i;
      break;
    }
}

bool pane_call_start(struct pane *p, int64_t contact_id) {
  struct call *c = self(p);
  struct rp_db *db = app_db(p->app);
  struct rp_err err;
  int64_t id;
  if (c->mode == CALL_LIVE || c->mode == CALL_SELECT || c->mode == CALL_EDIT_NOTE) {
    if (c->ct.id == contact_id) return true; /* already on it */
    app_message(p->app, ROLE_WARNING, "A call with %s is going on: end it first (%s)",
                c->ct.name, "C-x");
    return false;
  }
  if (conv_prepare(db, app_config(p->app), contact_id, &id, &err) != RP_OK ||
      conv_start(db, id, &err) != RP_OK) {
    app_message(p->app, ROLE_ERROR, "%s", err.msg);
    return false;
  }
  call_thanks_free(c);
  c->conv_id = id;
  c->mode = CALL_LIVE;
  line_edit_set(&c->input, "");
  call_load(c);
  return true;
}

/* ---- layout and drawing ---- */

static void layout(struct pane *p, int y, int x, int h, int w) {
  struct call *c = self(p);
  c->y = y, c->x = x, c->h = h, c->w = w;
  if (c->win) delwin(c->win);
  c->win = newwin(h, w, y, x);
}

static int elapsed(const struct call *c) {
  if (!c->conv.started_at) return 0;
  int64_t end = c->conv.ended_at ? c->conv.ended_at : db_now();
  int64_t e = end - c->conv.started_at;
  return e < 0 ? 0 : e > 359999 ? 359999 : (int)e;
}

static void fmt_clock(int s, char *buf, size_t size) {
  if (s >= 3600) snprintf(buf, size, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  else snprintf(buf, size, "%02d:%02d", s / 60, s % 60);
}

/* 3×5 digits of full blocks for the large clock. */
static const char *const big_digits[10][5] = {
    {"###", "# #", "# #", "# #", "###"}, {"  #", "  #", "  #", "  #", "  #"},
    {"###", "  #", "###", "#  ", "###"}, {"###", "  #", "###", "  #", "###"},
    {"# #", "# #", "###", "  #", "  #"}, {"###", "#  ", "###", "  #", "###"},
    {"###", "#  ", "###", "# #", "###"}, {"###", "  #", "  #", "  #", "  #"},
    {"###", "# #", "###", "# #", "###"}, {"###", "# #", "###", "  #", "###"},
};

/* Draw text in large digits at y,x; returns the width used. */
static int draw_big(WINDOW *w, int y, int x, const char *text, enum rp_role role) {
  int cx = x;
  for (const char *t = text; *t; t++) {
    for (int r = 0; r < 5; r++) {
      const char *row = *t == ':' ? (r == 1 || r == 3 ? "#" : " ")
                                  : big_digits[*t - '0'][r];
      int col = cx;
      for (const char *q = row; *q; q++, col++)
        ui_put(w, y + r, col, 1, *q == '#' ? role : ROLE_NORMAL,
               *q == '#' ? "\xE2\x96\x88" : " "); /* █ */
    }
    cx += (*t == ':' ? 1 : 3) + 1;
  }
  return cx - x;
}

static enum rp_role clock_role(const struct call *c) {
  int planned = c->conv.minutes > 0 ? c->conv.minutes * 60 : 0;
  int e = elapsed(c);
  if (!planned) return ROLE_ACCENT;
  if (e >= planned) return ROLE_ERROR;
  if (e * 4 >= planned * 3) return ROLE_WARNING;
  return ROLE_SUCCESS;
}

static const char *tag_label(enum rp_note_tag t) {
  switch (t) {
  case NOTE_INSIGHT: return "insight";
  case NOTE_FEEDBACK: return "on me";
  case NOTE_ACTION: return "action";
  case NOTE_REFERRAL: return "referral";
  default: return "";
  }
}

static enum rp_role tag_role(enum rp_note_tag t) {
  switch (t) {
  case NOTE_INSIGHT: return ROLE_ACCENT;
  case NOTE_FEEDBACK: return ROLE_WARM;
  case NOTE_ACTION: return ROLE_WARNING;
  case NOTE_REFERRAL: return ROLE_SUCCESS;
  default: return ROLE_MUTED;
  }
}

static void draw_none(struct call *c) {
  WINDOW *w = c->win;
  ui_put(w, 0, 0, c->w, ROLE_TITLE, " Call");
  char contacts[32], call[32];
  app_key(c->base.app, SCOPE_GLOBAL, ACT_SCREEN_CONTACTS, contacts, sizeof contacts);
  app_key(c->base.app, SCOPE_CONTACTS, ACT_CALL, call, sizeof call);
  char *m = xasprintf("No call going on. Press %s for Contacts, choose the person and press %s "
                      "(or rapport call NAME): a clock starts, your questions are on screen and "
                      "every line you type is saved when you press Enter.",
                      contacts, call);
  struct rp_strv lines = {0};
  wrap_text(m, c->w - 4, &lines);
  for (size_t i = 0; i < lines.n && (int)i + 2 < c->h; i++)
    ui_put(w, 2 + (int)i, 2, c->w - 4, ROLE_NORMAL, lines.v[i]);
  strv_free(&lines);
  free(m);
}

/* The header: who, how, the clock; then the questions. Returns the first
 * free row. */
static int draw_top(struct call *c) {
  WINDOW *w = c->win;
  int width = c->w;
  const struct rp_config *cfg = app_config(c->base.app);
  const struct rp_choice *ch = choices_find(&cfg->channels, c->conv.channel);
  char *title = str_empty(c->ct.org) ? xasprintf(" Call \xC2\xB7 %s", c->ct.name)
                                      : xasprintf(" Call \xC2\xB7 %s (%s)", c->ct.name, c->ct.org);
  char *how = ch ? xasprintf(" %s \xC2\xB7 %d min planned ", ch->label, c->conv.minutes)
                 : xasprintf(" %d min planned ", c->conv.minutes);
  int hw = utf8_width(how);
  ui_fill(w, 0, 0, width, ROLE_TITLE);
  ui_put(w, 0, 0, width - hw, ROLE_TITLE, title);
  if (hw < width) ui_put(w, 0, width - hw, hw, ROLE_TITLE, how);
  free(title);
  free(how);
  char clock[16], plan[16];
  fmt_clock(elapsed(c), clock, sizeof clock);
  fmt_clock(c->conv.minutes * 60, plan, sizeof plan);
  enum rp_role role = clock_role(c);
  int row = 1;
  int left = 0;
  bool big = c->h >= 20 && width >= 60;
  if (big) {
    left = draw_big(w, 2, 2, clock, role) + 4;
    char *of = xasprintf("of %s", plan);
    ui_put(w, 7, 2, left - 2, ROLE_MUTED, of);
    free(of);
  } else {
    char *line = xasprintf("%s / %s", clock, plan);
    left = utf8_width(line) + 4;
    ui_put(w, 1, 2, left - 2, role, line);
    free(line);
  }
  /* objective and questions to the right of the clock */
  int qx = left, qw = width - left - 1;
  if (qw < 20) { /* too narrow: below the clock */
    qx = 1;
    qw = width - 2;
    row = big ? 8 : 2;
  }
  int r = row;
  if (!str_empty(c->conv.objective)) {
    char *o = xasprintf("Objective: %s", c->conv.objective);
    ui_put(w, r++, qx, qw, ROLE_ACCENT, o);
    free(o);
  }
  if (!c->qs.n) {
    ui_put(w, r++, qx, qw, ROLE_MUTED, "No questions prepared (Prep, 4, adds them).");
  } else if (c->qcur >= (long)c->qs.n) {
    char *m = xasprintf("All %zu questions asked. Ask: who else should I talk to? (@Name, Org)",
                        c->qs.n);
    ui_put(w, r++, qx, qw, ROLE_SUCCESS, m);
    free(m);
  } else {
    char *now = xasprintf("Now %ld/%zu  %s", c->qcur + 1, c->qs.n, c->qs.v[c->qcur].text);
    ui_put(w, r++, qx, qw, ROLE_HEADER, now);
    free(now);
    for (long i = c->qcur + 1; i < (long)c->qs.n && r < (big ? 8 : row + 3); i++) {
      char *next = xasprintf("next %ld  %s", i + 1, c->qs.v[i].text);
      ui_put(w, r++, qx, qw, ROLE_NORMAL, next);
      free(next);
    }
  }
  int bottom = big ? 9 : r + 1;
  return r + 1 > bottom ? r + 1 : bottom;
}

static void draw_notes(struct call *c, int top) {
  WINDOW *w = c->win;
  int width = c->w;
  char *head = xasprintf(" Notes (%zu) \xC2\xB7 ! insight  * feedback on me  + action for me  "
                         "@ referral: @Name, Org \xE2\x80\x94 why",
                         c->notes.n);
  wattrset(w, ui_role(ROLE_BORDER));
  mvwhline(w, top, 0, ACS_HLINE, width);
  ui_put_part(w, top, 1, width - 2, ROLE_MUTED, head);
  free(head);
  int first = top + 1, last = c->h - 2; /* rows for notes */
  int rows = last - first + 1;
  if (rows <= 0) return;
  /* the newest at the bottom; when choosing, keep the chosen one in view */
  long n = (long)c->notes.n;
  long end = n; /* one past the last shown */
  if ((c->mode == CALL_SELECT || c->mode == CALL_EDIT_NOTE) && c->sel >= 0) {
    end = c->sel + rows / 2 + 1;
    if (end > n) end = n;
    if (end < rows && n >= rows) end = rows;
  }
  long start = end - rows > 0 ? end - rows : 0;
  if (!n) {
    ui_put(w, first, 2, width - 3, ROLE_MUTED,
           "Type below and press Enter: each line is saved at once, with its time.");
    return;
  }
  for (long i = start; i < end; i++) {
    const struct rp_note *nt = &c->notes.v[i];
    int row = first + (int)(i - start);
    bool sel = (c->mode == CALL_SELECT || c->mode == CALL_EDIT_NOTE) && i == c->sel;
    enum rp_role base = list_row_role(sel, true, ROLE_NORMAL);
    if (sel) ui_fill(w, row, 0, width, base);
    char t[16];
    fmt_clock(nt->offset, t, sizeof t);
    ui_put(w, row, 1, 8, sel ? base : ROLE_MUTED, t);
    ui_put(w, row, 9, 9, sel ? base : tag_role(nt->tag), tag_label(nt->tag));
    char *text = nt->tag == NOTE_REFERRAL && nt->contact_ref
                     ? xasprintf("%s  \xE2\x86\x92 in Contacts", nt->text)
                     : xstrdup(nt->text);
    ui_put(w, row, 18, width - 19, base, text);
    free(text);
  }
}

static void draw_input(struct call *c, int *cx) {
  WINDOW *w = c->win;
  int row = c->h - 1;
  const char *prompt = c->mode == CALL_EDIT_NOTE ? " edit \xE2\x80\xBA " : " \xE2\x80\xBA ";
  int pw = utf8_width(prompt);
  ui_put(w, row, 0, pw, ROLE_ACCENT, prompt);
  line_edit_draw(&c->input, w, row, pw, c->w - pw - 1, ROLE_INPUT, cx);
}

static void draw(struct pane *p) {
  struct call *c = self(p);
  WINDOW *w = c->win;
  werase(w);
  if (c->mode == CALL_NONE || !c->conv_id) {
    draw_none(c);
  } else if (c->mode == CALL_WRAPUP || c->mode == CALL_THANKS || c->mode == CALL_THANKS_EDIT) {
    int cy, cx;
    call_thanks_draw(c, &cy, &cx);
  } else {
    call_wrap_notice(c);
    int top = draw_top(c);
    if (top > c->h - 3) top = c->h - 3;
    draw_notes(c, top);
    int cx;
    draw_input(c, &cx);
  }
  wnoutrefresh(w);
}

static bool cursor(struct pane *p, int *y, int *x) {
  struct call *c = self(p);
  if (c->mode == CALL_THANKS_EDIT) {
    int cy, cx;
    call_thanks_draw(c, &cy, &cx);
    wnoutrefresh(c->win);
    *y = c->y + cy, *x = c->x + cx;
    return cy >= 0;
  }
  if (c->mode != CALL_LIVE && c->mode != CALL_EDIT_NOTE) return false;
  int cx;
  draw_input(c, &cx);
  wnoutrefresh(c->win);
  *y = c->y + c->h - 1, *x = c->x + cx;
  return true;
}

/* ---- keys ---- */

/* Save the typed line as a note (or the edited earlier line), then re-read
 * the notes when `reload`. False, with the text kept, when it cannot be
 * saved. */
static bool save_line_then(struct call *c, bool reload) {
  const char *line = line_edit_text(&c->input);
  struct rp_db *db = app_db(c->base.app);
  const struct rp_config *cfg = app_config(c->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  char clip[128];
  undo_label(db, "%s \"%s\"", c->mode == CALL_EDIT_NOTE ? "change the note" : "add the note",
             str_clip(line, clip, sizeof clip));
  if (c->mode == CALL_EDIT_NOTE) {
    if (note_update(db, cfg, c->notes.v[c->sel].id, line, &err) != RP_OK) {
      app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
      return false;
    }
    app_message(c->base.app, ROLE_SUCCESS, "Line changed");
    c->mode = CALL_LIVE;
  } else {
    const char *rest;
    if (note_parse_tag(line, &rest) == NOTE_PLAIN && str_empty(rest)) return true; /* nothing */
    struct rp_note n = {0};
    if (note_add(db, cfg, c->conv_id, line, &n, &err) != RP_OK) {
      app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
      return false;
    }
    if (n.tag == NOTE_REFERRAL && n.contact_ref) {
      struct rp_contact r;
      contact_init(&r);
      if (contact_get(db, n.contact_ref, &r, &err) == RP_OK)
        app_message(c->base.app, ROLE_SUCCESS, "Referral: %s is in Contacts, introduced by %s",
                    r.name, c->ct.name);
      contact_free(&r);
    }
    note_free(&n);
  }
  line_edit_set(&c->input, "");
  if (reload) call_load(c);
  return true;
}

static bool save_line(struct call *c) { return save_line_then(c, true); }

/* Pasted text as one line at the cursor of the notes line. */
static void paste_one(struct call *c, const char *t, size_t n) {
  size_t m;
  char *line = paste_one_line(t, n, &m);
  line_edit_insert(&c->input, line, m);
  free(line);
}

/* A paste in the notes line: each line of it is a note, saved as if typed
 * and Enter pressed (each with its time and its tag), all in one
 * transaction; the last piece, without a line break, stays in the line.
 * When a line cannot be saved, it and the rest stay in the line (as one
 * line), with the error shown. While an earlier line is edited, the paste
 * is one line of it. */
static void paste_notes(struct call *c) {
  size_t n, len, next;
  const char *t = paste_take(&n);
  if (!t) return;
  if (c->mode == CALL_EDIT_NOTE || !paste_next_line(t, n, &len, &next)) {
    paste_one(c, t, n);
    return;
  }
  struct rp_db *db = app_db(c->base.app);
  struct rp_err err;
  char *before = xstrdup(line_edit_text(&c->input)); /* if the commit fails */
  bool tx = db_begin(db, &err) == RP_OK;
  const char *all = t;
  size_t all_n = n;
  while (paste_next_line(t, n, &len, &next)) {
    paste_one(c, t, len);
    t += next;
    n -= next;
    if (!save_line_then(c, false)) {
      if (n) line_edit_insert(&c->input, " ", 1);
      break;
    }
    line_edit_set(&c->input, ""); /* a blank line or a lone tag is no note */
  }
  paste_one(c, t, n);
  if (tx && db_commit(db, &err) != RP_OK) { /* nothing was saved: all back in the line */
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    line_edit_set(&c->input, before);
    paste_one(c, all, all_n);
  }
  free(before);
  call_load(c);
}

static void move_question(struct call *c, int delta) {
  if (!c->qs.n) {
    app_message(c->base.app, ROLE_MUTED, "No questions prepared for this call");
    return;
  }
  struct rp_err err;
  struct rp_db *db = app_db(c->base.app);
  if (delta > 0 && c->qcur < (long)c->qs.n) {
    if (question_set_asked(db, c->qs.v[c->qcur].id, true, &err) != RP_OK) {
      app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
      return;
    }
  } else if (delta < 0 && c->qcur > 0) {
    if (question_set_asked(db, c->qs.v[c->qcur - 1].id, false, &err) != RP_OK) {
      app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
      return;
    }
  }
  call_load(c);
}

static void end_call(struct call *c) {
  if (!save_line(c)) return; /* keep what was typed: it could not be saved */
  call_end(c);
}

void pane_call_wrapup(struct pane *p, int64_t conv_id) {
  struct call *c = self(p);
  call_thanks_free(c);
  c->conv_id = conv_id;
  line_edit_set(&c->input, "");
  call_load(c);
  call_wrapup_open(c);
}

/* The action of a key that types nothing (F1, C-l, Up; not "?" or "k"):
 * while a call runs every character types into the notes line, so only
 * such keys act. ACT_NONE for a character. */
static enum rp_action command_action(struct call *c, rp_key k) {
  if (k >= ' ' && k < RPK_SPECIAL) return ACT_NONE;
  return app_action(c->base.app, SCOPE_CALL, k);
}

static int live_key(struct call *c, rp_key k) {
  struct ui_app *app = c->base.app;
  switch (app_action(app, SCOPE_CALL, k)) {
  case ACT_NEXT_QUESTION: move_question(c, 1); return PANE_HANDLED;
  case ACT_PREV_QUESTION: move_question(c, -1); return PANE_HANDLED;
  case ACT_END_CALL: end_call(c); return PANE_HANDLED;
  default: break;
  }
  enum rp_action act = command_action(c, k);
  if (act == ACT_HELP || act == ACT_REDRAW) return PANE_IGNORED;
  if (act == ACT_QUIT) {
    save_line(c); /* quitting: keep the line being typed */
    return PANE_IGNORED;
  }
  /* the notes line is a one-line field: the form's save (Enter) saves the
   * line, its cancel (Esc) drops the correction of an earlier line */
  enum rp_action field = key_is_text(k) ? ACT_NONE : app_action(app, SCOPE_FORM, k);
  if (field == ACT_FORM_SAVE) {
    save_line(c);
    return PANE_HANDLED;
  }
  if (c->mode == CALL_EDIT_NOTE && field == ACT_FORM_CANCEL) {
    line_edit_set(&c->input, "");
    c->mode = CALL_LIVE;
    return PANE_HANDLED;
  }
  if (act == ACT_UP && c->mode == CALL_LIVE && !line_edit_text(&c->input)[0] && c->notes.n) {
    c->mode = CALL_SELECT;
    c->sel = (long)c->notes.n - 1;
    return PANE_HANDLED;
  }
  line_edit_key(&c->input, k);
  return PANE_HANDLED;
}

/* Choosing a note line to correct: the list's keys act (up, down, edit);
 * any other character goes back to typing. */
static int select_key(struct call *c, rp_key k) {
  enum rp_action act = app_action(c->base.app, SCOPE_CALL, k), cmd = command_action(c, k);
  if (act == ACT_UP) {
    if (c->sel > 0) c->sel--;
  } else if (act == ACT_DOWN) {
    if (++c->sel >= (long)c->notes.n) c->mode = CALL_LIVE;
  } else if (act == ACT_EDIT) {
    char *line = note_line(&c->notes.v[c->sel]);
    line_edit_set(&c->input, line);
    free(line);
    c->mode = CALL_EDIT_NOTE;
  } else if (cmd == ACT_HELP || cmd == ACT_REDRAW || cmd == ACT_QUIT) {
    return PANE_IGNORED;
  } else if (act == ACT_END_CALL) {
    c->mode = CALL_LIVE;
    end_call(c);
  } else {
    c->mode = CALL_LIVE; /* back (Esc), or typing: back to the notes line */
    if (cmd != ACT_BACK) line_edit_key(&c->input, k);
  }
  return PANE_HANDLED;
}

static bool ticking(struct pane *p);

static int key(struct pane *p, rp_key k) {
  struct call *c = self(p);
  if (k == RPK_PASTE && ticking(p)) { /* live, choosing or editing a line */
    if (c->mode == CALL_SELECT) c->mode = CALL_LIVE;
    paste_notes(c);
    return PANE_HANDLED;
  }
  switch (c->mode) {
  case CALL_LIVE:
  case CALL_EDIT_NOTE: return live_key(c, k);
  case CALL_SELECT: return select_key(c, k);
  case CALL_THANKS:
  case CALL_THANKS_EDIT: return call_thanks_key(c, k);
  default: return PANE_IGNORED;
  }
}

static enum rp_scope active_scope(struct pane *p) {
  struct call *c = self(p);
  if (c->mode == CALL_THANKS_EDIT) return SCOPE_EDITOR;
  return SCOPE_CALL;
}

static bool ticking(struct pane *p) {
  struct call *c = self(p);
  return c->mode == CALL_LIVE || c->mode == CALL_SELECT || c->mode == CALL_EDIT_NOTE;
}

const char *pane_call_live(struct pane *p) {
  struct call *c = self(p);
  return ticking(p) && !app_form_is(p->app, &c->form) ? (c->ct.name ? c->ct.name : "") : NULL;
}

static const char *status(struct pane *p) {
  struct call *c = self(p);
  switch (c->mode) {
  case CALL_LIVE: {
    /* the call goes on while another screen is shown: the screen prefix */
    static char line[320];
    char pre[32];
    app_key(c->base.app, SCOPE_GLOBAL, ACT_SCREEN_PREFIX, pre, sizeof pre);
    snprintf(line, sizeof line,
             "Enter saves the line \xC2\xB7 C-n next question \xC2\xB7 C-p back \xC2\xB7 Up earlier "
             "lines \xC2\xB7 C-x ends the call \xC2\xB7 F1 help%s%s%s",
             pre[0] ? " \xC2\xB7 " : "", pre, pre[0] ? " 1-5 other screens" : "");
    return line;
  }
  case CALL_SELECT:
    return "Up/Down choose a line \xC2\xB7 Enter edits it \xC2\xB7 Esc back to typing";
  case CALL_EDIT_NOTE: return "Enter saves the changed line \xC2\xB7 Esc leaves it as it was";
  default: return NULL;
  }
}

static void flush(struct pane *p) {
  struct call *c = self(p);
  if ((c->mode == CALL_LIVE || c->mode == CALL_EDIT_NOTE) && line_edit_text(&c->input)[0])
    save_line(c);
}

static void enter(struct pane *p) {
  struct call *c = self(p);
  if (c->conv_id) call_load(c);
}

static void destroy(struct pane *p) {
  struct call *c = self(p);
  if (c->win) delwin(c->win);
  conv_free(&c->conv);
  contact_free(&c->ct);
  question_list_free(&c->qs);
  note_list_free(&c->notes);
  line_edit_free(&c->input);
  call_thanks_free(c);
  text_edit_free(&c->te);
  free(c);
}

static const struct pane_ops call_ops = {
    .title = "Call",
    .scope = SCOPE_CALL,
    .layout = layout,
    .draw = draw,
    .key = key,
    .active_scope = active_scope,
    .enter = enter,
    .cursor = cursor,
    .destroy = destroy,
    .ticking = ticking,
    .status = status,
    .flush = flush,
};

struct pane *pane_call_new(struct ui_app *app) {
  struct call *c = xcalloc(1, sizeof *c);
  c->base.ops = &call_ops;
  c->base.app = app;
  line_edit_set(&c->input, "");
  text_edit_set(&c->te, "");
  return &c->base;
}
