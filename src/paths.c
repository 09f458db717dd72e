/* paths.c — see rapport/paths.h. XDG base directories, private folders,
 * whole-file reads. No curses, no printing: errors go to struct rp_err. */
#include "rapport/paths.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The value of an XDG variable, or NULL when it is unset, empty or relative
 * (the XDG spec says a relative path is invalid and must be ignored). */
static const char *xdg_var(const char *name) {
  const char *v = getenv(name);
  if (!v || !*v || v[0] != '/') return NULL;
  return v;
}

/* $HOME when set and non-empty, else the password database's home, else "/"
 * (which makes later writes fail with a clear path in the message). */
static const char *home_dir(void) {
  const char *h = getenv("HOME");
  if (h && *h) return h;
  struct passwd *pw = getpwuid(getuid());
  if (pw && pw->pw_dir && *pw->pw_dir) return pw->pw_dir;
  return "/";
}

/* "<base>/<tail>" without a doubled slash when base ends in '/'. */
static char *join(const char *base, const char *tail) {
  size_t n = strlen(base);
  while (n > 1 && base[n - 1] == '/') n--;
  return xasprintf("%.*s/%s", (int)n, base, tail);
}

/* See paths.h; caller frees. */
char *paths_default_db(void) {
  const char *data = xdg_var("XDG_DATA_HOME");
  if (data) return join(data, "rapport/journal.db");
  return join(home_dir(), ".local/share/rapport/journal.db");
}

/* See paths.h; caller frees. */
char *paths_config_dir(void) {
  const char *cfg = xdg_var("XDG_CONFIG_HOME");
  if (cfg) return join(cfg, "rapport");
  return join(home_dir(), ".config/rapport");
}

/* Make one directory 0700 (regardless of umask), or accept an existing one. */
static enum rp_status mkdir_one(const char *path, struct rp_err *err) {
  if (mkdir(path, 0700) == 0) {
    if (chmod(path, 0700) != 0)
      return rp_err_set(err, RP_EDB, "%s: cannot make private: %s", path, strerror(errno));
    return RP_OK;
  }
  int e = errno;
  struct stat st;
  if (e == EEXIST || e == EROFS || e == EACCES) {
    /* an existing directory is fine even where we could not create one */
    if (stat(path, &st) == 0) {
      if (S_ISDIR(st.st_mode)) return RP_OK;
      return rp_err_set(err, RP_EDB, "%s: exists and is not a folder", path);
    }
  }
  return rp_err_set(err, RP_EDB, "cannot create folder %s: %s", path, strerror(e));
}

/* mkdir -p; new folders are 0700 whatever the umask, existing ones are
 * left alone. RP_EDB when a folder cannot be made (or a file is in the
 * way), RP_INVALID for an empty name. */
enum rp_status paths_mkdirs(const char *dir, struct rp_err *err) {
  if (str_empty(dir)) return rp_err_set(err, RP_INVALID, "no folder name given");
  char *p = xstrdup(dir);
  size_t len = strlen(p);
  while (len > 1 && p[len - 1] == '/') p[--len] = '\0';
  enum rp_status st = RP_OK;
  /* create each prefix ending before a '/', then the whole path */
  for (size_t i = 1; i <= len && st == RP_OK; i++) {
    if (i < len && p[i] != '/') continue;
    if (i < len && p[i - 1] == '/') continue; /* "//" */
    char save = p[i];
    p[i] = '\0';
    st = mkdir_one(p, err);
    p[i] = save;
  }
  free(p);
  return st;
}

/* Whole file, NUL-terminated (it may contain NULs; see *len); caller frees
 * *out. RP_NO when missing, RP_INVALID when unreadable or a folder. */
enum rp_status paths_read_file(const char *path, char **out, size_t *len, struct rp_err *err) {
  return paths_read_file_max(path, PATHS_READ_MAX, out, len, err);
}

/* See paths.h. */
enum rp_status paths_read_file_max(const char *path, size_t max, char **out, size_t *len,
                                   struct rp_err *err) {
  *out = NULL;
  if (len) *len = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) return rp_err_set(err, RP_NO, "%s: no such file", path);
    return rp_err_set(err, RP_INVALID, "%s: cannot read: %s", path, strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode) ||
      !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || isatty(fd))) {
    bool dir = S_ISDIR(st.st_mode);
    close(fd);
    return rp_err_set(err, RP_INVALID, dir ? "%s: is a folder, not a file"
                                           : "%s: not a regular file (a device?); give a file or a pipe",
                      path);
  }
  if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
    close(fd);
    return rp_err_set(err, RP_INVALID, "%s: larger than %zu MiB, the most rapport reads", path,
                      max >> 20);
  }
  /* blocking reads again (a pipe) */
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  char chunk[65536];
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      close(fd);
      buf_free(&b);
      return rp_err_set(err, RP_INVALID, "%s: cannot read: %s", path, strerror(e));
    }
    if (n == 0) break;
    if (b.len + (size_t)n > max) {
      close(fd);
      buf_free(&b);
      return rp_err_set(err, RP_INVALID, "%s: larger than %zu MiB, the most rapport reads", path,
                        max >> 20);
    }
    buf_add(&b, chunk, (size_t)n);
  }
  close(fd);
  if (len) *len = b.len;
  *out = buf_steal(&b);
  return RP_OK;
}

/* See paths.h. */
/* The temporary files in use, for a signal handler to remove: fixed
 * buffers, as a handler may not allocate. */
#define TEMP_SLOTS 8
#define TEMP_PATH_MAX 4096
static char temp_path[TEMP_SLOTS][TEMP_PATH_MAX];
static volatile sig_atomic_t temp_used[TEMP_SLOTS];

static void temp_remember(const char *tmp) {
  size_t n = strlen(tmp);
  if (n + 16 > TEMP_PATH_MAX) return;
  for (int i = 0; i < TEMP_SLOTS; i++)
    if (!temp_used[i]) {
      memcpy(temp_path[i], tmp, n + 1);
      temp_used[i] = 1;
      return;
    }
}

/* See paths.h. */
void paths_temp_forget(const char *tmp) {
  for (int i = 0; tmp && i < TEMP_SLOTS; i++)
    if (temp_used[i] && strcmp(temp_path[i], tmp) == 0) temp_used[i] = 0;
}

/* unlink path and the files SQLite may keep beside it; async-signal-safe
 * (no allocation: the names are built in a buffer on the stack). */
static void unlink_with_journals(const char *path) {
  static const char *const sfx[] = {"", "-journal", "-wal", "-shm"};
  char name[TEMP_PATH_MAX];
  size_t n = 0;
  while (path[n] && n < TEMP_PATH_MAX - 16) {
    name[n] = path[n];
    n++;
  }
  for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
    size_t m = 0;
    while (sfx[k][m]) {
      name[n + m] = sfx[k][m];
      m++;
    }
    name[n + m] = '\0';
    unlink(name);
  }
}

/* See paths.h. */
void paths_temp_remove(const char *tmp) {
  if (!tmp) return;
  unlink_with_journals(tmp);
  paths_temp_forget(tmp);
}

/* See paths.h. */
void paths_temp_remove_all(void) {
  for (int i = 0; i < TEMP_SLOTS; i++)
    if (temp_used[i]) {
      unlink_with_journals(temp_path[i]);
      temp_used[i] = 0;
    }
}

/* See paths.h. */
void paths_fatal_hold(sigset_t *old) {
  sigset_t fatal;
  sigemptyset(&fatal);
  sigaddset(&fatal, SIGTERM);
  sigaddset(&fatal, SIGHUP);
  sigaddset(&fatal, SIGINT);
  sigaddset(&fatal, SIGQUIT);
  sigprocmask(SIG_BLOCK, &fatal, old);
}

/* See paths.h. */
void paths_fatal_release(const sigset_t *old) {
  sigprocmask(SIG_SETMASK, old, NULL);
}

/* See paths.h. */
int paths_temp_make(char *tmpl, int suffix_len) {
  /* a signal between mkstemps and temp_remember would leave the file
   * behind: the fatal signals wait until its name is known */
  sigset_t old;
  paths_fatal_hold(&old);
  int fd = mkstemps(tmpl, suffix_len);
  if (fd >= 0) temp_remember(tmpl);
  int e = errno;
  paths_fatal_release(&old);
  if (fd >= 0) fchmod(fd, 0600);
  errno = e;
  return fd;
}

/* See paths.h. */
int paths_temp_beside(const char *path, char **tmp) {
  *tmp = xasprintf("%s.XXXXXX", path);
  int fd = paths_temp_make(*tmp, 0);
  if (fd < 0) {
    int e = errno;
    free(*tmp);
    *tmp = NULL;
    errno = e;
  }
  return fd;
}
