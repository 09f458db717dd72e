/* db.c — see rapport/db.h. Opening the journal safely (private file, never
 * touching a file that is not a journal), pragmas, migrations keyed by
 * PRAGMA user_version, nested transactions, and small statement helpers. */
#include "model/db_sql.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/db_file.h"
#include "model/db_schema.h"
#include "rapport/paths.h"
#include "rapport/undo.h"
#include "rapport/utf8.h"

struct rp_db {
  sqlite3 *h;
  char *path;
  int depth; /* open transactions: 1 = BEGIN, >1 = nested savepoints */
  struct rp_strv notes; /* things db_open wants the user told (db_notes) */
  struct {
    const char *sql; /* the caller's static text: looked up by address */
    sqlite3_stmt *st;
  } cache[32]; /* db_prepare_cached; finalized by db_close */
  size_t ncache;
  rp_progress_fn progress; /* who is told about long work (db_progress); may be NULL */
  void *progress_arg;
  char step[160]; /* the migration running, for migration_goes_on */
  int lock_fd;    /* JOURNAL.lock, for locks on byte ranges (db_lock_fd); -1 until used */
};

/* "rapp" — written to the header's application_id by migration 1, so a
 * journal is told apart from other programs' SQLite files. */
#define RAPPORT_APP_ID 0x72617070



/* The path given to db_open; owned by db. */
const char *db_path(const struct rp_db *db) { return db->path; }

/* The connection, for model files only; owned by db. */
sqlite3 *db_handle(struct rp_db *db) { return db->h; }

/* What went wrong, in words a user can act on, for the faults a user can
 * fix (a full disk, a read-only file); NULL for the rest. */
static const char *plain_cause(sqlite3 *h) {
  int rc = sqlite3_extended_errcode(h);
  int sys = (rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN ? sqlite3_system_errno(h) : 0;
  if ((rc & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EFBIG
#ifdef EDQUOT
      || sys == EDQUOT
#endif
  )
    return "no space left to write the journal (the disk is full, or a file size limit was "
           "reached); this change was not saved";
  if ((rc & 0xff) == SQLITE_READONLY || sys == EROFS || sys == EACCES || sys == EPERM)
    return "the journal is read-only (check the permissions of the file and its folder); this "
           "change was not saved";
  /* a failed write whose errno SQLite no longer has (it is cleared by the
   * rollback that follows): almost always a full disk or a size limit */
  if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE)
    return "cannot write the journal (no space left on the disk, a file size limit, or a disk "
           "error); this change was not saved";
  return NULL;
}

/* "journal: <what>: <sqlite message>" into err; returns RP_EDB. */
enum rp_status db_fail(struct rp_db *db, struct rp_err *err, const char *what) {
  const char *cause = plain_cause(db->h);
  if (cause) return rp_err_set(err, RP_EDB, "journal: %s: %s", what, cause);
  return rp_err_set(err, RP_EDB, "journal: %s: %s", what, sqlite3_errmsg(db->h));
}

/* See db.h; owned by db. */
const struct rp_strv *db_notes(const struct rp_db *db) { return &db->notes; }

/* See db.h. */
void db_set_progress(struct rp_db *db, rp_progress_fn progress, void *arg) {
  db->progress = progress;
  db->progress_arg = arg;
}

/* See db.h. Measured on bench/gen's 100,000-contact journal: `search
 * kubernetes` peaked at 7.0 MB against 5.4 MB on the 1,000 one (the 2 MiB
 * cache filling up), 6.0 MB with this; export, agenda and search took the
 * same time. */
void db_cache_kib(struct rp_db *db, int kib) {
  char sql[48];
  snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kib); /* a number, never text */
  sqlite3_exec(db->h, sql, NULL, NULL, NULL);                 /* a hint: cannot fail */
}

/* See db.h. */
void db_progress(struct rp_db *db, enum rp_progress_event ev, const char *what, int64_t done,
                 int64_t total) {
  if (db->progress) db->progress(ev, what, done, total, db->progress_arg);
}

/* Prepare constant SQL; *st is NULL on failure. Caller finalizes *st. */
enum rp_status db_prepare(struct rp_db *db, const char *sql, sqlite3_stmt **st,
                          struct rp_err *err) {
  *st = NULL;
  if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK) {
    sqlite3_finalize(*st);
    *st = NULL;
    return db_fail(db, err, "prepare");
  }
  return RP_OK;
}

/* See db.h. */
enum rp_status db_collect(struct rp_db *db, sqlite3_stmt *st, size_t size,
                          void (*read)(sqlite3_stmt *st, void *elem), void **v, size_t *n,
                          const char *what, struct rp_err *err) {
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 8;
      *v = xrealloc(*v, cap * size);
    }
    void *elem = (char *)*v + (*n)++ * size;
    memset(elem, 0, size);
    read(st, elem);
  }
  enum rp_status s = rc == SQLITE_DONE ? RP_OK : db_fail(db, err, what);
  sqlite3_finalize(st);
  return s;
}

/* See db.h. Statements that write to tables with search triggers compile
 * the triggers too (milliseconds each): preparing them per row made an
 * import of 50,000 contacts take minutes. */
enum rp_status db_prepare_cached(struct rp_db *db, const char *sql, sqlite3_stmt **st,
                                 struct rp_err *err) {
  for (size_t i = 0; i < db->ncache; i++)
    if (db->cache[i].sql == sql) {
      *st = db->cache[i].st;
      sqlite3_reset(*st);
      sqlite3_clear_bindings(*st);
      return RP_OK;
    }
  *st = NULL;
  if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK) {
    sqlite3_finalize(*st);
    *st = NULL;
    return db_fail(db, err, "prepare");
  }
  size_t i = db->ncache < RP_ARRAY_LEN(db->cache) ? db->ncache++ : RP_ARRAY_LEN(db->cache) - 1;
  if (db->cache[i].st) sqlite3_finalize(db->cache[i].st); /* full: the last one goes */
  db->cache[i].sql = sql;
  db->cache[i].st = *st;
  return RP_OK;
}

/* See db.h. */
enum rp_status db_exec_id(struct rp_db *db, const char *sql, int64_t id, const char *what,
                          bool *changed, struct rp_err *err) {
  *changed = false;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st = NULL;
  s = db_prepare(db, sql, &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_bind_parameter_count(st) >= 2) sqlite3_bind_int64(st, 2, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, what);
  }
  *changed = s == RP_OK && sqlite3_changes(db->h) > 0;
  sqlite3_finalize(st);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* Bind s (copied by SQLite); NULL or "" binds SQL NULL. */
void db_bind_text(sqlite3_stmt *st, int idx, const char *s) {
  if (str_empty(s))
    sqlite3_bind_null(st, idx);
  else
    sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

/* A new copy of a text column (NULL for SQL NULL); caller frees. */
char *db_col_text(sqlite3_stmt *st, int col) {
  const unsigned char *t = sqlite3_column_text(st, col);
  if (!t) return NULL;
  size_t n = (size_t)sqlite3_column_bytes(st, col);
  char *s = xmalloc(n + 1);
  memcpy(s, t, n);
  s[n] = '\0';
  return s;
}

/* Seconds since the epoch; RAPPORT_NOW=<seconds> fixes it (tests). */
int64_t db_now(void) {
  const char *fixed = getenv("RAPPORT_NOW");
  if (fixed && *fixed) {
    char *end;
    errno = 0;
    long long v = strtoll(fixed, &end, 10);
    if (!errno && *end == '\0') return (int64_t)v;
  }
  return (int64_t)time(NULL);
}

/* Run constant SQL with no results. */
static enum rp_status exec(struct rp_db *db, const char *sql, struct rp_err *err,
                           const char *what) {
  if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK) return db_fail(db, err, what);
  return RP_OK;
}

/* BEGIN IMMEDIATE, or a savepoint when a transaction is already open, so
 * one user action can be built from several model calls. */
enum rp_status db_begin(struct rp_db *db, struct rp_err *err) {
  const char *sql = db->depth ? "SAVEPOINT rp_nested" : "BEGIN IMMEDIATE";
  enum rp_status st = exec(db, sql, err, "begin");
  if (st == RP_OK) db->depth++;
  return st;
}

/* COMMIT (or RELEASE of the inner savepoint). A failed outer COMMIT is
 * rolled back, so the journal is never left inside a transaction. */
enum rp_status db_commit(struct rp_db *db, struct rp_err *err) {
  if (db->depth == 0) return rp_err_set(err, RP_EDB, "journal: commit without begin");
  const char *sql = db->depth > 1 ? "RELEASE rp_nested" : "COMMIT";
  enum rp_status st = exec(db, sql, err, "commit");
  if (st == RP_OK) {
    db->depth--;
  } else if (db->depth == 1) {
    /* a failed COMMIT leaves the transaction open: undo it so the next
     * action does not inherit it */
    db_rollback(db);
  }
  return st;
}

/* Undo the innermost open transaction/savepoint; no-op when none. */
void db_rollback(struct rp_db *db) {
  if (db->depth == 0) return;
  if (db->depth > 1) {
    sqlite3_exec(db->h, "ROLLBACK TO rp_nested; RELEASE rp_nested", NULL, NULL, NULL);
  } else if (!sqlite3_get_autocommit(db->h)) {
    sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
  }
  db->depth--;
}

/* Query one integer from constant SQL (e.g. a PRAGMA). */
static int query_int(sqlite3 *h, const char *sql, int64_t *out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      *out = sqlite3_column_int64(st, 0);
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      *out = 0;
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(st);
  return rc;
}

/* A read of an existing file failed with rc: damage (not a journal) or a
 * fault around it (no space for the -shm file, permissions, I/O). */
static enum rp_status read_failed(struct rp_db *db, int rc, struct rp_err *err) {
  int prim = rc & 0xff;
  if (prim == SQLITE_NOTADB || prim == SQLITE_CORRUPT || prim == SQLITE_ERROR)
    return db_file_not_a_journal(db->path, err);
  int sys = sqlite3_system_errno(db->h);
  if (prim == SQLITE_READONLY || sys == EACCES || sys == EPERM || sys == EROFS)
    return rp_err_set(err, RP_EDB,
                      "%s: the journal is read-only (rapport must write the file and, beside it, "
                      "its -wal and -shm files); check the permissions of the file and its folder",
                      db->path);
  const char *why = prim == SQLITE_FULL || sys == ENOSPC || sys == EFBIG
                        ? "no space left (the disk is full, or a file size limit was reached)"
                        : sqlite3_errmsg(db->h);
  return rp_err_set(err, RP_EDB, "%s: cannot read the journal: %s", db->path, why);
}

/* Check that an existing file is an intact rapport journal this build can
 * use, without writing to it. Fills *version with its user_version. */
static enum rp_status check_existing(struct rp_db *db, int64_t *version, struct rp_err *err) {
  int64_t v = 0, app = 0, objects = 0;
  int rc = query_int(db->h, "PRAGMA schema_version", &v);
  if (rc != SQLITE_OK) return read_failed(db, rc, err);
  if (query_int(db->h, "PRAGMA user_version", version) != SQLITE_OK ||
      query_int(db->h, "PRAGMA application_id", &app) != SQLITE_OK ||
      query_int(db->h, "SELECT count(*) FROM sqlite_master", &objects) != SQLITE_OK)
    return db_file_not_a_journal(db->path, err);
  bool ours = app == RAPPORT_APP_ID || (app == 0 && *version == 0 && objects == 0);
  if (!ours)
    return rp_err_set(err, RP_EDB,
                      "%s: not a rapport journal (an SQLite database of another program)",
                      db->path);
  if (*version > db_schema_version())
    return rp_err_set(err, RP_EDB,
                      "%s: journal was written by a newer rapport (schema %lld, this build "
                      "knows %d); upgrade rapport",
                      db->path, (long long)*version, db_schema_version());
  return RP_OK;
}

/* Pages copied per step of the copy before an upgrade: 4 MB at the usual
 * page size, so its progress moves every percent of a journal of 1 GB. */
#define COPY_PAGES 1024

/* Before an existing journal at schema `from` is upgraded: a copy of it
 * beside itself, `bak` ("<path>.v<from>.bak", 0600), made with SQLite's
 * backup API (written to a temporary name, synced, then renamed, so a
 * crash never leaves a half copy under that name). An existing copy is
 * kept as it is. Adds a note saying where the copy is. */
static enum rp_status backup_before_migrate(struct rp_db *db, int64_t from, const char *bak,
                                            struct rp_err *err) {
  struct stat sb;
  if (lstat(bak, &sb) == 0) return RP_OK;
  char *tmp;
  enum rp_status st = RP_OK;
  int fd = paths_temp_beside(bak, &tmp);
  if (fd < 0)
    return rp_err_set(err, RP_EDB, "%s: cannot back up the journal before upgrading it: %s", bak,
                      strerror(errno));
  close(fd);
  sqlite3 *dst = NULL;
  if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    st = RP_EDB;
  } else {
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", db->h, "main");
    int rc = SQLITE_ERROR;
    if (b) {
      /* a step at a time, to tell how far it is (a copy of 1.8 GB takes
       * minutes). The read transaction around the steps keeps the copy one
       * snapshot, as a single step did: without it, a write by another
       * process between two steps (another rapport upgrading the same
       * journal) would start the copy again from the upgraded journal. */
      sqlite3_exec(db->h, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
      do {
        rc = sqlite3_backup_step(b, COPY_PAGES);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
          sqlite3_sleep(50);
        } else if (rc == SQLITE_OK || rc == SQLITE_DONE) {
          int all = sqlite3_backup_pagecount(b);
          db_progress(db, RP_PROGRESS_STEP, "copying the journal",
                      all - sqlite3_backup_remaining(b), all);
        }
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      if (sqlite3_backup_finish(b) != SQLITE_OK) rc = SQLITE_ERROR;
      if (!sqlite3_get_autocommit(db->h)) sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    }
    /* one self-contained file: no -wal beside the copy */
    if (rc != SQLITE_DONE ||
        sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
      st = RP_EDB;
  }
  if (st != RP_OK) {
    const char *cause = dst ? plain_cause(dst) : NULL;
    rp_err_set(err, RP_EDB, "%s: cannot back up the journal before upgrading it: %s", bak,
               cause ? cause : dst ? sqlite3_errmsg(dst) : "cannot create the copy");
  }
  if (sqlite3_close(dst) != SQLITE_OK && st == RP_OK)
    st = rp_err_set(err, RP_EDB, "%s: cannot back up the journal before upgrading it", bak);
  if (st == RP_OK) {
    fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0 || rename(tmp, bak) != 0)
      st = rp_err_set(err, RP_EDB, "%s: cannot back up the journal before upgrading it: %s", bak,
                      strerror(errno));
    if (fd >= 0) close(fd);
  }
  if (st == RP_OK) {
    paths_temp_forget(tmp);
    char *note = xasprintf("journal upgraded from schema %lld to %d; the journal as it was is "
                           "kept in %s",
                           (long long)from, db_schema_version(), bak);
    strv_push(&db->notes, note);
    free(note);
  } else {
    paths_temp_remove(tmp);
  }
  free(tmp);
  return st;
}

/* SQLite calls this every MIGRATION_TICK steps of its virtual machine while
 * a migration runs: the step goes on (so the time it has taken can be
 * shown). 0: never interrupt the migration. */
static int migration_goes_on(void *arg) {
  struct rp_db *db = arg;
  db_progress(db, RP_PROGRESS_STEP, db->step, 0, 0);
  return 0;
}

/* VM steps between two calls of migration_goes_on: a few milliseconds, so
 * whoever shows the time reads the clock often enough to move it every
 * second, and not so often that it slows the migration. */
#define MIGRATION_TICK 100000

/* Run the migrations a journal at schema `from` has not had, each in a
 * transaction; with `tell`, each is told as a step of the upgrade, and
 * told again as it goes while one statement runs long (migration 10
 * rebuilds the search index in one INSERT … SELECT). */
static enum rp_status migrate(struct rp_db *db, int64_t from, bool tell, struct rp_err *err) {
  int to = db_schema_version();
  tell = tell && db->progress;
  if (tell) sqlite3_progress_handler(db->h, MIGRATION_TICK, migration_goes_on, db);
  enum rp_status st = RP_OK;
  for (int64_t i = from; st == RP_OK && i < to; i++) {
    if (tell) {
      snprintf(db->step, sizeof db->step, "migration %lld of %d: %s", (long long)i + 1, to,
               db_migration_what((int)i));
      db_progress(db, RP_PROGRESS_STEP, db->step, 0, 0);
    }
    st = db_begin(db, err);
    if (st != RP_OK) break;
    if (sqlite3_exec(db->h, db_migration_sql((int)i), NULL, NULL, NULL) != SQLITE_OK) {
      st = rp_err_set(err, RP_EDB, "%s: upgrading the journal to schema %lld failed: %s",
                      db->path, (long long)i + 1, sqlite3_errmsg(db->h));
      db_rollback(db);
      break;
    }
    st = db_commit(db, err);
  }
  if (tell) sqlite3_progress_handler(db->h, 0, NULL, NULL);
  return st;
}

#ifndef SQLITE_INNOCUOUS /* SQLite < 3.31 */
#define SQLITE_INNOCUOUS 0
#endif

static enum rp_status configure(struct rp_db *db, struct rp_err *err) {
  sqlite3_busy_timeout(db->h, 5000);
  sqlite3_extended_result_codes(db->h, 1);
  if (sqlite3_create_function(db->h, "rp_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              db_sql_fold, NULL, NULL) != SQLITE_OK)
    return db_fail(db, err, "register rp_fold");
  /* foreign_keys is a no-op inside a transaction: set before migrating */
  return exec(db, "PRAGMA foreign_keys = ON", err, "enable foreign keys");
}

/* WAL and FULL sync: nothing typed is lost, even when the power goes.
 * journal_mode is set only on a file not in WAL mode yet (`wal_mode`, from
 * its header): on a journal that is, it would be a statement for nothing
 * before the first paint. */
static enum rp_status set_journal_mode(struct rp_db *db, bool wal_mode, struct rp_err *err) {
  enum rp_status st = wal_mode ? RP_OK : exec(db, "PRAGMA journal_mode = WAL", err, "set WAL mode");
  if (st == RP_OK) st = exec(db, "PRAGMA synchronous = FULL", err, "set synchronous");
  if (st == RP_OK) {
    /* SQLite gives -wal/-shm the main file's mode; make sure of it */
    const char *sfx[] = {"-wal", "-shm"};
    for (size_t i = 0; i < RP_ARRAY_LEN(sfx); i++) {
      char *p = xasprintf("%s%s", db->path, sfx[i]);
      chmod(p, 0600);
      free(p);
    }
  }
  return st;
}

/* See db.h. On success *out is owned by the caller (db_close); on failure
 * *out is NULL and an existing file has not been written to. */
enum rp_status db_open(const char *path, struct rp_db **out, struct rp_err *err) {
  return db_open_progress(path, NULL, NULL, out, err);
}

/* SQLite set up for this single-threaded program, once, before its first
 * connection: no mutex per connection (rapport has one thread) and no
 * memory statistics (each allocation took the allocator's mutex to count
 * itself). Reading the journal's schema, 62 triggers, is thousands of
 * allocations before the first paint (issue 22). A later call (SQLite
 * already in use) changes nothing. */
static void sqlite_setup(void) {
  static bool done;
  if (done) return;
  done = true;
  sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* See db.h. The file is opened once: an existing one is checked on the
 * connection that then uses it (issue 22: a read-only probe before it
 * cost a second schema read before the first paint). Until the checks
 * pass, closing that connection checkpoints nothing, so a refused file
 * (another program's database, a newer journal) stays byte for byte as it
 * was, its -wal included. */
enum rp_status db_open_progress(const char *path, rp_progress_fn progress, void *arg,
                                struct rp_db **out, struct rp_err *err) {
  *out = NULL;
  if (str_empty(path)) return rp_err_set(err, RP_INVALID, "no journal path given");
  sqlite_setup();
  bool fresh = false, wal_mode = false;
  mode_t mode = 0600;
  enum rp_status st = db_file_prepare(path, &fresh, &wal_mode, &mode, err);
  if (st != RP_OK) return st;
  int64_t version = 0;
  struct side_files sides = {0};
  if (!fresh) db_file_sides_note(path, &sides);

  struct rp_db *db = xcalloc(1, sizeof *db);
  db->path = xstrdup(path);
  db->lock_fd = -1;
  db_set_progress(db, progress, arg);
  if (mode & 077) {
    /* the journal holds private notes about people: say so, do not fix it
     * behind the user's back (they may have shared it on purpose) */
    char *note = xasprintf("warning: %s can be read by other users (mode %04o); "
                           "chmod 600 it to keep it private",
                           path, (unsigned)mode);
    strv_push(&db->notes, note);
    free(note);
  }
  /* never SQLITE_OPEN_CREATE: prepare_file made the file */
  int rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK) {
    rp_err_set(err, RP_EDB, "%s: cannot open journal: %s", path,
               db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
    db_close(db);
    if (!fresh) db_file_sides_undo(path, &sides);
    return RP_EDB;
  }
  if (!fresh) sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
  st = configure(db, err);
  if (st == RP_OK && !fresh) st = check_existing(db, &version, err);
  if (st == RP_OK && sqlite3_db_readonly(db->h, "main") == 1)
    st = rp_err_set(err, RP_EDB, "%s: journal is read-only (check its permissions)", path);
  if (st != RP_OK) {
    db_close(db);
    if (!fresh) db_file_sides_undo(path, &sides);
    return st;
  }
  if (!fresh) sqlite3_db_config(db->h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
  /* an old journal with the user's data in it (a new one is made in a
   * moment, and says nothing) */
  bool upgrade = !fresh && version >= 1 && version < db_schema_version();
  if (upgrade) {
    char *bak = xasprintf("%s.v%lld.bak", path, (long long)version);
    char *what = xasprintf("upgrading %s from schema %lld to %d (a copy is kept in %s)", path,
                           (long long)version, db_schema_version(), bak);
    db_progress(db, RP_PROGRESS_BEGIN, what, 0, 0);
    free(what);
    st = backup_before_migrate(db, version, bak, err);
    free(bak);
  }
  if (st == RP_OK) st = set_journal_mode(db, wal_mode, err);
  if (st == RP_OK) st = migrate(db, version, upgrade, err);
  if (upgrade) db_progress(db, RP_PROGRESS_END, st == RP_OK ? "journal upgraded" : NULL, 0, 0);
  if (st == RP_OK) st = undo_install(db, err);
  if (st != RP_OK) {
    db_close(db);
    return st;
  }
  *out = db;
  return RP_OK;
}

/* See db.h. */
enum rp_status db_integrity(struct rp_db *db, int max, struct rp_strv *problems,
                            struct rp_err *err) {
  rp_err_clear(err);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT * FROM pragma_integrity_check(?1)", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int(st, 1, max > 0 ? max : 1);
  int rc, n = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *line = (const char *)sqlite3_column_text(st, 0);
    if (line && strcmp(line, "ok") != 0) {
      strv_push(problems, line);
      n++;
    }
  }
  if (rc != SQLITE_DONE) {
    strv_push(problems, sqlite3_errmsg(db->h));
    n++;
  }
  sqlite3_finalize(st);
  if (n)
    return rp_err_set(err, RP_EDB, "%s: the journal is damaged (%d problem%s found)", db->path, n,
                      n == 1 ? "" : "s");
  return RP_OK;
}

/* See db.h. Kept open until db_close: with fcntl locks, closing any
 * descriptor of the file would drop every lock the process holds on it. */
int db_lock_fd(struct rp_db *db) {
  if (db->lock_fd >= 0) return db->lock_fd;
  char *p = xasprintf("%s.lock", db->path);
  int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0) fchmod(fd, 0600);
  free(p);
  db->lock_fd = fd;
  return fd;
}

/* Roll back anything left open, close and free; NULL is allowed. */
void db_close(struct rp_db *db) {
  if (!db) return;
  while (db->depth) db_rollback(db);
  for (size_t i = 0; i < db->ncache; i++) sqlite3_finalize(db->cache[i].st);
  sqlite3_close_v2(db->h); /* statements left open are finalised with it */
  if (db->lock_fd >= 0) close(db->lock_fd); /* releases this process's locks */
  strv_free(&db->notes);
  free(db->path);
  free(db);
}

const char *db_library_version(void) { return sqlite3_libversion(); }
