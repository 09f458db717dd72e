/* import_outlook.c — Outlook's CSV ("Comma Separated Values" export of
 * Outlook 2003–2019, Outlook.com's, and LinkedIn's export before 2017,
 * which used the same header), also as tab-separated text: the columns
 * rapport uses, found by name, and one contact per row. Found and read by
 * import_csv.c. */
#include <stdlib.h>
#include <string.h>

#include "io/import_csv.h"

/* Phone columns with their kind of use, in the order they are taken (the
 * first is the primary unless "Primary Phone" says otherwise). */
static const struct {
  const char *col, *type;
  bool preferred;
} phone_cols[] = {
    {"Primary Phone", NULL, true},  {"Mobile Phone", "mobile", false},
    {"Business Phone", "work", false}, {"Business Phone 2", "work", false},
    {"Home Phone", "home", false},  {"Home Phone 2", "home", false},
    {"Company Main Phone", "work", false}, {"Other Phone", "other", false},
    {"Car Phone", "car", false},    {"Assistant's Phone", "assistant", false},
    {"Callback", "callback", false}, {"Radio Phone", "radio", false},
    {"ISDN", "isdn", false},        {"TTY/TDD Phone", "textphone", false},
    {"Telex", "telex", false},      {"Pager", "pager", false},
    {"Business Fax", "fax", false}, {"Home Fax", "fax", false},
    {"Other Fax", "fax", false},
};
enum { NPHONES = sizeof phone_cols / sizeof phone_cols[0] };
static const char *const email_cols[] = {"E-mail Address", "E-mail 2 Address", "E-mail 3 Address"};
enum { NEMAILS = 3 };
/* Places, in the order a location is taken from: city, then country
 * under its 2007+ name, then its 2003 name. */
static const char *const place_cols[][3] = {
    {"Business City", "Business Country/Region", "Business Country"},
    {"Home City", "Home Country/Region", "Home Country"},
    {"Other City", "Other Country/Region", "Other Country"},
};
enum { NPLACES = 3 };

/* Where each column is (-1: not in the header). */
struct outlook_map {
  int first, middle, last, nickname, company, title, notes, categories, web, personal_web;
  int phone[NPHONES], email[NEMAILS], city[NPLACES], country[NPLACES];
};

/* See import_csv.h (struct csv_format). */
static void *outlook_map(const struct rp_strv *h) {
  struct outlook_map *m = xmalloc(sizeof *m);
  m->first = csv_col(h, "First Name");
  m->middle = csv_col(h, "Middle Name");
  m->last = csv_col(h, "Last Name");
  m->nickname = csv_col(h, "Nickname");
  m->company = csv_col(h, "Company");
  m->title = csv_col(h, "Job Title");
  m->notes = csv_col(h, "Notes");
  m->categories = csv_col(h, "Categories");
  m->web = csv_col(h, "Web Page");
  m->personal_web = csv_col(h, "Personal Web Page");
  for (int i = 0; i < NPHONES; i++) m->phone[i] = csv_col(h, phone_cols[i].col);
  for (int i = 0; i < NEMAILS; i++) m->email[i] = csv_col(h, email_cols[i]);
  for (int i = 0; i < NPLACES; i++) {
    m->city[i] = csv_col(h, place_cols[i][0]);
    m->country[i] = csv_col2(h, place_cols[i][1], place_cols[i][2]);
  }
  return m;
}

/* See import_csv.h (struct csv_format). Name: First Middle Last (no
 * title or suffix), else the nickname, else the company; the first email
 * preferred; the location from the business address, else home, else
 * other; categories (separated by ';') as tags. Birthdays and the rest are
 * not read. */
static void outlook_row(const void *map, const struct csv_row *r) {
  const struct outlook_map *m = map;
  struct rp_import_person *p = r->p;
  csv_set_name(p, csv_cell(r, m->first), csv_cell(r, m->middle), csv_cell(r, m->last));
  if (!p->name) import_set_clean(&p->name, csv_cell(r, m->nickname));
  import_set_clean(&p->org, csv_cell(r, m->company));
  if (!p->name) import_set_clean(&p->name, p->org);
  import_set_clean(&p->role, csv_cell(r, m->title));
  import_set(&p->notes, csv_cell(r, m->notes));
  for (int i = 0; i < NEMAILS; i++)
    import_person_email(p, r->file, r->line, csv_cell(r, m->email[i]), NULL, i == 0);
  for (int i = 0; i < NPHONES; i++)
    contact_values_add(&p->phones, VALUE_PHONE, csv_cell(r, m->phone[i]), phone_cols[i].type,
                       phone_cols[i].preferred);
  contact_values_add(&p->urls, VALUE_URL, csv_cell(r, m->web), NULL, false);
  contact_values_add(&p->urls, VALUE_URL, csv_cell(r, m->personal_web), "home", false);
  for (int i = 0; i < NPLACES; i++)
    if (csv_set_location(p, csv_cell(r, m->city[i]), csv_cell(r, m->country[i]))) break;
  const char *cats = csv_cell(r, m->categories);
  while (cats && *cats) {
    const char *semi = strchr(cats, ';');
    size_t n = semi ? (size_t)(semi - cats) : strlen(cats);
    char *tag = xstrndup(cats, n);
    csv_add_tag(p, tag);
    free(tag);
    cats += n + (semi != NULL);
  }
}

static const struct csv_format outlook = {"Outlook CSV", "Outlook CSV (tab-separated)",
                                          "an Outlook CSV", false, outlook_map, outlook_row};

/* See import_csv.h. A name column with any column only Outlook has
 * (LinkedIn writes "Email Address" and "Position", Outlook "E-mail
 * Address" and "Job Title"). */
const struct csv_format *csv_outlook_detect(const struct rp_strv *header) {
  static const char *const marks[] = {
      "E-mail Address", "E-mail 2 Address", "Job Title",     "Business Phone",
      "Mobile Phone",   "Home Phone",       "Web Page",      "Categories",
      "Business City",  "Business Street",  "Home Street",   "Business Fax",
  };
  if (csv_col(header, "First Name") < 0 && csv_col(header, "Last Name") < 0) return NULL;
  for (size_t i = 0; i < RP_ARRAY_LEN(marks); i++)
    if (csv_col(header, marks[i]) >= 0) return &outlook;
  return NULL;
}
