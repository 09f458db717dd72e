/* question.h — the prioritised questions for one conversation: my own, from
 * the question bank in the config, or from a worksheet information gap; and
 * the warnings that keep a question respectful (nothing confidential, no
 * canned opener, no job ask, right for the person's seniority). */
#ifndef RAPPORT_QUESTION_H
#define RAPPORT_QUESTION_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

struct rp_question {
  int64_t id;
  int64_t conversation_id;
  int position;        /* 1 = asked first */
  char *text;
  char *category;      /* bank category key, NULL = my own */
  struct rp_strv flags; /* bank flags: "confidential", "canned", "job-ask", … */
  int64_t gap_id;      /* the worksheet gap it came from, 0 = none */
  int64_t asked_at;    /* 0 = not asked yet */
  int64_t created_at;
};

struct rp_question_list {
  struct rp_question *v;
  size_t n;
};

void question_free(struct rp_question *q);
void question_list_free(struct rp_question_list *l);

/* Add at the end of the conversation's list. RP_INVALID (field "text") for
 * empty text. Sets q->id and q->position. */
enum rp_status question_add(struct rp_db *db, struct rp_question *q, struct rp_err *err);
/* Add bank question `index` of category `category_key` (text, category and
 * flags copied from the config). */
enum rp_status question_add_from_bank(struct rp_db *db, const struct rp_config *cfg,
                                      int64_t conversation_id, const char *category_key,
                                      size_t index, int64_t *id, struct rp_err *err);
/* Add the worksheet gap `gap_id` (its question) as a question; RP_NO when the
 * gap is already a question of this conversation. */
enum rp_status question_add_from_gap(struct rp_db *db, int64_t conversation_id, int64_t gap_id,
                                     int64_t *id, struct rp_err *err);
enum rp_status question_update_text(struct rp_db *db, int64_t id, const char *text,
                                    struct rp_err *err);
enum rp_status question_delete(struct rp_db *db, int64_t id, struct rp_err *err);
/* Move up (delta < 0) or down (delta > 0) by |delta| places, renumbering in
 * one transaction; moving past either end stops there. */
enum rp_status question_move(struct rp_db *db, int64_t id, int delta, struct rp_err *err);
enum rp_status question_set_asked(struct rp_db *db, int64_t id, bool asked, struct rp_err *err);
/* In order of position. */
enum rp_status question_list(struct rp_db *db, int64_t conversation_id,
                             struct rp_question_list *out, struct rp_err *err);

/* Warnings for a question asked of someone at `seniority` (a key of
 * cfg->seniority, or NULL): each bank flag that cfg->question_flags marks
 * as a warning ("confidential: …"), phrases of cfg->question_flags found in
 * the text (so my own questions are checked too), the ask check's
 * job-request phrases, and a poor fit for the seniority (the question's
 * category or flags listed for that level in cfg). Each warning is one
 * line "label: advice", appended to *out. Pure. */
void question_warnings(const struct rp_config *cfg, const struct rp_question *q,
                       const char *seniority, struct rp_strv *out);

#endif
