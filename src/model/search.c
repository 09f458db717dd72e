/* search.c — see rapport/search.h: full-text search over the FTS5 index
 * that migrations 6 and 10 create and triggers keep in step (the SQL, and what
 * each document holds: model/search_sql.h).
 *
 * Ranking: bm25 with the `name` columns (a contact's name and organisation,
 * a worksheet entry's title) weighted 10 and the rest 1, so a contact whose
 * name matches comes before one whose notes mention the word. The best
 * `limit` documents of all kinds are taken, then grouped by kind (in enum
 * order), keeping that order within a kind. Ranking reads every match
 * (bm25 needs each one's length): half a second for a common word in a
 * million documents. search_quick, run on every key typed in the search
 * box, ranks only when few match, and otherwise reads the newest matches
 * straight from the index, names first (search_name).
 *
 * Matching: unicode61 folds case and diacritics (Zoe finds Zoë, also typed
 * decomposed), but keeps letters that are not a base letter plus an accent
 * (Ø, Æ, Œ, ß, Ł, Đ, Ð, Þ, ı, Ħ, Ŧ): those are spelt out in the _alt
 * columns and in the query, so Orsted finds Ørsted and Ørsted finds Orsted.
 * When a document matches only through its _alt column, its snippet is
 * that column's text ("Zoë [Orsted]"). CJK text has no spaces, and
 * unicode61 keeps a run of it as one token: 李小龙 is found by 李小龙 and by
 * its beginning 李, not by 小龙. */
#include "model/db_sql.h"
#include "rapport/search.h"

#include <stdlib.h>
#include <string.h>

#include "model/search_sql.h"
#include "rapport/strset.h"

const char *const rp_hit_kind_names[HIT_KIND_COUNT] = {"contact", "note", "give", "worksheet",
                                                       "draft"};
const char *const rp_hit_kind_titles[HIT_KIND_COUNT] = {"Contacts", "Call notes", "Gives",
                                                        "Worksheet", "Drafts and questions"};

/* Frees every hit's strings and the array; l is left empty. */
void hit_list_free(struct rp_hit_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    free(l->v[i].title);
    free(l->v[i].snippet);
    free(l->v[i].where);
    free(l->v[i].contact_name);
  }
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* ---- the FTS5 query ---- */

/* Appends `tok` as an FTS5 string ("..." with quotes doubled): taken
 * literally, whatever FTS syntax it holds. */
static void add_fts_string(struct rp_buf *b, const char *tok, size_t n) {
  buf_addc(b, '"');
  for (size_t i = 0; i < n; i++) {
    if (tok[i] == '"') buf_addc(b, '"');
    buf_addc(b, tok[i]);
  }
  buf_addc(b, '"');
}

#define FOLD_PAIR_(from, to) {from, to},
static const char *const folds[][2] = {SEARCH_FOLDS(FOLD_PAIR_)};

/* tok[0..n) with the SEARCH_FOLDS letters spelt out, as the _alt columns
 * hold them; NULL when there are none. Caller frees. */
static char *fold_token(const char *tok, size_t n) {
  struct rp_buf b = {0};
  bool changed = false;
  for (size_t i = 0; i < n;) {
    size_t k = 0;
    for (; k < RP_ARRAY_LEN(folds); k++) {
      size_t fl = strlen(folds[k][0]);
      if (fl <= n - i && memcmp(tok + i, folds[k][0], fl) == 0) {
        buf_adds(&b, folds[k][1]);
        i += fl;
        changed = true;
        break;
      }
    }
    if (k == RP_ARRAY_LEN(folds)) buf_addc(&b, tok[i++]);
  }
  if (changed) return buf_steal(&b);
  buf_free(&b);
  return NULL;
}

/* SEARCH_MAX_WORDS (search.h): each word is required, so the later ones
 * past it would only narrow a result already narrow, and each costs a
 * pass over the index (200 repeated words took 10 s on 50,000 contacts). */

/* The FTS5 query for the user's words: each word a quoted prefix string
 * ("word"*, or ("word"* OR "spelt-out"*) when it holds a letter the _alt
 * columns spell out), all of them required. A word given twice (in any
 * case) counts once; different words past SEARCH_MAX_WORDS are left out,
 * and counted in *left_out. NULL when there is no word. Caller frees. */
static char *fts_query(const char *q, size_t *left_out) {
  struct rp_buf b = {0};
  struct rp_strv seen = {0};
  size_t len = strlen(q), i = 0;
  *left_out = 0;
  while (i < len && seen.n < SEARCH_MAX_WORDS) {
    while (i < len && str_is_space(q[i])) i++;
    size_t start = i;
    while (i < len && !str_is_space(q[i])) i++;
    if (i == start) break;
    char *word = xstrndup(q + start, i - start);
    char *key = db_fold_text(word);
    bool again = strv_contains(&seen, key);
    if (!again) strv_push(&seen, key);
    free(key);
    free(word);
    if (again) continue;
    if (b.len) buf_addc(&b, ' ');
    char *alt = fold_token(q + start, i - start);
    if (alt) buf_addc(&b, '(');
    add_fts_string(&b, q + start, i - start);
    buf_addc(&b, '*');
    if (alt) {
      buf_adds(&b, " OR ");
      add_fts_string(&b, alt, strlen(alt));
      buf_adds(&b, "*)");
      free(alt);
    }
  }
  /* the rest: the different words not used, counted in one pass */
  struct rp_strset more = {0};
  for (size_t k = 0; k < seen.n; k++) strset_add(&more, seen.v[k]);
  while (i < len) {
    while (i < len && str_is_space(q[i])) i++;
    size_t start = i;
    while (i < len && !str_is_space(q[i])) i++;
    if (i == start) break;
    char *word = xstrndup(q + start, i - start);
    char *key = db_fold_text(word);
    if (strset_add(&more, key)) (*left_out)++;
    free(key);
    free(word);
  }
  strset_free(&more);
  strv_free(&seen);
  if (b.len) return buf_steal(&b);
  buf_free(&b);
  return NULL;
}

/* ---- titles ---- */

/* What each source is: its kind, what `where` says (NULL = nothing) and
 * the SQL for its title: ?1 = the row's id; columns: the contact it
 * belongs to, then the texts hit_describe reads. */
static const struct {
  enum rp_hit_kind kind;
  const char *where;
  const char *sql;
} sources[] = {
    [SRC_CONTACT] = {HIT_CONTACT, NULL, "SELECT id, name, org FROM contact WHERE id = ?1"},
    [SRC_NOTE] = {HIT_NOTE, NULL,
                  "SELECT c.id, c.name, coalesce(v.started_at, v.scheduled_at, v.created_at), "
                  "v.id FROM note n JOIN conversation v ON v.id = n.conversation_id "
                  "JOIN contact c ON c.id = v.contact_id WHERE n.id = ?1"},
    [SRC_GIVE] = {HIT_GIVE, NULL,
                  "SELECT c.id, c.name, g.date FROM give g JOIN contact c ON c.id = g.contact_id "
                  "WHERE g.id = ?1"},
    [SRC_WS_ITEM] = {HIT_WORKSHEET, NULL, "SELECT 0, section FROM ws_item WHERE id = ?1"},
    [SRC_WS_TEXT] = {HIT_WORKSHEET, NULL, NULL},
    [SRC_DRAFT] = {HIT_DRAFT, "outreach", "SELECT id, name FROM contact WHERE id = ?1"},
    [SRC_CONVERSATION] = {HIT_DRAFT, "objective",
                          "SELECT c.id, c.name, "
                          "coalesce(v.started_at, v.scheduled_at, v.created_at), v.id "
                          "FROM conversation v JOIN contact c ON c.id = v.contact_id "
                          "WHERE v.id = ?1"},
    [SRC_QUESTION] = {HIT_DRAFT, "question",
                      "SELECT c.id, c.name, coalesce(v.started_at, v.scheduled_at, v.created_at), "
                      "v.id FROM question q JOIN conversation v ON v.id = q.conversation_id "
                      "JOIN contact c ON c.id = v.contact_id WHERE q.id = ?1"},
    [SRC_FOLLOWUP] = {HIT_DRAFT, "followup",
                      "SELECT c.id, c.name, f.kind, f.conversation_id FROM followup f "
                      "JOIN contact c ON c.id = f.contact_id WHERE f.id = ?1"},
};

static const char *const ws_text_keys[] = {NULL, "want", "pitch", "move"};

/* "Thank-you to NAME" and the like for a follow-up of `kind`. */
static char *followup_title(const char *kind, const char *name) {
  if (str_ieq(kind, "thank-you")) return xasprintf("Thank-you to %s", name);
  if (str_ieq(kind, "check-in")) return xasprintf("Check-in with %s", name);
  if (str_ieq(kind, "update")) return xasprintf("Update for %s", name);
  if (str_ieq(kind, "success")) return xasprintf("Success report to %s", name);
  return xasprintf("Follow-up with %s", name);
}

/* A local date "YYYY-MM-DD" for a time column (NULL/0 → ""); caller frees. */
static char *col_date(sqlite3_stmt *st, int col) {
  int64_t t = sqlite3_column_int64(st, col);
  return t ? date_local(t, 0) : xstrdup("");
}

/* Fill h's kind, ref_id, contact_id, contact_name, conversation_id, title
 * and where for the document with rowid r, with the statement for its
 * source (kept prepared on the connection: the search box looks up sixty
 * titles per key). */
static enum rp_status hit_describe(struct rp_db *db, int64_t r, struct rp_hit *h,
                                   struct rp_err *err) {
  int src = (int)(r & 15);
  int64_t id = (r - src) / 16;
  if (src < 1 || src >= (int)RP_ARRAY_LEN(sources))
    return rp_err_set(err, RP_EDB, "journal: search index holds an unknown entry %lld",
                      (long long)r);
  h->kind = sources[src].kind;
  h->ref_id = id;
  if (src == SRC_WS_TEXT) { /* no row id: ref_id 0, where = its key */
    const char *key = id >= 1 && id <= 3 ? ws_text_keys[id] : "?";
    h->ref_id = 0;
    h->where = xstrdup(key);
    h->title = xasprintf("Worksheet \xC2\xB7 %s", key);
    return RP_OK;
  }
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare_cached(db, sources[src].sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    /* SQLITE_DONE: an index entry without its row, which should not be */
    s = rc == SQLITE_DONE ? RP_OK : db_fail(db, err, "search titles");
    sqlite3_reset(st);
    if (s == RP_OK) h->title = xstrdup("?");
    return s;
  }
  h->contact_id = sqlite3_column_int64(st, 0);
  const char *a = (const char *)sqlite3_column_text(st, 1);
  const char *b = (const char *)sqlite3_column_text(st, 2);
  if (!a) a = "";
  if (h->contact_id) h->contact_name = xstrdup(a);
  if (sqlite3_column_count(st) > 3) h->conversation_id = sqlite3_column_int64(st, 3);
  char *date = NULL;
  h->where = xstrdup(src == SRC_WS_ITEM ? a : sources[src].where);
  switch (src) {
  case SRC_CONTACT:
    h->title = str_empty(b) ? xstrdup(a) : xasprintf("%s (%s)", a, b);
    break;
  case SRC_NOTE:
    date = col_date(st, 2);
    h->title = xasprintf("Note in the call with %s%s%s", a, *date ? " on " : "", date);
    break;
  case SRC_GIVE:
    h->title = xasprintf("Gave to %s%s%s", a, b ? " on " : "", b ? b : "");
    break;
  case SRC_WS_ITEM:
    h->title = xasprintf("Worksheet \xC2\xB7 %s", a);
    break;
  case SRC_DRAFT:
    h->title = xasprintf("Outreach draft to %s", a);
    break;
  case SRC_CONVERSATION:
    date = col_date(st, 2);
    h->title = xasprintf("Call with %s%s%s", a, *date ? " on " : "", date);
    break;
  case SRC_QUESTION:
    date = col_date(st, 2);
    h->title = xasprintf("Question for %s%s%s", a, *date ? " on " : "", date);
    break;
  default: /* SRC_FOLLOWUP */
    h->title = followup_title(b, a);
  }
  free(date);
  sqlite3_reset(st);
  return RP_OK;
}

/* ---- the search ---- */

/* SQL: the rowids of the documents of deleted contacts (few, found through
 * the contacts, so nothing is looked up per match). */
#define DELETED_DOCS                                                               \
  "(SELECT (id << 4) | 1 FROM contact WHERE deleted_at IS NOT NULL\n"              \
  "  UNION ALL SELECT (id << 4) | 6 FROM contact WHERE deleted_at IS NOT NULL\n"   \
  "  UNION ALL SELECT (v.id << 4) | 7 FROM contact c CROSS JOIN conversation v\n"  \
  "    ON v.contact_id = c.id WHERE c.deleted_at IS NOT NULL\n"                    \
  "  UNION ALL SELECT (n.id << 4) | 2 FROM contact c CROSS JOIN conversation v\n"  \
  "    ON v.contact_id = c.id CROSS JOIN note n ON n.conversation_id = v.id\n"     \
  "    WHERE c.deleted_at IS NOT NULL\n"                                           \
  "  UNION ALL SELECT (q.id << 4) | 8 FROM contact c CROSS JOIN conversation v\n"  \
  "    ON v.contact_id = c.id CROSS JOIN question q ON q.conversation_id = v.id\n" \
  "    WHERE c.deleted_at IS NOT NULL\n"                                           \
  "  UNION ALL SELECT (g.id << 4) | 3 FROM contact c CROSS JOIN give g\n"          \
  "    ON g.contact_id = c.id WHERE c.deleted_at IS NOT NULL\n"                    \
  "  UNION ALL SELECT (f.id << 4) | 9 FROM contact c CROSS JOIN followup f\n"      \
  "    ON f.contact_id = c.id WHERE c.deleted_at IS NOT NULL)"

/* SQL: the snippet of the current match of FTS table `t` whose text is
 * `len` characters long and starts with `first`. FTS5's snippet() scores
 * every match against every other (quadratic): a 1 MB note matching a
 * prefix 100,000 times took minutes, per key typed. A document over 64 KB
 * gets its first 200 characters instead, without highlighting. */
#define SNIPPET(t, len, first)                                                       \
  "CASE WHEN " len " > 65536 THEN substr(" first ", 1, 200) || '\xE2\x80\xA6' "       \
  "ELSE snippet(" t ", -1, char(1), char(2), '\xE2\x80\xA6', 12) END"
#define SNIPPET_FTS \
  SNIPPET("search_fts", "length(ifnull(name, '')) + length(ifnull(body, ''))", "ifnull(body, name)")
#define SNIPPET_NAME SNIPPET("search_name", "length(name)", "name")
#define BM25 "bm25(search_fts, 10.0, 1.0, 10.0, 1.0)"

/* The best ?2 (-1 = all) documents matching ?1: (rowid, score, snippet).
 * With a LIMIT, SQLite computes the snippet only of the rows that enter
 * its top ?2 so far, as the sqlite3 shell would for the same query. */
static const char *const ranked_sql =
    "SELECT rowid, " BM25 " AS score, " SNIPPET_FTS " FROM search_fts\n"
    "WHERE search_fts MATCH ?1 AND rowid NOT IN " DELETED_DOCS "\n"
    "ORDER BY score, rowid LIMIT ?2";
/* The newest ?2 documents matching ?1 (rowid order, read straight from the
 * index and stopping there): (rowid, 0, snippet). */
static const char *const newest_sql =
    "SELECT rowid, 0, " SNIPPET_FTS " FROM search_fts\n"
    "WHERE search_fts MATCH ?1 AND rowid NOT IN " DELETED_DOCS "\n"
    "ORDER BY rowid DESC LIMIT ?2";
/* The score of every document matching ?1: (rowid, score, NULL). */
static const char *const score_sql =
    "SELECT rowid, " BM25 ", NULL FROM search_fts WHERE search_fts MATCH ?1";
/* The newest ?2 names matching ?1: (rowid, 0, snippet). */
static const char *const names_sql =
    "SELECT rowid, 0, " SNIPPET_NAME " FROM search_name\n"
    "WHERE search_name MATCH ?1 AND rowid NOT IN "
    "(SELECT (id << 4) | 1 FROM contact WHERE deleted_at IS NOT NULL)\n"
    "ORDER BY rowid DESC LIMIT ?2";

/* A matching document: its rowid, score and snippet (cleaned; owned). */
struct doc {
  int64_t r;
  double score;
  char *snippet;
};

struct doc_list {
  struct doc *v;
  size_t n;
};

static void doc_list_free(struct doc_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->v[i].snippet);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* s with its line breaks shown as " · " and other control characters
 * (except the \x01 \x02 markers) as spaces; a new string the caller frees. */
static char *snippet_clean(const char *s) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (const char *p = s ? s : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '\n') {
      while (b.len && b.s[b.len - 1] == ' ') b.len--;
      if (b.len) buf_adds(&b, " \xC2\xB7 ");
    } else if ((c < 0x20 && c != 1 && c != 2) || c == 0x7F) {
      buf_addc(&b, ' ');
    } else {
      buf_addc(&b, (char)c);
    }
  }
  return buf_steal(&b);
}

/* Append to *out the rows of `sql` (one of the statements above; kept
 * prepared on the connection, as it runs on every key typed) for the FTS
 * query fq and limit `limit` (-1 = none). */
static enum rp_status read_docs(struct rp_db *db, const char *sql, const char *fq,
                                int64_t limit, struct doc_list *out, struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare_cached(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, fq, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, limit);
  size_t cap = out->n;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n == cap) {
      cap = cap ? cap * 2 : 64;
      out->v = xrealloc(out->v, cap * sizeof *out->v);
    }
    struct doc *d = &out->v[out->n++];
    d->r = sqlite3_column_int64(st, 0);
    d->score = sqlite3_column_double(st, 1);
    d->snippet = snippet_clean((const char *)sqlite3_column_text(st, 2));
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "search");
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return s;
}

static int doc_rank_cmp(const void *a, const void *b) {
  const struct doc *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? -1 : 1;
  return x->r < y->r ? -1 : x->r > y->r;
}

static int doc_rowid_cmp(const void *a, const void *b) {
  const struct doc *x = a, *y = b;
  return x->r < y->r ? -1 : x->r > y->r;
}

/* Give every document of l its bm25 score (l holds every match of fq but
 * those of deleted contacts), then sort l best first. */
static enum rp_status rank_docs(struct rp_db *db, const char *fq, struct doc_list *l,
                                struct rp_err *err) {
  struct doc_list scores = {0};
  enum rp_status s = read_docs(db, score_sql, fq, -1, &scores, err);
  if (s == RP_OK && l->n) {
    if (scores.n) qsort(scores.v, scores.n, sizeof *scores.v, doc_rowid_cmp);
    for (size_t i = 0; i < l->n; i++) {
      struct doc *f = scores.n ? bsearch(&l->v[i], scores.v, scores.n, sizeof *scores.v,
                                         doc_rowid_cmp)
                               : NULL;
      l->v[i].score = f ? f->score : 0;
    }
    qsort(l->v, l->n, sizeof *l->v, doc_rank_cmp);
  }
  doc_list_free(&scores);
  return s;
}

/* Group the hits by kind (in enum order), keeping their order (best
 * first) within a kind. */
static void group_by_kind(struct rp_hit_list *l) {
  struct rp_hit *v = xmalloc(l->n * sizeof *v);
  size_t n = 0;
  for (int k = 0; k < HIT_KIND_COUNT; k++)
    for (size_t i = 0; i < l->n; i++)
      if ((int)l->v[i].kind == k) v[n++] = l->v[i];
  free(l->v);
  l->v = v;
}

/* The hits of the documents d[0..n) (their snippets are taken), titled and
 * grouped by kind, into out (empty on failure). */
static enum rp_status make_hits(struct rp_db *db, struct doc *d, size_t n,
                                struct rp_hit_list *out, struct rp_err *err) {
  enum rp_status s = RP_OK;
  out->v = n ? xcalloc(n, sizeof *out->v) : NULL;
  out->n = 0;
  for (size_t i = 0; i < n && s == RP_OK; i++) {
    struct rp_hit *h = &out->v[out->n++];
    h->rank = d[i].score;
    h->snippet = d[i].snippet;
    d[i].snippet = NULL;
    s = hit_describe(db, d[i].r, h, err);
  }
  if (s != RP_OK) {
    hit_list_free(out);
    return s;
  }
  if (out->n > 1) group_by_kind(out);
  return RP_OK;
}

/* See search.h. `limit` 0 = no limit. On success *out holds the hits (the
 * caller frees it with hit_list_free); on failure it is empty. One query
 * ranks every match and makes the snippets of the best; the titles follow,
 * one lookup per hit. */
enum rp_status search_run(struct rp_db *db, const char *query, size_t limit,
                          struct rp_hit_list *out, struct rp_err *err) {
  rp_err_clear(err);
  out->v = NULL;
  out->n = 0;
  out->partial = false;
  out->words_left_out = 0;
  char *fq = query ? fts_query(query, &out->words_left_out) : NULL;
  if (!fq) return RP_OK;
  struct doc_list docs = {0};
  enum rp_status s = read_docs(db, ranked_sql, fq,
                               limit && limit < INT64_MAX ? (int64_t)limit : -1, &docs, err);
  if (s == RP_OK) s = make_hits(db, docs.v, docs.n, out, err);
  doc_list_free(&docs);
  free(fq);
  return s;
}

/* See search.h. The newest SEARCH_QUICK_RANKED + 1 matches with their
 * snippets (one read of the index); when that is all of them they are
 * ranked (a second read, of at most that many documents), else the names
 * that match come first (search_name), then those newest documents. */
enum rp_status search_quick(struct rp_db *db, const char *query, size_t limit,
                            struct rp_hit_list *out, struct rp_err *err) {
  rp_err_clear(err);
  out->v = NULL;
  out->n = 0;
  out->partial = false;
  out->words_left_out = 0;
  char *fq = query ? fts_query(query, &out->words_left_out) : NULL;
  if (!fq || !limit) {
    free(fq);
    return fq ? search_run(db, query, 0, out, err) : RP_OK;
  }
  struct doc_list docs = {0}, names = {0}, pick = {0};
  enum rp_status s = read_docs(db, newest_sql, fq, SEARCH_QUICK_RANKED + 1, &docs, err);
  if (s == RP_OK && docs.n <= SEARCH_QUICK_RANKED) {
    s = rank_docs(db, fq, &docs, err);
    if (s == RP_OK) s = make_hits(db, docs.v, docs.n < limit ? docs.n : limit, out, err);
  } else if (s == RP_OK) {
    out->partial = true;
    s = read_docs(db, names_sql, fq, (int64_t)limit, &names, err);
    /* the names, leaving room for the newest documents (half the list,
     * or what the names leave), then those documents; rank = position */
    size_t take = names.n, room = limit - limit / 2;
    if (take > room && docs.n >= limit - room) take = room;
    pick.v = xcalloc(limit, sizeof *pick.v);
    for (size_t i = 0; i < take; i++) {
      pick.v[pick.n++] = names.v[i];
      names.v[i].snippet = NULL;
    }
    for (size_t i = 0; i < docs.n && pick.n < limit; i++) {
      bool dup = false;
      for (size_t k = 0; k < take && !dup; k++) dup = pick.v[k].r == docs.v[i].r;
      if (dup) continue;
      pick.v[pick.n++] = docs.v[i];
      docs.v[i].snippet = NULL;
    }
    for (size_t i = 0; i < pick.n; i++) pick.v[i].score = (double)i;
    if (s == RP_OK) s = make_hits(db, pick.v, pick.n, out, err);
  }
  doc_list_free(&docs);
  doc_list_free(&names);
  doc_list_free(&pick);
  free(fq);
  return s;
}

/* See search.h: one transaction; the index is left as it was on failure. */
enum rp_status search_rebuild(struct rp_db *db, struct rp_err *err) {
  rp_err_clear(err);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  if (sqlite3_exec(db_handle(db),
                   "DELETE FROM search_fts;\n" SEARCH_SQL_POPULATE
                   "DELETE FROM search_name;\n" SEARCH_SQL_NAME_POPULATE,
                   NULL, NULL, NULL) != SQLITE_OK) {
    s = db_fail(db, err, "rebuild the search index");
    db_rollback(db);
    return s;
  }
  return db_commit(db, err);
}
