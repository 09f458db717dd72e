/* cli_sync.c — `rapport sync [--contacts DIR] [--calendar DIR] [--dry-run]
 * [--delete] [--format text|json]`: one sync of the journal with the
 * folders vdirsyncer carries to a CardDAV/CalDAV server (rapport/sync.h).
 * One line per item changed ("written  abc.vcf  Priya Shah") and a
 * summary. Exit 0 when the sync ran (conflicts and skipped files are in
 * the report), 2 for bad arguments, config or folders, 3 when the journal
 * could not be written or another sync of it is running. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/json.h"
#include "rapport/sync.h"
#include "rapport/utf8.h"

enum { S_CONTACTS, S_CALENDAR, S_DRY, S_DELETE, S_FORMAT };
static const struct cli_opt sync_opts_def[] = {
    [S_CONTACTS] = {"--contacts", "DIR", false},
    [S_CALENDAR] = {"--calendar", "DIR", false},
    [S_DRY] = {"--dry-run", NULL, false},
    [S_DELETE] = {"--delete", NULL, false},
    [S_FORMAT] = {"--format", "text|json", false},
    {NULL, NULL, false},
};

/* "1 written, 2 read" of the kinds that happened; "" when none (caller
 * frees). */
static char *counts_text(const struct sync_report *r) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int w = 0; w <= SYNC_SKIPPED; w++)
    if (r->counts[w])
      buf_addf(&b, "%s%ld %s", b.len ? ", " : "", r->counts[w], sync_what_name((enum sync_what)w));
  return buf_steal(&b);
}

static void print_text(const struct sync_report *r, bool dry) {
  struct rp_buf b = {0};
  for (size_t i = 0; i < r->n; i++) {
    char *file = utf8_sanitize(r->lines[i].file);
    char *text = utf8_sanitize(r->lines[i].text);
    buf_addf(&b, "%-9s %s  %s\n", sync_what_name(r->lines[i].what), file, text);
    free(file);
    free(text);
  }
  char *counts = counts_text(r);
  if (dry)
    buf_addf(&b, "dry run, nothing changed: %s\n", counts[0] ? counts : "nothing to do");
  else
    buf_addf(&b, "synced: %s\n", counts[0] ? counts : "nothing changed, all in step");
  free(counts);
  fputs(buf_str(&b), stdout);
  buf_free(&b);
}

static void print_json(const struct sync_report *r, bool dry) {
  struct rp_buf b = {0};
  buf_addf(&b, "{\"dry_run\": %s, \"counts\": {", dry ? "true" : "false");
  for (int w = 0; w <= SYNC_SKIPPED; w++) {
    buf_adds(&b, w ? ", " : "");
    json_str(&b, sync_what_name((enum sync_what)w));
    buf_addf(&b, ": %ld", r->counts[w]);
  }
  buf_adds(&b, "}, \"items\": [");
  for (size_t i = 0; i < r->n; i++) {
    buf_adds(&b, i ? ",\n  {\"what\": " : "\n  {\"what\": ");
    json_str(&b, sync_what_name(r->lines[i].what));
    buf_adds(&b, ", \"file\": ");
    json_str(&b, r->lines[i].file);
    buf_adds(&b, ", \"text\": ");
    json_str(&b, r->lines[i].text);
    buf_adds(&b, "}");
  }
  buf_adds(&b, r->n ? "\n]}\n" : "]}\n");
  fputs(buf_str(&b), stdout);
  buf_free(&b);
}

/* `rapport sync`. */
enum rp_status cli_sync(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("sync", argc, argv, sync_opts_def, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[S_FORMAT] ? a.val[S_FORMAT] : "text";
  char cb[128];
  if (a.pos.n)
    st = cli_fail("sync", RP_INVALID,
                  "takes no arguments (rapport sync [--contacts DIR] [--calendar DIR] "
                  "[--dry-run] [--delete] [--format text|json])");
  if (st == RP_OK && strcmp(fmt, "text") != 0 && strcmp(fmt, "json") != 0)
    st = cli_fail("sync", RP_INVALID, "--format: '%s' is not a format; allowed: text, json",
                  str_clip(fmt, cb, sizeof cb));
  if (st == RP_OK) st = cli_open(ctx);
  if (st != RP_OK) {
    cli_args_free(&a);
    return st;
  }
  struct sync_opts o;
  memset(&o, 0, sizeof o);
  /* folders given: only those; else the config's */
  bool given = a.val[S_CONTACTS] || a.val[S_CALENDAR];
  o.contacts_dir = given ? a.val[S_CONTACTS] : ctx->cfg.sync_contacts;
  o.calendar_dir = given ? a.val[S_CALENDAR] : ctx->cfg.sync_calendar;
  o.dry_run = a.val[S_DRY] != NULL;
  o.follow_deletes = a.val[S_DELETE] != NULL;
  o.stages = ctx->cfg.sync_stages;
  o.tags = ctx->cfg.sync_tags;
  o.alarm_minutes = 15;
  struct sync_report r;
  memset(&r, 0, sizeof r);
  struct rp_err err;
  rp_err_clear(&err);
  st = sync_run(ctx->db, &ctx->cfg, &o, &r, &err);
  if (st == RP_OK) {
    if (strcmp(fmt, "json") == 0) print_json(&r, o.dry_run);
    else print_text(&r, o.dry_run);
  } else {
    cli_fail("sync", st, "%s", err.msg);
  }
  sync_report_free(&r);
  cli_args_free(&a);
  return st;
}
