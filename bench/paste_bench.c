/* paste_bench.c — pasting and typing into text fields, measured in-process
 * (issues 18 and 22: a paste of 100,000 characters froze the app for 76 s):
 *
 *   paste_bench [--chars N] [--reps N] [--paste-only]
 *
 * The real UI (ui_app) on a 40×120 curses screen written to /dev/null,
 * reading its input from a file as it reads the terminal (ui_app_read:
 * keys one at a time, a bracketed paste whole), on a new journal in a
 * temporary directory. Each repetition times (wall and this thread's CPU):
 *   paste → Name           N characters (words, UTF-8, a line break about
 *                          every 70) pasted into the new contact's Name
 *                          field: read, inserted, and one draw
 *   type 1000 at the end   1,000 keys typed after them, each drawn (the
 *                          total; the slowest key is printed beside it)
 *   paste → Notes          the same text into a multi-line field
 *   type 1000 at the end   as above, in the multi-line field
 *   keys → Name (no ESC[200~)  N characters (no line breaks) arriving as
 *                          keys, as from a terminal that does not bracket
 *                          pastes: handled one by one, drawn once at the
 *                          end (ui_run draws when no input is waiting)
 *   paste → call notes     the text into the call's notes line: one note
 *                          per line (about 1,400), saved in one transaction
 *   paste → Notes, saved   a new contact (a name typed), the text pasted
 *                          into its Notes and the form saved (C-s): read,
 *                          inserted, saved, drawn (0 when the text is over
 *                          the 1 MiB a text can hold)
 * --paste-only leaves out the typing and the keys (0 in their lines): the
 * pastes alone, for bench/bounds' 1 MB draft.
 * Prints the median, min and max of the wall time and the median CPU, ms.
 *
 * Then (unless --paste-only; --typing-only: this alone) the editors by
 * themselves: a text of 1,000, 100,000 and 1,000,000 characters (as
 * above, line breaks about every 70 in the multi-line editor, none in the
 * line editor) in a 12×118 multi-line editor (the 1,000 characters fill
 * it) and a 118-column line editor, 500 keys typed (a space every fifth) at its start, middle and
 * end, each key handled and drawn (doupdate); microseconds a key, the
 * mean of this thread's CPU and of wall time (on a loaded machine the CPU
 * is the figure to compare). Keys should cost the same whatever the
 * length. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_util.h"
#include "rapport/contact.h"
#include "rapport/db.h"
#include "rapport/text_limit.h"
#include "rapport/ui.h"
#include "ui/widgets.h"

enum {
  S_PASTE_LINE,
  S_TYPE_LINE,
  S_PASTE_TEXT,
  S_TYPE_TEXT,
  S_KEYS_LINE,
  S_PASTE_CALL,
  S_SAVE_TEXT,
  S_N
};
static const char *const step_names[S_N] = {
    "paste -> Name",       "type 1000 at the end", "paste -> Notes",
    "type 1000 at the end", "keys -> Name (no ESC[200~)", "paste -> call notes",
    "paste -> Notes, saved"};

static FILE *feed, *input; /* the terminal's input: written here, read by curses */
static double slowest_key[S_N];

/* Bytes into the terminal's input; then read and handle them all as ui_run
 * does (up to what was written: curses reads a byte at a time). */
static void feed_input(struct ui_app *app, const char *bytes, size_t n) {
  fwrite(bytes, 1, n, feed);
  fflush(feed);
  long end = ftell(feed);
  while (lseek(fileno(input), 0, SEEK_CUR) < end)
    if (!ui_app_read(app, 0)) break;
}

static struct stamp paste(struct ui_app *app, const char *text, size_t n) {
  struct rp_buf b = {0};
  buf_adds(&b, "\033[200~");
  buf_add(&b, text, n);
  buf_adds(&b, "\033[201~");
  struct stamp t0 = stamp_now();
  feed_input(app, b.s, b.len);
  ui_app_draw(app);
  struct stamp t = stamp_since(t0);
  buf_free(&b);
  return t;
}

static struct stamp type_keys(struct ui_app *app, int n, int s) {
  struct stamp t0 = stamp_now();
  for (int i = 0; i < n; i++) {
    double k0 = clock_ms(CLOCK_MONOTONIC);
    ui_app_key(app, i % 5 == 4 ? ' ' : 'k');
    ui_app_draw(app);
    double k = clock_ms(CLOCK_MONOTONIC) - k0;
    if (k > slowest_key[s]) slowest_key[s] = k;
  }
  return stamp_since(t0);
}

static void keys(struct ui_app *app, const rp_key *k) {
  for (; *k; k++) {
    ui_app_key(app, *k);
    ui_app_draw(app);
  }
}

/* n characters of text: words, some UTF-8, a line break about every 70
 * characters when `lines`. */
static char *make_text(long n, bool lines, size_t *len) {
  static const char *const words[] = {"study", "notes", "Zoë", "李小龙", "payments", "a",
                                      "cohort", "of", "six", "déjà", "vu", "retries"};
  struct rp_buf b = {0};
  long chars = 0, col = 0;
  for (unsigned i = 0; chars < n; i = i * 1103515245u + 12345u) {
    const char *w = words[(i >> 16) % (sizeof words / sizeof *words)];
    for (const char *p = w; *p && chars < n; p++) {
      buf_addc(&b, *p);
      if (((unsigned char)*p & 0xC0) != 0x80) chars++, col++;
    }
    if (chars < n) {
      buf_addc(&b, lines && col > 70 ? '\n' : ' ');
      col = lines && col > 70 ? 0 : col;
      chars++;
    }
  }
  *len = b.len;
  return buf_steal(&b);
}

/* Keys typed into one editor holding `text` with the cursor at `at`: the
 * mean microseconds a key (handled and drawn) of this thread's CPU and of
 * wall time. */
static void type_in_editor(bool multi, const char *text, size_t at, WINDOW *win, double *cpu,
                           double *wall) {
  enum { KEYS = 500 };
  struct text_edit te = {0};
  struct line_edit le = {0};
  int cy, cx;
  if (multi) {
    text_edit_set(&te, text);
    te.cursor = at;
  } else {
    line_edit_set(&le, text);
    le.cursor = at;
  }
  double c0 = 0, w0 = 0;
  for (int i = -1; i < KEYS; i++) {
    if (i == 0) { /* the first draw (i = -1) wraps it all: not a key */
      c0 = clock_ms(CLOCK_THREAD_CPUTIME_ID);
      w0 = clock_ms(CLOCK_MONOTONIC);
    }
    if (i >= 0 && multi) text_edit_key(&te, i % 5 == 4 ? ' ' : 'k');
    if (i >= 0 && !multi) line_edit_key(&le, i % 5 == 4 ? ' ' : 'k');
    if (multi) text_edit_draw(&te, win, 1, 1, 12, 118, ROLE_INPUT, &cy, &cx);
    else line_edit_draw(&le, win, 1, 1, 118, ROLE_INPUT, &cx);
    wnoutrefresh(win);
    doupdate();
  }
  *cpu = (clock_ms(CLOCK_THREAD_CPUTIME_ID) - c0) / KEYS * 1000;
  *wall = (clock_ms(CLOCK_MONOTONIC) - w0) / KEYS * 1000;
  text_edit_free(&te);
  line_edit_free(&le);
}

static char *make_text(long n, bool lines, size_t *len);

/* The contact `name` was saved with notes of about len bytes (what the
 * form trims aside); exits when not: a figure for a save that did not
 * happen would be a lie. */
static void check_saved(struct rp_db *db, const char *name, size_t len) {
  struct rp_err err;
  int64_t id;
  struct rp_contact c;
  contact_init(&c);
  if (contact_resolve(db, name, &id, &err) != RP_OK || contact_get(db, id, &c, &err) != RP_OK ||
      !c.notes || strlen(c.notes) + 2 < len) {
    endwin();
    fprintf(stderr, "paste_bench: %s was not saved with its notes\n", name);
    exit(1);
  }
  contact_free(&c);
}

/* The editors alone: keys at the start, middle and end of 1,000, 100,000
 * and 1,000,000 characters (see the top of the file). */
static void typing_table(void) {
  static const long sizes[] = {1000, 100000, 1000000};
  WINDOW *win = newwin(40, 120, 0, 0);
  printf("\n%-34s %10s %10s %10s  (us a key: CPU / wall, means of 500)\n", "typing in", "start",
         "middle", "end");
  for (int multi = 1; multi >= 0; multi--) {
    for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
      size_t len;
      char *text = make_text(sizes[z], multi, &len);
      size_t mid = len / 2;
      while (mid < len && ((unsigned char)text[mid] & 0xC0) == 0x80) mid++;
      const size_t at[3] = {0, mid, len};
      char label[64];
      snprintf(label, sizeof label, "%s, %ld characters", multi ? "multi-line" : "one line",
               sizes[z]);
      printf("%-34s", label);
      for (int p = 0; p < 3; p++) {
        double cpu, wall;
        type_in_editor(multi, text, at[p], win, &cpu, &wall);
        char cell[32];
        snprintf(cell, sizeof cell, "%.0f/%.0f", cpu, wall);
        printf(" %10s", cell);
      }
      printf("\n");
      fflush(stdout);
      free(text);
    }
  }
  delwin(win);
}

static void usage(void) {
  fprintf(stderr, "usage: paste_bench [--chars N] [--reps N] [--paste-only] [--typing-only]\n");
  exit(2);
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  long chars = 100000;
  int reps = 3;
  bool paste_only = false, typing_only = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--chars") == 0 && i + 1 < argc) chars = atol(argv[++i]);
    else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
    else if (strcmp(argv[i], "--paste-only") == 0) paste_only = true;
    else if (strcmp(argv[i], "--typing-only") == 0) typing_only = true;
    else usage();
  }
  if (chars < 1 || reps < 1) usage();

  char dir[] = "/tmp/rapport-paste-bench-XXXXXX";
  if (!mkdtemp(dir)) return 1;
  char *dbpath = xasprintf("%s/journal.db", dir), *inpath = xasprintf("%s/input", dir);
  struct rp_err err;
  struct rp_db *db = NULL;
  if (db_open(dbpath, &db, &err) != RP_OK) {
    fprintf(stderr, "paste_bench: %s\n", err.msg);
    return 1;
  }
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  /* Dan: the forms open over his detail; Zed: the calls (the last row) */
  for (int i = 0; i < 2; i++) {
    struct rp_contact c;
    contact_init(&c);
    c.name = xstrdup(i ? "Zed Call" : "Dan Reyes");
    if (contact_insert(db, &cfg, &c, &err) != RP_OK) {
      fprintf(stderr, "paste_bench: %s\n", err.msg);
      return 1;
    }
    contact_free(&c);
  }
  struct rp_theme theme = {0};
  if (theme_load(&theme, "default", &err) != RP_OK) {
    fprintf(stderr, "paste_bench: %s\n", err.msg);
    return 1;
  }
  feed = fopen(inpath, "w");
  input = fopen(inpath, "r");
  FILE *out = fopen("/dev/null", "w");
  SCREEN *scr = feed && input && out ? newterm("xterm-256color", out, input) : NULL;
  if (!scr) {
    fprintf(stderr, "paste_bench: newterm failed (TERM=xterm-256color needs terminfo)\n");
    return 1;
  }
  resizeterm(40, 120);
  noecho(); /* as ui_run */
  nonl();
  meta(stdscr, TRUE);
  ui_input_setup(fileno(input));

  size_t tlen, klen;
  char *text = make_text(chars, true, &tlen), *plain = make_text(chars, false, &klen);
  struct stamp *t = xcalloc((size_t)(S_N * reps), sizeof *t);
  for (int r = 0; r < reps && !typing_only; r++) {
    struct stamp *v = t + r * S_N;
    struct ui_app *app = ui_app_new(db, &cfg, &theme);
    ui_app_draw(app);
    while (ui_app_idle(app)) ui_app_draw(app);
    keys(app, (const rp_key[]){'2', 'a', 0});
    v[S_PASTE_LINE] = paste(app, text, tlen);
    if (!paste_only) v[S_TYPE_LINE] = type_keys(app, 1000, S_TYPE_LINE);
    keys(app, (const rp_key[]){RPK_CTRL('u'), RPK_BACKTAB, 0}); /* to Notes */
    v[S_PASTE_TEXT] = paste(app, text, tlen);
    if (!paste_only) v[S_TYPE_TEXT] = type_keys(app, 1000, S_TYPE_TEXT);
    keys(app, (const rp_key[]){RPK_ESC, 'y', 'a', 0}); /* discard; a new form */
    if (!text_too_long(tlen)) { /* a longer text is refused: nothing to time */
      char name[32];
      snprintf(name, sizeof name, "Pat Saved %d", r);
      for (const char *p = name; *p; p++) keys(app, (const rp_key[]){(rp_key)*p, 0});
      keys(app, (const rp_key[]){RPK_BACKTAB, 0}); /* to Notes */
      struct stamp pasted = paste(app, text, tlen), t0 = stamp_now();
      ui_app_key(app, RPK_CTRL('s'));
      ui_app_draw(app);
      struct stamp saved = stamp_since(t0);
      v[S_SAVE_TEXT] = (struct stamp){pasted.wall + saved.wall, pasted.cpu + saved.cpu};
      check_saved(db, name, tlen);
    } else {
      keys(app, (const rp_key[]){RPK_ESC, 0}); /* the empty form */
    }
    keys(app, (const rp_key[]){'a', 0}); /* a new form */
    struct stamp t0 = stamp_now();
    if (!paste_only) feed_input(app, plain, klen);
    ui_app_draw(app);
    v[S_KEYS_LINE] = stamp_since(t0);
    keys(app, (const rp_key[]){RPK_ESC, 'y', RPK_END, 'c', 0}); /* discard; call Zed */
    v[S_PASTE_CALL] = paste(app, text, tlen);
    keys(app, (const rp_key[]){RPK_CTRL('x'), RPK_ESC, 'y', 0}); /* end the call */
    ui_app_free(app);
  }

  if (!typing_only)
    printf("%-28s %9s %9s %9s %9s  (ms, %ld characters, %d repetitions)\n", "step", "median",
         "min", "max", "cpu", chars, reps);
  double *w = xcalloc((size_t)reps, sizeof *w), *cp = xcalloc((size_t)reps, sizeof *cp);
  for (int s = 0; s < S_N && !typing_only; s++) {
    for (int r = 0; r < reps; r++) {
      w[r] = t[r * S_N + s].wall;
      cp[r] = t[r * S_N + s].cpu;
    }
    double med = median(w, reps), cmed = median(cp, reps);
    printf("%-28s %9.2f %9.2f %9.2f %9.2f", step_names[s], med, w[0], w[reps - 1], cmed);
    if (slowest_key[s] > 0) printf("  (slowest key %.2f)", slowest_key[s]);
    printf("\n");
  }
  if (!paste_only) typing_table();
  free(w);
  free(cp);
  free(t);
  free(text);
  free(plain);
  endwin();
  delscreen(scr);
  fclose(out);
  fclose(input);
  fclose(feed);
  theme_free(&theme);
  config_free(&cfg);
  db_close(db);
  char *wal = xasprintf("%s-wal", dbpath), *shm = xasprintf("%s-shm", dbpath);
  remove(dbpath);
  remove(wal);
  remove(shm);
  remove(inpath);
  remove(dir);
  free(wal);
  free(shm);
  free(dbpath);
  free(inpath);
  return 0;
}
