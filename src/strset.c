/* strset.c — string set (see strset.h). */
#include "rapport/strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/util.h"

/* FNV-1a over the bytes of s. */
static size_t strset_hash(const char *s) {
  uint64_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return (size_t)h;
}

/* The slot holding s, or the empty slot where it would go (cap > 0). */
static size_t strset_slot(char *const *slot, size_t cap, const char *s) {
  size_t j = strset_hash(s) & (cap - 1);
  while (slot[j] && strcmp(slot[j], s) != 0) j = (j + 1) & (cap - 1);
  return j;
}

bool strset_has(const struct rp_strset *set, const char *s) {
  if (!set->cap) return false;
  return set->slot[strset_slot(set->slot, set->cap, s)] != NULL;
}

/* Double the table (at least 16 slots), keeping it at most half full. */
static void strset_grow(struct rp_strset *set) {
  size_t cap = set->cap ? 2 * set->cap : 16;
  char **slot = xcalloc(cap, sizeof *slot);
  for (size_t i = 0; i < set->cap; i++)
    if (set->slot[i]) slot[strset_slot(slot, cap, set->slot[i])] = set->slot[i];
  free(set->slot);
  set->slot = slot;
  set->cap = cap;
}

bool strset_add(struct rp_strset *set, const char *s) {
  if (2 * (set->n + 1) > set->cap) strset_grow(set);
  size_t j = strset_slot(set->slot, set->cap, s);
  if (set->slot[j]) return false;
  set->slot[j] = xstrdup(s);
  set->n++;
  return true;
}

void strset_free(struct rp_strset *set) {
  for (size_t i = 0; i < set->cap; i++) free(set->slot[i]);
  free(set->slot);
  set->slot = NULL;
  set->cap = set->n = 0;
}
