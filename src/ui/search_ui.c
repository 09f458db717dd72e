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

static enum list_row row_kind(const void *ctx, long i) {
  return ((const struct search_ui *)ctx)->rows[i].kind;
}

/* The results as rows: a heading per kind, then two rows per hit. */
static void rows_build(struct search_ui *s) {
  free(s->rows);
  s->rows = xcalloc(3 * s->hits.n + 1, sizeof *s->rows);
  long n = 0;
  int last_kind = -1;
  for (size_t i = 0; i < s->hits.n; i++) {
    if ((int)s->hits.v[i].kind != last_kind) {
      last_kind = (int)s->hits.v[i].kind;
      s->rows[n++] = (struct search_row){(long)i, LIST_HEAD};
    }
    s->rows[n++] = (struct search_row){(long)i, LIST_ITEM};
    s->rows[n++] = (struct search_row){(long)i, LIST_PART};
  }
  s->lv = (struct list_view){.count = n, .height = s->lv.height, .row = row_kind, .ctx = s};
  list_view_select(&s->lv, 0);
}

void search_ui_open(struct search_ui *s) {
  s->open = true;
  line_edit_set(&s->q, "");
  hit_list_free(&s->hits);
  rows_build(s);
  search_ui_layout(s);
}

void search_ui_free(struct search_ui *s) {
  line_edit_free(&s->q);
  hit_list_free(&s->hits);
  free(s->rows);
  s->rows = NULL;
  s->open = false;
}

/* See search_ui.h: the box, and the result rows under the query. */
void search_ui_layout(struct search_ui *s) {
  s->w = COLS - 4 > 100 ? 100 : COLS - 2;
  s->h = LINES - 4;
  s->y = 2;
  s->x = (COLS - s->w) / 2;
  list_view_resize(&s->lv, s->h - 5); /* border, query, gap; footer, border */
}

static void run(struct search_ui *s, struct ui_app *app) {
  struct rp_err err;
  hit_list_free(&s->hits);
  if (search_quick(app_db(app), line_edit_text(&s->q), SEARCH_LIMIT, &s->hits, &err) != RP_OK)
    app_message(app, ROLE_ERROR, "%s", err.msg);
  rows_build(s);
}

/* The hit selected, or NULL. */
static const struct rp_hit *selected(const struct search_ui *s) {
  return s->lv.sel >= 0 ? &s->hits.v[s->rows[s->lv.sel].hit] : NULL;
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
  const struct rp_hit *h = selected(s);
  if (!h) return;
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
  if (act == ACT_PREV_MATCH) act = ACT_UP;
  if (act == ACT_FOCUS_NEXT || act == ACT_NEXT_MATCH) act = ACT_DOWN;
  /* Home and End move in the query */
  if (act != ACT_FIRST && act != ACT_LAST && list_view_move(&s->lv, act)) return;
  if (act == ACT_UP || act == ACT_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN) return;
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

/* See search_ui.h. */
void search_ui_mouse(struct search_ui *s, int y, int x, int wheel) {
  (void)x;
  if (wheel) list_view_wheel(&s->lv, wheel);
  else list_view_click(&s->lv, y - s->y - 3);
}

void search_ui_draw(struct search_ui *s, int *cy, int *cx) {
  int w = s->w, h = s->h;
  if (w < 20 || h < 6) return;
  int y0 = s->y, x0 = s->x;
  WINDOW *win = box_open(y0, x0, h, w, "Search");
  if (!win) return;
  ui_put(win, 1, 2, 2, ROLE_ACCENT, "/");
  int qx;
  line_edit_draw(&s->q, win, 1, 4, w - 6, ROLE_INPUT, &qx);
  *cy = y0 + 1;
  *cx = x0 + qx;
  /* results: a heading per kind, then two rows per hit */
  int top = 3;
  const char *q = line_edit_text(&s->q);
  if (!*q) {
    ui_put(win, top, 2, w - 4, ROLE_MUTED,
           "Type to search contacts, call notes, gives, the worksheet and drafts. Zoe finds "
           "Zo\xC3\xAB; words match as prefixes.");
  } else if (!s->hits.n) {
    char *m = xasprintf("Nothing matches \xE2\x80\x9C%s\xE2\x80\x9D.", q);
    ui_put(win, top, 2, w - 4, ROLE_MUTED, m);
    free(m);
  }
  for (int r = 0; r < s->lv.height && s->lv.top + r < s->lv.count; r++) {
    long i = s->lv.top + r;
    const struct rp_hit *hit = &s->hits.v[s->rows[i].hit];
    bool sel = list_view_is_sel(&s->lv, i);
    enum rp_role base = list_row_role(sel, true, ROLE_NORMAL);
    if (s->rows[i].kind == LIST_HEAD) {
      ui_put(win, top + r, 2, w - 4, ROLE_HEADER, rp_hit_kind_titles[hit->kind]);
    } else if (s->rows[i].kind == LIST_ITEM) {
      ui_fill(win, top + r, 1, w - 2, base);
      ui_put(win, top + r, 3, w - 6, base, hit->title);
    } else {
      char *snip = flat(hit->snippet);
      ui_fill(win, top + r, 1, w - 2, base);
      put_marked(win, top + r, 5, w - 8, sel ? base : ROLE_MUTED, ROLE_ACCENT, snip);
      free(snip);
    }
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
