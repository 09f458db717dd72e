/* test_import_vcard.c — vCard 3.0 and 4.0: many cards, folded lines,
 * escapes, property groups, parameters, names in any case, N without FN,
 * CATEGORIES, URIs; malformed cards and stray lines with their exact
 * messages. */
#include "import_fixture.h"

static void check_tags(const struct rp_import_person *p, const char *joined) {
  char *j = strv_join(&p->tags, "|");
  CHECK_STR(j, joined);
  free(j);
}

static void test_v3(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("phone.vcf", true, &p, &err), RP_OK);
  CHECK_INT(p.n, 2);
  if (p.n != 2) return;
  const struct rp_import_person *ada = &p.v[0], *zoe = &p.v[1];
  CHECK_STR(ada->where, "phone.vcf:1");
  CHECK(!ada->bad);
  CHECK_STR(ada->name, "Ada Lovelace");
  CHECK_STR(ada->org, "Analytical Engines");
  CHECK_STR(ada->role, "Lead, Research");
  CHECK_STR(ada->email, "ada@example.org");
  CHECK_STR(ada->phone, "+44 20 7946 0000");
  CHECK_STR(ada->url, "https://www.linkedin.com/in/ada-lovelace/");
  CHECK_STR(ada->notes, "Met at the engines fair; likes poetry.\nAsk about the notes on "
                        "Bernoulli numbers.");
  check_tags(ada, "mathematics|engines");
  CHECK(ada->known_since == NULL && ada->how_known == NULL);
  CHECK_STR(zoe->where, "phone.vcf:15");
  CHECK(!zoe->bad);
  CHECK_STR(zoe->name, "Zo\xC3\xAB \xC3\x98rsted"); /* from N, without "Dr." */
  CHECK_STR(zoe->org, "Kelp Works");
  CHECK_STR(zoe->email, "zoe@kelp.example");
  check_tags(zoe, "oceans,seas|kelp");
  import_people_free(&p);
}

static void test_v4(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("contacts4.vcf", true, &p, &err), RP_OK);
  CHECK_INT(p.n, 2);
  if (p.n != 2) return;
  const struct rp_import_person *grace = &p.v[0], *tom = &p.v[1];
  CHECK(!grace->bad && !tom->bad);
  CHECK_STR(grace->name, "Grace Hopper");
  CHECK_STR(grace->org, "The \"Navy\" Lab");
  CHECK_STR(grace->role, "Rear Admiral");
  CHECK_STR(grace->email, "grace@navy.example");
  CHECK_STR(grace->phone, "+1-555-0100");
  CHECK_STR(grace->url, "https://grace.example/");
  CHECK_STR(grace->notes, "Invented the compiler.");
  CHECK_STR(tom->where, "contacts4.vcf:13");
  CHECK_STR(tom->name, "Tom Okafor");
  CHECK_STR(tom->email, "tom@example.org");
  import_people_free(&p);
}

static void test_malformed(void) {
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(fx_parse("bad_cards.vcf", true, &p, &err), RP_OK);
  CHECK_INT(p.n, 3);
  CHECK_STR(fx_bad(&p, 0), "bad_cards.vcf:1: the card begun here has no END:VCARD before the "
                           "BEGIN:VCARD on line 4");
  CHECK_STR(fx_bad(&p, 1), "bad_cards.vcf:4");
  CHECK_STR(fx_bad(&p, 2), "bad_cards.vcf:9: a card with neither FN nor N: no name");
  import_people_free(&p);

  CHECK_INT(fx_parse("unended.vcf", true, &p, &err), RP_OK);
  CHECK_INT(p.n, 2);
  CHECK_STR(fx_bad(&p, 0), "unended.vcf:1");
  CHECK_STR(fx_bad(&p, 1), "unended.vcf:5: the card begun here has no END:VCARD");
  import_people_free(&p);

  /* stray lines (reported once per run), END without BEGIN, a line with
   * no colon, another charset, nested BEGIN of something else */
  const char *text = "junk\nmore junk\nBEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n"
                     "BEGIN:VCARD\nFN:B\nno colon here\nEND:VCARD\n"
                     "BEGIN:VCARD\nFN;CHARSET=ISO-8859-1:C\nEND:VCARD\n"
                     "BEGIN:VCARD\nFN:D\nBEGIN:VCALENDAR\nEND:VCARD\n"
                     "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:E=C3=AB\nEND:VCARD\n"
                     "BEGIN:VCARD\nFN:F\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\nEND:VCARD\n";
  CHECK_INT(import_parse_vcard("x.vcf", text, strlen(text), &p, &err), RP_OK);
  CHECK_INT(p.n, 8);
  CHECK_STR(fx_bad(&p, 0), "x.vcf:1: outside a card: BEGIN:VCARD is missing");
  CHECK_STR(fx_bad(&p, 1), "x.vcf:3");
  CHECK_STR(fx_bad(&p, 2), "x.vcf:6: END:VCARD without BEGIN:VCARD");
  CHECK_STR(fx_bad(&p, 3), "x.vcf:9: not a vCard line NAME:VALUE: 'no colon here'");
  CHECK_STR(fx_bad(&p, 4), "x.vcf:12: FN;CHARSET=ISO-8859-1: only UTF-8 is supported; export "
                           "the cards as UTF-8");
  CHECK_STR(fx_bad(&p, 5), "x.vcf:16: BEGIN:VCALENDAR inside a card");
  CHECK_STR(fx_bad(&p, 6), "x.vcf:20: quoted-printable values (vCard 2.1) are not supported; "
                           "export as vCard 3.0 or 4.0");
  CHECK_STR(fx_bad(&p, 7), "x.vcf:22");
  if (p.n == 8) CHECK_STR(p.v[7].name, "F");
  import_people_free(&p);

  CHECK_INT(import_parse_vcard("e.vcf", "hello\n", 6, &p, &err), RP_INVALID);
  CHECK_STR(err.msg, "e.vcf: no BEGIN:VCARD; is this a vCard (.vcf) file?");
}

/* Escapes and folding in detail. */
static void test_escapes(void) {
  const char *text = "BEGIN:VCARD\r\nFN:Back\\\\slash\\, Jr.\r\nNOTE:a\\nb\\Nc\\;d\\:e\\qf\r\n"
                     "ORG:Acme\\; Co;Dept\r\nTITLE:long \r\n\ttitle\r\n"
                     "CATEGORIES: x , ,y,x\r\nEND:VCARD";
  struct rp_import_people p;
  struct rp_err err;
  CHECK_INT(import_parse_vcard("e.vcf", text, strlen(text), &p, &err), RP_OK);
  CHECK_INT(p.n, 1);
  if (p.n != 1) return;
  CHECK(!p.v[0].bad);
  CHECK_STR(p.v[0].name, "Back\\slash, Jr.");
  CHECK_STR(p.v[0].notes, "a\nb\nc;d:e\\qf");
  CHECK_STR(p.v[0].org, "Acme; Co");
  CHECK_STR(p.v[0].role, "long title");
  check_tags(&p.v[0], "x|y");
  import_people_free(&p);
}

int main(void) {
  test_v3();
  test_v4();
  test_malformed();
  test_escapes();
  return check_done("test_import_vcard");
}
