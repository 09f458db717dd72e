/* cli_agenda.c — `rapport agenda [--days DAYS] [--format table|json]`: what
 * Today shows, for a shell start-up file: short, quick, exit 0 whenever
 * the journal could be read (also when nothing is due: then one line says
 * what to do next). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/agenda.h"
#include "rapport/contact.h"
#include "rapport/json.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"

#define AGENDA_DAYS 7 /* "this week" */

enum { A_DAYS, A_FORMAT };
static const struct cli_opt agenda_opts[] = {
    [A_DAYS] = {"--days", "DAYS", false},
    [A_FORMAT] = {"--format", "table|json", false},
    {NULL, NULL, false},
};

/* The one line an empty agenda prints: what to do next. */
static void print_empty(struct cli_ctx *ctx) {
  struct rp_contact_query q;
  memset(&q, 0, sizeof q);
  long contacts = 0;
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_ws_completeness ws;
  memset(&ws, 0, sizeof ws);
  bool ws_ok = ws_completeness(ctx->db, &ctx->cfg, &ws, &err) == RP_OK;
  if (contact_count(ctx->db, &q, &contacts, &err) == RP_OK && contacts == 0)
    puts("Nothing due. Start with people you know: rapport add NAME --how-known friend");
  else if (ws_ok && (!ws.want || !ws.superpower_with_evidence || !ws.problem))
    puts("Nothing due. Know yourself before you ask others: finish your worksheet "
         "(rapport worksheet, or 3 in the journal).");
  else
    puts("Nothing due. Plan your next conversation: rapport conversation add NAME --at "
         "\"YYYY-MM-DD HH:MM\"");
  if (ws_ok) ws_completeness_free(&ws);
}

static void print_table(struct cli_ctx *ctx, const struct rp_agenda *a, int days) {
  if (a->n == 0) {
    print_empty(ctx);
    return;
  }
  struct rp_buf b = {0};
  int section = -1;
  for (size_t i = 0; i < a->n; i++) {
    const struct rp_agenda_item *it = &a->v[i];
    if ((int)it->section != section) {
      section = (int)it->section;
      if (section == AG_WEEK && days != AGENDA_DAYS)
        buf_addf(&b, "Next %d day%s\n", days, days == 1 ? "" : "s");
      else
        buf_addf(&b, "%s\n", rp_agenda_section_titles[section]);
    }
    char *name = utf8_sanitize(it->contact_name ? it->contact_name : "");
    char *why = utf8_sanitize(it->why ? it->why : "");
    buf_adds(&b, "  ");
    if (it->followup_id) buf_addf(&b, "#%lld ", (long long)it->followup_id);
    buf_addf(&b, "%s \xE2\x80\x94 %s\n", name, why); /* " — " */
    free(name);
    free(why);
  }
  fputs(buf_str(&b), stdout);
  buf_free(&b);
}

/* A JSON number, or null for 0. */
static void json_id(struct rp_buf *b, int64_t id) {
  if (id) buf_addf(b, "%lld", (long long)id);
  else buf_adds(b, "null");
}

static void print_json(const struct rp_agenda *a, const char *today, int days) {
  struct rp_buf b = {0};
  buf_adds(&b, "{\"today\": ");
  json_str(&b, today);
  buf_addf(&b, ", \"days\": %d, \"items\": [", days);
  for (size_t i = 0; i < a->n; i++) {
    const struct rp_agenda_item *it = &a->v[i];
    buf_adds(&b, i ? ",\n  {" : "\n  {");
    buf_adds(&b, "\"section\": ");
    json_str(&b, rp_agenda_section_keys[it->section]);
    buf_adds(&b, ", \"title\": ");
    json_str(&b, rp_agenda_section_titles[it->section]);
    buf_addf(&b, ", \"contact_id\": %lld, \"contact\": ", (long long)it->contact_id);
    json_str(&b, it->contact_name);
    buf_adds(&b, ", \"followup_id\": ");
    json_id(&b, it->followup_id);
    buf_adds(&b, ", \"conversation_id\": ");
    json_id(&b, it->conversation_id);
    buf_adds(&b, ", \"kind\": ");
    json_str(&b, it->kind);
    buf_adds(&b, ", \"date\": ");
    json_str(&b, it->date);
    buf_adds(&b, ", \"why\": ");
    json_str(&b, it->why);
    buf_adds(&b, ", \"origin\": ");
    if (it->origin) json_str(&b, it->origin);
    else buf_adds(&b, "null");
    buf_adds(&b, "}");
  }
  buf_adds(&b, a->n ? "\n]}\n" : "]}\n");
  fputs(buf_str(&b), stdout);
  buf_free(&b);
}

/* `rapport agenda`: exit 0 with the agenda (or what to do next). */
enum rp_status cli_agenda(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("agenda", argc, argv, agenda_opts, &a);
  if (st != RP_OK) return st;
  int days = AGENDA_DAYS;
  const char *fmt = a.val[A_FORMAT] ? a.val[A_FORMAT] : "table";
  char cb[128];
  if (a.pos.n)
    st = cli_fail("agenda", RP_INVALID, "takes no arguments (rapport agenda [--days DAYS] "
                                        "[--format table|json])");
  if (st == RP_OK && a.val[A_DAYS]) {
    const char *d = a.val[A_DAYS];
    size_t n = strlen(d);
    days = n && n <= 2 && strspn(d, "0123456789") == n ? atoi(d) : 0;
    if (days < 1 || days > 60)
      st = cli_fail("agenda", RP_INVALID, "--days: must be a whole number from 1 to 60, not '%s'",
                    str_clip(d, cb, sizeof cb));
  }
  if (st == RP_OK && strcmp(fmt, "table") != 0 && strcmp(fmt, "json") != 0)
    st = cli_fail("agenda", RP_INVALID, "--format: '%s' is not a format; allowed: table, json",
                  str_clip(fmt, cb, sizeof cb));
  cli_args_free(&a);
  if (st == RP_OK) st = cli_open(ctx);
  if (st != RP_OK) return st;
  struct rp_agenda ag;
  struct rp_err err;
  rp_err_clear(&err);
  char *today = date_local(db_now(), 0);
  st = agenda_compute(ctx->db, &ctx->cfg, today, days, &ag, &err);
  if (st != RP_OK) {
    free(today);
    return cli_fail("agenda", st, "%s", err.msg);
  }
  if (strcmp(fmt, "json") == 0) print_json(&ag, today, days);
  else print_table(ctx, &ag, days);
  agenda_free(&ag);
  free(today);
  return RP_OK;
}
