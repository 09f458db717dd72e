/* sync_calendar_items.c — see sync_calendar_internal.h: the items the
 * journal wants in a calendar folder, each its own VCALENDAR built by the
 * model export ics uses (ical_build.c). */
#include <stdlib.h>
#include <string.h>

#include "io/ical_internal.h"
#include "io/sync_calendar_internal.h"
#include "rapport/dump.h"
#include "rapport/vdir.h"

#define DEFAULT_ALARM_MINUTES 30

/* Append an item made of component c (taken: freed here). */
static void want_add(struct cal_want_list *l, const char *kind, int64_t ref_id,
                     icalcomponent *c) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 16;
    l->v = xrealloc(l->v, l->cap * sizeof *l->v);
  }
  struct cal_want *w = &l->v[l->n++];
  memset(w, 0, sizeof *w);
  w->kind = kind;
  w->ref_id = ref_id;
  const char *uid = icalcomponent_get_uid(c);
  snprintf(w->uid, sizeof w->uid, "%s", uid ? uid : "");
  const char *summary = icalcomponent_get_summary(c);
  w->what = xstrdup(summary ? summary : "");
  icalcomponent *cal = ical_calendar_new();
  icalcomponent_add_component(cal, c);
  w->text = ical_text(cal);
  icalcomponent_free(cal);
  vdir_hash(w->text, strlen(w->text), w->hash);
}

/* See sync_calendar_internal.h. */
enum rp_status cal_want_build(struct rp_db *db, const struct rp_config *cfg,
                              const struct sync_opts *opts, struct cal_want_list *out,
                              struct rp_err *err) {
  memset(out, 0, sizeof *out);
  int alarm = opts->alarm_minutes > 0 ? opts->alarm_minutes : DEFAULT_ALARM_MINUTES;
  char jid[33];
  enum rp_status s = dump_journal_id(db, jid, err);
  struct rp_contact_list l = {0};
  if (s == RP_OK) s = contact_list(db, NULL, 0, -1, &l, err);
  for (size_t i = 0; i < l.n && s == RP_OK; i++) {
    struct rp_conversation_list cl = {0};
    s = conv_list(db, l.v[i].id, &cl, err);
    for (size_t k = cl.n; k-- > 0 && s == RP_OK;) {
      if (!cl.v[k].scheduled_at || strcmp(cl.v[k].status, "planned") != 0) continue;
      icalcomponent *e = NULL;
      s = ical_event_new(db, cfg, &l.v[i], &cl.v[k], jid, alarm, &e, err);
      if (e) want_add(out, "conversation", cl.v[k].id, e);
    }
    conv_list_free(&cl);
  }
  contact_list_free(&l);
  struct rp_followup_list fl = {0};
  if (s == RP_OK) s = followup_list_open(db, 0, &fl, err);
  for (size_t i = 0; i < fl.n && s == RP_OK; i++) {
    bool thanks = strcmp(fl.v[i].kind, "thank-you") == 0;
    want_add(out, thanks ? "thanks" : "followup", fl.v[i].id, ical_todo_new(&fl.v[i], jid, true));
  }
  followup_list_free(&fl);
  if (s != RP_OK) cal_want_list_free(out);
  return s;
}

/* See sync_calendar_internal.h. */
void cal_want_list_free(struct cal_want_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->v[i].text);
    free(l->v[i].what);
  }
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* See sync_calendar_internal.h. */
const struct cal_want *cal_want_find(const struct cal_want_list *l, const char *kind,
                                     int64_t ref_id) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].ref_id == ref_id && strcmp(l->v[i].kind, kind) == 0) return &l->v[i];
  return NULL;
}
