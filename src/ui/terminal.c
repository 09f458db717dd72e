/* terminal.c — rapport on the real terminal: set it up, run the event loop
 * (draw, wait for input with a timeout so the call clock ticks, handle it),
 * and give the terminal back as it was: on quit, on SIGTERM/SIGHUP/SIGINT,
 * while suspended (SIGTSTP, or C-z). Signal handlers only set flags; the
 * loop acts on them. A fatal error (out of memory, a crash) gives the
 * terminal back before anything is printed: the bytes that do it are
 * worked out at the start, and written then without curses. */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "rapport/util.h"
#include "ui_internal.h"

static volatile sig_atomic_t got_signal, got_stop;

static void on_signal(int sig) { got_signal = sig; }
static void on_stop(int sig) { got_stop = sig; }

static int run(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme,
               int64_t call_contact);

/* ---- giving the terminal back on a fatal error ---- */

static struct termios saved_tty;   /* the terminal as rapport found it */
static bool have_tty;
static char restore_seq[512];      /* the bytes that undo the full screen */
static size_t restore_len;
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

static void restore_add(const char *s) {
  if (!s || s == (const char *)-1) return;
  size_t n = strlen(s);
  if (restore_len + n >= sizeof restore_seq) return;
  memcpy(restore_seq + restore_len, s, n);
  restore_len += n;
}

/* What endwin would send, worked out while curses runs: attributes off,
 * mouse and bracketed paste off, keypad local, cursor on, the normal
 * screen back. */
static void restore_prepare(void) {
  restore_len = 0;
  restore_add(tigetstr("sgr0"));
  restore_add("\033[?1000l\033[?1002l\033[?1006l"); /* mouse reporting off */
  const char *bd = tigetstr("BD");
  restore_add(bd && bd != (const char *)-1 ? bd : "\033[?2004l");
  restore_add(tigetstr("rmkx"));
  restore_add(tigetstr("cnorm"));
  restore_add(tigetstr("rmcup"));
}

/* Give the terminal back without curses and without allocating (safe in a
 * signal handler): the saved modes, then the prepared bytes. */
static void restore_raw(void) {
  if (have_tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
  for (size_t off = 0; off < restore_len;) {
    ssize_t w = write(STDOUT_FILENO, restore_seq + off, restore_len - off);
    if (w <= 0) break;
    off += (size_t)w;
  }
}

/* A crash: give the terminal back, then die of the same signal (the
 * handler was reset by SA_RESETHAND). */
static void on_fatal(int sig) {
  restore_raw();
  raise(sig);
}

static void fatal_setup(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = (int)SA_RESETHAND;
  for (size_t i = 0; i < RP_ARRAY_LEN(fatal_signals); i++) sigaction(fatal_signals[i], &sa, NULL);
  rp_set_fatal_hook(restore_raw); /* out of memory: before the message */
}

static void fatal_teardown(void) {
  rp_set_fatal_hook(NULL);
  for (size_t i = 0; i < RP_ARRAY_LEN(fatal_signals); i++) signal(fatal_signals[i], SIG_DFL);
}

int ui_run(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme) {
  return run(db, cfg, theme, 0);
}

int ui_run_call(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme,
                int64_t contact_id) {
  return run(db, cfg, theme, contact_id);
}

/* True when input is waiting on the terminal (typed ahead, or pasted by a
 * terminal without bracketed paste). */
static bool input_waiting(void) {
  struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
  return poll(&in, 1, 0) > 0;
}

/* SIGTSTP (kill -TSTP; C-z is a key in raw mode): give the terminal back as
 * it was, bracketed paste off, stop; on SIGCONT take it again. Runs in the
 * loop, not in the handler. */
static void suspend(const struct sigaction *sa) {
  got_stop = 0;
  ui_paste_mode(false);
  def_prog_mode();
  endwin();
  signal(SIGTSTP, SIG_DFL);
  raise(SIGTSTP); /* stopped here until SIGCONT */
  sigaction(SIGTSTP, sa, NULL);
  reset_prog_mode();
  ui_paste_mode(true);
  clearok(curscr, TRUE);
}

static int run(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme,
               int64_t call_contact) {
  struct sigaction sa, stop;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a signal interrupts the wait for a key */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  stop = sa;
  stop.sa_handler = on_stop;
  sigaction(SIGTSTP, &stop, NULL); /* before initscr: curses then installs none of its own */

  set_escdelay(25);
  /* Lines and boxes in Unicode (the locale is UTF-8, see cli.c), not in
   * the terminal's alternate character set: under TERM=xterm-256color in
   * tmux, mosh or PuTTY that set can show as "lqqk". A user's own setting
   * of the variable wins. */
  setenv("NCURSES_NO_UTF8_ACS", "1", 0);
  have_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
  if (!initscr()) return 3;
  raw();
  noecho();
  nonl();
  ui_input_setup(STDIN_FILENO); /* keypad, and the bracketed-paste markers as keys */
  mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                | BUTTON5_PRESSED
#endif
            , NULL);
  mouseinterval(0);
  restore_prepare();
  fatal_setup();
  ui_paste_mode(true);
  refresh(); /* stdscr starts "touched": refresh it once so reading keys never repaints it */
  struct ui_app *app = ui_app_new(db, cfg, theme);
  app_on_terminal(app);
  if (call_contact) ui_app_call(app, call_contact);
  while (!ui_app_done(app) && !got_signal) {
    if (got_stop) suspend(&stop);
    /* draw only when no input waits: keys typed ahead (or a paste from a
     * terminal that does not bracket it) are all handled first, then drawn
     * once; then the screen's idle work, if still nothing waits */
    if (!input_waiting()) {
      ui_app_draw(app);
      if (!input_waiting() && ui_app_idle(app)) continue;
    }
    ui_app_read(app, ui_app_ticking(app) ? 500 : -1);
    app_typing_tick(app);
  }
  ui_app_flush(app); /* the line being typed, on quit and on SIGHUP/SIGTERM */
  char *sync_failed = NULL; /* said once the terminal is back */
  if (cfg->sync_on_quit && !got_signal) app_sync(app, &sync_failed);
  ui_app_free(app);
  ui_paste_mode(false);
  endwin();
  fatal_teardown();
  if (sync_failed) fprintf(stderr, "rapport: the sync on quit failed, nothing lost: %s\n", sync_failed);
  free(sync_failed);
  return got_signal && got_signal != SIGINT ? 128 + got_signal : 0;
}

