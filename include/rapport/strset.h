/* strset.h — a set of strings for finding a duplicate at once: an
 * open-addressing hash table of copies. Used where a list is checked for
 * repeats as it is read (config lists, search words), so that the check
 * costs the length of the list, not its square. */
#ifndef RAPPORT_STRSET_H
#define RAPPORT_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct rp_strset {
  char **slot; /* NULL = empty; otherwise an owned copy */
  size_t cap, n;
};

/* True when s is in the set. */
bool strset_has(const struct rp_strset *set, const char *s);
/* Add a copy of s; true when it was not there yet (false: already in). */
bool strset_add(struct rp_strset *set, const char *s);
/* Free the copies and the table; the set is empty and reusable after. */
void strset_free(struct rp_strset *set);

#endif
