/* actions.c — the action table, generated from rapport/actions.def (see
 * rapport/actions.h). Default keys are not here: they are data, in
 * config.example.yaml. */
#include "rapport/actions.h"

#include <string.h>

const char *const rp_scope_names[SCOPE_COUNT] = {
    "global", "today", "contacts", "worksheet", "prep", "call", "form", "editor",
};

/* The table, one entry per line of rapport/actions.def. */
const struct rp_action_info rp_actions[ACT_COUNT] = {
#define ACTION(id, name, scopes, hint, help) [id] = {id, name, scopes, hint, help},
#include "rapport/actions.def"
#undef ACTION
};

bool action_in_scope(enum rp_action a, enum rp_scope s) {
  return (unsigned)a < ACT_COUNT && (rp_actions[a].scopes & SCOPE_BIT(s)) != 0;
}

enum rp_action action_by_name(const char *name) {
  for (int i = 0; i < ACT_COUNT; i++)
    if (rp_actions[i].name && strcmp(rp_actions[i].name, name) == 0) return (enum rp_action)i;
  return ACT_NONE;
}

int scope_by_name(const char *name) {
  for (int i = 0; i < SCOPE_COUNT; i++)
    if (strcmp(rp_scope_names[i], name) == 0) return i;
  return -1;
}
