/* import.c — people from a file into the journal (see rapport/import.h):
 * matching with the contacts already there, filling only empty fields, one
 * transaction, the summary. Goes through the contact model; no SQL here. */
#include "rapport/import.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/import_internal.h"
#include "rapport/contact.h"
#include "rapport/bulk.h"
#include "rapport/utf8.h"

/* ---- people ---- */

/* See import_internal.h. */
struct rp_import_person *import_person_add(struct rp_import_people *p, const char *name, int line) {
  if (p->n + 1 > p->cap) { /* doubling: a file of 200,000 rows is linear */
    p->cap = p->cap ? 2 * p->cap : 64;
    if (p->cap < p->n + 1) p->cap = 2 * (p->n + 1);
    p->v = xrealloc(p->v, p->cap * sizeof *p->v);
  }
  struct rp_import_person *person = &p->v[p->n++];
  memset(person, 0, sizeof *person);
  person->where = xasprintf("%s:%d", name, line);
  return person;
}

/* See import_internal.h. */
void import_person_bad(struct rp_import_person *person, const char *fmt, ...) {
  if (person->bad) return;
  va_list ap;
  va_start(ap, fmt);
  person->bad = xvasprintf(fmt, ap);
  va_end(ap);
}

/* See import_internal.h. */
void import_person_warn(struct rp_import_person *person, const char *file, int line,
                        const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *msg = xvasprintf(fmt, ap);
  va_end(ap);
  person->warnings = xrealloc(person->warnings, (person->nwarnings + 1) * sizeof *person->warnings);
  struct rp_import_warning *w = &person->warnings[person->nwarnings++];
  w->where = xasprintf("%s:%d", file, line);
  w->msg = msg;
}

/* See import_internal.h. */
void import_set(char **dst, const char *s) {
  free(*dst);
  *dst = xstrdup(s);
  str_trim_null(dst);
}

/* See import_internal.h. */
void import_set_clean(char **dst, const char *s) {
  free(*dst);
  *dst = NULL;
  if (!s) return;
  struct rp_buf b = {0};
  buf_adds(&b, "");
  bool space = false;
  for (const char *p = s; *p;) {
    size_t k = 0;
    if (str_is_space(*p)) k = 1;
    else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) k = 2; /* U+00A0 */
    if (k) {
      space = true;
      p += k;
      continue;
    }
    if (space && b.len) buf_addc(&b, ' ');
    space = false;
    buf_addc(&b, *p++);
  }
  *dst = buf_steal(&b);
  str_trim_null(dst);
}

/* See import_internal.h. */
void import_person_email(struct rp_import_person *p, const char *file, int line,
                         const char *value, const char *type, bool preferred) {
  char *v = NULL;
  import_set(&v, value);
  if (!v) return;
  const char *e = v;
  if (!strncasecmp(e, "mailto:", 7)) e += 7;
  while (str_is_space(*e)) e++;
  const char *at = strchr(e, '@');
  char clip[100];
  if (!at || at == e || !at[1] || strchr(at + 1, '@') || strpbrk(e, " \t\r\n"))
    import_person_warn(p, file, line, "kept without email '%s': not an email address",
                       str_clip(v, clip, sizeof clip));
  else
    contact_values_add(&p->emails, VALUE_EMAIL, e, type, preferred);
  free(v);
}

/* See import_internal.h. */
void import_person_finish(struct rp_import_person *p) {
  if (p->bad) return;
  struct {
    struct rp_contact_values *list;
    char **field;
    enum rp_value_kind kind;
  } kinds[] = {{&p->emails, &p->email, VALUE_EMAIL},
               {&p->phones, &p->phone, VALUE_PHONE},
               {&p->urls, &p->url, VALUE_URL}};
  for (size_t i = 0; i < RP_ARRAY_LEN(kinds); i++) {
    if (kinds[i].list->n == 0 && !str_empty(*kinds[i].field))
      contact_values_add(kinds[i].list, kinds[i].kind, *kinds[i].field, NULL, false);
    contact_values_normalize(kinds[i].list, kinds[i].kind);
    str_replace(kinds[i].field, contact_values_primary_value(kinds[i].list));
  }
  if (str_empty(p->name)) import_set(&p->name, p->email ? p->email : p->phone);
  p->nameless = p->name == NULL;
}

/* See import.h. */
void import_people_free(struct rp_import_people *p) {
  for (size_t i = 0; i < p->n; i++) {
    struct rp_import_person *x = &p->v[i];
    char **text[] = {&x->where, &x->bad,   &x->name,     &x->given,       &x->family,
                     &x->org,   &x->role,  &x->notes,    &x->location,    &x->email,
                     &x->phone, &x->url,   &x->known_since, &x->how_known};
    for (size_t k = 0; k < RP_ARRAY_LEN(text); k++) free(*text[k]);
    strv_free(&x->tags);
    contact_values_free(&x->emails);
    contact_values_free(&x->phones);
    contact_values_free(&x->urls);
    for (size_t k = 0; k < x->nwarnings; k++) {
      free(x->warnings[k].where);
      free(x->warnings[k].msg);
    }
    free(x->warnings);
  }
  free(p->v);
  strv_free(&p->warnings);
  memset(p, 0, sizeof *p);
}

/* See import.h. */
void import_summary_free(struct rp_import_summary *s) {
  strv_free(&s->skipped_why);
  strv_free(&s->warnings);
  s->added = s->updated = s->unchanged = s->skipped = s->nameless = s->nwarnings = 0;
  s->format = NULL;
}

/* See import.h. */
char *import_summary_line(const struct rp_import_summary *s) {
  struct rp_buf b = {0};
  buf_addf(&b, "added %d, updated %d, unchanged %d, skipped %d", s->added, s->updated,
           s->unchanged, s->skipped);
  if (s->skipped && s->nameless == s->skipped) buf_adds(&b, " (no name)");
  else if (s->skipped && s->nameless) buf_addf(&b, " (%d no name, %d broken)", s->nameless, s->skipped - s->nameless);
  else if (s->skipped) buf_adds(&b, " (broken)");
  buf_addf(&b, ", warnings %d", s->nwarnings);
  return buf_steal(&b);
}

/* ---- matching keys ---- */

/* n bytes of s folded for comparing: ASCII and Latin-1 capitals to small
 * letters. */
static void add_folded(struct rp_buf *b, const char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = utf8_decode(s + i, len - i, &cp);
    if (cp < 0x80 && cp >= 'A' && cp <= 'Z') cp += 32;
    else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
    char enc[4];
    if (n == 1 && cp < 0x80) buf_addc(b, (char)cp);
    else if (cp == 0xFFFD) buf_add(b, s + i, n);
    else buf_add(b, enc, utf8_encode(cp, enc));
    i += n;
  }
}

/* The matching key of a value ("e:" or "u:" and contact_value_key) into
 * b; false when it has none. */
static bool value_key(struct rp_buf *b, enum rp_value_kind k, const char *value) {
  static _Thread_local struct rp_buf v; /* reused: a key per value of every person */
  bool ok = contact_value_key(k, value, &v);
  buf_reset(b);
  if (ok) {
    buf_adds(b, k == VALUE_EMAIL ? "e:" : k == VALUE_URL ? "u:" : "p:");
    add_folded(b, v.s, v.len);
  }
  return ok;
}

/* The name key: folded name and organisation; false without a name. */
static bool name_key(struct rp_buf *b, const char *name, const char *org) {
  buf_reset(b);
  if (str_empty(name)) return false;
  buf_add(b, "n:", 2);
  add_folded(b, name, strlen(name));
  buf_addc(b, '\x1f');
  if (org) add_folded(b, org, strlen(org));
  return true;
}

/* ---- importing ---- */

struct importer {
  struct rp_db *db;
  const struct rp_config *cfg;
  struct known {
    int64_t id;
    bool deleted;
    size_t same_name; /* the previous contact with the same name key, or SIZE_MAX */
  } *known; /* every contact, then the ones added */
  size_t n, cap;
  struct import_index ix;  /* value and name keys → index in known */
  struct import_index ids; /* "#id" → index in known, for reading the values */
  bool scanned;     /* the journal's contacts and values are read */
  bool lookup;      /* match through the journal's indexes, not ix (a few rows) */
  int64_t last_id;  /* the highest contact id before the import */
  struct rp_buf key; /* the key being looked up or added */
  int64_t *written;  /* ids added or changed, to index for search at the end */
  size_t nwritten, wcap;
};

/* Index contact i under its name key: the newest of a name heads a chain
 * through same_name. */
static void index_name(struct importer *im, size_t i, const char *name, const char *org) {
  if (!name_key(&im->key, name, org)) return;
  size_t prev = import_index_put(&im->ix, im->key.s, i, true);
  if (prev != i) im->known[i].same_name = prev;
}

/* Index contact i under one of its values (the first contact keeps it). */
static void index_value(struct importer *im, size_t i, enum rp_value_kind k, const char *v) {
  if (k != VALUE_PHONE && value_key(&im->key, k, v))
    import_index_put(&im->ix, im->key.s, i, false);
}

/* Append a contact to im->known; its index there. */
static size_t known_add(struct importer *im, int64_t id, bool deleted) {
  if (im->n == im->cap) {
    im->cap = im->cap ? 2 * im->cap : 256;
    im->known = xrealloc(im->known, im->cap * sizeof *im->known);
  }
  im->known[im->n].id = id;
  im->known[im->n].deleted = deleted;
  im->known[im->n].same_name = SIZE_MAX;
  if (!im->scanned) { /* the contacts there: their values are read by id next */
    buf_reset(&im->key);
    buf_addf(&im->key, "#%lld", (long long)id);
    import_index_put(&im->ids, im->key.s, im->n, true);
  }
  return im->n++;
}

/* contact_scan_keys callback: one contact already in the journal. */
static void add_existing(void *arg, const struct rp_contact_key *k) {
  struct importer *im = arg;
  index_name(im, known_add(im, k->id, k->deleted), k->name, k->org);
}

/* contact_scan_values callback: one email or URL of a contact there. */
static void add_existing_value(void *arg, int64_t id, enum rp_value_kind kind, const char *v) {
  struct importer *im = arg;
  size_t i;
  buf_reset(&im->key);
  buf_addf(&im->key, "#%lld", (long long)id);
  if (import_index_get(&im->ids, im->key.s, &i)) index_value(im, i, kind, v);
}

/* Two lists that both have values and none in common. */
static bool disjoint(const struct rp_contact_values *a, const struct rp_contact_values *b,
                     enum rp_value_kind k) {
  if (!a->n || !b->n) return false;
  for (size_t i = 0; i < b->n; i++)
    if (contact_values_find(a, k, b->v[i].value) >= 0) return false;
  return true;
}

/* A LinkedIn profile ("linkedin.com/in/…"), which names one person. */
static bool is_profile(const char *url) {
  struct rp_buf k = {0};
  bool yes = contact_value_key(VALUE_URL, url, &k) && strncmp(buf_str(&k), "linkedin.com/in/", 16) == 0;
  buf_free(&k);
  return yes;
}

/* Both have a LinkedIn profile, and none in common. */
static bool other_profiles(const struct rp_contact_values *a, const struct rp_contact_values *b) {
  bool pa = false, pb = false;
  for (size_t i = 0; i < a->n; i++) pa |= is_profile(a->v[i].value);
  for (size_t i = 0; i < b->n; i++) pb |= is_profile(b->v[i].value);
  if (!pa || !pb) return false;
  for (size_t i = 0; i < b->n; i++)
    if (is_profile(b->v[i].value) && contact_values_find(a, VALUE_URL, b->v[i].value) >= 0)
      return false;
  return true;
}

/* Would merging p into c (found by name and organisation alone) join two
 * people? Merging loses no value (the lists hold both sides' emails and
 * phones; the journal's single fields are kept), so what matters is
 * whether they are the same person: not when their LinkedIn profiles
 * differ, when they were connected on different days, or when both have
 * emails and phones and share none of them (two John Smiths). A changed
 * role or a new phone is what people's lives do. */
static bool conflicts(const struct rp_contact *c, const struct rp_import_person *p) {
  if (other_profiles(&c->urls, &p->urls)) return true;
  if (!str_empty(c->known_since) && !str_empty(p->known_since) &&
      strcmp(c->known_since, p->known_since) != 0)
    return true;
  return disjoint(&c->emails, &p->emails, VALUE_EMAIL) &&
         disjoint(&c->phones, &p->phones, VALUE_PHONE);
}

/* What find_match found: the contact's id and whether it is deleted; i
 * its index in im->known when matching through the tables. */
struct match {
  bool found, deleted;
  int64_t id;
  size_t i;
};

/* A name candidate (contact_match_name) whose name and organisation give
 * the importer's key of the person looked up. */
struct candidates {
  struct importer *im;
  const char *key; /* the person's name key */
  int64_t *ids;
  bool *deleted;
  size_t n, cap;
};

/* contact_match_name callback: keep a contact of the same key. */
static void add_candidate(void *arg, const struct rp_contact_key *k) {
  struct candidates *c = arg;
  if (!name_key(&c->im->key, k->name, k->org) || strcmp(c->im->key.s, c->key) != 0) return;
  if (c->n == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 4;
    c->ids = xrealloc(c->ids, c->cap * sizeof *c->ids);
    c->deleted = xrealloc(c->deleted, c->cap * sizeof *c->deleted);
  }
  c->ids[c->n] = k->id;
  c->deleted[c->n++] = k->deleted;
}

/* find_match through the journal's indexes: the same contact as through
 * the tables (the journal holds what this import wrote so far). */
static enum rp_status find_by_lookup(struct importer *im, const struct rp_import_person *p,
                                     struct match *m, struct rp_contact *c, struct rp_err *err) {
  const struct rp_contact_values *lists[] = {&p->emails, &p->urls};
  const enum rp_value_kind kinds[] = {VALUE_EMAIL, VALUE_URL};
  for (size_t l = 0; l < 2; l++)
    for (size_t j = 0; j < lists[l]->n; j++) {
      enum rp_status st =
          contact_match_value(im->db, kinds[l], lists[l]->v[j].value, &m->id, &m->deleted, err);
      if (st == RP_OK) {
        m->found = true;
        return RP_OK;
      }
      if (st != RP_NO) return st;
    }
  if (!name_key(&im->key, p->name, p->org)) return RP_OK;
  char *key = xstrdup(im->key.s);
  struct candidates cand = {.im = im, .key = key};
  enum rp_status st = contact_match_name(im->db, p->name, im->last_id, add_candidate, &cand, err);
  for (size_t k = 0; st == RP_OK && k < cand.n; k++) {
    st = contact_get(im->db, cand.ids[k], c, err);
    if (st != RP_OK) break;
    if (!conflicts(c, p)) {
      m->found = true;
      m->id = cand.ids[k];
      m->deleted = cand.deleted[k];
      break;
    }
    contact_free(c);
  }
  free(key);
  free(cand.ids);
  free(cand.deleted);
  return st;
}

/* The contact person p is: by any email, else any URL (a sure match), else
 * the first contact of the same name and organisation that it does not
 * conflict with. With a name match *c is that contact, read (c->id set);
 * otherwise c->id is 0 and *c empty. */
static enum rp_status find_match(struct importer *im, const struct rp_import_person *p,
                                 struct match *m, struct rp_contact *c, struct rp_err *err) {
  memset(m, 0, sizeof *m);
  contact_init(c);
  if (im->lookup) return find_by_lookup(im, p, m, c, err);
  size_t i;
  const struct rp_contact_values *lists[] = {&p->emails, &p->urls};
  const enum rp_value_kind kinds[] = {VALUE_EMAIL, VALUE_URL};
  for (size_t l = 0; l < 2; l++)
    for (size_t j = 0; j < lists[l]->n; j++)
      if (value_key(&im->key, kinds[l], lists[l]->v[j].value) &&
          import_index_get(&im->ix, im->key.s, &i)) {
        *m = (struct match){true, im->known[i].deleted, im->known[i].id, i};
        return RP_OK;
      }
  if (!name_key(&im->key, p->name, p->org) || !import_index_get(&im->ix, im->key.s, &i))
    return RP_OK;
  for (size_t k = i; k != SIZE_MAX; k = im->known[k].same_name) {
    enum rp_status st = contact_get(im->db, im->known[k].id, c, err);
    if (st != RP_OK) return st;
    if (!conflicts(c, p)) {
      *m = (struct match){true, im->known[k].deleted, im->known[k].id, k};
      return RP_OK;
    }
    contact_free(c);
  }
  return RP_OK;
}

/* Copy src into *dst when *dst is empty and src is not; true when it did. */
static bool fill(char **dst, const char *src) {
  if (!str_empty(*dst) || str_empty(src)) return false;
  str_replace(dst, src);
  return true;
}

/* Add to dst the values of src it lacks (and a type it lacks); keep dst's
 * preference. True when anything changed. */
static bool fill_values(struct rp_contact_values *dst, const struct rp_contact_values *src,
                        enum rp_value_kind k, char **primary) {
  bool changed = false, had = dst->n > 0;
  for (size_t j = 0; j < src->n; j++) {
    long at = contact_values_find(dst, k, src->v[j].value);
    if (at < 0) {
      contact_values_add(dst, k, src->v[j].value, src->v[j].type, !had && src->v[j].preferred);
      changed = true;
    } else if (!dst->v[at].type && src->v[j].type) {
      dst->v[at].type = xstrdup(src->v[j].type);
      changed = true;
    }
  }
  if (changed && str_empty(*primary)) str_replace(primary, contact_values_primary_value(dst));
  return changed;
}

/* Fill c's empty fields from p and add the values it lacks; true when
 * anything changed. */
static bool merge(struct rp_contact *c, const struct rp_import_person *p) {
  bool changed = false;
  changed |= fill(&c->org, p->org);
  changed |= fill(&c->role, p->role);
  changed |= fill(&c->location, p->location);
  changed |= fill(&c->notes, p->notes);
  changed |= fill(&c->known_since, p->known_since);
  changed |= fill(&c->how_known, p->how_known);
  changed |= fill_values(&c->emails, &p->emails, VALUE_EMAIL, &c->email);
  changed |= fill_values(&c->phones, &p->phones, VALUE_PHONE, &c->phone);
  changed |= fill_values(&c->urls, &p->urls, VALUE_URL, &c->url);
  if (c->tags.n == 0 && p->tags.n) {
    strv_copy(&c->tags, &p->tags);
    changed = true;
  }
  return changed;
}

/* Add or merge one good person, inside the import's transaction.
 * RP_INVALID (err without place, nothing written) when the journal refuses
 * it. */
static enum rp_status import_one(struct importer *im, const struct rp_import_person *p,
                                 struct rp_import_summary *sum, struct rp_err *err) {
  struct match m;
  struct rp_contact c;
  enum rp_status st = find_match(im, p, &m, &c, err);
  if (st != RP_OK) return st;
  bool found = m.found;
  size_t i = m.i;
  if (found && m.deleted) {
    contact_free(&c);
    sum->unchanged++;
    return RP_OK;
  }
  if (found && !c.id) st = contact_get(im->db, m.id, &c, err);
  if (st == RP_OK && found && !merge(&c, p)) {
    contact_free(&c);
    sum->unchanged++;
    return RP_OK;
  }
  if (st == RP_OK && !found) {
    contact_init(&c);
    c.name = xstrdup(p->name);
    c.values_read = true;
    merge(&c, p);
  }
  if (st == RP_OK) st = contact_write_bulk(im->db, im->cfg, &c, err);
  if (st == RP_OK && !im->lookup) { /* the lookups read what was written */
    if (!found) i = known_add(im, c.id, false);
    if (!found) index_name(im, i, c.name, c.org);
    for (size_t j = 0; j < c.emails.n; j++) index_value(im, i, VALUE_EMAIL, c.emails.v[j].value);
    for (size_t j = 0; j < c.urls.n; j++) index_value(im, i, VALUE_URL, c.urls.v[j].value);
  }
  if (st == RP_OK) {
    if (im->nwritten == im->wcap) {
      im->wcap = im->wcap ? 2 * im->wcap : 256;
      im->written = xrealloc(im->written, im->wcap * sizeof *im->written);
    }
    im->written[im->nwritten++] = c.id;
    if (found) sum->updated++;
    else sum->added++;
  }
  contact_free(&c);
  return st;
}

/* The person's warnings into the summary, with its name. */
static void add_warnings(struct rp_import_summary *sum, const struct rp_import_person *p) {
  for (size_t k = 0; k < p->nwarnings; k++) {
    char *line = xasprintf("%s: %s: %s", p->warnings[k].where, p->name ? p->name : "(no name)",
                           p->warnings[k].msg);
    strv_push(&sum->warnings, line);
    free(line);
    sum->nwarnings++;
  }
}

/* See import.h. One transaction as a bulk write (bulk_begin): the
 * people go in without indexing each one for search, and the contacts
 * added or changed are indexed once at the end. A dry run ends it with a
 * rollback. */
enum rp_status import_people(struct rp_db *db, const struct rp_config *cfg,
                             const struct rp_import_people *people,
                             const struct rp_import_opts *opts,
                             struct rp_import_summary *summary, struct rp_err *err) {
  static const struct rp_import_opts defaults = {0};
  if (!opts) opts = &defaults;
  rp_err_clear(err);
  import_summary_free(summary);
  summary->format = people->format;
  for (size_t k = 0; k < people->warnings.n; k++) strv_push(&summary->warnings, people->warnings.v[k]);
  summary->nwarnings = (int)people->warnings.n;
  struct importer im = {.db = db, .cfg = cfg};
  struct rp_bulk bulk;
  enum rp_status st = bulk_begin(db, &bulk, true, err);
  bool begun = st == RP_OK;
  /* A few rows into a big journal: each matched through the journal's
   * indexes, so the cost follows the rows. More rows than the journal has
   * contacts (its highest id, an upper bound): the journal read once into
   * tables, cheaper than a lookup per row. */
  if (st == RP_OK) st = contact_last_id(db, &im.last_id, err);
  im.lookup = (int64_t)people->n <= im.last_id;
  if (st == RP_OK && !im.lookup) st = contact_scan_keys(db, add_existing, &im, err);
  if (st == RP_OK && !im.lookup) st = contact_scan_values(db, add_existing_value, &im, err);
  im.scanned = true;
  size_t n = people->n;
  for (size_t i = 0; st == RP_OK && i < n; i++) {
    const struct rp_import_person *p = &people->v[i];
    struct rp_err one;
    rp_err_clear(&one);
    enum rp_status s = RP_OK;
    if (p->bad) {
      s = rp_err_set(&one, RP_INVALID, "%s", p->bad);
    } else if (p->nameless || str_empty(p->name)) {
      summary->skipped++;
      summary->nameless++;
    } else {
      /* a person made in code may give only the primaries */
      struct rp_import_person q = *p;
      struct rp_contact_values tmp[3] = {{0}};
      struct rp_contact_values *lists[] = {&q.emails, &q.phones, &q.urls};
      const char *fields[] = {q.email, q.phone, q.url};
      for (int k = 0; k < 3; k++)
        if (!lists[k]->n && !str_empty(fields[k])) {
          contact_values_add(&tmp[k], (enum rp_value_kind)k, fields[k], NULL, true);
          *lists[k] = tmp[k];
        }
      s = import_one(&im, &q, summary, &one);
      for (int k = 0; k < 3; k++) contact_values_free(&tmp[k]);
      if (s == RP_OK) add_warnings(summary, p);
    }
    if (s == RP_INVALID && opts->skip_bad) {
      char *line = xasprintf("%s: %s", p->where, one.msg);
      strv_push(&summary->skipped_why, line);
      free(line);
      summary->skipped++;
    } else if (s == RP_INVALID) {
      st = rp_err_set(err, RP_INVALID, "%s: %s", p->where, one.msg);
    } else if (s != RP_OK) {
      st = rp_err_set(err, s, "%s", one.msg);
    }
    if (summary->progress) summary->progress(i + 1, n, summary->progress_arg);
  }
  if (st == RP_OK && !opts->dry_run) st = bulk_index_contacts(db, &bulk, im.written, im.nwritten, err);
  if (st == RP_OK && !opts->dry_run) st = bulk_commit(db, &bulk, err);
  else if (begun) bulk_abort(db, &bulk);
  if (st != RP_OK) import_summary_free(summary);
  import_index_free(&im.ix);
  import_index_free(&im.ids);
  buf_free(&im.key);
  free(im.known);
  free(im.written);
  return st;
}
