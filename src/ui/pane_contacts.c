/* pane_contacts.c — screen 2: the contact list beside a detail pane. The
 * list reads only the rows it shows, by keyset paging from a row whose
 * place it knows (see read_page), so a move or a page costs the same at
 * 100,000 contacts as at 100. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_contacts.h"
#include "rapport/undo.h"
#include "rapport/utf8.h"

static struct contacts *self(struct pane *p) { return (struct contacts *)p; }
static void sync(struct contacts *c);

/* A filtered list is counted up to this many at once ("1000+ of …"), the
 * rest when no key is waiting: a short text filter passes most contacts,
 * and counting them all reads every one (60 ms at 100,000). */
#define CONTACTS_COUNT_FIRST 1000

/* Count all the contacts the filter passes, after a count up to
 * CONTACTS_COUNT_FIRST. */
static void settle_count(struct contacts *c) {
  if (!c->count_partial) return;
  struct rp_err err;
  long n = 0;
  if (contact_count(app_db(c->base.app), &c->q, &n, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  c->count_partial = false;
  c->lv.count = n;
  list_view_fix(&c->lv);
}

/* Whether q leaves contacts out (so it needs a count of its own). */
static bool filtered(const struct rp_contact_query *q) {
  return !str_empty(q->text) || !str_empty(q->stage) || !str_empty(q->warmth) ||
         !str_empty(q->tag) || !str_empty(q->org) || q->include_deleted;
}

/* Re-read the count (and, with `all`, the count of every contact: not
 * for a new filter or order, which change no contact), keep `select_id`
 * (or the current selection) selected: its position is a count of the
 * rows before it (an index range), and the next page is read around it
 * (c->mark). */
static void reload(struct contacts *c, int64_t select_id, bool all_again) {
  struct rp_err err;
  struct rp_db *db = app_db(c->base.app);
  long n = 0;
  struct rp_contact_query all = {.sort = c->q.sort};
  bool f = filtered(&c->q);
  if ((all_again && contact_count(db, &all, &c->total, &err) != RP_OK) ||
      (f && contact_count_upto(db, &c->q, CONTACTS_COUNT_FIRST, &n, &err) != RP_OK)) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  c->count_partial = f && n >= CONTACTS_COUNT_FIRST;
  c->lv.count = f ? n : c->total;
  contact_free(&c->mark);
  int64_t want = select_id ? select_id : c->sel_id;
  if (want) settle_count(c); /* its place may be past the rows counted */
  long pos;
  if (want && contact_position(db, &c->q, want, &pos, &err) == RP_OK &&
      contact_get(db, want, &c->mark, &err) == RP_OK) {
    c->mark_pos = pos;
    list_view_select(&c->lv, pos);
  } else {
    contact_free(&c->mark);
    list_view_fix(&c->lv);
  }
  c->stale = true;
  c->detail_stale = true;
}

/* See pane_contacts.h: after a write, or on entering the screen. */
void contacts_reload(struct contacts *c, int64_t select_id) {
  reload(c, select_id, true);
  sync(c);
}

/* Put the rows of front before those of to; front is left empty. */
static void list_prepend(struct rp_contact_list *to, struct rp_contact_list *front) {
  if (!front->n) return;
  struct rp_contact *v = xmalloc((front->n + to->n) * sizeof *v);
  memcpy(v, front->v, front->n * sizeof *v);
  if (to->n) memcpy(v + front->n, to->v, to->n * sizeof *v);
  free(to->v);
  free(front->v);
  to->v = v;
  to->n += front->n;
  front->v = NULL;
  front->n = 0;
}

/* Read rows lv.top … lv.top + lv.height - 1 into *out (caller frees) by
 * keyset paging from a row whose place is known: the start of the list
 * (Home), its end (End: the last rows read backwards), the row a reload
 * selected, or a row on the page now shown (j/k past the edge, PgUp/PgDn,
 * the wheel: every move is by at most a page). Each reads only the rows it
 * returns, through the index of the ordering. */
static enum rp_status read_page(struct contacts *c, struct rp_contact_list *out,
                                struct rp_err *err) {
  struct rp_db *db = app_db(c->base.app);
  const struct rp_contact_query *q = &c->q;
  long top = c->lv.top, h = c->lv.height, count = c->lv.count;
  out->v = NULL;
  out->n = 0;
  if (count <= 0) return RP_OK;
  if (top <= 0) return contact_list_keyset(db, q, NULL, KEYSET_AFTER, h, out, err);
  if (top + h >= count)
    return contact_list_keyset(db, q, NULL, KEYSET_BEFORE, count - top, out, err);
  if (c->mark.id && c->mark_pos >= top && c->mark_pos < top + h) {
    struct rp_contact_list before = {0};
    enum rp_status s = RP_OK;
    if (c->mark_pos > top)
      s = contact_list_keyset(db, q, &c->mark, KEYSET_BEFORE, c->mark_pos - top, &before, err);
    if (s == RP_OK)
      s = contact_list_keyset(db, q, &c->mark, KEYSET_FROM, top + h - c->mark_pos, out, err);
    list_prepend(out, &before);
    contact_list_free(&before);
    return s;
  }
  if (c->page.n && c->page_sort == q->sort) {
    long i = top - c->page_top; /* where the new top is on the page now shown */
    if (i >= 1 && i <= (long)c->page.n)
      return contact_list_keyset(db, q, &c->page.v[i - 1], KEYSET_AFTER, h, out, err);
    if (i + h >= 0 && i + h < (long)c->page.n)
      return contact_list_keyset(db, q, &c->page.v[i + h], KEYSET_BEFORE, h, out, err);
    if (i == 0) return contact_list_keyset(db, q, &c->page.v[0], KEYSET_FROM, h, out, err);
  }
  /* no known row nearby (a reload lost its selection after re-sorting) */
  return contact_list(db, q, top, h, out, err);
}

/* Make sure c->page holds the visible rows; update sel_id. */
static void fetch_page(struct contacts *c) {
  list_view_fix(&c->lv);
  long shown = c->lv.count - c->lv.top < c->lv.height ? c->lv.count - c->lv.top : c->lv.height;
  if (!c->stale && c->page_top == c->lv.top && (long)c->page.n >= shown) goto done;
  struct rp_contact_list rows;
  struct rp_err err;
  if (read_page(c, &rows, &err) != RP_OK) app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
  contact_list_free(&c->page);
  c->page = rows;
  c->page_top = c->lv.top;
  c->page_sort = c->q.sort;
  c->stale = false;
  contact_free(&c->mark);
done:
  c->sel_id = 0;
  long i = c->lv.sel - c->page_top;
  if (c->lv.sel >= 0 && i >= 0 && i < (long)c->page.n) c->sel_id = c->page.v[i].id;
}

static void layout(struct pane *p, int y, int x, int h, int w) {
  struct contacts *c = self(p);
  c->y = y, c->x = x, c->h = h, c->w = w;
  if (c->list_win) delwin(c->list_win);
  if (c->detail_win) delwin(c->detail_win);
  if (c->sep_win) delwin(c->sep_win);
  c->list_win = c->detail_win = c->sep_win = NULL;
  c->narrow = w < 72;
  if (c->narrow) {
    c->list_w = w;
    c->list_win = newwin(h, w, y, x);
    c->detail_win = newwin(h, w, y, x);
  } else {
    c->list_w = w * 3 / 5;
    c->list_win = newwin(h, c->list_w, y, x);
    c->sep_win = newwin(h, 1, y, x + c->list_w);
    c->detail_win = newwin(h, w - c->list_w - 1, y, x + c->list_w + 1);
  }
  list_view_resize(&c->lv, h - 3); /* title, column header, filter line */
  contacts_import_layout(c);
  c->stale = true;
  sync(c);
}

static void draw_welcome(struct contacts *c, WINDOW *w, int top, int width) {
  char add[32], ws[32];
  app_keys(c->base.app, SCOPE_CONTACTS, ACT_ADD, add, sizeof add);
  app_keys(c->base.app, SCOPE_GLOBAL, ACT_SCREEN_WORKSHEET, ws, sizeof ws);
  char *text = xasprintf(
      "Welcome to rapport, your networking journal.\n\n"
      "Press %s to add your first contact: start with people you already know.\n\n"
      "Press %s for the worksheet: know yourself before you ask others.",
      add, ws);
  struct rp_strv lines = {0};
  wrap_text(text, width - 4, &lines);
  for (size_t i = 0; i < lines.n && top + (int)i < c->h - 1; i++)
    ui_put(w, top + (int)i, 2, width - 4, i == 0 ? ROLE_ACCENT : ROLE_NORMAL, lines.v[i]);
  strv_free(&lines);
  free(text);
}

static void draw_list(struct contacts *c) {
  WINDOW *w = c->list_win;
  int width = c->list_w;
  bool focused = c->focus == FOCUS_LIST;
  werase(w);
  fetch_page(c);
  /* title: count, sort, filter */
  const char *by = c->q.sort == SORT_NAME ? "name" : "last update";
  char *title = c->lv.count == c->total && !c->count_partial
                    ? xasprintf(" Contacts %ld \xC2\xB7 by %s", c->total, by)
                    : xasprintf(" Contacts %ld%s of %ld \xC2\xB7 by %s", c->lv.count,
                                c->count_partial ? "+" : "", c->total, by);
  ui_put(w, 0, 0, width, focused ? ROLE_HEADER : ROLE_MUTED, title);
  free(title);
  /* columns: warmth glyph, name, organisation, stage */
  int stage_w = width >= 56 ? 16 : width >= 44 ? 12 : 0;
  int rest = width - 2 - (stage_w ? stage_w + 1 : 0);
  int name_w = rest * 55 / 100, org_w = rest - name_w - 1;
  if (org_w < 4) {
    name_w = rest;
    org_w = 0;
  }
  ui_fill(w, 1, 0, width, ROLE_MUTED);
  ui_put(w, 1, 2, name_w, ROLE_MUTED, "Name");
  if (org_w) ui_put(w, 1, 3 + name_w, org_w, ROLE_MUTED, "Organisation");
  if (stage_w) ui_put(w, 1, width - stage_w, stage_w, ROLE_MUTED, "Stage");
  if (c->total == 0) {
    draw_welcome(c, w, 3, width);
  } else if (c->lv.count == 0) {
    char *m = xasprintf("No contact matches \xE2\x80\x9C%s\xE2\x80\x9D. Esc clears the filter.",
                        line_edit_text(&c->filter));
    struct rp_strv lines = {0};
    wrap_text(m, width - 4, &lines);
    for (size_t i = 0; i < lines.n && 3 + (int)i < c->h - 1; i++)
      ui_put(w, 3 + (int)i, 2, width - 4, ROLE_MUTED, lines.v[i]);
    strv_free(&lines);
    free(m);
  }
  const struct rp_config *cfg = app_config(c->base.app);
  for (size_t i = 0; i < c->page.n && (int)i < c->lv.height; i++) {
    const struct rp_contact *ct = &c->page.v[i];
    int row = 2 + (int)i;
    bool sel = c->page_top + (long)i == c->lv.sel;
    enum rp_role base = list_row_role(sel, focused, ROLE_NORMAL);
    ui_fill(w, row, 0, width, base);
    bool warm = ct->warmth && strcmp(ct->warmth, "warm") == 0;
    ui_put(w, row, 0, 2, sel ? base : (warm ? ROLE_WARM : ROLE_COLD),
           warm ? "\xE2\x97\x8F" : "\xE2\x97\x8B"); /* ● / ○ */
    ui_put(w, row, 2, name_w, base, ct->name);
    if (org_w) ui_put(w, row, 3 + name_w, org_w, sel ? base : ROLE_NORMAL, ct->org);
    if (stage_w) {
      const struct rp_choice *st = choices_find(&cfg->stages, ct->stage);
      ui_put(w, row, width - stage_w, stage_w, sel ? base : ROLE_MUTED, st ? st->label : ct->stage);
    }
  }
  /* filter line */
  int fy = c->h - 1;
  if (c->filtering || line_edit_text(&c->filter)[0]) {
    ui_put(w, fy, 0, 8, ROLE_ACCENT, " filter:");
    int cx;
    line_edit_draw(&c->filter, w, fy, 9, width - 9, c->filtering ? ROLE_INPUT : ROLE_NORMAL, &cx);
  }
  wnoutrefresh(w);
}

static void draw(struct pane *p) {
  struct contacts *c = self(p);
  if (!c->narrow || c->focus == FOCUS_LIST) draw_list(c);
  else fetch_page(c);
  if (c->sep_win) {
    werase(c->sep_win);
    wattrset(c->sep_win, ui_role(ROLE_BORDER));
    mvwvline(c->sep_win, 0, 0, ACS_VLINE, c->h);
    wnoutrefresh(c->sep_win);
  }
  if (!c->narrow || c->focus == FOCUS_DETAIL) contacts_detail_draw(c);
}

static bool cursor(struct pane *p, int *y, int *x) {
  struct contacts *c = self(p);
  if (c->filtering && (!c->narrow || c->focus == FOCUS_LIST)) {
    int cx;
    line_edit_draw(&c->filter, c->list_win, c->h - 1, 9, c->list_w - 9, ROLE_INPUT, &cx);
    wnoutrefresh(c->list_win);
    *y = c->y + c->h - 1, *x = c->x + cx;
    return true;
  }
  return false;
}

static void do_delete(void *ctx) {
  struct contacts *c = ctx;
  struct rp_err err;
  struct rp_contact ct;
  contact_init(&ct);
  if (contact_get(app_db(c->base.app), c->delete_id, &ct, &err) == RP_OK)
    undo_label(app_db(c->base.app), "delete contact %s", ct.name);
  if (!ct.id || contact_delete(app_db(c->base.app), c->delete_id, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
  } else {
    char keys[32];
    app_key(c->base.app, SCOPE_GLOBAL, ACT_UNDO, keys, sizeof keys);
    app_message(c->base.app, ROLE_SUCCESS, "Deleted %s \xE2\x80\x94 press %s to bring it back",
                ct.name, keys);
    long sel = c->lv.sel;
    contacts_reload(c, 0);
    list_view_select(&c->lv, sel);
  }
  contact_free(&ct);
  c->delete_id = 0;
}

static void ask_delete(struct contacts *c) {
  if (!c->sel_id) return;
  struct rp_err err;
  struct rp_contact ct;
  contact_init(&ct);
  if (contact_get(app_db(c->base.app), c->sel_id, &ct, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  char keys[32], yes[32];
  app_key(c->base.app, SCOPE_GLOBAL, ACT_UNDO, keys, sizeof keys);
  char *body = xasprintf("Delete %s?\nYou can bring it back with %s.\n\n"
                         "%s deletes \xC2\xB7 any other key keeps it",
                         ct.name, keys, app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes));
  c->delete_id = ct.id;
  app_confirm(c->base.app, "Delete contact", body, do_delete, c);
  free(body);
  contact_free(&ct);
}

static void set_filter(struct contacts *c) {
  const char *t = line_edit_text(&c->filter);
  c->q.text = *t ? t : NULL;
  c->lv.sel = 0;
  c->lv.top = 0;
  c->sel_id = 0; /* the first row is selected: no need to find the old one */
  reload(c, 0, false);
  list_view_select(&c->lv, 0);
}

/* The filter line is a one-line field: the form's save (Enter) keeps the
 * filter, its cancel (Esc) clears it; the movement keys that type nothing
 * (Up, PgDn, not j) move the list. */
static int filter_key(struct contacts *c, rp_key key) {
  struct ui_app *app = c->base.app;
  enum rp_action field = key_is_text(key) ? ACT_NONE : app_action(app, SCOPE_FORM, key);
  enum rp_action move = key_is_text(key) ? ACT_NONE : app_action(app, SCOPE_GLOBAL, key);
  if (field == ACT_FORM_SAVE) {
    c->filtering = false;
  } else if (field == ACT_FORM_CANCEL) {
    c->filtering = false;
    line_edit_set(&c->filter, "");
    set_filter(c);
  } else if (move == ACT_UP || move == ACT_DOWN || move == ACT_PAGE_UP || move == ACT_PAGE_DOWN) {
    settle_count(c);
    list_view_move(&c->lv, move);
  } else if (line_edit_key(&c->filter, key) == 2) {
    /* the line editor may realloc: q.text points into it, so reset it */
    set_filter(c);
  }
  return PANE_HANDLED;
}

/* The page and the detail after an event: the selected contact read and
 * its lines wrapped, outside the draw. */
static void sync(struct contacts *c) {
  fetch_page(c);
  contacts_detail_sync(c);
}

static int key_act(struct pane *p, rp_key k) {
  struct contacts *c = self(p);
  if (c->filtering) return filter_key(c, k);
  enum rp_action act = app_action(p->app, SCOPE_CONTACTS, k);
  switch (act) {
  case ACT_FOCUS_NEXT:
  case ACT_FOCUS_PREV:
    c->focus = c->focus == FOCUS_LIST ? FOCUS_DETAIL : FOCUS_LIST;
    return PANE_HANDLED;
  case ACT_UP:
  case ACT_DOWN:
  case ACT_PAGE_UP:
  case ACT_PAGE_DOWN:
  case ACT_FIRST:
  case ACT_LAST:
    settle_count(c); /* a move needs to know where the list ends */
    if (c->focus == FOCUS_LIST) list_view_move(&c->lv, act);
    else list_view_move(&c->detail_lv, act);
    return PANE_HANDLED;
  case ACT_ADD: contacts_form_open(c, false); return PANE_HANDLED;
  case ACT_EDIT:
    if (c->sel_id) contacts_form_open(c, true);
    return PANE_HANDLED;
  case ACT_DELETE: ask_delete(c); return PANE_HANDLED;
  case ACT_GIVE:
    if (c->sel_id) contacts_give_open(c);
    else app_message(p->app, ROLE_MUTED, "No contact selected: add one first");
    return PANE_HANDLED;
  case ACT_PREP:
    if (c->sel_id) {
      app_set_contact(p->app, c->sel_id);
      app_switch(p->app, SCREEN_PREP);
    } else {
      app_message(p->app, ROLE_MUTED, "No contact selected: add one first");
    }
    return PANE_HANDLED;
  case ACT_IMPORT: contacts_import_open(c); return PANE_HANDLED;
  case ACT_COPY: contacts_copy_dossier(c); return PANE_HANDLED;
  case ACT_FOLLOWUP:
    if (c->sel_id) contacts_followup_open(c);
    else app_message(p->app, ROLE_MUTED, "No contact selected: add one first");
    return PANE_HANDLED;
  case ACT_CONVERSATIONS:
    if (c->sel_id) app_conversations(p->app, c->sel_id, 0, 0, 0);
    else app_message(p->app, ROLE_MUTED, "No contact selected: add one first");
    return PANE_HANDLED;
  case ACT_CALL:
    if (c->sel_id) ui_app_call_asked(p->app, c->sel_id);
    else app_message(p->app, ROLE_MUTED, "No contact selected: add one first");
    return PANE_HANDLED;
  case ACT_FILTER:
    c->filtering = true;
    c->focus = FOCUS_LIST;
    return PANE_HANDLED;
  case ACT_SORT:
    c->q.sort = c->q.sort == SORT_NAME ? SORT_UPDATED : SORT_NAME;
    reload(c, c->sel_id, false);
    app_message(p->app, ROLE_MUTED, "Sorted by %s",
                c->q.sort == SORT_NAME ? "name" : "last update (newest first)");
    return PANE_HANDLED;
  default:
    break;
  }
  if (act == ACT_BACK && line_edit_text(&c->filter)[0]) {
    line_edit_set(&c->filter, "");
    set_filter(c);
    return PANE_HANDLED;
  }
  if (act == ACT_BACK && c->narrow && c->focus == FOCUS_DETAIL) {
    c->focus = FOCUS_LIST;
    return PANE_HANDLED;
  }
  return PANE_IGNORED;
}

/* A key, then the page and the detail brought up to date. */
static int key(struct pane *p, rp_key k) {
  int r = key_act(p, k);
  sync(self(p));
  return r;
}

static void mouse_act(struct pane *p, int y, int x, int wheel) {
  struct contacts *c = self(p);
  bool in_list = c->narrow ? c->focus == FOCUS_LIST : x < c->x + c->list_w;
  if (wheel) {
    settle_count(c);
    if (in_list) list_view_wheel(&c->lv, wheel);
    else list_view_wheel(&c->detail_lv, wheel);
    return;
  }
  if (in_list) {
    c->focus = FOCUS_LIST;
    list_view_click(&c->lv, y - c->y - 2);
  } else {
    c->focus = FOCUS_DETAIL;
  }
}

static void mouse(struct pane *p, int y, int x, int wheel) {
  mouse_act(p, y, x, wheel);
  sync(self(p));
}

static enum rp_scope active_scope(struct pane *p) {
  (void)p;
  return SCOPE_CONTACTS;
}

/* The status bar: the form's own line on a row of emails, phones or web
 * addresses (their keys), else the generated hints. */
static const char *status(struct pane *p) {
  struct contacts *c = self(p);
  if (c->filtering) { /* every character types: say what works */
    static char line[200];
    char help[64];
    keymap_command_keys_for(app_config(p->app)->keys, SCOPE_CONTACTS, ACT_HELP, help,
                            sizeof help);
    char *slash = help[0] && help[1] ? strchr(help + 1, '/') : NULL;
    if (slash) *slash = '\0';
    snprintf(line, sizeof line,
             "Type to filter \xC2\xB7 Enter keeps the filter \xC2\xB7 Esc clears it%s%s%s",
             help[0] ? " \xC2\xB7 " : "", help, help[0] ? " help" : "");
    return line;
  }
  return NULL;
}

static void enter(struct pane *p) { contacts_reload(self(p), 0); }

static void destroy(struct pane *p) {
  struct contacts *c = self(p);
  if (c->list_win) delwin(c->list_win);
  if (c->detail_win) delwin(c->detail_win);
  if (c->sep_win) delwin(c->sep_win);
  contact_list_free(&c->page);
  contact_free(&c->mark);
  contacts_detail_free(c);
  line_edit_free(&c->filter);
  contacts_form_free(c); /* the form itself: the app frees it */
  strv_free(&c->report);
  free(c->report_title);
  overlay_free(&c->report_box);
  free(c);
}

void pane_contacts_select(struct pane *p, int64_t id) {
  struct contacts *c = self(p);
  if (app_form_is(p->app, &c->form)) return; /* never lose what is typed in a form */
  struct rp_err err;
  long pos;
  if (contact_position(app_db(p->app), &c->q, id, &pos, &err) != RP_OK) {
    line_edit_set(&c->filter, "");
    c->q.text = NULL;
    c->filtering = false;
  }
  contacts_reload(c, id);
  c->focus = FOCUS_LIST;
}

/* When no key is waiting: the count a filter left partial. */
static bool idle(struct pane *p) {
  struct contacts *c = self(p);
  if (!c->count_partial) return false;
  settle_count(c);
  return true;
}

static const struct pane_ops contacts_ops = {
    .title = "Contacts",
    .scope = SCOPE_CONTACTS,
    .layout = layout,
    .draw = draw,
    .key = key,
    .mouse = mouse,
    .active_scope = active_scope,
    .enter = enter,
    .cursor = cursor,
    .destroy = destroy,
    .idle = idle,
    .status = status,
};

struct pane *pane_contacts_new(struct ui_app *app) {
  struct contacts *c = xcalloc(1, sizeof *c);
  c->base.ops = &contacts_ops;
  c->base.app = app;
  c->q.sort = SORT_NAME;
  c->lv.sel = -1;
  line_edit_set(&c->filter, "");
  c->stale = true;
  return &c->base;
}
