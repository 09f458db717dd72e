/* sync.c — sync_run (see rapport/sync.h): one sync of a journal at a time
 * (a lock file beside it), one transaction and one undo step, the
 * contacts then the calendar. The files of the folders are written while
 * the transaction is open and before it commits: a sync killed at any
 * point leaves the folders with whole files (atomic renames) and the
 * journal as it was or as the sync left it, and the next sync finishes
 * the job (a file already as it would be written is only recorded). A dry
 * run does the same work, writes no file and rolls back. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rapport/sync.h"
#include "rapport/undo.h"

/* How long a second sync waits for the first before it gives up. */
#define SYNC_WAIT_MS 5000

/* Take the lock of the journal's syncs (JOURNAL.sync.lock, 0600): waits
 * up to SYNC_WAIT_MS, then RP_EDB naming the pid that holds it. *fd is
 * the locked file (close it to release), -1 on failure. */
static enum rp_status lock_take(struct rp_db *db, int *fd, struct rp_err *err) {
  char *path = xasprintf("%s.sync.lock", db_path(db));
  *fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (*fd < 0) {
    enum rp_status s = rp_err_set(err, RP_EDB, "%s: cannot open: %s", path, strerror(errno));
    free(path);
    return s;
  }
  fchmod(*fd, 0600);
  bool locked = false;
  for (int waited = 0; waited <= SYNC_WAIT_MS; waited += 100) {
    if (flock(*fd, LOCK_EX | LOCK_NB) == 0) {
      locked = true;
      break;
    }
    struct timespec ts = {0, 100 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  if (!locked) {
    char pid[32] = "";
    ssize_t n = pread(*fd, pid, sizeof pid - 1, 0);
    pid[n > 0 ? n : 0] = '\0';
    pid[strcspn(pid, "\n")] = '\0';
    close(*fd);
    *fd = -1;
    free(path);
    return rp_err_set(err, RP_EDB, "a sync of this journal is running (pid %s); try again later",
                      pid[0] ? pid : "unknown");
  }
  char mine[32];
  int n = snprintf(mine, sizeof mine, "%ld\n", (long)getpid());
  /* the pid is only for the message of a sync that waits */
  bool told = ftruncate(*fd, 0) == 0 && pwrite(*fd, mine, (size_t)n, 0) == n;
  (void)told;
  free(path);
  return RP_OK;
}

/* See sync.h. */
enum rp_status sync_run(struct rp_db *db, const struct rp_config *cfg,
                        const struct sync_opts *opts, struct sync_report *r,
                        struct rp_err *err) {
  if (!opts->contacts_dir && !opts->calendar_dir)
    return rp_err_set(err, RP_INVALID,
                      "nothing to sync: give --contacts DIR or --calendar DIR, or set sync: "
                      "contacts: and calendar: in the config");
  int fd = -1;
  enum rp_status s = lock_take(db, &fd, err);
  if (s != RP_OK) return s;
  if (!opts->dry_run) undo_begin(db, "sync");
  s = db_begin(db, err);
  if (s == RP_OK && opts->contacts_dir) s = sync_contacts(db, cfg, opts, r, err);
  if (s == RP_OK && opts->calendar_dir) s = sync_calendar(db, cfg, opts, r, err);
  if (s == RP_OK && !opts->dry_run) s = db_commit(db, err);
  else db_rollback(db);
  if (!opts->dry_run) undo_end(db);
  close(fd);
  return s;
}
