/* test_text_limit.c — texts have a size limit (issue 22: a 50 MB text from
 * $EDITOR was taken, and every screen switch then took seconds): a contact
 * field, a call note and $EDITOR's result over 1 MiB are refused with a
 * message naming the size and the limit, nothing changed; 1 MiB itself is
 * taken. */
#include <sys/stat.h>

#include "check.h"
#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/editor.h"
#include "rapport/text_limit.h"

/* n bytes of words; caller frees. */
static char *words(size_t n) {
  char *s = xmalloc(n + 1);
  for (size_t i = 0; i < n; i++) s[i] = i % 7 == 6 ? ' ' : (char)('a' + i % 26);
  s[n] = '\0';
  return s;
}

static void test_message(void) {
  char *m = text_limit_message("the notes", 52400000);
  CHECK_STR(m, "the notes: 52.4 MB, larger than the 1 MiB a text can hold; nothing was changed");
  free(m);
}

static void test_contact(void) {
  struct rp_db *db = NULL;
  struct rp_config cfg = {0};
  struct rp_err err;
  fx_pipeline(&cfg);
  fx_open_fresh(&db, "limit.db");
  int64_t id = fx_add_contact(db, &cfg, "Ana", "identified");
  struct rp_contact c;
  contact_init(&c);
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  c.research = words(RP_TEXT_MAX);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK); /* exactly the limit */
  free(c.draft);
  c.draft = words(RP_TEXT_MAX + 1);
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "draft");
  CHECK_STR(err.msg, "draft: 1.0 MB, larger than the 1 MiB a text can hold; nothing was changed");
  CHECK_INT(fx_scalar(db, "SELECT draft IS NULL FROM contact"), 1);
  contact_free(&c);

  /* a call note */
  int64_t conv = 0;
  CHECK_INT(conv_prepare(db, &cfg, id, &conv, &err), RP_OK);
  CHECK_INT(conv_start(db, conv, &err), RP_OK);
  char *line = words(2 * RP_TEXT_MAX);
  CHECK_INT(note_add(db, &cfg, conv, line, NULL, &err), RP_INVALID);
  CHECK_STR(err.msg, "the note: 2.1 MB, larger than the 1 MiB a text can hold; nothing was changed");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM note"), 0);
  free(line);
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
}

/* $EDITOR writes 3 MB: refused, and what was written is kept */
static void test_editor(void) {
  const char *dir = check_tmpdir();
  char *script = xasprintf("%s/big-editor.sh", dir);
  FILE *f = fopen(script, "w");
  CHECK(f != NULL);
  if (!f) return;
  fprintf(f, "#!/bin/sh\nhead -c 3000000 /dev/zero | tr '\\\\000' 'x' > \"$1\"\n");
  fclose(f);
  chmod(script, 0700);
  setenv("VISUAL", script, 1);
  setenv("TMPDIR", dir, 1);
  char *out = NULL;
  struct rp_err err;
  CHECK_INT(editor_run("short", &out, &err), RP_INVALID);
  CHECK(out == NULL);
  CHECK(strncmp(err.msg, "the text: 3.0 MB, larger than the 1 MiB a text can hold; nothing was "
                         "changed, and what you wrote is kept in ", 103) == 0);
  fprintf(stderr, "%s\n", err.msg);
  free(script);
}

int main(void) {
  fx_set_now(1720000000);
  test_message();
  test_contact();
  test_editor();
  return check_done("test_text_limit");
}
