/* import_internal.h — what the parsers in src/io/ (import_linkedin.c,
 * vcard_read.c) share with import.c. Not for other modules. */
#ifndef RAPPORT_IMPORT_INTERNAL_H
#define RAPPORT_IMPORT_INTERNAL_H

#include "rapport/import.h"

/* Append a zeroed person at "NAME:LINE" to p; returns it (owned by p). */
struct rp_import_person *import_person_add(struct rp_import_people *p, const char *name, int line);
/* Mark person bad with the reason (printf-style), unless it already is. */
void import_person_bad(struct rp_import_person *person, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Replace *dst with the trimmed s; empty (or NULL) leaves NULL. */
void import_set(char **dst, const char *s);

#endif
