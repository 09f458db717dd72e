/* sync_match.c — the cards of a contacts folder that no synced item owns
 * yet, by what identifies a person (see sync_internal.h): so that the
 * first sync with a phone's address book links the people already in the
 * journal to their cards instead of making a second card and a second
 * contact of each. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/sync_internal.h"

struct match_key {
  char *key;   /* "e:EMAIL-KEY", "p:PHONE-KEY" or "n:name" (ASCII lower case) */
  size_t file; /* index in the folder's listing */
};

static int key_cmp(const void *a, const void *b) {
  const struct match_key *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->file > y->file) - (x->file < y->file);
}

static void add_key(struct sync_match *m, const char *key, size_t file) {
  if (m->n == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 64;
    m->v = xrealloc(m->v, m->cap * sizeof *m->v);
  }
  m->v[m->n].key = xstrdup(key);
  m->v[m->n].file = file;
  m->n++;
}

/* The keys of a person's values of kind k ("e:" / "p:"), passed to fn. */
static void value_keys(const struct rp_contact_values *vs, enum rp_value_kind k,
                       void (*fn)(void *arg, const char *key), void *arg) {
  struct rp_buf b = {0}, key = {0};
  for (size_t i = 0; i < vs->n; i++) {
    if (!contact_value_key(k, vs->v[i].value, &b)) continue;
    buf_reset(&key);
    buf_addf(&key, "%c:%s", k == VALUE_EMAIL ? 'e' : 'p', buf_str(&b));
    fn(arg, buf_str(&key));
  }
  buf_free(&b);
  buf_free(&key);
}

/* "n:" and the name in ASCII lower case (caller frees). */
static char *name_key(const char *name) {
  char *k = xasprintf("n:%s", name);
  for (char *p = k; *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
  return k;
}

struct adder {
  struct sync_match *m;
  size_t file;
};
static void add_cb(void *arg, const char *key) {
  struct adder *a = arg;
  add_key(a->m, key, a->file);
}

/* See sync_internal.h. */
void sync_match_build(struct sync_match *m, const struct vdir_list *files, const bool *claimed) {
  memset(m, 0, sizeof *m);
  for (size_t i = 0; i < files->n; i++) {
    const struct vdir_item *f = &files->items[i];
    if (claimed[i] || f->error) continue;
    struct sync_card card;
    sync_card_read(f->name, f->text, f->len, &card);
    const struct rp_import_person *p = sync_card_person(&card);
    if (p) {
      struct adder a = {m, i};
      value_keys(&p->emails, VALUE_EMAIL, add_cb, &a);
      value_keys(&p->phones, VALUE_PHONE, add_cb, &a);
      char *k = name_key(p->name);
      add_key(m, k, i);
      free(k);
    }
    sync_card_free(&card);
  }
  if (m->n) qsort(m->v, m->n, sizeof *m->v, key_cmp);
}

/* See sync_internal.h. */
void sync_match_free(struct sync_match *m) {
  for (size_t i = 0; i < m->n; i++) free(m->v[i].key);
  free(m->v);
  memset(m, 0, sizeof *m);
}

struct finder {
  const struct sync_match *m;
  const bool *claimed;
  long found;
};

/* The first file with `key` that is still unclaimed, into f->found. */
static void find_cb(void *arg, const char *key) {
  struct finder *f = arg;
  if (f->found >= 0) return;
  size_t lo = 0, hi = f->m->n;
  while (lo < hi) { /* the first entry >= key */
    size_t mid = (lo + hi) / 2;
    if (strcmp(f->m->v[mid].key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i < f->m->n && !strcmp(f->m->v[i].key, key); i++)
    if (!f->claimed[f->m->v[i].file]) {
      f->found = (long)f->m->v[i].file;
      return;
    }
}

/* See sync_internal.h. */
long sync_match_find(const struct sync_match *m, const bool *claimed, const struct rp_contact *c) {
  struct finder f = {m, claimed, -1};
  value_keys(&c->emails, VALUE_EMAIL, find_cb, &f);
  value_keys(&c->phones, VALUE_PHONE, find_cb, &f);
  if (f.found < 0 && c->name) {
    char *k = name_key(c->name);
    find_cb(&f, k);
    free(k);
  }
  return f.found;
}
