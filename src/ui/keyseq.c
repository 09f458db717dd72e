/* keyseq.c — see keyseq.h. The forms come from what xterm, VTE, rxvt,
 * tmux, screen and the Linux console send (ECMA-48 CSI grammar: parameter
 * bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte
 * 0x40–0x7E). */
#include "keyseq.h"

#include <stdbool.h>

#define ESC 0x1b

/* The key of a "CSI n ~" sequence (VT220 editing and function keys). */
static rp_key tilde_key(long n) {
  switch (n) {
  case 1: case 7: return RPK_HOME; /* VT220 Find / rxvt Home */
  case 4: case 8: return RPK_END;  /* VT220 Select / rxvt End */
  case 2: return RPK_INSERT;
  case 3: return RPK_DELETE;
  case 5: return RPK_PGUP;
  case 6: return RPK_PGDN;
  case 11: case 12: case 13: case 14: case 15: return RPK_F1 + (rp_key)(n - 11);
  case 17: case 18: case 19: case 20: case 21: return RPK_F6 + (rp_key)(n - 17);
  case 23: case 24: return RPK_F11 + (rp_key)(n - 23);
  case 200: return RPK_PASTE_BEGIN;
  case 201: return RPK_PASTE_END;
  default: return RPK_NONE;
  }
}

/* The key of a final byte shared by CSI and SS3 forms (arrows, Home, End,
 * F1–F4, Shift-Tab); `mod` is the xterm modifier parameter (1 = none,
 * 2 = Shift, 3 = Alt, 5 = Ctrl, …). */
static rp_key letter_key(unsigned char f, long mod) {
  bool shift = mod >= 2 && ((mod - 1) & 1);
  switch (f) {
  case 'A': return shift ? RPK_S_UP : RPK_UP;
  case 'B': return shift ? RPK_S_DOWN : RPK_DOWN;
  case 'C': return shift ? RPK_S_RIGHT : RPK_RIGHT;
  case 'D': return shift ? RPK_S_LEFT : RPK_LEFT;
  case 'H': return RPK_HOME;
  case 'F': return RPK_END;
  case 'P': case 'Q': case 'R': case 'S': return RPK_F1 + (rp_key)(f - 'P');
  case 'Z': return RPK_BACKTAB;
  default: return RPK_NONE;
  }
}

/* The keypad in application mode (ESC O p … ESC O y, ESC O M …). */
static rp_key keypad_key(unsigned char f) {
  if (f >= 'p' && f <= 'y') return '0' + (f - 'p');
  switch (f) {
  case 'M': return RPK_ENTER;
  case 'j': return '*';
  case 'k': return '+';
  case 'm': return '-';
  case 'n': return '.';
  case 'o': return '/';
  case 'X': return '=';
  default: return RPK_NONE;
  }
}

/* Parse "n;m" parameters (digits and semicolons only) from p[0..len):
 * false for anything else (private markers such as '<' '?' '>', or
 * sub-parameters), which no key rapport knows uses. */
static bool parse_params(const unsigned char *p, size_t len, long *first, long *mod) {
  long v[2] = {-1, -1};
  int k = 0;
  for (size_t i = 0; i < len; i++) {
    if (p[i] == ';') {
      if (++k > 1) return false;
    } else if (p[i] >= '0' && p[i] <= '9') {
      if (v[k] < 0) v[k] = 0;
      if (v[k] < 100000) v[k] = v[k] * 10 + (p[i] - '0');
    } else {
      return false;
    }
  }
  *first = v[0];
  *mod = v[1] < 0 ? 1 : v[1];
  return true;
}

static enum keyseq_result give(rp_key k, size_t len, rp_key *key, size_t *used) {
  *used = len;
  *key = k;
  return k == RPK_NONE ? KEYSEQ_UNKNOWN : KEYSEQ_KEY;
}

/* ESC [ …: read to the final byte. */
static enum keyseq_result csi(const unsigned char *s, size_t n, rp_key *key, size_t *used) {
  if (n < 3) return KEYSEQ_PARTIAL;
  if (s[2] == '[') { /* Linux console: ESC [ [ A … E are F1 … F5 */
    if (n < 4) return KEYSEQ_PARTIAL;
    return give(s[3] >= 'A' && s[3] <= 'E' ? RPK_F1 + (rp_key)(s[3] - 'A') : RPK_NONE, 4, key,
                used);
  }
  size_t i = 2;
  while (i < n && s[i] >= 0x30 && s[i] <= 0x3f) i++;
  size_t params_end = i;
  /* rxvt ends a modified "CSI n ~" with $ (Shift): a final byte there */
  bool rxvt_shift = i < n && s[i] == '$' && params_end > 2;
  while (!rxvt_shift && i < n && s[i] >= 0x20 && s[i] <= 0x2f) i++;
  if (i == n) return i >= KEYSEQ_MAX ? give(RPK_NONE, i, key, used) : KEYSEQ_PARTIAL;
  if (!rxvt_shift && (s[i] < 0x40 || s[i] > 0x7e)) /* cut short by a control byte: drop what came */
    return give(RPK_NONE, i, key, used);
  unsigned char f = s[i];
  size_t len = i + 1;
  if (f == 'M' && params_end == 2 && i == 2) { /* X10 mouse: three bytes follow */
    if (n < len + 3) return KEYSEQ_PARTIAL;
    return give(RPK_NONE, len + 3, key, used);
  }
  long first, mod;
  if (params_end != i || !parse_params(s + 2, params_end - 2, &first, &mod))
    return give(RPK_NONE, len, key, used);
  if (f == '~' || f == '^' || f == '@' || f == '$') /* rxvt: ^ Ctrl, @ Ctrl-Shift */
    return give(first < 0 ? RPK_NONE : tilde_key(first), len, key, used);
  /* "CSI 1;5H": the first parameter of a letter form is 1 or absent */
  if (first > 1) return give(RPK_NONE, len, key, used);
  return give(letter_key(f, mod), len, key, used);
}

/* ESC O x (SS3), some terminals with a modifier digit: ESC O 5 P. */
static enum keyseq_result ss3(const unsigned char *s, size_t n, rp_key *key, size_t *used) {
  size_t i = 2;
  while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';')) i++;
  if (i == n) return i >= KEYSEQ_MAX ? give(RPK_NONE, i, key, used) : KEYSEQ_PARTIAL;
  if (s[i] < 0x40 || s[i] > 0x7e) return give(RPK_NONE, i, key, used);
  long first, mod;
  if (!parse_params(s + 2, i - 2, &first, &mod)) return give(RPK_NONE, i + 1, key, used);
  if (i > 2 && mod == 1) mod = first; /* ESC O 2 A: the digit is the modifier */
  rp_key k = letter_key(s[i], mod);
  if (k == RPK_NONE || k == RPK_BACKTAB) k = keypad_key(s[i]);
  return give(k, i + 1, key, used);
}

enum keyseq_result keyseq_decode(const unsigned char *s, size_t n, rp_key *key, size_t *used) {
  *key = RPK_NONE;
  *used = 0;
  if (n == 0 || s[0] != ESC) return give(RPK_NONE, n ? 1 : 0, key, used);
  if (n == 1) return KEYSEQ_PARTIAL;
  if (s[1] == '[') return csi(s, n, key, used);
  if (s[1] == 'O') return n < 3 ? KEYSEQ_PARTIAL : ss3(s, n, key, used);
  if (s[1] == '\r' || s[1] == '\n') return give(RPK_M_ENTER, 2, key, used); /* Alt-Enter */
  return give(RPK_ESC, 1, key, used); /* Esc, then the next byte as a key */
}
