/* db_file.c — see model/db_file.h: the journal's file looked at before
 * SQLite opens it (private, regular, an intact SQLite header), and the
 * -wal/-shm files a refused open leaves removed again. */
#include "model/db_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/paths.h"

/* See model/db_file.h. */
enum rp_status db_file_not_a_journal(const char *path, struct rp_err *err) {
  return rp_err_set(err, RP_EDB,
                    "%s: not a rapport journal (file is damaged or not an SQLite database)", path);
}

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Whether the SQLite header of the open file fd (size bytes) describes a
 * whole database, read by hand so garbage is never handed to SQLite: the
 * magic string, a page size that is a power of two from 512 to 65536, the
 * fixed payload fractions, and (when no -wal file holds newer pages) a
 * file as long as the page count in the header says. This is what every
 * open checks, in microseconds whatever the journal's size; damage inside
 * the pages is found by SQLite as they are read, and in full by
 * `rapport check` (PRAGMA integrity_check). */
static bool header_intact(int fd, const char *path, off_t size, bool *wal_mode) {
  unsigned char h[100];
  if (pread(fd, h, sizeof h, 0) != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
    return false;
  *wal_mode = h[18] == 2 && h[19] == 2; /* the file format's read and write versions */
  uint32_t page = (uint32_t)h[16] << 8 | h[17];
  if (page == 1) page = 65536;
  if (page < 512 || (page & (page - 1)) != 0 || h[21] != 64 || h[22] != 32 || h[23] != 32)
    return false;
  if (size < (off_t)page) return false;
  char *wal = xasprintf("%s-wal", path);
  struct stat ws;
  bool pending = stat(wal, &ws) == 0 && ws.st_size > 0;
  free(wal);
  if (pending) return true; /* the -wal file holds the pages past the end */
  uint32_t pages = be32(h + 28);
  bool counted = pages > 0 && be32(h + 24) == be32(h + 92);
  return size % (off_t)page == 0 && (!counted || size >= (off_t)pages * page);
}

/* See model/db_file.h. */
/* Make sure `path` exists as a private file. *fresh is set when it is empty
 * (new, or a 0-byte file), i.e. when it may be initialised; *wal_mode when
 * its header says it is already in WAL mode. An existing non-empty file is
 * not modified in any way. */
enum rp_status db_file_prepare(const char *path, bool *fresh, bool *wal_mode, mode_t *mode,
                                   struct rp_err *err) {
  char *dir = xstrdup(path);
  char *slash = strrchr(dir, '/');
  enum rp_status st = RP_OK;
  if (slash && slash != dir) {
    *slash = '\0';
    st = paths_mkdirs(dir, err);
  }
  free(dir);
  if (st != RP_OK) return st;

  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EISDIR) return rp_err_set(err, RP_EDB, "%s: is a folder, not a journal", path);
    if (errno == EACCES || errno == EPERM || errno == EROFS)
      return rp_err_set(err, RP_EDB,
                        "%s: the journal is read-only (%s); check the permissions of the file "
                        "and its folder",
                        path, strerror(errno));
    return rp_err_set(err, RP_EDB, "%s: cannot open journal: %s", path, strerror(errno));
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    int e = errno;
    close(fd);
    return rp_err_set(err, RP_EDB, "%s: %s", path, strerror(e));
  }
  if (!S_ISREG(sb.st_mode)) {
    close(fd);
    return rp_err_set(err, RP_EDB, "%s: not a regular file", path);
  }
  *fresh = sb.st_size == 0;
  *mode = sb.st_mode & 07777;
  if (*fresh && fchmod(fd, 0600) != 0) {
    int e = errno;
    close(fd);
    return rp_err_set(err, RP_EDB, "%s: cannot make private: %s", path, strerror(e));
  }
  *wal_mode = false;
  bool intact = *fresh || header_intact(fd, path, sb.st_size, wal_mode);
  close(fd);
  return intact ? RP_OK : db_file_not_a_journal(path, err);
}

/* See model/db_file.h. */
void db_file_sides_note(const char *path, struct side_files *sf) {
  char *shm = xasprintf("%s-shm", path), *wal = xasprintf("%s-wal", path);
  struct stat sb;
  sf->had_shm = lstat(shm, &sb) == 0;
  sf->had_wal = lstat(wal, &sb) == 0;
  free(shm);
  free(wal);
}

/* After a refused file's connection is closed (without a checkpoint:
 * SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE), remove the empty -wal and the -shm
 * the open made, so the file and its folder are as they were. */
void db_file_sides_undo(const char *path, const struct side_files *sf) {
  char *shm = xasprintf("%s-shm", path), *wal = xasprintf("%s-wal", path);
  struct stat sb;
  if (!sf->had_wal && lstat(wal, &sb) == 0 && sb.st_size == 0) unlink(wal);
  if (!sf->had_shm) unlink(shm);
  free(shm);
  free(wal);
}
