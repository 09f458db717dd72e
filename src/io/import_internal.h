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

/* A hash table from matching key to the index of a contact. The keys are
 * kept end to end in one buffer, so adding one allocates nothing most of
 * the time. */
struct import_index {
  struct import_slot {
    size_t key; /* 1 + offset of the key in keys; 0 = empty */
    size_t val;
  } *slots;
  size_t cap, n;
  struct rp_buf keys;
};
/* The value of key in ix into *val; false when it is not there. */
bool import_index_get(const struct import_index *ix, const char *key, size_t *val);
/* Add key → val unless the key is there already (the first contact with
 * it keeps it); with `replace`, a key already there takes val. Returns the
 * value the key had before (SIZE_MAX when it is new). */
size_t import_index_put(struct import_index *ix, const char *key, size_t val, bool replace);
/* Free ix's memory and empty it. */
void import_index_free(struct import_index *ix);

#endif
