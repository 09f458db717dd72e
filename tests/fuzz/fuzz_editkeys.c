/* fuzz_editkeys.c — libFuzzer target: the line editor's and the text
 * editor's key handling. The input is read as a key sequence: a byte below
 * 0x20 or 0x7F is that control key; 0xF8…0xFF followed by one byte picks a
 * special key (arrows, Home, PgDn, Delete, …) or an out-of-range code; any
 * other byte starts a UTF-8 sequence (invalid ones become U+FFFD or the raw
 * lead byte as a code point). Every key goes to both editors; the texts must
 * stay valid UTF-8 with the cursor on a character boundary. */
#include <stdio.h>

#include "fuzz_common.h"
#include "rapport/utf8.h"
#include "ui/widgets.h"

static void check(const char *s, size_t len, size_t cursor) {
  if (strlen(s) != len || cursor > len || !utf8_valid(s, len) ||
      (cursor < len && ((unsigned char)s[cursor] & 0xC0) == 0x80)) {
    fprintf(stderr, "editor invariant broken: len %zu cursor %zu\n", len, cursor);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct line_edit le = {0};
  struct text_edit te = {0};
  te.goal = -1;
  line_edit_set(&le, "");
  text_edit_set(&te, "");
  size_t i = 0;
  int width = size ? 2 + data[0] % 60 : 20;
  te.width = width;
  te.height = size > 1 ? 1 + data[1] % 10 : 5;
  while (i < size) {
    rp_key key;
    uint8_t b = data[i];
    if (b >= 0xF8) {
      uint8_t n = i + 1 < size ? data[i + 1] : 0;
      i += 2;
      if (b == 0xFF) key = (rp_key)(RPK_SPECIAL + 1 + n % (RPK_LAST - RPK_SPECIAL));
      else if (b == 0xFE) key = (rp_key)(-(int32_t)n - 1);
      else if (b == 0xFD) key = (rp_key)(0xD800 + n); /* surrogates */
      else key = (rp_key)(0x80 + n % 0x20);           /* C1 controls */
    } else {
      uint32_t cp;
      size_t n = utf8_decode((const char *)data + i, size - i, &cp);
      if (n == 0) n = 1;
      key = (rp_key)cp;
      i += n;
    }
    line_edit_key(&le, key);
    text_edit_key(&te, key);
    check(line_edit_text(&le), line_edit_len(&le), le.cursor);
    check(text_edit_text(&te), text_edit_len(&te), te.cursor);
  }
  struct text_vline *v = NULL;
  text_wrap(text_edit_text(&te), text_edit_len(&te), width, &v);
  free(v);
  line_edit_free(&le);
  text_edit_free(&te);
  return 0;
}
