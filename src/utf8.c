/* utf8.c — see rapport/utf8.h. */
#include "rapport/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "rapport/util.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t n;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (len < n) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return n;
}

size_t utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp > 0x10FFFF) return utf8_encode(0xFFFD, out);
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

static bool is_control(uint32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

/* Width of the visible escape utf8_sanitize writes for a control char. */
static int control_width(uint32_t cp) { return cp == '\n' ? 1 : 2; }

int utf8_cp_width(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return 1; /* printable ASCII: no wcwidth call */
  if (is_control(cp)) return control_width(cp);
  int w = wcwidth((wchar_t)cp);
  if (w < 0) return 1;
  return w;
}

int utf8_width_n(const char *s, size_t len) {
  int w = 0;
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    i += utf8_decode(s + i, len - i, &cp);
    w += utf8_cp_width(cp);
  }
  return w;
}

int utf8_width(const char *s) { return s ? utf8_width_n(s, strlen(s)) : 0; }

size_t utf8_prev(const char *s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  size_t back = 0;
  while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80 && back < 3) {
    p--;
    back++;
  }
  /* verify that the sequence at p really spans to pos */
  uint32_t cp;
  if (p + utf8_decode(s + p, pos - p, &cp) != pos) return pos - 1;
  return p;
}

size_t utf8_next(const char *s, size_t len, size_t pos) {
  if (pos >= len) return len;
  uint32_t cp;
  return pos + utf8_decode(s + pos, len - pos, &cp);
}

size_t utf8_fit(const char *s, int width, int *used) {
  size_t len = strlen(s), i = 0;
  int w = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    int cw = utf8_cp_width(cp);
    if (w + cw > width) break;
    w += cw;
    i += n;
  }
  /* keep combining marks that follow the last character */
  if (used) *used = w;
  return i;
}

char *utf8_pad(const char *s, int width) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  if (!s) s = "";
  if (width <= 0) return buf_steal(&b);
  char *clean = utf8_sanitize(s);
  int total = utf8_width(clean);
  if (total <= width) {
    buf_adds(&b, clean);
    for (int i = total; i < width; i++) buf_addc(&b, ' ');
  } else {
    int used;
    size_t n = utf8_fit(clean, width - 1, &used);
    buf_add(&b, clean, n);
    buf_adds(&b, "\xE2\x80\xA6"); /* … */
    for (int i = used + 1; i < width; i++) buf_addc(&b, ' ');
  }
  free(clean);
  return buf_steal(&b);
}

char *utf8_sanitize(const char *s) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  if (!s) return buf_steal(&b);
  size_t len = strlen(s), i = 0;
  /* printable ASCII goes as it is, in one copy (most of what is drawn) */
  while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) i++;
  buf_add(&b, s, i);
  while (i < len) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80) {
      buf_adds(&b, "\xEF\xBF\xBD");
    } else if (cp == '\n') {
      buf_adds(&b, "\xE2\x86\xB5"); /* ↵ */
    } else if (cp < 0x20) {
      buf_addc(&b, '^');
      buf_addc(&b, (char)(cp + '@'));
    } else if (cp == 0x7F) {
      buf_adds(&b, "^?");
    } else if (cp >= 0x80 && cp < 0xA0) {
      buf_adds(&b, "^?");
    } else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      /* bidi overrides and isolates would reorder what follows */
      buf_addf(&b, "<U+%04X>", (unsigned)cp);
    } else if (cp == 0x200D) {
      /* an emoji ZWJ sequence (👨‍👩‍👧): terminals draw the joined cluster
       * in the width of its first emoji, curses would count each; drawn as
       * that first emoji, so screen and curses agree */
      i += n;
      if (i < len) i += utf8_decode(s + i, len - i, &cp);
      continue;
    } else if (cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      /* presentation selectors and skin tones change the drawn width in
       * some terminals and not in others: left out of what is drawn */
    } else {
      buf_add(&b, s + i, n);
    }
    i += n;
  }
  return buf_steal(&b);
}

bool utf8_valid(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    if (cp == 0xFFFD && !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) return false;
    i += n;
  }
  return true;
}

/* The escape of one code point a terminal must not receive raw, into b;
 * false when cp is fine as it is. */
static bool tty_escape(struct rp_buf *b, uint32_t cp, bool crlf) {
  if (cp == '\n' || cp == '\t' || (cp == '\r' && crlf)) return false;
  if (cp < 0x20) {
    buf_addc(b, '^');
    buf_addc(b, (char)(cp + 0x40));
    return true;
  }
  if (cp == 0x7F) {
    buf_adds(b, "^?");
    return true;
  }
  /* C1 controls (U+0080-U+009F: 8-bit CSI, OSC…) and the bidirectional
   * overrides and isolates, which reorder what follows on the screen */
  if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2066 && cp <= 0x2069)) {
    buf_addf(b, "<U+%04X>", (unsigned)cp);
    return true;
  }
  return false;
}

/* See utf8.h. */
void tty_filter_feed(struct rp_tty_filter *f, const char *data, size_t len, bool final,
                     struct rp_buf *out) {
  struct rp_buf in = {0};
  const char *s = data;
  if (f->ncarry) { /* a character cut by the previous piece */
    buf_add(&in, f->carry, f->ncarry);
    buf_add(&in, data, len);
    s = in.s;
    len = in.len;
    f->ncarry = 0;
  }
  buf_adds(out, "");
  size_t i = 0, plain = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x7F) { /* the common case: printable ASCII */
      i++;
      continue;
    }
    /* how long the sequence should be; a cut one waits for the next piece */
    size_t want = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (!final && want > 1 && i + want > len) {
      bool prefix = true;
      for (size_t k = i + 1; k < len; k++) prefix &= ((unsigned char)s[k] & 0xC0) == 0x80;
      if (prefix) {
        buf_add(out, s + plain, i - plain);
        memcpy(f->carry, s + i, len - i);
        f->ncarry = len - i;
        plain = i = len;
        break;
      }
    }
    if (!final && c == '\r' && i + 1 == len) { /* CR LF cut in two */
      buf_add(out, s + plain, i - plain);
      f->carry[0] = '\r';
      f->ncarry = 1;
      plain = i = len;
      break;
    }
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    bool invalid = cp == 0xFFFD && !(n == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3));
    bool crlf = i + 1 < len && s[i + 1] == '\n';
    struct rp_buf esc = {0};
    if (invalid) {
      buf_add(out, s + plain, i - plain);
      for (size_t k = 0; k < n; k++) buf_addf(out, "\\x%02X", (unsigned char)s[i + k]);
      plain = i + n;
    } else if (tty_escape(&esc, cp, crlf)) {
      buf_add(out, s + plain, i - plain);
      buf_add(out, esc.s, esc.len);
      plain = i + n;
    }
    buf_free(&esc);
    i += n;
  }
  buf_add(out, s + plain, len - plain);
  buf_free(&in);
}

/* See utf8.h. */
char *text_for_terminal(const char *data, size_t len, size_t *out_len) {
  struct rp_tty_filter f = {0};
  struct rp_buf b = {0};
  tty_filter_feed(&f, data, len, true, &b);
  *out_len = b.len;
  return buf_steal(&b);
}
