/* pane_worksheet.c — screen 3: the self-reflection worksheet. Sections on
 * the left with what is filled and what is missing; the selected section on
 * the right. Every entry is saved when it is confirmed. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_worksheet.h"
#include "rapport/utf8.h"
#include "rapport/undo.h"

static const char *const sec_names[SEC_COUNT] = {
    "What I want", "Kind of move", "Superpowers", "Problems to solve",
    "Skills",      "30-second pitch", "Information gaps", "Options",
};

static struct worksheet *self(struct pane *p) { return (struct worksheet *)p; }

int ws_sec_list(int sec) {
  switch (sec) {
  case SEC_SUPERPOWERS: return WS_SUPERPOWER;
  case SEC_PROBLEMS: return WS_PROBLEM;
  case SEC_SKILLS: return WS_SKILL;
  case SEC_GAPS: return WS_GAP;
  case SEC_OPTIONS: return WS_OPTION;
  default: return -1;
  }
}

static bool sec_filled(const struct worksheet *w, int sec) {
  const struct rp_ws_completeness *c = &w->comp;
  switch (sec) {
  case SEC_WANT: return c->want;
  case SEC_MOVE: return c->move;
  case SEC_SUPERPOWERS: return c->superpower_with_evidence;
  case SEC_PROBLEMS: return c->problem;
  case SEC_SKILLS: return c->skills;
  case SEC_PITCH: return c->pitch;
  case SEC_GAPS: return c->gaps;
  case SEC_OPTIONS: return c->options;
  default: return false;
  }
}

void worksheet_reload(struct worksheet *w) {
  struct rp_db *db = app_db(w->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  free(w->want);
  free(w->pitch);
  free(w->move);
  w->want = w->pitch = w->move = NULL;
  ws_completeness_free(&w->comp);
  enum rp_status st = ws_text_get(db, "want", &w->want, &err);
  if (st == RP_OK) st = ws_text_get(db, "pitch", &w->pitch, &err);
  if (st == RP_OK) st = ws_text_get(db, "move", &w->move, &err);
  if (st == RP_OK) st = ws_completeness(db, app_config(w->base.app), &w->comp, &err);
  w->needs_evidence = 0;
  for (int sec = 0; st == RP_OK && sec < SEC_COUNT; sec++) {
    int ls = ws_sec_list(sec);
    if (ls < 0) continue;
    struct rp_ws_list l = {0};
    st = ws_item_list(db, (enum rp_ws_section)ls, &l, &err);
    w->counts[sec] = (int)l.n;
    if (ls == WS_SUPERPOWER)
      for (size_t i = 0; i < l.n; i++) w->needs_evidence += ws_needs_evidence(&l.v[i]);
    if (sec == w->section) {
      ws_list_free(&w->items);
      w->items = l;
    } else {
      ws_list_free(&l);
    }
  }
  if (ws_sec_list(w->section) < 0) ws_list_free(&w->items);
  if (st != RP_OK) app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
  w->lv.count = w->section == SEC_MOVE ? (long)rp_move_kinds.n : (long)w->items.n;
  worksheet_body_layout(w);
}

static void select_section(struct worksheet *w, int sec) {
  if (sec < 0) sec = 0;
  if (sec >= SEC_COUNT) sec = SEC_COUNT - 1;
  if (sec != w->section) {
    w->section = sec;
    w->lv.sel = 0;
    w->lv.top = 0;
    w->grid = false;
  }
  worksheet_reload(w);
  if (sec == SEC_MOVE) { /* start on the chosen kind */
    for (size_t i = 0; w->move && i < rp_move_kinds.n; i++)
      if (strcmp(rp_move_kinds.v[i].key, w->move) == 0) list_view_select(&w->lv, (long)i);
  }
}

void pane_worksheet_select(struct pane *p, const char *where, int64_t item_id) {
  struct worksheet *w = self(p);
  if (app_form_is(p->app, &w->form) || w->editing) return; /* never lose what is typed */
  static const char *const keys[SEC_COUNT] = {"want", "move", "superpower", "problem",
                                               "skill", "pitch", "gap", "option"};
  for (int sec = 0; sec < SEC_COUNT; sec++) {
    if (!where || strcmp(where, keys[sec]) != 0) continue;
    select_section(w, sec);
    w->focus = WFOCUS_BODY;
    for (size_t i = 0; i < w->items.n; i++)
      if (w->items.v[i].id == item_id) list_view_select(&w->lv, (long)i);
    return;
  }
}

static void layout(struct pane *p, int y, int x, int h, int w) {
  struct worksheet *ws = self(p);
  ws->y = y, ws->x = x, ws->h = h, ws->w = w;
  WINDOW **wins[] = {&ws->head_win, &ws->sec_win, &ws->sep_win, &ws->body_win};
  for (size_t i = 0; i < RP_ARRAY_LEN(wins); i++) {
    if (*wins[i]) delwin(*wins[i]);
    *wins[i] = NULL;
  }
  ws->narrow = w < 72;
  ws->head_win = newwin(1, w, y, x);
  int sec_w = ws->narrow ? w : 26;
  ws->sec_win = newwin(h - 1, sec_w, y + 1, x);
  if (ws->narrow) {
    ws->body_win = newwin(h - 1, w, y + 1, x);
  } else {
    ws->sep_win = newwin(h - 1, 1, y + 1, x + sec_w);
    ws->body_win = newwin(h - 1, w - sec_w - 1, y + 1, x + sec_w + 1);
  }
  worksheet_body_layout(ws);
}

static void draw_head(struct worksheet *w) {
  WINDOW *win = w->head_win;
  int width = getmaxx(win);
  ui_fill(win, 0, 0, width, ROLE_HEADER);
  char *head;
  if (w->comp.missing.n == 0) {
    head = xasprintf(" Worksheet \xC2\xB7 all %d sections filled: you know what you bring and "
                     "what you are looking for",
                     w->comp.total);
  } else {
    char *missing = strv_join(&w->comp.missing, "; ");
    head = xasprintf(" Worksheet \xC2\xB7 %d of %d filled \xC2\xB7 missing: %s", w->comp.filled,
                     w->comp.total, missing);
    free(missing);
  }
  ui_put(win, 0, 0, width, w->comp.missing.n ? ROLE_HEADER : ROLE_SUCCESS, head);
  free(head);
  wnoutrefresh(win);
}

static void draw_sections(struct worksheet *w) {
  WINDOW *win = w->sec_win;
  int width = getmaxx(win);
  bool focused = w->focus == WFOCUS_SECTIONS;
  werase(win);
  for (int sec = 0; sec < SEC_COUNT; sec++) {
    int row = 1 + sec;
    bool sel = sec == w->section;
    enum rp_role base = list_row_role(sel, focused, ROLE_NORMAL);
    ui_fill(win, row, 0, width, base);
    bool warn = (sec == SEC_SUPERPOWERS && w->needs_evidence) ||
                (sec == SEC_PITCH && w->pitch && !w->comp.pitch);
    const char *mark = sec_filled(w, sec) ? "\xE2\x9C\x93" : warn ? "!" : "\xC2\xB7"; /* ✓ ! · */
    ui_put(win, row, 1, 2, sel ? base : sec_filled(w, sec) ? ROLE_SUCCESS : warn ? ROLE_WARNING : ROLE_MUTED,
           mark);
    ui_put(win, row, 3, width - 7, base, sec_names[sec]);
    if (ws_sec_list(sec) >= 0 && w->counts[sec]) {
      char n[16];
      snprintf(n, sizeof n, "%3d", w->counts[sec]);
      ui_put(win, row, width - 4, 3, sel ? base : ROLE_MUTED, n);
    }
  }
  /* what is still missing, in full (the header has room for a summary) */
  int row = SEC_COUNT + 2, height = getmaxy(win);
  if (w->comp.missing.n && row + 1 < height) {
    ui_put(win, row++, 1, width - 1, ROLE_HEADER, "Still missing");
    for (size_t i = 0; i < w->comp.missing.n && row < height; i++) {
      struct rp_strv lines = {0};
      wrap_text(w->comp.missing.v[i], width - 4, &lines);
      for (size_t k = 0; k < lines.n && row < height; k++)
        ui_put(win, row++, k ? 3 : 1, width - (k ? 3 : 1), ROLE_MUTED,
               k ? lines.v[k] : NULL);
      if (lines.n && row - (int)lines.n >= 0) { /* bullet on the first line */
        char *first = xasprintf("\xE2\x80\xA2 %s", lines.v[0]);
        ui_put(win, row - (int)lines.n, 1, width - 1, ROLE_MUTED, first);
        free(first);
      }
      strv_free(&lines);
    }
  }
  wnoutrefresh(win);
}

static void draw(struct pane *p) {
  struct worksheet *w = self(p);
  draw_head(w);
  if (!w->narrow || w->focus == WFOCUS_SECTIONS) draw_sections(w);
  if (w->sep_win) {
    werase(w->sep_win);
    wattrset(w->sep_win, ui_role(ROLE_BORDER));
    mvwvline(w->sep_win, 0, 0, ACS_VLINE, getmaxy(w->sep_win));
    wnoutrefresh(w->sep_win);
  }
  int cy = -1, cx = -1;
  if (!w->narrow || w->focus == WFOCUS_BODY) worksheet_body_draw(w, &cy, &cx);
}

static bool cursor(struct pane *p, int *y, int *x) {
  struct worksheet *w = self(p);
  if (!w->editing) return false;
  int cy, cx;
  worksheet_body_draw(w, &cy, &cx);
  *y = getbegy(w->body_win) + cy;
  *x = getbegx(w->body_win) + cx;
  return true;
}

/* ---- text sections: what I want, the pitch ---- */

static const char *text_key(int sec) { return sec == SEC_WANT ? "want" : "pitch"; }

static void save_text(struct worksheet *w, const char *text) {
  struct rp_err err;
  rp_err_clear(&err);
  if (ws_text_set(app_db(w->base.app), text_key(w->section), text, &err) != RP_OK) {
    app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
    return; /* stay in the editor: nothing typed is lost */
  }
  w->editing = false;
  w->focus = WFOCUS_SECTIONS; /* on to the next section */
  app_typing_end(w->base.app);
  app_message(w->base.app, ROLE_SUCCESS, "Saved %s", sec_names[w->section]);
  worksheet_reload(w);
}

static void stop_editing(void *ctx) {
  struct worksheet *w = ctx;
  w->editing = false;
  app_typing_end(w->base.app);
}

/* The text being written, for its recovery copy (recovery_ui.c). */
static char *text_snapshot(void *ctx) {
  return xstrdup(text_edit_text(&((struct worksheet *)ctx)->te));
}
static void text_restore(void *ctx, const char *text) {
  text_edit_set(&((struct worksheet *)ctx)->te, text);
}

static void start_editing(struct worksheet *w) {
  text_edit_set(&w->te, w->section == SEC_WANT ? w->want : w->pitch);
  w->editing = true;
  w->focus = WFOCUS_BODY;
  char *key = xasprintf("worksheet:%s", text_key(w->section));
  char *label = xasprintf("%s on the worksheet", sec_names[w->section]);
  app_typing_begin(w->base.app, key, label, text_snapshot, text_restore, w);
  free(key);
  free(label);
}

static void external_text(struct worksheet *w, const char *now) {
  char *out;
  if (app_external_edit(w->base.app, now, &out)) {
    save_text(w, out);
    free(out);
  }
}

static void editing_key(struct worksheet *w, rp_key key) {
  switch (app_action(w->base.app, SCOPE_EDITOR, key)) {
  case ACT_FORM_SAVE: save_text(w, text_edit_text(&w->te)); return;
  case ACT_EXTERNAL_EDITOR: external_text(w, text_edit_text(&w->te)); return;
  case ACT_FORM_CANCEL: {
    const char *before = (w->section == SEC_WANT ? w->want : w->pitch);
    app_discard_or_close(w->base.app, strcmp(text_edit_text(&w->te), before ? before : "") != 0,
                         "This text", "the text", stop_editing, w);
    return;
  }
  default: break;
  }
  text_edit_key(&w->te, key);
}

/* ---- entries ---- */

static void do_delete(void *ctx) {
  struct worksheet *w = ctx;
  struct rp_err err;
  rp_err_clear(&err);
  undo_label(app_db(w->base.app), "delete a worksheet entry");
  if (ws_item_delete(app_db(w->base.app), w->delete_id, &err) != RP_OK)
    app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
  else
    app_message(w->base.app, ROLE_SUCCESS, "Deleted");
  worksheet_reload(w);
}

static struct rp_ws_item *selected_item(struct worksheet *w) {
  if (ws_sec_list(w->section) < 0 || w->lv.sel < 0 || w->lv.sel >= (long)w->items.n) return NULL;
  return &w->items.v[w->lv.sel];
}

static void ask_delete(struct worksheet *w) {
  struct rp_ws_item *it = selected_item(w);
  if (!it) return;
  w->delete_id = it->id;
  char yes[32];
  char *body = xasprintf("Delete \xE2\x80\x9C%s\xE2\x80\x9D?\n\n%s deletes \xC2\xB7 any other key keeps it",
                         it->title, app_answer_key(w->base.app, ACT_ANSWER_YES, yes, sizeof yes));
  app_confirm(w->base.app, "Delete entry", body, do_delete, w);
  free(body);
}

static void toggle(struct worksheet *w) {
  struct rp_ws_item *it = selected_item(w);
  if (!it || (it->section != WS_GAP && it->section != WS_SKILL)) {
    app_message(w->base.app, ROLE_MUTED, "Toggling marks a gap answered or a skill to sharpen");
    return;
  }
  struct rp_ws_item copy;
  struct rp_err err;
  rp_err_clear(&err);
  if (ws_item_get(app_db(w->base.app), it->id, &copy, &err) == RP_OK) {
    copy.flag = !copy.flag;
    if (ws_item_update(app_db(w->base.app), &copy, &err) != RP_OK)
      app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
    else if (copy.section == WS_GAP)
      app_message(w->base.app, ROLE_SUCCESS, copy.flag ? "Marked answered" : "Marked open");
    else
      app_message(w->base.app, ROLE_SUCCESS, copy.flag ? "Marked to sharpen" : "No longer to sharpen");
    int64_t id = copy.id;
    ws_item_free(&copy);
    worksheet_reload(w);
    for (size_t i = 0; i < w->items.n; i++) /* follow it: the order may change */
      if (w->items.v[i].id == id) list_view_select(&w->lv, (long)i);
  } else {
    app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
  }
}

static void choose_move(struct worksheet *w) {
  if (w->lv.sel < 0) return;
  struct rp_err err;
  rp_err_clear(&err);
  const struct rp_choice *ch = &rp_move_kinds.v[w->lv.sel];
  if (ws_text_set(app_db(w->base.app), "move", ch->key, &err) != RP_OK)
    app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
  else
    app_message(w->base.app, ROLE_SUCCESS, "Kind of move: %s", ch->label);
  worksheet_reload(w);
}

static int body_key(struct worksheet *w, enum rp_action act, rp_key k) {
  bool text = w->section == SEC_WANT || w->section == SEC_PITCH;
  switch (act) {
  case ACT_UP:
  case ACT_DOWN:
  case ACT_PAGE_UP:
  case ACT_PAGE_DOWN:
  case ACT_FIRST:
  case ACT_LAST: list_view_move(&w->lv, act); return PANE_HANDLED;
  case ACT_ADD:
  case ACT_EDIT:
    if (text) start_editing(w);
    else if (w->section == SEC_MOVE) choose_move(w);
    else worksheet_form_open(w, act == ACT_EDIT && selected_item(w));
    return PANE_HANDLED;
  case ACT_DELETE: ask_delete(w); return PANE_HANDLED;
  case ACT_TOGGLE:
    if (w->section == SEC_MOVE) choose_move(w);
    else toggle(w);
    return PANE_HANDLED;
  case ACT_GRID:
    if (w->section == SEC_SKILLS) w->grid = !w->grid;
    else app_message(w->base.app, ROLE_MUTED, "The grid shows skills: go to Skills first");
    return PANE_HANDLED;
  default: break;
  }
  if (text && (act == ACT_EXTERNAL_EDITOR ||
               app_action(w->base.app, SCOPE_EDITOR, k) == ACT_EXTERNAL_EDITOR)) {
    external_text(w, w->section == SEC_WANT ? w->want : w->pitch);
    return PANE_HANDLED;
  }
  if (act == ACT_BACK) {
    w->focus = WFOCUS_SECTIONS;
    return PANE_HANDLED;
  }
  return PANE_IGNORED;
}

static int key(struct pane *p, rp_key k) {
  struct worksheet *w = self(p);
  if (w->editing) {
    editing_key(w, k);
    return PANE_HANDLED;
  }
  enum rp_action act = app_action(p->app, SCOPE_WORKSHEET, k);
  if (act == ACT_FOCUS_NEXT || act == ACT_FOCUS_PREV) {
    w->focus = w->focus == WFOCUS_SECTIONS ? WFOCUS_BODY : WFOCUS_SECTIONS;
    return PANE_HANDLED;
  }
  if (w->focus == WFOCUS_BODY) return body_key(w, act, k);
  switch (act) {
  case ACT_UP: select_section(w, w->section - 1); return PANE_HANDLED;
  case ACT_DOWN: select_section(w, w->section + 1); return PANE_HANDLED;
  case ACT_FIRST:
  case ACT_PAGE_UP: select_section(w, 0); return PANE_HANDLED;
  case ACT_LAST:
  case ACT_PAGE_DOWN: select_section(w, SEC_COUNT - 1); return PANE_HANDLED;
  case ACT_EDIT:
    w->focus = WFOCUS_BODY;
    if (w->section == SEC_WANT || w->section == SEC_PITCH) start_editing(w);
    return PANE_HANDLED;
  case ACT_ADD:
  case ACT_DELETE:
  case ACT_TOGGLE:
  case ACT_GRID:
    w->focus = WFOCUS_BODY; /* act on the section's entries */
    return body_key(w, act, k);
  default: break;
  }
  if (act == ACT_INTO_SECTION) {
    w->focus = WFOCUS_BODY;
    return PANE_HANDLED;
  }
  return PANE_IGNORED;
}

static void mouse(struct pane *p, int y, int x, int wheel) {
  struct worksheet *w = self(p);
  if (w->editing) return;
  bool in_sections = w->narrow ? w->focus == WFOCUS_SECTIONS : x < getbegx(w->body_win);
  if (wheel) {
    if (in_sections) select_section(w, w->section + wheel);
    else list_view_wheel(&w->lv, wheel);
    return;
  }
  if (in_sections) {
    w->focus = WFOCUS_SECTIONS;
    int row = y - getbegy(w->sec_win) - 1;
    if (row >= 0 && row < SEC_COUNT) select_section(w, row);
  } else {
    w->focus = WFOCUS_BODY;
    if (w->section == SEC_MOVE || (ws_sec_list(w->section) >= 0 && !w->grid))
      list_view_click(&w->lv, y - getbegy(w->body_win) - w->list_row);
  }
}

static enum rp_scope active_scope(struct pane *p) {
  struct worksheet *w = self(p);
  return w->editing ? SCOPE_EDITOR : SCOPE_WORKSHEET;
}

static void enter(struct pane *p) { select_section(self(p), self(p)->section); }

static void destroy(struct pane *p) {
  struct worksheet *w = self(p);
  WINDOW *wins[] = {w->head_win, w->sec_win, w->sep_win, w->body_win};
  for (size_t i = 0; i < RP_ARRAY_LEN(wins); i++)
    if (wins[i]) delwin(wins[i]);
  ws_list_free(&w->items);
  ws_completeness_free(&w->comp);
  free(w->want);
  free(w->pitch);
  free(w->move);
  free(w->timing.text);
  text_edit_free(&w->te);
  worksheet_form_free(w); /* the form itself: the app frees it */
  free(w);
}

static const struct pane_ops worksheet_ops = {
    .title = "Worksheet",
    .scope = SCOPE_WORKSHEET,
    .layout = layout,
    .draw = draw,
    .key = key,
    .mouse = mouse,
    .active_scope = active_scope,
    .enter = enter,
    .cursor = cursor,
    .destroy = destroy,
};

struct pane *pane_worksheet_new(struct ui_app *app) {
  struct worksheet *w = xcalloc(1, sizeof *w);
  w->base.ops = &worksheet_ops;
  w->base.app = app;
  w->lv.height = 1;
  return &w->base;
}
