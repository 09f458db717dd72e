/* contact_internal.h — shared between contact.c (writes, single reads) and
 * contact_query.c (lists, counts, resolving names), and the model files
 * whose writes touch a contact (give, conversation, note, follow-up). Not
 * for modules outside src/model/. */
#ifndef RAPPORT_CONTACT_INTERNAL_H
#define RAPPORT_CONTACT_INTERNAL_H

#include "rapport/contact.h"

/* Columns read by contact_read_row, in order; use with CONTACT_FROM. */
#define CONTACT_COLS                                                                        \
  "c.id, c.name, c.org, c.role, c.field, c.email, c.phone, c.url, c.location, c.how_known, " \
  "c.warmth, c.warmth_set, c.introduced_by, i.name, c.seniority, c.channel, c.stage, "       \
  "c.work, c.challenges, c.notes, c.research, c.draft, c.created_at, c.updated_at, "        \
  "c.deleted_at, c.cadence_days, c.known_since"
#define CONTACT_FROM " FROM contact c LEFT JOIN contact i ON i.id = c.introduced_by"
/* Tags of one contact (bind 1 = id), alphabetical. */
#define CONTACT_TAGS_SQL "SELECT tag FROM contact_tag WHERE contact_id = ?1 ORDER BY tag"

/* Fill c (zeroed or freed) from the current row of a CONTACT_COLS query;
 * tags are not read. */
void contact_read_row(sqlite3_stmt *st, struct rp_contact *c);
/* Read c->id's tags with a prepared CONTACT_TAGS_SQL statement (reset here). */
enum rp_status contact_read_tags(struct rp_db *db, sqlite3_stmt *tags, struct rp_contact *c,
                                 struct rp_err *err);
/* Move contact `id` to the stage `stage` (a key of cfg->stages) when its
 * current stage comes earlier in cfg->stages; nothing when it is already
 * there or later, or when either stage is not configured (a stage such as
 * "declined" that the config no longer lists stays as it is). Runs inside
 * the caller's transaction (a model write: conv_end, give_insert,
 * followup_mark). RP_NO when there is no contact `id`. */
enum rp_status contact_advance_stage(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                     const char *stage, struct rp_err *err);
/* RP_OK when contact `id` exists and is not deleted; else RP_INVALID (field
 * "contact") naming the reason, or RP_EDB. For writes that attach a row to
 * a contact (give_insert, conv_insert). */
enum rp_status contact_check_live(struct rp_db *db, int64_t id, struct rp_err *err);

#endif
