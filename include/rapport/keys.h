/* keys.h — keys as rapport sees them, independent of curses. A key is a
 * Unicode code point for printable characters, an ASCII control code for
 * Ctrl-letter combinations (Ctrl-A = 1 … Ctrl-Z = 26; Tab = 9, Enter = 13,
 * Esc = 27, Backspace = 127), or one of the RPK_ values below for special
 * keys. The UI translates curses key codes into these. */
#ifndef RAPPORT_KEYS_H
#define RAPPORT_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t rp_key;

#define RPK_NONE 0
#define RPK_CTRL(c) ((rp_key)((c) & 0x1f)) /* RPK_CTRL('a') == 1 */
#define RPK_TAB 9
#define RPK_ENTER 13
#define RPK_ESC 27
#define RPK_SPACE 32
#define RPK_BACKSPACE 127

enum {
  RPK_SPECIAL = 0x110000, /* above every Unicode code point */
  RPK_UP, RPK_DOWN, RPK_LEFT, RPK_RIGHT,
  RPK_S_UP, RPK_S_DOWN, RPK_S_LEFT, RPK_S_RIGHT,
  RPK_HOME, RPK_END, RPK_PGUP, RPK_PGDN,
  RPK_INSERT, RPK_DELETE, RPK_BACKTAB,
  RPK_F1, RPK_F2, RPK_F3, RPK_F4, RPK_F5, RPK_F6,
  RPK_F7, RPK_F8, RPK_F9, RPK_F10, RPK_F11, RPK_F12,
  RPK_M_ENTER, /* Alt-Enter: ESC then Enter (CR or LF) */
  RPK_RESIZE, /* terminal size changed (not bindable) */
  RPK_MOUSE,  /* a mouse event is waiting (not bindable) */
  /* Bracketed paste (not bindable): the terminal's markers around pasted
   * text, and the key that hands a whole paste to the focused text input
   * (the text itself waits in src/ui/paste.h). */
  RPK_PASTE_BEGIN, RPK_PASTE_END, RPK_PASTE,
  RPK_LAST
};

/* Parse a key name as written in the config: a single character ("a", "?",
 * "é"), "C-x" or "Ctrl-x", "Tab", "S-Tab", "Enter", "Esc", "Space",
 * "Backspace", "Delete", "Insert", "Up", "Down", "Left", "Right", "S-Up",
 * "S-Down", "S-Left", "S-Right", "Home", "End", "PgUp", "PgDn", "F1"…"F12",
 * "M-Enter" (Alt-Enter).
 * Names are case-insensitive except single characters. Returns false for an
 * unknown name. */
bool key_parse(const char *name, rp_key *out);
/* Write a readable name for k into buf ("a", "C-a", "Tab", "PgDn"…), the
 * same spelling key_parse accepts. Returns buf. (Not key_name: curses has one.) */
const char *key_to_name(rp_key k, char *buf, size_t size);
/* True when k types a character (a printable code point, space included),
 * false for control keys (C-x, Enter, Esc, Tab) and special keys (F1, Up). */
bool key_is_text(rp_key k);
/* The list of special key names accepted, for error messages. */
extern const char *const key_names_help;

#endif
