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
}

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
  if (v->sel >= (long)v->list.n) v->sel = (long)v->list.n - 1;
  if (v->sel < 0) v->sel = 0;
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
      v->sel = (long)i;
      v->viewing = v->only_one = true;
      v->conv_id = conv_id;
      v->anchor = anchor;
      v->anchor_id = anchor_id;
      v->land = anchor != ANCHOR_NONE;
      build(v, app);
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

/* Rows of the view: each block wrapped to width columns. */
static int block_rows(const struct conv_block *b, int width, struct rp_strv *lines) {
  strv_clear(lines);
  wrap_text(b->text, width - 2 * b->indent > 8 ? width - 2 * b->indent : 8, lines);
  return lines->n ? (int)lines->n : 1;
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
    resume(v, app, v->viewing ? v->conv_id : v->list.v[v->sel].conv.id);
    return true;
  }
  if (v->viewing) {
    int page = v->rows > 2 ? v->rows - 1 : 1;
    switch (act) {
    case ACT_UP: v->scroll--; break;
    case ACT_DOWN: v->scroll++; break;
    case ACT_PAGE_UP: v->scroll -= page; break;
    case ACT_PAGE_DOWN: v->scroll += page; break;
    case ACT_FIRST: v->scroll = 0; break;
    case ACT_LAST: v->scroll = 1 << 20; break;
    default: return act == ACT_NONE || act == ACT_CHOOSE; /* other keys do nothing here */
    }
    v->anchor = ANCHOR_NONE; /* moved on: the mark goes */
    return true;
  }
  if (act == ACT_CHOOSE) {
    v->viewing = true;
    v->conv_id = v->list.v[v->sel].conv.id;
    v->scroll = 0;
    v->anchor = ANCHOR_NONE;
    build(v, app);
    return true;
  }
  switch (act) {
  case ACT_UP: if (v->sel > 0) v->sel--; return true;
  case ACT_DOWN: if (v->sel + 1 < (long)v->list.n) v->sel++; return true;
  case ACT_FIRST: v->sel = 0; return true;
  case ACT_LAST: v->sel = (long)v->list.n - 1; return true;
  default: return act == ACT_NONE;
  }
}

/* The list: two rows per conversation. */
static void draw_list(struct conv_ui *v, WINDOW *win, int top, int rows, int w) {
  long per = rows / 2 > 0 ? rows / 2 : 1;
  if (v->sel < v->top) v->top = v->sel;
  if (v->sel >= v->top + per) v->top = v->sel - per + 1;
  for (long i = v->top; i < (long)v->list.n && (i - v->top) < per; i++) {
    const struct rp_lookback *lb = &v->list.v[i];
    int r = top + (int)(i - v->top) * 2;
    bool sel = i == v->sel;
    enum rp_role base = list_row_role(sel, true, ROLE_NORMAL);
    char when[32];
    when_text(&lb->conv, when, sizeof when);
    char *len = lookback_length(&lb->conv), *thanks = lookback_thanks(lb);
    char *head = xasprintf("%s \xC2\xB7 %s \xC2\xB7 %s", when, lb->conv.status, len);
    char *sub = xasprintf("%d note%s \xC2\xB7 %d of %d questions asked \xC2\xB7 wrap-up %d/%d%s "
                          "\xC2\xB7 %s",
                          lb->notes, lb->notes == 1 ? "" : "s", lb->asked, lb->questions,
                          lb->scored, RP_FIT_COUNT,
                          lb->gaps ? " \xC2\xB7 gaps answered" : "", thanks);
    ui_fill(win, r, 1, w - 2, base);
    ui_put(win, r, 3, w - 6, base, head);
    ui_fill(win, r + 1, 1, w - 2, base);
    ui_put(win, r + 1, 5, w - 8, sel ? base : ROLE_MUTED, sub);
    free(head);
    free(sub);
    free(len);
    free(thanks);
  }
}

/* One conversation: the blocks wrapped, the anchor marked and (once)
 * scrolled into view. */
static void draw_view(struct conv_ui *v, WINDOW *win, int top, int rows, int w) {
  int width = w - 6;
  struct rp_strv lines = {0};
  int total = 0, anchor_row = -1;
  for (size_t i = 0; i < v->nblocks; i++) {
    const struct conv_block *b = &v->blocks[i];
    if (anchor_row < 0 && v->anchor != ANCHOR_NONE && b->anchor == v->anchor &&
        (!v->anchor_id || b->anchor_id == v->anchor_id))
      anchor_row = total;
    total += block_rows(b, width, &lines) + (b->role == ROLE_HEADER && i ? 1 : 0);
  }
  if (v->land && anchor_row >= 0) v->scroll = anchor_row - rows / 3;
  v->land = false;
  if (v->scroll > total - rows) v->scroll = total - rows;
  if (v->scroll < 0) v->scroll = 0;
  int row = 0;
  for (size_t i = 0; i < v->nblocks; i++) {
    const struct conv_block *b = &v->blocks[i];
    if (b->role == ROLE_HEADER && i) row++; /* a blank row before a heading */
    bool mark = v->anchor != ANCHOR_NONE && b->anchor == v->anchor &&
                (!v->anchor_id || b->anchor_id == v->anchor_id);
    int n = block_rows(b, width, &lines);
    for (int k = 0; k < n; k++, row++) {
      int r = row - v->scroll;
      if (r < 0 || r >= rows) continue;
      if (mark) { /* marked in colour, and with › for a terminal without */
        ui_fill(win, top + r, 1, w - 2, ROLE_SELECTED);
        if (k == 0) ui_put(win, top + r, 1, 1, ROLE_SELECTED, "\xE2\x80\xBA");
      }
      ui_put(win, top + r, 3 + 2 * b->indent, width - 2 * b->indent,
             mark ? ROLE_SELECTED : b->role, lines.n ? lines.v[k] : "");
    }
  }
  strv_free(&lines);
}

void conv_ui_draw(struct conv_ui *v, struct ui_app *app) {
  int H = LINES, W = COLS;
  int w = W - 4 > 100 ? 100 : W - 2;
  int h = H - 4;
  if (w < 20 || h < 6) return;
  WINDOW *win = newwin(h, w, 2, (W - w) / 2);
  if (!win) return;
  for (int r = 0; r < h; r++) ui_fill(win, r, 0, w, ROLE_NORMAL);
  wattrset(win, ui_role(ROLE_BORDER));
  box(win, 0, 0);
  char when[32] = "";
  const struct rp_lookback *lb = v->viewing ? entry(v, v->conv_id) : NULL;
  if (lb) when_text(&lb->conv, when, sizeof when);
  char *title = lb ? xasprintf(" Conversation with %s \xC2\xB7 %s ", v->name, when)
                   : xasprintf(" Conversations with %s \xC2\xB7 %zu ", v->name, v->list.n);
  ui_put_part(win, 0, 2, w - 4, ROLE_TITLE, title);
  free(title);
  int top = 2, rows = h - top - 2;
  v->rows = rows;
  if (v->viewing) draw_view(v, win, top, rows, w);
  else draw_list(v, win, top, rows, w);
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
