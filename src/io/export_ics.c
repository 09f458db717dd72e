/* export_ics.c — see rapport/export.h: planned conversations as VEVENTs and
 * open follow-ups as VTODOs in one VCALENDAR (RFC 5545), built by the same
 * libical model as the calendar vdir (ical_build.c): times in UTC, UIDs
 * derived from the journal id and the row id, DTSTAMP the row's last
 * change (so the same journal gives the same bytes, and a calendar sees a
 * change only when there is one). No alarms: a file imported once is no
 * reminder that should ring. */
#include <stdlib.h>
#include <string.h>

#include "io/ical_internal.h"
#include "rapport/dump.h"
#include "rapport/export.h"

/* See export.h. */
enum rp_status export_ics(struct rp_db *db, const struct rp_config *cfg, struct rp_buf *out,
                          struct rp_err *err) {
  char jid[33];
  enum rp_status s = ical_lib_load(err);
  if (s == RP_OK) s = dump_journal_id(db, jid, err);
  struct rp_contact_list l = {0};
  if (s == RP_OK) s = contact_list(db, NULL, 0, -1, &l, err);
  if (s != RP_OK) return s;
  icalcomponent *cal = ical_calendar_new();
  for (size_t i = 0; i < l.n && s == RP_OK; i++) {
    struct rp_conversation_list cl = {0};
    s = conv_list(db, l.v[i].id, &cl, err);
    for (size_t k = cl.n; k-- > 0 && s == RP_OK;) { /* oldest first */
      if (!cl.v[k].scheduled_at || strcmp(cl.v[k].status, "planned") != 0) continue;
      icalcomponent *e = NULL;
      s = ical_event_new(db, cfg, &l.v[i], &cl.v[k], jid, 0, &e, err);
      if (e) icalcomponent_add_component(cal, e);
    }
    conv_list_free(&cl);
  }
  contact_list_free(&l);
  struct rp_followup_list fl = {0};
  if (s == RP_OK) s = followup_list_open(db, 0, &fl, err);
  for (size_t i = 0; i < fl.n && s == RP_OK; i++)
    icalcomponent_add_component(cal, ical_todo_new(&fl.v[i], jid, false));
  followup_list_free(&fl);
  if (s == RP_OK) {
    char *text = ical_text(cal);
    buf_adds(out, text);
    free(text);
  }
  icalcomponent_free(cal);
  return s;
}
