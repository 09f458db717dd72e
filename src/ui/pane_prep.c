/* pane_prep.c — screen 4: getting ready for one contact. Under the title
 * the objective of the next conversation; on the left its questions
 * (prep_questions.c) above the readiness checklist, each unmet item with
 * why and what to do (Space ticks the manual ones); on the right the
 * outreach draft, edited in place or in $EDITOR, with the ask check's
 * findings under it, live. Tab moves between the three. */
#include <stdlib.h>
#include <string.h>

#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/outreach.h"
#include "rapport/readiness.h"
#include "rapport/utf8.h"
#include "pane_prep.h"

static struct prep *self(struct pane *p) { return (struct prep *)p; }
static void sync(struct prep *pr);

void prep_rows_free(struct prep_rows *r) {
  for (size_t i = 0; i < r->n; i++) free(r->v[i].text);
  free(r->v);
  struct list_view lv = r->lv; /* where it was scrolled stays */
  memset(r, 0, sizeof *r);
  r->lv = lv;
  r->lv.count = 0;
}

static void unload(struct prep *pr) {
  free(pr->last_give);
  pr->last_give = NULL;
  pr->n_gives = pr->n_asks = 0;
  contact_free(&pr->ct);
  readiness_free(&pr->ready);
  prep_rows_free(&pr->rows);
  prep_questions_free(pr);
  pr->id = 0;
}

static void lists_layout(struct prep *pr);

/* (Re)read the contact the app points at, and its checklist. */
static void load(struct prep *pr) {
  int64_t want = app_contact(pr->base.app);
  if (!pr->stale && want == pr->id) return;
  bool same = want == pr->id;
  pr->stale = false;
  unload(pr);
  if (!same) {
    pr->sel = 0;
    pr->rows.lv.top = 0;
    pr->dview.lv.top = 0;
    pr->qsel = 0;
    pr->qrows.lv.top = 0;
  }
  if (!want) return;
  struct rp_err err;
  struct rp_db *db = app_db(pr->base.app);
  if (contact_get(db, want, &pr->ct, &err) != RP_OK || pr->ct.deleted_at) {
    contact_free(&pr->ct);
    app_set_contact(pr->base.app, 0);
    return;
  }
  if (readiness_compute(db, app_config(pr->base.app), want, &pr->ready, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    contact_free(&pr->ct);
    return;
  }
  struct rp_give_list gives = {0};
  if (give_balance(db, app_config(pr->base.app), want, &pr->n_gives, &pr->n_asks, &err) != RP_OK ||
      give_list(db, want, &gives, &err) != RP_OK)
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
  if (gives.n) {
    const struct rp_choice *k = choices_find(&app_config(pr->base.app)->give_kinds, gives.v[0].kind);
    pr->last_give = xasprintf("%s %s: %s", gives.v[0].date, k ? k->label : gives.v[0].kind,
                              gives.v[0].text);
  }
  give_list_free(&gives);
  pr->id = want;
  if (pr->sel >= (long)pr->ready.n) pr->sel = pr->ready.n ? (long)pr->ready.n - 1 : 0;
  prep_questions_load(pr);
  lists_layout(pr);
}

static void layout(struct pane *p, int y, int x, int h, int w) {
  struct prep *pr = self(p);
  pr->y = y, pr->x = x, pr->h = h, pr->w = w;
  if (pr->pick.open) picker_layout(&pr->pick);
  WINDOW **wins[] = {&pr->head_win, &pr->q_win,     &pr->list_win,
                     &pr->know_win, &pr->draft_win, &pr->sep_win};
  for (size_t i = 0; i < RP_ARRAY_LEN(wins); i++) {
    if (*wins[i]) delwin(*wins[i]);
    *wins[i] = NULL;
  }
  /* title and objective rows, then the body */
  int by = y + 2, bh = h - 2;
  pr->narrow = w < 72;
  pr->head_win = newwin(2, w, y, x);
  if (pr->narrow) { /* one of the three at a time, by focus */
    pr->list_w = w;
    pr->q_win = newwin(bh, w, by, x);
    pr->list_win = newwin(bh, w, by, x);
    int kh = bh / 3 < 6 ? bh / 3 : 6; /* heading, three notes, gives, a gap */
    pr->know_win = newwin(kh, w, by, x);
    pr->draft_win = newwin(bh - kh, w, by + kh, x);
  } else {
    pr->list_w = w * 9 / 20;
    int qh = bh * 2 / 5 > 4 ? bh * 2 / 5 : 4;
    pr->q_win = newwin(qh, pr->list_w, by, x);
    pr->list_win = newwin(bh - qh, pr->list_w, by + qh, x);
    pr->sep_win = newwin(bh, 1, by, x + pr->list_w);
    int kh = bh / 3 < 6 ? bh / 3 : 6; /* heading, three notes, gives, a gap */
    pr->know_win = newwin(kh, w - pr->list_w - 1, by, x + pr->list_w + 1);
    pr->draft_win = newwin(bh - kh, w - pr->list_w - 1, by + kh, x + pr->list_w + 1);
  }
  prep_rows_free(&pr->rows);
  prep_rows_free(&pr->qrows);
  lists_layout(pr);
  sync(pr);
}

/* ---- the checklist ---- */

void prep_rows_push(struct prep_rows *r, const char *text, enum rp_role role, int item,
                    bool first, int indent, int width) {
  struct rp_strv lines = {0};
  wrap_text(text, width - indent > 4 ? width - indent : 4, &lines);
  for (size_t i = 0; i < lines.n; i++) {
    r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
    r->v[r->n++] = (struct prep_row){xstrdup(lines.v[i]), role, item, first && i == 0,
                                     i == 0 ? indent : indent + 2};
  }
  strv_free(&lines);
}

static enum list_row row_kind(const void *ctx, long i) {
  return ((const struct prep_rows *)ctx)->v[i].first ? LIST_ITEM : LIST_PART;
}

/* See pane_prep.h. */
void prep_rows_show(struct prep_rows *r, long entry, int height) {
  r->lv.row = row_kind;
  r->lv.ctx = r;
  r->lv.count = (long)r->n;
  r->lv.height = height;
  long row = 0;
  for (size_t i = 0; i < r->n; i++)
    if (r->v[i].first && r->v[i].item == entry) {
      row = (long)i;
      break;
    }
  list_view_select(&r->lv, row);
}

/* See pane_prep.h. */
long prep_rows_entry(const struct prep_rows *r) {
  return r->lv.sel >= 0 && r->lv.sel < (long)r->n ? r->v[r->lv.sel].item : 0;
}

static void build_rows(struct prep *pr, int width) {
  prep_rows_free(&pr->rows);
  pr->rows.width = width;
  char toggle[32];
  app_key(pr->base.app, SCOPE_PREP, ACT_TOGGLE, toggle, sizeof toggle);
  for (size_t i = 0; i < pr->ready.n; i++) {
    const struct rp_ready_item *it = &pr->ready.v[i];
    const char *glyph = !it->available ? "\xE2\x80\x93" /* – */
                        : it->met      ? "\xE2\x9C\x93" /* ✓ */
                                       : "\xE2\x9C\x97"; /* ✗ */
    enum rp_role role = !it->available ? ROLE_MUTED : it->met ? ROLE_SUCCESS : ROLE_WARNING;
    char *line = xasprintf("%s %s%s", glyph, it->text, it->manual ? " (tick)" : "");
    prep_rows_push(&pr->rows, line, role, (int)i, true, 1, width - 1);
    free(line);
    if (!it->available) {
      if (it->reason) prep_rows_push(&pr->rows, it->reason, ROLE_MUTED, (int)i, false, 3, width - 1);
      continue;
    }
    if (it->met) continue;
    if (it->reason) {
      char *why = xasprintf("why: %s", it->reason);
      prep_rows_push(&pr->rows, why, ROLE_NORMAL, (int)i, false, 3, width - 1);
      free(why);
    }
    /* a manual item's own words; the row below says which key ticks it */
    char *fix = it->manual ? xstrdup(it->fix.lead) : app_fix_text(pr->base.app, &it->fix);
    if (!str_empty(fix)) {
      char *todo = xasprintf("\xE2\x86\x92 %s", fix); /* → */
      prep_rows_push(&pr->rows, todo, ROLE_MUTED, (int)i, false, 3, width - 1);
      free(todo);
    }
    free(fix);
    if (it->manual) {
      char *how = xasprintf("%s ticks it when it is true", toggle);
      prep_rows_push(&pr->rows, how, ROLE_MUTED, (int)i, false, 3, width - 1);
      free(how);
    }
  }
}

/* Wrap the checklist and the questions to their windows and show them. */
static void lists_layout(struct prep *pr) {
  if (!pr->list_win) return;
  build_rows(pr, getmaxx(pr->list_win));
  prep_rows_show(&pr->rows, pr->sel, getmaxy(pr->list_win) - 1);
  prep_questions_layout(pr);
}

static void draw_list(struct prep *pr) {
  WINDOW *w = pr->list_win;
  int width = getmaxx(w), height = getmaxy(w);
  bool focused = pr->focus == PF_LIST;
  werase(w);
  char *title = pr->ready.ready
                    ? xasprintf(" Ready to reach out \xC2\xB7 %d/%d", pr->ready.met, pr->ready.total)
                    : xasprintf(" Ready to reach out? %d/%d", pr->ready.met, pr->ready.total);
  ui_put(w, 0, 0, width, focused ? ROLE_HEADER : ROLE_MUTED, title);
  free(title);
  (void)height;
  const struct list_view *lv = &pr->rows.lv;
  for (int i = 0; i < lv->height && lv->top + i < (long)pr->rows.n; i++) {
    const struct prep_row *r = &pr->rows.v[lv->top + i];
    bool sel = lv->top + i == lv->sel;
    enum rp_role role = list_row_role(sel, focused, r->role);
    if (sel) ui_fill(w, 1 + i, 0, width, role);
    ui_put(w, 1 + i, r->indent, width - r->indent, role, r->text);
  }
  wnoutrefresh(w);
}

/* First line of s, for a one-row summary; caller frees. */
static char *first_line(const char *s) {
  size_t n = strcspn(s, "\n");
  return xstrndup(s, n);
}

/* What I know about them: their work, challenges, research, what I gave. */
static void draw_know(struct prep *pr) {
  WINDOW *w = pr->know_win;
  int width = getmaxx(w), height = getmaxy(w);
  werase(w);
  ui_put(w, 0, 0, width, ROLE_MUTED, " What I know about them");
  int row = 1;
  const char *labels[] = {"Work", "Challenges", "Research"};
  const char *values[] = {pr->ct.work, pr->ct.challenges, pr->ct.research};
  for (size_t i = 0; i < RP_ARRAY_LEN(labels) && row < height; i++) {
    if (str_empty(values[i])) continue;
    char *v = first_line(values[i]);
    ui_put(w, row, 1, 11, ROLE_MUTED, labels[i]);
    ui_put(w, row++, 12, width - 13, ROLE_NORMAL, v);
    free(v);
  }
  if (row == 1 && row < height) {
    char keys[32];
    app_key(pr->base.app, SCOPE_CONTACTS, ACT_EDIT, keys, sizeof keys);
    char *m = xasprintf("Nothing noted yet: on Contacts, %s adds their work and research", keys);
    ui_put(w, row++, 1, width - 2, ROLE_WARNING, m);
    free(m);
  }
  if (row < height) {
    bool over = pr->n_asks > pr->n_gives; /* asks outrun gives: a warning */
    const char *more = over ? " \xC2\xB7 give before you ask again" : "";
    char *g = pr->last_give ? xasprintf("gave %ld \xC2\xB7 asked %ld%s \xC2\xB7 last: %s",
                                        pr->n_gives, pr->n_asks, more, pr->last_give)
                            : xasprintf("gave %ld \xC2\xB7 asked %ld%s", pr->n_gives, pr->n_asks,
                                        more);
    ui_put(w, row, 1, 11, ROLE_MUTED, "Given");
    ui_put(w, row++, 12, width - 13, pr->n_gives && !over ? ROLE_NORMAL : ROLE_WARNING, g);
    free(g);
  }
  wnoutrefresh(w);
}

static void draw(struct pane *p) {
  struct prep *pr = self(p);
  load(pr);
  WINDOW *h = pr->head_win;
  werase(h);
  if (!pr->id) {
    werase(pr->list_win);
    if (pr->sep_win) { /* the list window is narrower than the message */
      werase(pr->draft_win);
      wnoutrefresh(pr->draft_win);
      werase(pr->know_win);
      wnoutrefresh(pr->know_win);
    }
    werase(pr->q_win);
    wnoutrefresh(pr->q_win);
    ui_put(h, 0, 0, pr->w, ROLE_TITLE, " Prep");
    char contacts[32], prep[32];
    app_key(p->app, SCOPE_GLOBAL, ACT_SCREEN_CONTACTS, contacts, sizeof contacts);
    app_key(p->app, SCOPE_CONTACTS, ACT_PREP, prep, sizeof prep);
    char *m = xasprintf("Prep is about one person. Press %s for Contacts, choose someone and "
                        "press %s: you will see whether you are ready to reach out, what is "
                        "missing, your outreach draft, and the objective and questions of your "
                        "conversation.",
                        contacts, prep);
    struct rp_strv lines = {0};
    int lw = getmaxx(pr->q_win) - 4;
    wrap_text(m, lw, &lines);
    for (size_t i = 0; i < lines.n && (int)i < getmaxy(pr->q_win); i++)
      ui_put(pr->q_win, (int)i, 2, lw, ROLE_NORMAL, lines.v[i]);
    strv_free(&lines);
    free(m);
    wnoutrefresh(h);
    wnoutrefresh(pr->list_win);
    wnoutrefresh(pr->q_win);
    return;
  }
  char *title = !str_empty(pr->ct.org)
                    ? xasprintf(" Prep \xC2\xB7 %s (%s)", pr->ct.name, pr->ct.org)
                    : xasprintf(" Prep \xC2\xB7 %s", pr->ct.name);
  char *state = pr->ready.ready ? xasprintf(" ready %d/%d ", pr->ready.met, pr->ready.total)
                                : xasprintf(" not ready yet %d/%d ", pr->ready.met,
                                            pr->ready.total);
  int sw = utf8_width(state);
  ui_fill(h, 0, 0, pr->w, ROLE_TITLE);
  ui_put(h, 0, 0, pr->w - sw, ROLE_TITLE, title);
  ui_put(h, 0, pr->w - sw, sw, pr->ready.ready ? ROLE_SUCCESS : ROLE_WARNING, state);
  free(title);
  free(state);
  prep_objective_draw(pr, h, 1, pr->w);
  wnoutrefresh(h);
  if (!pr->narrow || pr->focus == PF_QUESTIONS) prep_questions_draw(pr);
  if (!pr->narrow || pr->focus == PF_LIST) draw_list(pr);
  if (pr->sep_win) {
    werase(pr->sep_win);
    wattrset(pr->sep_win, ui_role(ROLE_BORDER));
    mvwvline(pr->sep_win, 0, 0, ACS_VLINE, getmaxy(pr->sep_win));
    wnoutrefresh(pr->sep_win);
  }
  if (!pr->narrow || pr->focus == PF_DRAFT) {
    draw_know(pr);
    prep_draft_draw(pr);
  }
  prep_questions_modal_draw(pr);
}

static bool cursor(struct pane *p, int *y, int *x) {
  struct prep *pr = self(p);
  if (!pr->editing || pr->cur_y < 0) return false;
  *y = getbegy(pr->draft_win) + pr->cur_y;
  *x = getbegx(pr->draft_win) + pr->cur_x;
  return true;
}

/* ---- actions ---- */

void prep_refresh(struct prep *pr) {
  pr->stale = true;
  sync(pr);
}

static void toggle(struct prep *pr) {
  if (pr->sel < 0 || pr->sel >= (long)pr->ready.n) return;
  const struct rp_ready_item *it = &pr->ready.v[pr->sel];
  if (!it->manual) {
    char *fix = it->available && !it->met ? app_fix_text(pr->base.app, &it->fix) : NULL;
    app_message(pr->base.app, ROLE_MUTED, "%s",
                !it->available ? "Not available yet: the conversation screens will fill it in"
                : it->met      ? "Met: computed from the journal"
                               : (!str_empty(fix) ? fix : "Computed from the journal"));
    free(fix);
    return;
  }
  struct rp_err err;
  bool now = !it->met;
  char *text = xstrdup(it->text);
  if (readiness_set_manual(app_db(pr->base.app), app_config(pr->base.app), pr->id, it->key, now,
                           &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
  } else {
    app_message(pr->base.app, now ? ROLE_SUCCESS : ROLE_MUTED, "%s: %s",
                now ? "Ticked" : "Unticked", text);
    prep_refresh(pr);
  }
  free(text);
}

/* The contact and the draft's rows after an event, outside the draw. */
static void sync(struct prep *pr) {
  load(pr);
  prep_draft_sync(pr);
}

static void list_move(struct prep *pr, enum rp_action act) {
  list_view_move(&pr->rows.lv, act);
  pr->sel = prep_rows_entry(&pr->rows);
}

static int key_act(struct pane *p, rp_key k) {
  struct prep *pr = self(p);
  if (pr->editing) {
    prep_draft_key(pr, k);
    return PANE_HANDLED;
  }
  if (pr->pick.open) {
    prep_questions_modal_key(pr, k);
    return PANE_HANDLED;
  }
  load(pr);
  enum rp_action act = app_action(p->app, SCOPE_PREP, k);
  if (!pr->id) {
    if (act != ACT_NONE && action_in_scope(act, SCOPE_PREP)) {
      char keys[32], prep[32];
      app_key(p->app, SCOPE_GLOBAL, ACT_SCREEN_CONTACTS, keys, sizeof keys);
      app_key(p->app, SCOPE_CONTACTS, ACT_PREP, prep, sizeof prep);
      app_message(p->app, ROLE_MUTED, "Choose a contact first: press %s, select someone, press %s",
                  keys, prep);
      return PANE_HANDLED;
    }
    return PANE_IGNORED;
  }
  switch (act) {
  case ACT_FOCUS_NEXT: pr->focus = (pr->focus + 1) % PF_COUNT; return PANE_HANDLED;
  case ACT_FOCUS_PREV: pr->focus = (pr->focus + PF_COUNT - 1) % PF_COUNT; return PANE_HANDLED;
  case ACT_CALL: ui_app_call_asked(p->app, pr->id); return PANE_HANDLED;
  case ACT_DRAFT_DOWN:
  case ACT_DRAFT_UP: { /* half a window, whatever has the focus */
    struct list_view *lv = &pr->dview.lv;
    int half = lv->height / 2 > 0 ? lv->height / 2 : 1;
    lv->top += act == ACT_DRAFT_DOWN ? half : -half;
    list_view_fix(lv);
    return PANE_HANDLED;
  }
  case ACT_TOGGLE:
    if (pr->focus == PF_QUESTIONS) break;
    pr->focus = PF_LIST;
    toggle(pr);
    return PANE_HANDLED;
  default: break;
  }
  if (prep_questions_key(pr, act, k) == PANE_HANDLED) return PANE_HANDLED;
  switch (act) {
  case ACT_UP:
  case ACT_DOWN:
  case ACT_PAGE_UP:
  case ACT_PAGE_DOWN:
  case ACT_FIRST:
  case ACT_LAST:
    if (pr->focus == PF_LIST) list_move(pr, act);
    else list_view_move(&pr->dview.lv, act);
    return PANE_HANDLED;
  case ACT_EDIT: prep_draft_edit(pr); return PANE_HANDLED;
  default: break;
  }
  if (act == ACT_COPY) {
    app_copy(p->app, "outreach draft", pr->ct.draft);
    return PANE_HANDLED;
  }
  if (act == ACT_EXTERNAL_EDITOR || app_action(p->app, SCOPE_EDITOR, k) == ACT_EXTERNAL_EDITOR) {
    char *text = prep_draft_start_text(pr);
    prep_draft_external(pr, text);
    free(text);
    return PANE_HANDLED;
  }
  if (act == ACT_BACK && pr->narrow && pr->focus != PF_QUESTIONS) {
    pr->focus = PF_QUESTIONS;
    return PANE_HANDLED;
  }
  return PANE_IGNORED;
}

/* A key, then the contact and the draft's rows brought up to date. */
static int key(struct pane *p, rp_key k) {
  int r = key_act(p, k);
  sync(self(p));
  return r;
}

static void mouse_act(struct pane *p, int y, int x, int wheel) {
  struct prep *pr = self(p);
  if (pr->pick.open) {
    picker_mouse(&pr->pick, y, x, wheel);
    return;
  }
  if (pr->editing || !pr->id) return;
  int focus = pr->focus;
  if (!pr->narrow) {
    if (x >= pr->x + pr->list_w) focus = PF_DRAFT;
    else if (y < getbegy(pr->list_win)) focus = PF_QUESTIONS;
    else focus = PF_LIST;
  }
  if (wheel) {
    if (focus == PF_DRAFT) {
      list_view_wheel(&pr->dview.lv, wheel);
      return;
    }
    for (int i = 0; i < 3; i++) {
      enum rp_action a = wheel < 0 ? ACT_UP : ACT_DOWN;
      if (focus == PF_LIST) list_move(pr, a);
      else prep_questions_key(pr, a, 0);
    }
    return;
  }
  pr->focus = focus;
  if (focus == PF_QUESTIONS) {
    prep_questions_mouse(pr, y - getbegy(pr->q_win));
  } else if (focus == PF_LIST) {
    if (list_view_click(&pr->rows.lv, y - (getbegy(pr->list_win) + 1)))
      pr->sel = prep_rows_entry(&pr->rows);
  }
}

static void mouse(struct pane *p, int y, int x, int wheel) {
  mouse_act(p, y, x, wheel);
  sync(self(p));
}

static enum rp_scope active_scope(struct pane *p) {
  struct prep *pr = self(p);
  return pr->editing ? SCOPE_EDITOR : SCOPE_PREP;
}

static void enter(struct pane *p) {
  self(p)->stale = true;
  sync(self(p));
}

static void destroy(struct pane *p) {
  struct prep *pr = self(p);
  WINDOW *wins[] = {pr->head_win, pr->q_win,     pr->list_win,
                    pr->know_win, pr->draft_win, pr->sep_win};
  for (size_t i = 0; i < RP_ARRAY_LEN(wins); i++)
    if (wins[i]) delwin(wins[i]);
  unload(pr);
  prep_rows_free(&pr->qrows);
  picker_close(&pr->pick);
  text_edit_free(&pr->te);
  prep_draft_free(pr);
  free(pr);
}

static bool idle(struct pane *p) { return prep_draft_idle((struct prep *)p); }

static const struct pane_ops prep_ops = {
    .title = "Prep",
    .scope = SCOPE_PREP,
    .layout = layout,
    .draw = draw,
    .key = key,
    .mouse = mouse,
    .active_scope = active_scope,
    .enter = enter,
    .cursor = cursor,
    .destroy = destroy,
    .idle = idle,
};

struct pane *pane_prep_new(struct ui_app *app) {
  struct prep *pr = xcalloc(1, sizeof *pr);
  pr->base.ops = &prep_ops;
  pr->base.app = app;
  pr->stale = true;
  text_edit_set(&pr->te, "");
  return &pr->base;
}
