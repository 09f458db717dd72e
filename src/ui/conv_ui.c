/* conv_ui.c — the conversations overlay (conv_ui.h): a contact's
 * conversations newest first, two rows each; Enter reads one in full,
 * read-only; the edit key reopens an ended one to correct it on the Call
 * screen (the model keeps it one conversation with one thank-you). */
#include <stdlib.h>
#include <string.h>

#include "conv_ui.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/question.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"

static void blocks_free(struct conv_ui *v) {
  for (size_t i = 0; i < v->nblocks; i++) free(v->blocks[i].text);
  free(v->blocks);
  v->blocks = NULL;
  v->nblocks = 0;
  strv_free(&v->lines);
  free(v->line_block);
  v->line_block = NULL;
  v->text.count = 0;
}

/* The list: a conversation's first row is chosen, its second is part of it. */
static enum list_row row_kind(const void *ctx, long i) {
  (void)ctx;
  return i % 2 ? LIST_PART : LIST_ITEM;
}

/* The conversation selected in the list (an index in list). */
static long sel_conv(const struct conv_ui *v) { return v->lv.sel >= 0 ? v->lv.sel / 2 : 0; }

void conv_ui_free(struct conv_ui *v) {
  blocks_free(v);
  lookback_list_free(&v->list);
  free(v->name);
  memset(v, 0, sizeof *v);
}

/* Append a block; text is taken over (the block frees it). */
static void add(struct conv_ui *v, char *text, enum rp_role role, int indent,
                enum conv_anchor anchor, int64_t id) {
  v->blocks = xrealloc(v->blocks, (v->nblocks + 1) * sizeof *v->blocks);
  v->blocks[v->nblocks++] = (struct conv_block){text, role, indent, anchor, id};
}

static const struct rp_lookback *entry(const struct conv_ui *v, int64_t conv_id) {
  for (size_t i = 0; i < v->list.n; i++)
    if (v->list.v[i].conv.id == conv_id) return &v->list.v[i];
  return NULL;
}

/* "2026-11-16 10:00" when it was held (or is planned), into buf. */
static void when_text(const struct rp_conversation *c, char *buf, size_t size) {
  int64_t t = c->started_at ? c->started_at : c->scheduled_at;
  if (t) datetime_format(t, buf, size);
  else snprintf(buf, size, "not scheduled");
}

static void build_questions(struct conv_ui *v, struct rp_db *db, const struct rp_lookback *lb,
                            struct rp_err *err) {
  struct rp_question_list qs = {0};
  if (question_list(db, v->conv_id, &qs, err) != RP_OK || !qs.n) {
    question_list_free(&qs);
    return;
  }
  add(v, xasprintf("Questions \xC2\xB7 %d of %d asked", lb->asked, lb->questions), ROLE_HEADER, 0,
      ANCHOR_NONE, 0);
  for (size_t i = 0; i < qs.n; i++)
    add(v, xasprintf("%s %s", qs.v[i].asked_at ? "\xE2\x9C\x93" : "\xC2\xB7", qs.v[i].text),
        ROLE_NORMAL, 1, ANCHOR_QUESTION, qs.v[i].id);
  question_list_free(&qs);
}

static void build_notes(struct conv_ui *v, struct rp_db *db, struct rp_err *err) {
  struct rp_note_list notes = {0};
  if (note_list(db, v->conv_id, &notes, err) != RP_OK) return;
  add(v, xasprintf("Notes \xC2\xB7 %zu", notes.n), ROLE_HEADER, 0, ANCHOR_NONE, 0);
  if (!notes.n) add(v, xstrdup("No notes."), ROLE_MUTED, 1, ANCHOR_NONE, 0);
  for (size_t i = 0; i < notes.n; i++) {
    char *line = note_line(&notes.v[i]);
    add(v, xasprintf("%02d:%02d  %s", notes.v[i].offset / 60, notes.v[i].offset % 60, line),
        ROLE_NORMAL, 1, ANCHOR_NOTE, notes.v[i].id);
    free(line);
  }
  note_list_free(&notes);
}

static void build_wrapup(struct conv_ui *v, struct rp_db *db, const struct rp_lookback *lb,
                         struct rp_err *err) {
  const struct rp_conversation *c = &lb->conv;
  add(v, xasprintf("Wrap-up \xC2\xB7 %d of %d scored", lb->scored, RP_FIT_COUNT), ROLE_HEADER, 0,
      ANCHOR_NONE, 0);
  for (int i = 0; i < RP_FIT_COUNT; i++) {
    char score[16];
    if (c->fit[i]) snprintf(score, sizeof score, "%d/5", c->fit[i]);
    else snprintf(score, sizeof score, "not scored");
    add(v,
        c->fit_note[i] ? xasprintf("%s %s \xE2\x80\x94 %s", rp_fit_questions[i], score,
                                   c->fit_note[i])
                       : xasprintf("%s %s", rp_fit_questions[i], score),
        c->fit[i] ? ROLE_NORMAL : ROLE_MUTED, 1, ANCHOR_WRAPUP, 0);
  }
  struct rp_ws_list gaps = {0};
  if (ws_gaps_answered_in(db, v->conv_id, &gaps, err) == RP_OK)
    for (size_t i = 0; i < gaps.n; i++)
      add(v,
          gaps.v[i].text1 ? xasprintf("Gap answered: %s \xE2\x80\x94 %s", gaps.v[i].title,
                                      gaps.v[i].text1)
                          : xasprintf("Gap answered: %s", gaps.v[i].title),
          ROLE_SUCCESS, 1, ANCHOR_WRAPUP, 0);
  ws_list_free(&gaps);
}

static void build_thanks(struct conv_ui *v, struct rp_db *db, const struct rp_lookback *lb,
                         struct rp_err *err) {
  char *state = lookback_thanks(lb);
  add(v, xasprintf("Thank-you \xC2\xB7 %s", state + strlen("thank-you ")), ROLE_HEADER, 0,
      ANCHOR_NONE, 0);
  free(state);
  struct rp_followup fu;
  if (!lb->thanks_id || followup_get(db, lb->thanks_id, &fu, err) != RP_OK) return;
  add(v, xstrdup(str_empty(fu.draft) ? "(no draft yet)" : fu.draft),
      str_empty(fu.draft) ? ROLE_MUTED : ROLE_NORMAL, 1, ANCHOR_THANKS, fu.id);
  followup_free(&fu);
}

/* Read conversation v->conv_id into blocks. */
static void build(struct conv_ui *v, struct ui_app *app) {
  blocks_free(v);
  const struct rp_lookback *lb = entry(v, v->conv_id);
  if (!lb) return;
  struct rp_db *db = app_db(app);
  struct rp_err err;
  rp_err_clear(&err);
  const struct rp_conversation *c = &lb->conv;
  const struct rp_choice *ch = choices_find(&app_config(app)->channels, c->channel);
  char *len = lookback_length(c);
  add(v, xasprintf("%s%s%s \xC2\xB7 %s", c->status, ch ? " \xC2\xB7 " : "", ch ? ch->label : "",
                   len),
      ROLE_ACCENT, 0, ANCHOR_NONE, 0);
  free(len);
  if (!str_empty(c->objective))
    add(v, xasprintf("Objective: %s", c->objective), ROLE_NORMAL, 0, ANCHOR_OBJECTIVE, 0);
  build_questions(v, db, lb, &err);
  build_notes(v, db, &err);
  build_wrapup(v, db, lb, &err);
  build_thanks(v, db, lb, &err);
  if (err.msg[0]) app_message(app, ROLE_ERROR, "%s", err.msg);
}

static void reload(struct conv_ui *v, struct ui_app *app) {
  struct rp_err err;
  lookback_list_free(&v->list);
  if (lookback_list(app_db(app), v->contact_id, &v->list, &err) != RP_OK)
    app_message(app, ROLE_ERROR, "%s", err.msg);
  list_view_set_count(&v->lv, 2 * (long)v->list.n);
}

/* Whether block b is the item landed on. */
static bool marked(const struct conv_ui *v, const struct conv_block *b) {
  return v->anchor != ANCHOR_NONE && b->anchor == v->anchor &&
         (!v->anchor_id || b->anchor_id == v->anchor_id);
}

/* Wrap the blocks to the box (a blank line before each heading but the
 * first); with `land`, scroll the item landed on into view. */
static void wrap_view(struct conv_ui *v, bool land) {
  strv_free(&v->lines);
  free(v->line_block);
  v->line_block = NULL;
  int width = v->w - 6;
  long anchor_row = -1;
  struct rp_strv part = {0};
  for (size_t i = 0; i < v->nblocks; i++) {
    const struct conv_block *b = &v->blocks[i];
    if (b->role == ROLE_HEADER && i) {
      strv_push(&v->lines, "");
      v->line_block = xrealloc(v->line_block, v->lines.n * sizeof *v->line_block);
      v->line_block[v->lines.n - 1] = -1;
    }
    if (anchor_row < 0 && marked(v, b)) anchor_row = (long)v->lines.n;
    strv_clear(&part);
    wrap_text(b->text, width - 2 * b->indent > 8 ? width - 2 * b->indent : 8, &part);
    if (!part.n) strv_push(&part, "");
    for (size_t k = 0; k < part.n; k++) {
      strv_push(&v->lines, part.v[k]);
      v->line_block = xrealloc(v->line_block, v->lines.n * sizeof *v->line_block);
      v->line_block[v->lines.n - 1] = (long)i;
    }
  }
  strv_free(&part);
  v->text.count = (long)v->lines.n;
  if (land && anchor_row >= 0) v->text.top = anchor_row - v->text.height / 3;
  list_view_fix(&v->text);
}

/* See conv_ui.h. */
void conv_ui_layout(struct conv_ui *v) {
  v->w = COLS - 4 > 100 ? 100 : COLS - 2;
  v->h = LINES - 4;
  v->y = 2;
  v->x = (COLS - v->w) / 2;
  list_view_resize(&v->lv, v->h - 4); /* border, gap; footer, border */
  list_view_resize(&v->text, v->h - 4);
  if (v->viewing) wrap_view(v, false);
}

/* See conv_ui.h. */
void conv_ui_open(struct conv_ui *v, struct ui_app *app, int64_t contact_id, int64_t conv_id,
                  enum conv_anchor anchor, int64_t anchor_id) {
  conv_ui_free(v);
  v->contact_id = contact_id;
  struct rp_contact ct;
  struct rp_err err;
  if (contact_get(app_db(app), contact_id, &ct, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  v->name = xstrdup(ct.name);
  contact_free(&ct);
  v->lv = (struct list_view){.sel = 0, .row = row_kind};
  v->text = (struct list_view){.sel = -1, .browse = true};
  conv_ui_layout(v);
  reload(v, app);
  if (!v->list.n) {
    char keys[32];
    app_key(app, SCOPE_CONTACTS, ACT_CALL, keys, sizeof keys);
    app_message(app, ROLE_MUTED, "No conversation with %s yet: %s on Contacts starts one", v->name,
                keys);
    conv_ui_free(v);
    return;
  }
  v->open = true;
  for (size_t i = 0; conv_id && i < v->list.n; i++)
    if (v->list.v[i].conv.id == conv_id) {
      list_view_select(&v->lv, 2 * (long)i);
      v->viewing = v->only_one = true;
      v->conv_id = conv_id;
      v->anchor = anchor;
      v->anchor_id = anchor_id;
      build(v, app);
      wrap_view(v, anchor != ANCHOR_NONE);
    }
}

/* The edit key: reopen the conversation to correct it on the Call screen.
 * A planned one is not held yet; a live or interrupted one goes on. */
static void resume(struct conv_ui *v, struct ui_app *app, int64_t conv_id) {
  const struct rp_lookback *lb = entry(v, conv_id);
  if (!lb) return;
  struct rp_db *db = app_db(app);
  struct rp_err err;
  bool held = strcmp(lb->conv.status, "held") == 0;
  if (!held && strcmp(lb->conv.status, "live") != 0 &&
      strcmp(lb->conv.status, "interrupted") != 0) {
    app_message(app, ROLE_MUTED, "This conversation is %s, not held: there is nothing to correct",
                lb->conv.status);
    return;
  }
  if (held && conv_reopen(db, conv_id, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  int64_t contact = v->contact_id;
  char *name = xstrdup(v->name);
  conv_ui_free(v);
  ui_app_call(app, contact);
  if (app_screen(app) != SCREEN_CALL) { /* the Call screen is busy: leave it as it was */
    if (held) conv_end(db, app_config(app), conv_id, &err);
  } else if (held) {
    char keys[32];
    app_key(app, SCOPE_CALL, ACT_END_CALL, keys, sizeof keys);
    app_message(app, ROLE_SUCCESS,
                "The call with %s is open again to correct it \xC2\xB7 %s ends it again (the same "
                "conversation, the same thank-you)",
                name, keys);
  }
  free(name);
}

bool conv_ui_key(struct conv_ui *v, struct ui_app *app, rp_key key) {
  enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
  /* e (the call's edit) reopens; choose (Enter) reads */
  bool edit = act != ACT_CHOOSE && app_action(app, SCOPE_CALL, key) == ACT_EDIT;
  if (act == ACT_BACK) {
    if (v->viewing && !v->only_one) {
      v->viewing = false;
      blocks_free(v);
    } else {
      conv_ui_free(v);
    }
    return true;
  }
  if (edit) {
    resume(v, app, v->viewing ? v->conv_id : v->list.v[sel_conv(v)].conv.id);
    return true;
  }
  bool moves = act == ACT_UP || act == ACT_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN ||
               act == ACT_FIRST || act == ACT_LAST;
  if (v->viewing) {
    if (!moves) return act == ACT_NONE || act == ACT_CHOOSE; /* other keys do nothing here */
    list_view_move(&v->text, act);
    v->anchor = ANCHOR_NONE; /* moved on: the mark goes */
    return true;
  }
  if (act == ACT_CHOOSE) {
    v->viewing = true;
    v->conv_id = v->list.v[sel_conv(v)].conv.id;
    v->text.top = 0;
    v->anchor = ANCHOR_NONE;
    build(v, app);
    wrap_view(v, false);
    return true;
  }
  if (moves) list_view_move(&v->lv, act);
  return moves || act == ACT_NONE;
}

/* See conv_ui.h. */
void conv_ui_mouse(struct conv_ui *v, int y, int x, int wheel) {
  (void)x;
  struct list_view *lv = v->viewing ? &v->text : &v->lv;
  if (wheel) {
    list_view_wheel(lv, wheel);
    if (v->viewing) v->anchor = ANCHOR_NONE;
  } else if (!v->viewing) {
    list_view_click(lv, y - v->y - 2);
  }
}

/* The list: two rows per conversation. */
static void draw_list(struct conv_ui *v, WINDOW *win, int top, int w) {
  for (long r = v->lv.top; r < v->lv.count && r - v->lv.top < v->lv.height; r++) {
    const struct rp_lookback *lb = &v->list.v[r / 2];
    int y = top + (int)(r - v->lv.top);
    bool sel = list_view_is_sel(&v->lv, r);
    enum rp_role base = list_row_role(sel, true, ROLE_NORMAL);
    ui_fill(win, y, 1, w - 2, base);
    if (r % 2 == 0) {
      char when[32];
      when_text(&lb->conv, when, sizeof when);
      char *len = lookback_length(&lb->conv);
      char *head = xasprintf("%s \xC2\xB7 %s \xC2\xB7 %s", when, lb->conv.status, len);
      ui_put(win, y, 3, w - 6, base, head);
      free(head);
      free(len);
    } else {
      char *thanks = lookback_thanks(lb);
      char *sub = xasprintf("%d note%s \xC2\xB7 %d of %d questions asked \xC2\xB7 wrap-up "
                            "%d/%d%s \xC2\xB7 %s",
                            lb->notes, lb->notes == 1 ? "" : "s", lb->asked, lb->questions,
                            lb->scored, RP_FIT_COUNT,
                            lb->gaps ? " \xC2\xB7 gaps answered" : "", thanks);
      ui_put(win, y, 5, w - 8, sel ? base : ROLE_MUTED, sub);
      free(sub);
      free(thanks);
    }
  }
}

/* One conversation: its wrapped lines, the item landed on marked. */
static void draw_view(struct conv_ui *v, WINDOW *win, int top, int w) {
  int width = w - 6;
  for (long r = v->text.top; r < v->text.count && r - v->text.top < v->text.height; r++) {
    int y = top + (int)(r - v->text.top);
    long bi = v->line_block[r];
    if (bi < 0) continue;
    const struct conv_block *b = &v->blocks[bi];
    bool mark = marked(v, b);
    if (mark) { /* marked in colour, and with › for a terminal without */
      ui_fill(win, y, 1, w - 2, ROLE_SELECTED);
      if (r == 0 || v->line_block[r - 1] != bi) ui_put(win, y, 1, 1, ROLE_SELECTED, "\xE2\x80\xBA");
    }
    ui_put(win, y, 3 + 2 * b->indent, width - 2 * b->indent, mark ? ROLE_SELECTED : b->role,
           v->lines.v[r]);
  }
}

void conv_ui_draw(struct conv_ui *v, struct ui_app *app) {
  int w = v->w, h = v->h;
  if (w < 20 || h < 6) return;
  char when[32] = "";
  const struct rp_lookback *lb = v->viewing ? entry(v, v->conv_id) : NULL;
  if (lb) when_text(&lb->conv, when, sizeof when);
  char *title = lb ? xasprintf("Conversation with %s \xC2\xB7 %s", v->name, when)
                   : xasprintf("Conversations with %s \xC2\xB7 %zu", v->name, v->list.n);
  WINDOW *win = box_open(v->y, v->x, h, w, title);
  free(title);
  if (!win) return;
  if (v->viewing) draw_view(v, win, 2, w);
  else draw_list(v, win, 2, w);
  char edit[32];
  app_key(app, SCOPE_CALL, ACT_EDIT, edit, sizeof edit);
  char *foot = v->viewing
                   ? xasprintf("Up/Down scroll \xC2\xB7 %s reopens it to correct it \xC2\xB7 Esc %s",
                               edit, v->only_one ? "closes" : "back to the list")
                   : xasprintf("Enter reads it \xC2\xB7 %s reopens it to correct it \xC2\xB7 Esc "
                               "closes",
                               edit);
  ui_put(win, h - 2, 2, w - 4, ROLE_MUTED, foot);
  free(foot);
  wnoutrefresh(win);
  delwin(win);
}
