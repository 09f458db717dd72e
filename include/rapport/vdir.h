/* vdir.h — one collection folder of a vdir (vdirsyncer's storage format):
 * one item per file, `NAME.vcf` or `NAME.ics`, the name derived from the
 * item's UID. What other programs (vdirsyncer, khard, khal, todoman) write
 * there is read as they wrote it; what rapport writes goes through a
 * temporary `.NAME.XXXXXX.tmp` in the same folder and a rename, so a
 * reader never sees half an item. Hidden files, `.tmp` files, folders and
 * files with another extension are never read, written nor removed.
 * Nothing here knows vCard or iCalendar: items are bytes. (src/io/vdir.c) */
#ifndef RAPPORT_VDIR_H
#define RAPPORT_VDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/util.h"

/* The most one item may hold: far above any real card or event; a larger
 * file is listed with `error` set and no text. */
#define VDIR_ITEM_MAX ((size_t)4 << 20)

/* One file of the collection, as read. */
struct vdir_item {
  char *name;      /* file name inside the folder ("abc.vcf"), never a path */
  char *text;      /* its bytes, NUL-terminated; NULL when error is set */
  size_t len;      /* bytes in text */
  char hash[17];   /* vdir_hash of the bytes: 16 hex digits */
  int64_t mtime_ns; /* st_mtim, for a quick "changed?" before reading */
  uint64_t inode;
  char *error;     /* why it could not be read (too large, unreadable), or NULL */
};

/* Every item of a collection, sorted by name. */
struct vdir_list {
  struct vdir_item *items;
  size_t n;
};

/* `dir` is a collection folder rapport may use: it exists and is a folder
 * (RP_INVALID "DIR: is not a folder" / "DIR: cannot read: …"); when it is
 * missing and `create`, it is made (and its missing parents) with mode
 * 0700; when missing and not `create`, RP_NO. */
enum rp_status vdir_prepare(const char *dir, bool create, struct rp_err *err);

/* Read every item with extension `ext` ("vcf" or "ics", no dot) of `dir`
 * into *out (caller frees with vdir_list_free). A file that cannot be
 * read is listed with its error, never fatal; RP_INVALID only when the
 * folder itself cannot be read. Linear in the number and size of items. */
enum rp_status vdir_list_read(const char *dir, const char *ext, struct vdir_list *out,
                              struct rp_err *err);
void vdir_list_free(struct vdir_list *l);
/* The item named `name` in a list (binary search), or NULL. */
const struct vdir_item *vdir_list_find(const struct vdir_list *l, const char *name);

/* The file name for an item with this UID: the UID itself plus ".ext"
 * when it is made only of letters, digits and `_.-@` (at most 120 bytes,
 * not starting with a dot), else the hex of its hash (vdir_hash of the
 * UID, twice, 32 digits) plus ".ext". Caller frees. */
char *vdir_name_for_uid(const char *uid, const char *ext);

/* Write `len` bytes as `dir/name` atomically: a private (0600) temporary
 * `.name.XXXXXX.tmp` in `dir`, written whole, fsynced, then renamed over
 * `name`. On any failure the temporary file is removed and the old item,
 * if any, is left as it was. The temporary file is removed too when a
 * fatal signal arrives meanwhile (paths_temp_remove_all). */
enum rp_status vdir_write(const char *dir, const char *name, const char *text, size_t len,
                          struct rp_err *err);
/* Remove `dir/name`; an item already gone is RP_OK. `name` must be an
 * item name (no '/', not hidden, not .tmp): anything else is RP_INVALID. */
enum rp_status vdir_remove(const char *dir, const char *name, struct rp_err *err);

/* A 64-bit FNV-1a hash of the bytes as 16 lower-case hex digits (and a
 * NUL) in out: for change detection, not security. */
void vdir_hash(const char *text, size_t len, char out[17]);

#endif
