/* journal_copy.c — copies between journals that go through SQLite, never
 * around it: `rapport backup FILE --force` onto an existing database and
 * `rapport restore FILE` write into the target's own connection with the
 * online backup API, so the target's -wal and -shm (and any other process
 * that has it open) stay consistent. Renaming a new file over a database
 * would leave its old -wal beside it, to be replayed onto the new file at
 * the next open: a corrupt journal, or entries silently missing. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/journal_copy.h"
#include "rapport/dump.h"
#include "model/db_sql.h"
#include "rapport/paths.h"

/* See journal_copy.h. */
bool journal_copy_is_sqlite(const char *path) {
  char *wal = xasprintf("%s-wal", path);
  struct stat sb;
  bool has_wal = lstat(wal, &sb) == 0;
  free(wal);
  if (has_wal) return true;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  char magic[16];
  bool yes = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && read(fd, magic, 16) == 16 &&
             memcmp(magic, "SQLite format 3", 16) == 0;
  close(fd);
  return yes;
}

/* See journal_copy.h. */
enum rp_status journal_copy(sqlite3 *dst, sqlite3 *src, const char *what, struct rp_err *err) {
  sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) return rp_err_set(err, RP_EDB, "%s: %s", what, sqlite3_errmsg(dst));
  int rc;
  int tries = 0;
  while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    if (++tries > 200) break; /* 10 s */
    sqlite3_sleep(50);
  }
  int fin = sqlite3_backup_finish(b);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return rp_err_set(err, RP_EDB, "%s: the journal stayed busy (another rapport is writing it); "
                                   "try again",
                      what);
  if (rc == SQLITE_READONLY)
    return rp_err_set(err, RP_EDB,
                      "%s: the two journals have different page sizes and the target is "
                      "open elsewhere; close the other rapport and try again",
                      what);
  if (rc != SQLITE_DONE || fin != SQLITE_OK) {
    int e = sqlite3_system_errno(dst);
    return rp_err_set(err, RP_EDB, "%s: %s", what,
                      (rc & 0xff) == SQLITE_FULL || e == ENOSPC || e == EFBIG
                          ? "no space left (the disk is full, or a file size limit was reached)"
                          : sqlite3_errmsg(dst));
  }
  return RP_OK;
}

/* See journal_copy.h. */
enum rp_status journal_copy_onto(sqlite3 *src, const char *path, struct rp_err *err) {
  sqlite3 *dst = NULL;
  enum rp_status st = RP_OK;
  if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    st = rp_err_set(err, RP_EDB, "%s: cannot open: %s", path,
                    dst ? sqlite3_errmsg(dst) : "out of memory");
  } else {
    sqlite3_busy_timeout(dst, 5000);
    /* a copy is one self-contained file: its log is checkpointed and goes,
     * under SQLite's own lock; when another process has it open, the copy
     * goes into its log instead, which that process sees. A file whose
     * header says WAL gets a -wal and -shm for the switch: a signal waits
     * until they are gone again. */
    sigset_t old;
    paths_fatal_hold(&old);
    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    paths_fatal_release(&old);
    st = journal_copy(dst, src, path, err);
    /* the pages came from a journal in WAL mode, its header with them:
     * switched back, so that opening the copy makes no -wal either (as
     * above, it stays in WAL mode while another process has it open) */
    paths_fatal_hold(&old);
    if (st == RP_OK) sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    paths_fatal_release(&old);
  }
  if (sqlite3_close(dst) != SQLITE_OK && st == RP_OK)
    st = rp_err_set(err, RP_EDB, "%s: cannot close the copy", path);
  if (st == RP_OK) {
    chmod(path, 0600);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      fsync(fd);
      close(fd);
    }
  }
  return st;
}

/* See dump.h. */
enum rp_status dump_restore_backup(struct rp_db *db, const char *path, int64_t *version,
                                   struct rp_err *err) {
  *version = 0;
  if (str_empty(path)) return rp_err_set(err, RP_INVALID, "no backup file given");
  struct stat sb;
  if (stat(path, &sb) != 0)
    return rp_err_set(err, RP_INVALID, "%s: %s", path, strerror(errno));
  if (!S_ISREG(sb.st_mode)) return rp_err_set(err, RP_INVALID, "%s: not a regular file", path);
  if (!journal_copy_is_sqlite(path))
    return rp_err_set(err, RP_INVALID,
                      "%s: not a rapport journal or backup (for an export, use rapport import "
                      "json)",
                      path);
  sqlite3 *src = NULL;
  enum rp_status st = RP_OK;
  /* read-only: the backup stays as it is, whatever it holds */
  if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    st = rp_err_set(err, RP_INVALID, "%s: cannot open: %s", path,
                    src ? sqlite3_errmsg(src) : "out of memory");
  } else {
    sqlite3_busy_timeout(src, 5000);
    sqlite3_stmt *q = NULL;
    int64_t app = 0;
    if (sqlite3_prepare_v2(src, "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version)",
                           -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
      app = sqlite3_column_int64(q, 0);
      *version = sqlite3_column_int64(q, 1);
    } else {
      st = rp_err_set(err, RP_INVALID, "%s: not a rapport journal (file is damaged or not a "
                                       "database)",
                      path);
    }
    sqlite3_finalize(q);
    if (st == RP_OK && app != 0x72617070)
      st = rp_err_set(err, RP_INVALID,
                      "%s: not a rapport journal (an SQLite database of another program)", path);
    if (st == RP_OK && *version > db_schema_version())
      st = rp_err_set(err, RP_INVALID,
                      "%s: written by a newer rapport (schema %lld, this build knows %d); "
                      "upgrade rapport",
                      path, (long long)*version, db_schema_version());
    if (st == RP_OK && *version < 1)
      st = rp_err_set(err, RP_INVALID, "%s: an empty rapport journal; nothing to restore", path);
  }
  if (st == RP_OK) st = journal_copy(db_handle(db), src, db_path(db), err);
  sqlite3_close(src);
  return st;
}
