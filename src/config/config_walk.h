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
#include "rapport/strset.h"
#include "rapport/keymap.h"

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

/* A key this file names from another list (a bank question's flag names a
 * question_checks entry; question_checks and followup.handwritten_for name
 * seniority levels), and where: checked by cfg_call_check once the whole
 * file is read, since the lists may come in any order. */
enum wref_kind { WREF_FLAG, WREF_SENIORITY, WREF_STAGE /* cadence.by_stage */ };
struct wref {
  enum wref_kind kind;
  char *key;
  char *what; /* where it is used, for messages: "followup.handwritten_for" */
  int line, col;
};

struct walk {
  const char *name;       /* file name for messages */
  struct rp_config *cfg;  /* the copy being changed */
  struct wkeys keys[SCOPE_COUNT];
  struct rp_err *err;
  struct wref *refs;      /* see struct wref */
  size_t n_refs;
  const struct ynode *seniority_at; /* "seniority:" of this file, or NULL */
  const struct ynode *checks_at;    /* "question_checks:" of this file, or NULL */
  const struct ynode *import_at;    /* "import: linkedin_how_known:" of this file, or NULL */
  const struct ynode *keys_at;      /* "keys:" of this file, or NULL */
  const struct ynode *sync_stages_at; /* "sync: stages:" of this file, or NULL */
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
/* "~/x" → "$HOME/x"; other text is copied (caller frees). NULL (err set)
 * when HOME is unset. */
char *cfg_expand_home(struct walk *w, const struct ynode *v, const char *what);
/* True when s is a usable key: letters, digits, '-' and '_', not empty. */
bool cfg_valid_key(const char *s);

/* The array v of n entries of `size` bytes, made room for one more: it
 * doubles at each power of two (v must have been grown only this way), so
 * a list of 200,000 entries is built in linear time. */
void *cfg_grow(void *v, size_t n, size_t size);

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

/* config_outreach.c: helpers for sections that are mappings of settings. */
/* The value of `name` in mapping `map`, or NULL. */
const struct ynode *cfg_map_get(const struct ynode *map, const char *name);
/* Warn about the keys of `map` not in `known` (NULL-terminated); `known_msg`
 * lists them for the message. */
void cfg_warn_unknown_keys(struct walk *w, const struct ynode *map, const char *const *known,
                           const char *known_msg);
/* An optional text: *out = NULL when absent, null or empty, else a copy;
 * anything but a scalar is an error. */
enum rp_status cfg_optional_string(struct walk *w, const struct ynode *v, const char *what,
                                   char **out);
/* The `key` of an entry of list `what` (`needs` names the required fields
 * for the message): present, a valid key, not in `seen`. NULL after
 * setting the error. */
const char *cfg_entry_key(struct walk *w, const char *what, const char *needs,
                          const struct ynode *item, const struct rp_strset *seen);
/* Warn about each {placeholder} of template node t (setting `what`) that is
 * not one of keys[] (listed as keys_msg): it stays in every draft. */
void cfg_warn_placeholders(struct walk *w, const struct ynode *t, const char *what,
                           const char *const *keys, size_t n_keys, const char *keys_msg);

/* config_outreach.c: the sections "readiness", "ask_check" and
 * "outreach". Each changes w->cfg only when the whole section is valid. */
enum rp_status cfg_parse_readiness(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_ask_check(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_outreach(struct walk *w, const struct ynode *v);
/* Deep-copy the fields those sections set from src into dst, whose fields
 * are zeroed; free them in cfg (and zero them). */
void cfg_outreach_copy(struct rp_config *dst, const struct rp_config *src);
void cfg_outreach_free(struct rp_config *cfg);

/* config_call.c: the sections "conversation", "question_checks",
 * "question_bank" and "followup". */
enum rp_status cfg_parse_conversation(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_question_checks(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_question_bank(struct walk *w, const struct ynode *v);
enum rp_status cfg_parse_followup(struct walk *w, const struct ynode *v);
/* After the whole file: every reference (struct wref) names an entry of its
 * list. A reference this file wrote to a missing entry is an error at that
 * reference; an inherited one (this file replaced the list it named) is
 * dropped with a warning at the replacing list. Frees w->refs. */
enum rp_status cfg_call_check(struct walk *w);
void cfg_refs_free(struct walk *w);
/* Deep-copy / free the fields those sections set (as cfg_outreach_*). */
void cfg_call_copy(struct rp_config *dst, const struct rp_config *src);
void cfg_call_free(struct rp_config *cfg);

/* config_cadence.c: the section "cadence" (warm, cold, by_stage). */
enum rp_status cfg_parse_cadence(struct walk *w, const struct ynode *v);
/* After the whole file: each cadence.by_stage stage is one of cfg->stages.
 * One this file wrote that is missing is an error at it; an inherited one
 * (this file replaced stages) is dropped. */
enum rp_status cfg_cadence_check(struct walk *w);
/* Deep-copy / free the fields the section sets (as cfg_outreach_*). */
void cfg_cadence_copy(struct rp_config *dst, const struct rp_config *src);
void cfg_cadence_free(struct rp_config *cfg);

/* config_import.c: the section "import" (linkedin_how_known). Copying and
 * freeing its one string is done by config.c. */
enum rp_status cfg_parse_import(struct walk *w, const struct ynode *v);
/* After the whole file: import.linkedin_how_known is one of cfg->how_known.
 * This file's value missing there is an error at it; an inherited one
 * (this file replaced how_known) is dropped. */
enum rp_status cfg_import_check(struct walk *w);

/* config_sync.c: the section "sync" (contacts, calendar, on_start,
 * on_quit, stages, tags). */
enum rp_status cfg_parse_sync(struct walk *w, const struct ynode *v);
/* After the whole file: each sync.stages entry is one of cfg->stages (this
 * file's: an error at it; inherited ones are dropped). */
enum rp_status cfg_sync_check(struct walk *w);
/* Deep-copy / free the fields the section sets (as cfg_outreach_*). */
void cfg_sync_copy(struct rp_config *dst, const struct rp_config *src);
void cfg_sync_free(struct rp_config *cfg);

#endif
