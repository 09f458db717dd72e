/* bulk.h — bulk writes: many rows in one transaction (a JSON restore, an
 * import of thousands of people), with the search index brought up to date
 * once at the end instead of row by row. Model code for src/io/ and
 * dump.c; no curses, no printf.
 *
 * bulk_begin lets the connection's page cache grow to 256 MiB (the
 * transaction's pages stay in memory) and keeps temporary files in memory,
 * BEGINs (a savepoint inside an open transaction), drops the search
 * index's triggers (keeping their SQL in *b) and lets FTS5 keep 256 MiB of
 * index in memory before writing a segment. The caller writes its rows,
 * indexes what it wrote (bulk_index_all or bulk_index_contacts), and ends
 * with bulk_commit (creates the triggers again, puts FTS5's setting back
 * and COMMITs; rolls back on failure) or bulk_abort (rolls back, which
 * brings the triggers and the setting back too). With `marks`, the
 * triggers that mark a contact for the cadence sync (cadence_state) and
 * for the Contacts filter (contact_filter_stale) on every row written go
 * too, and bulk_index_contacts / bulk_index_all mark the contacts once;
 * for writes whose contacts those know (an import; a restore into an
 * empty journal).
 * Both put the PRAGMAs back and free *b. The journal is never left without
 * its triggers: they are dropped and created in the same transaction. */
#ifndef RAPPORT_BULK_H
#define RAPPORT_BULK_H

#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

struct rp_bulk {
  struct rp_strv triggers;        /* the dropped triggers' CREATE statements */
  int64_t cache_size, temp_store; /* the PRAGMAs before */
  bool set;                       /* they were changed */
  struct {
    int64_t hashsize;  /* an FTS5 table's setting before (bulk.c's fts_tables) */
    int64_t automerge; /* its automerge before, when deferred */
    bool deferred;     /* bulk_defer_merges set its automerge to 0 */
  } fts[4];
  size_t nfts;
  bool marks; /* the marking triggers were dropped too */
};

enum rp_status bulk_begin(struct rp_db *db, struct rp_bulk *b, bool marks, struct rp_err *err);
enum rp_status bulk_commit(struct rp_db *db, struct rp_bulk *b, struct rp_err *err);
void bulk_abort(struct rp_db *db, struct rp_bulk *b);

/* After bulk_begin: the search index's FTS5 tables merge no segments
 * during this write (automerge 0) but those of a level that gathered 16
 * (FTS5's crisis merge); bulk_commit puts automerge back (a rollback does
 * too). For a series of small bulk writes (a merge's batches), where the
 * merging that automerge does at every segment made the total grow as
 * n log n. */
enum rp_status bulk_defer_merges(struct rp_db *db, struct rp_bulk *b, struct rp_err *err);

/* A series of bulk writes (a merge's batches) keeps bulk_begin's page
 * cache and temporaries from bulk_hold to bulk_release (each bulk_begin
 * then leaves them as they are): put back after every batch, the cache
 * was emptied and read again from the file by the next one. */
struct rp_bulk_hold {
  int64_t cache_size, temp_store; /* the PRAGMAs before */
  bool set;                       /* bulk_hold changed them */
};
void bulk_hold(struct rp_db *db, struct rp_bulk_hold *h);
void bulk_release(struct rp_db *db, struct rp_bulk_hold *h);

/* Index afresh the documents of the contacts `ids` (a contact's own and
 * its draft's, as the triggers make them) and the folded keys of their
 * names and organisations: after a bulk write added or changed them (and
 * mark them, with b->marks). Duplicates are fine. bulk_index_all does the
 * same for every contact. */
enum rp_status bulk_index_contacts(struct rp_db *db, const struct rp_bulk *b, const int64_t *ids,
                                   size_t n, struct rp_err *err);
/* The tables whose rows are documents of their own (not a contact's):
 * for bulk_index_since. */
enum { BULK_NOTE, BULK_GIVE, BULK_CONVERSATION, BULK_QUESTION, BULK_FOLLOWUP, BULK_KINDS };
/* The highest id of each of those tables now (0 when empty), into since[]. */
enum rp_status bulk_ids_now(struct rp_db *db, int64_t since[BULK_KINDS], struct rp_err *err);
/* Index the documents of the rows of those tables added since since[]
 * (bulk_ids_now before the writes; new rows have higher ids): a batch of
 * a merge indexes what it added, in time proportional to that. Contacts'
 * own documents go through bulk_index_contacts. */
enum rp_status bulk_index_since(struct rp_db *db, const int64_t since[BULK_KINDS],
                                struct rp_err *err);
/* Rebuild the whole index from the tables (what search_rebuild does), and
 * with b->marks mark every contact. */
enum rp_status bulk_index_all(struct rp_db *db, const struct rp_bulk *b, struct rp_err *err);

#endif
