/* cli_search.c — `rapport search QUERY [--format table|json] [--limit N]`:
 * the full-text search of the `/` box, printed grouped by kind with the
 * matched words in [brackets] (table) or as a JSON array. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/json.h"
#include "rapport/search.h"
#include "rapport/utf8.h"

#define SEARCH_DEFAULT_LIMIT 50

/* The snippet with its \x01 \x02 markers as `open` and `close` (NULL: left
 * out); a new string the caller frees. */
static char *snippet_marked(const char *s, const char *open, const char *close) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (; s && *s; s++) {
    if (*s == '\x01') {
      if (open) buf_adds(&b, open);
    } else if (*s == '\x02') {
      if (close) buf_adds(&b, close);
    } else {
      buf_addc(&b, *s);
    }
  }
  return buf_steal(&b);
}

/* Appends s with control characters made visible. */
static void add_clean(struct rp_buf *b, const char *s) {
  char *c = utf8_sanitize(s ? s : "");
  buf_adds(b, c);
  free(c);
}

static void print_table(struct rp_buf *b, const struct rp_hit_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    const struct rp_hit *h = &l->v[i];
    if (i == 0 || l->v[i - 1].kind != h->kind) {
      if (i) buf_addc(b, '\n');
      buf_addf(b, "%s\n", rp_hit_kind_titles[h->kind]);
    }
    buf_adds(b, "  ");
    add_clean(b, h->title);
    buf_addc(b, '\n');
    char *snip = snippet_marked(h->snippet, "[", "]");
    if (*snip) {
      buf_adds(b, "    ");
      add_clean(b, snip);
      buf_addc(b, '\n');
    }
    free(snip);
  }
}

/* The hits as a JSON array; the contact as {"id", "name"} (null when the
 * hit belongs to nobody; the name as the search read it with the title). */
static void print_json(struct rp_buf *b, const struct rp_hit_list *l) {
  buf_adds(b, "[");
  for (size_t i = 0; i < l->n; i++) {
    const struct rp_hit *h = &l->v[i];
    buf_adds(b, i ? ",\n  {\"kind\": " : "\n  {\"kind\": ");
    json_str(b, rp_hit_kind_names[h->kind]);
    buf_adds(b, ", \"title\": ");
    json_str(b, h->title);
    buf_adds(b, ", \"snippet\": ");
    char *plain = snippet_marked(h->snippet, NULL, NULL);
    json_str(b, plain);
    free(plain);
    buf_adds(b, ", \"matched\": [");
    /* the matched words, in the order of the snippet */
    size_t k = 0;
    for (const char *p = h->snippet; p && (p = strchr(p, '\x01')); k++) {
      const char *e = strchr(++p, '\x02');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      char *w = xstrndup(p, n);
      if (k) buf_adds(b, ", ");
      json_str(b, w);
      free(w);
      p += n;
    }
    buf_adds(b, "], \"contact\": ");
    if (h->contact_id) {
      buf_addf(b, "{\"id\": %lld, \"name\": ", (long long)h->contact_id);
      json_str(b, h->contact_name ? h->contact_name : "");
      buf_adds(b, "}");
    } else {
      buf_adds(b, "null");
    }
    buf_addf(b, ", \"ref_id\": %lld", (long long)h->ref_id);
    if (h->conversation_id) buf_addf(b, ", \"conversation\": %lld", (long long)h->conversation_id);
    else buf_adds(b, ", \"conversation\": null");
    buf_adds(b, ", \"where\": ");
    json_str(b, h->where);
    buf_adds(b, "}");
  }
  buf_adds(b, l->n ? "\n]\n" : "]\n");
}

enum { S_FORMAT, S_LIMIT };
static const struct cli_opt search_opts[] = {
    [S_FORMAT] = {"--format", "table|json", false},
    [S_LIMIT] = {"--limit", "N", false},
    {NULL, NULL, false},
};

/* `rapport search QUERY...`: exit 0 with the hits, 1 when nothing matches
 * (a message on stderr), 2 on bad usage. The words of several arguments
 * are searched together. */
enum rp_status cli_search(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("search", argc, argv, search_opts, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[S_FORMAT] ? a.val[S_FORMAT] : "table";
  bool json = strcmp(fmt, "json") == 0;
  long limit = SEARCH_DEFAULT_LIMIT;
  char *query = strv_join(&a.pos, " ");
  bool blank = true;
  for (const char *p = query; *p && blank; p++) blank = str_is_space(*p);
  if (a.pos.n == 0 || blank)
    st = cli_fail("search", RP_INVALID, "missing QUERY (rapport search WORDS)");
  else if (!json && strcmp(fmt, "table") != 0)
    st = cli_fail("search", RP_INVALID, "--format: '%s' is not a format; allowed: table, json",
                  fmt);
  if (st == RP_OK && a.val[S_LIMIT]) {
    char *end = NULL;
    limit = strtol(a.val[S_LIMIT], &end, 10);
    if (!*a.val[S_LIMIT] || *end || limit < 0 || limit > 100000)
      st = cli_fail("search", RP_INVALID,
                    "--limit: '%s' is not a number from 0 to 100000 (0 = no limit)",
                    a.val[S_LIMIT]);
  }
  cli_args_free(&a);
  if (st == RP_OK) st = cli_open(ctx);
  if (st != RP_OK) {
    free(query);
    return st;
  }

  struct rp_err err;
  rp_err_clear(&err);
  struct rp_hit_list hits = {0};
  st = search_run(ctx->db, query, (size_t)limit, &hits, &err);
  if (st != RP_OK) {
    free(query);
    return cli_fail("search", st, "%s", err.msg);
  }
  if (hits.words_left_out) /* a note, not an error: the search ran */
    fprintf(stderr, "rapport search: used the first %d different words; %zu more %s left out\n",
            SEARCH_MAX_WORDS, hits.words_left_out, hits.words_left_out == 1 ? "was" : "were");
  if (hits.n == 0) {
    char *q = utf8_sanitize(query);
    cli_fail("search", RP_NO, "nothing matches '%s'", q);
    free(q);
    free(query);
    return RP_NO;
  }
  free(query);
  struct rp_buf b = {0};
  if (json) print_json(&b, &hits);
  else print_table(&b, &hits);
  fputs(buf_str(&b), stdout);
  if (fflush(stdout) != 0) st = cli_fail("search", RP_EDB, "could not write the output");
  buf_free(&b);
  hit_list_free(&hits);
  return st;
}
