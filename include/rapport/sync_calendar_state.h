/* sync_calendar_state.h — the journal's memory of the calendar items
 * synced with a folder (table sync_item, kinds "conversation", "followup"
 * and "thanks"): which file and UID stand for which row, and the item as
 * last synced (its bytes and their vdir_hash), to tell what changed on
 * which side. (src/model/sync_calendar_state.c) */
#ifndef RAPPORT_SYNC_CALENDAR_STATE_H
#define RAPPORT_SYNC_CALENDAR_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

struct sync_cal_item {
  int64_t id;
  char *uid;
  char *file;   /* its file name in the folder */
  char *kind;   /* "conversation", "followup", "thanks" */
  int64_t ref_id; /* the conversation or follow-up */
  char *hash;   /* vdir_hash of base; "" when unlinked */
  char *base;   /* the item as last synced; "" when unlinked */
  bool unlinked; /* its file was deleted in the folder, the journal item kept:
                    kept out of the folder (stored as hash "", as synccards'
                    sync_state.h does) */
};

struct sync_cal_item_list {
  struct sync_cal_item *v;
  size_t n;
};

void sync_cal_item_list_free(struct sync_cal_item_list *l);

/* Every calendar item remembered for `folder` (its real path), by file
 * name. Caller frees with sync_cal_item_list_free. */
enum rp_status sync_cal_items(struct rp_db *db, const char *folder,
                              struct sync_cal_item_list *out, struct rp_err *err);
/* Remember (insert, or update the row with the same folder and UID) an
 * item as synced now: its file, what it stands for, its bytes and their
 * hash (vdir_hash). */
enum rp_status sync_cal_item_put(struct rp_db *db, const char *folder, const char *uid,
                                 const char *file, const char *kind, int64_t ref_id,
                                 const char *text, const char *hash, struct rp_err *err);
/* Unlink row `id`: its file was deleted in the folder and the journal
 * keeps its item, which is never written again; the row keeps its ref_id
 * and loses its copy (hash and base ""). */
enum rp_status sync_cal_item_unlink(struct rp_db *db, int64_t id, struct rp_err *err);
/* Forget row `id` (its item left the folder). */
enum rp_status sync_cal_item_forget(struct rp_db *db, int64_t id, struct rp_err *err);

#endif
