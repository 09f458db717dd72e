/* keymap.h — the keys bound to actions, per scope: built by the config
 * (cfg->keys, from the keys: section), read by the screen. Not included by
 * the model: the model names actions and screens, never keys. */
#ifndef RAPPORT_KEYMAP_H
#define RAPPORT_KEYMAP_H

#include <stddef.h>

#include "rapport/actions.h"
#include "rapport/keys.h"

struct rp_binding {
  rp_key key;
  enum rp_action action;
};

/* Bindings per scope. A key is looked up in the focused screen's scope, then
 * in SCOPE_GLOBAL. */
struct rp_keymap {
  struct rp_binding *v[SCOPE_COUNT];
  size_t n[SCOPE_COUNT];
};

/* The action bound to `key` in `scope` (falling back to global), or ACT_NONE. */
enum rp_action keymap_lookup(const struct rp_keymap *km, enum rp_scope scope, rp_key key);
/* Keys bound to `action` in `scope`, as "a/C-a"; "" when unbound. Writes to
 * buf and returns it. */
const char *keymap_keys_for(const struct rp_keymap *km, enum rp_scope scope,
                            enum rp_action action, char *buf, size_t size);
/* The same, only the keys that are not text (F1, C-g, Esc, not "?"): the
 * keys that still work where every character types (forms, editors, the
 * notes line of a call). */
const char *keymap_command_keys_for(const struct rp_keymap *km, enum rp_scope scope,
                                    enum rp_action action, char *buf, size_t size);

#endif
