/* cadence.h — keeping relationships alive. Each contact may have a cadence
 * in days (contact.cadence_days; NULL = the config's default for its stage,
 * else for its warmth; 0 = none: only when there is a reason). The clock
 * restarts at the last logged interaction of any kind: a conversation
 * (held or started), a give, a note taken in a conversation, a follow-up
 * done or sent; with none yet, the day the contact was added. Days are
 * local calendar days ("YYYY-MM-DD"). */
#ifndef RAPPORT_CADENCE_H
#define RAPPORT_CADENCE_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* The cadence that applies to a contact with this stage, warmth and own
 * setting (-1 = not set): own setting, else cfg->cadence_by_stage for the
 * stage, else cfg->cadence_warm / cfg->cadence_cold. 0 = none. */
int cadence_effective(const struct rp_config *cfg, const char *stage, const char *warmth, int own);
/* Set a contact's own cadence: days 0–3650 (0 = none) or -1 to go back to
 * the default. */
enum rp_status cadence_set(struct rp_db *db, int64_t contact_id, int days, struct rp_err *err);

/* The local day of the contact's last interaction (or the day it was
 * added), and what it was ("conversation", "give", "note", "follow-up",
 * "added"). */
enum rp_status cadence_last(struct rp_db *db, int64_t contact_id, char day[11], const char **what,
                            struct rp_err *err);

struct rp_quiet {
  int64_t contact_id;
  char *name;
  char last[11];        /* "YYYY-MM-DD" of the last interaction */
  const char *last_what; /* as cadence_last */
  int cadence;          /* days */
  char due[11];         /* last + cadence */
  int days_over;        /* today − due, > 0 */
};

struct rp_quiet_list {
  struct rp_quiet *v;
  size_t n;
};

void quiet_list_free(struct rp_quiet_list *l);
/* Live contacts whose cadence has passed on `today` ("YYYY-MM-DD"; NULL =
 * today), longest overdue first. Contacts with cadence 0 never appear. */
enum rp_status cadence_quiet(struct rp_db *db, const struct rp_config *cfg, const char *today,
                             struct rp_quiet_list *out, struct rp_err *err);
/* For each quiet warm contact without an open check-in, create one (auto,
 * due the day the cadence ran out). Returns how many were created. Run by
 * `rapport agenda` and the other verbs that show check-ins; the full
 * screen runs it in steps after its first paint. Linear in the contacts
 * to work out (cadence_pending), committed in steps of a few thousand, so
 * one stopped part way resumes where it stopped. A long one (more than
 * 1,000 contacts: the first after an import, a restore or an upgrade) is
 * told as it goes to the journal's progress callback (db_open_progress). */
enum rp_status cadence_sync(struct rp_db *db, const struct rp_config *cfg, const char *today,
                            int *created, struct rp_err *err);
/* How many contacts the next cadence_sync on `today` (NULL = today) has
 * to work out: those something happened to, or whose day came; all of
 * them when the config's cadences changed. Counted up to `cap` (0 = all:
 * a count of every one due, so cap it where a screen waits). Reads only. */
enum rp_status cadence_pending(struct rp_db *db, const struct rp_config *cfg, const char *today,
                               long cap, long *n, struct rp_err *err);
/* One step of cadence_sync, in its own transaction: at most `batch`
 * contacts (> 0) worked out and committed. *done = how many were; fewer
 * than `batch` means the sync is finished. Adds the check-ins made to
 * *created (may be NULL). */
enum rp_status cadence_sync_step(struct rp_db *db, const struct rp_config *cfg, const char *today,
                                 long batch, long *done, int *created, struct rp_err *err);

#endif
