/* test_editor.c — $EDITOR: splitting without a shell, running a scripted
 * editor on a private temporary file that is removed afterwards. */
#include <sys/stat.h>

#include "check.h"
#include "rapport/editor.h"
#include "rapport/paths.h"

static void check_split(const char *cmd, size_t n, const char *a0, const char *a1, const char *a2) {
  struct rp_strv v = {0};
  struct rp_err err;
  CHECK_INT(editor_split(cmd, &v, &err), RP_OK);
  CHECK_INT(v.n, n);
  const char *want[3] = {a0, a1, a2};
  for (size_t i = 0; i < n && i < 3; i++) CHECK_STR(v.v[i], want[i]);
  strv_free(&v);
}

static void write_script(const char *path, const char *body) {
  FILE *f = fopen(path, "w");
  fputs(body, f);
  fclose(f);
  chmod(path, 0700);
}

int main(void) {
  check_split("vim", 1, "vim", NULL, NULL);
  check_split("code --wait", 2, "code", "--wait", NULL);
  check_split("  emacs   -nw ", 2, "emacs", "-nw", NULL);
  check_split("'/opt/My Editor/ed' -x", 2, "/opt/My Editor/ed", "-x", NULL);
  check_split("\"a b\"c d\\ e", 2, "a bc", "d e", NULL);
  check_split("ed ''", 2, "ed", "", NULL);
  struct rp_strv v = {0};
  struct rp_err err;
  CHECK_INT(editor_split("vim 'oops", &v, &err), RP_INVALID);
  CHECK_STR(err.msg, "editor command 'vim 'oops' has an unclosed ' quote");
  strv_free(&v);

  /* a scripted editor: records its file's mode, appends a line */
  const char *dir = check_tmpdir();
  char script[512], log[512], cmd[1200];
  snprintf(script, sizeof script, "%s/ed with space.sh", dir);
  snprintf(log, sizeof log, "%s/mode", dir);
  char body[1024];
  snprintf(body, sizeof body,
           "#!/bin/sh\nstat -c %%a \"$2\" > '%s'\nprintf 'and more\\n' >> \"$2\"\n", log);
  write_script(script, body);
  snprintf(cmd, sizeof cmd, "'%s' --flag", script);
  setenv("VISUAL", cmd, 1);
  setenv("TMPDIR", dir, 1);
  char *out = NULL;
  CHECK_INT(editor_run("Zoë wrote ", &out, &err), RP_OK);
  CHECK_STR(out, "Zoë wrote and more"); /* the editor's final newline is dropped */
  free(out);
  FILE *f = fopen(log, "r");
  char mode[16] = "";
  if (f) {
    if (!fgets(mode, sizeof mode, f)) mode[0] = '\0';
    fclose(f);
  }
  CHECK_STR(mode, "600\n");
  /* nothing left behind in TMPDIR but our files */
  snprintf(cmd, sizeof cmd, "ls '%s' | grep -c '^rapport-' > '%s'", dir, log);
  CHECK_INT(system(cmd) >= 0, 1);
  f = fopen(log, "r");
  if (f) {
    if (!fgets(mode, sizeof mode, f)) mode[0] = '\0';
    fclose(f);
  }
  CHECK_STR(mode, "0\n");

  /* a failing editor leaves the text alone and says so */
  write_script(script, "#!/bin/sh\nexit 3\n");
  out = NULL;
  CHECK_INT(editor_run("keep", &out, &err), RP_INVALID);
  CHECK(out == NULL);
  CHECK(strstr(err.msg, "exited with an error; the text is unchanged") != NULL);
  /* what the user wrote is never thrown away: an editor that saves then
   * exits with an error, text that is not UTF-8, a NUL byte: the file is
   * kept, and the message says where */
  const char *bodies[] = {"#!/bin/sh\nprintf 'my long answer' > \"$2\"\nexit 1\n",
                          "#!/bin/sh\nprintf 'caf\\351 au lait' > \"$2\"\n",
                          "#!/bin/sh\nprintf 'before\\000after' > \"$2\"\n"};
  const char *whys[] = {"exited with an error", "not valid UTF-8", "NUL byte"};
  const char *wants[] = {"my long answer", "caf\351 au lait", "before"};
  size_t want_len[] = {14, 12, 12};
  for (size_t i = 0; i < 3; i++) {
    write_script(script, bodies[i]);
    out = NULL;
    CHECK_INT(editor_run("keep", &out, &err), RP_INVALID);
    CHECK(out == NULL);
    CHECK(strstr(err.msg, whys[i]) != NULL);
    const char *kept = strstr(err.msg, "what you wrote is kept in ");
    CHECK(kept != NULL);
    if (!kept) continue;
    kept += strlen("what you wrote is kept in ");
    char *text = NULL;
    size_t n = 0;
    CHECK_INT(paths_read_file(kept, &text, &n, &err), RP_OK);
    CHECK_INT(n, want_len[i]);
    if (text) CHECK(memcmp(text, wants[i], strlen(wants[i])) == 0);
    free(text);
    unlink(kept);
  }
  setenv("VISUAL", "/nonexistent/editor", 1);
  CHECK_INT(editor_run("keep", &out, &err), RP_INVALID);
  CHECK_STR(err.msg, "could not run the editor '/nonexistent/editor' (set $VISUAL or $EDITOR)");
  check_rmtree(dir);
  return check_done("test_editor");
}
