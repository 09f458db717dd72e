/* test_json_write.c — the JSON writer's fast paths keep the bytes: json_str
 * against the plain one-character-at-a-time escaper it replaced (fixed
 * cases and random bytes), integers and reals as printf writes them, the
 * streamed export equal to the buffered one (in whole-row pieces, stopped
 * by a failing sink), and the atomic file written a piece at a time. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "rapport/export.h"
#include "rapport/json.h"
#include "rapport/utf8.h"

/* The escaper as it was before the fast path: decode every character,
 * escape or re-encode it. */
static void ref_str(struct rp_buf *b, const char *s) {
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

static void check_same(const char *s) {
  struct rp_buf got = {0}, want = {0};
  json_str(&got, s);
  ref_str(&want, s);
  CHECK_STR(buf_str(&got), buf_str(&want));
  buf_free(&got);
  buf_free(&want);
}

static void test_str(void) {
  struct rp_buf b = {0};
  json_str(&b, "a\"b\\c\nd\re\tf\x01g\x1F\x7F h\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x99\x82");
  CHECK_STR(buf_str(&b), "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\\u007f h\xC3\xA9 \xE2\x80\x94 "
                         "\xF0\x9F\x99\x82\"");
  buf_reset(&b);
  /* invalid bytes: a lone continuation, a cut sequence (twice, and at the
   * end), an overlong form, a surrogate, beyond U+10FFFF, 0xFF */
  json_str(&b, "\x80|\xE2\x82|\xE2\x82\x41|\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80|\xFF|\xE2\x82");
  CHECK_STR(buf_str(&b), "\"\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD"
                         "A|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
                         "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD|"
                         "\xEF\xBF\xBD\xEF\xBF\xBD\"");
  buf_reset(&b);
  json_str(&b, NULL);
  json_str(&b, "");
  CHECK_STR(buf_str(&b), "null\"\"");
  buf_free(&b);
  const char *fixed[] = {"", "plain", "\"", "\\", "\xC3", "\xC3\xA9", "\xEF\xBF\xBD", "\x7F",
                         "tail\xF0\x9F\x99", "\xF0\x9F\x99\x82\xF0", "a\x01"};
  for (size_t i = 0; i < RP_ARRAY_LEN(fixed); i++) check_same(fixed[i]);
  /* random strings drawn from bytes the escaper treats differently */
  static const unsigned char pool[] = {'a', ' ', '~', '"', '\\', '\n', '\r', '\t', 0x01,
                                       0x1F, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0,
                                       0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F};
  unsigned long long x = 88172645463325252ULL;
  char s[40];
  for (int n = 0; n < 20000; n++) {
    size_t len = 0, want = (size_t)(n % 39);
    while (len < want) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      s[len++] = (char)(x % 3 == 0 ? (unsigned char)(0x20 + x % 0x60) : pool[(x >> 8) % sizeof pool]);
    }
    s[len] = '\0';
    int before = check_failures;
    check_same(s);
    if (check_failures != before) break; /* one report is enough */
  }
}

/* `"ref": ` followed by v, as the export writes a ws_item's ref. */
static void check_ref(const char *doc, const char *v) {
  char *want = xasprintf("\"ref\": %s,", v);
  CHECK(strstr(doc, want) != NULL);
  if (!strstr(doc, want)) fprintf(stderr, "  missing %s\n", want);
  free(want);
}

struct pieces {
  struct rp_buf all;
  int n, bad_end; /* pieces, pieces that did not end after a row */
  int fail_at;    /* fail on this piece (1-based), 0 never */
};

static enum rp_status collect(void *ctx, const char *data, size_t len, struct rp_err *err) {
  struct pieces *p = ctx;
  if (++p->n == p->fail_at) return rp_err_set(err, RP_INVALID, "disk full");
  buf_add(&p->all, data, len);
  if (len < 1 || data[len - 1] != '}') p->bad_end++;
  return RP_OK;
}

static void test_stream(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "stream.db");
  /* numbers at the edges of what the export writes by hand */
  fx_exec(db, "INSERT INTO ws_item (id, section, title, ref, position, created_at, updated_at)"
              " VALUES (1, 'gap', 'a', -9223372036854775808, 1, 0, 0),"
              " (2, 'gap', 'b', 9223372036854775807, 2, -1, 10),"
              " (3, 'gap', 'c', 2.5, 3, 0, 0), (4, 'gap', 'd', 1e300, 4, 0, 0),"
              " (5, 'gap', 'e', 0, 5, 0, 0), (6, 'gap', 'f', -0.125, 6, 0, 0);");
  /* well over one piece: 1,500 contacts with 400-byte notes */
  fx_exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)"
              " INSERT INTO contact (name, warmth, stage, notes, created_at, updated_at)"
              " SELECT 'Person ' || i, 'warm', 'met', printf('%.400c', 'x') || char(10) || i,"
              " i, i FROM n;");
  struct rp_buf whole = {0};
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(export_json(db, &whole, &err), RP_OK);
  CHECK(whole.len > 2 * RP_EXPORT_CHUNK);
  char num[40];
  check_ref(buf_str(&whole), "-9223372036854775808");
  check_ref(buf_str(&whole), "9223372036854775807");
  check_ref(buf_str(&whole), "0");
  check_ref(buf_str(&whole), "2.5");
  check_ref(buf_str(&whole), "-0.125");
  snprintf(num, sizeof num, "%.17g", 1e300);
  check_ref(buf_str(&whole), num);
  CHECK(strstr(buf_str(&whole), "\"created_at\": -1,") != NULL);

  struct pieces p = {0};
  CHECK_INT(export_json_stream(db, collect, &p, &err), RP_OK);
  CHECK(p.n > 2);
  CHECK_INT(p.bad_end, 1); /* only the last piece: the document's end */
  CHECK(p.all.len == whole.len && memcmp(p.all.s, whole.s, whole.len) == 0);
  buf_free(&p.all);

  /* a failing sink stops the export with its status, and leaves no
   * transaction open */
  struct pieces f = {.fail_at = 2};
  CHECK_INT(export_json_stream(db, collect, &f, &err), RP_INVALID);
  CHECK_STR(err.msg, "disk full");
  CHECK_INT(f.n, 2);
  struct rp_buf again = {0};
  CHECK_INT(export_json(db, &again, &err), RP_OK);
  CHECK(again.len == whole.len && memcmp(again.s, whole.s, whole.len) == 0);
  buf_free(&f.all);
  buf_free(&again);
  buf_free(&whole);
  db_close(db);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  struct rp_buf b = {0};
  char chunk[256];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
  fclose(f);
  buf_add(&b, "", 0);
  return buf_steal(&b);
}

/* Files in the test folder whose name starts with `prefix`. */
static int count_files(const char *prefix) {
  char *cmd = xasprintf("ls -a '%s' | grep -c '^%s'", check_tmpdir(), prefix);
  FILE *p = popen(cmd, "r");
  int n = -1;
  if (p && fscanf(p, "%d", &n) != 1) n = -1;
  if (p) pclose(p);
  free(cmd);
  return n;
}

static void test_file(void) {
  struct rp_err err;
  rp_err_clear(&err);
  char *path = xasprintf("%s/out.json", check_tmpdir());
  struct rp_export_file f;
  mode_t old = umask(0);
  CHECK_INT(export_file_open(&f, path, &err), RP_OK);
  CHECK_INT(export_file_write(&f, "one ", 4, &err), RP_OK);
  CHECK_INT(access(path, F_OK), -1); /* not there until closed */
  CHECK_INT(export_file_write(&f, "two", 3, &err), RP_OK);
  CHECK_INT(export_file_close(&f, true, &err), RP_OK);
  umask(old);
  char *text = slurp(path);
  CHECK_STR(text, "one two");
  free(text);
  struct stat sb;
  CHECK_INT(stat(path, &sb), 0);
  CHECK_INT(sb.st_mode & 0777, 0600);
  /* abandoned: the old file stays, the temporary one goes */
  CHECK_INT(export_file_open(&f, path, &err), RP_OK);
  CHECK_INT(export_file_write(&f, "three", 5, &err), RP_OK);
  CHECK_INT(export_file_close(&f, false, &err), RP_OK);
  text = slurp(path);
  CHECK_STR(text, "one two");
  free(text);
  CHECK_INT(count_files("out\\.json"), 1);
  /* a folder is refused, naming it */
  CHECK_INT(export_file_open(&f, check_tmpdir(), &err), RP_INVALID);
  char *msg = xasprintf("%s: is a folder", check_tmpdir());
  CHECK_STR(err.msg, msg);
  free(msg);
  free(path);
}

int main(void) {
  fx_set_now(1796025600);
  test_str();
  test_stream();
  test_file();
  check_rmtree(check_tmpdir());
  return check_done("test_json_write");
}
