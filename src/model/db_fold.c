/* db_fold.c — folding text for matching (rp_fold in SQL, db_fold_text in
 * C): the same fold for the search index, the Contacts filter and the
 * words of a search. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/db_schema.h"
#include "model/db_sql.h"
#include "rapport/utf8.h"

/* Folds case for matching: ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic capitals to small letters. Locale-independent on purpose, so
 * search behaves the same in every terminal. */
static uint32_t fold_cp(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149) {
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c & 1) : !(c & 1)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

/* s with fold_cp applied to each character, as a new string the caller
 * frees; invalid bytes are kept as they are. */
static char *db_fold(const char *s) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  if (!s) return buf_steal(&b);
  size_t len = strlen(s), i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    uint32_t f = fold_cp(cp);
    if (f == cp) {
      buf_add(&b, s + i, n); /* keep the bytes (even invalid ones) as they are */
    } else {
      char enc[4];
      buf_add(&b, enc, utf8_encode(f, enc));
    }
    i += n;
  }
  return buf_steal(&b);
}

/* See db.h. */
char *db_fold_text(const char *s) { return db_fold(s); }

/* See db_schema.h: the SQL function rp_fold(text); NULL stays NULL. */
void db_sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *t = sqlite3_value_text(argv[0]);
  if (!t) {
    sqlite3_result_null(ctx);
    return;
  }
  char *f = db_fold((const char *)t);
  sqlite3_result_text(ctx, f, -1, free);
}

