/* conversation.h — conversations with a contact and the notes taken during
 * them. A conversation is planned (prepared on Prep), live (the call screen
 * is open), interrupted (the process died while live: found at the next
 * launch), held (ended normally) or cancelled. Every note line is its own
 * row, committed before the screen shows it. */
#ifndef RAPPORT_CONVERSATION_H
#define RAPPORT_CONVERSATION_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

#define RP_FIT_COUNT 4 /* would I succeed there, would it fit me, do I want it, where can it lead */
extern const char *const rp_fit_questions[RP_FIT_COUNT];

struct rp_conversation {
  int64_t id;
  int64_t contact_id;
  char *contact_name;   /* filled by reads */
  char *channel;        /* key of cfg->channels, or NULL */
  int64_t scheduled_at; /* seconds since the epoch, 0 = not scheduled */
  int minutes;          /* planned length; 0 on insert = cfg->call_minutes */
  char *objective;      /* what I want to learn from this conversation */
  char *status;         /* "planned", "live", "interrupted", "held", "cancelled"; NULL on insert = planned */
  int64_t started_at, ended_at; /* 0 = not yet */
  int fit[RP_FIT_COUNT];        /* wrap-up scores 1–5, 0 = not scored */
  char *fit_note[RP_FIT_COUNT];
  int64_t created_at, updated_at;
};

struct rp_conversation_list {
  struct rp_conversation *v;
  size_t n;
};

void conv_init(struct rp_conversation *c);
void conv_free(struct rp_conversation *c);
void conv_list_free(struct rp_conversation_list *l);

/* Validate (contact exists and is not deleted; channel one of cfg->channels
 * as key or label; minutes 1–240; status one of the five; fit 0–5) and
 * insert. RP_INVALID with err->field "contact"/"channel"/"minutes"/
 * "status"/"fit". */
enum rp_status conv_insert(struct rp_db *db, const struct rp_config *cfg, struct rp_conversation *c,
                           struct rp_err *err);
/* Validate and update every field of c->id (objective, channel, minutes,
 * scheduled_at, fit scores and notes, status …). */
enum rp_status conv_update(struct rp_db *db, const struct rp_config *cfg, struct rp_conversation *c,
                           struct rp_err *err);
enum rp_status conv_get(struct rp_db *db, int64_t id, struct rp_conversation *c, struct rp_err *err);
/* A contact's conversations, newest first (by started_at, else scheduled_at,
 * else created_at). */
enum rp_status conv_list(struct rp_db *db, int64_t contact_id, struct rp_conversation_list *out,
                         struct rp_err *err);
/* The contact's current conversation: a live or interrupted one, else the
 * planned one scheduled soonest (unscheduled last, then oldest). RP_NO when
 * there is none. */
enum rp_status conv_current(struct rp_db *db, int64_t contact_id, int64_t *id, struct rp_err *err);
/* conv_current, or a new planned conversation (cfg->call_minutes long) when
 * there is none. */
enum rp_status conv_prepare(struct rp_db *db, const struct rp_config *cfg, int64_t contact_id,
                            int64_t *id, struct rp_err *err);
/* Start (or resume) the call: status "live"; started_at = now unless it was
 * already set (a resumed call keeps its clock). */
enum rp_status conv_start(struct rp_db *db, int64_t id, struct rp_err *err);
/* End the call: status "held", ended_at = now (for an interrupted call: the
 * time of its last note, or its start; for a call reopened to correct it:
 * the end it had), and in the same transaction move the contact to the
 * stage "met" when its stage comes before "met" in cfg->stages (the stage
 * it had is kept for conv_discard), owe the thank-you (once per
 * conversation), and make the follow-ups its notes call for (plan_sync:
 * actions, reach-outs, introducer thanks, an update). */
enum rp_status conv_end(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                        struct rp_err *err);
/* Reopen an ended ("held") call to correct it: status "live" again, its
 * start and end kept (so its length stays the real one, and lines added now
 * sit at its end); conv_prepare finds it first, and conv_end ends it again
 * as the same conversation. RP_INVALID for a call that is not held, RP_NO
 * for an unknown id. */
enum rp_status conv_reopen(struct rp_db *db, int64_t id, struct rp_err *err);
/* Discard an ended call as if it had not happened (a stray call): its
 * follow-ups (the thank-you, anything made from it) are deleted, gaps it
 * answered are open again, and the contact gets back the stage it had
 * before the call ended, unless another conversation with them was held.
 * A conversation that had been prepared (an objective, questions or a
 * time) goes back to planned, its questions not asked yet, and *replanned
 * is set; any other is deleted. Held or interrupted conversations only
 * (RP_INVALID, field "status", for a live call: end it first, or one never
 * held). One with notes is refused (RP_INVALID, field "notes", saying how
 * many) unless `force`: its notes go with it (contacts its referrals
 * added stay). RP_NO for an unknown id. One transaction. */
enum rp_status conv_discard(struct rp_db *db, int64_t id, bool force, bool *replanned,
                            struct rp_err *err);
/* The seconds a call lasted (ended_at − started_at; 0 when it was never
 * started or ended). */
int64_t conv_seconds(const struct rp_conversation *c);
/* The planned and the real length: "planned 20 min" for a call not held
 * yet, "planned 20 min, took 21:20" (minutes and seconds, H:MM:SS from an
 * hour) once ended. Caller frees. */
char *conv_length_text(const struct rp_conversation *c);
/* True when call `id` is live in another process (another window): a
 * write lock on JOURNAL.lock that the kernel drops when it dies.
 * conv_start and conv_end refuse such a call, and conv_mark_interrupted
 * leaves it alone. */
bool conv_live_elsewhere(struct rp_db *db, int64_t id);
/* At launch: every "live" conversation belongs to a process that died; mark
 * them "interrupted" and return the ids of all interrupted conversations
 * (appended to *ids, *n). */
enum rp_status conv_mark_interrupted(struct rp_db *db, int64_t **ids, size_t *n, struct rp_err *err);

/* ---- notes ---- */

enum rp_note_tag { NOTE_PLAIN, NOTE_INSIGHT, NOTE_FEEDBACK, NOTE_ACTION, NOTE_REFERRAL };
/* "", "insight", "feedback", "action", "referral" (as stored) */
extern const char *const rp_note_tag_names[5];
/* The prefix characters: 0, '!', '*', '+', '@' */
extern const char rp_note_tag_chars[5];

struct rp_note {
  int64_t id;
  int64_t conversation_id;
  int offset;          /* seconds from the start of the call */
  enum rp_note_tag tag;
  char *text;          /* without the prefix character and the spaces after it */
  int64_t contact_ref; /* referral: the contact created or linked; 0 = none */
  int64_t created_at, updated_at;
};

struct rp_note_list {
  struct rp_note *v;
  size_t n;
};

void note_free(struct rp_note *n);
void note_list_free(struct rp_note_list *l);

/* Split a typed line into its tag and text: a leading '!', '*', '+' or '@'
 * (after optional spaces) is the tag; the rest, trimmed, is the text.
 * *text points into line. Pure. */
enum rp_note_tag note_parse_tag(const char *line, const char **text);

/* A referral: "Priya Shah, Acme — runs their research team". */
struct rp_referral {
  char *name;  /* required */
  char *org;   /* NULL when not given */
  char *note;  /* what follows " — ", " -- " or " - ", NULL when none */
};
/* Parse the text of a referral note (without the '@'). The note is what
 * follows the first " — " (em dash), " -- " or " - ". The rest is
 * "NAME[, ORG]": the first comma separates name and organisation, except
 * that a comma followed by a name suffix (Jr, Jr., Sr, Sr., II, III, IV,
 * PhD, MD) stays in the name; a name in double quotes may hold any commas
 * ("Shah, Priya", Acme). UTF-8 safe. RP_INVALID when there is no name. */
enum rp_status referral_parse(const char *text, struct rp_referral *out, struct rp_err *err);
void referral_free(struct rp_referral *r);

/* Save one typed line of the conversation (must be live or interrupted) in
 * one transaction: tag parsed, offset = now − started_at. For a referral,
 * link the live contact with that name (case-insensitive) and, when none
 * exists, create one with the organisation, the note as "their work",
 * introduced by the conversation's contact, how known "referral"; the
 * note's contact_ref points at it. *out receives the saved note (may be
 * NULL). RP_INVALID for an empty line or a referral without a name. */
enum rp_status note_add(struct rp_db *db, const struct rp_config *cfg, int64_t conversation_id,
                        const char *line, struct rp_note *out, struct rp_err *err);
/* Replace a note's line (re-parsed the same way; a new referral is linked or
 * created as by note_add); its offset is kept. In a held conversation the
 * follow-ups its notes made follow the corrected line (plan_sync). */
enum rp_status note_update(struct rp_db *db, const struct rp_config *cfg, int64_t note_id,
                           const char *line, struct rp_err *err);
/* Delete a note, and the open follow-ups made from it (plan.h). */
enum rp_status note_delete(struct rp_db *db, int64_t note_id, struct rp_err *err);
/* A conversation's notes in the order taken (offset, then id). */
enum rp_status note_list(struct rp_db *db, int64_t conversation_id, struct rp_note_list *out,
                         struct rp_err *err);
/* The line as typed: the tag character, a space, the text ("! they hire
 * juniors in spring"); caller frees. */
char *note_line(const struct rp_note *n);

#endif
