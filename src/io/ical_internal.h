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

/* libical is loaded when a calendar is first needed (`export ics`, the
 * calendar vdir), not linked: with ICU and libstdc++ behind it, loading
 * it at start took about 6 ms of CPU, more than an empty curses program
 * needs to paint (issue 22). Every libical function src/io/ calls is
 * listed here, and its name stands for the loaded one below; a function
 * missing from the list is an undefined reference at link time. */
#define ICAL_FUNCTIONS(X) \
  X(icalcomponent_add_component) \
  X(icalcomponent_add_property) \
  X(icalcomponent_as_ical_string_r) \
  X(icalcomponent_free) \
  X(icalcomponent_get_dtstart) \
  X(icalcomponent_get_due) \
  X(icalcomponent_get_first_component) \
  X(icalcomponent_get_first_property) \
  X(icalcomponent_get_status) \
  X(icalcomponent_get_summary) \
  X(icalcomponent_get_uid) \
  X(icalcomponent_isa) \
  X(icalcomponent_new) \
  X(icaldurationtype_from_int) \
  X(icalmemory_free_buffer) \
  X(icalparameter_new_related) \
  X(icalparser_parse_string) \
  X(icalproperty_add_parameter) \
  X(icalproperty_new) \
  X(icalproperty_new_action) \
  X(icalproperty_new_calscale) \
  X(icalproperty_new_dtend) \
  X(icalproperty_new_dtstamp) \
  X(icalproperty_new_dtstart) \
  X(icalproperty_new_due) \
  X(icalproperty_new_prodid) \
  X(icalproperty_new_status) \
  X(icalproperty_new_trigger) \
  X(icalproperty_new_uid) \
  X(icalproperty_new_version) \
  X(icalproperty_set_value) \
  X(icaltime_as_timet_with_zone) \
  X(icaltime_from_string) \
  X(icaltime_from_timet_with_zone) \
  X(icaltime_is_null_time) \
  X(icaltime_is_valid_time) \
  X(icaltime_null_time) \
  X(icaltimezone_get_utc_timezone) \
  X(icalvalue_new_text)

/* The loaded functions, each typed as libical declares it. */
struct ical_fns {
#define ICAL_MEMBER(name) __typeof__(name) *name;
  ICAL_FUNCTIONS(ICAL_MEMBER)
#undef ICAL_MEMBER
};

/* Load libical (once; the library's soname comes from the build). RP_EDB
 * with the loader's reason when it cannot be loaded: the entry points
 * (export_ics, sync_calendar) call it first, to fail with a message. */
enum rp_status ical_lib_load(struct rp_err *err);

/* The loaded functions, loading them first if need be (a failure then is
 * fatal: rp_fatal). Owned by this module, for the whole run. */
const struct ical_fns *ical_lib(void);

#ifndef RAPPORT_ICAL_LIB_SELF /* ical_lib.c fills the table by these names */
#define icalcomponent_add_component (ical_lib()->icalcomponent_add_component)
#define icalcomponent_add_property (ical_lib()->icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (ical_lib()->icalcomponent_as_ical_string_r)
#define icalcomponent_free (ical_lib()->icalcomponent_free)
#define icalcomponent_get_dtstart (ical_lib()->icalcomponent_get_dtstart)
#define icalcomponent_get_due (ical_lib()->icalcomponent_get_due)
#define icalcomponent_get_first_component (ical_lib()->icalcomponent_get_first_component)
#define icalcomponent_get_first_property (ical_lib()->icalcomponent_get_first_property)
#define icalcomponent_get_status (ical_lib()->icalcomponent_get_status)
#define icalcomponent_get_summary (ical_lib()->icalcomponent_get_summary)
#define icalcomponent_get_uid (ical_lib()->icalcomponent_get_uid)
#define icalcomponent_isa (ical_lib()->icalcomponent_isa)
#define icalcomponent_new (ical_lib()->icalcomponent_new)
#define icaldurationtype_from_int (ical_lib()->icaldurationtype_from_int)
#define icalmemory_free_buffer (ical_lib()->icalmemory_free_buffer)
#define icalparameter_new_related (ical_lib()->icalparameter_new_related)
#define icalparser_parse_string (ical_lib()->icalparser_parse_string)
#define icalproperty_add_parameter (ical_lib()->icalproperty_add_parameter)
#define icalproperty_new (ical_lib()->icalproperty_new)
#define icalproperty_new_action (ical_lib()->icalproperty_new_action)
#define icalproperty_new_calscale (ical_lib()->icalproperty_new_calscale)
#define icalproperty_new_dtend (ical_lib()->icalproperty_new_dtend)
#define icalproperty_new_dtstamp (ical_lib()->icalproperty_new_dtstamp)
#define icalproperty_new_dtstart (ical_lib()->icalproperty_new_dtstart)
#define icalproperty_new_due (ical_lib()->icalproperty_new_due)
#define icalproperty_new_prodid (ical_lib()->icalproperty_new_prodid)
#define icalproperty_new_status (ical_lib()->icalproperty_new_status)
#define icalproperty_new_trigger (ical_lib()->icalproperty_new_trigger)
#define icalproperty_new_uid (ical_lib()->icalproperty_new_uid)
#define icalproperty_new_version (ical_lib()->icalproperty_new_version)
#define icalproperty_set_value (ical_lib()->icalproperty_set_value)
#define icaltime_as_timet_with_zone (ical_lib()->icaltime_as_timet_with_zone)
#define icaltime_from_string (ical_lib()->icaltime_from_string)
#define icaltime_from_timet_with_zone (ical_lib()->icaltime_from_timet_with_zone)
#define icaltime_is_null_time (ical_lib()->icaltime_is_null_time)
#define icaltime_is_valid_time (ical_lib()->icaltime_is_valid_time)
#define icaltime_null_time (ical_lib()->icaltime_null_time)
#define icaltimezone_get_utc_timezone (ical_lib()->icaltimezone_get_utc_timezone)
#define icalvalue_new_text (ical_lib()->icalvalue_new_text)
#endif

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
