/* note.c — see rapport/conversation.h: the lines typed during a call. Each
 * line is one row, written in its own transaction before the screen shows
 * it. A referral line ('@') links the person it names, or creates them as
 * a contact introduced by the person on the call, in the same
 * transaction as the note. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "rapport/conversation.h"
#include "rapport/plan.h"
#include "rapport/text_limit.h"
#include "contact_internal.h"

#define NOTE_COLS "id, conversation_id, offset_s, tag, text, contact_ref, created_at, updated_at"

/* Frees the text; n is left zeroed. */
void note_free(struct rp_note *n) {
  free(n->text);
  memset(n, 0, sizeof *n);
}

/* Frees every note and the array; l is left empty. */
void note_list_free(struct rp_note_list *l) {
  for (size_t i = 0; i < l->n; i++) note_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

static enum rp_note_tag tag_from_name(const char *name) {
  for (int i = 1; i < 5; i++)
    if (name && strcmp(name, rp_note_tag_names[i]) == 0) return (enum rp_note_tag)i;
  return NOTE_PLAIN;
}

/* Fill n from the current row of a NOTE_COLS query; n owns the text. */
static void read_row(sqlite3_stmt *st, struct rp_note *n) {
  n->id = sqlite3_column_int64(st, 0);
  n->conversation_id = sqlite3_column_int64(st, 1);
  n->offset = sqlite3_column_int(st, 2);
  n->tag = tag_from_name((const char *)sqlite3_column_text(st, 3));
  n->text = db_col_text(st, 4);
  n->contact_ref = sqlite3_column_int64(st, 5);
  n->created_at = sqlite3_column_int64(st, 6);
  n->updated_at = sqlite3_column_int64(st, 7);
}

static void read_one(sqlite3_stmt *st, void *elem) { read_row(st, elem); }

/* One note; RP_NO when there is none. */
static enum rp_status note_get(struct rp_db *db, int64_t id, struct rp_note *n,
                               struct rp_err *err) {
  memset(n, 0, sizeof *n);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT " NOTE_COLS " FROM note WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) read_row(st, n);
  else if (rc == SQLITE_DONE) s = rp_err_set(err, RP_NO, "no note with id %lld", (long long)id);
  else s = db_fail(db, err, "read note");
  sqlite3_finalize(st);
  return s;
}

/* A typed line as its tag and its text (a new string, trimmed); RP_INVALID
 * (field "text") when nothing is left. */
static enum rp_status parse_line(const char *line, enum rp_note_tag *tag, char **text,
                                 struct rp_err *err) {
  const char *t;
  *tag = note_parse_tag(line, &t);
  *text = xstrdup(t);
  str_trim_null(text);
  if (*text) return RP_OK;
  return rp_err_field(
      err, RP_INVALID, "text",
      *tag ? "the note is empty: write something after the tag" : "the note is empty");
}

/* The live contact named `name` (ASCII case-insensitive), the oldest when
 * several; *id is 0 when there is none. */
static enum rp_status find_by_name(struct rp_db *db, const char *name, int64_t *id,
                                   struct rp_err *err) {
  *id = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT id FROM contact WHERE name = ?1 COLLATE NOCASE "
                                "AND " CONTACT_LIVE("") " ORDER BY id LIMIT 1",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
  else if (rc != SQLITE_DONE) s = db_fail(db, err, "find referral");
  sqlite3_finalize(st);
  return s;
}

/* The contact a referral names: linked by name, else created (organisation,
 * the note as their work, introduced by `introducer`, how known
 * "referral" when the config has that kind; no introducer when the
 * introducer was deleted meanwhile, in another window: the line is kept
 * all the same). Runs in the caller's transaction; *ref receives the
 * contact's id. */
static enum rp_status link_referral(struct rp_db *db, const struct rp_config *cfg, const char *text,
                                    int64_t introducer, int64_t *ref, struct rp_err *err) {
  *ref = 0;
  struct rp_referral r;
  enum rp_status s = referral_parse(text, &r, err);
  if (s != RP_OK) return s;
  s = find_by_name(db, r.name, ref, err);
  bool live = false;
  if (s == RP_OK && !*ref) s = contact_is_live(db, introducer, &live, err);
  if (s == RP_OK && !*ref) {
    struct rp_contact c;
    contact_init(&c);
    c.name = xstrdup(r.name);
    c.org = xstrdup(r.org);
    c.work = xstrdup(r.note);
    c.introduced_by = live ? introducer : 0;
    if (choices_find(&cfg->how_known, "referral")) c.how_known = xstrdup("referral");
    struct rp_err cerr;
    rp_err_clear(&cerr);
    s = contact_insert(db, cfg, &c, &cerr);
    if (s == RP_OK) {
      *ref = c.id;
    } else {
      char cb[128];
      rp_err_field(err, s, "referral", "could not add %s as a contact: %s",
                   str_clip(r.name, cb, sizeof cb), cerr.msg);
    }
    contact_free(&c);
  }
  referral_free(&r);
  return s;
}

/* The conversation's status, contact and start (a call reopened to
 * correct it: its end in *ended, else 0); RP_NO when there is none. */
static enum rp_status conv_state(struct rp_db *db, int64_t id, char **status, int64_t *contact,
                                 int64_t *started, int64_t *ended, struct rp_err *err) {
  *status = NULL;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(
      db, "SELECT status, contact_id, started_at, ended_at FROM conversation WHERE id = ?1", &st,
      err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *status = db_col_text(st, 0);
    *contact = sqlite3_column_int64(st, 1);
    *started = sqlite3_column_int64(st, 2);
    *ended = sqlite3_column_int64(st, 3);
  } else if (rc == SQLITE_DONE) {
    s = rp_err_set(err, RP_NO, "no conversation with id %lld", (long long)id);
  } else {
    s = db_fail(db, err, "read conversation");
  }
  sqlite3_finalize(st);
  return s;
}

/* Bind a referral's contact (0 = NULL). */
static void bind_ref(sqlite3_stmt *st, int idx, int64_t ref) {
  if (ref) sqlite3_bind_int64(st, idx, ref);
  else sqlite3_bind_null(st, idx);
}

/* See conversation.h. On failure nothing is written (not the note, not a
 * referral's contact) and *out (when given) is zeroed; on success *out is
 * the caller's to free with note_free. */
enum rp_status note_add(struct rp_db *db, const struct rp_config *cfg, int64_t conversation_id,
                        const char *line, struct rp_note *out, struct rp_err *err) {
  rp_err_clear(err);
  if (out) memset(out, 0, sizeof *out);
  enum rp_note_tag tag;
  char *text = NULL;
  if (line && text_too_long(strlen(line))) { /* text_limit.h */
    char *m = text_limit_message("the note", strlen(line));
    rp_err_set(err, RP_INVALID, "%s", m);
    free(m);
    return RP_INVALID;
  }
  enum rp_status s = parse_line(line, &tag, &text, err);
  if (s != RP_OK) return s;
  s = db_begin(db, err);
  if (s != RP_OK) {
    free(text);
    return s;
  }
  char *status = NULL;
  int64_t contact = 0, started = 0, ended = 0, ref = 0;
  s = conv_state(db, conversation_id, &status, &contact, &started, &ended, err);
  /* status is NOT NULL in the schema, but db_col_text returns NULL for NULL */
  if (s == RP_OK &&
      (!status || (strcmp(status, "live") != 0 && strcmp(status, "interrupted") != 0)))
    s = rp_err_field(err, RP_INVALID, "status",
                     "notes are taken during the call; this conversation is %s",
                     status ? status : "(no status)");
  free(status);
  if (s == RP_OK && tag == NOTE_REFERRAL) s = link_referral(db, cfg, text, contact, &ref, err);
  int64_t now = db_now();
  int64_t offset = started && now > started ? now - started : 0;
  if (ended && started && offset > ended - started) /* a correction: at the call's end */
    offset = ended > started ? ended - started : 0;
  if (offset > 0x7fffffff) offset = 0x7fffffff;
  sqlite3_stmt *st = NULL;
  if (s == RP_OK)
    s = db_prepare(db,
                   "INSERT INTO note (conversation_id, offset_s, tag, text, contact_ref, "
                   "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, conversation_id);
    sqlite3_bind_int64(st, 2, offset);
    sqlite3_bind_text(st, 3, rp_note_tag_names[tag], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
    bind_ref(st, 5, ref);
    sqlite3_bind_int64(st, 6, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save note");
  }
  sqlite3_finalize(st);
  int64_t id = s == RP_OK ? sqlite3_last_insert_rowid(db_handle(db)) : 0;
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s == RP_OK && out) {
    out->id = id;
    out->conversation_id = conversation_id;
    out->offset = (int)offset;
    out->tag = tag;
    out->text = text;
    out->contact_ref = ref;
    out->created_at = out->updated_at = now;
    text = NULL;
  }
  free(text);
  return s;
}

/* See conversation.h. One transaction; RP_NO for an unknown note. A
 * referral's contact created earlier stays in the journal when the line
 * no longer names them. */
enum rp_status note_update(struct rp_db *db, const struct rp_config *cfg, int64_t note_id,
                           const char *line, struct rp_err *err) {
  rp_err_clear(err);
  enum rp_note_tag tag;
  char *text = NULL;
  if (line && text_too_long(strlen(line))) { /* text_limit.h */
    char *m = text_limit_message("the note", strlen(line));
    rp_err_set(err, RP_INVALID, "%s", m);
    free(m);
    return RP_INVALID;
  }
  enum rp_status s = parse_line(line, &tag, &text, err);
  if (s != RP_OK) return s;
  s = db_begin(db, err);
  if (s != RP_OK) {
    free(text);
    return s;
  }
  struct rp_note old;
  char *status = NULL;
  int64_t contact = 0, started = 0, ended = 0, ref = 0;
  s = note_get(db, note_id, &old, err);
  if (s == RP_OK) s = conv_state(db, old.conversation_id, &status, &contact, &started, &ended, err);
  bool held = status && strcmp(status, "held") == 0;
  free(status);
  if (s == RP_OK && tag == NOTE_REFERRAL) s = link_referral(db, cfg, text, contact, &ref, err);
  sqlite3_stmt *st = NULL;
  if (s == RP_OK)
    s = db_prepare(db,
                   "UPDATE note SET tag = ?2, text = ?3, contact_ref = ?4, updated_at = ?5 "
                   "WHERE id = ?1",
                   &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, note_id);
    sqlite3_bind_text(st, 2, rp_note_tag_names[tag], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
    bind_ref(st, 4, ref);
    sqlite3_bind_int64(st, 5, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "save note");
  }
  sqlite3_finalize(st);
  /* a held conversation's follow-ups follow its corrected notes */
  if (s == RP_OK && held) s = plan_sync(db, cfg, old.conversation_id, err);
  note_free(&old);
  free(text);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* See conversation.h. One transaction; RP_NO when there is no such note.
 * A referral's contact stays. The open follow-ups made from the line
 * (plan.h: its action, reach-out, introducer thanks or promised update)
 * go with it; those done stay, no longer linked to it. */
enum rp_status note_delete(struct rp_db *db, int64_t note_id, struct rp_err *err) {
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  bool gone = false;
  sqlite3_stmt *st = NULL;
  static const char *const unlink[] = {
      "DELETE FROM followup WHERE note_id = ?1 AND status = 'open' AND origin IS NOT NULL",
      "UPDATE followup SET note_id = NULL WHERE note_id = ?1",
  };
  for (size_t i = 0; s == RP_OK && i < RP_ARRAY_LEN(unlink); i++) {
    s = db_prepare(db, unlink[i], &st, err);
    if (s != RP_OK) break;
    sqlite3_bind_int64(st, 1, note_id);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "delete follow-ups");
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = db_prepare(db, "DELETE FROM note WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, note_id);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "delete note");
    gone = s == RP_OK && sqlite3_changes(db_handle(db)) > 0;
    sqlite3_finalize(st);
  }
  if (s == RP_OK && !gone) s = rp_err_set(err, RP_NO, "no note with id %lld", (long long)note_id);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}

/* See conversation.h. Caller frees *out with note_list_free (left empty on
 * failure); a conversation without notes (or no such conversation) gives
 * an empty list. */
enum rp_status note_list(struct rp_db *db, int64_t conversation_id, struct rp_note_list *out,
                         struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT " NOTE_COLS
                                " FROM note WHERE conversation_id = ?1 "
                                "ORDER BY offset_s, id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, conversation_id);
  s = db_collect(db, st, sizeof *out->v, read_one, (void **)&out->v, &out->n, "list notes", err);
  if (s != RP_OK) note_list_free(out);
  return s;
}

/* See conversation.h: a plain note is its text alone. Caller frees. */
char *note_line(const struct rp_note *n) {
  const char *text = n->text ? n->text : "";
  if (n->tag <= NOTE_PLAIN || n->tag > NOTE_REFERRAL) return xstrdup(text);
  return xasprintf("%c %s", rp_note_tag_chars[n->tag], text);
}
