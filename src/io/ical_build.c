/* ical_build.c — see ical_internal.h: the VEVENT of a planned
 * conversation and the VTODO of an open follow-up, built with libical for
 * `export ics` and the calendar vdir alike. Deterministic: every value
 * comes from the journal (DTSTAMP is the row's last change), so the same
 * journal gives the same bytes. */
#include <stdlib.h>
#include <string.h>

#include "io/ical_internal.h"
#include "rapport/export.h"
#include "rapport/question.h"

/* See ical_internal.h. */
icalcomponent *ical_calendar_new(void) {
  char *prodid = xasprintf("-//rapport//rapport %s//EN", RAPPORT_VERSION);
  icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_prodid(prodid));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  free(prodid);
  return cal;
}

static struct icaltimetype utc_time(int64_t t) {
  return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

/* A TEXT property (libical escapes it); nothing for an empty value. */
static void add_text(icalcomponent *c, icalproperty_kind kind, const char *value) {
  if (str_empty(value)) return;
  icalproperty *p = icalproperty_new(kind);
  icalproperty_set_value(p, icalvalue_new_text(value));
  icalcomponent_add_property(c, p);
}

/* A display alarm: `seconds` from the start (VEVENT) or, `related_end`,
 * from the due day (VTODO). */
static void add_alarm(icalcomponent *c, int seconds, bool related_end, const char *what) {
  icalcomponent *a = icalcomponent_new(ICAL_VALARM_COMPONENT);
  icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
  struct icaltriggertype tr;
  memset(&tr, 0, sizeof tr);
  tr.time = icaltime_null_time();
  tr.duration = icaldurationtype_from_int(seconds);
  icalproperty *t = icalproperty_new_trigger(tr);
  if (related_end) icalproperty_add_parameter(t, icalparameter_new_related(ICAL_RELATED_END));
  icalcomponent_add_property(a, t);
  add_text(a, ICAL_DESCRIPTION_PROPERTY, what);
  icalcomponent_add_component(c, a);
}

static const char *label_of(const struct rp_choices *ch, const char *key) {
  const struct rp_choice *c = choices_find(ch, key);
  return c && !str_empty(c->label) ? c->label : key;
}

/* See ical_internal.h. */
enum rp_status ical_event_new(struct rp_db *db, const struct rp_config *cfg,
                              const struct rp_contact *who, const struct rp_conversation *c,
                              const char *jid, int alarm_minutes, icalcomponent **out,
                              struct rp_err *err) {
  *out = NULL;
  struct rp_question_list ql = {0};
  enum rp_status s = question_list(db, c->id, &ql, err);
  if (s != RP_OK) return s;
  char uuid[37];
  export_uuid(jid, "conversation", c->id, uuid);
  icalcomponent *e = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(e, icalproperty_new_uid(uuid));
  icalcomponent_add_property(e, icalproperty_new_dtstamp(utc_time(c->updated_at)));
  icalcomponent_add_property(e, icalproperty_new_dtstart(utc_time(c->scheduled_at)));
  icalcomponent_add_property(
      e, icalproperty_new_dtend(utc_time(c->scheduled_at + (int64_t)c->minutes * 60)));
  char *summary = str_empty(who->org) ? xasprintf("Conversation with %s", who->name)
                                      : xasprintf("Conversation with %s (%s)", who->name, who->org);
  add_text(e, ICAL_SUMMARY_PROPERTY, summary);
  struct rp_buf d = {0};
  buf_adds(&d, "");
  if (!str_empty(c->objective)) buf_addf(&d, "Objective: %s\n", c->objective);
  if (ql.n) buf_adds(&d, "Questions:\n");
  for (size_t i = 0; i < ql.n; i++) buf_addf(&d, "%zu. %s\n", i + 1, ql.v[i].text);
  if (d.len && d.s[d.len - 1] == '\n') d.s[--d.len] = '\0';
  add_text(e, ICAL_DESCRIPTION_PROPERTY, buf_str(&d));
  buf_free(&d);
  question_list_free(&ql);
  if (!str_empty(c->channel))
    add_text(e, ICAL_LOCATION_PROPERTY, label_of(&cfg->channels, c->channel));
  icalcomponent_add_property(e, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
  if (alarm_minutes > 0) add_alarm(e, -alarm_minutes * 60, false, summary);
  free(summary);
  *out = e;
  return RP_OK;
}

/* See ical_internal.h. */
char *ical_todo_summary(const struct rp_followup *f) {
  const char *name = f->contact_name ? f->contact_name : "";
  const char *kind = f->kind ? f->kind : "";
  if (strcmp(kind, "thank-you") == 0) return xasprintf("Thank %s", name);
  if (strcmp(kind, "check-in") == 0) return xasprintf("Check in with %s", name);
  if (strcmp(kind, "update") == 0) return xasprintf("Share an update with %s", name);
  if (strcmp(kind, "success") == 0) return xasprintf("Report success to %s", name);
  if (!str_empty(f->note)) return xasprintf("%s (%s)", f->note, name);
  return xasprintf("Follow up with %s", name);
}

/* See ical_internal.h. */
icalcomponent *ical_todo_new(const struct rp_followup *f, const char *jid, bool alarm) {
  char uuid[37];
  export_uuid(jid, "followup", f->id, uuid);
  icalcomponent *t = icalcomponent_new(ICAL_VTODO_COMPONENT);
  icalcomponent_add_property(t, icalproperty_new_uid(uuid));
  icalcomponent_add_property(t, icalproperty_new_dtstamp(utc_time(f->updated_at)));
  const char *day = followup_effective_due(f);
  if (date_valid(day)) {
    struct icaltimetype due = icaltime_from_string(day);
    due.is_date = 1;
    icalcomponent_add_property(t, icalproperty_new_due(due));
  }
  char *summary = ical_todo_summary(f);
  add_text(t, ICAL_SUMMARY_PROPERTY, summary);
  struct rp_buf desc = {0};
  buf_adds(&desc, "");
  bool custom = f->kind && strcmp(f->kind, "custom") == 0;
  if (!str_empty(f->note) && !custom) buf_addf(&desc, "%s\n", f->note);
  if (!str_empty(f->medium)) buf_addf(&desc, "By %s.", f->medium);
  if (!str_empty(f->draft)) buf_addf(&desc, "\n\n%s", f->draft);
  add_text(t, ICAL_DESCRIPTION_PROPERTY, buf_str(&desc));
  buf_free(&desc);
  icalcomponent_add_property(t, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
  if (alarm && date_valid(day)) add_alarm(t, 9 * 3600, true, summary);
  free(summary);
  return t;
}

/* See ical_internal.h. */
char *ical_text(icalcomponent *cal) {
  char *s = icalcomponent_as_ical_string_r(cal);
  char *copy = xstrdup(s ? s : "");
  icalmemory_free_buffer(s);
  return copy;
}
