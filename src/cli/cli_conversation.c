/* cli_conversation.c — conversations from the command line: `rapport call`
 * (the full-screen journal on the Call screen), `rapport conversation add`
 * and `rapport question add`. `rapport notes` is in cli_notes.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/question.h"
#include "rapport/utf8.h"

/* Exactly one NAME (and `more` further arguments): else exit 2 with a
 * message showing the usage. */
static enum rp_status need_args(const char *verb, const struct cli_args *a, size_t n,
                                const char *usage, const char *what) {
  if (a->pos.n == n) return RP_OK;
  if (a->pos.n < n) return cli_fail(verb, RP_INVALID, "missing %s (rapport %s)", what, usage);
  return cli_fail(verb, RP_INVALID,
                  "too many arguments; quote names and text with spaces (rapport %s)", usage);
}

/* ---- call ---- */

/* `rapport call NAME`: the journal on the Call screen with NAME. */
enum rp_status cli_call(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt opts[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse("call", argc, argv, opts, &a);
  if (st != RP_OK) return st;
  st = need_args("call", &a, 1, "call NAME", "NAME");
  if (st == RP_OK) st = cli_open(ctx);
  int64_t id = 0;
  if (st == RP_OK) st = cli_resolve(ctx, "call", a.pos.v[0], &id);
  cli_args_free(&a);
  if (st != RP_OK) return st;
  return (enum rp_status)cli_run_ui(ctx, id);
}

/* ---- conversation add ---- */

/* --minutes (already a number of minutes, see cli_parse): 1 to 240. */
static bool parse_minutes(const char *s, int *out) {
  size_t n = strlen(s);
  if (n == 0 || n > 3 || strspn(s, "0123456789") != n) return false;
  *out = atoi(s);
  return *out >= 1 && *out <= 240;
}

enum { C_AT, C_MINUTES, C_OBJECTIVE, C_CHANNEL };
static const struct cli_opt conv_opts[] = {
    [C_AT] = {"--at", "DATETIME", false},
    [C_MINUTES] = {"--minutes", "MINUTES", false},
    [C_OBJECTIVE] = {"--objective", "TEXT", false},
    [C_CHANNEL] = {"--channel", "C", false},
    {NULL, NULL, false},
};

#define CONV_USAGE \
  "conversation add NAME [--at WHEN] [--minutes LENGTH] [--objective TEXT] [--channel C]"

/* `rapport conversation add NAME …`: prints the new conversation's id. */
enum rp_status cli_conversation(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc < 1 || strcmp(argv[0], "add") != 0) {
    if (argc < 1)
      return cli_fail("conversation", RP_INVALID,
                      "missing action; one of: add (rapport " CONV_USAGE ")");
    return cli_fail("conversation", RP_INVALID,
                    "unknown action '%s'; one of: add (rapport " CONV_USAGE ")", argv[0]);
  }
  struct cli_args a;
  enum rp_status st = cli_parse("conversation add", argc - 1, argv + 1, conv_opts, &a);
  if (st != RP_OK) return st;
  st = need_args("conversation add", &a, 1, CONV_USAGE, "NAME");
  struct rp_conversation c;
  conv_init(&c);
  char cb[128];
  if (st == RP_OK && a.val[C_AT] && !datetime_parse(a.val[C_AT], &c.scheduled_at))
    st = cli_fail("conversation add", RP_INVALID,
                  "--at: '%s' is not a moment in local time; use a day and a time, "
                  "as in 'tomorrow 10am', 'fri 14:30' or '2026-12-24 14:30'",
                  str_clip(a.val[C_AT], cb, sizeof cb));
  if (st == RP_OK && a.val[C_MINUTES] && !parse_minutes(a.val[C_MINUTES], &c.minutes))
    st = cli_fail("conversation add", RP_INVALID,
                  "--minutes: a conversation is planned for 1 minute to 4 hours, not %s "
                  "minutes",
                  str_clip(a.val[C_MINUTES], cb, sizeof cb));
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, "conversation add", a.pos.v[0], &c.contact_id);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    c.objective = xstrdup(a.val[C_OBJECTIVE]);
    c.channel = xstrdup(a.val[C_CHANNEL]);
    st = conv_insert(ctx->db, &ctx->cfg, &c, &err);
    if (st == RP_OK) printf("%lld\n", (long long)c.id);
    else if (!strcmp(err.field, "channel"))
      cli_fail_field("conversation add", st, &err, "channel", "--channel");
    else if (!strcmp(err.field, "minutes"))
      cli_fail_field("conversation add", st, &err, "minutes", "--minutes");
    else cli_fail("conversation add", st, "%s", err.msg);
  }
  conv_free(&c);
  cli_args_free(&a);
  return st;
}

/* ---- question add ---- */

/* Warnings for question q asked of contact `contact_id`, on stderr. */
static void print_warnings(struct cli_ctx *ctx, int64_t contact_id, const struct rp_question *q) {
  struct rp_contact who;
  struct rp_err err;
  if (contact_get(ctx->db, contact_id, &who, &err) != RP_OK) return;
  struct rp_strv warn = {0};
  question_warnings(&ctx->cfg, q, who.seniority, &warn);
  for (size_t i = 0; i < warn.n; i++) {
    char *w = utf8_sanitize(warn.v[i]);
    fprintf(stderr, "rapport question add: warning: %s\n", w);
    free(w);
  }
  strv_free(&warn);
  contact_free(&who);
}

/* `rapport question add NAME TEXT`: prints the new question's id. */
enum rp_status cli_question(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt opts[] = {{NULL, NULL, false}};
  if (argc < 1 || strcmp(argv[0], "add") != 0) {
    if (argc < 1)
      return cli_fail("question", RP_INVALID,
                      "missing action; one of: add (rapport question add NAME TEXT)");
    return cli_fail("question", RP_INVALID,
                    "unknown action '%s'; one of: add (rapport question add NAME TEXT)", argv[0]);
  }
  struct cli_args a;
  enum rp_status st = cli_parse("question add", argc - 1, argv + 1, opts, &a);
  if (st != RP_OK) return st;
  st = need_args("question add", &a, 2, "question add NAME TEXT",
                 a.pos.n ? "TEXT, the question" : "NAME and TEXT");
  /* an empty question fails before a conversation is planned for it */
  char *text = st == RP_OK ? xstrdup(a.pos.v[1]) : NULL;
  str_trim_null(&text);
  if (st == RP_OK && !text)
    st = cli_fail("question add", RP_INVALID, "TEXT is empty: write the question");
  int64_t contact = 0;
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, "question add", a.pos.v[0], &contact);
  struct rp_question q;
  memset(&q, 0, sizeof q);
  struct rp_err err;
  rp_err_clear(&err);
  /* one action, one transaction: a conversation planned for the question
   * is not left behind when the question cannot be added */
  if (st == RP_OK) {
    st = db_begin(ctx->db, &err);
    if (st == RP_OK) {
      st = conv_prepare(ctx->db, &ctx->cfg, contact, &q.conversation_id, &err);
      if (st == RP_OK) {
        q.text = text;
        text = NULL;
        st = question_add(ctx->db, &q, &err);
      }
      if (st == RP_OK) st = db_commit(ctx->db, &err);
      else db_rollback(ctx->db);
    }
    if (st == RP_OK) {
      printf("%lld\n", (long long)q.id);
      print_warnings(ctx, contact, &q);
    } else if (!strcmp(err.field, "text")) {
      cli_fail_field("question add", st, &err, "text", "TEXT");
    } else {
      cli_fail("question add", st, "%s", err.msg);
    }
  }
  free(text);
  question_free(&q);
  cli_args_free(&a);
  return st;
}
