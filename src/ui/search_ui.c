/* search_ui.c — `/` from any screen: a search box over the whole journal.
 * Results appear as you type, grouped by kind, with the matched words
 * highlighted; Up/Down choose, Enter jumps to the item in its screen, Esc
 * closes. Each key runs search_quick: its cost does not grow with the
 * journal (bench/search_bench measures it), and when the words match more
 * than it ranks, the footer says the list is the names, then the newest. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conv_ui.h"
#include "rapport/conversation.h"
#include "rapport/search.h"
#include "rapport/utf8.h"
#include "search_ui.h"

#define SEARCH_LIMIT 60

void search_ui_open(struct search_ui *s) {
  s->open = true;
  line_edit_set(&s->q, "");
  hit_list_free(&s->hits);
  s->sel = 0;
  s->top = 0;
}

void search_ui_free(struct search_ui *s) {
  line_edit_free(&s->q);
  hit_list_free(&s->hits);
  s->open = false;
}

static void run(struct search_ui *s, struct ui_app *app) {
  struct rp_err err;
  hit_list_free(&s->hits);
  s->sel = 0;
  s->top = 0;
  if (search_quick(app_db(app), line_edit_text(&s->q), SEARCH_LIMIT, &s->hits, &err) != RP_OK)
    app_message(app, ROLE_ERROR, "%s", err.msg);
}

/* True when the first word marked in the hit's snippet is in the
 * conversation's objective (ASCII case ignored). */
static bool objective_matched(struct ui_app *app, const struct rp_hit *h) {
  const char *a = h->snippet ? strchr(h->snippet, '\x01') : NULL;
  const char *b = a ? strchr(a, '\x02') : NULL;
  if (!b || b == a + 1) return false;
  struct rp_conversation c;
  conv_init(&c);
  struct rp_err err;
  bool in = false;
  if (conv_get(app_db(app), h->conversation_id, &c, &err) == RP_OK && c.objective) {
    size_t n = (size_t)(b - a - 1);
    for (const char *p = c.objective; *p && !in; p++) in = strncasecmp(p, a + 1, n) == 0;
  }
  conv_free(&c);
  return in;
}

/* The item of a conversation the hit is (enum conv_anchor), or -1 when it
 * is not in a conversation. An objective and the wrap-up notes are one
 * document: the objective when the matched word is in it, else the
 * wrap-up. */
static int conv_anchor_of(struct ui_app *app, const struct rp_hit *h) {
  if (!h->conversation_id) return -1;
  if (h->kind == HIT_NOTE) return ANCHOR_NOTE;
  if (h->kind != HIT_DRAFT || !h->where) return -1;
  if (strcmp(h->where, "question") == 0) return ANCHOR_QUESTION;
  if (strcmp(h->where, "followup") == 0)
    return strncmp(h->title, "Thank-you", 9) == 0 ? ANCHOR_THANKS : ANCHOR_NONE;
  if (strcmp(h->where, "objective") == 0)
    return objective_matched(app, h) ? ANCHOR_OBJECTIVE : ANCHOR_WRAPUP;
  return -1;
}

/* Go to the hit in its screen. */
static void jump(struct search_ui *s, struct ui_app *app) {
  if (s->sel < 0 || s->sel >= (long)s->hits.n) return;
  const struct rp_hit *h = &s->hits.v[s->sel];
  int anchor = conv_anchor_of(app, h);
  if (anchor >= 0 && h->contact_id) { /* a conversation's item: open it there */
    app_show_contact(app, h->contact_id);
    app_conversations(app, h->contact_id, h->conversation_id, anchor,
                      anchor == ANCHOR_WRAPUP || anchor == ANCHOR_OBJECTIVE ? 0 : h->ref_id);
    search_ui_free(s);
    return;
  }
  switch (h->kind) {
  case HIT_WORKSHEET:
    app_switch(app, SCREEN_WORKSHEET);
    app_worksheet_select(app, h->where, h->ref_id);
    break;
  case HIT_DRAFT:
    if (h->contact_id) {
      app_set_contact(app, h->contact_id);
      app_switch(app, SCREEN_PREP);
      break;
    }
    /* fall through */
  default:
    if (h->contact_id) app_show_contact(app, h->contact_id);
    break;
  }
  search_ui_free(s);
}

void search_ui_key(struct search_ui *s, struct ui_app *app, rp_key key) {
  /* the box is a one-line field: the form's cancel (Esc) closes it, its
   * save (Enter) goes to the hit */
  enum rp_action field = key_is_text(key) ? ACT_NONE : app_action(app, SCOPE_FORM, key);
  if (field == ACT_FORM_CANCEL) {
    search_ui_free(s);
    return;
  }
  if (field == ACT_FORM_SAVE) {
    jump(s, app);
    return;
  }
  /* a line of text: only keys that type nothing act (Up, not k), through
   * the keymap; next-match and prev-match (C-n, C-p) as in a form's
   * suggestions */
  enum rp_action act = key_is_text(key) ? ACT_NONE : app_action(app, SCOPE_GLOBAL, key);
  if (act == ACT_UP || act == ACT_PREV_MATCH) {
    if (s->sel > 0) s->sel--;
    return;
  }
  if (act == ACT_DOWN || act == ACT_FOCUS_NEXT || act == ACT_NEXT_MATCH) {
    if (s->sel + 1 < (long)s->hits.n) s->sel++;
    return;
  }
  if (act == ACT_PAGE_DOWN) {
    s->sel += s->rows / 2 > 0 ? s->rows / 2 : 1;
    if (s->sel >= (long)s->hits.n) s->sel = (long)s->hits.n - 1;
    if (s->sel < 0) s->sel = 0;
    return;
  }
  if (act == ACT_PAGE_UP) {
    s->sel -= s->rows / 2 > 0 ? s->rows / 2 : 1;
    if (s->sel < 0) s->sel = 0;
    return;
  }
  if (line_edit_key(&s->q, key) == 2) run(s, app);
}

/* Draw text with "\x01…\x02" marking the matched words; returns columns. */
static int put_marked(WINDOW *w, int y, int x, int width, enum rp_role base, enum rp_role hl,
                      const char *text) {
  int used = 0;
  bool on = false;
  const char *p = text;
  while (*p && used < width) {
    size_t n = strcspn(p, "\x01\x02");
    if (n) {
      char *part = xstrndup(p, n);
      used += ui_put_part(w, y, x + used, width - used, on ? hl : base, part);
      free(part);
      p += n;
    }
    if (*p == '\x01') on = true;
    else if (*p == '\x02') on = false;
    if (*p) p++;
  }
  return used;
}

/* One line of a snippet: newlines become spaces. */
static char *flat(const char *s) {
  char *out = xstrdup(s ? s : "");
  for (char *q = out; *q; q++)
    if (*q == '\n' || *q == '\t' || *q == '\r') *q = ' ';
  return out;
}

void search_ui_draw(struct search_ui *s, int *cy, int *cx) {
  int H = LINES, W = COLS;
  int w = W - 4 > 100 ? 100 : W - 2;
  int h = H - 4;
  if (w < 20 || h < 6) return;
  int y0 = 2, x0 = (W - w) / 2;
  WINDOW *win = newwin(h, w, y0, x0);
  if (!win) return;
  for (int r = 0; r < h; r++) ui_fill(win, r, 0, w, ROLE_NORMAL);
  wattrset(win, ui_role(ROLE_BORDER));
  box(win, 0, 0);
  ui_put_part(win, 0, 2, w - 4, ROLE_TITLE, " Search ");
  ui_put(win, 1, 2, 2, ROLE_ACCENT, "/");
  int qx;
  line_edit_draw(&s->q, win, 1, 4, w - 6, ROLE_INPUT, &qx);
  *cy = y0 + 1;
  *cx = x0 + qx;
  /* results: a heading per kind, then two rows per hit */
  int top = 3, rows = h - top - 2;
  s->rows = rows;
  const char *q = line_edit_text(&s->q);
  if (!*q) {
    ui_put(win, top, 2, w - 4, ROLE_MUTED,
           "Type to search contacts, call notes, gives, the worksheet and drafts. Zoe finds "
           "Zo\xC3\xAB; words match as prefixes.");
  } else if (!s->hits.n) {
    char *m = xasprintf("Nothing matches \xE2\x80\x9C%s\xE2\x80\x9D.", q);
    ui_put(win, top, 2, w - 4, ROLE_MUTED, m);
    free(m);
  } else {
    /* lay out: which screen row each hit starts on */
    int row = 0, sel_row = 0;
    int last_kind = -1;
    int *start = xcalloc(s->hits.n, sizeof *start);
    for (size_t i = 0; i < s->hits.n; i++) {
      if ((int)s->hits.v[i].kind != last_kind) {
        row++; /* heading */
        last_kind = (int)s->hits.v[i].kind;
      }
      start[i] = row;
      row += 2;
    }
    sel_row = start[s->sel];
    if (sel_row + 2 > s->top + rows) s->top = sel_row + 2 - rows;
    if (sel_row - 1 < s->top) s->top = sel_row - 1 > 0 ? sel_row - 1 : 0;
    last_kind = -1;
    for (size_t i = 0; i < s->hits.n; i++) {
      const struct rp_hit *hit = &s->hits.v[i];
      if ((int)hit->kind != last_kind) {
        last_kind = (int)hit->kind;
        int hr = start[i] - 1 - s->top;
        if (hr >= 0 && hr < rows)
          ui_put(win, top + hr, 2, w - 4, ROLE_HEADER, rp_hit_kind_titles[hit->kind]);
      }
      int r = start[i] - s->top;
      bool sel = (long)i == s->sel;
      enum rp_role base = list_row_role(sel, true, ROLE_NORMAL);
      if (r >= 0 && r < rows) {
        ui_fill(win, top + r, 1, w - 2, base);
        ui_put(win, top + r, 3, w - 6, base, hit->title);
      }
      if (r + 1 >= 0 && r + 1 < rows) {
        char *snip = flat(hit->snippet);
        ui_fill(win, top + r + 1, 1, w - 2, sel ? base : ROLE_NORMAL);
        put_marked(win, top + r + 1, 5, w - 8, sel ? base : ROLE_MUTED, ROLE_ACCENT, snip);
        free(snip);
      }
    }
    free(start);
  }
  char *foot = !s->hits.n ? xstrdup("Esc closes")
               : s->hits.partial
                   ? xstrdup("Names, then newest \xC2\xB7 type more to rank \xC2\xB7 Enter goes "
                             "there \xC2\xB7 Esc closes")
                   : xasprintf("%zu found \xC2\xB7 Up/Down choose \xC2\xB7 Enter goes there "
                               "\xC2\xB7 Esc closes",
                               s->hits.n);
  ui_put(win, h - 2, 2, w - 4, ROLE_MUTED, foot);
  free(foot);
  wnoutrefresh(win);
  delwin(win);
}
