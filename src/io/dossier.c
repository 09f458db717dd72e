/* dossier.c — see rapport/export.h: one contact on one page, to read before
 * a call. Everything is gathered first (struct dossier), then written as
 * Markdown or JSON from the same data. */
#include <stdlib.h>
#include <string.h>

#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/export.h"
#include "rapport/followup.h"
#include "rapport/give.h"
#include "rapport/json.h"
#include "rapport/path.h"
#include "rapport/question.h"
#include "rapport/readiness.h"
#include "rapport/utf8.h"

#define DOT " \xC2\xB7 "   /* " · " */
#define DASH " \xE2\x80\x94 " /* " — " */
#define ARROW " \xE2\x86\x92 " /* " → " */

struct dossier {
  struct rp_contact c;
  struct rp_path path;
  bool has_path;
  struct rp_strv introduced;
  struct rp_give_list gives;
  long n_gives, n_asks;
  struct rp_conversation_list convs;
  struct rp_note_list *notes; /* per conversation */
  int64_t next_id;            /* the current conversation, 0 = none */
  struct rp_question_list questions; /* its questions not asked yet */
  struct rp_followup_list fups;
  struct rp_readiness ready;
  struct rp_next_step next; /* once met; kind NULL: readiness applies */
};

static void dossier_free(struct dossier *d) {
  contact_free(&d->c);
  if (d->has_path) path_free(&d->path);
  strv_free(&d->introduced);
  give_list_free(&d->gives);
  for (size_t i = 0; d->notes && i < d->convs.n; i++) note_list_free(&d->notes[i]);
  free(d->notes);
  conv_list_free(&d->convs);
  question_list_free(&d->questions);
  followup_list_free(&d->fups);
  readiness_free(&d->ready);
  next_step_free(&d->next);
}

static enum rp_status gather(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                             struct dossier *d, struct rp_err *err) {
  memset(d, 0, sizeof *d);
  enum rp_status s = contact_get(db, id, &d->c, err);
  if (s != RP_OK) return s;
  s = path_to_contact(db, id, &d->path, err);
  d->has_path = s == RP_OK;
  if (s == RP_NO) s = RP_OK;
  if (s == RP_OK) s = path_introduced(db, id, &d->introduced, err);
  if (s == RP_OK) s = give_list(db, id, &d->gives, err);
  if (s == RP_OK) s = give_balance(db, cfg, id, &d->n_gives, &d->n_asks, err);
  if (s == RP_OK) s = conv_list(db, id, &d->convs, err);
  if (s == RP_OK) d->notes = xcalloc(d->convs.n + 1, sizeof *d->notes);
  for (size_t i = 0; s == RP_OK && i < d->convs.n; i++)
    s = note_list(db, d->convs.v[i].id, &d->notes[i], err);
  if (s == RP_OK) {
    s = conv_current(db, id, &d->next_id, err);
    if (s == RP_NO) {
      d->next_id = 0;
      s = RP_OK;
    }
  }
  if (s == RP_OK && d->next_id) {
    struct rp_question_list all = {0};
    s = question_list(db, d->next_id, &all, err);
    for (size_t i = 0; s == RP_OK && i < all.n; i++) {
      if (all.v[i].asked_at) continue;
      d->questions.v = xrealloc(d->questions.v, (d->questions.n + 1) * sizeof *d->questions.v);
      d->questions.v[d->questions.n++] = all.v[i];
      memset(&all.v[i], 0, sizeof all.v[i]);
    }
    question_list_free(&all);
  }
  if (s == RP_OK) s = followup_list_open(db, id, &d->fups, err);
  if (s == RP_OK) s = readiness_compute(db, cfg, id, &d->ready, err);
  if (s == RP_OK && (s = readiness_next_step(db, cfg, id, &d->next, err)) == RP_NO) {
    s = RP_OK;
    rp_err_clear(err);
  }
  if (s != RP_OK) dossier_free(d);
  return s;
}

/* ---- Markdown ---- */

/* s with control characters made visible, each line of a multi-line text
 * kept as its own line. */
static void add_clean(struct rp_buf *b, const char *s) {
  const char *p = s ? s : "";
  for (;;) {
    const char *nl = strchr(p, '\n');
    char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
    char *clean = utf8_sanitize(line);
    buf_adds(b, clean);
    free(clean);
    free(line);
    if (!nl) break;
    buf_addc(b, '\n');
    p = nl + 1;
  }
}

static void md_field(struct rp_buf *b, const char *label, const char *value) {
  if (str_empty(value)) return;
  buf_addf(b, "- %s: ", label);
  add_clean(b, value);
  buf_addc(b, '\n');
}

static void md_section(struct rp_buf *b, const char *title, const char *text) {
  if (str_empty(text)) return;
  buf_addf(b, "\n## %s\n\n", title);
  add_clean(b, text);
  buf_addc(b, '\n');
}

static void md_when(struct rp_buf *b, const struct rp_conversation *c) {
  char when[32] = "not scheduled";
  int64_t t = c->started_at ? c->started_at : c->scheduled_at;
  if (t) datetime_format(t, when, sizeof when);
  buf_adds(b, when);
  if (!str_empty(c->channel)) {
    buf_adds(b, DOT);
    add_clean(b, c->channel);
  }
  if (c->started_at && c->ended_at) { /* planned vs actual, to the second */
    char *len = conv_length_text(c);
    buf_addf(b, DOT "%s" DOT "%s", c->status, len);
    free(len);
  } else {
    buf_addf(b, DOT "%d min" DOT "%s", c->minutes, c->status);
  }
}

static void md_who(struct rp_buf *b, const struct dossier *d) {
  const struct rp_contact *c = &d->c;
  buf_adds(b, "# ");
  add_clean(b, c->name);
  buf_adds(b, "\n\n");
  md_field(b, "Organisation", c->org);
  md_field(b, "Role", c->role);
  md_field(b, "Field", c->field);
  md_field(b, "Seniority", c->seniority);
  const char *labels[] = {"Email", "Phone", "URL"};
  const struct rp_contact_values *all[] = {&c->emails, &c->phones, &c->urls};
  for (size_t i = 0; i < RP_ARRAY_LEN(all); i++) {
    struct rp_buf v = {0};
    export_values_text(&v, all[i], DOT);
    md_field(b, labels[i], buf_str(&v));
    buf_free(&v);
  }
  md_field(b, "Location", c->location);
  md_field(b, "Stage", c->stage);
  char *how = xasprintf("%s (%s)", c->how_known ? c->how_known : "not said", c->warmth);
  md_field(b, "How you know them", how);
  free(how);
  md_field(b, "Known since", c->known_since);
  char *tags = strv_join(&c->tags, ", ");
  md_field(b, "Tags", tags);
  free(tags);
  md_section(b, "Their work", c->work);
  md_section(b, "Their challenges", c->challenges);
  md_section(b, "Research", c->research);
  md_section(b, "Notes", c->notes);
}

static void md_rest(struct rp_buf *b, const struct dossier *d) {
  buf_adds(b, "\n## How you are connected\n\n");
  if (!d->has_path) buf_adds(b, "No chain of introductions from someone you know personally.\n");
  for (size_t i = 0; d->has_path && i < d->path.n; i++) {
    if (i) buf_adds(b, ARROW);
    add_clean(b, d->path.names.v[i]);
    if (!str_empty(d->path.orgs.v[i])) {
      buf_adds(b, " (");
      add_clean(b, d->path.orgs.v[i]);
      buf_adds(b, ")");
    }
  }
  if (d->has_path) buf_addc(b, '\n');
  for (size_t i = 0; i < d->introduced.n; i++) {
    buf_adds(b, i ? ", " : "\nThey introduced you to: ");
    add_clean(b, d->introduced.v[i]);
  }
  if (d->introduced.n) buf_addc(b, '\n');
  buf_addf(b, "\n## What you gave (gave %ld" DOT "asked %ld)\n\n", d->n_gives, d->n_asks);
  if (d->ready.warning) {
    char *fix = fix_text_verb(&d->ready.warning_fix, d->c.name);
    buf_addf(b, "Warning: %s.%s%s%s\n\n", d->ready.warning, fix[0] ? " " : "", fix,
             fix[0] ? "." : "");
    free(fix);
  }
  if (!d->gives.n) buf_adds(b, "Nothing yet: give before you ask.\n");
  for (size_t i = 0; i < d->gives.n; i++) {
    buf_addf(b, "- %s" DOT, d->gives.v[i].date);
    add_clean(b, d->gives.v[i].kind);
    buf_adds(b, ": ");
    add_clean(b, d->gives.v[i].text);
    buf_addc(b, '\n');
  }
  for (size_t i = 0; i < d->convs.n; i++) {
    const struct rp_conversation *c = &d->convs.v[i];
    if (c->id != d->next_id) continue;
    buf_adds(b, "\n## Next conversation\n\n");
    md_when(b, c);
    buf_addc(b, '\n');
    if (!str_empty(c->objective)) {
      buf_adds(b, "\nObjective: ");
      add_clean(b, c->objective);
      buf_addc(b, '\n');
    }
    buf_adds(b, d->questions.n ? "\nOpen questions:\n\n" : "\nNo open questions yet.\n");
    for (size_t k = 0; k < d->questions.n; k++) {
      buf_addf(b, "%zu. ", k + 1);
      add_clean(b, d->questions.v[k].text);
      buf_addc(b, '\n');
    }
  }
  bool past = false;
  for (size_t i = 0; i < d->convs.n; i++) {
    const struct rp_conversation *c = &d->convs.v[i];
    if (c->id == d->next_id || strcmp(c->status, "planned") == 0) continue;
    if (!past) buf_adds(b, "\n## Past conversations\n");
    past = true;
    buf_adds(b, "\n### ");
    md_when(b, c);
    buf_addc(b, '\n');
    if (!str_empty(c->objective)) {
      buf_adds(b, "\nObjective: ");
      add_clean(b, c->objective);
      buf_addc(b, '\n');
    }
    if (d->notes[i].n) buf_addc(b, '\n');
    for (size_t k = 0; k < d->notes[i].n; k++) {
      const struct rp_note *n = &d->notes[i].v[k];
      buf_addf(b, "- [%02d:%02d] ", n->offset / 60, n->offset % 60);
      char *line = note_line(n);
      add_clean(b, line);
      free(line);
      buf_addc(b, '\n');
    }
  }
  buf_adds(b, "\n## Follow-ups owed\n\n");
  if (!d->fups.n) buf_adds(b, "None.\n");
  for (size_t i = 0; i < d->fups.n; i++) {
    const struct rp_followup *f = &d->fups.v[i];
    /* what a call left reads as what it is (an action, a reach-out) */
    const char *kind = f->origin && strcmp(f->origin, "promise") != 0 ? f->origin : f->kind;
    buf_addf(b, "- #%lld %s" DOT "%s" DOT, (long long)f->id, followup_effective_due(f), kind);
    add_clean(b, f->medium);
    if (!str_empty(f->note)) {
      buf_adds(b, DASH);
      add_clean(b, f->note);
    }
    buf_addc(b, '\n');
  }
  if (d->next.kind) {
    buf_adds(b, "\n## Next step\n\n");
    add_clean(b, d->next.text);
    buf_adds(b, "\n");
  }
  buf_addf(b, "\n## Readiness%s: %s (%d of %d)\n\n", d->next.kind ? " for a new conversation" : "", d->ready.ready ? "ready" : "not ready",
           d->ready.met, d->ready.total);
  for (size_t i = 0; i < d->ready.n; i++) {
    const struct rp_ready_item *it = &d->ready.v[i];
    buf_addf(b, "- [%s] ", !it->available ? "-" : it->met ? "x" : " ");
    add_clean(b, it->text ? it->text : it->key);
    if (it->available && !it->met && !str_empty(it->reason)) {
      buf_adds(b, DASH);
      add_clean(b, it->reason);
    }
    buf_addc(b, '\n');
  }
}

/* See export.h. */
enum rp_status dossier_md(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                          struct rp_buf *out, struct rp_err *err) {
  struct dossier d;
  enum rp_status s = gather(db, cfg, id, &d, err);
  if (s != RP_OK) return s;
  md_who(out, &d);
  md_rest(out, &d);
  dossier_free(&d);
  return RP_OK;
}

/* ---- JSON ---- */

static void js(struct rp_buf *b, const char *key, const char *v) {
  buf_addf(b, ", \"%s\": ", key);
  json_str(b, v);
}

static void json_conv(struct rp_buf *b, const struct rp_conversation *c,
                      const struct rp_note_list *notes) {
  char when[32] = "";
  buf_addf(b, "{\"id\": %lld", (long long)c->id);
  if (c->scheduled_at) datetime_iso(c->scheduled_at, when, sizeof when);
  js(b, "scheduled_at", c->scheduled_at ? when : NULL);
  if (c->started_at) datetime_iso(c->started_at, when, sizeof when);
  js(b, "started_at", c->started_at ? when : NULL);
  buf_addf(b, ", \"minutes\": %d, \"seconds\": %lld", c->minutes, (long long)conv_seconds(c));
  js(b, "channel", c->channel);
  js(b, "status", c->status);
  js(b, "objective", c->objective);
  if (!notes) return;
  buf_adds(b, ", \"notes\": [");
  for (size_t k = 0; k < notes->n; k++) {
    buf_addf(b, "%s{\"offset\": %d", k ? ", " : "", notes->v[k].offset);
    js(b, "tag", rp_note_tag_names[notes->v[k].tag]);
    js(b, "text", notes->v[k].text);
    buf_adds(b, "}");
  }
  buf_adds(b, "]");
}

/* See export.h. */
enum rp_status dossier_json(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                            struct rp_buf *out, struct rp_err *err) {
  struct dossier d;
  enum rp_status s = gather(db, cfg, id, &d, err);
  if (s != RP_OK) return s;
  const struct rp_contact *c = &d.c;
  buf_addf(out, "{\"id\": %lld", (long long)c->id);
  const char *keys[] = {"name",  "org",      "role",      "field",   "seniority",   "email",
                        "phone", "url",      "location",  "stage",   "how_known",   "warmth",
                        "known_since", "work", "challenges", "research", "notes"};
  const char *vals[] = {c->name,  c->org,      c->role,     c->field, c->seniority,   c->email,
                        c->phone, c->url,      c->location, c->stage, c->how_known,   c->warmth,
                        c->known_since, c->work, c->challenges, c->research, c->notes};
  for (size_t i = 0; i < RP_ARRAY_LEN(keys); i++) js(out, keys[i], vals[i]);
  buf_adds(out, ", \"tags\": [");
  for (size_t i = 0; i < c->tags.n; i++) {
    if (i) buf_adds(out, ", ");
    json_str(out, c->tags.v[i]);
  }
  buf_adds(out, "], \"emails\": ");
  json_values(out, &c->emails);
  buf_adds(out, ", \"phones\": ");
  json_values(out, &c->phones);
  buf_adds(out, ", \"urls\": ");
  json_values(out, &c->urls);
  buf_adds(out, ",\n \"path\": ");
  buf_adds(out, d.has_path ? "[" : "null");
  for (size_t i = 0; d.has_path && i < d.path.n; i++) {
    buf_addf(out, "%s{\"id\": %lld", i ? ", " : "", (long long)d.path.ids[i]);
    js(out, "name", d.path.names.v[i]);
    js(out, "org", str_empty(d.path.orgs.v[i]) ? NULL : d.path.orgs.v[i]);
    buf_adds(out, "}");
  }
  buf_addf(out, "%s,\n \"gives\": [", d.has_path ? "]" : "");
  for (size_t i = 0; i < d.gives.n; i++) {
    buf_addf(out, "%s{\"id\": %lld", i ? ", " : "", (long long)d.gives.v[i].id);
    js(out, "date", d.gives.v[i].date);
    js(out, "kind", d.gives.v[i].kind);
    js(out, "text", d.gives.v[i].text);
    buf_adds(out, "}");
  }
  buf_addf(out, "], \"given\": %ld, \"asked\": %ld", d.n_gives, d.n_asks);
  js(out, "balance_warning", d.ready.warning);
  js(out, "next_step", d.next.text);
  buf_adds(out, ",\n \"next\": ");
  bool next = false;
  for (size_t i = 0; i < d.convs.n; i++) {
    if (d.convs.v[i].id != d.next_id) continue;
    next = true;
    json_conv(out, &d.convs.v[i], NULL);
    buf_adds(out, ", \"open_questions\": [");
    for (size_t k = 0; k < d.questions.n; k++) {
      if (k) buf_adds(out, ", ");
      json_str(out, d.questions.v[k].text);
    }
    buf_adds(out, "]}");
  }
  buf_adds(out, next ? ",\n \"conversations\": [" : "null,\n \"conversations\": [");
  bool first = true;
  for (size_t i = 0; i < d.convs.n; i++) {
    if (d.convs.v[i].id == d.next_id || strcmp(d.convs.v[i].status, "planned") == 0) continue;
    buf_adds(out, first ? "\n  " : ",\n  ");
    first = false;
    json_conv(out, &d.convs.v[i], &d.notes[i]);
    buf_adds(out, "}");
  }
  buf_adds(out, "],\n \"followups\": [");
  for (size_t i = 0; i < d.fups.n; i++) {
    const struct rp_followup *f = &d.fups.v[i];
    buf_addf(out, "%s{\"id\": %lld", i ? ", " : "", (long long)f->id);
    js(out, "kind", f->kind);
    js(out, "origin", f->origin);
    js(out, "due", followup_effective_due(f));
    js(out, "medium", f->medium);
    js(out, "note", f->note);
    buf_adds(out, "}");
  }
  buf_addf(out, "],\n \"ready\": %s, \"ready_met\": %d, \"ready_total\": %d, \"readiness\": [",
           d.ready.ready ? "true" : "false", d.ready.met, d.ready.total);
  for (size_t i = 0; i < d.ready.n; i++) {
    const struct rp_ready_item *it = &d.ready.v[i];
    buf_adds(out, i ? ", {\"key\": " : "{\"key\": ");
    json_str(out, it->key);
    js(out, "text", it->text);
    buf_addf(out, ", \"available\": %s, \"met\": %s", it->available ? "true" : "false",
             it->met ? "true" : "false");
    js(out, "reason", it->met ? NULL : it->reason);
    buf_adds(out, "}");
  }
  buf_adds(out, "]}\n");
  dossier_free(&d);
  return RP_OK;
}
