/* cli_followup.c — keeping relationships alive from the command line:
 * `rapport followup add|done|snooze` (and `rapport action done|snooze`, the
 * same for the actions a call left), `rapport outcome add` (and the
 * success reports it leaves for everyone who helped) and `rapport cadence`
 * (how often to get back in touch with someone). `rapport agenda` is in
 * cli_agenda.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/when.h"
#include "rapport/cadence.h"
#include "rapport/contact.h"
#include "rapport/followup.h"
#include "rapport/outcome.h"
#include "rapport/utf8.h"

#define FOLLOWUP_USAGE                                                              \
  "followup add NAME --kind KIND [--due DATE] [--note TEXT] | followup done ID | " \
  "followup snooze ID DAYS"

/* A whole number from min to max (at most 9 digits); false otherwise. */
static bool parse_num(const char *s, long long min, long long max, long long *out) {
  size_t n = strlen(s);
  if (n == 0 || n > 9 || strspn(s, "0123456789") != n) return false;
  *out = atoll(s);
  return *out >= min && *out <= max;
}

/* Exactly `n` positional arguments, else exit 2 naming what is missing. */
static enum rp_status need(const char *verb, const struct cli_args *a, size_t n,
                           const char *what, const char *usage) {
  if (a->pos.n == n) return RP_OK;
  if (a->pos.n < n) return cli_fail(verb, RP_INVALID, "missing %s (rapport %s)", what, usage);
  return cli_fail(verb, RP_INVALID,
                  "too many arguments; quote names and text with spaces (rapport %s)", usage);
}

/* ---- followup add ---- */

enum { F_KIND, F_DUE, F_NOTE };
static const struct cli_opt add_opts[] = {
    [F_KIND] = {"--kind", "KIND", false},
    [F_DUE] = {"--due", "DATE", false},
    [F_NOTE] = {"--note", "TEXT", false},
    {NULL, NULL, false},
};

#define KINDS_LIST "thank-you, check-in, update, success, custom"

static enum rp_status followup_add_verb(struct cli_ctx *ctx, int argc, char **argv) {
  static const char *const verb = "followup add";
  struct cli_args a;
  enum rp_status st = cli_parse(verb, argc, argv, add_opts, &a);
  if (st != RP_OK) return st;
  st = need(verb, &a, 1, "NAME", "followup add NAME --kind KIND [--due DATE] [--note TEXT]");
  if (st == RP_OK && !a.val[F_KIND])
    st = cli_fail(verb, RP_INVALID, "missing --kind KIND; one of: " KINDS_LIST);
  struct rp_followup f = {0};
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, verb, a.pos.v[0], &f.contact_id);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    f.kind = xstrdup(a.val[F_KIND]);
    f.due = xstrdup(a.val[F_DUE]);
    f.note = xstrdup(a.val[F_NOTE]);
    st = followup_add(ctx->db, &f, &err);
    if (st == RP_OK) printf("%lld\n", (long long)f.id);
    else if (!strcmp(err.field, "kind")) cli_fail_field(verb, st, &err, "kind", "--kind");
    else if (!strcmp(err.field, "due")) cli_fail_field(verb, st, &err, "due", "--due");
    else if (!strcmp(err.field, "note")) cli_fail_field(verb, st, &err, "note", "--note");
    else cli_fail(verb, st, "%s", err.msg);
  }
  followup_free(&f);
  cli_args_free(&a);
  return st;
}

/* ---- followup done, snooze ---- */

/* The open follow-up ID of argument `s` into *f (caller frees): exit 2 for
 * a malformed ID, 1 when there is no open follow-up with it. */
static enum rp_status open_followup(struct cli_ctx *ctx, const char *verb, const char *s,
                                    struct rp_followup *f) {
  long long id;
  char cb[128];
  memset(f, 0, sizeof *f);
  if (!parse_num(s, 1, 999999999, &id))
    return cli_fail(verb, RP_INVALID, "ID must be a follow-up's number (see rapport agenda), "
                                      "not '%s'", str_clip(s, cb, sizeof cb));
  enum rp_status st = cli_open(ctx);
  if (st != RP_OK) return st;
  struct rp_err err;
  rp_err_clear(&err);
  st = followup_get(ctx->db, id, f, &err);
  if (st == RP_NO) return cli_fail(verb, RP_NO, "no follow-up with id %lld", id);
  if (st != RP_OK) return cli_fail(verb, st, "%s", err.msg);
  if (strcmp(f->status, "open") != 0)
    return cli_fail(verb, RP_NO, "follow-up %lld is not open (it is %s)", id, f->status);
  return RP_OK;
}

/* "Name — check in: note" for a confirmation ("Name — note" for a custom
 * follow-up, as the actions a call left are); caller frees. */
static char *describe(const struct rp_followup *f) {
  const char *label = f->kind;
  for (size_t i = 0; i < RP_ARRAY_LEN(rp_followup_kinds); i++)
    if (strcmp(f->kind, rp_followup_kinds[i]) == 0) label = rp_followup_kind_labels[i];
  if (f->note && strcmp(f->kind, "custom") == 0) label = NULL;
  char *s = xasprintf("%s \xE2\x80\x94 %s%s%s", f->contact_name ? f->contact_name : "",
                      label ? label : "", label && f->note ? ": " : "", f->note ? f->note : "");
  char *safe = utf8_sanitize(s);
  free(s);
  return safe;
}

/* `rapport followup done ID`, also as `rapport action done ID` (`verb`). */
static enum rp_status followup_done_verb(struct cli_ctx *ctx, const char *verb, int argc,
                                         char **argv) {
  static const struct cli_opt opts[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(verb, argc, argv, opts, &a);
  if (st != RP_OK) return st;
  char *usage = xasprintf("%s ID", verb);
  st = need(verb, &a, 1, "ID", usage);
  free(usage);
  struct rp_followup f = {0};
  if (st == RP_OK) st = open_followup(ctx, verb, a.pos.v[0], &f);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    st = followup_mark(ctx->db, &ctx->cfg, f.id, "done", &err);
    char *d = describe(&f);
    if (st == RP_OK) printf("done: %s\n", d);
    else cli_fail(verb, st, "%s", err.msg);
    free(d);
  }
  followup_free(&f);
  cli_args_free(&a);
  return st;
}

/* `rapport followup snooze ID DAYS`, also as `rapport action snooze …`. */
static enum rp_status followup_snooze_verb(struct cli_ctx *ctx, const char *verb, int argc,
                                           char **argv) {
  static const struct cli_opt opts[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(verb, argc, argv, opts, &a);
  if (st != RP_OK) return st;
  char *usage = xasprintf("%s ID DAYS", verb);
  st = need(verb, &a, 2, a.pos.n ? "DAYS" : "ID and DAYS", usage);
  free(usage);
  int days = 0;
  char cb[128];
  if (st == RP_OK) {
    /* a length ("3", "2w") or the day it comes back ("fri", "24 Dec") */
    struct rp_err derr;
    rp_err_clear(&derr);
    if (when_days_now(a.pos.v[1], &days, &derr) != RP_OK)
      st = cli_fail(verb, RP_INVALID, "DAYS: %s", derr.msg);
    else if (days < 1 || days > 365)
      st = cli_fail(verb, RP_INVALID, "DAYS must come to 1 to 365 days, not %d ('%s')", days,
                    str_clip(a.pos.v[1], cb, sizeof cb));
  }
  struct rp_followup f = {0};
  if (st == RP_OK) st = open_followup(ctx, verb, a.pos.v[0], &f);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    st = followup_snooze(ctx->db, f.id, (int)days, &err);
    char *until = date_local(db_now(), (int)days);
    if (st == RP_OK) printf("snoozed until %s\n", until);
    else cli_fail(verb, st, "%s", err.msg);
    free(until);
  }
  followup_free(&f);
  cli_args_free(&a);
  return st;
}

/* `rapport followup add|done|snooze …`. */
enum rp_status cli_followup(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc >= 1 && strcmp(argv[0], "add") == 0) return followup_add_verb(ctx, argc - 1, argv + 1);
  if (argc >= 1 && strcmp(argv[0], "done") == 0)
    return followup_done_verb(ctx, "followup done", argc - 1, argv + 1);
  if (argc >= 1 && strcmp(argv[0], "snooze") == 0)
    return followup_snooze_verb(ctx, "followup snooze", argc - 1, argv + 1);
  char cb[128];
  if (argc < 1)
    return cli_fail("followup", RP_INVALID,
                    "missing action; one of: add, done, snooze (rapport " FOLLOWUP_USAGE ")");
  return cli_fail("followup", RP_INVALID,
                  "unknown action '%s'; one of: add, done, snooze (rapport " FOLLOWUP_USAGE ")",
                  str_clip(argv[0], cb, sizeof cb));
}

/* ---- outcome add ---- */

enum { O_CONTACT, O_DATE };
static const struct cli_opt outcome_opts[] = {
    [O_CONTACT] = {"--contact", "NAME", true},
    [O_DATE] = {"--date", "DATE", false},
    {NULL, NULL, false},
};

#define OUTCOME_USAGE "outcome add TEXT [--contact NAME]... [--date DATE]"

static void print_helpers(const struct rp_helper_list *h) {
  for (size_t i = 0; i < h->n; i++) {
    char *name = utf8_sanitize(h->v[i].name ? h->v[i].name : "");
    char *why = utf8_sanitize(h->v[i].why ? h->v[i].why : "");
    printf("%s \xE2\x80\x94 %s\n", name, why);
    free(name);
    free(why);
  }
  if (h->n == 0)
    fprintf(stderr, "rapport outcome add: nobody to tell yet; name the people you met about it "
                    "with --contact NAME\n");
  else
    fprintf(stderr, "rapport outcome add: a success report was added for each of them "
                    "(rapport agenda); tell them how it turned out\n");
}

/* `rapport outcome add TEXT …`: the outcome's id, then who helped. */
enum rp_status cli_outcome(struct cli_ctx *ctx, int argc, char **argv) {
  static const char *const verb = "outcome add";
  char cb[128];
  if (argc < 1 || strcmp(argv[0], "add") != 0) {
    if (argc < 1)
      return cli_fail("outcome", RP_INVALID, "missing action; one of: add (rapport " OUTCOME_USAGE ")");
    return cli_fail("outcome", RP_INVALID, "unknown action '%s'; one of: add (rapport "
                    OUTCOME_USAGE ")", str_clip(argv[0], cb, sizeof cb));
  }
  struct cli_args a;
  enum rp_status st = cli_parse(verb, argc - 1, argv + 1, outcome_opts, &a);
  if (st != RP_OK) return st;
  st = need(verb, &a, 1, "TEXT, how it turned out", OUTCOME_USAGE);
  const struct rp_strv *names = &a.multi[O_CONTACT];
  int64_t *ids = names->n ? xcalloc(names->n, sizeof *ids) : NULL;
  if (st == RP_OK) st = cli_open(ctx);
  for (size_t i = 0; st == RP_OK && i < names->n; i++)
    st = cli_resolve(ctx, verb, names->v[i], &ids[i]);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    struct rp_helper_list h = {0};
    int64_t id = 0;
    st = outcome_add(ctx->db, a.pos.v[0], a.val[O_DATE], ids, names->n, &id, &h, &err);
    if (st == RP_OK) {
      printf("%lld\n", (long long)id);
      print_helpers(&h);
    } else if (!strcmp(err.field, "text")) cli_fail_field(verb, st, &err, "text", "TEXT");
    else if (!strcmp(err.field, "date")) cli_fail_field(verb, st, &err, "date", "--date");
    else cli_fail(verb, st, "%s", err.msg);
    helper_list_free(&h);
  }
  free(ids);
  cli_args_free(&a);
  return st;
}

/* ---- cadence ---- */

#define CADENCE_USAGE "cadence NAME [DAYS|none|default]"

/* `rapport cadence NAME [DAYS|none|default]`: set (when given), then show
 * the cadence that applies and the last interaction. */
enum rp_status cli_cadence(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt opts[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse("cadence", argc, argv, opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1) st = need("cadence", &a, 2, "NAME", CADENCE_USAGE);
  long long days = -2;
  char cb[128];
  if (st == RP_OK && a.pos.n == 2) {
    const char *v = a.pos.v[1];
    if (strcmp(v, "none") == 0) days = 0;
    else if (strcmp(v, "default") == 0) days = -1;
    else if (!parse_num(v, 0, 3650, &days))
      st = cli_fail("cadence", RP_INVALID, "DAYS must be a whole number from 0 to 3650, none or "
                    "default, not '%s'", str_clip(v, cb, sizeof cb));
  }
  int64_t id = 0;
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, "cadence", a.pos.v[0], &id);
  cli_args_free(&a);
  struct rp_err err;
  rp_err_clear(&err);
  if (st == RP_OK && days >= -1) {
    st = cadence_set(ctx->db, id, (int)days, &err);
    if (st != RP_OK) return cli_fail("cadence", st, "%s", err.msg);
  }
  if (st != RP_OK) return st;
  struct rp_contact c;
  char last[11];
  const char *what = NULL;
  st = contact_get(ctx->db, id, &c, &err);
  if (st == RP_OK) st = cadence_last(ctx->db, id, last, &what, &err);
  if (st != RP_OK) return cli_fail("cadence", st, "%s", err.msg);
  int n = cadence_effective(&ctx->cfg, c.stage, c.warmth, c.cadence_set ? c.cadence_days : -1);
  bool by_stage = false;
  for (size_t i = 0; i < ctx->cfg.n_cadence_by_stage; i++)
    by_stage |= c.stage && strcmp(ctx->cfg.cadence_by_stage[i].stage, c.stage) == 0;
  char *from = c.cadence_set ? xstrdup("own setting")
               : by_stage    ? xasprintf("default for the stage %s", c.stage)
                             : xasprintf("default for %s contacts", c.warmth);
  char *name = utf8_sanitize(c.name);
  struct rp_buf b = {0};
  if (n) buf_addf(&b, "%s: every %d day%s (%s)", name, n, n == 1 ? "" : "s", from);
  else buf_addf(&b, "%s: no reminders (%s)", name, from);
  char due[11];
  if (strcmp(what, "added") == 0) buf_addf(&b, "; added %s, no contact yet", last);
  else buf_addf(&b, "; last contact %s (%s)", last, what);
  if (n && date_add(last, n, due)) buf_addf(&b, "; next check-in due %s", due);
  printf("%s\n", buf_str(&b));
  buf_free(&b);
  free(name);
  free(from);
  contact_free(&c);
  return RP_OK;
}

/* `rapport action done|snooze ID …`: the actions a call left are
 * follow-ups (rapport/plan.h), so these are `followup done|snooze`. */
enum rp_status cli_action(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc >= 1 && strcmp(argv[0], "done") == 0)
    return followup_done_verb(ctx, "action done", argc - 1, argv + 1);
  if (argc >= 1 && strcmp(argv[0], "snooze") == 0)
    return followup_snooze_verb(ctx, "action snooze", argc - 1, argv + 1);
  char cb[128];
  if (argc < 1)
    return cli_fail("action", RP_INVALID,
                    "missing action; one of: done, snooze (rapport action done ID | action "
                    "snooze ID DAYS)");
  return cli_fail("action", RP_INVALID,
                  "unknown action '%s'; one of: done, snooze (rapport action done ID | action "
                  "snooze ID DAYS)",
                  str_clip(argv[0], cb, sizeof cb));
}
