/* widget_form_list.c — the list field of a form (see widgets.h): rows
 * "Email 1", "Email 2", … each a line editor with what the value is for
 * and a star on the preferred one, and an empty row at the end where a new
 * value is typed. Keys: the form's moves go row by row; remove-value,
 * value-type and prefer-value work on the focused row. */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "widget_form_list.h"

/* Columns at the right of a row for its type and star ("mobile ★"). */
#define TYPE_W 12

/* True when row it holds nothing but blanks. */
static bool row_empty(const struct form_item *it) {
  for (const char *p = line_edit_text(&it->edit); *p; p++)
    if (!str_is_space(*p)) return false;
  return true;
}

/* Append an empty row. */
static void push_row(struct form_field *fld) {
  fld->items = xrealloc(fld->items, (fld->nitems + 1) * sizeof *fld->items);
  struct form_item *it = &fld->items[fld->nitems++];
  memset(it, 0, sizeof *it);
  it->type = -1;
  line_edit_set(&it->edit, "");
  fld->rows = (int)fld->nitems;
}

static void remove_row(struct form_field *fld, size_t i) {
  line_edit_free(&fld->items[i].edit);
  memmove(&fld->items[i], &fld->items[i + 1], (fld->nitems - i - 1) * sizeof *fld->items);
  fld->nitems--;
  fld->rows = (int)fld->nitems;
}

/* See widget_form_list.h. */
void form_list_free(struct form_field *fld) {
  for (size_t i = 0; i < fld->nitems; i++) line_edit_free(&fld->items[i].edit);
  free(fld->items);
  fld->items = NULL;
  fld->nitems = fld->item = 0;
  strv_free(&fld->types);
}

/* See widget_form_list.h: "value\x1ftype\x1fpreferred\x1e" per row with a
 * value. */
char *form_list_snapshot(const struct form_field *fld) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < fld->nitems; i++) {
    const struct form_item *it = &fld->items[i];
    if (row_empty(it)) continue;
    buf_addf(&b, "%s\x1f%d\x1f%d\x1e", line_edit_text(&it->edit), it->type, it->preferred);
  }
  return buf_steal(&b);
}

/* See widgets.h. */
struct form_field *form_add_list(struct form *f, const char *key, const char *label,
                                 const char *const *types) {
  struct form_field *fld = form_add_text(f, key, label, "");
  fld->kind = FIELD_LIST;
  for (size_t i = 0; types && types[i]; i++) strv_push(&fld->types, types[i]);
  push_row(fld);
  free(fld->initial);
  fld->initial = form_list_snapshot(fld);
  return fld;
}

/* See widgets.h. */
void form_list_append(struct form_field *fld, const char *value, const char *type,
                      bool preferred) {
  push_row(fld); /* the new empty row at the end; the old one takes the value */
  struct form_item *it = &fld->items[fld->nitems - 2];
  line_edit_set(&it->edit, value);
  it->preferred = preferred;
  it->type = -1;
  for (size_t t = 0; type && t < fld->types.n && it->type < 0; t++)
    if (strcmp(fld->types.v[t], type) == 0) it->type = (int)t;
  if (type && *type && it->type < 0) {
    strv_push(&fld->types, type); /* what another program wrote stays on offer */
    it->type = (int)fld->types.n - 1;
  }
  free(fld->initial);
  fld->initial = form_list_snapshot(fld);
}

/* See widgets.h. */
const char *form_list_value(const struct form_field *fld, size_t i) {
  return i < fld->nitems ? line_edit_text(&fld->items[i].edit) : "";
}

/* See widgets.h. */
const char *form_list_type(const struct form_field *fld, size_t i) {
  if (i >= fld->nitems || fld->items[i].type < 0) return NULL;
  return fld->types.v[fld->items[i].type];
}

/* See widgets.h. */
void form_list_error(struct form *f, const char *key, size_t row, const char *msg) {
  form_error(f, key, msg);
  struct form_field *fld = form_field(f, key);
  if (!fld || fld->kind != FIELD_LIST || row >= fld->nitems) return;
  fld->item = row;
  fld->items[row].bad = true;
}

/* See widget_form_list.h. */
void form_list_tidy(struct form_field *fld, bool keep_focused) {
  for (size_t i = 0; i + 1 < fld->nitems;) {
    if (row_empty(&fld->items[i]) && !(keep_focused && i == fld->item)) {
      remove_row(fld, i);
      if (fld->item > i) fld->item--;
      continue;
    }
    i++;
  }
  if (!fld->nitems || !row_empty(&fld->items[fld->nitems - 1])) push_row(fld);
  if (fld->item >= fld->nitems) fld->item = fld->nitems - 1;
}

/* See widget_form_list.h. */
bool form_list_move(struct form_field *fld, int delta) {
  if (delta > 0 && fld->item + 1 < fld->nitems) fld->item++;
  else if (delta < 0 && fld->item > 0) fld->item--;
  else return false;
  form_list_tidy(fld, true);
  return true;
}

/* See widget_form_list.h. */
void form_list_enter(struct form_field *fld, int delta) {
  fld->item = delta >= 0 || !fld->nitems ? 0 : fld->nitems - 1;
}

/* See widget_form_list.h. */
bool form_list_key(struct form *f, struct form_field *fld, enum rp_action act, rp_key key) {
  struct form_item *it = &fld->items[fld->item];
  bool empty = row_empty(it);
  switch (act) {
  case ACT_VALUE_REMOVE:
    if (!empty) {
      remove_row(fld, fld->item);
      form_list_tidy(fld, true);
      f->error[0] = '\0';
    }
    return true;
  case ACT_VALUE_TYPE: /* the next type, then none */
    if (!empty) it->type = it->type + 1 >= (int)fld->types.n ? -1 : it->type + 1;
    return true;
  case ACT_VALUE_PREFER:
    if (!empty)
      for (size_t i = 0; i < fld->nitems; i++) fld->items[i].preferred = i == fld->item;
    return true;
  default:
    break;
  }
  int r = line_edit_key(&it->edit, key);
  if (r == 2) {
    f->error[0] = '\0';
    it->bad = false;
    form_list_tidy(fld, true);
  }
  return r != 0;
}

/* The row shown with a star: the first preferred one, else the first with a
 * value; -1 when fewer than two rows have values (one needs no star). */
static long starred(const struct form_field *fld) {
  long first = -1, pref = -1;
  size_t n = 0;
  for (size_t i = 0; i < fld->nitems; i++) {
    if (row_empty(&fld->items[i])) continue;
    n++;
    if (first < 0) first = (long)i;
    if (pref < 0 && fld->items[i].preferred) pref = (long)i;
  }
  return n < 2 ? -1 : pref >= 0 ? pref : first;
}

/* See widget_form_list.h. */
void form_list_draw(struct form_field *fld, WINDOW *win, int row, size_t first, int shown,
                    int label_x, int label_w, int val_x, int val_w, bool focused, int *cy,
                    int *cx) {
  long star = starred(fld);
  int tw = val_w >= 24 ? TYPE_W : 0, ew = val_w - tw - (tw ? 1 : 0);
  for (int k = 0; k < shown && first + (size_t)k < fld->nitems; k++) {
    size_t i = first + (size_t)k;
    struct form_item *it = &fld->items[i];
    bool here = focused && i == fld->item;
    int y = row + k;
    char *label = xasprintf("%s %zu", fld->label, i + 1);
    int lw = utf8_width(label);
    ui_put_part(win, y, label_x + (label_w > lw ? label_w - lw : 0), label_w,
                here ? ROLE_ACCENT : ROLE_MUTED, label);
    free(label);
    enum rp_role role = it->bad ? ROLE_ERROR : here ? ROLE_INPUT : ROLE_NORMAL;
    int x = val_x;
    line_edit_draw(&it->edit, win, y, val_x, ew, role, &x);
    if (tw && !row_empty(it)) { /* "✗ " on a refused row (seen without colours too) */
      const char *type = it->type >= 0 ? fld->types.v[it->type] : "";
      char *t = xasprintf("%s%s%s%s", it->bad ? "\xE2\x9C\x97 " : "", type,
                          *type && (long)i == star ? " " : "",
                          (long)i == star ? "\xE2\x98\x85" : ""); /* ★ */
      ui_put(win, y, val_x + val_w - tw, tw,
             it->bad ? ROLE_ERROR : here ? ROLE_ACCENT : ROLE_MUTED, t);
      free(t);
    }
    if (here) {
      *cy = y;
      *cx = x;
    }
  }
}

/* See widgets.h. A choice field adds "←/→ change" (its keys are the
 * arrows themselves, not bindings: see choice_key in widget_form.c). */
const char *form_status(struct form *f, struct ui_app *app) {
  if (!f->n) return NULL;
  enum form_kind kind = f->fields[f->focus].kind;
  if (kind != FIELD_LIST && kind != FIELD_CHOICE) return NULL;
  static const struct {
    enum rp_action act;
    const char *hint;
    bool list_only;
  } hints[] = {
      {ACT_HELP, "help", false},          {ACT_FORM_SAVE, "save", false},
      {ACT_FORM_CANCEL, "cancel", false}, {ACT_FORM_NEXT, "next", false},
      {ACT_VALUE_REMOVE, "remove", true}, {ACT_VALUE_TYPE, "type", true},
      {ACT_VALUE_PREFER, "preferred", true},
  };
  size_t used = 0;
  f->status[0] = '\0';
  for (size_t i = 0; i < RP_ARRAY_LEN(hints); i++) {
    if (hints[i].list_only && kind != FIELD_LIST) continue;
    char all[64], keys[32] = "";
    app_keys(app, SCOPE_FORM, hints[i].act, all, sizeof all);
    /* the first key; for help the first that types nothing ("?" types) */
    for (const char *k = all; *k && !keys[0];) {
      size_t n = k[1] ? strcspn(k + 1, "/") + 1 : 1; /* a key may be "/" itself */
      if (hints[i].act != ACT_HELP || n > 1) snprintf(keys, sizeof keys, "%.*s", (int)n, k);
      k += n + (k[n] == '/');
    }
    if (!keys[0]) continue;
    int n = snprintf(f->status + used, sizeof f->status - used, "%s%s %s", used ? "  " : "", keys,
                     hints[i].hint);
    if (n < 0 || (size_t)n >= sizeof f->status - used) break;
    used += (size_t)n;
  }
  if (kind == FIELD_CHOICE && used + 32 < sizeof f->status)
    snprintf(f->status + used, sizeof f->status - used, "%s\xE2\x86\x90/\xE2\x86\x92 change",
             used ? "  " : ""); /* ←/→ */
  return f->status;
}
