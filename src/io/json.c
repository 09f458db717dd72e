/* json.c — see rapport/json.h. */
#include "rapport/json.h"

#include <string.h>

#include "rapport/utf8.h"

/* Bytes that go into a JSON string as they are: printable ASCII but the
 * quote and the backslash. Everything else (NUL included, which ends the
 * string) takes the slow path below. */
static const unsigned char plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x70 */
};

/* See json.h. Runs of plain bytes and valid UTF-8 sequences are copied in
 * one piece: this is the inner loop of `export json`, which escapes every
 * note of the journal. */
void json_str(struct rp_buf *b, const char *s) {
  if (!s) {
    buf_adds(b, "null");
    return;
  }
  size_t len = strlen(s);
  const char *end = s + len, *run = s, *p = s;
  buf_add(b, "\"", 1);
  for (;;) {
    while (plain[(unsigned char)*p]) p++;
    unsigned char c = (unsigned char)*p;
    if (c >= 0x80) { /* a valid sequence is copied as is, an invalid byte is U+FFFD */
      uint32_t cp;
      size_t n = utf8_decode(p, (size_t)(end - p), &cp);
      if (n > 1) {
        p += n;
        continue;
      }
    }
    if (p > run) buf_add(b, run, (size_t)(p - run));
    if (p == end) break;
    switch (c) {
    case '"': buf_add(b, "\\\"", 2); break;
    case '\\': buf_add(b, "\\\\", 2); break;
    case '\n': buf_add(b, "\\n", 2); break;
    case '\r': buf_add(b, "\\r", 2); break;
    case '\t': buf_add(b, "\\t", 2); break;
    default:
      if (c >= 0x80) { /* an invalid byte */
        buf_add(b, "\xEF\xBF\xBD", 3);
      } else { /* another control character, DEL included */
        static const char hex[] = "0123456789abcdef";
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        buf_add(b, u, 6);
      }
    }
    run = ++p;
  }
  buf_add(b, "\"", 1);
}

/* See json.h. */
void json_values(struct rp_buf *b, const struct rp_contact_values *vs) {
  buf_addc(b, '[');
  for (size_t i = 0; i < vs->n; i++) {
    buf_adds(b, i ? ", {\"value\": " : "{\"value\": ");
    json_str(b, vs->v[i].value);
    buf_adds(b, ", \"type\": ");
    json_str(b, vs->v[i].type);
    buf_adds(b, vs->v[i].preferred ? ", \"preferred\": true}" : ", \"preferred\": false}");
  }
  buf_addc(b, ']');
}
