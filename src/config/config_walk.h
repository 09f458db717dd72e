/* config_walk.h — the walk over the located YAML tree, shared by the
 * config readers in src/config/: config.c (the table of sections, lists,
 * keys) and config_outreach.c (readiness, the ask check, the outreach
 * template). Every mistake is reported at the node that holds it
 * as "FILE:LINE:COLUMN: what is wrong; allowed: …". Internal to src/config/. */
#ifndef RAPPORT_CONFIG_WALK_H
#define RAPPORT_CONFIG_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "config/yaml_doc.h"
#include "rapport/config.h"

/* A binding while parsing: where the user wrote it (line 0 = inherited). */
struct wbind {
  rp_key key;
  enum rp_action action;
  int line, col;
};

struct wkeys {
  struct wbind *v;
  size_t n, cap;
};

struct walk {
  const char *name;       /* file name for messages */
  struct rp_config *cfg;  /* the copy being changed */
  struct wkeys keys[SCOPE_COUNT];
  struct rp_err *err;
};

/* A user string made safe (control characters escaped) and cut to fit
 * `size` bytes, for a message; writes to buf and returns it. */
const char *cfg_shown(const char *s, char *buf, size_t size);
/* Set w->err to "NAME:LINE:COL: <fmt …>"; returns RP_INVALID. */
enum rp_status cfg_errat(struct walk *w, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define ERR_AT(w, node, ...) cfg_errat((w), (node)->line, (node)->col, __VA_ARGS__)
/* Append "NAME:LINE:COL: unknown key 'x' (ignored); known keys: <known>" to
 * the config's warnings. */
void cfg_warn_unknown(struct walk *w, const struct ynode *key, const char *known);
/* The text of a non-empty scalar (owned by the node), or NULL after setting
 * the error "'<what>' must be a string" / "must not be empty". */
const char *cfg_want_string(struct walk *w, const struct ynode *v, const char *what);
/* True when s is a usable key: letters, digits, '-' and '_', not empty. */
bool cfg_valid_key(const char *s);

/* Free the entries of c (and zero it) / deep-copy src into the zeroed dst. */
void cfg_choices_free(struct rp_choices *c);
void cfg_choices_copy(struct rp_choices *dst, const struct rp_choices *src);
/* A non-empty list of {key, label[, warmth]} entries named `what` in
 * messages; on success replaces *out (freeing the old list), on error
 * leaves it as it was. */
enum rp_status cfg_parse_choices(struct walk *w, const char *what, bool warmth,
                                 const struct ynode *v, struct rp_choices *out);

/* A whole-number setting: its name, allowed range, and the int of struct
 * rp_config it sets (offsetof). */
struct int_setting {
  const char *name;
  int min, max;
  size_t offset;
};
/* Digits only, within the range, into its field of w->cfg. */
enum rp_status cfg_parse_int_setting(struct walk *w, const struct int_setting *is,
                                     const struct ynode *v);

/* config_outreach.c: the sections "readiness", "ask_check" and
 * "outreach". Each changes w->cfg only when the whole section is valid. */
enum rp_status cfg_parse_readiness(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_ask_check(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_outreach(struct walk *w, const struct ynode *v);
/* Deep-copy the fields those sections set from src into dst, whose fields
 * are zeroed; free them in cfg (and zero them). */
void cfg_outreach_copy(struct rp_config *dst, const struct rp_config *src);
void cfg_outreach_free(struct rp_config *cfg);

#endif
