/* test_import.c — people into the journal: matching by email, profile URL,
 * then name and organisation; only empty fields filled; a second import
 * adds nothing; one transaction (all or nothing); --skip-bad; deleted
 * contacts left alone; import_file guessing the kind; progress. */
#include <locale.h>

#include "fixture.h"
#include "import_fixture.h"

static struct rp_db *db;
static struct rp_config cfg;

static long contacts(void) { return fx_scalar(db, "SELECT count(*) FROM contact"); }

/* A person with the fields given (NULL = none), good, at "t:LINE". */
static struct rp_import_person person(int line, const char *name, const char *org,
                                      const char *email, const char *url) {
  struct rp_import_person p = {0};
  p.where = xasprintf("t:%d", line);
  p.name = xstrdup(name);
  p.org = xstrdup(org);
  p.email = xstrdup(email);
  p.url = xstrdup(url);
  return p;
}

static int64_t add(const char *name, const char *org, const char *email, const char *url) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.org = xstrdup(org);
  c.email = xstrdup(email);
  c.url = xstrdup(url);
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

static enum rp_status run(struct rp_import_people *p, bool skip_bad,
                          struct rp_import_summary *s, struct rp_err *err) {
  memset(s, 0, sizeof *s);
  return import_people(db, &cfg, p, &(struct rp_import_opts){.skip_bad = skip_bad}, s, err);
}

#define CHECK_SUM(s, a, u, same, k)                                      \
  do {                                                                   \
    CHECK_INT((s).added, a);                                             \
    CHECK_INT((s).updated, u);                                           \
    CHECK_INT((s).unchanged, same);                                      \
    CHECK_INT((s).skipped, k);                                           \
  } while (0)

static void test_matching(void) {
  fx_open_fresh(&db, "match.db");
  int64_t ada = add("Ada Lovelace", NULL, "Ada@Example.org", NULL);
  int64_t grace = add("G. Hopper", "Navy", NULL, "https://www.linkedin.com/in/grace/");
  int64_t tim = add("Tim Berners-Lee", "CERN", NULL, NULL);
  struct rp_import_people p = {xcalloc(5, sizeof *p.v), 5, NULL, {0}};
  p.v[0] = person(1, "Augusta Ada King", "Engines", "ada@EXAMPLE.org", NULL); /* by email */
  p.v[1] = person(2, "Grace Hopper", NULL, "grace@navy.example",
                  "http://linkedin.com/in/grace"); /* by URL */
  p.v[2] = person(3, "tim berners-lee", "cern", "tim@cern.example", NULL); /* name + org */
  p.v[3] = person(4, "Tim Berners-Lee", "W3C", NULL, NULL); /* another org: someone else */
  p.v[4] = person(5, "Tim Berners-Lee", "w3c", "timbl@w3.example", NULL); /* the row above */
  p.v[0].role = xstrdup("Countess");
  p.v[0].known_since = xstrdup("2024-03-07");
  strv_push(&p.v[0].tags, "maths");
  struct rp_import_summary s;
  struct rp_err err;
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 1, 4, 0, 0);
  CHECK_INT(contacts(), 4);
  struct rp_contact c;
  CHECK_INT(contact_get(db, ada, &c, &err), RP_OK);
  CHECK_STR(c.name, "Ada Lovelace"); /* never overwritten */
  CHECK_STR(c.email, "Ada@Example.org");
  CHECK_STR(c.org, "Engines");       /* filled */
  CHECK_STR(c.role, "Countess");
  CHECK_STR(c.known_since, "2024-03-07");
  CHECK_INT(c.tags.n, 1);
  contact_free(&c);
  CHECK_INT(contact_get(db, grace, &c, &err), RP_OK);
  CHECK_STR(c.name, "G. Hopper");
  CHECK_STR(c.org, "Navy");
  CHECK_STR(c.email, "grace@navy.example");
  CHECK_STR(c.url, "https://www.linkedin.com/in/grace/");
  contact_free(&c);
  CHECK_INT(contact_get(db, tim, &c, &err), RP_OK);
  CHECK_STR(c.email, "tim@cern.example");
  contact_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE org = 'W3C' AND "
                          "email = 'timbl@w3.example'"),
            1);
  /* the same again: nothing to add or fill */
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 0, 5, 0);
  CHECK_INT(contacts(), 4);
  import_summary_free(&s);
  /* a deleted contact is matched and left alone */
  CHECK_INT(contact_delete(db, tim, &err), RP_OK);
  fx_exec(db, "UPDATE contact SET email = NULL WHERE name = 'Tim Berners-Lee' AND org = 'CERN'");
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 0, 5, 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE org = 'CERN' AND email IS NULL"), 1);
  import_people_free(&p);
}

/* One bad row fails the whole import, unless skip_bad. */
static void test_all_or_nothing(void) {
  fx_open_fresh(&db, "all.db");
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("bad_rows.csv", false, &p, &err), RP_OK);
  struct rp_import_summary s;
  CHECK_INT(run(&p, false, &s, &err), RP_INVALID);
  CHECK_STR(err.msg, "bad_rows.csv:3: 6 fields, expected 7 as in the header (First Name,Last "
                     "Name,URL,Email Address,Company,Position,Connected On); a field with a "
                     "comma must be in double quotes");
  CHECK_INT(contacts(), 0);
  CHECK_SUM(s, 0, 0, 0, 0);
  CHECK_INT(run(&p, true, &s, &err), RP_OK);
  CHECK_SUM(s, 2, 0, 0, 2);
  CHECK_INT(s.skipped_why.n, 2);
  if (s.skipped_why.n == 2) {
    CHECK(strncmp(s.skipped_why.v[0], "bad_rows.csv:3: 6 fields", 24) == 0);
    CHECK_STR(s.skipped_why.v[1], "bad_rows.csv:4: Connected On '31 Feb 2024' is not a date "
                                  "such as 07 Mar 2024");
  }
  import_summary_free(&s);
  CHECK_INT(contacts(), 2);
  import_people_free(&p);
  /* a row the journal refuses (an email without '@') is bad too */
  fx_open_fresh(&db, "email.db");
  CHECK_INT(fx_parse("bad_email.csv", false, &p, &err), RP_OK);
  CHECK_INT(run(&p, false, &s, &err), RP_INVALID);
  CHECK_STR(err.msg, "bad_email.csv:2: email 'ada.example.org' has no '@'");
  CHECK_INT(contacts(), 0);
  CHECK_INT(run(&p, true, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 0, 0, 2);
  CHECK_INT(contacts(), 0);
  import_summary_free(&s);
  import_people_free(&p);
}

static void progress(size_t done, size_t total, void *arg) {
  size_t *calls = arg;
  CHECK(done >= 1 && done <= total);
  (*calls)++;
}

/* import_file: the kind guessed from the extension or the content, the
 * LinkedIn how-known from the config, twice adds nothing. */
static void test_files(void) {
  fx_open_fresh(&db, "files.db");
  const char *dir = getenv("RAPPORT_TEST_DATA");
  char *csv = xasprintf("%s/import/connections.csv", dir);
  char *vcf = xasprintf("%s/import/phone.vcf", dir);
  struct rp_import_summary s = {0};
  size_t calls = 0;
  s.progress = progress;
  s.progress_arg = &calls;
  struct rp_err err;
  CHECK_INT(import_file(db, &cfg, csv, NULL, &s, &err), RP_OK);
  CHECK_SUM(s, 4, 0, 0, 0);
  CHECK_INT(calls, 4);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE how_known = 'community' AND "
                          "warmth = 'warm'"),
            4);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE known_since = '2024-03-07'"), 1);
  /* the vCards: Ada matched by email (her phone, notes and tags are new),
   * Zoë by name and organisation (her email is new) */
  CHECK_INT(import_file(db, &cfg, vcf, NULL, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 2, 0, 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE phone = '+44 20 7946 0000' AND "
                          "role = 'Lead, Research'"),
            1);
  CHECK_INT(import_file(db, &cfg, csv, &(struct rp_import_opts){.kind = "linkedin"}, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 0, 4, 0);
  CHECK_INT(import_file(db, &cfg, vcf, &(struct rp_import_opts){.kind = "vcard"}, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 0, 2, 0);
  CHECK_INT(contacts(), 4);
  CHECK_INT(import_file(db, &cfg, csv, &(struct rp_import_opts){.kind = "vcard"}, &s, &err), RP_INVALID);
  CHECK(strstr(err.msg, "no BEGIN:VCARD") != NULL);
  CHECK_INT(import_file(db, &cfg, csv, &(struct rp_import_opts){.kind = "json"}, &s, &err), RP_INVALID);
  CHECK_STR(err.msg, "unknown import kind 'json'; allowed: linkedin, vcard");
  char *missing = xasprintf("%s/import/missing.csv", dir);
  CHECK_INT(import_file(db, &cfg, missing, NULL, &s, &err), RP_INVALID);
  CHECK(strstr(err.msg, "missing.csv: no such file") != NULL);
  free(missing);
  /* not UTF-8; and a file of neither kind */
  char *latin = xasprintf("%s/latin1.txt", check_tmpdir());
  FILE *f = fopen(latin, "wb");
  fputs("First Name,Last Name\nZo\xEB,X\n", f);
  fclose(f);
  CHECK_INT(import_file(db, &cfg, latin, NULL, &s, &err), RP_INVALID);
  char *want = xasprintf("%s:2: not valid UTF-8; save the file as UTF-8 text", latin);
  CHECK_STR(err.msg, want);
  free(want);
  f = fopen(latin, "wb");
  fputs("hello\n", f);
  fclose(f);
  CHECK_INT(import_file(db, &cfg, latin, NULL, &s, &err), RP_INVALID);
  CHECK(strstr(err.msg, "neither vCards (.vcf) nor a LinkedIn export (.csv)") != NULL);
  free(latin);
  import_summary_free(&s);
  free(csv);
  free(vcf);
}

/* The config's import section: the default, a key checked against
 * how_known wherever it comes, none. */
static void test_config(void) {
  struct rp_config c = {0};
  config_defaults(&c);
  CHECK_STR(c.import_linkedin_how_known, "community");
  struct rp_err err;
  const char *y = "import:\n  linkedin_how_known: school\n";
  CHECK_INT(config_parse(&c, "c.yaml", y, strlen(y), &err), RP_OK);
  CHECK_STR(c.import_linkedin_how_known, "school");
  y = "import:\n  linkedin_how_known: nope\n";
  CHECK_INT(config_parse(&c, "c.yaml", y, strlen(y), &err), RP_INVALID);
  CHECK(strncmp(err.msg, "c.yaml:2:23: unknown how_known 'nope' in import.linkedin_how_known; "
                         "allowed: family,", 80) == 0);
  y = "import: {linkedin_how_known: met}\nhow_known:\n  - {key: met, label: met, warmth: warm}\n";
  CHECK_INT(config_parse(&c, "c.yaml", y, strlen(y), &err), RP_OK);
  CHECK_STR(c.import_linkedin_how_known, "met");
  y = "import: {linkedin_how_known: none}\n";
  CHECK_INT(config_parse(&c, "c.yaml", y, strlen(y), &err), RP_OK);
  CHECK(c.import_linkedin_how_known == NULL);
  config_free(&c);
  /* the default is dropped quietly when how_known no longer has it */
  config_defaults(&c);
  y = "how_known:\n  - {key: met, label: met, warmth: warm}\n";
  CHECK_INT(config_parse(&c, "c.yaml", y, strlen(y), &err), RP_OK);
  CHECK(c.import_linkedin_how_known == NULL);
  config_free(&c);
}

int main(void) {
  setlocale(LC_ALL, "");
  setenv("TZ", "UTC", 1);
  config_defaults(&cfg);
  test_matching();
  test_all_or_nothing();
  test_files();
  test_config();
  if (db) db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_import");
}
