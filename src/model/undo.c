/* undo.c — see rapport/undo.h. The recording triggers made from the
 * schema, the open step of this connection (a one-row TEMP table the
 * triggers read), and the replay of a step in one transaction. */
#include "model/db_sql.h"
#include "rapport/undo.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- what is recorded ---- */

/* Tables that are not the user's data: caches and derived tables the
 * journal rebuilds by itself (cadence state, the Contacts filter's
 * haystacks), the journal's id, recovery copies of text being typed, and
 * the undo log itself. Virtual tables (the search indexes) and their shadow
 * tables are left out by rule (is_virtual_or_shadow). A table added by a
 * migration is recorded unless it is named here. */
static const char *const skip_names[] = {
    "cadence_state", "cadence_config", "contact_filter_hay", "contact_filter_stale",
    "meta",          "recovery",           "sync_item",
    "search_queue", /* always empty: its trigger indexes what comes in */
};
static const char *const skip_prefixes[] = {"sqlite_", "undo_"};

/* The open step of this connection: depth of nested undo_begin calls
 * (0 = no step), the step's row once something was recorded, its label and
 * time, the kind of step being made (0 = undoable, 1 = redoable: made while
 * undoing), replay (1 while undo_last/redo_last run: the redo steps stay)
 * and the cap. */
static const char setup_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS undo_cur (\n"
    "  depth INTEGER NOT NULL, step INTEGER, label TEXT, state INTEGER NOT NULL,\n"
    "  replay INTEGER NOT NULL, made_at INTEGER, cap INTEGER NOT NULL);\n"
    "DELETE FROM temp.undo_cur;\n"
    "INSERT INTO temp.undo_cur (depth, state, replay, cap) VALUES (0, 0, 0, 200);\n"
    /* a step is written when its first change is: it takes the row, a new
     * user step clears the redo steps, and each kind keeps `cap` steps */
    "CREATE TEMP TRIGGER IF NOT EXISTS undo_step_made AFTER INSERT ON main.undo_step BEGIN\n"
    "  UPDATE undo_cur SET step = NEW.id;\n"
    "  DELETE FROM undo_step WHERE NEW.state = 0 AND state = 1\n"
    "    AND (SELECT replay FROM undo_cur) = 0;\n"
    "  DELETE FROM undo_step WHERE state = NEW.state AND id NOT IN (SELECT id FROM undo_step\n"
    "    WHERE state = NEW.state ORDER BY id DESC LIMIT (SELECT cap FROM undo_cur));\n"
    "END;\n";

/* The statement every recording trigger starts with: the step's row, made
 * by the first change of the step. */
#define OPEN_STEP                                                                             \
  "  INSERT INTO undo_step (state, label, made_at) SELECT state, coalesce(label, 'change'),\n" \
  "    coalesce(made_at, 0) FROM undo_cur WHERE step IS NULL;\n"

/* A table's columns as the triggers need them. */
struct table {
  const char *name;
  struct rp_strv cols; /* every stored column, in order */
  struct rp_strv keys; /* the primary key's columns, or "rowid" */
  bool rowid_extra;    /* no declared key: the rowid is kept on re-insert */
};

static bool skipped(const char *name) {
  for (size_t i = 0; i < RP_ARRAY_LEN(skip_names); i++)
    if (strcmp(name, skip_names[i]) == 0) return true;
  for (size_t i = 0; i < RP_ARRAY_LEN(skip_prefixes); i++)
    if (strncmp(name, skip_prefixes[i], strlen(skip_prefixes[i])) == 0) return true;
  return false;
}

/* A virtual table, or a shadow table of one (its name + "_…"). */
static bool is_virtual_or_shadow(const char *name, const struct rp_strv *virtuals) {
  for (size_t i = 0; i < virtuals->n; i++) {
    size_t n = strlen(virtuals->v[i]);
    if (strcmp(name, virtuals->v[i]) == 0) return true;
    if (strncmp(name, virtuals->v[i], n) == 0 && name[n] == '_') return true;
  }
  return false;
}

/* An identifier quoted for SQL ("x", with " doubled), and escaped again
 * for a place inside a string literal (' doubled) when `in_literal`. */
static void add_ident(struct rp_buf *b, const char *name, bool in_literal) {
  buf_addc(b, '"');
  for (const char *p = name; *p; p++) {
    if (*p == '"') buf_addc(b, '"');
    if (*p == '\'' && in_literal) buf_addc(b, '\'');
    buf_addc(b, *p);
  }
  buf_addc(b, '"');
}

/* "rowid" is the key of a table without a declared one; it is no column. */
static void add_ref(struct rp_buf *b, const char *row, const char *col) {
  buf_addf(b, "%s.", row);
  if (strcmp(col, "rowid") == 0) buf_adds(b, "rowid");
  else add_ident(b, col, false);
}

static void add_col_in_literal(struct rp_buf *b, const char *col) {
  if (strcmp(col, "rowid") == 0) buf_adds(b, "rowid");
  else add_ident(b, col, true);
}

/* ' WHERE "k" IS '||quote(NEW."k")||' AND …' for the key columns. */
static void add_key_where(struct rp_buf *b, const struct table *t, const char *row) {
  for (size_t i = 0; i < t->keys.n; i++) {
    buf_adds(b, i ? "||' AND " : "||' WHERE ");
    add_col_in_literal(b, t->keys.v[i]);
    buf_adds(b, " IS '||quote(");
    add_ref(b, row, t->keys.v[i]);
    buf_adds(b, ")");
  }
}


/* For each column an update changed, SQL text that appends to the recorded
 * statement `sep` COLUMN `op` quote(SIDE.COLUMN): the SET list (",", "=",
 * the old values) or the check that the row still holds what the update
 * wrote (" AND ", " IS ", the new values). */
static void add_changed(struct rp_buf *b, const struct table *t, const char *sep,
                        const char *op, const char *side) {
  for (size_t i = 0; i < t->cols.n; i++) {
    buf_adds(b, "||CASE WHEN ");
    add_ref(b, "OLD", t->cols.v[i]);
    buf_adds(b, " IS NOT ");
    add_ref(b, "NEW", t->cols.v[i]);
    buf_addf(b, " THEN '%s", sep);
    add_col_in_literal(b, t->cols.v[i]);
    buf_addf(b, "%s'||quote(", op);
    add_ref(b, side, t->cols.v[i]);
    buf_adds(b, ") ELSE '' END");
  }
}
/* The three recording triggers of table t, appended to b. */
static void add_triggers(struct rp_buf *b, const struct table *t) {
  /* an insert is undone by deleting the row with its key */
  buf_adds(b, "CREATE TEMP TRIGGER ");
  add_ident(b, t->name, false);
  b->len--; /* the closing quote: the name goes on */
  buf_adds(b, "_undo_i\" AFTER INSERT ON main.");
  add_ident(b, t->name, false);
  buf_adds(b, " WHEN (SELECT depth FROM undo_cur) > 0 BEGIN\n" OPEN_STEP
              "  INSERT INTO undo_log (step_id, sql) SELECT step, 'DELETE FROM ");
  add_ident(b, t->name, true);
  buf_adds(b, "'");
  add_key_where(b, t, "NEW");
  buf_adds(b, " FROM undo_cur;\nEND;\n");

  /* an update: back the columns it changed, where they still hold what it
   * wrote */
  buf_adds(b, "CREATE TEMP TRIGGER ");
  add_ident(b, t->name, false);
  b->len--;
  buf_adds(b, "_undo_u\" AFTER UPDATE ON main.");
  add_ident(b, t->name, false);
  buf_adds(b, " WHEN (SELECT depth FROM undo_cur) > 0 AND (");
  for (size_t i = 0; i < t->cols.n; i++) {
    if (i) buf_adds(b, " OR ");
    add_ref(b, "OLD", t->cols.v[i]);
    buf_adds(b, " IS NOT ");
    add_ref(b, "NEW", t->cols.v[i]);
  }
  buf_adds(b, ") BEGIN\n" OPEN_STEP "  INSERT INTO undo_log (step_id, sql) SELECT step, 'UPDATE ");
  add_ident(b, t->name, true);
  buf_adds(b, " SET '||substr(''");
  add_changed(b, t, ",", "=", "OLD");
  buf_adds(b, ", 2)");
  add_key_where(b, t, "NEW");
  add_changed(b, t, " AND ", " IS ", "NEW");
  buf_adds(b, " FROM undo_cur;\nEND;\n");

  /* a delete: the whole row again */
  buf_adds(b, "CREATE TEMP TRIGGER ");
  add_ident(b, t->name, false);
  b->len--;
  buf_adds(b, "_undo_d\" AFTER DELETE ON main.");
  add_ident(b, t->name, false);
  buf_adds(b, " WHEN (SELECT depth FROM undo_cur) > 0 BEGIN\n" OPEN_STEP
              "  INSERT INTO undo_log (step_id, sql) SELECT step, 'INSERT INTO ");
  add_ident(b, t->name, true);
  buf_adds(b, " (");
  for (size_t i = 0; i < t->cols.n; i++) {
    if (i) buf_addc(b, ',');
    add_ident(b, t->cols.v[i], true);
  }
  if (t->rowid_extra) buf_adds(b, t->cols.n ? ",rowid" : "rowid");
  buf_adds(b, ") VALUES ('");
  for (size_t i = 0; i < t->cols.n; i++) {
    buf_adds(b, i ? "||','||quote(" : "||quote(");
    add_ref(b, "OLD", t->cols.v[i]);
    buf_adds(b, ")");
  }
  if (t->rowid_extra) buf_adds(b, t->cols.n ? "||','||OLD.rowid" : "||OLD.rowid");
  buf_adds(b, "||')' FROM undo_cur;\nEND;\n");
}

/* Read the columns and key of table t->name. */
static enum rp_status read_table(struct rp_db *db, struct table *t, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare(db, "SELECT name, pk, hidden FROM pragma_table_xinfo(?1, 'main') ORDER BY cid",
                 &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
  struct {
    int pk;
    char *name;
  } keys[16];
  size_t nkeys = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    int pk = sqlite3_column_int(st, 1), hidden = sqlite3_column_int(st, 2);
    if (!name || hidden) continue; /* generated columns cannot be written */
    strv_push(&t->cols, name);
    if (pk > 0 && nkeys < RP_ARRAY_LEN(keys)) {
      keys[nkeys].pk = pk;
      keys[nkeys++].name = xstrdup(name);
    }
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read the schema for undo");
  sqlite3_finalize(st);
  for (int want = 1; (size_t)want <= nkeys; want++)
    for (size_t i = 0; i < nkeys; i++)
      if (keys[i].pk == want) strv_push(&t->keys, keys[i].name);
  for (size_t i = 0; i < nkeys; i++) free(keys[i].name);
  if (t->keys.n == 0) {
    strv_push(&t->keys, "rowid");
    t->rowid_extra = true;
  }
  return s;
}

/* The cap undo_set_cap asked for before the triggers were made. */
static int pending_cap = UNDO_STEPS_DEFAULT;

/* See undo.h. Only temp_store is set here: the triggers are made when
 * they are first needed (ensure), so a connection that never makes a step
 * (a verb that only reads; a test that takes a journal back to an old
 * schema) carries none. temp_store must be set before any TEMP object
 * exists: changing it later (bulk.c sets MEMORY) drops them all. */
enum rp_status undo_install(struct rp_db *db, struct rp_err *err) {
  if (sqlite3_exec(db_handle(db), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(db, err, "set up undo");
  return RP_OK;
}

/* Make the open-step table and the recording triggers of this connection
 * from the schema, once. */
static enum rp_status make_triggers(struct rp_db *db, struct rp_err *err) {
  if (sqlite3_exec(db_handle(db), setup_sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(db, err, "set up undo");
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "UPDATE temp.undo_cur SET cap = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int(st, 1, pending_cap);
  sqlite3_step(st);
  sqlite3_finalize(st);
  s = db_prepare(db,
                                "SELECT name, sql LIKE 'CREATE VIRTUAL%' FROM main.sqlite_master "
                                "WHERE type = 'table' ORDER BY name",
                                &st, err);
  if (s != RP_OK) return s;
  struct rp_strv names = {0}, virtuals = {0};
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    if (!name) continue;
    if (sqlite3_column_int(st, 1)) strv_push(&virtuals, name);
    else strv_push(&names, name);
  }
  sqlite3_finalize(st);
  struct rp_buf sql = {0};
  for (size_t i = 0; i < names.n && s == RP_OK; i++) {
    if (skipped(names.v[i]) || is_virtual_or_shadow(names.v[i], &virtuals)) continue;
    struct table t = {.name = names.v[i]};
    s = read_table(db, &t, err);
    if (s == RP_OK) add_triggers(&sql, &t);
    strv_free(&t.cols);
    strv_free(&t.keys);
  }
  if (s == RP_OK && sql.len && sqlite3_exec(db_handle(db), sql.s, NULL, NULL, NULL) != SQLITE_OK)
    s = db_fail(db, err, "make the undo triggers");
  buf_free(&sql);
  strv_free(&names);
  strv_free(&virtuals);
  return s;
}

/* ---- the open step ---- */

/* The triggers, made on first use; false when they cannot be made. */
static bool ensure(struct rp_db *db, struct rp_err *err) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db_handle(db), "SELECT 1 FROM temp.undo_cur", -1, &st, NULL) ==
      SQLITE_OK) {
    sqlite3_finalize(st);
    return true;
  }
  sqlite3_finalize(st);
  return make_triggers(db, err) == RP_OK;
}

/* See undo.h. */
void undo_prepare(struct rp_db *db) { ensure(db, NULL); }

/* Run constant SQL with up to two bound values (an integer, a text). */
static enum rp_status run(struct rp_db *db, const char *sql, int64_t n, const char *text,
                          struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, sql, &st, err);
  if (s != RP_OK) return s;
  int params = sqlite3_bind_parameter_count(st);
  if (params >= 1) sqlite3_bind_int64(st, 1, n);
  if (params >= 2) sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "undo");
  sqlite3_finalize(st);
  return s;
}

/* See undo.h. */
void undo_set_cap(struct rp_db *db, int steps) {
  pending_cap = steps < 1 ? 1 : steps;
  sqlite3_stmt *st = NULL;
  bool made = sqlite3_prepare_v2(db_handle(db), "SELECT 1 FROM temp.undo_cur", -1, &st, NULL) ==
              SQLITE_OK;
  sqlite3_finalize(st);
  if (made) run(db, "UPDATE temp.undo_cur SET cap = ?1", steps < 1 ? 1 : steps, NULL, NULL);
}

/* See undo.h. */
void undo_begin(struct rp_db *db, const char *label) {
  if (!ensure(db, NULL)) return;
  run(db,
      "UPDATE temp.undo_cur SET label = CASE depth WHEN 0 THEN ?2 ELSE label END,\n"
      "  made_at = CASE depth WHEN 0 THEN ?1 ELSE made_at END,\n"
      "  step = CASE depth WHEN 0 THEN NULL ELSE step END, depth = depth + 1",
      db_now(), str_empty(label) ? "change" : label, NULL);
}

/* See undo.h. */
void undo_label(struct rp_db *db, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *label = xvasprintf(fmt, ap);
  va_end(ap);
  if (undo_open(db)) {
    run(db, "UPDATE temp.undo_cur SET label = ?2 WHERE depth > 0 AND ?1 = ?1", 0, label, NULL);
    run(db,
        "UPDATE main.undo_step SET label = ?2 WHERE ?1 = ?1 AND id = "
        "(SELECT step FROM temp.undo_cur WHERE depth > 0)",
        0, label, NULL);
  }
  free(label);
}

/* See undo.h. */
void undo_end(struct rp_db *db) {
  run(db,
      "UPDATE temp.undo_cur SET depth = depth - 1, step = CASE depth WHEN 1 THEN NULL ELSE step "
      "END WHERE depth > 0",
      0, NULL, NULL);
}

/* See undo.h. */
bool undo_open(struct rp_db *db) {
  sqlite3_stmt *st;
  if (!ensure(db, NULL) || db_prepare(db, "SELECT depth > 0 FROM temp.undo_cur", &st, NULL) != RP_OK) return false;
  bool open = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return open;
}

/* ---- undo and redo ---- */

/* The last step of `state` (0 = undoable, 1 = redoable): *id (0 when none)
 * and *label (caller frees; may be NULL to ignore). */
static enum rp_status last_step(struct rp_db *db, int state, int64_t *id, char **label,
                                struct rp_err *err) {
  *id = 0;
  if (label) *label = NULL;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(
      db, "SELECT id, label FROM main.undo_step WHERE state = ?1 ORDER BY id DESC LIMIT 1", &st,
      err);
  if (s != RP_OK) return s;
  sqlite3_bind_int(st, 1, state);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *id = sqlite3_column_int64(st, 0);
    if (label) *label = db_col_text(st, 1);
  } else if (rc != SQLITE_DONE) {
    s = db_fail(db, err, "read the undo log");
  }
  sqlite3_finalize(st);
  return s;
}

/* The statements of step `id`, last recorded first, into *sqls. */
static enum rp_status step_statements(struct rp_db *db, int64_t id, struct rp_strv *sqls,
                                      struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(
      db, "SELECT sql FROM main.undo_log WHERE step_id = ?1 ORDER BY rowid DESC", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *sql = (const char *)sqlite3_column_text(st, 0);
    strv_push(sqls, sql ? sql : "");
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read the undo log");
  sqlite3_finalize(st);
  return s;
}

/* Run one recorded statement: it must be one statement and change exactly
 * one row. RP_INVALID (with the reason in err) when it does not apply. */
static enum rp_status apply(struct rp_db *db, const char *sql, const char *what,
                            const char *label, struct rp_err *err) {
  sqlite3 *h = db_handle(db);
  sqlite3_stmt *st = NULL;
  const char *tail = NULL;
  char clip[128];
  int rc = sqlite3_prepare_v2(h, sql, -1, &st, &tail);
  if (rc != SQLITE_OK || !st || (tail && *tail)) {
    sqlite3_finalize(st);
    return rp_err_set(err, RP_INVALID,
                      "cannot %s \"%s\": the journal's tables changed since (it was recorded "
                      "by another version of rapport)",
                      what, str_clip(label, clip, sizeof clip));
  }
  rc = sqlite3_step(st);
  int changed = sqlite3_changes(h);
  sqlite3_finalize(st);
  int prim = rc & 0xff;
  if (rc == SQLITE_DONE && changed == 1) return RP_OK;
  if (rc == SQLITE_DONE || prim == SQLITE_CONSTRAINT)
    return rp_err_set(err, RP_INVALID,
                      "cannot %s \"%s\": what it changed was changed again since, outside "
                      "rapport's undo (nothing was changed now)",
                      what, str_clip(label, clip, sizeof clip));
  return db_fail(db, err, what);
}

/* Replay the last step of state `from` in one transaction, recording its
 * inverse as a step of the other state under the same label, then drop
 * it. The caller's open step, if any, is put aside and back. */
static enum rp_status replay(struct rp_db *db, int from, const char *what, char **label,
                             struct rp_err *err) {
  int64_t id;
  char *name = NULL;
  enum rp_status s = last_step(db, from, &id, &name, err);
  if (s != RP_OK) return s;
  if (!id) return rp_err_set(err, RP_NO, "nothing to %s", what);
  if (!ensure(db, err)) {
    free(name);
    return RP_EDB;
  }
  struct rp_strv sqls = {0};
  s = step_statements(db, id, &sqls, err);
  /* the caller's step: its row (-1 when none yet) and label */
  int64_t step = -1;
  char *old_label = NULL;
  if (s == RP_OK) {
    sqlite3_stmt *st;
    s = db_prepare(db, "SELECT coalesce(step, -1), label FROM temp.undo_cur", &st, err);
    if (s == RP_OK && sqlite3_step(st) == SQLITE_ROW) {
      step = sqlite3_column_int64(st, 0);
      old_label = db_col_text(st, 1);
    }
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = db_begin(db, err);
  if (s == RP_OK) {
    /* rows come back in any order: foreign keys are checked at the end */
    if (sqlite3_exec(db_handle(db), "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) !=
        SQLITE_OK)
      s = db_fail(db, err, what);
    if (s == RP_OK)
      s = run(db,
              "UPDATE temp.undo_cur SET depth = depth + 1, step = NULL, label = ?2, "
              "state = 1 - ?1, replay = 1, made_at = strftime('%s', 'now')",
              from, name, err);
    for (size_t i = 0; i < sqls.n && s == RP_OK; i++) s = apply(db, sqls.v[i], what, name, err);
    if (s == RP_OK) s = run(db, "DELETE FROM main.undo_step WHERE id = ?1", id, NULL, err);
    if (s == RP_OK)
      s = run(db,
              "UPDATE temp.undo_cur SET depth = depth - 1, step = nullif(?1, -1), label = ?2, "
              "state = 0, replay = 0",
              step, old_label, err);
    if (s == RP_OK) s = db_commit(db, err);
    else db_rollback(db);
  }
  free(old_label);
  strv_free(&sqls);
  if (s == RP_OK && label) *label = name;
  else free(name);
  return s;
}

/* See undo.h. */
enum rp_status undo_last(struct rp_db *db, char **label, struct rp_err *err) {
  if (label) *label = NULL;
  return replay(db, 0, "undo", label, err);
}

/* See undo.h. */
enum rp_status redo_last(struct rp_db *db, char **label, struct rp_err *err) {
  if (label) *label = NULL;
  return replay(db, 1, "redo", label, err);
}

/* See undo.h. */
enum rp_status undo_peek(struct rp_db *db, char **undo, char **redo, struct rp_err *err) {
  int64_t id;
  enum rp_status s = RP_OK;
  if (undo) s = last_step(db, 0, &id, undo, err);
  if (s == RP_OK && redo) s = last_step(db, 1, &id, redo, err);
  return s;
}
