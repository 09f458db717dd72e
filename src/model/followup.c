/* followup.c — see rapport/followup.h: what you owe people after a
 * conversation. The thank-you is made once per conversation from the
 * config's template, the conversation's objective and its notes (read here
 * with plain SQL, so this file needs nothing of conversation.c); marking it
 * sent moves the contact to "thanked" in the same transaction. The
 * specificity check is pure text. */
#include "rapport/followup.h"

#include <stdlib.h>
#include <string.h>

#include "model/askcheck_internal.h"
#include "model/contact_internal.h"
#include "rapport/askcheck.h"
#include "rapport/utf8.h"

#define FOLLOWUP_COLS                                                                      \
  "f.id, f.contact_id, c.name, f.conversation_id, f.kind, f.due, f.medium, f.draft, "     \
  "f.status, f.done_at, f.created_at, f.updated_at"
#define FOLLOWUP_FROM " FROM followup f JOIN contact c ON c.id = f.contact_id"

/* Frees the strings; f is left zeroed. */
void followup_free(struct rp_followup *f) {
  free(f->contact_name);
  free(f->kind);
  free(f->due);
  free(f->medium);
  free(f->draft);
  free(f->status);
  memset(f, 0, sizeof *f);
}

/* Frees every follow-up and the array; l is left empty. */
void followup_list_free(struct rp_followup_list *l) {
  for (size_t i = 0; i < l->n; i++) followup_free(&l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* ---- the thank-you ---- */

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

/* One row of a one-row query (bind 1 = id); *found false when none. */
static enum rp_status step_one(struct rp_db *db, sqlite3_stmt *st, int64_t id, bool *found,
                               const char *what, struct rp_err *err) {
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  *found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, err, what);
  return RP_OK;
}

/* Read the conversation, its contact and its first insight (else first
 * note). RP_INVALID (field "conversation") when there is none or it was
 * not held. */
static enum rp_status read_thanks_input(struct rp_db *db, int64_t conv, struct thanks_input *in,
                                        struct rp_err *err) {
  sqlite3_stmt *st;
  bool found = false;
  enum rp_status s = db_prepare(db, "SELECT contact_id, ended_at, objective, status "
                                    "FROM conversation WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  s = step_one(db, st, conv, &found, "read conversation", err);
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
  if (strcmp(in->status, "held") != 0 && strcmp(in->status, "interrupted") != 0)
    return rp_err_field(err, RP_INVALID, "conversation",
                        "the conversation is %s: a thank-you follows a conversation held",
                        in->status);
  s = db_prepare(db,
                 "SELECT name, seniority, EXISTS (SELECT 1 FROM contact_tag t "
                 "WHERE t.contact_id = c.id AND t.tag = 'traditional') "
                 "FROM contact c WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  s = step_one(db, st, in->contact_id, &found, "read contact", err);
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
  s = step_one(db, st, conv, &found, "read notes", err);
  if (s == RP_OK && found) in->note = db_col_text(st, 0);
  sqlite3_finalize(st);
  return s;
}

/* The first name: the first word of `name`, or the whole name when that
 * word is a title ("Dr. Ada Lovelace" stays whole). Caller frees. */
static char *first_name(const char *name) {
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

/* The id of conversation `conv`'s thank-you, or 0. */
static enum rp_status existing_thanks(struct rp_db *db, int64_t conv, int64_t *id,
                                      struct rp_err *err) {
  *id = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT id FROM followup WHERE conversation_id = ?1 "
                                    "AND kind = 'thank-you' ORDER BY id LIMIT 1", &st, err);
  if (s != RP_OK) return s;
  bool found;
  s = step_one(db, st, conv, &found, "read follow-ups", err);
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
  char *first = first_name(in->name);
  static const char *const keys[] = {"name", "insight", "objective"};
  const char *const values[] = {first, in->note, in->objective};
  char *draft = draft_fill(cfg->thank_you_template, keys, values, RP_ARRAY_LEN(keys));
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "INSERT INTO followup (contact_id, conversation_id, kind, due, "
                                "medium, draft, status, created_at, updated_at) "
                                "VALUES (?1, ?2, 'thank-you', ?3, ?4, ?5, 'open', ?6, ?6)",
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
  free(first);
  free(due);
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
    if (s == RP_OK) s = insert_thanks(db, cfg, conversation_id, &in, &got, err);
    thanks_input_free(&in);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (id) *id = s == RP_OK ? got : 0;
  return s;
}

/* ---- reads ---- */

static void read_row(sqlite3_stmt *st, struct rp_followup *f) {
  memset(f, 0, sizeof *f);
  f->id = sqlite3_column_int64(st, 0);
  f->contact_id = sqlite3_column_int64(st, 1);
  f->contact_name = db_col_text(st, 2);
  f->conversation_id = sqlite3_column_int64(st, 3);
  f->kind = db_col_text(st, 4);
  f->due = db_col_text(st, 5);
  f->medium = db_col_text(st, 6);
  f->draft = db_col_text(st, 7);
  f->status = db_col_text(st, 8);
  f->done_at = sqlite3_column_int64(st, 9);
  f->created_at = sqlite3_column_int64(st, 10);
  f->updated_at = sqlite3_column_int64(st, 11);
}

/* See followup.h. *f (caller frees with followup_free) is zeroed on
 * failure; RP_NO when there is no follow-up `id`. */
enum rp_status followup_get(struct rp_db *db, int64_t id, struct rp_followup *f,
                            struct rp_err *err) {
  memset(f, 0, sizeof *f);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT " FOLLOWUP_COLS FOLLOWUP_FROM " WHERE f.id = ?1",
                                &st, err);
  if (s != RP_OK) return s;
  bool found;
  s = step_one(db, st, id, &found, "read follow-up", err);
  if (s == RP_OK && found) read_row(st, f);
  else if (s == RP_OK) s = rp_err_set(err, RP_NO, "no follow-up with id %lld", (long long)id);
  sqlite3_finalize(st);
  return s;
}

/* See followup.h. Open follow-ups of contacts that are not deleted, by due
 * day then id. Caller frees *out with followup_list_free. */
enum rp_status followup_list_open(struct rp_db *db, int64_t contact_id,
                                  struct rp_followup_list *out, struct rp_err *err) {
  out->v = NULL;
  out->n = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT " FOLLOWUP_COLS FOLLOWUP_FROM
                                " WHERE f.status = 'open' AND c.deleted_at IS NULL "
                                "AND (?1 = 0 OR f.contact_id = ?1) ORDER BY f.due, f.id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, contact_id);
  size_t cap = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (out->n == cap) {
      cap = cap ? 2 * cap : 8;
      out->v = xrealloc(out->v, cap * sizeof *out->v);
    }
    read_row(st, &out->v[out->n++]);
  }
  if (rc != SQLITE_DONE) s = db_fail(db, err, "list follow-ups");
  sqlite3_finalize(st);
  if (s != RP_OK) followup_list_free(out);
  return s;
}

/* ---- writes ---- */

/* See followup.h. due and medium are trimmed in f; the draft is stored as
 * it is (NULL or "" clears it). RP_INVALID with field "due" or "medium";
 * RP_NO when there is no follow-up f->id. Sets f->updated_at. */
enum rp_status followup_update(struct rp_db *db, struct rp_followup *f, struct rp_err *err) {
  rp_err_clear(err);
  str_trim_null(&f->due);
  str_trim_null(&f->medium);
  char cb[128];
  if (!date_valid(f->due))
    return rp_err_field(err, RP_INVALID, "due", "due must be a real date as YYYY-MM-DD, not '%s'",
                        str_clip(f->due ? f->due : "", cb, sizeof cb));
  if (!f->medium)
    return rp_err_field(err, RP_INVALID, "medium",
                        "medium is empty: say how you will send it (email, handwritten, …)");
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st;
  int64_t now = db_now();
  bool changed = false;
  s = db_prepare(db, "UPDATE followup SET draft = ?2, due = ?3, medium = ?4, updated_at = ?5 "
                     "WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, f->id);
    db_bind_text(st, 2, f->draft);
    db_bind_text(st, 3, f->due);
    db_bind_text(st, 4, f->medium);
    sqlite3_bind_int64(st, 5, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "update follow-up");
    changed = s == RP_OK && sqlite3_changes(db_handle(db)) > 0;
    sqlite3_finalize(st);
  }
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) return s;
  if (!changed) return rp_err_set(err, RP_NO, "no follow-up with id %lld", (long long)f->id);
  f->updated_at = now;
  return RP_OK;
}

/* See followup.h. `status` is "sent", "skipped" or "open" (undoes either;
 * the contact's stage stays). done_at is now for sent and skipped. RP_NO
 * when there is no follow-up `id`. */
enum rp_status followup_mark(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                             const char *status, struct rp_err *err) {
  rp_err_clear(err);
  char cb[128];
  if (!status || (strcmp(status, "sent") != 0 && strcmp(status, "skipped") != 0 &&
                  strcmp(status, "open") != 0))
    return rp_err_field(err, RP_INVALID, "status", "status '%s' is not one of: sent, skipped, open",
                        str_clip(status ? status : "", cb, sizeof cb));
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  sqlite3_stmt *st;
  int64_t contact = 0;
  bool thanks = false, found = false;
  s = db_prepare(db, "SELECT contact_id, kind = 'thank-you' FROM followup WHERE id = ?1", &st,
                 err);
  if (s == RP_OK) {
    s = step_one(db, st, id, &found, "read follow-up", err);
    if (s == RP_OK && found) {
      contact = sqlite3_column_int64(st, 0);
      thanks = sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_finalize(st);
  }
  if (s == RP_OK && !found) s = rp_err_set(err, RP_NO, "no follow-up with id %lld", (long long)id);
  int64_t now = db_now();
  bool open = strcmp(status, "open") == 0;
  if (s == RP_OK)
    s = db_prepare(db, "UPDATE followup SET status = ?2, done_at = ?3, updated_at = ?4 "
                       "WHERE id = ?1", &st, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    db_bind_text(st, 2, status);
    if (!open) sqlite3_bind_int64(st, 3, now);
    sqlite3_bind_int64(st, 4, now);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "mark follow-up");
    sqlite3_finalize(st);
  }
  if (s == RP_OK && thanks && strcmp(status, "sent") == 0)
    s = contact_advance_stage(db, cfg, contact, "thanked", err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  return s;
}

/* ---- the specificity check ---- */

/* Common English words of four letters or more that name nothing. */
static const char *const stopwords[] = {
    "about",   "above",   "across",  "after",   "again",   "against", "almost",  "along",
    "already", "also",    "although", "always", "among",   "another", "anyone",  "anything",
    "around",  "back",    "because", "been",    "before",  "being",   "below",   "best",
    "better",  "between", "both",    "came",    "cannot",  "come",    "could",   "dear",
    "didn't",  "does",    "doing",   "done",    "down",    "during",  "each",    "either",
    "else",    "enough",  "even",    "ever",    "every",   "everything", "feel", "felt",
    "find",    "first",   "following", "from",  "further", "gave",    "give",    "given",
    "going",   "gone",    "got",     "great",   "had",     "have",    "having",  "hello",
    "here",    "hers",    "herself", "himself", "hope",    "into",    "it's",    "itself",
    "just",    "keep",    "kind",    "know",    "last",    "later",   "least",   "less",
    "like",    "little",  "look",    "looking", "made",    "make",    "making",  "many",
    "maybe",   "might",   "mine",    "more",    "most",    "much",    "must",    "myself",
    "need",    "never",   "next",    "nice",    "none",    "nothing", "once",    "only",
    "other",   "others",  "ours",    "ourselves", "over",  "own",     "part",    "please",
    "quite",   "rather",  "really",  "said",    "same",    "saying",  "says",    "seem",
    "seemed",  "shall",   "should",  "since",   "some",    "someone", "something", "still",
    "such",    "sure",    "take",    "taken",   "taking",  "tell",    "than",    "that",
    "that's",  "their",   "theirs",  "them",    "themselves", "then", "there",   "these",
    "they",    "thing",   "things",  "think",   "this",    "those",   "though",  "thought",
    "through", "today",   "together", "told",   "took",    "towards", "under",   "until",
    "upon",    "very",    "want",    "wanted",  "well",    "went",    "were",    "what",
    "whatever", "when",   "where",   "whether", "which",   "while",   "whom",    "whose",
    "will",    "with",    "within",  "without", "wish",    "would",   "year",    "years",
    "you'd",   "you're",  "your",    "yours",   "yourself", "yourselves",
};

/* A word of the text: [start, end) bytes, folded (small letters). */
struct word {
  size_t start, end;
  char *folded;
  size_t letters;
};

/* The next word of text from *pos (letters and digits, with an apostrophe
 * inside a word kept: "don't"); false at the end. */
static bool next_word(const char *text, size_t len, size_t *pos, struct word *w) {
  size_t p = *pos;
  uint32_t cp;
  while (p < len) {
    size_t k = utf8_decode(text + p, len - p, &cp);
    if (askcheck_word_cp(cp)) break;
    p += k;
  }
  if (p >= len) {
    *pos = len;
    return false;
  }
  struct rp_buf b = {0};
  buf_adds(&b, "");
  w->start = p;
  w->letters = 0;
  while (p < len) {
    size_t k = utf8_decode(text + p, len - p, &cp);
    uint32_t f = askcheck_fold_cp(cp);
    if (f == '\'' && p + k < len) { /* an apostrophe between letters */
      uint32_t nx;
      utf8_decode(text + p + k, len - p - k, &nx);
      if (!askcheck_word_cp(nx)) break;
    } else if (!askcheck_word_cp(cp)) {
      break;
    }
    char enc[4];
    buf_add(&b, enc, utf8_encode(f, enc));
    if (f != '\'') w->letters++;
    p += k;
  }
  w->end = p;
  w->folded = buf_steal(&b);
  *pos = p;
  return true;
}

static bool is_stopword(const struct rp_config *cfg, const char *folded) {
  for (size_t i = 0; i < RP_ARRAY_LEN(stopwords); i++)
    if (strcmp(stopwords[i], folded) == 0) return true;
  for (size_t i = 0; cfg && i < cfg->specific_stopwords.n; i++) {
    char *f = NULL;
    size_t pos = 0;
    struct word w;
    const char *s = cfg->specific_stopwords.v[i];
    if (next_word(s, strlen(s), &pos, &w)) f = w.folded;
    bool same = f && strcmp(f, folded) == 0;
    free(f);
    if (same) return true;
  }
  return false;
}

/* See followup.h. The words are compared whole and folded ("Écoles" in the
 * notes matches "écoles" in the draft); each shared word is appended once,
 * as written in the notes, in the order of the notes. */
bool followup_specific(const struct rp_config *cfg, const char *draft,
                       const struct rp_strv *note_texts, struct rp_strv *found) {
  if (!draft || !note_texts) return false;
  struct rp_strv draft_words = {0}, seen = {0};
  size_t len = strlen(draft), pos = 0;
  struct word w;
  while (next_word(draft, len, &pos, &w)) {
    if (!strv_contains(&draft_words, w.folded)) strv_push(&draft_words, w.folded);
    free(w.folded);
  }
  bool any = false;
  for (size_t i = 0; i < note_texts->n; i++) {
    const char *t = note_texts->v[i] ? note_texts->v[i] : "";
    size_t tl = strlen(t), tp = 0;
    while (next_word(t, tl, &tp, &w)) {
      if (w.letters >= 4 && strv_contains(&draft_words, w.folded) &&
          !strv_contains(&seen, w.folded) && !is_stopword(cfg, w.folded)) {
        strv_push(&seen, w.folded);
        any = true;
        if (found) {
          char *orig = xstrndup(t + w.start, w.end - w.start);
          strv_push(found, orig);
          free(orig);
        }
      }
      free(w.folded);
    }
  }
  strv_free(&draft_words);
  strv_free(&seen);
  return any;
}
