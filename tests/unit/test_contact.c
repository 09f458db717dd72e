/* test_contact.c — contacts: round trip, validation against a hand-built
 * config, warmth, writes, soft delete and undo, lists, resolving names, and
 * user text that looks like SQL. Each run uses a fresh journal file. */
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/contact.h"

static struct rp_config cfg;
static struct rp_db *db;

static void make_config(void) {
  const char *stages[][2] = {{"identified", "identified"}, {"researching", "researching"},
                             {"giving", "giving"},         {"intro_requested", "intro requested"},
                             {"asked", "asked"},           {"scheduled", "scheduled"},
                             {"met", "met"},               {"thanked", "thanked"},
                             {"keeping_in_touch", "keeping in touch"},
                             {"declined", "declined"},     {"not_now", "not now"}};
  for (size_t i = 0; i < RP_ARRAY_LEN(stages); i++) fx_choice(&cfg.stages, stages[i][0], stages[i][1], NULL);
  fx_choice(&cfg.how_known, "family", "family", "warm");
  fx_choice(&cfg.how_known, "friend", "friend", "warm");
  fx_choice(&cfg.how_known, "classmate", "classmate", "warm");
  fx_choice(&cfg.how_known, "colleague", "former colleague", "warm");
  fx_choice(&cfg.how_known, "introduced", "introduced", "warm");
  fx_choice(&cfg.how_known, "referral", "referral", "warm");
  fx_choice(&cfg.how_known, "cold", "cold outreach", "cold");
  fx_choice(&cfg.seniority, "junior", "junior", NULL);
  fx_choice(&cfg.seniority, "senior", "senior", NULL);
  fx_choice(&cfg.seniority, "executive", "executive", NULL);
  fx_choice(&cfg.channels, "email", "email", NULL);
  fx_choice(&cfg.channels, "video", "video call", NULL);
  fx_choice(&cfg.channels, "in_person", "in person", NULL);
}

/* Insert a contact with a name, org and tags ("a,b"); returns its id. */
static int64_t add(const char *name, const char *org, const char *tags, const char *stage,
                   const char *how_known) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.org = xstrdup(org);
  c.stage = xstrdup(stage);
  c.how_known = xstrdup(how_known);
  if (tags) {
    char *copy = xstrdup(tags), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
      strv_push(&c.tags, t);
    free(copy);
  }
  struct rp_err err;
  enum rp_status st = contact_insert(db, &cfg, &c, &err);
  if (st != RP_OK) fprintf(stderr, "add %s: %s\n", name, err.msg);
  CHECK_INT(st, RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

static void exec_ok(const char *sql) {
  CHECK_INT(sqlite3_exec(db_handle(db), sql, NULL, NULL, NULL), SQLITE_OK);
}

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(1795000000);
}

static void test_round_trip(void) {
  open_fresh("roundtrip.db");
  int64_t intro = add("Ana María", "Acme", NULL, NULL, "friend");
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup("  Zoë Ørsted \n");
  c.org = xstrdup("李小龙 Studio");
  c.role = xstrdup("Lead 🌱 designer");
  c.field = xstrdup("UX research");
  c.email = xstrdup(" zoe@example.org ");
  c.phone = xstrdup("+45 12 34 56 78");
  c.url = xstrdup("https://example.org/zoë");
  c.location = xstrdup("København");
  c.how_known = xstrdup("introduced");
  c.introduced_by = intro;
  c.seniority = xstrdup("senior");
  c.channel = xstrdup("video");
  c.stage = xstrdup("researching");
  c.work = xstrdup("Writes about service design.\nSpeaks at meetups.");
  c.challenges = xstrdup("Hiring freeze");
  c.notes = xstrdup("Likes tea 🍵");
  const char *tags[] = {"  ux ", "Design", "", "design", "café", "   "};
  for (size_t i = 0; i < RP_ARRAY_LEN(tags); i++) strv_push(&c.tags, tags[i]);
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK(c.id > intro);
  CHECK_INT(c.created_at, 1795000000);
  CHECK_INT(c.updated_at, 1795000000);
  int64_t id = c.id;
  contact_free(&c);
  CHECK(c.name == NULL && c.tags.n == 0);

  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK_INT(c.id, id);
  CHECK_STR(c.name, "Zoë Ørsted");
  CHECK_STR(c.org, "李小龙 Studio");
  CHECK_STR(c.role, "Lead 🌱 designer");
  CHECK_STR(c.field, "UX research");
  CHECK_STR(c.email, "zoe@example.org");
  CHECK_STR(c.phone, "+45 12 34 56 78");
  CHECK_STR(c.url, "https://example.org/zoë");
  CHECK_STR(c.location, "København");
  CHECK_STR(c.how_known, "introduced");
  CHECK_STR(c.warmth, "warm");
  CHECK(!c.warmth_set);
  CHECK_INT(c.introduced_by, intro);
  CHECK_STR(c.introduced_by_name, "Ana María");
  CHECK_STR(c.seniority, "senior");
  CHECK_STR(c.channel, "video");
  CHECK_STR(c.stage, "researching");
  CHECK_STR(c.work, "Writes about service design.\nSpeaks at meetups.");
  CHECK_STR(c.challenges, "Hiring freeze");
  CHECK_STR(c.notes, "Likes tea 🍵");
  CHECK_INT(c.tags.n, 3);
  if (c.tags.n == 3) {
    CHECK_STR(c.tags.v[0], "café");
    CHECK_STR(c.tags.v[1], "Design");
    CHECK_STR(c.tags.v[2], "ux");
  }
  CHECK_INT(c.created_at, 1795000000);
  CHECK_INT(c.deleted_at, 0);

  struct rp_contact copy;
  contact_init(&copy);
  contact_copy(&copy, &c);
  CHECK(copy.name != c.name);
  CHECK_STR(copy.name, "Zoë Ørsted");
  CHECK_STR(copy.introduced_by_name, "Ana María");
  CHECK_INT(copy.tags.n, 3);
  CHECK_INT(copy.introduced_by, intro);
  contact_free(&copy);
  contact_free(&c);

  /* minimal contact: empty strings become NULL, stage defaults to the first */
  contact_init(&c);
  c.name = xstrdup("李小龙");
  c.org = xstrdup("   ");
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK(c.org == NULL);
  CHECK_STR(c.stage, "identified");
  CHECK_STR(c.warmth, "cold");
  CHECK(c.introduced_by_name == NULL);
  contact_free(&c);
  CHECK_INT(contact_get(db, 9999, &c, &err), RP_NO);
  CHECK_STR(err.msg, "no contact with id 9999");
}

/* Insert c (consumed) and expect RP_INVALID on `field` with `msg`. */
static void expect_invalid(struct rp_contact *c, const char *field, const char *msg) {
  struct rp_err err;
  long long before = fx_scalar(db, "SELECT count(*) FROM contact");
  CHECK_INT(contact_insert(db, &cfg, c, &err), RP_INVALID);
  CHECK_STR(err.field, field);
  CHECK_STR(err.msg, msg);
  CHECK_INT(c->id, 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), before);
  contact_free(c);
}

static void test_validation(void) {
  open_fresh("validate.db");
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(" \t ");
  expect_invalid(&c, "name", "a name is required");

  contact_init(&c);
  c.name = xstrdup("A");
  c.stage = xstrdup("foo");
  expect_invalid(&c, "stage",
                 "stage 'foo' is not one of: identified, researching, giving, intro_requested, "
                 "asked, scheduled, met, thanked, keeping_in_touch, declined, not_now");
  contact_init(&c);
  c.name = xstrdup("A");
  c.how_known = xstrdup("x");
  expect_invalid(&c, "how_known",
                 "how known 'x' is not one of: family, friend, classmate, colleague, introduced, referral, cold");
  contact_init(&c);
  c.name = xstrdup("A");
  c.seniority = xstrdup("intern");
  expect_invalid(&c, "seniority", "seniority 'intern' is not one of: junior, senior, executive");
  contact_init(&c);
  c.name = xstrdup("A");
  c.channel = xstrdup("fax");
  expect_invalid(&c, "channel", "channel 'fax' is not one of: email, video, in_person");
  contact_init(&c);
  c.name = xstrdup("A");
  c.warmth = xstrdup("lukewarm");
  c.warmth_set = true;
  expect_invalid(&c, "warmth", "warmth 'lukewarm' is not one of: warm, cold");
  contact_init(&c);
  c.name = xstrdup("A");
  c.email = xstrdup("ana.example.org");
  expect_invalid(&c, "email", "email 'ana.example.org' has no '@'");
  contact_init(&c);
  c.name = xstrdup("A");
  c.email = xstrdup("@example.org");
  expect_invalid(&c, "email", "email '@example.org' is not of the form name@domain");
  contact_init(&c);
  c.name = xstrdup("A");
  c.email = xstrdup("a@b@c");
  expect_invalid(&c, "email", "email 'a@b@c' is not of the form name@domain");
  contact_init(&c);
  c.name = xstrdup("A");
  c.introduced_by = 999;
  expect_invalid(&c, "introduced_by", "introduced by: no contact with id 999");
  /* a very long bad value is shortened in the message */
  contact_init(&c);
  c.name = xstrdup("A");
  c.stage = xstrdup("ééééééééééééééééééééééééééééééééééééééééééééééééééééééé");
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_INVALID);
  CHECK(strstr(err.msg, "é…' is not one of") != NULL);
  contact_free(&c);

  /* keys and labels match case-insensitively and are stored as the key */
  contact_init(&c);
  c.name = xstrdup("B");
  c.stage = xstrdup("Intro Requested");
  c.channel = xstrdup("VIDEO");
  c.how_known = xstrdup("Former Colleague");
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.stage, "intro_requested");
  CHECK_STR(c.channel, "video");
  CHECK_STR(c.how_known, "colleague");
  CHECK_STR(c.warmth, "warm");

  /* self-introduction, and an introduction loop, on update */
  c.introduced_by = c.id;
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "introduced_by");
  CHECK_STR(err.msg, "a contact cannot introduce themselves");
  int64_t b = c.id;
  contact_free(&c);
  contact_init(&c);
  c.name = xstrdup("C");
  c.introduced_by = b;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t cid = c.id;
  contact_free(&c);
  CHECK_INT(contact_get(db, b, &c, &err), RP_OK);
  c.introduced_by = cid;
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "introduced_by");
  contact_free(&c);

  /* a value no longer in the config survives edits of other fields, but
   * cannot be chosen anew */
  exec_ok("UPDATE contact SET stage = 'legacy', how_known = 'old_kind' WHERE name = 'B'");
  CHECK_INT(contact_get(db, b, &c, &err), RP_OK);
  str_replace(&c.notes, "edited");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.stage, "legacy");
  CHECK_STR(c.warmth, "warm");
  contact_free(&c);
  contact_init(&c);
  c.name = xstrdup("D");
  c.stage = xstrdup("legacy");
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_INVALID);
  contact_free(&c);

  /* the schema itself refuses what validation would */
  CHECK(sqlite3_exec(db_handle(db),
                     "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
                     "VALUES ('  ', 'cold', 'met', 1, 1)",
                     NULL, NULL, NULL) != SQLITE_OK);
  CHECK(sqlite3_exec(db_handle(db), "UPDATE contact SET introduced_by = id", NULL, NULL, NULL) !=
        SQLITE_OK);
}

static void test_warmth(void) {
  open_fresh("warmth.db");
  struct rp_err err;
  int64_t fam = add("Mum", NULL, NULL, NULL, "family");
  int64_t cold = add("Stranger", NULL, NULL, NULL, "cold");
  int64_t none = add("Nobody", NULL, NULL, NULL, NULL);
  struct rp_contact c;
  CHECK_INT(contact_get(db, fam, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "warm");
  contact_free(&c);
  CHECK_INT(contact_get(db, cold, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "cold");
  contact_free(&c);
  CHECK_INT(contact_get(db, none, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "cold");

  /* set by hand: kept even though how_known says otherwise */
  str_replace(&c.how_known, "cold");
  str_replace(&c.warmth, "Warm");
  c.warmth_set = true;
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK_INT(contact_get(db, none, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "warm");
  CHECK(c.warmth_set);

  /* back to derived: follows how_known as it changes */
  c.warmth_set = false;
  str_replace(&c.how_known, "family");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "warm");
  str_replace(&c.how_known, "cold");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "cold");
  str_replace(&c.how_known, NULL);
  str_replace(&c.warmth, "warm"); /* ignored: not set by hand */
  CHECK_INT(contact_validate(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.warmth, "cold");
  contact_free(&c);

  /* introduced by someone, how-known not given: a referral, so warm */
  contact_init(&c);
  c.name = xstrdup("Friend of Mum");
  c.introduced_by = fam;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.how_known, "referral");
  CHECK_STR(c.warmth, "warm");
  contact_free(&c);
  /* ...but a how-known that is given is kept */
  contact_init(&c);
  c.name = xstrdup("Cold intro");
  c.introduced_by = fam;
  c.how_known = xstrdup("cold");
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.how_known, "cold");
  CHECK_STR(c.warmth, "cold");
  contact_free(&c);
}

static void test_update(void) {
  open_fresh("update.db");
  struct rp_err err;
  int64_t id = add("Ana", "Acme", "one,two", "identified", NULL);
  struct rp_contact c;
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  fx_set_now(1795000500);
  str_replace(&c.name, "Ana Lopez");
  str_replace(&c.org, NULL);
  str_replace(&c.stage, "met");
  strv_clear(&c.tags);
  strv_push(&c.tags, "three");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK_STR(c.name, "Ana Lopez");
  CHECK(c.org == NULL);
  CHECK_STR(c.stage, "met");
  CHECK_INT(c.tags.n, 1);
  CHECK_STR(c.tags.n ? c.tags.v[0] : "", "three");
  CHECK_INT(c.created_at, 1795000000);
  CHECK_INT(c.updated_at, 1795000500);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_tag"), 1);

  c.id = 4242;
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_NO);
  CHECK_STR(err.msg, "no contact with id 4242");
  c.id = 0;
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_NO);
  /* a failed update changes nothing */
  c.id = id;
  str_replace(&c.name, "Changed");
  str_replace(&c.stage, "nope");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_INVALID);
  contact_free(&c);
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK_STR(c.name, "Ana Lopez");
  contact_free(&c);
}

static long count_of(const struct rp_contact_query *q) {
  long n = -1;
  struct rp_err err;
  CHECK_INT(contact_count(db, q, &n, &err), RP_OK);
  return n;
}

/* The names a query lists, joined with "|". Caller frees. */
static char *names_of(const struct rp_contact_query *q, long offset, long limit) {
  struct rp_contact_list l;
  struct rp_err err;
  CHECK_INT(contact_list(db, q, offset, limit, &l, &err), RP_OK);
  char *s = fx_list_names(&l);
  contact_list_free(&l);
  return s;
}

#define CHECK_NAMES(q, off, lim, expected)       \
  do {                                           \
    char *names_ = names_of((q), (off), (lim));  \
    CHECK_STR(names_, (expected));               \
    free(names_);                                \
  } while (0)

static void test_delete_undo(void) {
  open_fresh("delete.db");
  struct rp_err err;
  int64_t a = add("Alice", NULL, NULL, NULL, NULL);
  int64_t b = add("Bob", NULL, NULL, NULL, NULL);
  add("Carl", NULL, NULL, NULL, NULL);
  struct rp_contact_query q = {0};
  CHECK_INT(contact_delete(db, b, &err), RP_OK);
  CHECK_INT(contact_delete(db, a, &err), RP_OK); /* same second: order still known */
  CHECK_NAMES(&q, 0, -1, "Carl");
  CHECK_INT(count_of(&q), 1);
  q.include_deleted = true;
  CHECK_NAMES(&q, 0, -1, "Alice|Bob|Carl");
  CHECK_INT(count_of(&q), 3);
  q.include_deleted = false;
  struct rp_contact c;
  CHECK_INT(contact_get(db, a, &c, &err), RP_OK);
  CHECK_INT(c.deleted_at, 1795000000);
  contact_free(&c);
  CHECK_INT(contact_delete(db, a, &err), RP_NO);
  CHECK_STR(err.msg, "Alice is already deleted");
  CHECK_INT(contact_delete(db, 777, &err), RP_NO);

  int64_t back = 0;
  CHECK_INT(contact_undo_delete(db, &back, &err), RP_OK);
  CHECK_INT(back, a);
  CHECK_NAMES(&q, 0, -1, "Alice|Carl");
  CHECK_INT(contact_undo_delete(db, &back, &err), RP_OK);
  CHECK_INT(back, b);
  CHECK_INT(contact_undo_delete(db, &back, &err), RP_NO);
  CHECK_INT(back, 0);
  CHECK_INT(contact_undelete(db, a, &err), RP_NO);
  CHECK_STR(err.msg, "Alice is not deleted");
  CHECK_INT(contact_get(db, a, &c, &err), RP_OK);
  CHECK_INT(c.deleted_at, 0);
  contact_free(&c);

  /* later deletions come back first, even when the clock says otherwise */
  fx_set_now(1795000900);
  CHECK_INT(contact_delete(db, a, &err), RP_OK);
  fx_set_now(1795000100);
  CHECK_INT(contact_delete(db, b, &err), RP_OK);
  CHECK_INT(contact_undelete(db, b, &err), RP_OK);
  CHECK_INT(contact_undo_delete(db, &back, &err), RP_OK);
  CHECK_INT(back, a);
}

/* The text filter through the haystacks of migration 13: three letters or
 * more go through the trigram index, fewer through the haystacks; the
 * haystacks follow changes made with plain SQL (as the sqlite3 shell would
 * make them, without the app's rp_fold), and the answers are those of
 * the six fields themselves. */
static void test_text_filter(void) {
  struct rp_err err_up;
  open_fresh("filter.db");
  fx_set_now(1000);
  int64_t ana = add("Ana Lopez", "ACME \"Labs\"", "design,ux", "met", "friend");
  int64_t bob = add("Bob", "Kubernetes 100% Co_op", "finance", "identified", NULL);
  int64_t zoe = add("Zoë Ørsted", "Gamma", "Design", "asked", "family");
  int64_t li = add("李小龙", NULL, NULL, "identified", NULL);
  struct rp_contact_query q = {0};
  q.text = "ØRST"; /* trigram, beyond ASCII */
  CHECK_NAMES(&q, 0, -1, "Zoë Ørsted");
  q.text = "ZOË"; /* rp_fold: case, beyond ASCII too */
  CHECK_NAMES(&q, 0, -1, "Zoë Ørsted");
  q.text = "zoe"; /* an accent is a different letter */
  CHECK_NAMES(&q, 0, -1, "");
  q.text = "ør"; /* two letters: the haystacks */
  CHECK_NAMES(&q, 0, -1, "Zoë Ørsted");
  q.text = "小龙";
  CHECK_NAMES(&q, 0, -1, "李小龙");
  q.text = "\"labs\""; /* quotes are letters, not FTS5 syntax */
  CHECK_NAMES(&q, 0, -1, "Ana Lopez");
  q.text = "100%";
  CHECK_NAMES(&q, 0, -1, "Bob");
  q.text = "o_o";
  CHECK_NAMES(&q, 0, -1, "Bob");
  q.text = "z\nG"; /* across two fields: never */
  CHECK_NAMES(&q, 0, -1, "");
  q.text = "ux\nd"; /* nor across two tags */
  CHECK_NAMES(&q, 0, -1, "");
  q.text = "sig";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Zoë Ørsted");
  long upto = -1;
  CHECK_INT(contact_count_upto(db, &q, 1, &upto, &err_up), RP_OK);
  CHECK_INT(upto, 1);
  CHECK_INT(contact_count_upto(db, &q, 1000, &upto, &err_up), RP_OK);
  CHECK_INT(upto, 2);
  long pos = -1;
  struct rp_err err;
  CHECK_INT(contact_position(db, &q, zoe, &pos, &err), RP_OK);
  CHECK_INT(pos, 1);
  CHECK_INT(contact_position(db, &q, bob, &pos, &err), RP_NO);

  /* changes by plain SQL on a connection without rp_fold */
  char *path = xasprintf("%s/filter.db", check_tmpdir());
  sqlite3 *raw = NULL;
  CHECK_INT(sqlite3_open_v2(path, &raw, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_busy_timeout(raw, 5000);
  CHECK_INT(sqlite3_exec(raw,
                         "UPDATE contact SET role = 'Platform engineer' WHERE name = 'Bob';"
                         "INSERT INTO contact_tag (contact_id, tag) "
                         "SELECT id, 'climate' FROM contact WHERE name = '李小龙';"
                         "DELETE FROM contact_tag WHERE tag = 'ux';"
                         "INSERT INTO contact (name, warmth, stage, created_at, updated_at) "
                         "VALUES ('Émile Ngô', 'cold', 'identified', 0, 0);",
                         NULL, NULL, NULL),
            SQLITE_OK);
  q.text = "platform";
  CHECK_NAMES(&q, 0, -1, "Bob");
  q.text = "clim";
  CHECK_NAMES(&q, 0, -1, "李小龙");
  q.text = "ux";
  CHECK_NAMES(&q, 0, -1, "");
  q.text = "ÉMILE NGÔ";
  CHECK_NAMES(&q, 0, -1, "Émile Ngô");
  FX_CHECK_SQL(db, "SELECT count(*) FROM contact_filter_stale", "0");
  FX_CHECK_SQL(db,
               "SELECT (SELECT count(*) FROM contact) = (SELECT count(*) FROM contact_filter_hay)",
               "1");
  CHECK_INT(sqlite3_exec(raw, "DELETE FROM contact WHERE name = 'Émile Ngô'", NULL, NULL, NULL),
            SQLITE_OK);
  CHECK_NAMES(&q, 0, -1, "");
  FX_CHECK_SQL(db, "SELECT count(*) FROM contact_filter_hay WHERE instr(hay, 'émile') > 0", "0");

  /* the filter reads the haystacks (not the contacts): one taken away
   * unseen is not found, with three letters or with two, until it is
   * marked */
  CHECK_INT(sqlite3_exec(raw, "DELETE FROM contact_filter_hay WHERE hay LIKE 'ana lopez%'", NULL,
                         NULL, NULL),
            SQLITE_OK);
  q.text = "lopez";
  CHECK_NAMES(&q, 0, -1, "");
  q.text = "lo";
  CHECK_NAMES(&q, 0, -1, "");
  char *mark = xasprintf("INSERT INTO contact_filter_stale VALUES (%lld)", (long long)ana);
  CHECK_INT(sqlite3_exec(raw, mark, NULL, NULL, NULL), SQLITE_OK);
  free(mark);
  CHECK_NAMES(&q, 0, -1, "Ana Lopez");
  q.text = "lopez";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez");
  /* the search index still agrees with its content table */
  exec_ok("INSERT INTO contact_filter (contact_filter, rank) VALUES ('integrity-check', 1)");
  sqlite3_close(raw);
  free(path);
  (void)li;
}

static void test_lists(void) {
  open_fresh("lists.db");
  fx_set_now(1000);
  add("carl Young", "Beta", "mentor", "met", "cold");
  fx_set_now(3000);
  add("Ana Lopez", "ACME", "design,ux", "met", "friend");
  fx_set_now(2000);
  int64_t bob = add("Bob", "acme", "finance", "identified", NULL);
  fx_set_now(4000);
  add("Zoë Ørsted", "Gamma", "Design", "asked", "family");
  fx_set_now(1500);
  int64_t gone = add("Deleted Person", "Acme", "design", "met", NULL);
  struct rp_err err;
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);
  exec_ok("UPDATE contact SET email = 'bob@finance.example' WHERE name = 'Bob'");

  struct rp_contact_query q = {0};
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Bob|carl Young|Zoë Ørsted");
  CHECK_NAMES(NULL, 0, -1, "Ana Lopez|Bob|carl Young|Zoë Ørsted");
  q.sort = SORT_UPDATED;
  CHECK_NAMES(&q, 0, -1, "Zoë Ørsted|Ana Lopez|Bob|carl Young");
  CHECK_NAMES(&q, 1, 2, "Ana Lopez|Bob");
  CHECK_NAMES(&q, 3, 10, "carl Young");
  CHECK_NAMES(&q, 10, 10, "");
  q.sort = SORT_NAME;
  CHECK_NAMES(&q, 2, -1, "carl Young|Zoë Ørsted");

  /* text: name, org, tag, email; case-insensitive, also beyond ASCII */
  q.text = "LOPEZ";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez");
  q.text = "acme";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Bob");
  q.text = "design";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Zoë Ørsted");
  q.text = "finance.example";
  CHECK_NAMES(&q, 0, -1, "Bob");
  q.text = "ØRSTED";
  CHECK_NAMES(&q, 0, -1, "Zoë Ørsted");
  q.text = "zoë";
  CHECK_NAMES(&q, 0, -1, "Zoë Ørsted");
  q.text = "nothing like this";
  CHECK_NAMES(&q, 0, -1, "");
  CHECK_INT(count_of(&q), 0);
  q.text = "";
  CHECK_INT(count_of(&q), 4);
  q.text = NULL;

  q.stage = "met";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|carl Young");
  q.include_deleted = true;
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|carl Young|Deleted Person");
  q.include_deleted = false;
  q.warmth = "warm";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez");
  q.stage = NULL;
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Zoë Ørsted");
  q.warmth = "cold";
  CHECK_INT(count_of(&q), 2);
  q.warmth = NULL;
  q.tag = "DESIGN";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Zoë Ørsted");
  q.tag = "desig"; /* tags match whole */
  CHECK_INT(count_of(&q), 0);
  q.tag = NULL;
  q.org = "Acme";
  CHECK_NAMES(&q, 0, -1, "Ana Lopez|Bob");
  q.org = "Acm";
  CHECK_INT(count_of(&q), 0);
  q.org = NULL;

  /* tags and introducer come with list rows */
  struct rp_contact_list l;
  q.text = "ana";
  CHECK_INT(contact_list(db, &q, 0, -1, &l, &err), RP_OK);
  CHECK_INT(l.n, 1);
  if (l.n == 1) {
    CHECK_INT(l.v[0].tags.n, 2);
    CHECK_STR(l.v[0].tags.v[0], "design");
    CHECK_STR(l.v[0].org, "ACME");
  }
  contact_list_free(&l);
  CHECK(l.v == NULL && l.n == 0);
  q.text = NULL;

  /* position follows the same order as the list */
  long pos = -1;
  CHECK_INT(contact_position(db, &q, bob, &pos, &err), RP_OK);
  CHECK_INT(pos, 1);
  q.sort = SORT_UPDATED;
  CHECK_INT(contact_position(db, &q, bob, &pos, &err), RP_OK);
  CHECK_INT(pos, 2);
  q.stage = "identified";
  CHECK_INT(contact_position(db, &q, bob, &pos, &err), RP_OK);
  CHECK_INT(pos, 0);
  q.stage = "met";
  CHECK_INT(contact_position(db, &q, bob, &pos, &err), RP_NO);
  q.stage = NULL;
  CHECK_INT(contact_position(db, &q, gone, &pos, &err), RP_NO);
  q.include_deleted = true;
  CHECK_INT(contact_position(db, &q, gone, &pos, &err), RP_OK);
  CHECK_INT(pos, 3); /* updated 1500: after 4000, 3000, 2000 */
  q.include_deleted = false;

  /* ties on name keep a stable order by id */
  q.sort = SORT_NAME;
  int64_t bob2 = add("BOB", NULL, NULL, NULL, NULL);
  CHECK_NAMES(&q, 0, 3, "Ana Lopez|Bob|BOB");
  CHECK_INT(contact_position(db, &q, bob2, &pos, &err), RP_OK);
  CHECK_INT(pos, 2);
}

static void test_resolve(void) {
  open_fresh("resolve.db");
  struct rp_err err;
  int64_t ana_m = add("Ana María", "Acme", NULL, NULL, NULL);
  int64_t ana_l = add("Ana Lopez", "Beta", NULL, NULL, NULL);
  int64_t zoe = add("Zoë Ørsted", NULL, NULL, NULL, NULL);
  int64_t id = 0;
  CHECK_INT(contact_resolve(db, "Ana Lopez", &id, &err), RP_OK);
  CHECK_INT(id, ana_l);
  CHECK_INT(contact_resolve(db, "  ana lopez ", &id, &err), RP_OK);
  CHECK_INT(id, ana_l);
  CHECK_INT(contact_resolve(db, "ZOË ØRSTED", &id, &err), RP_OK);
  CHECK_INT(id, zoe);
  CHECK_INT(contact_resolve(db, "maría", &id, &err), RP_OK);
  CHECK_INT(id, ana_m);
  CHECK_INT(contact_resolve(db, "ana", &id, &err), RP_INVALID);
  CHECK_INT(id, 0);
  CHECK_STR(err.msg,
            "'ana' matches several contacts: Ana Lopez (Beta), Ana María (Acme); use more of the name");
  CHECK_INT(contact_resolve(db, "zed", &id, &err), RP_NO);
  CHECK_STR(err.msg, "no contact matches 'zed'");
  CHECK_INT(contact_resolve(db, "  ", &id, &err), RP_INVALID);

  /* an exact name wins over longer names containing it */
  int64_t ana = add("Ana", NULL, NULL, NULL, NULL);
  CHECK_INT(contact_resolve(db, "ANA", &id, &err), RP_OK);
  CHECK_INT(id, ana);
  /* two people with the same name are ambiguous */
  add("ana", "Gamma", NULL, NULL, NULL);
  CHECK_INT(contact_resolve(db, "ana", &id, &err), RP_INVALID);
  CHECK_STR(err.msg, "'ana' matches several contacts: Ana, ana (Gamma); use more of the name");

  /* deleted contacts never match */
  CHECK_INT(contact_delete(db, ana_l, &err), RP_OK);
  CHECK_INT(contact_resolve(db, "lopez", &id, &err), RP_NO);

  /* many candidates: ten listed, then an ellipsis */
  for (int i = 0; i < 12; i++) {
    char name[32];
    snprintf(name, sizeof name, "Sam %02d", i);
    add(name, NULL, NULL, NULL, NULL);
  }
  CHECK_INT(contact_resolve(db, "sam", &id, &err), RP_INVALID);
  CHECK_STR(err.msg, "'sam' matches several contacts: Sam 00, Sam 01, Sam 02, Sam 03, Sam 04, "
                     "Sam 05, Sam 06, Sam 07, Sam 08, Sam 09, …; use more of the name");
}

static void test_sql_text_is_literal(void) {
  open_fresh("literal.db");
  struct rp_err err;
  int64_t pct = add("100% Sure", NULL, "50%", NULL, NULL);
  int64_t und = add("under_score", NULL, NULL, NULL, NULL);
  int64_t quote = add("O'Brien\"; DROP TABLE contact; --", "x') OR 1=1 --", NULL, NULL, NULL);
  add("Plain Name", "Plain", "plain", NULL, NULL);
  struct rp_contact_query q = {0};
  q.text = "%";
  CHECK_NAMES(&q, 0, -1, "100% Sure");
  q.text = "_";
  CHECK_NAMES(&q, 0, -1, "under_score");
  q.text = "'";
  CHECK_NAMES(&q, 0, -1, "O'Brien\"; DROP TABLE contact; --");
  q.text = "') OR 1=1 --";
  CHECK_NAMES(&q, 0, -1, "O'Brien\"; DROP TABLE contact; --");
  q.text = NULL;
  q.tag = "%";
  CHECK_INT(count_of(&q), 0);
  q.tag = "50%";
  CHECK_INT(count_of(&q), 1);
  q.tag = NULL;
  q.org = "' OR '1'='1";
  CHECK_INT(count_of(&q), 0);
  q.org = NULL;
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), 4);
  int64_t id = 0;
  CHECK_INT(contact_resolve(db, "100%", &id, &err), RP_OK);
  CHECK_INT(id, pct);
  CHECK_INT(contact_resolve(db, "r_s", &id, &err), RP_OK);
  CHECK_INT(id, und);
  CHECK_INT(contact_resolve(db, "%", &id, &err), RP_OK);
  CHECK_INT(id, pct);
  CHECK_INT(contact_resolve(db, "o'brien", &id, &err), RP_OK);
  CHECK_INT(id, quote);
  CHECK_INT(contact_resolve(db, "' OR 1=1 --", &id, &err), RP_NO);
  CHECK_STR(err.msg, "no contact matches '' OR 1=1 --'");
}

/* Research notes and the outreach draft: stored, read, copied, trimmed
 * (empty → NULL), written by update, and kept by lists. */
static void test_research_draft(void) {
  open_fresh("research.db");
  struct rp_err err;
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup("Priya Shah");
  c.research = xstrdup("\n  Leads the data team at Acme.\nTalk: \"Metrics that matter\" 🌱  \n");
  c.draft = xstrdup("  Hi Priya,\n\nI read your talk on {topic}.\n ");
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK_STR(c.research, "Leads the data team at Acme.\nTalk: \"Metrics that matter\" 🌱");
  CHECK_STR(c.draft, "Hi Priya,\n\nI read your talk on {topic}.");
  int64_t id = c.id;
  contact_free(&c);
  CHECK(c.research == NULL && c.draft == NULL);

  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK_STR(c.research, "Leads the data team at Acme.\nTalk: \"Metrics that matter\" 🌱");
  CHECK_STR(c.draft, "Hi Priya,\n\nI read your talk on {topic}.");
  struct rp_contact copy;
  contact_init(&copy);
  contact_copy(&copy, &c);
  CHECK(copy.research != c.research && copy.draft != c.draft);
  CHECK_STR(copy.research, c.research);
  CHECK_STR(copy.draft, c.draft);
  contact_free(&copy);

  /* update writes them; other fields are untouched */
  fx_set_now(1795000700);
  str_replace(&c.research, "New notes");
  str_replace(&c.draft, " \t ");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  CHECK(c.draft == NULL);
  contact_free(&c);
  CHECK_INT(contact_get(db, id, &c, &err), RP_OK);
  CHECK_STR(c.research, "New notes");
  CHECK(c.draft == NULL);
  CHECK_STR(c.name, "Priya Shah");
  CHECK_INT(c.updated_at, 1795000700);
  CHECK_INT(
      fx_scalar(db, "SELECT count(*) FROM contact WHERE draft IS NULL AND research = 'New notes'"),
      1);
  /* SQL-looking text is stored as it is */
  str_replace(&c.draft, "'); DROP TABLE contact; --");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);

  struct rp_contact_list l;
  CHECK_INT(contact_list(db, NULL, 0, -1, &l, &err), RP_OK);
  CHECK_INT(l.n, 1);
  if (l.n == 1) {
    CHECK_STR(l.v[0].research, "New notes");
    CHECK_STR(l.v[0].draft, "'); DROP TABLE contact; --");
  }
  contact_list_free(&l);
  fx_set_now(1795000000);
}

static void test_introducer_foreign_key(void) {
  open_fresh("fk.db");
  struct rp_err err;
  int64_t a = add("Introducer", NULL, "t1", NULL, NULL);
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup("Introduced");
  c.introduced_by = a;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t b = c.id;
  contact_free(&c);

  /* a soft-deleted introducer stays linked and the contact stays editable,
   * but cannot be picked for someone new */
  CHECK_INT(contact_delete(db, a, &err), RP_OK);
  CHECK_INT(contact_get(db, b, &c, &err), RP_OK);
  CHECK_STR(c.introduced_by_name, "Introducer");
  str_replace(&c.notes, "still editable");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  contact_init(&c);
  c.name = xstrdup("Someone new");
  c.introduced_by = a;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.msg, "introduced by: no contact with id " "1");
  contact_free(&c);

  /* removing the row for good unlinks it and drops its tags */
  exec_ok("DELETE FROM contact WHERE name = 'Introducer'");
  CHECK_INT(contact_get(db, b, &c, &err), RP_OK);
  CHECK_INT(c.introduced_by, 0);
  CHECK(c.introduced_by_name == NULL);
  contact_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_tag"), 0);
}

int main(void) {
  setlocale(LC_ALL, "");
  make_config();
  test_round_trip();
  test_validation();
  test_warmth();
  test_update();
  test_delete_undo();
  test_lists();
  test_text_filter();
  test_resolve();
  test_sql_text_is_literal();
  test_introducer_foreign_key();
  test_research_draft();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  fx_choices_free(&cfg.seniority);
  fx_choices_free(&cfg.channels);
  check_rmtree(check_tmpdir());
  return check_done("test_contact");
}
