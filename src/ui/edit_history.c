/* edit_history.c — see edit_history.h. */
#include "edit_history.h"

#include <stdlib.h>
#include <string.h>

/* Typing a character (kind 1), deleting one (kind 2), anything else (3:
 * a paste, a line break, C-k, C-u, C-w; never joined). */
static int kind_of(rp_key key) {
  if (key == RPK_BACKSPACE || key == RPK_DELETE || key == RPK_CTRL('h') || key == RPK_CTRL('d'))
    return 2;
  if (key > ' ' && key != 0x7F && key < RPK_SPECIAL) return 1;
  return 3;
}

/* See edit_history.h. */
bool edit_history_may_change(rp_key key) {
  switch (key) {
  case RPK_LEFT:
  case RPK_RIGHT:
  case RPK_UP:
  case RPK_DOWN:
  case RPK_HOME:
  case RPK_END:
  case RPK_PGUP:
  case RPK_PGDN:
  case RPK_CTRL('a'):
  case RPK_CTRL('e'):
  case EDIT_UNDO_KEY: return false;
  default: return true;
  }
}

/* See edit_history.h. */
bool edit_history_joins(const struct edit_history *h, rp_key key, size_t cursor) {
  int kind = kind_of(key);
  return kind != 3 && kind == h->last_kind && cursor == h->last_cursor && h->n;
}

/* See edit_history.h. */
void edit_history_record(struct edit_history *h, rp_key key, const char *before, size_t len,
                         size_t before_cursor, size_t cursor) {
  int kind = kind_of(key);
  bool joins = edit_history_joins(h, key, before_cursor);
  h->last_kind = kind;
  h->last_cursor = cursor;
  if (joins || !before) return;
  if (h->n == EDIT_HISTORY_MAX) { /* the oldest goes */
    free(h->v[0].text);
    memmove(h->v, h->v + 1, (h->n - 1) * sizeof *h->v);
    h->n--;
  }
  if (h->n == h->cap) {
    h->cap = h->cap ? 2 * h->cap : 8;
    h->v = xrealloc(h->v, h->cap * sizeof *h->v);
  }
  h->v[h->n++] = (struct edit_snap){xstrndup(before, len), before_cursor};
}

/* See edit_history.h. */
bool edit_history_undo(struct edit_history *h, struct rp_buf *text, size_t *cursor) {
  if (!h->n) return false;
  struct edit_snap s = h->v[--h->n];
  buf_reset(text);
  buf_adds(text, s.text);
  *cursor = s.cursor <= text->len ? s.cursor : text->len;
  free(s.text);
  h->last_kind = 0;
  return true;
}

/* See edit_history.h. */
void edit_history_clear(struct edit_history *h) {
  for (size_t i = 0; i < h->n; i++) free(h->v[i].text);
  free(h->v);
  memset(h, 0, sizeof *h);
}
