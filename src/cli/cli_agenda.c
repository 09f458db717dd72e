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

/* How the agenda is printed as agenda_each reads it: one item's text at a
 * time, so memory stays flat whatever the journal's size. */
struct printer {
  bool json;
  int days;
  const char *today;
  int section; /* the section of the last item printed, -1 before the first */
  size_t n;    /* items printed */
  struct rp_buf b; /* the text of one item, reused */
};

/* Write the printer's text to stdout and empty it; a write that fails
 * stops the agenda (RP_EDB). */
static enum rp_status put(struct printer *p, struct rp_err *err) {
  enum rp_status s = RP_OK;
  if (p->b.len && fwrite(p->b.s, 1, p->b.len, stdout) != p->b.len)
    s = rp_err_set(err, RP_EDB, "could not write the output");
  buf_reset(&p->b);
  return s;
}

/* A table line: the section's heading when it starts, then "  #ID name — why". */
static void table_item(struct printer *p, const struct rp_agenda_item *it) {
  struct rp_buf *b = &p->b;
  if ((int)it->section != p->section) {
    p->section = (int)it->section;
    if (p->section == AG_WEEK && p->days != AGENDA_DAYS)
      buf_addf(b, "Next %d day%s\n", p->days, p->days == 1 ? "" : "s");
    else
      buf_addf(b, "%s\n", rp_agenda_section_titles[p->section]);
  }
  char *name = utf8_sanitize(it->contact_name ? it->contact_name : "");
  char *why = utf8_sanitize(it->why ? it->why : "");
  buf_adds(b, "  ");
  if (it->followup_id) buf_addf(b, "#%lld ", (long long)it->followup_id);
  buf_addf(b, "%s \xE2\x80\x94 %s\n", name, why); /* " — " */
  free(name);
  free(why);
}

/* A JSON number, or null for 0. */
static void json_id(struct rp_buf *b, int64_t id) {
  if (id) buf_addf(b, "%lld", (long long)id);
  else buf_adds(b, "null");
}

/* The head of the JSON form, up to the items' array. */
static void json_head(struct printer *p) {
  buf_adds(&p->b, "{\"today\": ");
  json_str(&p->b, p->today);
  buf_addf(&p->b, ", \"days\": %d, \"items\": [", p->days);
}

/* One element of the items' array (the head before the first). */
static void json_item(struct printer *p, const struct rp_agenda_item *it) {
  struct rp_buf *b = &p->b;
  if (p->n == 0) json_head(p);
  buf_adds(b, p->n ? ",\n  {" : "\n  {");
  buf_adds(b, "\"section\": ");
  json_str(b, rp_agenda_section_keys[it->section]);
  buf_adds(b, ", \"title\": ");
  json_str(b, rp_agenda_section_titles[it->section]);
  buf_addf(b, ", \"contact_id\": %lld, \"contact\": ", (long long)it->contact_id);
  json_str(b, it->contact_name);
  buf_adds(b, ", \"followup_id\": ");
  json_id(b, it->followup_id);
  buf_adds(b, ", \"conversation_id\": ");
  json_id(b, it->conversation_id);
  buf_adds(b, ", \"kind\": ");
  json_str(b, it->kind);
  buf_adds(b, ", \"date\": ");
  json_str(b, it->date);
  buf_adds(b, ", \"why\": ");
  json_str(b, it->why);
  buf_adds(b, ", \"origin\": ");
  if (it->origin) json_str(b, it->origin);
  else buf_adds(b, "null");
  buf_adds(b, "}");
}

/* agenda_each's callback: print the item now. */
static enum rp_status print_item(void *vp, const struct rp_agenda_item *it, struct rp_err *err) {
  struct printer *p = vp;
  if (p->json) json_item(p, it);
  else table_item(p, it);
  p->n++;
  return put(p, err);
}

/* What follows the last item: the JSON's close (and its head when there
 * was no item), or the table's line for an empty agenda. */
static enum rp_status print_end(struct cli_ctx *ctx, struct printer *p, struct rp_err *err) {
  if (p->json) {
    if (p->n == 0) json_head(p);
    buf_adds(&p->b, p->n ? "\n]}\n" : "]}\n");
    return put(p, err);
  }
  if (p->n == 0) print_empty(ctx);
  return RP_OK;
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
  struct rp_err err;
  rp_err_clear(&err);
  char *today = date_local(db_now(), 0);
  struct printer p = {.json = strcmp(fmt, "json") == 0, .days = days, .today = today,
                      .section = -1};
  st = agenda_each(ctx->db, &ctx->cfg, today, days, print_item, &p, &err);
  if (st == RP_OK) st = print_end(ctx, &p, &err);
  buf_free(&p.b);
  free(today);
  /* a write that failed stopped the reads; cli_main says so once, with
   * why (a full disk, a closed pipe) */
  if (st != RP_OK && ferror(stdout)) return RP_EDB;
  return st == RP_OK ? RP_OK : cli_fail("agenda", st, "%s", err.msg);
}
