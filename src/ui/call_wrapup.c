/* call_wrapup.c — after the call: the wrap-up form (four fit questions
 * scored 1–5 with a note each, the information gaps this conversation
 * answered), then the thank-you: due the next day, its draft from the
 * template, a check that it names something specific from the notes, and
 * `m` to mark it sent (the contact moves to "thanked"). */
#include <stdlib.h>
#include <string.h>

#include "pane_call.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"

static const struct rp_choice score_v[] = {
    {"1", "1 \xE2\x80\x94 no", NULL},     {"2", "2", NULL}, {"3", "3 \xE2\x80\x94 maybe", NULL},
    {"4", "4", NULL},                     {"5", "5 \xE2\x80\x94 yes", NULL},
};
static const struct rp_choices scores = {(struct rp_choice *)score_v, 5};
static const struct rp_choice answered_v[] = {
    {"yes", "answered in this conversation", NULL},
};
static const struct rp_choices answered = {(struct rp_choice *)answered_v, 1};

static const char *const fit_keys[RP_FIT_COUNT] = {"fit1", "fit2", "fit3", "fit4"};
static const char *const note_keys[RP_FIT_COUNT] = {"note1", "note2", "note3", "note4"};
static const char *const gap_keys[16] = {"gap0", "gap1", "gap2",  "gap3",  "gap4",  "gap5",
                                         "gap6", "gap7", "gap8",  "gap9",  "gap10", "gap11",
                                         "gap12", "gap13", "gap14", "gap15"};

static void free_gap_labels(struct call *c) {
  for (size_t i = 0; i < c->n_gaps; i++) {
    struct form_field *f = form_field(&c->form, gap_keys[i]);
    if (f) {
      free((char *)f->none_label);
      f->none_label = NULL;
    }
  }
}

void call_thanks_free(struct call *c) {
  if (c->form_open) {
    free_gap_labels(c);
    form_free(&c->form);
  }
  c->form_open = false;
  followup_free(&c->fu);
  c->followup_id = 0;
  c->n_gaps = 0;
}

void call_wrapup_open(struct call *c) {
  call_thanks_free(c);
  char *title = xasprintf("Wrap-up \xC2\xB7 %s", c->ct.name ? c->ct.name : "");
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
  /* the open information gaps: which did this conversation answer? */
  struct rp_ws_list gaps = {0};
  struct rp_err err;
  if (ws_item_list(app_db(c->base.app), WS_GAP, &gaps, &err) == RP_OK) {
    for (size_t i = 0; i < gaps.n && c->n_gaps < RP_ARRAY_LEN(c->gap_ids); i++) {
      if (gaps.v[i].flag) continue;
      struct form_field *f = form_add_choice(&c->form, gap_keys[c->n_gaps], "Gap", &answered,
                                             NULL, true);
      f->none_label = xstrdup(gaps.v[i].title); /* shown while not answered */
      c->gap_ids[c->n_gaps++] = gaps.v[i].id;
    }
  }
  ws_list_free(&gaps);
  c->form_open = true;
  c->mode = CALL_WRAPUP;
  {
    char *rkey = xasprintf("wrapup:%lld", (long long)c->conv_id);
    char *label = xasprintf("the wrap-up of the call with %s", c->ct.name ? c->ct.name : "them");
    app_wrapup_owed(c->base.app, c->conv_id, label);
    app_typing_form(c->base.app, &c->form, rkey, label);
    free(rkey);
    free(label);
  }
  int64_t len = c->conv.ended_at - c->conv.started_at;
  if (len < 0) len = 0;
  app_message(c->base.app, ROLE_SUCCESS,
              "Call ended after %d:%02d \xC2\xB7 %s is now met \xC2\xB7 score the fit, then the "
              "thank-you",
              (int)(len / 60), (int)(len % 60), c->ct.name);
}

/* The thank-you for this conversation, created once. */
static void open_thanks(struct call *c) {
  struct rp_err err;
  struct rp_db *db = app_db(c->base.app);
  followup_free(&c->fu);
  if (followup_thank_you(db, app_config(c->base.app), c->conv_id, &c->followup_id, &err) !=
          RP_OK ||
      followup_get(db, c->followup_id, &c->fu, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    c->mode = CALL_NONE;
    return;
  }
  c->mode = CALL_THANKS;
}

static void close_wrapup(struct call *c) {
  app_typing_end(c->base.app);
  app_wrapup_done(c->base.app, c->conv_id);
  free_gap_labels(c);
  form_free(&c->form);
  c->form_open = false;
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
    if (!form_value(&c->form, gap_keys[i])) continue;
    struct rp_ws_item it;
    if (ws_item_get(db, c->gap_ids[i], &it, &err) != RP_OK) continue;
    it.flag = true;
    it.ref = c->conv_id;
    if (ws_item_update(db, &it, &err) == RP_OK) answered_n++;
    ws_item_free(&it);
  }
  app_message(c->base.app, ROLE_SUCCESS, "Wrap-up saved%s \xC2\xB7 now the thank-you",
              answered_n ? " \xC2\xB7 gaps answered" : "");
  close_wrapup(c);
}

void call_wrapup_key(struct call *c, rp_key key) {
  switch (form_key(&c->form, c->base.app, key)) {
  case FORM_SAVE: save_wrapup(c); break;
  case FORM_CANCEL: /* the call is over either way: on to the thank-you */
    app_message(c->base.app, ROLE_MUTED, "Wrap-up skipped");
    close_wrapup(c);
    break;
  case FORM_CONTINUE: break;
  }
}

/* ---- the thank-you ---- */

static void note_texts(const struct call *c, struct rp_strv *out) {
  for (size_t i = 0; i < c->notes.n; i++) strv_push(out, c->notes.v[i].text);
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
  struct rp_strv notes = {0}, found = {0};
  note_texts(c, &notes);
  bool specific = followup_specific(app_config(c->base.app), text, &notes, &found);
  int body = height - row - 4;
  if (body < 2) body = 2;
  if (c->mode == CALL_THANKS_EDIT) {
    text_edit_draw(&c->te, w, row, 1, body, width - 2, ROLE_INPUT, cy, cx);
  } else {
    struct rp_strv lines = {0};
    wrap_text(text, width - 3, &lines);
    for (int i = 0; i < body && i < (int)lines.n; i++)
      ui_put(w, row + i, 1, width - 2, ROLE_NORMAL, lines.v[i]);
    strv_free(&lines);
  }
  row += body + 1;
  if (specific) {
    char *words = strv_join(&found, ", ");
    char *m = xasprintf("Specific: it names %s from your notes.", words);
    ui_put(w, row, 1, width - 2, ROLE_SUCCESS, m);
    free(m);
    free(words);
  } else {
    const char *example = NULL;
    for (size_t i = 0; i < c->notes.n && !example; i++)
      if (c->notes.v[i].tag == NOTE_INSIGHT) example = c->notes.v[i].text;
    if (!example && c->notes.n) example = c->notes.v[0].text;
    char *m = example ? xasprintf("Not specific yet: name something you talked about, e.g. "
                                  "\xE2\x80\x9C%s\xE2\x80\x9D.",
                                  example)
                      : xstrdup("Not specific yet: name something you talked about.");
    ui_put(w, row, 1, width - 2, ROLE_WARNING, m);
    free(m);
  }
  strv_free(&notes);
  strv_free(&found);
  if (c->mode == CALL_THANKS) {
    char edit[32], sent[32], ext[32];
    app_key(c->base.app, SCOPE_CALL, ACT_EDIT, edit, sizeof edit);
    app_key(c->base.app, SCOPE_CALL, ACT_SENT, sent, sizeof sent);
    app_key(c->base.app, SCOPE_EDITOR, ACT_EXTERNAL_EDITOR, ext, sizeof ext);
    char *h = xasprintf("%s edits the draft \xC2\xB7 %s writes it in $EDITOR \xC2\xB7 %s marks it "
                        "sent \xC2\xB7 Esc leaves it for later (Today will remind you)",
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
  struct rp_strv notes = {0};
  note_texts(c, &notes);
  bool specific = followup_specific(app_config(c->base.app), text, &notes, NULL);
  strv_free(&notes);
  app_message(c->base.app, specific ? ROLE_SUCCESS : ROLE_WARNING, "Thank-you saved%s",
              specific ? "" : " \xC2\xB7 it names nothing from the conversation yet");
  c->mode = CALL_THANKS;
  app_typing_end(c->base.app);
}

static void stop_editing(void *ctx) {
  ((struct call *)ctx)->mode = CALL_THANKS;
  app_typing_end(((struct call *)ctx)->base.app);
}

/* The thank-you being written, for its recovery copy (recovery_ui.c). */
static char *thanks_snapshot(void *ctx) { return xstrdup(text_edit_text(&((struct call *)ctx)->te)); }
static void thanks_restore(void *ctx, const char *text) {
  text_edit_set(&((struct call *)ctx)->te, text);
}

static void mark_sent(struct call *c) {
  struct rp_err err;
  struct rp_db *db = app_db(c->base.app);
  if (followup_mark(db, app_config(c->base.app), c->followup_id, "sent", &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  followup_free(&c->fu);
  followup_get(db, c->followup_id, &c->fu, &err);
  app_message(c->base.app, ROLE_SUCCESS, "Thank-you sent \xC2\xB7 %s is now thanked",
              c->ct.name);
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
    case ACT_FORM_CANCEL:
      if (strcmp(text_edit_text(&c->te), c->fu.draft ? c->fu.draft : "") != 0)
        app_confirm(app, "Discard changes?",
                    "The thank-you has changes that are not saved yet.\n\n"
                    "y discards them \xC2\xB7 any other key goes back to the text",
                    stop_editing, c);
      else
        stop_editing(c);
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
  switch (app_action(app, SCOPE_CALL, key)) {
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
  if (key == RPK_ESC) {
    c->mode = CALL_NONE;
    c->conv_id = 0;
    call_thanks_free(c);
    app_switch(app, 1);
    return PANE_HANDLED;
  }
  return PANE_IGNORED;
}
