/* ui_runner.c — headless screen tests. Runs a .screen script against the
 * real UI code drawing into an in-memory curses screen (newterm on
 * /dev/null) and compares the screen text with the expected text.
 *
 * Script lines:
 *   # comment
 *   size COLSxROWS            terminal size (before anything else, or to resize)
 *   contact NAME|ORG|STAGE|HOW_KNOWN|TAGS   add a contact through the model
 *   contacts N NAME|ORG|STAGE  add N contacts "NAME 0001" … in one transaction
 *                             (\e \a \r \n \t \xHH \\ write control bytes)
 *   type TEXT                 type TEXT literally (UTF-8), one key per character
 *   paste TEXT                paste TEXT (escapes as for contacts: \n \r \t \xHH)
 *                             as a terminal does in bracketed-paste mode: the
 *                             bytes ESC[200~ TEXT ESC[201~ go into the
 *                             terminal's input and are read as ui_run reads
 *                             them
 *   paste-repeat N TEXT       paste TEXT repeated N times, as one paste (a
 *                             long text without a long script line)
 *   key NAME...               press keys by config name (Tab, Enter, C-u, Down, …)
 *   click ROW COL             mouse click at a screen position (0-based)
 *   wheel up|down ROW COL     mouse wheel
 *   expect TEXT               TEXT appears somewhere on the screen
 *   expect-not TEXT           TEXT appears nowhere on the screen
 *   selected TEXT             TEXT is on the screen in the selected-row colour
 *                             (its first cell; `unselected TEXT`: not in it)
 *   count N                   the journal holds N contacts (not deleted)
 *   field NAME|COLUMN|VALUE   contact NAME has COLUMN (org, stage, warmth, …) = VALUE;
 *                             COLUMN emails, phones or urls: "value/type/p|…"
 *                             (type "-" when none, "/p" when preferred)
 *   followup NAME|KIND|DUE|NOTE  a follow-up by hand (before the app starts)
 *   conversation NAME|YYYY-MM-DD HH:MM|OBJECTIVE  a planned conversation
 *   value NAME|KIND|VALUE|TYPE[|pref]  give contact NAME another email, phone
 *                             or url (KIND) through the model, at any time
 *                             (the CLI or another window while a form is open)
 *   sql STATEMENT             run SQL on the journal, at any time
 *   now SECONDS               set the clock the journal reads (RAPPORT_NOW), at
 *                             any time (a call's clock moves on at the next draw)
 *   sql-is VALUE|QUERY        the first column of QUERY's first row is VALUE
 *                             ("(null)" for NULL, "(none)" for no row)
 *   file NAME                 the lines up to "end" become file NAME in the
 *                             runner's directory, which is the current one
 *                             (so a script types the name alone)
 *   config NAME               read file NAME (written with `file`) as the
 *                             config, over the defaults; before the app
 *                             starts (a rebound key, another theme, …)
 *   screen                    the lines up to "end" are the whole screen
 *                             (trailing spaces ignored)
 *   idle [same]               the work left after the first paint (the rest
 *                             of Today's sections, its counts); with "same",
 *                             it leaves the screen as it is
 *   autoidle on|off           whether a draw is followed by the idle work
 *                             (on at the start)
 *   paint                     draw, and the idle work (when autoidle is on)
 *   fresh                     the screen is the same as a paint from nothing
 *                             (every window thrown away) of the same state
 *   walk KEY...               every order of the given keys (screen keys):
 *                             after each key, and with each of the overlays
 *                             help (?) and search (/) opened over it and
 *                             closed again (Escape), the screen is the same
 *                             as a paint from nothing; then key 1 (home)
 *   done                      the app has quit
 *   running                   the app has not quit
 * After every draw but the app's first, the runner does what ui_run does:
 * the screen's idle work, then a draw again.
 * RAPPORT_UI_UPDATE=1 rewrites the expected screens with what is drawn.
 */
#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "model/db_sql.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/followup.h"
#include "rapport/theme.h"
#include "rapport/ui.h"

static int failures;
static const char *script;

__attribute__((format(printf, 2, 3))) static void fail(int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  failures++;
  fprintf(stderr, "%s:%d: ", script, line);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

/* The screen as UTF-8 text, one line per row, trailing spaces removed. */
static char *dump_screen(void) {
  size_t cap = (size_t)(LINES * (COLS * 4 + 1) + 1), len = 0;
  char *out = malloc(cap);
  for (int y = 0; y < LINES; y++) {
    size_t line_start = len;
    int skip = 0;
    for (int x = 0; x < COLS; x++) {
      if (skip > 0) {
        skip--;
        continue;
      }
      cchar_t cc;
      wchar_t wch[CCHARW_MAX + 1] = {0};
      attr_t attrs;
      short pair;
      if (mvwin_wch(curscr, y, x, &cc) != OK || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR ||
          wch[0] == 0) {
        out[len++] = ' ';
        continue;
      }
      if (attrs & A_ALTCHARSET) { /* line drawing: show it as the Unicode glyph */
        static const char *const acs[][2] = {{"x", "│"}, {"q", "─"}, {"l", "┌"}, {"k", "┐"},
                                              {"m", "└"}, {"j", "┘"}, {"t", "├"}, {"u", "┤"}};
        for (size_t a = 0; a < sizeof acs / sizeof acs[0]; a++)
          if (wch[0] == (wchar_t)acs[a][0][0]) {
            size_t n = strlen(acs[a][1]);
            memcpy(out + len, acs[a][1], n);
            len += n;
            goto next_cell;
          }
      }
      for (int k = 0; wch[k] && k < CCHARW_MAX; k++) {
        char mb[MB_LEN_MAX];
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t n = wcrtomb(mb, wch[k], &st);
        if (n == (size_t)-1) {
          mb[0] = '?';
          n = 1;
        }
        memcpy(out + len, mb, n);
        len += n;
      }
      int w = wcwidth(wch[0]);
      if (w > 1) skip = w - 1;
    next_cell:;
    }
    while (len > line_start && out[len - 1] == ' ') len--;
    out[len++] = '\n';
  }
  out[len] = '\0';
  return out;
}

attr_t ui_role(enum rp_role role); /* src/ui/draw.c: a role's attributes */

/* Where TEXT starts on the screen (the first place): true with *y, *x. */
static bool find_text(const char *text, int *y, int *x) {
  size_t tl = strlen(text);
  for (int row = 0; row < LINES; row++) {
    char line[4096];
    int col_of[4096];
    size_t len = 0;
    for (int col = 0; col < COLS && len + MB_LEN_MAX < sizeof line; col++) {
      cchar_t cc;
      wchar_t wch[CCHARW_MAX + 1] = {0};
      attr_t attrs;
      short pair;
      if (mvwin_wch(curscr, row, col, &cc) != OK ||
          getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || wch[0] == 0)
        wch[0] = L' ';
      char mb[MB_LEN_MAX];
      mbstate_t st;
      memset(&st, 0, sizeof st);
      size_t n = wcrtomb(mb, wch[0], &st);
      if (n == (size_t)-1) mb[0] = '?', n = 1;
      for (size_t k = 0; k < n; k++) {
        col_of[len] = col;
        line[len++] = mb[k];
      }
      int w = wcwidth(wch[0]);
      if (w > 1) col += w - 1;
    }
    for (size_t i = 0; i + tl <= len; i++)
      if (memcmp(line + i, text, tl) == 0) {
        *y = row;
        *x = col_of[i];
        return true;
      }
  }
  return false;
}

/* Whether the cell at y, x is drawn in the selected-row colour. */
static bool cell_selected(int y, int x) {
  cchar_t cc;
  wchar_t wch[CCHARW_MAX + 1] = {0};
  attr_t attrs;
  short pair;
  if (mvwin_wch(curscr, y, x, &cc) != OK || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
    return false;
  attr_t want = ui_role(ROLE_SELECTED);
  attr_t mask = A_ATTRIBUTES & ~A_COLOR & ~A_ALTCHARSET;
  return (attrs & mask) == (want & mask) && pair == (short)PAIR_NUMBER(want);
}

static void trim_nl(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

static bool autoidle = true;

/* Draw as ui_run does when no key is waiting: then the idle work, and draw
 * again if there was some. */
static void paint(struct ui_app *app) {
  ui_app_draw(app);
  while (autoidle && ui_app_idle(app)) ui_app_draw(app);
}

static void unescape(char *s);

/* The screen against a paint of the same state from nothing; one failure
 * (naming `what`) when they differ. */
static bool same_as_fresh(struct ui_app *app, int lineno, const char *what) {
  char *shown = dump_screen();
  ui_app_relayout(app);
  ui_app_draw(app);
  char *fresh = dump_screen();
  bool same = strcmp(shown, fresh) == 0;
  if (!same)
    fail(lineno, "%s: the screen differs from a fresh paint of it.\n--- shown\n%s--- fresh\n%s---",
         what, shown, fresh);
  free(shown);
  free(fresh);
  return same;
}

/* Press k and paint; false when the key name is unknown. */
static bool press(struct ui_app *app, const char *name) {
  rp_key key;
  if (!key_parse(name, &key)) return false;
  ui_app_key(app, key);
  paint(app);
  return true;
}

/* Every order of keys[0…n) (Heap's algorithm), each key followed by the
 * overlays; stops at the first difference. */
static void walk(struct ui_app *app, char **keys, int n, int lineno) {
  int c[16] = {0};
  char *k[16];
  if (n > 8) {
    fail(lineno, "walk: at most 8 keys%s%s", "", "");
    return;
  }
  memcpy(k, keys, (size_t)n * sizeof *k);
  for (int i = 0, first = 1; i < n || first;) {
    if (!first) {
      if (c[i] >= i) {
        c[i++] = 0;
        continue;
      }
      char *t = k[i % 2 ? c[i] : 0];
      k[i % 2 ? c[i] : 0] = k[i];
      k[i] = t;
      c[i]++;
      i = 0;
    }
    first = 0;
    char what[160];
    for (int j = 0; j < n; j++) {
      if (!press(app, k[j])) {
        fail(lineno, "walk: unknown key '%s'%s", k[j], "");
        return;
      }
      snprintf(what, sizeof what, "after key %s (order %s %s %s %s %s …)", k[j], k[0],
               n > 1 ? k[1] : "", n > 2 ? k[2] : "", n > 3 ? k[3] : "", n > 4 ? k[4] : "");
      if (!same_as_fresh(app, lineno, what)) return;
      static const char *const overlays[][2] = {{"?", "help"}, {"/", "search"}};
      for (size_t o = 0; o < 2; o++) {
        press(app, overlays[o][0]);
        char with[200];
        snprintf(with, sizeof with, "%s with %s open", what, overlays[o][1]);
        if (!same_as_fresh(app, lineno, with)) return;
        press(app, "Escape");
        snprintf(with, sizeof with, "%s, %s closed", what, overlays[o][1]);
        if (!same_as_fresh(app, lineno, with)) return;
      }
    }
    press(app, "1");
  }
}

/* The terminal's input: a file the runner appends to and curses reads. */
static FILE *feed;

/* Bytes into the terminal's input, then read and handle all of them as the
 * real terminal's loop does. Reading stops at the end of what was written,
 * never at the end of the file (curses would keep that end as an error for
 * the next read): curses reads its input a byte at a time, so the file's
 * offset says how much it has read. */
static void feed_input(struct ui_app *app, FILE *in, const char *bytes, size_t n) {
  fwrite(bytes, 1, n, feed);
  fflush(feed);
  long end = ftell(feed);
  while (lseek(fileno(in), 0, SEEK_CUR) < end)
    if (!ui_app_read(app, 0)) break;
  paint(app);
}

static void paste_text(struct ui_app *app, FILE *in, char *text, long times) {
  unescape(text);
  struct rp_buf b = {0};
  buf_adds(&b, "\033[200~");
  for (long i = 0; i < times; i++) buf_adds(&b, text);
  buf_adds(&b, "\033[201~");
  feed_input(app, in, b.s, b.len);
  buf_free(&b);
}

static void type_text(struct ui_app *app, const char *s) {
  size_t len = strlen(s), i = 0;
  while (i < len) {
    wchar_t wc;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t n = mbrtowc(&wc, s + i, len - i, &st);
    if (n == 0 || n > len) break;
    ui_app_key(app, (rp_key)wc);
    paint(app);
    i += n;
  }
}

/* Decode \e \a \r \n \t \xHH and \\ in place (hostile names in tests). */
static void unescape(char *s) {
  char *o = s;
  for (char *p = s; *p; p++) {
    if (*p != '\\' || !p[1]) {
      *o++ = *p;
      continue;
    }
    switch (*++p) {
    case 'e': *o++ = '\033'; break;
    case 'a': *o++ = '\a'; break;
    case 'r': *o++ = '\r'; break;
    case 'n': *o++ = '\n'; break;
    case 't': *o++ = '\t'; break;
    case 'x': {
      unsigned v = 0;
      int k = 0;
      for (; k < 2 && p[1] && strchr("0123456789abcdefABCDEF", p[1]); k++, p++)
        v = v * 16 + (unsigned)(p[1] <= '9' ? p[1] - '0' : (p[1] | 0x20) - 'a' + 10);
      *o++ = (char)v;
      break;
    }
    default: *o++ = *p; break;
    }
  }
  *o = '\0';
}

/* Parse file `name` as the config over what cfg holds. */
static void load_config(struct rp_config *cfg, const char *name, int line) {
  FILE *cf = fopen(name, "rb");
  if (!cf) {
    fail(line, "config: cannot read %s%s", name, "");
    return;
  }
  struct rp_buf text = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, cf)) > 0) buf_add(&text, chunk, n);
  fclose(cf);
  struct rp_err err;
  if (config_parse(cfg, name, buf_str(&text), text.len, &err) != RP_OK)
    fail(line, "config: %s%s", err.msg, "");
  buf_free(&text);
}

static void add_contact(struct rp_db *db, const struct rp_config *cfg, char *spec, int line) {
  unescape(spec);
  char *parts[5] = {0};
  int n = 0;
  for (char *p = spec; p && n < 5;) {
    parts[n++] = p;
    char *bar = strchr(p, '|');
    if (bar) *bar = '\0';
    p = bar ? bar + 1 : NULL;
  }
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(parts[0]);
  if (n > 1 && *parts[1]) c.org = xstrdup(parts[1]);
  if (n > 2 && *parts[2]) c.stage = xstrdup(parts[2]);
  if (n > 3 && *parts[3]) c.how_known = xstrdup(parts[3]);
  for (char *t = n > 4 ? parts[4] : NULL; t && *t;) {
    char *comma = strchr(t, ',');
    if (comma) *comma = '\0';
    strv_push(&c.tags, t);
    t = comma ? comma + 1 : NULL;
  }
  struct rp_err err;
  if (contact_insert(db, cfg, &c, &err) != RP_OK) fail(line, "contact: %s%s", err.msg, "");
  contact_free(&c);
}

/* "N NAME|ORG|STAGE": N contacts NAME 0001 … NAME N, in one transaction. */
static void add_contacts(struct rp_db *db, const struct rp_config *cfg, char *spec, int line) {
  char *rest = NULL;
  long n = strtol(spec, &rest, 10);
  char *name = strtok(rest, " |"), *org = strtok(NULL, "|"), *stage = strtok(NULL, "|");
  struct rp_err err;
  if (n <= 0 || !name || db_begin(db, &err) != RP_OK) {
    fail(line, "contacts: want N NAME|ORG|STAGE%s%s", "", "");
    return;
  }
  for (long i = 1; i <= n; i++) {
    struct rp_contact c;
    contact_init(&c);
    c.name = xasprintf("%s %04ld", name, i);
    if (org) c.org = xstrdup(org);
    if (stage) c.stage = xstrdup(stage);
    if (contact_insert(db, cfg, &c, &err) != RP_OK) fail(line, "contacts: %s%s", err.msg, "");
    contact_free(&c);
  }
  if (db_commit(db, &err) != RP_OK) fail(line, "contacts: %s%s", err.msg, "");
}

/* "NAME|KIND|DUE|NOTE": a follow-up by hand. */
static void add_followup(struct rp_db *db, char *spec, int line) {
  char *name = strtok(spec, "|"), *kind = strtok(NULL, "|"), *due = strtok(NULL, "|"),
       *note = strtok(NULL, "");
  int64_t id;
  struct rp_err err;
  if (!name || !kind || contact_resolve(db, name, &id, &err) != RP_OK) {
    fail(line, "followup: no contact '%s'%s", name ? name : "", "");
    return;
  }
  struct rp_followup f = {.contact_id = id,
                          .kind = xstrdup(kind),
                          .due = due && *due ? xstrdup(due) : NULL,
                          .note = note && *note ? xstrdup(note) : NULL};
  if (followup_add(db, &f, &err) != RP_OK) fail(line, "followup: %s%s", err.msg, "");
  followup_free(&f);
}

/* "NAME|YYYY-MM-DD HH:MM|OBJECTIVE": a planned conversation. */
static void add_conversation(struct rp_db *db, const struct rp_config *cfg, char *spec, int line) {
  char *name = strtok(spec, "|"), *at = strtok(NULL, "|"), *obj = strtok(NULL, "");
  int64_t id;
  struct rp_err err;
  if (!name || contact_resolve(db, name, &id, &err) != RP_OK) {
    fail(line, "conversation: no contact '%s'%s", name ? name : "", "");
    return;
  }
  struct rp_conversation c;
  conv_init(&c);
  c.contact_id = id;
  if (at && *at && !datetime_parse(at, &c.scheduled_at)) fail(line, "conversation: bad time%s%s", "", "");
  c.objective = obj && *obj ? xstrdup(obj) : NULL;
  if (conv_insert(db, cfg, &c, &err) != RP_OK) fail(line, "conversation: %s%s", err.msg, "");
  conv_free(&c);
}

/* "NAME|KIND|VALUE|TYPE[|pref]": another value of contact NAME. */
static void add_value(struct rp_db *db, const struct rp_config *cfg, char *spec, int line) {
  char *name = strtok(spec, "|"), *kind = strtok(NULL, "|"), *value = strtok(NULL, "|"),
       *type = strtok(NULL, "|"), *pref = strtok(NULL, "|");
  int64_t id;
  struct rp_err err;
  struct rp_contact c;
  contact_init(&c);
  if (!name || !kind || !value || contact_resolve(db, name, &id, &err) != RP_OK ||
      contact_get(db, id, &c, &err) != RP_OK) {
    fail(line, "value: want NAME|KIND|VALUE|TYPE[|pref] of a contact%s%s", "", "");
    return;
  }
  bool preferred = pref && strcmp(pref, "pref") == 0;
  struct rp_contact_values *vs = strcmp(kind, "email") == 0 ? &c.emails
                                 : strcmp(kind, "phone") == 0 ? &c.phones
                                                              : &c.urls;
  char **field = vs == &c.emails ? &c.email : vs == &c.phones ? &c.phone : &c.url;
  enum rp_value_kind k = vs == &c.emails ? VALUE_EMAIL : vs == &c.phones ? VALUE_PHONE : VALUE_URL;
  if (preferred)
    for (size_t i = 0; i < vs->n; i++) vs->v[i].preferred = false;
  contact_values_add(vs, k, value, type && *type && strcmp(type, "-") ? type : NULL, preferred);
  if (preferred || !*field) str_replace(field, value); /* the field wins the primary slot */
  if (contact_update(db, cfg, &c, &err) != RP_OK) fail(line, "value: %s%s", err.msg, "");
  contact_free(&c);
}

/* A list as "value/type/p|…"; caller frees. */
static char *show_values(const struct rp_contact_values *vs) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < vs->n; i++)
    buf_addf(&b, "%s%s/%s%s", i ? "|" : "", vs->v[i].value, vs->v[i].type ? vs->v[i].type : "-",
             vs->v[i].preferred ? "/p" : "");
  return buf_steal(&b);
}

/* Write the script's lines up to "end" into file `name` (the current
 * directory is the runner's). */
static void write_file(FILE *script_f, const char *name, int *lineno, struct rp_buf *rewritten,
                       struct rp_strv *files) {
  char line[4096];
  FILE *w = fopen(name, "w");
  if (!w) fail(*lineno, "file: cannot write '%s'%s", name, "");
  else strv_push(files, name);
  while (fgets(line, sizeof line, script_f)) {
    ++*lineno;
    if (rewritten) buf_adds(rewritten, line);
    if (strcmp(line, "end\n") == 0 || strcmp(line, "end") == 0) break;
    if (w) fputs(line, w);
  }
  if (w) fclose(w);
}

static void check_field(struct rp_db *db, char *args, int line) {
  char *name = strtok(args, "|"), *col = strtok(NULL, "|"), *val = strtok(NULL, "");
  int64_t id;
  struct rp_err err;
  struct rp_contact c;
  contact_init(&c);
  if (!name || !col || contact_resolve(db, name, &id, &err) != RP_OK ||
      contact_get(db, id, &c, &err) != RP_OK) {
    fail(line, "field: no contact '%s'%s", name ? name : "", "");
    return;
  }
  const char *got = strcmp(col, "org") == 0 ? c.org
                    : strcmp(col, "stage") == 0 ? c.stage
                    : strcmp(col, "warmth") == 0 ? c.warmth
                    : strcmp(col, "how_known") == 0 ? c.how_known
                    : strcmp(col, "role") == 0 ? c.role
                    : strcmp(col, "introduced_by") == 0 ? c.introduced_by_name
                    : strcmp(col, "name") == 0 ? c.name
                    : strcmp(col, "email") == 0 ? c.email
                    : strcmp(col, "phone") == 0 ? c.phone
                    : strcmp(col, "url") == 0 ? c.url
                    : strcmp(col, "notes") == 0 ? c.notes
                    : strcmp(col, "location") == 0 ? c.location : NULL;
  char *tags = strv_join(&c.tags, ",");
  if (strcmp(col, "tags") == 0) got = tags;
  char *values = strcmp(col, "emails") == 0   ? show_values(&c.emails)
                 : strcmp(col, "phones") == 0 ? show_values(&c.phones)
                 : strcmp(col, "urls") == 0   ? show_values(&c.urls)
                                              : NULL;
  if (values) got = values;
  if (!got || !val || strcmp(got, val) != 0) {
    char *what = xasprintf("%s.%s", name, col);
    fail(line, "field %s: got '%s'", what, got ? got : "(null)");
    free(what);
  }
  free(tags);
  free(values);
  contact_free(&c);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: ui_runner FILE.screen\n");
    return 2;
  }
  setlocale(LC_ALL, "");
  /* the runner works in its own directory: keep the script's full path,
   * for messages and for RAPPORT_UI_UPDATE's rewrite */
  char *script_path = realpath(argv[1], NULL);
  script = script_path ? script_path : argv[1];
  FILE *f = fopen(script, "r");
  if (!f) {
    perror(script);
    return 2;
  }
  bool update = getenv("RAPPORT_UI_UPDATE") != NULL;
  struct rp_buf rewritten = {0};

  char dir[] = "/tmp/rapport-ui-XXXXXX";
  if (!mkdtemp(dir)) return 2;
  char *dbpath = xasprintf("%s/journal.db", dir);
  if (chdir(dir) != 0) return 2; /* files a script writes are typed by name */
  struct rp_strv files = {0};
  struct rp_err err;
  struct rp_db *db = NULL;
  if (db_open(dbpath, &db, &err) != RP_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  struct rp_theme theme = {0};
  theme_load(&theme, "default", &err);

  /* the terminal's input is a file: `paste` appends to it, curses reads it */
  char *inpath = xasprintf("%s/input", dir);
  feed = fopen(inpath, "w");
  FILE *out = fopen("/dev/null", "w"), *in = fopen(inpath, "r");
  if (!feed || !in) {
    perror(inpath);
    return 2;
  }
  SCREEN *scr = newterm("xterm-256color", out, in);
  if (!scr) {
    fprintf(stderr, "newterm failed\n");
    return 2;
  }
  resizeterm(24, 80);
  noecho();             /* as ui_run: input is not echoed */
  nonl();               /* as ui_run: a CR typed or pasted arrives as CR */
  meta(stdscr, TRUE);   /* 8-bit input, as a terminal set to CS8 gives ui_run */
  ui_input_setup(fileno(in)); /* keypad and the paste markers, as ui_run does */
  struct ui_app *app = NULL;

  char line[4096];
  int lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (update) buf_adds(&rewritten, line);
    trim_nl(line);
    if (!line[0] || line[0] == '#') continue;
    char *arg = strchr(line, ' ');
    if (arg) *arg++ = '\0';
    else arg = line + strlen(line);
    int cols, rows;
    if (strcmp(line, "size") == 0 && sscanf(arg, "%dx%d", &cols, &rows) == 2) {
      resizeterm(rows, cols);
      if (app) {
        ui_app_key(app, RPK_RESIZE);
        paint(app);
      }
      continue;
    }
    if (strcmp(line, "contact") == 0) {
      add_contact(db, &cfg, arg, lineno);
      continue;
    }
    if (strcmp(line, "contacts") == 0) {
      add_contacts(db, &cfg, arg, lineno);
      continue;
    }
    if (strcmp(line, "followup") == 0) {
      add_followup(db, arg, lineno);
      continue;
    }
    if (strcmp(line, "conversation") == 0) {
      add_conversation(db, &cfg, arg, lineno);
      continue;
    }
    if (strcmp(line, "value") == 0) {
      add_value(db, &cfg, arg, lineno);
      continue;
    }
    if (strcmp(line, "sql") == 0) {
      char *msg = NULL;
      if (sqlite3_exec(db_handle(db), arg, NULL, NULL, &msg) != SQLITE_OK)
        fail(lineno, "sql: %s%s", msg ? msg : "failed", "");
      sqlite3_free(msg);
      continue;
    }
    if (strcmp(line, "now") == 0) { /* the clock the journal reads (db_now) */
      setenv("RAPPORT_NOW", arg, 1);
      continue;
    }
    if (strcmp(line, "sql-is") == 0) {
      char *bar = strchr(arg, '|');
      sqlite3_stmt *st = NULL;
      if (!bar || sqlite3_prepare_v2(db_handle(db), bar + 1, -1, &st, NULL) != SQLITE_OK) {
        fail(lineno, "sql-is: want VALUE|QUERY (%s)%s", sqlite3_errmsg(db_handle(db)), "");
      } else {
        *bar = '\0';
        int rc = sqlite3_step(st);
        const char *got = rc != SQLITE_ROW                              ? "(none)"
                          : sqlite3_column_type(st, 0) == SQLITE_NULL ? "(null)"
                                                                      : (const char *)sqlite3_column_text(st, 0);
        if (strcmp(got, arg) != 0) fail(lineno, "sql-is: got '%s', expected '%s'", got, arg);
      }
      sqlite3_finalize(st);
      continue;
    }
    if (strcmp(line, "file") == 0) {
      write_file(f, arg, &lineno, update ? &rewritten : NULL, &files);
      continue;
    }
    if (strcmp(line, "config") == 0) {
      if (app) fail(lineno, "config %s: the app has started already%s", arg, "");
      else load_config(&cfg, arg, lineno);
      continue;
    }
    if (!app) { /* the app starts at the first line that uses it */
      app = ui_app_new(db, &cfg, &theme);
      ui_app_draw(app); /* the first paint: its idle work waits for "idle" or a key */
    }
    if (strcmp(line, "type") == 0) {
      type_text(app, arg);
    } else if (strcmp(line, "paste") == 0) {
      paste_text(app, in, arg, 1);
    } else if (strcmp(line, "paste-repeat") == 0) {
      char *text;
      long times = strtol(arg, &text, 10);
      if (times < 1 || *text != ' ') fail(lineno, "%s", "paste-repeat N TEXT");
      else paste_text(app, in, text + 1, times);
    } else if (strcmp(line, "key") == 0) {
      for (char *k = strtok(arg, " "); k; k = strtok(NULL, " ")) {
        rp_key key;
        if (!key_parse(k, &key)) fail(lineno, "unknown key '%s'%s", k, "");
        else ui_app_key(app, key);
        paint(app);
      }
    } else if (strcmp(line, "click") == 0 && sscanf(arg, "%d %d", &rows, &cols) == 2) {
      ui_app_mouse(app, rows, cols, 0);
      paint(app);
    } else if (strcmp(line, "wheel") == 0) {
      char dirn[8];
      if (sscanf(arg, "%7s %d %d", dirn, &rows, &cols) == 3)
        ui_app_mouse(app, rows, cols, strcmp(dirn, "up") == 0 ? -1 : 1);
      paint(app);
    } else if (strcmp(line, "expect") == 0 || strcmp(line, "expect-not") == 0) {
      char *scr_text = dump_screen();
      bool found = strstr(scr_text, arg) != NULL;
      if (found != (strcmp(line, "expect") == 0)) {
        fail(lineno, found ? "'%s' is on the screen:\n%s" : "'%s' is not on the screen:\n%s", arg,
             scr_text);
      }
      free(scr_text);
    } else if (strcmp(line, "selected") == 0 || strcmp(line, "unselected") == 0) {
      int y, x;
      bool want = strcmp(line, "selected") == 0;
      if (!find_text(arg, &y, &x)) {
        char *scr_text = dump_screen();
        fail(lineno, "'%s' is not on the screen:\n%s", arg, scr_text);
        free(scr_text);
      } else if (cell_selected(y, x) != want) {
        char *scr_text = dump_screen();
        fail(lineno, want ? "'%s' is not in the selected colour:\n%s"
                          : "'%s' is in the selected colour:\n%s", arg, scr_text);
        free(scr_text);
      }
    } else if (strcmp(line, "count") == 0) {
      long n = -1, want = atol(arg);
      struct rp_contact_query q = {0};
      contact_count(db, &q, &n, &err);
      if (n != want) {
        char got[32];
        snprintf(got, sizeof got, "%ld", n);
        fail(lineno, "count: got %s, expected %s", got, arg);
      }
    } else if (strcmp(line, "field") == 0) {
      check_field(db, arg, lineno);
    } else if (strcmp(line, "autoidle") == 0) {
      autoidle = strcmp(arg, "off") != 0;
    } else if (strcmp(line, "paint") == 0) {
      paint(app);
    } else if (strcmp(line, "idle") == 0) {
      char *before = dump_screen();
      if (!ui_app_idle(app)) fail(lineno, "no work was left after the first paint%s%s", "", "");
      paint(app);
      char *after = dump_screen();
      if (strcmp(arg, "same") == 0 && strcmp(before, after) != 0)
        fail(lineno, "the screen changed after the idle work.\n--- before\n%s--- after\n%s", before,
             after);
      free(before);
      free(after);
    } else if (strcmp(line, "fresh") == 0) {
      same_as_fresh(app, lineno, "fresh");
    } else if (strcmp(line, "walk") == 0) {
      char *keys[16];
      int n = 0;
      for (char *k = strtok(arg, " "); k && n < 16; k = strtok(NULL, " ")) keys[n++] = k;
      walk(app, keys, n, lineno);
    } else if (strcmp(line, "done") == 0) {
      if (!ui_app_done(app)) fail(lineno, "the app has not quit%s%s", "", "");
    } else if (strcmp(line, "running") == 0) {
      if (ui_app_done(app)) fail(lineno, "the app has quit%s%s", "", "");
    } else if (strcmp(line, "screen") == 0) {
      struct rp_buf want = {0};
      buf_adds(&want, "");
      int start = lineno;
      while (fgets(line, sizeof line, f)) {
        lineno++;
        if (strcmp(line, "end\n") == 0 || strcmp(line, "end") == 0) break;
        trim_nl(line);
        size_t n = strlen(line);
        while (n && line[n - 1] == ' ') line[--n] = '\0';
        buf_adds(&want, line);
        buf_addc(&want, '\n');
      }
      char *got = dump_screen();
      /* compare ignoring trailing empty lines */
      struct rp_buf g = {0};
      buf_adds(&g, got);
      while (g.len >= 2 && g.s[g.len - 1] == '\n' && g.s[g.len - 2] == '\n') g.s[--g.len] = '\0';
      while (want.len >= 2 && want.s[want.len - 1] == '\n' && want.s[want.len - 2] == '\n')
        want.s[--want.len] = '\0';
      if (update) {
        buf_adds(&rewritten, buf_str(&g));
        buf_adds(&rewritten, "end\n");
      } else if (strcmp(buf_str(&g), buf_str(&want)) != 0) {
        fail(start, "screen differs.\n--- expected\n%s--- got\n%s---", buf_str(&want), buf_str(&g));
      }
      buf_free(&g);
      buf_free(&want);
      free(got);
    } else {
      fail(lineno, "unknown command '%s'%s", line, "");
    }
  }
  fclose(f);
  ui_app_free(app);
  endwin();
  delscreen(scr);
  fclose(out);
  fclose(in);
  fclose(feed);
  remove(inpath);
  free(inpath);
  theme_free(&theme);
  config_free(&cfg);
  db_close(db);
  if (update && !failures) {
    FILE *w = fopen(script, "w");
    if (w) {
      fputs(buf_str(&rewritten), w);
      fclose(w);
    }
  }
  buf_free(&rewritten);
  for (size_t i = 0; i < files.n; i++) remove(files.v[i]);
  strv_free(&files);
  char *wal = xasprintf("%s-wal", dbpath), *shm = xasprintf("%s-shm", dbpath);
  remove(dbpath);
  remove(wal);
  remove(shm);
  remove(dir);
  free(wal);
  free(shm);
  free(dbpath);
  printf("%s: %s\n", script, failures ? "FAILED" : "ok");
  free(script_path);
  return failures ? 1 : 0;
}
