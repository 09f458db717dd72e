/* outcome.h — outcomes ("I got the role", "I decided against it") and the
 * people who helped along the way, so that every one of them hears how it
 * turned out. */
#ifndef RAPPORT_OUTCOME_H
#define RAPPORT_OUTCOME_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

struct rp_helper {
  int64_t contact_id;
  char *name;
  char *why; /* "you met them about it", "introduced you to Zoë Ørsted",
                "referred you to Priya Shah" */
};

struct rp_helper_list {
  struct rp_helper *v;
  size_t n;
};

void helper_list_free(struct rp_helper_list *l);

/* Who helped towards an outcome linked to `contacts` (n ids): each of those
 * contacts (met about it), everyone up the chain of introductions to each
 * of them (who introduced them, who introduced the introducer, …), and the
 * person whose conversation referred each of them (a referral note). Each
 * person once (the first reason found), in that order; live contacts
 * only. */
enum rp_status outcome_helpers(struct rp_db *db, const int64_t *contacts, size_t n,
                               struct rp_helper_list *out, struct rp_err *err);

/* Log an outcome (text required; date NULL = today) linked to `contacts`,
 * and in the same transaction create a "report success" follow-up (auto,
 * due today, note = the outcome's text) for each helper and for everyone
 * a call's notes promised news (why "you promised to let them know"),
 * whose open "update" follow-ups are closed (skipped). *id receives the
 * outcome, *helpers (may be NULL) the helpers and those promised news. */
enum rp_status outcome_add(struct rp_db *db, const char *text, const char *date,
                           const int64_t *contacts, size_t n, int64_t *id,
                           struct rp_helper_list *helpers, struct rp_err *err);

#endif
