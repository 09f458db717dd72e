/* sync_calendar_internal.h — what the journal wants in a calendar folder
 * (sync_calendar_items.c), for sync_calendar.c. Private to src/io/. */
#ifndef RAPPORT_IO_SYNC_CALENDAR_INTERNAL_H
#define RAPPORT_IO_SYNC_CALENDAR_INTERNAL_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/sync.h"
#include "rapport/util.h"

/* One item the journal wants in the folder. */
struct cal_want {
  const char *kind; /* "conversation", "followup" or "thanks" (static) */
  int64_t ref_id;   /* the conversation or follow-up */
  char uid[37];
  char *text;       /* the whole item: a VCALENDAR with one VEVENT or VTODO */
  char hash[17];    /* vdir_hash of text */
  char *what;       /* for the report: its SUMMARY */
};

struct cal_want_list {
  struct cal_want *v;
  size_t n, cap;
};

/* Every item the journal wants: each planned, scheduled conversation of a
 * live contact as a VEVENT with an alarm opts->alarm_minutes before (30
 * when 0); each open follow-up of a live contact (a thank-you as kind
 * "thanks") as a VTODO with an alarm on its day. Caller frees with
 * cal_want_list_free. */
enum rp_status cal_want_build(struct rp_db *db, const struct rp_config *cfg,
                              const struct sync_opts *opts, struct cal_want_list *out,
                              struct rp_err *err);
void cal_want_list_free(struct cal_want_list *l);
/* The wanted item of that kind and row, or NULL. */
const struct cal_want *cal_want_find(const struct cal_want_list *l, const char *kind,
                                     int64_t ref_id);

#endif
