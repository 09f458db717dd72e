/* test_give.c — the give-first ledger: insert, list order, delete, the
 * balance, validation (kind, text, calendar dates), the move to the stage
 * "giving", and that a failing give changes nothing. Each run uses a fresh
 * journal file and a config built by hand. */
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/give.h"

static struct rp_config cfg;
static struct rp_db *db;

static void make_config(void) {
  fx_pipeline(&cfg);
  const char *kinds[][2] = {{"read", "read their work"}, {"comment", "commented"},
                            {"share", "shared"},         {"introduce", "introduced someone"},
                            {"help", "helped"},          {"show-up", "showed up"},
                            {"other", "other"}};
  for (size_t i = 0; i < RP_ARRAY_LEN(kinds); i++) fx_choice(&cfg.give_kinds, kinds[i][0], kinds[i][1], NULL);
}

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(1795000000); /* 2026-11-18 08:26:40 UTC */
}

/* Log a give; returns its status, the id in *id (may be NULL), the error
 * in *err (may be NULL). */
static enum rp_status give(int64_t contact, const char *kind, const char *date, const char *text,
                           int64_t *id, struct rp_err *err_out) {
  struct rp_give g = {0};
  g.contact_id = contact;
  g.kind = xstrdup(kind);
  g.date = xstrdup(date);
  g.text = xstrdup(text);
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = give_insert(db, &cfg, &g, &err);
  if (id) *id = g.id;
  if (st == RP_OK) CHECK(g.id > 0);
  else CHECK_INT(g.id, 0);
  if (err_out) *err_out = err;
  give_free(&g);
  return st;
}

static void test_insert_list_delete(void) {
  open_fresh("gives.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "met"),
          bob = fx_add_contact(db, &cfg, "Bob", "met");
  struct rp_err err;
  int64_t g1, g2, g3, g4;
  CHECK_INT(give(ana, "read", "2026-03-01", "Read her article on service design", &g1, NULL), RP_OK);
  CHECK_INT(give(ana, "comment", "2026-03-05", "Commented on it", &g2, NULL), RP_OK);
  CHECK_INT(give(ana, "share", "2026-03-01", "Shared it", &g3, NULL), RP_OK);
  CHECK_INT(give(bob, "help", NULL, "Helped with the move", &g4, NULL), RP_OK);

  /* what was stored, as given (kind by key, date as given, text trimmed) */
  struct rp_give g = {0};
  g.contact_id = ana;
  g.kind = xstrdup("Show Up"); /* no such key or label */
  g.text = xstrdup("x");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_INVALID);
  give_free(&g);
  g.contact_id = ana;
  g.kind = xstrdup(" Showed Up "); /* a label in another case is stored as the key */
  g.text = xstrdup("  Went to her meetup talk 🎤 \n");
  g.date = xstrdup(" 2026-02-10 ");
  CHECK_INT(give_insert(db, &cfg, &g, &err), RP_OK);
  CHECK_STR(g.kind, "show-up");
  CHECK_STR(g.text, "Went to her meetup talk 🎤");
  CHECK_STR(g.date, "2026-02-10");
  CHECK_INT(g.created_at, 1795000000);
  int64_t g5 = g.id;
  give_free(&g);

  /* newest first: by date, then the later one logged */
  struct rp_give_list l;
  CHECK_INT(give_list(db, ana, &l, &err), RP_OK);
  CHECK_INT(l.n, 4);
  if (l.n == 4) {
    CHECK_INT(l.v[0].id, g2);
    CHECK_INT(l.v[1].id, g3);
    CHECK_INT(l.v[2].id, g1);
    CHECK_INT(l.v[3].id, g5);
    CHECK_STR(l.v[0].kind, "comment");
    CHECK_STR(l.v[0].date, "2026-03-05");
    CHECK_STR(l.v[0].text, "Commented on it");
    CHECK_INT(l.v[0].contact_id, ana);
    CHECK_STR(l.v[3].kind, "show-up");
  }
  give_list_free(&l);
  CHECK(l.v == NULL && l.n == 0);

  /* no date: today in local time (TZ=UTC in the tests) */
  CHECK_INT(give_list(db, bob, &l, &err), RP_OK);
  CHECK_INT(l.n, 1);
  if (l.n == 1) CHECK_STR(l.v[0].date, "2026-11-18");
  give_list_free(&l);

  long gives = -1, asks = -1;
  CHECK_INT(give_balance(db, &cfg, ana, &gives, &asks, &err), RP_OK);
  CHECK_INT(gives, 4);
  CHECK_INT(asks, 1); /* at "met" with no conversation logged: the outreach */
  CHECK_INT(give_balance(db, &cfg, bob, &gives, &asks, &err), RP_OK);
  CHECK_INT(gives, 1);

  /* delete one; a second delete is a negative answer */
  CHECK_INT(give_delete(db, g3, &err), RP_OK);
  CHECK_INT(give_delete(db, g3, &err), RP_NO);
  char *want = xasprintf("no give with id %lld", (long long)g3);
  CHECK_STR(err.msg, want);
  free(want);
  CHECK_INT(give_list(db, ana, &l, &err), RP_OK);
  CHECK_INT(l.n, 3);
  give_list_free(&l);
  CHECK_INT(give_list(db, 9999, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
  give_list_free(&l);

  /* removing a contact for good takes their gives with it */
  CHECK(sqlite3_exec(db_handle(db), "DELETE FROM contact WHERE name = 'Bob'", NULL, NULL, NULL) ==
        SQLITE_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM give"), 3);
}

/* Expect RP_INVALID on `field` with `msg`, and nothing written. */
static void expect_invalid(int64_t contact, const char *kind, const char *date, const char *text,
                           const char *field, const char *msg) {
  long long before = fx_scalar(db, "SELECT count(*) FROM give");
  struct rp_err err;
  CHECK_INT(give(contact, kind, date, text, NULL, &err), RP_INVALID);
  CHECK_STR(err.field, field);
  if (msg) CHECK_STR(err.msg, msg);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM give"), before);
}

static void test_validation(void) {
  open_fresh("validate.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "met");
  const char *kinds = "read, comment, share, introduce, help, show-up, other";
  char *msg = xasprintf("kind 'bribe' is not one of: %s", kinds);
  expect_invalid(ana, "bribe", NULL, "x", "kind", msg);
  free(msg);
  msg = xasprintf("kind missing; one of: %s", kinds);
  expect_invalid(ana, NULL, NULL, "x", "kind", msg);
  expect_invalid(ana, "  ", NULL, "x", "kind", msg);
  free(msg);
  expect_invalid(ana, "read", NULL, NULL, "text",
                 "text is empty: say what you gave (\"read their article on …\")");
  expect_invalid(ana, "read", NULL, " \n\t ", "text", NULL);

  /* dates: a real day of the calendar, as YYYY-MM-DD */
  expect_invalid(ana, "read", "2025-02-30", "x", "date",
                 "date must be a real date as YYYY-MM-DD, not '2025-02-30'");
  const char *bad[] = {"2025-02-29", "2100-02-29", "1900-02-29", "2026-13-01", "2026-00-10",
                       "2026-04-31", "2026-01-00", "2026-1-05",  "26-01-05",   "2026/01/05",
                       "2026-01-05x", "yesterday", "0000-01-01", "2026-01-32", "２０２６-01-05"};
  for (size_t i = 0; i < RP_ARRAY_LEN(bad); i++) expect_invalid(ana, "read", bad[i], "x", "date", NULL);
  const char *good[] = {"2024-02-29", "2000-02-29", "2025-02-28", "2026-12-31", "2026-01-01",
                        "2026-04-30", "1999-11-30"};
  for (size_t i = 0; i < RP_ARRAY_LEN(good); i++) {
    CHECK_INT(give(ana, "read", good[i], "fine", NULL, NULL), RP_OK);
  }
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM give"), (long long)RP_ARRAY_LEN(good));

  /* the contact must exist and not be deleted */
  struct rp_err err;
  CHECK_INT(give(4242, "read", NULL, "x", NULL, &err), RP_INVALID);
  CHECK_STR(err.field, "contact");
  CHECK_STR(err.msg, "no contact with id 4242");
  int64_t gone = fx_add_contact(db, &cfg, "Gone Person", "identified");
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);
  CHECK_INT(give(gone, "read", NULL, "x", NULL, &err), RP_INVALID);
  CHECK_STR(err.field, "contact");
  CHECK_STR(err.msg, "Gone Person is deleted");
  FX_CHECK_STAGE(db, gone, "identified");

  /* user text that looks like SQL is stored as it is */
  int64_t id = 0;
  CHECK_INT(give(ana, "other", NULL, "x'); DROP TABLE give; --", &id, NULL), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM give WHERE text = 'x''); DROP TABLE give; --'"), 1);
}

static void test_stage_moves(void) {
  open_fresh("stages.db");
  int64_t ident = fx_add_contact(db, &cfg, "Identified", "identified");
  int64_t research = fx_add_contact(db, &cfg, "Researching", "researching");
  int64_t giving = fx_add_contact(db, &cfg, "Giving", "giving");
  int64_t asked = fx_add_contact(db, &cfg, "Asked", "asked");
  int64_t met = fx_add_contact(db, &cfg, "Met", "met");
  int64_t legacy = fx_add_contact(db, &cfg, "Legacy", "identified");
  CHECK(sqlite3_exec(db_handle(db), "UPDATE contact SET stage = 'old-stage' WHERE name = 'Legacy'",
                     NULL, NULL, NULL) == SQLITE_OK);

  fx_set_now(1795000900);
  CHECK_INT(give(ident, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, ident, "giving");
  CHECK_INT(fx_scalar(db, "SELECT updated_at FROM contact WHERE name = 'Identified'"), 1795000900);
  CHECK_INT(give(research, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, research, "giving");
  CHECK_INT(give(giving, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, giving, "giving");
  CHECK_INT(fx_scalar(db, "SELECT updated_at FROM contact WHERE name = 'Giving'"), 1795000000);
  CHECK_INT(give(asked, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, asked, "asked");
  CHECK_INT(give(met, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, met, "met");
  CHECK_INT(fx_scalar(db, "SELECT updated_at FROM contact WHERE name = 'Met'"), 1795000000);
  CHECK_INT(give(legacy, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, legacy, "old-stage");

  /* a failing give leaves the stage as it was */
  int64_t fresh = fx_add_contact(db, &cfg, "Fresh", "researching");
  CHECK_INT(give(fresh, "read", "2025-02-30", "read", NULL, NULL), RP_INVALID);
  CHECK_INT(give(fresh, "nope", NULL, "read", NULL, NULL), RP_INVALID);
  FX_CHECK_STAGE(db, fresh, "researching");

  /* one transaction: when writing the give fails after the contact was
   * read, the stage move is not kept either */
  CHECK(sqlite3_exec(db_handle(db),
                     "CREATE TRIGGER no_gives BEFORE INSERT ON give "
                     "BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
                     NULL, NULL, NULL) == SQLITE_OK);
  struct rp_err err;
  CHECK_INT(give(fresh, "read", NULL, "read", NULL, &err), RP_EDB);
  CHECK(strstr(err.msg, "refused by test") != NULL);
  FX_CHECK_STAGE(db, fresh, "researching");
  CHECK(sqlite3_get_autocommit(db_handle(db)));
  CHECK(sqlite3_exec(db_handle(db), "DROP TRIGGER no_gives; CREATE TRIGGER no_moves BEFORE UPDATE "
                                    "OF stage ON contact BEGIN SELECT RAISE(ABORT, 'no move'); END",
                     NULL, NULL, NULL) == SQLITE_OK);
  long long before = fx_scalar(db, "SELECT count(*) FROM give");
  CHECK_INT(give(fresh, "read", NULL, "read", NULL, &err), RP_EDB);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM give"), before); /* the give was rolled back too */
  FX_CHECK_STAGE(db, fresh, "researching");
  CHECK(sqlite3_exec(db_handle(db), "DROP TRIGGER no_moves", NULL, NULL, NULL) == SQLITE_OK);

  /* inside a caller's transaction, the give is a savepoint of it */
  CHECK_INT(db_begin(db, &err), RP_OK);
  CHECK_INT(give(fresh, "read", NULL, "read", NULL, NULL), RP_OK);
  db_rollback(db);
  FX_CHECK_STAGE(db, fresh, "researching");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM give"), before);

  /* no "giving" stage configured: nothing moves */
  free_const(cfg.stages.v[2].key);
  cfg.stages.v[2].key = xstrdup("generous");
  CHECK_INT(give(fresh, "read", NULL, "read", NULL, NULL), RP_OK);
  FX_CHECK_STAGE(db, fresh, "researching");
  free_const(cfg.stages.v[2].key);
  cfg.stages.v[2].key = xstrdup("giving");
}

/* The asks of contact `id`, counted by give_balance. */
static long asks_of(int64_t id) {
  long gives = -1, asks = -1;
  struct rp_err err;
  CHECK_INT(give_balance(db, &cfg, id, &gives, &asks, &err), RP_OK);
  return asks;
}

/* A conversation of `contact` with status `status`. */
static void add_conv(int64_t contact, const char *status) {
  struct rp_conversation c;
  conv_init(&c);
  c.contact_id = contact;
  c.status = xstrdup(status);
  struct rp_err err;
  CHECK_INT(conv_insert(db, &cfg, &c, &err), RP_OK);
  conv_free(&c);
}

/* Asks are counted from the journal: the outreach (stage "asked" or
 * later) until a conversation is held, each conversation held, each
 * contact they introduced; planned or cancelled conversations are no ask. */
static void test_balance_asks(void) {
  open_fresh("asks.db");
  int64_t priya = fx_add_contact(db, &cfg, "Priya", "giving");
  CHECK_INT(asks_of(priya), 0);
  add_conv(priya, "planned");
  add_conv(priya, "cancelled");
  CHECK_INT(asks_of(priya), 0); /* planning is no ask */
  fx_exec(db, "UPDATE contact SET stage = 'intro-requested' WHERE name = 'Priya'");
  CHECK_INT(asks_of(priya), 0); /* before "asked" */
  fx_exec(db, "UPDATE contact SET stage = 'asked' WHERE name = 'Priya'");
  CHECK_INT(asks_of(priya), 1); /* the outreach sent */
  fx_exec(db, "UPDATE contact SET stage = 'scheduled' WHERE name = 'Priya'");
  CHECK_INT(asks_of(priya), 1);
  add_conv(priya, "held"); /* the conversation it led to: the same ask */
  CHECK_INT(asks_of(priya), 1);
  add_conv(priya, "held"); /* a second conversation: their time again */
  CHECK_INT(asks_of(priya), 2);

  /* an introduction she made for you (a referral from a call, or one asked
   * for by hand) is an ask of her; a deleted contact no longer counts */
  int64_t tomas = fx_add_contact(db, &cfg, "Tomás", "identified");
  int64_t lee = fx_add_contact(db, &cfg, "Lee", "identified");
  fx_execf(db, "UPDATE contact SET introduced_by = %lld WHERE id IN (%lld, %lld)",
           (long long)priya, (long long)tomas, (long long)lee);
  CHECK_INT(asks_of(priya), 4);
  CHECK_INT(asks_of(tomas), 0); /* introduced: no ask of Tomás himself */
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE name = 'Lee'");
  CHECK_INT(asks_of(priya), 3);

  /* a config without the stage "asked": only conversations and introductions */
  struct rp_config bare = {0};
  fx_choice(&bare.stages, "new", "new", NULL);
  fx_choice(&bare.stages, "done", "done", NULL);
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "declined");
  long gives, asks;
  struct rp_err err;
  CHECK_INT(asks_of(ana), 1); /* after "asked" in the pipeline */
  CHECK_INT(give_balance(db, &bare, ana, &gives, &asks, &err), RP_OK);
  CHECK_INT(asks, 0);
  fx_choices_free(&bare.stages);
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("TZ", "UTC", 1);
  make_config();
  test_insert_list_delete();
  test_validation();
  test_stage_moves();
  test_balance_asks();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  fx_choices_free(&cfg.give_kinds);
  check_rmtree(check_tmpdir());
  return check_done("test_give");
}
