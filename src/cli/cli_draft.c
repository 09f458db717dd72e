/* cli_draft.c — `rapport draft check [FILE|-]`: the outreach draft check on
 * a file or standard input, with the phrase lists of the config. Does not
 * open the journal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/askcheck.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

#define VERB "draft"

/* The draft in `path` ("-" = standard input) into *out; prints the error
 * ("cannot read FILE: reason") and returns RP_INVALID when it cannot.
 * Bounded, and only a file, a pipe or a terminal (paths_read_file). */
static enum rp_status read_draft(const char *path, char **out, size_t *len) {
  bool std_in = strcmp(path, "-") == 0;
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = paths_read_file(std_in ? "/dev/stdin" : path, out, len, &err);
  if (st == RP_NO) return cli_fail(VERB, RP_INVALID, "cannot read %s: No such file or directory", path);
  if (st != RP_OK) return cli_fail(VERB, RP_INVALID, "cannot read %s", err.msg);
  return RP_OK;
}

/* RP_OK when text is UTF-8 without NUL bytes; else prints
 * "NAME:LINE:COL: …" (col in characters) and returns RP_INVALID. */
static enum rp_status check_text(const char *name, const char *text, size_t len) {
  int line = 1, col = 1;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t k = utf8_decode(text + pos, len - pos, &cp);
    if (cp == 0xFFFD && k == 1)
      return cli_fail(VERB, RP_INVALID, "%s:%d:%d: not valid UTF-8; save the draft as UTF-8",
                      name, line, col);
    if (cp == 0)
      return cli_fail(VERB, RP_INVALID, "%s:%d:%d: contains a NUL byte; a draft is plain text",
                      name, line, col);
    if (cp == '\n' || (cp == '\r' && text[pos + 1] != '\n')) {
      line++;
      col = 1;
    } else {
      col++;
    }
    pos += k;
  }
  return RP_OK;
}

/* Print each finding as `LINE:COL: category: "phrase" — suggestion`. */
static void print_findings(const struct rp_findings *f) {
  for (size_t i = 0; i < f->n; i++) {
    char *phrase = utf8_sanitize(f->v[i].phrase);
    char *sug = utf8_sanitize(f->v[i].suggestion);
    char *cat = utf8_sanitize(f->v[i].category);
    printf("%d:%d: %s: \"%s\" \xe2\x80\x94 %s\n", f->v[i].line, f->v[i].col, cat, phrase, sug);
    free(cat);
    free(sug);
    free(phrase);
  }
}

static enum rp_status draft_check(struct cli_ctx *ctx, int argc, char **argv) {
  static const struct cli_opt none[] = {{NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(VERB, argc, argv, none, &a);
  if (st != RP_OK) return st;
  if (a.pos.n > 1)
    st = cli_fail(VERB, RP_INVALID, "give at most one FILE (or - for standard input)");
  const char *path = a.pos.n == 1 ? a.pos.v[0] : "-";
  if (st == RP_OK) st = cli_config(ctx);
  char *text = NULL;
  size_t len = 0;
  if (st == RP_OK) st = read_draft(path, &text, &len);
  if (st == RP_OK) st = check_text(strcmp(path, "-") ? path : "standard input", text, len);
  if (st == RP_OK) {
    struct rp_findings f;
    askcheck_run(&ctx->cfg, text, &f);
    print_findings(&f);
    st = f.n ? RP_NO : RP_OK;
    findings_free(&f);
  }
  free(text);
  cli_args_free(&a);
  return st;
}

/* `rapport draft SUBCOMMAND …`; only `check` so far. */
enum rp_status cli_draft(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc < 1)
    return cli_fail(VERB, RP_INVALID, "missing subcommand (rapport draft check [FILE|-]); "
                                      "allowed: check");
  if (strcmp(argv[0], "check") == 0) return draft_check(ctx, argc - 1, argv + 1);
  char *shown = utf8_sanitize(argv[0]);
  cli_fail(VERB, RP_INVALID, "unknown subcommand '%s'; allowed: check", shown);
  free(shown);
  return RP_INVALID;
}
