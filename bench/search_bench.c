/* search_bench.c — search measured in-process (issue 9):
 *
 *   search_bench JOURNAL [--reps N] [--word WORD]... [--cli WORD]...
 *                [--quick WORDS]... [--sql SQL]...
 *
 * Search as you type: the real UI (ui_app, as the headless screen tests
 * drive it) on a 40×120 curses screen written to /dev/null; `/` opens the
 * search box, then each WORD (default "forecast") is typed key by key. For
 * each key: the time of ui_app_key (the query) plus ui_app_draw (the
 * screen underneath, the search box, doupdate), i.e. what one keystroke
 * costs before the screen shows its results. Before each word the box is
 * emptied again (C-u). Below each key, the part of it that was the draw. --cli WORDS: the time of search_run as
 * `rapport search WORDS` calls it (limit 50), without process start;
 * --quick WORDS: of search_quick as the search box calls it (limit 60) for
 * WORDS as a whole. --sql SQL runs SQL on the journal first (to try a
 * PRAGMA).
 *
 * Prints one line per key (wall time median, min, max over N repetitions,
 * 5 by default, and the median of the CPU time, in ms; on a busy machine
 * the wall time waits for the CPU too) and the slowest median, to compare
 * with one frame (16.7 ms). The journal is opened as the app opens it: use a copy. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/db_sql.h"
#include "bench_util.h"
#include "rapport/search.h"
#include "rapport/theme.h"
#include "rapport/ui.h"

/* Prints "label  wall median min max  cpu median" for t[0..n) (sorting a
 * copy). Returns the wall median. */
static double report(const char *label, const struct stamp *t, int n) {
  double *w = xcalloc((size_t)n, sizeof *w), *c = xcalloc((size_t)n, sizeof *c);
  for (int i = 0; i < n; i++) {
    w[i] = t[i].wall;
    c[i] = t[i].cpu;
  }
  double med = median(w, n), cmed = median(c, n);
  printf("%-36s %9.2f %9.2f %9.2f %9.2f\n", label, med, w[0], w[n - 1], cmed);
  free(w);
  free(c);
  return med;
}

static void usage(void) {
  fprintf(stderr, "usage: search_bench JOURNAL [--reps N] [--word WORD]... [--cli WORDS]... "
                  "[--quick WORDS]... [--sql SQL]...\n");
  exit(2);
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  setvbuf(stdout, NULL, _IOLBF, 0);
  const char *path = NULL;
  int reps = 5;
  struct rp_strv words = {0}, cli = {0}, quick = {0}, sql = {0};
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
    else if (strcmp(argv[i], "--word") == 0 && i + 1 < argc) strv_push(&words, argv[++i]);
    else if (strcmp(argv[i], "--cli") == 0 && i + 1 < argc) strv_push(&cli, argv[++i]);
    else if (strcmp(argv[i], "--quick") == 0 && i + 1 < argc) strv_push(&quick, argv[++i]);
    else if (strcmp(argv[i], "--sql") == 0 && i + 1 < argc) strv_push(&sql, argv[++i]);
    else if (argv[i][0] != '-' && !path) path = argv[i];
    else usage();
  }
  if (!path || reps < 1) usage();
  if (!words.n && !cli.n && !quick.n) strv_push(&words, "forecast");

  struct rp_err err;
  struct rp_db *db = NULL;
  if (db_open(path, &db, &err) != RP_OK) {
    fprintf(stderr, "search_bench: %s\n", err.msg);
    return 1;
  }
  for (size_t i = 0; i < sql.n; i++) {
    char *msg = NULL;
    if (sqlite3_exec(db_handle(db), sql.v[i], NULL, NULL, &msg) != SQLITE_OK) {
      fprintf(stderr, "search_bench: %s: %s\n", sql.v[i], msg ? msg : "?");
      return 1;
    }
  }
  struct stamp *t = xcalloc((size_t)reps, sizeof *t);
  printf("%-36s %9s %9s %9s %9s  (ms, %d repetitions)\n", "measurement", "median", "min", "max",
         "cpu", reps);

  for (size_t w = 0; w < cli.n + quick.n; w++) {
    bool q = w >= cli.n;
    const char *words_ = q ? quick.v[w - cli.n] : cli.v[w];
    struct rp_hit_list hits = {0};
    for (int r = 0; r < reps; r++) {
      hit_list_free(&hits);
      struct stamp t0 = stamp_now();
      enum rp_status st = q ? search_quick(db, words_, 60, &hits, &err)
                            : search_run(db, words_, 50, &hits, &err);
      if (st != RP_OK) {
        fprintf(stderr, "search_bench: %s\n", err.msg);
        return 1;
      }
      t[r] = stamp_since(t0);
    }
    char *label = xasprintf("%s %s (%zu%s)", q ? "search_quick" : "search_run", words_, hits.n,
                            hits.partial ? ", partial" : "");
    report(label, t, reps);
    free(label);
    hit_list_free(&hits);
  }

  if (words.n) {
    struct bench_ui ui;
    bench_ui_open(&ui, "search_bench", 40, 120);
    struct ui_app *app = ui_app_new(db, &ui.cfg, &ui.theme);
    ui_app_draw(app);
    ui_app_key(app, '/');
    ui_app_draw(app);
    double worst = 0;
    for (size_t w = 0; w < words.n; w++) {
      const char *word = words.v[w];
      size_t len = strlen(word);
      struct stamp *keys = xcalloc(len * (size_t)reps, sizeof *keys);
      struct stamp *draws = xcalloc(len * (size_t)reps, sizeof *draws);
      for (int r = 0; r < reps; r++) {
        ui_app_key(app, RPK_CTRL('u'));
        ui_app_draw(app);
        for (size_t k = 0; k < len; k++) {
          struct stamp t0 = stamp_now();
          ui_app_key(app, (rp_key)(unsigned char)word[k]);
          struct stamp t1 = stamp_now();
          ui_app_draw(app);
          keys[k * (size_t)reps + (size_t)r] = stamp_since(t0);
          draws[k * (size_t)reps + (size_t)r] = stamp_since(t1);
        }
      }
      for (size_t k = 0; k < len; k++) {
        char *label = xasprintf("key %.*s", (int)(k + 1), word);
        double med = report(label, keys + k * (size_t)reps, reps);
        if (med > worst) worst = med;
        free(label);
        report("  of which draw", draws + k * (size_t)reps, reps);
      }
      free(keys);
      free(draws);
    }
    printf("%-36s %9.2f  (one frame = 16.7 ms)\n", "slowest key (wall median)", worst);
    ui_app_free(app);
    bench_ui_close(&ui);
  }
  free(t);
  strv_free(&words);
  strv_free(&cli);
  strv_free(&quick);
  strv_free(&sql);
  db_close(db);
  return 0;
}
