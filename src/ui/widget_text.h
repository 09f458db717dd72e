/* widget_text.h — a multi-line UTF-8 text editor: word wrap, cursor moves by
 * character and by visual line, scrolling. Draws into a window it is given;
 * knows nothing of the model. */
#ifndef RAPPORT_UI_WIDGET_TEXT_H
#define RAPPORT_UI_WIDGET_TEXT_H

#include "edit_history.h"
#include "gapbuf.h"
#include "ui_internal.h"
#include "wrap_cache.h"
#include "rapport/util.h"

struct text_edit {
  struct gapbuf *buf; /* UTF-8, lines separated by '\n' (NULL: empty) */
  struct wrap_cache wrap; /* its visual lines, at `width` */
  size_t cursor;      /* byte offset on a character boundary */
  int goal;           /* column wanted by Up/Down, -1 when none */
  int scroll;         /* first visible visual line */
  int width, height;  /* of the last draw: wrapping and paging use them */
  struct edit_history undo; /* C-_ */
  unsigned long version;    /* counts the changes: what shows the text
                             * (a word count, the ask check) can tell when
                             * it must look again */
};

/* One visual line: bytes [start, end) of the text. */
struct text_vline {
  size_t start, end;
};

void text_edit_set(struct text_edit *te, const char *text); /* cursor at the end */
/* The text, NUL-terminated, owned by the editor and valid until it next
 * changes. Closes the gap: the cost is the distance from the cursor to
 * the end, so per-key code (drawing) does not call it. */
const char *text_edit_text(const struct text_edit *te);
/* Bytes of text. */
size_t text_edit_len(const struct text_edit *te);
void text_edit_free(struct text_edit *te);
/* Editing keys: text, Enter (new line), Left/Right, Up/Down, Home/End,
 * C-a/C-e, PgUp/PgDn, Backspace, Delete, C-d, C-k, C-u, C-w, RPK_PASTE
 * (the text on offer, see paste.h, its lines kept) and C-_, which undoes
 * the last change (a run of typing is one; text_edit_set forgets them).
 * Returns 0 when not
 * handled (also Up/Down at the first/last line), 1 when handled, 2 when
 * the text changed. */
int text_edit_key(struct text_edit *te, rp_key key);
/* Insert n bytes of text (valid UTF-8; '\n' separates lines) at the
 * cursor, in one move (not recorded for C-_): the cost is n and the lines
 * it wraps, plus how far the cursor is from the last change. */
void text_edit_insert(struct text_edit *te, const char *s, size_t n);
/* Draw in the h×w area at y,x of win; *cy,*cx receive the cursor position
 * within win. Reads only the lines shown (the wrap is kept, see
 * wrap_cache.h): the cost does not grow with the text. */
void text_edit_draw(struct text_edit *te, WINDOW *win, int y, int x, int h, int w,
                    enum rp_role role, int *cy, int *cx);
/* Wrap text to width: visual lines (caller frees *out). Exposed for tests. */
size_t text_wrap(const char *text, size_t len, int width, struct text_vline **out);

#endif
