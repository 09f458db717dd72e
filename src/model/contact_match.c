/* contact_match.c — see rapport/contact.h: the lookups an import makes
 * per row (issue 22), each an index search: a name through contact.name_key
 * (contact_name_key, with the keys a shell left NULL folded alone), an email
 * through contact_value_email and contact_email, a URL through
 * contact_value_url_key (URL_KEY_SQL). What they find is what the import's
 * in-memory tables found for a journal it had read whole. */
#include <stdlib.h>

#include "model/db_schema.h"
#include "model/contact_internal.h"
#include "model/db_sql.h"
#include "rapport/contact.h"

/* See contact.h. */
enum rp_status contact_last_id(struct rp_db *db, int64_t *id, struct rp_err *err) {
  sqlite3_stmt *st;
  *id = 0;
  enum rp_status s = db_prepare(db, "SELECT ifnull(max(id), 0) FROM contact", &st, err);
  if (s != RP_OK) return s;
  if (sqlite3_step(st) == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
  else s = db_fail(db, err, "read the last contact");
  sqlite3_finalize(st);
  return s;
}

/* The first row of a cached statement (contact id, deleted) into *id and
 * *deleted: RP_OK, or RP_NO when it has none. Resets st. */
static enum rp_status first_match(struct rp_db *db, sqlite3_stmt *st, int64_t *id, bool *deleted,
                                  struct rp_err *err) {
  int rc = sqlite3_step(st);
  enum rp_status s = RP_NO;
  if (rc == SQLITE_ROW) {
    *id = sqlite3_column_int64(st, 0);
    *deleted = sqlite3_column_int(st, 1) != 0;
    s = RP_OK;
  } else if (rc != SQLITE_DONE) {
    s = db_fail(db, err, "look up a contact");
  }
  sqlite3_reset(st);
  return s;
}

/* The statements below: the contact with the value in its list (lowest id
 * first, as a scan of the lists met them), else in its primary column. */
static const char email_in_list[] =
    "SELECT v.contact_id, c.deleted_at IS NOT NULL FROM contact_value v "
    "INDEXED BY contact_value_email JOIN contact c ON c.id = v.contact_id "
    "WHERE v.kind = 'email' AND v.value = ?1 COLLATE NOCASE ORDER BY v.contact_id LIMIT 1";
static const char email_in_column[] =
    "SELECT id, deleted_at IS NOT NULL FROM contact INDEXED BY contact_email "
    "WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1";
static const char url_in_list[] =
    "SELECT v.contact_id, c.deleted_at IS NOT NULL FROM contact_value v "
    "INDEXED BY contact_value_url_key JOIN contact c ON c.id = v.contact_id "
    "WHERE v.kind = 'url' AND " URL_KEY_SQL("v.value") " = ?1 ORDER BY v.contact_id LIMIT 1";

/* See contact.h. */
enum rp_status contact_match_value(struct rp_db *db, enum rp_value_kind kind, const char *value,
                                   int64_t *id, bool *deleted, struct rp_err *err) {
  *id = 0;
  *deleted = false;
  if (kind == VALUE_PHONE) return RP_NO;
  struct rp_buf key = {0};
  if (!contact_value_key(kind, value, &key)) {
    buf_free(&key);
    return RP_NO;
  }
  const char *sqls[2] = {kind == VALUE_EMAIL ? email_in_list : url_in_list,
                         kind == VALUE_EMAIL ? email_in_column : NULL};
  enum rp_status s = RP_NO;
  for (int i = 0; i < 2 && s == RP_NO && sqls[i]; i++) {
    sqlite3_stmt *st;
    s = db_prepare_cached(db, sqls[i], &st, err);
    if (s != RP_OK) break;
    /* an email as it is (NOCASE ignores ASCII case, as the key does); a
     * URL by its key */
    db_bind_text(st, 1, kind == VALUE_EMAIL ? value : buf_str(&key));
    s = first_match(db, st, id, deleted, err);
  }
  buf_free(&key);
  return s;
}

static const char name_candidates[] =
    "SELECT id, name, org, email, url, deleted FROM ("
    "SELECT id, name, org, email, url, deleted_at IS NOT NULL AS deleted FROM contact "
    "INDEXED BY contact_name_key WHERE name_key = ?1 UNION ALL "
    "SELECT id, name, org, email, url, deleted_at IS NOT NULL FROM contact "
    "INDEXED BY contact_name_key WHERE name_key IS NULL AND rp_fold(name) = ?1) "
    "ORDER BY id > ?2 DESC, CASE WHEN id > ?2 THEN id END DESC, name COLLATE NOCASE DESC, "
    "id DESC";

/* See contact.h. */
enum rp_status contact_match_name(struct rp_db *db, const char *name, int64_t newer_than,
                                  void (*fn)(void *arg, const struct rp_contact_key *key),
                                  void *arg, struct rp_err *err) {
  if (str_empty(name)) return RP_OK;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, name_candidates, &st, err);
  if (s != RP_OK) return s;
  char *folded = db_fold_text(name);
  db_bind_text(st, 1, folded);
  sqlite3_bind_int64(st, 2, newer_than);
  s = contact_key_rows(db, st, fn, arg, "look up a name", err);
  free(folded);
  return s;
}
