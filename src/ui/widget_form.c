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
static enum rp_status field_when(const struct form_field *fld, char *out, size_t size,
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
    enum rp_status st = field_when(&f->fields[i], out, size, err);
    if (st != RP_OK) str_copy(err->field, sizeof err->field, key);
    return st;
  }
  return RP_OK;
}

/* What a `when` field's text resolves to, for the hint beside it: "Fri
 * 2026-12-11 10:00", "90 min", or "?" when it resolves to nothing. */
static void when_hint(const struct form_field *fld, char *buf, size_t size) {
  char v[24];
  struct rp_err err;
  rp_err_clear(&err);
  str_copy(buf, size, "");
  if (str_empty(line_edit_text(&fld->edit))) return;
  if (field_when(fld, v, sizeof v, &err) != RP_OK) {
    str_copy(buf, size, "?");
    return;
  }
  if (fld->when == WHEN_MINUTES) {
    snprintf(buf, size, "%s min", v);
    return;
  }
  struct rp_when w = {{0}, -1};
  str_copy(w.day, sizeof w.day, v);
  if (strlen(v) >= 16) w.minute = atoi(v + 11) * 60 + atoi(v + 14);
  when_describe(&w, buf, size);
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

/* Move the focus by delta fields (a list field's rows first); 0 settles
 * the focused field (a contact field takes its suggestion). */
static void focus_move(struct form *f, int delta) {
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
  case ACT_FORM_SAVE: *res = FORM_SAVE; return true;
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
  if (f->fields[f->focus].kind == FIELD_NOTE) focus_move(f, 1);
  struct form_field *fld = &f->fields[f->focus];
  enum form_result res;
  if (fld->kind == FIELD_MULTILINE && multiline_key(f, app, fld, key, &res)) return res;
  /* suggestions of a contact field take Up/Down and Enter first */
  if (fld->kind == FIELD_CONTACT && f->sugg_n > 0) {
    if (key == RPK_DOWN || key == RPK_CTRL('n')) {
      f->sugg_sel = (f->sugg_sel + 1) % f->sugg_n;
      return FORM_CONTINUE;
    }
    if (key == RPK_UP || key == RPK_CTRL('p')) {
      f->sugg_sel = (f->sugg_sel + f->sugg_n - 1) % f->sugg_n;
      return FORM_CONTINUE;
    }
    if (key == RPK_ENTER) {
      accept_suggestion(f, fld);
      return FORM_CONTINUE;
    }
  }
  enum rp_action act = app_action(app, SCOPE_FORM, key);
  switch (act) {
  case ACT_FORM_SAVE:
    focus_move(f, 0);
    return FORM_SAVE;
  case ACT_FORM_CANCEL:
    if (f->sugg_n) {
      sugg_clear(f);
      return FORM_CONTINUE;
    }
    return FORM_CANCEL;
  case ACT_FORM_NEXT:
    focus_move(f, 1);
    return FORM_CONTINUE;
  case ACT_FORM_PREV:
    focus_move(f, -1);
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

#define LABEL_W 18

/* First screen row of field i, counting from the first field. */
static int field_top(const struct form *f, size_t i) {
  int top = 0;
  for (size_t k = 0; k < i; k++) top += f->fields[k].rows;
  return top;
}

/* Columns of the labels and of the values in a form w wide. */
static void form_columns(const struct form *f, int w, int *label_w, int *val_x, int *val_w) {
  *label_w = w < 50 ? 10 : f->label_w > LABEL_W ? f->label_w : LABEL_W;
  if (*label_w > w / 2) *label_w = w / 2;
  *val_x = 2 + *label_w + 1;
  *val_w = w - *val_x - 2;
}

/* Give each note the rows its text takes, wrapped to val_w columns. */
static void size_notes(struct form *f, int val_w) {
  for (size_t i = 0; i < f->n; i++) {
    struct form_field *fld = &f->fields[i];
    if (fld->kind != FIELD_NOTE) continue;
    struct rp_strv lines = {0};
    wrap_text(fld->note, val_w > 1 ? val_w : 1, &lines);
    fld->rows = lines.n ? (int)lines.n : 1;
    strv_free(&lines);
  }
}

void form_draw(struct form *f, int ay, int ax, int ah, int aw) {
  if (f->n && f->fields[f->focus].kind == FIELD_NOTE) focus_move(f, 1);
  int w = aw - 4 < 72 ? aw - 4 : 72;
  if (w < 30) w = aw;
  int label_w, val_x, val_w;
  form_columns(f, w, &label_w, &val_x, &val_w);
  size_notes(f, val_w);
  int total = field_top(f, f->n);
  /* a long error wraps onto up to three rows under the fields */
  struct rp_strv err_lines = {0};
  if (f->error[0]) wrap_text(f->error, w - 4 > 1 ? w - 4 : 1, &err_lines);
  int err_rows = err_lines.n > 3 ? 3 : err_lines.n > 1 ? (int)err_lines.n : 1;
  int want = total + 4 + err_rows; /* border, title gap, fields, error, border */
  int h = want < ah ? want : ah;
  int y = ay + (ah - h) / 2, x = ax + (aw - w) / 2;
  if (f->win) delwin(f->win);
  f->win = newwin(h, w, y, x);
  WINDOW *win = f->win;
  for (int r = 0; r < h; r++) ui_fill(win, r, 0, w, ROLE_NORMAL);
  wattrset(win, ui_role(ROLE_BORDER));
  box(win, 0, 0);
  char *title = xasprintf(" %s ", f->title);
  ui_put_part(win, 0, 2, w - 4, ROLE_TITLE, title);
  free(title);

  int rows = h - 3 - err_rows; /* rows for fields */
  if (rows < 1) rows = 1;
  /* scroll (in rows) so that the focused field is in view */
  int ftop = field_top(f, f->focus), fh = f->fields[f->focus].rows;
  if (f->fields[f->focus].kind == FIELD_LIST) { /* the focused row */
    ftop += (int)f->fields[f->focus].item;
    fh = 1;
  }
  /* the notes just above the focused field (the question it answers)
   * come into view with it, when they fit */
  for (size_t k = f->focus; k > 0 && f->fields[k - 1].kind == FIELD_NOTE; k--) {
    int above = field_top(f, k - 1);
    if (ftop + fh - above > rows) break;
    fh += ftop - above;
    ftop = above;
  }
  if (ftop < f->scroll) f->scroll = ftop;
  if (ftop + fh > f->scroll + rows) f->scroll = fh > rows ? ftop : ftop + fh - rows;
  f->cur_y = f->cur_x = -1;
  int sugg_row = -1, cy_list = -1, cx_list = -1;
  for (size_t i = 0; i < f->n; i++) {
    struct form_field *fld = &f->fields[i];
    int top = field_top(f, i) - f->scroll;
    bool focused = i == f->focus;
    if (fld->kind == FIELD_LIST) { /* rows above the scroll are not drawn */
      int skip = top < 0 ? -top : 0;
      if (top + fld->rows > 0 && top < rows)
        form_list_draw(fld, win, 2 + top + skip, (size_t)skip, rows - (top + skip), 2, label_w,
                       val_x, val_w, focused, &cy_list, &cx_list);
      if (focused) {
        f->cur_y = cy_list >= 0 ? y + cy_list : -1;
        f->cur_x = cx_list >= 0 ? x + cx_list : -1;
      }
      continue;
    }
    if (fld->kind == FIELD_NOTE) { /* the rows in view, wrapped as sized */
      int lw = utf8_width(fld->label);
      if (top >= 0 && top < rows)
        ui_put_part(win, 2 + top, 2 + (label_w > lw ? label_w - lw : 0), label_w, ROLE_MUTED,
                    fld->label);
      struct rp_strv lines = {0};
      wrap_text(fld->note, val_w > 1 ? val_w : 1, &lines);
      for (size_t r = 0; r < lines.n; r++)
        if (top + (int)r >= 0 && top + (int)r < rows)
          ui_put(win, 2 + top + (int)r, val_x, val_w, ROLE_ACCENT, lines.v[r]);
      strv_free(&lines);
      continue;
    }
    if (top < 0 || top >= rows) continue;
    int fr = fld->rows < rows - top ? fld->rows : rows - top; /* rows shown */
    int row = 2 + top;
    int lw = utf8_width(fld->label);
    ui_put_part(win, row, 2 + (label_w > lw ? label_w - lw : 0), label_w,
                focused ? ROLE_ACCENT : ROLE_MUTED, fld->label);
    enum rp_role role = focused ? ROLE_INPUT : ROLE_NORMAL;
    int cy = row, cx = val_x;
    if (fld->kind == FIELD_CHOICE) {
      const char *v = fld->choice >= 0 ? fld->choices->v[fld->choice].label
                      : fld->none_label       ? fld->none_label
                                              : "(none)";
      char *shown = xasprintf("\xE2\x80\xB9 %s \xE2\x80\xBA", v); /* ‹ v › */
      ui_put(win, row, val_x, val_w, role, shown);
      free(shown);
      cx = val_x + 2;
    } else if (fld->kind == FIELD_MULTILINE) {
      text_edit_draw(&fld->text, win, row, val_x, fr, val_w, role, &cy, &cx);
    } else if (fld->when != WHEN_NONE) {
      /* the text, and what it resolves to at the right: "→ Fri 2026-12-11" */
      char hint[40], shown[48];
      when_hint(fld, hint, sizeof hint);
      snprintf(shown, sizeof shown, hint[0] ? "\xE2\x86\x92 %s" : "%s", hint);
      int hw = hint[0] ? utf8_width(shown) + 1 : 0;
      if (hw > val_w / 2) hw = 0;
      line_edit_draw(&fld->edit, win, row, val_x, val_w - hw, role, &cx);
      if (hw)
        ui_put(win, row, val_x + val_w - hw + 1, hw - 1,
               strcmp(hint, "?") ? ROLE_MUTED : ROLE_ERROR, shown);
    } else {
      line_edit_draw(&fld->edit, win, row, val_x, val_w, role, &cx);
      if (focused && fld->kind == FIELD_CONTACT && f->sugg_n) sugg_row = row + 1;
    }
    if (focused) {
      f->cur_y = y + cy;
      f->cur_x = x + cx;
    }
  }
  for (int i = 0; i < err_rows && (size_t)i < err_lines.n; i++)
    ui_put(win, h - 1 - err_rows + i, 2, w - 4, ROLE_ERROR, err_lines.v[i]);
  strv_free(&err_lines);
  wnoutrefresh(win);
  if (sugg_row >= 0) { /* suggestions drop down below the field */
    int sh = (int)f->sugg_n;
    if (y + sugg_row + sh > LINES) sh = LINES - (y + sugg_row);
    if (sh > 0) {
      WINDOW *s = newwin(sh, val_w, y + sugg_row, x + val_x);
      for (int i = 0; i < sh; i++)
        ui_put(s, i, 0, val_w, (size_t)i == f->sugg_sel ? ROLE_SELECTED : ROLE_ACCENT,
               f->sugg_names[i]);
      wnoutrefresh(s);
      delwin(s);
    }
  }
}

bool form_click(struct form *f, int y, int x) {
  if (!f->win) return false;
  int wy = getbegy(f->win);
  (void)x;
  int row = y - wy - 2 + f->scroll;
  for (size_t i = 0; i < f->n; i++) {
    int top = field_top(f, i);
    if (row >= top && row < top + f->fields[i].rows) {
      if (f->fields[i].kind == FIELD_NOTE) return true; /* read, not typed */
      focus_move(f, 0);
      struct form_field *was = &f->fields[f->focus];
      if (was->kind == FIELD_LIST && f->focus != i) form_list_tidy(was, false);
      f->focus = i;
      struct form_field *fld = &f->fields[i];
      if (fld->kind == FIELD_LIST) {
        fld->item = (size_t)(row - top);
        form_list_tidy(fld, true);
      }
      return true;
    }
  }
  return false;
}

void form_modal_key(struct form *f, struct ui_app *app, rp_key key, const char *what,
                    void (*save)(void *ctx), void (*close)(void *ctx), void *ctx) {
  switch (form_key(f, app, key)) {
  case FORM_SAVE: save(ctx); break;
  case FORM_CANCEL:
    if (form_changed(f)) {
      char *body = xasprintf("%s has changes that are not saved yet.\n\n"
                             "y discards them \xC2\xB7 any other key goes back to the form",
                             what);
      app_confirm(app, "Discard changes?", body, close, ctx);
      free(body);
    } else {
      close(ctx);
    }
    break;
  case FORM_CONTINUE: break;
  }
}
