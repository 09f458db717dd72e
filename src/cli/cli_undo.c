/* cli_undo.c — `rapport undo` and `rapport redo`: the journal's last step,
 * whoever made it (the full screen or a verb); see rapport/undo.h. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "rapport/undo.h"

/* undo_last or redo_last with no arguments; prints what it did. Exit 1
 * when there is nothing to do, 2 when the step conflicts with a change
 * made since outside rapport's undo. */
static enum rp_status undo_verb(struct cli_ctx *ctx, const char *verb, bool redo, int argc,
                                char **argv) {
  struct cli_args a;
  static const struct cli_opt none[] = {{NULL, NULL, false}};
  enum rp_status st = cli_parse(verb, argc, argv, none, &a);
  if (st != RP_OK) return st;
  if (a.pos.n) st = cli_fail(verb, RP_INVALID, "takes no arguments, not '%s'", a.pos.v[0]);
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    char *label = NULL;
    st = redo ? redo_last(ctx->db, &label, &err) : undo_last(ctx->db, &label, &err);
    if (st == RP_OK) printf("%s: %s\n", redo ? "redid" : "undid", label);
    else cli_fail(verb, st, "%s", err.msg);
    free(label);
  }
  cli_args_free(&a);
  return st;
}

/* See cli.h. */
enum rp_status cli_undo(struct cli_ctx *ctx, int argc, char **argv) {
  return undo_verb(ctx, "undo", false, argc, argv);
}

/* See cli.h. */
enum rp_status cli_redo(struct cli_ctx *ctx, int argc, char **argv) {
  return undo_verb(ctx, "redo", true, argc, argv);
}
