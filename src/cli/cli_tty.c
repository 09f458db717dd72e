/* cli_tty.c — what the CLI prints to a terminal goes through the terminal
 * filter (tty_filter_feed): a name imported with ESC ] 0 ; … BEL in it
 * must not retitle the window or clear the screen when `rapport list
 * --format tsv` or `export csv` prints it. Files and pipes get the bytes as
 * they are. One place for every verb: standard output itself is replaced
 * by a stream that escapes on its way to the terminal. */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/utf8.h"

static struct rp_tty_filter filter;
static FILE *real_stdout; /* the stdout replaced, while it is */

/* Write all of b to fd 1; false on failure (errno set). */
static bool write_all(const char *s, size_t n) {
  while (n) {
    ssize_t w = write(STDOUT_FILENO, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return false;
    s += w;
    n -= (size_t)w;
  }
  return true;
}

static ssize_t tty_write(void *cookie, const char *data, size_t len) {
  (void)cookie;
  struct rp_buf out = {0};
  tty_filter_feed(&filter, data, len, false, &out);
  bool ok = write_all(out.s ? out.s : "", out.len);
  buf_free(&out);
  return ok ? (ssize_t)len : -1;
}

static int tty_close(void *cookie) {
  (void)cookie;
  struct rp_buf out = {0};
  tty_filter_feed(&filter, "", 0, true, &out);
  bool ok = write_all(out.s ? out.s : "", out.len);
  buf_free(&out);
  return ok ? 0 : -1;
}

/* See cli.h. */
void cli_tty_guard_stdout(void) {
  if (!isatty(STDOUT_FILENO)) return;
  cookie_io_functions_t io = {.read = NULL, .write = tty_write, .seek = NULL, .close = tty_close};
  FILE *f = fopencookie(NULL, "w", io);
  if (!f) return;
  setvbuf(f, NULL, _IOLBF, 0); /* a terminal sees each line as it comes */
  fflush(stdout);
  real_stdout = stdout;
  stdout = f;
}

/* See cli.h. */
void cli_tty_release_stdout(void) {
  if (!real_stdout) return;
  FILE *f = stdout;
  stdout = real_stdout;
  real_stdout = NULL;
  fclose(f);
}
