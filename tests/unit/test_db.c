/* test_db.c — opening the journal: private files, migrations, refusing
 * damaged/foreign/newer files without touching them, transactions. */
#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>

#include "check.h"
#include "model/db_sql.h"
#include "rapport/paths.h"

static char *path_in(const char *name) { return xasprintf("%s/%s", check_tmpdir(), name); }

static int mode_of(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  return (int)(st.st_mode & 07777);
}

static bool exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static void write_bytes(const char *path, const char *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    exit(2);
  }
  if (n) fwrite(data, 1, n, f);
  fclose(f);
}

static int64_t pragma_int(struct rp_db *db, const char *sql) {
  sqlite3_stmt *st;
  int64_t v = -1;
  if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static void exec_ok(struct rp_db *db, const char *sql) {
  char *msg = NULL;
  int rc = sqlite3_exec(db_handle(db), sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK) fprintf(stderr, "exec %s: %s\n", sql, msg ? msg : "?");
  CHECK(rc == SQLITE_OK);
  sqlite3_free(msg);
}

/* A file that db_open must refuse: RP_EDB with `expected` (after the path)
 * and the bytes exactly as they were, with no -wal/-shm left behind. */
static void check_refused(const char *path, const char *expected_tail) {
  char *before = NULL, *after = NULL;
  size_t nb = 0, na = 0;
  struct rp_err err;
  CHECK(paths_read_file(path, &before, &nb, &err) == RP_OK);
  int mode = mode_of(path);
  struct rp_db *db = (struct rp_db *)1;
  CHECK_INT(db_open(path, &db, &err), RP_EDB);
  CHECK(db == NULL);
  char *want = xasprintf("%s: %s", path, expected_tail);
  CHECK_STR(err.msg, want);
  CHECK(paths_read_file(path, &after, &na, &err) == RP_OK);
  CHECK_INT(na, nb);
  CHECK(na == nb && memcmp(before, after, na) == 0);
  CHECK_INT(mode_of(path), mode);
  char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
  CHECK(!exists(wal));
  CHECK(!exists(shm));
  free(wal);
  free(shm);
  free(want);
  free(before);
  free(after);
}

static void test_new_file_private(void) {
  mode_t old = umask(0);
  char *dir = path_in("new/deeper");
  char *path = path_in("new/deeper/journal.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK(db != NULL);
  /* SQLite was set up by the first open (sqlite_setup): no memory
   * statistics, so none is counted */
  CHECK_INT(sqlite3_memory_used(), 0);
  CHECK_INT(mode_of(path), 0600);
  CHECK_INT(mode_of(dir), 0700);
  char *parent = path_in("new");
  CHECK_INT(mode_of(parent), 0700);
  CHECK_STR(db_path(db), path);
  CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
  CHECK_INT(pragma_int(db, "PRAGMA foreign_keys"), 1);
  CHECK_INT(pragma_int(db, "PRAGMA synchronous"), 2); /* FULL */
  CHECK(pragma_int(db, "PRAGMA busy_timeout") >= 1000);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'contact'"), 1);
  /* WAL mode and its side files are private too */
  sqlite3_stmt *st;
  CHECK(sqlite3_prepare_v2(db_handle(db), "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK);
  CHECK(sqlite3_step(st) == SQLITE_ROW);
  CHECK_STR((const char *)sqlite3_column_text(st, 0), "wal");
  sqlite3_finalize(st);
  exec_ok(db, "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
              "VALUES ('x', 'cold', 's', 1, 1)");
  char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
  CHECK_INT(mode_of(wal), 0600);
  CHECK_INT(mode_of(shm), 0600);
  db_close(db);
  free(wal);
  free(shm);
  free(parent);
  free(dir);
  free(path);
  umask(old);
}

static void test_empty_file_and_reopen(void) {
  mode_t old = umask(0);
  char *path = path_in("empty.db");
  write_bytes(path, NULL, 0);
  chmod(path, 0644);
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK_INT(mode_of(path), 0600);
  CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
  CHECK_INT(pragma_int(db, "PRAGMA application_id"), 0x72617070);
  exec_ok(db, "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
              "VALUES ('kept', 'warm', 's', 1, 1)");
  int64_t schema = pragma_int(db, "PRAGMA schema_version");
  db_close(db);

  /* reopening runs no migration: same schema cookie, data intact */
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  if (db) {
    CHECK_INT(pragma_int(db, "PRAGMA schema_version"), schema);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE name = 'kept'"), 1);
    CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
    /* a second connection at the same time (another rapport, the CLI) */
    struct rp_db *db2 = NULL;
    CHECK_INT(db_open(path, &db2, &err), RP_OK);
    db_close(db2);
    db_close(db);
  }
  free(path);
  umask(old);
}

/* The tables and indexes migration 4 creates. */
#define V4_OBJECTS                                                                     \
  "('conversation', 'question', 'note', 'followup', 'conversation_contact', "          \
  "'question_conversation', 'note_conversation', 'followup_due', 'followup_contact')"

/* The tables and indexes of schema 5, in sqlite_master. */
static const char *const v5_objects[] = {
    "contact",         "contact_tag",          "contact_name",       "contact_updated",
    "contact_stage",   "contact_introduced_by", "contact_deleted",   "contact_tag_tag",
    "ws_text",         "ws_item",              "ws_item_section",    "give",
    "give_contact",    "ready_check",          "conversation",       "conversation_contact",
    "question",        "question_conversation", "note",              "note_conversation",
    "followup",        "followup_due",         "followup_contact",   "outcome",
    "outcome_contact",
};

/* The names of sqlite_master rows matching `where` that are not schema 5
 * objects (nor SQLite's own). */
static void extra_objects(struct rp_db *db, const char *where, struct rp_strv *out) {
  char *sql = xasprintf("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%%' AND %s",
                        where);
  sqlite3_stmt *st;
  CHECK(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    bool known = false;
    for (size_t i = 0; i < RP_ARRAY_LEN(v5_objects); i++) known |= strcmp(name, v5_objects[i]) == 0;
    if (!known) strv_push(out, name);
  }
  sqlite3_finalize(st);
  free(sql);
}

/* Turn a current journal back into schema 6 by undoing migration 7 (the
 * contact's known_since column). */
static void downgrade_to_v6(struct rp_db *db) {
  exec_ok(db, "ALTER TABLE contact DROP COLUMN known_since; PRAGMA user_version = 6");
  exec_ok(db, CHECK_UNDO_MIGRATION_16);
}

/* Undo what the migrations after 5 added (the known_since column, then
 * triggers, virtual tables with their shadow tables, tables, indexes),
 * without naming the objects here. */
static void downgrade_to_v5(struct rp_db *db) {
  downgrade_to_v6(db);
  static const char *const kinds[][2] = {
      {"type = 'trigger'", "TRIGGER"},
      {"type = 'view'", "VIEW"},
      {"type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'", "TABLE"},
      {"type = 'table'", "TABLE"},
      {"type = 'index'", "INDEX"},
  };
  for (size_t k = 0; k < RP_ARRAY_LEN(kinds); k++) {
    struct rp_strv names = {0};
    extra_objects(db, kinds[k][0], &names);
    for (size_t i = 0; i < names.n; i++) {
      char *sql = xasprintf("DROP %s IF EXISTS \"%s\"", kinds[k][1], names.v[i]);
      exec_ok(db, sql);
      free(sql);
    }
    strv_free(&names);
  }
  exec_ok(db, "PRAGMA user_version = 5");
}

/* The follow-up table of schema 4, as migration 4 made it. */
#define V4_FOLLOWUP                                                              \
  "CREATE TABLE followup (\n"                                                    \
  "  id INTEGER PRIMARY KEY,\n"                                                  \
  "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"    \
  "  conversation_id INTEGER REFERENCES conversation(id) ON DELETE SET NULL,\n"  \
  "  kind TEXT NOT NULL CHECK (kind IN ('thank-you', 'check-in', 'success')),\n" \
  "  due TEXT NOT NULL\n"                                                        \
  "    CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n"         \
  "  medium TEXT NOT NULL CHECK (length(medium) > 0),\n"                         \
  "  draft TEXT,\n"                                                              \
  "  status TEXT NOT NULL DEFAULT 'open'\n"                                      \
  "    CHECK (status IN ('open', 'sent', 'skipped')),\n"                         \
  "  done_at INTEGER,\n"                                                         \
  "  created_at INTEGER NOT NULL,\n"                                             \
  "  updated_at INTEGER NOT NULL\n"                                              \
  ");\n"                                                                         \
  "CREATE INDEX followup_due ON followup(status, due);\n"                        \
  "CREATE INDEX followup_contact ON followup(contact_id);\n"

/* Turn a current journal back into schema 4 by undoing migration 5 (and
 * any later ones); the follow-ups are dropped. */
static void downgrade_to_v4(struct rp_db *db) {
  downgrade_to_v5(db);
  exec_ok(db, "DROP TABLE followup; DROP TABLE outcome_contact; DROP TABLE outcome; "
              "ALTER TABLE contact DROP COLUMN cadence_days; " V4_FOLLOWUP
              "PRAGMA user_version = 4");
}

/* Turn a current journal back into schema 3 by undoing migration 4. */
static void downgrade_to_v3(struct rp_db *db) {
  downgrade_to_v4(db);
  exec_ok(db, "DROP TABLE followup; DROP TABLE note; DROP TABLE question; "
              "DROP TABLE conversation; PRAGMA user_version = 3");
}

/* Turn a current journal back into schema 2 by undoing migrations 4 and 3. */
static void downgrade_to_v2(struct rp_db *db) {
  downgrade_to_v3(db);
  exec_ok(db, "DROP TABLE give; DROP TABLE ready_check; "
              "ALTER TABLE contact DROP COLUMN research; ALTER TABLE contact DROP COLUMN draft; "
              "PRAGMA user_version = 2");
}

/* A journal from schema 1 (contacts only) gains the worksheet tables on
 * open, keeping its contacts. */
static void test_upgrade_from_v1(void) {
  CHECK(db_schema_version() >= 5);
  char *path = path_in("v1.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                           "('ws_text', 'ws_item', 'ws_item_section')"),
            3);
  downgrade_to_v2(db);
  exec_ok(db, "DROP TABLE ws_text; DROP TABLE ws_item; PRAGMA user_version = 1");
  exec_ok(db, "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
              "VALUES ('from v1', 'warm', 's', 1, 1)");
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  if (db) {
    CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                             "('ws_text', 'ws_item', 'ws_item_section')"),
              3);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE name = 'from v1'"), 1);
    exec_ok(db, "INSERT INTO ws_item (section, title, position, created_at, updated_at) "
                "VALUES ('gap', 'q', 1, 1, 1)");
    db_close(db);
  }
  free(path);
}

/* A journal from schema 2 (contacts and worksheet) gains research notes,
 * the outreach draft, the give ledger and the readiness ticks on open,
 * keeping its contacts and worksheet. */
static void test_upgrade_from_v2(void) {
  char *path = path_in("v2.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  downgrade_to_v2(db);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                           "('give', 'ready_check', 'give_contact')"),
            0);
  exec_ok(db, "INSERT INTO contact (name, org, warmth, stage, notes, created_at, updated_at) "
              "VALUES ('from v2', 'Acme', 'warm', 'met', 'kept notes', 1, 2)");
  exec_ok(db, "INSERT INTO ws_text (key, value, updated_at) VALUES ('want', 'a kinder job', 1)");
  exec_ok(db, "INSERT INTO ws_item (section, title, text1, position, created_at, updated_at) "
              "VALUES ('superpower', 'Untangling data', 'cut report time by half', 1, 1, 1)");
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  if (db) {
    CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE name = 'from v2' AND "
                             "org = 'Acme' AND notes = 'kept notes' AND research IS NULL AND "
                             "draft IS NULL AND updated_at = 2"),
              1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM ws_text WHERE value = 'a kinder job'"), 1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM ws_item WHERE text1 = 'cut report time by half'"),
              1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                             "('give', 'ready_check', 'give_contact')"),
              3);
    /* the new columns and tables work, and follow their contact */
    exec_ok(db, "UPDATE contact SET research = 'r', draft = 'd' WHERE name = 'from v2'");
    exec_ok(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
                "SELECT id, '2026-01-31', 'read', 'read their post', 1 FROM contact");
    exec_ok(db, "INSERT INTO ready_check (contact_id, key, checked_at) "
                "SELECT id, 'mutual', 1 FROM contact");
    CHECK(sqlite3_exec(db_handle(db), "INSERT INTO give (contact_id, date, kind, text, created_at) "
                                      "VALUES (1, '31/01/2026', 'read', 'x', 1)",
                       NULL, NULL, NULL) != SQLITE_OK);
    CHECK(sqlite3_exec(db_handle(db), "INSERT INTO give (contact_id, date, kind, text, created_at) "
                                      "VALUES (999, '2026-01-31', 'read', 'x', 1)",
                       NULL, NULL, NULL) != SQLITE_OK);
    exec_ok(db, "DELETE FROM contact");
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM give"), 0);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM ready_check"), 0);
    db_close(db);
  }
  free(path);
}

/* A journal from schema 3 gains conversations, their questions, notes and
 * follow-ups on open, keeping what it had; the new tables check their
 * values and follow their contact and conversation. */
static void test_upgrade_from_v3(void) {
  char *path = path_in("v3.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN " V4_OBJECTS), 9);
  downgrade_to_v3(db);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN " V4_OBJECTS), 0);
  exec_ok(db, "INSERT INTO contact (name, warmth, stage, research, created_at, updated_at) "
              "VALUES ('from v3', 'warm', 'giving', 'read her blog', 1, 2)");
  exec_ok(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "SELECT id, '2026-01-31', 'read', 'read their post', 1 FROM contact");
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  if (db) {
    CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN " V4_OBJECTS), 9);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE name = 'from v3' AND "
                             "research = 'read her blog' AND updated_at = 2"),
              1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM give"), 1);
    exec_ok(db, "INSERT INTO conversation (contact_id, minutes, status, created_at, updated_at) "
                "SELECT id, 20, 'planned', 1, 1 FROM contact");
    exec_ok(db, "INSERT INTO question (conversation_id, position, text, created_at) "
                "SELECT id, 1, 'What is a normal day like?', 1 FROM conversation");
    exec_ok(db, "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
                "SELECT id, 12, 'insight', 'they hire in spring', 1, 1 FROM conversation");
    exec_ok(db, "INSERT INTO followup (contact_id, conversation_id, kind, due, medium, "
                "created_at, updated_at) SELECT contact_id, id, 'thank-you', '2026-02-01', "
                "'email', 1, 1 FROM conversation");
    const char *refused[] = {
        "INSERT INTO conversation (contact_id, minutes, status, created_at, updated_at) "
        "VALUES (1, 0, 'planned', 1, 1)",
        "INSERT INTO conversation (contact_id, minutes, status, created_at, updated_at) "
        "VALUES (1, 20, 'done', 1, 1)",
        "INSERT INTO conversation (contact_id, minutes, status, created_at, updated_at) "
        "VALUES (999, 20, 'planned', 1, 1)",
        "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
        "VALUES (1, 0, 'idea', 'x', 1, 1)",
        "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
        "VALUES (1, -1, '', 'x', 1, 1)",
        "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) "
        "VALUES (1, 0, '', '  ', 1, 1)",
        "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
        "VALUES (1, 'thank-you', '1/2/2026', 'email', 1, 1)",
    };
    for (size_t i = 0; i < RP_ARRAY_LEN(refused); i++)
      CHECK(sqlite3_exec(db_handle(db), refused[i], NULL, NULL, NULL) != SQLITE_OK);
    exec_ok(db, "DELETE FROM contact");
    CHECK_INT(pragma_int(db, "SELECT (SELECT count(*) FROM conversation) + (SELECT count(*) "
                             "FROM question) + (SELECT count(*) FROM note) + "
                             "(SELECT count(*) FROM followup)"),
              0);
    db_close(db);
  }
  free(path);
}

/* A journal from schema 4 gains cadences, outcomes and the wider
 * follow-ups on open: its follow-ups keep their kind, status and times,
 * thank-yous count as made by the journal, the new columns start empty,
 * and the new kinds and statuses are accepted. */
static void test_upgrade_from_v4(void) {
  char *path = path_in("v4.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  downgrade_to_v4(db);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                           "('outcome', 'outcome_contact')"),
            0);
  exec_ok(db, "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
              "VALUES (1, 'from v4', 'warm', 'thanked', 1, 2)");
  exec_ok(db, "INSERT INTO conversation (id, contact_id, minutes, status, ended_at, created_at, "
              "updated_at) VALUES (1, 1, 20, 'held', 100, 1, 1)");
  exec_ok(db, "INSERT INTO followup (id, contact_id, conversation_id, kind, due, medium, draft, "
              "status, done_at, created_at, updated_at) VALUES "
              "(7, 1, 1, 'thank-you', '2026-02-01', 'handwritten', 'Dear…', 'sent', 500, 3, 4), "
              "(8, 1, NULL, 'check-in', '2026-04-01', 'email', NULL, 'open', NULL, 5, 6)");
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  if (db) {
    CHECK(pragma_int(db, "PRAGMA user_version") >= 5);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
                             "('outcome', 'outcome_contact', 'followup_due', 'followup_contact')"),
              4);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE id = 1 AND updated_at = 2 AND "
                             "cadence_days IS NULL"),
              1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM followup WHERE id = 7 AND contact_id = 1 AND "
                             "conversation_id = 1 AND kind = 'thank-you' AND due = '2026-02-01' "
                             "AND medium = 'handwritten' AND draft = 'Dear…' AND status = 'sent' "
                             "AND done_at = 500 AND created_at = 3 AND updated_at = 4 AND auto = 1 "
                             "AND outcome_id IS NULL AND snoozed_until IS NULL AND note IS NULL"),
              1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM followup WHERE id = 8 AND kind = 'check-in' "
                             "AND status = 'open' AND auto = 0 AND done_at IS NULL"),
              1);
    /* the new values are accepted, and checked */
    exec_ok(db, "UPDATE contact SET cadence_days = 0");
    exec_ok(db, "UPDATE contact SET cadence_days = 3650");
    exec_ok(db, "INSERT INTO outcome (id, text, date, created_at) "
                "VALUES (1, 'I got the role', '2026-05-01', 1)");
    exec_ok(db, "INSERT INTO outcome_contact (outcome_id, contact_id) VALUES (1, 1)");
    exec_ok(db, "INSERT INTO followup (contact_id, outcome_id, kind, due, snoozed_until, medium, "
                "note, status, auto, created_at, updated_at) VALUES "
                "(1, 1, 'success', '2026-05-01', '2026-05-03', 'email', 'I got the role', "
                "'done', 1, 1, 1), (1, NULL, 'update', '2026-05-01', NULL, 'email', NULL, "
                "'open', 0, 1, 1), (1, NULL, 'custom', '2026-05-01', NULL, 'email', 'send the "
                "paper', 'open', 0, 1, 1)");
    const char *refused[] = {
        "UPDATE contact SET cadence_days = 3651",
        "UPDATE contact SET cadence_days = -1",
        "INSERT INTO followup (contact_id, kind, due, medium, created_at, updated_at) "
        "VALUES (1, 'party', '2026-05-01', 'email', 1, 1)",
        "INSERT INTO followup (contact_id, kind, due, snoozed_until, medium, created_at, "
        "updated_at) VALUES (1, 'update', '2026-05-01', 'soon', 'email', 1, 1)",
        "INSERT INTO followup (contact_id, kind, due, medium, status, created_at, updated_at) "
        "VALUES (1, 'update', '2026-05-01', 'email', 'gone', 1, 1)",
        "INSERT INTO followup (contact_id, kind, due, medium, auto, created_at, updated_at) "
        "VALUES (1, 'update', '2026-05-01', 'email', 2, 1, 1)",
        "INSERT INTO outcome (text, date, created_at) VALUES ('  ', '2026-05-01', 1)",
        "INSERT INTO outcome (text, date, created_at) VALUES ('x', 'May 1st', 1)",
        "INSERT INTO outcome_contact (outcome_id, contact_id) VALUES (1, 999)",
    };
    for (size_t i = 0; i < RP_ARRAY_LEN(refused); i++)
      CHECK(sqlite3_exec(db_handle(db), refused[i], NULL, NULL, NULL) != SQLITE_OK);
    /* an outcome deleted leaves its success reports (without it); a
     * contact deleted takes its links and follow-ups */
    exec_ok(db, "DELETE FROM outcome");
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM followup WHERE kind = 'success' AND "
                             "outcome_id IS NULL"),
              1);
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM outcome_contact"), 0);
    exec_ok(db, "DELETE FROM contact");
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM followup"), 0);
    db_close(db);
  }
  free(path);
}

/* A journal from schema 6 gains the contact's known_since on open: its
 * contacts are kept with known_since empty, and the new column is checked. */
static void test_upgrade_from_v6(void) {
  char *path = path_in("v6.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  downgrade_to_v6(db);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM pragma_table_info('contact') "
                           "WHERE name = 'known_since'"),
            0);
  exec_ok(db, "INSERT INTO contact (id, name, warmth, stage, created_at, updated_at) "
              "VALUES (1, 'from v6', 'warm', 'met', 1, 2)");
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  if (db) {
    CHECK_INT(pragma_int(db, "PRAGMA user_version"), db_schema_version());
    CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE id = 1 AND updated_at = 2 AND "
                             "known_since IS NULL"),
              1);
    exec_ok(db, "UPDATE contact SET known_since = '2024-03-07'");
    CHECK(sqlite3_exec(db_handle(db), "UPDATE contact SET known_since = '7 Mar 2024'", NULL, NULL,
                       NULL) != SQLITE_OK);
    db_close(db);
  }
  free(path);
}

/* What db_open_progress told: each event once ("BEGIN what", "STEP what",
 * "END what"), how often a step was told again as it went on, and how far
 * the copy got. */
struct told {
  struct rp_strv events;
  int again;
  int64_t copied, pages; /* the copy's last done and total */
};

static void record(enum rp_progress_event ev, const char *what, int64_t done, int64_t total,
                   void *arg) {
  struct told *t = arg;
  static const char *const names[] = {"BEGIN", "STEP", "END"};
  char *line = xasprintf("%s %s", names[ev], what ? what : "-");
  if (t->events.n && strcmp(t->events.v[t->events.n - 1], line) == 0)
    t->again++;
  else
    strv_push(&t->events, line);
  free(line);
  if (what && strcmp(what, "copying the journal") == 0) {
    t->copied = done;
    t->pages = total;
  }
}

/* An upgrade is told as it goes: what is upgraded and where the copy is,
 * the copy to its last page, each migration that runs (one statement that
 * runs long is told again as it goes), the end. A new journal and a current
 * one tell nothing, and nothing is told once the upgrade is over. */
static void test_upgrade_progress(void) {
  char *path = path_in("told.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  struct told t = {0};
  CHECK_INT(db_open_progress(path, record, &t, &db, &err), RP_OK);
  CHECK_INT(t.events.n, 0);
  /* enough to search that rebuilding its index is told again as it goes
   * (about 15 times, every 100,000 steps of SQLite's machine) */
  exec_ok(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) "
              "INSERT INTO contact (name, notes, warmth, stage, created_at, updated_at) "
              "SELECT 'Person ' || i, 'met at the conference number ' || i, 'warm', 'met', 1, 1 "
              "FROM n");
  exec_ok(db, CHECK_UNDO_MIGRATION_16);
  exec_ok(db, "DROP TABLE cadence_state; DROP TABLE cadence_config; PRAGMA user_version = 8");
  db_close(db);
  db = NULL;
  CHECK_INT(db_open_progress(path, record, &t, &db, &err), RP_OK);
  int v = db_schema_version();
  struct rp_strv want = {0};
  char *s = xasprintf("BEGIN upgrading %s from schema 8 to %d (a copy is kept in %s.v8.bak)", path,
                      v, path);
  strv_push(&want, s);
  free(s);
  strv_push(&want, "STEP copying the journal");
  strv_push(&want, "STEP migration 9 of 25: adding the cadence state");
  strv_push(&want, "STEP migration 10 of 25: rebuilding the search index");
  strv_push(&want, "STEP migration 11 of 25: indexing the contacts list");
  strv_push(&want, "STEP migration 12 of 25: indexing what Today reads");
  strv_push(&want, "STEP migration 13 of 25: indexing the Contacts filter");
  strv_push(&want, "STEP migration 14 of 25: storing several emails, phones and URLs");
  strv_push(&want, "STEP migration 15 of 25: keeping recovery copies of text being typed, indexing emails");
  strv_push(&want, "STEP migration 16 of 25: linking follow-ups to the call notes they come from");
  strv_push(&want, "STEP migration 17 of 25: remembering the stage a call started from");
  strv_push(&want, "STEP migration 18 of 25: noting who answered an information gap, and when");
  strv_push(&want, "STEP migration 19 of 25: keeping an undo log");
  strv_push(&want, "STEP migration 20 of 25: remembering what was synced with your phone and calendar");
  strv_push(&want, "STEP migration 21 of 25: remembering where a merge stopped");
  strv_push(&want, "STEP migration 22 of 25: indexing each stage's contacts by name");
  strv_push(&want, "STEP migration 23 of 25: indexing names and organisations as typed");
  strv_push(&want, "STEP migration 24 of 25: indexing the contacts' web addresses");
  strv_push(&want, "STEP migration 25 of 25: making the search index's triggers smaller");
  strv_push(&want, "END journal upgraded");
  char *got = strv_join(&t.events, "\n"), *expected = strv_join(&want, "\n");
  CHECK_INT(v, 25); /* a new migration: add its line above */
  CHECK_STR(got, expected);
  free(got);
  free(expected);
  strv_free(&want);
  CHECK(t.pages > 1);
  CHECK_INT(t.copied, t.pages);
  CHECK(t.again >= 1);
  /* the handler is gone: a long statement now tells nothing */
  size_t n = t.events.n;
  int again = t.again;
  CHECK_INT(pragma_int(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "WHERE i < 1000000) SELECT count(*) FROM n"),
            1000000);
  CHECK_INT(t.events.n, n);
  CHECK_INT(t.again, again);
  db_close(db);
  db = NULL;
  /* current: nothing to tell */
  CHECK_INT(db_open_progress(path, record, &t, &db, &err), RP_OK);
  CHECK_INT(t.events.n, n);
  CHECK_INT(t.again, again);
  db_close(db);
  strv_free(&t.events);
  free(path);
}

static void test_garbage_refused(void) {
  char *path = path_in("garbage.db");
  char junk[3000];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)('a' + i % 26);
  write_bytes(path, junk, sizeof junk);
  chmod(path, 0644);
  check_refused(path, "not a rapport journal (file is damaged or not an SQLite database)");

  /* a text file that is short */
  write_bytes(path, "hello\n", 6);
  check_refused(path, "not a rapport journal (file is damaged or not an SQLite database)");

  /* a valid header followed by garbage */
  memcpy(junk, "SQLite format 3", 16);
  write_bytes(path, junk, sizeof junk);
  check_refused(path, "not a rapport journal (file is damaged or not an SQLite database)");
  free(path);
}

static void test_truncated_refused(void) {
  char *path = path_in("truncated.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  exec_ok(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
              "INSERT INTO contact (name, warmth, stage, notes, created_at, updated_at) "
              "SELECT 'person ' || i, 'cold', 's', printf('%.500c', 'x'), 1, 1 FROM n");
  db_close(db);
  char *data = NULL;
  size_t n = 0;
  CHECK(paths_read_file(path, &data, &n, &err) == RP_OK);
  CHECK(n > 100000);
  write_bytes(path, data, n / 2);
  check_refused(path, "not a rapport journal (file is damaged or not an SQLite database)");
  write_bytes(path, data, 100); /* cut inside the first page */
  check_refused(path, "not a rapport journal (file is damaged or not an SQLite database)");
  free(data);
  free(path);
}

static void test_newer_and_foreign_refused(void) {
  char *path = path_in("newer.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  exec_ok(db, "PRAGMA user_version = 99");
  db_close(db);
  char *tail = xasprintf("journal was written by a newer rapport (schema 99, this build knows %d); "
                         "upgrade rapport",
                         db_schema_version());
  check_refused(path, tail);
  free(tail);
  free(path);

  /* an SQLite database of some other program */
  path = path_in("other.db");
  sqlite3 *h = NULL;
  CHECK(sqlite3_open(path, &h) == SQLITE_OK);
  CHECK(sqlite3_exec(h, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL) ==
        SQLITE_OK);
  sqlite3_close(h);
  check_refused(path, "not a rapport journal (an SQLite database of another program)");
  free(path);

  /* a folder where the file should be */
  path = path_in("adir.db");
  mkdir(path, 0700);
  CHECK_INT(db_open(path, &db, &err), RP_EDB);
  CHECK(strstr(err.msg, "folder") != NULL);
  free(path);
  CHECK_INT(db_open("", &db, &err), RP_INVALID);
}

/* ---- the journal opened once (issue 22): a VFS that counts the opens of
 * a main database file, wrapped around the default one ---- */

static sqlite3_vfs counting_vfs, *real_vfs;
static int main_db_opens;

static int counting_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags,
                         int *out_flags) {
  (void)vfs;
  if (flags & SQLITE_OPEN_MAIN_DB) main_db_opens++;
  return real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
}

static void counting_vfs_install(void) {
  real_vfs = sqlite3_vfs_find(NULL);
  counting_vfs = *real_vfs;
  counting_vfs.zName = "rapport-test-counting";
  counting_vfs.xOpen = counting_open;
  CHECK(sqlite3_vfs_register(&counting_vfs, 1) == SQLITE_OK);
}

static void counting_vfs_remove(void) {
  sqlite3_vfs_unregister(&counting_vfs);
  sqlite3_vfs_register(real_vfs, 1);
}

/* An existing journal is opened once (no read-only probe before the real
 * open: it cost a second schema read and -wal/-shm set-up before the first
 * paint), and a refused one still stays as it was (check_refused). */
static void test_opened_once(void) {
  char *path = path_in("once.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  exec_ok(db, "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
              "VALUES ('once', 'warm', 's', 1, 1)");
  db_close(db);
  counting_vfs_install();
  main_db_opens = 0;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK_INT(main_db_opens, 1);
  CHECK_INT(pragma_int(db, "SELECT count(*) FROM contact WHERE name = 'once'"), 1);
  db_close(db);
  /* a newer journal is refused after that one open, and left as it was */
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  exec_ok(db, "PRAGMA user_version = 99");
  db_close(db);
  main_db_opens = 0;
  char *tail = xasprintf("journal was written by a newer rapport (schema 99, this build knows %d); "
                         "upgrade rapport",
                         db_schema_version());
  check_refused(path, tail);
  CHECK_INT(main_db_opens, 1);
  counting_vfs_remove();
  free(tail);
  free(path);
}

static int64_t count_rows(struct rp_db *db) {
  return pragma_int(db, "SELECT count(*) FROM contact");
}

static void insert_row(struct rp_db *db, const char *name) {
  sqlite3_stmt *st;
  struct rp_err err;
  CHECK_INT(db_prepare(db,
                       "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
                       "VALUES (?1, 'cold', 's', 1, 1)",
                       &st, &err),
            RP_OK);
  db_bind_text(st, 1, name);
  CHECK_INT(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
}

static void test_transactions_and_helpers(void) {
  char *path = path_in("tx.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);

  CHECK_INT(db_begin(db, &err), RP_OK);
  insert_row(db, "rolled back");
  db_rollback(db);
  CHECK_INT(count_rows(db), 0);

  CHECK_INT(db_begin(db, &err), RP_OK);
  insert_row(db, "kept");
  CHECK_INT(db_commit(db, &err), RP_OK);
  CHECK_INT(count_rows(db), 1);

  /* nested: the inner action rolls back alone, the outer one commits */
  CHECK_INT(db_begin(db, &err), RP_OK);
  insert_row(db, "outer");
  CHECK_INT(db_begin(db, &err), RP_OK);
  insert_row(db, "inner");
  db_rollback(db);
  CHECK_INT(db_commit(db, &err), RP_OK);
  CHECK_INT(count_rows(db), 2);
  CHECK(sqlite3_get_autocommit(db_handle(db)));
  CHECK_INT(db_commit(db, &err), RP_EDB); /* nothing open */

  /* the page cache a verb and the full screen keep (KiB, as SQLite
   * counts a negative cache_size) */
  const int kib[] = {DB_CACHE_VERB, DB_CACHE_SCREEN}, want[] = {-1024, -2000};
  for (int k = 0; k < 2; k++) {
    db_cache_kib(db, kib[k]);
    sqlite3_stmt *cs = NULL;
    CHECK(sqlite3_prepare_v2(db_handle(db), "PRAGMA cache_size", -1, &cs, NULL) == SQLITE_OK);
    CHECK(sqlite3_step(cs) == SQLITE_ROW && sqlite3_column_int(cs, 0) == want[k]);
    sqlite3_finalize(cs);
  }

  CHECK(strstr(err.msg, "commit") != NULL);

  /* db_bind_text: "" and NULL bind NULL; db_col_text copies */
  sqlite3_stmt *st;
  CHECK_INT(db_prepare(db, "SELECT ?1 IS NULL, ?2 IS NULL, ?3", &st, &err), RP_OK);
  db_bind_text(st, 1, "");
  db_bind_text(st, 2, NULL);
  db_bind_text(st, 3, "it's");
  CHECK_INT(sqlite3_step(st), SQLITE_ROW);
  CHECK_INT(sqlite3_column_int(st, 0), 1);
  CHECK_INT(sqlite3_column_int(st, 1), 1);
  CHECK_STR((const char *)sqlite3_column_text(st, 2), "it's");
  sqlite3_finalize(st);
  CHECK_INT(db_prepare(db, "SELECT NULL, 'Zoë Ørsted'", &st, &err), RP_OK);
  CHECK_INT(sqlite3_step(st), SQLITE_ROW);
  char *a = db_col_text(st, 0), *b = db_col_text(st, 1);
  CHECK(a == NULL);
  CHECK_STR(b, "Zoë Ørsted");
  free(b);
  sqlite3_finalize(st);

  /* db_prepare failure goes through db_fail */
  CHECK_INT(db_prepare(db, "SELECT nonsense FROM nowhere", &st, &err), RP_EDB);
  CHECK(st == NULL);
  CHECK(strncmp(err.msg, "journal: prepare: no such table", 31) == 0);

  setenv("RAPPORT_NOW", "1795000000", 1);
  CHECK_INT(db_now(), 1795000000);
  unsetenv("RAPPORT_NOW");
  CHECK(db_now() > 1700000000);
  db_close(db);
  db_close(NULL);
  free(path);
}

static void test_read_only_refused(void) {
  if (geteuid() == 0) return; /* root writes anyway */
  char *path = path_in("ro.db");
  struct rp_db *db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  db_close(db);
  chmod(path, 0400);
  CHECK_INT(db_open(path, &db, &err), RP_EDB);
  CHECK(strstr(err.msg, path) != NULL);
  chmod(path, 0600);
  free(path);
}

int main(void) {
  setlocale(LC_ALL, "");
  unsetenv("RAPPORT_NOW");
  test_new_file_private();
  test_empty_file_and_reopen();
  test_upgrade_from_v1();
  test_upgrade_from_v2();
  test_upgrade_from_v3();
  test_upgrade_from_v4();
  test_upgrade_from_v6();
  test_upgrade_progress();
  test_garbage_refused();
  test_truncated_refused();
  test_newer_and_foreign_refused();
  test_opened_once();
  test_transactions_and_helpers();
  test_read_only_refused();
  check_rmtree(check_tmpdir());
  return check_done("test_db");
}
