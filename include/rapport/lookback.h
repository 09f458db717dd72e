/* lookback.h — looking back on the conversations with a contact: each one
 * with what it left (notes, questions asked, the wrap-up, the thank-you,
 * the gaps it answered), for the conversation list of the full screen and
 * `rapport notes`. Reads only; no curses, no printf. */
#ifndef RAPPORT_LOOKBACK_H
#define RAPPORT_LOOKBACK_H

#include <stdint.h>

#include "rapport/conversation.h"
#include "rapport/db.h"
#include "rapport/util.h"

struct rp_lookback {
  struct rp_conversation conv;
  int notes;              /* lines taken */
  int questions, asked;   /* prepared, and of those asked */
  int scored;             /* wrap-up: fit questions scored (0–4) */
  int gaps;               /* information gaps it answered */
  int64_t thanks_id;      /* its thank-you, 0 = none */
  char *thanks_status;    /* "open", "sent", "done", "skipped"; NULL = none */
  char *thanks_due;       /* "YYYY-MM-DD"; NULL = none */
};

struct rp_lookback_list {
  struct rp_lookback *v;
  size_t n;
};

/* Every conversation with contact `contact_id`, newest first (conv_list's
 * order), with its counts and thank-you. Caller frees with
 * lookback_list_free; empty on failure. */
enum rp_status lookback_list(struct rp_db *db, int64_t contact_id, struct rp_lookback_list *out,
                             struct rp_err *err);
void lookback_list_free(struct rp_lookback_list *l);

/* The length of a conversation, planned and actual: "20 min planned ·
 * took 21:15" (to the second), "20 min planned · took 21:15, 1:15 over",
 * "20 min planned" when it was not held. Caller frees. Pure. */
char *lookback_length(const struct rp_conversation *c);

/* The thank-you's state in words: "thank-you sent", "thank-you owed (due
 * 2026-12-08)", "thank-you skipped", "no thank-you"; caller frees. Pure. */
char *lookback_thanks(const struct rp_lookback *l);

#endif
