/* db.h — the journal file: open, pragmas, migrations, transactions. The
 * SQL side (the sqlite3 handle, statements, binds) is in
 * src/model/db_sql.h, private to the model: nothing else includes
 * sqlite3.h (tests/layers.cmake checks). */
#ifndef RAPPORT_DB_H
#define RAPPORT_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/util.h"

struct rp_db;

/* Open (creating if missing) the journal at `path`. A new file is created
 * 0600 and missing parent folders 0700. Sets WAL, foreign_keys=ON and a busy
 * timeout, then runs pending migrations (each in a transaction) keyed by
 * PRAGMA user_version. A file that is not a journal, is damaged, or comes
 * from a newer rapport → RP_EDB with a message, file untouched. */
enum rp_status db_open(const char *path, struct rp_db **out, struct rp_err *err);

/* Long work the journal does on its own (upgrading an old journal; the
 * first cadence_sync after it), told to a caller that shows it while it
 * runs; the model itself prints nothing. RP_PROGRESS_BEGIN: the work
 * starts; `what` says what it is ("upgrading FILE from schema 8 to 12 (a
 * copy is kept in FILE.v8.bak)"). RP_PROGRESS_STEP: a step starts, or goes
 * on when `what` is the same text as before ("copying the journal",
 * "migration 10 of 12: rebuilding the search index"): `done` of `total`
 * (total 0: how far is not known; the time taken is what to show). A step
 * that goes on is told again often (as often as every few milliseconds),
 * so the callback must be quick. RP_PROGRESS_END: the work is over; `what`
 * says what was done ("journal upgraded"), or is NULL (it failed, or there
 * is nothing to add). */
enum rp_progress_event { RP_PROGRESS_BEGIN, RP_PROGRESS_STEP, RP_PROGRESS_END };
typedef void (*rp_progress_fn)(enum rp_progress_event ev, const char *what, int64_t done,
                               int64_t total, void *arg);
/* db_open, telling `progress` (NULL: nobody) about an upgrade as it runs.
 * Nothing is told when there is nothing to upgrade (a current or a new
 * journal). The connection keeps `progress` for long work later on (the
 * cadence sync that follows an upgrade) until db_set_progress. */
enum rp_status db_open_progress(const char *path, rp_progress_fn progress, void *arg,
                                struct rp_db **out, struct rp_err *err);
void db_set_progress(struct rp_db *db, rp_progress_fn progress, void *arg);
/* For model files: tell the connection's progress callback, if any. */
void db_progress(struct rp_db *db, enum rp_progress_event ev, const char *what, int64_t done,
                 int64_t total);
/* Before upgrading an existing journal from an older schema N, db_open
 * copies it to "<path>.vN.bak" (0600; an existing copy is kept). What the
 * user should be told about the open: that copy, or a journal file other
 * users can read ("warning: …"). One line each; owned by db. */
const struct rp_strv *db_notes(const struct rp_db *db);
/* Keep at most `kib` KiB of the journal's pages in memory: 1024 for a
 * verb, which runs once, reads each page about once and leaves the rest
 * to the system's file cache; DB_CACHE_SCREEN (SQLite's default) for the
 * full screen, which reads the same pages again and again. A bulk write
 * grows it for its own transaction (bulk.h) and puts it back. */
#define DB_CACHE_VERB 1024
#define DB_CACHE_SCREEN 2000
void db_cache_kib(struct rp_db *db, int kib);
void db_close(struct rp_db *db);

/* Read every page of the journal (PRAGMA integrity_check): RP_OK when it is
 * intact, else RP_EDB with up to `max` problems, as SQLite words them, in
 * *problems (caller frees). Opening checks only the header, so this is the
 * full check (`rapport check`); it takes seconds on a large journal. */
enum rp_status db_integrity(struct rp_db *db, int max, struct rp_strv *problems,
                            struct rp_err *err);
/* The schema version this build migrates to. */
int db_schema_version(void);
const char *db_path(const struct rp_db *db);
/* A descriptor of JOURNAL.lock (0600, made on first use), for locks on
 * byte ranges that say which process owns what (a live call): the kernel
 * releases them when the process dies, however it dies. -1 when it cannot
 * be opened. Owned by db (db_close closes it). */
int db_lock_fd(struct rp_db *db);
/* s folded for matching as rp_fold() folds it in SQL (ASCII, Latin-1,
 * Latin Extended-A, Greek and Cyrillic capitals to small letters); a new
 * string the caller frees. */
char *db_fold_text(const char *s);

/* One transaction per user action: BEGIN IMMEDIATE … COMMIT, or ROLLBACK. */
enum rp_status db_begin(struct rp_db *db, struct rp_err *err);
enum rp_status db_commit(struct rp_db *db, struct rp_err *err);
void db_rollback(struct rp_db *db);

/* Fill err from the connection's last error ("journal: <what>: <sqlite msg>")
 * and return RP_EDB. For model files. */
enum rp_status db_fail(struct rp_db *db, struct rp_err *err, const char *what);
/* Run `sql` (a constant write; ?1 = id and, when the statement has a second
 * parameter, ?2 = db_now()) in a transaction of its own. *changed tells
 * whether a row was changed; `what` names the write in an error. */
enum rp_status db_exec_id(struct rp_db *db, const char *sql, int64_t id, const char *what,
                          bool *changed, struct rp_err *err);
/* The SQLite library version in use ("3.40.1"). */
const char *db_library_version(void);
/* Seconds since the epoch (UTC). Tests may fix it with RAPPORT_NOW. */
int64_t db_now(void);

#endif
