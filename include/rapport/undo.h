/* undo.h — undo and redo of any change to the journal, shared by the full
 * screen and the CLI.
 *
 * SQLite's own undo/redo pattern: triggers on every table of the user's
 * data, made by each connection when it first opens or undoes a step (read from the schema, so tables added by later
 * migrations are covered without a change here; caches and derived tables
 * are left out in one list in undo.c). While a step is open (undo_begin …
 * undo_end around one user action) each INSERT, UPDATE or DELETE of those
 * tables writes the statement that reverses it into the journal's undo log
 * (tables undo_step and undo_log), so undo survives a restart and whoever
 * made a step (a window, the CLI) anyone can undo it. The triggers are
 * TEMP triggers of each connection: the file keeps no trigger of ours, and
 * a write made outside any step (the sqlite3 shell, the cadence sync while
 * a screen draws, a restore) is not recorded.
 *
 * The recorded statements are SQL that SQLite itself writes from the row,
 * with quote() of the row's own values inside the trigger (the documented
 * pattern); the triggers' text is built from the schema's own table and
 * column names only, never from user text. Replaying a step prepares each
 * recorded statement on its own (one statement each; anything else is
 * refused) and runs it.
 *
 * The inverse of a change is written so that it only applies to the row
 * as the step left it: undoing an INSERT deletes the row by its key;
 * undoing an UPDATE sets back only the columns the update changed, on the
 * row whose key and those columns still hold what the update wrote;
 * undoing a DELETE inserts the row again. Steps are undone last first,
 * whoever made them, so each inverse meets the journal as its step left it
 * — unless a write outside any step changed the same row since. Each
 * inverse statement must then change exactly one row; when one does not
 * (the row is gone, a column it changed holds something else now, the key
 * is taken again), the whole undo is rolled back and refused with a
 * message, and the step stays where it was. Foreign keys are checked at the
 * end of the undo (defer_foreign_keys), so the order of rows within a step
 * never matters. An undo is one transaction; it records the statements
 * that redo it as a redo step. Making a new step clears the redo steps.
 * The log keeps the last `cap` steps (undo_set_cap; default 200). */
#ifndef RAPPORT_UNDO_H
#define RAPPORT_UNDO_H

#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

/* The default number of steps kept ("undo: steps:" in the config). */
#define UNDO_STEPS_DEFAULT 200

/* Prepare this connection for undo (db_open calls it after the
 * migrations). The recording triggers are made from the schema as it is
 * then, when the connection first opens a step or undoes one. */
enum rp_status undo_install(struct rp_db *db, struct rp_err *err);

/* Make the recording triggers now rather than at the first step (the
 * full screen calls it as idle work after its first paint: making them
 * reads every table's columns and compiles a trigger per table and kind,
 * some 35 M instructions the first key would otherwise wait for). Does
 * nothing when they are there or cannot be made (the first step says
 * why). */
void undo_prepare(struct rp_db *db);

/* Keep at most `steps` undo steps (and as many redo steps); older ones are
 * dropped when a new step is made. At least 1. */
void undo_set_cap(struct rp_db *db, int steps);

/* Open a step named `label` ("mark follow-up done (Priya Raman)"): every
 * change until the matching undo_end is undone as one. Nested calls fold
 * into the outermost step (their labels are ignored). Call outside a
 * transaction. A step in which nothing changed leaves no trace. */
void undo_begin(struct rp_db *db, const char *label);
/* Rename the open step (the outermost one), e.g. once the action knows
 * whom it is about. No-op when no step is open. */
void undo_label(struct rp_db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Close the step opened by the matching undo_begin. */
void undo_end(struct rp_db *db);
/* True while a step is open. */
bool undo_open(struct rp_db *db);

/* Undo the last step not undone yet. RP_OK: *label (caller frees; may be
 * NULL to ignore) names it. RP_NO: nothing to undo. RP_INVALID: the step
 * conflicts with a change made since outside any step; nothing changed.
 * RP_EDB: the journal could not be written. */
enum rp_status undo_last(struct rp_db *db, char **label, struct rp_err *err);
/* Redo the last step undone, as undo_last. RP_NO: nothing to redo. */
enum rp_status redo_last(struct rp_db *db, char **label, struct rp_err *err);

/* The labels of what undo_last and redo_last would do next, NULL when
 * there is none; caller frees both. Either pointer may be NULL. */
enum rp_status undo_peek(struct rp_db *db, char **undo, char **redo, struct rp_err *err);

#endif
