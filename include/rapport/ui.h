/* ui.h — the full-screen journal. main() calls ui_run; the headless screen
 * tests drive a struct ui_app directly (keys in, screen text out). */
#ifndef RAPPORT_UI_H
#define RAPPORT_UI_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/keys.h"
#include "rapport/theme.h"

struct ui_app;

/* Initialise the terminal, run the event loop until the user quits or a
 * SIGTERM/SIGHUP arrives, restore the terminal. Returns the exit status. */
int ui_run(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme);
/* ui_run, opening straight on the Call screen with contact `contact_id`'s
 * current conversation (created when there is none) started. */
int ui_run_call(struct rp_db *db, const struct rp_config *cfg, const struct rp_theme *theme,
                int64_t contact_id);

/* Open the Call screen on contact `contact_id` (as `c` on Contacts does). */
void ui_app_call(struct ui_app *app, int64_t contact_id);

/* What `y` last copied (for tests), or NULL. */
const char *ui_app_copied(const struct ui_app *app);
/* True while the current screen changes by itself (the call clock). */
bool ui_app_ticking(struct ui_app *app);
/* Work the current screen left for after its paint (the rest of Today's
 * sections, the full count of a filtered contact list); true when it did
 * some: draw again before the next key. ui_run calls it when no key is
 * waiting. */
bool ui_app_idle(struct ui_app *app);
/* Save what is being typed (called on quit and on SIGHUP/SIGTERM). */
void ui_app_flush(struct ui_app *app);

/* For tests and ui_run: curses must already be initialised (initscr or
 * newterm). The app borrows db, cfg and theme. */
struct ui_app *ui_app_new(struct rp_db *db, const struct rp_config *cfg,
                          const struct rp_theme *theme);
void ui_app_free(struct ui_app *app);
/* Lay out for the current terminal size (LINES × COLS) and draw everything;
 * ends with doupdate(). */
void ui_app_draw(struct ui_app *app);
/* Throw away every window and paint the next draw from nothing, as a new
 * start in the same state would (tests compare the two paints). */
void ui_app_relayout(struct ui_app *app);
/* Feed one key (RPK_RESIZE after resizeterm). */
void ui_app_key(struct ui_app *app, rp_key key);
/* Feed a mouse event at screen row y, column x: button 1 click, or wheel
 * (dy = -1 up, +1 down). */
void ui_app_mouse(struct ui_app *app, int y, int x, int wheel);
bool ui_app_done(const struct ui_app *app);
/* The ncurses version in use ("6.4.20221231"). */
const char *ui_library_version(void);
/* Can this terminal show the full screen (TERM known to terminfo, with
 * cursor addressing)? When not, why (for the user) into why. Call before
 * the journal is opened. */
bool ui_terminal_usable(char *why, size_t size);
/* Translate a curses key from wget_wch into an rp_key (RPK_NONE to ignore;
 * the bracketed-paste markers RPK_PASTE_BEGIN/END once ui_input_setup ran). */
rp_key ui_translate_key(int ret, unsigned int wch);
/* Ready the current curses screen's input (initscr or newterm first),
 * which reads file descriptor `fd` (stdin for initscr): keypad on, and the
 * bracketed-paste markers ESC[200~ and ESC[201~ (or the terminal's PS/PE)
 * defined as keys. Writes nothing to the terminal. */
void ui_input_setup(int fd);
/* Read one input event from stdscr, waiting up to timeout_ms (-1: until
 * one comes) and handle it: a key (ui_app_key), a mouse event, or a whole
 * bracketed paste, read to its end marker and handed over at once
 * (ui_app_paste). False when nothing came (timeout, signal, end of input). */
bool ui_app_read(struct ui_app *app, int timeout_ms);
/* Pasted text (`len` bytes, any bytes): into the focused text input in one
 * piece (a one-line field joins its lines, the call's notes line saves
 * one note per line, a multi-line editor keeps them); where no text input
 * has the focus it is ignored with a message. Never run as keys. */
void ui_app_paste(struct ui_app *app, const char *text, size_t len);

#endif
