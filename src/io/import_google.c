/* import_google.c — Google Contacts' CSV ("Google CSV"), in both headers:
 * the current one (2020 on: First Name, …, Labels, E-mail 1 - Label,
 * E-mail 1 - Value, …, Organization Name) and the old one (Name, Given
 * Name, …, Group Membership, E-mail 1 - Type, …, Organization 1 - Name).
 * Numbered columns ("Phone 2 - Value") come in any number; one cell may
 * hold several values separated by " ::: ", and a label starting with "*"
 * marks the preferred one. Found and read by import_csv.c. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/import_csv.h"

/* The kinds of numbered columns rapport reads. */
enum gkind { G_EMAIL, G_PHONE, G_WEBSITE, G_ADDRESS, G_NONE };
/* The parts of a numbered column. */
enum gpart { P_VALUE, P_LABEL, P_CITY, P_COUNTRY, P_OTHER };

/* One numbered group ("E-mail 2 - …"): where its parts are. */
struct group {
  enum gkind kind;
  int number;
  int value, label, city, country; /* -1: not in the header */
};

struct google_map {
  int name, first, middle, last, nickname, org, title, notes, labels;
  size_t ngroups;
  struct group groups[]; /* in the header's order */
};

/* Read a header cell "<Kind> <N> - <Part>" (case, blanks and quotes do not
 * count): false when it is not a numbered column of a kind rapport reads.
 * *old is set when the part is "Type" (the old header's "Label"). */
static bool numbered(const char *cell, enum gkind *kind, int *number, enum gpart *part, bool *old) {
  char b[48];
  size_t n = 0;
  for (const char *s = cell; *s && n + 1 < sizeof b; s++)
    if (*s != ' ' && *s != '\t' && *s != '"' && (unsigned char)*s < 0x80)
      b[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
  b[n] = '\0';
  static const struct {
    const char *prefix;
    enum gkind kind;
  } kinds[] = {{"e-mail", G_EMAIL}, {"email", G_EMAIL}, {"phone", G_PHONE},
               {"website", G_WEBSITE}, {"address", G_ADDRESS}};
  const char *p = NULL;
  for (size_t i = 0; i < RP_ARRAY_LEN(kinds) && !p; i++)
    if (strncmp(b, kinds[i].prefix, strlen(kinds[i].prefix)) == 0) {
      p = b + strlen(kinds[i].prefix);
      *kind = kinds[i].kind;
    }
  if (!p || *p < '0' || *p > '9') return false;
  for (*number = 0; *p >= '0' && *p <= '9' && *number < 100000; p++)
    *number = *number * 10 + (*p - '0');
  if (*p++ != '-') return false;
  *old = strcmp(p, "type") == 0;
  *part = !strcmp(p, "value") ? P_VALUE
          : !strcmp(p, "label") || *old ? P_LABEL
          : !strcmp(p, "city")  ? P_CITY
          : !strcmp(p, "country") ? P_COUNTRY
                                  : P_OTHER;
  return true;
}

/* See import_csv.h (struct csv_format). */
static void *google_map(const struct rp_strv *h) {
  /* one block, with room for a group per header cell */
  struct google_map *m = xmalloc(sizeof *m + h->n * sizeof m->groups[0]);
  m->ngroups = 0;
  m->name = csv_col(h, "Name");
  m->first = csv_col2(h, "First Name", "Given Name");
  m->middle = csv_col2(h, "Middle Name", "Additional Name");
  m->last = csv_col2(h, "Last Name", "Family Name");
  m->nickname = csv_col(h, "Nickname");
  m->org = csv_col2(h, "Organization Name", "Organization 1 - Name");
  m->title = csv_col2(h, "Organization Title", "Organization 1 - Title");
  m->notes = csv_col(h, "Notes");
  m->labels = csv_col2(h, "Labels", "Group Membership");
  for (size_t i = 0; i < h->n; i++) {
    enum gkind kind;
    enum gpart part;
    int number;
    bool old;
    if (!numbered(h->v[i], &kind, &number, &part, &old) || part == P_OTHER) continue;
    struct group *g = NULL;
    for (size_t k = 0; k < m->ngroups && !g; k++)
      if (m->groups[k].kind == kind && m->groups[k].number == number) g = &m->groups[k];
    if (!g) {
      g = &m->groups[m->ngroups++];
      *g = (struct group){kind, number, -1, -1, -1, -1};
    }
    int *slot = part == P_VALUE ? &g->value : part == P_LABEL ? &g->label
                : part == P_CITY ? &g->city : &g->country;
    if (*slot < 0) *slot = (int)i;
  }
  return m;
}

/* The pieces of a cell holding several values ("a ::: b"), trimmed, into
 * out (cleared first; an empty cell gives none). */
static void split_values(const char *cell, struct rp_strv *out) {
  strv_clear(out);
  while (cell && *cell) {
    const char *sep = strstr(cell, ":::");
    size_t n = sep ? (size_t)(sep - cell) : strlen(cell);
    char *piece = xstrndup(cell, n), *t = NULL;
    import_set(&t, piece);
    strv_push(out, t ? t : "");
    free(t);
    free(piece);
    cell += n + (sep ? 3 : 0);
  }
}

/* A label without its star (which *preferred tells), trimmed: the type of
 * a value ("* Work" → "Work"; "Work Fax" → "fax"); NULL when blank. New
 * string, caller frees. */
static char *label_type(const char *label, bool *preferred) {
  char *t = NULL;
  import_set(&t, label);
  *preferred = t && t[0] == '*';
  if (*preferred) {
    char *rest = xstrdup(t + 1);
    free(t);
    t = rest;
    str_trim_null(&t);
  }
  for (size_t i = 0; t && t[i]; i++)
    if (strncasecmp(t + i, "fax", 3) == 0) {
      str_replace(&t, "fax");
      break;
    }
  return t;
}

/* Google's own groups, which are no tags of the person. */
static bool system_label(const char *label) {
  static const char *const system[] = {"My Contacts", "Starred", "Other Contacts",
                                       "Starred in Android"};
  for (size_t i = 0; i < RP_ARRAY_LEN(system); i++)
    if (csv_header_is(label, system[i])) return true;
  return false;
}

/* The values of one group into the person, each with its label (one
 * label for all, or one each). */
static void read_group(const struct group *g, const struct csv_row *r, struct rp_strv *values,
                       struct rp_strv *labels) {
  struct rp_import_person *p = r->p;
  split_values(csv_cell(r, g->value), values);
  split_values(csv_cell(r, g->label), labels);
  bool each = labels->n == values->n;
  for (size_t i = 0; i < values->n; i++) {
    bool preferred = false;
    char *type = label_type(each ? labels->v[i] : labels->n ? labels->v[0] : NULL, &preferred);
    preferred = preferred && (each || i == 0);
    if (g->kind == G_EMAIL)
      import_person_email(p, r->file, r->line, values->v[i], type, preferred);
    else
      contact_values_add(g->kind == G_PHONE ? &p->phones : &p->urls,
                         g->kind == G_PHONE ? VALUE_PHONE : VALUE_URL, values->v[i], type,
                         preferred);
    free(type);
  }
}

/* See import_csv.h (struct csv_format). Name: "Name" (old), else First
 * Middle Last, else the nickname, else the organisation; labels as tags
 * without Google's own groups; the location from the first address with a
 * city or country. */
static void google_row(const void *map, const struct csv_row *r) {
  const struct google_map *m = map;
  struct rp_import_person *p = r->p;
  csv_set_name(p, csv_cell(r, m->first), csv_cell(r, m->middle), csv_cell(r, m->last));
  char *full = NULL;
  import_set_clean(&full, csv_cell(r, m->name));
  if (full) {
    free(p->name);
    p->name = full;
  }
  if (!p->name) import_set_clean(&p->name, csv_cell(r, m->nickname));
  import_set_clean(&p->org, csv_cell(r, m->org));
  if (!p->name) import_set_clean(&p->name, p->org);
  import_set_clean(&p->role, csv_cell(r, m->title));
  import_set(&p->notes, csv_cell(r, m->notes));
  struct rp_strv values = {0}, labels = {0};
  split_values(csv_cell(r, m->labels), &labels);
  for (size_t i = 0; i < labels.n; i++) {
    const char *l = labels.v[i] + (labels.v[i][0] == '*');
    if (!system_label(l)) csv_add_tag(p, l);
  }
  for (size_t k = 0; k < m->ngroups; k++) {
    const struct group *g = &m->groups[k];
    if (g->kind == G_ADDRESS)
      csv_set_location(p, csv_cell(r, g->city), csv_cell(r, g->country));
    else
      read_group(g, r, &values, &labels);
  }
  strv_free(&values);
  strv_free(&labels);
}

static const struct csv_format google = {
    "Google Contacts CSV", "Google Contacts CSV (tab-separated)", "a Google Contacts CSV", false,
    google_map, google_row};
static const struct csv_format google_old = {
    "Google Contacts CSV (old format)", "Google Contacts CSV (old format, tab-separated)",
    "a Google Contacts CSV (old format)", false, google_map, google_row};

/* See import_csv.h. Any numbered E-mail, Phone or Website value column;
 * the old header when its parts are "Type" or it has the old name
 * columns. */
const struct csv_format *csv_google_detect(const struct rp_strv *header) {
  bool found = false, old = false;
  for (size_t i = 0; i < header->n; i++) {
    enum gkind kind;
    enum gpart part;
    int number;
    bool type = false;
    if (!numbered(header->v[i], &kind, &number, &part, &type)) continue;
    found = found || (kind != G_ADDRESS && part == P_VALUE);
    old = old || type;
  }
  if (!found) return NULL;
  old = old || csv_col(header, "Given Name") >= 0 || csv_col(header, "Group Membership") >= 0 ||
        csv_col(header, "Organization 1 - Name") >= 0;
  return old ? &google_old : &google;
}
