/* sync_state.h — what the journal remembers of each item it keeps in step
 * with a vdir folder (rapport/vdir.h, rapport/sync.h): the sync_item
 * table. One row per item: the collection folder (its real path), the
 * item's UID and file name there, what it stands for (kind and the row of
 * the journal it came from), and the item as last synced (its bytes, the
 * base of a three-way merge, and their vdir_hash). A row that is
 * `unlinked` remembers a journal item whose file was deleted in the
 * folder: it is kept out of the folder. Such a row keeps its ref_id (so
 * the sync knows which item to keep out) and has no copy: its hash and
 * base are stored as "" (no migration needed). All the
 * SQL of the sync lives here; the sync itself (src/io) has none.
 *
 * The rows are not recorded by undo (src/model/undo.c): they say what the
 * folder holds, which an undo of the journal does not change. After an
 * undo of a sync, the next sync finds the journal different from what the
 * folder was given and writes the journal's side again. */
#ifndef RAPPORT_SYNC_STATE_H
#define RAPPORT_SYNC_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

struct sync_state_item {
  int64_t id;     /* the row, 0 until stored */
  char *uid;      /* the item's UID */
  char *file;     /* its file name in the folder */
  char *kind;     /* "contact", "conversation", "followup", "thanks" */
  int64_t ref_id; /* the journal row it stands for, 0 = none */
  char *hash;     /* vdir_hash of base ("" when unlinked) */
  char *base;     /* the item's bytes as last synced */
  bool unlinked;  /* its file was deleted in the folder; the journal item kept */
};

struct sync_state_list {
  struct sync_state_item *v;
  size_t n;
};

void sync_state_item_free(struct sync_state_item *it); /* frees members, zeroes it */
void sync_state_list_free(struct sync_state_list *l);  /* frees all, zeroes l */

/* Every row of `folder` of kind `kind` (NULL: every kind), by file name,
 * into *out (caller frees with sync_state_list_free). */
enum rp_status sync_state_list(struct rp_db *db, const char *folder, const char *kind,
                               struct sync_state_list *out, struct rp_err *err);
/* Store `it` as the row of (folder, it->uid): inserted, or updated in
 * place (every column). A row of another UID holding the same file name
 * is removed first (a file name reused by a new item). Sets it->id. */
enum rp_status sync_state_put(struct rp_db *db, const char *folder, struct sync_state_item *it,
                              struct rp_err *err);
/* Remove row `id`; a row already gone is RP_OK. */
enum rp_status sync_state_remove(struct rp_db *db, int64_t id, struct rp_err *err);

#endif
