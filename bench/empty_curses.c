/* empty_curses.c — the floor for rapport's first paint (issue 22): an
 * ncurses program that does nothing but start, paint one status line
 * ending in " quit" (what bench/run waits for, as for rapport) and wait
 * for a key. Timed by bench/run on the same pty, in the same run. */
#include <curses.h>

int main(void) {
  initscr();
  raw();
  noecho();
  keypad(stdscr, TRUE);
  mvaddstr(LINES - 1, 0, " ? help  / search  q quit");
  refresh();
  getch();
  endwin();
  return 0;
}
