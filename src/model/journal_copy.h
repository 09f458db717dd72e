/* journal_copy.h — copies between journals through SQLite's backup API
 * (see journal_copy.c). Model-internal: dump.c and restore use it. */
#ifndef RAPPORT_JOURNAL_COPY_H
#define RAPPORT_JOURNAL_COPY_H

#include <sqlite3.h>
#include <stdbool.h>

#include "model/db_sql.h"
#include "rapport/util.h"

/* True when `path` is an SQLite database (its header says so) or has a
 * -wal beside it: then it must be written through SQLite. */
bool journal_copy_is_sqlite(const char *path);
/* Copy src's main database into dst's (every page, one snapshot), waiting
 * up to 10 s for locks. `what` names the target in messages. */
enum rp_status journal_copy(sqlite3 *dst, sqlite3 *src, const char *what, struct rp_err *err);
/* Copy src over the existing database at `path` through a connection to
 * it (so its -wal and -shm are dealt with by SQLite), leaving it a
 * rollback-journal file (no -wal) when nobody else has it open; 0600,
 * synced. */
enum rp_status journal_copy_onto(sqlite3 *src, const char *path, struct rp_err *err);

#endif
