/* worksheet_form.c — add and edit worksheet entries in a form; each save is
 * one model call (one transaction). An edit saves only the fields changed
 * in the form, onto the entry as stored when saving: a change another
 * window or the CLI made meanwhile stays, and one made to the same field
 * is asked about. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_worksheet.h"
#include "rapport/undo.h"

static struct rp_choice kind_v[] = {{"hard", "hard", NULL}, {"soft", "soft", NULL}};
static const struct rp_choices kind_choices = {kind_v, 2};
static struct rp_choice level_v[] = {
    {"1", "1", NULL}, {"2", "2", NULL}, {"3", "3", NULL}, {"4", "4", NULL}, {"5", "5", NULL}};
static const struct rp_choices level_choices = {level_v, 5};
static struct rp_choice yes_v[] = {{"yes", "yes", NULL}};
static const struct rp_choices yes_choices = {yes_v, 1};

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

static const struct app_form_ops entry_ops;

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
  app_form_open(&w->base, f, &entry_ops, w);
  worksheet_form_free(w);
  w->form_orig = it; /* kept: the save applies only what changed since */
  char *key = xasprintf("worksheet-item:%d:%lld", ls, (long long)w->form_id);
  app_typing_form(w->base.app, f, key, form_titles[ls][edit]);
  free(key);
}

/* See pane_worksheet.h. */
void worksheet_form_free(struct worksheet *w) {
  ws_item_free(&w->form_orig);
  w->form_answer = ACT_NONE;
}

static void close_form(struct worksheet *w) {
  app_form_close(w->base.app);
  worksheet_form_free(w);
}

static char *opt(const struct form *f, const char *key) {
  const char *v = form_value(f, key);
  return v && *v ? xstrdup(v) : NULL;
}

static int opt_num(const struct form *f, const char *key) {
  const char *v = form_value(f, key);
  return v ? atoi(v) : 0;
}

/* The fields an entry's form may have, by form key. */
static const char *const item_keys[] = {"title", "text1", "text2", "kind", "n1", "n2", "n3", "flag"};

/* Field `key` of it set from the form. */
static void item_set(struct rp_ws_item *it, const struct form *f, const char *key) {
  char **text[] = {&it->title, &it->text1, &it->text2, &it->kind};
  int *nums[] = {&it->n1, &it->n2, &it->n3};
  for (size_t i = 0; i < 4; i++)
    if (strcmp(key, item_keys[i]) == 0) {
      free(*text[i]);
      *text[i] = opt(f, key);
    }
  for (size_t i = 0; i < 3; i++)
    if (strcmp(key, item_keys[4 + i]) == 0) *nums[i] = opt_num(f, key);
  if (strcmp(key, "flag") == 0) it->flag = form_value(f, "flag") != NULL;
}

/* Field `key` of it as text, for comparing and showing (NULL: none);
 * caller frees. */
static char *item_text(const struct rp_ws_item *it, const char *key) {
  const char *text[] = {it->title, it->text1, it->text2, it->kind};
  const int nums[] = {it->n1, it->n2, it->n3};
  for (size_t i = 0; i < 4; i++)
    if (strcmp(key, item_keys[i]) == 0) return str_empty(text[i]) ? NULL : xstrdup(text[i]);
  for (size_t i = 0; i < 3; i++)
    if (strcmp(key, item_keys[4 + i]) == 0) return num(nums[i]);
  return it->flag ? xstrdup("yes") : NULL;
}

/* Same text but for blanks around it; NULL is blank. */
static bool same_text(const char *a, const char *b) {
  char *x = xstrdup(a), *y = xstrdup(b);
  str_trim_null(&x);
  str_trim_null(&y);
  bool same = x && y ? strcmp(x, y) == 0 : x == y;
  free(x);
  free(y);
  return same;
}

/* A copy of the entry as the form read it with the fields changed in the
 * form (every field for a new entry); caller frees. */
static void form_item(struct worksheet *w, struct rp_ws_item *mine) {
  const struct rp_ws_item *o = &w->form_orig;
  ws_item_init(mine, w->form_section);
  mine->id = w->form_id;
  mine->title = xstrdup(o->title);
  mine->text1 = xstrdup(o->text1);
  mine->text2 = xstrdup(o->text2);
  mine->kind = xstrdup(o->kind);
  mine->n1 = o->n1, mine->n2 = o->n2, mine->n3 = o->n3, mine->flag = o->flag;
  mine->ref = o->ref;
  for (size_t k = 0; k < RP_ARRAY_LEN(item_keys); k++) {
    struct form_field *fld = form_field(&w->form, item_keys[k]);
    if (fld && (!w->form_id || form_field_changed(fld))) item_set(mine, &w->form, item_keys[k]);
  }
}

static void save(struct worksheet *w);

/* The answer to "changed elsewhere" (yes: yours, theirs) or "deleted
 * elsewhere" (as-new, discard); any other key goes back. */
static void answer_given(void *ctx, enum rp_action answer) {
  struct worksheet *w = ctx;
  if (w->form_answer == ACT_ANSWER_DISCARD && answer == ACT_ANSWER_DISCARD) {
    /* asked about a deleted entry */
    app_message(w->base.app, ROLE_WARNING, "Discarded your changes to \xE2\x80\x9C%s\xE2\x80\x9D",
                w->form_orig.title);
    close_form(w);
    worksheet_reload(w);
    return;
  }
  if (w->form_answer == ACT_ANSWER_DISCARD && answer == ACT_ANSWER_AS_NEW) {
    w->form_id = 0; /* saved as a new entry */
    save(w);
    return;
  }
  if (w->form_answer == ACT_NONE && (answer == ACT_ANSWER_YES || answer == ACT_ANSWER_THEIRS)) {
    w->form_answer = answer;
    save(w);
    return;
  }
  w->form_answer = ACT_NONE;
}

/* Saved: say so, close the form, select the entry. */
static void saved(struct worksheet *w, const struct rp_ws_item *it) {
  app_message(w->base.app, ROLE_SUCCESS, "Saved \xE2\x80\x9C%s\xE2\x80\x9D", it->title);
  close_form(w);
  worksheet_reload(w);
  for (size_t i = 0; i < w->items.n; i++)
    if (w->items.v[i].id == it->id) list_view_select(&w->lv, (long)i);
}

/* An edit: the changed fields onto the entry as stored now. False when the
 * user is asked first (a conflict, or the entry is gone). */
static bool merge_edit(struct worksheet *w, struct rp_ws_item *out) {
  struct rp_db *db = app_db(w->base.app);
  struct rp_err err;
  struct rp_ws_item fresh;
  ws_item_init(&fresh, w->form_section);
  enum rp_status st = ws_item_get(db, w->form_id, &fresh, &err);
  if (st != RP_OK) {
    ws_item_free(&fresh);
    if (st != RP_NO) {
      form_error(&w->form, NULL, err.msg);
      return false;
    }
    w->form_answer = ACT_ANSWER_DISCARD; /* the deleted question is being asked */
    static const enum rp_action answers[] = {ACT_ANSWER_AS_NEW, ACT_ANSWER_DISCARD, ACT_NONE};
    char as_new[32], discard[32];
    char *body = xasprintf("\xE2\x80\x9C%s\xE2\x80\x9D was deleted elsewhere since you opened "
                           "this form.\n\n%s saves yours as a new entry \xC2\xB7 %s discards your "
                           "changes \xC2\xB7 any other key goes back to the form",
                           w->form_orig.title,
                           app_answer_key(w->base.app, ACT_ANSWER_AS_NEW, as_new, sizeof as_new),
                           app_answer_key(w->base.app, ACT_ANSWER_DISCARD, discard, sizeof discard));
    app_ask(w->base.app, "Deleted elsewhere", body, answers, answer_given, w);
    free(body);
    return false;
  }
  struct rp_buf clash = {0};
  for (size_t k = 0; k < RP_ARRAY_LEN(item_keys); k++) {
    struct form_field *fld = form_field(&w->form, item_keys[k]);
    if (!fld || !form_field_changed(fld)) continue;
    struct rp_ws_item scratch;
    ws_item_init(&scratch, w->form_section);
    item_set(&scratch, &w->form, item_keys[k]);
    char *o = item_text(&w->form_orig, item_keys[k]), *t = item_text(&fresh, item_keys[k]),
         *m = item_text(&scratch, item_keys[k]);
    bool theirs_changed = !same_text(t, o) && !same_text(t, m);
    if (theirs_changed && w->form_answer == ACT_NONE) {
      size_t n = strcspn(t ? t : "", "\n");
      buf_addf(&clash, "  %s is now \xE2\x80\x9C%.*s%s\xE2\x80\x9D\n", fld->label, (int)(n < 50 ? n : 50),
               t ? t : "(nothing)", t && (n > 50 || t[n]) ? "\xE2\x80\xA6" : "");
    }
    if (!theirs_changed || w->form_answer == ACT_ANSWER_YES) item_set(&fresh, &w->form, item_keys[k]);
    free(o);
    free(t);
    free(m);
    ws_item_free(&scratch);
  }
  if (clash.len) {
    static const enum rp_action answers[] = {ACT_ANSWER_YES, ACT_ANSWER_THEIRS, ACT_NONE};
    char yes[32], their[32];
    char *body = xasprintf("\xE2\x80\x9C%s\xE2\x80\x9D was changed elsewhere since you opened this "
                           "form:\n%s\n%s keeps yours \xC2\xB7 %s keeps theirs \xC2\xB7 any other key "
                           "goes back to the form",
                           w->form_orig.title, buf_str(&clash),
                           app_answer_key(w->base.app, ACT_ANSWER_YES, yes, sizeof yes),
                           app_answer_key(w->base.app, ACT_ANSWER_THEIRS, their, sizeof their));
    app_ask(w->base.app, "Changed elsewhere", body, answers, answer_given, w);
    free(body);
    buf_free(&clash);
    ws_item_free(&fresh);
    return false;
  }
  buf_free(&clash);
  *out = fresh;
  return true;
}

static void save(struct worksheet *w) {
  struct form *f = &w->form;
  struct rp_ws_item it;
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_db *db = app_db(w->base.app);
  if (w->form_id) {
    if (!merge_edit(w, &it)) return;
  } else {
    form_item(w, &it);
    it.id = 0;
  }
  undo_label(db, "%s worksheet entry %s", it.id ? "edit" : "add", it.title ? it.title : "");
  enum rp_status st = it.id ? ws_item_update(db, &it, &err) : ws_item_insert(db, &it, &err);
  if (st != RP_OK) form_error(f, err.field[0] ? err.field : NULL, err.msg);
  else saved(w, &it);
  ws_item_free(&it);
}

/* Enter (or C-s): a save the user asked for, nothing answered yet. */
static void save_cb(void *ctx) {
  struct worksheet *w = ctx;
  w->form_answer = ACT_NONE;
  save(w);
}

/* Esc (or changes discarded): what the form kept besides its fields. */
static void closed(void *ctx) { worksheet_form_free(ctx); }

static const struct app_form_ops entry_ops = {
    .what = "This entry", .save = save_cb, .closed = closed};
