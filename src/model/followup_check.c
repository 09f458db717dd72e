/* followup_check.c — see rapport/followup.h: what a thank-you is checked
 * against (the notes, objective and questions of its conversation, and the
 * name of the person), read from the journal, and the check of a stored
 * thank-you. The check itself is pure text (followup_specific.c). */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/followup_internal.h"
#include "rapport/followup.h"

/* See followup.h. */
void thanks_source_free(struct rp_thanks_source *s) {
  free(s->contact_name);
  free(s->objective);
  strv_free(&s->notes);
  strv_free(&s->questions);
  memset(s, 0, sizeof *s);
}

/* Every row's first column of st (bound ?1 = id) pushed to out. */
static enum rp_status read_texts(struct rp_db *db, sqlite3_stmt *st, int64_t id,
                                 struct rp_strv *out, struct rp_err *err) {
  sqlite3_bind_int64(st, 1, id);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 0);
    if (t) strv_push(out, t);
  }
  return rc == SQLITE_DONE ? RP_OK : db_fail(db, err, "read the conversation");
}

/* See followup.h. Notes: insights first, then feedback and actions, then
 * the rest, each in the order taken. */
enum rp_status followup_thanks_source(struct rp_db *db, int64_t conversation_id,
                                      struct rp_thanks_source *out, struct rp_err *err) {
  rp_err_clear(err);
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  bool found = false;
  enum rp_status s = db_prepare(db, "SELECT c.objective, k.name FROM conversation c "
                                    "JOIN contact k ON k.id = c.contact_id WHERE c.id = ?1",
                                &st, err);
  if (s != RP_OK) return s;
  s = followup_step_one(db, st, conversation_id, &found, "read the conversation", err);
  if (s == RP_OK && found) {
    out->objective = db_col_text(st, 0);
    out->contact_name = db_col_text(st, 1);
    str_trim_null(&out->objective);
  }
  sqlite3_finalize(st);
  if (s == RP_OK && !found)
    s = rp_err_field(err, RP_INVALID, "conversation", "no conversation with id %lld",
                     (long long)conversation_id);
  if (s == RP_OK)
    s = db_prepare(db, "SELECT text FROM note WHERE conversation_id = ?1 ORDER BY "
                       "CASE tag WHEN 'insight' THEN 0 WHEN 'feedback' THEN 1 "
                       "WHEN 'action' THEN 1 ELSE 2 END, offset_s, id", &st, err);
  if (s == RP_OK) {
    s = read_texts(db, st, conversation_id, &out->notes, err);
    sqlite3_finalize(st);
  }
  if (s == RP_OK)
    s = db_prepare(db, "SELECT text FROM question WHERE conversation_id = ?1 "
                       "ORDER BY position, id", &st, err);
  if (s == RP_OK) {
    s = read_texts(db, st, conversation_id, &out->questions, err);
    sqlite3_finalize(st);
  }
  if (s != RP_OK) thanks_source_free(out);
  return s;
}

/* See followup.h. */
enum rp_status followup_thanks_verdict(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                       const char *draft, struct rp_specific *out,
                                       struct rp_err *err) {
  rp_err_clear(err);
  memset(out, 0, sizeof *out);
  struct rp_followup f = {0};
  enum rp_status s = followup_get(db, id, &f, err);
  if (s == RP_OK && (!f.kind || strcmp(f.kind, "thank-you") != 0 || !f.conversation_id))
    s = rp_err_field(err, RP_INVALID, "followup",
                     "follow-up %lld is no thank-you for a conversation", (long long)id);
  struct rp_thanks_source src = {0};
  if (s == RP_OK) s = followup_thanks_source(db, f.conversation_id, &src, err);
  if (s == RP_OK) followup_check_specific(cfg, draft ? draft : f.draft, &src, out);
  thanks_source_free(&src);
  followup_free(&f);
  return s;
}

/* See followup.h. */
enum rp_status followup_thanks_last(struct rp_db *db, const struct rp_config *cfg,
                                    int64_t contact_id, int64_t *id, int64_t *conversation_id,
                                    struct rp_err *err) {
  rp_err_clear(err);
  *id = 0;
  if (conversation_id) *conversation_id = 0;
  sqlite3_stmt *st;
  bool found = false;
  int64_t conv = 0;
  enum rp_status s = db_prepare(db, "SELECT id FROM conversation WHERE contact_id = ?1 AND "
                                    "status IN ('held', 'interrupted') ORDER BY "
                                    "coalesce(ended_at, started_at, 0) DESC, id DESC LIMIT 1",
                                &st, err);
  if (s != RP_OK) return s;
  s = followup_step_one(db, st, contact_id, &found, "read conversations", err);
  if (s == RP_OK && found) conv = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  if (s != RP_OK) return s;
  if (!found) return rp_err_set(err, RP_NO, "no conversation held yet: nothing to thank for");
  s = followup_thank_you(db, cfg, conv, id, err);
  if (s == RP_OK && conversation_id) *conversation_id = conv;
  return s;
}
