/* prep_draft.c — the outreach draft on Prep: written from the template,
 * edited in place or in $EDITOR, checked for asks as it is typed, saved
 * with C-s, kept as a recovery copy while it is typed; drawn with its ask
 * check, both scrolling as one text when they do not fit. */
#include <stdlib.h>
#include <string.h>

#include "pane_prep.h"
#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/outreach.h"
#include "rapport/utf8.h"

static struct prep *self(void *p) { return (struct prep *)p; }

static void save_draft(struct prep *pr, const char *text) {
  struct rp_db *db = app_db(pr->base.app);
  const struct rp_config *cfg = app_config(pr->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_contact ct;
  contact_init(&ct);
  if (contact_get(db, pr->id, &ct, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return; /* stay in the editor: nothing typed is lost */
  }
  str_replace(&ct.draft, text);
  if (contact_update(db, cfg, &ct, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    contact_free(&ct);
    return;
  }
  struct rp_findings f = {0};
  askcheck_run(cfg, text, &f);
  if (f.n)
    app_message(pr->base.app, ROLE_WARNING, "Saved the draft to %s \xC2\xB7 ask check: %zu finding%s",
                ct.name, f.n, f.n == 1 ? "" : "s");
  else
    app_message(pr->base.app, ROLE_SUCCESS, "Saved the draft to %s \xC2\xB7 ask check: clean",
                ct.name);
  findings_free(&f);
  contact_free(&ct);
  pr->editing = false;
  pr->focus = PF_LIST;
  app_typing_end(pr->base.app); /* saved: no copy to keep */
  prep_refresh(pr);
}

/* The text to edit: the saved draft, or a new one from the template. */
char *prep_draft_start_text(struct prep *pr) {
  if (!str_empty(pr->ct.draft)) return xstrdup(pr->ct.draft);
  char *out = NULL;
  struct rp_err err;
  if (outreach_draft_new(app_db(pr->base.app), app_config(pr->base.app), pr->id, &out, &err) !=
      RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return xstrdup("");
  }
  return out;
}

/* The draft being written, for its recovery copy (recovery_ui.c). */
static char *draft_snapshot(void *ctx) { return xstrdup(text_edit_text(&self(ctx)->te)); }
static void draft_restore(void *ctx, const char *text) {
  text_edit_set(&self(ctx)->te, text);
  self(ctx)->check_valid = false;
}

void prep_draft_edit(struct prep *pr) {
  char *text = prep_draft_start_text(pr);
  text_edit_set(&pr->te, text);
  pr->te.cursor = 0;
  pr->te.scroll = 0;
  pr->check_valid = false;
  free(text);
  pr->editing = true;
  pr->focus = PF_DRAFT;
  char *key = xasprintf("outreach:%lld", (long long)pr->id);
  char *label = xasprintf("the outreach draft to %s", pr->ct.name ? pr->ct.name : "them");
  app_typing_begin(pr->base.app, key, label, draft_snapshot, draft_restore, pr);
  free(key);
  free(label);
}

void prep_draft_external(struct prep *pr, const char *now) {
  char *out;
  if (app_external_edit(pr->base.app, now, &out)) {
    save_draft(pr, out);
    free(out);
  }
}

static void stop_editing(void *ctx) {
  self(ctx)->editing = false;
  self(ctx)->focus = PF_LIST;
  app_typing_end(self(ctx)->base.app); /* thrown away on purpose */
}

void prep_draft_key(struct prep *pr, rp_key key) {
  switch (app_action(pr->base.app, SCOPE_EDITOR, key)) {
  case ACT_FORM_SAVE: save_draft(pr, text_edit_text(&pr->te)); return;
  case ACT_EXTERNAL_EDITOR: prep_draft_external(pr, text_edit_text(&pr->te)); return;
  case ACT_FORM_CANCEL:
    app_discard_or_close(pr->base.app,
                         strcmp(text_edit_text(&pr->te), pr->ct.draft ? pr->ct.draft : "") != 0,
                         "The draft", "the draft", stop_editing, pr);
    return;
  default: break;
  }
  text_edit_key(&pr->te, key);
}

/* ---- drawing: the draft and its ask check ---- */

/* The saved draft (not the one being edited: see check_now). */
static const char *draft_text(const struct prep *pr) { return pr->ct.draft ? pr->ct.draft : ""; }

static bool draft_empty(const struct prep *pr) {
  return pr->editing ? text_edit_len(&pr->te) == 0 : str_empty(pr->ct.draft);
}

static int count_words(const char *s) {
  int words = 0;
  while (*s) {
    while (*s == ' ' || *s == '\n' || *s == '\t') s++;
    if (!*s) break;
    words++;
    while (*s && *s != ' ' && *s != '\n' && *s != '\t') s++;
  }
  return words;
}

/* A draft up to this long is checked at each draw while it is edited;
 * a longer one (a check of 1 MB takes tens of ms) when keys stop, as the
 * pane's idle work, its last check shown meanwhile. */
#define CHECK_AT_ONCE ((size_t)64 << 10)

/* The ask check and word count of the draft being edited, now. */
static void check_now(struct prep *pr) {
  findings_free(&pr->check);
  const char *text = text_edit_text(&pr->te);
  askcheck_run(app_config(pr->base.app), text, &pr->check);
  pr->check_words = count_words(text);
  pr->check_version = pr->te.version;
  pr->check_valid = true;
}

/* See pane_prep.h. */
bool prep_draft_idle(struct prep *pr) {
  if (!pr->editing || (pr->check_valid && pr->check_version == pr->te.version)) return false;
  check_now(pr);
  prep_draft_sync(pr);
  return true;
}

/* See pane_prep.h. */
void prep_draft_free(struct prep *pr) {
  findings_free(&pr->check);
  pr->check_valid = false;
  prep_rows_free(&pr->dview);
  free(pr->dview_text);
  pr->dview_text = NULL;
}

/* One row as it is (no wrapping: an empty row stays a row). */
static void push_row(struct prep_rows *r, const char *text, enum rp_role role, int indent) {
  r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
  r->v[r->n++] = (struct prep_row){xstrdup(text), role, -1, false, indent};
}

/* The ask check's rows for a draft `width` columns wide, pushed onto
 * `rows` (item -1: not selectable). */
static void findings_rows(struct prep *pr, int width, const struct rp_findings *f,
                          struct prep_rows *rows) {
  if (draft_empty(pr)) {
    prep_rows_push(rows, "Ask check: nothing to check yet", ROLE_MUTED, -1, false, 1, width);
    return;
  }
  if (!f->n) {
    prep_rows_push(rows, "Ask check: clean \xE2\x80\x94 no job request, no second favour, short enough",
                   ROLE_SUCCESS, -1, false, 1, width);
    return;
  }
  char *head = xasprintf("Ask check: %zu finding%s", f->n, f->n == 1 ? "" : "s");
  prep_rows_push(rows, head, ROLE_WARNING, -1, false, 1, width);
  free(head);
  for (size_t i = 0; i < f->n; i++) {
    const struct rp_finding *x = &f->v[i];
    char *line = !str_empty(x->phrase)
                     ? xasprintf("%d:%d %s \xE2\x80\x9C%s\xE2\x80\x9D \xE2\x80\x94 %s", x->line,
                                 x->col, x->label, x->phrase, x->suggestion ? x->suggestion : "")
                     : xasprintf("%d:%d %s \xE2\x80\x94 %s", x->line, x->col, x->label,
                                 x->suggestion ? x->suggestion : "");
    struct rp_strv lines = {0};
    wrap_text(line, width - 4, &lines);
    for (size_t j = 0; j < lines.n; j++) push_row(rows, lines.v[j], j ? ROLE_MUTED : ROLE_NORMAL, j ? 4 : 2);
    strv_free(&lines);
    free(line);
  }
}

/* Rows [from, from + n) of `rows` at window rows top…; when rows are left
 * below, the last one says how many and how to see them (while editing:
 * save first, the editor's keys are text keys). */
static void put_rows(struct prep *pr, WINDOW *w, const struct prep_rows *rows, size_t from,
                     int top, int n, int width) {
  for (int i = 0; i < n && from + (size_t)i < rows->n; i++) {
    const struct prep_row *r = &rows->v[from + (size_t)i];
    if (i == n - 1 && from + (size_t)i + 1 < rows->n) {
      size_t left = rows->n - from - (size_t)i;
      char down[32], save[32];
      app_key(pr->base.app, SCOPE_PREP, ACT_DRAFT_DOWN, down, sizeof down);
      app_key(pr->base.app, SCOPE_EDITOR, ACT_FORM_SAVE, save, sizeof save);
      char *m = pr->editing
                    ? xasprintf("\xE2\x86\x93 %zu more line%s: %s saves, then %s scrolls to them",
                                left, left == 1 ? "" : "s", save, down[0] ? down : "j")
                    : xasprintf("\xE2\x86\x93 %zu more line%s: %s scrolls", left,
                                left == 1 ? "" : "s", down[0] ? down : "Tab, j");
      ui_put(w, top + i, 1, width - 1, ROLE_ACCENT, m);
      free(m);
      return;
    }
    ui_put(w, top + i, r->indent, width - r->indent, r->role, r->text);
  }
}

/* See pane_prep.h. */
void prep_draft_sync(struct prep *pr) {
  struct prep_rows *v = &pr->dview;
  v->lv.browse = true;
  if (!pr->draft_win) return;
  int width = getmaxx(pr->draft_win), height = getmaxy(pr->draft_win);
  const char *text = draft_text(pr);
  if (pr->editing && (!pr->check_valid || (pr->check_version != pr->te.version &&
                                           text_edit_len(&pr->te) <= CHECK_AT_ONCE)))
    check_now(pr);
  bool same = v->width == width && pr->dview_h == height && pr->dview_editing == pr->editing &&
              (pr->editing ? pr->dview_check == pr->check_version
                           : pr->dview_text && strcmp(pr->dview_text, text) == 0);
  if (same) return;
  prep_rows_free(v);
  struct rp_findings saved = {0};
  const struct rp_findings *f = &saved;
  if (pr->editing) {
    f = &pr->check;
    pr->dwords = pr->check_words;
  } else {
    askcheck_run(app_config(pr->base.app), text, &saved);
    pr->dwords = count_words(text);
  }
  struct prep_rows found = {0};
  findings_rows(pr, width, f, &found);
  findings_free(&saved);
  /* findings take up to half the window, at least their heading */
  int find_rows = (int)found.n;
  if (find_rows > (height - 1) / 2) find_rows = (height - 1) / 2;
  if (find_rows < 1) find_rows = 1;
  pr->dbody = height - 1 - find_rows - 1;
  if (pr->dbody < 1) pr->dbody = 1;
  pr->dlines = 0;
  pr->dsplit = true;
  if (!pr->editing && *text) {
    struct rp_strv lines = {0};
    wrap_text(text, width - 3, &lines);
    for (size_t i = 0; i < lines.n; i++) push_row(v, lines.v[i], ROLE_NORMAL, 1);
    push_row(v, "", ROLE_NORMAL, 1);
    pr->dlines = lines.n;
    pr->dsplit = (int)lines.n <= pr->dbody && (int)found.n <= height - pr->dbody - 2;
    strv_free(&lines);
  }
  for (size_t i = 0; i < found.n; i++)
    push_row(v, found.v[i].text, found.v[i].role, found.v[i].indent);
  prep_rows_free(&found);
  v->width = width;
  pr->dview_h = height;
  pr->dview_editing = pr->editing;
  pr->dview_check = pr->check_version;
  str_replace(&pr->dview_text, text);
  /* only the one text scrolls: the draft, a blank row, the ask check */
  v->lv.count = pr->dsplit ? 0 : (long)v->n;
  list_view_resize(&v->lv, height - 1);
}

/* The draft window: the title, the draft (or the editor), the ask check,
 * as prep_draft_sync made them. When the draft and its findings do not
 * fit their halves, they scroll as one text (the draft's own keys, or j/k
 * with the focus on it), so every finding can be reached. */
void prep_draft_draw(struct prep *pr) {
  WINDOW *w = pr->draft_win;
  int width = getmaxx(w), height = getmaxy(w);
  bool focused = pr->focus == PF_DRAFT;
  const struct prep_rows *v = &pr->dview;
  int body = pr->dbody, words = pr->dwords;
  werase(w);
  char *title = xasprintf(" Outreach draft \xC2\xB7 %d word%s%s", words, words == 1 ? "" : "s",
                          pr->editing ? " \xC2\xB7 editing" : "");
  ui_put(w, 0, 0, width, focused ? ROLE_HEADER : ROLE_MUTED, title);
  free(title);
  size_t found_at = pr->dlines ? pr->dlines + 1 : 0; /* the ask check's first row */
  pr->cur_y = pr->cur_x = -1;
  if (pr->editing) {
    text_edit_draw(&pr->te, w, 1, 1, body, width - 2, ROLE_INPUT, &pr->cur_y, &pr->cur_x);
    put_rows(pr, w, v, found_at, 1 + body + 1, height - body - 2, width);
  } else if (!pr->dlines) {
    char edit[32], ext[32];
    app_key(pr->base.app, SCOPE_PREP, ACT_EDIT, edit, sizeof edit);
    app_keys(pr->base.app, SCOPE_EDITOR, ACT_EXTERNAL_EDITOR, ext, sizeof ext);
    char *hint = xasprintf("No draft yet. Press %s to start one from your template, filled in "
                           "with what you know about them; %s writes it in $EDITOR.\n\n"
                           "Keep it short, say why them, and ask for advice, never for a job.",
                           edit, ext);
    struct rp_strv lines = {0};
    wrap_text(hint, width - 3, &lines);
    for (size_t i = 0; i < lines.n && (int)i < body; i++)
      ui_put(w, 1 + (int)i, 1, width - 2, ROLE_MUTED, lines.v[i]);
    strv_free(&lines);
    free(hint);
    put_rows(pr, w, v, found_at, 1 + body + 1, height - body - 2, width);
  } else if (pr->dsplit) { /* it all fits: the draft above, the ask check below */
    for (size_t i = 0; i < pr->dlines; i++)
      ui_put(w, 1 + (int)i, 1, width - 2, ROLE_NORMAL, v->v[i].text);
    put_rows(pr, w, v, found_at, 1 + body + 1, height - body - 2, width);
  } else {
    put_rows(pr, w, v, (size_t)v->lv.top, 1, v->lv.height, width);
  }
  wnoutrefresh(w);
}
