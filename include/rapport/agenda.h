/* agenda.h — what Today shows and `rapport agenda` prints: what to do
 * today, and why. */
#ifndef RAPPORT_AGENDA_H
#define RAPPORT_AGENDA_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

enum rp_agenda_section {
  AG_OVERDUE,    /* open follow-ups (not thank-yous, success reports or the
                    actions and introductions below) due before today */
  AG_TODAY,      /* … due today */
  AG_WEEK,       /* … due in the next `days` days */
  AG_THANKS,     /* thank-you notes owed (open), whatever their due date */
  AG_ACTIONS,    /* the `+` actions of held conversations (open), whatever
                    their due date (rapport/plan.h) */
  AG_INTRODUCTIONS, /* referrals: reach out to the person referred, thank the
                       introducer once you have talked to them */
  AG_UPCOMING,   /* planned conversations scheduled from now to `days` days ahead,
                    and interrupted calls */
  AG_QUIET,      /* relationships going quiet (past cadence) without an open check-in */
  AG_SUCCESS,    /* success reports owed */
  AG_SECTION_COUNT
};
extern const char *const rp_agenda_section_titles[AG_SECTION_COUNT];
/* "overdue", "today", "week", "thanks", "actions", "introductions",
 * "upcoming", "quiet", "success" (json) */
extern const char *const rp_agenda_section_keys[AG_SECTION_COUNT];

struct rp_agenda_item {
  enum rp_agenda_section section;
  int64_t contact_id;
  char *contact_name;
  int64_t followup_id;     /* 0 = not a follow-up */
  int64_t conversation_id; /* upcoming conversations */
  char *kind;              /* follow-up kind, "conversation", or "quiet"; what a call
                              left: "action", "reach-out", "introducer-thanks" */
  char *date;              /* due / scheduled ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM") */
  char *why;               /* one line: "thank-you for your call on 2026-11-29 · due tomorrow" */
  char *origin;            /* what made a follow-up from a call's notes (rapport/plan.h:
                              "action", "reach-out", "introducer-thanks", "promise"),
                              else NULL */
};

/* A section read in part is counted up to this many items ("500+"). */
#define AGENDA_COUNT_CAP 500

struct rp_agenda {
  struct rp_agenda_item *v;
  size_t n;
  /* the items each section has: all of them when read in full, else
   * counted up to AGENDA_COUNT_CAP (that many means "at least") */
  long total[AG_SECTION_COUNT];
  /* agenda_compute_screen: the total is only a lower bound (a section
   * below the screen: 1 when it has an item; one read in part: what was
   * read, and one more) */
  bool at_least[AG_SECTION_COUNT];
};

void agenda_free(struct rp_agenda *a);
/* Everything for `today` (NULL = today) and the next `days` days (1–60),
 * in section order, each section soonest first. Runs cadence_sync first,
 * so quiet warm relationships appear as check-ins. */
enum rp_status agenda_compute(struct rp_db *db, const struct rp_config *cfg, const char *today,
                              int days, struct rp_agenda *out, struct rp_err *err);

/* agenda_compute's items, in the same order, handed to fn one at a time
 * as they are read (an item's strings live only for the call): what is
 * held is one item, however large the journal, so the CLI prints as it
 * reads. A status other than RP_OK from fn stops it there and is
 * returned (with the err fn set). Runs cadence_sync first; RP_INVALID as
 * agenda_compute. */
typedef enum rp_status (*agenda_item_fn)(void *ctx, const struct rp_agenda_item *it,
                                         struct rp_err *err);
enum rp_status agenda_each(struct rp_db *db, const struct rp_config *cfg, const char *today,
                           int days, agenda_item_fn fn, void *ctx, struct rp_err *err);

/* The same, reading at most `limit` items per section (0 = all) and
 * counting the rest (out->total): what a screen shows. Does not run
 * cadence_sync: the caller does, or runs it in steps (cadence_sync_step)
 * and reads the page again when it is done. The cost follows
 * the limit, not the size of the journal. Within a day, a page's
 * follow-ups are in the order they were made (not by name), so a page of
 * n items is the start of a page of m > n. */
enum rp_status agenda_compute_page(struct rp_db *db, const struct rp_config *cfg,
                                   const char *today, int days, long limit, struct rp_agenda *out,
                                   struct rp_err *err);

/* The part of that page the first `rows` rows of a screen show, laid out
 * as Today does (each section: a heading, its items, and "N more" when it
 * was read in part): the sections are read in order while rows are left.
 * Nothing is counted beyond the screen: a section read in part has the
 * items read and one more as its total, one below the screen 1 when it
 * has an item (at_least set for both; 0 when it has none), so the cost is
 * the screen's, whatever the journal holds. The other totals are as in
 * the page, and the items are the start of the page's. What Today paints
 * first; it reads the page once painted. */
enum rp_status agenda_compute_screen(struct rp_db *db, const struct rp_config *cfg,
                                     const char *today, int days, long limit, long rows,
                                     struct rp_agenda *out, struct rp_err *err);

#endif
