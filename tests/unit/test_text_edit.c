/* test_text_edit.c — the multi-line editor: wrapping, cursor movement by
 * character and visual line, editing keys, UTF-8. */
#include <locale.h>

#include "check.h"
#include "rapport/utf8.h"
#include "ui/widget_text.h"

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

int main(void) {
  setlocale(LC_ALL, "");
  test_wrap();
  test_keys();
  return check_done("test_text_edit");
}
