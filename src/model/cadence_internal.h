/* cadence_internal.h — shared by cadence.c and agenda.c. Not for modules
 * outside src/model/. */
#ifndef RAPPORT_CADENCE_INTERNAL_H
#define RAPPORT_CADENCE_INTERNAL_H

#include "rapport/cadence.h"

/* The statement a sync reads one contact's last interactions with (bind
 * 1 = its id), for a test of its plan: a lookup by id, never a scan. */
extern const char cadence_last_sql[];

/* Whether a quiet period of contact `contact_id` whose cadence ran out on
 * `due` is already taken care of: there is an open check-in, or a check-in
 * due on or after `due` was skipped (skipping says "not this time"; the
 * next period brings a new one). */
enum rp_status cadence_handled(struct rp_db *db, int64_t contact_id, const char *due,
                               bool *handled, struct rp_err *err);

/* The quiet contacts without a check-in on `today`, as the last
 * cadence_sync worked them out (cadence_state): longest overdue first, then
 * by name and id; at most `limit` (0 = all). Caller frees *out. */
enum rp_status cadence_quiet_unhandled(struct rp_db *db, const struct rp_config *cfg,
                                       const char *today, long limit,
                                       struct rp_quiet_list *out, struct rp_err *err);

/* The same, one at a time: fn is called with each (its strings live only
 * for the call) and a status other than RP_OK from it stops the read
 * with that status. Nothing else is held in memory. */
typedef enum rp_status (*cadence_quiet_fn)(void *ctx, const struct rp_quiet *q,
                                           struct rp_err *err);
enum rp_status cadence_quiet_each(struct rp_db *db, const char *today, long limit,
                                  cadence_quiet_fn fn, void *ctx, struct rp_err *err);

/* How many quiet contacts without a check-in there are on `today`,
 * counting up to `cap` (0 = all). Right after cadence_sync (which clears
 * the quiet day of deleted contacts). */
enum rp_status cadence_quiet_count(struct rp_db *db, const char *today, long cap, long *n,
                                   struct rp_err *err);

#endif
