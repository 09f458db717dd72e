/* export_text.c — see rapport/export.h: folding and escaping of vCard and
 * iCalendar content lines, CSV fields, derived UUIDs, UTC stamps and the
 * atomic file write every export uses. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rapport/export.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

#define FOLD_OCTETS 75

void export_fold(struct rp_buf *out, const char *line) {
  size_t len = strlen(line), i = 0, room = FOLD_OCTETS;
  while (i < len) {
    size_t n = 0; /* bytes of whole characters that fit in `room` */
    while (i + n < len) {
      size_t c = utf8_next(line, len, i + n) - (i + n);
      if (n + c > room) break;
      n += c;
    }
    if (n == 0) n = utf8_next(line, len, i) - i; /* cannot happen with room >= 4 */
    buf_add(out, line + i, n);
    i += n;
    if (i < len) buf_adds(out, "\r\n ");
    room = FOLD_OCTETS - 1; /* the leading space counts */
  }
  buf_adds(out, "\r\n");
}

void export_escape_text(struct rp_buf *out, const char *s) {
  if (!s) return;
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '\\' || c == ',' || c == ';') {
      buf_addc(out, '\\');
      buf_addc(out, (char)c);
    } else if (c == '\r') {
      buf_adds(out, "\\n");
      if (p[1] == '\n') p++;
    } else if (c == '\n') {
      buf_adds(out, "\\n");
    } else if (c < 0x20 || c == 0x7F) {
      continue; /* not allowed in a content line */
    } else {
      buf_addc(out, (char)c);
    }
  }
}

void export_values_text(struct rp_buf *out, const struct rp_contact_values *vs,
                        const char *sep) {
  for (size_t i = 0; i < vs->n; i++) {
    const struct rp_contact_value *v = &vs->v[i];
    bool pref = v->preferred && vs->n > 1;
    if (i) buf_adds(out, sep);
    buf_adds(out, v->value);
    if (v->type || pref)
      buf_addf(out, " (%s%s%s)", v->type ? v->type : "", v->type && pref ? ", " : "",
               pref ? "preferred" : "");
  }
}

void export_csv_field(struct rp_buf *out, const char *s) {
  if (!s) return;
  size_t n = strlen(s);
  bool quote = strpbrk(s, ",\"\r\n") != NULL || (n && (s[0] == ' ' || s[n - 1] == ' '));
  if (!quote) {
    buf_adds(out, s);
    return;
  }
  buf_addc(out, '"');
  for (const char *p = s; *p; p++) {
    if (*p == '"') buf_addc(out, '"');
    buf_addc(out, *p);
  }
  buf_addc(out, '"');
}

/* FNV-1a 64 of s, started from `basis`, then a splitmix64 finaliser. */
static uint64_t hash64(const char *s, uint64_t basis) {
  uint64_t h = basis;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    h ^= *p;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

void export_uuid(const char *journal_id, const char *kind, int64_t id, char out[37]) {
  char *key = xasprintf("rapport/%s/%s/%lld", journal_id ? journal_id : "", kind, (long long)id);
  uint64_t hi = hash64(key, 0xcbf29ce484222325ULL);
  uint64_t lo = hash64(key, 0x84222325cbf29ce4ULL ^ hi);
  free(key);
  hi = (hi & ~0xF000ULL) | 0x8000ULL;                     /* version 8 */
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; /* variant 10 */
  snprintf(out, 37, "%08llx-%04llx-%04llx-%04llx-%012llx", (unsigned long long)(hi >> 32),
           (unsigned long long)((hi >> 16) & 0xFFFF), (unsigned long long)(hi & 0xFFFF),
           (unsigned long long)(lo >> 48), (unsigned long long)(lo & 0xFFFFFFFFFFFFULL));
}

void export_utc(int64_t t, char out[17]) {
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm) || strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm) == 0)
    snprintf(out, 17, "19700101T000000Z");
}

/* See export.h. Where the bytes go depends on what `path` is:
 * - a new path, or a regular file (through a link too: the file it names):
 *   a private temporary file beside it, renamed over it when complete;
 * - a pipe or a socket (a FIFO, /dev/stdout into a pipe, a link to
 *   /proc/self/fd/1): written straight through, as they come;
 * - a terminal: straight through, escaped as for standard output;
 * - any other device (/dev/null, a disk): refused, never replaced. */
enum rp_status export_file_open(struct rp_export_file *f, const char *path, struct rp_err *err) {
  f->fd = -1;
  f->path = f->tmp = NULL;
  f->tty = false;
  struct stat sb;
  bool exists = stat(path, &sb) == 0;
  if (exists && S_ISDIR(sb.st_mode)) return rp_err_set(err, RP_INVALID, "%s: is a folder", path);
  if (exists && !S_ISREG(sb.st_mode)) {
    bool pipe = S_ISFIFO(sb.st_mode) || S_ISSOCK(sb.st_mode);
    int fd = -1;
    if (pipe || S_ISCHR(sb.st_mode)) fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd >= 0 && !pipe && !isatty(fd)) {
      close(fd);
      fd = -1;
      errno = 0;
    }
    if (fd < 0 && !pipe && errno == 0)
      return rp_err_set(err, RP_INVALID,
                        "%s: a device, not a file; -o writes a file, a pipe or a terminal "
                        "(leave out -o to write to standard output)",
                        path);
    if (fd < 0) return rp_err_set(err, RP_INVALID, "%s: cannot write: %s", path, strerror(errno));
    f->fd = fd;
    f->tty = !pipe;
    f->path = xstrdup(path);
    return RP_OK;
  }
  /* a link to a regular file: replace the file, keep the link */
  char *real = exists ? realpath(path, NULL) : NULL;
  const char *target = real ? real : path;
  char *tmp;
  int fd = paths_temp_beside(target, &tmp);
  if (fd < 0) {
    enum rp_status s = rp_err_set(err, RP_INVALID, "%s: cannot write: %s", path, strerror(errno));
    free(real);
    return s;
  }
  f->fd = fd;
  f->tmp = tmp;
  f->path = xstrdup(target);
  free(real);
  return RP_OK;
}

/* See export.h. */
enum rp_status export_file_write(struct rp_export_file *f, const char *data, size_t len,
                                 struct rp_err *err) {
  char *shown = NULL;
  if (f->tty) { /* nothing raw reaches a terminal */
    shown = text_for_terminal(data, len, &len);
    data = shown;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(f->fd, data + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) break;
    done += (size_t)w;
  }
  free(shown);
  if (done < len)
    return rp_err_set(err, RP_EDB, "%s: cannot write: %s", f->path,
                      errno == ENOSPC || errno == EFBIG
                          ? "no space left (the disk is full, or a file size limit was reached)"
                          : strerror(errno));
  return RP_OK;
}

/* See export.h. */
enum rp_status export_file_close(struct rp_export_file *f, bool keep, struct rp_err *err) {
  if (f->fd < 0) return RP_OK;
  enum rp_status s = RP_OK;
  if (!f->tmp) { /* straight through: nothing to rename */
    if (close(f->fd) != 0 && keep)
      s = rp_err_set(err, RP_EDB, "%s: cannot write: %s", f->path, strerror(errno));
    free(f->path);
    f->fd = -1;
    f->path = NULL;
    return s;
  }
  if (keep && fsync(f->fd) != 0)
    s = rp_err_set(err, RP_EDB, "%s: cannot write: %s", f->path, strerror(errno));
  if (close(f->fd) != 0 && keep && s == RP_OK)
    s = rp_err_set(err, RP_EDB, "%s: cannot write: %s", f->path, strerror(errno));
  if (keep && s == RP_OK && rename(f->tmp, f->path) != 0)
    s = rp_err_set(err, RP_INVALID, "%s: cannot write: %s", f->path, strerror(errno));
  if (!keep || s != RP_OK) paths_temp_remove(f->tmp);
  else paths_temp_forget(f->tmp);
  free(f->tmp);
  free(f->path);
  f->fd = -1;
  f->path = f->tmp = NULL;
  return s;
}

/* See export.h. */
enum rp_status export_write_file(const char *path, const char *data, size_t len,
                                 struct rp_err *err) {
  struct rp_export_file f;
  enum rp_status s = export_file_open(&f, path, err);
  if (s != RP_OK) return s;
  s = export_file_write(&f, data, len, err);
  enum rp_status c = export_file_close(&f, s == RP_OK, err);
  return s != RP_OK ? s : c;
}
