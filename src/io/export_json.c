/* export_json.c — see rapport/export.h: the whole journal as JSON, every
 * dumped table with every column, one row per line, ids kept; each contact
 * with its emails, phones and URLs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/json.h"

struct json_ctx {
  struct rp_buf *out;
  export_sink_fn sink; /* NULL: everything stays in out */
  void *sink_ctx;
  size_t rows;       /* rows written in the current table */
  struct rp_buf key; /* each column's `"name": ` (after the first, `, "name": `), end to end */
  size_t *key_end;   /* where column i's ends in key */
  /* the contact table: its lists, and where its id, email, phone and url
   * are among the columns (-1: not there) */
  struct rp_dump_values *values;
  long col_id, col_field[VALUE_KINDS];
  struct rp_contact_values lists[VALUE_KINDS];
};

static void json_real(struct rp_buf *b, double r) {
  if (!isfinite(r)) {
    buf_adds(b, "null");
    return;
  }
  char num[40];
  snprintf(num, sizeof num, "%.17g", r);
  buf_adds(b, num);
  if (!strpbrk(num, ".eE")) buf_adds(b, ".0"); /* stays a real when read back */
}

/* v in decimal, as "%lld" writes it, without printf's cost per number. */
static void json_int(struct rp_buf *b, int64_t v) {
  char d[24], *p = d + sizeof d;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do *--p = (char)('0' + u % 10);
  while (u /= 10);
  if (v < 0) *--p = '-';
  buf_add(b, p, (size_t)(d + sizeof d - p));
}

/* The column names escaped once per table, not once per row (and where
 * the contact's id and primary values are). */
static void keys_make(struct json_ctx *c, size_t ncols, const char *const *names) {
  static const char *const fields[VALUE_KINDS] = {"email", "phone", "url"};
  c->key_end = xcalloc(ncols ? ncols : 1, sizeof *c->key_end);
  c->col_id = -1;
  for (int k = 0; k < VALUE_KINDS; k++) c->col_field[k] = -1;
  for (size_t i = 0; i < ncols; i++) {
    if (strcmp(names[i], "id") == 0) c->col_id = (long)i;
    for (int k = 0; k < VALUE_KINDS; k++)
      if (strcmp(names[i], fields[k]) == 0) c->col_field[k] = (long)i;
    if (i) buf_add(&c->key, ", ", 2);
    json_str(&c->key, names[i]);
    buf_add(&c->key, ": ", 2);
    c->key_end[i] = c->key.len;
  }
}

static void keys_free(struct json_ctx *c) {
  buf_free(&c->key);
  free(c->key_end);
  c->key_end = NULL;
}

/* Hand what out holds to the sink and empty it. */
static enum rp_status flush(struct json_ctx *c, struct rp_err *err) {
  enum rp_status s = c->out->len ? c->sink(c->sink_ctx, c->out->s, c->out->len, err) : RP_OK;
  buf_reset(c->out);
  return s;
}

static enum rp_status row(void *vctx, const struct rp_dump_table *t, size_t ncols,
                          const char *const *names, const struct rp_dump_value *vals,
                          struct rp_err *err) {
  (void)t;
  struct json_ctx *c = vctx;
  struct rp_buf *b = c->out;
  if (!c->key_end) keys_make(c, ncols, names);
  if (c->rows++) buf_add(b, ",\n      {", 9);
  else buf_add(b, "\n      {", 8);
  for (size_t i = 0, k = 0; i < ncols; k = c->key_end[i++]) {
    buf_add(b, c->key.s + k, c->key_end[i] - k);
    switch (vals[i].type) {
    case DUMP_NULL: buf_add(b, "null", 4); break;
    case DUMP_INT: json_int(b, vals[i].i); break;
    case DUMP_REAL: json_real(b, vals[i].r); break;
    case DUMP_TEXT: json_str(b, vals[i].s); break;
    }
  }
  if (c->values && c->col_id >= 0) { /* a contact: its lists */
    const char *fields[VALUE_KINDS];
    for (int k = 0; k < VALUE_KINDS; k++)
      fields[k] = c->col_field[k] >= 0 && vals[c->col_field[k]].type == DUMP_TEXT
                      ? vals[c->col_field[k]].s
                      : NULL;
    enum rp_status s = dump_values_next(c->values, vals[c->col_id].i, fields, c->lists, err);
    if (s != RP_OK) return s;
    static const char *const keys[VALUE_KINDS] = {", \"emails\": ", ", \"phones\": ",
                                                  ", \"urls\": "};
    for (int k = 0; k < VALUE_KINDS; k++) {
      buf_adds(b, keys[k]);
      json_values(b, &c->lists[k]);
    }
  }
  buf_add(b, "}", 1);
  return c->sink && b->len >= RP_EXPORT_CHUNK ? flush(c, err) : RP_OK;
}

/* export_json into c->out, flushed to c->sink (when there is one) as it
 * grows. */
static enum rp_status write_all(struct rp_db *db, struct json_ctx *c, struct rp_err *err) {
  struct rp_buf *out = c->out;
  char id[33];
  /* one transaction: a consistent snapshot even while others write */
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  /* make sure the journal id exists, so the export carries it */
  if ((s = dump_journal_id(db, id, err)) != RP_OK) {
    db_rollback(db);
    return s;
  }
  buf_addf(out, "{\n  \"format\": \"rapport\",\n  \"version\": %d,\n  \"schema\": %d,\n"
                "  \"tables\": {",
           RP_EXPORT_FORMAT_VERSION, db_schema_version());
  for (size_t i = 0; i < rp_dump_table_count && s == RP_OK; i++) {
    c->rows = 0;
    buf_adds(out, i ? ",\n    " : "\n    ");
    json_str(out, rp_dump_tables[i].name);
    buf_adds(out, ": [");
    bool contacts = strcmp(rp_dump_tables[i].name, "contact") == 0;
    if (contacts) s = dump_values_open(db, &c->values, err);
    if (s == RP_OK) s = dump_rows(db, &rp_dump_tables[i], row, c, err);
    dump_values_close(c->values);
    c->values = NULL;
    for (int k = 0; k < VALUE_KINDS; k++) contact_values_free(&c->lists[k]);
    keys_free(c);
    buf_adds(out, c->rows ? "\n    ]" : "]");
  }
  buf_adds(out, "\n  }\n}\n");
  if (s == RP_OK && c->sink) s = flush(c, err);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* See export.h. */
enum rp_status export_json(struct rp_db *db, struct rp_buf *out, struct rp_err *err) {
  struct json_ctx c = {.out = out};
  return write_all(db, &c, err);
}

/* See export.h. */
enum rp_status export_json_stream(struct rp_db *db, export_sink_fn sink, void *ctx,
                                  struct rp_err *err) {
  struct rp_buf out = {0};
  struct json_ctx c = {.out = &out, .sink = sink, .sink_ctx = ctx};
  enum rp_status s = write_all(db, &c, err);
  buf_free(&out);
  return s;
}
