/* ical_read.c — see ical_internal.h: what rapport reads back from one
 * .ics item of a calendar folder, parsed by libical (VTIMEZONE and TZID,
 * DATE and DATE-TIME, STATUS and COMPLETED). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/ical_internal.h"

/* Seconds since the epoch of t: in its zone when it has one (UTC, a TZID
 * the item's VTIMEZONE or the system defines), else (a floating time, a
 * DATE) as local time. */
static int64_t time_of(struct icaltimetype t) {
  if (t.zone && !t.is_date) return (int64_t)icaltime_as_timet_with_zone(t, t.zone);
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  tm.tm_year = t.year - 1900;
  tm.tm_mon = t.month - 1;
  tm.tm_mday = t.day;
  if (!t.is_date) {
    tm.tm_hour = t.hour;
    tm.tm_min = t.minute;
    tm.tm_sec = t.second;
  }
  tm.tm_isdst = -1;
  return (int64_t)mktime(&tm);
}

/* The local day of t into day ("YYYY-MM-DD"): a DATE as it is, a time
 * converted to the local zone. */
static void day_of(struct icaltimetype t, char day[11]) {
  if (t.is_date || !t.zone) {
    snprintf(day, 11, "%04d-%02d-%02d", t.year, t.month, t.day);
    return;
  }
  time_t s = (time_t)time_of(t);
  struct tm tm;
  localtime_r(&s, &tm);
  strftime(day, 11, "%Y-%m-%d", &tm);
}

/* See ical_internal.h. */
enum rp_status ical_item_parse(const char *text, struct ical_item *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  icalcomponent *root = icalparser_parse_string(text);
  if (!root) return rp_err_set(err, RP_INVALID, "not iCalendar");
  icalcomponent *c = NULL;
  if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
    c = icalcomponent_get_first_component(root, ICAL_VTODO_COMPONENT);
    if (!c) c = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
  } else if (icalcomponent_isa(root) == ICAL_VTODO_COMPONENT ||
             icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT) {
    c = root;
  }
  enum rp_status s = RP_OK;
  if (!c) {
    s = rp_err_set(err, RP_INVALID, "no VEVENT or VTODO in it");
  } else if (str_empty(icalcomponent_get_uid(c))) {
    s = rp_err_set(err, RP_INVALID, "%s without a UID",
                   icalcomponent_isa(c) == ICAL_VTODO_COMPONENT ? "VTODO" : "VEVENT");
  } else {
    out->uid = xstrdup(icalcomponent_get_uid(c));
    out->todo = icalcomponent_isa(c) == ICAL_VTODO_COMPONENT;
    icalproperty_status st = icalcomponent_get_status(c);
    out->cancelled = st == ICAL_STATUS_CANCELLED;
    out->completed = out->todo && (st == ICAL_STATUS_COMPLETED ||
                                   icalcomponent_get_first_property(c, ICAL_COMPLETED_PROPERTY));
    if (out->todo) {
      if (icalcomponent_get_first_property(c, ICAL_DUE_PROPERTY)) {
        struct icaltimetype due = icalcomponent_get_due(c);
        if (!icaltime_is_null_time(due) && icaltime_is_valid_time(due)) day_of(due, out->day);
      }
    } else if (icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY)) {
      struct icaltimetype start = icalcomponent_get_dtstart(c);
      if (!icaltime_is_null_time(start) && icaltime_is_valid_time(start))
        out->start = time_of(start);
    }
  }
  icalcomponent_free(root);
  return s;
}

/* See ical_internal.h. */
void ical_item_free(struct ical_item *it) {
  free(it->uid);
  memset(it, 0, sizeof *it);
}
