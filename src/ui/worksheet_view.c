/* worksheet_view.c — the body of the Worksheet screen: the selected
 * section's text or entries, the selected entry in full, the skills grid. */
#include <stdlib.h>
#include <string.h>

#include "pane_worksheet.h"
#include "rapport/utf8.h"

static const char *const sec_titles[SEC_COUNT] = {
    "What I want", "Kind of move", "Superpowers", "Problems I want to solve",
    "Skills inventory", "30-second pitch", "Information gaps", "Options",
};

/* What good career coaches say about each section, shown under its title. */
static const char *const sec_advice[SEC_COUNT] = {
    "The path, not just \xE2\x80\x9C" "a job\xE2\x80\x9D: the work you want to do, the problems, the "
    "people, the setting.",
    "Which kind of move are you exploring? It decides whom to talk to first.",
    "What you are good at, with evidence: what you did, for whom, with what result. Not "
    "\xE2\x80\x9Cstrong communicator\xE2\x80\x9D but \xE2\x80\x9Cwrote the proposal that won "
    "the contract\xE2\x80\x9D.",
    "Problems you want to work on, why they matter to you, and who works on them.",
    "How good you are at each skill and how much you enjoy it. The sweet spot: good at it "
    "and enjoy it.",
    "About 30 seconds: what you are good at, with a concrete example, and what you are "
    "exploring.",
    "Questions you still need answered before deciding: each one is a reason for a "
    "conversation.",
    "Paths you are weighing, scored 1\xE2\x80\x93" "5: matches my skills and their needs, where I "
    "would add value, what I would learn.",
};

static const char *const empty_noun[SEC_COUNT] = {
    NULL, NULL, "a superpower", "a problem", "a skill", NULL, "a question", "an option",
};

/* Write wrapped text at row; returns the next free row. */
static int put_wrapped(WINDOW *win, int row, int bottom, int x, int width, enum rp_role role,
                       const char *text) {
  struct rp_strv lines = {0};
  wrap_text(text, width, &lines);
  for (size_t i = 0; i < lines.n && row < bottom; i++) ui_put(win, row++, x, width, role, lines.v[i]);
  strv_free(&lines);
  return row;
}

static char *dots(int n) { /* ●●●○○ */
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int i = 1; i <= 5; i++) buf_adds(&b, i <= n ? "\xE2\x97\x8F" : "\xE2\x97\x8B");
  return buf_steal(&b);
}

static char *row_text(const struct rp_ws_item *it, int width) {
  switch (it->section) {
  case WS_GAP: return xasprintf("[%s] %s", it->flag ? "x" : " ", it->title);
  case WS_OPTION:
    return xasprintf("%2d  %s", ws_option_score(it), it->title);
  case WS_SKILL: {
    char *p = dots(it->n1), *e = dots(it->n2);
    char *name = utf8_pad(it->title, width > 44 ? width - 34 : 10);
    char *s = xasprintf("%s %-4s  %s  %s%s", name, it->kind ? it->kind : "", p, e,
                        it->flag ? "  sharpen" : "");
    free(name);
    free(p);
    free(e);
    return s;
  }
  default: return xstrdup(it->title);
  }
}

static int draw_detail(struct worksheet *w, const struct rp_ws_item *it, int row, int bottom,
                       int width) {
  WINDOW *win = w->body_win;
  char *line = NULL;
  switch (it->section) {
  case WS_SUPERPOWER:
    if (ws_needs_evidence(it))
      row = put_wrapped(win, row, bottom, 1, width, ROLE_WARNING,
                        "Needs evidence: what did you do, for whom, with what result?");
    if (!str_empty(it->text1)) row = put_wrapped(win, row, bottom, 1, width, ROLE_NORMAL, it->text1);
    break;
  case WS_PROBLEM:
    if (!str_empty(it->text1)) {
      ui_put(win, row++, 1, width, ROLE_MUTED, "Why it matters to me");
      row = put_wrapped(win, row, bottom, 3, width - 2, ROLE_NORMAL, it->text1);
    }
    if (!str_empty(it->text2) && row < bottom) {
      ui_put(win, row++, 1, width, ROLE_MUTED, "Who works on it");
      row = put_wrapped(win, row, bottom, 3, width - 2, ROLE_NORMAL, it->text2);
    }
    break;
  case WS_SKILL:
    line = xasprintf("%s skill \xC2\xB7 proficiency %d/5 \xC2\xB7 enjoyment %d/5%s",
                     it->kind && strcmp(it->kind, "soft") == 0 ? "Soft" : "Hard", it->n1, it->n2,
                     it->n1 >= 4 && it->n2 >= 4 ? " \xC2\xB7 sweet spot" : "");
    ui_put(win, row++, 1, width, ROLE_NORMAL, line);
    if (it->flag && row < bottom)
      row = put_wrapped(win, row, bottom, 1, width, ROLE_ACCENT,
                        str_empty(it->text1) ? "To sharpen (no plan yet)" : it->text1);
    break;
  case WS_GAP:
    ui_put(win, row++, 1, width, it->flag ? ROLE_SUCCESS : ROLE_WARNING,
           it->flag ? "Answered" : "Open: ask it in a conversation");
    if (!str_empty(it->text1)) row = put_wrapped(win, row, bottom, 1, width, ROLE_NORMAL, it->text1);
    if (row < bottom && (line = ws_gap_source(it))) { /* who answered it, and when */
      char *from = xasprintf("\xE2\x80\x94 %s", line);
      row = put_wrapped(win, row, bottom, 1, width, ROLE_MUTED, from);
      free(from);
    }
    break;
  case WS_OPTION:
    line = xasprintf("skills %d \xC2\xB7 value %d \xC2\xB7 learn %d = %d", it->n1, it->n2, it->n3,
                     ws_option_score(it));
    ui_put(win, row++, 1, width, ROLE_NORMAL, line);
    if (!str_empty(it->text1)) row = put_wrapped(win, row, bottom, 1, width, ROLE_NORMAL, it->text1);
    break;
  default: break;
  }
  free(line);
  return row;
}

static void draw_grid(struct worksheet *w, int top, int bottom, int width) {
  WINDOW *win = w->body_win;
  int cw = (width - 9) / 5;
  if (cw < 3) cw = 3;
  ui_put(win, top++, 9, width - 9, ROLE_MUTED, "proficiency \xE2\x86\x92 1 \xE2\x80\xA6 5");
  for (int enjoy = 5; enjoy >= 1 && top < bottom; enjoy--, top++) {
    char label[16];
    snprintf(label, sizeof label, "enjoy %d", enjoy);
    ui_put(win, top, 1, 8, ROLE_MUTED, label);
    for (int prof = 1; prof <= 5; prof++) {
      struct rp_buf cell = {0};
      buf_adds(&cell, "");
      for (size_t i = 0; i < w->items.n; i++) {
        const struct rp_ws_item *it = &w->items.v[i];
        if (it->n1 != prof || it->n2 != enjoy) continue;
        buf_addf(&cell, "%s%s%s", cell.len ? ", " : "", it->title, it->flag ? "*" : "");
      }
      bool sweet = prof >= 4 && enjoy >= 4;
      ui_put(win, top, 9 + (prof - 1) * cw, cw - 1, sweet ? ROLE_SUCCESS : ROLE_NORMAL,
             cell.len ? buf_str(&cell) : "\xC2\xB7");
      buf_free(&cell);
    }
  }
  if (top + 1 < bottom)
    ui_put(win, top + 1, 1, width, ROLE_MUTED,
           "Top right: the sweet spot (good at it, enjoy it). * marks skills to sharpen.");
}

static void draw_text_section(struct worksheet *w, int row, int bottom, int width, int *cy,
                              int *cx) {
  WINDOW *win = w->body_win;
  const char *text = w->section == SEC_WANT ? w->want : w->pitch;
  if (w->editing) {
    text_edit_draw(&w->te, win, row, 1, bottom - row, width, ROLE_INPUT, cy, cx);
    return;
  }
  if (str_empty(text)) {
    char keys[32];
    app_keys(w->base.app, SCOPE_WORKSHEET, ACT_EDIT, keys, sizeof keys);
    char *m = xasprintf("Nothing written yet. Press %s to write it (C-o for $EDITOR).", keys);
    put_wrapped(win, row, bottom, 1, width, ROLE_MUTED, m);
    free(m);
    return;
  }
  put_wrapped(win, row, bottom, 1, width, ROLE_NORMAL, text);
}

static void draw_list_section(struct worksheet *w, int row, int bottom, int width) {
  WINDOW *win = w->body_win;
  bool focused = w->focus == WFOCUS_BODY;
  if (w->items.n == 0) {
    char keys[32];
    app_keys(w->base.app, SCOPE_WORKSHEET, ACT_ADD, keys, sizeof keys);
    char *m = xasprintf("Nothing yet. Press %s to add %s.", keys, empty_noun[w->section]);
    put_wrapped(win, row, bottom, 1, width, ROLE_MUTED, m);
    free(m);
    return;
  }
  if (w->section == SEC_SKILLS && w->grid) {
    draw_grid(w, row, bottom, width);
    return;
  }
  int list_h = w->lv.height;
  for (int i = 0; i < list_h && w->lv.top + i < (long)w->items.n; i++) {
    const struct rp_ws_item *it = &w->items.v[w->lv.top + i];
    bool sel = w->lv.top + i == w->lv.sel;
    enum rp_role base = list_row_role(sel, focused, ROLE_NORMAL);
    ui_fill(win, row + i, 0, width + 1, base);
    char *t = row_text(it, width);
    bool warn = it->section == WS_SUPERPOWER && ws_needs_evidence(it);
    int badge = warn ? 15 : 0;
    ui_put(win, row + i, 1, width - badge, base, t);
    if (warn) ui_put(win, row + i, width - badge + 1, badge, sel ? base : ROLE_WARNING, "needs evidence");
    free(t);
  }
  row += list_h + 1;
  const struct rp_ws_item *it = w->lv.sel >= 0 ? &w->items.v[w->lv.sel] : NULL;
  if (it && row < bottom) {
    row = put_wrapped(win, row, bottom, 1, width, ROLE_TITLE, it->title); /* whole */
    draw_detail(w, it, row, bottom, width);
  }
}

/* See pane_worksheet.h: the list starts under the section's advice, and
 * takes at most half of what is left (the selected entry's detail below). */
void worksheet_body_layout(struct worksheet *w) {
  if (!w->body_win) return;
  int width = getmaxx(w->body_win) - 2, height = getmaxy(w->body_win);
  struct rp_strv lines = {0};
  wrap_text(sec_advice[w->section], width, &lines);
  int row = 1 + (int)lines.n < height ? 1 + (int)lines.n : height;
  strv_free(&lines);
  w->list_row = row + 1;
  int list_h = (int)rp_move_kinds.n;
  if (w->section != SEC_MOVE) {
    int avail = height - w->list_row;
    list_h = (int)w->items.n < avail / 2 ? (int)w->items.n : avail / 2;
    if (list_h < 1) list_h = 1;
  }
  list_view_resize(&w->lv, list_h);
}

/* The pitch's words and speaking time, counted again only when its text
 * (or the configured pace) changed: a key typed into a long pitch does
 * not read it all again. */
static const struct rp_pitch_timing *pitch_timing(struct worksheet *w,
                                                  const struct rp_config *cfg) {
  const char *text = w->editing ? text_edit_text(&w->te) : w->pitch ? w->pitch : "";
  bool same = w->timing.valid && w->timing.editing == w->editing &&
              w->timing.wpm == cfg->pitch_wpm && w->timing.limit == cfg->pitch_seconds &&
              (w->editing ? w->timing.version == w->te.version
                          : w->timing.text && strcmp(w->timing.text, text) == 0);
  if (!same) {
    free(w->timing.text);
    w->timing.text = w->editing ? NULL : xstrdup(text);
    w->timing.valid = true;
    w->timing.editing = w->editing;
    w->timing.version = w->te.version;
    w->timing.wpm = cfg->pitch_wpm;
    w->timing.limit = cfg->pitch_seconds;
    ws_pitch_timing(text, cfg->pitch_wpm, cfg->pitch_seconds, &w->timing.t);
  }
  return &w->timing.t;
}

void worksheet_body_draw(struct worksheet *w, int *cy, int *cx) {
  WINDOW *win = w->body_win;
  int width = getmaxx(win) - 2, height = getmaxy(win);
  bool focused = w->focus == WFOCUS_BODY;
  werase(win);
  /* title, and for the pitch its live timing */
  ui_put(win, 0, 0, width + 2, focused ? ROLE_HEADER : ROLE_TITLE, "");
  char *title = xasprintf(" %s", sec_titles[w->section]);
  ui_put_part(win, 0, 0, width, focused ? ROLE_HEADER : ROLE_TITLE, title);
  free(title);
  if (w->section == SEC_PITCH) {
    const struct rp_config *cfg = app_config(w->base.app);
    const struct rp_pitch_timing t = *pitch_timing(w, cfg);
    char *timing = xasprintf("%d words \xC2\xB7 about %d s of %d s ", t.words, t.seconds,
                             cfg->pitch_seconds);
    int tw = utf8_width(timing);
    if (tw < width - 10) ui_put(win, 0, width + 2 - tw, tw, t.too_long ? ROLE_WARNING : ROLE_MUTED, timing);
    free(timing);
  }
  int row = put_wrapped(win, 1, height, 1, width, ROLE_MUTED, sec_advice[w->section]) + 1;
  switch (w->section) {
  case SEC_WANT:
  case SEC_PITCH: draw_text_section(w, row, height, width, cy, cx); break;
  case SEC_MOVE:
    for (size_t i = 0; i < rp_move_kinds.n && row + (int)i < height; i++) {
      bool chosen = w->move && strcmp(w->move, rp_move_kinds.v[i].key) == 0;
      bool sel = (long)i == w->lv.sel && focused;
      enum rp_role base = list_row_role(sel, true, chosen ? ROLE_ACCENT : ROLE_NORMAL);
      char *t = xasprintf("(%s) %s", chosen ? "\xE2\x80\xA2" : " ", rp_move_kinds.v[i].label);
      ui_fill(win, row + (int)i, 0, width + 1, base);
      ui_put(win, row + (int)i, 1, width, base, t);
      free(t);
    }
    break;
  default: draw_list_section(w, row, height, width); break;
  }
  wnoutrefresh(win);
}
