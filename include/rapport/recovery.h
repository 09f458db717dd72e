/* recovery.h — recovery copies of text being typed. Every open form and
 * editor of the full screen keeps what it holds in the journal, saved every
 * few seconds and when rapport is told to stop (SIGHUP, SIGTERM), under a
 * key naming that form ("contact:12", "worksheet:superpower:new",
 * "outreach:12"): a closed terminal loses at most the last seconds, and the
 * next time that form opens it offers the text back. Model code: no
 * curses. Each call is its own small transaction. */
#ifndef RAPPORT_RECOVERY_H
#define RAPPORT_RECOVERY_H

#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

/* What was being typed. */
struct rp_recovery {
  char *label;      /* for people: "the contact form for Ana Díaz" */
  char *text;       /* the form's or editor's content, as the UI wrote it */
  int64_t saved_at; /* seconds since the epoch */
};
void recovery_free(struct rp_recovery *r);

/* Keep `text` under `key` (replacing what was there). */
enum rp_status recovery_save(struct rp_db *db, const char *key, const char *label,
                             const char *text, struct rp_err *err);
/* The copy under `key` into *out (caller frees with recovery_free); RP_NO
 * when there is none. */
enum rp_status recovery_get(struct rp_db *db, const char *key, struct rp_recovery *out,
                            struct rp_err *err);
/* The oldest copy whose key starts with `prefix` ("wrapup-owed:"): its key
 * into *key and the copy into *out (caller frees both); RP_NO when none. */
enum rp_status recovery_first(struct rp_db *db, const char *prefix, char **key,
                              struct rp_recovery *out, struct rp_err *err);
/* Forget the copy under `key` (the text was saved, restored or thrown
 * away); no copy is fine. */
enum rp_status recovery_clear(struct rp_db *db, const char *key, struct rp_err *err);

#endif
