/* paste.c — see paste.h. */
#include "paste.h"

#include <stdint.h>
#include <string.h>

#include "rapport/utf8.h"
#include "rapport/util.h"

static struct {
  const char *text;
  size_t len;
  bool offered, taken;
} offer;

void paste_offer(const char *text, size_t len) {
  offer.text = text;
  offer.len = len;
  offer.offered = true;
  offer.taken = false;
}

const char *paste_take(size_t *len) {
  if (!offer.offered || offer.taken) return NULL;
  offer.taken = true;
  *len = offer.len;
  return offer.text;
}

bool paste_taken(void) { return offer.offered && offer.taken; }

void paste_withdraw(void) { memset(&offer, 0, sizeof offer); }

static bool is_control(uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

/* Both cleaners: one pass, each character decoded once (linear). */
static char *clean(const char *s, size_t n, bool one_line, size_t *out_len) {
  struct rp_buf b = {0};
  buf_add(&b, "", 0);
  bool pending_break = false; /* one-line: a run of line breaks not yet written */
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t k = utf8_decode(s + i, n - i, &cp);
    if (cp == '\r' || cp == '\n') {
      if (cp == '\r' && i + 1 < n && s[i + 1] == '\n') k = 2;
      i += k;
      if (one_line) pending_break = true;
      else buf_addc(&b, '\n');
      continue;
    }
    i += k;
    if (cp == '\t') cp = ' ';
    else if (is_control(cp)) continue;
    if (pending_break) {
      buf_addc(&b, ' ');
      pending_break = false;
    }
    char enc[4];
    buf_add(&b, enc, utf8_encode(cp, enc));
  }
  *out_len = b.len;
  return buf_steal(&b);
}

char *paste_one_line(const char *s, size_t n, size_t *out_len) {
  return clean(s, n, true, out_len);
}

char *paste_lines(const char *s, size_t n, size_t *out_len) {
  return clean(s, n, false, out_len);
}

bool paste_next_line(const char *s, size_t n, size_t *line_len, size_t *next) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\r' && s[i] != '\n') continue;
    *line_len = i;
    *next = s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
    return true;
  }
  *line_len = n;
  *next = n;
  return false;
}
