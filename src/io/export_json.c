/* export_json.c — see rapport/export.h: the whole journal as JSON, every
 * dumped table with every column, one row per line, ids kept. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/json.h"

struct json_ctx {
  struct rp_buf *out;
  size_t rows; /* rows written in the current table */
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

static enum rp_status row(void *vctx, const struct rp_dump_table *t, size_t ncols,
                          const char *const *names, const struct rp_dump_value *vals,
                          struct rp_err *err) {
  (void)t;
  (void)err;
  struct json_ctx *c = vctx;
  buf_adds(c->out, c->rows++ ? ",\n      {" : "\n      {");
  for (size_t i = 0; i < ncols; i++) {
    if (i) buf_adds(c->out, ", ");
    json_str(c->out, names[i]);
    buf_adds(c->out, ": ");
    switch (vals[i].type) {
    case DUMP_NULL: buf_adds(c->out, "null"); break;
    case DUMP_INT: buf_addf(c->out, "%lld", (long long)vals[i].i); break;
    case DUMP_REAL: json_real(c->out, vals[i].r); break;
    case DUMP_TEXT: json_str(c->out, vals[i].s); break;
    }
  }
  buf_addc(c->out, '}');
  return RP_OK;
}

/* See export.h. */
enum rp_status export_json(struct rp_db *db, struct rp_buf *out, struct rp_err *err) {
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
    struct json_ctx c = {out, 0};
    buf_adds(out, i ? ",\n    " : "\n    ");
    json_str(out, rp_dump_tables[i].name);
    buf_adds(out, ": [");
    s = dump_rows(db, &rp_dump_tables[i], row, &c, err);
    buf_adds(out, c.rows ? "\n    ]" : "]");
  }
  buf_adds(out, "\n  }\n}\n");
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}
