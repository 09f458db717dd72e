/* worksheet.h — the self-reflection worksheet: what I want, the kind of
 * move, superpowers with evidence, problems to solve, skills, the pitch,
 * information gaps and options. Plain structs, typed operations; each write
 * is one transaction. No curses, no printf. */
#ifndef RAPPORT_WORKSHEET_H
#define RAPPORT_WORKSHEET_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* ---- single texts: "want", "pitch", "move" ---- */

/* The kinds of move, as stored (keys) and shown (labels). */
extern const struct rp_choices rp_move_kinds; /* new-career, career-change, job-change,
                                                 employer-change, school, graduating */

/* Read a text ("want", "pitch" or "move"); *out is a new string (caller
 * frees) or NULL when never written. */
enum rp_status ws_text_get(struct rp_db *db, const char *key, char **out, struct rp_err *err);
/* Write it (NULL or "" clears). "move" must be a key of rp_move_kinds (a
 * label is accepted and stored as its key); RP_INVALID lists the allowed. */
enum rp_status ws_text_set(struct rp_db *db, const char *key, const char *value,
                           struct rp_err *err);

/* ---- list sections ---- */

enum rp_ws_section { WS_SUPERPOWER, WS_PROBLEM, WS_SKILL, WS_GAP, WS_OPTION, WS_SECTION_COUNT };

/* One entry of a list section. Which fields mean something depends on the
 * section:
 *   superpower: title, text1 = evidence
 *   problem:    title, text1 = why it matters to me, text2 = who works on it
 *   skill:      title = name, kind = "hard"|"soft", n1 = proficiency 1–5,
 *               n2 = enjoyment 1–5, flag = sharpen, text1 = plan
 *   gap:        title = the question, flag = answered, text1 = the answer,
 *               ref = conversation that answered it (0 = none),
 *               answered_by = who answered it (0 = not known; read:
 *               answered_by_name), answered_on = the day ("YYYY-MM-DD")
 *   option:     title, n1 = matches my skills and their needs 1–5,
 *               n2 = where I would add value 1–5, n3 = what I would learn
 *               1–5, text1 = notes
 */
struct rp_ws_item {
  int64_t id;
  enum rp_ws_section section;
  char *title;
  char *text1, *text2;
  char *kind;
  int n1, n2, n3; /* 0 = not scored */
  bool flag;
  int64_t ref;
  /* gaps: where the answer came from. ws_item_insert and ws_item_update
   * keep them as stored, except that a gap marked open loses them and a
   * gap marked answered without a day gets today; ws_gap_answer sets them. */
  int64_t answered_by;
  char *answered_by_name; /* filled by reads; NULL when not known */
  char *answered_on;      /* "YYYY-MM-DD", NULL when open */
  int64_t created_at, updated_at;
};

struct rp_ws_list {
  struct rp_ws_item *v;
  size_t n;
};

/* Section names as used by the CLI: "superpower", "problem", "skill",
 * "gap", "option". */
extern const char *const rp_ws_section_names[WS_SECTION_COUNT];
int ws_section_by_name(const char *name); /* -1 when unknown */

void ws_item_init(struct rp_ws_item *it, enum rp_ws_section section);
void ws_item_free(struct rp_ws_item *it);
/* Check an item: title required; skill kind hard|soft and levels 1–5;
 * option scores 0 (unscored) or 1–5. RP_INVALID with err->field set to
 * "title", "kind", "n1", "n2", "n3" and a message naming what is allowed. */
enum rp_status ws_item_validate(const struct rp_ws_item *it, struct rp_err *err);
enum rp_status ws_item_insert(struct rp_db *db, struct rp_ws_item *it, struct rp_err *err);
enum rp_status ws_item_update(struct rp_db *db, struct rp_ws_item *it, struct rp_err *err);
enum rp_status ws_item_delete(struct rp_db *db, int64_t id, struct rp_err *err);
enum rp_status ws_item_get(struct rp_db *db, int64_t id, struct rp_ws_item *it, struct rp_err *err);
/* All items of a section, in the section's order: options best first
 * (n1+n2+n3 descending), skills by name, the others in the order added
 * (open gaps before answered ones). */
enum rp_status ws_item_list(struct rp_db *db, enum rp_ws_section section, struct rp_ws_list *out,
                            struct rp_err *err);
void ws_list_free(struct rp_ws_list *l);

/* Answer information gap `gap_id` from conversation `conversation_id`, in
 * one transaction: marked answered, the answer (trimmed; NULL or blank
 * keeps the answer already written), ref = the conversation, answered_by =
 * its contact, answered_on = the day it was held (started, else today).
 * conversation_id 0: answered by `contact_id` (0 = not known) today.
 * RP_NO for an unknown gap or conversation, RP_INVALID for an entry that
 * is not a gap. */
enum rp_status ws_gap_answer(struct rp_db *db, int64_t gap_id, const char *answer,
                             int64_t conversation_id, int64_t contact_id, struct rp_err *err);
/* The gaps conversation `conversation_id` answered, in worksheet order
 * (caller frees with ws_list_free). */
enum rp_status ws_gaps_answered_in(struct rp_db *db, int64_t conversation_id,
                                   struct rp_ws_list *out, struct rp_err *err);
/* "Priya Raman, 2026-12-07" for an answered gap, "2026-12-07" when who is
 * not known, NULL for an open gap or one with neither; caller frees. */
char *ws_gap_source(const struct rp_ws_item *gap);

/* True when a superpower's evidence is empty or only restates its title
 * (same words, ignoring case, punctuation and order). */
bool ws_needs_evidence(const struct rp_ws_item *superpower);
/* Total score of an option (n1 + n2 + n3). */
int ws_option_score(const struct rp_ws_item *option);

/* ---- the pitch ---- */

struct rp_pitch_timing {
  int words;
  int seconds;   /* speaking time at the configured words per minute, rounded up */
  bool too_long; /* seconds > the configured limit */
};
/* Count words (runs of non-space characters) and time them. */
void ws_pitch_timing(const char *pitch, int words_per_minute, int limit_seconds,
                     struct rp_pitch_timing *out);

/* ---- completeness ---- */

struct rp_ws_completeness {
  bool want, move, superpower_with_evidence, problem, skills, pitch, gaps, options;
  int filled, total; /* sections filled, of 8 */
  struct rp_strv missing; /* "what I want is not written yet", "no superpower has evidence yet", … */
};
/* Which sections are filled and what is missing. cfg gives the pitch limit
 * (a pitch over the limit is listed as missing: "the pitch runs 42 s; aim
 * for 30 s"). Caller frees with ws_completeness_free. */
enum rp_status ws_completeness(struct rp_db *db, const struct rp_config *cfg,
                               struct rp_ws_completeness *out, struct rp_err *err);
void ws_completeness_free(struct rp_ws_completeness *c);

#endif
