/* editor.c — see rapport/editor.h. */
#include "rapport/editor.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rapport/paths.h"
#include "rapport/text_limit.h"
#include "rapport/utf8.h"

enum rp_status editor_split(const char *cmd, struct rp_strv *argv, struct rp_err *err) {
  struct rp_buf w = {0};
  bool in_word = false;
  for (const char *p = cmd; *p; p++) {
    if (*p == ' ' || *p == '\t') {
      if (in_word) strv_push(argv, buf_str(&w));
      buf_reset(&w);
      in_word = false;
      continue;
    }
    in_word = true;
    if (*p == '\\' && p[1]) {
      buf_addc(&w, *++p);
    } else if (*p == '\'' || *p == '"') {
      char q = *p;
      const char *end = strchr(p + 1, q);
      if (!end) {
        buf_free(&w);
        return rp_err_set(err, RP_INVALID, "editor command '%s' has an unclosed %c quote", cmd, q);
      }
      buf_add(&w, p + 1, (size_t)(end - p - 1));
      if (!w.s) buf_adds(&w, "");
      p = end;
    } else {
      buf_addc(&w, *p);
    }
  }
  if (in_word) strv_push(argv, buf_str(&w));
  buf_free(&w);
  return RP_OK;
}

const char *editor_command(void) {
  const char *e = getenv("VISUAL");
  if (!e || !*e) e = getenv("EDITOR");
  return e && *e ? e : "vi";
}

static enum rp_status write_all(int fd, const char *s, size_t n, struct rp_err *err) {
  while (n) {
    ssize_t k = write(fd, s, n);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) return rp_err_set(err, RP_INVALID, "cannot write the temporary file: %s", strerror(errno));
    s += k;
    n -= (size_t)k;
  }
  return RP_OK;
}

static enum rp_status run_wait(struct rp_strv *argv, struct rp_err *err) {
  strv_push(argv, ""); /* room for the NULL terminator */
  free(argv->v[argv->n - 1]);
  argv->v[argv->n - 1] = NULL;
  pid_t pid = fork();
  if (pid < 0) return rp_err_set(err, RP_INVALID, "cannot start the editor: %s", strerror(errno));
  if (pid == 0) {
    execvp(argv->v[0], argv->v);
    _exit(127);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return rp_err_set(err, RP_INVALID, "lost the editor: %s", strerror(errno));
  argv->n--; /* the NULL is not a string to free */
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    return rp_err_set(err, RP_INVALID, "could not run the editor '%s' (set $VISUAL or $EDITOR)",
                      argv->v[0]);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return rp_err_set(err, RP_NO, "the editor '%s' %s", argv->v[0],
                      WIFEXITED(status) ? "exited with an error" : "was killed");
  return RP_OK;
}

enum rp_status editor_run(const char *text, char **out, struct rp_err *err) {
  *out = NULL;
  struct rp_strv argv = {0};
  enum rp_status st = editor_split(editor_command(), &argv, err);
  if (st == RP_OK && argv.n == 0) st = rp_err_set(err, RP_INVALID, "the editor command is empty");
  if (st != RP_OK) {
    strv_free(&argv);
    return st;
  }
  const char *tmp = getenv("TMPDIR");
  char *path = xasprintf("%s/rapport-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
  int fd = mkstemps(path, 4); /* created 0600 */
  if (fd < 0) {
    st = rp_err_set(err, RP_INVALID, "cannot create a temporary file in %s: %s",
                    tmp && *tmp ? tmp : "/tmp", strerror(errno));
    free(path);
    strv_free(&argv);
    return st;
  }
  fchmod(fd, 0600);
  size_t len = text ? strlen(text) : 0;
  st = write_all(fd, text ? text : "", len, err);
  if (close(fd) != 0 && st == RP_OK) st = rp_err_set(err, RP_INVALID, "cannot write the temporary file");
  bool ran = false;
  if (st == RP_OK) {
    strv_push(&argv, path);
    st = run_wait(&argv, err);
    ran = st == RP_OK || st == RP_NO;
  }
  /* what the editor left, whatever its exit: never thrown away */
  size_t n = 0;
  char *got = NULL;
  bool keep = false;
  if (ran && paths_read_file(path, &got, &n, NULL) == RP_OK) {
    bool changed = n != len || memcmp(got, text ? text : "", len) != 0;
    const char *why = NULL;
    char *too_long = text_too_long(n) && changed ? text_limit_message("the text", n) : NULL;
    if (too_long) why = too_long; /* text_limit.h: refused before any screen holds it */
    else if (st == RP_NO && changed) why = err->msg[0] ? err->msg : "the editor failed";
    else if (strlen(got) != n) why = "the text holds a NUL byte";
    else if (!utf8_valid(got, n)) why = "the text is not valid UTF-8 (save it as UTF-8)";
    if (why) {
      char *msg = too_long ? xasprintf("%s, and what you wrote is kept in %s", why, path)
                           : xasprintf("%s; nothing was changed, and what you wrote is kept in %s",
                                       why, path);
      st = rp_err_set(err, RP_INVALID, "%s", msg);
      free(msg);
      keep = true;
    } else if (st == RP_NO) {
      st = rp_err_set(err, RP_INVALID, "%s; the text is unchanged", err->msg);
    }
    free(too_long);
  } else if (ran) {
    st = rp_err_set(err, RP_INVALID, "cannot read back the text the editor wrote in %s", path);
    keep = true;
  }
  if (st == RP_OK) {
    if (n && got[n - 1] == '\n' && !(len && text[len - 1] == '\n')) {
      got[--n] = '\0';
      if (n && got[n - 1] == '\r') got[--n] = '\0';
    }
    *out = got;
    got = NULL;
  }
  free(got);
  if (!keep) unlink(path);
  free(path);
  strv_free(&argv);
  return st;
}
