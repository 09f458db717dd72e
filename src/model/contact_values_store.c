/* contact_values_store.c — the emails, phones and URLs of contacts in the
 * journal (table contact_value, migration 14; the lists in memory are
 * rapport/contact_values.h): one contact's lists, a page's lists at once,
 * every email and URL for an import's matching, and writing a contact's
 * lists. The contact's email, phone and url columns hold the primary
 * values; the writes in contact.c keep both in step. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "rapport/utf8.h"

/* See contact_internal.h. */
struct rp_contact_values *contact_values_of(struct rp_contact *c, enum rp_value_kind k) {
  return k == VALUE_EMAIL ? &c->emails : k == VALUE_PHONE ? &c->phones : &c->urls;
}

/* See contact_internal.h. */
char **contact_field_of(struct rp_contact *c, enum rp_value_kind k) {
  return k == VALUE_EMAIL ? &c->email : k == VALUE_PHONE ? &c->phone : &c->url;
}

/* The kind stored as `name`, or VALUE_KINDS for none. */
static enum rp_value_kind kind_named(const char *name) {
  for (int k = 0; k < VALUE_KINDS; k++)
    if (name && strcmp(name, contact_value_kind_name((enum rp_value_kind)k)) == 0)
      return (enum rp_value_kind)k;
  return VALUE_KINDS;
}

/* See contact_internal.h. */
void contact_values_add_row(sqlite3_stmt *st, int col,
                            struct rp_contact_values lists[VALUE_KINDS]) {
  enum rp_value_kind k = kind_named((const char *)sqlite3_column_text(st, col));
  const char *value = (const char *)sqlite3_column_text(st, col + 1);
  if (k == VALUE_KINDS || !value) return;
  struct rp_contact_values *vs = &lists[k];
  vs->v = xrealloc(vs->v, (vs->n + 1) * sizeof *vs->v);
  struct rp_contact_value *e = &vs->v[vs->n++];
  e->value = xstrdup(value);
  e->type = db_col_text(st, col + 2);
  e->preferred = sqlite3_column_int(st, col + 3) != 0;
}

/* See contact_internal.h. */
enum rp_status contact_values_read(struct rp_db *db, int64_t id,
                                   struct rp_contact_values lists[VALUE_KINDS],
                                   struct rp_err *err) {
  for (int k = 0; k < VALUE_KINDS; k++) contact_values_free(&lists[k]);
  static const char sql[] = "SELECT kind, value, type, preferred FROM contact_value "
                            "WHERE contact_id = ?1 ORDER BY kind, position";
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) contact_values_add_row(st, 0, lists);
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read emails, phones and URLs");
  sqlite3_reset(st);
  return s;
}

/* See contact_internal.h. */
void contact_values_settle_list(struct rp_contact_values *vs, enum rp_value_kind k,
                                char **field) {
  /* what sync leaves as it is (and an import writes 100,000 times): no
   * value and no field, or one trimmed value that is the field */
  const char *f = *field;
  size_t n = f ? strlen(f) : 0;
  bool same = vs->n == 1 && f && n && !str_is_space(f[0]) && !str_is_space(f[n - 1]) &&
              strcmp(vs->v[0].value, f) == 0;
  if (!(vs->n == 0 && !f) && !same) contact_values_sync(vs, k, field);
  long p = contact_values_primary(vs);
  if (p >= 0) vs->v[p].preferred = true;
}

/* See contact_internal.h. */
void contact_values_settle(struct rp_contact *c) {
  for (int k = 0; k < VALUE_KINDS; k++)
    contact_values_settle_list(contact_values_of(c, (enum rp_value_kind)k), (enum rp_value_kind)k,
                               contact_field_of(c, (enum rp_value_kind)k));
  c->values_read = true;
}

/* See contact_internal.h. */
enum rp_status contact_values_load(struct rp_db *db, struct rp_contact *c, bool settle,
                                   struct rp_err *err) {
  struct rp_contact_values lists[VALUE_KINDS] = {{0}};
  enum rp_status s = contact_values_read(db, c->id, lists, err);
  for (int k = 0; k < VALUE_KINDS; k++) {
    struct rp_contact_values *vs = contact_values_of(c, (enum rp_value_kind)k);
    if (s == RP_OK) {
      contact_values_free(vs);
      *vs = lists[k];
    } else {
      contact_values_free(&lists[k]);
    }
  }
  if (s == RP_OK && settle) contact_values_settle(c);
  return s;
}

/* An email: something@something, one '@', no blanks. */
static enum rp_status check_email(const char *email, struct rp_err *err) {
  if (!email) return RP_OK;
  char clip[128];
  const char *at = strchr(email, '@');
  if (!at)
    return rp_err_field(err, RP_INVALID, "email", "email '%s' has no '@'",
                        str_clip(email, clip, sizeof clip));
  if (at == email || !at[1] || strchr(at + 1, '@') || strpbrk(email, " \t\r\n"))
    return rp_err_field(err, RP_INVALID, "email", "email '%s' is not of the form name@domain",
                        str_clip(email, clip, sizeof clip));
  return RP_OK;
}

/* See contact.h: the checks of contact_values_check on one value. */
enum rp_status contact_value_check(enum rp_value_kind k, const char *value, struct rp_err *err) {
  char *v = xstrdup(value);
  str_trim_null(&v);
  const char *name = contact_value_kind_name(k);
  enum rp_status s = RP_OK;
  if (v && !utf8_valid(v, strlen(v)))
    s = rp_err_field(err, RP_INVALID, name, "%s is not valid UTF-8 text; use UTF-8", name);
  else if (k == VALUE_EMAIL)
    s = check_email(v, err);
  free(v);
  return s;
}

/* See contact_internal.h. */
enum rp_status contact_values_check(struct rp_db *db, struct rp_contact *c, struct rp_err *err) {
  if (!c->values_read && c->id > 0) {
    enum rp_status s = contact_values_load(db, c, false, err);
    if (s != RP_OK) return s;
  }
  for (int k = 0; k < VALUE_KINDS; k++) {
    enum rp_value_kind kind = (enum rp_value_kind)k;
    struct rp_contact_values *vs = contact_values_of(c, kind);
    contact_values_settle_list(vs, kind, contact_field_of(c, kind));
    const char *name = contact_value_kind_name(kind);
    for (size_t i = 0; i < vs->n; i++) {
      const char *v = vs->v[i].value, *t = vs->v[i].type;
      if (!utf8_valid(v, strlen(v)))
        return rp_err_field(err, RP_INVALID, name, "%s is not valid UTF-8 text; use UTF-8", name);
      char clip[128];
      if (t && !utf8_valid(t, strlen(t)))
        return rp_err_field(err, RP_INVALID, name,
                            "the kind of %s '%s' is not valid UTF-8 text; use UTF-8", name,
                            str_clip(v, clip, sizeof clip));
      enum rp_status s = kind == VALUE_EMAIL ? check_email(v, err) : RP_OK;
      if (s != RP_OK) return s;
    }
  }
  c->values_read = true;
  return RP_OK;
}

/* Are a and b the same list (values, types, preference, order)? */
static bool same_list(const struct rp_contact_values *a, const struct rp_contact_values *b) {
  if (a->n != b->n) return false;
  for (size_t i = 0; i < a->n; i++) {
    const struct rp_contact_value *x = &a->v[i], *y = &b->v[i];
    if (strcmp(x->value, y->value) != 0 || x->preferred != y->preferred ||
        (x->type || y->type) != (x->type && y->type) ||
        (x->type && strcmp(x->type, y->type) != 0))
      return false;
  }
  return true;
}

/* See contact_internal.h. */
enum rp_status contact_values_insert(struct rp_db *db, int64_t id, enum rp_value_kind k,
                                     const struct rp_contact_values *vs, struct rp_err *err) {
  static const char sql[] = "INSERT INTO contact_value (contact_id, kind, position, value, type, "
                            "preferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  if (!vs->n) return RP_OK;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, sql, &st, err);
  for (size_t i = 0; s == RP_OK && i < vs->n; i++) {
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, contact_value_kind_name(k), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (int64_t)i);
    sqlite3_bind_text(st, 4, vs->v[i].value, -1, SQLITE_STATIC);
    db_bind_text(st, 5, vs->v[i].type);
    sqlite3_bind_int(st, 6, vs->v[i].preferred ? 1 : 0);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save emails, phones and URLs");
    sqlite3_reset(st);
  }
  return s;
}

/* See contact_internal.h. */
enum rp_status contact_values_write(struct rp_db *db, struct rp_contact *c, bool insert,
                                    struct rp_err *err) {
  struct rp_contact_values old[VALUE_KINDS] = {{0}};
  enum rp_status s = insert ? RP_OK : contact_values_read(db, c->id, old, err);
  for (int k = 0; s == RP_OK && k < VALUE_KINDS; k++) {
    const struct rp_contact_values *vs = contact_values_of(c, (enum rp_value_kind)k);
    if (same_list(&old[k], vs)) continue;
    if (old[k].n) {
      static const char sql[] = "DELETE FROM contact_value WHERE contact_id = ?1 AND kind = ?2";
      sqlite3_stmt *del;
      s = db_prepare_cached(db, sql, &del, err);
      if (s != RP_OK) break;
      sqlite3_bind_int64(del, 1, c->id);
      sqlite3_bind_text(del, 2, contact_value_kind_name((enum rp_value_kind)k), -1,
                        SQLITE_STATIC);
      if (sqlite3_step(del) != SQLITE_DONE) s = db_fail(db, err, "save emails, phones and URLs");
      sqlite3_reset(del);
    }
    if (s == RP_OK) s = contact_values_insert(db, c->id, (enum rp_value_kind)k, vs, err);
  }
  for (int k = 0; k < VALUE_KINDS; k++) contact_values_free(&old[k]);
  return s;
}

/* An id and where it is in a list, sorted by id to find a row's contact. */
struct slot {
  int64_t id;
  size_t at;
};

static int slot_cmp(const void *a, const void *b) {
  const struct slot *x = a, *y = b;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* See contact.h. The ids go in as one JSON array, so a page of any size is
 * one statement that reads only its contacts' rows. */
enum rp_status contact_list_values(struct rp_db *db, struct rp_contact_list *l,
                                   struct rp_err *err) {
  if (!l->n) return RP_OK;
  struct slot *slots = xcalloc(l->n, sizeof *slots);
  struct rp_buf ids = {0};
  for (size_t i = 0; i < l->n; i++) {
    slots[i].id = l->v[i].id;
    slots[i].at = i;
    buf_addf(&ids, "%c%lld", i ? ',' : '[', (long long)l->v[i].id);
    for (int k = 0; k < VALUE_KINDS; k++)
      contact_values_free(contact_values_of(&l->v[i], (enum rp_value_kind)k));
  }
  buf_addc(&ids, ']');
  qsort(slots, l->n, sizeof *slots, slot_cmp);
  static const char sql[] =
      "SELECT contact_id, kind, value, type, preferred FROM contact_value "
      "WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY contact_id, kind, position";
  sqlite3_stmt *st = NULL;
  enum rp_status s = db_prepare_cached(db, sql, &st, err);
  if (s == RP_OK) {
    sqlite3_bind_text(st, 1, ids.s, (int)ids.len, SQLITE_STATIC);
    int rc;
    struct slot *cur = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      struct slot key = {.id = sqlite3_column_int64(st, 0)};
      if (!cur || cur->id != key.id) cur = bsearch(&key, slots, l->n, sizeof *slots, slot_cmp);
      if (!cur) continue;
      struct rp_contact *c = &l->v[cur->at];
      struct rp_contact_values lists[VALUE_KINDS] = {c->emails, c->phones, c->urls};
      contact_values_add_row(st, 1, lists);
      c->emails = lists[VALUE_EMAIL];
      c->phones = lists[VALUE_PHONE];
      c->urls = lists[VALUE_URL];
    }
    if (rc != SQLITE_DONE) s = db_fail(db, err, "read emails, phones and URLs");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
  for (size_t i = 0; s == RP_OK && i < l->n; i++) contact_values_settle(&l->v[i]);
  buf_free(&ids);
  free(slots);
  return s;
}

/* See contact.h: one statement over the values, and the contacts' primary
 * email and URL (a journal edited in the sqlite3
 * shell may have one in the column and not in the list), so a value may
 * come twice. */
enum rp_status contact_scan_values(struct rp_db *db,
                                   void (*fn)(void *arg, int64_t id, enum rp_value_kind kind,
                                              const char *value),
                                   void *arg, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare(db,
                 "SELECT contact_id, kind = 'url', value FROM contact_value "
                 "WHERE kind IN ('email', 'url') "
                 "UNION ALL SELECT id, 0, email FROM contact WHERE email IS NOT NULL "
                 "UNION ALL SELECT id, 1, url FROM contact WHERE url IS NOT NULL",
                 &st, err);
  if (s != RP_OK) return s;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *v = (const char *)sqlite3_column_text(st, 2);
    if (v)
      fn(arg, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1) ? VALUE_URL : VALUE_EMAIL, v);
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read emails and URLs");
  sqlite3_finalize(st);
  return s;
}
