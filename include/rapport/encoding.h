/* encoding.h — text in other character sets into UTF-8, through glibc's
 * iconv: files re-saved by Excel (Windows-1252), a Mac (macintosh), Outlook
 * (UTF-16), vCard 2.1 values with CHARSET=…. No curses, no SQL. */
#ifndef RAPPORT_ENCODING_H
#define RAPPORT_ENCODING_H

#include <stddef.h>

#include "rapport/util.h"

/* True when iconv knows `charset` (any name it accepts: "windows-1252",
 * "CP1252", "latin1", "macintosh", "UTF-16", …). */
bool encoding_known(const char *charset);

/* True for the names of UTF-8 and of its ASCII subset ("utf-8", "UTF8",
 * "us-ascii", "ascii", "ANSI_X3.4-1968"), any case: text that needs no
 * conversion. */
bool encoding_is_utf8(const char *charset);

/* Convert len bytes of `text` from `charset` to UTF-8: a new NUL-terminated
 * string in *out (caller frees), its length in *out_len (may be NULL). A
 * leading byte-order mark is dropped. Bytes that are not text in `charset`
 * become U+FFFD and are counted in *bad (may be NULL; with bad == NULL any
 * such byte fails with RP_INVALID instead). RP_INVALID (err "unknown
 * encoding 'X'") when iconv does not know the charset; *out is NULL on
 * failure. */
enum rp_status encoding_to_utf8(const char *charset, const char *text, size_t len, char **out,
                                size_t *out_len, size_t *bad, struct rp_err *err);

/* The charset a byte-order mark at the start of text names ("UTF-8",
 * "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"), or NULL. */
const char *encoding_from_bom(const char *text, size_t len);

#endif
