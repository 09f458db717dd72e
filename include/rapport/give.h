/* give.h — the give-first ledger: what you gave a contact before asking. */
#ifndef RAPPORT_GIVE_H
#define RAPPORT_GIVE_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

struct rp_give {
  int64_t id;
  int64_t contact_id;
  char *date;  /* "YYYY-MM-DD"; NULL on insert = today (db_now, local time) */
  char *kind;  /* key of cfg->give_kinds */
  char *text;  /* what you did; required */
  int64_t created_at;
};

struct rp_give_list {
  struct rp_give *v;
  size_t n;
};

void give_free(struct rp_give *g);
void give_list_free(struct rp_give_list *l);
/* Validate (kind one of cfg->give_kinds, text non-empty, date a real
 * YYYY-MM-DD, contact exists and is not deleted) and insert; in the same
 * transaction, move the contact to the stage "giving" when its stage comes
 * before "giving" in cfg->stages (and "giving" exists). RP_INVALID with
 * err->field "kind"/"text"/"date"/"contact". */
enum rp_status give_insert(struct rp_db *db, const struct rp_config *cfg, struct rp_give *g,
                           struct rp_err *err);
enum rp_status give_delete(struct rp_db *db, int64_t id, struct rp_err *err);
/* Newest first (date, then id). */
enum rp_status give_list(struct rp_db *db, int64_t contact_id, struct rp_give_list *out,
                         struct rp_err *err);
/* Gives logged, and asks made of the contact, counted from the journal:
 * each conversation held with them (their time), each live contact they
 * introduced you to (an introduction asked for, or a referral from a
 * call: "who else should I talk to?"), and the outreach itself, while no
 * conversation has been held yet: their stage is "asked" or any stage after
 * it in cfg->stages (a request for a conversation and the conversation it
 * leads to count once). */
enum rp_status give_balance(struct rp_db *db, const struct rp_config *cfg, int64_t contact_id,
                            long *gives, long *asks, struct rp_err *err);

#endif
