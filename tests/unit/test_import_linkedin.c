/* test_import_linkedin.c — LinkedIn's Connections.csv: notes before the
 * header, a byte-order mark, CRLF, quoted commas, doubled quotes, a field
 * over two lines, empty emails, dates; malformed rows with their exact
 * messages; values that cannot be used dropped with a warning. (Every
 * year's header and the other CSV exports: test_import_csv.c.) */
#include "import_fixture.h"

static void test_export(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("connections.csv", false, &p, &err), RP_OK);
  CHECK_STR(p.format, "LinkedIn connections");
  CHECK_INT(p.n, 4);
  if (p.n != 4) return;
  const struct rp_import_person *ada = &p.v[0], *grace = &p.v[1], *zoe = &p.v[2], *tom = &p.v[3];
  CHECK_STR(ada->where, "connections.csv:5");
  CHECK(!ada->bad);
  CHECK_STR(ada->name, "Ada Lovelace");
  CHECK_STR(ada->url, "https://www.linkedin.com/in/ada-lovelace");
  CHECK_STR(ada->email, "ada@example.org");
  CHECK_STR(ada->org, "Analytical Engines");
  CHECK_STR(ada->role, "Lead, Research");
  CHECK_STR(ada->known_since, "2024-03-07");
  CHECK_STR(ada->how_known, "community");
  CHECK_STR(grace->where, "connections.csv:6");
  CHECK(grace->email == NULL);
  CHECK_STR(grace->org, "The \"Navy\" Lab");
  CHECK_STR(grace->known_since, "2023-01-15");
  CHECK_STR(zoe->where, "connections.csv:7");
  CHECK_STR(zoe->name, "Zo\xC3\xAB \xC3\x98rsted");
  CHECK_STR(zoe->role, "Head of Kelp Farming"); /* the line break made a space */
  CHECK_STR(zoe->known_since, "2022-02-01");
  CHECK_STR(tom->where, "connections.csv:9"); /* after the two-line row */
  CHECK_STR(tom->email, "TOM@Example.org");
  CHECK(tom->org == NULL && tom->role == NULL && tom->known_since == NULL);
  for (size_t i = 0; i < p.n; i++) CHECK(p.v[i].bad == NULL);
  import_people_free(&p);
}

static void test_malformed(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("bad_quote.csv", false, &p, &err), RP_OK);
  CHECK_INT(p.n, 1);
  CHECK_STR(fx_bad(&p, 0), "bad_quote.csv:5: a quoted field is never closed (a \" is missing "
                           "before the end of the file)");
  import_people_free(&p);

  CHECK_INT(fx_parse("bad_rows.csv", false, &p, &err), RP_OK);
  CHECK_INT(p.n, 4);
  CHECK_STR(fx_bad(&p, 0), "bad_rows.csv:2");
  /* a row short of cells (a spreadsheet drops empty ones at the end): what
   * is there is read; one with too many is broken (test_import_csv.c) */
  CHECK_STR(fx_bad(&p, 1), "bad_rows.csv:3");
  if (p.n == 4) {
    CHECK_STR(p.v[1].org, "Navy");
    CHECK_STR(p.v[1].role, "Admiral");
    CHECK(p.v[1].known_since == NULL);
  }
  /* a date that is no date: the person is kept without it */
  CHECK_STR(fx_bad(&p, 2), "bad_rows.csv:4");
  if (p.n == 4) {
    CHECK(p.v[2].known_since == NULL);
    CHECK_INT(p.v[2].nwarnings, 1);
    if (p.v[2].nwarnings == 1) {
      CHECK_STR(p.v[2].warnings[0].where, "bad_rows.csv:4");
      CHECK_STR(p.v[2].warnings[0].msg, "kept without 'known since': '31 Feb 2024' is not a date");
    }
  }
  CHECK_STR(fx_bad(&p, 3), "bad_rows.csv:5");
  import_people_free(&p);

  CHECK_INT(fx_parse("bad_email.csv", false, &p, &err), RP_OK);
  CHECK_INT(p.n, 2);
  /* an email that is none is dropped with a warning */
  CHECK_STR(fx_bad(&p, 0), "bad_email.csv:2");
  if (p.n == 2) {
    CHECK(p.v[0].email == NULL && p.v[0].emails.n == 0);
    CHECK_INT(p.v[0].nwarnings, 1);
    if (p.v[0].nwarnings == 1)
      CHECK_STR(p.v[0].warnings[0].msg,
                "kept without email 'ada.example.org': not an email address");
    /* no name and no email (a hidden member): nameless, never broken */
    CHECK_STR(fx_bad(&p, 1), "bad_email.csv:3");
    CHECK(p.v[1].nameless);
  }
  import_people_free(&p);

  CHECK_INT(fx_parse("not_linkedin.csv", false, &p, &err), RP_INVALID);
  CHECK_STR(err.msg, "not_linkedin.csv: no header line \"First Name,Last Name,URL,Email "
                     "Address,Company,Position,Connected On\"; is this LinkedIn's "
                     "Connections.csv?");
  CHECK_INT(p.n, 0);
}

/* Columns found by name in any order and case; dates in either form. */
static void test_header_and_dates(void) {
  const char *text = "  first name , LAST NAME,Connected On,Company\n"
                     "Ada,Lovelace,7 mar 2024,Engines\n"
                     "Tim,Berners-Lee,1989-03-12,CERN\n"
                     "Alan,Turing,March 2024,\n"
                     "Grace,Hopper,07 Mar 24,\n";
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(import_parse_linkedin("x.csv", text, strlen(text), NULL, &p, &err), RP_OK);
  CHECK_INT(p.n, 4);
  if (p.n != 4) return;
  CHECK_STR(p.v[0].name, "Ada Lovelace");
  CHECK_STR(p.v[0].known_since, "2024-03-07");
  CHECK_STR(p.v[0].org, "Engines");
  CHECK(p.v[0].how_known == NULL);
  CHECK_STR(p.v[1].known_since, "1989-03-12");
  CHECK_STR(fx_bad(&p, 2), "x.csv:4");
  CHECK(p.v[2].known_since == NULL);
  CHECK_INT(p.v[2].nwarnings, 1);
  if (p.v[2].nwarnings == 1)
    CHECK_STR(p.v[2].warnings[0].msg, "kept without 'known since': 'March 2024' is not a date");
  CHECK_STR(fx_bad(&p, 3), "x.csv:5");
  CHECK_STR(p.v[3].known_since, "2024-03-07"); /* a two-digit year is 20YY */
  import_people_free(&p);
  /* a quoted header, CR line ends only at the end */
  text = "\"First Name\",\"Last Name\",\"Email Address\"\r\nAda,Lovelace,ada@example.org";
  CHECK_INT(import_parse_linkedin("q.csv", text, strlen(text), NULL, &p, &err), RP_OK);
  CHECK_INT(p.n, 1);
  if (p.n == 1) CHECK_STR(p.v[0].email, "ada@example.org");
  import_people_free(&p);
}

int main(void) {
  test_export();
  test_malformed();
  test_header_and_dates();
  return check_done("test_import_linkedin");
}
