/* dump_values.c — see rapport/dump.h: the emails, phones and URLs each
 * contact row of the JSON export carries, read for the export in one pass
 * over contact_value, and written back by a restore. */
#include <stdlib.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "rapport/dump.h"

struct rp_dump_values {
  struct rp_db *db;
  sqlite3_stmt *st; /* every value, by contact id, kind and position */
  bool row;         /* st is on a row not handed out yet */
};

/* Step dv->st; its row is then pending (or there is none left). */
static enum rp_status step(struct rp_dump_values *dv, struct rp_err *err) {
  int rc = sqlite3_step(dv->st);
  dv->row = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return db_fail(dv->db, err, "read emails, phones and URLs");
  return RP_OK;
}

/* See dump.h. The values in the table's own order (its primary key), so
 * no sorting. */
enum rp_status dump_values_open(struct rp_db *db, struct rp_dump_values **out,
                                struct rp_err *err) {
  *out = NULL;
  struct rp_dump_values *dv = xcalloc(1, sizeof *dv);
  dv->db = db;
  enum rp_status s = db_prepare(db,
                                "SELECT contact_id, kind, value, type, preferred FROM contact_value "
                                "ORDER BY contact_id, kind, position",
                                &dv->st, err);
  if (s == RP_OK) s = step(dv, err);
  if (s != RP_OK) {
    dump_values_close(dv);
    return s;
  }
  *out = dv;
  return RP_OK;
}

/* Settle each list with a copy of its field (contact_values_settle_list). */
static void settle(const char *const fields[VALUE_KINDS],
                   struct rp_contact_values lists[VALUE_KINDS]) {
  for (int k = 0; k < VALUE_KINDS; k++) {
    char *field = xstrdup(fields[k]);
    contact_values_settle_list(&lists[k], (enum rp_value_kind)k, &field);
    free(field);
  }
}

/* See dump.h. */
enum rp_status dump_values_next(struct rp_dump_values *dv, int64_t id,
                                const char *const fields[VALUE_KINDS],
                                struct rp_contact_values lists[VALUE_KINDS], struct rp_err *err) {
  for (int k = 0; k < VALUE_KINDS; k++) contact_values_free(&lists[k]);
  enum rp_status s = RP_OK;
  while (s == RP_OK && dv->row && sqlite3_column_int64(dv->st, 0) <= id) {
    if (sqlite3_column_int64(dv->st, 0) == id) contact_values_add_row(dv->st, 1, lists);
    s = step(dv, err);
  }
  if (s == RP_OK) settle(fields, lists);
  return s;
}

/* See dump.h. */
void dump_values_close(struct rp_dump_values *dv) {
  if (!dv) return;
  sqlite3_finalize(dv->st);
  free(dv);
}

/* See dump.h. */
enum rp_status dump_insert_values(struct rp_db *db, int64_t id,
                                  const char *const fields[VALUE_KINDS],
                                  struct rp_contact_values lists[VALUE_KINDS], struct rp_err *err) {
  settle(fields, lists);
  enum rp_status s = RP_OK;
  for (int k = 0; k < VALUE_KINDS && s == RP_OK; k++)
    s = contact_values_insert(db, id, (enum rp_value_kind)k, &lists[k], err);
  return s;
}
