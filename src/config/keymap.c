/* keymap.c — looking keys up in the keymap the config built (see
 * rapport/keymap.h): which action a key does in a scope, and which keys do
 * an action, for the help screen and the status bar. */
#include <stdio.h>
#include <string.h>

#include "rapport/config.h"
#include "rapport/keymap.h"

/* A binding in `scope` itself wins, even one to "none" (which unbinds the
 * key there); otherwise the global binding applies. */
static bool keymap_find(const struct rp_keymap *km, enum rp_scope scope, rp_key key,
                        enum rp_action *out) {
  for (size_t i = 0; i < km->n[scope]; i++) {
    if (km->v[scope][i].key == key) {
      *out = km->v[scope][i].action;
      return true;
    }
  }
  return false;
}

/* The action of `key` in `scope`, else in global, else ACT_NONE. */
enum rp_action keymap_lookup(const struct rp_keymap *km, enum rp_scope scope, rp_key key) {
  enum rp_action a = ACT_NONE;
  if ((unsigned)scope < SCOPE_COUNT && keymap_find(km, scope, key, &a)) return a;
  if (keymap_find(km, SCOPE_GLOBAL, key, &a)) return a;
  return ACT_NONE;
}

/* Keys of `action` in `scope`, then (for a global action) the global keys
 * that still reach it there. Only whole names are written. */
/* keymap_keys_for, with only the keys that are not text when `commands`. */
static const char *keys_for(const struct rp_keymap *km, enum rp_scope scope,
                            enum rp_action action, bool commands, char *buf, size_t size) {
  size_t used = 0;
  if (!size) return buf;
  buf[0] = '\0';
  if ((unsigned)scope >= SCOPE_COUNT || action == ACT_NONE) return buf;
  for (int pass = 0; pass < 2; pass++) {
    enum rp_scope s = pass == 0 ? scope : SCOPE_GLOBAL;
    if (pass == 1 && scope == SCOPE_GLOBAL) break;
    for (size_t i = 0; i < km->n[s]; i++) {
      const struct rp_binding *b = &km->v[s][i];
      if (b->action != action || keymap_lookup(km, scope, b->key) != action) continue;
      enum rp_action own;
      if (pass == 1 && keymap_find(km, scope, b->key, &own)) continue; /* listed in pass 0 */
      if (commands && key_is_text(b->key)) continue;
      char name[64];
      key_to_name(b->key, name, sizeof name);
      size_t need = strlen(name) + (used ? 1 : 0);
      if (used + need + 1 > size) return buf;
      snprintf(buf + used, size - used, "%s%s", used ? "/" : "", name);
      used += need;
    }
  }
  return buf;
}

const char *keymap_keys_for(const struct rp_keymap *km, enum rp_scope scope,
                            enum rp_action action, char *buf, size_t size) {
  return keys_for(km, scope, action, false, buf, size);
}

const char *keymap_command_keys_for(const struct rp_keymap *km, enum rp_scope scope,
                                    enum rp_action action, char *buf, size_t size) {
  return keys_for(km, scope, action, true, buf, size);
}
