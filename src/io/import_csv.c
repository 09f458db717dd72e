/* import_csv.c — CSV exports of contacts (see rapport/import.h): the
 * header line found (after LinkedIn's notes), the export recognised by its
 * columns, then one person per row, read by the format's file in one pass
 * over the text. Also what the formats' files share (import_csv.h). */
#include "io/import_csv.h"

#include <stdlib.h>
#include <string.h>

#include "rapport/csv.h"

#define BOM "\xEF\xBB\xBF"
#define LINKEDIN_HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
/* How far down the header may be: LinkedIn writes three lines of notes. */
enum { HEADER_SEARCH_LINES = 50 };
/* The longest header repeated in a message about a row. */
enum { HEADER_SHOWN_MAX = 100 };

/* ---- shared with the formats' files ---- */

/* What does not count in a header cell. */
static bool header_skips(char c) {
  return c == ' ' || c == '\t' || c == '"' || c == '\r' || c == '\n';
}

static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* See import_csv.h. */
bool csv_header_is(const char *cell, const char *want) {
  if (strncmp(cell, BOM, 3) == 0) cell += 3;
  for (;;) {
    while (header_skips(*cell)) cell++;
    while (header_skips(*want)) want++;
    if (!*cell || !*want) return !*cell && !*want;
    if (ascii_lower(*cell++) != ascii_lower(*want++)) return false;
  }
}

/* See import_csv.h. */
int csv_col(const struct rp_strv *header, const char *want) {
  for (size_t i = 0; i < header->n; i++)
    if (csv_header_is(header->v[i], want)) return (int)i;
  return -1;
}

/* See import_csv.h. */
int csv_col2(const struct rp_strv *header, const char *want, const char *alias) {
  int i = csv_col(header, want);
  return i < 0 && alias ? csv_col(header, alias) : i;
}

/* See import_csv.h. */
const char *csv_cell(const struct csv_row *r, int i) {
  return i >= 0 && (size_t)i < r->cells->n ? r->cells->v[i] : NULL;
}

/* See import_csv.h. */
void csv_set_name(struct rp_import_person *p, const char *first, const char *middle,
                  const char *last) {
  struct rp_buf b = {0};
  const char *parts[] = {first, middle, last};
  for (size_t i = 0; i < RP_ARRAY_LEN(parts); i++)
    if (!str_empty(parts[i])) {
      buf_adds(&b, " ");
      buf_adds(&b, parts[i]);
    }
  import_set_clean(&p->name, buf_str(&b));
  buf_free(&b);
  import_set_clean(&p->given, first);
  import_set_clean(&p->family, last);
}

/* See import_csv.h. */
bool csv_set_location(struct rp_import_person *p, const char *city, const char *country) {
  if (p->location) return true;
  char *c = NULL, *k = NULL;
  import_set_clean(&c, city);
  import_set_clean(&k, country);
  if (c && k) p->location = xasprintf("%s, %s", c, k);
  else p->location = c ? xstrdup(c) : xstrdup(k);
  free(c);
  free(k);
  return p->location != NULL;
}

/* See import_csv.h. */
void csv_add_tag(struct rp_import_person *p, const char *tag) {
  char *t = NULL;
  import_set(&t, tag);
  bool there = !t;
  for (size_t i = 0; i < p->tags.n && !there; i++) there = str_ieq(p->tags.v[i], t);
  if (!there) strv_push(&p->tags, t);
  free(t);
}

/* ---- the header ---- */

/* The format of an export with these header cells, or NULL. Google's
 * numbered columns first, then Outlook's (whose names LinkedIn's pre-2017
 * export shares), then LinkedIn's few. */
static const struct csv_format *detect(const struct rp_strv *header) {
  const struct csv_format *f = csv_google_detect(header);
  if (!f) f = csv_outlook_detect(header);
  if (!f) f = csv_linkedin_detect(header);
  return f;
}

/* The cells of one physical line [s, e), separated by sep; quotes are
 * honoured within the line (header lines have no line breaks in them). */
static void split_line(const char *s, const char *e, char sep, struct rp_strv *cells) {
  strv_clear(cells);
  struct rp_buf b = {0};
  for (;;) {
    buf_reset(&b);
    buf_adds(&b, "");
    bool quoted = false;
    for (; s < e && (quoted || *s != sep); s++) {
      if (*s != '"') buf_addc(&b, *s);
      else if (quoted && s + 1 < e && s[1] == '"') buf_addc(&b, *s++);
      else quoted = !quoted;
    }
    strv_push(cells, buf_str(&b));
    if (s >= e) break;
    s++;
  }
  buf_free(&b);
}

/* Where the header was found. */
struct header_at {
  const char *p;                 /* its first byte */
  int line;                      /* its line */
  char sep;                      /* ',' or '\t' */
  const struct csv_format *fmt;  /* what it is */
  int first_line;                /* the first line that is not blank */
};

/* Find the header among the first lines of the text: the first line whose
 * cells are a known export's columns. Lines end as csv.c ends them (LF,
 * CRLF or CR). A line with tabs and no comma is split at its tabs. False
 * (h->first_line set) when there is none. */
static bool find_header(const char *text, size_t len, struct header_at *h) {
  const char *p = text, *end = text + len;
  if (len >= 3 && memcmp(p, BOM, 3) == 0) p += 3;
  memset(h, 0, sizeof *h);
  struct rp_strv cells = {0};
  for (int line = 1; p < end && line <= HEADER_SEARCH_LINES; line++) {
    const char *e = p;
    bool blank = true;
    for (; e < end && *e != '\n' && *e != '\r'; e++) blank = blank && str_is_space(*e);
    if (!blank) {
      if (!h->first_line) h->first_line = line;
      size_t n = (size_t)(e - p);
      h->sep = !memchr(p, ',', n) && memchr(p, '\t', n) ? '\t' : ',';
      split_line(p, e, h->sep, &cells);
      h->fmt = detect(&cells);
      if (h->fmt) {
        h->p = p;
        h->line = line;
        break;
      }
    }
    if (e < end && *e == '\r') {
      if (++e < end && *e == '\n') e++;
    } else if (e < end) {
      e++;
    }
    p = e;
  }
  strv_free(&cells);
  if (!h->first_line) h->first_line = 1;
  return h->fmt != NULL;
}

/* The refusal of a text without a known header. */
static enum rp_status unknown_header(const char *name, const struct header_at *h,
                                     bool linkedin_only, struct rp_err *err) {
  if (linkedin_only)
    return rp_err_set(err, RP_INVALID,
                      "%s: no header line \"" LINKEDIN_HEADER
                      "\"; is this LinkedIn's Connections.csv?",
                      name);
  return rp_err_set(err, RP_INVALID,
                    "%s:%d: not a CSV export rapport knows; it needs LinkedIn's columns (First "
                    "Name, Last Name, URL, Email Address, Company, Position, Connected On), "
                    "Outlook's (First Name, Last Name, E-mail Address, \xE2\x80\xA6) or Google's "
                    "(First Name or Name, E-mail 1 - Value, \xE2\x80\xA6)",
                    name, h->first_line);
}

/* ---- the rows ---- */

/* What a row with too many cells is told: the header repeated when short.
 * New string, caller frees. */
static char *too_many(size_t got, const struct rp_strv *header, char sep) {
  char *shown = strv_join(header, ",");
  char *msg = strlen(shown) <= HEADER_SHOWN_MAX
                  ? xasprintf("%zu fields, expected %zu as in the header (%s); a field with a "
                              "%s must be in double quotes",
                              got, header->n, shown, sep == '\t' ? "tab" : "comma")
                  : xasprintf("%zu fields, expected %zu as in the header; a field with a %s "
                              "must be in double quotes",
                              got, header->n, sep == '\t' ? "tab" : "comma");
  free(shown);
  return msg;
}

/* Read the rows after the header (r stands on the header line) into out,
 * one pass; the columns are mapped from the header read as a record.
 * RP_INVALID (err) when the header itself is broken (a quote never
 * closed). */
static enum rp_status read_rows(struct rp_csv *r, const struct header_at *h, const char *how_known,
                                struct rp_import_people *out, struct rp_err *err) {
  struct rp_strv header = {0}, f = {0};
  struct rp_err rerr;
  int at;
  enum rp_status st = csv_next(r, &header, &at, &rerr);
  const struct csv_format *fmt = h->fmt;
  if (st != RP_OK) {
    strv_free(&header);
    return rp_err_set(err, RP_INVALID, "%s", rerr.msg);
  }
  void *map = fmt->map(&header);
  out->format = h->sep == '\t' ? fmt->name_tab : fmt->name;
  while ((st = csv_next(r, &f, &at, &rerr)) != RP_NO) {
    if (st == RP_OK && csv_blank(&f)) continue;
    struct rp_import_person *p = import_person_add(out, r->name, at);
    if (st == RP_INVALID) { /* "NAME:LINE: why" → why */
      char *prefix = xasprintf("%s:%d: ", r->name, at);
      size_t k = strlen(prefix);
      import_person_bad(p, "%s", strncmp(rerr.msg, prefix, k) == 0 ? rerr.msg + k : rerr.msg);
      free(prefix);
    } else if (f.n > header.n) {
      char *msg = too_many(f.n, &header, h->sep);
      import_person_bad(p, "%s", msg);
      free(msg);
    } else {
      struct csv_row row = {r->name, at, &f, p, how_known};
      fmt->row(map, &row);
      import_person_finish(p);
    }
  }
  free(map);
  strv_free(&f);
  strv_free(&header);
  return RP_OK;
}

/* import_parse_csv, or with linkedin_only import_parse_linkedin. */
static enum rp_status parse(const char *name, const char *text, size_t len, const char *how_known,
                            bool linkedin_only, struct rp_import_people *out,
                            struct rp_err *err) {
  memset(out, 0, sizeof *out);
  struct header_at h;
  if (!find_header(text, len, &h)) return unknown_header(name, &h, linkedin_only, err);
  if (linkedin_only && !h.fmt->linkedin)
    return rp_err_set(err, RP_INVALID,
                      "%s:%d: this is %s, not LinkedIn's Connections.csv; use rapport import csv",
                      name, h.line, h.fmt->what);
  struct rp_csv r;
  csv_init(&r, name, text, len);
  r.p = h.p;
  r.line = h.line;
  r.sep = h.sep;
  enum rp_status st = read_rows(&r, &h, how_known, out, err);
  if (st != RP_OK) import_people_free(out);
  return st;
}

/* See import.h. */
enum rp_status import_parse_csv(const char *name, const char *text, size_t len,
                                const char *how_known, struct rp_import_people *out,
                                struct rp_err *err) {
  return parse(name, text, len, how_known, false, out, err);
}

/* See import.h. */
enum rp_status import_parse_linkedin(const char *name, const char *text, size_t len,
                                     const char *how_known, struct rp_import_people *out,
                                     struct rp_err *err) {
  return parse(name, text, len, how_known, true, out, err);
}
