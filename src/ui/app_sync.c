/* app_sync.c — the sync the config asks for when the full screen opens or
 * quits (sync: on_start, on_quit; rapport/sync.h). It never blocks the
 * screen: a failure is a message in the status bar (or, on quit, given
 * back to print once the terminal is restored), and sync_run leaves the
 * journal and the folders consistent whatever happens. */
#include <stdlib.h>

#include "rapport/sync.h"
#include "ui_internal.h"

/* See ui_internal.h. */
bool app_sync(struct ui_app *app, char **failure) {
  const struct rp_config *cfg = app_config(app);
  struct sync_opts o;
  sync_opts_from_config(&o, cfg);
  if (!o.contacts_dir && !o.calendar_dir) {
    app_message(app, ROLE_WARNING, "sync: no folder set (sync: contacts: or calendar: in the "
                                   "config)");
    return true;
  }
  struct sync_report r = {0};
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = sync_run(app_db(app), cfg, &o, &r, &err);
  if (st == RP_OK) {
    char *sum = sync_report_summary(&r);
    const char *why = r.counts[SYNC_CONFLICT]  ? " (the other values are in the contacts' notes)"
                      : r.counts[SYNC_SKIPPED] ? " (rapport sync names the files)"
                                               : "";
    app_message(app, why[0] ? ROLE_WARNING : ROLE_SUCCESS, "synced: %s%s",
                sum[0] ? sum : "all in step", why);
    free(sum);
  } else {
    app_message(app, ROLE_ERROR, "sync failed, nothing lost: %s", err.msg);
    if (failure) *failure = xstrdup(err.msg);
  }
  sync_report_free(&r);
  return st == RP_OK;
}
