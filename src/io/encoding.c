/* encoding.c — see rapport/encoding.h. */
#include "rapport/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* See encoding.h. */
bool encoding_is_utf8(const char *charset) {
  static const char *const names[] = {"utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968",
                                      "iso646-us", "us"};
  for (size_t i = 0; charset && i < RP_ARRAY_LEN(names); i++)
    if (str_ieq(charset, names[i])) return true;
  return false;
}

/* See encoding.h. */
bool encoding_known(const char *charset) {
  if (str_empty(charset)) return false;
  if (encoding_is_utf8(charset)) return true;
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == (iconv_t)-1) return false;
  iconv_close(cd);
  return true;
}

/* See encoding.h. */
const char *encoding_from_bom(const char *text, size_t len) {
  const unsigned char *u = (const unsigned char *)text;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return "UTF-8";
  if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) return "UTF-32LE";
  if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) return "UTF-32BE";
  if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) return "UTF-16LE";
  if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) return "UTF-16BE";
  return NULL;
}

/* Length of the byte-order mark of `charset` at the start of text, if any. */
static size_t bom_len(const char *charset, const char *text, size_t len) {
  const char *bom = encoding_from_bom(text, len);
  if (!bom) return 0;
  bool utf16 = str_ieq(charset, "utf-16") || str_ieq(charset, "utf16");
  bool utf32 = str_ieq(charset, "utf-32") || str_ieq(charset, "utf32");
  if (str_ieq(bom, "UTF-8") && encoding_is_utf8(charset)) return 3;
  if (!strncmp(bom, "UTF-16", 6) && (utf16 || str_ieq(bom, charset))) return 2;
  if (!strncmp(bom, "UTF-32", 6) && (utf32 || str_ieq(bom, charset))) return 4;
  return 0;
}

/* See encoding.h. */
enum rp_status encoding_to_utf8(const char *charset, const char *text, size_t len, char **out,
                                size_t *out_len, size_t *bad, struct rp_err *err) {
  *out = NULL;
  if (out_len) *out_len = 0;
  if (bad) *bad = 0;
  char clip[80];
  if (str_empty(charset))
    return rp_err_set(err, RP_INVALID, "no encoding named");
  size_t skip = bom_len(charset, text, len);
  /* UTF-16 or UTF-32 without an order: the byte-order mark says which; iconv
   * would take it as big-endian otherwise */
  const char *from = charset;
  if (skip && (str_ieq(charset, "utf-16") || str_ieq(charset, "utf16") ||
               str_ieq(charset, "utf-32") || str_ieq(charset, "utf32")))
    from = encoding_from_bom(text, len);
  if (encoding_is_utf8(charset)) from = "UTF-8";
  if (!encoding_known(from))
    return rp_err_set(err, RP_INVALID,
                      "unknown encoding '%s'; use a name iconv knows, such as utf-8, "
                      "windows-1252, latin1, macintosh or utf-16 (iconv -l lists them)",
                      str_clip(charset, clip, sizeof clip));
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) /* known a moment ago: out of memory */
    return rp_err_set(err, RP_INVALID, "cannot convert from %s", str_clip(charset, clip, sizeof clip));
  struct rp_buf b = {0};
  buf_adds(&b, "");
  char *in = (char *)(uintptr_t)(text + skip); /* iconv's prototype is not const */
  size_t left = len - skip;
  char chunk[4096];
  enum rp_status st = RP_OK;
  while (left > 0) {
    char *o = chunk;
    size_t room = sizeof chunk;
    size_t r = iconv(cd, &in, &left, &o, &room);
    buf_add(&b, chunk, (size_t)(o - chunk));
    if (r != (size_t)-1) continue;
    if (errno == E2BIG) continue;
    /* EILSEQ (not text in this charset) or EINVAL (cut short at the end):
     * one byte becomes U+FFFD */
    if (!bad) {
      st = rp_err_set(err, RP_INVALID, "byte %zu is not %s text", (size_t)(in - text) + 1,
                      str_clip(charset, clip, sizeof clip));
      break;
    }
    (*bad)++;
    buf_add(&b, "\xEF\xBF\xBD", 3);
    in++;
    left--;
  }
  if (st == RP_OK) {
    char *o = chunk;
    size_t room = sizeof chunk;
    iconv(cd, NULL, NULL, &o, &room); /* a stateful charset's closing bytes */
    buf_add(&b, chunk, (size_t)(o - chunk));
  }
  iconv_close(cd);
  if (st != RP_OK) {
    buf_free(&b);
    return st;
  }
  if (out_len) *out_len = b.len;
  *out = buf_steal(&b);
  return RP_OK;
}
