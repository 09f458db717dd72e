/* cli_thanks.c — `rapport thanks NAME [--file FILE|-]`: the thank-you draft
 * for a contact's last conversation held and its specificity verdict; with
 * --file, FILE (or standard input) is saved as the draft first. Exit 0
 * when it names a topic of the call, 1 when it does not, 2 when there is
 * no conversation to thank for (or bad usage). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/followup.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

#define VERB "thanks"
/* A thank-you is a few lines: far above any, and a clear refusal. */
#define THANKS_READ_MAX ((size_t)1 << 20)

enum { T_FILE };
static const struct cli_opt thanks_opts[] = {{"--file", "FILE", false}, {NULL, NULL, false}};

/* The new draft from path ("-" = standard input) into *out (caller frees),
 * trailing blank lines and spaces dropped; prints the error and returns
 * RP_INVALID when it cannot be read, is not UTF-8 text or is empty. */
static enum rp_status read_new_draft(const char *path, char **out) {
  bool std_in = strcmp(path, "-") == 0;
  const char *shown = std_in ? "standard input" : path;
  struct rp_err err;
  rp_err_clear(&err);
  size_t len = 0;
  *out = NULL;
  enum rp_status st =
      paths_read_file_max(std_in ? "/dev/stdin" : path, THANKS_READ_MAX, out, &len, &err);
  if (st == RP_NO) return cli_fail(VERB, RP_INVALID, "--file: no such file: %s", path);
  if (st != RP_OK) return cli_fail(VERB, RP_INVALID, "--file: cannot read %s", err.msg);
  if (strlen(*out) != len || !utf8_valid(*out, len))
    st = cli_fail(VERB, RP_INVALID, "--file: %s is not UTF-8 text; save the thank-you as UTF-8",
                  shown);
  while (st == RP_OK && len && str_is_space((*out)[len - 1])) (*out)[--len] = '\0';
  if (st == RP_OK && !len)
    st = cli_fail(VERB, RP_INVALID, "--file: %s is empty: write the thank-you first", shown);
  if (st != RP_OK) {
    free(*out);
    *out = NULL;
  }
  return st;
}

/* Print the thank-you: a heading, the draft, the verdict. */
static void print_thanks(const struct rp_followup *f, const struct rp_specific *v) {
  char *name = utf8_sanitize(f->contact_name ? f->contact_name : "");
  printf("Thank-you to %s \xC2\xB7 due %s \xC2\xB7 by %s%s\n\n", name, f->due ? f->due : "?",
         f->medium ? f->medium : "email",
         f->status && strcmp(f->status, "open") != 0 ? " \xC2\xB7 sent" : "");
  free(name);
  for (const char *p = f->draft ? f->draft : ""; p;) { /* line by line: sanitize keeps no \n */
    const char *nl = strchr(p, '\n');
    char *line = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
    char *clean = utf8_sanitize(line);
    printf("%s\n", clean);
    free(clean);
    free(line);
    p = nl ? nl + 1 : NULL;
  }
  putchar('\n');
  char *verdict = utf8_sanitize(v->verdict);
  if (v->specific) printf("Specific: it %s.\n", verdict);
  else printf("N%s.\n", verdict + 1); /* "not specific: …" */
  free(verdict);
}

/* See cli.h. */
enum rp_status cli_thanks(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse(VERB, argc, argv, thanks_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1)
    st = cli_fail(VERB, RP_INVALID,
                  a.pos.n ? "give one NAME (quote names with spaces)"
                          : "missing NAME (rapport thanks NAME [--file FILE|-])");
  char *text = NULL;
  if (st == RP_OK && a.val[T_FILE]) st = read_new_draft(a.val[T_FILE], &text);
  int64_t who = 0;
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, VERB, a.pos.v[0], &who);
  struct rp_err err;
  rp_err_clear(&err);
  int64_t id = 0;
  if (st == RP_OK) {
    st = followup_thanks_last(ctx->db, &ctx->cfg, who, &id, NULL, &err);
    if (st == RP_NO) {
      char *name = utf8_sanitize(a.pos.v[0]);
      st = cli_fail(VERB, RP_INVALID,
                    "%s: no conversation held yet, so no thank-you to write (a thank-you "
                    "follows a call: rapport call NAME)",
                    name);
      free(name);
    } else if (st != RP_OK) {
      st = cli_fail(VERB, st, "%s", err.msg);
    }
  }
  cli_args_free(&a);
  struct rp_followup f = {0};
  if (st == RP_OK && (st = followup_get(ctx->db, id, &f, &err)) != RP_OK)
    st = cli_fail(VERB, st, "%s", err.msg);
  if (st == RP_OK && text) {
    str_replace(&f.draft, text);
    if ((st = followup_update(ctx->db, &f, &err)) != RP_OK) st = cli_fail(VERB, st, "%s", err.msg);
  }
  free(text);
  struct rp_specific v = {0};
  if (st == RP_OK &&
      (st = followup_thanks_verdict(ctx->db, &ctx->cfg, id, NULL, &v, &err)) != RP_OK)
    st = cli_fail(VERB, st, "%s", err.msg);
  if (st == RP_OK) {
    print_thanks(&f, &v);
    st = v.specific ? RP_OK : RP_NO;
  }
  specific_free(&v);
  followup_free(&f);
  return st;
}
