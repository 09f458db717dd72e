/* sync.h — keeping the journal in step with vdir folders (rapport/vdir.h)
 * that vdirsyncer syncs with CardDAV/CalDAV servers, both ways: contacts
 * as vCards in one collection folder, planned conversations (VEVENT) and
 * open follow-ups, actions and owed thank-yous (VTODO) as iCalendar items
 * in another. The state of each synced item (its file, UID and the copy
 * last synced, the base of the three-way merge) is kept in the journal's
 * sync_item table. A sync is one transaction and one undo step. */
#ifndef RAPPORT_SYNC_H
#define RAPPORT_SYNC_H

#include <stdbool.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* What to sync and how. Folders NULL: that side is not synced. */
struct sync_opts {
  const char *contacts_dir; /* a collection folder of .vcf items */
  const char *calendar_dir; /* a collection folder of .ics items */
  bool dry_run;             /* say what would happen; change nothing */
  bool follow_deletes;      /* --delete: a file deleted in the folder deletes in the journal */
  struct rp_strv stages;    /* contacts that go out: these stages (empty: all) */
  struct rp_strv tags;      /* … and these tags (empty: all) */
  int alarm_minutes;        /* VALARM before a planned conversation */
};

/* One line of the report: what happened (or would, in a dry run) to one
 * item. */
enum sync_what {
  SYNC_WRITTEN,   /* the journal's item written to the folder (new or changed) */
  SYNC_READ,      /* the folder's item read into the journal (new or changed) */
  SYNC_REMOVED,   /* a file removed from the folder (its item is gone from the journal) */
  SYNC_DELETED,   /* --delete: a journal item deleted because its file was */
  SYNC_UNLINKED,  /* a file deleted in the folder: the journal item kept, no longer synced */
  SYNC_CONFLICT,  /* both sides changed one field: the journal kept, the other value saved */
  SYNC_SKIPPED,   /* a file that is not a valid item: left alone */
};

struct sync_line {
  enum sync_what what;
  char *file; /* the item's file name in its folder */
  char *text; /* for people: "Priya Shah: phone +44 20 …" */
};

struct sync_report {
  struct sync_line *lines;
  size_t n, cap;
  long counts[SYNC_SKIPPED + 1]; /* per enum sync_what */
};

/* Add a line (copies file and the formatted text). */
void sync_report_add(struct sync_report *r, enum sync_what what, const char *file,
                     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void sync_report_free(struct sync_report *r);
/* "1 written, 2 read" for the kinds of line the report has; "" when it
 * has none. New string, caller frees. */
char *sync_report_summary(const struct sync_report *r);
/* "written", "read", "removed", "deleted", "unlinked", "conflict", "skipped". */
const char *sync_what_name(enum sync_what w);

/* The contacts side: live contacts (filtered by opts) out as vCards, cards
 * changed or added in the folder in, three-way merge per field. Runs inside
 * the transaction sync_run opens. */
enum rp_status sync_contacts(struct rp_db *db, const struct rp_config *cfg,
                             const struct sync_opts *opts, struct sync_report *r,
                             struct rp_err *err);
/* The calendar side: planned conversations as VEVENTs, open follow-ups,
 * actions and owed thank-yous as VTODOs out; completed or moved items in.
 * Runs inside the transaction sync_run opens. */
enum rp_status sync_calendar(struct rp_db *db, const struct rp_config *cfg,
                             const struct sync_opts *opts, struct sync_report *r,
                             struct rp_err *err);
/* The options the config's sync: section gives (folders, stages, tags);
 * o is overwritten; it points into cfg. */
void sync_opts_from_config(struct sync_opts *o, const struct rp_config *cfg);
/* The whole sync: one at a time per journal (a second waits briefly, then
 * RP_BUSY-like error "a sync of this journal is running"), one
 * transaction, one undo step; contacts then calendar. */
enum rp_status sync_run(struct rp_db *db, const struct rp_config *cfg,
                        const struct sync_opts *opts, struct sync_report *r,
                        struct rp_err *err);

#endif
