/* contact_internal.h — shared between contact.c (writes, single reads) and
 * contact_query.c (lists, counts, resolving names). Not for other modules. */
#ifndef RAPPORT_CONTACT_INTERNAL_H
#define RAPPORT_CONTACT_INTERNAL_H

#include "rapport/contact.h"

/* Columns read by contact_read_row, in order; use with CONTACT_FROM. */
#define CONTACT_COLS                                                                        \
  "c.id, c.name, c.org, c.role, c.field, c.email, c.phone, c.url, c.location, c.how_known, " \
  "c.warmth, c.warmth_set, c.introduced_by, i.name, c.seniority, c.channel, c.stage, "       \
  "c.work, c.challenges, c.notes, c.research, c.draft, c.created_at, c.updated_at, "        \
  "c.deleted_at"
#define CONTACT_FROM " FROM contact c LEFT JOIN contact i ON i.id = c.introduced_by"
/* Tags of one contact (bind 1 = id), alphabetical. */
#define CONTACT_TAGS_SQL "SELECT tag FROM contact_tag WHERE contact_id = ?1 ORDER BY tag"

/* Fill c (zeroed or freed) from the current row of a CONTACT_COLS query;
 * tags are not read. */
void contact_read_row(sqlite3_stmt *st, struct rp_contact *c);
/* Read c->id's tags with a prepared CONTACT_TAGS_SQL statement (reset here). */
enum rp_status contact_read_tags(struct rp_db *db, sqlite3_stmt *tags, struct rp_contact *c,
                                 struct rp_err *err);
/* s shortened to about 60 bytes (on a character boundary, with "…") for
 * quoting in messages; returns buf. */
const char *contact_clip(const char *s, char *buf, size_t size);
/* Move contact `id` to the stage `stage` (a key of cfg->stages) when its
 * current stage comes earlier in cfg->stages; nothing when it is already
 * there or later, or when either stage is not configured (a stage such as
 * "declined" that the config no longer lists stays as it is). Runs inside
 * the caller's transaction (a model write: conv_end, give_insert). RP_NO
 * when there is no contact `id`. */
enum rp_status contact_advance_stage(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                     const char *stage, struct rp_err *err);

#endif
