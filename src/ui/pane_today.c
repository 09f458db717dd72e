/* pane_today.c — screen 1, the home screen: what to do today, and why.
 * Sections from the agenda (overdue, today, this week, thank-yous owed,
 * actions from conversations, introductions, conversations coming up,
 * relationships going quiet, success reports owed); each row acts in one
 * key: open the contact, mark done, snooze a day or a week, start the call,
 * prepare. A thank-you owed opens its thank-you screen instead (with the
 * saved draft), starts no call, and asks before it is marked sent when it
 * names nothing from the call. O logs an outcome and creates a success
 * report for everyone who helped. An empty Today says what to do next. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/agenda.h"
#include "rapport/contact.h"
#include "rapport/followup.h"
#include "rapport/undo.h"
#include "rapport/outcome.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"
#include "rapport/when.h"
#include "app_form.h"
#include "widgets.h"

#define TODAY_DAYS 7

/* Items read per section: a screen's worth and more; the rest are counted
 * and listed by `rapport agenda`, so Today opens as fast on a journal of
 * 100,000 contacts as on one of ten. The first read of a Today that has
 * not been seen yet takes only what its screen shows (agenda_compute_screen:
 * nothing is counted beyond what it shows) and the rest is read once it
 * is painted (idle), before the next key; the screen stays the same but
 * for the counts ("Overdue (38+)", then "Overdue (500+)"). */
#define TODAY_LIMIT 100

/* One screen row: a section heading, an agenda item, or "N more". */
enum { ROW_HEADING = -1, ROW_MORE = -2 };
struct today_row {
  int section; /* heading and "more": the section; item: -1 */
  long item;   /* index into the agenda, or ROW_HEADING / ROW_MORE */
};

struct today {
  struct pane base;
  WINDOW *win;
  int y, x, h, w;
  struct rp_agenda ag;
  struct today_row *rows;
  size_t nrows;
  struct list_view lv; /* over rows: headings and "N more" lines cannot be chosen */
  bool stale;
  bool partial; /* the last read took what the screen shows, not TODAY_LIMIT per section */
  bool seen;    /* painted once: reads take TODAY_LIMIT from then on */
  long contacts;     /* 1 when the journal has a contact, else 0 */
  int ws_filled, ws_total;
  struct form form; /* the outcome, open while app_form_is(app, &form) */
};

static struct today *self(struct pane *p) { return (struct today *)p; }

static void rows_build(struct today *t) {
  free(t->rows);
  t->rows = xcalloc(t->ag.n + 2 * AG_SECTION_COUNT + 1, sizeof *t->rows);
  t->nrows = 0;
  int last = -1;
  size_t shown = 0;
  for (size_t i = 0; i <= t->ag.n; i++) {
    int s = i < t->ag.n ? (int)t->ag.v[i].section : -1;
    if (s == last) {
      shown++;
    } else {
      /* a section read in part ends with a line saying how many more */
      if (last >= 0 && (long)shown < t->ag.total[last])
        t->rows[t->nrows++] = (struct today_row){last, ROW_MORE};
      if (s >= 0) t->rows[t->nrows++] = (struct today_row){s, ROW_HEADING};
      last = s;
      shown = 1;
    }
    if (s >= 0) t->rows[t->nrows++] = (struct today_row){-1, (long)i};
  }
}

static bool is_item(const struct today *t, long r) {
  return r >= 0 && r < (long)t->nrows && t->rows[r].item >= 0;
}

/* For the list: a heading goes with the items below it, "N more" with
 * the item above it. */
static enum list_row row_kind(const void *ctx, long r) {
  const struct today *t = ctx;
  if (is_item(t, r)) return LIST_ITEM;
  return r >= 0 && r < (long)t->nrows && t->rows[r].item == ROW_HEADING ? LIST_HEAD : LIST_PART;
}

static const struct rp_agenda_item *selected(const struct today *t) {
  return is_item(t, t->lv.sel) ? &t->ag.v[t->rows[t->lv.sel].item] : NULL;
}

static void load(struct today *t) {
  if (!t->stale) return;
  t->stale = false;
  struct rp_db *db = app_db(t->base.app);
  const struct rp_config *cfg = app_config(t->base.app);
  struct rp_err err;
  /* keep the selection on the same follow-up or contact when possible */
  const struct rp_agenda_item *was = selected(t);
  int64_t was_fu = was ? was->followup_id : 0, was_ct = was ? was->contact_id : 0;
  agenda_free(&t->ag);
  t->partial = !t->seen && t->h > 0;
  t->seen = true;
  app_cadence_due(t->base.app, t->partial);
  enum rp_status s =
      t->partial
          ? agenda_compute_screen(db, cfg, NULL, TODAY_DAYS, TODAY_LIMIT, t->h, &t->ag, &err)
          : agenda_compute_page(db, cfg, NULL, TODAY_DAYS, TODAY_LIMIT, &t->ag, &err);
  if (s != RP_OK)
    app_message(t->base.app, ROLE_ERROR, "%s", err.msg);
  rows_build(t);
  long items = 0;
  for (int k = 0; k < AG_SECTION_COUNT; k++) items += t->ag.total[k];
  /* an empty Today says what to do next (draw_empty): whether there is
   * anyone at all (one row, not a count of every contact) and how much of
   * the worksheet is filled; not read when there are things to do */
  if (!items) {
    struct rp_contact_query all = {0};
    struct rp_contact_list one = {0};
    t->contacts = contact_list(db, &all, 0, 1, &one, &err) == RP_OK ? (long)one.n : 0;
    contact_list_free(&one);
    struct rp_ws_completeness wc;
    if (ws_completeness(db, cfg, &wc, &err) == RP_OK) {
      t->ws_filled = wc.filled;
      t->ws_total = wc.total;
      ws_completeness_free(&wc);
    }
  }
  long keep = -1, first = -1;
  for (size_t r = 0; r < t->nrows; r++) {
    if (!is_item(t, (long)r)) continue;
    const struct rp_agenda_item *it = &t->ag.v[t->rows[r].item];
    if (first < 0) first = (long)r;
    if (keep < 0 && ((was_fu && it->followup_id == was_fu) ||
                     (!was_fu && was_ct && it->contact_id == was_ct)))
      keep = (long)r;
  }
  if (keep < 0 && is_item(t, t->lv.sel)) keep = t->lv.sel;
  while (keep >= 0 && !is_item(t, keep)) keep--;
  t->lv.count = (long)t->nrows;
  list_view_select(&t->lv, keep >= 0 ? keep : first);
}

/* ---- drawing ---- */

static void layout(struct pane *p, int y, int x, int h, int w) {
  struct today *t = self(p);
  t->y = y, t->x = x, t->h = h, t->w = w;
  if (t->win) delwin(t->win);
  t->win = newwin(h, w, y, x);
  list_view_resize(&t->lv, h - 1); /* under the title */
}

static void draw_empty(struct today *t, int row) {
  WINDOW *w = t->win;
  char k2[32], k3[32], add[32];
  app_key(t->base.app, SCOPE_GLOBAL, ACT_SCREEN_CONTACTS, k2, sizeof k2);
  app_key(t->base.app, SCOPE_GLOBAL, ACT_SCREEN_WORKSHEET, k3, sizeof k3);
  app_key(t->base.app, SCOPE_CONTACTS, ACT_ADD, add, sizeof add);
  struct rp_strv lines = {0};
  char *m;
  if (t->ws_filled < t->ws_total) {
    m = xasprintf("Know yourself first: your worksheet has %d of %d sections filled. Press %s "
                  "for the Worksheet.",
                  t->ws_filled, t->ws_total, k3);
    strv_push(&lines, m);
    free(m);
  }
  if (!t->contacts) {
    m = xasprintf("Nobody to talk to yet: press %s for Contacts and %s to add someone you already "
                  "know: family, friends, former colleagues.",
                  k2, add);
  } else {
    m = xasprintf("Nothing due. A good day to give first: read or share the work of someone on "
                  "your list (%s for Contacts), or prepare your next conversation.",
                  k2);
  }
  strv_push(&lines, m);
  free(m);
  for (size_t i = 0; i < lines.n; i++) {
    struct rp_strv wrapped = {0};
    wrap_text(lines.v[i], t->w - 4, &wrapped);
    for (size_t j = 0; j < wrapped.n && row < t->h; j++)
      ui_put(w, row++, 2, t->w - 4, i == 0 && j == 0 ? ROLE_ACCENT : ROLE_NORMAL, wrapped.v[j]);
    strv_free(&wrapped);
    row++;
  }
  strv_free(&lines);
}

static void draw(struct pane *p) {
  struct today *t = self(p);
  load(t);
  WINDOW *w = t->win;
  werase(w);
  char day[64];
  time_t now = (time_t)db_now();
  struct tm tm;
  localtime_r(&now, &tm);
  strftime(day, sizeof day, "%A %Y-%m-%d", &tm);
  /* a call left running (C-g 1 from the Call screen): say so, and how back */
  const char *live = app_call_live(t->base.app);
  char back[32];
  app_key(t->base.app, SCOPE_GLOBAL, ACT_SCREEN_CALL, back, sizeof back);
  char *title = live ? xasprintf(" Today \xC2\xB7 %s \xC2\xB7 call in progress with %s: %s goes "
                                 "back to it", day, live, back)
                     : xasprintf(" Today \xC2\xB7 %s", day);
  long items = 0;
  bool at_least = false;
  for (int k = 0; k < AG_SECTION_COUNT; k++) { /* the first paint: "38+" until counted */
    items += t->ag.at_least[k] ? t->ag.total[k] - 1 : t->ag.total[k]; /* as the headings */
    at_least |= t->ag.at_least[k] || t->ag.total[k] >= AGENDA_COUNT_CAP;
  }
  char *count = items || at_least ? xasprintf(" %ld%s thing%s to do ", items,
                                              at_least ? "+" : "", items == 1 ? "" : "s")
                                  : xstrdup(" ");
  int cw = utf8_width(count);
  ui_fill(w, 0, 0, t->w, ROLE_TITLE);
  ui_put(w, 0, 0, t->w - cw, ROLE_TITLE, title);
  ui_put(w, 0, t->w - cw, cw, ROLE_TITLE, count);
  free(title);
  free(count);
  if (!items && !at_least) {
    draw_empty(t, 2);
    wnoutrefresh(w);
    return;
  }
  int rows = t->lv.height;
  long top = t->lv.top;
  int name_w = t->w >= 80 ? 22 : 16, date_w = 17;
  for (int i = 0; i < rows && top + i < (long)t->nrows; i++) {
    const struct today_row *r = &t->rows[top + i];
    int row = 1 + i;
    if (r->item == ROW_HEADING) {
      long n = t->ag.total[r->section];
      bool more = t->ag.at_least[r->section] || n >= AGENDA_COUNT_CAP;
      char *h = xasprintf(" %s (%ld%s)", rp_agenda_section_titles[r->section],
                          t->ag.at_least[r->section] ? n - 1 : n, more ? "+" : "");
      ui_put(w, row, 0, t->w, r->section == AG_OVERDUE ? ROLE_OVERDUE : ROLE_HEADER, h);
      free(h);
      continue;
    }
    if (r->item == ROW_MORE) {
      long n = t->ag.total[r->section], shown = 0;
      for (long k = top + i - 1; k >= 0 && is_item(t, k); k--) shown++;
      char *m = t->ag.at_least[r->section] /* not counted yet (the first paint) */
                    ? xstrdup("\xE2\x80\xA6 and more: `rapport agenda` lists them all")
                    : xasprintf("\xE2\x80\xA6 and %ld%s more: `rapport agenda` lists them "
                                "all",
                                n - shown, n >= AGENDA_COUNT_CAP ? "+" : "");
      ui_fill(w, row, 0, t->w, ROLE_NORMAL);
      ui_put(w, row, 3, t->w - 4, ROLE_MUTED, m);
      free(m);
      continue;
    }
    const struct rp_agenda_item *it = &t->ag.v[r->item];
    bool sel = top + i == t->lv.sel;
    enum rp_role base = list_row_role(sel, true, ROLE_NORMAL);
    ui_fill(w, row, 0, t->w, base);
    enum rp_role drole = it->section == AG_OVERDUE ? ROLE_OVERDUE
                         : it->section == AG_TODAY ? ROLE_DUE
                                                   : ROLE_MUTED;
    ui_put(w, row, 3, date_w - 1, sel ? base : drole, it->date ? it->date : "");
    ui_put(w, row, 3 + date_w, name_w - 1, base, it->contact_name ? it->contact_name : "");
    int wx = 3 + date_w + name_w;
    if (wx < t->w - 4) ui_put(w, row, wx, t->w - wx - 1, sel ? base : ROLE_NORMAL, it->why);
  }
  wnoutrefresh(w);
}

/* ---- actions ---- */

/* The selected row is a thank-you owed for a conversation. */
static bool is_thanks(const struct rp_agenda_item *it) {
  return it->followup_id && it->conversation_id && it->kind && strcmp(it->kind, "thank-you") == 0;
}

static void mark_done(struct today *t, const struct rp_agenda_item *it);

/* x on a thank-you that names nothing of the call asks first. */
static void done_anyway(void *ctx) {
  struct today *t = ctx;
  const struct rp_agenda_item *it = selected(t);
  if (it) mark_done(t, it);
}

static void done(struct today *t, const struct rp_agenda_item *it) {
  if (is_thanks(it)) {
    struct rp_specific v;
    struct rp_err err;
    if (followup_thanks_verdict(app_db(t->base.app), app_config(t->base.app), it->followup_id,
                                NULL, &v, &err) == RP_OK &&
        !v.specific) {
      char open[32], yes[32];
      app_key(t->base.app, SCOPE_TODAY, ACT_OPEN, open, sizeof open);
      char *body = xasprintf("The thank-you to %s is %s.\n\n%s opens it to make it specific."
                             "\n\n%s marks it sent as it is \xC2\xB7 any other key keeps it "
                             "open",
                             it->contact_name ? it->contact_name : "them", v.verdict, open,
                             app_answer_key(t->base.app, ACT_ANSWER_YES, yes, sizeof yes));
      app_confirm(t->base.app, "Send a thank-you that names nothing?", body, done_anyway, t);
      free(body);
      specific_free(&v);
      return;
    }
    specific_free(&v);
  }
  mark_done(t, it);
}

static void mark_done(struct today *t, const struct rp_agenda_item *it) {
  if (!it->followup_id) {
    app_message(t->base.app, ROLE_MUTED, "Nothing to mark done here: %s",
                it->conversation_id ? "c starts or resumes the call"
                                    : "open the contact and get in touch");
    return;
  }
  struct rp_err err;
  bool thanks = it->kind && strcmp(it->kind, "thank-you") == 0;
  char *name = xstrdup(it->contact_name ? it->contact_name : "");
  undo_label(app_db(t->base.app), "%s (%s)", thanks ? "mark thank-you sent" : "mark follow-up done",
             name);
  if (followup_mark(app_db(t->base.app), app_config(t->base.app), it->followup_id,
                    thanks ? "sent" : "done", &err) != RP_OK) {
    app_message(t->base.app, ROLE_ERROR, "%s", err.msg);
  } else {
    app_message(t->base.app, ROLE_SUCCESS, "%s for %s%s", thanks ? "Thank-you sent" : "Done",
                name, thanks ? " \xC2\xB7 they are thanked" : "");
  }
  free(name);
  t->stale = true;
}

static void snooze(struct today *t, const struct rp_agenda_item *it, int days) {
  if (!it->followup_id) {
    app_message(t->base.app, ROLE_MUTED, "Only follow-ups can be snoozed");
    return;
  }
  struct rp_err err;
  struct rp_db *db = app_db(t->base.app);
  struct rp_followup f = {0};
  undo_label(db, "snooze follow-up (%s)", it->contact_name ? it->contact_name : "");
  if (followup_snooze(db, it->followup_id, days, &err) != RP_OK ||
      followup_get(db, it->followup_id, &f, &err) != RP_OK) {
    app_message(t->base.app, ROLE_ERROR, "%s", err.msg);
  } else {
    char *tomorrow = date_local(db_now(), 1);
    /* what is owed shows whatever its due day: it is back when the snooze
     * ends; a dated follow-up on the later of that and its due day */
    bool owed = it->section == AG_THANKS || it->section == AG_ACTIONS ||
                it->section == AG_INTRODUCTIONS || it->section == AG_SUCCESS;
    const char *back = owed && f.snoozed_until ? f.snoozed_until : followup_effective_due(&f);
    app_message(t->base.app, ROLE_MUTED, "Snoozed: back %s%s",
                strcmp(back, tomorrow) == 0 ? "tomorrow" : "on ",
                strcmp(back, tomorrow) == 0 ? "" : back);
    free(tomorrow);
  }
  followup_free(&f);
  t->stale = true;
}

/* ---- the outcome form ---- */

static size_t suggest(void *ctx, const char *text, char **names, int64_t *ids, size_t max) {
  struct today *t = ctx;
  struct rp_contact_query q = {.text = text, .sort = SORT_NAME};
  struct rp_contact_list l = {0};
  struct rp_err err;
  size_t n = 0;
  if (contact_list(app_db(t->base.app), &q, 0, (long)max, &l, &err) != RP_OK) return 0;
  for (size_t i = 0; i < l.n && n < max; i++) {
    names[n] = !str_empty(l.v[i].org) ? xasprintf("%s (%s)", l.v[i].name, l.v[i].org)
                                      : xstrdup(l.v[i].name);
    ids[n++] = l.v[i].id;
  }
  contact_list_free(&l);
  return n;
}

static const struct app_form_ops outcome_ops;

static void open_outcome(struct today *t) {
  const struct rp_agenda_item *it = selected(t);
  char today[11];
  char *d = date_local(db_now(), 0);
  str_copy(today, sizeof today, d);
  free(d);
  form_init(&t->form, "Outcome: how did it turn out?");
  t->form.suggest = suggest;
  t->form.suggest_ctx = t;
  t->form.label_w = 14;
  form_add_text(&t->form, "text", "What happened", "");
  form_add_text(&t->form, "date", "Date", today)->when = WHEN_DAY;
  form_add_contact(&t->form, "contact", "About", it ? it->contact_id : 0,
                   it ? it->contact_name : NULL);
  app_form_open(&t->base, &t->form, &outcome_ops, t);
}

static void save_outcome(struct today *t) {
  const char *text = form_value(&t->form, "text");
  int64_t contact = form_field(&t->form, "contact")->contact_id;
  struct rp_helper_list helpers = {0};
  struct rp_err err;
  rp_err_clear(&err);
  char date[11];
  if (form_when(&t->form, "date", date, sizeof date, &err) != RP_OK) {
    form_error(&t->form, "date", err.msg);
    return;
  }
  int64_t id;
  if (outcome_add(app_db(t->base.app), text, str_empty(date) ? NULL : date, &contact,
                  contact ? 1 : 0, &id, &helpers, &err) != RP_OK) {
    form_error(&t->form, err.field[0] ? err.field : NULL, err.msg);
    helper_list_free(&helpers);
    return;
  }
  if (helpers.n) {
    struct rp_buf names = {0};
    for (size_t i = 0; i < helpers.n && i < 4; i++)
      buf_addf(&names, "%s%s", i ? ", " : "", helpers.v[i].name);
    if (helpers.n > 4) buf_addf(&names, " and %zu more", helpers.n - 4);
    app_message(t->base.app, ROLE_SUCCESS, "Outcome logged \xC2\xB7 tell them how it went: %s",
                buf_str(&names));
    buf_free(&names);
  } else {
    app_message(t->base.app, ROLE_SUCCESS,
                "Outcome logged \xC2\xB7 choose who it is about to thank who helped");
  }
  helper_list_free(&helpers);
  app_form_close(t->base.app);
  t->stale = true;
}

static void save_cb(void *ctx) { save_outcome(ctx); }

static const struct app_form_ops outcome_ops = {.what = "This outcome", .save = save_cb};

static int key(struct pane *p, rp_key k) {
  struct today *t = self(p);
  load(t);
  enum rp_action act = app_action(p->app, SCOPE_TODAY, k);
  const struct rp_agenda_item *it = selected(t);
  switch (act) {
  case ACT_UP:
  case ACT_DOWN:
  case ACT_PAGE_UP:
  case ACT_PAGE_DOWN:
  case ACT_FIRST:
  case ACT_LAST: list_view_move(&t->lv, act); return PANE_HANDLED;
  case ACT_OUTCOME: open_outcome(t); return PANE_HANDLED;
  default: break;
  }
  if (!it) {
    if (act == ACT_OPEN || act == ACT_DONE || act == ACT_SNOOZE || act == ACT_SNOOZE_WEEK ||
        act == ACT_CALL || act == ACT_PREP) {
      app_message(p->app, ROLE_MUTED, "Nothing selected: Today is empty");
      return PANE_HANDLED;
    }
    return PANE_IGNORED;
  }
  switch (act) {
  case ACT_OPEN:
    if (is_thanks(it)) app_open_thanks(p->app, it->conversation_id); /* with its draft */
    else app_show_contact(p->app, it->contact_id);
    return PANE_HANDLED;
  case ACT_DONE: done(t, it); return PANE_HANDLED;
  case ACT_SNOOZE: snooze(t, it, 1); return PANE_HANDLED;
  case ACT_SNOOZE_WEEK: snooze(t, it, 7); return PANE_HANDLED;
  case ACT_CALL:
    if (is_thanks(it)) { /* the call is over: what is owed is the thank-you */
      char open[32], contacts[32];
      app_key(p->app, SCOPE_TODAY, ACT_OPEN, open, sizeof open);
      app_key(p->app, SCOPE_GLOBAL, ACT_SCREEN_CONTACTS, contacts, sizeof contacts);
      app_message(p->app, ROLE_MUTED,
                  "No call here: this is the thank-you for a call held \xC2\xB7 %s opens it "
                  "\xC2\xB7 to talk to %s again, start a call from Contacts (%s)",
                  open, it->contact_name ? it->contact_name : "them", contacts);
      return PANE_HANDLED;
    }
    ui_app_call_asked(p->app, it->contact_id);
    return PANE_HANDLED;
  case ACT_PREP:
    app_set_contact(p->app, it->contact_id);
    app_switch(p->app, SCREEN_PREP);
    return PANE_HANDLED;
  default: return PANE_IGNORED;
  }
}

static void mouse(struct pane *p, int y, int x, int wheel) {
  struct today *t = self(p);
  (void)x;
  load(t);
  if (wheel) list_view_wheel(&t->lv, wheel);
  else list_view_click(&t->lv, y - t->y - 1);
}

static enum rp_scope active_scope(struct pane *p) {
  (void)p;
  return SCOPE_TODAY;
}

static void enter(struct pane *p) { self(p)->stale = true; }

/* After the first paint: read the rest of each section (TODAY_LIMIT). */
static bool idle(struct pane *p) {
  struct today *t = self(p);
  if (!t->partial) return false;
  t->stale = true;
  load(t);
  return true;
}

static void destroy(struct pane *p) {
  struct today *t = self(p);
  if (t->win) delwin(t->win);
  agenda_free(&t->ag);
  free(t->rows);
  free(t); /* the form: the app frees it */
}

static const struct pane_ops today_ops = {
    .title = "Today",
    .scope = SCOPE_TODAY,
    .layout = layout,
    .draw = draw,
    .key = key,
    .mouse = mouse,
    .active_scope = active_scope,
    .enter = enter,
    .destroy = destroy,
    .idle = idle,
};

struct pane *pane_today_new(struct ui_app *app) {
  struct today *t = xcalloc(1, sizeof *t);
  t->base.ops = &today_ops;
  t->base.app = app;
  t->lv = (struct list_view){.sel = -1, .height = 1, .row = row_kind, .ctx = t};
  t->stale = true;
  return &t->base;
}
