/* widget_form_draw.c — drawing a form (see widgets.h): the box sized to
 * the terminal, labels and values, a long value wrapped onto the rows it
 * needs while its field is not focused, the error under the fields, the
 * suggestions of a contact field; and what a click there focuses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "rapport/when.h"
#include "widget_form_list.h"

/* What a `when` field's text resolves to, for the hint beside it: "Fri
 * 2026-12-11 10:00", "90 min", or "?" when it resolves to nothing. */
static void when_hint(const struct form_field *fld, char *buf, size_t size) {
  char v[24];
  struct rp_err err;
  rp_err_clear(&err);
  str_copy(buf, size, "");
  if (str_empty(line_edit_text(&fld->edit))) return;
  if (form_field_when(fld, v, sizeof v, &err) != RP_OK) {
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

/* The most rows a value not being typed wraps onto (the last one ends in
 * an ellipsis when there is more). */
#define WRAP_ROWS 8
/* A form is this wide when everything fits; wider (up to FORM_MAX_W, and
 * the terminal's width less 4) when a value does not. */
#define FORM_W 72
#define FORM_MAX_W 100

/* True when the field is drawn as its value wrapped (one line of text, not
 * focused, no hint of a date beside it). */
static bool field_wraps(const struct form *f, size_t i) {
  const struct form_field *fld = &f->fields[i];
  return (fld->kind == FIELD_TEXT || fld->kind == FIELD_CONTACT) && fld->when == WHEN_NONE &&
         i != f->focus;
}

/* Give each note the rows its text takes, and each value not focused the
 * rows it wraps onto, wrapped to val_w columns; the focused one line. */
static void size_fields(struct form *f, int val_w) {
  for (size_t i = 0; i < f->n; i++) {
    struct form_field *fld = &f->fields[i];
    if (fld->kind == FIELD_TEXT || fld->kind == FIELD_CONTACT) fld->rows = 1;
    if (fld->kind != FIELD_NOTE && !field_wraps(f, i)) continue;
    struct rp_strv lines = {0};
    if (fld->kind == FIELD_NOTE)
      wrap_text(fld->note, val_w > 1 ? val_w : 1, &lines);
    else /* the rows it is shown on: a long value costs no more */
      wrap_text_max(line_edit_text(&fld->edit), val_w > 1 ? val_w : 1, WRAP_ROWS, &lines);
    fld->rows = lines.n ? (int)lines.n : 1;
    if (fld->kind != FIELD_NOTE && fld->rows > WRAP_ROWS) fld->rows = WRAP_ROWS;
    strv_free(&lines);
  }
}

/* The columns s takes, measured no further than `limit` (a value wider
 * than the widest form costs no more than one that just fills it). */
static int width_upto(const char *s, int limit) {
  int w = 0;
  size_t len = strlen(s);
  for (size_t i = 0; i < len && w <= limit;) {
    uint32_t cp;
    i += utf8_decode(s + i, len - i, &cp);
    w += utf8_cp_width(cp);
  }
  return w;
}

/* The form's width in an area aw wide: FORM_W, or up to FORM_MAX_W when a
 * value (a text, a list row) is wider than it leaves room for (the error
 * wraps under the fields). */
static int form_width(const struct form *f, int aw) {
  int max = aw - 4 < FORM_MAX_W ? aw - 4 : FORM_MAX_W;
  int w = FORM_W < max ? FORM_W : max;
  if (w < 30) return aw;
  int label_w, val_x, val_w;
  form_columns(f, w, &label_w, &val_x, &val_w);
  int widest = 0;
  for (size_t i = 0; i < f->n; i++) {
    const struct form_field *fld = &f->fields[i];
    if (fld->kind == FIELD_TEXT || fld->kind == FIELD_CONTACT) {
      int vw = width_upto(line_edit_text(&fld->edit), max);
      if (vw > widest) widest = vw;
    }
    for (size_t k = 0; fld->kind == FIELD_LIST && k < fld->nitems; k++) {
      int vw = width_upto(line_edit_text(&fld->items[k].edit), max) + 13; /* and its type */
      if (vw > widest) widest = vw;
    }
  }
  if (widest > val_w) w += widest - val_w;
  return w < max ? w : max;
}

/* Draw a value not being typed: wrapped onto the field's rows from its
 * start, the last row cut with an ellipsis when there is more. */
static void draw_wrapped(const struct form_field *fld, WINDOW *win, int row, int rows, int x,
                         int width, enum rp_role role) {
  const char *text = line_edit_text(&fld->edit);
  struct rp_strv lines = {0};
  wrap_text_max(text, width > 1 ? width : 1, (size_t)rows + 1, &lines);
  for (int r = 0; r < rows; r++) {
    if (r == rows - 1 && (size_t)rows < lines.n) { /* the rest, cut with "…" */
      struct rp_buf rest = {0};
      for (size_t k = (size_t)r; k < lines.n; k++) buf_addf(&rest, "%s%s", k > (size_t)r ? " " : "", lines.v[k]);
      ui_put(win, row + r, x, width, role, buf_str(&rest));
      buf_free(&rest);
      break;
    }
    ui_put(win, row + r, x, width, role, (size_t)r < lines.n ? lines.v[r] : "");
  }
  strv_free(&lines);
}

void form_draw(struct form *f, int ay, int ax, int ah, int aw) {
  if (f->n && f->fields[f->focus].kind == FIELD_NOTE) form_focus_move(f, 1);
  int w = form_width(f, aw);
  int label_w, val_x, val_w;
  form_columns(f, w, &label_w, &val_x, &val_w);
  size_fields(f, val_w);
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
    } else if (field_wraps(f, i)) {
      draw_wrapped(fld, win, row, fr, val_x, val_w, role);
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
        ui_put(s, i, 0, val_w, list_row_role((size_t)i == f->sugg_sel, true, ROLE_ACCENT),
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
      form_focus_to(f, i);
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

