/* test_csv.c — the RFC 4180 reader: quoting, doubled quotes, line breaks
 * inside fields, CRLF, a byte-order mark, the line each record starts on,
 * and going on after a malformed record. */
#include "check.h"
#include "rapport/csv.h"

/* Read all records of text as "a|b|c" lines prefixed by "LINE:", errors as
 * "!" and the message. */
static char *read_all(const char *text) {
  struct rp_csv r;
  csv_init(&r, "t.csv", text, strlen(text));
  struct rp_strv f = {0};
  struct rp_buf out = {0};
  buf_adds(&out, "");
  struct rp_err err;
  int line;
  enum rp_status st;
  while ((st = csv_next(&r, &f, &line, &err)) != RP_NO) {
    if (st == RP_INVALID) {
      buf_addf(&out, "!%s\n", err.msg);
      continue;
    }
    char *j = strv_join(&f, "|");
    buf_addf(&out, "%d:%s\n", line, j);
    free(j);
  }
  strv_free(&f);
  return buf_steal(&out);
}

#define CHECK_CSV(text, expected)  \
  do {                             \
    char *got_ = read_all(text);   \
    CHECK_STR(got_, expected);     \
    free(got_);                    \
  } while (0)

int main(void) {
  CHECK_CSV("", "");
  CHECK_CSV("a,b,c", "1:a|b|c\n");
  CHECK_CSV("a,b,c\n", "1:a|b|c\n");
  CHECK_CSV("a,,c\n,\n", "1:a||c\n2:|\n");
  CHECK_CSV("\xEF\xBB\xBF" "a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
  CHECK_CSV("\"x, y\",\"say \"\"hi\"\"\",\"\"\n", "1:x, y|say \"hi\"|\n");
  /* a line break inside quotes (LF or CRLF, kept as LF); the next record
   * starts two lines later */
  CHECK_CSV("\"one\r\ntwo\",b\r\nnext,row\r\n", "1:one\ntwo|b\n3:next|row\n");
  CHECK_CSV("a\n\nb\n", "1:a\n2:\n3:b\n");
  /* a quote in the middle of an unquoted field is kept as it is */
  CHECK_CSV("5\" floppy,x\n", "1:5\" floppy|x\n");
  /* text after a closing quote: that record is reported, the next read */
  CHECK_CSV("a,b\n\"x\"y,z\nc,d\n",
            "1:a|b\n!t.csv:2: text after the closing quote of a field; a quote inside a "
            "quoted field is written twice (\"\")\n3:c|d\n");
  /* a quote never closed swallows the rest, reported where it starts */
  CHECK_CSV("a,b\n\"open,c\nd,e\n",
            "1:a|b\n!t.csv:2: a quoted field is never closed (a \" is missing before the end "
            "of the file)\n");
  /* another separator: a tab; commas are then text */
  {
    const char *text = "a\t\"b\tc\"\t,d\n\t\n";
    struct rp_csv r;
    csv_init(&r, "t.txt", text, strlen(text));
    r.sep = '\t';
    struct rp_strv t = {0};
    struct rp_err err;
    int line;
    CHECK_INT(csv_next(&r, &t, &line, &err), RP_OK);
    char *j = strv_join(&t, "|");
    CHECK_STR(j, "a|b\tc|,d");
    free(j);
    CHECK_INT(csv_next(&r, &t, &line, &err), RP_OK);
    CHECK_INT(t.n, 2);
    CHECK_INT(line, 2);
    CHECK_INT(csv_next(&r, &t, &line, &err), RP_NO);
    strv_free(&t);
  }
  struct rp_strv f = {0};
  strv_push(&f, "");
  strv_push(&f, "");
  CHECK(csv_blank(&f));
  strv_push(&f, "x");
  CHECK(!csv_blank(&f));
  strv_free(&f);
  return check_done("test_csv");
}
