/* actions.h — every user action, in one table, from which key bindings, the
 * help overlay, the status-bar hints and the docs are generated. Actions
 * belong to a scope: global, or one screen. */
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
  SCOPE_COUNT
};

enum rp_action {
  ACT_NONE = 0,
  /* global */
  ACT_QUIT,
  ACT_HELP,
  ACT_SCREEN_TODAY,
  ACT_SCREEN_CONTACTS,
  ACT_SCREEN_WORKSHEET,
  ACT_SCREEN_PREP,
  ACT_SCREEN_CALL,
  ACT_FOCUS_NEXT,
  ACT_FOCUS_PREV,
  ACT_UP,
  ACT_DOWN,
  ACT_PAGE_UP,
  ACT_PAGE_DOWN,
  ACT_FIRST,
  ACT_LAST,
  ACT_REDRAW,
  ACT_SEARCH,
  ACT_SCREEN_PREFIX,
  ACT_SUSPEND,
  ACT_UNDO,
  ACT_REDO,
  /* today */
  ACT_OPEN,
  ACT_DONE,
  ACT_SNOOZE,
  ACT_SNOOZE_WEEK,
  ACT_OUTCOME,
  /* contacts */
  ACT_ADD,
  ACT_EDIT,
  ACT_DELETE,
  ACT_FILTER,
  ACT_SORT,
  ACT_GIVE,
  ACT_PREP,
  ACT_CALL,
  ACT_FOLLOWUP,
  ACT_COPY,
  ACT_IMPORT,
  ACT_CONVERSATIONS,
  /* prep */
  ACT_MOVE_UP,
  ACT_MOVE_DOWN,
  ACT_BANK,
  ACT_GAPS,
  ACT_OBJECTIVE,
  ACT_DRAFT_DOWN,
  ACT_DRAFT_UP,
  /* call */
  ACT_NEXT_QUESTION,
  ACT_PREV_QUESTION,
  ACT_END_CALL,
  ACT_SENT,
  /* worksheet */
  ACT_TOGGLE,
  ACT_GRID,
  /* form */
  ACT_FORM_SAVE,
  ACT_FORM_CANCEL,
  ACT_FORM_NEXT,
  ACT_FORM_PREV,
  ACT_EXTERNAL_EDITOR,
  /* form: a row of a list field (the emails, phones and URLs of a contact) */
  ACT_VALUE_REMOVE,
  ACT_VALUE_TYPE,
  ACT_VALUE_PREFER,
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
 * "prep", "call", "form", "editor". */
extern const char *const rp_scope_names[SCOPE_COUNT];

#define SCOPE_BIT(s) (1u << (s))

/* True when action a belongs to scope s. */
bool action_in_scope(enum rp_action a, enum rp_scope s);

/* Look up by config name; ACT_NONE / -1 when unknown. */
enum rp_action action_by_name(const char *name);
int scope_by_name(const char *name);

#endif
