/* cli_worksheet_print.c — the worksheet as Markdown (for reading and
 * printing) or as one JSON object (for scripts). Markdown shows the text as
 * the user wrote it; JSON escapes it. */
#include <stdlib.h>
#include <string.h>

#include "cli_worksheet.h"
#include "rapport/json.h"

/* Everything the print-outs show, read once. */
struct sheet {
  char *want, *move, *pitch;
  struct rp_ws_list lists[WS_SECTION_COUNT];
  struct rp_pitch_timing timing;
  int limit;
  struct rp_ws_completeness done;
};

static void sheet_free(struct sheet *s) {
  free(s->want);
  free(s->move);
  free(s->pitch);
  for (int i = 0; i < WS_SECTION_COUNT; i++) ws_list_free(&s->lists[i]);
  ws_completeness_free(&s->done);
}

/* Fill the zeroed-or-not s (always free it with sheet_free). */
static enum rp_status sheet_read(struct rp_db *db, const struct rp_config *cfg, struct sheet *s,
                                 struct rp_err *err) {
  memset(s, 0, sizeof *s);
  enum rp_status st = ws_text_get(db, "want", &s->want, err);
  if (st == RP_OK) st = ws_text_get(db, "move", &s->move, err);
  if (st == RP_OK) st = ws_text_get(db, "pitch", &s->pitch, err);
  for (int i = 0; st == RP_OK && i < WS_SECTION_COUNT; i++)
    st = ws_item_list(db, (enum rp_ws_section)i, &s->lists[i], err);
  if (st == RP_OK) st = ws_completeness(db, cfg, &s->done, err);
  s->limit = cfg->pitch_seconds > 0 ? cfg->pitch_seconds : 30;
  ws_pitch_timing(s->pitch, cfg->pitch_wpm, s->limit, &s->timing);
  return st;
}

/* See cli_worksheet.h; caller frees. */
char *cli_ws_timing_line(const struct rp_pitch_timing *t, int limit_seconds) {
  if (t->too_long)
    return xasprintf("%d word%s, about %d s (over %d s)", t->words, t->words == 1 ? "" : "s",
                     t->seconds, limit_seconds);
  return xasprintf("%d word%s, about %d s", t->words, t->words == 1 ? "" : "s", t->seconds);
}

/* ---- Markdown ---- */

/* s with every line after the first indented by `indent` spaces, so a
 * multi-line text stays inside its list item. */
static void md_text(struct rp_buf *b, const char *s, int indent) {
  for (; s && *s; s++) {
    buf_addc(b, *s);
    if (*s == '\n' && s[1]) {
      for (int i = 0; i < indent; i++) buf_addc(b, ' ');
    }
  }
}

/* s as one table cell: new lines become spaces, '|' is escaped. */
static void md_cell(struct rp_buf *b, const char *s) {
  for (; s && *s; s++) {
    if (*s == '|') buf_adds(b, "\\|");
    else if (*s == '\n' || *s == '\r') buf_addc(b, ' ');
    else buf_addc(b, *s);
  }
}

/* A free text section: the text, or a note that it is empty. */
static void md_block(struct rp_buf *b, const char *head, const char *text, const char *empty) {
  buf_addf(b, "\n## %s\n\n", head);
  if (str_empty(text)) buf_addf(b, "_(%s)_\n", empty);
  else {
    md_text(b, text, 0);
    buf_addc(b, '\n');
  }
}

/* "## head", and "_(none yet)_" when the list is empty. */
static bool md_list_head(struct rp_buf *b, const char *head, const struct rp_ws_list *l) {
  buf_addf(b, "\n## %s\n\n", head);
  if (!l->n) buf_adds(b, "_(none yet)_\n");
  return l->n > 0;
}

static void md_score(struct rp_buf *b, const char *name, int n) {
  if (n) buf_addf(b, "%s %d", name, n);
  else buf_addf(b, "%s \xE2\x80\x93", name); /* "–": not scored */
}

static void md_lists(struct rp_buf *b, const struct sheet *s) {
  const struct rp_ws_list *l = &s->lists[WS_SUPERPOWER];
  if (md_list_head(b, "Superpowers", l))
    for (size_t i = 0; i < l->n; i++) {
      const struct rp_ws_item *it = &l->v[i];
      buf_adds(b, "- **");
      md_text(b, it->title, 2);
      buf_adds(b, "**");
      if (it->text1) {
        buf_adds(b, " \xE2\x80\x94 ");
        md_text(b, it->text1, 2);
      }
      buf_adds(b, ws_needs_evidence(it) ? " _(needs evidence)_\n" : "\n");
    }
  l = &s->lists[WS_PROBLEM];
  if (md_list_head(b, "Problems I want to solve", l))
    for (size_t i = 0; i < l->n; i++) {
      const struct rp_ws_item *it = &l->v[i];
      buf_adds(b, "- **");
      md_text(b, it->title, 2);
      buf_adds(b, "**");
      if (it->text1) {
        buf_adds(b, " \xE2\x80\x94 ");
        md_text(b, it->text1, 2);
      }
      if (it->text2) {
        buf_adds(b, "\n  Who works on it: ");
        md_text(b, it->text2, 2);
      }
      buf_addc(b, '\n');
    }
  l = &s->lists[WS_SKILL];
  if (md_list_head(b, "Skills", l)) {
    buf_adds(b, "| name | kind | proficiency | enjoyment | sharpen |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < l->n; i++) {
      const struct rp_ws_item *it = &l->v[i];
      buf_adds(b, "| ");
      md_cell(b, it->title);
      buf_addf(b, " | %s | %d | %d | %s", it->kind ? it->kind : "", it->n1, it->n2,
               it->flag ? "yes" : "no");
      if (it->text1) {
        buf_adds(b, it->flag ? ": " : " (plan: ");
        md_cell(b, it->text1);
        if (!it->flag) buf_addc(b, ')');
      }
      buf_adds(b, " |\n");
    }
  }
}

static void md_rest(struct rp_buf *b, const struct sheet *s) {
  buf_addf(b, "\n## %d-second pitch\n\n", s->limit);
  if (str_empty(s->pitch)) {
    buf_adds(b, "_(not written yet)_\n");
  } else {
    md_text(b, s->pitch, 0);
    char *line = cli_ws_timing_line(&s->timing, s->limit);
    buf_addf(b, "\n\n%s\n", line);
    free(line);
  }
  const struct rp_ws_list *l = &s->lists[WS_GAP];
  if (md_list_head(b, "Information gaps", l))
    for (size_t i = 0; i < l->n; i++) {
      const struct rp_ws_item *it = &l->v[i];
      buf_adds(b, it->flag ? "- [x] " : "- [ ] ");
      md_text(b, it->title, 6);
      if (it->text1) {
        buf_adds(b, " \xE2\x80\x94 ");
        md_text(b, it->text1, 6);
      }
      char *from = ws_gap_source(it);
      if (from) {
        buf_adds(b, " (");
        md_text(b, from, 6);
        buf_adds(b, ")");
        free(from);
      }
      buf_addc(b, '\n');
    }
  l = &s->lists[WS_OPTION];
  if (md_list_head(b, "Options", l))
    for (size_t i = 0; i < l->n; i++) {
      const struct rp_ws_item *it = &l->v[i];
      buf_adds(b, "- **");
      md_text(b, it->title, 2);
      buf_adds(b, "** \xE2\x80\x94 ");
      md_score(b, "skills", it->n1);
      buf_adds(b, " \xC2\xB7 ");
      md_score(b, "value", it->n2);
      buf_adds(b, " \xC2\xB7 ");
      md_score(b, "learn", it->n3);
      buf_addf(b, " = %d\n", ws_option_score(it));
      if (it->text1) {
        buf_adds(b, "  ");
        md_text(b, it->text1, 2);
        buf_addc(b, '\n');
      }
    }
}

static void render_md(struct rp_buf *b, const struct sheet *s) {
  const struct rp_ws_completeness *c = &s->done;
  buf_addf(b, "# Worksheet\n\n%d of %d sections filled.\n", c->filled, c->total);
  if (c->missing.n) {
    buf_adds(b, "\nStill missing:\n\n");
    for (size_t i = 0; i < c->missing.n; i++) buf_addf(b, "- %s\n", c->missing.v[i]);
  }
  md_block(b, "What I want", s->want, "not written yet");
  const struct rp_choice *move = choices_find(&rp_move_kinds, s->move);
  md_block(b, "Kind of move", move ? move->label : s->move, "not chosen yet");
  md_lists(b, s);
  md_rest(b, s);
}

/* ---- JSON ---- */

/* ", \"key\": <string or null>" */
static void json_field(struct rp_buf *b, const char *key, const char *val) {
  buf_addf(b, ", \"%s\": ", key);
  json_str(b, val);
}

static void json_item(struct rp_buf *b, const struct rp_ws_item *it) {
  buf_addf(b, "{\"id\": %lld", (long long)it->id);
  switch (it->section) {
  case WS_SUPERPOWER:
    json_field(b, "title", it->title);
    json_field(b, "evidence", it->text1);
    buf_addf(b, ", \"needs_evidence\": %s", ws_needs_evidence(it) ? "true" : "false");
    break;
  case WS_PROBLEM:
    json_field(b, "title", it->title);
    json_field(b, "why", it->text1);
    json_field(b, "who", it->text2);
    break;
  case WS_SKILL:
    json_field(b, "name", it->title);
    json_field(b, "kind", it->kind);
    buf_addf(b, ", \"proficiency\": %d, \"enjoyment\": %d, \"sharpen\": %s", it->n1, it->n2,
             it->flag ? "true" : "false");
    json_field(b, "plan", it->text1);
    break;
  case WS_GAP:
    json_field(b, "question", it->title);
    buf_addf(b, ", \"answered\": %s", it->flag ? "true" : "false");
    json_field(b, "answer", it->text1);
    if (it->answered_by) {
      buf_addf(b, ", \"answered_by\": {\"id\": %lld, \"name\": ", (long long)it->answered_by);
      json_str(b, it->answered_by_name);
      buf_adds(b, "}");
    } else {
      buf_adds(b, ", \"answered_by\": null");
    }
    json_field(b, "answered_on", it->answered_on);
    if (it->ref) buf_addf(b, ", \"conversation\": %lld", (long long)it->ref);
    else buf_adds(b, ", \"conversation\": null");
    break;
  case WS_OPTION:
    json_field(b, "title", it->title);
    buf_addf(b, ", \"skills\": %d, \"value\": %d, \"learn\": %d, \"score\": %d", it->n1, it->n2,
             it->n3, ws_option_score(it));
    json_field(b, "notes", it->text1);
    break;
  default:
    break;
  }
  buf_adds(b, "}");
}

static void render_json(struct rp_buf *b, const struct sheet *s) {
  buf_adds(b, "{\n  \"want\": ");
  json_str(b, s->want);
  buf_adds(b, ",\n  \"move\": ");
  json_str(b, s->move);
  buf_adds(b, ",\n  \"pitch\": ");
  json_str(b, s->pitch);
  buf_addf(b, ",\n  \"pitch_words\": %d,\n  \"pitch_seconds\": %d,\n  \"pitch_too_long\": %s",
           s->timing.words, s->timing.seconds, s->timing.too_long ? "true" : "false");
  static const char *const keys[WS_SECTION_COUNT] = {
      [WS_SUPERPOWER] = "superpowers", [WS_PROBLEM] = "problems", [WS_SKILL] = "skills",
      [WS_GAP] = "gaps", [WS_OPTION] = "options"};
  for (int sec = 0; sec < WS_SECTION_COUNT; sec++) {
    const struct rp_ws_list *l = &s->lists[sec];
    buf_addf(b, ",\n  \"%s\": [", keys[sec]);
    for (size_t i = 0; i < l->n; i++) {
      buf_adds(b, i ? ",\n    " : "\n    ");
      json_item(b, &l->v[i]);
    }
    buf_adds(b, l->n ? "\n  ]" : "]");
  }
  const struct rp_ws_completeness *c = &s->done;
  buf_addf(b, ",\n  \"completeness\": {\"filled\": %d, \"total\": %d, \"missing\": [", c->filled,
           c->total);
  for (size_t i = 0; i < c->missing.n; i++) {
    if (i) buf_adds(b, ", ");
    json_str(b, c->missing.v[i]);
  }
  buf_adds(b, "]}\n}\n");
}

/* See cli_worksheet.h. */
enum rp_status cli_ws_render(struct rp_db *db, const struct rp_config *cfg, bool json,
                             struct rp_buf *b, struct rp_err *err) {
  struct sheet s;
  enum rp_status st = sheet_read(db, cfg, &s, err);
  if (st == RP_OK) {
    if (json) render_json(b, &s);
    else render_md(b, &s);
  }
  sheet_free(&s);
  return st;
}
