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

/* Whether the change joins the last one on the stack, and if so makes
 * it one (typing: more inserted; deleting: more removed, before it for
 * Backspace, after it for Delete). */
static bool join(struct edit_history *h, int kind, size_t pos, const char *removed,
                 size_t nremoved, size_t inserted, size_t before_cursor) {
  if (kind == 3 || kind != h->last_kind || before_cursor != h->last_cursor || !h->n) return false;
  struct edit_snap *top = &h->v[h->n - 1];
  if (kind == 1) {
    if (nremoved || pos != top->pos + top->inserted) return false;
    top->inserted += inserted;
    return true;
  }
  if (inserted || top->inserted) return false;
  if (pos + nremoved == top->pos) { /* Backspace: in front */
    char *r = xmalloc(nremoved + top->nremoved + 1);
    memcpy(r, removed, nremoved);
    memcpy(r + nremoved, top->removed, top->nremoved);
    free(top->removed);
    top->removed = r;
    top->pos = pos;
  } else if (pos == top->pos) { /* Delete: behind */
    top->removed = xrealloc(top->removed, top->nremoved + nremoved + 1);
    memcpy(top->removed + top->nremoved, removed, nremoved);
  } else {
    return false;
  }
  top->nremoved += nremoved;
  return true;
}

/* See edit_history.h. */
void edit_history_record(struct edit_history *h, rp_key key, size_t pos, const char *removed,
                         size_t nremoved, size_t inserted, size_t before_cursor, size_t cursor) {
  int kind = kind_of(key);
  bool joined = join(h, kind, pos, removed, nremoved, inserted, before_cursor);
  h->last_kind = kind;
  h->last_cursor = cursor;
  if (joined) return;
  if (h->n == EDIT_HISTORY_MAX) { /* the oldest goes */
    free(h->v[0].removed);
    memmove(h->v, h->v + 1, (h->n - 1) * sizeof *h->v);
    h->n--;
  }
  if (h->n == h->cap) {
    h->cap = h->cap ? 2 * h->cap : 8;
    h->v = xrealloc(h->v, h->cap * sizeof *h->v);
  }
  char *r = xmalloc(nremoved + 1);
  if (nremoved) memcpy(r, removed, nremoved);
  r[nremoved] = '\0';
  h->v[h->n++] = (struct edit_snap){pos, r, nremoved, inserted, before_cursor};
}

/* See edit_history.h. */
bool edit_history_pop(struct edit_history *h, struct edit_snap *out) {
  if (!h->n) return false;
  *out = h->v[--h->n];
  h->last_kind = 0;
  return true;
}

/* See edit_history.h. */
void edit_history_clear(struct edit_history *h) {
  for (size_t i = 0; i < h->n; i++) free(h->v[i].removed);
  free(h->v);
  memset(h, 0, sizeof *h);
}
