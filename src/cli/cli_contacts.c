/* cli_contacts.c — `rapport add` and `rapport list`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "rapport/contact.h"
#include "rapport/export.h"
#include "rapport/json.h"
#include "rapport/utf8.h"

enum { A_ORG, A_ROLE, A_FIELD, A_EMAIL, A_PHONE, A_URL, A_LOCATION, A_HOW, A_WARMTH, A_INTRO,
       A_SENIORITY, A_CHANNEL, A_STAGE, A_TAG };

static const struct cli_opt add_opts[] = {
    [A_ORG] = {"--org", "ORG", false},
    [A_ROLE] = {"--role", "ROLE", false},
    [A_FIELD] = {"--field", "FIELD", false},
    [A_EMAIL] = {"--email", "EMAIL", false},
    [A_PHONE] = {"--phone", "P", false},
    [A_URL] = {"--url", "URL", false},
    [A_LOCATION] = {"--location", "PLACE", false},
    [A_HOW] = {"--how-known", "KIND", false},
    [A_WARMTH] = {"--warmth", "warm|cold", false},
    [A_INTRO] = {"--introduced-by", "NAME", false},
    [A_SENIORITY] = {"--seniority", "S", false},
    [A_CHANNEL] = {"--channel", "C", false},
    [A_STAGE] = {"--stage", "STAGE", false},
    [A_TAG] = {"--tag", "TAG", true},
    {NULL, NULL, false},
};

/* The option that sets a model field, for error messages. */
static const char *option_for_field(const char *field) {
  static const struct { const char *field, *opt; } map[] = {
      {"name", "NAME"}, {"org", "--org"}, {"role", "--role"}, {"field", "--field"},
      {"email", "--email"}, {"phone", "--phone"}, {"url", "--url"},
      {"location", "--location"}, {"how_known", "--how-known"}, {"warmth", "--warmth"},
      {"introduced_by", "--introduced-by"}, {"seniority", "--seniority"},
      {"channel", "--channel"}, {"stage", "--stage"}, {"tags", "--tag"},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(map); i++)
    if (strcmp(map[i].field, field) == 0) return map[i].opt;
  return NULL;
}

enum rp_status cli_add(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("add", argc, argv, add_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1) {
    cli_args_free(&a);
    return cli_fail("add", RP_INVALID, a.pos.n ? "give one NAME (quote names with spaces)"
                                               : "missing NAME (rapport add \"Zoë Ørsted\" --org Acme)");
  }
  st = cli_open(ctx);
  if (st != RP_OK) {
    cli_args_free(&a);
    return st;
  }
  struct rp_contact c;
  contact_init(&c);
  struct rp_err err;
  rp_err_clear(&err);
  c.name = xstrdup(a.pos.v[0]);
  char **dst[] = {[A_ORG] = &c.org, [A_ROLE] = &c.role, [A_FIELD] = &c.field,
                  [A_EMAIL] = &c.email, [A_PHONE] = &c.phone, [A_URL] = &c.url,
                  [A_LOCATION] = &c.location, [A_HOW] = &c.how_known, [A_WARMTH] = &c.warmth,
                  [A_SENIORITY] = &c.seniority, [A_CHANNEL] = &c.channel, [A_STAGE] = &c.stage};
  for (size_t i = 0; i < RP_ARRAY_LEN(dst); i++)
    if (dst[i] && a.val[i]) *dst[i] = xstrdup(a.val[i]);
  c.warmth_set = a.val[A_WARMTH] != NULL;
  strv_copy(&c.tags, &a.multi[A_TAG]);
  if (a.val[A_INTRO]) {
    st = contact_resolve(ctx->db, a.val[A_INTRO], &c.introduced_by, &err);
    if (st != RP_OK) { /* not found or ambiguous: bad input either way */
      st = cli_fail("add", RP_INVALID, "--introduced-by: %s", err.msg);
      goto out;
    }
  }
  st = contact_insert(ctx->db, &ctx->cfg, &c, &err);
  if (st == RP_OK) {
    printf("%lld\n", (long long)c.id);
  } else {
    const char *opt = err.field[0] ? option_for_field(err.field) : NULL;
    if (opt) cli_fail("add", st, "%s: %s", opt, err.msg);
    else cli_fail("add", st, "%s", err.msg);
  }
out:
  contact_free(&c);
  cli_args_free(&a);
  return st;
}

/* ---- list ---- */

/* One contact of `list --format json`: every field (email, phone and url
 * the primary ones), its tags, its emails, phones and URLs (json_values)
 * and its times. */
static void json_contact(struct rp_buf *b, const struct rp_contact *c) {
  char t1[32], t2[32];
  datetime_iso(c->created_at, t1, sizeof t1);
  datetime_iso(c->updated_at, t2, sizeof t2);
  buf_addf(b, "{\"id\": %lld, \"name\": ", (long long)c->id);
  json_str(b, c->name);
  const char *keys[] = {"org", "role", "field", "email", "phone", "url", "location",
                        "how_known", "warmth", "seniority", "channel", "stage",
                        "work", "challenges", "notes", "research", "draft"};
  const char *vals[] = {c->org, c->role, c->field, c->email, c->phone, c->url, c->location,
                        c->how_known, c->warmth, c->seniority, c->channel, c->stage,
                        c->work, c->challenges, c->notes, c->research, c->draft};
  for (size_t i = 0; i < RP_ARRAY_LEN(keys); i++) {
    buf_addf(b, ", \"%s\": ", keys[i]);
    json_str(b, vals[i]);
  }
  buf_addf(b, ", \"warmth_set\": %s, \"introduced_by\": ", c->warmth_set ? "true" : "false");
  if (c->introduced_by) {
    buf_addf(b, "{\"id\": %lld, \"name\": ", (long long)c->introduced_by);
    json_str(b, c->introduced_by_name);
    buf_adds(b, "}");
  } else {
    buf_adds(b, "null");
  }
  buf_adds(b, ", \"tags\": [");
  for (size_t i = 0; i < c->tags.n; i++) {
    if (i) buf_adds(b, ", ");
    json_str(b, c->tags.v[i]);
  }
  buf_adds(b, "], \"emails\": ");
  json_values(b, &c->emails);
  buf_adds(b, ", \"phones\": ");
  json_values(b, &c->phones);
  buf_adds(b, ", \"urls\": ");
  json_values(b, &c->urls);
  buf_adds(b, ", \"known_since\": ");
  json_str(b, c->known_since);
  buf_addf(b, ", \"created_at\": \"%s\", \"updated_at\": \"%s\"}", t1, t2);
}

static void tsv_field(struct rp_buf *b, const char *s) {
  for (; s && *s; s++) {
    if (*s == '\t') buf_adds(b, "\\t");
    else if (*s == '\n') buf_adds(b, "\\n");
    else if (*s == '\r') buf_adds(b, "\\r");
    else if (*s == '\\') buf_adds(b, "\\\\");
    else buf_addc(b, *s);
  }
}

enum { L_FORMAT, L_STAGE, L_TAG, L_SORT, L_LIMIT };
static const struct cli_opt list_opts[] = {
    [L_FORMAT] = {"--format", "table|tsv|json", false},
    [L_STAGE] = {"--stage", "S", false},
    [L_TAG] = {"--tag", "T", false},
    [L_SORT] = {"--sort", "name|updated", false},
    [L_LIMIT] = {"--limit", "N", false},
    {NULL, NULL, false},
};

#define COLS_N 6

static void table_row(struct rp_buf *b, const char *const cells[COLS_N], const int w[COLS_N]) {
  for (int i = 0; i < COLS_N; i++) {
    if (i == COLS_N - 1) { /* last column: no padding */
      char *clean = utf8_sanitize(cells[i]);
      buf_adds(b, clean);
      free(clean);
    } else {
      char *p = utf8_pad(cells[i], w[i]);
      buf_adds(b, p);
      buf_adds(b, "  ");
      free(p);
    }
  }
  while (b->len && b->s[b->len - 1] == ' ') b->s[--b->len] = '\0';
  buf_addc(b, '\n');
}

static void print_table(const struct rp_contact_list *l) {
  static const char *const head[COLS_N] = {"ID", "NAME", "ORGANISATION", "STAGE", "WARMTH", "TAGS"};
  static const int cap[COLS_N] = {8, 32, 28, 18, 6, 200};
  int w[COLS_N];
  for (int i = 0; i < COLS_N; i++) w[i] = utf8_width(head[i]);
  char ids[32];
  for (size_t r = 0; r < l->n; r++) {
    const struct rp_contact *c = &l->v[r];
    snprintf(ids, sizeof ids, "%lld", (long long)c->id);
    char *tags = strv_join(&c->tags, ",");
    const char *cells[COLS_N] = {ids, c->name, c->org, c->stage, c->warmth, tags};
    for (int i = 0; i < COLS_N; i++) {
      char *s = utf8_sanitize(cells[i] ? cells[i] : "");
      int cw = utf8_width(s);
      if (cw > w[i]) w[i] = cw < cap[i] ? cw : cap[i];
      free(s);
    }
    free(tags);
  }
  struct rp_buf b = {0};
  table_row(&b, head, w);
  for (size_t r = 0; r < l->n; r++) {
    const struct rp_contact *c = &l->v[r];
    snprintf(ids, sizeof ids, "%lld", (long long)c->id);
    char *tags = strv_join(&c->tags, ",");
    const char *cells[COLS_N] = {ids, c->name, c->org ? c->org : "", c->stage, c->warmth, tags};
    table_row(&b, cells, w);
    free(tags);
  }
  fputs(buf_str(&b), stdout);
  buf_free(&b);
}

enum rp_status cli_list(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("list", argc, argv, list_opts, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[L_FORMAT] ? a.val[L_FORMAT] : "table";
  const char *sort = a.val[L_SORT] ? a.val[L_SORT] : "name";
  if (a.pos.n) st = cli_fail("list", RP_INVALID, "unexpected argument '%s'", a.pos.v[0]);
  else if (strcmp(fmt, "table") && strcmp(fmt, "tsv") && strcmp(fmt, "json"))
    st = cli_fail("list", RP_INVALID, "--format: '%s' is not a format; allowed: table, tsv, json", fmt);
  else if (strcmp(sort, "name") && strcmp(sort, "updated"))
    st = cli_fail("list", RP_INVALID, "--sort: '%s' is not allowed; allowed: name, updated", sort);
  long limit = -1; /* all */
  if (st == RP_OK && a.val[L_LIMIT]) {
    char *end = NULL;
    limit = strtol(a.val[L_LIMIT], &end, 10);
    if (!*a.val[L_LIMIT] || *end || limit < 1 || limit > 1000000)
      st = cli_fail("list", RP_INVALID, "--limit: '%s' is not a number from 1 to 1000000",
                    a.val[L_LIMIT]);
  }
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK && a.val[L_STAGE] && !choices_find(&ctx->cfg.stages, a.val[L_STAGE])) {
    char *allowed = choices_list(&ctx->cfg.stages);
    st = cli_fail("list", RP_INVALID, "--stage: '%s' is not a stage; allowed: %s", a.val[L_STAGE], allowed);
    free(allowed);
  }
  if (st != RP_OK) {
    cli_args_free(&a);
    return st;
  }
  struct rp_contact_query q = {.stage = a.val[L_STAGE], .tag = a.val[L_TAG],
                               .sort = strcmp(sort, "updated") == 0 ? SORT_UPDATED : SORT_NAME};
  struct rp_contact_list l = {0};
  struct rp_err err;
  st = contact_list(ctx->db, &q, 0, limit, &l, &err);
  /* the table shows none of them; json and tsv show them all */
  if (st == RP_OK && strcmp(fmt, "table") != 0) st = contact_list_values(ctx->db, &l, &err);
  if (st != RP_OK) {
    contact_list_free(&l);
    cli_args_free(&a);
    return cli_fail("list", st, "%s", err.msg);
  }
  struct rp_buf b = {0};
  if (strcmp(fmt, "json") == 0) {
    buf_adds(&b, "[");
    for (size_t i = 0; i < l.n; i++) {
      buf_adds(&b, i ? ",\n  " : "\n  ");
      json_contact(&b, &l.v[i]);
    }
    buf_adds(&b, l.n ? "\n]\n" : "]\n");
    fputs(buf_str(&b), stdout);
  } else if (strcmp(fmt, "tsv") == 0) {
    buf_adds(&b, "id\tname\torg\trole\temail\tstage\twarmth\ttags\temails\tphones\turls\n");
    struct rp_buf lists = {0};
    for (size_t i = 0; i < l.n; i++) {
      const struct rp_contact *c = &l.v[i];
      buf_addf(&b, "%lld\t", (long long)c->id);
      const char *cells[] = {c->name, c->org, c->role, c->email, c->stage, c->warmth};
      for (size_t k = 0; k < RP_ARRAY_LEN(cells); k++) {
        tsv_field(&b, cells[k]);
        buf_addc(&b, '\t');
      }
      char *tags = strv_join(&c->tags, ",");
      tsv_field(&b, tags);
      free(tags);
      const struct rp_contact_values *all[] = {&c->emails, &c->phones, &c->urls};
      for (size_t k = 0; k < RP_ARRAY_LEN(all); k++) {
        buf_reset(&lists);
        export_values_text(&lists, all[k], "; ");
        buf_addc(&b, '\t');
        tsv_field(&b, buf_str(&lists));
      }
      buf_addc(&b, '\n');
    }
    buf_free(&lists);
    fputs(buf_str(&b), stdout);
  } else {
    print_table(&l);
  }
  buf_free(&b);
  contact_list_free(&l);
  cli_args_free(&a);
  if (fflush(stdout) != 0) return cli_fail("list", RP_EDB, "could not write the output");
  return RP_OK;
}
