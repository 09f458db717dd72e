/* contacts_bench.c — the Contacts screen's moves measured in-process
 * (issue 9):
 *
 *   contacts_bench JOURNAL [--reps N] [--cols N] [--trace MS]
 *
 * The real UI (ui_app, as the headless screen tests drive it) on a 40-row
 * curses screen written to /dev/null, 120 columns unless --cols: below 72
 * the Contacts screen shows the list alone, so --cols 70 times the list
 * without the detail pane of the selected contact. Each repetition makes a
 * new ui_app and times these steps (ui_app_key + ui_app_draw):
 *   open        ui_app_new and its first draw (Today)
 *   Today idle  the rest of Today's sections, read after the first paint
 *   2           to Contacts: the counts and the first page
 *   End         to the last row (G)
 *   PgDn@end    PgDn on the last page
 *   PgUp        a page up from the end
 *   Home        back to the first row
 *   Down@edge   a Down that scrolls past the first page
 *   PgDn        a page down from the top
 *   s@end       re-sort (by last update) with the last row by name selected
 *   1,2@end     leave and come back with a row near the end selected
 *   filter      "\" then "l", "i", "n", "d", one key at a time: one and two
 *               letters read the haystacks of the contacts shown, three and
 *               more go through the trigram index (migration 13); a filter
 *               passing more than 1,000 is counted in full when idle (timed
 *               after "l" and after "d")
 * Prints the median, min and max of the wall time and the median of this
 * thread's CPU time (steadier on a busy machine), in ms. --trace MS prints
 * every SQL statement that ran longer than MS ms to stderr. The journal is
 * opened as the app opens it (migrations, the first cadence sync): use a
 * copy. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "model/db_sql.h"
#include "rapport/theme.h"
#include "rapport/ui.h"

enum { S_OPEN, S_IDLE, S_ENTER, S_END, S_PGDN_END, S_PGUP, S_HOME, S_DOWN_EDGE, S_PGDN,
       S_SORT_END, S_REENTER_END, S_FILTER1, S_FILTER1_IDLE, S_FILTER2, S_FILTER3, S_FILTER4,
       S_FILTER4_IDLE, S_N };
static const char *const step_names[S_N] = {
    "open (Today)",      "Today idle (the rest)", "2 (Contacts)",       "End (G)",
    "PgDn at the end",   "PgUp from the end",     "Home",               "Down past the edge",
    "PgDn from the top", "s at the end",          "1, 2 at the end",    "filter: l",
    "  then idle (count)", "filter: li",          "filter: lin",        "filter: lind",
    "  then idle (count)"};

/* The idle work (as ui_run does it when no key waits) and its redraw. */
static struct stamp idle_step(struct ui_app *app) {
  struct stamp t0 = stamp_now();
  while (ui_app_idle(app)) ui_app_draw(app);
  return stamp_since(t0);
}

static double trace_ms = -1;

static int on_profile(unsigned type, void *arg, void *p, void *x) {
  (void)arg;
  double ms = (double)*(sqlite3_int64 *)x / 1e6;
  if (type == SQLITE_TRACE_PROFILE && ms > trace_ms) {
    char *sql = sqlite3_expanded_sql(p);
    fprintf(stderr, "%8.2f ms  %s\n", ms, sql ? sql : "?");
    sqlite3_free(sql);
  }
  return 0;
}

static struct stamp step(struct ui_app *app, rp_key k) {
  struct stamp t0 = stamp_now();
  ui_app_key(app, k);
  ui_app_draw(app);
  return stamp_since(t0);
}

static void usage(void) {
  fprintf(stderr, "usage: contacts_bench JOURNAL [--reps N] [--cols N] [--trace MS]\n");
  exit(2);
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  const char *path = NULL;
  int reps = 5, cols = 120;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
    else if (strcmp(argv[i], "--cols") == 0 && i + 1 < argc) cols = atoi(argv[++i]);
    else if (strcmp(argv[i], "--trace") == 0 && i + 1 < argc) trace_ms = atof(argv[++i]);
    else if (argv[i][0] != '-' && !path) path = argv[i];
    else usage();
  }
  if (!path || reps < 1 || cols < 40) usage();

  struct rp_err err;
  struct rp_db *db = NULL;
  if (db_open(path, &db, &err) != RP_OK) {
    fprintf(stderr, "contacts_bench: %s\n", err.msg);
    return 1;
  }
  if (trace_ms >= 0) sqlite3_trace_v2(db_handle(db), SQLITE_TRACE_PROFILE, on_profile, NULL);
  struct bench_ui ui;
  bench_ui_open(&ui, "contacts_bench", 40, cols);

  struct stamp *t = xcalloc((size_t)(S_N * reps), sizeof *t);
  for (int r = 0; r < reps; r++) {
    struct stamp *v = t + r * S_N;
    struct stamp t0 = stamp_now();
    struct ui_app *app = ui_app_new(db, &ui.cfg, &ui.theme);
    ui_app_draw(app);
    v[S_OPEN] = stamp_since(t0);
    t0 = stamp_now();
    if (ui_app_idle(app)) ui_app_draw(app);
    v[S_IDLE] = stamp_since(t0);
    v[S_ENTER] = step(app, '2');
    v[S_END] = step(app, RPK_END);
    v[S_PGDN_END] = step(app, RPK_PGDN);
    v[S_PGUP] = step(app, RPK_PGUP);
    v[S_HOME] = step(app, RPK_HOME);
    for (int i = 0; i < LINES - 5; i++) step(app, RPK_DOWN); /* to the last row shown */
    v[S_DOWN_EDGE] = step(app, RPK_DOWN);
    step(app, RPK_HOME);
    v[S_PGDN] = step(app, RPK_PGDN);
    step(app, RPK_END);
    v[S_SORT_END] = step(app, 's');
    step(app, 's');
    step(app, RPK_END);
    step(app, RPK_UP);
    step(app, '1');
    v[S_REENTER_END] = step(app, '2');
    step(app, '\\');
    v[S_FILTER1] = step(app, 'l');
    v[S_FILTER1_IDLE] = idle_step(app);
    v[S_FILTER2] = step(app, 'i');
    v[S_FILTER3] = step(app, 'n');
    v[S_FILTER4] = step(app, 'd');
    v[S_FILTER4_IDLE] = idle_step(app);
    step(app, RPK_ESC);
    ui_app_free(app);
  }

  printf("%-24s %9s %9s %9s %9s  (ms, %d repetitions, 40x%d)\n", "step", "median", "min",
         "max", "cpu", reps, cols);
  double *w = xcalloc((size_t)reps, sizeof *w), *c = xcalloc((size_t)reps, sizeof *c);
  for (int s = 0; s < S_N; s++) {
    for (int r = 0; r < reps; r++) {
      w[r] = t[r * S_N + s].wall;
      c[r] = t[r * S_N + s].cpu;
    }
    double med = median(w, reps), cmed = median(c, reps);
    printf("%-24s %9.2f %9.2f %9.2f %9.2f\n", step_names[s], med, w[0], w[reps - 1], cmed);
  }
  free(w);
  free(c);
  free(t);
  bench_ui_close(&ui);
  db_close(db);
  return 0;
}
