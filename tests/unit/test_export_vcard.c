/* test_export_vcard.c — the vCard export (4.0 and 3.0) of a contact with
 * several emails, phones and URLs (each with its TYPE and the preferred
 * one marked), the location as an ADR, and N split sensibly: the family
 * name is the last word with a letter in it (a trailing emoji is not a
 * family name), a one-word name is a given name. The CSV export's lists. */
#include <locale.h>

#include "fixture.h"
#include "rapport/export.h"

static struct rp_config cfg;
static struct rp_db *db;

/* Insert a contact with these fields and values (values_read). */
static int64_t add(const char *name, const char *location, struct rp_contact_values *emails,
                   struct rp_contact_values *phones, struct rp_contact_values *urls) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.location = xstrdup(location);
  c.stage = xstrdup("met");
  if (emails) contact_values_copy(&c.emails, emails);
  if (phones) contact_values_copy(&c.phones, phones);
  if (urls) contact_values_copy(&c.urls, urls);
  c.email = xstrdup(contact_values_primary_value(&c.emails));
  c.phone = xstrdup(contact_values_primary_value(&c.phones));
  c.url = xstrdup(contact_values_primary_value(&c.urls));
  c.values_read = true;
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

/* The card of `name` in a vCard export (from BEGIN to END), or "". */
static char *card_of(const char *vcf, const char *name) {
  char *fn = xasprintf("FN:%s\r\n", name);
  const char *at = strstr(vcf, fn);
  free(fn);
  if (!at) return xstrdup("");
  const char *begin = at;
  while (begin > vcf && strncmp(begin, "BEGIN:VCARD", 11) != 0) begin--;
  const char *end = strstr(at, "END:VCARD\r\n");
  return end ? xstrndup(begin, (size_t)(end - begin) + 11) : xstrdup("");
}

static void fill(void) {
  struct rp_contact_values e = {0}, p = {0}, u = {0};
  contact_values_add(&e, VALUE_EMAIL, "ahmed@work.example", "work", true);
  contact_values_add(&e, VALUE_EMAIL, "ahmed@home.example", "home", false);
  contact_values_add(&e, VALUE_EMAIL, "a.s@x.example", "internet,pref", false);
  contact_values_add(&p, VALUE_PHONE, "+971 50 123 4567", "mobile", false);
  contact_values_add(&p, VALUE_PHONE, "+971 4 000 0000", "work", true);
  contact_values_add(&u, VALUE_URL, "https://ahmed.example", NULL, true);
  add("Ahmed Al-Sayed \xF0\x9F\x8C\xB1", "Lisbon, Portugal", &e, &p, &u);
  contact_values_free(&e);
  contact_values_add(&e, VALUE_EMAIL, "cher@example.org", NULL, true);
  add("Cher", NULL, &e, NULL, NULL);
  add("Zo\xC3\xAB van der \xC3\x98rsted", "Oslo", NULL, NULL, NULL);
  add("\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99", NULL, NULL, NULL, NULL); /* 李小龙 */
  add("Ana 2", NULL, NULL, NULL, NULL);
  contact_values_free(&e);
  contact_values_free(&p);
  contact_values_free(&u);
}

#define CHECK_HAS(text, want)                                                        \
  do {                                                                               \
    if (!strstr(text, want)) fprintf(stderr, "missing [%s] in:\n%s\n", want, text);  \
    CHECK(strstr(text, want) != NULL);                                               \
  } while (0)

static void test_vcard4(void) {
  struct rp_buf b = {0};
  struct rp_err err;
  CHECK_INT(export_vcard(db, 4, &b, &err), RP_OK);
  char *c = card_of(buf_str(&b), "Ahmed Al-Sayed \xF0\x9F\x8C\xB1");
  CHECK_HAS(c, "\r\nN:Al-Sayed;Ahmed;;;\r\n");
  CHECK_HAS(c, "\r\nEMAIL;TYPE=work;PREF=1:ahmed@work.example\r\n"
               "EMAIL;TYPE=home:ahmed@home.example\r\n"
               "EMAIL:a.s@x.example\r\n");
  CHECK_HAS(c, "\r\nTEL;VALUE=text;TYPE=cell:+971 50 123 4567\r\n"
               "TEL;VALUE=text;TYPE=work;PREF=1:+971 4 000 0000\r\n");
  CHECK_HAS(c, "\r\nURL:https://ahmed.example\r\n");
  CHECK_HAS(c, "\r\nADR:;;;Lisbon\\, Portugal;;;\r\n");
  free(c);
  c = card_of(buf_str(&b), "Cher");
  CHECK_HAS(c, "\r\nN:;Cher;;;\r\n");
  CHECK_HAS(c, "\r\nEMAIL:cher@example.org\r\n"); /* the only one: no PREF */
  CHECK(strstr(c, "ADR") == NULL);
  free(c);
  c = card_of(buf_str(&b), "Zo\xC3\xAB van der \xC3\x98rsted");
  CHECK_HAS(c, "\r\nN:\xC3\x98rsted;Zo\xC3\xAB van der;;;\r\n");
  CHECK_HAS(c, "\r\nADR:;;;Oslo;;;\r\n");
  free(c);
  c = card_of(buf_str(&b), "\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99");
  CHECK_HAS(c, "\r\nN:;\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99;;;\r\n");
  free(c);
  c = card_of(buf_str(&b), "Ana 2");
  CHECK_HAS(c, "\r\nN:;Ana;;;\r\n");
  free(c);
  buf_free(&b);
}

static void test_vcard3(void) {
  struct rp_buf b = {0};
  struct rp_err err;
  CHECK_INT(export_vcard(db, 3, &b, &err), RP_OK);
  char *c = card_of(buf_str(&b), "Ahmed Al-Sayed \xF0\x9F\x8C\xB1");
  CHECK_HAS(c, "\r\nVERSION:3.0\r\n");
  CHECK_HAS(c, "\r\nN:Al-Sayed;Ahmed;;;\r\n");
  CHECK_HAS(c, "\r\nEMAIL;TYPE=INTERNET,WORK,PREF:ahmed@work.example\r\n"
               "EMAIL;TYPE=INTERNET,HOME:ahmed@home.example\r\n"
               "EMAIL;TYPE=INTERNET:a.s@x.example\r\n");
  CHECK_HAS(c, "\r\nTEL;TYPE=CELL:+971 50 123 4567\r\n"
               "TEL;TYPE=WORK,PREF:+971 4 000 0000\r\n");
  CHECK_HAS(c, "\r\nADR:;;;Lisbon\\, Portugal;;;\r\n");
  free(c);
  c = card_of(buf_str(&b), "Cher");
  CHECK_HAS(c, "\r\nN:;Cher;;;\r\n");
  CHECK_HAS(c, "\r\nEMAIL;TYPE=INTERNET:cher@example.org\r\n");
  free(c);
  buf_free(&b);
}

/* CSV: the old columns, then every email, phone and URL. */
static void test_csv(void) {
  struct rp_buf b = {0};
  struct rp_err err;
  CHECK_INT(export_csv(db, &b, &err), RP_OK);
  const char *csv = buf_str(&b);
  CHECK(strncmp(csv,
                "id,name,org,role,field,email,phone,url,location,how_known,warmth,introduced_by,"
                "seniority,channel,stage,tags,known_since,work,challenges,notes,emails,phones,"
                "urls\r\n",
                162) == 0);
  CHECK_HAS(csv, ",ahmed@work.example; ahmed@home.example; a.s@x.example,"
                 "+971 50 123 4567; +971 4 000 0000,https://ahmed.example\r\n");
  CHECK_HAS(csv, ",,,,,cher@example.org,,\r\n");
  buf_free(&b);
}

int main(void) {
  setlocale(LC_ALL, "");
  fx_pipeline(&cfg);
  fx_open_fresh(&db, "vcard.db");
  fill();
  test_vcard4();
  test_vcard3();
  test_csv();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_export_vcard");
}
