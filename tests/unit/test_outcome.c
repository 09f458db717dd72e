/* test_outcome.c — everyone who helped towards an outcome: the people it
 * is about, up the chains of introductions to each of them, whoever
 * referred them in a conversation (and up their introductions), each person
 * once with the first reason, deleted contacts left out but walked
 * through, cycles ended; and outcome_add logging the outcome, its links
 * and a "report success" follow-up per helper in one transaction. */
#include "fixture.h"
#include "rapport/followup.h"
#include "rapport/outcome.h"

static struct rp_db *db;

/* Contact `id` named `name`, introduced by `by` (0 = nobody). */
static void contact(int id, const char *name, int by) {
  fx_execf(db,
           "INSERT INTO contact (id, name, warmth, stage, introduced_by, created_at, updated_at) "
           "VALUES (%d, '%s', 'warm', 'met', NULLIF(%d, 0), 0, 0)",
           id, name, by);
}

/* In a conversation with `who`, a referral note naming `named`. */
static void referral(int who, int named) {
  static int conv = 100;
  conv++;
  fx_execf(db, "INSERT INTO conversation (id, contact_id, minutes, status, created_at, "
               "updated_at) VALUES (%d, %d, 20, 'held', 0, 0)", conv, who);
  fx_execf(db, "INSERT INTO note (conversation_id, offset_s, tag, text, contact_ref, created_at, "
               "updated_at) VALUES (%d, 60, 'referral', 'talk to them', %d, %d, 0)",
           conv, named, conv);
}

/* The helpers of contacts[] as "Name — why" lines. */
static char *helpers(const int64_t *ids, size_t n) {
  struct rp_helper_list h;
  struct rp_err err;
  CHECK_INT(outcome_helpers(db, ids, n, &h, &err), RP_OK);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < h.n; i++) buf_addf(&b, "%s — %s\n", h.v[i].name, h.v[i].why);
  helper_list_free(&h);
  return buf_steal(&b);
}

#define CHECK_HELPERS(ids, want)                             \
  do {                                                       \
    char *h_ = helpers(ids, RP_ARRAY_LEN(ids));              \
    CHECK_STR(h_, want);                                     \
    free(h_);                                                \
  } while (0)

static void test_helpers(void) {
  fx_open_fresh(&db, "helpers.db");
  fx_set_now(1795000000);
  /* Ada introduced Bo, Bo introduced Zoë; Yan introduced Xi, who referred
   * Priya in a call; Priya was introduced by Gus (since deleted), whom Hal
   * introduced */
  contact(1, "Ada", 0);
  contact(2, "Bo", 1);
  contact(3, "Zoë Ørsted", 2);
  contact(4, "Yan", 0);
  contact(5, "Xi", 4);
  contact(8, "Hal", 0);
  contact(7, "Gus", 8);
  contact(6, "Priya Shah", 7);
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 7");
  referral(5, 6);
  int64_t zoe[] = {3};
  CHECK_HELPERS(zoe, "Zoë Ørsted — you met them about it\n"
                     "Bo — introduced you to Zoë Ørsted\n"
                     "Ada — introduced you to Bo\n");
  int64_t both[] = {3, 6};
  CHECK_HELPERS(both, "Zoë Ørsted — you met them about it\n"
                      "Priya Shah — you met them about it\n"
                      "Bo — introduced you to Zoë Ørsted\n"
                      "Ada — introduced you to Bo\n"
                      "Hal — introduced you to Gus\n"
                      "Xi — referred you to Priya Shah\n"
                      "Yan — introduced you to Xi\n");
  /* each person once, with the first reason: Ada also referred Zoë, and
   * Bo is linked himself */
  referral(1, 3);
  int64_t again[] = {3, 2, 3};
  CHECK_HELPERS(again, "Zoë Ørsted — you met them about it\n"
                       "Bo — you met them about it\n"
                       "Ada — introduced you to Bo\n");
  /* a referral to someone up a chain; a referral inside one's own call to
   * oneself is no help */
  contact(9, "Ines", 0);
  referral(9, 1);
  referral(3, 3);
  CHECK_HELPERS(zoe, "Zoë Ørsted — you met them about it\n"
                     "Bo — introduced you to Zoë Ørsted\n"
                     "Ada — introduced you to Bo\n"
                     "Ines — referred you to Ada\n");
  /* deleted people are walked through, never listed; a deleted person the
   * outcome is about neither */
  int64_t gus[] = {7};
  CHECK_HELPERS(gus, "Hal — introduced you to Gus\n");
  /* a cycle of introductions ends */
  contact(10, "Kim", 0);
  contact(11, "Lee", 10);
  fx_exec(db, "UPDATE contact SET introduced_by = 11 WHERE id = 10");
  int64_t kim[] = {10};
  CHECK_HELPERS(kim, "Kim — you met them about it\n"
                     "Lee — introduced you to Kim\n");
  /* nobody, or nobody known */
  int64_t none[] = {999};
  CHECK_HELPERS(none, "");
  char *h = helpers(NULL, 0);
  CHECK_STR(h, "");
  free(h);
}

static void test_add(void) {
  fx_open_fresh(&db, "add.db");
  fx_set_now(1795000000); /* 2026-11-18 */
  contact(1, "Ada", 0);
  contact(2, "Bo", 1);
  contact(3, "Gone", 0);
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 3");
  struct rp_err err;
  struct rp_helper_list h;
  int64_t id = -1;
  int64_t bo[] = {2, 2};
  CHECK_INT(outcome_add(db, "  I got the role  ", "2026-11-15", bo, 2, &id, &h, &err), RP_OK);
  CHECK(id > 0);
  CHECK_INT(h.n, 2);
  helper_list_free(&h);
  FX_CHECK_SQL(db, "SELECT text || '|' || date || '|' || created_at FROM outcome",
               "I got the role|2026-11-15|1795000000");
  FX_CHECK_SQL(db, "SELECT group_concat(contact_id) FROM outcome_contact", "2");
  FX_CHECK_SQL(db, "SELECT group_concat(contact_id || '|' || kind || '|' || due || '|' || auto "
                   "|| '|' || note || '|' || outcome_id || '|' || status, ';') FROM "
                   "(SELECT * FROM followup ORDER BY id)",
               "2|success|2026-11-18|1|I got the role|1|open;"
               "1|success|2026-11-18|1|I got the role|1|open");
  struct rp_followup f;
  CHECK_INT(followup_get(db, 1, &f, &err), RP_OK);
  CHECK(f.auto_created);
  CHECK_INT(f.outcome_id, id);
  CHECK_STR(f.note, "I got the role");
  followup_free(&f);

  /* no date: today; no contacts: nobody to tell; helpers may be NULL */
  CHECK_INT(outcome_add(db, "I decided against it", NULL, NULL, 0, &id, NULL, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT date FROM outcome WHERE text = 'I decided against it'", "2026-11-18");
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup", "2");

  /* mistakes: nothing written */
  int64_t gone[] = {1, 3};
  int64_t missing[] = {999};
  CHECK_INT(outcome_add(db, "  ", NULL, bo, 1, &id, &h, &err), RP_INVALID);
  CHECK_STR(err.field, "text");
  CHECK_INT(id, 0);
  CHECK_INT(outcome_add(db, "x", "2026-02-30", bo, 1, &id, &h, &err), RP_INVALID);
  CHECK_STR(err.field, "date");
  CHECK_INT(outcome_add(db, "x", NULL, gone, 2, &id, &h, &err), RP_INVALID);
  CHECK_STR(err.field, "contact");
  CHECK_INT(h.n, 0);
  CHECK_INT(outcome_add(db, "x", NULL, missing, 1, &id, &h, &err), RP_INVALID);
  FX_CHECK_SQL(db, "SELECT count(*) FROM outcome", "2");
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup", "2");

  /* all or nothing: a success report that cannot be written takes the
   * outcome and the other reports with it */
  fx_exec(db, "CREATE TRIGGER no_ada BEFORE INSERT ON followup WHEN NEW.contact_id = 1 "
              "BEGIN SELECT RAISE(ABORT, 'no'); END");
  CHECK_INT(outcome_add(db, "A second offer", NULL, bo, 1, &id, &h, &err), RP_EDB);
  CHECK_INT(id, 0);
  CHECK_INT(h.n, 0);
  FX_CHECK_SQL(db, "SELECT count(*) FROM outcome", "2");
  FX_CHECK_SQL(db, "SELECT count(*) FROM outcome_contact", "1");
  FX_CHECK_SQL(db, "SELECT count(*) FROM followup", "2");
  fx_exec(db, "DROP TRIGGER no_ada");
}

int main(void) {
  test_helpers();
  test_add();
  db_close(db);
  check_rmtree(check_tmpdir());
  return check_done("test_outcome");
}
