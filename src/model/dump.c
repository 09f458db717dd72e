/* dump.c — see rapport/dump.h. The tables as plain rows (for the JSON
 * export and restore), the per-journal id, and the online backup. */
#include "model/db_sql.h"
#include "rapport/dump.h"
#include "model/journal_copy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/bulk.h"
#include "rapport/paths.h"
#include "contact_internal.h"

#define NOREFS {{NULL, NULL}}

/* Parents before children. A merge brings contacts and what hangs off them;
 * the worksheet, outcomes and meta are the journal's own. */
const struct rp_dump_table rp_dump_tables[] = {
    {"contact", "id", "id", NULL, {{"introduced_by", "contact"}, {NULL, NULL}}, true},
    {"contact_tag", "contact_id, tag", NULL, "contact_id", {{"contact_id", "contact"}, {NULL, NULL}},
     true},
    {"ws_text", "key", NULL, NULL, NOREFS, false},
    {"ws_item", "id", "id", NULL, NOREFS, false},
    {"gap_answer", "gap_id", NULL, NULL, {{"gap_id", "ws_item"}, {"contact_id", "contact"}, {NULL, NULL}},
     false},
    {"give", "id", "id", "contact_id", {{"contact_id", "contact"}, {NULL, NULL}}, true},
    {"ready_check", "contact_id, key", NULL, "contact_id", {{"contact_id", "contact"}, {NULL, NULL}},
     true},
    {"conversation", "id", "id", "contact_id", {{"contact_id", "contact"}, {NULL, NULL}}, true},
    {"question", "id", "id", "conversation_id",
     {{"conversation_id", "conversation"}, {"gap_id", "ws_item"}, {NULL, NULL}}, true},
    {"note", "id", "id", "conversation_id",
     {{"conversation_id", "conversation"}, {"contact_ref", "contact"}, {NULL, NULL}}, true},
    {"outcome", "id", "id", NULL, NOREFS, false},
    {"outcome_contact", "outcome_id, contact_id", NULL, NULL,
     {{"outcome_id", "outcome"}, {"contact_id", "contact"}, {NULL, NULL}}, false},
    {"followup", "id", "id", "contact_id",
     {{"contact_id", "contact"},
      {"conversation_id", "conversation"},
      {"outcome_id", "outcome"},
      {"note_id", "note"}},
     true},
    {"meta", "key", NULL, NULL, NOREFS, false},
};
const size_t rp_dump_table_count = RP_ARRAY_LEN(rp_dump_tables);

const struct rp_dump_table *dump_table(const char *name) {
  for (size_t i = 0; i < rp_dump_table_count; i++)
    if (name && strcmp(rp_dump_tables[i].name, name) == 0) return &rp_dump_tables[i];
  return NULL;
}

/* Columns the journal derives from others and a restore makes again
 * (the folded keys of a contact's name and organisation, migration 23):
 * never exported, so an export is the same before and after them. */
static bool derived_column(const char *name) {
  return strcmp(name, "name_key") == 0 || strcmp(name, "org_key") == 0;
}

/* See dump.h. */
enum rp_status dump_rows(struct rp_db *db, const struct rp_dump_table *t, dump_row_fn fn,
                         void *ctx, struct rp_err *err) {
  char *sql = xasprintf("SELECT * FROM \"%s\" ORDER BY %s", t->name, t->order_by);
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare(db, sql, &st, err);
  free(sql);
  if (s != RP_OK) return s;
  size_t all = (size_t)sqlite3_column_count(st), n = 0;
  const char **names = xcalloc(all ? all : 1, sizeof *names);
  int *col = xcalloc(all ? all : 1, sizeof *col); /* the statement's column of each kept one */
  struct rp_dump_value *vals = xcalloc(all ? all : 1, sizeof *vals);
  for (size_t i = 0; i < all; i++) {
    const char *name = sqlite3_column_name(st, (int)i);
    if (derived_column(name)) continue;
    col[n] = (int)i;
    names[n++] = name;
  }
  int rc;
  while (s == RP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (size_t i = 0; i < n; i++) {
      struct rp_dump_value *v = &vals[i];
      int c = col[i];
      memset(v, 0, sizeof *v);
      switch (sqlite3_column_type(st, c)) {
      case SQLITE_INTEGER: v->type = DUMP_INT; v->i = sqlite3_column_int64(st, c); break;
      case SQLITE_FLOAT: v->type = DUMP_REAL; v->r = sqlite3_column_double(st, c); break;
      case SQLITE_NULL: v->type = DUMP_NULL; break;
      default: v->type = DUMP_TEXT; v->s = (const char *)sqlite3_column_text(st, c); break;
      }
    }
    s = fn(ctx, t, n, names, vals, err);
  }
  if (s == RP_OK && rc != SQLITE_DONE) s = db_fail(db, err, "read the journal");
  free(names);
  free(col);
  free(vals);
  sqlite3_finalize(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_is_empty(struct rp_db *db, bool *empty, struct rp_err *err) {
  *empty = true;
  for (size_t i = 0; i < rp_dump_table_count && *empty; i++) {
    if (strcmp(rp_dump_tables[i].name, "meta") == 0) continue;
    char *sql = xasprintf("SELECT 1 FROM \"%s\" LIMIT 1", rp_dump_tables[i].name);
    sqlite3_stmt *st = NULL;
    enum rp_status s = db_prepare(db, sql, &st, err);
    free(sql);
    if (s != RP_OK) return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *empty = false;
    else if (rc != SQLITE_DONE) s = db_fail(db, err, "read the journal");
    sqlite3_finalize(st);
    if (s != RP_OK) return s;
  }
  return RP_OK;
}

/* What a restore prepares once and reuses for every row (valid between
 * dump_begin and dump_commit/dump_abort, which free it): per table, its
 * column names and the last INSERT with the column list it was made for.
 * Preparing a statement per row (and reading table_info per column) made
 * restoring 100,000 contacts take many minutes. */
static struct dump_cache {
  sqlite3 *h;
  struct {
    char **cols;   /* NULL until read */
    size_t ncols;
    sqlite3_stmt *ins;
    char **ins_cols; /* the column list ins was prepared for */
    size_t ins_n;
  } t[16];
} cache;
static struct rp_bulk restore_bulk; /* between dump_begin and dump_commit/dump_abort */
static bool merging; /* between dump_merge_begin and dump_merge_commit/dump_abort */
static struct rp_bulk_hold merge_hold; /* a merge's cache, kept from batch to batch */
static int64_t merge_since[BULK_KINDS]; /* a merge: the highest ids when its batch began */

static void free_names(char **v, size_t n) {
  for (size_t k = 0; k < n; k++) free(v[k]);
  free(v);
}

static void cache_free(void) {
  for (size_t i = 0; i < RP_ARRAY_LEN(cache.t); i++) {
    free_names(cache.t[i].cols, cache.t[i].ncols);
    sqlite3_finalize(cache.t[i].ins);
    free_names(cache.t[i].ins_cols, cache.t[i].ins_n);
  }
  memset(&cache, 0, sizeof cache);
}

/* The cache slot of table t for db, emptied when db is another connection. */
static size_t cache_slot(struct rp_db *db, const struct rp_dump_table *t) {
  if (cache.h != db_handle(db)) {
    cache_free();
    cache.h = db_handle(db);
  }
  return (size_t)(t - rp_dump_tables);
}

/* See dump.h. */
enum rp_status dump_check_column(struct rp_db *db, const struct rp_dump_table *t,
                                 const char *column, struct rp_err *err) {
  size_t k = cache_slot(db, t);
  if (!cache.t[k].cols) {
    char *sql = xasprintf("SELECT name FROM pragma_table_info('%s')", t->name);
    sqlite3_stmt *st = NULL;
    enum rp_status s = db_prepare(db, sql, &st, err);
    free(sql);
    if (s != RP_OK) return s;
    size_t cap = 0;
    cache.t[k].cols = xcalloc(1, sizeof *cache.t[k].cols);
    while (sqlite3_step(st) == SQLITE_ROW) {
      if (cache.t[k].ncols == cap) {
        cap = cap ? cap * 2 : 32;
        cache.t[k].cols = xrealloc(cache.t[k].cols, cap * sizeof *cache.t[k].cols);
      }
      const char *name = (const char *)sqlite3_column_text(st, 0);
      cache.t[k].cols[cache.t[k].ncols++] = xstrdup(name ? name : "");
    }
    sqlite3_finalize(st);
  }
  for (size_t i = 0; i < cache.t[k].ncols; i++)
    if (column && strcmp(cache.t[k].cols[i], column) == 0) return RP_OK;
  struct rp_buf all = {0};
  for (size_t i = 0; i < cache.t[k].ncols; i++)
    buf_addf(&all, "%s%s", all.len ? ", " : "", cache.t[k].cols[i]);
  enum rp_status s = rp_err_set(err, RP_INVALID, "table %s has no column '%s' (columns: %s)",
                                t->name, column ? column : "", buf_str(&all));
  buf_free(&all);
  return s;
}

static enum rp_status exec(struct rp_db *db, const char *sql, const char *what,
                           struct rp_err *err) {
  if (sqlite3_exec(db_handle(db), sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(db, err, what);
  return RP_OK;
}

/* See dump.h. */
enum rp_status dump_begin(struct rp_db *db, struct rp_err *err) {
  cache_free();
  cache.h = db_handle(db);
  /* into an empty journal every contact is new: the marking triggers go
   * and bulk_index_all marks them all once; a merge keeps them (it would
   * mark every contact already there) */
  bool empty = false;
  enum rp_status s = dump_is_empty(db, &empty, err);
  if (s != RP_OK) return s;
  s = bulk_begin(db, &restore_bulk, empty, err);
  if (s == RP_OK && (s = exec(db, "PRAGMA defer_foreign_keys = ON", "defer foreign keys", err)))
    bulk_abort(db, &restore_bulk);
  return s;
}

void dump_abort(struct rp_db *db) {
  bulk_abort(db, &restore_bulk);
  if (merging) bulk_release(db, &merge_hold);
  merging = false;
  cache_free();
}

/* A merge's batch begins: bulk mode (the search triggers suspended; the
 * marking ones kept, as the journal has contacts of its own; the index's
 * segments not merged until the COMMIT), foreign keys checked at its
 * COMMIT, the highest ids noted for the indexing. */
static enum rp_status merge_batch_begin(struct rp_db *db, struct rp_err *err) {
  enum rp_status s = bulk_begin(db, &restore_bulk, false, err);
  if (s != RP_OK) return s;
  s = bulk_defer_merges(db, &restore_bulk, err);
  if (s == RP_OK) s = exec(db, "PRAGMA defer_foreign_keys = ON", "defer foreign keys", err);
  if (s == RP_OK) s = bulk_ids_now(db, merge_since, err);
  if (s != RP_OK) bulk_abort(db, &restore_bulk);
  return s;
}

/* A merge's batch ends: what it added indexed, COMMIT. */
static enum rp_status merge_batch_end(struct rp_db *db, const int64_t *contacts, size_t n,
                                      struct rp_err *err) {
  enum rp_status s = bulk_index_contacts(db, &restore_bulk, contacts, n, err);
  if (s == RP_OK) s = bulk_index_since(db, merge_since, err);
  if (s == RP_OK) return bulk_commit(db, &restore_bulk, err);
  bulk_abort(db, &restore_bulk);
  return s;
}

/* See dump.h. */
enum rp_status dump_merge_begin(struct rp_db *db, struct rp_err *err) {
  cache_free();
  cache.h = db_handle(db);
  bulk_hold(db, &merge_hold);
  enum rp_status s = merge_batch_begin(db, err);
  merging = s == RP_OK;
  if (!merging) bulk_release(db, &merge_hold);
  return s;
}

/* See dump.h. The prepared INSERTs outlive the transaction. */
enum rp_status dump_merge_batch(struct rp_db *db, const int64_t *contacts, size_t n,
                                struct rp_err *err) {
  enum rp_status s = merge_batch_end(db, contacts, n, err);
  if (s == RP_OK) s = merge_batch_begin(db, err);
  if (s != RP_OK) {
    bulk_release(db, &merge_hold);
    merging = false;
    cache_free();
  }
  return s;
}

/* See dump.h. */
enum rp_status dump_merge_commit(struct rp_db *db, const int64_t *contacts, size_t n,
                                 struct rp_err *err) {
  enum rp_status s = merge_batch_end(db, contacts, n, err);
  bulk_release(db, &merge_hold);
  merging = false;
  cache_free();
  return s;
}

/* Is ins of cache slot k prepared for exactly these columns? */
static bool same_columns(size_t k, size_t ncols, const char *const *names) {
  if (!cache.t[k].ins || cache.t[k].ins_n != ncols) return false;
  for (size_t i = 0; i < ncols; i++)
    if (strcmp(cache.t[k].ins_cols[i], names[i]) != 0) return false;
  return true;
}

/* See dump.h. The INSERT is prepared again only when the columns differ
 * from the table's previous row (never, in a file rapport wrote). */
enum rp_status dump_insert(struct rp_db *db, const struct rp_dump_table *t, size_t ncols,
                           const char *const *names, const struct rp_dump_value *vals,
                           int64_t *rowid, struct rp_err *err) {
  size_t k = cache_slot(db, t);
  enum rp_status s = RP_OK;
  if (!same_columns(k, ncols, names)) {
    bool meta = strcmp(t->name, "meta") == 0;
    /* a merge resumed: a row without an id (a tag, a ticked check) may be
     * in from the run that stopped; it is the same row */
    bool again = merging && !t->id_column;
    struct rp_buf sql = {0};
    buf_addf(&sql, "INSERT %sINTO \"%s\" (",
             meta ? "OR REPLACE " : again ? "OR IGNORE " : "", t->name);
    for (size_t i = 0; i < ncols; i++) buf_addf(&sql, "%s\"%s\"", i ? ", " : "", names[i]);
    buf_adds(&sql, ") VALUES (");
    for (size_t i = 0; i < ncols; i++) buf_adds(&sql, i ? ", ?" : "?");
    buf_adds(&sql, ")");
    if (ncols == 0) {
      buf_reset(&sql);
      buf_addf(&sql, "INSERT INTO \"%s\" DEFAULT VALUES", t->name);
    }
    sqlite3_finalize(cache.t[k].ins);
    free_names(cache.t[k].ins_cols, cache.t[k].ins_n);
    cache.t[k].ins = NULL;
    cache.t[k].ins_cols = NULL;
    cache.t[k].ins_n = 0;
    s = db_prepare(db, buf_str(&sql), &cache.t[k].ins, err);
    buf_free(&sql);
    if (s != RP_OK) return s;
    cache.t[k].ins_cols = xcalloc(ncols ? ncols : 1, sizeof *cache.t[k].ins_cols);
    for (size_t i = 0; i < ncols; i++) cache.t[k].ins_cols[i] = xstrdup(names[i]);
    cache.t[k].ins_n = ncols;
  }
  sqlite3_stmt *st = cache.t[k].ins;
  for (size_t i = 0; i < ncols; i++) {
    int c = (int)i + 1;
    switch (vals[i].type) {
    case DUMP_NULL: sqlite3_bind_null(st, c); break;
    case DUMP_INT: sqlite3_bind_int64(st, c, vals[i].i); break;
    case DUMP_REAL: sqlite3_bind_double(st, c, vals[i].r); break;
    case DUMP_TEXT: sqlite3_bind_text(st, c, vals[i].s, -1, SQLITE_STATIC); break; /* stepped below */
    }
  }
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) {
    if (rowid) *rowid = sqlite3_last_insert_rowid(db_handle(db));
  } else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    s = rp_err_set(err, RP_INVALID, "%s", sqlite3_errmsg(db_handle(db)));
  } else {
    s = db_fail(db, err, "insert");
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_set_introducer(struct rp_db *db, int64_t id, int64_t introducer,
                                   struct rp_err *err) {
  sqlite3_stmt *st = NULL; /* cached: a merge sets thousands */
  enum rp_status s =
      db_prepare_cached(db, "UPDATE contact SET introduced_by = ?2 WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  if (introducer) sqlite3_bind_int64(st, 2, introducer);
  else sqlite3_bind_null(st, 2);
  if (sqlite3_step(st) != SQLITE_DONE) s = rp_err_set(err, RP_INVALID, "contact %lld: %s",
                                                      (long long)id, sqlite3_errmsg(db_handle(db)));
  sqlite3_reset(st);
  return s;
}

/* The first broken reference, as a message; RP_OK when there is none. */
static enum rp_status check_references(struct rp_db *db, struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare(db, "PRAGMA foreign_key_check", &st, err);
  if (s != RP_OK) return s;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const char *table = (const char *)sqlite3_column_text(st, 0);
    const char *parent = (const char *)sqlite3_column_text(st, 2);
    s = rp_err_set(err, RP_INVALID, "%s row %lld refers to a %s that is not there",
                   table ? table : "?", (long long)sqlite3_column_int64(st, 1),
                   parent ? parent : "?");
  } else if (rc != SQLITE_DONE) {
    s = db_fail(db, err, "check references");
  }
  sqlite3_finalize(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_commit(struct rp_db *db, struct rp_err *err) {
  enum rp_status s = check_references(db, err);
  if (s == RP_OK) s = bulk_index_all(db, &restore_bulk, err);
  if (s == RP_OK) s = bulk_commit(db, &restore_bulk, err);
  else bulk_abort(db, &restore_bulk);
  cache_free();
  return s;
}

/* See dump.h. Any email, through the values' index (the model keeps every
 * contact's emails there, its primary included), and the email column's;
 * then name and
 * organisation, through the names' index. No query here reads every
 * contact: a merge asks once per contact it brings (a lower(email) scan
 * made a merge of 8,000 contacts take 14 s). */
enum rp_status dump_match_contact(struct rp_db *db, const char *const *emails, size_t n,
                                  const char *name, const char *org, int64_t *id,
                                  struct rp_err *err) {
  *id = 0;
  static const char *const by_email[] = {
      "SELECT v.contact_id FROM contact_value v JOIN contact c ON c.id = v.contact_id"
      " WHERE v.kind = 'email' AND v.value = trim(?1) COLLATE NOCASE AND " CONTACT_LIVE("c.")
      " ORDER BY v.contact_id LIMIT 1",
      /* a journal edited in the sqlite3 shell may have an email in the
       * column and not in the list: through contact_email (migration 15) */
      "SELECT id FROM contact WHERE email = trim(?1) COLLATE NOCASE AND " CONTACT_LIVE("")
      " ORDER BY id LIMIT 1",
  };
  static const char by_name[] =
      "SELECT id FROM contact WHERE " CONTACT_LIVE("") " AND name = trim(?1) COLLATE NOCASE AND"
      " ifnull(trim(org), '') = ifnull(trim(?2), '') COLLATE NOCASE ORDER BY id LIMIT 1";
  for (size_t k = 0; k <= RP_ARRAY_LEN(by_email) && !*id; k++) {
    bool names = k == RP_ARRAY_LEN(by_email);
    sqlite3_stmt *st = NULL; /* cached: a merge asks once per contact */
    enum rp_status s = db_prepare_cached(db, names ? by_name : by_email[k], &st, err);
    if (s != RP_OK) return s;
    for (size_t e = 0; e < (names ? 1 : n) && !*id && s == RP_OK; e++) {
      if (names) {
        db_bind_text(st, 1, name);
        db_bind_text(st, 2, org);
      } else if (str_empty(emails[e])) {
        continue;
      } else {
        db_bind_text(st, 1, emails[e]);
      }
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
      else if (rc != SQLITE_DONE) s = db_fail(db, err, "match contacts");
      sqlite3_reset(st);
    }
    if (s != RP_OK) return s;
  }
  return RP_OK;
}

/* See dump.h. A journal without one (a restore of a file that had none)
 * gets a new one. */
enum rp_status dump_journal_id(struct rp_db *db, char out[33], struct rp_err *err) {
  out[0] = '\0';
  enum rp_status s = exec(db,
                          "INSERT OR IGNORE INTO meta (key, value) "
                          "VALUES ('journal_id', lower(hex(randomblob(16))))",
                          "make the journal id", err);
  sqlite3_stmt *st = NULL;
  if (s == RP_OK) s = db_prepare(db, "SELECT value FROM meta WHERE key = 'journal_id'", &st, err);
  if (s != RP_OK) return s;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    str_copy(out, 33, (const char *)sqlite3_column_text(st, 0));
  else
    s = db_fail(db, err, "read the journal id");
  sqlite3_finalize(st);
  return s;
}

/* See dump.h. */
enum rp_status dump_backup(struct rp_db *db, const char *path, bool force, struct rp_err *err) {
  struct stat sb;
  if (str_empty(path)) return rp_err_set(err, RP_INVALID, "no backup file given");
  if (stat(path, &sb) == 0) {
    if (S_ISDIR(sb.st_mode)) return rp_err_set(err, RP_INVALID, "%s: is a folder", path);
    if (!force)
      return rp_err_set(err, RP_INVALID, "%s: already exists; use --force to overwrite it", path);
    if (S_ISREG(sb.st_mode) && journal_copy_is_sqlite(path))
      return journal_copy_onto(db_handle(db), path, err);
    if (!S_ISREG(sb.st_mode))
      return rp_err_set(err, RP_INVALID, "%s: not a regular file; give a file to write", path);
  }
  char *tmp;
  int fd = paths_temp_beside(path, &tmp);
  if (fd < 0) return rp_err_set(err, RP_INVALID, "%s: cannot write: %s", path, strerror(errno));
  close(fd);
  sqlite3 *dst = NULL;
  enum rp_status s = RP_OK;
  if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    s = rp_err_set(err, RP_EDB, "%s: %s", tmp, dst ? sqlite3_errmsg(dst) : "cannot open");
  } else {
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", db_handle(db), "main");
    if (!b) {
      s = rp_err_set(err, RP_EDB, "backup: %s", sqlite3_errmsg(dst));
    } else {
      int rc;
      while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep(50);
      if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE)
        s = rp_err_set(err, RP_EDB, "backup: %s", sqlite3_errmsg(dst));
    }
    /* one self-contained file: no -wal beside it */
    if (s == RP_OK && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL))
      s = rp_err_set(err, RP_EDB, "backup: %s", sqlite3_errmsg(dst));
  }
  if (sqlite3_close(dst) != SQLITE_OK && s == RP_OK)
    s = rp_err_set(err, RP_EDB, "backup: cannot close the copy");
  if (s == RP_OK) {
    fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      fsync(fd);
      close(fd);
    }
    if (rename(tmp, path) != 0)
      s = rp_err_set(err, RP_INVALID, "%s: cannot write: %s", path, strerror(errno));
  }
  if (s != RP_OK) paths_temp_remove(tmp);
  else paths_temp_forget(tmp);
  free(tmp);
  return s;
}
