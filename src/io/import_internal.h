/* import_internal.h — what the parsers in src/io/ (import_csv*.c,
 * vcard_read.c) share with import.c. Not for other modules. */
#ifndef RAPPORT_IMPORT_INTERNAL_H
#define RAPPORT_IMPORT_INTERNAL_H

#include "rapport/import.h"

/* Append a zeroed person at "NAME:LINE" to p; returns it (owned by p). */
struct rp_import_person *import_person_add(struct rp_import_people *p, const char *name, int line);
/* Mark person bad with the reason (printf-style), unless it already is. */
void import_person_bad(struct rp_import_person *person, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Note that a value was dropped from the person (or repaired): msg
 * (printf-style) such as "kept without 'known since': '31/31/31' is not a
 * date", at FILE:LINE. import_people reports it with the person's name. */
void import_person_warn(struct rp_import_person *person, const char *file, int line,
                        const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Replace *dst with the trimmed s; empty (or NULL) leaves NULL. */
void import_set(char **dst, const char *s);
/* Replace *dst with s trimmed and every inner run of white space (spaces,
 * tabs, line breaks, no-break spaces) made one space: for names,
 * organisations and positions. Empty (or NULL) leaves NULL. */
void import_set_clean(char **dst, const char *s);
/* Add an email to the person when it looks like one (something@something,
 * no spaces; a "mailto:" prefix is dropped); otherwise warn "kept without
 * email 'x': …" at FILE:LINE. */
void import_person_email(struct rp_import_person *p, const char *file, int line,
                         const char *value, const char *type, bool preferred);
/* Finish a person once its file has been read: the primaries (email, phone,
 * url) from the lists, and a missing name from the first email, else the
 * first phone; with none of those the person is nameless. A bad person is
 * left as it is. */
void import_person_finish(struct rp_import_person *p);

#endif
