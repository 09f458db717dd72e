/* vdir.c — a vdir collection folder: list, read, write atomically, remove
 * (see rapport/vdir.h). */
#define _GNU_SOURCE
#include "rapport/vdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/paths.h"

/* See vdir.h. */
void vdir_hash(const char *text, size_t len, char out[17]) {
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)text[i];
    h *= 1099511628211ULL;
  }
  static const char hex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--) {
    out[i] = hex[h & 15];
    h >>= 4;
  }
  out[16] = '\0';
}

/* A name rapport may read, write or remove: not hidden, no '/', ends
 * in ".ext" with something before it (ext NULL: any of vcf, ics). */
static bool item_name_ok(const char *name, const char *ext) {
  if (!name[0] || name[0] == '.' || strchr(name, '/')) return false;
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name) return false;
  if (ext) return strcmp(dot + 1, ext) == 0;
  return strcmp(dot + 1, "vcf") == 0 || strcmp(dot + 1, "ics") == 0;
}

/* See vdir.h. */
enum rp_status vdir_prepare(const char *dir, bool create, struct rp_err *err) {
  struct stat sb;
  if (stat(dir, &sb) == 0) {
    if (!S_ISDIR(sb.st_mode)) return rp_err_set(err, RP_INVALID, "%s: is not a folder", dir);
    if (access(dir, R_OK | W_OK | X_OK) != 0)
      return rp_err_set(err, RP_INVALID, "%s: cannot use: %s", dir, strerror(errno));
    return RP_OK;
  }
  if (errno != ENOENT) return rp_err_set(err, RP_INVALID, "%s: cannot read: %s", dir, strerror(errno));
  if (!create) return RP_NO;
  return paths_mkdirs(dir, err);
}

/* Read one regular file of at most VDIR_ITEM_MAX bytes into it->text. */
static void item_read(int dfd, struct vdir_item *it) {
  int fd = openat(dfd, it->name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0 && errno == ELOOP) /* a link to a file: follow it */
    fd = openat(dfd, it->name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    it->error = xasprintf("cannot read: %s", strerror(errno));
    return;
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    it->error = xstrdup("not a regular file");
    close(fd);
    return;
  }
  if ((size_t)sb.st_size > VDIR_ITEM_MAX) {
    it->error = xasprintf("larger than %zu MiB, the most an item may hold", VDIR_ITEM_MAX >> 20);
    close(fd);
    return;
  }
  it->mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
  it->inode = (uint64_t)sb.st_ino;
  size_t cap = (size_t)sb.st_size + 1, len = 0;
  char *text = xmalloc(cap);
  for (;;) {
    if (len + 1 >= cap) {
      if (cap > VDIR_ITEM_MAX) break;
      cap *= 2;
      text = xrealloc(text, cap);
    }
    ssize_t n = read(fd, text + len, cap - 1 - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      it->error = xasprintf("cannot read: %s", strerror(errno));
      free(text);
      close(fd);
      return;
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  close(fd);
  if (len > VDIR_ITEM_MAX) {
    it->error = xasprintf("larger than %zu MiB, the most an item may hold", VDIR_ITEM_MAX >> 20);
    free(text);
    return;
  }
  text[len] = '\0';
  it->text = text;
  it->len = len;
  vdir_hash(text, len, it->hash);
}

static int item_cmp(const void *a, const void *b) {
  return strcmp(((const struct vdir_item *)a)->name, ((const struct vdir_item *)b)->name);
}

/* See vdir.h. */
enum rp_status vdir_list_read(const char *dir, const char *ext, struct vdir_list *out,
                              struct rp_err *err) {
  memset(out, 0, sizeof *out);
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return rp_err_set(err, RP_INVALID, "%s: cannot read: %s", dir, strerror(errno));
  DIR *d = fdopendir(dfd);
  if (!d) {
    close(dfd);
    return rp_err_set(err, RP_INVALID, "%s: cannot read: %s", dir, strerror(errno));
  }
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!item_name_ok(e->d_name, ext)) continue;
    if (e->d_type == DT_DIR) continue;
    if (out->n == cap) {
      cap = cap ? cap * 2 : 64;
      out->items = xrealloc(out->items, cap * sizeof *out->items);
    }
    struct vdir_item *it = &out->items[out->n++];
    memset(it, 0, sizeof *it);
    it->name = xstrdup(e->d_name);
    item_read(dirfd(d), it);
  }
  closedir(d);
  if (out->n) qsort(out->items, out->n, sizeof *out->items, item_cmp);
  return RP_OK;
}

/* See vdir.h. */
void vdir_list_free(struct vdir_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->items[i].name);
    free(l->items[i].text);
    free(l->items[i].error);
  }
  free(l->items);
  memset(l, 0, sizeof *l);
}

/* See vdir.h. */
const struct vdir_item *vdir_list_find(const struct vdir_list *l, const char *name) {
  struct vdir_item key = {.name = (char *)(uintptr_t)name};
  if (!l->n) return NULL;
  return bsearch(&key, l->items, l->n, sizeof *l->items, item_cmp);
}

/* See vdir.h. */
char *vdir_name_for_uid(const char *uid, const char *ext) {
  size_t n = strlen(uid);
  bool safe = n > 0 && n <= 120 && uid[0] != '.';
  for (size_t i = 0; safe && i < n; i++) {
    char c = uid[i];
    safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-' || c == '@';
  }
  if (safe) return xasprintf("%s.%s", uid, ext);
  char a[17], b[17];
  vdir_hash(uid, n, a);
  char *salted = xasprintf("vdir:%s", uid);
  vdir_hash(salted, strlen(salted), b);
  free(salted);
  return xasprintf("%s%s.%s", a, b, ext);
}

/* See vdir.h. */
enum rp_status vdir_write(const char *dir, const char *name, const char *text, size_t len,
                          struct rp_err *err) {
  if (!item_name_ok(name, NULL))
    return rp_err_set(err, RP_INVALID, "%s: not an item name (NAME.vcf or NAME.ics)", name);
  char *tmp = xasprintf("%s/.%s.XXXXXX.tmp", dir, name);
  int fd = paths_temp_make(tmp, 4);
  if (fd < 0) {
    enum rp_status s = rp_err_set(err, RP_INVALID, "%s: cannot write: %s", dir, strerror(errno));
    free(tmp);
    return s;
  }
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, text + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) break;
    done += (size_t)w;
  }
  enum rp_status s = RP_OK;
  if (done < len || fsync(fd) != 0)
    s = rp_err_set(err, RP_INVALID, "%s/%s: cannot write: %s", dir, name,
                   errno == ENOSPC ? "no space left on the disk" : strerror(errno));
  if (close(fd) != 0 && s == RP_OK)
    s = rp_err_set(err, RP_INVALID, "%s/%s: cannot write: %s", dir, name, strerror(errno));
  if (s == RP_OK) {
    char *path = xasprintf("%s/%s", dir, name);
    if (rename(tmp, path) != 0)
      s = rp_err_set(err, RP_INVALID, "%s: cannot write: %s", path, strerror(errno));
    free(path);
  }
  if (s == RP_OK) {
    paths_temp_forget(tmp);
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { /* the new name survives a power cut */
      fsync(dfd);
      close(dfd);
    }
  } else {
    paths_temp_remove(tmp);
  }
  free(tmp);
  return s;
}

/* See vdir.h. */
enum rp_status vdir_remove(const char *dir, const char *name, struct rp_err *err) {
  if (!item_name_ok(name, NULL))
    return rp_err_set(err, RP_INVALID, "%s: not an item name (NAME.vcf or NAME.ics)", name);
  char *path = xasprintf("%s/%s", dir, name);
  enum rp_status s = RP_OK;
  if (unlink(path) != 0 && errno != ENOENT)
    s = rp_err_set(err, RP_INVALID, "%s: cannot remove: %s", path, strerror(errno));
  free(path);
  return s;
}
