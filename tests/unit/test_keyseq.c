/* test_keyseq.c — escape sequences from terminals of every kind decode to
 * the same keys, whatever TERM says (issue 20, point 1); an unknown
 * sequence is swallowed whole, never split into keys that type. */
#include "check.h"
#include "ui/keyseq.h"

/* Decode the C string s (all of it): the result, *key and *used. */
static enum keyseq_result dec(const char *s, rp_key *key, size_t *used) {
  return keyseq_decode((const unsigned char *)s, strlen(s), key, used);
}

/* s decodes to key k using all of its bytes. */
#define CHECK_KEY(s, k)                                                                  \
  do {                                                                                   \
    rp_key key_;                                                                         \
    size_t used_;                                                                        \
    CHECK_INT(dec(s, &key_, &used_), KEYSEQ_KEY);                                        \
    CHECK_INT(key_, k);                                                                  \
    CHECK_INT(used_, strlen(s));                                                         \
  } while (0)

/* s is a whole unknown sequence: dropped, all of it. */
#define CHECK_UNKNOWN(s)                                                                 \
  do {                                                                                   \
    rp_key key_;                                                                         \
    size_t used_;                                                                        \
    CHECK_INT(dec(s, &key_, &used_), KEYSEQ_UNKNOWN);                                    \
    CHECK_INT(used_, strlen(s));                                                         \
  } while (0)

#define CHECK_PARTIAL(s)                                                                 \
  do {                                                                                   \
    rp_key key_;                                                                         \
    size_t used_;                                                                        \
    CHECK_INT(dec(s, &key_, &used_), KEYSEQ_PARTIAL);                                    \
  } while (0)

static void test_home_end(void) {
  /* every form of Home and End: VT220 (tmux, screen, linux), rxvt, xterm
   * normal and application cursor mode */
  CHECK_KEY("\033[1~", RPK_HOME);
  CHECK_KEY("\033[7~", RPK_HOME);
  CHECK_KEY("\033[H", RPK_HOME);
  CHECK_KEY("\033OH", RPK_HOME);
  CHECK_KEY("\033[4~", RPK_END);
  CHECK_KEY("\033[8~", RPK_END);
  CHECK_KEY("\033[F", RPK_END);
  CHECK_KEY("\033OF", RPK_END);
  /* with modifiers: Ctrl, Shift, Alt, Ctrl-Shift */
  CHECK_KEY("\033[1;5H", RPK_HOME);
  CHECK_KEY("\033[1;2F", RPK_END);
  CHECK_KEY("\033[1;3~", RPK_HOME);
  CHECK_KEY("\033[4;6~", RPK_END);
  /* rxvt: Ctrl ^, Shift $, Ctrl-Shift @ in place of the ~ */
  CHECK_KEY("\033[7^", RPK_HOME);
  CHECK_KEY("\033[8$", RPK_END);
  CHECK_KEY("\033[3@", RPK_DELETE);
}

static void test_editing_keys(void) {
  CHECK_KEY("\033[2~", RPK_INSERT);
  CHECK_KEY("\033[3~", RPK_DELETE);
  CHECK_KEY("\033[3;5~", RPK_DELETE);
  CHECK_KEY("\033[5~", RPK_PGUP);
  CHECK_KEY("\033[6~", RPK_PGDN);
  CHECK_KEY("\033[5;2~", RPK_PGUP);
  CHECK_KEY("\033[Z", RPK_BACKTAB);
}

static void test_arrows(void) {
  CHECK_KEY("\033[A", RPK_UP);
  CHECK_KEY("\033[B", RPK_DOWN);
  CHECK_KEY("\033OC", RPK_RIGHT);
  CHECK_KEY("\033OD", RPK_LEFT);
  CHECK_KEY("\033[1;2A", RPK_S_UP);   /* Shift */
  CHECK_KEY("\033[1;6B", RPK_S_DOWN); /* Ctrl-Shift */
  CHECK_KEY("\033[1;5C", RPK_RIGHT);  /* Ctrl: the arrow */
  CHECK_KEY("\033[1;3D", RPK_LEFT);   /* Alt */
  CHECK_KEY("\033O2A", RPK_S_UP);     /* old SS3 form with the modifier digit */
}

static void test_function_keys(void) {
  CHECK_KEY("\033OP", RPK_F1);
  CHECK_KEY("\033OQ", RPK_F2);
  CHECK_KEY("\033OR", RPK_F3);
  CHECK_KEY("\033OS", RPK_F4);
  CHECK_KEY("\033[1;5P", RPK_F1);
  CHECK_KEY("\033[11~", RPK_F1);
  CHECK_KEY("\033[12~", RPK_F2);
  CHECK_KEY("\033[15~", RPK_F5);
  CHECK_KEY("\033[17~", RPK_F6);
  CHECK_KEY("\033[21~", RPK_F10);
  CHECK_KEY("\033[23~", RPK_F11);
  CHECK_KEY("\033[24~", RPK_F12);
  CHECK_KEY("\033[24;2~", RPK_F12);
  /* the Linux console */
  CHECK_KEY("\033[[A", RPK_F1);
  CHECK_KEY("\033[[E", RPK_F5);
  /* no F16 in rapport: swallowed */
  CHECK_UNKNOWN("\033[29~");
}

static void test_keypad_and_paste(void) {
  CHECK_KEY("\033OM", RPK_ENTER);
  CHECK_KEY("\033Op", '0');
  CHECK_KEY("\033Oy", '9');
  CHECK_KEY("\033[200~", RPK_PASTE_BEGIN);
  CHECK_KEY("\033[201~", RPK_PASTE_END);
}

static void test_unknown_swallowed_whole(void) {
  CHECK_UNKNOWN("\033[99~");
  CHECK_UNKNOWN("\033[9;9;9~");       /* too many parameters */
  CHECK_UNKNOWN("\033[?1;2c");        /* a device-attributes reply */
  CHECK_UNKNOWN("\033[<0;10;5M");     /* SGR mouse that curses did not take */
  CHECK_UNKNOWN("\033[I");            /* focus in */
  CHECK_UNKNOWN("\033[2;3R");         /* a cursor-position report */
  CHECK_UNKNOWN("\033[M !!");         /* X10 mouse: ESC [ M and three bytes */
  CHECK_UNKNOWN("\033[[Z");
  CHECK_UNKNOWN("\033Oz");
  /* only the sequence goes: the bytes after it are keys of their own */
  rp_key key;
  size_t used;
  CHECK_INT(dec("\033[99~abc", &key, &used), KEYSEQ_UNKNOWN);
  CHECK_INT(used, 5);
  CHECK_INT(dec("\033[4~x", &key, &used), KEYSEQ_KEY);
  CHECK_INT(key, RPK_END);
  CHECK_INT(used, 4);
  /* a control byte inside cuts the sequence: what came before is dropped,
   * the control byte is a key */
  CHECK_INT(dec("\033[12\r", &key, &used), KEYSEQ_UNKNOWN);
  CHECK_INT(used, 4);
  /* an endless parameter string is given up at KEYSEQ_MAX */
  char longseq[KEYSEQ_MAX + 1];
  longseq[0] = '\033';
  longseq[1] = '[';
  memset(longseq + 2, '1', KEYSEQ_MAX - 2);
  longseq[KEYSEQ_MAX] = '\0';
  CHECK_INT(dec(longseq, &key, &used), KEYSEQ_UNKNOWN);
  CHECK_INT(used, KEYSEQ_MAX);
}

static void test_partial(void) {
  CHECK_PARTIAL("\033");
  CHECK_PARTIAL("\033[");
  CHECK_PARTIAL("\033[1");
  CHECK_PARTIAL("\033[1;5");
  CHECK_PARTIAL("\033O");
  CHECK_PARTIAL("\033[[");
  CHECK_PARTIAL("\033[M !");
}

static void test_esc_alone(void) {
  /* Esc then a letter (Alt-x, or Esc typed before x): Esc, then x */
  rp_key key;
  size_t used;
  CHECK_INT(dec("\033x", &key, &used), KEYSEQ_KEY);
  CHECK_INT(key, RPK_ESC);
  CHECK_INT(used, 1);
  CHECK_INT(dec("\033\033[A", &key, &used), KEYSEQ_KEY);
  CHECK_INT(key, RPK_ESC);
  CHECK_INT(used, 1);
}

static void test_alt_enter(void) {
  /* Alt-Enter: ESC then CR (or LF, when the terminal maps it) is one key */
  rp_key key;
  size_t used;
  CHECK_INT(dec("\033\r", &key, &used), KEYSEQ_KEY);
  CHECK_INT(key, RPK_M_ENTER);
  CHECK_INT(used, 2);
  CHECK_INT(dec("\033\nx", &key, &used), KEYSEQ_KEY);
  CHECK_INT(key, RPK_M_ENTER);
  CHECK_INT(used, 2);
  char name[32];
  CHECK_STR(key_to_name(RPK_M_ENTER, name, sizeof name), "M-Enter");
  rp_key parsed = RPK_NONE;
  CHECK(key_parse("Alt-Enter", &parsed));
  CHECK_INT(parsed, RPK_M_ENTER);
}

int main(void) {
  test_home_end();
  test_editing_keys();
  test_arrows();
  test_function_keys();
  test_keypad_and_paste();
  test_unknown_swallowed_whole();
  test_partial();
  test_esc_alone();
  test_alt_enter();
  return check_done("test_keyseq");
}
