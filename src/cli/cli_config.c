/* cli_config.c — `rapport check-config [FILE]`: validate a config and the
 * theme it names, without touching the journal. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "rapport/theme.h"

static const struct cli_opt opts[] = {{NULL, NULL, false}};

enum rp_status cli_check_config(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("check-config", argc, argv, opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n > 1) {
    cli_args_free(&a);
    return cli_fail("check-config", RP_INVALID, "give at most one FILE");
  }
  if (a.pos.n == 1) ctx->config_path = a.pos.v[0];
  st = cli_config(ctx);
  if (st == RP_OK) {
    struct rp_theme theme = {0};
    st = cli_theme(ctx, &theme);
    theme_free(&theme);
  }
  if (st == RP_OK) {
    char *def = config_default_path();
    const char *shown = ctx->cfg.source ? ctx->cfg.source : def;
    printf("%s: ok%s\n", shown, ctx->cfg.source ? "" : " (not found: using the defaults)");
    free(def);
  }
  cli_args_free(&a);
  return st;
}
