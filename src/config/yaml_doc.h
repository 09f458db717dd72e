/* yaml_doc.h — a YAML document as a small tree (scalars, sequences,
 * mappings), each node carrying its 1-based line and column, so that the
 * config and theme readers can point at the exact place of a mistake.
 * Internal to src/config/. */
#ifndef RAPPORT_YAML_DOC_H
#define RAPPORT_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/util.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
  enum ynode_kind kind;
  int line, col;  /* 1-based, where the node starts */
  char *str;      /* scalars: the text, NUL-terminated (never contains NUL) */
  bool plain;     /* scalars: written without quotes */
  struct ynode **kids; /* SEQ: the items; MAP: key0, value0, key1, value1, … */
  size_t n;            /* number of entries in kids (2 × pairs for a MAP) */
};

/* Parse `len` bytes of YAML text (named `name` in messages). On success
 * *root is the document's root node (NULL for an empty document) and the
 * caller frees it with ynode_free. On error returns RP_INVALID with
 * err->msg = "NAME:LINE:COLUMN: problem" and *root = NULL. Mapping keys must
 * be scalars and unique; aliases, multiple documents and invalid UTF-8 are
 * errors. */
enum rp_status ydoc_parse(const char *name, const char *text, size_t len, struct ynode **root,
                          struct rp_err *err);
void ynode_free(struct ynode *n);

/* True for a null scalar: empty and unquoted, "~" or "null". */
bool ynode_is_null(const struct ynode *n);
/* Number of key/value pairs of a MAP (0 for other kinds). */
size_t ynode_map_len(const struct ynode *n);
/* The i-th key / value of a MAP. */
const struct ynode *ynode_map_key(const struct ynode *n, size_t i);
const struct ynode *ynode_map_value(const struct ynode *n, size_t i);
/* "a string", "a list", "a mapping" or "empty" — for messages. */
const char *ynode_kind_name(const struct ynode *n);

#endif
