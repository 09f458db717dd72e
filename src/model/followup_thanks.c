/* followup_thanks.c — see rapport/followup.h: the thank-you after a held
 * conversation, made once per conversation from the config's template, the
 * conversation's objective and its notes (read here with plain SQL, so this
 * file needs nothing of conversation.c). */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/followup_internal.h"
#include "rapport/askcheck.h"
#include "rapport/followup.h"

/* What the thank-you is made of. */
struct thanks_input {
  int64_t contact_id, ended_at;
  char *objective, *status;
  char *name, *seniority;
  bool traditional;
  char *note; /* the first insight, else the first note; NULL when none */
};

static void thanks_input_free(struct thanks_input *in) {
  free(in->objective);
  free(in->status);
  free(in->name);
  free(in->seniority);
  free(in->note);
}

/* Read the conversation, its contact and its first insight (else first
 * note). RP_INVALID (field "conversation") when there is none. */
static enum rp_status read_thanks_input(struct rp_db *db, int64_t conv, struct thanks_input *in,
                                        struct rp_err *err) {
  sqlite3_stmt *st;
  bool found = false;
  enum rp_status s = db_prepare(db, "SELECT contact_id, ended_at, objective, status "
                                    "FROM conversation WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  s = followup_step_one(db, st, conv, &found, "read conversation", err);
  if (s == RP_OK && found) {
    in->contact_id = sqlite3_column_int64(st, 0);
    in->ended_at = sqlite3_column_int64(st, 1);
    in->objective = db_col_text(st, 2);
    in->status = db_col_text(st, 3);
  }
  sqlite3_finalize(st);
  if (s != RP_OK) return s;
  if (!found)
    return rp_err_field(err, RP_INVALID, "conversation", "no conversation with id %lld",
                        (long long)conv);
  s = db_prepare(db,
                 "SELECT name, seniority, EXISTS (SELECT 1 FROM contact_tag t "
                 "WHERE t.contact_id = c.id AND t.tag = 'traditional') "
                 "FROM contact c WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  s = followup_step_one(db, st, in->contact_id, &found, "read contact", err);
  if (s == RP_OK && found) {
    in->name = db_col_text(st, 0);
    in->seniority = db_col_text(st, 1);
    in->traditional = sqlite3_column_int(st, 2) != 0;
  }
  sqlite3_finalize(st);
  if (s != RP_OK) return s;
  s = db_prepare(db, "SELECT text FROM note WHERE conversation_id = ?1 "
                     "ORDER BY tag = 'insight' DESC, offset_s, id LIMIT 1", &st, err);
  if (s != RP_OK) return s;
  s = followup_step_one(db, st, conv, &found, "read notes", err);
  if (s == RP_OK && found) in->note = db_col_text(st, 0);
  sqlite3_finalize(st);
  return s;
}

/* See followup_internal.h. */
char *followup_first_name(const char *name) {
  static const char *const titles[] = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs",
                                       "mrs.", "ms", "ms.", "mx", "mx.", "sir", "dame"};
  if (!name) return NULL;
  while (str_is_space(*name)) name++;
  size_t n = 0;
  while (name[n] && !str_is_space(name[n])) n++;
  char *first = xstrndup(name, n);
  for (size_t i = 0; i < RP_ARRAY_LEN(titles); i++)
    if (str_ieq(first, titles[i]) && name[n]) {
      free(first);
      first = xstrdup(name);
      str_trim_null(&first);
      break;
    }
  return first;
}

/* True when text has one of the thank-you's placeholders. */
static bool has_placeholder(const char *text) {
  return text && (strstr(text, "{name}") || strstr(text, "{insight}") ||
                  strstr(text, "{objective}"));
}

static bool sentence_end(const char *t, size_t i) {
  return (t[i] == '.' || t[i] == '!' || t[i] == '?') &&
         (t[i + 1] == '\0' || str_is_space(t[i + 1]));
}

/* Remove from *text the sentence around bytes [at, at + n): from the end of
 * the previous sentence (or paragraph) to the end of this one with the
 * blanks after it, never across a blank line. */
static void drop_sentence(char **text, size_t at, size_t n) {
  char *t = *text;
  size_t s = at;
  while (s > 0 && !sentence_end(t, s - 1) && !(t[s - 1] == '\n' && s >= 2 && t[s - 2] == '\n'))
    s--;
  while (t[s] == ' ' || t[s] == '\t') s++;
  size_t e = at + n;
  while (t[e] && !sentence_end(t, e) && !(t[e] == '\n' && t[e + 1] == '\n')) e++;
  if (sentence_end(t, e)) e++;
  while (t[e] == ' ' || t[e] == '\t') e++;
  memmove(t + s, t + e, strlen(t + e) + 1);
}

/* Tidy a text after sentences were dropped: no blanks at the end of a line,
 * no more than one blank line in a row, none at the start. */
static void tidy(char *t) {
  size_t w = 0, nl = 0;
  bool started = false;
  for (size_t r = 0; t[r]; r++) {
    if (t[r] == '\n') {
      while (w > 0 && (t[w - 1] == ' ' || t[w - 1] == '\t')) w--;
      if (started && ++nl <= 2) t[w++] = '\n';
      continue;
    }
    if (!started && str_is_space(t[r])) continue;
    started = true;
    nl = 0;
    t[w++] = t[r];
  }
  while (w > 0 && (t[w - 1] == ' ' || t[w - 1] == '\t')) w--;
  t[w] = '\0';
}

/* The thank-you text from tmpl: {name} (the first name), {insight} and
 * {objective} filled in; a placeholder with nothing to fill it takes its
 * sentence with it ({name}: only itself and the blanks before it), so no
 * placeholder is ever stored. Caller frees. */
static char *thanks_fill(const char *tmpl, const struct thanks_input *in) {
  char *first = followup_first_name(in->name);
  static const char *const keys[] = {"name", "insight", "objective"};
  const char *const values[] = {first, in->note, in->objective};
  char *t = xstrdup(tmpl ? tmpl : "");
  bool dropped = false;
  for (size_t k = 0; k < RP_ARRAY_LEN(keys); k++) {
    if (!str_empty(values[k])) continue;
    char *ph = xasprintf("{%s}", keys[k]);
    for (char *hit = strstr(t, ph); hit; hit = strstr(t, ph)) {
      size_t at = (size_t)(hit - t), n = strlen(ph);
      if (k == 0) {
        while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t')) at--, n++;
        memmove(t + at, t + at + n, strlen(t + at + n) + 1);
      } else {
        drop_sentence(&t, at, n);
      }
      dropped = true;
    }
    free(ph);
  }
  if (dropped) tidy(t);
  char *out = draft_fill(t, keys, values, RP_ARRAY_LEN(keys));
  free(t);
  free(first);
  return out;
}

/* See followup_internal.h. */
enum rp_status followup_thanks_fill(struct rp_db *db, int64_t conv, char **draft,
                                    struct rp_err *err) {
  if (!has_placeholder(*draft)) return RP_OK;
  struct thanks_input in = {0};
  enum rp_status s = read_thanks_input(db, conv, &in, err);
  if (s == RP_OK) {
    char *filled = thanks_fill(*draft, &in);
    free(*draft);
    *draft = filled;
  }
  thanks_input_free(&in);
  return s;
}

/* The id of conversation `conv`'s thank-you, or 0. */
static enum rp_status existing_thanks(struct rp_db *db, int64_t conv, int64_t *id,
                                      struct rp_err *err) {
  *id = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT id FROM followup WHERE conversation_id = ?1 "
                                    "AND kind = 'thank-you' ORDER BY id LIMIT 1", &st, err);
  if (s != RP_OK) return s;
  bool found;
  s = followup_step_one(db, st, conv, &found, "read follow-ups", err);
  if (s == RP_OK && found) *id = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return s;
}

static enum rp_status insert_thanks(struct rp_db *db, const struct rp_config *cfg, int64_t conv,
                                    const struct thanks_input *in, int64_t *id,
                                    struct rp_err *err) {
  char *due = date_local(in->ended_at ? in->ended_at : db_now(), cfg->thank_you_days);
  bool hand = in->traditional ||
              (in->seniority && strv_contains(&cfg->handwritten_seniority, in->seniority));
  char *draft = thanks_fill(cfg->thank_you_template, in);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "INSERT INTO followup (contact_id, conversation_id, kind, due, "
                                "medium, draft, status, auto, created_at, updated_at) "
                                "VALUES (?1, ?2, 'thank-you', ?3, ?4, ?5, 'open', 1, ?6, ?6)",
                                &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, in->contact_id);
    sqlite3_bind_int64(st, 2, conv);
    db_bind_text(st, 3, due);
    db_bind_text(st, 4, hand ? "handwritten" : "email");
    db_bind_text(st, 5, draft);
    sqlite3_bind_int64(st, 6, db_now());
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "add thank-you");
    sqlite3_finalize(st);
  }
  if (s == RP_OK) *id = sqlite3_last_insert_rowid(db_handle(db));
  free(draft);
  free(due);
  return s;
}

/* A draft stored by an older version with raw placeholders: filled now. */
static enum rp_status refill_old_draft(struct rp_db *db, int64_t conv, int64_t id,
                                       struct rp_err *err) {
  sqlite3_stmt *st;
  bool found;
  char *draft = NULL;
  enum rp_status s = db_prepare(db, "SELECT draft FROM followup WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  s = followup_step_one(db, st, id, &found, "read the thank-you", err);
  if (s == RP_OK && found) draft = db_col_text(st, 0);
  sqlite3_finalize(st);
  if (s == RP_OK && has_placeholder(draft)) {
    s = followup_thanks_fill(db, conv, &draft, err);
    if (s == RP_OK) s = db_prepare(db, "UPDATE followup SET draft = ?2 WHERE id = ?1", &st, err);
    if (s == RP_OK) {
      sqlite3_bind_int64(st, 1, id);
      db_bind_text(st, 2, draft);
      if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "fill the thank-you");
      sqlite3_finalize(st);
    }
  }
  free(draft);
  return s;
}

/* See followup.h. One transaction. The conversation must be held (or
 * interrupted: the call happened); its ended_at (else now) gives the day. */
enum rp_status followup_thank_you(struct rp_db *db, const struct rp_config *cfg,
                                  int64_t conversation_id, int64_t *id, struct rp_err *err) {
  rp_err_clear(err);
  int64_t got = 0;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  s = existing_thanks(db, conversation_id, &got, err);
  if (s == RP_OK && !got) {
    struct thanks_input in = {0};
    s = read_thanks_input(db, conversation_id, &in, err);
    if (s == RP_OK && strcmp(in.status, "held") != 0 && strcmp(in.status, "interrupted") != 0)
      s = rp_err_field(err, RP_INVALID, "conversation",
                       "the conversation is %s: a thank-you follows a conversation held",
                       in.status);
    if (s == RP_OK) s = insert_thanks(db, cfg, conversation_id, &in, &got, err);
    thanks_input_free(&in);
  } else if (s == RP_OK) {
    s = refill_old_draft(db, conversation_id, got, err);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (id) *id = s == RP_OK ? got : 0;
  return s;
}

