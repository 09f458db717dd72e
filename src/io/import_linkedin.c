/* import_linkedin.c — LinkedIn's Connections.csv (see rapport/import.h):
 * notes, then the header line, then one connection per row. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/import_internal.h"
#include "rapport/csv.h"

enum { COL_FIRST, COL_LAST, COL_URL, COL_EMAIL, COL_COMPANY, COL_POSITION, COL_CONNECTED, NCOLS };
static const char *const col_names[NCOLS] = {"First Name", "Last Name", "URL", "Email Address",
                                             "Company", "Position", "Connected On"};
#define HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On"

/* "07 Mar 2024" (or "7 Mar 2024", or already "2024-03-07") into out as
 * "YYYY-MM-DD"; false when it names no day. */
static bool parse_date(const char *s, char out[11]) {
  static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
  if (date_valid(s)) {
    memcpy(out, s, 11);
    return true;
  }
  int day, year, used = 0;
  char mon[4];
  if (sscanf(s, "%2d %3[A-Za-z] %4d%n", &day, mon, &year, &used) != 3 || s[used] != '\0' ||
      strlen(mon) != 3 || !isdigit((unsigned char)s[0]))
    return false;
  const char *y = strrchr(s, ' ');
  if (!y || strlen(y + 1) != 4) return false; /* "24" is not a year */
  for (int m = 0; m < 12; m++) {
    if (strcasecmp(mon, months[m]) != 0) continue;
    snprintf(out, 11, "%04d-%02d-%02d", year, m + 1, day);
    return date_valid(out);
  }
  return false;
}

/* Spaces around a header cell, and quotes around it, do not count. */
static bool cell_is(const char *cell, const char *want) {
  while (*cell == ' ') cell++;
  size_t n = strlen(cell);
  while (n && cell[n - 1] == ' ') n--;
  if (n >= 2 && cell[0] == '"' && cell[n - 1] == '"') {
    cell++;
    n -= 2;
  }
  return n == strlen(want) && strncasecmp(cell, want, n) == 0;
}

/* Where the header line starts: the first line whose first cells are
 * "First Name" and "Last Name" (in any case). Sets *line. NULL if none. */
static const char *find_header(const char *text, const char *end, int *line) {
  const char *p = text;
  if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  for (*line = 1; p < end; (*line)++) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    size_t n = (size_t)(eol - p);
    char *l = xstrndup(p, n);
    char *comma = strchr(l, ',');
    bool found = false;
    if (comma) {
      *comma = '\0';
      char *second = comma + 1, *c2 = strchr(second, ',');
      if (c2) *c2 = '\0';
      size_t k = strlen(second);
      if (k && second[k - 1] == '\r') second[k - 1] = '\0';
      found = cell_is(l, col_names[COL_FIRST]) && cell_is(second, col_names[COL_LAST]);
    }
    free(l);
    if (found) return p;
    p = eol + (eol < end);
  }
  return NULL;
}

/* Map header cells to columns; a column missing from the header is -1. */
static void map_header(const struct rp_strv *cells, int idx[NCOLS]) {
  for (int c = 0; c < NCOLS; c++) {
    idx[c] = -1;
    for (size_t i = 0; i < cells->n && idx[c] < 0; i++)
      if (cell_is(cells->v[i], col_names[c])) idx[c] = (int)i;
  }
}

static const char *cell(const struct rp_strv *f, const int idx[NCOLS], int c) {
  return idx[c] >= 0 && (size_t)idx[c] < f->n ? f->v[idx[c]] : NULL;
}

/* One row into person (marked bad when it cannot be read). */
static void read_row(struct rp_import_person *p, const struct rp_strv *f, size_t ncells,
                     const int idx[NCOLS], const char *how_known) {
  if (f->n != ncells) {
    import_person_bad(p, "%zu fields, expected %zu as in the header (%s); a field with a comma "
                         "must be in double quotes",
                      f->n, ncells, HEADER);
    return;
  }
  struct rp_buf name = {0};
  const char *first = cell(f, idx, COL_FIRST), *last = cell(f, idx, COL_LAST);
  buf_adds(&name, first ? first : "");
  buf_adds(&name, " ");
  buf_adds(&name, last ? last : "");
  import_set(&p->name, buf_str(&name));
  buf_free(&name);
  import_set(&p->url, cell(f, idx, COL_URL));
  import_set(&p->email, cell(f, idx, COL_EMAIL));
  import_set(&p->org, cell(f, idx, COL_COMPANY));
  import_set(&p->role, cell(f, idx, COL_POSITION));
  import_set(&p->how_known, how_known);
  char *when = NULL;
  import_set(&when, cell(f, idx, COL_CONNECTED));
  char day[11];
  if (when && !parse_date(when, day)) {
    char clip[100];
    import_person_bad(p, "Connected On '%s' is not a date such as 07 Mar 2024",
                      str_clip(when, clip, sizeof clip));
  } else if (when) {
    p->known_since = xstrdup(day);
  }
  free(when);
  if (!p->name) import_person_bad(p, "no name: First Name and Last Name are both empty");
}

/* See import.h. */
enum rp_status import_parse_linkedin(const char *name, const char *text, size_t len,
                                     const char *how_known, struct rp_import_people *out,
                                     struct rp_err *err) {
  memset(out, 0, sizeof *out);
  int line;
  const char *start = find_header(text, text + len, &line);
  if (!start)
    return rp_err_set(err, RP_INVALID,
                      "%s: no header line \"" HEADER "\"; is this LinkedIn's Connections.csv?",
                      name);
  struct rp_csv r;
  csv_init(&r, name, text, len);
  r.p = start;
  r.line = line;
  struct rp_strv f = {0};
  struct rp_err rerr;
  int idx[NCOLS], at;
  size_t ncells = 0;
  enum rp_status st = csv_next(&r, &f, &at, &rerr);
  if (st == RP_OK) {
    map_header(&f, idx);
    ncells = f.n;
  }
  while (st == RP_OK) {
    st = csv_next(&r, &f, &at, &rerr);
    if (st == RP_NO) break;
    if (st == RP_OK && csv_blank(&f)) continue;
    struct rp_import_person *p = import_person_add(out, name, at);
    if (st == RP_INVALID) {
      /* "NAME:LINE: why" → why */
      char *prefix = xasprintf("%s:%d: ", name, at);
      size_t k = strlen(prefix);
      import_person_bad(p, "%s", strncmp(rerr.msg, prefix, k) == 0 ? rerr.msg + k : rerr.msg);
      free(prefix);
      st = RP_OK;
      continue;
    }
    read_row(p, &f, ncells, idx, how_known);
  }
  strv_free(&f);
  if (st == RP_INVALID) { /* the header itself is broken */
    import_people_free(out);
    return rp_err_set(err, RP_INVALID, "%s", rerr.msg);
  }
  return RP_OK;
}

/* See import.h. (For now: LinkedIn only.) */
enum rp_status import_parse_csv(const char *name, const char *text, size_t len,
                                const char *how_known, struct rp_import_people *out,
                                struct rp_err *err) {
  return import_parse_linkedin(name, text, len, how_known, out, err);
}
