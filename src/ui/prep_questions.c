/* prep_questions.c — on Prep, the next conversation with the contact: its
 * objective, time, length and channel (o) and its questions in the order you will ask them: add your
 * own (a), pick from the question bank (b) or from the worksheet's open
 * information gaps (i), edit (e), delete (d), move (K/J, S-Up/S-Down).
 * Each question shows its warnings (confidential, canned, a job ask, a
 * poor fit for the person's seniority). The conversation is created when
 * the first question or the objective is saved. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_prep.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"
#include "rapport/when.h"
#include "rapport/undo.h"

void prep_questions_free(struct prep *pr) {
  conv_free(&pr->conv);
  question_list_free(&pr->qs);
  prep_rows_free(&pr->qrows);
}

void prep_questions_load(struct prep *pr) {
  struct rp_db *db = app_db(pr->base.app);
  struct rp_err err;
  int64_t id;
  prep_questions_free(pr);
  enum rp_status st = conv_current(db, pr->id, &id, &err);
  if (st == RP_NO) return; /* nothing planned yet */
  if (st == RP_OK) st = conv_get(db, id, &pr->conv, &err);
  if (st == RP_OK) st = question_list(db, id, &pr->qs, &err);
  if (st != RP_OK) app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
  if (pr->qsel >= (long)pr->qs.n) pr->qsel = pr->qs.n ? (long)pr->qs.n - 1 : 0;
}

/* The conversation to add to: the current one, created when needed. */
static int64_t conversation(struct prep *pr) {
  if (pr->conv.id) return pr->conv.id;
  int64_t id = 0;
  struct rp_err err;
  if (conv_prepare(app_db(pr->base.app), app_config(pr->base.app), pr->id, &id, &err) != RP_OK)
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
  return id;
}

/* ---- drawing ---- */

void prep_objective_draw(struct prep *pr, WINDOW *w, int row, int width) {
  const struct rp_config *cfg = app_config(pr->base.app);
  char keys[32], when[32] = "";
  app_key(pr->base.app, SCOPE_PREP, ACT_OBJECTIVE, keys, sizeof keys);
  /* on the right: how long, how, when */
  const struct rp_choice *ch = choices_find(&cfg->channels, pr->conv.channel);
  if (pr->conv.scheduled_at) datetime_format(pr->conv.scheduled_at, when, sizeof when);
  char *plan = xasprintf(" %d min%s%s%s%s ", pr->conv.id ? pr->conv.minutes : cfg->call_minutes,
                         ch ? " \xC2\xB7 " : "", ch ? ch->label : "", when[0] ? " \xC2\xB7 " : "",
                         when);
  int pw = utf8_width(plan);
  if (pw > width / 2) pw = 0;
  if (pw) ui_put(w, row, width - pw, pw, ROLE_MUTED, plan);
  free(plan);
  char *m = str_empty(pr->conv.objective)
                ? xasprintf(" Objective: not written yet \xE2\x80\x94 %s: what do you want to "
                            "learn from this conversation?",
                            keys)
                : xasprintf(" Objective: %s", pr->conv.objective);
  ui_put(w, row, 0, width - pw, str_empty(pr->conv.objective) ? ROLE_WARNING : ROLE_ACCENT, m);
  free(m);
}

static void build(struct prep *pr, int width) {
  prep_rows_free(&pr->qrows);
  pr->qrows.width = width;
  const struct rp_config *cfg = app_config(pr->base.app);
  for (size_t i = 0; i < pr->qs.n; i++) {
    const struct rp_question *q = &pr->qs.v[i];
    char *line = xasprintf("%zu %s", i + 1, q->text);
    prep_rows_push(&pr->qrows, line, ROLE_NORMAL, (int)i, true, 1, width - 1);
    free(line);
    struct rp_strv warn = {0};
    question_warnings(cfg, q, pr->ct.seniority, &warn);
    for (size_t j = 0; j < warn.n; j++) {
      char *wl = xasprintf("\xE2\x9A\xA0 %s", warn.v[j]); /* ⚠ */
      prep_rows_push(&pr->qrows, wl, ROLE_WARNING, (int)i, false, 3, width - 1);
      free(wl);
    }
    strv_free(&warn);
  }
}

/* See pane_prep.h. */
void prep_questions_layout(struct prep *pr) {
  if (!pr->q_win) return;
  build(pr, getmaxx(pr->q_win));
  prep_rows_show(&pr->qrows, pr->qsel, getmaxy(pr->q_win) - 1);
}

void prep_questions_draw(struct prep *pr) {
  WINDOW *w = pr->q_win;
  int width = getmaxx(w), height = getmaxy(w);
  bool focused = pr->focus == PF_QUESTIONS;
  werase(w);
  char *title = xasprintf(" Questions %zu%s", pr->qs.n,
                          pr->qs.n < 3 ? " (prepare at least 3)" : "");
  ui_put(w, 0, 0, width, focused ? ROLE_HEADER : ROLE_MUTED, title);
  free(title);
  if (!pr->qs.n) {
    char add[32], bank[32], gaps[32];
    app_key(pr->base.app, SCOPE_PREP, ACT_ADD, add, sizeof add);
    app_key(pr->base.app, SCOPE_PREP, ACT_BANK, bank, sizeof bank);
    app_key(pr->base.app, SCOPE_PREP, ACT_GAPS, gaps, sizeof gaps);
    char *m = xasprintf("None yet: %s writes your own, %s picks from the question bank, %s "
                        "turns an open gap from your worksheet into a question.",
                        add, bank, gaps);
    struct rp_strv lines = {0};
    wrap_text(m, width - 3, &lines);
    for (size_t i = 0; i < lines.n && 1 + (int)i < height; i++)
      ui_put(w, 1 + (int)i, 1, width - 2, ROLE_MUTED, lines.v[i]);
    strv_free(&lines);
    free(m);
    wnoutrefresh(w);
    return;
  }
  const struct list_view *lv = &pr->qrows.lv;
  for (int i = 0; i < lv->height && lv->top + i < (long)pr->qrows.n; i++) {
    const struct prep_row *r = &pr->qrows.v[lv->top + i];
    bool sel = lv->top + i == lv->sel;
    enum rp_role role = list_row_role(sel, focused, r->role);
    if (sel) ui_fill(w, 1 + i, 0, width, role);
    ui_put(w, 1 + i, r->indent, width - r->indent, role, r->text);
  }
  wnoutrefresh(w);
}

void prep_questions_modal_draw(struct prep *pr) {
  if (pr->pick.open) picker_draw(&pr->pick);
}

/* ---- actions ---- */

static void reload(struct prep *pr, int64_t select_id) {
  prep_refresh(pr); /* readiness counts the questions too */
  for (size_t i = 0; i < pr->qs.n; i++)
    if (pr->qs.v[i].id == select_id) pr->qsel = (long)i;
  prep_rows_show(&pr->qrows, pr->qsel, pr->qrows.lv.height);
}

static const struct app_form_ops objective_ops, question_ops;

static void open_form(struct prep *pr, int kind, const char *title, const char *label,
                      const char *value) {
  form_init(&pr->form, title);
  form_add_text(&pr->form, "text", label, value);
  pr->form_kind = kind;
  app_form_open(&pr->base, &pr->form,
                kind == PREP_FORM_OBJECTIVE ? &objective_ops : &question_ops, pr);
}

static void save_form(struct prep *pr) {
  struct rp_db *db = app_db(pr->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  const char *text = form_value(&pr->form, "text");
  int64_t select = pr->form_qid;
  if (pr->form_kind == PREP_FORM_OBJECTIVE) {
    /* check what was typed before anything is created */
    /* "tomorrow 10am", "fri 14:30"; "45 min", "1h" (when.h) */
    char when[17], mins[16];
    int64_t at = 0;
    if (form_when(&pr->form, "when", when, sizeof when, &err) != RP_OK ||
        (when[0] && !datetime_parse(when, &at))) {
      form_error(&pr->form, "when", err.msg[0] ? err.msg : "When is not a moment in local time");
      return;
    }
    if (form_when(&pr->form, "minutes", mins, sizeof mins, &err) != RP_OK) {
      form_error(&pr->form, "minutes", err.msg);
      return;
    }
    long m = mins[0] ? strtol(mins, NULL, 10) : 0;
    if (m < 1 || m > 240) {
      form_error(&pr->form, "minutes", "Minutes: a conversation is planned for 1 minute to 4 "
                                       "hours (about 20 is plenty)");
      return;
    }
    int64_t id = conversation(pr);
    if (!id) return;
    struct rp_conversation conv;
    conv_init(&conv);
    enum rp_status st = conv_get(db, id, &conv, &err);
    if (st == RP_OK) {
      str_replace(&conv.objective, str_empty(text) ? NULL : text);
      conv.scheduled_at = at;
      conv.minutes = (int)m;
      const char *ch = form_value(&pr->form, "channel");
      str_replace(&conv.channel, ch);
      st = conv_update(db, app_config(pr->base.app), &conv, &err);
    }
    conv_free(&conv);
    if (st != RP_OK) {
      form_error(&pr->form, err.field[0] ? err.field : NULL, err.msg);
      return;
    }
    app_message(pr->base.app, ROLE_SUCCESS, "Conversation saved");
  } else if (pr->form_qid) {
    if (question_update_text(db, pr->form_qid, text, &err) != RP_OK) {
      form_error(&pr->form, "text", err.msg);
      return;
    }
    app_message(pr->base.app, ROLE_SUCCESS, "Question saved");
  } else {
    int64_t id = conversation(pr);
    if (!id) return;
    struct rp_question q = {.conversation_id = id, .text = xstrdup(text)};
    if (question_add(db, &q, &err) != RP_OK) {
      form_error(&pr->form, "text", err.msg);
      question_free(&q);
      return;
    }
    select = q.id;
    question_free(&q);
    app_message(pr->base.app, ROLE_SUCCESS, "Question added");
  }
  app_form_close(pr->base.app);
  reload(pr, select);
}

static void open_bank(struct prep *pr) {
  const struct rp_config *cfg = app_config(pr->base.app);
  if (!cfg->n_bank) {
    app_message(pr->base.app, ROLE_WARNING, "The question bank is empty (question_bank in the "
                                             "config)");
    return;
  }
  picker_open(&pr->pick, "Question bank", "Enter adds the question \xC2\xB7 Esc closes");
  for (size_t c = 0; c < cfg->n_bank; c++) {
    const struct rp_bank_category *cat = &cfg->bank[c];
    char *h = xasprintf("#%s", cat->label ? cat->label : cat->key);
    picker_add(&pr->pick, h, -1);
    free(h);
    for (size_t q = 0; q < cat->n_questions; q++) {
      bool flagged = cat->questions[q].flags.n > 0;
      char *line = flagged ? xasprintf("%s  (%s)", cat->questions[q].text,
                                       cat->questions[q].flags.v[0])
                           : xstrdup(cat->questions[q].text);
      picker_add(&pr->pick, line, (long)(c * 1000 + q));
      free(line);
    }
  }
  pr->pick_kind = PREP_PICK_BANK;
}

static void open_gaps(struct prep *pr) {
  struct rp_ws_list gaps = {0};
  struct rp_err err;
  if (ws_item_list(app_db(pr->base.app), WS_GAP, &gaps, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  size_t open = 0;
  for (size_t i = 0; i < gaps.n; i++) open += !gaps.v[i].flag;
  if (!open) {
    char ws[32];
    app_key(pr->base.app, SCOPE_GLOBAL, ACT_SCREEN_WORKSHEET, ws, sizeof ws);
    app_message(pr->base.app, ROLE_MUTED,
                "No open information gaps: press %s and add what you still need to know", ws);
    ws_list_free(&gaps);
    return;
  }
  picker_open(&pr->pick, "Open information gaps",
              "Enter makes it a question \xC2\xB7 Esc closes");
  for (size_t i = 0; i < gaps.n; i++)
    if (!gaps.v[i].flag) picker_add(&pr->pick, gaps.v[i].title, (long)gaps.v[i].id);
  pr->pick_kind = PREP_PICK_GAP;
  ws_list_free(&gaps);
}

static void picked(struct prep *pr, long value) {
  int64_t conv = conversation(pr);
  if (!conv) return;
  struct rp_err err;
  int64_t id = 0;
  enum rp_status st;
  if (pr->pick_kind == PREP_PICK_BANK) {
    const struct rp_config *cfg = app_config(pr->base.app);
    size_t c = (size_t)value / 1000, q = (size_t)value % 1000;
    st = question_add_from_bank(app_db(pr->base.app), cfg, conv, cfg->bank[c].key, q, &id, &err);
  } else {
    st = question_add_from_gap(app_db(pr->base.app), conv, (int64_t)value, &id, &err);
    if (st == RP_NO) {
      app_message(pr->base.app, ROLE_MUTED, "That gap is already one of the questions");
      return;
    }
  }
  if (st != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  app_message(pr->base.app, ROLE_SUCCESS, "Question added");
  reload(pr, id);
}

static void do_delete(void *ctx) {
  struct prep *pr = ctx;
  struct rp_err err;
  undo_label(app_db(pr->base.app), "delete a question");
  if (question_delete(app_db(pr->base.app), pr->delete_qid, &err) != RP_OK)
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
  else
    app_message(pr->base.app, ROLE_SUCCESS, "Question deleted");
  reload(pr, 0);
}

static void move_question(struct prep *pr, int delta) {
  if (!pr->qs.n) return;
  struct rp_err err;
  int64_t id = pr->qs.v[pr->qsel].id;
  if (question_move(app_db(pr->base.app), id, delta, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  reload(pr, id);
}

int prep_questions_key(struct prep *pr, enum rp_action act, rp_key k) {
  /* wherever the focus is */
  switch (act) {
  case ACT_OBJECTIVE: {
    const struct rp_config *cfg = app_config(pr->base.app);
    open_form(pr, PREP_FORM_OBJECTIVE, "The conversation", "I want to learn", pr->conv.objective);
    char when[32] = "", mins[16];
    if (pr->conv.scheduled_at) datetime_format(pr->conv.scheduled_at, when, sizeof when);
    snprintf(mins, sizeof mins, "%d", pr->conv.id ? pr->conv.minutes : cfg->call_minutes);
    form_add_text(&pr->form, "when", "When", when)->when = WHEN_DATETIME;
    form_add_text(&pr->form, "minutes", "Minutes", mins)->when = WHEN_MINUTES;
    form_add_choice(&pr->form, "channel", "How", &cfg->channels, pr->conv.channel, true);
    pr->form.label_w = 16;
    return PANE_HANDLED;
  }
  case ACT_BANK:
    pr->focus = PF_QUESTIONS;
    open_bank(pr);
    return PANE_HANDLED;
  case ACT_GAPS:
    pr->focus = PF_QUESTIONS;
    open_gaps(pr);
    return PANE_HANDLED;
  case ACT_ADD:
    pr->focus = PF_QUESTIONS;
    pr->form_qid = 0;
    open_form(pr, PREP_FORM_QUESTION, "New question", "Question", "");
    return PANE_HANDLED;
  default: break;
  }
  if (pr->focus != PF_QUESTIONS) return PANE_IGNORED;
  (void)k;
  switch (act) {
  case ACT_UP:
  case ACT_DOWN:
  case ACT_PAGE_UP:
  case ACT_PAGE_DOWN:
  case ACT_FIRST:
  case ACT_LAST:
    list_view_move(&pr->qrows.lv, act);
    pr->qsel = prep_rows_entry(&pr->qrows);
    return PANE_HANDLED;
  case ACT_MOVE_UP: move_question(pr, -1); return PANE_HANDLED;
  case ACT_MOVE_DOWN: move_question(pr, 1); return PANE_HANDLED;
  case ACT_EDIT:
    if (!pr->qs.n) return PANE_HANDLED;
    pr->form_qid = pr->qs.v[pr->qsel].id;
    open_form(pr, PREP_FORM_QUESTION, "Edit question", "Question", pr->qs.v[pr->qsel].text);
    return PANE_HANDLED;
  case ACT_DELETE: {
    if (!pr->qs.n) return PANE_HANDLED;
    pr->delete_qid = pr->qs.v[pr->qsel].id;
    char yes[32];
    char *body = xasprintf("Delete the question \xE2\x80\x9C%s\xE2\x80\x9D?\n\n"
                           "%s deletes \xC2\xB7 any other key keeps it",
                           pr->qs.v[pr->qsel].text,
                           app_answer_key(pr->base.app, ACT_ANSWER_YES, yes, sizeof yes));
    app_confirm(pr->base.app, "Delete question", body, do_delete, pr);
    free(body);
    return PANE_HANDLED;
  }
  default: return PANE_IGNORED;
  }
}

static void save_cb(void *ctx) { save_form(ctx); }

static const struct app_form_ops objective_ops = {.what = "The conversation", .save = save_cb};
static const struct app_form_ops question_ops = {.what = "This question", .save = save_cb};

void prep_questions_modal_key(struct prep *pr, rp_key k) {
  if (pr->pick.open) {
    long value;
    int r = picker_key(&pr->pick, pr->base.app, k, &value);
    if (r == PICK_CONTINUE) return;
    picker_close(&pr->pick);
    if (r == PICK_CHOSEN) picked(pr, value);
    return;
  }
}

void prep_questions_mouse(struct prep *pr, int row) {
  if (list_view_click(&pr->qrows.lv, row - 1)) pr->qsel = prep_rows_entry(&pr->qrows);
}
