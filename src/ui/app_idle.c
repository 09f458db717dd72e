/* app_idle.c — the work the app does between keys: the undo log's
 * triggers, made once after the first paint so that the first key does
 * not wait for them; a long cadence sync (after an import or a restore)
 * in steps, its progress in the status bar, so that the first paint never
 * waits for it. */
#include <string.h>

#include "rapport/cadence.h"
#include "rapport/undo.h"

#include "app_internal.h"

/* Contacts a screen waits for the cadence sync of (more: in steps when
 * idle), and worked out per idle step (~100 ms at most on this kind of
 * journal, so a key waits little for the step under way). */
#define SYNC_INLINE 200
#define SYNC_STEP 500
static const char sync_what[] = "working out when each relationship goes quiet";

/* See ui_internal.h. Counted up to SYNC_INLINE + 1 only: the first
 * paint after an import of 100,000 people does not count them. */
void app_cadence_due(struct ui_app *app, bool first) {
  if (app->syncing) return; /* the idle steps are on it; they read Today again at the end */
  long n = 0;
  struct rp_err err;
  enum rp_status s = cadence_pending(app->db, app->cfg, NULL, SYNC_INLINE + 1, &n, &err);
  if (s == RP_OK && (n > SYNC_INLINE || (first && n > 0))) {
    app->syncing = true;
    app->sync_total = app->sync_done = 0;
    return;
  }
  if (s == RP_OK && n > 0) s = cadence_sync(app->db, app->cfg, NULL, NULL, &err);
  if (s != RP_OK) app_message(app, ROLE_ERROR, "%s", err.msg);
}

/* One step of a long cadence sync (app_cadence_due), its progress in the
 * status bar; Today is read again once it is over. False when there is
 * none under way. */
static bool cadence_idle(struct ui_app *app) {
  if (!app->syncing) return false;
  struct rp_err err;
  enum rp_status s = RP_OK;
  if (!app->sync_total) /* counted here, not before the first paint */
    s = cadence_pending(app->db, app->cfg, NULL, 0, &app->sync_total, &err);
  long done = 0;
  if (s == RP_OK) s = cadence_sync_step(app->db, app->cfg, NULL, SYNC_STEP, &done, NULL, &err);
  app->sync_done += done;
  bool ours = strncmp(app->message, sync_what, sizeof sync_what - 1) == 0;
  if (s != RP_OK || done < SYNC_STEP) {
    app->syncing = false;
    if (s != RP_OK) app_message(app, ROLE_ERROR, "%s", err.msg);
    else if (ours) app->message[0] = '\0';
    app->screens[0]->ops->enter(app->screens[0]); /* Today: read again */
    return true;
  }
  long total = app->sync_total > app->sync_done ? app->sync_total : app->sync_done + 1;
  if (!app->message[0] || ours)
    app_message(app, ROLE_STATUS, "%s\xE2\x80\xA6 %ld %%", sync_what,
                (long)(100.0 * (double)app->sync_done / (double)total));
  return true;
}

bool ui_app_idle(struct ui_app *app) {
  if (!app->undo_ready) { /* nothing to draw after it: on to the rest */
    app->undo_ready = true;
    undo_prepare(app->db);
  }
  struct pane *p = app_current(app);
  return app->tabs && ((p->ops->idle && p->ops->idle(p)) || cadence_idle(app));
}

