/* json.c — see rapport/json.h. */
#include "rapport/json.h"

#include <string.h>

#include "rapport/utf8.h"

void json_str(struct rp_buf *b, const char *s) {
  if (!s) {
    buf_adds(b, "null");
    return;
  }
  buf_addc(b, '"');
  size_t len = strlen(s), i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    switch (cp) {
    case '"': buf_adds(b, "\\\""); break;
    case '\\': buf_adds(b, "\\\\"); break;
    case '\n': buf_adds(b, "\\n"); break;
    case '\r': buf_adds(b, "\\r"); break;
    case '\t': buf_adds(b, "\\t"); break;
    default:
      if (cp < 0x20 || cp == 0x7F) {
        buf_addf(b, "\\u%04x", (unsigned)cp);
      } else {
        char enc[4];
        buf_add(b, enc, utf8_encode(cp, enc));
      }
    }
    i += n;
  }
  buf_addc(b, '"');
}
