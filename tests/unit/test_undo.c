/* test_undo.c — undo and redo of journal changes (rapport/undo.h): each
 * kind of change (insert, update, delete, a table without rowid, a
 * cascade), a step of many rows, nested steps, redo and what clears it,
 * a reopened journal, the cap, changes outside a step, and a conflict. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "check.h"
#include "fixture.h"
#include "rapport/followup.h"
#include "rapport/give.h"
#include "rapport/undo.h"
#include "rapport/worksheet.h"

static struct rp_config cfg;

/* A contact added in a step of its own. */
static int64_t add_in_step(struct rp_db *db, const char *name) {
  undo_begin(db, name);
  int64_t id = fx_add_contact(db, &cfg, name, "identified");
  undo_end(db);
  return id;
}

static long long count(struct rp_db *db, const char *sql) { return fx_scalar(db, sql); }

static void test_insert(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "insert.db");
  struct rp_err err;
  char *label = NULL;
  CHECK_INT(undo_last(db, &label, &err), RP_NO);
  CHECK_STR(err.msg, "nothing to undo");
  int64_t id = add_in_step(db, "add contact Priya Raman");
  CHECK_INT(count(db, "SELECT count(*) FROM contact"), 1);
  CHECK_INT(undo_last(db, &label, &err), RP_OK);
  CHECK_STR(label, "add contact Priya Raman");
  free(label);
  CHECK_INT(count(db, "SELECT count(*) FROM contact"), 0);
  CHECK_INT(undo_last(db, NULL, &err), RP_NO);
  /* redo brings back the same row, id included */
  CHECK_INT(redo_last(db, &label, &err), RP_OK);
  CHECK_STR(label, "add contact Priya Raman");
  free(label);
  char *sql = xasprintf("SELECT name FROM contact WHERE id = %lld", (long long)id);
  FX_CHECK_SQL(db, sql, "add contact Priya Raman");
  free(sql);
  CHECK_INT(redo_last(db, NULL, &err), RP_NO);
  CHECK_STR(err.msg, "nothing to redo");
  /* and it can be undone again */
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM contact"), 0);
  db_close(db);
}

/* undo_prepare makes the recording triggers at once (the full screen's
 * idle work after its first paint), once; the steps work as before. */
static void test_prepare(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "prepare.db");
  const char *temp_triggers = "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger'";
  CHECK_INT(count(db, temp_triggers), 0); /* made when first needed */
  undo_prepare(db);
  long long made = count(db, temp_triggers);
  CHECK(made > 20);
  undo_prepare(db);
  CHECK_INT(count(db, temp_triggers), made);
  add_in_step(db, "add contact Ada");
  char *label = NULL;
  struct rp_err err;
  CHECK_INT(undo_last(db, &label, &err), RP_OK);
  CHECK_STR(label, "add contact Ada");
  free(label);
  CHECK_INT(count(db, "SELECT count(*) FROM contact"), 0);
  db_close(db);
}

static void test_update(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "update.db");
  struct rp_err err;
  int64_t cid = fx_add_contact(db, &cfg, "Priya Raman", "identified");
  struct rp_followup f = {0};
  f.contact_id = cid;
  f.kind = xstrdup("check-in");
  f.due = xstrdup("2026-12-01");
  CHECK_INT(followup_add(db, &f, &err), RP_OK);
  undo_begin(db, "mark follow-up done (Priya Raman)");
  CHECK_INT(followup_mark(db, &cfg, f.id, "done", &err), RP_OK);
  undo_end(db);
  char *sql = xasprintf("SELECT status FROM followup WHERE id = %lld", (long long)f.id);
  FX_CHECK_SQL(db, sql, "done");
  char *label = NULL;
  CHECK_INT(undo_last(db, &label, &err), RP_OK);
  CHECK_STR(label, "mark follow-up done (Priya Raman)");
  free(label);
  FX_CHECK_SQL(db, sql, "open");
  CHECK_INT(count(db, "SELECT count(*) FROM followup WHERE done_at IS NOT NULL"), 0);
  CHECK_INT(redo_last(db, NULL, &err), RP_OK);
  FX_CHECK_SQL(db, sql, "done");
  free(sql);
  followup_free(&f);
  /* a change outside any step is not recorded */
  fx_exec(db, "UPDATE contact SET org = 'Acme'");
  CHECK_INT(undo_last(db, NULL, &err), RP_OK); /* undoes the follow-up, not the org */
  FX_CHECK_SQL(db, "SELECT org FROM contact", "Acme");
  CHECK_INT(undo_last(db, NULL, &err), RP_NO);
  db_close(db);
}

static void test_delete_and_cascade(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "delete.db");
  struct rp_err err;
  int64_t cid = fx_add_contact(db, &cfg, "Priya Raman", "identified");
  struct rp_give g = {0};
  g.contact_id = cid;
  g.kind = xstrdup("read");
  g.text = xstrdup("read her talk on compilers");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_OK);
  fx_execf(db, "INSERT INTO contact_tag (contact_id, tag) VALUES (%lld, 'mentor')",
           (long long)cid);
  /* one delete */
  undo_begin(db, "delete give");
  CHECK_INT(give_delete(db, g.id, &err), RP_OK);
  undo_end(db);
  CHECK_INT(count(db, "SELECT count(*) FROM give"), 0);
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT text FROM give", "read her talk on compilers");
  /* a hard delete cascades to the give and the tag (a table without
   * rowid): undo brings all three back */
  undo_begin(db, "erase contact");
  fx_execf(db, "DELETE FROM contact WHERE id = %lld", (long long)cid);
  undo_end(db);
  CHECK_INT(count(db, "SELECT count(*) FROM give") + count(db, "SELECT count(*) FROM contact_tag"),
            0);
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT name FROM contact", "Priya Raman");
  FX_CHECK_SQL(db, "SELECT tag FROM contact_tag", "mentor");
  CHECK_INT(count(db, "SELECT count(*) FROM give"), 1);
  CHECK_INT(count(db, "PRAGMA foreign_key_check"), -1); /* no row: consistent */
  /* redo erases them again */
  CHECK_INT(redo_last(db, NULL, &err), RP_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM contact") + count(db, "SELECT count(*) FROM give"), 0);
  give_free(&g);
  /* the soft delete of the screen, and the worksheet's texts (no rowid,
   * written with an upsert) */
  int64_t id = add_in_step(db, "add");
  undo_begin(db, "delete contact");
  CHECK_INT(contact_delete(db, id, &err), RP_OK);
  undo_end(db);
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM contact WHERE deleted_at IS NULL"), 1);
  undo_begin(db, "want 1");
  CHECK_INT(ws_text_set(db, "want", "a team that ships", &err), RP_OK);
  undo_end(db);
  undo_begin(db, "want 2");
  CHECK_INT(ws_text_set(db, "want", "a team that teaches", &err), RP_OK);
  undo_end(db);
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT value FROM ws_text WHERE key = 'want'", "a team that ships");
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM ws_text"), 0);
  db_close(db);
}

static void test_steps(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "steps.db");
  struct rp_err err;
  /* one step of many rows, made of nested steps: one undo */
  undo_begin(db, "import 3 contacts");
  for (int i = 0; i < 3; i++) {
    undo_begin(db, "inner label, ignored");
    char name[16];
    snprintf(name, sizeof name, "Person %d", i);
    fx_add_contact(db, &cfg, name, "identified");
    undo_end(db);
  }
  CHECK(undo_open(db));
  undo_end(db);
  CHECK(!undo_open(db));
  CHECK_INT(count(db, "SELECT count(*) FROM undo_step"), 1);
  char *u = NULL, *r = NULL;
  CHECK_INT(undo_peek(db, &u, &r, &err), RP_OK);
  CHECK_STR(u, "import 3 contacts");
  CHECK(r == NULL);
  free(u);
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  CHECK_INT(count(db, "SELECT count(*) FROM contact"), 0);
  CHECK_INT(undo_peek(db, &u, &r, &err), RP_OK);
  CHECK(u == NULL);
  CHECK_STR(r, "import 3 contacts");
  free(r);
  /* a step that changed nothing leaves no trace, and keeps the redo */
  undo_begin(db, "nothing");
  undo_end(db);
  CHECK_INT(count(db, "SELECT count(*) FROM undo_step"), 1);
  /* a new change clears what could be redone */
  add_in_step(db, "add Ana");
  CHECK_INT(redo_last(db, NULL, &err), RP_NO);
  CHECK_INT(count(db, "SELECT count(*) FROM undo_step WHERE state = 1"), 0);
  /* the label can be set once the action knows it */
  undo_begin(db, "add");
  fx_add_contact(db, &cfg, "Ben", "identified");
  undo_label(db, "add contact %s", "Ben");
  undo_end(db);
  CHECK_INT(undo_peek(db, &u, NULL, &err), RP_OK);
  CHECK_STR(u, "add contact Ben");
  free(u);
  db_close(db);
}

static void test_reopen_and_cap(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "reopen.db");
  struct rp_err err;
  add_in_step(db, "add Ana");
  add_in_step(db, "add Ben");
  char *path = xasprintf("%s/reopen.db", check_tmpdir());
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  char *label = NULL;
  CHECK_INT(undo_last(db, &label, &err), RP_OK);
  CHECK_STR(label, "add Ben");
  free(label);
  db_close(db);
  db = NULL;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  CHECK_INT(redo_last(db, &label, &err), RP_OK); /* the redo survives too */
  CHECK_STR(label, "add Ben");
  free(label);
  FX_CHECK_SQL(db, "SELECT group_concat(name, '|') FROM contact", "add Ana|add Ben");
  /* the cap: only the last 3 steps are kept */
  undo_set_cap(db, 3);
  for (int i = 0; i < 5; i++) add_in_step(db, "add");
  CHECK_INT(count(db, "SELECT count(*) FROM undo_step"), 3);
  CHECK_INT(count(db, "SELECT count(*) FROM undo_log WHERE step_id NOT IN "
                      "(SELECT id FROM undo_step)"),
            0);
  for (int i = 0; i < 3; i++) CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  CHECK_INT(undo_last(db, NULL, &err), RP_NO);
  CHECK_INT(count(db, "SELECT count(*) FROM contact"), 4);
  free(path);
  db_close(db);
}

static void test_conflict(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "conflict.db");
  struct rp_err err;
  int64_t id = fx_add_contact(db, &cfg, "Priya Raman", "identified");
  undo_begin(db, "rename");
  fx_execf(db, "UPDATE contact SET name = 'Priya R.', org = 'Acme' WHERE id = %lld",
           (long long)id);
  undo_end(db);
  /* outside any step (the sqlite3 shell), the name changes again */
  fx_exec(db, "UPDATE contact SET name = 'P. Raman'");
  CHECK_INT(undo_last(db, NULL, &err), RP_INVALID);
  CHECK(strstr(err.msg, "\"rename\"") != NULL);
  CHECK(strstr(err.msg, "changed again since") != NULL);
  /* nothing changed: not even the org */
  FX_CHECK_SQL(db, "SELECT name || ' ' || org FROM contact", "P. Raman Acme");
  CHECK_INT(count(db, "SELECT count(*) FROM undo_step WHERE state = 0"), 1);
  /* a column the step did not change may change: it still undoes */
  fx_exec(db, "UPDATE contact SET name = 'Priya R.', role = 'CTO'");
  CHECK_INT(undo_last(db, NULL, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT name || ' ' || coalesce(org, '-') || ' ' || role FROM contact",
               "Priya Raman - CTO");
  /* a row deleted since cannot be put back by undoing its update */
  add_in_step(db, "add Ana");
  fx_exec(db, "DELETE FROM contact WHERE name = 'add Ana'");
  CHECK_INT(undo_last(db, NULL, &err), RP_INVALID);
  db_close(db);
}

int main(void) {
  fx_pipeline(&cfg);
  fx_choice(&cfg.give_kinds, "read", "read their work", NULL);
  fx_set_now(1796000000);
  test_insert();
  test_prepare();
  test_update();
  test_delete_and_cascade();
  test_steps();
  test_reopen_and_cap();
  test_conflict();
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  fx_choices_free(&cfg.give_kinds);
  check_rmtree(check_tmpdir());
  return check_done("test_undo");
}
