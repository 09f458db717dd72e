/* actions.c — the action table (see rapport/actions.h). Default keys are not
 * here: they are data, in config.example.yaml. */
#include "rapport/actions.h"

#include <string.h>

const char *const rp_scope_names[SCOPE_COUNT] = {
    "global", "today", "contacts", "worksheet", "prep", "call", "form", "editor",
};

#define LISTS (SCOPE_BIT(SCOPE_CONTACTS) | SCOPE_BIT(SCOPE_WORKSHEET))
#define TEXT (SCOPE_BIT(SCOPE_FORM) | SCOPE_BIT(SCOPE_EDITOR))
#define EDITS (LISTS | SCOPE_BIT(SCOPE_PREP) | SCOPE_BIT(SCOPE_CALL))
#define PREP SCOPE_BIT(SCOPE_PREP)
#define CALL SCOPE_BIT(SCOPE_CALL)
#define TODAY SCOPE_BIT(SCOPE_TODAY)

const struct rp_action_info rp_actions[ACT_COUNT] = {
    [ACT_NONE] = {ACT_NONE, "none", SCOPE_BIT(SCOPE_GLOBAL), NULL, "do nothing (unbinds a key)"},
    [ACT_QUIT] = {ACT_QUIT, "quit", SCOPE_BIT(SCOPE_GLOBAL), "quit", "leave rapport (everything is already saved)"},
    [ACT_HELP] = {ACT_HELP, "help", SCOPE_BIT(SCOPE_GLOBAL), "help", "show the keys of this screen"},
    [ACT_SCREEN_TODAY] = {ACT_SCREEN_TODAY, "screen-today", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to Today"},
    [ACT_SCREEN_CONTACTS] = {ACT_SCREEN_CONTACTS, "screen-contacts", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to Contacts"},
    [ACT_SCREEN_WORKSHEET] = {ACT_SCREEN_WORKSHEET, "screen-worksheet", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to the Worksheet"},
    [ACT_SCREEN_PREP] = {ACT_SCREEN_PREP, "screen-prep", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to Prep"},
    [ACT_SCREEN_CALL] = {ACT_SCREEN_CALL, "screen-call", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to Call"},
    [ACT_FOCUS_NEXT] = {ACT_FOCUS_NEXT, "focus-next", SCOPE_BIT(SCOPE_GLOBAL), NULL, "move focus to the next pane"},
    [ACT_FOCUS_PREV] = {ACT_FOCUS_PREV, "focus-prev", SCOPE_BIT(SCOPE_GLOBAL), NULL, "move focus to the previous pane"},
    [ACT_UP] = {ACT_UP, "up", SCOPE_BIT(SCOPE_GLOBAL), NULL, "move up one row"},
    [ACT_DOWN] = {ACT_DOWN, "down", SCOPE_BIT(SCOPE_GLOBAL), NULL, "move down one row"},
    [ACT_PAGE_UP] = {ACT_PAGE_UP, "page-up", SCOPE_BIT(SCOPE_GLOBAL), NULL, "move up one page"},
    [ACT_PAGE_DOWN] = {ACT_PAGE_DOWN, "page-down", SCOPE_BIT(SCOPE_GLOBAL), NULL, "move down one page"},
    [ACT_FIRST] = {ACT_FIRST, "first", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to the first row"},
    [ACT_LAST] = {ACT_LAST, "last", SCOPE_BIT(SCOPE_GLOBAL), NULL, "go to the last row"},
    [ACT_REDRAW] = {ACT_REDRAW, "redraw", SCOPE_BIT(SCOPE_GLOBAL), NULL, "redraw the whole screen"},
    [ACT_SEARCH] = {ACT_SEARCH, "search", SCOPE_BIT(SCOPE_GLOBAL), "search",
                    "search everything: contacts, notes, gives, worksheet, drafts"},
    [ACT_SCREEN_PREFIX] = {ACT_SCREEN_PREFIX, "screen-prefix", SCOPE_BIT(SCOPE_GLOBAL), NULL,
                           "then a screen key: go to that screen from anywhere, even a call"},
    [ACT_SUSPEND] = {ACT_SUSPEND, "suspend", SCOPE_BIT(SCOPE_GLOBAL), NULL,
                     "suspend rapport (fg in the shell brings it back)"},
    [ACT_UNDO] = {ACT_UNDO, "undo", SCOPE_BIT(SCOPE_GLOBAL), NULL,
                  "undo the last change to the journal (again and again, also after a restart)"},
    [ACT_REDO] = {ACT_REDO, "redo", SCOPE_BIT(SCOPE_GLOBAL), NULL, "redo the last change undone"},
    [ACT_OPEN] = {ACT_OPEN, "open", TODAY, "open", "open the contact of this row (a thank-you: its draft)"},
    [ACT_DONE] = {ACT_DONE, "done", TODAY, "done", "mark the follow-up done (a thank-you: sent; asks if it names nothing)"},
    [ACT_SNOOZE] = {ACT_SNOOZE, "snooze", TODAY, "snooze", "snooze the follow-up for a day"},
    [ACT_SNOOZE_WEEK] = {ACT_SNOOZE_WEEK, "snooze-week", TODAY, NULL,
                         "snooze the follow-up for a week"},
    [ACT_OUTCOME] = {ACT_OUTCOME, "outcome", TODAY, "outcome",
                     "log an outcome and thank everyone who helped"},
    [ACT_ADD] = {ACT_ADD, "add", LISTS | PREP, "add",
                 "add an entry (a contact, a superpower, a question, …)"},
    [ACT_EDIT] = {ACT_EDIT, "edit", EDITS, "edit",
                  "edit the selected entry (on Prep: a question or the draft)"},
    [ACT_DELETE] = {ACT_DELETE, "delete", LISTS | PREP, "delete",
                    "delete the selected entry (asks first)"},
    [ACT_FILTER] = {ACT_FILTER, "filter", SCOPE_BIT(SCOPE_CONTACTS), NULL, "filter the list as you type (Esc clears)"},
    [ACT_SORT] = {ACT_SORT, "sort", SCOPE_BIT(SCOPE_CONTACTS), NULL, "sort by name / by last update"},
    [ACT_GIVE] = {ACT_GIVE, "give", SCOPE_BIT(SCOPE_CONTACTS), "give",
                  "log something you gave this contact (give before you ask)"},
    [ACT_PREP] = {ACT_PREP, "prep", SCOPE_BIT(SCOPE_CONTACTS) | TODAY, "prep",
                  "prepare: readiness, outreach draft, objective, questions"},
    [ACT_FOLLOWUP] = {ACT_FOLLOWUP, "followup", SCOPE_BIT(SCOPE_CONTACTS), NULL,
                      "add a follow-up for this contact (check in, share an update, …)"},
    [ACT_COPY] = {ACT_COPY, "copy", SCOPE_BIT(SCOPE_CONTACTS) | PREP | CALL, NULL,
                  "copy the dossier, the draft or the thank-you to the clipboard"},
    [ACT_IMPORT] = {ACT_IMPORT, "import", SCOPE_BIT(SCOPE_CONTACTS), NULL,
                    "import a CSV export (LinkedIn, Google, Outlook) or vCards"},
    [ACT_CONVERSATIONS] = {ACT_CONVERSATIONS, "conversations", SCOPE_BIT(SCOPE_CONTACTS), NULL,
                           "look back on every conversation: notes, wrap-up, thank-you"},
    [ACT_CALL] = {ACT_CALL, "call", SCOPE_BIT(SCOPE_CONTACTS) | PREP | TODAY, "call",
                  "start the call: a clock, questions, notes (asks if not ready)"},
    [ACT_MOVE_UP] = {ACT_MOVE_UP, "move-up", PREP, NULL, "move the selected question up"},
    [ACT_MOVE_DOWN] = {ACT_MOVE_DOWN, "move-down", PREP, NULL, "move the selected question down"},
    [ACT_BANK] = {ACT_BANK, "bank", PREP, "bank", "add a question from the question bank"},
    [ACT_GAPS] = {ACT_GAPS, "gaps", PREP, NULL,
                  "turn an open information gap from the worksheet into a question"},
    [ACT_OBJECTIVE] = {ACT_OBJECTIVE, "objective", PREP, "objective",
                       "write what you want to learn from this conversation"},
    [ACT_DRAFT_DOWN] = {ACT_DRAFT_DOWN, "draft-down", PREP, NULL,
                        "scroll the outreach draft and its ask check down, wherever the focus is"},
    [ACT_DRAFT_UP] = {ACT_DRAFT_UP, "draft-up", PREP, NULL,
                      "scroll the outreach draft and its ask check up"},
    [ACT_NEXT_QUESTION] = {ACT_NEXT_QUESTION, "next-question", CALL, "next q",
                           "mark the current question asked and show the next"},
    [ACT_PREV_QUESTION] = {ACT_PREV_QUESTION, "prev-question", CALL, NULL,
                           "go back to the previous question"},
    [ACT_END_CALL] = {ACT_END_CALL, "end-call", CALL, "end",
                      "end the call and wrap up (a stray short call without notes: discard it)"},
    [ACT_SENT] = {ACT_SENT, "sent", CALL, "sent", "mark the thank-you sent (asks if it names nothing)"},
    [ACT_TOGGLE] = {ACT_TOGGLE, "toggle", SCOPE_BIT(SCOPE_WORKSHEET) | SCOPE_BIT(SCOPE_PREP),
                    "toggle", "tick or untick: a gap answered, a skill to sharpen, a checklist item"},
    [ACT_GRID] = {ACT_GRID, "grid", SCOPE_BIT(SCOPE_WORKSHEET), "grid",
                  "skills: show the proficiency \xC3\x97 enjoyment grid, or the list"},
    [ACT_FORM_SAVE] = {ACT_FORM_SAVE, "save", TEXT, "save", "save what you typed"},
    [ACT_FORM_CANCEL] = {ACT_FORM_CANCEL, "cancel", TEXT, "cancel", "close without saving (asks if changed)"},
    [ACT_FORM_NEXT] = {ACT_FORM_NEXT, "next-field", SCOPE_BIT(SCOPE_FORM), "next", "go to the next field"},
    [ACT_FORM_PREV] = {ACT_FORM_PREV, "prev-field", SCOPE_BIT(SCOPE_FORM), NULL, "go to the previous field"},
    [ACT_EXTERNAL_EDITOR] = {ACT_EXTERNAL_EDITOR, "external-editor",
                             TEXT | PREP | CALL | SCOPE_BIT(SCOPE_WORKSHEET), "$EDITOR",
                             "edit this text in $VISUAL / $EDITOR"},
    /* hinted by the form itself, on the rows they work on */
    [ACT_VALUE_REMOVE] = {ACT_VALUE_REMOVE, "remove-value", SCOPE_BIT(SCOPE_FORM), NULL,
                          "remove this email, phone or web address (a contact's form)"},
    [ACT_VALUE_TYPE] = {ACT_VALUE_TYPE, "value-type", SCOPE_BIT(SCOPE_FORM), NULL,
                        "change what it is for: work, home, mobile, \xE2\x80\xA6 (a contact's form)"},
    [ACT_VALUE_PREFER] = {ACT_VALUE_PREFER, "prefer-value", SCOPE_BIT(SCOPE_FORM), NULL,
                          "make it the one to use first, \xE2\x98\x85 (a contact's form)"},
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
