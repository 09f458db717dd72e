/* export_ics.c — see rapport/export.h: planned conversations as VEVENTs and
 * open follow-ups as VTODOs in one VCALENDAR (RFC 5545): CRLF, folding at
 * 75 octets, TEXT escaping, times in UTC, UIDs derived from the journal id
 * and the row id, DTSTAMP the row's last change (so the same journal gives
 * the same bytes, and a calendar sees a change only when there is one). */
#include <stdlib.h>
#include <string.h>

#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/followup.h"
#include "rapport/question.h"

static void prop(struct rp_buf *out, const char *name, const char *value) {
  if (str_empty(value)) return;
  struct rp_buf line = {0};
  buf_adds(&line, name);
  buf_addc(&line, ':');
  export_escape_text(&line, value);
  export_fold(out, buf_str(&line));
  buf_free(&line);
}

static const char *label_of(const struct rp_choices *ch, const char *key) {
  const struct rp_choice *c = choices_find(ch, key);
  return c && !str_empty(c->label) ? c->label : key;
}

static enum rp_status event(struct rp_db *db, const struct rp_config *cfg,
                            const struct rp_contact *who, const struct rp_conversation *c,
                            const char *jid, struct rp_buf *out, struct rp_err *err) {
  char uuid[37], stamp[17], start[17], end[17];
  export_uuid(jid, "conversation", c->id, uuid);
  export_utc(c->updated_at, stamp);
  export_utc(c->scheduled_at, start);
  export_utc(c->scheduled_at + (int64_t)c->minutes * 60, end);
  buf_addf(out, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:%s\r\nDTSTART:%s\r\nDTEND:%s\r\n", uuid, stamp,
           start, end);
  char *summary = str_empty(who->org) ? xasprintf("Conversation with %s", who->name)
                                      : xasprintf("Conversation with %s (%s)", who->name, who->org);
  prop(out, "SUMMARY", summary);
  free(summary);
  struct rp_question_list ql = {0};
  enum rp_status s = question_list(db, c->id, &ql, err);
  if (s != RP_OK) return s;
  struct rp_buf d = {0};
  buf_adds(&d, "");
  if (!str_empty(c->objective)) buf_addf(&d, "Objective: %s\n", c->objective);
  if (ql.n) buf_adds(&d, "Questions:\n");
  for (size_t i = 0; i < ql.n; i++) buf_addf(&d, "%zu. %s\n", i + 1, ql.v[i].text);
  if (d.len && d.s[d.len - 1] == '\n') d.s[--d.len] = '\0';
  prop(out, "DESCRIPTION", buf_str(&d));
  buf_free(&d);
  question_list_free(&ql);
  if (!str_empty(c->channel)) prop(out, "LOCATION", label_of(&cfg->channels, c->channel));
  buf_adds(out, "STATUS:CONFIRMED\r\nEND:VEVENT\r\n");
  return RP_OK;
}

static void todo(const struct rp_followup *f, const char *jid, struct rp_buf *out) {
  char uuid[37], stamp[17], due[9];
  export_uuid(jid, "followup", f->id, uuid);
  export_utc(f->updated_at, stamp);
  const char *d = followup_effective_due(f);
  size_t k = 0;
  for (const char *p = d; p && *p && k < 8; p++)
    if (*p != '-') due[k++] = *p;
  due[k] = '\0';
  buf_addf(out, "BEGIN:VTODO\r\nUID:%s\r\nDTSTAMP:%s\r\nDUE;VALUE=DATE:%s\r\n", uuid, stamp, due);
  size_t kind = 0;
  while (kind < 4 && strcmp(rp_followup_kinds[kind], f->kind) != 0) kind++;
  char *summary = strcmp(f->kind, "custom") == 0 && !str_empty(f->note)
                      ? xasprintf("%s: %s", f->contact_name, f->note)
                      : xasprintf("%s: %s", rp_followup_kind_labels[kind], f->contact_name);
  summary[0] = (char)(summary[0] >= 'a' && summary[0] <= 'z' ? summary[0] - 32 : summary[0]);
  prop(out, "SUMMARY", summary);
  free(summary);
  struct rp_buf desc = {0};
  buf_adds(&desc, "");
  if (!str_empty(f->note) && strcmp(f->kind, "custom") != 0) buf_addf(&desc, "%s\n", f->note);
  if (!str_empty(f->medium)) buf_addf(&desc, "By %s.", f->medium);
  if (!str_empty(f->draft)) buf_addf(&desc, "\n\n%s", f->draft);
  prop(out, "DESCRIPTION", buf_str(&desc));
  buf_free(&desc);
  buf_adds(out, "STATUS:NEEDS-ACTION\r\nEND:VTODO\r\n");
}

/* See export.h. */
enum rp_status export_ics(struct rp_db *db, const struct rp_config *cfg, struct rp_buf *out,
                          struct rp_err *err) {
  char jid[33];
  enum rp_status s = dump_journal_id(db, jid, err);
  struct rp_contact_list l = {0};
  if (s == RP_OK) s = contact_list(db, NULL, 0, -1, &l, err);
  if (s != RP_OK) return s;
  buf_addf(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rapport//rapport %s//EN\r\n"
                "CALSCALE:GREGORIAN\r\n", RAPPORT_VERSION);
  for (size_t i = 0; i < l.n && s == RP_OK; i++) {
    struct rp_conversation_list cl = {0};
    s = conv_list(db, l.v[i].id, &cl, err);
    for (size_t k = cl.n; k-- > 0 && s == RP_OK;) /* oldest first */
      if (cl.v[k].scheduled_at && strcmp(cl.v[k].status, "planned") == 0)
        s = event(db, cfg, &l.v[i], &cl.v[k], jid, out, err);
    conv_list_free(&cl);
  }
  contact_list_free(&l);
  struct rp_followup_list fl = {0};
  if (s == RP_OK) s = followup_list_open(db, 0, &fl, err);
  for (size_t i = 0; i < fl.n && s == RP_OK; i++) todo(&fl.v[i], jid, out);
  followup_list_free(&fl);
  buf_adds(out, "END:VCALENDAR\r\n");
  return s;
}
