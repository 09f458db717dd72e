/* test_text_edit.c — the multi-line editor: wrapping, cursor movement by
 * character and visual line, editing keys, UTF-8; and pasted text in it and
 * in the line editor (issue 18: a paste is text, never keys). */
#include <locale.h>

#include "check.h"
#include "rapport/utf8.h"
#include "ui/paste.h"
#include "ui/widgets.h"

static void type(struct text_edit *te, const char *s) {
  for (size_t i = 0; s[i];) {
    uint32_t cp;
    i += utf8_decode(s + i, strlen(s + i), &cp);
    text_edit_key(te, (rp_key)cp);
  }
}

static void test_wrap(void) {
  struct text_vline *v;
  const char *t = "the quick brown fox";
  /* width 11 keeps a column for the cursor: 10 columns of text */
  size_t n = text_wrap(t, strlen(t), 11, &v);
  CHECK_INT(n, 2);
  CHECK_INT(v[0].start, 0);
  CHECK_INT(v[0].end, 10); /* "the quick " */
  CHECK_INT(v[1].start, 10);
  CHECK_INT(v[1].end, strlen(t));
  free(v);
  /* hard newlines, an empty line, and a word longer than the width */
  t = "a\n\nabcdefghijkl";
  n = text_wrap(t, strlen(t), 6, &v);
  CHECK_INT(n, 5); /* "a", "", "abcde", "fghij", "kl" */
  CHECK_INT(v[1].start, 2);
  CHECK_INT(v[1].end, 2);
  CHECK_INT(v[2].end - v[2].start, 5);
  free(v);
  /* wide characters: 李小龙 is 6 columns, so at width 5 it breaks after 2 */
  t = "李小龙";
  n = text_wrap(t, strlen(t), 5, &v);
  CHECK_INT(n, 2);
  CHECK_INT(v[0].end, 6); /* two 3-byte characters */
  free(v);
  n = text_wrap("", 0, 10, &v);
  CHECK_INT(n, 1);
  free(v);
}

static void test_keys(void) {
  struct text_edit te = {0};
  text_edit_set(&te, "");
  te.width = 11;
  te.height = 3;
  type(&te, "Zoë wrote");
  CHECK_INT(text_edit_key(&te, RPK_ENTER), 2);
  type(&te, "the plan");
  CHECK_STR(text_edit_text(&te), "Zoë wrote\nthe plan");
  /* Up keeps the column: from the end of "the plan" (col 8) to "Zoë wrot|e" */
  text_edit_key(&te, RPK_UP);
  CHECK_INT(te.cursor, strlen("Zoë wrot"));
  text_edit_key(&te, RPK_HOME);
  CHECK_INT(te.cursor, 0);
  text_edit_key(&te, RPK_RIGHT);
  text_edit_key(&te, RPK_RIGHT);
  CHECK_INT(te.cursor, 2);
  text_edit_key(&te, RPK_RIGHT); /* over ë: two bytes */
  CHECK_INT(te.cursor, 4);
  text_edit_key(&te, RPK_BACKSPACE);
  CHECK_STR(text_edit_text(&te), "Zo wrote\nthe plan");
  text_edit_key(&te, RPK_DOWN); /* column 2 on the next line */
  CHECK_INT(te.cursor, strlen("Zo wrote\nth"));
  text_edit_key(&te, RPK_CTRL('k'));
  CHECK_STR(text_edit_text(&te), "Zo wrote\nth");
  text_edit_key(&te, RPK_CTRL('w'));
  CHECK_STR(text_edit_text(&te), "Zo wrote\n");
  text_edit_key(&te, RPK_BACKSPACE); /* joins the lines */
  CHECK_STR(text_edit_text(&te), "Zo wrote");
  text_edit_key(&te, RPK_CTRL('u'));
  CHECK_STR(text_edit_text(&te), "");
  CHECK_INT(text_edit_key(&te, RPK_F5), 0); /* not an editing key */
  /* a soft-wrapped line: Down moves to the next visual line, End to its end */
  text_edit_set(&te, "the quick brown fox");
  te.width = 11;
  text_edit_key(&te, RPK_CTRL('a')); /* start of the visual line "brown fox" */
  CHECK_INT(te.cursor, 10);
  text_edit_key(&te, RPK_UP);
  CHECK_INT(te.cursor, 0);
  text_edit_key(&te, RPK_END);
  CHECK_INT(te.cursor, 10);
  text_edit_free(&te);
}

static void check_clean(bool one_line, const char *in, size_t n, const char *want) {
  size_t m;
  char *got = one_line ? paste_one_line(in, n, &m) : paste_lines(in, n, &m);
  CHECK_STR(got, want);
  CHECK_INT(m, strlen(want));
  free(got);
}

/* What a paste becomes in a one-line field and in a multi-line editor. */
static void test_paste_clean(void) {
  const char *s = "Carol Study\nstudy notes\n";
  check_clean(true, s, strlen(s), "Carol Study study notes");
  check_clean(false, s, strlen(s), "Carol Study\nstudy notes\n");
  /* CR LF, CR and runs of breaks: one space each run; none at the end */
  s = "a\r\nb\rc\n\n\r\nd\r\n\r";
  check_clean(true, s, strlen(s), "a b c d");
  check_clean(false, s, strlen(s), "a\nb\nc\n\n\nd\n\n");
  /* a tab is a space; C0, DEL, ESC and C1 (U+0085) are dropped, a NUL too */
  check_clean(true, "\tx\x01\x7f\x1b\xc2\x85y\0z", 10, " xyz");
  check_clean(false, "\tx\x01\x7f\x1b\xc2\x85y\0z", 10, " xyz");
  /* invalid UTF-8 is U+FFFD, one per bad byte; valid UTF-8 stays */
  check_clean(true, "\xff\xc3 Zoë 李", strlen("\xff\xc3 Zoë 李"),
              "\xEF\xBF\xBD\xEF\xBF\xBD Zoë 李");
  check_clean(true, "", 0, "");
  check_clean(true, "\n\n", 2, "");
  /* the lines of a paste, one at a time */
  size_t len, next;
  s = "one\r\ntwo\rthree";
  CHECK(paste_next_line(s, strlen(s), &len, &next));
  CHECK_INT(len, 3);
  CHECK_INT(next, 5);
  CHECK(paste_next_line(s + 5, strlen(s + 5), &len, &next));
  CHECK_INT(len, 3);
  CHECK_INT(next, 4);
  CHECK(!paste_next_line(s + 9, strlen(s + 9), &len, &next));
  CHECK_INT(len, 5);
  CHECK_INT(next, 5);
}

/* RPK_PASTE puts the text on offer in at the cursor, in one piece. */
static void test_paste_keys(void) {
  struct line_edit le = {0};
  line_edit_set(&le, "ab");
  line_edit_key(&le, RPK_LEFT);
  const char *s = "X\r\nY\tZ\n";
  paste_offer(s, strlen(s));
  CHECK_INT(line_edit_key(&le, RPK_PASTE), 2);
  CHECK(paste_taken());
  CHECK_STR(line_edit_text(&le), "aX Y Zb");
  CHECK_INT(le.cursor, 6);
  /* taken once: the key again (or with nothing on offer) changes nothing */
  CHECK_INT(line_edit_key(&le, RPK_PASTE), 1);
  paste_withdraw();
  CHECK(!paste_taken());
  CHECK_INT(line_edit_key(&le, RPK_PASTE), 1);
  CHECK_STR(line_edit_text(&le), "aX Y Zb");
  line_edit_free(&le);

  struct text_edit te = {0};
  text_edit_set(&te, "ab");
  text_edit_key(&te, RPK_LEFT);
  s = "1\r\n2\r3\x1b";
  paste_offer(s, strlen(s));
  CHECK_INT(text_edit_key(&te, RPK_PASTE), 2);
  paste_withdraw();
  CHECK_STR(text_edit_text(&te), "a1\n2\n3b");
  CHECK_INT(te.cursor, 6);
  CHECK_INT(text_edit_key(&te, RPK_PASTE), 1);
  text_edit_free(&te);
}

/* 100,000 characters pasted in the middle of a long line and of a long
 * text arrive whole, in order, with the cursor after them (the time is
 * bench/paste_bench's: one insertion, not one per character). */
static void test_paste_large(void) {
  enum { N = 100000 };
  struct rp_buf b = {0};
  for (int i = 0; i < N; i++) buf_adds(&b, i % 10 == 9 ? "\n" : i % 3 ? "x" : "é");
  struct line_edit le = {0};
  line_edit_set(&le, "[]");
  line_edit_key(&le, RPK_LEFT);
  paste_offer(b.s, b.len);
  CHECK_INT(line_edit_key(&le, RPK_PASTE), 2);
  paste_withdraw();
  const char *t = line_edit_text(&le);
  CHECK(t[0] == '[' && t[line_edit_len(&le) - 1] == ']');
  CHECK_INT(le.cursor, line_edit_len(&le) - 1);
  CHECK(!strchr(t, '\n'));
  CHECK_INT(utf8_width(t), N + 1); /* the last break was dropped */
  /* typing at the end of it */
  line_edit_key(&le, RPK_END);
  for (int i = 0; i < 1000; i++) line_edit_key(&le, 'k');
  CHECK_INT(utf8_width(line_edit_text(&le)), N + 1001);
  line_edit_free(&le);

  struct text_edit te = {0};
  text_edit_set(&te, "[]");
  text_edit_key(&te, RPK_LEFT);
  paste_offer(b.s, b.len);
  CHECK_INT(text_edit_key(&te, RPK_PASTE), 2);
  paste_withdraw();
  t = text_edit_text(&te);
  CHECK_INT(text_edit_len(&te), b.len + 2);
  CHECK(memcmp(t + 1, b.s, b.len) == 0);
  CHECK_INT(te.cursor, b.len + 1);
  text_edit_free(&te);
  buf_free(&b);
}

/* C-_ takes back the last change: a run of typing up to a space is one,
 * a deletion another, a paste or C-k one each; cursor moves are none. */
static void test_undo_typing(void) {
  struct text_edit te = {0};
  text_edit_set(&te, "Dear Ana,");
  CHECK_INT(text_edit_key(&te, RPK_CTRL('_')), 1); /* nothing to undo: set forgets */
  CHECK_STR(text_edit_text(&te), "Dear Ana,");
  text_edit_key(&te, RPK_ENTER);
  type(&te, "thank you for");
  text_edit_key(&te, RPK_BACKSPACE);
  text_edit_key(&te, RPK_BACKSPACE);
  text_edit_key(&te, RPK_LEFT);
  CHECK_STR(text_edit_text(&te), "Dear Ana,\nthank you f");
  CHECK_INT(text_edit_key(&te, RPK_CTRL('_')), 2); /* the two backspaces */
  CHECK_STR(text_edit_text(&te), "Dear Ana,\nthank you for");
  CHECK_INT(te.cursor, strlen("Dear Ana,\nthank you for"));
  text_edit_key(&te, RPK_CTRL('_')); /* "for" */
  CHECK_STR(text_edit_text(&te), "Dear Ana,\nthank you ");
  text_edit_key(&te, RPK_CTRL('_')); /* " you" */
  text_edit_key(&te, RPK_CTRL('_')); /* " " … */
  text_edit_key(&te, RPK_CTRL('_'));
  text_edit_key(&te, RPK_CTRL('_'));
  CHECK_STR(text_edit_text(&te), "Dear Ana,\n");
  text_edit_key(&te, RPK_CTRL('_')); /* the line break */
  CHECK_STR(text_edit_text(&te), "Dear Ana,");
  CHECK_INT(text_edit_key(&te, RPK_CTRL('_')), 1);
  CHECK_STR(text_edit_text(&te), "Dear Ana,");
  /* a kill is one change */
  text_edit_key(&te, RPK_CTRL('a'));
  text_edit_key(&te, RPK_CTRL('k'));
  CHECK_STR(text_edit_text(&te), "");
  text_edit_key(&te, RPK_CTRL('_'));
  CHECK_STR(text_edit_text(&te), "Dear Ana,");
  CHECK_INT(te.cursor, 0);
  text_edit_free(&te);

  struct line_edit le = {0};
  line_edit_set(&le, "Acme");
  line_edit_key(&le, RPK_CTRL('u'));
  line_edit_key(&le, 'I');
  line_edit_key(&le, 'n');
  CHECK_STR(line_edit_text(&le), "In");
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 2);
  CHECK_STR(line_edit_text(&le), "");
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 2);
  CHECK_STR(line_edit_text(&le), "Acme");
  CHECK_INT(le.cursor, 4);
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 1);
  line_edit_free(&le);
}

/* Undo keeps each change, not the text: a run of Delete and a run of
 * Backspace are one change each, put back where they were; a word killed
 * with C-w in the middle of a long line comes back in place. */
static void test_undo_changes(void) {
  struct line_edit le = {0};
  line_edit_set(&le, "abcdef");
  le.cursor = 2;
  line_edit_key(&le, RPK_DELETE);
  line_edit_key(&le, RPK_DELETE);
  CHECK_STR(line_edit_text(&le), "abef");
  line_edit_key(&le, RPK_END);
  line_edit_key(&le, RPK_BACKSPACE);
  line_edit_key(&le, RPK_BACKSPACE);
  CHECK_STR(line_edit_text(&le), "ab");
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 2);
  CHECK_STR(line_edit_text(&le), "abef");
  CHECK_INT(le.cursor, 4);
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 2);
  CHECK_STR(line_edit_text(&le), "abcdef");
  CHECK_INT(le.cursor, 2);
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 1);
  line_edit_free(&le);

  struct text_edit te = {0};
  struct rp_buf b = {0};
  for (int i = 0; i < 3000; i++) buf_adds(&b, i == 1500 ? "Zoë 李小龙 " : "word ");
  text_edit_set(&te, b.s);
  te.cursor = 1500 * 5 + strlen("Zoë 李小龙");
  text_edit_key(&te, RPK_CTRL('w'));
  text_edit_key(&te, RPK_CTRL('w'));
  CHECK_INT(text_edit_len(&te), b.len - strlen("Zoë 李小龙"));
  type(&te, "x");
  CHECK_INT(text_edit_key(&te, RPK_CTRL('_')), 2);
  text_edit_key(&te, RPK_CTRL('_'));
  text_edit_key(&te, RPK_CTRL('_'));
  CHECK_STR(text_edit_text(&te), b.s);
  CHECK_INT(te.cursor, 1500 * 5 + strlen("Zoë 李小龙"));
  buf_free(&b);
  text_edit_free(&te);
}

/* Type n letters (one run of typing, as a word with no end) into a new
 * line editor (multi = false) or text editor: all of them are there. */
static void type_run(int n, bool multi) {
  struct line_edit le = {0};
  struct text_edit te = {0};
  line_edit_set(&le, "");
  for (int i = 0; i < n; i++) {
    rp_key k = 'a' + i % 26;
    if (multi) text_edit_key(&te, k);
    else line_edit_key(&le, k);
  }
  CHECK_INT(multi ? text_edit_len(&te) : line_edit_len(&le), n);
  line_edit_free(&le);
  text_edit_free(&te);
}

/* A long run of typing (issue 22: each key copied the whole text for
 * C-_, so 100,000 characters took minutes; how the time grows is
 * measured by bench/bounds' paste lines, not here) keeps every key, and
 * undo still takes the run back whole. */
static void test_typing_long(void) {
  for (int multi = 0; multi < 2; multi++) type_run(160000, multi);
  struct line_edit le = {0};
  line_edit_set(&le, "x ");
  for (int i = 0; i < 5000; i++) line_edit_key(&le, 'a' + i % 26);
  CHECK_INT(line_edit_key(&le, RPK_CTRL('_')), 2);
  CHECK_STR(line_edit_text(&le), "x ");
  line_edit_free(&le);
}

int main(void) {
  setlocale(LC_ALL, "");
  test_typing_long();
  test_undo_typing();
  test_undo_changes();
  test_wrap();
  test_keys();
  test_paste_clean();
  test_paste_keys();
  test_paste_large();
  return check_done("test_text_edit");
}
