/* keyseq.h — escape sequences from the terminal, decoded whatever TERM says.
 *
 * Curses decodes the sequences its terminfo entry names; a terminal (or
 * tmux in front of it) often sends others for the same key: Home as
 * ESC[1~, ESC[7~, ESC[H or ESCOH, End as ESC[4~, ESC[8~, ESC[F or ESCOF,
 * F1 as ESCOP, ESC[11~ or ESC[[A, each maybe with a modifier (ESC[1;5H,
 * ESC[3;2~). Everything curses hands back as a bare ESC goes through here:
 * a sequence rapport knows becomes its key, one it does not know is
 * swallowed whole (never typed into a field, never split into keys).
 * Pure bytes in, a key out: no curses here, so it is unit-tested with byte
 * strings (tests/unit/test_keyseq.c). */
#ifndef RAPPORT_UI_KEYSEQ_H
#define RAPPORT_UI_KEYSEQ_H

#include <stddef.h>

#include "rapport/keys.h"

enum keyseq_result {
  KEYSEQ_KEY,     /* a key: *key, made of the first *used bytes */
  KEYSEQ_UNKNOWN, /* a whole sequence rapport does not know: drop *used bytes */
  KEYSEQ_PARTIAL, /* the start of a sequence: more bytes are needed */
};

/* Decode the escape sequence at the start of s[0..n) (s[0] is ESC, n >= 1).
 * ESC followed by CR or LF is Alt-Enter (RPK_M_ENTER, *used = 2).
 * ESC followed by another byte that starts no sequence is the Esc key alone
 * (*used = 1: the byte after it is read as a key of its own). A CSI
 * (ESC [ … final byte) or SS3 (ESC O x) sequence is read to its end: a
 * known one gives its key (modifiers dropped, except Shift on the arrows),
 * any other is KEYSEQ_UNKNOWN with its whole length. With fewer bytes than
 * the sequence needs, KEYSEQ_PARTIAL (the caller waits briefly for more;
 * when none come, ESC alone is the Esc key and a cut sequence is dropped). */
enum keyseq_result keyseq_decode(const unsigned char *s, size_t n, rp_key *key, size_t *used);

/* The longest sequence read before it is given up as unknown. */
#define KEYSEQ_MAX 64

#endif
