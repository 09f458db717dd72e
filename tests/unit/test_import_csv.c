/* test_import_csv.c — CSV exports of contacts recognised by their header:
 * LinkedIn's Connections.csv of every year (notes before the header, no URL
 * column before 2022, urn:li: in the email column, hidden members, dates
 * of every style, a spreadsheet's re-save), Outlook's CSV (also LinkedIn's
 * pre-2017 export), Google Contacts' current and old CSV, tab-separated
 * text, a Windows-1252 file through import_file, and the refusals. Fixtures
 * in tests/fixtures/csv/. */
#include <locale.h>

#include "fixture.h"
#include "rapport/import.h"
#include "rapport/paths.h"

/* The path of fixture `name` (caller frees). */
static char *fixture_path(const char *name) {
  const char *dir = getenv("RAPPORT_TEST_SRCDIR");
  return xasprintf("%s/tests/fixtures/csv/%s", dir ? dir : ".", name);
}

/* Parse fixture `name` under its bare name with import_parse_csv (or
 * import_parse_linkedin), LinkedIn rows known "community". */
static enum rp_status parse(const char *name, bool linkedin, struct rp_import_people *out,
                            struct rp_err *err) {
  char *path = fixture_path(name), *text = NULL;
  size_t len = 0;
  if (paths_read_file(path, &text, &len, err) != RP_OK) {
    fprintf(stderr, "%s\n", err->msg);
    exit(2);
  }
  enum rp_status st = linkedin ? import_parse_linkedin(name, text, len, "community", out, err)
                               : import_parse_csv(name, text, len, "community", out, err);
  free(text);
  free(path);
  return st;
}

/* A list as "value [type] *, …" (* = preferred); static buffer. */
static const char *vals(const struct rp_contact_values *vs) {
  static char out[4][600];
  static int k;
  char *b = out[k++ % 4];
  b[0] = '\0';
  for (size_t i = 0; i < vs->n; i++) {
    size_t n = strlen(b);
    snprintf(b + n, 600 - n, "%s%s%s%s%s%s", i ? ", " : "", vs->v[i].value,
             vs->v[i].type ? " [" : "", vs->v[i].type ? vs->v[i].type : "",
             vs->v[i].type ? "]" : "", vs->v[i].preferred ? " *" : "");
  }
  return b;
}

/* The person's warnings as "WHERE: MSG" lines joined by "\n"; static. */
static const char *warns(const struct rp_import_person *p) {
  static char b[1000];
  b[0] = '\0';
  for (size_t i = 0; i < p->nwarnings; i++) {
    size_t n = strlen(b);
    snprintf(b + n, sizeof b - n, "%s%s: %s", i ? "\n" : "", p->warnings[i].where,
             p->warnings[i].msg);
  }
  return b;
}

/* The tags joined by "|"; static. */
static const char *tags(const struct rp_import_person *p) {
  static char b[300];
  b[0] = '\0';
  for (size_t i = 0; i < p->tags.n; i++) {
    size_t n = strlen(b);
    snprintf(b + n, sizeof b - n, "%s%s", i ? "|" : "", p->tags.v[i]);
  }
  return b;
}

#define CHECK_NULL(x) CHECK((x) == NULL)

/* A good person with a name: not bad, not nameless. */
static void check_good(const struct rp_import_person *p, const char *where, const char *name) {
  CHECK_STR(p->where, where);
  CHECK_NULL(p->bad);
  CHECK(!p->nameless);
  CHECK_STR(p->name, name);
}

static void check_nameless(const struct rp_import_person *p, const char *where) {
  CHECK_STR(p->where, where);
  CHECK_NULL(p->bad);
  CHECK(p->nameless);
  CHECK_NULL(p->name);
}

/* 2018–2021: no URL column, US dates with a time in one quoted cell, a
 * urn:li: member id in the email column, an unreadable date, a hidden
 * member. */
static void test_linkedin_2018(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("linkedin_2018.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "LinkedIn connections (2018-2021 export)");
  CHECK_INT(p.n, 5);
  if (p.n != 5) return;
  const struct rp_import_person *ada = &p.v[0], *grace = &p.v[1], *alan = &p.v[2], *tim = &p.v[4];
  check_good(ada, "linkedin_2018.csv:5", "Ada Lovelace");
  CHECK_STR(ada->given, "Ada");
  CHECK_STR(ada->family, "Lovelace");
  CHECK_STR(ada->org, "Analytical Engines");
  CHECK_STR(ada->role, "Lead, Research");
  CHECK_STR(ada->known_since, "2018-01-08");
  CHECK_STR(ada->how_known, "community");
  CHECK_STR(vals(&ada->emails), "ada@example.org");
  CHECK_STR(ada->email, "ada@example.org");
  CHECK_INT(ada->urls.n, 0);
  CHECK_INT(ada->nwarnings, 0);
  /* the member id is no email and no loss: kept as the profile */
  check_good(grace, "linkedin_2018.csv:6", "Grace Hopper");
  CHECK_INT(grace->emails.n, 0);
  CHECK_NULL(grace->email);
  CHECK_STR(vals(&grace->urls), "urn:li:member:664293716 [linkedin]");
  CHECK_STR(grace->url, "urn:li:member:664293716");
  CHECK_STR(grace->known_since, "2017-12-25");
  CHECK_INT(grace->nwarnings, 0);
  check_good(alan, "linkedin_2018.csv:7", "Alan Turing");
  CHECK_NULL(alan->known_since);
  CHECK_STR(warns(alan),
            "linkedin_2018.csv:7: kept without 'known since': '31/31/31' is not a date");
  check_nameless(&p.v[3], "linkedin_2018.csv:8");
  check_good(tim, "linkedin_2018.csv:9", "Tim Berners-Lee");
  CHECK_STR(tim->known_since, "2018-01-08");
  CHECK_NULL(tim->role);
  import_people_free(&p);
  /* import linkedin takes it too */
  CHECK_INT(parse("linkedin_2018.csv", true, &p, &err), RP_OK);
  CHECK_INT(p.n, 5);
  import_people_free(&p);
}

/* 2021: a byte-order mark, CRLF, a header ending with a comma, a position
 * over two lines, a row one cell short, a row with a cell too many. */
static void test_linkedin_2021(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("linkedin_2021.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "LinkedIn connections (2018-2021 export)");
  CHECK_INT(p.n, 4);
  if (p.n != 4) return;
  check_good(&p.v[0], "linkedin_2021.csv:5", "Zo\xC3\xAB \xC3\x98rsted");
  CHECK_STR(p.v[0].role, "Head of Kelp Farming");
  CHECK_STR(p.v[0].org, "Kelp Works");
  CHECK_STR(p.v[0].known_since, "2021-02-01");
  CHECK_INT(p.v[0].emails.n, 0);
  check_good(&p.v[1], "linkedin_2021.csv:7", "Tom Okafor");
  CHECK_STR(vals(&p.v[1].emails), "TOM@Example.org");
  CHECK_STR(p.v[1].known_since, "2020-01-15");
  CHECK_NULL(p.v[1].org);
  CHECK_STR(p.v[2].where, "linkedin_2021.csv:8");
  CHECK_STR(p.v[2].bad, "8 fields, expected 7 as in the header (First Name,Last Name,Email "
                        "Address,Company,Position,Connected On,); a field with a comma must be "
                        "in double quotes");
  check_good(&p.v[3], "linkedin_2021.csv:9", "Margaret Hamilton");
  CHECK_STR(p.v[3].known_since, "2021-03-07");
  CHECK_STR(p.v[3].role, "Director");
  import_people_free(&p);
}

/* 2022 on: the URL column, stray spaces and tabs, hidden members, a
 * member id beside a profile URL, an email and a date that are not. */
static void test_linkedin_2024(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("linkedin_2024.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "LinkedIn connections");
  CHECK_INT(p.n, 6);
  if (p.n != 6) return;
  const struct rp_import_person *vik = &p.v[0], *grace = &p.v[4], *alan = &p.v[5];
  check_good(vik, "linkedin_2024.csv:5", "Vikram Singh");
  CHECK_STR(vik->given, "Vikram");
  CHECK_STR(vik->family, "Singh");
  CHECK_STR(vik->org, "Acme Corp");
  CHECK_STR(vik->role, "Senior Engineer");
  CHECK_STR(vals(&vik->urls), "https://www.linkedin.com/in/vikram-singh-4a1b2c [linkedin]");
  CHECK_STR(vik->url, "https://www.linkedin.com/in/vikram-singh-4a1b2c");
  CHECK_STR(vik->known_since, "2024-03-07");
  CHECK_INT(vik->emails.n, 0);
  CHECK_STR(vik->how_known, "community");
  check_good(&p.v[1], "linkedin_2024.csv:6", "Ada Lovelace");
  CHECK_STR(p.v[1].known_since, "2024-03-07");
  CHECK_STR(vals(&p.v[1].emails), "ada@example.org");
  check_nameless(&p.v[2], "linkedin_2024.csv:7");
  check_nameless(&p.v[3], "linkedin_2024.csv:8");
  check_good(grace, "linkedin_2024.csv:9", "Grace Hopper");
  CHECK_STR(vals(&grace->urls), "https://www.linkedin.com/in/grace-hopper [linkedin]");
  CHECK_INT(grace->emails.n, 0);
  CHECK_INT(grace->nwarnings, 0);
  CHECK_STR(grace->known_since, "2024-01-01");
  check_good(alan, "linkedin_2024.csv:10", "Alan Turing");
  CHECK_INT(alan->emails.n, 0);
  CHECK_NULL(alan->known_since);
  CHECK_STR(warns(alan), "linkedin_2024.csv:10: kept without email 'not an email': not an email "
                         "address\nlinkedin_2024.csv:10: kept without 'known since': '31 Feb "
                         "2024' is not a date");
  import_people_free(&p);
}

/* Opened and saved by a spreadsheet: notes padded with commas, CRLF,
 * dd-Mon-yy dates, trailing empty cells dropped. */
static void test_linkedin_resaved(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("linkedin_resaved.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "LinkedIn connections");
  CHECK_INT(p.n, 4);
  if (p.n != 4) return;
  check_good(&p.v[0], "linkedin_resaved.csv:5", "Ada Lovelace");
  CHECK_STR(p.v[0].known_since, "2023-04-23");
  CHECK_STR(p.v[0].role, "Lead");
  check_good(&p.v[1], "linkedin_resaved.csv:6", "Grace Hopper");
  CHECK_STR(p.v[1].known_since, "2026-01-05");
  check_good(&p.v[2], "linkedin_resaved.csv:7", "Alan Turing");
  CHECK_STR(vals(&p.v[2].urls), "https://www.linkedin.com/in/alan-turing [linkedin]");
  CHECK_NULL(p.v[2].known_since);
  CHECK_INT(p.v[2].nwarnings, 0);
  check_good(&p.v[3], "linkedin_resaved.csv:8", "Tim Berners-Lee");
  CHECK_STR(p.v[3].org, "CERN");
  CHECK_INT(p.v[3].urls.n, 0);
  import_people_free(&p);
}

/* Columns in any order, in any case, quoted, with spaces, unknown ones
 * ignored; a byte-order mark before them. */
static void test_linkedin_header(void) {
  const char *text = "\xEF\xBB\xBF\"connected on\", \"LAST NAME\" ,Extra,first  name ,email "
                     "address\n07 Mar 2024,Lovelace,x,Ada,ada@example.org\n";
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(import_parse_csv("h.csv", text, strlen(text), NULL, &p, &err), RP_OK);
  CHECK_STR(p.format, "LinkedIn connections (2018-2021 export)");
  CHECK_INT(p.n, 1);
  if (p.n == 1) {
    check_good(&p.v[0], "h.csv:2", "Ada Lovelace");
    CHECK_STR(p.v[0].known_since, "2024-03-07");
    CHECK_STR(vals(&p.v[0].emails), "ada@example.org");
    CHECK_NULL(p.v[0].how_known);
  }
  import_people_free(&p);
}

/* Every date style LinkedIn and spreadsheets write, and what is no date. */
static void test_dates(void) {
  static const struct {
    const char *in, *want; /* want NULL: not a date */
  } cases[] = {
      {"07 Mar 2024", "2024-03-07"},  {"7 Mar 2024", "2024-03-07"},
      {"7 mar 2024", "2024-03-07"},   {"07 Mar 24", "2024-03-07"},
      {"7 March 2024", "2024-03-07"}, {"1/8/18, 6:14 PM", "2018-01-08"},
      {"1/8/18 6:14 pm", "2018-01-08"}, {"12/25/17, 9:05 AM", "2017-12-25"},
      {"1/8/2018", "2018-01-08"},     {"01/08/2018 18:14", "2018-01-08"},
      {"23-Apr-23", "2023-04-23"},    {"5-Jan-26", "2026-01-05"},
      {"05-Jan-2026", "2026-01-05"},  {"2024-03-07", "2024-03-07"},
      {"2024/3/7", "2024-03-07"},     {"2024-03-07 18:14:00", "2024-03-07"},
      {"March 7, 2024", "2024-03-07"}, {"Mar 7, 2024", "2024-03-07"},
      {"Sept 30, 2023", "2023-09-30"}, {"29 Feb 2024", "2024-02-29"},
      {"31/31/31", NULL},             {"March 2024", NULL},
      {"31 Feb 2024", NULL},          {"29 Feb 2023", NULL},
      {"7 Mar", NULL},                {"2024", NULL},
      {"1/8", NULL},                  {"13/1/2018", NULL},
      {"1/8/18 soon", NULL},          {"Mar 7, 2024 later", NULL},
      {"0/0/00", NULL},               {"7 Mzr 2024", NULL},
      {"7 Mar 202", NULL},            {"1/8/18, 25:14 PM", NULL},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(cases); i++) {
    char *text = xasprintf("First Name,Last Name,Connected On\nAda,Lovelace,\"%s\"\n", cases[i].in);
    struct rp_import_people p;
    struct rp_err err;
    CHECK_INT(import_parse_csv("d.csv", text, strlen(text), NULL, &p, &err), RP_OK);
    if (p.n == 1 && cases[i].want) {
      if (!p.v[0].known_since || strcmp(p.v[0].known_since, cases[i].want) != 0)
        fprintf(stderr, "date '%s'\n", cases[i].in);
      CHECK_STR(p.v[0].known_since, cases[i].want);
      CHECK_INT(p.v[0].nwarnings, 0);
    } else if (p.n == 1) {
      if (p.v[0].known_since) fprintf(stderr, "date '%s'\n", cases[i].in);
      CHECK_NULL(p.v[0].known_since);
      char *want = xasprintf("d.csv:2: kept without 'known since': '%s' is not a date",
                             cases[i].in);
      CHECK_STR(warns(&p.v[0]), want);
      free(want);
    } else {
      CHECK_INT(p.n, 1);
    }
    import_people_free(&p);
    free(text);
  }
}

/* Outlook 2010–2019: the full header, every value quoted but dates and
 * flags, names in three parts, phones and emails of every kind, notes over
 * two lines, categories, an Exchange address, a company alone, a contact
 * with nothing but Outlook's defaults. */
static void test_outlook(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("outlook.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "Outlook CSV");
  CHECK_INT(p.n, 4);
  if (p.n != 4) return;
  const struct rp_import_person *ada = &p.v[0], *grace = &p.v[1], *kelp = &p.v[2];
  check_good(ada, "outlook.csv:2", "Ada King Lovelace");
  CHECK_STR(ada->given, "Ada");
  CHECK_STR(ada->family, "Lovelace");
  CHECK_STR(ada->org, "Analytical Engines");
  CHECK_STR(ada->role, "Lead, Research");
  CHECK_STR(ada->location, "London, United Kingdom");
  CHECK_STR(vals(&ada->emails), "ada@example.org *, countess@example.net");
  CHECK_STR(ada->email, "ada@example.org");
  CHECK_STR(vals(&ada->phones), "+44 7700 900123 [mobile], +44 20 7946 0000 [work], +44 20 7946 "
                                "0002 [home], +44 20 7946 0001 [fax]");
  CHECK_STR(ada->phone, "+44 7700 900123");
  CHECK_STR(vals(&ada->urls), "https://ada.example.org/");
  CHECK_STR(ada->notes, "Met at the Difference Engine demo.\nLikes poetry.");
  CHECK_STR(tags(ada), "Engines|Mathematics");
  CHECK_NULL(ada->known_since);
  CHECK_NULL(ada->how_known);
  CHECK_INT(ada->nwarnings, 0);
  check_good(grace, "outlook.csv:4", "Grace Hopper");
  CHECK_STR(grace->location, "Arlington, United States of America");
  CHECK_STR(vals(&grace->phones), "(555) 010-4477 [home] *, 555 010 9999 [pager]");
  CHECK_STR(vals(&grace->emails), "grace@example.mil");
  CHECK_STR(warns(grace), "outlook.csv:4: kept without email "
                          "'/o=ExchangeLabs/ou=Recipients/cn=grace.hopper': not an email address");
  CHECK_STR(tags(grace), "Navy");
  CHECK_NULL(grace->org);
  check_good(kelp, "outlook.csv:5", "Kelp Works");
  CHECK_STR(kelp->org, "Kelp Works");
  CHECK_STR(vals(&kelp->phones), "+1 555 0100 [work]");
  CHECK_STR(vals(&kelp->urls), "kelp.example.com");
  CHECK_STR(kelp->location, "Monterey");
  check_nameless(&p.v[3], "outlook.csv:6");
  import_people_free(&p);
  /* not LinkedIn's */
  CHECK_INT(parse("outlook.csv", true, &p, &err), RP_INVALID);
  CHECK_STR(err.msg, "outlook.csv:1: this is an Outlook CSV, not LinkedIn's Connections.csv; use "
                     "rapport import csv");
  CHECK_INT(p.n, 0);
}

/* LinkedIn before 2017 exported Outlook's header, every cell quoted. */
static void test_linkedin_pre2017(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("linkedin_pre2017_outlook.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "Outlook CSV");
  CHECK_INT(p.n, 2);
  if (p.n != 2) return;
  check_good(&p.v[0], "linkedin_pre2017_outlook.csv:2", "Ada Lovelace");
  CHECK_STR(vals(&p.v[0].emails), "ada@example.org *");
  CHECK_STR(p.v[0].org, "Analytical Engines");
  CHECK_STR(p.v[0].role, "Lead, Research");
  CHECK_INT(p.v[0].phones.n, 0);
  CHECK_NULL(p.v[0].location);
  CHECK_INT(p.v[0].tags.n, 0);
  check_good(&p.v[1], "linkedin_pre2017_outlook.csv:3", "Tim Berners-Lee");
  CHECK_STR(p.v[1].org, "W3C");
  CHECK_STR(p.v[1].role, "Director");
  CHECK_INT(p.v[1].emails.n, 0);
  import_people_free(&p);
}

/* Google Contacts since 2020: labels with the preferred one starred,
 * several values in one cell, system labels, people named by nickname,
 * organisation, email or phone. */
static void test_google(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("google.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "Google Contacts CSV");
  CHECK_INT(p.n, 7);
  if (p.n != 7) return;
  const struct rp_import_person *ada = &p.v[0], *alan = &p.v[5];
  check_good(ada, "google.csv:2", "Ada King Lovelace");
  CHECK_STR(ada->given, "Ada");
  CHECK_STR(ada->family, "Lovelace");
  CHECK_STR(ada->org, "Analytical Engines");
  CHECK_STR(ada->role, "Lead");
  CHECK_STR(ada->notes, "Poet of science,\nfriend of Babbage");
  CHECK_STR(tags(ada), "Engines");
  CHECK_STR(vals(&ada->emails),
            "ada@example.org [work] *, ada.lovelace@example.org [work], ada@home.example [home]");
  CHECK_STR(ada->email, "ada@example.org");
  CHECK_STR(vals(&ada->phones), "+44 7700 900123 [mobile], +44 20 7946 0001 [fax]");
  CHECK_STR(vals(&ada->urls), "https://www.linkedin.com/in/ada-lovelace [profile]");
  CHECK_STR(ada->location, "London, United Kingdom");
  CHECK_NULL(ada->known_since);
  CHECK_NULL(ada->how_known);
  CHECK_INT(ada->nwarnings, 0);
  check_good(&p.v[1], "google.csv:6", "someone@example.com");
  CHECK_STR(vals(&p.v[1].emails), "someone@example.com *");
  CHECK_INT(p.v[1].tags.n, 0);
  check_good(&p.v[2], "google.csv:7", "Captain Kelp");
  CHECK_STR(vals(&p.v[2].phones), "+1 555 0199 [home]");
  CHECK_STR(tags(&p.v[2]), "Divers");
  check_good(&p.v[3], "google.csv:8", "Kelp Works");
  CHECK_STR(p.v[3].org, "Kelp Works");
  CHECK_STR(p.v[3].role, "Front desk");
  CHECK_STR(vals(&p.v[3].phones), "+1 555 0100 [work], +1 555 0101 [work]");
  CHECK_STR(p.v[3].location, "Monterey");
  check_good(&p.v[4], "google.csv:9", "+1 555 0142");
  CHECK_STR(vals(&p.v[4].phones), "+1 555 0142 [mobile]");
  check_good(alan, "google.csv:10", "Alan Turing");
  CHECK_STR(tags(alan), "coworkers");
  CHECK_STR(vals(&alan->emails), "alan@bletchley.example [other]");
  CHECK_STR(warns(alan),
            "google.csv:10: kept without email 'alan at bletchley': not an email address");
  CHECK_STR(alan->location, "United Kingdom");
  check_nameless(&p.v[6], "google.csv:11");
  import_people_free(&p);
  CHECK_INT(parse("google.csv", true, &p, &err), RP_INVALID);
  CHECK_STR(err.msg, "google.csv:1: this is a Google Contacts CSV, not LinkedIn's "
                     "Connections.csv; use rapport import csv");
  CHECK_INT(p.n, 0);
}

/* Google Contacts before 2020: Name, Given Name, …, "- Type" columns,
 * Group Membership, Organization 1. */
static void test_google_old(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(parse("google_old.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "Google Contacts CSV (old format)");
  CHECK_INT(p.n, 4);
  if (p.n != 4) return;
  const struct rp_import_person *grace = &p.v[0];
  check_good(grace, "google_old.csv:2", "Grace Hopper");
  CHECK_STR(grace->given, "Grace");
  CHECK_STR(grace->family, "Hopper");
  CHECK_STR(grace->org, "US Navy");
  CHECK_STR(grace->role, "Rear Admiral");
  CHECK_STR(grace->notes, "COBOL");
  CHECK_STR(tags(grace), "Navy");
  CHECK_STR(vals(&grace->emails), "grace@navy.example [work] *, grace@home.example [home]");
  CHECK_STR(vals(&grace->phones), "+1 555 0123 [mobile]");
  CHECK_STR(vals(&grace->urls), "https://grace.example.org [blog]");
  CHECK_STR(grace->location, "Arlington, USA");
  check_good(&p.v[1], "google_old.csv:3", "Tim Berners-Lee");
  CHECK_STR(tags(&p.v[1]), "Web");
  CHECK_STR(vals(&p.v[1].emails), "tim@w3.example [work] *");
  check_good(&p.v[2], "google_old.csv:4", "CERN");
  CHECK_STR(p.v[2].org, "CERN");
  CHECK_STR(vals(&p.v[2].phones), "+41 22 767 6111 [work]");
  check_good(&p.v[3], "google_old.csv:5", "www@cern.example");
  CHECK_INT(p.v[3].tags.n, 0);
  CHECK_STR(vals(&p.v[3].emails), "www@cern.example *");
  import_people_free(&p);
  CHECK_INT(parse("google_old.csv", true, &p, &err), RP_INVALID);
  CHECK_STR(err.msg, "google_old.csv:1: this is a Google Contacts CSV (old format), not "
                     "LinkedIn's Connections.csv; use rapport import csv");
}

/* Tab-separated text (Outlook's "Unicode text" export); a row with a
 * cell too many; a quote never closed. */
static void test_structure(void) {
  const char *text = "First Name\tLast Name\tE-mail Address\tCompany\n"
                     "\"Ada\"\tLovelace\tada@example.org\tEngines, Ltd\n";
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(import_parse_csv("t.txt", text, strlen(text), NULL, &p, &err), RP_OK);
  CHECK_STR(p.format, "Outlook CSV (tab-separated)");
  CHECK_INT(p.n, 1);
  if (p.n == 1) {
    check_good(&p.v[0], "t.txt:2", "Ada Lovelace");
    CHECK_STR(p.v[0].org, "Engines, Ltd");
    CHECK_STR(vals(&p.v[0].emails), "ada@example.org *");
  }
  import_people_free(&p);
  text = "First Name,Last Name,E-mail Address\nAda,Lovelace,ada@example.org,x\n"
         "Grace,Hopper,\"grace@example.org\n";
  CHECK_INT(import_parse_csv("s.csv", text, strlen(text), NULL, &p, &err), RP_OK);
  CHECK_INT(p.n, 2);
  if (p.n == 2) {
    CHECK_STR(p.v[0].bad, "4 fields, expected 3 as in the header (First Name,Last Name,E-mail "
                          "Address); a field with a comma must be in double quotes");
    CHECK_STR(p.v[1].where, "s.csv:3");
    CHECK_STR(p.v[1].bad, "a quoted field is never closed (a \" is missing before the end of "
                          "the file)");
  }
  import_people_free(&p);
}

/* A header rapport does not know, named by its line. */
static void test_unknown(void) {
  static const char *const want_tail =
      ": not a CSV export rapport knows; it needs LinkedIn's columns (First Name, Last Name, "
      "URL, Email Address, Company, Position, Connected On), Outlook's (First Name, Last Name, "
      "E-mail Address, \xE2\x80\xA6) or Google's (First Name or Name, E-mail 1 - Value, "
      "\xE2\x80\xA6)";
  static const struct {
    const char *text;
    int line;
  } cases[] = {{"Name,Phone\nAda,123\n", 1}, {"\n\r\nfoo,bar\n", 3}, {"", 1},
               {"First Name,Last Name\nAda,Lovelace\n", 1}};
  for (size_t i = 0; i < RP_ARRAY_LEN(cases); i++) {
    struct rp_import_people p;
    struct rp_err err;
    CHECK_INT(import_parse_csv("u.csv", cases[i].text, strlen(cases[i].text), NULL, &p, &err),
              RP_INVALID);
    char *want = xasprintf("u.csv:%d%s", cases[i].line, want_tail);
    CHECK_STR(err.msg, want);
    free(want);
    CHECK_INT(p.n, 0);
    CHECK_NULL(p.v);
  }
}

/* Through import_file: a Windows-1252 file is decoded first (with the
 * file's warning), and a LinkedIn file's warnings carry the person's name. */
static void test_import_file(void) {
  struct rp_db *db = NULL;
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  fx_open_fresh(&db, "csv.db");
  struct rp_import_summary s = {0};
  struct rp_err err;
  char *path = fixture_path("outlook_cp1252.csv");
  CHECK_INT(import_file(db, &cfg, path, NULL, &s, &err), RP_OK);
  CHECK_INT(s.added, 1);
  CHECK_STR(s.format, "Outlook CSV");
  CHECK_INT(s.warnings.n, 1);
  if (s.warnings.n == 1) {
    char *want = xasprintf("%s:2: not UTF-8 (a spreadsheet or an old program saved it): read "
                           "as Windows-1252",
                           path);
    CHECK(strncmp(s.warnings.v[0], want, strlen(want)) == 0);
    free(want);
  }
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Zo\xC3\xAB \xC3\x98rsted' "
                          "AND org = 'Caf\xC3\xA9 M\xC3\xBCller' AND role = 'Chef' AND location "
                          "= 'K\xC3\xB8" "benhavn, Danmark' AND email = 'zoe@example.dk' AND "
                          "notes = 'Gr\xC3\xBC\xC3\x9F" "e \xE2\x80\x93 bis bald' AND "
                          "how_known IS NULL"),
            1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_tag WHERE tag IN ('Kelp', 'Mad')"), 2);
  free(path);
  import_summary_free(&s);
  path = fixture_path("linkedin_2024.csv");
  CHECK_INT(import_file(db, &cfg, path, NULL, &s, &err), RP_OK);
  CHECK_STR(s.format, "LinkedIn connections");
  CHECK_INT(s.added, 4);
  CHECK_INT(s.skipped, 2);
  CHECK_INT(s.nameless, 2);
  CHECK_INT(s.nwarnings, 2);
  if (s.warnings.n == 2) {
    char *want = xasprintf("%s:10: Alan Turing: kept without 'known since': '31 Feb 2024' is "
                           "not a date",
                           path);
    CHECK_STR(s.warnings.v[1], want);
    free(want);
  }
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE how_known = 'community'"), 4);
  free(path);
  import_summary_free(&s);
  db_close(db);
  config_free(&cfg);
}

int main(void) {
  setlocale(LC_ALL, "");
  test_linkedin_2018();
  test_linkedin_2021();
  test_linkedin_2024();
  test_linkedin_resaved();
  test_linkedin_header();
  test_dates();
  test_outlook();
  test_linkedin_pre2017();
  test_google();
  test_google_old();
  test_structure();
  test_unknown();
  test_import_file();
  check_rmtree(check_tmpdir());
  return check_done("test_import_csv");
}
