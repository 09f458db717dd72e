/* csv.h — a reader of RFC 4180 comma-separated values that knows the line
 * each record starts on: quoted fields may hold commas, doubled quotes and
 * line breaks; records end with LF or CRLF; a leading UTF-8 byte-order mark
 * is skipped. The separator may be another character (a tab). Reads from
 * text in memory; allocates only the fields. */
#ifndef RAPPORT_CSV_H
#define RAPPORT_CSV_H

#include <stddef.h>

#include "rapport/util.h"

struct rp_csv {
  const char *name;   /* file name for messages (not owned) */
  const char *p, *end; /* what is left to read (not owned) */
  int line;           /* line of p, from 1 */
  char sep;           /* between fields: ',' (csv_init), or set '\t' */
};

/* Read `len` bytes of `text` (which must outlive the reader), named `name`
 * in messages, from its first line, fields separated by commas; a UTF-8
 * byte-order mark is skipped. To start further in, set r->p and r->line
 * afterwards; for another separator, r->sep. */
void csv_init(struct rp_csv *r, const char *name, const char *text, size_t len);

/* The next record into `fields` (cleared first; each field a new string),
 * *line the line it starts on. RP_OK, RP_NO at the end of the text, or
 * RP_INVALID for a malformed record (err "NAME:LINE: what is wrong" with
 * the record's first line: a quote that is never closed, or text right
 * after a closing quote); after RP_INVALID the reader stands at the next
 * record, so a caller may go on. An empty line reads as one empty field. */
enum rp_status csv_next(struct rp_csv *r, struct rp_strv *fields, int *line, struct rp_err *err);

/* True when the record is an empty line (one empty field) or only empty
 * fields. */
bool csv_blank(const struct rp_strv *fields);

#endif
