/* actions.c — the action table, generated from rapport/actions.def (see
 * rapport/actions.h). Default keys are not here: they are data, in
 * config.example.yaml. */
#include "rapport/actions.h"

#include <string.h>

const char *const rp_scope_names[SCOPE_COUNT] = {
    "global", "today", "contacts", "worksheet", "prep", "call", "form", "editor", "dialog",
};

const char *const rp_screen_names[SCREEN_COUNT] = {
    "Today", "Contacts", "Worksheet", "Prep", "Call",
};

enum rp_action screen_action(enum rp_screen s) {
  static const enum rp_action act[SCREEN_COUNT] = {
      ACT_SCREEN_TODAY, ACT_SCREEN_CONTACTS, ACT_SCREEN_WORKSHEET, ACT_SCREEN_PREP,
      ACT_SCREEN_CALL};
  return s > SCREEN_NONE && s < SCREEN_COUNT ? act[s] : ACT_NONE;
}

enum rp_scope screen_scope(enum rp_screen s) {
  static const enum rp_scope scope[SCREEN_COUNT] = {SCOPE_TODAY, SCOPE_CONTACTS, SCOPE_WORKSHEET,
                                                    SCOPE_PREP, SCOPE_CALL};
  return s > SCREEN_NONE && s < SCREEN_COUNT ? scope[s] : SCOPE_GLOBAL;
}

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
