/* terminal.c — rapport on the real terminal: set it up, run the event loop
 * (draw, wait for input with a timeout so the call clock ticks, handle it),
 * and give the terminal back as it was: on quit, on SIGTERM/SIGHUP/SIGINT,
 * while suspended (SIGTSTP). Signal handlers only set flags; the loop acts
 * on them. */
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ui_internal.h"

static volatile sig_atomic_t got_signal, got_stop;

static void on_signal(int sig) { got_signal = sig; }
static void on_stop(int sig) { got_stop = sig; }

static int run(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme,
               int64_t call_contact);

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
  ui_app_free(app);
  ui_paste_mode(false);
  endwin();
  return got_signal && got_signal != SIGINT ? 128 + got_signal : 0;
}

