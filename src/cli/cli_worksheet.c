/* cli_worksheet.c — `rapport worksheet`: print the whole worksheet as
 * Markdown or JSON, add entries to its lists, set its texts, delete
 * entries. The printing is in cli_worksheet_print.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"
#include "cli_worksheet.h"
#include "rapport/worksheet.h"

#define VERB "worksheet"

/* ---- add ---- */

/* What an option of `add` sets. */
enum target { T_TEXT1, T_TEXT2, T_KIND, T_N1, T_N2, T_N3, T_SHARPEN };

struct add_opt {
  const char *name, *metavar;
  enum target target;
  bool required;
};

#define MAX_ADD_OPTS 4

/* Per section: what the positional argument is called, and the options. */
static const struct add_spec {
  const char *arg;
  struct add_opt opts[MAX_ADD_OPTS + 1];
} add_specs[WS_SECTION_COUNT] = {
    [WS_SUPERPOWER] = {"TITLE", {{"--evidence", "TEXT", T_TEXT1, false}}},
    [WS_PROBLEM] = {"TITLE", {{"--why", "TEXT", T_TEXT1, false}, {"--who", "TEXT", T_TEXT2, false}}},
    [WS_SKILL] = {"NAME",
                  {{"--kind", "hard|soft", T_KIND, true},
                   {"--level", "1-5", T_N1, true},
                   {"--enjoy", "1-5", T_N2, true},
                   {"--sharpen", "PLAN", T_SHARPEN, false}}},
    [WS_GAP] = {"QUESTION", {{NULL, NULL, T_TEXT1, false}}},
    [WS_OPTION] = {"TITLE",
                   {{"--skills", "1-5", T_N1, false},
                    {"--value", "1-5", T_N2, false},
                    {"--learn", "1-5", T_N3, false},
                    {"--notes", "TEXT", T_TEXT1, false}}},
};

static const char sections_allowed[] = "superpower, problem, skill, gap, option";

/* "rapport worksheet add skill NAME --kind hard|soft …", for messages;
 * caller frees. */
static char *add_usage(enum rp_ws_section sec) {
  const struct add_spec *sp = &add_specs[sec];
  struct rp_buf b = {0};
  buf_addf(&b, "rapport worksheet add %s %s", rp_ws_section_names[sec], sp->arg);
  for (const struct add_opt *o = sp->opts; o->name; o++)
    buf_addf(&b, o->required ? " %s %s" : " [%s %s]", o->name, o->metavar);
  return buf_steal(&b);
}

/* A whole number from 1 to 5 given to option `name`; prints and returns
 * RP_INVALID otherwise. */
static enum rp_status parse_level(const char *name, const char *val, int *out) {
  bool ok = val[0] >= '1' && val[0] <= '5' && val[1] == '\0';
  if (!ok) return cli_fail(VERB, RP_INVALID, "%s: must be a whole number from 1 to 5, not '%s'", name, val);
  *out = val[0] - '0';
  return RP_OK;
}

/* Apply one option's value to it. */
static enum rp_status apply_opt(const struct add_opt *o, const char *val, struct rp_ws_item *it) {
  switch (o->target) {
  case T_TEXT1: str_replace(&it->text1, val); return RP_OK;
  case T_TEXT2: str_replace(&it->text2, val); return RP_OK;
  case T_KIND: str_replace(&it->kind, val); return RP_OK;
  case T_N1: return parse_level(o->name, val, &it->n1);
  case T_N2: return parse_level(o->name, val, &it->n2);
  case T_N3: return parse_level(o->name, val, &it->n3);
  case T_SHARPEN:
    it->flag = true;
    str_replace(&it->text1, val);
    return RP_OK;
  }
  return RP_OK;
}

/* The option that sets a model field, for messages; NULL for the title. */
static const char *option_for_field(enum rp_ws_section sec, const char *field) {
  static const struct { const char *field; enum target t; } map[] = {
      {"kind", T_KIND}, {"n1", T_N1}, {"n2", T_N2}, {"n3", T_N3}};
  for (size_t i = 0; i < RP_ARRAY_LEN(map); i++) {
    if (strcmp(map[i].field, field) != 0) continue;
    for (const struct add_opt *o = add_specs[sec].opts; o->name; o++)
      if (o->target == map[i].t) return o->name;
  }
  return NULL;
}

static enum rp_status ws_add(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc < 1)
    return cli_fail(VERB, RP_INVALID, "missing SECTION (rapport worksheet add SECTION TITLE …); "
                                      "allowed: %s", sections_allowed);
  int sec = ws_section_by_name(argv[0]);
  if (sec < 0)
    return cli_fail(VERB, RP_INVALID, "unknown section '%s'; allowed: %s", argv[0], sections_allowed);
  const struct add_spec *sp = &add_specs[sec];
  struct cli_opt opts[MAX_ADD_OPTS + 1] = {{NULL, NULL, false}};
  for (int i = 0; sp->opts[i].name; i++)
    opts[i] = (struct cli_opt){sp->opts[i].name, sp->opts[i].metavar, false};
  struct cli_args a;
  enum rp_status st = cli_parse(VERB, argc - 1, argv + 1, opts, &a);
  if (st != RP_OK) return st;
  char *usage = add_usage((enum rp_ws_section)sec);
  struct rp_ws_item it;
  ws_item_init(&it, (enum rp_ws_section)sec);
  if (a.pos.n != 1)
    st = cli_fail(VERB, RP_INVALID, a.pos.n ? "give one %s (quote text with spaces): %s"
                                            : "missing %s (%s)", sp->arg, usage);
  for (int i = 0; st == RP_OK && sp->opts[i].name; i++) {
    if (a.val[i]) st = apply_opt(&sp->opts[i], a.val[i], &it);
    else if (sp->opts[i].required)
      st = cli_fail(VERB, RP_INVALID, "missing %s %s (%s)", sp->opts[i].name, sp->opts[i].metavar, usage);
  }
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    it.title = xstrdup(a.pos.v[0]);
    st = ws_item_insert(ctx->db, &it, &err);
    const char *opt = err.field[0] ? option_for_field((enum rp_ws_section)sec, err.field) : NULL;
    if (st == RP_OK) printf("%lld\n", (long long)it.id);
    else if (opt) cli_fail(VERB, st, "%s: %s", opt, err.msg);
    else cli_fail(VERB, st, "%s", err.msg);
  }
  ws_item_free(&it);
  free(usage);
  cli_args_free(&a);
  return st;
}

/* ---- set ---- */

/* All of standard input as a new string (caller frees), or NULL (the
 * reason in err: bounded, and only a file, a pipe or a terminal). */
static char *read_stdin(struct rp_err *err) {
  char *text = NULL;
  size_t len = 0;
  if (paths_read_file("/dev/stdin", &text, &len, err) != RP_OK) return NULL;
  if (!utf8_valid(text, len) || strlen(text) != len) {
    rp_err_set(err, RP_INVALID, "not valid UTF-8 text (or a NUL byte); rapport reads UTF-8");
    free(text);
    return NULL;
  }
  return text;
}

static enum rp_status ws_set(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt none[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(VERB, argc, argv, none, &a);
  if (st != RP_OK) return st;
  const char *key = a.pos.n ? a.pos.v[0] : NULL;
  if (!key)
    st = cli_fail(VERB, RP_INVALID, "missing what to set (rapport worksheet set want|pitch|move "
                                    "TEXT); allowed: want, pitch, move");
  else if (strcmp(key, "want") && strcmp(key, "pitch") && strcmp(key, "move"))
    st = cli_fail(VERB, RP_INVALID, "unknown text '%s'; allowed: want, pitch, move", key);
  else if (a.pos.n != 2)
    st = cli_fail(VERB, RP_INVALID, a.pos.n < 2 ? "missing TEXT (rapport worksheet set %s TEXT; "
                                                  "\"-\" reads standard input, \"\" clears)"
                                                : "give one TEXT after %s (quote text with spaces)",
                  key);
  char *text = NULL;
  if (st == RP_OK) {
    struct rp_err rerr;
    rp_err_clear(&rerr);
    text = strcmp(a.pos.v[1], "-") == 0 ? read_stdin(&rerr) : xstrdup(a.pos.v[1]);
    if (!text) st = cli_fail(VERB, RP_INVALID, "could not read standard input: %s", rerr.msg);
  }
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    st = ws_text_set(ctx->db, key, text, &err);
    if (st != RP_OK) cli_fail(VERB, st, "%s", err.msg);
  }
  if (st == RP_OK && key && strcmp(key, "pitch") == 0) { /* key: for -fanalyzer */
    struct rp_pitch_timing t;
    ws_pitch_timing(text, ctx->cfg.pitch_wpm, ctx->cfg.pitch_seconds, &t);
    char *line = cli_ws_timing_line(&t, ctx->cfg.pitch_seconds);
    if (t.words) puts(line);
    free(line);
  }
  free(text);
  cli_args_free(&a);
  return st;
}

/* ---- delete ---- */

static enum rp_status ws_delete(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt none[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(VERB, argc, argv, none, &a);
  if (st != RP_OK) return st;
  long long id = 0;
  if (a.pos.n != 1) {
    st = cli_fail(VERB, RP_INVALID, "give one ID (rapport worksheet delete ID; the ids are in "
                                    "rapport worksheet --format json)");
  } else {
    const char *s = a.pos.v[0];
    bool digits = s[0] && strlen(s) <= 18;
    for (const char *p = s; digits && *p; p++) digits = *p >= '0' && *p <= '9';
    id = digits ? strtoll(s, NULL, 10) : 0;
    if (id <= 0) st = cli_fail(VERB, RP_INVALID, "ID must be a whole number above 0, not '%s'", s);
  }
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    st = ws_item_delete(ctx->db, (int64_t)id, &err);
    if (st != RP_OK) cli_fail(VERB, st, "%s", err.msg);
  }
  cli_args_free(&a);
  return st;
}

/* ---- print ---- */

static enum rp_status ws_show(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt opts[] = {{"--format", "md|json", false}, {NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(VERB, argc, argv, opts, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[0] ? a.val[0] : "md";
  bool json = strcmp(fmt, "json") == 0;
  if (a.pos.n)
    st = cli_fail(VERB, RP_INVALID, "unexpected argument '%s'; allowed: add, set, delete, or "
                                    "--format md|json to print", a.pos.v[0]);
  else if (!json && strcmp(fmt, "md") != 0)
    st = cli_fail(VERB, RP_INVALID, "--format: '%s' is not a format; allowed: md, json", fmt);
  if (st == RP_OK) st = cli_open(ctx);
  struct rp_buf b = {0};
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    st = cli_ws_render(ctx->db, &ctx->cfg, json, &b, &err);
    if (st != RP_OK) cli_fail(VERB, st, "%s", err.msg);
  }
  if (st == RP_OK) {
    fputs(buf_str(&b), stdout);
    if (fflush(stdout) != 0) st = cli_fail(VERB, RP_EDB, "could not write the output");
  }
  buf_free(&b);
  cli_args_free(&a);
  return st;
}

/* `rapport worksheet [--format md|json]`, `… add SECTION …`, `… set KEY
 * TEXT`, `… delete ID`. Returns the exit status. */
enum rp_status cli_worksheet(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc > 0 && strcmp(argv[0], "add") == 0) return ws_add(ctx, argc - 1, argv + 1);
  if (argc > 0 && strcmp(argv[0], "set") == 0) return ws_set(ctx, argc - 1, argv + 1);
  if (argc > 0 && strcmp(argv[0], "delete") == 0) return ws_delete(ctx, argc - 1, argv + 1);
  return ws_show(ctx, argc, argv);
}
