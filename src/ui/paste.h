/* paste.h — pasted text on its way to the text input that has the focus.
 *
 * The app reads a whole bracketed paste (ESC[200~ … ESC[201~) before doing
 * anything with it, offers it here (paste_offer) and sends the screen the
 * key RPK_PASTE. The line or text editor that receives that key takes the
 * text (paste_take) and inserts it in one piece; a screen with no text
 * input lets the key go by, and the app says the paste was ignored. So a
 * paste is text where it lands and never a command.
 *
 * The cleaners turn pasted bytes into what a one-line field or a
 * multi-line editor holds. No curses here. */
#ifndef RAPPORT_UI_PASTE_H
#define RAPPORT_UI_PASTE_H

#include <stdbool.h>
#include <stddef.h>

/* Offer `len` bytes of text (valid UTF-8, borrowed until paste_withdraw).
 * The UI is single-threaded: one paste is on offer at a time. */
void paste_offer(const char *text, size_t len);
/* The text on offer, *len its length, and mark it taken; NULL when nothing
 * is on offer or it was already taken. */
const char *paste_take(size_t *len);
/* True when the text on offer was taken. */
bool paste_taken(void);
/* End the offer (taken or not). */
void paste_withdraw(void);

/* `n` bytes of pasted text as one line: each run of line breaks (CR LF,
 * LF, CR) becomes one space, and is dropped at the end; a tab becomes a
 * space; other control characters (C0, DEL, C1) are dropped; invalid UTF-8
 * becomes U+FFFD. Returns a new string (caller frees), *out_len its length. */
char *paste_one_line(const char *s, size_t n, size_t *out_len);
/* `n` bytes of pasted text as lines: CR LF and CR become LF, a tab a space,
 * other control characters are dropped, invalid UTF-8 becomes U+FFFD.
 * Returns a new string (caller frees), *out_len its length. */
char *paste_lines(const char *s, size_t n, size_t *out_len);
/* The length of the line at the start of s[0..n) and, in *next, where the
 * text after its line break starts (CR LF, LF or CR); false when there is
 * no line break (the whole rest is the line, *next = n). */
bool paste_next_line(const char *s, size_t n, size_t *line_len, size_t *next);

#endif
