/* actions.c — the action table (see rapport/actions.h). Default keys are not
 * here: they are data, in config.example.yaml. */
#include "rapport/actions.h"

#include <string.h>

const char *const rp_scope_names[SCOPE_COUNT] = {
    "global", "today", "contacts", "worksheet", "prep", "call", "form",
};

const struct rp_action_info rp_actions[ACT_COUNT] = {
    [ACT_NONE] = {ACT_NONE, "none", SCOPE_GLOBAL, NULL, "do nothing (unbinds a key)"},
    [ACT_QUIT] = {ACT_QUIT, "quit", SCOPE_GLOBAL, "quit", "leave rapport (everything is already saved)"},
    [ACT_HELP] = {ACT_HELP, "help", SCOPE_GLOBAL, "help", "show the keys of this screen"},
    [ACT_SCREEN_TODAY] = {ACT_SCREEN_TODAY, "screen-today", SCOPE_GLOBAL, NULL, "go to Today"},
    [ACT_SCREEN_CONTACTS] = {ACT_SCREEN_CONTACTS, "screen-contacts", SCOPE_GLOBAL, NULL, "go to Contacts"},
    [ACT_SCREEN_WORKSHEET] = {ACT_SCREEN_WORKSHEET, "screen-worksheet", SCOPE_GLOBAL, NULL, "go to the Worksheet"},
    [ACT_SCREEN_PREP] = {ACT_SCREEN_PREP, "screen-prep", SCOPE_GLOBAL, NULL, "go to Prep"},
    [ACT_SCREEN_CALL] = {ACT_SCREEN_CALL, "screen-call", SCOPE_GLOBAL, NULL, "go to Call"},
    [ACT_FOCUS_NEXT] = {ACT_FOCUS_NEXT, "focus-next", SCOPE_GLOBAL, NULL, "move focus to the next pane"},
    [ACT_FOCUS_PREV] = {ACT_FOCUS_PREV, "focus-prev", SCOPE_GLOBAL, NULL, "move focus to the previous pane"},
    [ACT_UP] = {ACT_UP, "up", SCOPE_GLOBAL, NULL, "move up one row"},
    [ACT_DOWN] = {ACT_DOWN, "down", SCOPE_GLOBAL, NULL, "move down one row"},
    [ACT_PAGE_UP] = {ACT_PAGE_UP, "page-up", SCOPE_GLOBAL, NULL, "move up one page"},
    [ACT_PAGE_DOWN] = {ACT_PAGE_DOWN, "page-down", SCOPE_GLOBAL, NULL, "move down one page"},
    [ACT_FIRST] = {ACT_FIRST, "first", SCOPE_GLOBAL, NULL, "go to the first row"},
    [ACT_LAST] = {ACT_LAST, "last", SCOPE_GLOBAL, NULL, "go to the last row"},
    [ACT_REDRAW] = {ACT_REDRAW, "redraw", SCOPE_GLOBAL, NULL, "redraw the whole screen"},
    [ACT_ADD] = {ACT_ADD, "add", SCOPE_CONTACTS, "add", "add a contact"},
    [ACT_EDIT] = {ACT_EDIT, "edit", SCOPE_CONTACTS, "edit", "edit the selected contact"},
    [ACT_DELETE] = {ACT_DELETE, "delete", SCOPE_CONTACTS, "delete", "delete the selected contact (asks first)"},
    [ACT_UNDO] = {ACT_UNDO, "undo", SCOPE_CONTACTS, "undo", "bring back the last deleted contact"},
    [ACT_FILTER] = {ACT_FILTER, "filter", SCOPE_CONTACTS, "filter", "filter the list as you type (Esc clears)"},
    [ACT_SORT] = {ACT_SORT, "sort", SCOPE_CONTACTS, "sort", "sort by name / by last update"},
    [ACT_FORM_SAVE] = {ACT_FORM_SAVE, "save", SCOPE_FORM, "save", "save the form"},
    [ACT_FORM_CANCEL] = {ACT_FORM_CANCEL, "cancel", SCOPE_FORM, "cancel", "close the form without saving (asks if changed)"},
    [ACT_FORM_NEXT] = {ACT_FORM_NEXT, "next-field", SCOPE_FORM, "next", "go to the next field"},
    [ACT_FORM_PREV] = {ACT_FORM_PREV, "prev-field", SCOPE_FORM, NULL, "go to the previous field"},
};

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
