/* import_csv.h — what the CSV importers share: import_csv.c finds the
 * header, recognises the export by its columns and reads the rows; each
 * format's file (import_linkedin.c, import_outlook.c, import_google.c)
 * maps its columns once and reads one row into a person. Not for other
 * modules. */
#ifndef RAPPORT_IMPORT_CSV_H
#define RAPPORT_IMPORT_CSV_H

#include "io/import_internal.h"

/* One row being read into a person. */
struct csv_row {
  const char *file;            /* name for messages */
  int line;                    /* where the row starts */
  const struct rp_strv *cells; /* never more than the header has */
  struct rp_import_person *p;  /* to fill; import_csv.c finishes it */
  const char *how_known;       /* for LinkedIn's people, or NULL */
};

/* A kind of CSV export. */
struct csv_format {
  const char *name;     /* what was found, for out->format */
  const char *name_tab; /* the same, separated by tabs */
  const char *what;     /* "an Outlook CSV": for a refusal */
  bool linkedin;        /* LinkedIn's Connections.csv */
  /* The columns' places, found once from the header cells: a new map the
   * caller frees with free(). */
  void *(*map)(const struct rp_strv *header);
  /* Fill r->p from the row (values that cannot be used are dropped with
   * import_person_warn). */
  void (*row)(const void *map, const struct csv_row *r);
};

/* The format whose header this is, or NULL: one per format's file. */
const struct csv_format *csv_linkedin_detect(const struct rp_strv *header);
const struct csv_format *csv_outlook_detect(const struct rp_strv *header);
const struct csv_format *csv_google_detect(const struct rp_strv *header);

/* True when header cell `cell` names the column `want`: case (ASCII),
 * blanks, quotes and a byte-order mark do not count ("  first name " is
 * "First Name"). */
bool csv_header_is(const char *cell, const char *want);
/* The index of the first header cell naming `want`, or -1. */
int csv_col(const struct rp_strv *header, const char *want);
/* The first of two names found (`alias` may be NULL), or -1. */
int csv_col2(const struct rp_strv *header, const char *want, const char *alias);
/* Cell i of the row; NULL when i < 0 or the row has fewer cells. */
const char *csv_cell(const struct csv_row *r, int i);

/* p->name from the parts given (NULL or blank ones left out), cleaned
 * (import_set_clean), and p->given, p->family from first and last. */
void csv_set_name(struct rp_import_person *p, const char *first, const char *middle,
                  const char *last);
/* p->location as "City, Country" (or either alone), unless it has one;
 * true when it has one afterwards. */
bool csv_set_location(struct rp_import_person *p, const char *city, const char *country);
/* Add the tag (trimmed; blank or one already there, ignoring case, adds
 * nothing). */
void csv_add_tag(struct rp_import_person *p, const char *tag);

#endif
