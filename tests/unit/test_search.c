/* test_search.c — full-text search: every covered table is found with its
 * kind, title and highlighted snippet; ranking (a contact whose name
 * matches comes before one whose notes mention the word; kinds grouped in
 * enum order); accents and case (Zoe finds Zoë; Orsted finds Ørsted through
 * the spelt-out columns, since unicode61 does not fold Ø, ß or Ł); prefixes;
 * CJK (unicode61 keeps a run of CJK characters as one token: the full name
 * and its beginning are found, a middle part is not); FTS syntax in the
 * query taken literally; the index against a fresh search_rebuild after
 * inserts, updates, tag changes, soft delete, undelete and hard delete; and
 * the migration from schema 5 filling the index from existing rows. */
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/search.h"

static struct rp_config cfg;
static struct rp_db *db;

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(1795000000); /* 2026-11-18 08:26:40 UTC */
}

/* The hits of l as text, one "kind|ref|contact|where|title|snippet" line
 * each, markers shown as [ ]; frees l, the caller frees the text. */
static char *hits_text(struct rp_hit_list *l) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < l->n; i++) {
    const struct rp_hit *h = &l->v[i];
    buf_addf(&b, "%s|%lld|%lld|%s|%s|", rp_hit_kind_names[h->kind], (long long)h->ref_id,
             (long long)h->contact_id, h->where ? h->where : "", h->title);
    for (const char *p = h->snippet; *p; p++)
      buf_addc(&b, *p == 1 ? '[' : *p == 2 ? ']' : *p);
    buf_addc(&b, '\n');
  }
  hit_list_free(l);
  return buf_steal(&b);
}

/* The hits for q as text (hits_text); a failed check when search_run
 * fails. Caller frees. */
static char *search_text(const char *q, size_t limit) {
  struct rp_hit_list l = {0};
  struct rp_err err;
  enum rp_status st = search_run(db, q, limit, &l, &err);
  CHECK_INT(st, RP_OK);
  if (st != RP_OK) fprintf(stderr, "search '%s': %s\n", q, err.msg);
  return hits_text(&l);
}

/* Number of hits for q. */
static size_t count(const char *q) {
  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, q, 0, &l, &err), RP_OK);
  size_t n = l.n;
  hit_list_free(&l);
  return n;
}

/* The contact of the first hit for q; -1 when there is none. */
static int64_t first_contact(const char *q) {
  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, q, 0, &l, &err), RP_OK);
  int64_t id = l.n ? l.v[0].contact_id : -1;
  hit_list_free(&l);
  return id;
}

#define CHECK_SEARCH(q, want)            \
  do {                                   \
    char *got_ = search_text(q, 0);      \
    CHECK_STR(got_, want);               \
    free(got_);                          \
  } while (0)

/* The whole index as text (rowid and columns; then the names index), for
 * comparisons; caller frees. */
static char *index_dump(void) {
  return fx_text(db, "SELECT group_concat(x, char(10)) FROM (SELECT rowid || '|' || "
                     "ifnull(name, '-') || '|' || ifnull(body, '-') || '|' || "
                     "ifnull(name_alt, '-') || '|' || ifnull(body_alt, '-') AS x "
                     "FROM search_fts UNION ALL SELECT 'name ' || rowid || '|' || name || '|' || "
                     "ifnull(name_alt, '-') FROM search_name ORDER BY 1)");
}

/* A conversation with contact `who` (scheduled 2026-11-20 14:30 UTC); its id. */
static int64_t conversation(int64_t who, const char *objective) {
  fx_execf(db,
           "INSERT INTO conversation (contact_id, minutes, objective, status, scheduled_at, "
           "created_at, updated_at) VALUES (%lld, 20, %s%s%s, 'planned', 1795185000, 1, 1)",
           (long long)who, objective ? "'" : "", objective ? objective : "NULL",
           objective ? "'" : "");
  return fx_scalar(db, "SELECT max(id) FROM conversation");
}

static int64_t note(int64_t conv, const char *text) {
  fx_execf(db,
           "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
           "VALUES (%lld, 10, '%s', 1, 1)",
           (long long)conv, text);
  return fx_scalar(db, "SELECT max(id) FROM note");
}

/* ---- what is found, and how it is shown ---- */

static void test_kinds_and_titles(void) {
  open_fresh("kinds.db");
  int64_t zoe = fx_add_contact(db, &cfg, "Zoë Ørsted", "met");
  fx_execf(db, "UPDATE contact SET org = 'Acme', role = 'research lead', "
               "research = 'Wrote about kelp farming', draft = 'Dear Zoë, your kelp piece' "
               "WHERE id = %lld", (long long)zoe);
  fx_execf(db, "INSERT INTO contact_tag VALUES (%lld, 'oceans')", (long long)zoe);
  int64_t c1 = conversation(zoe, "learn how kelp scales");
  int64_t n1 = note(c1, "kelp needs cold water");
  fx_execf(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
               "VALUES (%lld, '2026-03-01', 'read', 'Read her kelp article', 1)", (long long)zoe);
  int64_t g1 = fx_scalar(db, "SELECT max(id) FROM give");
  fx_exec(db, "INSERT INTO ws_item (section, title, text1, position, created_at, updated_at) "
              "VALUES ('superpower', 'Explaining kelp', 'taught 30 farmers', 1, 1, 1)");
  int64_t w1 = fx_scalar(db, "SELECT max(id) FROM ws_item");
  fx_exec(db, "INSERT INTO ws_text (key, value, updated_at) VALUES ('want', 'work on kelp', 1)");
  fx_execf(db, "INSERT INTO question (conversation_id, position, text, created_at) "
               "VALUES (%lld, 1, 'Where does kelp grow best?', 1)", (long long)c1);
  int64_t q1 = fx_scalar(db, "SELECT max(id) FROM question");
  fx_execf(db, "INSERT INTO followup (contact_id, conversation_id, kind, due, medium, draft, "
               "created_at, updated_at) VALUES (%lld, %lld, 'thank-you', '2026-11-21', 'email', "
               "'Thank you for the kelp tips', 1, 1)", (long long)zoe, (long long)c1);
  int64_t f1 = fx_scalar(db, "SELECT max(id) FROM followup");

  char *want = xasprintf(
      "contact|%lld|%lld||Zo\xC3\xAB \xC3\x98rsted (Acme)|"
      "research lead \xC2\xB7 oceans \xC2\xB7 Wrote about [kelp] farming\n"
      "note|%lld|%lld||Note in the call with Zo\xC3\xAB \xC3\x98rsted on 2026-11-20|"
      "[kelp] needs cold water\n"
      "give|%lld|%lld||Gave to Zo\xC3\xAB \xC3\x98rsted on 2026-03-01|Read her [kelp] article\n"
      "worksheet|%lld|0|superpower|Worksheet \xC2\xB7 superpower|Explaining [kelp]\n"
      "worksheet|0|0|want|Worksheet \xC2\xB7 want|work on [kelp]\n",
      (long long)zoe, (long long)zoe, (long long)n1, (long long)zoe, (long long)g1,
      (long long)zoe, (long long)w1);
  char *got = search_text("kelp", 0);
  /* the drafts group follows; compare the first groups exactly */
  CHECK(strncmp(got, want, strlen(want)) == 0);
  if (strncmp(got, want, strlen(want)) != 0) fprintf(stderr, "got:\n%s\nwant:\n%s", got, want);
  free(want);
  /* the drafts: outreach draft, objective, question, thank-you (order by rank) */
  char *drafts[] = {
      xasprintf("draft|%lld|%lld|outreach|Outreach draft to Zo\xC3\xAB \xC3\x98rsted|"
                "Dear Zo\xC3\xAB, your [kelp] piece\n", (long long)zoe, (long long)zoe),
      xasprintf("draft|%lld|%lld|objective|Call with Zo\xC3\xAB \xC3\x98rsted on 2026-11-20|"
                "learn how [kelp] scales\n", (long long)c1, (long long)zoe),
      xasprintf("draft|%lld|%lld|question|Question for Zo\xC3\xAB \xC3\x98rsted on 2026-11-20|"
                "Where does [kelp] grow best?\n", (long long)q1, (long long)zoe),
      xasprintf("draft|%lld|%lld|followup|Thank-you to Zo\xC3\xAB \xC3\x98rsted|"
                "Thank you for the [kelp] tips\n", (long long)f1, (long long)zoe),
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(drafts); i++) {
    CHECK(strstr(got, drafts[i]) != NULL);
    if (!strstr(got, drafts[i])) fprintf(stderr, "missing: %s", drafts[i]);
    free(drafts[i]);
  }
  size_t lines = 0;
  for (const char *p = got; *p; p++) lines += *p == '\n';
  CHECK_INT(lines, 9);
  free(got);

  /* at most `limit` hits, still grouped */
  got = search_text("kelp", 3);
  lines = 0;
  for (const char *p = got; *p; p++) lines += *p == '\n';
  CHECK_INT(lines, 3);
  free(got);

  /* every word must match; empty queries give nothing */
  CHECK_INT(count("kelp cold"), 1);
  CHECK_INT(count("kelp nowhere"), 0);
  CHECK_INT(count(""), 0);
  CHECK_INT(count("   \t "), 0);
  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, NULL, 10, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
  /* tags and the organisation are part of the contact */
  CHECK_INT(count("oceans"), 1);
  CHECK_INT(count("acme"), 1);
  /* a long field is cut around the match, with an ellipsis */
  fx_execf(db, "UPDATE contact SET notes = 'one two three four five six seven eight nine ten "
               "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
               "twenty zanzibar end' WHERE id = %lld", (long long)zoe);
  got = search_text("zanzibar", 0);
  CHECK(strstr(got, "\xE2\x80\xA6") != NULL);
  CHECK(strstr(got, "[zanzibar] end") != NULL);
  free(got);
}

/* Within a kind: a name (or organisation) match first; a mention deep in
 * someone's notes after. Across kinds: the enum order. */
static void test_ranking(void) {
  open_fresh("rank.db");
  int64_t bob = fx_add_contact(db, &cfg, "Bob Stone", "met");
  fx_execf(db, "UPDATE contact SET notes = 'We talked about many things: the weather, the "
               "harbour, his garden, the new library, and at the very end about Ada' "
               "WHERE id = %lld", (long long)bob);
  int64_t c = conversation(bob, NULL);
  note(c, "Ada Lovelace came up");
  int64_t ada = fx_add_contact(db, &cfg, "Ada Lovelace", "met");
  int64_t org = fx_add_contact(db, &cfg, "Carl Menger", "met");
  fx_execf(db, "UPDATE contact SET org = 'Ada Analytics' WHERE id = %lld", (long long)org);

  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_run(db, "ada", 0, &l, &err), RP_OK);
  CHECK_INT(l.n, 4);
  if (l.n == 4) {
    CHECK_INT(l.v[0].kind, HIT_CONTACT);
    CHECK(l.v[0].contact_id == ada || l.v[0].contact_id == org);
    CHECK(l.v[1].contact_id == ada || l.v[1].contact_id == org);
    CHECK_INT(l.v[2].contact_id, bob); /* the mention in the notes */
    CHECK_INT(l.v[2].kind, HIT_CONTACT);
    CHECK_INT(l.v[3].kind, HIT_NOTE);
    for (size_t i = 0; i + 1 < l.n; i++)
      if (l.v[i].kind == l.v[i + 1].kind) CHECK(l.v[i].rank <= l.v[i + 1].rank);
  }
  hit_list_free(&l);
  /* the full name beats the organisation */
  CHECK_INT(search_run(db, "ada lovelace", 0, &l, &err), RP_OK);
  CHECK(l.n >= 1);
  if (l.n >= 1) CHECK_INT(l.v[0].contact_id, ada);
  hit_list_free(&l);
}

/* ---- matching: accents, case, prefixes, CJK, syntax ---- */

static void test_matching(void) {
  open_fresh("match.db");
  /* Zoë Ørsted, Łukasz Wróbel, 李小龙, Hans Groß, Renée Façon */
  int64_t zoe = fx_add_contact(db, &cfg, "Zo\xC3\xAB \xC3\x98rsted", "met");
  int64_t lu = fx_add_contact(db, &cfg, "\xC5\x81ukasz Wr\xC3\xB3" "bel", "met");
  int64_t li = fx_add_contact(db, &cfg, "\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99", "met");
  int64_t de = fx_add_contact(db, &cfg, "Hans Gro\xC3\x9F", "met");
  fx_execf(db, "UPDATE contact SET notes = 'lives on Hauptstra\xC3\x9F" "e' WHERE id = %lld",
           (long long)de);
  int64_t ren = fx_add_contact(db, &cfg, "Ren\xC3\xA9" "e Fa\xC3\xA7on", "met");

  /* diacritics and case: unicode61 with remove_diacritics 2 */
  const char *zoes[] = {"zoe", "ZOE", "Zo\xC3\xAB", "ZO\xC3\x8B", "zo", "z"};
  for (size_t i = 0; i < RP_ARRAY_LEN(zoes); i++) {
    struct rp_hit_list l = {0};
    struct rp_err err;
    CHECK_INT(search_run(db, zoes[i], 0, &l, &err), RP_OK);
    CHECK_INT(l.n, 1);
    if (l.n == 1) CHECK_INT(l.v[0].contact_id, zoe);
    hit_list_free(&l);
  }
  CHECK_INT(first_contact("renee facon"), ren);
  /* a word given again, in any case, counts once; 200 words are as quick
   * as 16 (the rest are left out) and find what the first ones find */
  CHECK_INT(first_contact("renee RENEE Renee facon facon"), ren);
  struct rp_buf many = {0};
  for (int k = 0; k < 200; k++) buf_adds(&many, k % 2 ? "facon " : "Renee ");
  CHECK_INT(first_contact(buf_str(&many)), ren);
  struct rp_hit_list wl = {0};
  struct rp_err werr;
  CHECK_INT(search_run(db, buf_str(&many), 0, &wl, &werr), RP_OK);
  CHECK_INT(wl.words_left_out, 0); /* two different words */
  hit_list_free(&wl);
  /* 20 different words and again: the 4 past SEARCH_MAX_WORDS are counted */
  buf_reset(&many);
  for (int k = 0; k < 40; k++) buf_addf(&many, "w%d ", k % 20);
  CHECK_INT(search_run(db, buf_str(&many), 0, &wl, &werr), RP_OK);
  CHECK_INT(wl.words_left_out, 20 - SEARCH_MAX_WORDS);
  hit_list_free(&wl);
  buf_free(&many);
  CHECK_INT(first_contact("REN\xC3\x89" "E"), ren); /* RENÉE */
  CHECK_INT(first_contact("wrobel"), lu);
  /* letters unicode61 keeps (Ø, Ł, ß): found as typed, and spelt out
   * through the _alt columns; the snippet then shows the spelt-out text */
  CHECK_SEARCH("\xC3\x98rsted",
               "contact|1|1||Zo\xC3\xAB \xC3\x98rsted|Zo\xC3\xAB [\xC3\x98rsted]\n");
  CHECK_INT(count("\xC3\xB8rsted"), 1);  /* ørsted */
  CHECK_INT(count("orsted"), 1);
  CHECK_INT(count("ORST"), 1);
  CHECK_SEARCH("orsted", "contact|1|1||Zo\xC3\xAB \xC3\x98rsted|Zo\xC3\xAB [Orsted]\n");
  CHECK_INT(first_contact("lukasz"), lu);
  CHECK_INT(first_contact("\xC5\x82ukasz"), lu); /* łukasz */
  CHECK_INT(first_contact("gross"), de);
  CHECK_INT(first_contact("gro\xC3\x9F"), de);
  CHECK_INT(first_contact("hauptstrasse"), de);
  CHECK_INT(first_contact("hauptstra\xC3\x9F" "e"), de);
  CHECK_INT(count("lukasz"), 1);
  CHECK_INT(count("gross"), 1);
  /* spelt out in the journal, typed with the letter: found too */
  int64_t plain = fx_add_contact(db, &cfg, "Ida Orsted", "met");
  CHECK_INT(count("\xC3\x98rsted"), 2);
  CHECK_INT(count("orsted"), 2);
  (void)plain;

  /* CJK: one token per run; the full name and a beginning are found */
  CHECK_SEARCH("\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99",
               "contact|3|3||\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99|"
               "[\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99]\n");
  CHECK_INT(first_contact("\xE6\x9D\x8E"), li);   /* 李 */
  CHECK_INT(count("\xE5\xB0\x8F\xE9\xBE\x99"), 0); /* 小龙: inside the token */

  /* prefixes */
  CHECK_INT(count("Hau"), 1);
  CHECK_INT(count("h"), 1);
  CHECK_INT(count("han gro"), 1);
  CHECK_INT(count("hans x"), 0);

  /* FTS syntax is taken literally: no error, words still found */
  const char *odd[] = {"\"",        "\"\"",      "zoe\"",     "\"zoe",   "*",        "zoe*",
                       "-zoe",      "zoe -hans", "NEAR(zoe hans)", "zoe AND", "OR",  "AND",
                       "NOT",       "(",         ")",         "zoe)",    "name:zoe", "^zoe",
                       "{name}: x", "zoe + hans", "'",       "a\"b\"c", "\xC3\x98\"", "\x01\x02",
                       "\xFF\xFE"};
  for (size_t i = 0; i < RP_ARRAY_LEN(odd); i++) {
    struct rp_hit_list l = {0};
    struct rp_err err;
    CHECK_INT(search_run(db, odd[i], 0, &l, &err), RP_OK);
    hit_list_free(&l);
  }
  CHECK_INT(count("\"zoe\""), 1);
  CHECK_INT(count("zoe*"), 1);
  CHECK_INT(count("-zoe"), 1);     /* not a negation */
  CHECK_INT(count("zoe OR hans"), 0); /* OR is a word to find, not an operator */
  CHECK_INT(count("NEAR(zoe"), 0);
  fx_exec(db, "UPDATE contact SET notes = 'R AND D, near the lab' WHERE name = 'Ida Orsted'");
  CHECK_INT(count("AND"), 1);
  CHECK_INT(count("near"), 1);
}

/* ---- the index stays in step ---- */

/* Queries whose results must be the same with the incremental index and a
 * rebuilt one. */
static const char *const probes[] = {"a", "e", "zoe", "kelp", "ocean", "acme", "want", "pitch",
                                     "thanks", "ida", "orsted", "note", "draft", "s", "t"};

static char *probe_all(void) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < RP_ARRAY_LEN(probes); i++) {
    char *t = search_text(probes[i], 0);
    buf_addf(&b, "## %s\n%s", probes[i], t);
    free(t);
  }
  return buf_steal(&b);
}

/* The index equals a rebuilt one (content and the results of the probes). */
static void check_rebuild_same(const char *when) {
  /* the names index holds the names of the index, no more, no less */
  static const char *const names_differ =
      "SELECT count(*) FROM ("
      "SELECT * FROM (SELECT rowid, name, name_alt FROM search_fts WHERE ifnull(name, '') <> '' "
      "EXCEPT SELECT rowid, name, name_alt FROM search_name) UNION ALL "
      "SELECT * FROM (SELECT rowid, name, name_alt FROM search_name "
      "EXCEPT SELECT rowid, name, name_alt FROM search_fts))";
  CHECK_INT(fx_scalar(db, names_differ), 0);
  char *dump = index_dump(), *res = probe_all();
  struct rp_err err;
  CHECK_INT(search_rebuild(db, &err), RP_OK);
  char *dump2 = index_dump(), *res2 = probe_all();
  bool same = strcmp(dump ? dump : "", dump2 ? dump2 : "") == 0;
  CHECK(same);
  if (!same) fprintf(stderr, "%s: index\n%s\nrebuilt\n%s\n", when, dump, dump2);
  same = strcmp(res, res2) == 0;
  CHECK(same);
  if (!same) fprintf(stderr, "%s: results\n%s\nrebuilt\n%s\n", when, res, res2);
  free(dump);
  free(dump2);
  free(res);
  free(res2);
}

static void test_consistency(void) {
  open_fresh("steps.db");
  struct rp_err err;
  int64_t zoe = fx_add_contact(db, &cfg, "Zoë Ørsted", "met");
  int64_t ida = fx_add_contact(db, &cfg, "Ida Stone", "met");
  check_rebuild_same("inserted");

  /* a full update through the model, with tags */
  struct rp_contact c;
  CHECK_INT(contact_get(db, zoe, &c, &err), RP_OK);
  str_replace(&c.org, "Acme Oceans");
  str_replace(&c.work, "kelp farming at scale");
  str_replace(&c.draft, "Dear Zoë, I read your kelp note");
  strv_push(&c.tags, "oceans");
  strv_push(&c.tags, "kelp");
  CHECK_INT(contact_update(db, &cfg, &c, &err), RP_OK);
  contact_free(&c);
  CHECK_INT(count("acme"), 1);
  CHECK_INT(count("dear"), 1);
  check_rebuild_same("updated");

  /* tags removed and renamed */
  fx_execf(db, "DELETE FROM contact_tag WHERE contact_id = %lld AND tag = 'oceans'",
           (long long)zoe);
  fx_execf(db, "UPDATE contact_tag SET contact_id = %lld WHERE tag = 'kelp'", (long long)ida);
  CHECK_INT(count("oceans"), 1); /* still in "Acme Oceans" */
  check_rebuild_same("tags");

  /* conversations, notes, questions, follow-ups, gives: insert, update, delete */
  int64_t cv = conversation(zoe, "ask about kelp");
  int64_t n1 = note(cv, "first note"), n2 = note(cv, "second note");
  fx_execf(db, "UPDATE note SET text = 'edited thanks' WHERE id = %lld", (long long)n1);
  fx_execf(db, "UPDATE note SET offset_s = 99 WHERE id = %lld", (long long)n2);
  fx_execf(db, "INSERT INTO question (conversation_id, position, text, created_at) "
               "VALUES (%lld, 1, 'What draft would you write?', 1)", (long long)cv);
  fx_execf(db, "INSERT INTO followup (contact_id, conversation_id, kind, due, medium, "
               "created_at, updated_at) VALUES (%lld, %lld, 'thank-you', '2026-11-21', "
               "'email', 1, 1)", (long long)zoe, (long long)cv);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE rowid & 15 = 9"), 0);
  fx_exec(db, "UPDATE followup SET draft = 'Many thanks for the draft'");
  fx_exec(db, "UPDATE conversation SET fit_note2 = 'great note on pitch'");
  fx_execf(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
               "VALUES (%lld, '2026-03-01', 'read', 'Read her note', 1)", (long long)ida);
  check_rebuild_same("conversation");
  fx_execf(db, "DELETE FROM note WHERE id = %lld", (long long)n2);
  fx_exec(db, "UPDATE followup SET draft = NULL");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE rowid & 15 = 9"), 0);
  check_rebuild_same("deletes");

  /* the worksheet: INSERT OR REPLACE (as worksheet_set writes) fires no
   * delete trigger */
  fx_exec(db, "INSERT OR REPLACE INTO ws_text (key, value, updated_at) VALUES ('want', 'kelp', 1)");
  fx_exec(db, "INSERT OR REPLACE INTO ws_text (key, value, updated_at) VALUES ('want', 'more', 1)");
  fx_exec(db, "INSERT INTO ws_text (key, value, updated_at) VALUES ('pitch', 'I grow kelp', 1)");
  fx_exec(db, "UPDATE ws_text SET key = 'move' WHERE key = 'pitch'");
  fx_exec(db, "INSERT INTO ws_item (section, title, text1, position, created_at, updated_at) "
              "VALUES ('problem', 'Kelp waste', 'why', 1, 1, 1)");
  fx_exec(db, "UPDATE ws_item SET text2 = 'who: farmers'");
  /* Zoë, her draft, her call's objective, Ida (tagged kelp), the move text, the problem */
  CHECK_INT(count("kelp"), 6);
  CHECK_INT(count("more"), 1);
  check_rebuild_same("worksheet");
  fx_exec(db, "DELETE FROM ws_text WHERE key = 'want'");
  fx_exec(db, "DELETE FROM ws_item");
  check_rebuild_same("worksheet deletes");

  /* soft delete hides the contact and all that is theirs; undelete shows
   * it again; the index is unchanged either way */
  size_t before_kelp = count("kelp"), before_zoe = count("zoe"), before_thanks = count("thanks");
  CHECK_INT(before_zoe, 2); /* the contact, the outreach draft */
  CHECK_INT(before_thanks, 1);
  char *dump = index_dump();
  CHECK_INT(contact_delete(db, zoe, &err), RP_OK);
  CHECK_INT(count("zoe"), 0);
  CHECK_INT(count("thanks"), 0); /* the note of her call */
  CHECK_INT(count("kelp"), 2);   /* Ida's tag and the worksheet's move text are left */
  CHECK_INT(count("ida"), 1);
  char *dump2 = index_dump();
  CHECK_STR(dump2, dump);
  free(dump2);
  check_rebuild_same("soft deleted");
  CHECK_INT(contact_undelete(db, zoe, &err), RP_OK);
  CHECK_INT(count("zoe"), before_zoe);
  CHECK_INT(count("kelp"), before_kelp);
  CHECK_INT(count("thanks"), before_thanks);
  check_rebuild_same("undeleted");
  free(dump);

  /* hard delete cascades to the conversation, its notes and questions,
   * the gives and follow-ups: their documents go too */
  fx_execf(db, "DELETE FROM contact WHERE id = %lld", (long long)zoe);
  CHECK_INT(count("zoe"), 0);
  CHECK_INT(count("thanks"), 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE rowid & 15 IN (1, 6) AND "
                          "rowid >> 4 = 1"),
            0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts WHERE rowid & 15 IN (2, 7, 8, 9)"),
            0);
  check_rebuild_same("hard deleted");
  fx_exec(db, "DELETE FROM contact");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts"), 1); /* the move text */
  check_rebuild_same("all deleted");
}

/* Since migration 25 the triggers read each source's documents from a
 * view by its key: each view is read through the table's key (a scan
 * would make every write read every row), the queue is empty after the
 * writes, and the schema read at every open stays small. */
static void test_views(void) {
  open_fresh("views.db");
  int64_t zoe = fx_add_contact(db, &cfg, "Zoë Ørsted", "met");
  fx_execf(db, "INSERT INTO contact_tag VALUES (%lld, 'oceans')", (long long)zoe);
  note(conversation(zoe, "kelp"), "cold water");
  static const char *const views[] = {
      "search_doc_contact",  "search_doc_draft",        "search_doc_note",
      "search_doc_give",     "search_doc_ws_item",      "search_doc_ws_text",
      "search_doc_conversation", "search_doc_question", "search_doc_followup",
      "search_name_doc_contact", "search_name_doc_ws_item"};
  for (size_t i = 0; i < RP_ARRAY_LEN(views); i++) {
    char *q = xasprintf("SELECT r, n%s FROM %s WHERE k = 1",
                        strstr(views[i], "name_doc") ? "" : ", b", views[i]);
    char *plan = fx_plan(db, q);
    if (strstr(plan, "SCAN")) fprintf(stderr, "%s: %s\n", views[i], plan);
    CHECK(!strstr(plan, "SCAN"));
    free(plan);
    free(q);
  }
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_queue"), 0);
  /* every search trigger was 2-4 KB of SQL before (about 50 KB in all) */
  CHECK(fx_scalar(db, "SELECT sum(length(sql)) FROM sqlite_schema WHERE name LIKE 'search%'") <
        25000);
  check_rebuild_same("views");
}

/* ---- search as you type ---- */

/* search_quick's hits as search_text shows them, and whether partial. */
static char *quick_text(const char *q, size_t limit, bool *partial) {
  struct rp_hit_list l = {0};
  struct rp_err err;
  CHECK_INT(search_quick(db, q, limit, &l, &err), RP_OK);
  *partial = l.partial;
  return hits_text(&l);
}

/* While the words match at most SEARCH_QUICK_RANKED documents, search_quick
 * gives search_run's hits; past that, the names that match (accents
 * folded, deleted contacts left out) and then the newest documents. */
static void test_quick(void) {
  open_fresh("quick.db");
  struct rp_err err;
  int64_t ana = fx_add_contact(db, &cfg, "Ana Kelpov\xC3\xA1", "met");
  int64_t zoe = fx_add_contact(db, &cfg, "Zo\xC3\xAB \xC3\x98rsted", "met");
  int64_t gone = fx_add_contact(db, &cfg, "Kelp Gone", "met");
  fx_exec(db, "INSERT INTO ws_item (section, title, text1, position, created_at, updated_at) "
              "VALUES ('problem', 'Kelp waste', 'why', 1, 1, 1)");
  int64_t cv = conversation(zoe, "talk about kelp");
  note(cv, "Ana said kelp grows fast");
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);

  static const char *const few[] = {"kelp", "ana kelp", "orsted", "zo", "k", "nothing"};
  for (size_t i = 0; i < RP_ARRAY_LEN(few); i++) {
    bool partial = true;
    char *want = search_text(few[i], 60), *got = quick_text(few[i], 60, &partial);
    CHECK_STR(got, want);
    CHECK(!partial);
    free(want);
    free(got);
  }

  /* 250 more notes that say kelp and Orsted */
  fx_execf(db, "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 250) "
               "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
               "SELECT %lld, n, 'kelp and Orsted, note ' || n || "
               "CASE WHEN n <= %d THEN ' early' ELSE '' END, 1, 1 FROM i",
               (long long)cv, SEARCH_QUICK_RANKED);
  int64_t last = fx_scalar(db, "SELECT max(id) FROM note");
  /* as many as it ranks: ranked; one more: partial */
  bool partial = true;
  char *want = search_text("early", 60), *got = quick_text("early", 60, &partial);
  CHECK_STR(got, want);
  CHECK(!partial);
  free(want);
  free(got);
  note(cv, "early bird");
  free(quick_text("early", 60, &partial));
  CHECK(partial);
  CHECK_INT(count("kelp"), 254); /* Ana, the objective, 251 notes, the worksheet */
  struct rp_hit_list l = {0};
  CHECK_INT(search_quick(db, "kelp", 60, &l, &err), RP_OK);
  CHECK(l.partial);
  CHECK_INT(l.n, 60);
  if (l.n == 60) {
    /* Ana by her name; the worksheet entry by its title; then the newest */
    CHECK_INT(l.v[0].kind, HIT_CONTACT);
    CHECK_INT(l.v[0].contact_id, ana);
    CHECK_STR(l.v[0].snippet, "Ana \x01Kelpov\xC3\xA1\x02");
    CHECK_INT(l.v[1].kind, HIT_NOTE);
    CHECK_INT(l.v[1].ref_id, last);
    CHECK_STR(l.v[1].snippet, "\x01kelp\x02 and Orsted, note 250");
    CHECK_INT(l.v[58].kind, HIT_NOTE);
    CHECK_INT(l.v[58].ref_id, last - 57);
    CHECK_INT(l.v[59].kind, HIT_WORKSHEET);
    for (size_t i = 1; i < 58; i++) CHECK(l.v[i].rank < l.v[i + 1].rank);
  }
  hit_list_free(&l);
  /* Zoë Ørsted by the spelt-out name; the limit holds */
  CHECK_INT(search_quick(db, "Orsted", 5, &l, &err), RP_OK);
  CHECK(l.partial);
  CHECK_INT(l.n, 5);
  if (l.n == 5) {
    CHECK_INT(l.v[0].contact_id, zoe);
    CHECK_INT(l.v[0].kind, HIT_CONTACT);
    CHECK_INT(l.v[1].ref_id, last);
  }
  hit_list_free(&l);
  /* a word no name has: the newest documents only */
  CHECK_INT(search_quick(db, "note", 3, &l, &err), RP_OK);
  CHECK(l.partial);
  CHECK_INT(l.n, 3);
  if (l.n == 3) CHECK_INT(l.v[2].ref_id, last - 2);
  hit_list_free(&l);
  /* names only when they fill the list: at most half of it */
  for (int i = 0; i < 10; i++) fx_add_contact(db, &cfg, "Kelp Farmer", "met");
  CHECK_INT(search_quick(db, "kelp", 8, &l, &err), RP_OK);
  CHECK_INT(l.n, 8);
  size_t contacts = 0;
  for (size_t i = 0; i < l.n; i++) contacts += l.v[i].kind == HIT_CONTACT;
  CHECK_INT(contacts, 4);
  hit_list_free(&l);
  /* limit 0: everything, ranked */
  CHECK_INT(search_quick(db, "kelp", 0, &l, &err), RP_OK);
  CHECK(!l.partial);
  CHECK_INT(l.n, 264);
  hit_list_free(&l);
  CHECK_INT(search_quick(db, "  ", 10, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
}

/* ---- the migration ---- */

/* Drop every object of `type` ('trigger', 'view') whose name starts with
 * "search_" (SQL word `what`: TRIGGER, VIEW); how many there were. */
static size_t drop_search_objects(const char *type, const char *what) {
  sqlite3_stmt *st;
  struct rp_strv names = {0};
  CHECK_INT(sqlite3_prepare_v2(db_handle(db),
                               "SELECT name FROM sqlite_master WHERE type = ?1 AND "
                               "name LIKE 'search\\_%' ESCAPE '\\'",
                               -1, &st, NULL),
            SQLITE_OK);
  sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW)
    strv_push(&names, (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  for (size_t i = 0; i < names.n; i++) fx_execf(db, "DROP %s %s", what, names.v[i]);
  size_t n = names.n;
  strv_free(&names);
  return n;
}

/* Undo migrations 7 (the contact's known_since) and 6 on an open journal:
 * drop the column, the indexes and their triggers (those of migration 10
 * too, which runs again, and 25's views and queue). */
static void downgrade_to_v5(void) {
  fx_exec(db, "ALTER TABLE contact DROP COLUMN known_since; PRAGMA user_version = 6");
  fx_exec(db, CHECK_UNDO_MIGRATION_16);
  CHECK(drop_search_objects("trigger", "TRIGGER") >= 20);
  CHECK_INT(drop_search_objects("view", "VIEW"), 11); /* migration 25's views */
  fx_exec(db, "DROP TABLE search_queue; DROP TABLE search_fts; DROP TABLE search_name; "
              "PRAGMA user_version = 5");
}

static void test_migration_from_v5(void) {
  open_fresh("v5.db");
  CHECK(db_schema_version() >= 6);
  downgrade_to_v5();
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'"), 0);
  fx_exec(db, "INSERT INTO contact (name, org, warmth, stage, notes, research, draft, "
              "created_at, updated_at) VALUES ('Zoë Ørsted', 'Acme', 'warm', 'met', "
              "'likes kelp', 'wrote on tides', 'Dear Zoë', 1, 1)");
  fx_exec(db, "INSERT INTO contact_tag VALUES (1, 'oceans')");
  fx_exec(db, "INSERT INTO contact (name, warmth, stage, created_at, updated_at, deleted_at) "
              "VALUES ('Gone Person', 'warm', 'met', 1, 1, 5)");
  fx_exec(db, "INSERT INTO conversation (contact_id, minutes, objective, status, created_at, "
              "updated_at) VALUES (1, 20, 'tides and kelp', 'held', 1, 1)");
  fx_exec(db, "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
              "VALUES (1, 5, 'kelp grows fast', 1, 1)");
  fx_exec(db, "INSERT INTO ws_text (key, value, updated_at) VALUES ('pitch', 'I map kelp', 1)");
  fx_exec(db, "INSERT INTO give (contact_id, date, kind, text, created_at) "
              "VALUES (1, '2026-01-02', 'read', 'read the kelp paper', 1)");
  char *path = xstrdup(db_path(db));
  db_close(db);
  db = NULL;
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  free(path);
  if (!db) return;
  CHECK_INT(fx_scalar(db, "PRAGMA user_version"), db_schema_version());
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_fts"), 7);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM search_name"), 2);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'search_fts' AND "
                          "sql LIKE '%prefix = ''1 2 3 4''%'"),
            1);
  CHECK_INT(count("kelp"), 5); /* contact, objective, note, pitch, give */
  CHECK_INT(count("oceans"), 1);
  CHECK_INT(count("orsted"), 1);
  CHECK_INT(count("gone"), 0);
  fx_exec(db, "UPDATE contact SET deleted_at = NULL WHERE name = 'Gone Person'");
  CHECK_INT(count("gone"), 1);
  check_rebuild_same("migrated");
  /* and the triggers work after the migration */
  fx_exec(db, "INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
              "VALUES (1, 9, 'kelp again', 1, 1)");
  CHECK_INT(count("kelp"), 6);
  check_rebuild_same("migrated, then edited");
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("TZ", "UTC", 1);
  fx_pipeline(&cfg);
  test_kinds_and_titles();
  test_ranking();
  test_matching();
  test_consistency();
  test_views();
  test_quick();
  test_migration_from_v5();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_search");
}
