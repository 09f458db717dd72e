/* ical_internal.h — the one iCalendar model of src/io/, on libical: the
 * VEVENT of a planned conversation and the VTODO of an open follow-up,
 * built for both `export ics` (export_ics.c) and the calendar vdir
 * (sync_calendar.c), and what rapport reads back from an item a phone or
 * server wrote (ical_read.c). Private to src/io/. */
#ifndef RAPPORT_IO_ICAL_INTERNAL_H
#define RAPPORT_IO_ICAL_INTERNAL_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stdint.h>

#include "rapport/config.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/db.h"
#include "rapport/followup.h"
#include "rapport/util.h"

/* A new, empty VCALENDAR (VERSION, PRODID, CALSCALE). Caller frees with
 * icalcomponent_free. */
icalcomponent *ical_calendar_new(void);

/* The VEVENT of planned conversation c with `who`: UID (export_uuid of
 * jid, "conversation", c->id), DTSTAMP the row's last change, DTSTART and
 * DTEND in UTC from the planned length, SUMMARY "Conversation with NAME
 * (ORG)", DESCRIPTION the objective and the numbered questions, LOCATION
 * the channel's label, STATUS:CONFIRMED and, when alarm_minutes > 0, a
 * display VALARM that many minutes before the start. Caller frees (or
 * adds it to a calendar, which then owns it). */
enum rp_status ical_event_new(struct rp_db *db, const struct rp_config *cfg,
                              const struct rp_contact *who, const struct rp_conversation *c,
                              const char *jid, int alarm_minutes, icalcomponent **out,
                              struct rp_err *err);

/* The VTODO of open follow-up f: UID (export_uuid of jid, "followup",
 * f->id), DTSTAMP the row's last change, DUE the day to do it (the later
 * of due and snoozed-until, as a DATE), SUMMARY "Thank NAME", "Check in
 * with NAME", … or, for an action and any custom follow-up, its text;
 * DESCRIPTION the why (its note), how to send it and the draft;
 * STATUS:NEEDS-ACTION and, when `alarm`, a display VALARM at 09:00 on the
 * due day. Caller frees. */
icalcomponent *ical_todo_new(const struct rp_followup *f, const char *jid, bool alarm);

/* The SUMMARY ical_todo_new gives f. Caller frees. */
char *ical_todo_summary(const struct rp_followup *f);

/* The whole calendar as text: CRLF lines folded at 75 octets, as libical
 * writes them. Caller frees. */
char *ical_text(icalcomponent *cal);

/* What rapport reads back from one .ics item. */
struct ical_item {
  char *uid;        /* NULL when the item has none */
  bool todo;        /* a VTODO; else a VEVENT */
  bool completed;   /* VTODO: STATUS:COMPLETED or a COMPLETED property */
  bool cancelled;   /* STATUS:CANCELLED */
  char day[11];     /* VTODO: the DUE day ("YYYY-MM-DD", local), "" when none */
  int64_t start;    /* VEVENT: DTSTART, seconds since the epoch; 0 when none */
};

/* Parse one item's text: the first VEVENT or VTODO of its VCALENDAR (a
 * TZID resolved from the item's VTIMEZONE or the system's zones, a
 * floating time or a DATE read as local time). RP_INVALID with why in err
 * when it is no iCalendar, holds neither, or its UID is missing. */
enum rp_status ical_item_parse(const char *text, struct ical_item *out, struct rp_err *err);
void ical_item_free(struct ical_item *it);

#endif
