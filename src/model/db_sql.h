/* db_sql.h — the SQL side of the journal, private to src/model: the
 * sqlite3 handle, prepared statements, binds and columns. No file outside
 * src/model includes this or sqlite3.h (tests/layers.cmake checks); the
 * other layers call model functions. */
#ifndef RAPPORT_MODEL_DB_SQL_H
#define RAPPORT_MODEL_DB_SQL_H

#include <sqlite3.h>

#include "rapport/db.h"

/* The connection; owned by db. */
sqlite3 *db_handle(struct rp_db *db);

/* Prepare `sql` (a constant) or fail with db_fail. */
enum rp_status db_prepare(struct rp_db *db, const char *sql, sqlite3_stmt **st, struct rp_err *err);
/* Like db_prepare, for statements run again and again (per imported row):
 * the statement is prepared once per connection and kept; `sql` must have
 * static storage (it is looked up by address). The caller must not
 * finalize *st; it is reset and its bindings cleared on each call, and the
 * caller resets it after its last step (so no read stays open). */
enum rp_status db_prepare_cached(struct rp_db *db, const char *sql, sqlite3_stmt **st,
                                 struct rp_err *err);

/* Step `st` to the end and collect its rows into a growing array of
 * `size`-byte elements (*v, *n; each zeroed, then filled by read(st, elem));
 * finalizes st. On failure db_fail names `what`; the caller frees what was
 * collected with its list-free function. */
enum rp_status db_collect(struct rp_db *db, sqlite3_stmt *st, size_t size,
                          void (*read)(sqlite3_stmt *st, void *elem), void **v, size_t *n,
                          const char *what, struct rp_err *err);
/* Bind helpers: NULL or "" text binds NULL. */
void db_bind_text(sqlite3_stmt *st, int idx, const char *s);
/* Column as a new string (NULL for SQL NULL); caller frees. */
char *db_col_text(sqlite3_stmt *st, int col);

#endif
