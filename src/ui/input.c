/* input.c — reading the terminal: keys one at a time (wget_wch), mouse
 * events, and bracketed pastes read whole.
 *
 * A terminal in bracketed-paste mode (ESC[?2004h, see ui_paste_mode) wraps
 * pasted text in ESC[200~ … ESC[201~. Both markers are defined as curses
 * keys (define_key), so they arrive like any function key; after the first
 * one, every byte up to the second is text: read raw (wgetch, so invalid
 * UTF-8 arrives as it is and is replaced later, never eating the bytes
 * after it), gathered, and handed over in one piece (ui_app_paste). No key
 * runs and nothing is drawn meanwhile, so a paste of any length costs one
 * insertion and one redraw.
 *
 * Curses decodes the key sequences its terminfo entry names. A sequence it
 * does not name reaches us as a bare ESC followed by its bytes: those are
 * read here and decoded by keyseq.c (the one decoder of escape sequences),
 * so Home is Home whatever TERM says and an unknown sequence is dropped
 * whole instead of typing "4~". */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "keyseq.h"
#include "rapport/util.h"
#include "ui_internal.h"

/* A paste longer than this is cut (with a message): no field needs more. */
#define PASTE_MAX ((size_t)4 << 20)
/* A terminal that lost the end marker: the paste ends after this long
 * without a byte, rather than swallowing every later key. */
#define PASTE_WAIT_MS 3000

static int code_begin, code_end; /* curses key codes of the two markers */
static int input_fd = -1;        /* what curses reads */

/* A terminfo string capability, or `fallback` when the terminal lacks it. */
static const char *cap(const char *name, const char *fallback) {
  const char *s = tigetstr(name);
  return s && s != (const char *)-1 && *s ? s : fallback;
}

/* The key code curses returns for `seq`: the one it has, or a free code
 * above KEY_MAX bound to it now (not `avoid`). 0 when none could be bound. */
static int bind_code(const char *seq, int avoid) {
  int code = key_defined(seq);
  if (code > 0) return code;
  for (code = KEY_MAX + 1; code < KEY_MAX + 4096; code++) {
    if (code == avoid) continue;
    char *bound = keybound(code, 0);
    if (bound) {
      free(bound);
      continue;
    }
    return define_key(seq, code) == OK ? code : 0;
  }
  return 0;
}

void ui_input_setup(int fd) {
  input_fd = fd;
  keypad(stdscr, TRUE);
  code_begin = bind_code(cap("PS", "\033[200~"), 0);
  code_end = bind_code(cap("PE", "\033[201~"), code_begin);
}

void ui_paste_mode(bool on) {
  putp(on ? cap("BE", "\033[?2004h") : cap("BD", "\033[?2004l"));
  fflush(stdout);
}

/* Wait for the next byte of a started escape sequence: the bytes of one
 * sequence arrive together; over a slow link a little later. */
#define SEQ_WAIT_MS 30

/* The key of an extended terminfo key curses returned (a code above
 * KEY_MAX named like "kHOM5", "kRIT3", "kUP", "kDN6": a key with a
 * modifier): the key without the modifier, Shift kept on the arrows.
 * RPK_NONE for any other. */
static rp_key extended_key(int code) {
  const char *name = keyname(code);
  if (!name || name[0] != 'k') return RPK_NONE;
  static const struct {
    const char *base;
    rp_key key, shifted;
  } names[] = {
      {"UP", RPK_UP, RPK_S_UP},         {"DN", RPK_DOWN, RPK_S_DOWN},
      {"LFT", RPK_LEFT, RPK_S_LEFT},    {"RIT", RPK_RIGHT, RPK_S_RIGHT},
      {"HOM", RPK_HOME, RPK_HOME},      {"END", RPK_END, RPK_END},
      {"IC", RPK_INSERT, RPK_INSERT},   {"DC", RPK_DELETE, RPK_DELETE},
      {"PRV", RPK_PGUP, RPK_PGUP},      {"NXT", RPK_PGDN, RPK_PGDN},
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    size_t n = strlen(names[i].base);
    if (strncmp(name + 1, names[i].base, n) != 0) continue;
    const char *mod = name + 1 + n;
    if (!*mod) return names[i].shifted; /* "kUP": Shift-Up */
    if (mod[0] < '2' || mod[0] > '8' || mod[1]) return RPK_NONE;
    return (mod[0] - '1') & 1 ? names[i].shifted : names[i].key;
  }
  return RPK_NONE;
}

rp_key ui_translate_key(int ret, unsigned int wch) {
  if (ret == OK) {
    if (wch == '\n' || wch == '\r') return RPK_ENTER;
    if (wch == 8) return RPK_BACKSPACE; /* ^H from some terminals */
    return (rp_key)wch;
  }
  if (ret != KEY_CODE_YES) return RPK_NONE;
  if (code_begin && wch == (unsigned)code_begin) return RPK_PASTE_BEGIN;
  if (code_end && wch == (unsigned)code_end) return RPK_PASTE_END;
  switch (wch) {
  case KEY_UP: return RPK_UP;
  case KEY_DOWN: return RPK_DOWN;
  case KEY_LEFT: return RPK_LEFT;
  case KEY_RIGHT: return RPK_RIGHT;
  case KEY_SR: return RPK_S_UP;
  case KEY_SF: return RPK_S_DOWN;
  case KEY_SLEFT: return RPK_S_LEFT;
  case KEY_SRIGHT: return RPK_S_RIGHT;
  case KEY_HOME: return RPK_HOME;
  case KEY_END: return RPK_END;
  case KEY_PPAGE: return RPK_PGUP;
  case KEY_NPAGE: return RPK_PGDN;
  case KEY_IC: return RPK_INSERT;
  case KEY_DC: return RPK_DELETE;
  case KEY_BTAB: return RPK_BACKTAB;
  case KEY_BACKSPACE: return RPK_BACKSPACE;
  case KEY_ENTER: return RPK_ENTER;
  case KEY_RESIZE: return RPK_RESIZE;
  case KEY_MOUSE: return RPK_MOUSE;
  default:
    /* F13… are F1… with modifiers in xterm's terminfo (F13 = Shift-F1,
     * F25 = Ctrl-F1 …): the key without them */
    if (wch >= (unsigned)KEY_F(1) && wch <= (unsigned)KEY_F(63))
      return RPK_F1 + (rp_key)((wch - (unsigned)KEY_F(1)) % 12);
    if (wch > (unsigned)KEY_MAX) return extended_key((int)wch);
    return RPK_NONE;
  }
}

static void handle_mouse(struct ui_app *app) {
  MEVENT ev;
  if (getmouse(&ev) != OK) return;
  if (ev.bstate & BUTTON4_PRESSED) ui_app_mouse(app, ev.y, ev.x, -1);
#ifdef BUTTON5_PRESSED
  else if (ev.bstate & BUTTON5_PRESSED) ui_app_mouse(app, ev.y, ev.x, 1);
#endif
  else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
    ui_app_mouse(app, ev.y, ev.x, 0);
}

/* Bytes waiting to be read on the input (0 when unknown). */
static int bytes_waiting(void) {
  int n = 0;
  return input_fd >= 0 && ioctl(input_fd, FIONREAD, &n) == 0 && n > 0 ? n : 0;
}

/* The rest of a paste whose start marker was read, up to its end marker,
 * into b: raw bytes; a key sequence inside (an escape sequence in the
 * pasted text) is dropped. The bytes already waiting are read without
 * asking whether they are there (one system call a byte, not two); after
 * them, the wait for more is at most PASTE_WAIT_MS. Stops there or at the
 * end marker; a read cut short by a signal, with bytes still waiting, goes
 * on. *resized: the terminal was resized meanwhile; *cut: the paste was
 * longer than PASTE_MAX. */
static void read_paste(struct rp_buf *b, bool *resized, bool *cut) {
  int errors = 0;
  for (;;) {
    int ready = bytes_waiting();
    wtimeout(stdscr, ready ? -1 : PASTE_WAIT_MS);
    /* each read takes at least one of the `ready` bytes, or an event
     * curses holds (a resize): none blocks */
    for (int i = 0; i < (ready ? ready : 1); i++) {
      int c = wgetch(stdscr);
      if (code_end && c == code_end) return;
      if (c == ERR) {
        if (bytes_waiting() && ++errors < 100) break; /* interrupted: the rest is there */
        return;
      }
      if (c == KEY_RESIZE) {
        *resized = true;
      } else if (c >= 0 && c <= 0xFF) {
        if (b->len < PASTE_MAX) buf_addc(b, (char)c);
        else *cut = true;
      }
    }
  }
}

/* The key of an escape sequence whose ESC was just read: its bytes are
 * read (each waited for at most SEQ_WAIT_MS) and decoded by keyseq.c. The
 * Esc key when nothing follows; RPK_NONE for a sequence dropped (unknown,
 * or cut short). Bytes read past the sequence go back to curses, to be
 * read as keys of their own. */
static rp_key read_escape(void) {
  unsigned char seq[KEYSEQ_MAX];
  size_t n = 1, used = 1;
  seq[0] = 0x1b;
  rp_key key = RPK_NONE;
  for (;;) {
    enum keyseq_result r = keyseq_decode(seq, n, &key, &used);
    if (r != KEYSEQ_PARTIAL) break;
    /* what curses already holds comes at once; a lone ESC was already
     * waited for (ESCDELAY), so it does not wait again */
    wtimeout(stdscr, n == 1 ? 0 : SEQ_WAIT_MS);
    int c = n < sizeof seq ? wgetch(stdscr) : ERR;
    if (c != ERR && (c < 0 || c > 0xff)) { /* a key curses decoded: its own */
      ungetch(c);
      c = ERR;
    }
    if (c == ERR) { /* nothing more: Esc alone, or a sequence cut short */
      key = n == 1 ? RPK_ESC : RPK_NONE;
      used = n;
      break;
    }
    seq[n++] = (unsigned char)c;
  }
  for (size_t i = n; i-- > used;) ungetch(seq[i]);
  return key;
}

bool ui_app_read(struct ui_app *app, int timeout_ms) {
  wtimeout(stdscr, timeout_ms);
  wint_t wch;
  int ret = wget_wch(stdscr, &wch);
  if (ret == ERR) return false;
  rp_key key = ret == OK && wch == 0x1b ? read_escape() : ui_translate_key(ret, (unsigned)wch);
  if (key == RPK_MOUSE) {
    handle_mouse(app);
  } else if (key == RPK_PASTE_BEGIN) {
    struct rp_buf b = {0};
    bool resized = false, cut = false;
    read_paste(&b, &resized, &cut);
    ui_app_paste(app, buf_str(&b), b.len);
    if (cut)
      app_message(app, ROLE_WARNING, "The paste was cut at %zu MiB", PASTE_MAX >> 20);
    buf_free(&b);
    if (resized) ui_app_key(app, RPK_RESIZE);
  } else if (key != RPK_PASTE_END) { /* a stray end marker is nothing */
    ui_app_key(app, key);
  }
  return true;
}
