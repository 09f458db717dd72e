/* cli_import.c — `rapport import csv|linkedin|vcard FILE|- [--skip-bad]
 * [--dry-run] [--encoding NAME]`: people from CSV exports (LinkedIn,
 * Outlook, Google) or vCard files into the journal, as one transaction,
 * ending with what was found and the summary line on stdout, warnings on
 * stderr; and the
 * dispatch of `rapport import json` (a restore, in cli_restore.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/import.h"
#include "rapport/utf8.h"

#define VERB "import"
#define PROGRESS_FROM 2000 /* rows; smaller files are done before a bar helps */
#define BAR 20

enum { O_SKIP_BAD, O_DRY_RUN, O_ENCODING };
static const struct cli_opt import_opts[] = {
    [O_SKIP_BAD] = {"--skip-bad", NULL, false},
    [O_DRY_RUN] = {"--dry-run", NULL, false},
    [O_ENCODING] = {"--encoding", "NAME", false},
    {NULL, NULL, false},
};

/* The progress bar on stderr: "\rimporting 1234/5000 [#####     ]",
 * redrawn when the percentage moves, cleared at the end. */
struct progress {
  int shown; /* last percentage drawn, -1 = none yet */
};

static void progress(size_t done, size_t total, void *arg) {
  struct progress *p = arg;
  if (total <= PROGRESS_FROM) return;
  int pct = (int)(done * 100 / total);
  if (pct == p->shown && done != total) return;
  p->shown = pct;
  char bar[BAR + 1];
  int full = (int)(done * BAR / total);
  for (int i = 0; i < BAR; i++) bar[i] = i < full ? '#' : ' ';
  bar[BAR] = '\0';
  fprintf(stderr, "\rimporting %zu/%zu [%s]", done, total, bar);
  fflush(stderr);
}

static void progress_clear(const struct progress *p) {
  if (p->shown < 0) return;
  fprintf(stderr, "\r%*s\r", 60, ""); /* wider than the longest bar */
  fflush(stderr);
}

/* `import linkedin|vcard …`; argv after the kind. */
static enum rp_status import_kind(struct cli_ctx *ctx, const char *kind, int argc, char **argv) {
  char verb[32];
  snprintf(verb, sizeof verb, VERB " %s", kind);
  struct cli_args a;
  enum rp_status st = cli_parse(verb, argc, argv, import_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1)
    st = cli_fail(verb, RP_INVALID, a.pos.n ? "give one FILE (or - for standard input)"
                                            : "missing FILE (rapport import %s FILE|-)",
                  kind);
  if (st == RP_OK) st = cli_open(ctx);
  if (st != RP_OK) {
    cli_args_free(&a);
    return st;
  }
  struct progress p = {.shown = -1};
  struct rp_import_summary sum = {0};
  if (isatty(STDERR_FILENO)) {
    sum.progress = progress;
    sum.progress_arg = &p;
  }
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_import_opts o = {.kind = strcmp(kind, "auto") ? kind : NULL,
                             .encoding = a.val[O_ENCODING],
                             .skip_bad = a.val[O_SKIP_BAD] != NULL,
                             .dry_run = a.val[O_DRY_RUN] != NULL};
  st = import_file(ctx->db, &ctx->cfg, a.pos.v[0], &o, &sum, &err);
  progress_clear(&p);
  if (st != RP_OK) {
    char *msg = utf8_sanitize(err.msg);
    cli_fail(verb, st, "%s", msg);
    free(msg);
  } else {
    const struct rp_strv *lists[] = {&sum.skipped_why, &sum.warnings};
    for (size_t l = 0; l < RP_ARRAY_LEN(lists); l++)
      for (size_t i = 0; i < lists[l]->n; i++) {
        char *msg = utf8_sanitize(lists[l]->v[i]);
        fprintf(stderr, "%s%s\n", l ? "warning: " : "", msg);
        free(msg);
      }
    if (sum.format) {
      char *shown = utf8_sanitize(strcmp(a.pos.v[0], "-") ? a.pos.v[0] : "stdin");
      printf("%s: %s\n", shown, sum.format);
      free(shown);
    }
    char *line = import_summary_line(&sum);
    printf("%s%s\n", o.dry_run ? "dry run, nothing written: would have " : "", line);
    free(line);
  }
  import_summary_free(&sum);
  cli_args_free(&a);
  return st;
}

/* `rapport import KIND …`. */
enum rp_status cli_import(struct cli_ctx *ctx, int argc, char **argv) {
  if (argc < 1)
    return cli_fail(VERB, RP_INVALID, "missing what to import (rapport import csv|vcard "
                                      "FILE); allowed: csv, linkedin, vcard, json");
  if (strcmp(argv[0], "linkedin") == 0 || strcmp(argv[0], "vcard") == 0 ||
      strcmp(argv[0], "csv") == 0)
    return import_kind(ctx, argv[0], argc - 1, argv + 1);
  if (strcmp(argv[0], "json") == 0) return cli_import_json(ctx, argc - 1, argv + 1);
  char *shown = utf8_sanitize(argv[0]);
  cli_fail(VERB, RP_INVALID, "unknown kind '%s'; allowed: csv, linkedin, vcard, json", shown);
  free(shown);
  return RP_INVALID;
}
