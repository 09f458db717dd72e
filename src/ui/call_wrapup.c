/* call_wrapup.c — after the call: the wrap-up form (four fit questions
 * scored 1–5 with a note each, the information gaps this conversation
 * answered), then the thank-you: due the next day, its draft from the
 * template, a check that it names a topic of the call (its notes,
 * objective or questions), and `m` to mark it sent (the contact moves to
 * "thanked"; a draft that names nothing asks first). A thank-you left for
 * later reopens here from Today (pane_call_thanks). */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_call.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"
#include "rapport/undo.h"

static struct rp_choice score_v[] = {
    {"1", "1 \xE2\x80\x94 no", NULL},     {"2", "2", NULL}, {"3", "3 \xE2\x80\x94 maybe", NULL},
    {"4", "4", NULL},                     {"5", "5 \xE2\x80\x94 yes", NULL},
};
static const struct rp_choices scores = {score_v, 5};
static struct rp_choice answered_v[] = {
    {"yes", "answered in this call", NULL},
};
static const struct rp_choices answered = {answered_v, 1};

static const char *const fit_keys[RP_FIT_COUNT] = {"fit1", "fit2", "fit3", "fit4"};
static const char *const note_keys[RP_FIT_COUNT] = {"note1", "note2", "note3", "note4"};
/* Per gap: the question (a note), answered here or not, the answer. */
#define GAP_KEYS(p) {p "0", p "1", p "2",  p "3",  p "4",  p "5",  p "6",  p "7", \
                     p "8", p "9", p "10", p "11", p "12", p "13", p "14", p "15"}
static const char *const gapq_keys[16] = GAP_KEYS("gapq");
static const char *const gap_keys[16] = GAP_KEYS("gap");
static const char *const gapa_keys[16] = GAP_KEYS("gapa");
static const char *const gap_labels[16] = {
    "Gap 1", "Gap 2",  "Gap 3",  "Gap 4",  "Gap 5",  "Gap 6",  "Gap 7",  "Gap 8",
    "Gap 9", "Gap 10", "Gap 11", "Gap 12", "Gap 13", "Gap 14", "Gap 15", "Gap 16"};

/* The verdict is made again at the next draw. */
static void verdict_forget(struct call *c) {
  free(c->verdict.text);
  free(c->verdict.line);
  memset(&c->verdict, 0, sizeof c->verdict);
}

void call_thanks_free(struct call *c) {
  if (app_form_is(c->base.app, &c->form)) app_form_close(c->base.app);
  followup_free(&c->fu);
  thanks_source_free(&c->src);
  verdict_forget(c);
  c->followup_id = 0;
  c->n_gaps = 0;
}

static const struct app_form_ops wrapup_ops;

void call_wrapup_open(struct call *c) {
  call_thanks_free(c);
  char *took = conv_length_text(&c->conv);
  char *title = xasprintf("Wrap-up \xC2\xB7 %s \xC2\xB7 %s", c->ct.name ? c->ct.name : "", took);
  free(took);
  form_init(&c->form, title);
  free(title);
  c->form.label_w = 23;
  for (int i = 0; i < RP_FIT_COUNT; i++) {
    char v[4];
    snprintf(v, sizeof v, "%d", c->conv.fit[i]);
    form_add_choice(&c->form, fit_keys[i], rp_fit_questions[i], &scores,
                    c->conv.fit[i] ? v : NULL, true);
    form_add_text(&c->form, note_keys[i], "  why", c->conv.fit_note[i]);
  }
  /* the open information gaps (and those this conversation answered, to
   * correct them): each question whole, whether it was answered here, the
   * answer */
  struct rp_ws_list gaps = {0};
  struct rp_err err;
  if (ws_item_list(app_db(c->base.app), WS_GAP, &gaps, &err) == RP_OK) {
    for (size_t i = 0; i < gaps.n && c->n_gaps < RP_ARRAY_LEN(c->gap_ids); i++) {
      const struct rp_ws_item *g = &gaps.v[i];
      bool here = g->flag && g->ref == c->conv_id;
      if (g->flag && !here) continue;
      size_t k = c->n_gaps++;
      form_add_note(&c->form, gapq_keys[k], gap_labels[k], g->title);
      form_add_choice(&c->form, gap_keys[k], "  answered", &answered, here ? "yes" : NULL, true)
          ->none_label = "not here";
      form_add_text(&c->form, gapa_keys[k], "  answer", here ? g->text1 : NULL);
      c->gap_ids[k] = g->id;
    }
  }
  ws_list_free(&gaps);
  app_form_open(&c->base, &c->form, &wrapup_ops, c);
  c->mode = CALL_WRAPUP;
  c->back = SCREEN_CONTACTS; /* after the thank-you */
  {
    char *rkey = xasprintf("wrapup:%lld", (long long)c->conv_id);
    char *label = xasprintf("the wrap-up of the call with %s", c->ct.name ? c->ct.name : "them");
    app_wrapup_owed(c->base.app, c->conv_id, label);
    app_typing_form(c->base.app, &c->form, rkey, label);
    free(rkey);
    free(label);
  }
  char *len = conv_length_text(&c->conv); /* planned vs actual, to the second */
  app_message(c->base.app, ROLE_SUCCESS,
              "Call ended: %s \xC2\xB7 %s is now met \xC2\xB7 score the fit, then the thank-you",
              len, c->ct.name);
  free(len);
}

/* The thank-you for this conversation, created once. */
static void open_thanks(struct call *c) {
  struct rp_err err;
  struct rp_db *db = app_db(c->base.app);
  followup_free(&c->fu);
  thanks_source_free(&c->src);
  verdict_forget(c);
  if (followup_thank_you(db, app_config(c->base.app), c->conv_id, &c->followup_id, &err) !=
          RP_OK ||
      followup_get(db, c->followup_id, &c->fu, &err) != RP_OK ||
      followup_thanks_source(db, c->conv_id, &c->src, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    c->mode = CALL_NONE;
    return;
  }
  c->mode = CALL_THANKS;
}

static void close_wrapup(struct call *c) {
  app_form_close(c->base.app); /* and its recovery copy */
  app_wrapup_done(c->base.app, c->conv_id);
  open_thanks(c);
}

static void save_wrapup(struct call *c) {
  struct rp_db *db = app_db(c->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_conversation conv;
  conv_init(&conv);
  if (conv_get(db, c->conv_id, &conv, &err) != RP_OK) {
    form_error(&c->form, NULL, err.msg);
    return;
  }
  for (int i = 0; i < RP_FIT_COUNT; i++) {
    const char *v = form_value(&c->form, fit_keys[i]);
    conv.fit[i] = v ? atoi(v) : 0;
    const char *n = form_value(&c->form, note_keys[i]);
    str_replace(&conv.fit_note[i], str_empty(n) ? NULL : n);
  }
  if (conv_update(db, app_config(c->base.app), &conv, &err) != RP_OK) {
    form_error(&c->form, err.field[0] ? err.field : NULL, err.msg);
    conv_free(&conv);
    return;
  }
  conv_free(&conv);
  int answered_n = 0;
  for (size_t i = 0; i < c->n_gaps; i++) {
    /* an answer written there marks it answered */
    const char *answer = form_value(&c->form, gapa_keys[i]);
    if (!form_value(&c->form, gap_keys[i]) && str_empty(answer)) {
      struct rp_ws_item it; /* answered here before, not any more: open again */
      if (ws_item_get(db, c->gap_ids[i], &it, &err) == RP_OK && it.flag && it.ref == c->conv_id) {
        it.flag = false;
        it.ref = 0;
        ws_item_update(db, &it, &err);
      }
      ws_item_free(&it);
      continue;
    }
    if (ws_gap_answer(db, c->gap_ids[i], answer, c->conv_id, 0, &err) == RP_OK) answered_n++;
    else app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
  }
  app_message(c->base.app, ROLE_SUCCESS, "Wrap-up saved%s \xC2\xB7 now the thank-you",
              answered_n ? " \xC2\xB7 gaps answered" : "");
  close_wrapup(c);
}

static void save_cb(void *ctx) { save_wrapup(ctx); }

/* Esc: the call is over either way, on to the thank-you. */
static void skipped(void *ctx) {
  struct call *c = ctx;
  app_message(c->base.app, ROLE_MUTED, "Wrap-up skipped");
  app_wrapup_done(c->base.app, c->conv_id);
  open_thanks(c);
}

static const struct app_form_ops wrapup_ops = {
    .what = "The wrap-up", .save = save_cb, .closed = skipped, .esc_closes = true};

/* ---- the thank-you ---- */

/* The verdict of text, "Specific: it names 'x' from your notes." or "Not
 * specific: name something from the call, e.g. 'x'.", and in *specific
 * which. Made again only when the text changed: a key typed into a long
 * thank-you does not read it all again. */
static const char *verdict_line(struct call *c, const char *text, bool *specific) {
  bool editing = c->mode == CALL_THANKS_EDIT;
  bool same = c->verdict.valid && c->verdict.editing == editing &&
              (editing ? c->verdict.version == c->te.version
                       : c->verdict.text && strcmp(c->verdict.text, text) == 0);
  if (!same) {
    verdict_forget(c);
    struct rp_specific v;
    c->verdict.specific = followup_check_specific(app_config(c->base.app), text, &c->src, &v);
    c->verdict.line = c->verdict.specific ? xasprintf("Specific: it %s.", v.verdict)
                                          : xasprintf("N%s.", v.verdict + 1); /* "not specific: …" */
    specific_free(&v);
    c->verdict.valid = true;
    c->verdict.editing = editing;
    c->verdict.version = c->te.version;
    if (!editing) c->verdict.text = xstrdup(text);
  }
  *specific = c->verdict.specific;
  return c->verdict.line;
}

void call_thanks_draw(struct call *c, int *cy, int *cx) {
  WINDOW *w = c->win;
  int width = c->w, height = c->h;
  *cy = *cx = -1;
  if (c->mode == CALL_WRAPUP || !c->followup_id) {
    ui_put(w, 0, 0, width, ROLE_TITLE, " Wrap-up");
    return;
  }
  const char *medium = c->fu.medium ? c->fu.medium : "email";
  char *title = xasprintf(" Thank-you to %s \xC2\xB7 due %s \xC2\xB7 by %s%s", c->ct.name,
                          c->fu.due ? c->fu.due : "?", medium,
                          c->fu.status && strcmp(c->fu.status, "sent") == 0 ? " \xC2\xB7 sent"
                                                                              : "");
  ui_put(w, 0, 0, width, ROLE_TITLE, title);
  free(title);
  int row = 1;
  if (strcmp(medium, "handwritten") == 0)
    ui_put(w, row++, 1, width - 2, ROLE_ACCENT,
           "A handwritten card: they are senior or traditional, and it will be remembered.");
  const char *text = c->mode == CALL_THANKS_EDIT ? text_edit_text(&c->te)
                                                  : (c->fu.draft ? c->fu.draft : "");
  /* the specificity check, live */
  bool specific;
  const char *verdict = verdict_line(c, text, &specific);
  int body = height - row - 4;
  if (body < 2) body = 2;
  if (c->mode == CALL_THANKS_EDIT) {
    text_edit_draw(&c->te, w, row, 1, body, width - 2, ROLE_INPUT, cy, cx);
  } else {
    struct rp_strv lines = {0};
    wrap_text_max(text, width - 3, (size_t)body, &lines);
    for (int i = 0; i < body && i < (int)lines.n; i++)
      ui_put(w, row + i, 1, width - 2, ROLE_NORMAL, lines.v[i]);
    strv_free(&lines);
  }
  row += body + 1;
  ui_put(w, row, 1, width - 2, specific ? ROLE_SUCCESS : ROLE_WARNING, verdict);
  if (c->mode == CALL_THANKS) {
    char edit[32], sent[32], ext[32];
    app_key(c->base.app, SCOPE_CALL, ACT_EDIT, edit, sizeof edit);
    app_key(c->base.app, SCOPE_CALL, ACT_SENT, sent, sizeof sent);
    app_key(c->base.app, SCOPE_EDITOR, ACT_EXTERNAL_EDITOR, ext, sizeof ext);
    char *h = xasprintf("%s edits the draft \xC2\xB7 %s writes it in $EDITOR \xC2\xB7 %s marks it "
                        "sent \xC2\xB7 Esc leaves it for later, on Today",
                        edit, ext, sent);
    ui_put(w, row + 1, 1, width - 2, ROLE_MUTED, h);
    free(h);
  }
}

static void save_draft(struct call *c, const char *text) {
  struct rp_err err;
  rp_err_clear(&err);
  str_replace(&c->fu.draft, text);
  if (followup_update(app_db(c->base.app), &c->fu, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return; /* stay in the editor: nothing typed is lost */
  }
  struct rp_specific v;
  bool specific = followup_check_specific(app_config(c->base.app), c->fu.draft, &c->src, &v);
  app_message(c->base.app, specific ? ROLE_SUCCESS : ROLE_WARNING, "Thank-you saved \xC2\xB7 %s",
              v.verdict);
  specific_free(&v);
  c->mode = CALL_THANKS;
  app_typing_end(c->base.app);
}


/* The thank-you being written, for its recovery copy (recovery_ui.c). */
static char *thanks_snapshot(void *ctx) { return xstrdup(text_edit_text(&((struct call *)ctx)->te)); }
static void thanks_restore(void *ctx, const char *text) {
  text_edit_set(&((struct call *)ctx)->te, text);
}

static void mark_sent_now(void *ctx) {
  struct call *c = ctx;
  struct rp_err err;
  struct rp_db *db = app_db(c->base.app);
  undo_label(db, "mark thank-you sent");
  if (followup_mark(db, app_config(c->base.app), c->followup_id, "sent", &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  followup_free(&c->fu);
  followup_get(db, c->followup_id, &c->fu, &err);
  app_message(c->base.app, ROLE_SUCCESS, "Thank-you sent \xC2\xB7 %s is now thanked",
              c->ct.name);
}

/* m: mark it sent; a draft that names nothing of the call asks first
 * (any answer but yes keeps it open). */
static void mark_sent(struct call *c) {
  struct rp_specific v;
  bool specific = followup_check_specific(app_config(c->base.app), c->fu.draft, &c->src, &v);
  if (specific || (c->fu.status && strcmp(c->fu.status, "sent") == 0)) {
    specific_free(&v);
    mark_sent_now(c);
    return;
  }
  char yes[32];
  char *body = xasprintf("The thank-you to %s is %s.\n\nA thank-you that names what they told "
                         "you is the one they remember.\n\n%s marks it sent as it is \xC2\xB7 "
                         "any other key goes back to the draft",
                         c->ct.name ? c->ct.name : "them", v.verdict,
                         app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes));
  specific_free(&v);
  app_confirm(c->base.app, "Send a thank-you that names nothing?", body, mark_sent_now, c);
  free(body);
}

int call_thanks_key(struct call *c, rp_key key) {
  struct ui_app *app = c->base.app;
  if (c->mode == CALL_THANKS_EDIT) {
    switch (app_action(app, SCOPE_EDITOR, key)) {
    case ACT_FORM_SAVE: save_draft(c, text_edit_text(&c->te)); return PANE_HANDLED;
    case ACT_EXTERNAL_EDITOR: {
      char *out;
      if (app_external_edit(app, text_edit_text(&c->te), &out)) {
        save_draft(c, out);
        free(out);
      }
      return PANE_HANDLED;
    }
    case ACT_FORM_CANCEL: /* leaving keeps what was written: a draft is a draft */
      if (strcmp(text_edit_text(&c->te), c->fu.draft ? c->fu.draft : "") != 0) {
        save_draft(c, text_edit_text(&c->te));
      } else {
        c->mode = CALL_THANKS;
        app_typing_end(app);
      }
      return PANE_HANDLED;
    default: text_edit_key(&c->te, key); return PANE_HANDLED;
    }
  }
  if (app_action(app, SCOPE_EDITOR, key) == ACT_EXTERNAL_EDITOR ||
      app_action(app, SCOPE_CALL, key) == ACT_EXTERNAL_EDITOR) {
    char *out;
    if (app_external_edit(app, c->fu.draft ? c->fu.draft : "", &out)) {
      save_draft(c, out);
      free(out);
    }
    return PANE_HANDLED;
  }
  enum rp_action act = app_action(app, SCOPE_CALL, key);
  switch (act) {
  case ACT_EDIT:
    text_edit_set(&c->te, c->fu.draft ? c->fu.draft : "");
    c->te.cursor = 0;
    c->te.scroll = 0;
    c->mode = CALL_THANKS_EDIT;
    {
      char *rkey = xasprintf("thanks:%lld", (long long)c->followup_id);
      char *label = xasprintf("the thank-you to %s", c->ct.name ? c->ct.name : "them");
      app_typing_begin(app, rkey, label, thanks_snapshot, thanks_restore, c);
      free(rkey);
      free(label);
    }
    return PANE_HANDLED;
  case ACT_SENT: mark_sent(c); return PANE_HANDLED;
  case ACT_COPY: app_copy(app, "thank-you", c->fu.draft); return PANE_HANDLED;
  default: break;
  }
  if (act == ACT_BACK) {
    enum rp_screen back = c->back;
    c->mode = CALL_NONE;
    c->conv_id = 0;
    call_thanks_free(c);
    app_switch(app, back);
    return PANE_HANDLED;
  }
  return PANE_IGNORED;
}

/* See ui_internal.h. */
bool pane_call_thanks(struct pane *p, int64_t conv_id, enum rp_screen back) {
  struct call *c = (struct call *)p;
  const char *busy = NULL;
  switch (c->mode) {
  case CALL_LIVE:
  case CALL_SELECT:
  case CALL_EDIT_NOTE: busy = "a call is going on: end it first on the Call screen"; break;
  case CALL_WRAPUP: busy = "the wrap-up of a call is open: finish it first on the Call screen"; break;
  case CALL_THANKS_EDIT:
    if (c->conv_id != conv_id)
      busy = "another thank-you is being edited: save it first on the Call screen";
    break;
  default: break;
  }
  if (!busy && app_form_is(p->app, &c->form))
    busy = "the wrap-up of a call is open: finish it first on the Call screen";
  if (busy) {
    app_message(p->app, ROLE_WARNING, "Not now: %s", busy);
    return false;
  }
  if (c->mode == CALL_THANKS_EDIT || (c->mode == CALL_THANKS && c->conv_id == conv_id)) {
    c->back = back;
    return true; /* already open: as it is */
  }
  call_thanks_free(c);
  c->conv_id = conv_id;
  call_load(c);
  open_thanks(c);
  if (c->mode != CALL_THANKS) {
    c->conv_id = 0;
    return false;
  }
  c->back = back;
  app_message(p->app, ROLE_MUTED, "The thank-you to %s, as you left it", c->ct.name);
  return true;
}
