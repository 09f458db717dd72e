/* journal_floor.c — the least any journal program does before its first
 * paint (issue 22): start, open the journal as rapport does (read-write,
 * WAL), read one row (which reads the schema), paint that row and a status
 * line ending in " quit" (what bench/run waits for), wait for a key. Timed
 * by bench/run beside bench/empty_curses and rapport, on the same pty, in
 * the same run: no program that reads this journal can paint sooner.
 * Usage: journal_floor JOURNAL */
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  setlocale(LC_ALL, "");
  sqlite3_config(SQLITE_CONFIG_MULTITHREAD); /* as rapport sets SQLite up */
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "SELECT name FROM contact ORDER BY id LIMIT 1", -1, &st, NULL) !=
          SQLITE_OK ||
      sqlite3_step(st) != SQLITE_ROW)
    return 3;
  initscr();
  raw();
  noecho();
  keypad(stdscr, TRUE);
  mvaddstr(0, 0, (const char *)sqlite3_column_text(st, 0));
  mvaddstr(LINES - 1, 0, " ? help  / search  q quit");
  refresh();
  getch();
  endwin();
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
