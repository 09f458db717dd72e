/* utf8.h — decoding and measuring UTF-8 for display. Width is wcwidth of the
 * decoded text, never strlen. Invalid bytes decode as U+FFFD; control
 * characters are measured as they are shown (escaped, see utf8_sanitize). */
#ifndef RAPPORT_UTF8_H
#define RAPPORT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one character at s (len bytes available, len >= 1). Stores the code
 * point in *cp (U+FFFD for an invalid sequence) and returns the bytes used
 * (1 for an invalid byte). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns bytes written. */
size_t utf8_encode(uint32_t cp, char *out);
/* Display width of one code point: 0, 1 or 2 (unprintable counts as 1). */
int utf8_cp_width(uint32_t cp);
/* Display width of a NUL-terminated string. */
int utf8_width(const char *s);
int utf8_width_n(const char *s, size_t len);
/* Byte offset of the start of the character before `pos`, or 0. */
size_t utf8_prev(const char *s, size_t pos);
/* Byte offset just after the character at `pos` (pos < len). */
size_t utf8_next(const char *s, size_t len, size_t pos);
/* Number of bytes from s that fit in `width` columns without splitting a
 * character; *used receives the columns used (may be NULL). */
size_t utf8_fit(const char *s, int width, int *used);
/* A new string of exactly `width` columns: s truncated on a character
 * boundary with "…" when too wide, padded with spaces when short. Caller
 * frees. */
char *utf8_pad(const char *s, int width);
/* A new string in which control characters (C0, DEL, C1) and invalid bytes
 * are replaced by visible escapes (\n → "↵", ESC → "^[", others "^X" or
 * U+FFFD), so nothing raw reaches the terminal; bidi overrides and isolates
 * become "<U+202E>"; an emoji ZWJ sequence is drawn as its first emoji, and
 * variation selectors and skin-tone modifiers are left out, so the width
 * curses counts is the width every terminal draws. Caller frees. */
char *utf8_sanitize(const char *s);
/* Text on its way to a terminal, a piece at a time: control characters
 * (C0 but newline and tab, a CR but before LF, DEL, C1) become "^[", "^M",
 * "<U+009B>"; bidirectional overrides and isolates "<U+202E>"; invalid
 * bytes "\xFF". Everything else, line breaks included, passes as it is; a
 * character cut between two pieces waits in the filter. Used for what the
 * CLI prints to a terminal (machine formats keep the raw bytes in files
 * and pipes). */
struct rp_tty_filter {
  char carry[4];
  size_t ncarry;
};
struct rp_buf;
/* Append the escaped form of data to out; `final`: no piece follows. */
void tty_filter_feed(struct rp_tty_filter *f, const char *data, size_t len, bool final,
                     struct rp_buf *out);
/* The escaped form of a whole text (new string, caller frees). */
char *text_for_terminal(const char *data, size_t len, size_t *out_len);
/* True when s is valid UTF-8. */
bool utf8_valid(const char *s, size_t len);

#endif
