/* sync_calendar.c — the calendar side of a sync (see rapport/sync.h).
 * Until it is written, a sync with a calendar folder says so and changes
 * nothing. */
#include "rapport/sync.h"

/* See sync.h. */
enum rp_status sync_calendar(struct rp_db *db, const struct rp_config *cfg,
                             const struct sync_opts *opts, struct sync_report *r,
                             struct rp_err *err) {
  (void)db, (void)cfg, (void)r;
  return rp_err_set(err, RP_INVALID, "%s: syncing a calendar is not available yet",
                    opts->calendar_dir ? opts->calendar_dir : "calendar");
}
