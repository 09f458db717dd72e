/* test_path.c — chains of introductions: a warm contact you know, chains of
 * several people, chains that end at a referral or a cold contact, loops
 * made by hand, deleted contacts, the shortest path to an organisation
 * (ties by name), whom a contact introduced, and hints. */
#include <locale.h>

#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/contact.h"
#include "rapport/path.h"

static struct rp_config cfg;
static struct rp_db *db;

static void make_config(void) {
  const char *stages[] = {"identified", "researching", "giving", "asked", "met"};
  for (size_t i = 0; i < RP_ARRAY_LEN(stages); i++) fx_choice(&cfg.stages, stages[i], stages[i], NULL);
  fx_choice(&cfg.how_known, "family", "family", "warm");
  fx_choice(&cfg.how_known, "friend", "friend", "warm");
  fx_choice(&cfg.how_known, "colleague", "former colleague", "warm");
  fx_choice(&cfg.how_known, "referral", "referral", "warm");
  fx_choice(&cfg.how_known, "cold", "cold outreach", "cold");
}

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
}

/* Insert a contact; how_known NULL with an introducer makes a referral. */
static int64_t add(const char *name, const char *org, const char *field, const char *how_known,
                   int64_t introduced_by) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.org = xstrdup(org);
  c.field = xstrdup(field);
  c.how_known = xstrdup(how_known);
  c.introduced_by = introduced_by;
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

/* The path as "Name (Org) > Name > …", or "NO: message" / "ERR: …".
 * Caller frees. */
static char *describe(enum rp_status st, struct rp_path *p, const struct rp_err *err) {
  if (st == RP_NO) return xasprintf("NO: %s", err->msg);
  if (st != RP_OK) return xasprintf("ERR %d: %s", (int)st, err->msg);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  CHECK_INT(p->names.n, p->n);
  CHECK_INT(p->orgs.n, p->n);
  for (size_t i = 0; i < p->n && i < p->names.n && i < p->orgs.n; i++) {
    if (i) buf_adds(&b, " > ");
    buf_adds(&b, p->names.v[i]);
    if (p->orgs.v[i][0]) buf_addf(&b, " (%s)", p->orgs.v[i]);
  }
  path_free(p);
  return buf_steal(&b);
}

#define CHECK_PATH(target, expected)                              \
  do {                                                            \
    struct rp_path p_;                                            \
    struct rp_err e_;                                             \
    enum rp_status s_ = path_to_contact(db, (target), &p_, &e_);  \
    char *d_ = describe(s_, &p_, &e_);                            \
    CHECK_STR(d_, (expected));                                    \
    free(d_);                                                     \
  } while (0)

#define CHECK_ORG(org, expected)                                  \
  do {                                                            \
    struct rp_path p_;                                            \
    struct rp_err e_;                                             \
    enum rp_status s_ = path_to_org(db, (org), &p_, &e_);         \
    char *d_ = describe(s_, &p_, &e_);                            \
    CHECK_STR(d_, (expected));                                    \
    free(d_);                                                     \
  } while (0)

static void test_chains(void) {
  open_fresh("chains.db");
  int64_t maya = add("Maya Lindqvist", "Northwind Health", "UX research", "colleague", 0);
  int64_t zoe = add("Zoë Ørsted", "Acme Labs", "research", NULL, maya);
  int64_t priya = add("Priya Shah", "Acme Labs", "data", NULL, zoe);

  /* someone you know: a path of one */
  CHECK_PATH(maya, "Maya Lindqvist (Northwind Health)");
  struct rp_path p;
  struct rp_err err;
  CHECK_INT(path_to_contact(db, maya, &p, &err), RP_OK);
  CHECK_INT(p.n, 1);
  CHECK_INT(p.ids[0], maya);
  path_free(&p);
  CHECK(p.ids == NULL && p.n == 0 && p.names.n == 0);

  /* chains of two and three, from the person you know to the target */
  CHECK_PATH(zoe, "Maya Lindqvist (Northwind Health) > Zoë Ørsted (Acme Labs)");
  CHECK_PATH(priya, "Maya Lindqvist (Northwind Health) > Zoë Ørsted (Acme Labs) > Priya Shah (Acme Labs)");
  CHECK_INT(path_to_contact(db, priya, &p, &err), RP_OK);
  CHECK_INT(p.n, 3);
  if (p.n == 3) {
    CHECK_INT(p.ids[0], maya);
    CHECK_INT(p.ids[1], zoe);
    CHECK_INT(p.ids[2], priya);
  }
  path_free(&p);

  /* a cold contact introduced by someone you know is reachable */
  int64_t cold = add("Carl Cold", NULL, NULL, "cold", zoe);
  CHECK_PATH(cold, "Maya Lindqvist (Northwind Health) > Zoë Ørsted (Acme Labs) > Carl Cold");
  /* someone you know personally stops the walk, even with an introducer */
  int64_t friend_of = add("Fatima", NULL, NULL, "friend", priya);
  CHECK_PATH(friend_of, "Fatima");

  /* a chain that ends at a referral or a cold contact: no path */
  int64_t rex = add("Rex Referral", "Beta", NULL, "referral", 0);
  int64_t sam = add("Sam", "Beta", NULL, NULL, rex);
  CHECK_PATH(rex, "NO: no known path to Rex Referral");
  CHECK_PATH(sam, "NO: no known path to Sam");
  int64_t stranger = add("Stranger", NULL, NULL, "cold", 0);
  int64_t dan = add("Dan", NULL, NULL, NULL, stranger);
  CHECK_PATH(stranger, "NO: no known path to Stranger");
  CHECK_PATH(dan, "NO: no known path to Dan");
  /* warmth set by hand to cold: not known personally any more */
  exec_ok("UPDATE contact SET warmth = 'cold', warmth_set = 1 WHERE name = 'Maya Lindqvist'");
  CHECK_PATH(priya, "NO: no known path to Priya Shah");
  exec_ok("UPDATE contact SET warmth = 'warm', warmth_set = 0 WHERE name = 'Maya Lindqvist'");
  CHECK_PATH(9999, "NO: no contact with id 9999");
}

static void test_cycles_and_deleted(void) {
  open_fresh("cycles.db");
  /* a loop of three referrals, made by hand (validation refuses it) */
  int64_t a = add("A", NULL, NULL, "referral", 0);
  int64_t b = add("B", NULL, NULL, "referral", a);
  int64_t c = add("C", NULL, NULL, "referral", b);
  int64_t d = add("D", NULL, NULL, NULL, c);
  char *sql = xasprintf("UPDATE contact SET introduced_by = %lld WHERE id = %lld", (long long)c,
                        (long long)a);
  exec_ok(sql);
  free(sql);
  CHECK_PATH(a, "NO: no known path to A");
  CHECK_PATH(c, "NO: no known path to C");
  CHECK_PATH(d, "NO: no known path to D");
  /* a two-person loop */
  int64_t x = add("X", NULL, NULL, "referral", 0);
  int64_t y = add("Y", NULL, NULL, "referral", x);
  sql = xasprintf("UPDATE contact SET introduced_by = %lld WHERE id = %lld", (long long)y,
                  (long long)x);
  exec_ok(sql);
  free(sql);
  CHECK_PATH(x, "NO: no known path to X");
  CHECK_PATH(y, "NO: no known path to Y");

  /* a very long chain is walked to its end */
  int64_t prev = add("Root Friend", NULL, NULL, "friend", 0);
  for (int i = 0; i < 200; i++) {
    char name[32];
    snprintf(name, sizeof name, "Link %03d", i);
    prev = add(name, NULL, NULL, NULL, prev);
  }
  struct rp_path p;
  struct rp_err err;
  CHECK_INT(path_to_contact(db, prev, &p, &err), RP_OK);
  CHECK_INT(p.n, 201);
  if (p.n == 201) {
    CHECK_STR(p.names.v[0], "Root Friend");
    CHECK_STR(p.names.v[200], "Link 199");
  }
  path_free(&p);

  /* a deleted introducer breaks the chain; a deleted target has none */
  int64_t kim = add("Kim", NULL, NULL, "friend", 0);
  int64_t eve = add("Eve", NULL, NULL, NULL, kim);
  int64_t finn = add("Finn", NULL, NULL, NULL, eve);
  CHECK_PATH(finn, "Kim > Eve > Finn");
  CHECK_INT(contact_delete(db, eve, &err), RP_OK);
  CHECK_PATH(finn, "NO: no known path to Finn");
  CHECK_PATH(eve, "NO: no known path to Eve");
  CHECK_INT(contact_undelete(db, eve, &err), RP_OK);
  CHECK_PATH(finn, "Kim > Eve > Finn");
  CHECK_INT(contact_delete(db, kim, &err), RP_OK);
  CHECK_PATH(finn, "NO: no known path to Finn");
}

static void test_org(void) {
  open_fresh("org.db");
  int64_t maya = add("Maya Lindqvist", "Northwind Health", "UX research", "colleague", 0);
  int64_t zoe = add("Zoë Ørsted", "Acme Labs", NULL, NULL, maya);
  add("Priya Shah", "Acme Labs", NULL, NULL, zoe);
  int64_t kim = add("Kim", NULL, NULL, "friend", 0);
  int64_t omar = add("omar", "ACME LABS", NULL, NULL, kim);
  add("Lone", "Acme Labs", NULL, "cold", 0);
  add("Acme Someone", "Acme Labs Inc", NULL, "friend", 0); /* not the same organisation */

  /* two candidates two people away: "omar" before "Zoë" ignoring case
   * (by bytes, "Z" would come first); Priya is further away */
  CHECK_ORG("Acme Labs", "Kim > omar (ACME LABS)");
  CHECK_ORG("  acme labs ", "Kim > omar (ACME LABS)");
  /* once omar is gone, Zoë wins over Priya (shorter) */
  struct rp_err err;
  CHECK_INT(contact_delete(db, omar, &err), RP_OK);
  CHECK_ORG("acme labs", "Maya Lindqvist (Northwind Health) > Zoë Ørsted (Acme Labs)");
  /* someone you know there directly beats any introduction */
  int64_t direct = add("Walter", "Acme Labs", NULL, "family", 0);
  CHECK_ORG("ACME labs", "Walter (Acme Labs)");
  /* a deleted contact there is never a target */
  CHECK_INT(contact_delete(db, direct, &err), RP_OK);
  CHECK_ORG("Acme Labs", "Maya Lindqvist (Northwind Health) > Zoë Ørsted (Acme Labs)");

  /* case folding beyond ASCII */
  add("Ørjan", "Ørsted Design", NULL, NULL, maya);
  CHECK_ORG("ØRSTED DESIGN", "Maya Lindqvist (Northwind Health) > Ørjan (Ørsted Design)");

  /* nobody there, or nobody reachable there */
  CHECK_ORG("Acme", "NO: no known path to anyone at Acme (no contact works there)");
  add("Beta Person", "Beta", NULL, "referral", 0);
  CHECK_ORG("Beta", "NO: no known path to anyone at Beta");
  CHECK_ORG("' OR 1=1 --", "NO: no known path to anyone at ' OR 1=1 -- (no contact works there)");
  struct rp_path p;
  CHECK_INT(path_to_org(db, "  ", &p, &err), RP_INVALID);
}

static char *joined(const struct rp_strv *sv) {
  char *s = strv_join(sv, "|");
  return s;
}

static void test_introduced_and_hint(void) {
  open_fresh("hint.db");
  struct rp_err err;
  int64_t maya = add("Maya Lindqvist", "Northwind Health", "UX research", "colleague", 0);
  add("Zoë Ørsted", "Acme Labs", "research", NULL, maya);
  add("anders", NULL, NULL, NULL, maya);
  int64_t gone = add("Gone", "X", NULL, NULL, maya);
  add("Kim", "Research Council", NULL, "friend", 0);
  add("Cold Researcher", "Uni", "research", "cold", 0);
  add("Bea", NULL, "Market Research", "family", 0);
  add("Tom", "City Transit Lab", "transport", "friend", 0);
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);

  struct rp_strv out = {0};
  CHECK_INT(path_introduced(db, maya, &out, &err), RP_OK);
  char *s = joined(&out);
  CHECK_STR(s, "anders|Zoë Ørsted (Acme Labs)");
  free(s);
  /* appended to what is there */
  CHECK_INT(path_introduced(db, 9999, &out, &err), RP_OK);
  CHECK_INT(out.n, 2);
  strv_free(&out);

  /* known personally, field or organisation containing the text */
  CHECK_INT(path_hint(db, "RESEARCH", 10, &out, &err), RP_OK);
  s = joined(&out);
  CHECK_STR(s, "Bea (Market Research)|Kim (Research Council)|"
               "Maya Lindqvist (Northwind Health, UX research)");
  free(s);
  strv_free(&out);
  CHECK_INT(path_hint(db, "research", 2, &out, &err), RP_OK);
  CHECK_INT(out.n, 2);
  strv_free(&out);
  CHECK_INT(path_hint(db, "transit", 5, &out, &err), RP_OK);
  s = joined(&out);
  CHECK_STR(s, "Tom (City Transit Lab, transport)");
  free(s);
  strv_free(&out);
  CHECK_INT(path_hint(db, "", 5, &out, &err), RP_OK);
  CHECK_INT(path_hint(db, NULL, 5, &out, &err), RP_OK);
  CHECK_INT(path_hint(db, "research", 0, &out, &err), RP_OK);
  CHECK_INT(path_hint(db, "%", 5, &out, &err), RP_OK);
  CHECK_INT(path_hint(db, "nothing like this", 5, &out, &err), RP_OK);
  CHECK_INT(out.n, 0);
  strv_free(&out);
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("RAPPORT_NOW", "1795000000", 1);
  make_config();
  test_chains();
  test_cycles_and_deleted();
  test_org();
  test_introduced_and_hint();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_path");
}
