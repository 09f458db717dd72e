/* cli_notes.c — `rapport notes NAME [--format md|json]`: every conversation
 * with a contact, newest first, with its length planned and taken, the
 * notes taken during it (their time from the start of the call and their
 * tag), the wrap-up scores and the information gaps it answered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/json.h"
#include "rapport/lookback.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"

/* Appends s with control characters made visible. */
static void add_clean(struct rp_buf *b, const char *s) {
  char *c = utf8_sanitize(s ? s : "");
  buf_adds(b, c);
  free(c);
}

/* The label of channel key `key` in the config, else the key. */
static const char *channel_label(const struct rp_config *cfg, const char *key) {
  const struct rp_choice *ch = choices_find(&cfg->channels, key);
  return ch && !str_empty(ch->label) ? ch->label : key;
}

/* ---- Markdown ---- */

/* The gaps conversation c answered, as "- question — answer" lines under
 * a heading (nothing when none). */
static void md_gaps(struct rp_buf *b, const struct rp_ws_list *gaps) {
  if (!gaps->n) return;
  buf_adds(b, "\nGaps answered:\n\n");
  for (size_t i = 0; i < gaps->n; i++) {
    buf_adds(b, "- ");
    add_clean(b, gaps->v[i].title);
    if (gaps->v[i].text1) {
      buf_adds(b, " \xE2\x80\x94 "); /* " — " */
      add_clean(b, gaps->v[i].text1);
    }
    buf_addc(b, '\n');
  }
}

static void md_conversation(struct rp_buf *b, const struct rp_config *cfg,
                            const struct rp_conversation *c, const struct rp_note_list *notes,
                            const struct rp_ws_list *gaps) {
  char when[32];
  int64_t t = c->started_at ? c->started_at : c->scheduled_at;
  if (t) datetime_format(t, when, sizeof when);
  else snprintf(when, sizeof when, "not scheduled");
  buf_addf(b, "\n## %s", when);
  if (!str_empty(c->channel)) {
    buf_adds(b, " \xC2\xB7 "); /* " · " */
    add_clean(b, channel_label(cfg, c->channel));
  }
  if (c->started_at && c->ended_at) { /* planned vs actual, to the second */
    char *len = conv_length_text(c);
    buf_addf(b, " \xC2\xB7 %s \xC2\xB7 %s", c->status, len);
    free(len);
  } else {
    buf_addf(b, " \xC2\xB7 %d min \xC2\xB7 %s", c->minutes, c->status);
  }
  buf_addf(b, " \xC2\xB7 #%lld\n\n", (long long)c->id); /* for rapport conversation discard ID */
  if (!str_empty(c->objective)) {
    buf_adds(b, "Objective: ");
    add_clean(b, c->objective);
    buf_adds(b, "\n\n");
  }
  if (notes->n == 0) buf_adds(b, "No notes.\n");
  for (size_t i = 0; i < notes->n; i++) {
    const struct rp_note *n = &notes->v[i];
    buf_addf(b, "- [%02d:%02d] ", n->offset / 60, n->offset % 60);
    char *line = note_line(n);
    add_clean(b, line);
    free(line);
    buf_addc(b, '\n');
  }
  bool scored = false;
  for (int i = 0; i < RP_FIT_COUNT; i++) scored = scored || c->fit[i] || c->fit_note[i];
  if (!scored) {
    md_gaps(b, gaps);
    return;
  }
  buf_adds(b, "\nWrap-up:\n\n");
  for (int i = 0; i < RP_FIT_COUNT; i++) {
    buf_addf(b, "- %s ", rp_fit_questions[i]);
    if (c->fit[i]) buf_addf(b, "%d/5", c->fit[i]);
    else buf_adds(b, "not scored");
    if (c->fit_note[i]) {
      buf_adds(b, " \xE2\x80\x94 "); /* " — " */
      add_clean(b, c->fit_note[i]);
    }
    buf_addc(b, '\n');
  }
  md_gaps(b, gaps);
}

/* ---- JSON ---- */

static void json_time(struct rp_buf *b, const char *key, int64_t t) {
  char iso[32];
  buf_addf(b, ", \"%s\": ", key);
  if (!t) {
    buf_adds(b, "null");
    return;
  }
  datetime_iso(t, iso, sizeof iso);
  json_str(b, iso);
}

/* One note; a referral's contact as {"id", "name"} (null when none). */
static enum rp_status json_note(struct rp_buf *b, struct rp_db *db, const struct rp_note *n,
                                struct rp_err *err) {
  buf_addf(b, "{\"id\": %lld, \"offset\": %d, \"time\": \"%02d:%02d\", \"tag\": ", (long long)n->id,
           n->offset, n->offset / 60, n->offset % 60);
  json_str(b, rp_note_tag_names[n->tag]);
  buf_adds(b, ", \"text\": ");
  json_str(b, n->text);
  buf_adds(b, ", \"contact_ref\": ");
  if (!n->contact_ref) {
    buf_adds(b, "null}");
    return RP_OK;
  }
  struct rp_contact r;
  enum rp_status st = contact_get(db, n->contact_ref, &r, err);
  if (st != RP_OK) return st;
  buf_addf(b, "{\"id\": %lld, \"name\": ", (long long)r.id);
  json_str(b, r.name);
  buf_adds(b, "}}");
  contact_free(&r);
  return RP_OK;
}

static enum rp_status json_conversation(struct rp_buf *b, struct rp_db *db,
                                        const struct rp_conversation *c,
                                        const struct rp_note_list *notes,
                                        const struct rp_ws_list *gaps, struct rp_err *err) {
  buf_addf(b, "{\"id\": %lld, \"contact\": {\"id\": %lld, \"name\": ", (long long)c->id,
           (long long)c->contact_id);
  json_str(b, c->contact_name);
  buf_adds(b, "}, \"channel\": ");
  json_str(b, c->channel);
  json_time(b, "scheduled_at", c->scheduled_at);
  buf_addf(b, ", \"minutes\": %d, \"objective\": ", c->minutes);
  json_str(b, c->objective);
  buf_adds(b, ", \"status\": ");
  json_str(b, c->status);
  json_time(b, "started_at", c->started_at);
  json_time(b, "ended_at", c->ended_at);
  if (c->started_at && c->ended_at >= c->started_at) /* the real length, to the second */
    buf_addf(b, ", \"seconds\": %lld", (long long)(c->ended_at - c->started_at));
  else
    buf_adds(b, ", \"seconds\": null");
  buf_adds(b, ", \"gaps\": [");
  for (size_t i = 0; i < gaps->n; i++) {
    buf_adds(b, i ? ", {\"id\": " : "{\"id\": ");
    buf_addf(b, "%lld, \"question\": ", (long long)gaps->v[i].id);
    json_str(b, gaps->v[i].title);
    buf_adds(b, ", \"answer\": ");
    json_str(b, gaps->v[i].text1);
    buf_adds(b, ", \"answered_on\": ");
    json_str(b, gaps->v[i].answered_on);
    buf_adds(b, "}");
  }
  buf_adds(b, "], \"fit\": [");
  for (int i = 0; i < RP_FIT_COUNT; i++) {
    buf_adds(b, i ? ", {\"question\": " : "{\"question\": ");
    json_str(b, rp_fit_questions[i]);
    if (c->fit[i]) buf_addf(b, ", \"score\": %d, \"note\": ", c->fit[i]);
    else buf_adds(b, ", \"score\": null, \"note\": ");
    json_str(b, c->fit_note[i]);
    buf_adds(b, "}");
  }
  buf_adds(b, "], \"notes\": [");
  enum rp_status st = RP_OK;
  for (size_t i = 0; st == RP_OK && i < notes->n; i++) {
    buf_adds(b, i ? ",\n    " : "\n    ");
    st = json_note(b, db, &notes->v[i], err);
  }
  buf_adds(b, notes->n ? "\n  ]}" : "]}");
  return st;
}

/* ---- the verb ---- */

enum { N_FORMAT };
static const struct cli_opt notes_opts[] = {
    [N_FORMAT] = {"--format", "md|json", false},
    {NULL, NULL, false},
};

/* `rapport notes NAME [--format md|json]`: exit 0 with the conversations,
 * 1 when the contact has none. */
enum rp_status cli_notes(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("notes", argc, argv, notes_opts, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[N_FORMAT] ? a.val[N_FORMAT] : "md";
  bool json = strcmp(fmt, "json") == 0;
  if (a.pos.n != 1)
    st = cli_fail(
        "notes", RP_INVALID,
        a.pos.n ? "give one NAME (quote names with spaces)" : "missing NAME (rapport notes NAME)");
  else if (!json && strcmp(fmt, "md") != 0)
    st = cli_fail("notes", RP_INVALID, "--format: '%s' is not a format; allowed: md, json", fmt);
  int64_t id = 0;
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, "notes", a.pos.v[0], &id);
  cli_args_free(&a);
  if (st != RP_OK) return st;

  struct rp_err err;
  rp_err_clear(&err);
  struct rp_contact who;
  struct rp_conversation_list convs = {0};
  st = contact_get(ctx->db, id, &who, &err);
  if (st == RP_OK) st = conv_list(ctx->db, id, &convs, &err);
  if (st != RP_OK) {
    contact_free(&who);
    return cli_fail("notes", st, "%s", err.msg);
  }
  if (convs.n == 0) {
    char *name = utf8_sanitize(who.name);
    cli_fail("notes", RP_NO,
             "no conversation with %s yet (plan one: rapport conversation add NAME)", name);
    free(name);
    contact_free(&who);
    return RP_NO;
  }
  struct rp_buf b = {0};
  if (json) {
    buf_adds(&b, "[");
  } else {
    buf_adds(&b, "# Conversations with ");
    add_clean(&b, who.name);
    buf_adds(&b,
             "\n\nTags: ! insight \xC2\xB7 * feedback on me \xC2\xB7 + action for me \xC2\xB7 "
             "@ referral\n");
  }
  for (size_t i = 0; st == RP_OK && i < convs.n; i++) {
    struct rp_note_list notes = {0};
    struct rp_ws_list gaps = {0};
    st = note_list(ctx->db, convs.v[i].id, &notes, &err);
    if (st == RP_OK) st = ws_gaps_answered_in(ctx->db, convs.v[i].id, &gaps, &err);
    if (st == RP_OK && json) {
      buf_adds(&b, i ? ",\n  " : "\n  ");
      st = json_conversation(&b, ctx->db, &convs.v[i], &notes, &gaps, &err);
    } else if (st == RP_OK) {
      md_conversation(&b, &ctx->cfg, &convs.v[i], &notes, &gaps);
    }
    note_list_free(&notes);
    ws_list_free(&gaps);
  }
  if (json) buf_adds(&b, "\n]\n");
  if (st == RP_OK) {
    fputs(buf_str(&b), stdout);
    if (fflush(stdout) != 0) st = cli_fail("notes", RP_EDB, "could not write the output");
  } else {
    cli_fail("notes", st, "%s", err.msg);
  }
  buf_free(&b);
  conv_list_free(&convs);
  contact_free(&who);
  return st;
}
