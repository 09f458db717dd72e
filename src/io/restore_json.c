/* restore_json.c — see rapport/export.h: an export_json document back into
 * a journal, in one transaction; with --merge, only contacts not already
 * there (and what hangs off them), under new ids, committed in batches of
 * MERGE_BATCH rows with what each batch did kept in the journal, so that
 * running the same merge again after a stop finishes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/json_read.h"

/* old id → new id of one table, and whether the row was added (a matched
 * contact maps to the existing one, but does not bring its rows). */
struct id_map {
  int64_t *from, *to;
  bool *added;
  size_t n, cap;
  bool unsorted; /* some `from` is not above the one before (a hand-made file) */
};

/* A merge commits once it has written MERGE_BATCH rows and MERGE_BATCH_MS
 * have passed since its last commit: the full screen waits about that
 * long for the journal at most, and a merge of 900,000 rows does not
 * spend its time committing. */
#define MERGE_BATCH 1000
#define MERGE_BATCH_MS 250

/* The pace of a merge's batches (restore_merge_pace, for tests). */
static int batch_ms = MERGE_BATCH_MS, batch_pause_ms;

/* See export.h. */
void restore_merge_pace(int every_ms, int pause_ms) {
  batch_ms = every_ms;
  batch_pause_ms = pause_ms;
}

struct restore {
  struct rp_db *db;
  bool merge;
  char source[24];  /* merge: the file's id, for what was done (dump_merge_*) */
  bool resume;      /* merge: some of it was done by a run that stopped */
  long since_batch; /* merge: rows written since the last commit */
  double batch_at;  /* merge: when the last commit was (seconds) */
  int64_t *touched; /* merge: contacts whose documents the batch changed */
  size_t ntouched, cap_touched;
  struct id_map maps[16]; /* by index in rp_dump_tables */
  int64_t *intro;         /* merge: pairs (new contact id, old introducer id) */
  size_t nintro;
  struct rp_restore_summary *sum;
  struct rp_strv checked[16]; /* per table: the columns of the last row, all checked */
  const char **names;         /* one row's columns and values, reused */
  struct rp_dump_value *vals;
  size_t cap;
};

static void map_put(struct id_map *m, int64_t from, int64_t to, bool added) {
  if (m->n == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 64;
    m->from = xrealloc(m->from, m->cap * sizeof *m->from);
    m->to = xrealloc(m->to, m->cap * sizeof *m->to);
    m->added = xrealloc(m->added, m->cap * sizeof *m->added);
  }
  if (m->n && from <= m->from[m->n - 1]) m->unsorted = true;
  m->from[m->n] = from;
  m->to[m->n] = to;
  m->added[m->n] = added;
  m->n++;
}

/* The index of `from` in m (newest first: ids are unique anyway); -1.
 * An export lists rows by id, so a binary search finds it; a file in
 * another order is searched from the end. */
static long map_find(const struct id_map *m, int64_t from) {
  if (m->unsorted) {
    for (size_t i = m->n; i-- > 0;)
      if (m->from[i] == from) return (long)i;
    return -1;
  }
  size_t lo = 0, hi = m->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m->from[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < m->n && m->from[lo] == from ? (long)lo : -1;
}

static size_t table_index(const struct rp_dump_table *t) { return (size_t)(t - rp_dump_tables); }

/* Seconds on a steady clock. */
static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Merge: contact `id`'s document is to be indexed at the batch's end. */
static void touch(struct restore *r, int64_t id) {
  if (r->ntouched == r->cap_touched) {
    r->cap_touched = r->cap_touched ? 2 * r->cap_touched : 256;
    r->touched = xrealloc(r->touched, r->cap_touched * sizeof *r->touched);
  }
  r->touched[r->ntouched++] = id;
}

/* Merge: contact `id` (new) is to be introduced by the file's contact
 * `old_intro`, set once every contact is in. */
static void intro_later(struct restore *r, int64_t id, int64_t old_intro) {
  if (!old_intro) return;
  r->intro = xrealloc(r->intro, (r->nintro + 1) * 2 * sizeof *r->intro);
  r->intro[r->nintro * 2] = id;
  r->intro[r->nintro * 2 + 1] = old_intro;
  r->nintro++;
}

/* Merge: row old_id of t is new_id (added or matched), in memory and, for
 * a run that stops, in the journal with the batch. */
static enum rp_status merge_mapped(struct restore *r, const struct rp_dump_table *t,
                                   int64_t old_id, int64_t new_id, bool added,
                                   struct rp_err *err) {
  map_put(&r->maps[table_index(t)], old_id, new_id, added);
  if (!old_id) return RP_OK;
  return dump_merge_remember(r->db, r->source, t->name, old_id, new_id, added, err);
}

/* Merge resumed: row old_id of t was brought (or matched) by the run that
 * stopped; true (*done) and mapped as it was then. */
static enum rp_status merge_done_before(struct restore *r, const struct rp_dump_table *t,
                                        int64_t old_id, int64_t old_intro, bool *done,
                                        struct rp_err *err) {
  int64_t id = 0;
  bool added = false;
  *done = false;
  if (!r->resume || !old_id) return RP_OK;
  enum rp_status s = dump_merge_lookup(r->db, r->source, t->name, old_id, done, &id, &added, err);
  if (s != RP_OK || !*done) return s;
  map_put(&r->maps[table_index(t)], old_id, id, added);
  if (strcmp(t->name, "contact") == 0) {
    if (added) {
      r->sum->contacts_resumed++;
      intro_later(r, id, old_intro);
    } else {
      r->sum->contacts_matched++;
    }
  }
  return RP_OK;
}

/* Merge: one more row written; the batch is committed (and the next
 * begun) once it has MERGE_BATCH rows and batch_ms have passed. */
static enum rp_status merge_step(struct restore *r, struct rp_err *err) {
  if (++r->since_batch < MERGE_BATCH || now_seconds() - r->batch_at < batch_ms / 1000.0)
    return RP_OK;
  enum rp_status s = dump_merge_batch(r->db, r->touched, r->ntouched, err);
  if (batch_pause_ms > 0) {
    struct timespec pause = {batch_pause_ms / 1000, (long)(batch_pause_ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
  }
  r->since_batch = 0;
  r->ntouched = 0;
  r->batch_at = now_seconds();
  return s;
}

/* "LINE:COL: message" about value v into err. */
static enum rp_status at(struct rp_err *err, const struct rp_json *v, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static enum rp_status at(struct rp_err *err, const struct rp_json *v, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *m = xvasprintf(fmt, ap);
  va_end(ap);
  rp_err_set(err, RP_INVALID, "%d:%d: %s", v->line, v->col, m);
  free(m);
  return RP_INVALID;
}

/* The row's value of `column`, NULL when absent. */
static const struct rp_json *field(const struct rp_json *row, const char *column) {
  return json_get(row, column);
}

static const char *text_of(const struct rp_json *row, const char *column) {
  const struct rp_json *v = field(row, column);
  return v && v->type == JSON_STRING ? v->s : NULL;
}

/* Merge: the value a reference column gets; false when the row is to be
 * skipped (its owner was not added). */
static bool merge_ref(struct restore *r, const struct rp_dump_table *t, const char *column,
                      const char *parent, const struct rp_json *v, struct rp_dump_value *out) {
  bool owner = t->owner && strcmp(t->owner, column) == 0;
  const struct rp_dump_table *pt = dump_table(parent);
  long k = v && v->type == JSON_INT && pt->merge ? map_find(&r->maps[table_index(pt)], v->i) : -1;
  if (owner && (k < 0 || !r->maps[table_index(pt)].added[k])) return false;
  if (k < 0) {
    out->type = DUMP_NULL;
  } else {
    out->type = DUMP_INT;
    out->i = r->maps[table_index(pt)].to[k];
  }
  return true;
}

/* Are the columns of row those of the table's last row (all checked)? */
static bool columns_checked(const struct rp_strv *checked, const struct rp_json *row) {
  if (checked->n != row->n) return false;
  for (size_t i = 0; i < row->n; i++)
    if (strcmp(checked->v[i], row->keys[i]) != 0) return false;
  return true;
}

/* The list a contact row's key holds ("emails", "phones", "urls"), or
 * VALUE_KINDS when it is a column. */
static enum rp_value_kind list_key(const char *key) {
  static const char *const keys[VALUE_KINDS] = {"emails", "phones", "urls"};
  for (int k = 0; k < VALUE_KINDS; k++)
    if (strcmp(key, keys[k]) == 0) return (enum rp_value_kind)k;
  return VALUE_KINDS;
}

/* A contact's list v (the array under `key`) into out, as written: each
 * item {"value": "…", "type": "…" or null, "preferred": true|false}, only
 * "value" required. */
static enum rp_status read_values(const struct rp_json *v, const char *key,
                                  struct rp_contact_values *out, struct rp_err *err) {
  if (v->type != JSON_ARRAY)
    return at(err, v, "contact.%s must be an array of values, not %s", key,
              json_type_name(v->type));
  for (size_t i = 0; i < v->n; i++) {
    const struct rp_json *e = &v->v[i];
    if (e->type != JSON_OBJECT)
      return at(err, e, "contact.%s: a value must be an object, not %s", key,
                json_type_name(e->type));
    const char *value = NULL, *type = NULL;
    bool preferred = false;
    for (size_t j = 0; j < e->n; j++) {
      const struct rp_json *f = &e->v[j];
      if (strcmp(e->keys[j], "value") == 0) {
        value = f->type == JSON_STRING ? f->s : NULL;
      } else if (strcmp(e->keys[j], "type") == 0) {
        if (f->type != JSON_STRING && f->type != JSON_NULL)
          return at(err, e, "contact.%s: \"type\" must be a string or null", key);
        type = f->type == JSON_STRING && *f->s ? f->s : NULL;
      } else if (strcmp(e->keys[j], "preferred") == 0) {
        if (f->type != JSON_BOOL)
          return at(err, e, "contact.%s: \"preferred\" must be true or false", key);
        preferred = f->b;
      } else {
        return at(err, e, "contact.%s: unknown key \"%s\" (keys: value, type, preferred)", key,
                  e->keys[j]);
      }
    }
    if (str_empty(value))
      return at(err, e, "contact.%s: a value needs \"value\", a string that is not empty", key);
    out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
    out->v[out->n++] = (struct rp_contact_value){xstrdup(value), xstrdup(type), preferred};
  }
  return RP_OK;
}

/* One row of table t; a contact's lists go through lists[] (the caller
 * frees them). */
static enum rp_status restore_row_lists(struct restore *r, const struct rp_dump_table *t,
                                        const struct rp_json *row,
                                        struct rp_contact_values lists[VALUE_KINDS],
                                        struct rp_err *err) {
  if (row->type != JSON_OBJECT)
    return at(err, row, "a %s row must be an object, not %s", t->name, json_type_name(row->type));
  if (r->merge && (!t->merge || (strcmp(t->name, "contact") == 0 &&
                                 field(row, "deleted_at") &&
                                 field(row, "deleted_at")->type != JSON_NULL)))
    return RP_OK;
  size_t n = 0;
  if (r->cap < row->n + 1) {
    r->cap = 2 * (row->n + 1);
    r->names = xrealloc(r->names, r->cap * sizeof *r->names);
    r->vals = xrealloc(r->vals, r->cap * sizeof *r->vals);
  }
  const char **names = r->names;
  struct rp_dump_value *vals = r->vals;
  memset(vals, 0, (row->n + 1) * sizeof *vals);
  struct rp_strv *checked = &r->checked[table_index(t)];
  bool known = columns_checked(checked, row);
  enum rp_status s = RP_OK;
  int64_t old_id = 0, old_intro = 0;
  bool skip = false, contact = strcmp(t->name, "contact") == 0;
  for (size_t i = 0; i < row->n && s == RP_OK && !skip; i++) {
    const char *col = row->keys[i];
    const struct rp_json *v = &row->v[i];
    enum rp_value_kind list = contact ? list_key(col) : VALUE_KINDS;
    if (list != VALUE_KINDS) {
      s = read_values(v, col, &lists[list], err);
      continue;
    }
    if (!known && (s = dump_check_column(r->db, t, col, err)) != RP_OK) {
      char *m = xstrdup(err->msg);
      s = at(err, v, "%s", m);
      free(m);
      break;
    }
    struct rp_dump_value *d = &vals[n];
    switch (v->type) {
    case JSON_NULL: d->type = DUMP_NULL; break;
    case JSON_INT: d->type = DUMP_INT; d->i = v->i; break;
    case JSON_REAL: d->type = DUMP_REAL; d->r = v->r; break;
    case JSON_STRING: d->type = DUMP_TEXT; d->s = v->s; break;
    default:
      s = at(err, v, "%s.%s: expected a number, a string or null, not %s", t->name, col,
             json_type_name(v->type));
      continue;
    }
    if (r->merge) {
      if (t->id_column && strcmp(col, t->id_column) == 0) {
        old_id = v->type == JSON_INT ? v->i : 0;
        continue; /* a new id */
      }
      if (strcmp(t->name, "contact") == 0 && strcmp(col, "introduced_by") == 0) {
        old_intro = v->type == JSON_INT ? v->i : 0;
        continue; /* set once every contact is in */
      }
      for (size_t k = 0; k < RP_ARRAY_LEN(t->refs) && t->refs[k].column; k++)
        if (strcmp(t->refs[k].column, col) == 0 &&
            !merge_ref(r, t, col, t->refs[k].table, v, d))
          skip = true;
    }
    names[n++] = col;
  }
  if (s == RP_OK && !skip && !known) { /* every column was checked */
    strv_clear(checked);
    for (size_t i = 0; i < row->n; i++) strv_push(checked, row->keys[i]);
  }
  const char *fields[VALUE_KINDS] = {text_of(row, "email"), text_of(row, "phone"),
                                     text_of(row, "url")};
  if (s == RP_OK && !skip && r->merge && t->id_column) {
    bool done = false;
    s = merge_done_before(r, t, old_id, old_intro, &done, err);
    if (done) skip = true;
  }
  if (s == RP_OK && !skip && r->merge && contact) {
    int64_t match = 0;
    size_t ne = lists[VALUE_EMAIL].n + 1;
    const char **emails = xcalloc(ne, sizeof *emails);
    emails[0] = fields[VALUE_EMAIL];
    for (size_t i = 1; i < ne; i++) emails[i] = lists[VALUE_EMAIL].v[i - 1].value;
    s = dump_match_contact(r->db, emails, ne, text_of(row, "name"), text_of(row, "org"), &match,
                           err);
    free(emails);
    if (s == RP_OK && match) {
      s = merge_mapped(r, t, old_id, match, false, err);
      r->sum->contacts_matched++;
      skip = true;
    }
  }
  if (s == RP_OK && !skip) {
    int64_t id = 0;
    s = dump_insert(r->db, t, n, names, vals, &id, err);
    if (s == RP_INVALID) {
      char *m = xstrdup(err->msg);
      s = at(err, row, "%s row: %s", t->name, m);
      free(m);
    }
    if (s == RP_OK && contact && (s = dump_insert_values(r->db, id, fields, lists, err))) {
      char *m = xstrdup(err->msg);
      s = at(err, row, "contact row: %s", m);
      free(m);
    }
    if (s == RP_OK) {
      r->sum->rows++;
      if (contact) r->sum->contacts++;
      if (r->merge && t->id_column) s = merge_mapped(r, t, old_id, id, true, err);
      if (r->merge && contact) {
        intro_later(r, id, old_intro);
        touch(r, id);
      }
      bool tag = strcmp(t->name, "contact_tag") == 0; /* in its contact's document */
      for (size_t i = 0; r->merge && tag && i < n; i++)
        if (strcmp(names[i], "contact_id") == 0 && vals[i].type == DUMP_INT) touch(r, vals[i].i);
      if (s == RP_OK && r->merge) s = merge_step(r, err);
    }
  }
  return s;
}

/* One row of table t (see restore_row_lists). */
static enum rp_status restore_row(struct restore *r, const struct rp_dump_table *t,
                                  const struct rp_json *row, struct rp_err *err) {
  struct rp_contact_values lists[VALUE_KINDS] = {{0}};
  enum rp_status s = restore_row_lists(r, t, row, lists, err);
  for (int k = 0; k < VALUE_KINDS; k++) contact_values_free(&lists[k]);
  return s;
}

/* The header and the tables object; RP_OK with *tables set. */
static enum rp_status check_header(struct rp_db *db, const struct rp_json *root,
                                   const struct rp_json **tables, struct rp_err *err) {
  if (root->type != JSON_OBJECT)
    return at(err, root, "expected an object (a rapport JSON export), not %s",
              json_type_name(root->type));
  const struct rp_json *f = json_get(root, "format"), *v = json_get(root, "version"),
                       *sc = json_get(root, "schema");
  if (!f || f->type != JSON_STRING || strcmp(f->s, "rapport") != 0)
    return at(err, f ? f : root, "not a rapport export: \"format\" must be \"rapport\"");
  if (!v || v->type != JSON_INT)
    return at(err, v ? v : root, "\"version\" must be a number");
  if (v->i != RP_EXPORT_FORMAT_VERSION)
    return at(err, v, "export format version %lld; this rapport reads version %d",
              (long long)v->i, RP_EXPORT_FORMAT_VERSION);
  if (!sc || sc->type != JSON_INT || sc->i < 1)
    return at(err, sc ? sc : root, "\"schema\" must be a positive number");
  if (sc->i > db_schema_version())
    return at(err, sc, "written by a newer rapport (schema %lld, this build knows %d); upgrade "
                       "rapport", (long long)sc->i, db_schema_version());
  *tables = json_get(root, "tables");
  if (!*tables || (*tables)->type != JSON_OBJECT)
    return at(err, *tables ? *tables : root, "\"tables\" must be an object");
  for (size_t i = 0; i < (*tables)->n; i++) {
    const struct rp_json *rows = &(*tables)->v[i];
    if (!dump_table((*tables)->keys[i]))
      return at(err, rows, "unknown table \"%s\"", (*tables)->keys[i]);
    if (rows->type != JSON_ARRAY)
      return at(err, rows, "table %s must be an array of rows", (*tables)->keys[i]);
  }
  (void)db;
  return RP_OK;
}

/* The id of a merged file: its length and a 64-bit FNV-1a hash of its
 * bytes, in hex (out holds 24 bytes). The same file merged again after a
 * stop has the same id. */
static void merge_source(const char *text, size_t len, char out[24]) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211u;
  snprintf(out, 24, "%zx-%016llx", len & 0xffffff, (unsigned long long)h);
}

/* See export.h. */
enum rp_status restore_json(struct rp_db *db, const char *text, size_t len, bool merge,
                            struct rp_restore_summary *sum, struct rp_err *err) {
  memset(sum, 0, sizeof *sum);
  struct rp_json *root = NULL;
  const struct rp_json *tables = NULL;
  /* the tables' arrays (2 deep) are read a row at a time, not held whole:
   * the tree of a 70 MB export took 700 MB */
  enum rp_status s = json_parse_lazy(text, len, 2, &root, err);
  if (s == RP_OK) s = check_header(db, root, &tables, err);
  if (s != RP_OK) {
    json_free(root);
    return s;
  }
  struct restore r = {.db = db, .merge = merge, .sum = sum};
  if (merge) merge_source(text, len, r.source);
  if ((s = merge ? dump_merge_begin(db, err) : dump_begin(db, err)) != RP_OK) {
    json_free(root);
    return s;
  }
  bool empty = true;
  s = dump_is_empty(db, &empty, err);
  if (s == RP_OK && !empty && !merge)
    s = rp_err_set(err, RP_INVALID,
                   "the journal is not empty: restore into a new journal (--db NEW-FILE), or "
                   "add --merge to add the contacts it does not have");
  int64_t before = 0;
  if (s == RP_OK && merge) s = dump_merge_count(db, r.source, &before, err);
  r.resume = before > 0;
  r.batch_at = now_seconds();
  struct rp_json row = {0};
  for (size_t i = 0; i < rp_dump_table_count && s == RP_OK; i++) {
    struct rp_json_items *it = json_items_begin(text, len, json_get(tables, rp_dump_tables[i].name));
    while (s == RP_OK && json_items_next(it, &row)) s = restore_row(&r, &rp_dump_tables[i], &row, err);
    json_items_end(it);
  }
  json_clear(&row);
  struct id_map *cm = &r.maps[0]; /* contact */
  /* in batches too (14,500 of them for 50,000 contacts); a run stopped
   * here sets them all again, as the merge is remembered until its end */
  for (size_t i = 0; i < r.nintro && s == RP_OK; i++) {
    long k = map_find(cm, r.intro[i * 2 + 1]);
    if (k >= 0) s = dump_set_introducer(db, r.intro[i * 2], cm->to[k], err);
    if (s == RP_OK && k >= 0 && merge) s = merge_step(&r, err);
  }
  if (s == RP_OK && merge) s = dump_merge_forget(db, r.source, err);
  if (s == RP_OK)
    s = merge ? dump_merge_commit(db, r.touched, r.ntouched, err) : dump_commit(db, err);
  else dump_abort(db);
  for (size_t i = 0; i < RP_ARRAY_LEN(r.maps); i++) {
    free(r.maps[i].from);
    free(r.maps[i].to);
    free(r.maps[i].added);
  }
  free(r.intro);
  free(r.touched);
  for (size_t i = 0; i < RP_ARRAY_LEN(r.checked); i++) strv_free(&r.checked[i]);
  free(r.names);
  free(r.vals);
  json_free(root);
  if (s != RP_OK) memset(sum, 0, sizeof *sum);
  return s;
}
