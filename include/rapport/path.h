/* path.h — introductions: the chain from someone you know personally to a
 * contact, and the warmest known path to a person or an organisation.
 *
 * A contact is known personally when their warmth is "warm" and their
 * how-known is not "referral". Every contact has at most one introducer, so
 * the chain of a contact is unique: the contact, their introducer, that
 * person's introducer, … up to the first contact known personally. There is
 * no path when the chain ends (or loops) before reaching one. */
#ifndef RAPPORT_PATH_H
#define RAPPORT_PATH_H

#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

struct rp_path {
  int64_t *ids;  /* from the person you know (first) to the target (last) */
  struct rp_strv names;
  struct rp_strv orgs; /* "" when unknown */
  size_t n;      /* people on the path; introductions = n - 1 */
};

void path_free(struct rp_path *p);
/* The chain to contact `target`. RP_NO when there is none. */
enum rp_status path_to_contact(struct rp_db *db, int64_t target, struct rp_path *out,
                               struct rp_err *err);
/* The shortest chain to anyone at organisation `org` (case-insensitive
 * exact match); ties broken by name. RP_NO when there is none. */
enum rp_status path_to_org(struct rp_db *db, const char *org, struct rp_path *out,
                           struct rp_err *err);
/* People whom `target` introduced (direct), as "Name (Org)"; appended. */
enum rp_status path_introduced(struct rp_db *db, int64_t target, struct rp_strv *out,
                               struct rp_err *err);
/* For a hint when there is no path: contacts known personally whose field
 * or organisation matches `field` (case-insensitive substring), as
 * "Name (Org, field)", at most `max`. */
enum rp_status path_hint(struct rp_db *db, const char *field, size_t max, struct rp_strv *out,
                         struct rp_err *err);

#endif
