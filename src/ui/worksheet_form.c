/* worksheet_form.c — add and edit worksheet entries in a form; each save is
 * one model call (one transaction). */
#include <stdlib.h>
#include <string.h>

#include "pane_worksheet.h"

static const struct rp_choice kind_v[] = {{"hard", "hard", NULL}, {"soft", "soft", NULL}};
static const struct rp_choices kind_choices = {(struct rp_choice *)kind_v, 2};
static const struct rp_choice level_v[] = {
    {"1", "1", NULL}, {"2", "2", NULL}, {"3", "3", NULL}, {"4", "4", NULL}, {"5", "5", NULL}};
static const struct rp_choices level_choices = {(struct rp_choice *)level_v, 5};
static const struct rp_choice yes_v[] = {{"yes", "yes", NULL}};
static const struct rp_choices yes_choices = {(struct rp_choice *)yes_v, 1};

static const char *const form_titles[WS_SECTION_COUNT][2] = {
    [WS_SUPERPOWER] = {"New superpower", "Edit superpower"},
    [WS_PROBLEM] = {"New problem", "Edit problem"},
    [WS_SKILL] = {"New skill", "Edit skill"},
    [WS_GAP] = {"New information gap", "Edit information gap"},
    [WS_OPTION] = {"New option", "Edit option"},
};

static char *num(int n) { return n ? xasprintf("%d", n) : NULL; }

static void add_level(struct form *f, const char *key, const char *label, int value, bool optional) {
  char *v = num(value);
  struct form_field *fld = form_add_choice(f, key, label, &level_choices, v, optional);
  if (optional) fld->none_label = "(not scored)";
  free(v);
}

void worksheet_form_open(struct worksheet *w, bool edit) {
  int ls = ws_sec_list(w->section);
  if (ls < 0) return;
  struct rp_ws_item it;
  ws_item_init(&it, (enum rp_ws_section)ls);
  if (edit && w->lv.sel >= 0 && w->lv.sel < (long)w->items.n) {
    struct rp_err err;
    if (ws_item_get(app_db(w->base.app), w->items.v[w->lv.sel].id, &it, &err) != RP_OK) {
      app_message(w->base.app, ROLE_ERROR, "%s", err.msg);
      return;
    }
  } else {
    edit = false;
  }
  struct form *f = &w->form;
  form_init(f, form_titles[ls][edit]);
  w->form_id = edit ? it.id : 0;
  w->form_section = (enum rp_ws_section)ls;
  switch (ls) {
  case WS_SUPERPOWER:
    form_add_text(f, "title", "Superpower", it.title);
    form_add_multiline(f, "text1", "Evidence", it.text1, 5);
    break;
  case WS_PROBLEM:
    form_add_text(f, "title", "Problem", it.title);
    form_add_multiline(f, "text1", "Why it matters", it.text1, 4);
    form_add_text(f, "text2", "Who works on it", it.text2);
    break;
  case WS_SKILL:
    form_add_text(f, "title", "Skill", it.title);
    form_add_choice(f, "kind", "Kind", &kind_choices, it.kind, false);
    add_level(f, "n1", "Proficiency", it.n1 ? it.n1 : 3, false);
    add_level(f, "n2", "Enjoyment", it.n2 ? it.n2 : 3, false);
    form_add_choice(f, "flag", "Sharpen it", &yes_choices, it.flag ? "yes" : NULL, true)
        ->none_label = "no";
    form_add_text(f, "text1", "How", it.text1);
    break;
  case WS_GAP:
    form_add_text(f, "title", "Question", it.title);
    form_add_choice(f, "flag", "Answered", &yes_choices, it.flag ? "yes" : NULL, true)
        ->none_label = "no";
    form_add_multiline(f, "text1", "Answer", it.text1, 3);
    break;
  case WS_OPTION:
    form_add_text(f, "title", "Option", it.title);
    add_level(f, "n1", "Skills & needs", it.n1, true);
    add_level(f, "n2", "Adds value", it.n2, true);
    add_level(f, "n3", "I would learn", it.n3, true);
    form_add_multiline(f, "text1", "Notes", it.text1, 3);
    break;
  }
  w->form_open = true;
  ws_item_free(&it);
}

static void close_form(struct worksheet *w) {
  form_free(&w->form);
  w->form_open = false;
}

static void discard(void *ctx) { close_form(ctx); }

static char *opt(const struct form *f, const char *key) {
  const char *v = form_value(f, key);
  return v && *v ? xstrdup(v) : NULL;
}

static int opt_num(const struct form *f, const char *key) {
  const char *v = form_value(f, key);
  return v ? atoi(v) : 0;
}

static void save(struct worksheet *w) {
  struct form *f = &w->form;
  struct rp_ws_item it;
  ws_item_init(&it, w->form_section);
  it.id = w->form_id;
  it.title = opt(f, "title");
  it.text1 = opt(f, "text1");
  it.text2 = opt(f, "text2");
  it.kind = opt(f, "kind");
  it.n1 = opt_num(f, "n1");
  it.n2 = opt_num(f, "n2");
  it.n3 = opt_num(f, "n3");
  it.flag = form_value(f, "flag") != NULL;
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_db *db = app_db(w->base.app);
  enum rp_status st = it.id ? ws_item_update(db, &it, &err) : ws_item_insert(db, &it, &err);
  if (st != RP_OK) {
    form_error(f, err.field[0] ? err.field : NULL, err.msg);
  } else {
    app_message(w->base.app, ROLE_SUCCESS, "Saved \xE2\x80\x9C%s\xE2\x80\x9D", it.title);
    close_form(w);
    worksheet_reload(w);
    for (size_t i = 0; i < w->items.n; i++)
      if (w->items.v[i].id == it.id) list_view_select(&w->lv, (long)i);
  }
  ws_item_free(&it);
}

static void save_cb(void *ctx) { save(ctx); }

void worksheet_form_key(struct worksheet *w, rp_key key) {
  form_modal_key(&w->form, w->base.app, key, "This entry", save_cb, discard, w);
}
