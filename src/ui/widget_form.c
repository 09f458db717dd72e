/* widget_form.c — a modal form of labelled fields (see widgets.h). Text
 * fields use the line editor; choice fields cycle through a config list with
 * Left/Right/Space or jump by first letter; contact fields search as you
 * type and offer suggestions below the field; list fields (the emails of a
 * contact) are rows of values, in widget_form_list.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "rapport/when.h"
#include "widget_form_list.h"

void form_init(struct form *f, const char *title) {
  memset(f, 0, sizeof *f);
  f->title = xstrdup(title);
}

static void sugg_clear(struct form *f) {
  for (size_t i = 0; i < f->sugg_n; i++) {
    free(f->sugg_names[i]);
    f->sugg_names[i] = NULL;
  }
  f->sugg_n = 0;
  f->sugg_sel = 0;
}

void form_free(struct form *f) {
  for (size_t i = 0; i < f->n; i++) {
    line_edit_free(&f->fields[i].edit);
    text_edit_free(&f->fields[i].text);
    free(f->fields[i].contact_name);
    free(f->fields[i].initial);
    free(f->fields[i].note);
    form_list_free(&f->fields[i]);
  }
  sugg_clear(f);
  free(f->fields);
  free(f->title);
  if (f->win) delwin(f->win);
  memset(f, 0, sizeof *f);
}

static struct form_field *add_field(struct form *f, const char *key, const char *label,
                                    enum form_kind kind) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 16;
    f->fields = xrealloc(f->fields, f->cap * sizeof *f->fields);
  }
  struct form_field *fld = &f->fields[f->n++];
  memset(fld, 0, sizeof *fld);
  fld->key = key;
  fld->label = label;
  fld->kind = kind;
  fld->choice = -1;
  fld->rows = 1;
  return fld;
}

/* Current value as a string for change detection; caller frees. */
static char *field_snapshot(const struct form_field *fld) {
  switch (fld->kind) {
  case FIELD_TEXT: return xstrdup(line_edit_text(&fld->edit));
  case FIELD_MULTILINE: return xstrdup(text_edit_text(&fld->text));
  case FIELD_CHOICE: return xasprintf("%d", fld->choice);
  case FIELD_CONTACT: return xasprintf("%lld", (long long)fld->contact_id);
  case FIELD_LIST: return form_list_snapshot(fld);
  case FIELD_NOTE: break;
  }
  return xstrdup("");
}

struct form_field *form_add_text(struct form *f, const char *key, const char *label,
                                 const char *value) {
  struct form_field *fld = add_field(f, key, label, FIELD_TEXT);
  line_edit_set(&fld->edit, value);
  fld->initial = field_snapshot(fld);
  return fld;
}

struct form_field *form_add_multiline(struct form *f, const char *key, const char *label,
                                      const char *value, int rows) {
  struct form_field *fld = add_field(f, key, label, FIELD_MULTILINE);
  text_edit_set(&fld->text, value);
  fld->rows = rows > 1 ? rows : 2;
  fld->initial = field_snapshot(fld);
  return fld;
}

/* See widgets.h. The form keeps a copy of text. */
struct form_field *form_add_note(struct form *f, const char *key, const char *label,
                                 const char *text) {
  struct form_field *fld = add_field(f, key, label, FIELD_NOTE);
  fld->note = xstrdup(text ? text : "");
  fld->initial = field_snapshot(fld);
  return fld;
}

bool form_in_editor(const struct form *f) {
  return f->n && f->fields[f->focus].kind == FIELD_MULTILINE;
}

struct form_field *form_add_choice(struct form *f, const char *key, const char *label,
                                   const struct rp_choices *choices, const char *value,
                                   bool optional) {
  struct form_field *fld = add_field(f, key, label, FIELD_CHOICE);
  fld->choices = choices;
  fld->optional = optional;
  fld->choice = optional ? -1 : 0;
  for (size_t i = 0; value && i < choices->n; i++)
    if (strcmp(choices->v[i].key, value) == 0) fld->choice = (int)i;
  fld->initial = field_snapshot(fld);
  return fld;
}

struct form_field *form_add_contact(struct form *f, const char *key, const char *label,
                                    int64_t id, const char *name) {
  struct form_field *fld = add_field(f, key, label, FIELD_CONTACT);
  fld->contact_id = id;
  fld->contact_name = xstrdup(id ? name : NULL);
  line_edit_set(&fld->edit, id ? name : "");
  fld->initial = field_snapshot(fld);
  return fld;
}

struct form_field *form_field(struct form *f, const char *key) {
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(f->fields[i].key, key) == 0) return &f->fields[i];
  return NULL;
}

/* The field named key of a form read only; NULL when none. */
static const struct form_field *form_field_const(const struct form *f, const char *key) {
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(f->fields[i].key, key) == 0) return &f->fields[i];
  return NULL;
}

const char *form_value(const struct form *f, const char *key) {
  const struct form_field *fld = form_field_const(f, key);
  if (!fld) return NULL;
  if (fld->kind == FIELD_CHOICE)
    return fld->choice >= 0 ? fld->choices->v[fld->choice].key : NULL;
  if (fld->kind == FIELD_MULTILINE) return text_edit_text(&fld->text);
  if (fld->kind == FIELD_LIST || fld->kind == FIELD_NOTE) return NULL;
  return line_edit_text(&fld->edit);
}

/* Resolve the text of a `when` field into out (see widgets.h). */
/* See widget_form_list.h. */
enum rp_status form_field_when(const struct form_field *fld, char *out, size_t size,
                               struct rp_err *err) {
  const char *text = line_edit_text(&fld->edit);
  str_copy(out, size, "");
  if (str_empty(text)) return RP_OK;
  char buf[24];
  enum rp_status st = RP_OK;
  int n;
  switch (fld->when) {
  case WHEN_DAY: st = when_day_now(text, buf, err); break;
  case WHEN_DATETIME: st = when_datetime_now(text, buf, err); break;
  case WHEN_MINUTES:
    st = when_parse_minutes(text, &n, err);
    snprintf(buf, sizeof buf, "%d", st == RP_OK ? n : 0);
    break;
  default: str_copy(buf, sizeof buf, text); break;
  }
  if (st == RP_OK) str_copy(out, size, buf);
  return st;
}

enum rp_status form_when(const struct form *f, const char *key, char *out, size_t size,
                         struct rp_err *err) {
  str_copy(out, size, "");
  for (size_t i = 0; i < f->n; i++) {
    if (strcmp(f->fields[i].key, key) != 0) continue;
    enum rp_status st = form_field_when(&f->fields[i], out, size, err);
    if (st != RP_OK) str_copy(err->field, sizeof err->field, key);
    return st;
  }
  return RP_OK;
}

bool form_field_changed(const struct form_field *fld) {
  char *now = field_snapshot(fld);
  bool diff = strcmp(now, fld->initial) != 0;
  free(now);
  return diff;
}

bool form_changed(const struct form *f) {
  for (size_t i = 0; i < f->n; i++)
    if (form_field_changed(&f->fields[i])) return true;
  return false;
}

void form_error(struct form *f, const char *field, const char *msg) {
  str_copy(f->error, sizeof f->error, msg ? msg : "");
  for (size_t i = 0; field && i < f->n; i++)
    if (strcmp(f->fields[i].key, field) == 0) f->focus = i;
}

static void refresh_suggestions(struct form *f, struct form_field *fld) {
  sugg_clear(f);
  const char *text = line_edit_text(&fld->edit);
  if (!f->suggest || !*text) return;
  if (fld->contact_id && fld->contact_name && strcmp(text, fld->contact_name) == 0) return;
  f->sugg_n = f->suggest(f->suggest_ctx, text, f->sugg_names, f->sugg_ids, FORM_SUGGEST_MAX);
}

static void accept_suggestion(struct form *f, struct form_field *fld) {
  if (f->sugg_n == 0) return;
  fld->contact_id = f->sugg_ids[f->sugg_sel];
  str_replace(&fld->contact_name, f->sugg_names[f->sugg_sel]);
  line_edit_set(&fld->edit, fld->contact_name);
  sugg_clear(f);
}

/* A field left shows its start again: the next draw scrolls a line back
 * to its first character (the cursor is brought into view when the field
 * is focused again). */
static void field_leave(struct form_field *fld) {
  fld->edit.first = 0;
  for (size_t i = 0; i < fld->nitems; i++) fld->items[i].edit.first = 0;
}

/* Multi-line text keeps no blank lines at its end: an Enter pressed to
 * save leaves no stray line behind. */
static void trim_multiline(struct form *f) {
  for (size_t i = 0; i < f->n; i++) {
    struct form_field *fld = &f->fields[i];
    if (fld->kind != FIELD_MULTILINE) continue;
    const char *t = text_edit_text(&fld->text);
    size_t n = strlen(t), keep = n;
    while (keep > 0 && (t[keep - 1] == '\n' || str_is_space(t[keep - 1]))) keep--;
    if (keep == n) continue;
    char *trimmed = xstrndup(t, keep);
    text_edit_set(&fld->text, trimmed);
    free(trimmed);
  }
}

/* See widget_form_list.h. */
void form_focus_move(struct form *f, int delta) {
  struct form_field *fld = &f->fields[f->focus];
  if (fld->kind == FIELD_LIST && delta && form_list_move(fld, delta)) return;
  if (fld->kind == FIELD_CONTACT) {
    accept_suggestion(f, fld);
    if (!*line_edit_text(&fld->edit)) { /* cleared: no introducer */
      fld->contact_id = 0;
      str_replace(&fld->contact_name, NULL);
    } else if (fld->contact_id && strcmp(line_edit_text(&fld->edit), fld->contact_name) != 0) {
      line_edit_set(&fld->edit, fld->contact_name); /* typed text matched nobody */
    }
  }
  sugg_clear(f);
  if (fld->kind == FIELD_LIST && delta) form_list_tidy(fld, false);
  if (delta) field_leave(fld);
  f->focus = (f->focus + f->n + (size_t)(long)delta) % f->n; /* n >= 1 */
  for (size_t k = 0; k < f->n && delta && f->fields[f->focus].kind == FIELD_NOTE; k++)
    f->focus = (f->focus + f->n + (size_t)(long)delta) % f->n; /* notes are read, not typed */
  if (delta && f->fields[f->focus].kind == FIELD_LIST)
    form_list_enter(&f->fields[f->focus], delta);
}

static bool choice_key(struct form_field *fld, rp_key key) {
  int n = (int)fld->choices->n, lo = fld->optional ? -1 : 0;
  if (key == RPK_RIGHT || key == RPK_SPACE) {
    fld->choice = fld->choice + 1 >= n ? lo : fld->choice + 1;
    return true;
  }
  if (key == RPK_LEFT) {
    fld->choice = fld->choice - 1 < lo ? n - 1 : fld->choice - 1;
    return true;
  }
  if (key == RPK_BACKSPACE || key == RPK_DELETE) {
    if (fld->optional) fld->choice = -1;
    return true;
  }
  if (key > ' ' && key < 0x80) { /* jump to the next choice starting with key */
    for (int k = 1; k <= n; k++) {
      int i = ((fld->choice < 0 ? -1 : fld->choice) + k) % n;
      const char *label = fld->choices->v[i].label;
      if (label[0] && (label[0] | 0x20) == (key | 0x20)) {
        fld->choice = i;
        return true;
      }
    }
    return true; /* swallow letters in a choice field */
  }
  return false;
}

/* C-o: the focused text in $VISUAL/$EDITOR. */
static void external_edit(struct form *f, struct ui_app *app, struct form_field *fld) {
  if (fld->kind != FIELD_TEXT && fld->kind != FIELD_MULTILINE && fld->kind != FIELD_LIST) return;
  struct line_edit *le = fld->kind == FIELD_LIST ? &fld->items[fld->item].edit : &fld->edit;
  const char *now = fld->kind == FIELD_MULTILINE ? text_edit_text(&fld->text) : line_edit_text(le);
  char *out;
  if (!app_external_edit(app, now, &out)) return;
  if (fld->kind != FIELD_MULTILINE) {
    for (char *p = out; *p; p++) /* one line: newlines become spaces */
      if (*p == '\n' || *p == '\r') *p = ' ';
    line_edit_set(le, out);
    if (fld->kind == FIELD_LIST) form_list_tidy(fld, true);
  } else {
    text_edit_set(&fld->text, out);
  }
  free(out);
}

/* Keys in a multi-line field: the editor scope's actions, then editing,
 * then (keys the text did not use) the form's field moves. */
static bool multiline_key(struct form *f, struct ui_app *app, struct form_field *fld, rp_key key,
                          enum form_result *res) {
  switch (app_action(app, SCOPE_EDITOR, key)) {
  case ACT_FORM_SAVE:
    trim_multiline(f);
    *res = FORM_SAVE;
    return true;
  case ACT_FORM_CANCEL: *res = FORM_CANCEL; return true;
  case ACT_EXTERNAL_EDITOR: external_edit(f, app, fld); *res = FORM_CONTINUE; return true;
  default: break;
  }
  int r = text_edit_key(&fld->text, key);
  if (r == 2) f->error[0] = '\0';
  *res = FORM_CONTINUE;
  return r != 0;
}

enum form_result form_key(struct form *f, struct ui_app *app, rp_key key) {
  if (f->fields[f->focus].kind == FIELD_NOTE) form_focus_move(f, 1);
  struct form_field *fld = &f->fields[f->focus];
  enum form_result res;
  if (fld->kind == FIELD_MULTILINE && multiline_key(f, app, fld, key, &res)) return res;
  /* suggestions of a contact field take down/up, next/prev-match and the
   * save key of a one-line field (Enter) first; keys that type stay text */
  if (fld->kind == FIELD_CONTACT && f->sugg_n > 0 && !key_is_text(key)) {
    enum rp_action act = app_action(app, SCOPE_GLOBAL, key);
    if (act == ACT_DOWN || act == ACT_NEXT_MATCH) {
      f->sugg_sel = (f->sugg_sel + 1) % f->sugg_n;
      return FORM_CONTINUE;
    }
    if (act == ACT_UP || act == ACT_PREV_MATCH) {
      f->sugg_sel = (f->sugg_sel + f->sugg_n - 1) % f->sugg_n;
      return FORM_CONTINUE;
    }
    if (app_action(app, SCOPE_FORM, key) == ACT_FORM_SAVE) {
      accept_suggestion(f, fld);
      return FORM_CONTINUE;
    }
  }
  enum rp_action act = app_action(app, SCOPE_FORM, key);
  switch (act) {
  case ACT_FORM_SAVE:
    form_focus_move(f, 0);
    trim_multiline(f);
    return FORM_SAVE;
  case ACT_FORM_CANCEL:
    if (f->sugg_n) {
      sugg_clear(f);
      return FORM_CONTINUE;
    }
    return FORM_CANCEL;
  case ACT_FORM_NEXT:
    form_focus_move(f, 1);
    return FORM_CONTINUE;
  case ACT_FORM_PREV:
    form_focus_move(f, -1);
    return FORM_CONTINUE;
  case ACT_EXTERNAL_EDITOR:
    external_edit(f, app, fld);
    return FORM_CONTINUE;
  default:
    break;
  }
  if (fld->kind == FIELD_LIST) { /* its row actions, else typing */
    form_list_key(f, fld, act, key);
    return FORM_CONTINUE;
  }
  if (fld->kind == FIELD_MULTILINE || fld->kind == FIELD_NOTE) return FORM_CONTINUE;
  if (fld->kind == FIELD_CHOICE) {
    choice_key(fld, key);
    return FORM_CONTINUE;
  }
  int r = line_edit_key(&fld->edit, key);
  if (r == 2) {
    f->error[0] = '\0';
    if (fld->kind == FIELD_CONTACT) {
      if (!*line_edit_text(&fld->edit)) {
        fld->contact_id = 0;
        str_replace(&fld->contact_name, NULL);
      }
      refresh_suggestions(f, fld);
    }
  }
  return FORM_CONTINUE;
}

/* See widget_form_list.h. */
void form_focus_to(struct form *f, size_t i) {
  form_focus_move(f, 0);
  struct form_field *was = &f->fields[f->focus];
  if (f->focus != i) {
    if (was->kind == FIELD_LIST) form_list_tidy(was, false);
    field_leave(was);
  }
  f->focus = i;
}

void form_modal_key(struct form *f, struct ui_app *app, rp_key key, const char *what,
                    void (*save)(void *ctx), void (*close)(void *ctx), void *ctx) {
  switch (form_key(f, app, key)) {
  case FORM_SAVE: save(ctx); break;
  case FORM_CANCEL: app_discard_or_close(app, form_changed(f), what, "the form", close, ctx); break;
  case FORM_CONTINUE: break;
  }
}
