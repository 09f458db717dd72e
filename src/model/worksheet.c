/* worksheet.c — see rapport/worksheet.h: the three single texts, and one
 * generic implementation of the five list sections driven by a table of
 * per-section rules (names, ordering, which numbers mean what). Checks that
 * read the whole worksheet (evidence, pitch, completeness) are in
 * worksheet_check.c. */
#include "model/db_sql.h"
#include "rapport/worksheet.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the kinds of move ---- */

static struct rp_choice move_kinds[] = {
    {"new-career", "new career", NULL},       {"career-change", "career change", NULL},
    {"job-change", "job change", NULL},       {"employer-change", "employer change", NULL},
    {"school", "school or training", NULL},   {"graduating", "graduating", NULL},
};
const struct rp_choices rp_move_kinds = {move_kinds, RP_ARRAY_LEN(move_kinds)};

/* ---- sections ---- */

const char *const rp_ws_section_names[WS_SECTION_COUNT] = {"superpower", "problem", "skill",
                                                           "gap", "option"};

#define ITEM_COLS                                                                          \
  "id, section, title, text1, text2, kind, n1, n2, n3, flag, ref, created_at, updated_at, " \
  "(SELECT contact_id FROM gap_answer WHERE gap_id = ws_item.id), "                        \
  "(SELECT day FROM gap_answer WHERE gap_id = ws_item.id), "                               \
  "(SELECT c.name FROM gap_answer a JOIN contact c ON c.id = a.contact_id "                 \
  "WHERE a.gap_id = ws_item.id)"
#define LIST_SQL(order) "SELECT " ITEM_COLS " FROM ws_item WHERE section = ?1 ORDER BY " order

/* What differs between sections: the list order, how messages name an
 * entry and its title, and what each number means (NULL = must be 0). */
static const struct section_rules {
  const char *list_sql;
  const char *a_name;     /* "a superpower", for messages */
  const char *title_name; /* what the title is called: "title", "name", "question" */
  const char *num[3];     /* meaning of n1..n3 */
  bool num_required;      /* 1–5 required (skills); else 0 = not scored */
} rules[WS_SECTION_COUNT] = {
    [WS_SUPERPOWER] = {LIST_SQL("position, id"), "a superpower", "title", {NULL, NULL, NULL}, false},
    [WS_PROBLEM] = {LIST_SQL("position, id"), "a problem", "title", {NULL, NULL, NULL}, false},
    [WS_SKILL] = {LIST_SQL("rp_fold(title), title, id"), "a skill", "name",
                  {"proficiency", "enjoyment", NULL}, true},
    [WS_GAP] = {LIST_SQL("flag, position, id"), "an information gap", "question",
                {NULL, NULL, NULL}, false},
    [WS_OPTION] = {LIST_SQL("n1 + n2 + n3 DESC, position, id"), "an option", "title",
                   {"the skills score", "the value score", "the learning score"}, false},
};

/* The section called `name` (case-insensitive; a plural such as "skills"
 * is accepted too), or -1. */
int ws_section_by_name(const char *name) {
  if (!name) return -1;
  size_t n = strlen(name);
  for (int i = 0; i < WS_SECTION_COUNT; i++) {
    const char *s = rp_ws_section_names[i];
    size_t k = strlen(s);
    if (str_ieq(name, s)) return i;
    if (n == k + 1 && (name[k] == 's' || name[k] == 'S') && strncasecmp(name, s, k) == 0) return i;
  }
  return -1;
}

static bool section_ok(enum rp_ws_section s) { return (unsigned)s < WS_SECTION_COUNT; }

/* ---- small text helpers ---- */


/* True when s is NULL, empty or only whitespace. */
static bool blank(const char *s) {
  for (; s && *s; s++)
    if (!str_is_space(*s)) return false;
  return true;
}


/* Is the (untrimmed) kind "hard" or "soft" in any case? Returns the stored
 * spelling or NULL. */
static const char *kind_value(const char *kind) {
  if (!kind) return NULL;
  char *k = xstrdup(kind);
  str_trim_null(&k);
  const char *v = str_ieq(k, "hard") ? "hard" : str_ieq(k, "soft") ? "soft" : NULL;
  free(k);
  return v;
}

/* ---- single texts ---- */

static enum rp_status check_text_key(const char *key, struct rp_err *err) {
  static const char *const keys[] = {"want", "pitch", "move"};
  for (size_t i = 0; key && i < RP_ARRAY_LEN(keys); i++)
    if (strcmp(key, keys[i]) == 0) return RP_OK;
  char b[128];
  return rp_err_field(err, RP_INVALID, "key", "unknown worksheet text '%s'; allowed: want, pitch, move",
                      str_clip(key, b, sizeof b));
}

/* See worksheet.h: *out is NULL or a new string the caller frees. */
enum rp_status ws_text_get(struct rp_db *db, const char *key, char **out, struct rp_err *err) {
  *out = NULL;
  enum rp_status s = check_text_key(key, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st;
  if ((s = db_prepare(db, "SELECT value FROM ws_text WHERE key = ?1", &st, err)) != RP_OK) return s;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *out = db_col_text(st, 0);
  else if (rc != SQLITE_DONE) s = db_fail(db, err, "read worksheet");
  sqlite3_finalize(st);
  return s;
}

/* See worksheet.h. The value is trimmed; only whitespace clears it. One
 * transaction; the caller keeps ownership of value. */
enum rp_status ws_text_set(struct rp_db *db, const char *key, const char *value,
                           struct rp_err *err) {
  rp_err_clear(err);
  enum rp_status s = check_text_key(key, err);
  if (s != RP_OK) return s;
  char *v = xstrdup(value);
  str_trim_null(&v);
  if (v && strcmp(key, "move") == 0) {
    const struct rp_choice *ch = NULL;
    for (size_t i = 0; !ch && i < rp_move_kinds.n; i++)
      if (str_ieq(v, rp_move_kinds.v[i].key) || str_ieq(v, rp_move_kinds.v[i].label))
        ch = &rp_move_kinds.v[i];
    if (!ch) {
      char b[128];
      char *allowed = choices_list(&rp_move_kinds);
      rp_err_field(err, RP_INVALID, "move", "kind of move '%s' is not one of: %s",
                   str_clip(v, b, sizeof b), allowed);
      free(allowed);
      free(v);
      return RP_INVALID;
    }
    str_replace(&v, ch->key);
  }
  sqlite3_stmt *st = NULL;
  s = db_begin(db, err);
  /* an upsert, not INSERT OR REPLACE: a replace deletes the old row
   * without firing delete triggers, so undo (undo.h) would not see it */
  if (s == RP_OK)
    s = db_prepare(db,
                   v ? "INSERT INTO ws_text (key, value, updated_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
                     : "DELETE FROM ws_text WHERE key = ?1",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (v) {
      sqlite3_bind_text(st, 2, v, -1, SQLITE_STATIC);
      sqlite3_bind_int64(st, 3, db_now());
    }
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save worksheet");
  }
  sqlite3_finalize(st);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  free(v);
  return s;
}

/* ---- items ---- */

/* Zero it and set its section; nothing to free yet. */
void ws_item_init(struct rp_ws_item *it, enum rp_ws_section section) {
  memset(it, 0, sizeof *it);
  it->section = section;
}

/* Free the strings; it is left zeroed, keeping its section. */
void ws_item_free(struct rp_ws_item *it) {
  enum rp_ws_section section = it->section;
  free(it->title);
  free(it->text1);
  free(it->text2);
  free(it->kind);
  free(it->answered_by_name);
  free(it->answered_on);
  ws_item_init(it, section);
}

/* Free every item and the array; l is left empty. */
void ws_list_free(struct rp_ws_list *l) {
  for (size_t i = 0; i < l->n; i++) ws_item_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* See worksheet.h. Reads it without changing it (untrimmed text is judged
 * as it would be stored). */
enum rp_status ws_item_validate(const struct rp_ws_item *it, struct rp_err *err) {
  rp_err_clear(err);
  if (!section_ok(it->section))
    return rp_err_field(err, RP_INVALID, "section",
                        "unknown section; allowed: superpower, problem, skill, gap, option");
  const struct section_rules *r = &rules[it->section];
  if (blank(it->title))
    return rp_err_field(err, RP_INVALID, "title", "%s needs a %s", r->a_name, r->title_name);
  if (it->section == WS_SKILL && !kind_value(it->kind)) {
    char b[128];
    if (blank(it->kind)) return rp_err_field(err, RP_INVALID, "kind", "kind must be hard or soft");
    return rp_err_field(err, RP_INVALID, "kind", "kind must be hard or soft, not '%s'",
                        str_clip(it->kind, b, sizeof b));
  }
  const int n[3] = {it->n1, it->n2, it->n3};
  static const char *const fields[3] = {"n1", "n2", "n3"};
  for (int i = 0; i < 3; i++) {
    const char *what = r->num[i];
    if (!what && n[i] != 0)
      return rp_err_field(err, RP_INVALID, fields[i], "%s has no score %s (it must be 0, not %d)",
                          r->a_name, fields[i], n[i]);
    if (!what) continue;
    if (r->num_required && (n[i] < 1 || n[i] > 5))
      return rp_err_field(err, RP_INVALID, fields[i], "%s must be from 1 to 5, not %d", what, n[i]);
    if (!r->num_required && (n[i] < 0 || n[i] > 5))
      return rp_err_field(err, RP_INVALID, fields[i],
                          "%s must be from 1 to 5 (or 0 for not scored), not %d", what, n[i]);
  }
  return RP_OK;
}

/* Trim the texts (empty → NULL), store the kind as "hard"/"soft", and
 * clear what the section does not use. */
static void normalize(struct rp_ws_item *it) {
  str_trim_null(&it->title);
  str_trim_null(&it->text1);
  str_trim_null(&it->text2);
  str_trim_null(&it->kind);
  if (it->section == WS_SKILL && kind_value(it->kind)) str_replace(&it->kind, kind_value(it->kind));
  if (it->section != WS_SKILL) str_replace(&it->kind, NULL);
  if (it->section != WS_PROBLEM) str_replace(&it->text2, NULL);
  if (it->section != WS_SKILL && it->section != WS_GAP) it->flag = false;
  if (it->section != WS_GAP) it->ref = 0;
}

/* Fill the zeroed it from the current row of an ITEM_COLS query. */
static void read_row(sqlite3_stmt *st, struct rp_ws_item *it) {
  int sec = ws_section_by_name((const char *)sqlite3_column_text(st, 1));
  ws_item_init(it, sec < 0 ? WS_SUPERPOWER : (enum rp_ws_section)sec);
  it->id = sqlite3_column_int64(st, 0);
  it->title = db_col_text(st, 2);
  it->text1 = db_col_text(st, 3);
  it->text2 = db_col_text(st, 4);
  it->kind = db_col_text(st, 5);
  it->n1 = sqlite3_column_int(st, 6);
  it->n2 = sqlite3_column_int(st, 7);
  it->n3 = sqlite3_column_int(st, 8);
  it->flag = sqlite3_column_int(st, 9) != 0;
  it->ref = sqlite3_column_int64(st, 10);
  it->created_at = sqlite3_column_int64(st, 11);
  it->updated_at = sqlite3_column_int64(st, 12);
  it->answered_by = sqlite3_column_int64(st, 13);
  it->answered_on = db_col_text(st, 14);
  it->answered_by_name = db_col_text(st, 15);
}

static void read_one(sqlite3_stmt *st, void *elem) { read_row(st, elem); }

static enum rp_status no_entry(int64_t id, struct rp_err *err) {
  return rp_err_set(err, RP_NO, "no worksheet entry with id %lld", (long long)id);
}

/* See worksheet.h: one entry into it (caller frees with ws_item_free);
 * RP_NO when there is none, and it is left zeroed on any failure. */
enum rp_status ws_item_get(struct rp_db *db, int64_t id, struct rp_ws_item *it,
                           struct rp_err *err) {
  ws_item_init(it, WS_SUPERPOWER);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT " ITEM_COLS " FROM ws_item WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) read_row(st, it);
  else if (rc == SQLITE_DONE) s = no_entry(id, err);
  else s = db_fail(db, err, "read worksheet entry");
  sqlite3_finalize(st);
  return s;
}

/* See worksheet.h: out receives a new array (caller frees with
 * ws_list_free); empty on failure. */
enum rp_status ws_item_list(struct rp_db *db, enum rp_ws_section section, struct rp_ws_list *out,
                            struct rp_err *err) {
  memset(out, 0, sizeof *out);
  if (!section_ok(section)) return rp_err_set(err, RP_INVALID, "unknown worksheet section");
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, rules[section].list_sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, rp_ws_section_names[section], -1, SQLITE_STATIC);
  s = db_collect(db, st, sizeof *out->v, read_one, (void **)&out->v, &out->n, "read worksheet",
                 err);
  if (s != RP_OK) ws_list_free(out);
  return s;
}

/* Bind the stored fields as ?1…?10 in the order of the INSERT and UPDATE
 * below. */
static void bind_item(sqlite3_stmt *st, const struct rp_ws_item *it) {
  sqlite3_bind_text(st, 1, rp_ws_section_names[it->section], -1, SQLITE_STATIC);
  db_bind_text(st, 2, it->title);
  db_bind_text(st, 3, it->text1);
  db_bind_text(st, 4, it->text2);
  db_bind_text(st, 5, it->kind);
  sqlite3_bind_int(st, 6, it->n1);
  sqlite3_bind_int(st, 7, it->n2);
  sqlite3_bind_int(st, 8, it->n3);
  sqlite3_bind_int(st, 9, it->flag ? 1 : 0);
  if (it->ref > 0) sqlite3_bind_int64(st, 10, it->ref);
  else sqlite3_bind_null(st, 10);
}

/* For an update: RP_NO when id is unknown, RP_INVALID when it belongs to
 * another section. */
static enum rp_status check_stored_section(struct rp_db *db, const struct rp_ws_item *it,
                                           struct rp_err *err) {
  struct rp_ws_item cur;
  ws_item_init(&cur, it->section);
  enum rp_status s = ws_item_get(db, it->id, &cur, err);
  if (s == RP_OK && cur.section != it->section)
    s = rp_err_field(err, RP_INVALID, "section", "entry %lld is %s, not %s", (long long)it->id,
                     rules[cur.section].a_name, rules[it->section].a_name);
  ws_item_free(&cur);
  return s;
}

/* In the caller's transaction: a gap marked open loses where its answer
 * came from; one marked answered keeps it, or gets today (nobody named). */
static enum rp_status keep_answer_source(struct rp_db *db, const struct rp_ws_item *it,
                                         struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                it->flag ? "INSERT OR IGNORE INTO gap_answer (gap_id, day) "
                                           "VALUES (?1, date(?2, 'unixepoch', 'localtime'))"
                                         : "DELETE FROM gap_answer WHERE gap_id = ?1",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, it->id);
  if (it->flag) sqlite3_bind_int64(st, 2, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save the answer's source");
  sqlite3_finalize(st);
  return s;
}

/* Insert or update it in one transaction, then re-read it from the
 * journal (id, times). */
static enum rp_status write_item(struct rp_db *db, struct rp_ws_item *it, bool insert,
                                 struct rp_err *err) {
  normalize(it);
  enum rp_status s = ws_item_validate(it, err);
  if (s != RP_OK) return s;
  if ((s = db_begin(db, err)) != RP_OK) return s;
  if (!insert) s = check_stored_section(db, it, err);
  sqlite3_stmt *st = NULL;
  if (s == RP_OK)
    s = db_prepare(db,
                   insert ? "INSERT INTO ws_item (section, title, text1, text2, kind, n1, n2, n3, "
                            "flag, ref, position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                            "?5, ?6, ?7, ?8, ?9, ?10, (SELECT coalesce(max(position), 0) + 1 FROM "
                            "ws_item WHERE section = ?1), ?11, ?11)"
                          : "UPDATE ws_item SET title = ?2, text1 = ?3, text2 = ?4, kind = ?5, "
                            "n1 = ?6, n2 = ?7, n3 = ?8, flag = ?9, ref = ?10, updated_at = ?11 "
                            "WHERE id = ?12 AND section = ?1",
                   &st, err);
  if (s == RP_OK) {
    bind_item(st, it);
    sqlite3_bind_int64(st, 11, db_now());
    if (!insert) sqlite3_bind_int64(st, 12, it->id);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save worksheet entry");
  }
  sqlite3_finalize(st);
  if (s == RP_OK && insert) it->id = sqlite3_last_insert_rowid(db_handle(db));
  if (s == RP_OK && it->section == WS_GAP) s = keep_answer_source(db, it, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) {
    if (insert) it->id = 0;
    return s;
  }
  struct rp_ws_item fresh;
  ws_item_init(&fresh, it->section);
  if (ws_item_get(db, it->id, &fresh, NULL) == RP_OK) {
    ws_item_free(it);
    *it = fresh;
  }
  return RP_OK;
}

/* See worksheet.h. Normalises it in place (trimmed texts, kind in lower
 * case, unused fields cleared); on success it is refreshed from the journal
 * (id, times); on failure it->id is 0 and nothing is written. */
enum rp_status ws_item_insert(struct rp_db *db, struct rp_ws_item *it, struct rp_err *err) {
  it->id = 0;
  return write_item(db, it, true, err);
}

/* See worksheet.h. Every field of it->id is written; its section must be
 * the stored one. RP_NO for an unknown id. On success it is refreshed. */
enum rp_status ws_item_update(struct rp_db *db, struct rp_ws_item *it, struct rp_err *err) {
  if (it->id <= 0) return no_entry(it->id, err);
  return write_item(db, it, false, err);
}

/* See worksheet.h: a hard delete in one transaction; RP_NO when missing. */
enum rp_status ws_item_delete(struct rp_db *db, int64_t id, struct rp_err *err) {
  bool changed;
  enum rp_status s = db_exec_id(db, "DELETE FROM ws_item WHERE id = ?1", id,
                                "delete worksheet entry", &changed, err);
  if (s == RP_OK && !changed) return no_entry(id, err);
  return s;
}

/* ---- answers to information gaps ---- */

/* See worksheet.h. The conversation's contact and day are read in the same
 * transaction as the write. */
enum rp_status ws_gap_answer(struct rp_db *db, int64_t gap_id, const char *answer,
                             int64_t conversation_id, int64_t contact_id, struct rp_err *err) {
  rp_err_clear(err);
  char *text = xstrdup(answer);
  str_trim_null(&text);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) {
    free(text);
    return s;
  }
  struct rp_ws_item gap;
  s = ws_item_get(db, gap_id, &gap, err);
  if (s == RP_OK && gap.section != WS_GAP)
    s = rp_err_field(err, RP_INVALID, "section", "entry %lld is %s, not an information gap",
                     (long long)gap_id, rules[gap.section].a_name);
  ws_item_free(&gap);
  char *day = NULL;
  sqlite3_stmt *st = NULL;
  if (s == RP_OK && conversation_id) {
    s = db_prepare(db, "SELECT contact_id, coalesce(started_at, 0) FROM conversation WHERE id = ?1",
                   &st, err);
    if (s == RP_OK) {
      sqlite3_bind_int64(st, 1, conversation_id);
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        contact_id = sqlite3_column_int64(st, 0);
        int64_t t = sqlite3_column_int64(st, 1);
        if (t) day = date_local(t, 0);
      } else if (rc == SQLITE_DONE) {
        s = rp_err_set(err, RP_NO, "no conversation with id %lld", (long long)conversation_id);
      } else {
        s = db_fail(db, err, "read conversation");
      }
    }
    sqlite3_finalize(st);
    st = NULL;
  }
  if (s == RP_OK && str_empty(day)) {
    free(day);
    day = date_local(db_now(), 0);
  }
  static const char *const sql[] = {
      "UPDATE ws_item SET flag = 1, text1 = coalesce(?2, text1), ref = ?3, updated_at = ?6 "
      "WHERE id = ?1",
      "INSERT OR REPLACE INTO gap_answer (gap_id, contact_id, day) VALUES (?1, ?4, ?5)",
  };
  for (size_t i = 0; s == RP_OK && i < RP_ARRAY_LEN(sql); i++) {
    s = db_prepare(db, sql[i], &st, err);
    if (s != RP_OK) break;
    sqlite3_bind_int64(st, 1, gap_id);
    db_bind_text(st, 2, text);
    if (conversation_id) sqlite3_bind_int64(st, 3, conversation_id);
    else sqlite3_bind_null(st, 3);
    if (contact_id) sqlite3_bind_int64(st, 4, contact_id);
    else sqlite3_bind_null(st, 4);
    db_bind_text(st, 5, day);
    sqlite3_bind_int64(st, 6, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save the answer");
    sqlite3_finalize(st);
    st = NULL;
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  free(day);
  free(text);
  return s;
}

/* See worksheet.h: out receives a new array; empty on failure. */
enum rp_status ws_gaps_answered_in(struct rp_db *db, int64_t conversation_id,
                                   struct rp_ws_list *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT " ITEM_COLS " FROM ws_item WHERE section = 'gap' AND "
                                "flag = 1 AND ref = ?1 ORDER BY position, id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, conversation_id);
  s = db_collect(db, st, sizeof *out->v, read_one, (void **)&out->v, &out->n, "read worksheet",
                 err);
  if (s != RP_OK) ws_list_free(out);
  return s;
}

/* See worksheet.h. */
char *ws_gap_source(const struct rp_ws_item *gap) {
  if (gap->section != WS_GAP || !gap->flag) return NULL;
  bool who = !str_empty(gap->answered_by_name), when = !str_empty(gap->answered_on);
  if (who && when) return xasprintf("%s, %s", gap->answered_by_name, gap->answered_on);
  if (who || when) return xstrdup(who ? gap->answered_by_name : gap->answered_on);
  return NULL;
}
