/* contact_query.c — see rapport/contact.h: filtered, sorted, paged lists of
 * contacts, counts, positions, and resolving a name typed by the user.
 * The SQL is assembled only from the constant fragments below, chosen by
 * which filters are set; every value is a bound parameter. Matching is
 * case-insensitive through rp_fold() (registered in db.c) and uses instr(),
 * so '%', '_' and quotes in the user's text are plain characters. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "model/db_schema.h"
#include "rapport/utf8.h"
#include "contact_internal.h"

#define MATCH(col) "instr(rp_fold(" col "), rp_fold(:text)) > 0"
static const char filter_text[] =
    " AND (" MATCH("c.name") " OR " MATCH("c.org") " OR " MATCH("c.role") " OR " MATCH("c.field")
    " OR " MATCH("c.email") " OR " MATCH("c.phone") " OR " MATCH("c.url")
    " OR EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND " MATCH("t.tag") ")"
    " OR EXISTS (SELECT 1 FROM contact_value v WHERE v.contact_id = c.id AND " MATCH("v.value")
    "))";
/* The same set through the haystacks of migrations 13 and 14 (for text
 * without a line break): for three letters or more, the contacts whose haystack's
 * trigrams hold the folded text as a phrase (a quoted FTS5 string: every
 * character in it is a letter to find, quotes doubled), which is where
 * it occurs; for fewer (which most contacts hold), each contact's
 * haystack as the contacts are read, one instr() instead of six rp_fold()
 * calls and a tag lookup: a page stops at its last row. */
static const char filter_text_hay[] =
    " AND EXISTS (SELECT 1 FROM contact_filter_hay h WHERE h.contact_id = c.id AND "
    "instr(h.hay, rp_fold(:text)) > 0)";
static const char filter_text_trigram[] =
    " AND c.id IN (SELECT rowid FROM contact_filter WHERE contact_filter MATCH "
    "'\"' || replace(rp_fold(:text), '\"', '\"\"') || '\"')";
static const char filter_stage[] = " AND c.stage = :stage";
static const char filter_warmth[] = " AND c.warmth = :warmth";
static const char filter_tag[] =
    " AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = :tag)";
static const char filter_org[] = " AND rp_fold(c.org) = rp_fold(:org)";
static const char filter_live[] = " AND " CONTACT_LIVE("c.");

#define ORDER_NAME "c.name COLLATE NOCASE, c.id"
static const char order_name[] = ORDER_NAME;
static const char order_updated[] = "c.updated_at DESC, c.id DESC";
/* the same orders backwards, for the rows before a keyset anchor */
static const char order_name_rev[] = "c.name COLLATE NOCASE DESC, c.id DESC";
static const char order_updated_rev[] = "c.updated_at, c.id";

/* Keyset conditions: [ordering][enum rp_keyset], the rows after, from or
 * before the anchor's (key, id) in each ordering. Names ascend and updates
 * descend, so "after" is > in the one and < in the other. A (key, id) row
 * value lets SQLite seek straight to the anchor in the ordering's index
 * (contact_live_name, contact_live_updated: migration 11) and read on from
 * there. The COLLATE on each value is what makes the seek use both
 * columns: NOCASE is the name index's, and without an explicit BINARY
 * SQLite finds no collation for the id (the rowid) and seeks on the key
 * alone, scanning every contact with the anchor's name. */
#define KEY_NAME " AND (c.name, c.id) "
#define VAL_NAME " (:key COLLATE NOCASE, :id COLLATE BINARY)"
#define KEY_UPDATED " AND (c.updated_at, c.id) "
#define VAL_UPDATED " (:key, :id COLLATE BINARY)"
static const char *const keyset_cond[2][3] = {
    {KEY_NAME ">" VAL_NAME, KEY_NAME ">=" VAL_NAME, KEY_NAME "<" VAL_NAME},
    {KEY_UPDATED "<" VAL_UPDATED, KEY_UPDATED "<=" VAL_UPDATED, KEY_UPDATED ">" VAL_UPDATED},
};

/* The rows before a key, counted in two index ranges: those with a key
 * before it, and those with the same key and an id before it ([ordering]
 * [part]). Two plain ranges count in half the time of the one (key, id)
 * range, whose row value SQLite compares again on every row. */
static const char *const count_before[2][2] = {
    {" AND c.name < :key COLLATE NOCASE", " AND c.name = :key COLLATE NOCASE AND c.id < :id"},
    {" AND c.updated_at > :key", " AND c.updated_at = :key AND c.id > :id"},
};

static const struct rp_contact_query all_contacts = {0};

/* How the text filter finds its contacts. */
enum text_plan { TEXT_SCAN, TEXT_HAY, TEXT_TRIGRAM };

/* Fold again the haystacks of the contacts the triggers marked (migration
 * 13), in one transaction; false when that cannot be done (a read-only
 * journal): the filter then reads the contacts themselves. */
static bool hay_fresh(struct rp_db *db) {
  static const char *const refresh[] = {
      "DELETE FROM contact_filter_hay WHERE contact_id IN "
      "(SELECT contact_id FROM contact_filter_stale)",
      "INSERT INTO contact_filter_hay (contact_id, hay) SELECT c.id, " CONTACT_FILTER_HAY("c")
      " FROM contact c WHERE c.id IN (SELECT contact_id FROM contact_filter_stale)",
      "DELETE FROM contact_filter_stale",
  };
  sqlite3_stmt *st;
  if (db_prepare_cached(db, "SELECT EXISTS (SELECT 1 FROM contact_filter_stale)", &st, NULL) !=
      RP_OK)
    return false;
  int rc = sqlite3_step(st);
  bool stale = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
  sqlite3_reset(st);
  if (rc != SQLITE_ROW) return false;
  if (!stale) return true;
  if (db_begin(db, NULL) != RP_OK) return false;
  bool ok = true;
  for (size_t i = 0; ok && i < RP_ARRAY_LEN(refresh); i++) {
    ok = db_prepare_cached(db, refresh[i], &st, NULL) == RP_OK;
    if (ok) {
      ok = sqlite3_step(st) == SQLITE_DONE;
      sqlite3_reset(st);
    }
  }
  if (ok) return db_commit(db, NULL) == RP_OK;
  db_rollback(db);
  return false;
}

/* The plan for q's text: the trigram index for three characters or more,
 * the haystacks for fewer, the contacts themselves when the haystacks
 * cannot be brought up to date or the text holds a line break (the
 * haystack's separator). */
static enum text_plan text_plan(struct rp_db *db, const struct rp_contact_query *q) {
  if (str_empty(q->text) || strchr(q->text, '\n') || !hay_fresh(db)) return TEXT_SCAN;
  size_t chars = 0, len = strlen(q->text);
  for (size_t i = 0; i < len; i = utf8_next(q->text, len, i)) chars++;
  return chars >= 3 ? TEXT_TRIGRAM : TEXT_HAY;
}

/* Append the WHERE conditions for q (after a "WHERE 1"). */
static void add_filters(struct rp_buf *sql, const struct rp_contact_query *q,
                        enum text_plan plan) {
  if (!str_empty(q->text))
    buf_adds(sql, plan == TEXT_TRIGRAM ? filter_text_trigram
                  : plan == TEXT_HAY   ? filter_text_hay
                                       : filter_text);
  if (!str_empty(q->stage)) buf_adds(sql, filter_stage);
  if (!str_empty(q->warmth)) buf_adds(sql, filter_warmth);
  if (!str_empty(q->tag)) buf_adds(sql, filter_tag);
  if (!str_empty(q->org)) buf_adds(sql, filter_org);
  if (!q->include_deleted) buf_adds(sql, filter_live);
}

static void bind_named(sqlite3_stmt *st, const char *name, const char *value) {
  int idx = sqlite3_bind_parameter_index(st, name);
  if (idx > 0) sqlite3_bind_text(st, idx, value, -1, SQLITE_TRANSIENT);
}

static void bind_named_int(sqlite3_stmt *st, const char *name, int64_t value) {
  int idx = sqlite3_bind_parameter_index(st, name);
  if (idx > 0) sqlite3_bind_int64(st, idx, value);
}

/* Bind the values of the filters add_filters chose. */
static void bind_filters(sqlite3_stmt *st, const struct rp_contact_query *q) {
  if (!str_empty(q->text)) bind_named(st, ":text", q->text);
  if (!str_empty(q->stage)) bind_named(st, ":stage", q->stage);
  if (!str_empty(q->warmth)) bind_named(st, ":warmth", q->warmth);
  if (!str_empty(q->tag)) bind_named(st, ":tag", q->tag);
  if (!str_empty(q->org)) bind_named(st, ":org", q->org);
}

static const char *order_of(const struct rp_contact_query *q) {
  return q->sort == SORT_UPDATED ? order_updated : order_name;
}

/* Bind the sort key of `a` (keyset_cond's :key and :id) for q's order. */
static void bind_anchor(sqlite3_stmt *st, const struct rp_contact_query *q,
                        const struct rp_contact *a) {
  int idx = sqlite3_bind_parameter_index(st, ":key");
  if (idx > 0 && q->sort == SORT_UPDATED) sqlite3_bind_int64(st, idx, a->updated_at);
  else if (idx > 0 && a->name) sqlite3_bind_text(st, idx, a->name, -1, SQLITE_TRANSIENT);
  bind_named_int(st, ":id", a->id);
}

/* Prepare "<head> WHERE 1 <filters> <tail>" and bind the filters. */
static enum rp_status prepare_query(struct rp_db *db, const struct rp_contact_query *q,
                                    enum text_plan plan, const char *head, const char *mid,
                                    const char *tail, sqlite3_stmt **st, struct rp_err *err) {
  struct rp_buf sql = {0};
  buf_adds(&sql, head);
  buf_adds(&sql, " WHERE 1");
  add_filters(&sql, q, plan);
  if (mid) buf_adds(&sql, mid);
  if (tail) buf_adds(&sql, tail);
  enum rp_status s = db_prepare(db, buf_str(&sql), st, err);
  buf_free(&sql);
  if (s == RP_OK) bind_filters(*st, q);
  return s;
}

/* Free every contact and the array; l is left empty. */
void contact_list_free(struct rp_contact_list *l) {
  for (size_t i = 0; i < l->n; i++) contact_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* Step st (CONTACT_COLS rows) to the end into out, with each row's tags.
 * out is left empty on failure. */
static enum rp_status read_rows(struct rp_db *db, sqlite3_stmt *st, struct rp_contact_list *out,
                                struct rp_err *err) {
  sqlite3_stmt *tags = NULL;
  enum rp_status s = db_prepare(db, CONTACT_TAGS_SQL, &tags, err);
  size_t cap = 0;
  int rc = SQLITE_DONE;
  while (s == RP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n == cap) {
      cap = cap ? cap * 2 : 32;
      out->v = xrealloc(out->v, cap * sizeof *out->v);
    }
    struct rp_contact *c = &out->v[out->n++];
    contact_init(c);
    contact_read_row(st, c);
    s = contact_read_tags(db, tags, c, err);
  }
  if (s == RP_OK && rc != SQLITE_DONE) s = db_fail(db, err, "list contacts");
  sqlite3_finalize(tags);
  if (s != RP_OK) contact_list_free(out);
  return s;
}

/* Rows offset… of the query (q NULL = all live contacts by name), with tags
 * and introducer names; limit < 0 = all. Caller frees *out with
 * contact_list_free (also on failure it is left empty). */
enum rp_status contact_list(struct rp_db *db, const struct rp_contact_query *q, long offset,
                            long limit, struct rp_contact_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  if (!q) q = &all_contacts;
  struct rp_buf tail = {0};
  buf_adds(&tail, " ORDER BY ");
  buf_adds(&tail, order_of(q));
  buf_adds(&tail, " LIMIT :limit OFFSET :offset");
  sqlite3_stmt *st = NULL;
  enum rp_status s = prepare_query(db, q, text_plan(db, q), "SELECT " CONTACT_COLS CONTACT_FROM,
                                   NULL, buf_str(&tail), &st, err);
  buf_free(&tail);
  if (s == RP_OK) {
    bind_named_int(st, ":limit", limit < 0 ? -1 : limit);
    bind_named_int(st, ":offset", offset < 0 ? 0 : offset);
    s = read_rows(db, st, out, err);
  }
  sqlite3_finalize(st);
  return s;
}

/* See contact.h. */
enum rp_status contact_list_keyset(struct rp_db *db, const struct rp_contact_query *q,
                                   const struct rp_contact *anchor, enum rp_keyset dir,
                                   long limit, struct rp_contact_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  if (!q) q = &all_contacts;
  if (dir != KEYSET_AFTER && dir != KEYSET_FROM && dir != KEYSET_BEFORE)
    return rp_err_set(err, RP_INVALID, "no such keyset direction");
  bool back = dir == KEYSET_BEFORE, updated = q->sort == SORT_UPDATED;
  struct rp_buf tail = {0};
  buf_adds(&tail, " ORDER BY ");
  buf_adds(&tail, back ? (updated ? order_updated_rev : order_name_rev) : order_of(q));
  buf_adds(&tail, " LIMIT :limit");
  sqlite3_stmt *st = NULL;
  enum rp_status s =
      prepare_query(db, q, text_plan(db, q), "SELECT " CONTACT_COLS CONTACT_FROM,
                    anchor ? keyset_cond[updated][dir] : NULL, buf_str(&tail), &st, err);
  buf_free(&tail);
  if (s == RP_OK) {
    if (anchor) bind_anchor(st, q, anchor);
    bind_named_int(st, ":limit", limit < 0 ? -1 : limit);
    s = read_rows(db, st, out, err);
  }
  sqlite3_finalize(st);
  for (size_t i = 0; back && i < out->n / 2; i++) { /* read backwards: turn round */
    struct rp_contact t = out->v[i];
    out->v[i] = out->v[out->n - 1 - i];
    out->v[out->n - 1 - i] = t;
  }
  return s;
}

/* See contact.h. */
enum rp_status contact_scan_keys(struct rp_db *db,
                                 void (*fn)(void *arg, const struct rp_contact_key *key),
                                 void *arg, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT c.id, c.name, c.org, c.email, c.url, "
                                "c.deleted_at IS NOT NULL FROM contact c ORDER BY " ORDER_NAME,
                                &st, err);
  if (s != RP_OK) return s;
  s = contact_key_rows(db, st, fn, arg, "read contacts", err);
  sqlite3_finalize(st);
  return s;
}

/* See contact_internal.h. */
enum rp_status contact_key_rows(struct rp_db *db, sqlite3_stmt *st,
                                void (*fn)(void *arg, const struct rp_contact_key *key),
                                void *arg, const char *what, struct rp_err *err) {
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    struct rp_contact_key k = {
        .id = sqlite3_column_int64(st, 0),
        .name = (const char *)sqlite3_column_text(st, 1),
        .org = (const char *)sqlite3_column_text(st, 2),
        .email = (const char *)sqlite3_column_text(st, 3),
        .url = (const char *)sqlite3_column_text(st, 4),
        .deleted = sqlite3_column_int(st, 5) != 0,
    };
    fn(arg, &k);
  }
  enum rp_status s = rc == SQLITE_DONE ? RP_OK : db_fail(db, err, what);
  sqlite3_reset(st);
  return s;
}

/* The contacts q passes, counted up to `cap` (-1: all). The text index's
 * contacts are looked up by id in the small index of live ones: without
 * statistics the planner would rather walk every live contact and look
 * each up in the list. A common short text stops after `cap` matches. */
static enum rp_status count_upto(struct rp_db *db, const struct rp_contact_query *q, long cap,
                                 long *count, struct rp_err *err) {
  *count = 0;
  if (!q) q = &all_contacts;
  sqlite3_stmt *st;
  enum text_plan plan = text_plan(db, q);
  /* [capped][by id]: a count of all is a plain count(*), which reads an
   * index in half the time of counting a subquery's rows */
  static const char *const head[2][2] = {
      {"SELECT count(*) FROM contact c",
       "SELECT count(*) FROM contact c INDEXED BY contact_live_id"},
      {"SELECT count(*) FROM (SELECT 1 FROM contact c",
       "SELECT count(*) FROM (SELECT 1 FROM contact c INDEXED BY contact_live_id"},
  };
  bool capped = cap >= 0, by_id = plan != TEXT_SCAN && !q->include_deleted;
  enum rp_status s = prepare_query(db, q, plan, head[capped][by_id], NULL,
                                   capped ? " LIMIT :cap)" : NULL, &st, err);
  if (s != RP_OK) return s;
  if (capped) bind_named_int(st, ":cap", cap);
  if (sqlite3_step(st) == SQLITE_ROW)
    *count = (long)sqlite3_column_int64(st, 0);
  else
    s = db_fail(db, err, "count contacts");
  sqlite3_finalize(st);
  return s;
}

/* Number of rows contact_list would give without paging. */
enum rp_status contact_count(struct rp_db *db, const struct rp_contact_query *q, long *count,
                             struct rp_err *err) {
  return count_upto(db, q, -1, count, err);
}

/* See contact.h. */
enum rp_status contact_count_upto(struct rp_db *db, const struct rp_contact_query *q, long cap,
                                  long *count, struct rp_err *err) {
  return count_upto(db, q, cap > 0 ? cap : 1, count, err);
}

/* 0-based index of `id` in the query's order, so a list can keep its
 * selection after re-sorting; RP_NO when the query does not include it.
 * Counts the rows before its key in the ordering's index (count_before),
 * without numbering the whole list: index entries only, as many as come
 * before it. */
enum rp_status contact_position(struct rp_db *db, const struct rp_contact_query *q, int64_t id,
                                long *pos, struct rp_err *err) {
  *pos = -1;
  if (!q) q = &all_contacts;
  sqlite3_stmt *st;
  enum rp_status s = prepare_query(db, q, text_plan(db, q),
                                   "SELECT c.name, c.updated_at FROM contact c", " AND c.id = :id",
                                   NULL, &st, err);
  if (s != RP_OK) return s;
  bind_named_int(st, ":id", id);
  struct rp_contact key = {.id = id};
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    key.name = name ? xstrdup(name) : NULL;
    key.updated_at = sqlite3_column_int64(st, 1);
  } else if (rc == SQLITE_DONE) {
    s = rp_err_set(err, RP_NO, "contact %lld is not in this list", (long long)id);
  } else {
    s = db_fail(db, err, "find contact in list");
  }
  sqlite3_finalize(st);
  if (s == RP_OK) {
    const char *const *part = count_before[q->sort == SORT_UPDATED];
    struct rp_buf sql = {0};
    enum text_plan plan = text_plan(db, q);
    const char *from = plan != TEXT_SCAN && !q->include_deleted && q->sort != SORT_UPDATED
                           ? " FROM contact c INDEXED BY contact_live_id WHERE 1"
                           : " FROM contact c WHERE 1";
    buf_adds(&sql, "SELECT (SELECT count(*)");
    buf_adds(&sql, from);
    add_filters(&sql, q, plan);
    buf_adds(&sql, part[0]);
    buf_adds(&sql, ") + (SELECT count(*)");
    buf_adds(&sql, from);
    add_filters(&sql, q, plan);
    buf_adds(&sql, part[1]);
    buf_adds(&sql, ")");
    s = db_prepare(db, buf_str(&sql), &st, err);
    buf_free(&sql);
  }
  if (s == RP_OK) {
    bind_filters(st, q);
    bind_anchor(st, q, &key);
    if (sqlite3_step(st) == SQLITE_ROW)
      *pos = (long)sqlite3_column_int64(st, 0);
    else
      s = db_fail(db, err, "find contact in list");
    sqlite3_finalize(st);
  }
  free(key.name);
  return s;
}

/* How many candidates an ambiguous-name message lists. */
#define RESOLVE_SHOWN 10

/* How a typed name is matched with the folded names (name_key, migration
 * 23): the whole name, or a part anywhere. */
enum name_match { MATCH_WHOLE, MATCH_INSIDE };

/* The live contacts of each match (?1 the folded name typed, ?2 the
 * limit): the whole name through the key index (INDEXED BY: the name
 * order's index looked cheaper to the planner when many share a name),
 * and for keys a sqlite3 shell left NULL (see migration 23) by folding
 * those names alone; a part of a name reads every key (no fold per
 * contact), only when no whole name matched. A prefix range on the key
 * would be an index search too, but it would make "ann" find Anna alone
 * where Joanna also contains it. */
#define FIND_COLS "SELECT id, name, org FROM contact "
#define FIND_KEYED FIND_COLS "INDEXED BY contact_name_key WHERE " CONTACT_LIVE("") " AND "
#define FIND_ORDER " ORDER BY name COLLATE NOCASE, id LIMIT ?2"
static const char *const find_sql[] = {
    [MATCH_WHOLE] = FIND_KEYED "name_key = ?1 UNION ALL " FIND_KEYED
                               "name_key IS NULL AND rp_fold(name) = ?1" FIND_ORDER,
    [MATCH_INSIDE] = FIND_COLS "WHERE " CONTACT_LIVE("") " AND "
                               "instr(coalesce(name_key, rp_fold(name)), ?1) > 0" FIND_ORDER,
};

/* Live contacts whose folded name matches `key` (folded) as `how` says:
 * up to RESOLVE_SHOWN+1 ids in *ids, "Name (Org)" list of the first
 * RESOLVE_SHOWN in *names. */
static enum rp_status find_names(struct rp_db *db, const char *key, enum name_match how,
                                 int64_t *ids, size_t *n, struct rp_buf *names,
                                 struct rp_err *err) {
  *n = 0;
  buf_reset(names);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, find_sql[how], &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, RESOLVE_SHOWN + 1);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ids[*n] = sqlite3_column_int64(st, 0);
    if (*n < RESOLVE_SHOWN) {
      const char *nm = (const char *)sqlite3_column_text(st, 1);
      const char *org = (const char *)sqlite3_column_text(st, 2);
      char clip[128];
      if (*n) buf_adds(names, ", ");
      buf_adds(names, str_clip(nm, clip, sizeof clip));
      if (!str_empty(org)) buf_addf(names, " (%s)", str_clip(org, clip, sizeof clip));
    } else {
      buf_adds(names, ", …");
    }
    (*n)++;
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "find contact");
  sqlite3_finalize(st);
  return s;
}

/* A name typed by the user → one live contact: exact (case-insensitive,
 * trimmed) first, else a unique substring. RP_NO / RP_INVALID with the
 * message for the user; *id is 0 then. */
enum rp_status contact_resolve(struct rp_db *db, const char *name, int64_t *id,
                               struct rp_err *err) {
  *id = 0;
  char *want = xstrdup(name ? name : "");
  /* the same trimming contact_validate applies to stored names */
  size_t start = 0, end = strlen(want);
  while (start < end && strchr(" \t\r\n\v\f", want[start])) start++;
  while (end > start && strchr(" \t\r\n\v\f", want[end - 1])) end--;
  want[end] = '\0';
  const char *key = want + start;
  if (!*key) {
    free(want);
    return rp_err_set(err, RP_INVALID, "no contact name given");
  }
  char *folded = db_fold_text(key);
  int64_t ids[RESOLVE_SHOWN + 1];
  size_t n = 0;
  struct rp_buf names = {0};
  enum rp_status s = RP_OK;
  for (enum name_match how = MATCH_WHOLE; s == RP_OK && n == 0 && how <= MATCH_INSIDE; how++)
    s = find_names(db, folded, how, ids, &n, &names, err);
  free(folded);
  char clip[128];
  if (s == RP_OK) {
    if (n == 1)
      *id = ids[0];
    else if (n == 0)
      s = rp_err_set(err, RP_NO, "no contact matches '%s'", str_clip(key, clip, sizeof clip));
    else
      s = rp_err_set(err, RP_INVALID, "'%s' matches several contacts: %s; use more of the name",
                     str_clip(key, clip, sizeof clip), buf_str(&names));
  }
  buf_free(&names);
  free(want);
  return s;
}
