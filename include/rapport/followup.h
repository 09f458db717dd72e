/* followup.h — what you owe people after a conversation: a thank-you first
 * (due the next day by default), later check-ins and success reports. The
 * thank-you draft is checked for specificity: it must name something from
 * the conversation's notes. */
#ifndef RAPPORT_FOLLOWUP_H
#define RAPPORT_FOLLOWUP_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* Kinds, as stored: "thank-you", "check-in", "update" (share an update),
 * "success" (report success), "custom" (also what a call left, by its
 * origin: an action, a reach-out, an introducer's thanks). */
extern const char *const rp_followup_kinds[5];
/* Their labels for people: "thank-you", "check in", "share an update", … */
extern const char *const rp_followup_kind_labels[5];

struct rp_followup {
  int64_t id;
  int64_t contact_id;
  char *contact_name;       /* filled by reads */
  int64_t conversation_id;  /* 0 = none */
  int64_t outcome_id;       /* success reports: the outcome; 0 = none */
  char *kind;               /* one of rp_followup_kinds */
  char *due;                /* "YYYY-MM-DD" */
  char *snoozed_until;      /* "YYYY-MM-DD" or NULL; the day it shows again */
  char *medium;             /* "email", "handwritten", or a channel key */
  char *note;               /* what it is about (custom, success: the outcome) */
  char *draft;              /* the body */
  char *status;             /* "open", "sent", "done", "skipped" */
  bool auto_created;        /* created by the journal (thank-you, check-in, success) */
  int64_t done_at;
  int64_t created_at, updated_at;
  char *origin;             /* made from a call's notes (rapport/plan.h): "action",
                               "reach-out", "introducer-thanks", "promise"; else NULL */
};

struct rp_followup_list {
  struct rp_followup *v;
  size_t n;
};

void followup_free(struct rp_followup *f);
void followup_list_free(struct rp_followup_list *l);

/* The thank-you for a held conversation, created once (a second call
 * returns the same id): due cfg->thank_you_days after the day the
 * conversation ended (local time); medium "handwritten" when the contact's
 * seniority is one of cfg->handwritten_seniority or the contact has the tag
 * "traditional", else "email"; the draft from cfg->thank_you_template with
 * {name} (first name), {insight} (the first insight note, else the first
 * note) and {objective} filled in. */
enum rp_status followup_thank_you(struct rp_db *db, const struct rp_config *cfg,
                                  int64_t conversation_id, int64_t *id, struct rp_err *err);
enum rp_status followup_get(struct rp_db *db, int64_t id, struct rp_followup *f, struct rp_err *err);
/* Update draft, due, medium (validated: due a real date, medium non-empty). */
enum rp_status followup_update(struct rp_db *db, struct rp_followup *f, struct rp_err *err);
/* Mark "sent" or "done" (a thank-you moves the contact to "thanked" when
 * its stage comes before it), "skipped", or "open" again; one transaction.
 * Done and sent follow-ups count as an interaction (see cadence.h). */
enum rp_status followup_mark(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                             const char *status, struct rp_err *err);
/* A follow-up by hand: kind one of rp_followup_kinds (as key or label),
 * due NULL = today, medium NULL = "email", note optional (required for
 * "custom"). Validated (contact live, real date); sets f->id. RP_INVALID
 * with err->field "kind"/"due"/"note"/"contact". */
enum rp_status followup_add(struct rp_db *db, struct rp_followup *f, struct rp_err *err);
/* Snooze an open follow-up for `days` (1–365) from today: it shows again
 * then (its due date is kept, so it still reads "due 3 days ago"). */
enum rp_status followup_snooze(struct rp_db *db, int64_t id, int days, struct rp_err *err);
/* The day open follow-up `id` is to be done becomes `day` ("YYYY-MM-DD",
 * as a calendar moved it): a day after its due date snoozes it until then
 * (the due date is kept, as followup_snooze keeps it); that day or an
 * earlier one becomes its due date and ends any snooze. RP_INVALID (field
 * "due") for no real date, RP_NO when there is no such open follow-up. */
enum rp_status followup_move(struct rp_db *db, int64_t id, const char *day, struct rp_err *err);
/* The day an open follow-up is to be done: the later of due and
 * snoozed_until. */
const char *followup_effective_due(const struct rp_followup *f);

/* Open follow-ups, soonest due first (all contacts when contact_id is 0). */
enum rp_status followup_list_open(struct rp_db *db, int64_t contact_id,
                                  struct rp_followup_list *out, struct rp_err *err);

/* What a thank-you is checked against: the texts of its conversation and
 * the names that are no topic. */
struct rp_thanks_source {
  char *contact_name;       /* their full name: none of its words counts */
  struct rp_strv notes;     /* the call's notes, insights first */
  char *objective;          /* NULL when none */
  struct rp_strv questions; /* the questions prepared for it */
};
void thanks_source_free(struct rp_thanks_source *s);
/* Read the source of conversation_id's thank-you. RP_INVALID (field
 * "conversation") when there is no such conversation. */
enum rp_status followup_thanks_source(struct rp_db *db, int64_t conversation_id,
                                      struct rp_thanks_source *out, struct rp_err *err);

/* The verdict of the specificity check. */
struct rp_specific {
  bool specific;
  char *phrase;     /* specific: what it names, as written in the source; else a
                     * phrase it could name (NULL when the call left none) */
  const char *from; /* "notes", "objective" or "questions" (static); NULL with no phrase */
  char *verdict;    /* for people: "names 'field stories' from your notes" or "not
                     * specific: name something from the call, e.g. 'field stories'" */
};
void specific_free(struct rp_specific *v);

/* The specificity check: does `draft` name a topic of the conversation? A
 * topic is a content word or phrase of the draft that also occurs in the
 * notes, else the objective, else the questions: words compared whole,
 * case-insensitively (UTF-8). Not content: words of fewer than 4 letters,
 * numbers, the contact's names (first, last, full),
 * cfg->my_name, greetings and closings ("hi", "thanks", "best",
 * "regards" …), cfg->specific_stopwords and a built-in list of common
 * words. The longest shared phrase (most content words) wins. Fills *out
 * (free with specific_free); returns out->specific. */
bool followup_check_specific(const struct rp_config *cfg, const char *draft,
                             const struct rp_thanks_source *src, struct rp_specific *out);

/* The check of follow-up id's thank-you: `draft` (NULL = the stored one)
 * against its conversation (followup_thanks_source). RP_INVALID (field
 * "followup") when it is no thank-you of a conversation. */
enum rp_status followup_thanks_verdict(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                       const char *draft, struct rp_specific *out,
                                       struct rp_err *err);

/* The thank-you for contact_id's last conversation held (or interrupted):
 * the latest to end, made now if it has none yet (followup_thank_you).
 * *id its follow-up, *conversation_id the conversation (may be NULL).
 * RP_NO when the contact has held no conversation. */
enum rp_status followup_thanks_last(struct rp_db *db, const struct rp_config *cfg,
                                    int64_t contact_id, int64_t *id, int64_t *conversation_id,
                                    struct rp_err *err);

/* The check over notes alone (no names known): true when the draft names a
 * phrase of `note_texts`; the phrase is appended to *found (may be NULL).
 * Kept for callers that have only the notes; see followup_check_specific. */
bool followup_specific(const struct rp_config *cfg, const char *draft,
                       const struct rp_strv *note_texts, struct rp_strv *found);

#endif
