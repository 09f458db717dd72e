/* cli_conversation_discard.c — `rapport conversation discard ID [--force]`:
 * a stray call undone from the command line, as the Call screen offers
 * it (conv_discard): no conversation held, no thank-you owed, the stage as
 * it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/conversation.h"
#include "rapport/utf8.h"

#define DISCARD_USAGE "conversation discard ID [--force]"

/* `rapport conversation discard ID [--force]` (argv after "discard"):
 * exit 0 discarded, 1 no such conversation, 2 bad usage or a conversation
 * that cannot be discarded (live, never held, notes without --force). */
enum rp_status cli_conversation_discard(struct cli_ctx *ctx, int argc, char **argv) {
  static const char *const verb = "conversation discard";
  static const struct cli_opt opts[] = {{"--force", NULL, false}, {NULL, NULL, false}};
  struct cli_args a;
  enum rp_status st = cli_parse(verb, argc, argv, opts, &a);
  if (st != RP_OK) return st;
  char cb[128];
  long long id = 0;
  if (a.pos.n != 1)
    st = cli_fail(verb, RP_INVALID, a.pos.n ? "give one ID (rapport " DISCARD_USAGE ")"
                                            : "missing ID (rapport " DISCARD_USAGE ")");
  else if (strspn(a.pos.v[0], "0123456789") != strlen(a.pos.v[0]) || strlen(a.pos.v[0]) > 15 ||
           (id = atoll(a.pos.v[0])) < 1)
    st = cli_fail(verb, RP_INVALID,
                  "ID must be a conversation's number (the #ID rapport notes NAME shows), not "
                  "'%s'",
                  str_clip(a.pos.v[0], cb, sizeof cb));
  bool force = a.val[0] != NULL;
  cli_args_free(&a);
  if (st == RP_OK) st = cli_open(ctx);
  if (st != RP_OK) return st;
  struct rp_conversation c;
  struct rp_err err;
  rp_err_clear(&err);
  st = conv_get(ctx->db, id, &c, &err);
  if (st == RP_NO) return cli_fail(verb, RP_NO, "no conversation with id %lld", id);
  if (st != RP_OK) return cli_fail(verb, st, "%s", err.msg);
  bool replanned = false;
  st = conv_discard(ctx->db, id, force, &replanned, &err);
  if (st == RP_OK) {
    char *name = utf8_sanitize(c.contact_name ? c.contact_name : "");
    if (replanned)
      printf("discarded the call with %s: the conversation is planned again, as prepared\n",
             name);
    else printf("discarded the call with %s: nothing kept\n", name);
    free(name);
  } else {
    cli_fail(verb, st, "%s", err.msg);
  }
  conv_free(&c);
  return st;
}
