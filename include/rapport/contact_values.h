/* contact_values.h — the several emails, phones and URLs of one person, each
 * with its kind of use (work, home, mobile, …) and which one is preferred.
 * Plain in-memory lists shared by the contact model, the importers and the
 * exporters; no SQL and no I/O here. */
#ifndef RAPPORT_CONTACT_VALUES_H
#define RAPPORT_CONTACT_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/util.h"

enum rp_value_kind { VALUE_EMAIL, VALUE_PHONE, VALUE_URL, VALUE_KINDS };

/* The kind's name as stored and exported: "email", "phone", "url". */
const char *contact_value_kind_name(enum rp_value_kind k);

/* One email, phone number or URL. */
struct rp_contact_value {
  char *value;    /* trimmed UTF-8, never empty */
  char *type;     /* lower-case kind of use ("work", "home", "mobile", "fax",
                     "other", or whatever another program wrote), or NULL */
  bool preferred; /* the one to use first; at most one per list once normalised */
};

/* A list in its order (the order people wrote them in). */
struct rp_contact_values {
  struct rp_contact_value *v;
  size_t n;
};

/* Append a copy of value (trimmed; NULL or blank adds nothing) with its type
 * (trimmed, lower-cased; NULL or blank = none). When the same value is there
 * already (contact_value_same) nothing is appended, but the one there takes
 * the type if it had none and becomes preferred if this one is. Returns the
 * index of the value in the list, or -1 when nothing was given. */
long contact_values_add(struct rp_contact_values *vs, enum rp_value_kind k, const char *value,
                        const char *type, bool preferred);
/* Remove entry i (i < n). */
void contact_values_remove(struct rp_contact_values *vs, size_t i);
/* Free every entry; vs is left empty and reusable. */
void contact_values_free(struct rp_contact_values *vs);
/* dst becomes a deep copy of src (dst's old entries are freed). */
void contact_values_copy(struct rp_contact_values *dst, const struct rp_contact_values *src);
/* Index of the primary value: the first preferred one, else the first;
 * -1 when the list is empty. */
long contact_values_primary(const struct rp_contact_values *vs);
/* The primary value's text, or NULL when empty (owned by vs). */
const char *contact_values_primary_value(const struct rp_contact_values *vs);
/* Index of a value equal to `value` (contact_value_same), or -1. */
long contact_values_find(const struct rp_contact_values *vs, enum rp_value_kind k,
                         const char *value);
/* Leave at most one entry preferred (the first that is) and drop entries
 * that repeat an earlier value (the earlier keeps their type/preference). */
void contact_values_normalize(struct rp_contact_values *vs, enum rp_value_kind k);

/* The key two values of kind k are compared by, into b (emptied first):
 * an email folded to lower case; a phone's digits (and a leading '+');
 * a URL without its scheme, "www.", query, fragment and trailing slashes,
 * folded to lower case. False (b empty) when the value has no key (a phone
 * with no digit). */
bool contact_value_key(enum rp_value_kind k, const char *value, struct rp_buf *b);
/* True when a and b have the same key (or, without keys, are equal). */
bool contact_value_same(enum rp_value_kind k, const char *a, const char *b);

/* Keep the primary field (c->email, c->phone, c->url) and the list in step,
 * the field winning for the primary slot:
 * - an empty list gets the field as its one (preferred) entry;
 * - an empty field removes the list's primary entry;
 * - a field equal to another entry makes that one the preferred;
 * - a different field replaces the primary entry's value;
 * then the list is normalised and *field set to the primary value (or NULL).
 * Used by contact validation and by the importers. */
void contact_values_sync(struct rp_contact_values *vs, enum rp_value_kind k, char **field);

#endif
