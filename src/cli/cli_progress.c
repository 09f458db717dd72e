/* cli_progress.c — long work the journal does on its own (an upgrade, the
 * first cadence sync after it), shown on stderr before the full screen
 * starts, in plain lines:
 *   rapport: upgrading FILE from schema 8 to 12 (a copy is kept in FILE.v8.bak)
 *   rapport: copying the journal… 45%
 *   rapport: migration 10 of 12: rebuilding the search index… 1:12
 *   rapport: journal upgraded in 7:02
 * On a terminal a step's line is redrawn in place as it goes (when its
 * percentage moves, or every second when only the time taken is known);
 * elsewhere (RAPPORT_PROGRESS=1 into a file) each step's line is written
 * once, when the step is over. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/utf8.h"

/* One process, one stderr: the state of what is shown. */
static struct {
  bool tty;          /* redraw the step's line in place */
  bool begun;        /* told RP_PROGRESS_BEGIN: the end says how long it all took */
  double began;      /* when, in seconds (monotonic clock) */
  char *step;        /* the step on the current line, as told; NULL = none */
  double step_began;
  int64_t done, total;
  long shown;        /* the figure drawn (a percentage, or seconds); -1 = none */
} p;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "7:02", or "1:02:03" from an hour on. */
static void format_time(long secs, char *buf, size_t size) {
  if (secs >= 3600)
    snprintf(buf, size, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
  else
    snprintf(buf, size, "%ld:%02ld", secs / 60, secs % 60);
}

/* What the step's line shows at time t: its percentage, or the seconds
 * it has taken when how far it is is not known. */
static long figure(double t) {
  if (p.total > 0) return (long)(p.done * 100 / p.total);
  return (long)(t - p.step_began);
}

/* The step's line as it is at time t (on a terminal, over the last one). */
static void draw(double t) {
  p.shown = figure(t);
  char fig[32];
  if (p.total > 0)
    snprintf(fig, sizeof fig, "%ld%%", p.shown);
  else
    format_time(p.shown, fig, sizeof fig);
  char *step = utf8_sanitize(p.step);
  fprintf(stderr, "%srapport: %s\xE2\x80\xA6 %s", p.tty ? "\r" : "", step, fig);
  free(step);
  fflush(stderr);
}

/* The current step is over: its line as it ends. */
static void end_step(double t) {
  if (!p.step) return;
  draw(t);
  fputc('\n', stderr);
  free(p.step);
  p.step = NULL;
}

/* See rp_progress_fn in rapport/db.h. */
static void show(enum rp_progress_event ev, const char *what, int64_t done, int64_t total,
                 void *arg) {
  (void)arg;
  double t = now();
  if (ev == RP_PROGRESS_STEP && p.step && strcmp(p.step, what) == 0) {
    p.done = done;
    p.total = total;
    if (p.tty && figure(t) != p.shown) draw(t);
    return;
  }
  end_step(t);
  if (ev == RP_PROGRESS_STEP) {
    p.step = xstrdup(what);
    p.step_began = t;
    p.done = done;
    p.total = total;
    p.shown = -1;
    if (p.tty) draw(t);
    return;
  }
  char *said = what ? utf8_sanitize(what) : NULL;
  if (ev == RP_PROGRESS_BEGIN) {
    p.begun = true;
    p.began = t;
    fprintf(stderr, "rapport: %s\n", said);
  } else if (said && p.begun) {
    char took[32];
    format_time((long)(t - p.began), took, sizeof took);
    fprintf(stderr, "rapport: %s in %s\n", said, took);
  } else if (said) {
    fprintf(stderr, "rapport: %s\n", said);
  }
  if (ev == RP_PROGRESS_END) p.begun = false;
  free(said);
  fflush(stderr);
}

/* See cli.h. */
rp_progress_fn cli_progress(void) {
  const char *forced = getenv("RAPPORT_PROGRESS");
  p.tty = isatty(STDERR_FILENO);
  if (forced && strcmp(forced, "1") == 0) return show;
  if (forced && strcmp(forced, "0") == 0) return NULL;
  return p.tty ? show : NULL;
}
