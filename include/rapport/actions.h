/* actions.h — every user action, in one list (rapport/actions.def), from
 * which the enum, key bindings, the help overlay, the status-bar hints and
 * the config names are generated. Actions belong to scopes: global, or
 * one screen, a form or an editor. */
#ifndef RAPPORT_ACTIONS_H
#define RAPPORT_ACTIONS_H

#include <stdbool.h>

enum rp_scope {
  SCOPE_GLOBAL,
  SCOPE_TODAY,
  SCOPE_CONTACTS,
  SCOPE_WORKSHEET,
  SCOPE_PREP,
  SCOPE_CALL,
  SCOPE_FORM,   /* inside an add/edit form */
  SCOPE_EDITOR, /* inside a multi-line text editor */
  SCOPE_DIALOG, /* a question in a dialog: its answers */
  SCOPE_COUNT
};

/* The screens, in the order of their screen keys (screen-today first).
 * SCREEN_NONE: no screen (a fix done only from the command line). */
enum rp_screen {
  SCREEN_NONE = -1,
  SCREEN_TODAY,
  SCREEN_CONTACTS,
  SCREEN_WORKSHEET,
  SCREEN_PREP,
  SCREEN_CALL,
  SCREEN_COUNT
};

#define SCOPE_BIT(s) (1u << (s))
/* Scope sets for the table in rapport/actions.def. */
#define S_GLOBAL SCOPE_BIT(SCOPE_GLOBAL)
#define S_TODAY SCOPE_BIT(SCOPE_TODAY)
#define S_CONTACTS SCOPE_BIT(SCOPE_CONTACTS)
#define S_WORKSHEET SCOPE_BIT(SCOPE_WORKSHEET)
#define S_PREP SCOPE_BIT(SCOPE_PREP)
#define S_CALL SCOPE_BIT(SCOPE_CALL)
#define S_FORM SCOPE_BIT(SCOPE_FORM)
#define S_EDITOR SCOPE_BIT(SCOPE_EDITOR)
#define S_DIALOG SCOPE_BIT(SCOPE_DIALOG)
#define S_LISTS (S_CONTACTS | S_WORKSHEET)
#define S_TEXT (S_FORM | S_EDITOR)
#define S_EDITS (S_LISTS | S_PREP | S_CALL)

/* One constant per line of rapport/actions.def, in its order (ACT_NONE is
 * 0), then ACT_COUNT. */
enum rp_action {
#define ACTION(id, name, scopes, hint, help) id,
#include "rapport/actions.def"
#undef ACTION
  ACT_COUNT
};

struct rp_action_info {
  enum rp_action id;
  const char *name;  /* config name, e.g. "quit", "screen-contacts" */
  unsigned scopes;   /* SCOPE_BIT()s of the scopes it belongs to */
  const char *hint;  /* short status-bar word, e.g. "add"; NULL = not hinted */
  const char *help;  /* one line for the help overlay */
};

/* The table, indexed by enum rp_action (entry 0 is ACT_NONE). */
extern const struct rp_action_info rp_actions[ACT_COUNT];
/* Config names of the scopes: "global", "today", "contacts", "worksheet",
 * "prep", "call", "form", "editor", "dialog". */
extern const char *const rp_scope_names[SCOPE_COUNT];

/* Names of the screens for people: "Today", "Contacts", "Worksheet",
 * "Prep", "Call". */
extern const char *const rp_screen_names[SCREEN_COUNT];
/* The action that goes to screen s (ACT_SCREEN_TODAY …), and the scope of
 * its keys (SCOPE_TODAY …); ACT_NONE / SCOPE_GLOBAL for SCREEN_NONE. */
enum rp_action screen_action(enum rp_screen s);
enum rp_scope screen_scope(enum rp_screen s);

/* True when action a belongs to scope s. */
bool action_in_scope(enum rp_action a, enum rp_scope s);

/* Look up by config name; ACT_NONE / -1 when unknown. */
enum rp_action action_by_name(const char *name);
int scope_by_name(const char *name);

#endif
