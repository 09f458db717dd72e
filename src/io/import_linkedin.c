/* import_linkedin.c — LinkedIn's Connections.csv (see rapport/import.h):
 * its header of every year since 2017, columns found by name, and one
 * connection per row. Found and read by import_csv.c. */
#include <stdlib.h>
#include <strings.h>

#include "io/import_csv.h"
#include "io/import_date.h"

enum { COL_FIRST, COL_LAST, COL_URL, COL_EMAIL, COL_COMPANY, COL_POSITION, COL_CONNECTED, NCOLS };
static const char *const col_names[NCOLS] = {"First Name", "Last Name", "URL", "Email Address",
                                             "Company", "Position", "Connected On"};

/* Where each column is (-1: not in this year's header). */
struct linkedin_map {
  int col[NCOLS];
};

/* See import_csv.h (struct csv_format). */
static void *linkedin_map(const struct rp_strv *header) {
  struct linkedin_map *m = xmalloc(sizeof *m);
  for (int c = 0; c < NCOLS; c++) m->col[c] = csv_col(header, col_names[c]);
  return m;
}

/* See import_csv.h (struct csv_format). The profile URL is typed
 * "linkedin"; a member id (urn:li:…) in the email column is no email: it
 * stands for the profile when the row has no URL. */
static void linkedin_row(const void *map, const struct csv_row *r) {
  const struct linkedin_map *m = map;
  struct rp_import_person *p = r->p;
  csv_set_name(p, csv_cell(r, m->col[COL_FIRST]), NULL, csv_cell(r, m->col[COL_LAST]));
  contact_values_add(&p->urls, VALUE_URL, csv_cell(r, m->col[COL_URL]), "linkedin", false);
  char *email = NULL;
  import_set(&email, csv_cell(r, m->col[COL_EMAIL]));
  if (email && strncasecmp(email, "urn:li:", 7) == 0) {
    if (!p->urls.n) contact_values_add(&p->urls, VALUE_URL, email, "linkedin", false);
  } else {
    import_person_email(p, r->file, r->line, email, NULL, false);
  }
  free(email);
  import_set_clean(&p->org, csv_cell(r, m->col[COL_COMPANY]));
  import_set_clean(&p->role, csv_cell(r, m->col[COL_POSITION]));
  import_set(&p->how_known, r->how_known);
  char *when = NULL, day[11];
  import_set(&when, csv_cell(r, m->col[COL_CONNECTED]));
  if (when && import_date_parse(when, day)) {
    p->known_since = xstrdup(day);
  } else if (when) {
    char clip[100];
    import_person_warn(p, r->file, r->line, "kept without 'known since': '%s' is not a date",
                       str_clip(when, clip, sizeof clip));
  }
  free(when);
}

static const struct csv_format linkedin = {
    "LinkedIn connections", "LinkedIn connections (tab-separated)",
    "LinkedIn's Connections.csv", true, linkedin_map, linkedin_row};
static const struct csv_format linkedin_2018 = {
    "LinkedIn connections (2018-2021 export)",
    "LinkedIn connections (2018-2021 export, tab-separated)", "LinkedIn's Connections.csv", true,
    linkedin_map, linkedin_row};

/* See import_csv.h. First Name and Last Name with any other of LinkedIn's
 * columns; without URL, the 2018–2021 export. */
const struct csv_format *csv_linkedin_detect(const struct rp_strv *header) {
  if (csv_col(header, col_names[COL_FIRST]) < 0 || csv_col(header, col_names[COL_LAST]) < 0)
    return NULL;
  if (csv_col(header, col_names[COL_URL]) >= 0) return &linkedin;
  for (int c = COL_EMAIL; c < NCOLS; c++)
    if (csv_col(header, col_names[c]) >= 0) return &linkedin_2018;
  return NULL;
}
