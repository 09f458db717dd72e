/* bench_util.h — what the in-process benchmarks share: a time stamp of
 * wall time and this thread's CPU time (steadier on a busy machine), the
 * median of a set of figures, and the app's screen drawn into a curses
 * screen written to /dev/null (as the headless screen tests draw it). */
#ifndef RAPPORT_BENCH_UTIL_H
#define RAPPORT_BENCH_UTIL_H

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rapport/config.h"
#include "rapport/theme.h"

static inline double clock_ms(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Wall time, and this thread's CPU time, in ms. */
struct stamp {
  double wall, cpu;
};

static inline struct stamp stamp_now(void) {
  return (struct stamp){clock_ms(CLOCK_MONOTONIC), clock_ms(CLOCK_THREAD_CPUTIME_ID)};
}

/* The time since t0. */
static inline struct stamp stamp_since(struct stamp t0) {
  struct stamp t = stamp_now();
  return (struct stamp){t.wall - t0.wall, t.cpu - t0.cpu};
}

static inline int bench_cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The median of v[0..n) (n > 0); sorts v. */
static inline double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The default config and theme, and a rows×cols screen on /dev/null. */
struct bench_ui {
  struct rp_config cfg;
  struct rp_theme theme;
  FILE *out, *in;
  SCREEN *scr;
};

/* Set b up; on failure print why (prog: …) and exit 1. */
static inline void bench_ui_open(struct bench_ui *b, const char *prog, int rows, int cols) {
  struct rp_err err;
  *b = (struct bench_ui){0};
  config_defaults(&b->cfg);
  if (theme_load(&b->theme, "default", &err) != RP_OK) {
    fprintf(stderr, "%s: %s\n", prog, err.msg);
    exit(1);
  }
  b->out = fopen("/dev/null", "w");
  b->in = fopen("/dev/null", "r");
  b->scr = b->out && b->in ? newterm("xterm-256color", b->out, b->in) : NULL;
  if (!b->scr) {
    fprintf(stderr, "%s: newterm failed (TERM=xterm-256color needs terminfo)\n", prog);
    exit(1);
  }
  resizeterm(rows, cols);
}

static inline void bench_ui_close(struct bench_ui *b) {
  endwin();
  delscreen(b->scr);
  fclose(b->out);
  fclose(b->in);
  theme_free(&b->theme);
  config_free(&b->cfg);
}

#endif
