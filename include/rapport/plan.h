/* plan.h — what a call leaves to do. Once a conversation is held, its notes
 * become follow-ups (auto-created, linked to the conversation and to the
 * note line they come from):
 *   - each `+` action line: an "action" for the person, due
 *     cfg->action_days after the call unless the line names a day
 *     ("+ send the report by friday": the date parser's when_find, read
 *     from the call's day), shown without that phrase;
 *   - each `@` referral: a "reach-out" on the person referred ("reach out
 *     to Tomás Ruiz (introduced by Priya Raman: runs their digital team)"),
 *     and once a conversation with that person has been held, an
 *     "introducer-thanks" on the person who referred them ("thank Priya for
 *     the introduction to Tomás"; the reach-out is then done);
 *   - a note promising news (one of cfg->promise_phrases): an "update"
 *     follow-up ("share an update") due cfg->update_days after the call;
 *     logging an outcome closes it and reports the success to that person
 *     instead (outcome.c).
 * Actions, reach-outs and introducer thanks are stored as kind "custom"
 * with their origin; a promise is kind "update" with origin "promise". */
#ifndef RAPPORT_PLAN_H
#define RAPPORT_PLAN_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* The origins as stored (followup.origin): "action", "reach-out",
 * "introducer-thanks", "promise". */
extern const char *const rp_plan_origins[4];

/* Bring the follow-ups of held conversation `conversation_id` in step with
 * its notes, and with the referrals that named its contact (held now:
 * their introducers are owed thanks). Runs again without adding anything
 * twice: an open follow-up follows its corrected line, an open one whose
 * line is gone (or no longer an action, a referral or a promise) is
 * removed, one done, sent or skipped stays as it is. A conversation that
 * is not held is left alone. One transaction (nested in the caller's). */
enum rp_status plan_sync(struct rp_db *db, const struct rp_config *cfg, int64_t conversation_id,
                         struct rp_err *err);

/* An action line as a follow-up: *due the day it names (read from
 * `call_day`, "YYYY-MM-DD"), else call_day + cfg->action_days; *shown
 * (caller frees) the text without the date phrase and the punctuation
 * around it ("send the report by friday" → "send the report"), or the
 * whole text when nothing else is left. Pure. */
void plan_action(const struct rp_config *cfg, const char *text, const char *call_day,
                 char due[11], char **shown);

#endif
