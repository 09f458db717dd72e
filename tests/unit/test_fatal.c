/* test_fatal.c — a fatal error (out of memory) runs the fatal hook (the
 * full screen's: give the terminal back) before it prints, then aborts
 * (issue 20, point 10). Each case runs in a child process. */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>

#include "check.h"
#include "rapport/util.h"

/* ASan reports an impossible allocation instead of returning NULL unless
 * told otherwise: here NULL is what xmalloc must see. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static void hook(void) {
  static const char m[] = "terminal given back\n";
  if (write(STDERR_FILENO, m, sizeof m - 1) < 0) _exit(3);
}

/* True when s ends with tail (ASan may warn first about the allocation). */
static int ends_with(const char *s, const char *tail) {
  size_t n = strlen(s), t = strlen(tail);
  return n >= t && strcmp(s + n - t, tail) == 0;
}

/* Run fn in a child with its stderr captured into out; returns the wait
 * status. */
static int run_child(void (*fn)(void), char *out, size_t size) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], STDERR_FILENO);
    signal(SIGABRT, SIG_DFL);
    fn();
    _exit(0);
  }
  close(fds[1]);
  size_t used = 0;
  ssize_t n;
  while (used + 1 < size && (n = read(fds[0], out + used, size - 1 - used)) > 0) used += (size_t)n;
  out[used] = '\0';
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

static void oom_with_hook(void) {
  rp_set_fatal_hook(hook);
  volatile size_t huge = SIZE_MAX / 2;
  char *p = xmalloc(huge);
  p[0] = 'x'; /* never reached */
  free(p);
}

static void oom_without_hook(void) {
  rp_set_fatal_hook(hook);
  rp_set_fatal_hook(NULL);
  xrealloc(NULL, SIZE_MAX / 2);
}

static void fatal_message(void) {
  rp_set_fatal_hook(hook);
  rp_fatal("the compiled-in config is broken");
}

int main(void) {
  char out[512];
  int st = run_child(oom_with_hook, out, sizeof out);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
  CHECK(ends_with(out, "terminal given back\nrapport: out of memory\n"));
  CHECK(!strstr(out, "rapport: out of memory\nterminal")); /* the hook first */

  st = run_child(oom_without_hook, out, sizeof out);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
  CHECK(ends_with(out, "rapport: out of memory\n"));
  CHECK(!strstr(out, "terminal given back"));

  st = run_child(fatal_message, out, sizeof out);
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
  CHECK_STR(out, "terminal given back\nrapport: the compiled-in config is broken\n");
  return check_done("test_fatal");
}
