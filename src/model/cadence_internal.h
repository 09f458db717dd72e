/* cadence_internal.h — shared by cadence.c and agenda.c. Not for modules
 * outside src/model/. */
#ifndef RAPPORT_CADENCE_INTERNAL_H
#define RAPPORT_CADENCE_INTERNAL_H

#include "rapport/cadence.h"

/* Whether a quiet period of contact `contact_id` whose cadence ran out on
 * `due` is already taken care of: there is an open check-in, or a check-in
 * due on or after `due` was skipped (skipping says "not this time"; the
 * next period brings a new one). */
enum rp_status cadence_handled(struct rp_db *db, int64_t contact_id, const char *due,
                               bool *handled, struct rp_err *err);

#endif
