/* term_check.c — whether this terminal can show the full screen, asked
 * of terminfo before anything is drawn (or the journal opened). Its own
 * file: <term.h> defines macros (lines, columns, …) that clash with the
 * rest of the UI. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#include "rapport/ui.h"

/* See ui.h. */
bool ui_terminal_usable(char *why, size_t size) {
  const char *term = getenv("TERM");
  int err = 0;
  if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
    snprintf(why, size,
             "the terminal type TERM=%s is unknown here (no terminfo entry); try "
             "TERM=xterm-256color, or use the verbs (rapport --help)",
             term && *term ? term : "(unset)");
    return false;
  }
  const char *cup = tigetstr("cup");
  bool ok = cup && cup != (char *)-1;
  del_curterm(cur_term);
  if (!ok)
    snprintf(why, size,
             "the terminal (TERM=%s) cannot move the cursor, which the full screen needs; "
             "try TERM=xterm-256color, or use the verbs (rapport --help)",
             term && *term ? term : "(unset)");
  return ok;
}
