/* paths.h — where rapport keeps things (XDG), and private directories. */
#ifndef RAPPORT_PATHS_H
#define RAPPORT_PATHS_H

#include <signal.h>
#include "rapport/util.h"

/* $XDG_DATA_HOME/rapport/journal.db, else ~/.local/share/rapport/journal.db.
 * Caller frees. */
char *paths_default_db(void);
/* $XDG_CONFIG_HOME/rapport, else ~/.config/rapport. Caller frees. */
char *paths_config_dir(void);
/* Create every missing directory of `dir` (like mkdir -p); directories it
 * creates get mode 0700. */
enum rp_status paths_mkdirs(const char *dir, struct rp_err *err);
/* The most paths_read_file reads: far above any config, theme or text
 * anyone writes, and a clear refusal for an endless or enormous file. */
#define PATHS_READ_MAX ((size_t)64 << 20)
/* Read a whole file into a new NUL-terminated buffer (caller frees);
 * *len receives its length (may be NULL). RP_NO when it does not exist.
 * Bounded as paths_read_file_max with PATHS_READ_MAX. */
enum rp_status paths_read_file(const char *path, char **out, size_t *len, struct rp_err *err);
/* The same for input another program wrote, bounded: at most `max` bytes
 * (RP_INVALID "PATH: larger than N MiB, the most rapport reads"), and only
 * a regular file, a pipe, a socket or a terminal (a device such as
 * /dev/zero is refused). "/dev/stdin" reads standard input so. */
enum rp_status paths_read_file_max(const char *path, size_t max, char **out, size_t *len,
                                   struct rp_err *err);

/* Create "<path>.XXXXXX" beside `path`, private (0600 whatever the
 * umask), for a file that is written whole and then renamed over `path`:
 * the open descriptor, with the name in *tmp (caller frees), or -1 with
 * errno set and *tmp NULL. The name is remembered until paths_temp_forget
 * (after the rename) or paths_temp_remove, so that a signal handler can
 * remove it with paths_temp_remove_all. */
int paths_temp_beside(const char *path, char **tmp);
/* The same for a template the caller made (mkstemps: "…XXXXXX" then
 * `suffix_len` more bytes, rewritten in place): the descriptor or -1 with
 * errno set; the name is remembered as above. */
int paths_temp_make(char *tmpl, int suffix_len);
/* SIGTERM, SIGHUP, SIGINT and SIGQUIT wait (blocked) until
 * paths_fatal_release(old): for short steps that a signal must not cut in
 * two, such as SQLite's switch of a copy out of WAL mode. */
void paths_fatal_hold(sigset_t *old);
void paths_fatal_release(const sigset_t *old);
/* The temporary file became the real one (renamed): forget it. */
void paths_temp_forget(const char *tmp);
/* Remove a temporary file and any -journal, -wal, -shm SQLite left beside
 * it, and forget it. */
void paths_temp_remove(const char *tmp);
/* Remove every temporary file still remembered (and its SQLite files):
 * async-signal-safe, for SIGTERM/SIGHUP/SIGINT handlers. */
void paths_temp_remove_all(void);

#endif
