/* followup_internal.h — shared by the follow-up files of src/model/
 * (followup.c, followup_thanks.c) and the model files that create
 * follow-ups (cadence.c, outcome.c). Not for modules outside src/model/. */
#ifndef RAPPORT_FOLLOWUP_INTERNAL_H
#define RAPPORT_FOLLOWUP_INTERNAL_H

#include "model/db_sql.h"
#include "rapport/followup.h"

/* Step a one-row query after binding ?1 = id; *found is false when there
 * is no row (the row stays current for reading when found). `what` names
 * the read in an error. */
enum rp_status followup_step_one(struct rp_db *db, sqlite3_stmt *st, int64_t id, bool *found,
                                 const char *what, struct rp_err *err);
/* Insert follow-up f inside the caller's transaction, without validation
 * (the caller made sure of contact, kind, due and medium); sets f->id,
 * f->status ("open"), f->created_at and f->updated_at. */
enum rp_status followup_insert_raw(struct rp_db *db, struct rp_followup *f, struct rp_err *err);

/* The first name: the first word of `name`, or the whole name when that
 * word is a title ("Dr. Ada Lovelace" stays whole); NULL for NULL. Caller
 * frees. */
char *followup_first_name(const char *name);
/* Fill the thank-you placeholders ({name}, {insight}, {objective}) of
 * *draft from conversation conv, dropping the sentence of one with nothing
 * to fill it; *draft is replaced (caller still frees it). RP_OK with
 * *draft untouched when it has none. Inside or outside a transaction. */
enum rp_status followup_thanks_fill(struct rp_db *db, int64_t conv, char **draft,
                                    struct rp_err *err);

#endif
