/* widgets.h — reusable UI pieces: line editor, list scrolling state, form,
 * text wrapping. Widgets draw into a WINDOW they are given and know nothing
 * of the model. */
#ifndef RAPPORT_UI_WIDGETS_H
#define RAPPORT_UI_WIDGETS_H

#include "edit_history.h"
#include "gapbuf.h"
#include "rapport/util.h"
#include "ui_internal.h"
#include "widget_text.h"

/* ---- line editor: one line of UTF-8 text with a cursor ---- */
struct line_edit {
  struct gapbuf *buf; /* the text (NULL until first used: empty) */
  size_t cursor; /* byte offset, always on a character boundary */
  size_t first;  /* byte offset of the first character shown */
  struct edit_history undo; /* C-_ */
};
void line_edit_set(struct line_edit *le, const char *text); /* cursor to end */
/* The text, NUL-terminated, owned by the editor and valid until it next
 * changes. Closes the gap: the cost is the distance from the cursor to
 * the end, so per-key code (drawing) reads through gapbuf instead. */
const char *line_edit_text(const struct line_edit *le);
/* Bytes of text. */
size_t line_edit_len(const struct line_edit *le);
void line_edit_free(struct line_edit *le);
/* Editing keys: printable text, Left/Right, Home/End, C-a/C-e, Backspace,
 * Delete, C-d, C-u, C-k, C-w, RPK_PASTE (the text on offer, see paste.h,
 * as one line) and C-_, which undoes the last change (a run of typing is
 * one; line_edit_set forgets them). Returns 1 if handled (2 if the text
 * changed). */
int line_edit_key(struct line_edit *le, rp_key key);
/* Insert n bytes of text (valid UTF-8, no line breaks) at the cursor, in
 * one move (not recorded for C-_): the cost is n, plus how far the
 * cursor is from the last change. */
void line_edit_insert(struct line_edit *le, const char *s, size_t n);
/* Draw in `width` columns at y,x; *cx receives the cursor column. The cost
 * is the width, plus how far the cursor moved since the last draw: never
 * the length of the whole line. */
void line_edit_draw(struct line_edit *le, WINDOW *w, int y, int x, int width, enum rp_role role,
                    int *cx);

/* ---- list view: selection and scrolling over `count` rows ----
 * The one scrolling list of the screens: the selection, paging, Home/End,
 * the wheel, a click, and the selected-row colour. A screen sets `count`
 * when it reads its rows and `height` when it lays out (list_view_resize),
 * outside its draw; the draw only shows rows top … top+height-1.
 * A list may have rows that cannot be chosen (`row` says which): section
 * headings, shown with the item below them, and parts of the item above
 * (its second line, an "N more" line), shown with it, painted selected
 * with it (list_view_is_sel), and choosing it when clicked. A text to read
 * (`browse`) has no selection: the movement keys and the wheel scroll. */
enum list_row { LIST_ITEM, LIST_HEAD, LIST_PART };
struct list_view {
  long count;  /* rows in the list */
  long sel;    /* selected row, -1 when empty (or nothing can be chosen) */
  long top;    /* first visible row */
  int height;  /* visible rows */
  enum list_row (*row)(const void *ctx, long i); /* NULL: every row an item */
  const void *ctx;                               /* given to `row` */
  bool browse; /* a text to read: no selection, the keys move the top */
};
/* Apply a movement action (up, down, page-up/-down, first, last); returns
 * true when the selection (or, browsing, the top) moved. */
bool list_view_move(struct list_view *lv, enum rp_action act);
void list_view_select(struct list_view *lv, long row);
/* Keep sel on an item, within count and visible with its heading and
 * parts (the heading wins when they do not all fit). */
void list_view_fix(struct list_view *lv);
/* A new height (a resize): the selection stays where it is and in view. */
void list_view_resize(struct list_view *lv, int height);
/* A new number of rows (a reload): the selection stays where it can. */
void list_view_set_count(struct list_view *lv, long count);
/* The mouse wheel, -1 up or +1 down: three rows a notch; true when the
 * selection moved. */
bool list_view_wheel(struct list_view *lv, int wheel);
/* A click on the row-th row shown (0 = the top one): selects its item;
 * false when no item is there (nothing, or a heading). */
bool list_view_click(struct list_view *lv, long row);
/* Whether row is drawn selected: the selected item or one of its parts. */
bool list_view_is_sel(const struct list_view *lv, long row);
/* The colour of a row: selected in the focused list, selected in a list
 * without the focus, or `normal`. */
enum rp_role list_row_role(bool selected, bool focused, enum rp_role normal);

/* A box's window at y,x of h×w over the screen: filled, bordered, with
 * `title` (NULL: none) in its top border, ready to draw in. The caller
 * wnoutrefreshes and delwins it; NULL when it cannot be made. */
WINDOW *box_open(int y, int x, int h, int w, const char *title);

/* ---- text wrapping ---- */
/* Split text into lines of at most `width` columns, breaking at spaces
 * where possible and at explicit newlines; appends to out. */
void wrap_text(const char *text, int width, struct rp_strv *out);
/* The same, stopping once out holds `max` lines: the cost is that of the
 * lines made, whatever the length of the text (a value shown on a few
 * rows). */
void wrap_text_max(const char *text, int width, size_t max, struct rp_strv *out);

/* ---- picker: choose one line of a list in a centred box ---- */
struct picker {
  bool open;
  char *title, *footer;
  struct rp_strv lines; /* "#Heading" lines cannot be chosen */
  long *values;         /* what each line stands for */
  struct list_view lv;  /* over lines */
  int y, x, h, w;       /* the box, set by picker_layout */
};
enum { PICK_CONTINUE, PICK_CHOSEN, PICK_CANCEL };
void picker_open(struct picker *pk, const char *title, const char *footer);
/* Add a line (it lays the box out again). */
void picker_add(struct picker *pk, const char *line, long value);
void picker_close(struct picker *pk);
/* Place the box for its lines and the terminal's size (picker_add does;
 * the pane calls it on a resize). */
void picker_layout(struct picker *pk);
/* Enter chooses (PICK_CHOSEN, *value set), Esc cancels, movement keys move. */
int picker_key(struct picker *pk, struct ui_app *app, rp_key key, long *value);
/* A click (wheel 0) selects the line at screen row y; the wheel moves. */
void picker_mouse(struct picker *pk, int y, int x, int wheel);
void picker_draw(struct picker *pk);

/* ---- form: labelled fields, Tab between them, Enter saves ---- */
enum form_kind { FIELD_TEXT, FIELD_CHOICE, FIELD_CONTACT, FIELD_MULTILINE, FIELD_LIST, FIELD_NOTE };

/* One row of a list field: a value, what it is for, whether it is the one
 * preferred. */
struct form_item {
  struct line_edit edit;
  int type;       /* index in the field's types, -1 = none */
  bool preferred;
  bool bad;       /* refused on the last save: drawn as an error until edited */
};

/* Suggestions for a contact field: fill names/ids for `text` (at most max). */
typedef size_t (*form_suggest_fn)(void *ctx, const char *text, char **names, int64_t *ids,
                                  size_t max);

/* What a text field holds, for fields that take dates and lengths as people
 * type them (when.h): the form shows what the text resolves to as it is
 * typed, and form_when reads it in the model's one form. */
enum form_when { WHEN_NONE, WHEN_DAY, WHEN_DATETIME, WHEN_MINUTES };

struct form_field {
  const char *label;
  const char *key; /* matches rp_err.field to focus the field on an error */
  enum form_kind kind;
  struct line_edit edit;          /* TEXT, and the search text of CONTACT */
  struct text_edit text;          /* MULTILINE */
  int rows;                       /* screen rows: 1, or more for MULTILINE */
  const struct rp_choices *choices; /* CHOICE */
  bool optional;                  /* CHOICE: offers no choice, shown as none_label */
  const char *none_label;         /* CHOICE: default "(none)" */
  int choice;                     /* CHOICE: index, -1 = none */
  int64_t contact_id;             /* CONTACT: chosen id, 0 = none */
  char *contact_name;             /* CONTACT: name of the chosen contact */
  char *initial;                  /* value when the form opened, for "changed?" */
  /* LIST: rows "LABEL 1", "LABEL 2", …, the last one always empty (typing
   * there adds a row); Tab/Down and S-Tab/Up move by row */
  struct form_item *items;
  size_t nitems, item;            /* rows, the focused one */
  struct rp_strv types;           /* what a value can be for (value-type cycles) */
  enum form_when when;            /* TEXT: a date, a moment or a length */
  char *note;                     /* NOTE: the text shown, wrapped to the form's width */
};

#define FORM_SUGGEST_MAX 5

struct form {
  char *title;
  int label_w; /* columns for the labels; 0 = the default */
  struct form_field *fields;
  size_t n, cap;
  size_t focus;
  int scroll;  /* first visible field */
  char error[1024];
  form_suggest_fn suggest;
  void *suggest_ctx;
  char *sugg_names[FORM_SUGGEST_MAX];
  int64_t sugg_ids[FORM_SUGGEST_MAX];
  size_t sugg_n;
  size_t sugg_sel;
  WINDOW *win;
  int cur_y, cur_x; /* cursor position on screen */
  char status[256]; /* form_status's line */
};

enum form_result { FORM_CONTINUE, FORM_SAVE, FORM_CANCEL };

void form_init(struct form *f, const char *title);
void form_free(struct form *f);
struct form_field *form_add_text(struct form *f, const char *key, const char *label,
                                 const char *value);
struct form_field *form_add_choice(struct form *f, const char *key, const char *label,
                                   const struct rp_choices *choices, const char *value,
                                   bool optional);
struct form_field *form_add_contact(struct form *f, const char *key, const char *label,
                                    int64_t id, const char *name);
/* A multi-line text field `rows` high: Enter types a new line, the editor
 * scope's save key saves the form, Up/Down at the first/last line leave it. */
struct form_field *form_add_multiline(struct form *f, const char *key, const char *label,
                                      const char *value, int rows);
/* A note: text to read (a question the fields below answer), shown whole,
 * wrapped to the width of the values; never focused, no value. */
struct form_field *form_add_note(struct form *f, const char *key, const char *label,
                                 const char *text);
/* A list field (the emails of a contact): rows of values, each with what it
 * is for (one of `types`, a NULL-terminated list, or none) and one of them
 * preferred; an empty row at the end takes a new value. The remove-value,
 * value-type and prefer-value actions work on the focused row. */
struct form_field *form_add_list(struct form *f, const char *key, const char *label,
                                 const char *const *types);
/* Append a row before the empty one (a type not among the field's is added
 * to them); call while building the form: it counts as the value it had. */
void form_list_append(struct form_field *fld, const char *value, const char *type,
                      bool preferred);
/* The text of row i (trimmed by the reader), and its type (NULL = none). */
const char *form_list_value(const struct form_field *fld, size_t i);
const char *form_list_type(const struct form_field *fld, size_t i);
/* Show an error under the fields, focus row `row` of list field `key` and
 * mark the row until it is edited. */
void form_list_error(struct form *f, const char *key, size_t row, const char *msg);
/* form_recovery.c: the form's fields as one text (caller frees), and
 * that text put back into the same form (fields missing from either side
 * are left as they are), for the recovery copy of a form being filled in. */
char *form_snapshot(const struct form *f);
void form_restore(struct form *f, const char *text);
/* Such a text as people read it, for the offer to restore it: a line
 * "Label: value" for each value typed (choices left out), line breaks in
 * a value shown as spaces. Caller frees. */
char *form_snapshot_describe(struct form *f, const char *text);
/* recovery_ui.c: keep form f as a recovery copy while it is filled in (see
 * app_typing_begin), offering back an earlier copy under `key`. */
void app_typing_form(struct ui_app *app, struct form *f, const char *key, const char *label);
/* True when the field differs from its value when the form opened. */
bool form_field_changed(const struct form_field *fld);
/* The status-bar line for a form whose focus is on a list row (its keys as
 * well as the form's), or NULL elsewhere (the generated hints apply). */
const char *form_status(struct form *f, struct ui_app *app);
/* True when the focused field is multi-line (its keys are SCOPE_EDITOR's). */
bool form_in_editor(const struct form *f);
/* The text of field `key` (a `when` field) in the model's form: WHEN_DAY
 * "YYYY-MM-DD", WHEN_DATETIME "YYYY-MM-DD HH:MM", WHEN_MINUTES a number;
 * "" when the field is empty. RP_INVALID with err (field = key) when the
 * text is not one of the forms when.h lists. */
enum rp_status form_when(const struct form *f, const char *key, char *out, size_t size,
                         struct rp_err *err);
/* Value of a field: TEXT, MULTILINE → its text; CHOICE → the key or NULL. */
const char *form_value(const struct form *f, const char *key);
struct form_field *form_field(struct form *f, const char *key);
/* True when any field differs from its value when the form opened. */
bool form_changed(const struct form *f);
/* Handle a key in scope SCOPE_FORM. */
enum form_result form_key(struct form *f, struct ui_app *app, rp_key key);
/* Handle a key in a modal form: FORM_SAVE calls save(ctx); FORM_CANCEL
 * calls close(ctx), first asking "Discard changes?" when something changed
 * (`what` names it: "This contact"). */
void form_modal_key(struct form *f, struct ui_app *app, rp_key key, const char *what,
                    void (*save)(void *ctx), void (*close)(void *ctx), void *ctx);
/* Show an error under the fields and focus the field named `field`. */
void form_error(struct form *f, const char *field, const char *msg);
/* Draw centred in the screen area y,x,h,w. */
void form_draw(struct form *f, int y, int x, int h, int w);
bool form_click(struct form *f, int y, int x);

#endif
