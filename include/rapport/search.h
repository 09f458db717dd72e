/* search.h — full-text search across the journal (SQLite FTS5): contacts,
 * their research, work and notes, conversation notes, gives, the worksheet
 * and drafts. Prefix matching, case- and accent-insensitive (Zoe finds
 * Zoë). The index is kept in step by triggers on every table it covers. */
#ifndef RAPPORT_SEARCH_H
#define RAPPORT_SEARCH_H

#include <stdint.h>

#include "rapport/db.h"
#include "rapport/util.h"

/* Kinds of hits, in the order results are grouped. */
enum rp_hit_kind {
  HIT_CONTACT,   /* name, organisation, role, field, tags, work, challenges, notes, research */
  HIT_NOTE,      /* a line taken during a conversation */
  HIT_GIVE,      /* a give */
  HIT_WORKSHEET, /* a worksheet entry or text */
  HIT_DRAFT,     /* an outreach draft, a thank-you draft, a question, an objective */
  HIT_KIND_COUNT
};
extern const char *const rp_hit_kind_names[HIT_KIND_COUNT]; /* "contact", "note", … */
extern const char *const rp_hit_kind_titles[HIT_KIND_COUNT]; /* "Contacts", "Call notes", … */

struct rp_hit {
  enum rp_hit_kind kind;
  int64_t ref_id;      /* row in its table (contact, note, give, ws_item, …) */
  int64_t contact_id;  /* the contact it belongs to, 0 = none (worksheet) */
  int64_t conversation_id; /* a note, a question, an objective or wrap-up, a
                              thank-you: its conversation; 0 = none */
  char *contact_name;  /* that contact's name, NULL when none */
  char *title;         /* "Zoë Ørsted (Acme)", "Note in the call with Zoë Ørsted", … */
  char *snippet;       /* the matched text around the match; matched words
                          between "\x01" and "\x02" */
  char *where;         /* for the worksheet: the section ("superpower", "want", …) */
  double rank;         /* lower is better (bm25; search_quick: see there) */
};

struct rp_hit_list {
  struct rp_hit *v;
  size_t n;
  bool partial; /* search_quick: more matched than were ranked (see there) */
  size_t words_left_out; /* different words past the first SEARCH_MAX_WORDS, not used */
};
/* The most different words a search uses (a word given twice, in any
 * case, counts once): the rest are left out, counted in words_left_out. */
#define SEARCH_MAX_WORDS 16

void hit_list_free(struct rp_hit_list *l);

/* Search for `query` (words; each matches as a prefix; all must match;
 * quotes and FTS syntax characters are taken literally). Results grouped by
 * kind (in enum order), best first within a kind, at most `limit` in all.
 * An empty query gives no hits (RP_OK). */
enum rp_status search_run(struct rp_db *db, const char *query, size_t limit,
                          struct rp_hit_list *out, struct rp_err *err);
/* search_run as the search box calls it on every key typed, in a time
 * that does not grow with the journal: when the words match at most
 * SEARCH_QUICK_RANKED documents, the same hits as search_run; when they
 * match more, out->partial is set and the hits are the names that match
 * (contacts by name or organisation, worksheet entries by title; newest
 * first, at most half the list when there is more) followed by the newest
 * of the documents that match (highest rowid first), each group's `rank`
 * its position. `limit` 0 = search_run with no limit. */
#define SEARCH_QUICK_RANKED 100
enum rp_status search_quick(struct rp_db *db, const char *query, size_t limit,
                            struct rp_hit_list *out, struct rp_err *err);
/* Rebuild the whole index from the tables (used by the migration that
 * creates it, and by tests to compare with the incremental index). */
enum rp_status search_rebuild(struct rp_db *db, struct rp_err *err);

#endif
