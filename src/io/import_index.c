/* import_index.c — the hash table import.c matches people with when it
 * reads the whole journal (a file with more rows than the journal has
 * contacts): see import_internal.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_internal.h"

/* FNV-1a of the string. */
static size_t hash(const char *s) {
  size_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t slot(const struct import_index *ix, const char *key) {
  size_t i = hash(key) & (ix->cap - 1);
  while (ix->slots[i].key && strcmp(ix->keys.s + ix->slots[i].key - 1, key) != 0)
    i = (i + 1) & (ix->cap - 1);
  return i;
}

/* See import_internal.h. */
bool import_index_get(const struct import_index *ix, const char *key, size_t *val) {
  if (!ix->cap) return false;
  size_t i = slot(ix, key);
  if (!ix->slots[i].key) return false;
  *val = ix->slots[i].val;
  return true;
}

/* See import_internal.h. */
size_t import_index_put(struct import_index *ix, const char *key, size_t val, bool replace) {
  if (2 * (ix->n + 1) > ix->cap) {
    struct import_index big = {xcalloc(ix->cap ? 2 * ix->cap : 256, sizeof *big.slots),
                        ix->cap ? 2 * ix->cap : 256, ix->n, ix->keys};
    for (size_t i = 0; i < ix->cap; i++)
      if (ix->slots[i].key) big.slots[slot(&big, ix->keys.s + ix->slots[i].key - 1)] = ix->slots[i];
    free(ix->slots);
    *ix = big;
  }
  size_t i = slot(ix, key);
  if (ix->slots[i].key) {
    size_t old = ix->slots[i].val;
    if (replace) ix->slots[i].val = val;
    return old;
  }
  ix->slots[i].key = ix->keys.len + 1;
  ix->slots[i].val = val;
  buf_add(&ix->keys, key, strlen(key) + 1);
  ix->n++;
  return SIZE_MAX;
}

/* See import_internal.h. */
void import_index_free(struct import_index *ix) {
  free(ix->slots);
  buf_free(&ix->keys);
  memset(ix, 0, sizeof *ix);
}
