/* cli_restore.c — `rapport import json FILE [--merge]`: restore a JSON
 * export (rapport export json) into an empty journal, or merge the
 * contacts it does not have. Dispatched from `rapport import`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/export.h"
#include "rapport/paths.h"

/* The most a JSON export to restore may be: an export of 100,000
 * contacts with their notes is a few hundred MB. */
#define RESTORE_MAX ((size_t)2 << 30)

/* The whole of `path` ("-" = standard input) into *data; caller frees.
 * Bounded, and only a file, a pipe or a terminal (paths_read_file_max). */
static enum rp_status read_all(const char *path, char **data, size_t *len) {
  struct rp_err err;
  rp_err_clear(&err);
  bool std_in = strcmp(path, "-") == 0;
  enum rp_status st = paths_read_file_max(std_in ? "/dev/stdin" : path, RESTORE_MAX, data, len, &err);
  if (st == RP_NO) return cli_fail("import json", RP_INVALID, "%s: No such file or directory", path);
  if (st != RP_OK) return cli_fail("import json", RP_INVALID, "%s", err.msg);
  return RP_OK;
}

enum { R_MERGE };
static const struct cli_opt restore_opts[] = {
    [R_MERGE] = {"--merge", NULL, false},
    {NULL, NULL, false},
};

/* See cli.h. argv are the arguments after "json". */
enum rp_status cli_import_json(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("import json", argc, argv, restore_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1)
    st = cli_fail("import json", RP_INVALID,
                  a.pos.n ? "give one FILE" : "missing FILE (rapport import json FILE)");
  char *data = NULL;
  size_t len = 0;
  if (st == RP_OK) st = read_all(a.pos.v[0], &data, &len);
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    struct rp_restore_summary sum;
    st = restore_json(ctx->db, data, len, a.val[R_MERGE] != NULL, &sum, &err);
    if (st == RP_OK && a.val[R_MERGE]) {
      printf("merged: %ld contacts added, %ld already there (left as they were), %ld rows in all\n",
             sum.contacts, sum.contacts_matched, sum.rows);
      if (sum.contacts_resumed)
        printf("finished the merge of this file that stopped: it had added %ld contacts\n",
               sum.contacts_resumed);
    } else if (st == RP_OK)
      printf("restored: %ld contacts, %ld rows in all\n", sum.contacts, sum.rows);
    else if (err.msg[0] >= '0' && err.msg[0] <= '9') /* LINE:COL: … */
      cli_fail("import json", st, "%s:%s", a.pos.v[0], err.msg);
    else
      cli_fail("import json", st, "%s", err.msg);
    if (st == RP_OK && fflush(stdout) != 0)
      st = cli_fail("import json", RP_EDB, "could not write the output");
  }
  free(data);
  cli_args_free(&a);
  return st;
}
