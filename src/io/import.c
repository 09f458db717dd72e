/* import.c — people from a file into the journal (see rapport/import.h):
 * matching with the contacts already there, filling only empty fields, one
 * transaction, the summary. Goes through the contact model; no SQL here. */
#include "rapport/import.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "io/import_internal.h"
#include "rapport/contact.h"
#include "rapport/bulk.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

/* ---- people ---- */

/* See import_internal.h. */
struct rp_import_person *import_person_add(struct rp_import_people *p, const char *name, int line) {
  p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
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
void import_set(char **dst, const char *s) {
  free(*dst);
  *dst = xstrdup(s);
  str_trim_null(dst);
}

/* See import.h. */
void import_people_free(struct rp_import_people *p) {
  for (size_t i = 0; i < p->n; i++) {
    struct rp_import_person *x = &p->v[i];
    char **text[] = {&x->where, &x->bad,   &x->name,  &x->org,         &x->role,     &x->email,
                     &x->phone, &x->url,   &x->notes, &x->known_since, &x->how_known};
    for (size_t k = 0; k < RP_ARRAY_LEN(text); k++) free(*text[k]);
    strv_free(&x->tags);
  }
  free(p->v);
  memset(p, 0, sizeof *p);
}

/* See import.h. */
void import_summary_free(struct rp_import_summary *s) {
  strv_free(&s->skipped_why);
  s->added = s->updated = s->unchanged = s->skipped = 0;
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

enum { KEY_EMAIL, KEY_URL, KEY_NAME };

/* The matching key of kind `k` for these fields into b (emptied first);
 * false when there is none. A URL loses its scheme, "www.", query and
 * trailing slashes: "https://www.linkedin.com/in/ada/" → "linkedin.com/in/ada". */
static bool match_key(struct rp_buf *b, int k, const char *email, const char *url,
                      const char *name, const char *org) {
  buf_reset(b);
  if (k == KEY_EMAIL && !str_empty(email)) {
    buf_add(b, "e:", 2);
    add_folded(b, email, strlen(email));
  } else if (k == KEY_URL && !str_empty(url)) {
    const char *u = url, *sep = strstr(u, "://");
    if (sep) u = sep + 3;
    if (!strncmp(u, "www.", 4) || !strncmp(u, "WWW.", 4)) u += 4;
    size_t n = strcspn(u, "?#");
    while (n && u[n - 1] == '/') n--;
    if (!n) return false;
    buf_add(b, "u:", 2);
    add_folded(b, u, n);
  } else if (k == KEY_NAME && !str_empty(name)) {
    buf_add(b, "n:", 2);
    add_folded(b, name, strlen(name));
    buf_addc(b, '\x1f');
    if (org) add_folded(b, org, strlen(org));
  } else {
    return false;
  }
  return true;
}

/* A hash table from matching key to the index of a contact. The keys are
 * kept end to end in one buffer, so adding one allocates nothing most of
 * the time. */
struct index {
  struct slot {
    size_t key; /* 1 + offset of the key in keys; 0 = empty */
    size_t val;
  } *slots;
  size_t cap, n;
  struct rp_buf keys;
};

static size_t hash(const char *s) {
  size_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of key: where it is, or the empty slot where it would go. */
static size_t slot(const struct index *ix, const char *key) {
  size_t i = hash(key) & (ix->cap - 1);
  while (ix->slots[i].key && strcmp(ix->keys.s + ix->slots[i].key - 1, key) != 0)
    i = (i + 1) & (ix->cap - 1);
  return i;
}

static bool index_get(const struct index *ix, const char *key, size_t *val) {
  if (!ix->cap) return false;
  size_t i = slot(ix, key);
  if (!ix->slots[i].key) return false;
  *val = ix->slots[i].val;
  return true;
}

/* Add key → val unless the key is there already (the first contact with
 * it keeps it). */
static void index_put(struct index *ix, const char *key, size_t val) {
  if (2 * (ix->n + 1) > ix->cap) {
    struct index big = {xcalloc(ix->cap ? 2 * ix->cap : 256, sizeof *big.slots),
                        ix->cap ? 2 * ix->cap : 256, ix->n, ix->keys};
    for (size_t i = 0; i < ix->cap; i++)
      if (ix->slots[i].key) big.slots[slot(&big, ix->keys.s + ix->slots[i].key - 1)] = ix->slots[i];
    free(ix->slots);
    *ix = big;
  }
  size_t i = slot(ix, key);
  if (ix->slots[i].key) return;
  ix->slots[i].key = ix->keys.len + 1;
  ix->slots[i].val = val;
  buf_add(&ix->keys, key, strlen(key) + 1);
  ix->n++;
}

static void index_free(struct index *ix) {
  free(ix->slots);
  buf_free(&ix->keys);
  memset(ix, 0, sizeof *ix);
}

/* ---- importing ---- */

struct importer {
  struct rp_db *db;
  const struct rp_config *cfg;
  struct known {
    int64_t id;
    bool deleted;
  } *known; /* every contact, then the ones added */
  size_t n, cap;
  struct index ix;
  struct rp_buf key; /* the key being looked up or added */
  int64_t *written;  /* ids added or changed, to index for search at the end */
  size_t nwritten, wcap;
};

/* Index contact i under the keys of these fields. */
static void index_contact(struct importer *im, size_t i, const char *email, const char *url,
                          const char *name, const char *org) {
  for (int k = KEY_EMAIL; k <= KEY_NAME; k++)
    if (match_key(&im->key, k, email, url, name, org)) index_put(&im->ix, im->key.s, i);
}

/* Append a contact to im->known; its index there. */
static size_t known_add(struct importer *im, int64_t id, bool deleted) {
  if (im->n == im->cap) {
    im->cap = im->cap ? 2 * im->cap : 256;
    im->known = xrealloc(im->known, im->cap * sizeof *im->known);
  }
  im->known[im->n].id = id;
  im->known[im->n].deleted = deleted;
  return im->n++;
}

/* contact_scan_keys callback: one contact already in the journal. */
static void add_existing(void *arg, const struct rp_contact_key *k) {
  struct importer *im = arg;
  index_contact(im, known_add(im, k->id, k->deleted), k->email, k->url, k->name, k->org);
}

/* The contact person p matches, by email, else URL, else name and org. */
static bool find_match(struct importer *im, const struct rp_import_person *p, size_t *i) {
  for (int k = KEY_EMAIL; k <= KEY_NAME; k++)
    if (match_key(&im->key, k, p->email, p->url, p->name, p->org) &&
        index_get(&im->ix, im->key.s, i))
      return true;
  return false;
}

/* Copy src into *dst when *dst is empty and src is not; true when it did. */
static bool fill(char **dst, const char *src) {
  if (!str_empty(*dst) || str_empty(src)) return false;
  str_replace(dst, src);
  return true;
}

/* Fill c's empty fields from p; true when anything changed. */
static bool merge(struct rp_contact *c, const struct rp_import_person *p) {
  bool changed = false;
  changed |= fill(&c->org, p->org);
  changed |= fill(&c->role, p->role);
  changed |= fill(&c->email, p->email);
  changed |= fill(&c->phone, p->phone);
  changed |= fill(&c->url, p->url);
  changed |= fill(&c->notes, p->notes);
  changed |= fill(&c->known_since, p->known_since);
  changed |= fill(&c->how_known, p->how_known);
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
  size_t i;
  bool found = find_match(im, p, &i);
  if (found && im->known[i].deleted) {
    sum->unchanged++;
    return RP_OK;
  }
  struct rp_contact c;
  enum rp_status st = RP_OK;
  if (found) {
    st = contact_get(im->db, im->known[i].id, &c, err);
    if (st == RP_OK && !merge(&c, p)) {
      contact_free(&c);
      sum->unchanged++;
      return RP_OK;
    }
  } else {
    contact_init(&c);
    c.name = xstrdup(p->name);
    merge(&c, p);
  }
  if (st == RP_OK) st = contact_write_bulk(im->db, im->cfg, &c, err);
  if (st == RP_OK) {
    if (!found) i = known_add(im, c.id, false);
    index_contact(im, i, c.email, c.url, c.name, c.org);
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

/* See import.h. One transaction as a bulk write (bulk_begin): the
 * people go in without indexing each one for search, and the contacts
 * added or changed are indexed once at the end. */
enum rp_status import_people(struct rp_db *db, const struct rp_config *cfg,
                             const struct rp_import_person *people, size_t n, bool skip_bad,
                             struct rp_import_summary *summary, struct rp_err *err) {
  rp_err_clear(err);
  import_summary_free(summary);
  struct importer im = {.db = db, .cfg = cfg};
  struct rp_bulk bulk;
  enum rp_status st = bulk_begin(db, &bulk, true, err);
  bool begun = st == RP_OK;
  if (st == RP_OK) st = contact_scan_keys(db, add_existing, &im, err);
  for (size_t i = 0; st == RP_OK && i < n; i++) {
    const struct rp_import_person *p = &people[i];
    struct rp_err one;
    rp_err_clear(&one);
    enum rp_status s = p->bad ? rp_err_set(&one, RP_INVALID, "%s", p->bad)
                              : import_one(&im, p, summary, &one);
    if (s == RP_INVALID && skip_bad) {
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
  if (st == RP_OK) st = bulk_index_contacts(db, &bulk, im.written, im.nwritten, err);
  if (st == RP_OK) st = bulk_commit(db, &bulk, err);
  else if (begun) bulk_abort(db, &bulk);
  if (st != RP_OK) import_summary_free(summary);
  index_free(&im.ix);
  buf_free(&im.key);
  free(im.known);
  free(im.written);
  return st;
}

/* ---- files ---- */

/* Does the (NUL-terminated) text look like vCards / a LinkedIn export? */
static bool looks_vcard(const char *text) { return strstr(text, "BEGIN:VCARD") || strstr(text, "begin:vcard"); }
static bool looks_linkedin(const char *text) { return strstr(text, "First Name,Last Name") != NULL; }

/* The kind of the file: as asked, else by extension, else by content. */
static enum rp_status pick_kind(const char *path, const char *name, const char *text,
                                const char *kind, bool *vcard, struct rp_err *err) {
  if (kind) {
    if (strcmp(kind, "linkedin") != 0 && strcmp(kind, "vcard") != 0)
      return rp_err_set(err, RP_INVALID, "unknown import kind '%s'; allowed: linkedin, vcard",
                        kind);
    *vcard = strcmp(kind, "vcard") == 0;
    return RP_OK;
  }
  const char *dot = strrchr(path, '.');
  if (dot && strchr(dot, '/')) dot = NULL;
  if (dot && (str_ieq(dot, ".vcf") || str_ieq(dot, ".vcard"))) *vcard = true;
  else if (dot && str_ieq(dot, ".csv")) *vcard = false;
  else if (looks_vcard(text)) *vcard = true;
  else if (looks_linkedin(text)) *vcard = false;
  else
    return rp_err_set(err, RP_INVALID,
                      "%s: neither vCards (.vcf) nor a LinkedIn export (.csv); say which: "
                      "rapport import linkedin|vcard FILE",
                      name);
  return RP_OK;
}

/* RP_OK when text is UTF-8 without NUL bytes; else err "NAME:LINE: …". */
static enum rp_status check_utf8(const char *name, const char *text, size_t len,
                                 struct rp_err *err) {
  int line = 1;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t k = utf8_decode(text + pos, len - pos, &cp);
    if ((cp == 0xFFFD && k == 1) || cp == 0)
      return rp_err_set(err, RP_INVALID, "%s:%d: %s; save the file as UTF-8 text", name, line,
                        cp ? "not valid UTF-8" : "a NUL byte");
    if (cp == '\n') line++;
    pos += k;
  }
  return RP_OK;
}

/* See import.h. */
enum rp_status import_file(struct rp_db *db, const struct rp_config *cfg, const char *path,
                           const char *kind, bool skip_bad,
                           struct rp_import_summary *summary, struct rp_err *err) {
  bool std_in = strcmp(path, "-") == 0;
  const char *name = std_in ? "stdin" : path;
  char *text = NULL;
  size_t len = 0;
  enum rp_status st = paths_read_file(std_in ? "/dev/stdin" : path, &text, &len, err);
  if (st == RP_NO) st = rp_err_set(err, RP_INVALID, "%s: no such file", name);
  bool vcard = false;
  if (st == RP_OK) st = check_utf8(name, text, len, err);
  if (st == RP_OK) st = pick_kind(path, name, text, kind, &vcard, err);
  struct rp_import_people people = {0};
  if (st == RP_OK)
    st = vcard ? import_parse_vcard(name, text, len, &people, err)
               : import_parse_linkedin(name, text, len, cfg->import_linkedin_how_known, &people,
                                       err);
  if (st == RP_OK) st = import_people(db, cfg, people.v, people.n, skip_bad, summary, err);
  import_people_free(&people);
  free(text);
  return st;
}
