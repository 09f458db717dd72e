/* question.c — see rapport/question.h: the prioritised questions of one
 * conversation. Positions run 1, 2, 3 … within a conversation; every write
 * that changes them renumbers the whole list in one transaction, so a gap
 * or a tie left by an older journal heals itself. The warnings are pure
 * text checks over the config (question_checks and the ask check's
 * job-request phrases). */
#include "model/db_sql.h"
#include "rapport/question.h"

#include <stdlib.h>
#include <string.h>

#include "model/askcheck_internal.h"

#define QUESTION_COLS \
  "id, conversation_id, position, text, category, flags, gap_id, asked_at, created_at"

/* Frees the strings; q is left zeroed. */
void question_free(struct rp_question *q) {
  free(q->text);
  free(q->category);
  strv_free(&q->flags);
  memset(q, 0, sizeof *q);
}

/* Frees every question and the array; l is left empty. */
void question_list_free(struct rp_question_list *l) {
  for (size_t i = 0; i < l->n; i++) question_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* ---- helpers ---- */

/* "a,b" → ["a", "b"] appended to *out (empty parts skipped). */
static void split_flags(const char *s, struct rp_strv *out) {
  while (s && *s) {
    const char *e = strchr(s, ',');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n) {
      char *part = xstrndup(s, n);
      if (!strv_contains(out, part)) strv_push(out, part);
      free(part);
    }
    s = e ? e + 1 : NULL;
  }
}

/* The text trimmed, or RP_INVALID (field "text") when nothing is left.
 * *out is a new string on success. */
static enum rp_status clean_text(const char *text, char **out, struct rp_err *err) {
  *out = xstrdup(text);
  str_trim_null(out);
  if (!*out)
    return rp_err_field(err, RP_INVALID, "text",
                        "the question is empty: write what you want to ask");
  return RP_OK;
}

/* The conversation must exist. */
static enum rp_status check_conversation(struct rp_db *db, int64_t id, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT 1 FROM conversation WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE)
    s = rp_err_field(err, RP_INVALID, "conversation", "no conversation with id %lld",
                     (long long)id);
  else if (rc != SQLITE_ROW)
    s = db_fail(db, err, "read conversation");
  sqlite3_finalize(st);
  return s;
}

/* Insert q (text already clean) at the end of its conversation's list,
 * inside the caller's transaction; sets id, position, created_at. */
static enum rp_status insert_row(struct rp_db *db, struct rp_question *q, struct rp_err *err) {
  enum rp_status s = check_conversation(db, q->conversation_id, err);
  sqlite3_stmt *st = NULL;
  int position = 1;
  if (s == RP_OK)
    s = db_prepare(db, "SELECT coalesce(max(position), 0) + 1 FROM question "
                       "WHERE conversation_id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, q->conversation_id);
    if (sqlite3_step(st) == SQLITE_ROW) position = sqlite3_column_int(st, 0);
    else s = db_fail(db, err, "number question");
    sqlite3_finalize(st);
    st = NULL;
  }
  int64_t now = db_now();
  if (s == RP_OK)
    s = db_prepare(db,
                   "INSERT INTO question (conversation_id, position, text, category, flags, "
                   "gap_id, asked_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                   &st, err);
  if (s == RP_OK) {
    char *flags = strv_join(&q->flags, ",");
    sqlite3_bind_int64(st, 1, q->conversation_id);
    sqlite3_bind_int(st, 2, position);
    db_bind_text(st, 3, q->text);
    db_bind_text(st, 4, q->category);
    db_bind_text(st, 5, flags);
    if (q->gap_id) sqlite3_bind_int64(st, 6, q->gap_id);
    if (q->asked_at) sqlite3_bind_int64(st, 7, q->asked_at);
    sqlite3_bind_int64(st, 8, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "add question");
    free(flags);
    sqlite3_finalize(st);
  }
  if (s != RP_OK) return s;
  q->id = sqlite3_last_insert_rowid(db_handle(db));
  q->position = position;
  q->created_at = now;
  return RP_OK;
}

/* Insert inside a transaction of its own. */
static enum rp_status insert_one(struct rp_db *db, struct rp_question *q, struct rp_err *err) {
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  s = insert_row(db, q, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) q->id = 0;
  return s;
}

/* ---- writes ---- */

/* See question.h. The text is stored trimmed (q->text too); category,
 * flags, gap_id and asked_at are stored as given. */
enum rp_status question_add(struct rp_db *db, struct rp_question *q, struct rp_err *err) {
  rp_err_clear(err);
  q->id = 0;
  char *text;
  enum rp_status s = clean_text(q->text ? q->text : "", &text, err);
  if (s != RP_OK) return s;
  free(q->text);
  q->text = text;
  str_trim_null(&q->category);
  return insert_one(db, q, err);
}

/* See question.h. RP_INVALID with field "category" (listing the keys) or
 * "index" (naming the range) when there is no such bank question. */
enum rp_status question_add_from_bank(struct rp_db *db, const struct rp_config *cfg,
                                      int64_t conversation_id, const char *category_key,
                                      size_t index, int64_t *id, struct rp_err *err) {
  rp_err_clear(err);
  if (id) *id = 0;
  const struct rp_bank_category *cat = NULL;
  for (size_t i = 0; category_key && i < cfg->n_bank; i++)
    if (strcmp(cfg->bank[i].key, category_key) == 0) cat = &cfg->bank[i];
  char cb[128];
  if (!cat) {
    struct rp_buf b = {0};
    buf_adds(&b, "");
    for (size_t i = 0; i < cfg->n_bank; i++)
      buf_addf(&b, "%s%s", i ? ", " : "", cfg->bank[i].key);
    rp_err_field(err, RP_INVALID, "category", "no question bank category '%s'; one of: %s",
                 str_clip(category_key, cb, sizeof cb), b.len ? buf_str(&b) : "(none)");
    buf_free(&b);
    return RP_INVALID;
  }
  if (index >= cat->n_questions)
    return rp_err_field(err, RP_INVALID, "index",
                        "category '%s' has %zu questions; the index must be from 0 to %zu",
                        cat->key, cat->n_questions, cat->n_questions ? cat->n_questions - 1 : 0);
  struct rp_question q = {0};
  q.conversation_id = conversation_id;
  enum rp_status s = clean_text(cat->questions[index].text, &q.text, err);
  if (s == RP_OK) {
    q.category = xstrdup(cat->key);
    strv_copy(&q.flags, &cat->questions[index].flags);
    s = insert_one(db, &q, err);
  }
  if (s == RP_OK && id) *id = q.id;
  question_free(&q);
  return s;
}

/* See question.h. The gap must be a worksheet item of the section "gap";
 * on RP_NO *id is the existing question. One transaction. */
enum rp_status question_add_from_gap(struct rp_db *db, int64_t conversation_id, int64_t gap_id,
                                     int64_t *id, struct rp_err *err) {
  rp_err_clear(err);
  if (id) *id = 0;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_question q = {0};
  q.conversation_id = conversation_id;
  q.gap_id = gap_id;
  sqlite3_stmt *st;
  s = db_prepare(db, "SELECT section, title FROM ws_item WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, gap_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "gap") == 0)
      s = clean_text((const char *)sqlite3_column_text(st, 1), &q.text, err);
    else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
      s = rp_err_field(err, RP_INVALID, "gap", "no information gap with id %lld",
                       (long long)gap_id);
    else
      s = db_fail(db, err, "read gap");
    sqlite3_finalize(st);
  }
  if (s == RP_OK)
    s = db_prepare(db, "SELECT id FROM question WHERE conversation_id = ?1 AND gap_id = ?2",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, conversation_id);
    sqlite3_bind_int64(st, 2, gap_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      if (id) *id = sqlite3_column_int64(st, 0);
      s = rp_err_set(err, RP_NO, "this gap is already a question of the conversation");
    } else if (rc != SQLITE_DONE) {
      s = db_fail(db, err, "read questions");
    }
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = insert_row(db, &q, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s == RP_OK && id) *id = q.id;
  question_free(&q);
  return s;
}

/* Run one statement on question `id` (bind 1 = id, 2 = value or NULL);
 * RP_NO when there is no such question. Own transaction. */
static enum rp_status update_one(struct rp_db *db, const char *sql, int64_t id, const char *text,
                                 int64_t value, const char *what, struct rp_err *err) {
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st;
  bool changed = false;
  s = db_prepare(db, sql, &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    if (text) db_bind_text(st, 2, text);
    else if (value) sqlite3_bind_int64(st, 2, value);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, what);
    changed = s == RP_OK && sqlite3_changes(db_handle(db)) > 0;
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s == RP_OK && !changed)
    return rp_err_set(err, RP_NO, "no question with id %lld", (long long)id);
  return s;
}

/* See question.h: the text is stored trimmed. */
enum rp_status question_update_text(struct rp_db *db, int64_t id, const char *text,
                                    struct rp_err *err) {
  rp_err_clear(err);
  char *clean;
  enum rp_status s = clean_text(text ? text : "", &clean, err);
  if (s == RP_OK)
    s = update_one(db, "UPDATE question SET text = ?2 WHERE id = ?1", id, clean, 0,
                   "edit question", err);
  free(clean);
  return s;
}

/* See question.h: asked_at = now, or NULL when !asked. */
enum rp_status question_set_asked(struct rp_db *db, int64_t id, bool asked, struct rp_err *err) {
  rp_err_clear(err);
  return update_one(db, "UPDATE question SET asked_at = ?2 WHERE id = ?1", id, NULL,
                    asked ? db_now() : 0, "mark question asked", err);
}

/* The conversation of question `id`; RP_NO when there is none. */
static enum rp_status conversation_of(struct rp_db *db, int64_t id, int64_t *conv,
                                      struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT conversation_id FROM question WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *conv = sqlite3_column_int64(st, 0);
  else if (rc == SQLITE_DONE) s = rp_err_set(err, RP_NO, "no question with id %lld", (long long)id);
  else s = db_fail(db, err, "read question");
  sqlite3_finalize(st);
  return s;
}

/* Renumber conversation `conv` 1, 2, 3 … in its current order, with
 * question `moved` (0 = none) taken out and put back `delta` places from
 * where it was (stopping at either end). Inside the caller's transaction. */
static enum rp_status renumber(struct rp_db *db, int64_t conv, int64_t moved, int delta,
                               struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT id FROM question WHERE conversation_id = ?1 "
                                    "ORDER BY position, id", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, conv);
  int64_t *ids = NULL;
  size_t n = 0, cap = 0, at = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      cap = cap ? 2 * cap : 16;
      ids = xrealloc(ids, cap * sizeof *ids);
    }
    if (sqlite3_column_int64(st, 0) == moved) at = n;
    ids[n++] = sqlite3_column_int64(st, 0);
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "read questions");
  sqlite3_finalize(st);
  if (s == RP_OK && moved && n) {
    long to = (long)at + delta;
    if (to < 0) to = 0;
    if (to > (long)n - 1) to = (long)n - 1;
    int64_t m = ids[at];
    if ((size_t)to < at) memmove(ids + to + 1, ids + to, (at - (size_t)to) * sizeof *ids);
    else memmove(ids + at, ids + at + 1, ((size_t)to - at) * sizeof *ids);
    ids[to] = m;
  }
  sqlite3_stmt *up = NULL;
  if (s == RP_OK)
    s = db_prepare(db, "UPDATE question SET position = ?2 WHERE id = ?1 AND position <> ?2", &up,
                   err);
  for (size_t i = 0; s == RP_OK && i < n; i++) {
    sqlite3_reset(up);
    sqlite3_bind_int64(up, 1, ids[i]);
    sqlite3_bind_int64(up, 2, (int64_t)i + 1);
    if (sqlite3_step(up) != SQLITE_DONE) s = db_fail(db, err, "renumber questions");
  }
  sqlite3_finalize(up);
  free(ids);
  return s;
}

/* See question.h. The questions after it move up one place. */
enum rp_status question_delete(struct rp_db *db, int64_t id, struct rp_err *err) {
  rp_err_clear(err);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  int64_t conv = 0;
  s = conversation_of(db, id, &conv, err);
  sqlite3_stmt *st;
  if (s == RP_OK) s = db_prepare(db, "DELETE FROM question WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "delete question");
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = renumber(db, conv, 0, 0, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  return s;
}

/* See question.h. RP_NO when there is no question `id`. */
enum rp_status question_move(struct rp_db *db, int64_t id, int delta, struct rp_err *err) {
  rp_err_clear(err);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  int64_t conv = 0;
  s = conversation_of(db, id, &conv, err);
  if (s == RP_OK) s = renumber(db, conv, id, delta, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  return s;
}

/* ---- reads ---- */

/* One question from a QUESTION_COLS row. */
static void read_question(sqlite3_stmt *st, void *elem) {
  struct rp_question *q = elem;
  q->id = sqlite3_column_int64(st, 0);
  q->conversation_id = sqlite3_column_int64(st, 1);
  q->position = sqlite3_column_int(st, 2);
  q->text = db_col_text(st, 3);
  q->category = db_col_text(st, 4);
  split_flags((const char *)sqlite3_column_text(st, 5), &q->flags);
  q->gap_id = sqlite3_column_int64(st, 6);
  q->asked_at = sqlite3_column_int64(st, 7);
  q->created_at = sqlite3_column_int64(st, 8);
}

/* See question.h. Caller frees *out with question_list_free (left empty on
 * failure). An unknown conversation has no questions. */
enum rp_status question_list(struct rp_db *db, int64_t conversation_id,
                             struct rp_question_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT " QUESTION_COLS " FROM question WHERE conversation_id = ?1 "
                                "ORDER BY position, id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, conversation_id);
  s = db_collect(db, st, sizeof *out->v, read_question, (void **)&out->v, &out->n,
                 "list questions", err);
  if (s != RP_OK) question_list_free(out);
  return s;
}

/* ---- warnings ---- */

/* True when a check limited to `levels` applies to someone at `seniority`
 * (an unknown seniority matches no level). */
static bool applies_to(const struct rp_strv *levels, const char *seniority) {
  return levels->n == 0 || (seniority && strv_contains(levels, seniority));
}

static bool any_phrase(const char *text, const struct rp_strv *phrases) {
  for (size_t i = 0; i < phrases->n; i++)
    if (askcheck_has_phrase(text, phrases->v[i])) return true;
  return false;
}

static void push_once(struct rp_strv *out, const char *label, const char *advice) {
  char *line = xasprintf("%s: %s", label, advice);
  if (!strv_contains(out, line)) strv_push(out, line);
  free(line);
}

/* See question.h. In the order of cfg->question_flags, then the job-request
 * phrases of the ask check (reported as the "job-ask" check when the config
 * has one, so a job ask warns once). A line already in *out is not added
 * again. */
void question_warnings(const struct rp_config *cfg, const struct rp_question *q,
                       const char *seniority, struct rp_strv *out) {
  if (!cfg || !q) return;
  const char *text = q->text ? q->text : "";
  const struct rp_question_flag *job_flag = NULL;
  for (size_t i = 0; i < cfg->n_question_flags; i++) {
    const struct rp_question_flag *f = &cfg->question_flags[i];
    if (strcmp(f->key, "job-ask") == 0) job_flag = f;
    if (!applies_to(&f->seniority, seniority)) continue;
    if (strv_contains(&q->flags, f->key) || any_phrase(text, &f->phrases))
      push_once(out, f->label ? f->label : f->key, f->advice ? f->advice : "");
  }
  for (size_t i = 0; i < cfg->n_ask_categories; i++) {
    const struct rp_ask_category *c = &cfg->ask_categories[i];
    if (strcmp(c->key, "job-request") != 0 || !any_phrase(text, &c->phrases)) continue;
    if (job_flag && !applies_to(&job_flag->seniority, seniority)) continue;
    if (job_flag)
      push_once(out, job_flag->label ? job_flag->label : job_flag->key,
                job_flag->advice ? job_flag->advice : "");
    else
      push_once(out, c->label ? c->label : c->key, c->suggestion ? c->suggestion : "");
  }
}
