/* dump.h — the journal's tables as plain rows, for the JSON export and the
 * restore (src/io/), the per-journal id behind stable vCard and iCalendar
 * UIDs, and the online backup. Model code: the only place these use SQL.
 *
 * What is dumped: every table that holds what the user entered, in an order
 * in which a restore can insert them (parents first). The search index is
 * derived and never dumped: a restore rebuilds it. */
#ifndef RAPPORT_DUMP_H
#define RAPPORT_DUMP_H

#include <stdint.h>

#include "rapport/contact_values.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* A foreign key of a dumped table: column → parent table (its id). */
struct rp_dump_ref {
  const char *column;
  const char *table;
};

/* One dumped table. */
struct rp_dump_table {
  const char *name;
  const char *order_by;  /* SQL: the order rows are dumped in */
  const char *id_column; /* its INTEGER PRIMARY KEY, NULL when none */
  const char *owner;     /* the NOT NULL reference a row belongs to (merge), or NULL */
  struct rp_dump_ref refs[4]; /* references, {NULL} terminated (or all four) */
  bool merge;            /* brought in by a merge (contacts and what hangs off them) */
};

/* The dumped tables, in insertion order: contact, contact_tag, ws_text,
 * ws_item, gap_answer, give, ready_check, conversation, question, note, outcome,
 * outcome_contact, followup, meta. */
extern const struct rp_dump_table rp_dump_tables[];
extern const size_t rp_dump_table_count;
/* The table named `name`, or NULL. */
const struct rp_dump_table *dump_table(const char *name);

enum rp_dump_type { DUMP_NULL, DUMP_INT, DUMP_REAL, DUMP_TEXT };
struct rp_dump_value {
  enum rp_dump_type type;
  int64_t i;
  double r;
  const char *s; /* DUMP_TEXT: UTF-8, NUL-terminated; owned by whoever made the value */
};

/* Called for each row: ncols column names and values, owned by the caller
 * of the callback and valid only during the call. A status other than RP_OK
 * stops the walk and is returned. */
typedef enum rp_status (*dump_row_fn)(void *ctx, const struct rp_dump_table *t, size_t ncols,
                                      const char *const *names,
                                      const struct rp_dump_value *vals, struct rp_err *err);
/* Every row of table t, in t->order_by order, columns in schema order. */
enum rp_status dump_rows(struct rp_db *db, const struct rp_dump_table *t, dump_row_fn fn,
                         void *ctx, struct rp_err *err);

/* True (*empty) when the journal holds nothing the user entered (meta
 * aside). */
enum rp_status dump_is_empty(struct rp_db *db, bool *empty, struct rp_err *err);
/* Check that `column` is a column of table t (RP_INVALID otherwise, naming
 * the columns). */
enum rp_status dump_check_column(struct rp_db *db, const struct rp_dump_table *t,
                                 const char *column, struct rp_err *err);
/* A restore: BEGIN, with foreign keys checked at COMMIT (rows may refer to
 * rows later in the file). */
enum rp_status dump_begin(struct rp_db *db, struct rp_err *err);
/* Insert one row (columns checked with dump_check_column first); meta rows
 * replace the existing key. *rowid receives the new row's id (may be NULL).
 * A constraint failure is RP_INVALID with SQLite's message. */
enum rp_status dump_insert(struct rp_db *db, const struct rp_dump_table *t, size_t ncols,
                           const char *const *names, const struct rp_dump_value *vals,
                           int64_t *rowid, struct rp_err *err);
/* Set contact `id`'s introducer (merge: after every contact is in). */
enum rp_status dump_set_introducer(struct rp_db *db, int64_t id, int64_t introducer,
                                   struct rp_err *err);
/* End a restore: check every reference (RP_INVALID naming the first
 * broken one), rebuild the search index, COMMIT. On failure everything is
 * rolled back. */
enum rp_status dump_commit(struct rp_db *db, struct rp_err *err);
/* Abandon a restore or what a merge wrote since its last batch. */
void dump_abort(struct rp_db *db);

/* ---- a merge (restore_json with merge): batches, resumable ----
 * dump_merge_begin begins a batch: a bulk write (bulk.h; the search
 * triggers suspended, the marking ones kept) with foreign keys checked at
 * its COMMIT. dump_insert then skips a row without an id (a tag) that is
 * already there. dump_merge_batch indexes what the batch added (the
 * documents of the `contacts` given, the journal's n contacts added or
 * given tags in the batch, and the notes, gives, … added: the cost is
 * what was added, never the journal's size), commits, and begins the
 * next, so other writers (the full screen) get in between;
 * dump_merge_commit does the same and ends the merge. dump_abort rolls
 * back the open batch only. */
enum rp_status dump_merge_begin(struct rp_db *db, struct rp_err *err);
enum rp_status dump_merge_batch(struct rp_db *db, const int64_t *contacts, size_t n,
                                struct rp_err *err);
enum rp_status dump_merge_commit(struct rp_db *db, const int64_t *contacts, size_t n,
                                 struct rp_err *err);
/* What a merge of the file `source` (an id of its text) did before it
 * stopped, kept in the journal with each batch (table merge_map): row
 * `old_id` of table `table` became *new_id (*added: false when it was
 * matched to one already there). *found false when unknown. */
enum rp_status dump_merge_lookup(struct rp_db *db, const char *source, const char *table,
                                 int64_t old_id, bool *found, int64_t *new_id, bool *added,
                                 struct rp_err *err);
/* Remember one row of the merge of `source` (see dump_merge_lookup). */
enum rp_status dump_merge_remember(struct rp_db *db, const char *source, const char *table,
                                   int64_t old_id, int64_t new_id, bool added,
                                   struct rp_err *err);
/* How many rows of the merge of `source` are remembered (0: a fresh
 * merge, no look-ups needed). */
enum rp_status dump_merge_count(struct rp_db *db, const char *source, int64_t *n,
                                struct rp_err *err);
/* The merge of `source` is done: forget its rows. */
enum rp_status dump_merge_forget(struct rp_db *db, const char *source, struct rp_err *err);
/* The live contact matching a merged one: one that has one of its n
 * emails (ASCII case-insensitive, any of its emails), else same name and
 * organisation (case-insensitive; both without an organisation also
 * match). *id = 0 when none. */
enum rp_status dump_match_contact(struct rp_db *db, const char *const *emails, size_t n,
                                  const char *name, const char *org, int64_t *id,
                                  struct rp_err *err);

/* ---- the emails, phones and URLs of contacts (dump_values.c) ----
 * They are not a dumped table: each contact row carries its lists
 * ("emails", "phones", "urls"). */

/* The export: every contact's lists, read alongside dump_rows of the
 * contact table (one statement for all of them). dump_values_next gives
 * those of contact `id` (asked in ascending order, as the contact table is
 * dumped) into lists (freed first), kept in step with the contact's email,
 * phone and url (fields[VALUE_EMAIL…], as in its row) as contact_get
 * keeps them. Close with dump_values_close (NULL is fine). */
struct rp_dump_values;
enum rp_status dump_values_open(struct rp_db *db, struct rp_dump_values **dv,
                                struct rp_err *err);
enum rp_status dump_values_next(struct rp_dump_values *dv, int64_t id,
                                const char *const fields[VALUE_KINDS],
                                struct rp_contact_values lists[VALUE_KINDS], struct rp_err *err);
void dump_values_close(struct rp_dump_values *dv);
/* A restore: contact id's lists (after its row is in), each first kept in
 * step with its field (fields as in the row; a list the file did not have
 * is empty and gets the field as its one value). lists are settled in
 * place. */
enum rp_status dump_insert_values(struct rp_db *db, int64_t id,
                                  const char *const fields[VALUE_KINDS],
                                  struct rp_contact_values lists[VALUE_KINDS], struct rp_err *err);

/* The journal's random id (32 hex digits, made by migration 8 and kept by
 * export and restore), into out. */
enum rp_status dump_journal_id(struct rp_db *db, char out[33], struct rp_err *err);

/* Copy the journal to `path` with SQLite's online backup API: a
 * consistent snapshot even while other connections write. The file is
 * created 0600; an existing one is refused (RP_INVALID) unless `force`.
 * The copy is written next to `path` and renamed over it when complete. */
enum rp_status dump_backup(struct rp_db *db, const char *path, bool force, struct rp_err *err);
/* ... An existing FILE that is an SQLite database (or has a -wal beside
 * it) is written through SQLite, into its own connection, never renamed
 * over: its log and other processes that have it open stay consistent. */

/* Replace the whole journal with the backup (or journal) at `path`, through
 * SQLite's backup API into the open journal (its -wal included, and every
 * other process that has it open sees the restored journal). The backup is
 * opened read-only and left as it is. *version receives its schema: when
 * older than this build's, the caller closes and opens the journal again
 * to upgrade it. RP_INVALID (nothing changed) when `path` is not a rapport
 * journal, is from a newer rapport or is empty; RP_EDB when writing fails
 * (SQLite rolls the journal back). */
enum rp_status dump_restore_backup(struct rp_db *db, const char *path, int64_t *version,
                                   struct rp_err *err);

#endif
