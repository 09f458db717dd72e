/* contact_internal.h — shared between contact.c (writes, single reads) and
 * contact_query.c (lists, counts, resolving names), and the model files
 * whose writes touch a contact (give, conversation, note, follow-up). Not
 * for modules outside src/model/. */
#ifndef RAPPORT_CONTACT_INTERNAL_H
#define RAPPORT_CONTACT_INTERNAL_H

#include "model/db_sql.h"
#include "rapport/contact.h"

/* "Not deleted": the one condition that makes a contact live, for every
 * query of the model that means "a contact that is there". `alias` is the
 * table's prefix, "c." or "" (a string literal): CONTACT_LIVE("c.") is
 * "c.deleted_at IS NULL". Partial indexes of the schema (contact_live_id,
 * contact_live_name) are written with the same condition. */
#define CONTACT_LIVE(alias) alias "deleted_at IS NULL"

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
/* ---- emails, phones and URLs (contact_values_store.c) ---- */

/* c's list of kind k (&c->emails, …) and its primary field (&c->email, …). */
struct rp_contact_values *contact_values_of(struct rp_contact *c, enum rp_value_kind k);
char **contact_field_of(struct rp_contact *c, enum rp_value_kind k);
/* Contact id's stored lists, by kind and in order, into lists (freed
 * first) exactly as stored. */
enum rp_status contact_values_read(struct rp_db *db, int64_t id,
                                   struct rp_contact_values lists[VALUE_KINDS],
                                   struct rp_err *err);
/* Append the current row's value as stored (kind, value, type, preferred
 * in columns col…col+3) to its list in lists[]. */
void contact_values_add_row(sqlite3_stmt *st, int col,
                            struct rp_contact_values lists[VALUE_KINDS]);
/* Insert list vs of kind k as contact id's rows 0…n-1 (it has none of
 * that kind yet). Cached statement. */
enum rp_status contact_values_insert(struct rp_db *db, int64_t id, enum rp_value_kind k,
                                     const struct rp_contact_values *vs, struct rp_err *err);
/* A list in step with its field, as the journal keeps them:
 * contact_values_sync (the field wins the primary slot), then the primary
 * value marked preferred, so that a list that has values has exactly one
 * preferred. */
void contact_values_settle_list(struct rp_contact_values *vs, enum rp_value_kind k,
                                char **field);
/* Each of c's lists settled with its field (after a read: a journal written
 * by hand may hold an email in the column and not in the list), and
 * values_read set. */
void contact_values_settle(struct rp_contact *c);
/* Replace c's lists with those stored for c->id, then (with `settle`)
 * settle them. On failure c's lists are as they were. */
enum rp_status contact_values_load(struct rp_db *db, struct rp_contact *c, bool settle,
                                   struct rp_err *err);
/* c's lists in step with its fields and checked (contact_validate): when
 * c was not read with its lists (an update of a contact from a list), the
 * stored ones first, so that none is lost; then each list settled with its
 * field (the field wins the primary slot, which is the preferred one);
 * every value and type UTF-8, every email one (name@domain, no blanks).
 * RP_INVALID names the kind as the field ("email", "phone", "url"). Sets
 * values_read. */
enum rp_status contact_values_check(struct rp_db *db, struct rp_contact *c, struct rp_err *err);
/* Store c's lists (validated) as c->id's values: after an insert, every
 * one; after an update, only the kinds whose stored list differs are
 * written again (deleted and inserted), so an update that changes no value
 * writes none (nor re-indexes for it). Cached statements; no transaction
 * of its own. */
enum rp_status contact_values_write(struct rp_db *db, struct rp_contact *c, bool insert,
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

/* Hand fn each row of st (columns: id, name, org, email, url, deleted)
 * as a struct rp_contact_key; st is reset, not finalized. `what` names
 * the read in an error ("read contacts"). */
enum rp_status contact_key_rows(struct rp_db *db, sqlite3_stmt *st,
                                void (*fn)(void *arg, const struct rp_contact_key *key),
                                void *arg, const char *what, struct rp_err *err);

#endif
