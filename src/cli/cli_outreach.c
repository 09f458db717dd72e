/* cli_outreach.c — before reaching out: `rapport give` (log something you
 * gave a contact), `rapport path` (the chain of introductions to a person
 * or an organisation) and `rapport ready` (the readiness checklist). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/contact.h"
#include "rapport/give.h"
#include "rapport/json.h"
#include "rapport/path.h"
#include "rapport/readiness.h"
#include "rapport/utf8.h"

/* How many people a no-path hint names. */
#define HINT_MAX 5

/* ---- give ---- */

enum { G_KIND, G_DATE };
static const struct cli_opt give_opts[] = {
    [G_KIND] = {"--kind", "KIND", false},
    [G_DATE] = {"--date", "DATE", false},
    {NULL, NULL, false},
};

/* `rapport give NAME --kind KIND [--date DATE] TEXT`: prints the new
 * give's id. */
enum rp_status cli_give(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("give", argc, argv, give_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n == 0)
    st = cli_fail("give", RP_INVALID, "missing NAME and TEXT (rapport give NAME --kind KIND TEXT)");
  else if (a.pos.n == 1)
    st = cli_fail("give", RP_INVALID, "missing TEXT, what you gave (rapport give NAME --kind KIND TEXT)");
  else if (a.pos.n > 2)
    st = cli_fail("give", RP_INVALID, "give one NAME and one TEXT (quote text with spaces)");
  if (st == RP_OK) st = cli_config(ctx);
  if (st == RP_OK && !a.val[G_KIND]) {
    char *allowed = choices_list(&ctx->cfg.give_kinds);
    st = cli_fail("give", RP_INVALID, "missing --kind KIND; one of: %s", allowed);
    free(allowed);
  }
  if (st == RP_OK) st = cli_open(ctx);
  struct rp_give g = {0};
  if (st == RP_OK) st = cli_resolve(ctx, "give", a.pos.v[0], &g.contact_id);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    g.kind = xstrdup(a.val[G_KIND]);
    g.date = xstrdup(a.val[G_DATE]);
    g.text = xstrdup(a.pos.v[1]);
    st = give_insert(ctx->db, &ctx->cfg, &g, &err);
    if (st == RP_OK) printf("%lld\n", (long long)g.id);
    else if (!strcmp(err.field, "kind")) cli_fail_field("give", st, &err, "kind", "--kind");
    else if (!strcmp(err.field, "date")) cli_fail_field("give", st, &err, "date", "--date");
    else if (!strcmp(err.field, "text")) cli_fail_field("give", st, &err, "text", "TEXT");
    else cli_fail("give", st, "%s", err.msg);
  }
  give_free(&g);
  cli_args_free(&a);
  return st;
}

/* ---- path ---- */

/* Appends "Name (Org)" (or "Name"), with control characters made visible. */
static void add_person(struct rp_buf *b, const char *name, const char *org) {
  char *n = utf8_sanitize(name ? name : "");
  buf_adds(b, n);
  free(n);
  if (!str_empty(org)) {
    char *o = utf8_sanitize(org);
    buf_addf(b, " (%s)", o);
    free(o);
  }
}

/* The chain, one person per line, each introduced by the line above. */
static enum rp_status print_path(struct cli_ctx *ctx, const struct rp_path *p) {
  struct rp_contact first;
  struct rp_err err;
  enum rp_status st = contact_get(ctx->db, p->ids[0], &first, &err);
  if (st != RP_OK) return cli_fail("path", st, "%s", err.msg);
  struct rp_buf b = {0};
  add_person(&b, p->names.v[0], p->orgs.v[0]);
  buf_adds(&b, " \xE2\x80\x94 you know them"); /* " — " */
  if (!str_empty(first.how_known)) {
    const struct rp_choice *ch = choices_find(&ctx->cfg.how_known, first.how_known);
    char *label = utf8_sanitize(ch && !str_empty(ch->label) ? ch->label : first.how_known);
    buf_addf(&b, ": %s", label);
    free(label);
  }
  buf_addc(&b, '\n');
  for (size_t i = 1; i < p->n; i++) {
    for (size_t k = 0; k < i; k++) buf_adds(&b, "  ");
    buf_adds(&b, "introduced ");
    add_person(&b, p->names.v[i], p->orgs.v[i]);
    buf_addc(&b, '\n');
  }
  if (p->n == 1) buf_adds(&b, "no introduction needed\n");
  else buf_addf(&b, "%zu introduction%s\n", p->n - 1, p->n == 2 ? "" : "s");
  fputs(buf_str(&b), stdout);
  buf_free(&b);
  contact_free(&first);
  return RP_OK;
}

/* After "no known path": whom you know in `what` (a field or an
 * organisation), or what to do when that is no one. *shown tells whether
 * anyone was named. */
static enum rp_status print_hint(struct cli_ctx *ctx, const char *what, bool *shown) {
  *shown = false;
  struct rp_strv people = {0};
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = path_hint(ctx->db, what, HINT_MAX, &people, &err);
  if (st != RP_OK) {
    strv_free(&people);
    return cli_fail("path", st, "%s", err.msg);
  }
  if (people.n) {
    char *list = strv_join(&people, ", ");
    char *w = utf8_sanitize(what), *l = utf8_sanitize(list);
    printf("people you know in %s: %s\n", w, l);
    free(w);
    free(l);
    free(list);
    *shown = true;
  }
  strv_free(&people);
  return RP_OK;
}

/* "no known path to X" and whom you know in X's field (else X's
 * organisation), or in organisation `org`; RP_NO, or an error. */
static enum rp_status print_no_path(struct cli_ctx *ctx, const char *org, int64_t id) {
  struct rp_contact c;
  contact_init(&c);
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = org ? RP_OK : contact_get(ctx->db, id, &c, &err);
  if (st != RP_OK) return cli_fail("path", st, "%s", err.msg);
  char *who = utf8_sanitize(org ? org : c.name);
  if (org) printf("no known path to anyone at %s\n", who);
  else printf("no known path to %s\n", who);
  free(who);
  bool shown = false;
  if (org) st = print_hint(ctx, org, &shown);
  if (st == RP_OK && !org && !str_empty(c.field)) st = print_hint(ctx, c.field, &shown);
  if (st == RP_OK && !org && !shown && !str_empty(c.org)) st = print_hint(ctx, c.org, &shown);
  if (st == RP_OK && !shown)
    puts("add how you know someone who works there, or ask the people you know who they know");
  contact_free(&c);
  return st == RP_OK ? RP_NO : st;
}

enum { P_ORG };
static const struct cli_opt path_opts[] = {
    [P_ORG] = {"--org", "ORG", false},
    {NULL, NULL, false},
};

/* `rapport path NAME` / `rapport path --org ORG`: exit 0 with the chain,
 * 1 with "no known path to …" and a hint. */
enum rp_status cli_path(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("path", argc, argv, path_opts, &a);
  if (st != RP_OK) return st;
  const char *org = a.val[P_ORG];
  if (org && a.pos.n)
    st = cli_fail("path", RP_INVALID, "give NAME or --org ORG, not both");
  else if (!org && a.pos.n != 1)
    st = cli_fail("path", RP_INVALID,
                  a.pos.n ? "give one NAME (quote names with spaces)"
                          : "missing NAME or --org ORG (rapport path NAME, rapport path --org ORG)");
  else if (org && str_empty(org))
    st = cli_fail("path", RP_INVALID, "--org: give the organisation's name");
  if (st == RP_OK) st = cli_open(ctx);
  int64_t id = 0;
  if (st == RP_OK && !org) st = cli_resolve(ctx, "path", a.pos.v[0], &id);
  if (st != RP_OK) {
    cli_args_free(&a);
    return st;
  }
  struct rp_path p;
  struct rp_err err;
  rp_err_clear(&err);
  st = org ? path_to_org(ctx->db, org, &p, &err) : path_to_contact(ctx->db, id, &p, &err);
  if (st == RP_OK) {
    st = print_path(ctx, &p);
    path_free(&p);
  } else if (st == RP_NO) {
    st = print_no_path(ctx, org, id);
  } else {
    cli_fail("path", st, "%s", err.msg);
  }
  cli_args_free(&a);
  if (fflush(stdout) != 0) return cli_fail("path", RP_EDB, "could not write the output");
  return st;
}

/* ---- ready ---- */

/* Append " s." to b (s sanitised); no second stop when s ends with one. */
static void add_sentence(struct rp_buf *b, const char *prefix, const char *s) {
  char *clean = utf8_sanitize(s);
  size_t n = strlen(clean);
  bool stop = n && strchr(".!?", clean[n - 1]);
  buf_addf(b, "%s%s%s", prefix, clean, stop ? "" : ".");
  free(clean);
}

/* Append one item as a line: "[x] text", "[ ] text — reason. What to
 * do (the command that does it).", "[-] text (not available yet: reason)".
 * `name` is the contact's, for the commands. */
static void item_line(struct rp_buf *b, const struct rp_ready_item *it, const char *name) {
  char *text = utf8_sanitize(it->text ? it->text : it->key);
  if (!it->available) {
    char *r = utf8_sanitize(it->reason ? it->reason : "");
    buf_addf(b, "[-] %s (not available yet: %s)\n", text, r);
    free(r);
  } else if (it->met) {
    buf_addf(b, "[x] %s\n", text);
  } else {
    buf_addf(b, "[ ] %s", text);
    if (!str_empty(it->reason)) add_sentence(b, " \xE2\x80\x94 ", it->reason); /* " — " */
    char *todo = fix_text_verb(&it->fix, name);
    if (!str_empty(todo)) add_sentence(b, " ", todo);
    free(todo);
    buf_addc(b, '\n');
  }
  free(text);
}

/* The readiness warning with what to do about it, or NULL; caller frees. */
static char *warning_text(const struct rp_readiness *r, const char *name) {
  if (!r->warning) return NULL;
  char *fix = fix_text_verb(&r->warning_fix, name);
  char *w = str_empty(fix) ? xstrdup(r->warning) : xasprintf("%s. %s", r->warning, fix);
  free(fix);
  return w;
}

static void json_bool(struct rp_buf *b, const char *key, bool v) {
  buf_addf(b, ", \"%s\": %s", key, v ? "true" : "false");
}

static void ready_json(struct rp_buf *b, int64_t id, const char *name,
                       const struct rp_readiness *r) {
  buf_addf(b, "{\"contact\": {\"id\": %lld, \"name\": ", (long long)id);
  json_str(b, name);
  buf_addf(b, "}, \"ready\": %s, \"met\": %d, \"total\": %d, \"items\": [",
           r->ready ? "true" : "false", r->met, r->total);
  for (size_t i = 0; i < r->n; i++) {
    const struct rp_ready_item *it = &r->v[i];
    buf_adds(b, i ? ",\n  {\"key\": " : "\n  {\"key\": ");
    json_str(b, it->key);
    buf_adds(b, ", \"text\": ");
    json_str(b, it->text);
    json_bool(b, "manual", it->manual);
    json_bool(b, "available", it->available);
    json_bool(b, "met", it->met);
    buf_adds(b, ", \"reason\": ");
    json_str(b, it->met ? NULL : it->reason);
    buf_adds(b, ", \"todo\": ");
    char *todo = it->met ? NULL : fix_text_verb(&it->fix, name);
    json_str(b, str_empty(todo) ? NULL : todo);
    free(todo);
    buf_adds(b, "}");
  }
  buf_adds(b, r->n ? "\n], \"warning\": " : "], \"warning\": ");
  char *warning = warning_text(r, name);
  json_str(b, warning);
  free(warning);
  buf_adds(b, "}\n");
}

enum { R_CHECK, R_UNCHECK, R_FORMAT };
static const struct cli_opt ready_opts[] = {
    [R_CHECK] = {"--check", "KEY", false},
    [R_UNCHECK] = {"--uncheck", "KEY", false},
    [R_FORMAT] = {"--format", "text|json", false},
    {NULL, NULL, false},
};

/* Whether key names a manual item of the config. */
static bool is_manual(const struct rp_config *cfg, const char *key) {
  for (size_t i = 0; i < cfg->n_manual_checks; i++)
    if (cfg->manual_checks[i].key && strcmp(cfg->manual_checks[i].key, key) == 0) return true;
  return false;
}

/* Tick or untick a manual item named by option `opt`. */
static enum rp_status set_manual(struct cli_ctx *ctx, int64_t id, const char *opt,
                                 const char *key, bool checked) {
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = readiness_set_manual(ctx->db, &ctx->cfg, id, key, checked, &err);
  if (st == RP_OK) return RP_OK;
  return cli_fail("ready", st, "%s: %s", opt, err.msg);
}

/* `rapport ready NAME [--check KEY] [--uncheck KEY] [--format text|json]`:
 * exit 0 when ready, 1 when not. */
enum rp_status cli_ready(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("ready", argc, argv, ready_opts, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[R_FORMAT] ? a.val[R_FORMAT] : "text";
  const char *chk = a.val[R_CHECK], *unchk = a.val[R_UNCHECK];
  if (a.pos.n != 1)
    st = cli_fail("ready", RP_INVALID, a.pos.n ? "give one NAME (quote names with spaces)"
                                               : "missing NAME (rapport ready NAME)");
  else if (strcmp(fmt, "text") && strcmp(fmt, "json"))
    st = cli_fail("ready", RP_INVALID, "--format: '%s' is not a format; allowed: text, json", fmt);
  else if (chk && unchk && strcmp(chk, unchk) == 0)
    st = cli_fail("ready", RP_INVALID, "--check and --uncheck name the same item '%s'", chk);
  if (st == RP_OK) st = cli_open(ctx);
  int64_t id = 0;
  if (st == RP_OK) st = cli_resolve(ctx, "ready", a.pos.v[0], &id);
  /* An unknown --uncheck KEY fails before --check writes anything. */
  if (st == RP_OK && chk && unchk && !is_manual(&ctx->cfg, unchk))
    st = set_manual(ctx, id, "--uncheck", unchk, false);
  if (st == RP_OK && chk) st = set_manual(ctx, id, "--check", chk, true);
  if (st == RP_OK && unchk) st = set_manual(ctx, id, "--uncheck", unchk, false);
  struct rp_readiness r = {0};
  struct rp_contact c;
  contact_init(&c);
  struct rp_err err;
  rp_err_clear(&err);
  if (st == RP_OK) {
    st = contact_get(ctx->db, id, &c, &err);
    if (st == RP_OK) st = readiness_compute(ctx->db, &ctx->cfg, id, &r, &err);
    if (st != RP_OK) cli_fail("ready", st, "%s", err.msg);
  }
  if (st == RP_OK) {
    struct rp_buf b = {0};
    if (strcmp(fmt, "json") == 0) {
      ready_json(&b, id, c.name, &r);
    } else {
      char *name = utf8_sanitize(c.name);
      buf_addf(&b, "Ready to reach out to %s: %s (%d/%d)\n", name, r.ready ? "yes" : "no", r.met,
               r.total);
      free(name);
      for (size_t i = 0; i < r.n; i++) item_line(&b, &r.v[i], c.name);
      char *warning = warning_text(&r, c.name);
      if (warning) buf_addf(&b, "warning: %s\n", warning);
      free(warning);
      struct rp_next_step next;
      if (readiness_next_step(ctx->db, &ctx->cfg, id, &next, &err) == RP_OK) {
        char *t = utf8_sanitize(next.text);
        buf_addf(&b, "met already; next step: %s\n", t);
        free(t);
        next_step_free(&next);
      }
    }
    fputs(buf_str(&b), stdout);
    buf_free(&b);
    st = r.ready ? RP_OK : RP_NO;
    if (fflush(stdout) != 0) st = cli_fail("ready", RP_EDB, "could not write the output");
  }
  readiness_free(&r);
  contact_free(&c);
  cli_args_free(&a);
  return st;
}
