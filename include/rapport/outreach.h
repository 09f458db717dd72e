/* outreach.h — the first outreach draft to a contact, started from the
 * config's template with what the journal knows filled in. */
#ifndef RAPPORT_OUTREACH_H
#define RAPPORT_OUTREACH_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* A new draft for contact `id` from cfg->outreach_template: {name} is the
 * first word of their name, {introducer} the first word of the name of who
 * introduced them, {their_work} what is noted about their work (first
 * line), {my_superpower} the first superpower with evidence (else the first
 * superpower), {my_problem} the first problem on the worksheet. What is not
 * known stays a {placeholder} for the draft check to flag. *out: caller
 * frees. */
enum rp_status outreach_draft_new(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                  char **out, struct rp_err *err);

#endif
