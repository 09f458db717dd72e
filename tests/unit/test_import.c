/* test_import.c — people into the journal: matching by email, profile URL,
 * then name and organisation; only empty fields filled; a second import
 * adds nothing; one transaction (all or nothing); --skip-bad; deleted
 * contacts left alone; import_file guessing the kind; progress. */
#include <locale.h>

#include "fixture.h"
#include "import_fixture.h"
#include "rapport/utf8.h"

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

/* What a write would change: contacts, their search documents and times. */
static char *fx_dump(struct rp_db *d) {
  return xasprintf("%lld/%lld/%lld", fx_scalar(d, "SELECT count(*) FROM contact"),
                   fx_scalar(d, "SELECT count(*) FROM search_fts"),
                   fx_scalar(d, "SELECT total(updated_at) + total(id) FROM contact"));
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
  struct rp_import_people p = {xcalloc(5, sizeof *p.v), 5, 0, NULL, {0}};
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

/* A structurally broken row fails the whole import, unless skip_bad. */
static void test_all_or_nothing(void) {
  fx_open_fresh(&db, "all.db");
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("bad_structure.csv", false, &p, &err), RP_OK);
  struct rp_import_summary s;
  CHECK_INT(run(&p, false, &s, &err), RP_INVALID);
  CHECK(strncmp(err.msg, "bad_structure.csv:3: 8 fields, expected 7", 41) == 0);
  CHECK_INT(contacts(), 0);
  CHECK_SUM(s, 0, 0, 0, 0);
  CHECK_INT(run(&p, true, &s, &err), RP_OK);
  CHECK_SUM(s, 1, 0, 0, 2);
  CHECK_INT(s.nameless, 0);
  CHECK_INT(s.skipped_why.n, 2);
  if (s.skipped_why.n == 2) {
    CHECK(strncmp(s.skipped_why.v[0], "bad_structure.csv:3: 8 fields", 29) == 0);
    CHECK(strncmp(s.skipped_why.v[1], "bad_structure.csv:4: a quoted field is never closed", 51) == 0);
  }
  char *line = import_summary_line(&s);
  CHECK_STR(line, "added 1, updated 0, unchanged 0, skipped 2 (broken), warnings 0");
  free(line);
  import_summary_free(&s);
  CHECK_INT(contacts(), 1);
  import_people_free(&p);
}

/* Content is taken leniently: an odd value is dropped from its person with
 * a warning naming the person; nameless rows are skipped and counted. */
static void test_lenient(void) {
  fx_open_fresh(&db, "lenient.db");
  struct rp_import_people p;
  struct rp_err err;
  struct rp_import_summary s;
  CHECK_INT(fx_parse("bad_rows.csv", false, &p, &err), RP_OK);
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 4, 0, 0, 0);
  CHECK_INT(s.nwarnings, 1);
  CHECK_INT(s.warnings.n, 1);
  if (s.warnings.n == 1)
    CHECK_STR(s.warnings.v[0], "bad_rows.csv:4: Alan Turing: kept without 'known since': "
                               "'31 Feb 2024' is not a date");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Alan Turing' AND "
                          "known_since IS NULL AND org = 'Bletchley'"),
            1);
  import_summary_free(&s);
  import_people_free(&p);
  fx_open_fresh(&db, "email.db");
  CHECK_INT(fx_parse("bad_email.csv", false, &p, &err), RP_OK);
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 1, 0, 0, 1);
  CHECK_INT(s.nameless, 1);
  CHECK_INT(s.nwarnings, 1);
  if (s.warnings.n == 1)
    CHECK_STR(s.warnings.v[0], "bad_email.csv:2: Ada Lovelace: kept without email "
                               "'ada.example.org': not an email address");
  char *line = import_summary_line(&s);
  CHECK_STR(line, "added 1, updated 0, unchanged 0, skipped 1 (no name), warnings 1");
  free(line);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE email IS NULL"), 1);
  import_summary_free(&s);
  import_people_free(&p);
}

/* Several emails, phones and URLs: matching on any of them, merging adds
 * the ones a contact lacks; a name match that would join two people (both
 * have emails and phones, none in common) adds someone new instead. */
static void test_several_values(void) {
  fx_open_fresh(&db, "multi.db");
  int64_t ana = add("Ana D\xC3\xAD" "az", NULL, "ana@work.example", NULL);
  struct rp_import_people p = {xcalloc(3, sizeof *p.v), 3, 0, NULL, {0}};
  p.v[0] = person(1, "Ana Diaz", NULL, NULL, NULL); /* by her second email */
  contact_values_add(&p.v[0].emails, VALUE_EMAIL, "ana@home.example", "home", false);
  contact_values_add(&p.v[0].emails, VALUE_EMAIL, "ANA@work.example", "work", true);
  contact_values_add(&p.v[0].phones, VALUE_PHONE, "+34 600 000 001", "mobile", true);
  contact_values_add(&p.v[0].phones, VALUE_PHONE, "+34 910 000 002", "work", false);
  p.v[1] = person(2, "John Smith", NULL, NULL, NULL);
  contact_values_add(&p.v[1].emails, VALUE_EMAIL, "john@one.example", NULL, false);
  contact_values_add(&p.v[1].phones, VALUE_PHONE, "555 0199", NULL, false);
  p.v[2] = person(3, "John Smith", NULL, NULL, NULL); /* another John Smith */
  contact_values_add(&p.v[2].emails, VALUE_EMAIL, "john@two.example", NULL, false);
  contact_values_add(&p.v[2].phones, VALUE_PHONE, "555 0100", NULL, false);
  struct rp_import_summary s;
  struct rp_err err;
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 2, 1, 0, 0);
  struct rp_contact c;
  CHECK_INT(contact_get(db, ana, &c, &err), RP_OK);
  CHECK_STR(c.name, "Ana D\xC3\xAD" "az");
  CHECK_STR(c.email, "ana@work.example"); /* the journal's primary stays */
  CHECK_INT(c.emails.n, 2);
  CHECK_INT(c.phones.n, 2);
  if (c.emails.n == 2) {
    CHECK_STR(c.emails.v[1].value, "ana@home.example");
    CHECK_STR(c.emails.v[1].type, "home");
    CHECK(!c.emails.v[1].preferred);
  }
  if (c.phones.n == 2) CHECK_STR(c.phones.v[0].type, "mobile");
  CHECK_STR(c.phone, "+34 600 000 001");
  contact_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'John Smith'"), 2);
  /* a second import adds nobody and changes nothing */
  CHECK_INT(run(&p, false, &s, &err), RP_OK);
  CHECK_SUM(s, 0, 0, 3, 0);
  CHECK_INT(contacts(), 3);
  /* a dry run reports what would happen and writes nothing */
  struct rp_import_people q = {xcalloc(1, sizeof *q.v), 1, 0, NULL, {0}};
  q.v[0] = person(1, "New Person", NULL, "new@example.org", NULL);
  char *before = fx_dump(db);
  memset(&s, 0, sizeof s);
  CHECK_INT(import_people(db, &cfg, &q, &(struct rp_import_opts){.dry_run = true}, &s, &err),
            RP_OK);
  CHECK_SUM(s, 1, 0, 0, 0);
  char *after = fx_dump(db);
  CHECK_STR(after, before);
  free(before);
  free(after);
  CHECK_INT(contacts(), 3);
  import_summary_free(&s);
  import_people_free(&q);
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
  CHECK_STR(err.msg, "unknown import kind 'json'; allowed: linkedin, csv, vcard");
  char *missing = xasprintf("%s/import/missing.csv", dir);
  CHECK_INT(import_file(db, &cfg, missing, NULL, &s, &err), RP_INVALID);
  CHECK(strstr(err.msg, "missing.csv: no such file") != NULL);
  free(missing);
  /* not UTF-8: read as Windows-1252, with one warning */
  char *latin = xasprintf("%s/latin1.txt", check_tmpdir());
  FILE *f = fopen(latin, "wb");
  fputs("First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Zo\xEB,\x8Crsted,,Caf\xE9 \x80 Ltd,,\n", f);
  fclose(f);
  CHECK_INT(import_file(db, &cfg, latin, NULL, &s, &err), RP_OK);
  CHECK_INT(s.added, 1);
  CHECK_INT(s.nwarnings, 1);
  char *want = xasprintf("%s:2: not UTF-8 (a spreadsheet or an old program saved it): read as "
                         "Windows-1252; if names look wrong, say the encoding with --encoding "
                         "(e.g. macintosh, latin1, utf-16)",
                         latin);
  if (s.warnings.n == 1) CHECK_STR(s.warnings.v[0], want);
  free(want);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Zo\xC3\xAB \xC5\x92rsted' "
                          "AND org = 'Caf\xC3\xA9 \xE2\x82\xAC Ltd'"),
            1);
  /* --encoding: the same bytes as Mac Roman; an unknown name */
  f = fopen(latin, "wb");
  fputs("First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "J\x9Frgen,M\x9Aller,,,,\n", f);
  fclose(f);
  CHECK_INT(import_file(db, &cfg, latin, &(struct rp_import_opts){.encoding = "macintosh"}, &s,
                        &err),
            RP_OK);
  CHECK_INT(s.nwarnings, 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'J\xC3\xBCrgen M\xC3\xB6ller'"), 1);
  CHECK_INT(import_file(db, &cfg, latin, &(struct rp_import_opts){.encoding = "klingon"}, &s,
                        &err),
            RP_INVALID);
  CHECK(strstr(err.msg, "unknown encoding 'klingon'") != NULL);
  /* UTF-16 with a byte-order mark (Outlook's "Unicode" export) */
  f = fopen(latin, "wb");
  const char *u8 = "First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
                   "\xC5\x81ucja,\xC5\xBB" "ak,lz@example.org,,,\r\n";
  fputs("\xFF\xFE", f);
  for (const char *q = u8; *q;) { /* UTF-8 to UTF-16LE, for the BMP */
    uint32_t cp;
    q += utf8_decode(q, strlen(q), &cp);
    fputc((int)(cp & 0xFF), f);
    fputc((int)(cp >> 8), f);
  }
  fclose(f);
  CHECK_INT(import_file(db, &cfg, latin, NULL, &s, &err), RP_OK);
  CHECK_INT(s.added, 1);
  CHECK_INT(s.nwarnings, 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = '\xC5\x81ucja \xC5\xBB" "ak'"), 1);
  /* a file of neither kind */
  f = fopen(latin, "wb");
  fputs("hello\n", f);
  fclose(f);
  CHECK_INT(import_file(db, &cfg, latin, NULL, &s, &err), RP_INVALID);
  CHECK(strstr(err.msg, "neither vCards (.vcf) nor a CSV export of contacts (.csv)") != NULL);
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
  test_lenient();
  test_several_values();
  test_files();
  test_config();
  if (db) db_close(db);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_import");
}
