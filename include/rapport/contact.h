/* contact.h — people in the journal. Plain structs and typed operations; each
 * write is one transaction. Enumerated fields hold config keys and are
 * validated against the config's lists. */
#ifndef RAPPORT_CONTACT_H
#define RAPPORT_CONTACT_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/contact_values.h"
#include "rapport/db.h"
#include "rapport/util.h"

struct rp_contact {
  int64_t id;            /* 0 until inserted */
  char *name;            /* required, non-empty */
  char *org, *role, *field, *location;
  /* The primary email, phone and URL (the preferred one, else the first)
   * and every one of each with its type. Writes keep the two in step with
   * contact_values_sync (the primary field wins for the primary slot) and
   * mark the primary value preferred. A contact read by contact_get has
   * its lists (values_read); one read by a list does not (until
   * contact_list_values), and a write of it keeps the stored lists
   * (updating only their primary entry from the field). */
  char *email, *phone, *url;
  struct rp_contact_values emails, phones, urls;
  bool values_read;
  char *how_known;       /* key of cfg->how_known, or NULL */
  char *warmth;          /* "warm"/"cold": effective value (derived or set) */
  bool warmth_set;       /* true when set by hand; else derived from how_known */
  int64_t introduced_by; /* contact id, 0 = none */
  char *introduced_by_name; /* filled by reads, ignored by writes */
  char *seniority;       /* key of cfg->seniority, or NULL */
  char *channel;         /* key of cfg->channels, or NULL */
  char *stage;           /* key of cfg->stages; NULL on insert = first stage */
  struct rp_strv tags;
  char *work;            /* their work & interests */
  char *challenges;      /* their challenges */
  char *notes;           /* personal notes */
  char *research;        /* research notes on them (multi-line) */
  char *draft;           /* the outreach draft (multi-line) */
  char *known_since;     /* "YYYY-MM-DD" since when you know them, or NULL */
  bool cadence_set;      /* false: the config's default cadence applies */
  int cadence_days;      /* when set: keep in touch every N days; 0 = none */
  int64_t created_at, updated_at; /* seconds since the epoch */
  int64_t deleted_at;    /* 0 = not deleted */
};

void contact_init(struct rp_contact *c);   /* zero */
void contact_free(struct rp_contact *c);   /* frees members, leaves c zeroed */
void contact_copy(struct rp_contact *dst, const struct rp_contact *src);

/* Check fields against the config: name present, enum fields one of the
 * allowed keys, introduced_by an existing other contact. On failure
 * RP_INVALID with err->field set ("name", "how_known", "stage", …) and a
 * message listing what is allowed. Also derives warmth when !warmth_set.
 * Normalises c in place: text fields trimmed (empty → NULL), tags trimmed
 * and de-duplicated, an enum value given as a key or label in any case is
 * stored as the key, a NULL stage becomes the first stage. On update, an
 * enum value equal to the one already stored is kept even when the config
 * no longer lists it. Each list of emails, phones and URLs is kept in step
 * with its field (see struct rp_contact; a contact read without its lists
 * gets the stored ones first) and checked: every value and type UTF-8,
 * every email name@domain (RP_INVALID with field "email", "phone" or
 * "url"). */
enum rp_status contact_validate(struct rp_db *db, const struct rp_config *cfg,
                                struct rp_contact *c, struct rp_err *err);
/* Validate and insert; sets c->id, created_at, updated_at. */
enum rp_status contact_insert(struct rp_db *db, const struct rp_config *cfg,
                              struct rp_contact *c, struct rp_err *err);
/* Validate and update every field of c->id; sets updated_at. */
enum rp_status contact_update(struct rp_db *db, const struct rp_config *cfg,
                              struct rp_contact *c, struct rp_err *err);
/* For bulk writes (an import): validate c and insert it (c->id 0; sets
 * c->id) or update it (c->id an existing contact), inside the caller's
 * open transaction and without reading c back: c keeps the validated
 * values, not the times or the introducer's name. RP_INVALID (validation)
 * writes nothing; after any other failure the caller must roll back its
 * transaction, as the row may be half written. Of the emails, phones and
 * URLs, only a kind whose list changed is written again. */
enum rp_status contact_write_bulk(struct rp_db *db, const struct rp_config *cfg,
                                  struct rp_contact *c, struct rp_err *err);
/* Read one (deleted or not) into *c (caller frees with contact_free). */
enum rp_status contact_get(struct rp_db *db, int64_t id, struct rp_contact *c, struct rp_err *err);
/* Soft delete / bring back. */
enum rp_status contact_delete(struct rp_db *db, int64_t id, struct rp_err *err);
/* *live = contact `id` is in the journal and not deleted (the model's one
 * "not deleted", CONTACT_LIVE); false for an id that never was. */
enum rp_status contact_is_live(struct rp_db *db, int64_t id, bool *live, struct rp_err *err);
enum rp_status contact_undelete(struct rp_db *db, int64_t id, struct rp_err *err);
/* Bring back the most recently deleted contact; *id receives it. RP_NO when
 * nothing is deleted. */
enum rp_status contact_undo_delete(struct rp_db *db, int64_t *id, struct rp_err *err);

/* ---- saving an edit form when the contact changed meanwhile ---- */

/* A change made in a form (from `orig`, the contact as the form read it,
 * to `mine`) to something that was also changed elsewhere (from orig to
 * `theirs`, the contact as stored now: the CLI, an import, another window)
 * to a different value. */
struct rp_contact_conflict {
  char *key;    /* which change, the same for the same three contacts (give
                   it back in keep_mine to keep the form's side) */
  char *field;  /* the form's field, as rp_err.field names it: "role",
                   "email", "phone", "url", "cadence", … */
  char *what;   /* for a sentence ("NAME's WHAT was changed elsewhere to
                   THEIRS"): "role", "email" (the preferred one), "email
                   ana@old.org" (another one), … */
  char *mine, *theirs; /* the two values as text ("ana@x.org · work" for
                          a value's type); NULL = none */
};
struct rp_contact_conflicts {
  struct rp_contact_conflict *v;
  size_t n;
};
void contact_conflicts_free(struct rp_contact_conflicts *cs); /* zeroes cs */

/* Three-way merge for an edit form's save: *out (freed first; caller frees
 * with contact_free) becomes `theirs` with only the changes from `orig` to
 * `mine` applied, so that what changed elsewhere meanwhile survives. Text
 * fields (blanks around ignored), the enum fields, warmth (with
 * warmth_set), the introducer and the cadence are one field each; tags
 * merge as a set (the tags the form added and removed); in the emails,
 * phones and URLs the values the form added, removed, edited (an edited
 * value keeps its place) or retyped, and the one it made preferred, are
 * applied to theirs (out's primary fields follow its lists). A change the
 * form made to something theirs changed differently is a conflict, appended
 * to *conflicts (emptied first) in the order of the form: resolved with
 * theirs, or with mine when its key is in keep_mine (may be NULL). orig,
 * mine and theirs need their lists (values_read). No I/O. */
void contact_merge(const struct rp_contact *orig, const struct rp_contact *mine,
                   const struct rp_contact *theirs, const struct rp_strv *keep_mine,
                   struct rp_contact *out, struct rp_contact_conflicts *conflicts);
/* True when a and b hold the same values in every field a write stores
 * (tags as sets; the lists in order, with types and preference; deleted or
 * not), whatever their times and introducer's name. */
bool contact_same(const struct rp_contact *a, const struct rp_contact *b);
/* contact_update, only if contact c->id is still `expected` (contact_same,
 * read in the same transaction): else RP_NO and nothing written, err saying
 * it changed or was deleted meanwhile. For a form that merged its changes
 * into `expected` (contact_merge) and must not overwrite a write made since. */
enum rp_status contact_update_if_unchanged(struct rp_db *db, const struct rp_config *cfg,
                                           struct rp_contact *c,
                                           const struct rp_contact *expected,
                                           struct rp_err *err);
/* Check one email, phone or URL as contact_validate checks the lists (an
 * email name@domain, every value UTF-8): RP_INVALID with err->field "email",
 * "phone" or "url" and the same message. For a form that shows the error
 * on the value it is about. */
enum rp_status contact_value_check(enum rp_value_kind k, const char *value, struct rp_err *err);

enum rp_contact_sort { SORT_NAME, SORT_UPDATED };

struct rp_contact_query {
  const char *text;  /* substring of name, org, role, field, tags, any email, phone or URL
                        (case-insensitive); NULL = all */
  const char *stage; /* NULL = any */
  const char *warmth;
  const char *tag;
  const char *org;   /* exact, case-insensitive */
  enum rp_contact_sort sort;
  bool include_deleted;
};

struct rp_contact_list {
  struct rp_contact *v;
  size_t n;
};
/* Rows offset..offset+limit-1 of the query (limit < 0 = all). OFFSET walks
 * every skipped row: for a screen, page with contact_list_keyset. */
enum rp_status contact_list(struct rp_db *db, const struct rp_contact_query *q, long offset,
                            long limit, struct rp_contact_list *out, struct rp_err *err);

/* Keyset paging: which rows contact_list_keyset reads next to its anchor. */
enum rp_keyset { KEYSET_AFTER, KEYSET_FROM, KEYSET_BEFORE };
/* Up to `limit` rows of the query next to `anchor` in the query's order:
 * the rows after it (KEYSET_AFTER), the same from the anchor itself on
 * (KEYSET_FROM: included when the query includes it), or the rows just
 * before it (KEYSET_BEFORE). Always returned in the query's order. Only
 * the anchor's sort key is read: its id, and its name (SORT_NAME) or
 * updated_at (SORT_UPDATED), so a row read earlier (or since deleted or
 * filtered out) marks its place. anchor NULL: the first rows (AFTER, FROM)
 * or the last ones (BEFORE). Each read costs the rows it returns, through
 * the index of the ordering, wherever the anchor is (with a filter, the
 * rows it passes over too: a text filter may read on to the end to find
 * `limit` matches). Caller frees *out with contact_list_free (also on
 * failure it is left empty). */
enum rp_status contact_list_keyset(struct rp_db *db, const struct rp_contact_query *q,
                                   const struct rp_contact *anchor, enum rp_keyset dir,
                                   long limit, struct rp_contact_list *out, struct rp_err *err);
enum rp_status contact_count(struct rp_db *db, const struct rp_contact_query *q, long *count,
                             struct rp_err *err);
/* The same, counting no further than `cap` (> 0): min(count, cap), for a
 * list that shows "cap+" until it has time to count them all (a short text
 * filter matches most contacts, and counting them reads every one). */
enum rp_status contact_count_upto(struct rp_db *db, const struct rp_contact_query *q, long cap,
                                  long *count, struct rp_err *err);
/* Position of contact `id` in the query's order (0-based), or RP_NO when
 * the query does not include it: a count of the rows before its key. */
enum rp_status contact_position(struct rp_db *db, const struct rp_contact_query *q, int64_t id,
                                long *pos, struct rp_err *err);
void contact_list_free(struct rp_contact_list *l);
/* Read the lists (emails, phones, urls) of every contact of l, which the
 * list reads leave out, with one statement: afterwards each contact has its
 * lists and values_read set, as contact_get gives them. On failure their
 * lists may be partial and values_read stays false. */
enum rp_status contact_list_values(struct rp_db *db, struct rp_contact_list *l,
                                   struct rp_err *err);

/* What an import matches people on, for every contact (deleted ones too),
 * in contact_list's order by name: fn(arg, key) once per contact. The
 * strings (NULL when empty) are valid only during the call. Reads five
 * columns instead of whole contacts with their tags. */
struct rp_contact_key {
  int64_t id;
  const char *name, *org, *email, *url;
  bool deleted;
};
/* Every email and URL of every contact (deleted ones too), for an import's
 * matching: fn(arg, id, kind, value) at least once per value (the primary
 * ones may come twice); value valid only during the call. */
enum rp_status contact_scan_values(struct rp_db *db,
                                   void (*fn)(void *arg, int64_t id, enum rp_value_kind kind,
                                              const char *value),
                                   void *arg, struct rp_err *err);
enum rp_status contact_scan_keys(struct rp_db *db,
                                 void (*fn)(void *arg, const struct rp_contact_key *key),
                                 void *arg, struct rp_err *err);

/* The lookups of an import of a few rows into a big journal, each an index
 * search (contact_match.c), finding what the scans above would have.
 * contact_match_value: the contact with an email (ASCII case ignored) or a
 * URL (by contact_value_key) in its list, the lowest id first, else (an
 * email) in its primary column; deleted ones too. RP_OK with *id and
 * *deleted set, RP_NO when none (and for phones). */
enum rp_status contact_match_value(struct rp_db *db, enum rp_value_kind kind, const char *value,
                                   int64_t *id, bool *deleted, struct rp_err *err);
/* contact_match_name: fn(arg, key) for every contact (deleted ones too)
 * whose name folds (rp_fold) as `name` does (the caller compares the
 * organisation and its own key): first those with an id above newer_than,
 * newest first, then the others backwards in contact_list's name order.
 * key's strings are valid only during the call. */
enum rp_status contact_match_name(struct rp_db *db, const char *name, int64_t newer_than,
                                  void (*fn)(void *arg, const struct rp_contact_key *key),
                                  void *arg, struct rp_err *err);
/* The highest contact id (0 for an empty journal): the journal's size at
 * most, read from the primary key alone. */
enum rp_status contact_last_id(struct rp_db *db, int64_t *id, struct rp_err *err);

/* Resolve a NAME argument: an exact name (case-insensitive), else a unique
 * substring. RP_NO "no contact matches 'x'"; RP_INVALID when ambiguous,
 * with the candidates in the message. Deleted contacts never match. */
enum rp_status contact_resolve(struct rp_db *db, const char *name, int64_t *id, struct rp_err *err);

#endif
