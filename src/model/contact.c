/* contact.c — see rapport/contact.h: the contact struct, validation against
 * the config, and writes (each one transaction). Lists and name resolution
 * are in contact_query.c. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "model/contact_internal.h"
#include "rapport/text_limit.h"
#include "rapport/utf8.h"
#include "contact_internal.h"

/* Zero every member; nothing to free yet. */
void contact_init(struct rp_contact *c) { memset(c, 0, sizeof *c); }

/* Free every string and the tags; c is left zeroed and reusable. */
void contact_free(struct rp_contact *c) {
  char **fields[] = {&c->name,      &c->org,        &c->role,      &c->field,   &c->email,
                     &c->phone,     &c->url,        &c->location,  &c->how_known,
                     &c->warmth,    &c->introduced_by_name,        &c->seniority,
                     &c->channel,   &c->stage,      &c->work,      &c->challenges,
                     &c->notes,     &c->research,   &c->draft,    &c->known_since};
  for (size_t i = 0; i < RP_ARRAY_LEN(fields); i++) free(*fields[i]);
  strv_free(&c->tags);
  contact_values_free(&c->emails);
  contact_values_free(&c->phones);
  contact_values_free(&c->urls);
  contact_init(c);
}

/* Deep copy: dst's old contents are freed, dst owns new copies (free with
 * contact_free). dst == src is allowed. */
void contact_copy(struct rp_contact *dst, const struct rp_contact *src) {
  struct rp_contact tmp = *src; /* scalars */
  tmp.name = xstrdup(src->name);
  tmp.org = xstrdup(src->org);
  tmp.role = xstrdup(src->role);
  tmp.field = xstrdup(src->field);
  tmp.email = xstrdup(src->email);
  tmp.phone = xstrdup(src->phone);
  tmp.url = xstrdup(src->url);
  tmp.location = xstrdup(src->location);
  tmp.how_known = xstrdup(src->how_known);
  tmp.warmth = xstrdup(src->warmth);
  tmp.introduced_by_name = xstrdup(src->introduced_by_name);
  tmp.seniority = xstrdup(src->seniority);
  tmp.channel = xstrdup(src->channel);
  tmp.stage = xstrdup(src->stage);
  tmp.work = xstrdup(src->work);
  tmp.challenges = xstrdup(src->challenges);
  tmp.notes = xstrdup(src->notes);
  tmp.research = xstrdup(src->research);
  tmp.draft = xstrdup(src->draft);
  tmp.known_since = xstrdup(src->known_since);
  memset(&tmp.tags, 0, sizeof tmp.tags);
  strv_copy(&tmp.tags, &src->tags);
  memset(&tmp.emails, 0, sizeof tmp.emails);
  memset(&tmp.phones, 0, sizeof tmp.phones);
  memset(&tmp.urls, 0, sizeof tmp.urls);
  contact_values_copy(&tmp.emails, &src->emails);
  contact_values_copy(&tmp.phones, &src->phones);
  contact_values_copy(&tmp.urls, &src->urls);
  if (dst != src) contact_free(dst);
  *dst = tmp;
}

/* See contact_internal.h; the strings in c are new and owned by c. */
void contact_read_row(sqlite3_stmt *st, struct rp_contact *c) {
  int i = 0;
  c->id = sqlite3_column_int64(st, i++);
  c->name = db_col_text(st, i++);
  c->org = db_col_text(st, i++);
  c->role = db_col_text(st, i++);
  c->field = db_col_text(st, i++);
  c->email = db_col_text(st, i++);
  c->phone = db_col_text(st, i++);
  c->url = db_col_text(st, i++);
  c->location = db_col_text(st, i++);
  c->how_known = db_col_text(st, i++);
  c->warmth = db_col_text(st, i++);
  c->warmth_set = sqlite3_column_int(st, i++) != 0;
  c->introduced_by = sqlite3_column_int64(st, i++);
  c->introduced_by_name = db_col_text(st, i++);
  c->seniority = db_col_text(st, i++);
  c->channel = db_col_text(st, i++);
  c->stage = db_col_text(st, i++);
  c->work = db_col_text(st, i++);
  c->challenges = db_col_text(st, i++);
  c->notes = db_col_text(st, i++);
  c->research = db_col_text(st, i++);
  c->draft = db_col_text(st, i++);
  c->created_at = sqlite3_column_int64(st, i++);
  c->updated_at = sqlite3_column_int64(st, i++);
  c->deleted_at = sqlite3_column_int64(st, i++);
  c->cadence_set = sqlite3_column_type(st, i) != SQLITE_NULL;
  c->cadence_days = sqlite3_column_int(st, i++);
  c->known_since = db_col_text(st, i++);
}

/* See contact_internal.h; replaces c->tags. */
enum rp_status contact_read_tags(struct rp_db *db, sqlite3_stmt *tags, struct rp_contact *c,
                                 struct rp_err *err) {
  sqlite3_reset(tags);
  sqlite3_bind_int64(tags, 1, c->id);
  strv_clear(&c->tags);
  int rc;
  while ((rc = sqlite3_step(tags)) == SQLITE_ROW)
    strv_push(&c->tags, (const char *)sqlite3_column_text(tags, 0));
  if (rc != SQLITE_DONE) return db_fail(db, err, "read tags");
  return RP_OK;
}

/* One contact, deleted or not, with introducer's name, sorted tags and
 * its emails, phones and URLs (values_read). RP_NO when no such id; on
 * any failure c is left zeroed. Caller frees c with contact_free. */
enum rp_status contact_get(struct rp_db *db, int64_t id, struct rp_contact *c,
                           struct rp_err *err) {
  contact_init(c);
  sqlite3_stmt *st = NULL, *tags = NULL;
  /* cached: an import reads every contact it writes back */
  static const char get_sql[] = "SELECT " CONTACT_COLS CONTACT_FROM " WHERE c.id = ?1";
  static const char tags_sql[] = CONTACT_TAGS_SQL;
  enum rp_status s = db_prepare_cached(db, get_sql, &st, err);
  if (s == RP_OK) s = db_prepare_cached(db, tags_sql, &tags, err);
  if (s == RP_OK) {
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      contact_read_row(st, c);
      s = contact_read_tags(db, tags, c, err);
      if (s == RP_OK) s = contact_values_load(db, c, true, err);
    } else if (rc == SQLITE_DONE) {
      s = rp_err_set(err, RP_NO, "no contact with id %lld", (long long)id);
    } else {
      s = db_fail(db, err, "read contact");
    }
  }
  if (st) sqlite3_reset(st);
  if (tags) sqlite3_reset(tags);
  if (s != RP_OK) contact_free(c);
  return s;
}

/* ---- validation ---- */



/* Trim tags, drop empty ones and duplicates (ASCII case-insensitive, like
 * the tag column's NOCASE collation; the first spelling wins). */
static void normalize_tags(struct rp_strv *tags) {
  struct rp_strv out = {0};
  for (size_t i = 0; i < tags->n; i++) {
    char *t = xstrdup(tags->v[i]);
    str_trim_null(&t);
    bool dup = false;
    for (size_t j = 0; t && j < out.n && !dup; j++) dup = str_ieq(out.v[j], t);
    if (t && !dup) strv_push(&out, t);
    free(t);
  }
  strv_free(tags);
  *tags = out;
}

/* What is stored for c->id now, so values no longer in the config can be
 * kept when editing other fields. All NULL for a new contact. */
struct stored {
  char *how_known, *seniority, *channel, *stage, *warmth;
  int64_t introduced_by;
};

static void stored_free(struct stored *s) {
  free(s->how_known);
  free(s->seniority);
  free(s->channel);
  free(s->stage);
  free(s->warmth);
}

static enum rp_status stored_read(struct rp_db *db, int64_t id, struct stored *out,
                                  struct rp_err *err) {
  memset(out, 0, sizeof *out);
  if (id <= 0) return RP_OK;
  sqlite3_stmt *st;
  static const char sql[] = "SELECT how_known, seniority, channel, stage, warmth, "
                            "introduced_by FROM contact WHERE id = ?1";
  enum rp_status s = db_prepare_cached(db, sql, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    out->how_known = db_col_text(st, 0);
    out->seniority = db_col_text(st, 1);
    out->channel = db_col_text(st, 2);
    out->stage = db_col_text(st, 3);
    out->warmth = db_col_text(st, 4);
    out->introduced_by = sqlite3_column_int64(st, 5);
  } else if (rc != SQLITE_DONE) {
    s = db_fail(db, err, "read contact");
  }
  sqlite3_reset(st);
  return s;
}

/* The choice for `value`: its key exactly, else a key or label that matches
 * ASCII case-insensitively ("Met" for "met"). NULL when none. */
static const struct rp_choice *choice_match(const struct rp_choices *list, const char *value) {
  for (size_t i = 0; i < list->n; i++)
    if (list->v[i].key && strcmp(list->v[i].key, value) == 0) return &list->v[i];
  for (size_t i = 0; i < list->n; i++)
    if (str_ieq(list->v[i].key, value) || str_ieq(list->v[i].label, value)) return &list->v[i];
  return NULL;
}

/* *value (trimmed, maybe NULL) must be a key of `list`, or the value already
 * stored. A matching key replaces a differently spelled value. */
static enum rp_status check_choice(const struct rp_choices *list, char **value,
                                   const char *stored, const char *field, const char *label,
                                   struct rp_err *err) {
  if (!*value) return RP_OK;
  const struct rp_choice *ch = choice_match(list, *value);
  if (ch) {
    str_replace(value, ch->key);
    return RP_OK;
  }
  if (stored && strcmp(stored, *value) == 0) return RP_OK;
  char clip[128];
  char *allowed = choices_list(list);
  rp_err_field(err, RP_INVALID, field, "%s '%s' is not one of: %s", label,
               str_clip(*value, clip, sizeof clip), allowed);
  free(allowed);
  return RP_INVALID;
}

static bool is_warmth(const char *w) { return w && (!strcmp(w, "warm") || !strcmp(w, "cold")); }

static enum rp_status check_warmth(const struct rp_config *cfg, struct rp_contact *c,
                                   const struct stored *old, struct rp_err *err) {
  if (c->warmth_set) {
    if (str_ieq(c->warmth, "warm") || str_ieq(c->warmth, "cold")) {
      str_replace(&c->warmth, str_ieq(c->warmth, "warm") ? "warm" : "cold");
      return RP_OK;
    }
    char clip[128];
    return rp_err_field(err, RP_INVALID, "warmth", "warmth '%s' is not one of: warm, cold",
                        str_clip(c->warmth, clip, sizeof clip));
  }
  const char *w = "cold";
  if (c->how_known) {
    const struct rp_choice *ch = choices_find(&cfg->how_known, c->how_known);
    if (ch && is_warmth(ch->warmth))
      w = ch->warmth;
    else if (!ch && is_warmth(old->warmth))
      w = old->warmth; /* a kind no longer configured: keep what it was */
  }
  str_replace(&c->warmth, w);
  return RP_OK;
}

/* introduced_by: 0, the value already stored, or an existing non-deleted
 * contact that is not c itself and not introduced (through a chain) by c. */
static enum rp_status check_introducer(struct rp_db *db, const struct rp_contact *c,
                                       const struct stored *old, struct rp_err *err) {
  if (c->introduced_by == 0) return RP_OK;
  if (c->id && c->introduced_by == c->id)
    return rp_err_field(err, RP_INVALID, "introduced_by", "a contact cannot introduce themselves");
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT deleted_at IS NOT NULL FROM contact WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, c->introduced_by);
  int rc = sqlite3_step(st);
  bool exists = rc == SQLITE_ROW, deleted = exists && sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, err, "check introducer");
  if (!exists || (deleted && c->introduced_by != old->introduced_by))
    return rp_err_field(err, RP_INVALID, "introduced_by", "introduced by: no contact with id %lld",
                        (long long)c->introduced_by);
  if (!c->id) return RP_OK;
  /* would c end up (indirectly) introducing itself? */
  s = db_prepare(db,
                 "WITH RECURSIVE chain(id) AS (SELECT ?1 UNION "
                 "SELECT k.introduced_by FROM contact k JOIN chain ON k.id = chain.id "
                 "WHERE k.introduced_by IS NOT NULL) "
                 "SELECT count(*) FROM chain WHERE id = ?2",
                 &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, c->introduced_by);
  sqlite3_bind_int64(st, 2, c->id);
  rc = sqlite3_step(st);
  bool loop = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW) return db_fail(db, err, "check introducer");
  if (loop)
    return rp_err_field(err, RP_INVALID, "introduced_by",
                        "introduced by: contact %lld was introduced through this contact",
                        (long long)c->introduced_by);
  return RP_OK;
}

/* See contact.h: checks and normalises c in place (c keeps ownership). */
enum rp_status contact_validate(struct rp_db *db, const struct rp_config *cfg,
                                struct rp_contact *c, struct rp_err *err) {
  rp_err_clear(err);
  char **text[] = {&c->name,      &c->org,     &c->role,    &c->field, &c->email,
                   &c->phone,     &c->url,     &c->location, &c->how_known,
                   &c->warmth,    &c->seniority, &c->channel, &c->stage, &c->work,
                   &c->challenges, &c->notes, &c->research, &c->draft, &c->known_since};
  static const char *const text_names[] = {
      "name",     "org",       "role",    "field",      "email",    "phone", "url",
      "location", "how_known", "warmth",  "seniority",  "channel",  "stage", "work",
      "challenges", "notes",   "research", "draft",     "known_since"};
  _Static_assert(RP_ARRAY_LEN(text) == RP_ARRAY_LEN(text_names), "one name per field");
  for (size_t i = 0; i < RP_ARRAY_LEN(text); i++) {
    str_trim_null(text[i]);
    /* bytes that are not UTF-8 (a command-line argument in another
     * encoding) would break the screen, the search index and the exports */
    if (*text[i] && !utf8_valid(*text[i], strlen(*text[i])))
      return rp_err_field(err, RP_INVALID, text_names[i],
                          "%s is not valid UTF-8 text; use UTF-8", text_names[i]);
    if (*text[i] && text_too_long(strlen(*text[i]))) { /* text_limit.h */
      char *m = text_limit_message(text_names[i], strlen(*text[i]));
      rp_err_field(err, RP_INVALID, text_names[i], "%s", m);
      free(m);
      return RP_INVALID;
    }
  }
  for (size_t i = 0; i < c->tags.n; i++)
    if (!utf8_valid(c->tags.v[i], strlen(c->tags.v[i])))
      return rp_err_field(err, RP_INVALID, "tags", "a tag is not valid UTF-8 text; use UTF-8");
  normalize_tags(&c->tags);
  if (!c->name) return rp_err_field(err, RP_INVALID, "name", "a name is required");

  struct stored old;
  enum rp_status s = stored_read(db, c->id, &old, err);
  if (s != RP_OK) return s;
  if (!c->stage) {
    if (cfg->stages.n == 0) {
      stored_free(&old);
      return rp_err_field(err, RP_INVALID, "stage", "no stages are configured");
    }
    c->stage = xstrdup(cfg->stages.v[0].key);
  }
  /* someone introduced them and nothing else is said: a referral, which is
   * how a warm introduction counts as a warm path */
  if (c->introduced_by && str_empty(c->how_known) && choices_find(&cfg->how_known, "referral"))
    str_replace(&c->how_known, "referral");
  if (s == RP_OK) s = contact_values_check(db, c, err);
  if (s == RP_OK)
    s = check_choice(&cfg->how_known, &c->how_known, old.how_known, "how_known", "how known", err);
  if (s == RP_OK) s = check_warmth(cfg, c, &old, err);
  if (s == RP_OK)
    s = check_choice(&cfg->seniority, &c->seniority, old.seniority, "seniority", "seniority", err);
  if (s == RP_OK) s = check_choice(&cfg->channels, &c->channel, old.channel, "channel", "channel", err);
  if (s == RP_OK) s = check_choice(&cfg->stages, &c->stage, old.stage, "stage", "stage", err);
  if (s == RP_OK) s = check_introducer(db, c, &old, err);
  if (s == RP_OK && c->known_since && !date_valid(c->known_since))
    s = rp_err_field(err, RP_INVALID, "known_since",
                     "known since must be a real date as YYYY-MM-DD, not '%s'", c->known_since);
  if (s == RP_OK && c->cadence_set && (c->cadence_days < 0 || c->cadence_days > 3650))
    s = rp_err_field(err, RP_INVALID, "cadence",
                     "keep in touch every 1 to 3650 days, none (0), or the default; not %d",
                     c->cadence_days);
  stored_free(&old);
  return s;
}

/* ---- writes ---- */

/* Bind the 20 stored fields as ?1…?20, in the column order of the INSERT
 * and UPDATE in write_row. */
static void bind_fields(sqlite3_stmt *st, const struct rp_contact *c) {
  const char *text1[] = {c->name, c->org,      c->role, c->field,
                         c->email, c->phone,   c->url,  c->location, c->how_known, c->warmth};
  int i = 1;
  for (size_t k = 0; k < RP_ARRAY_LEN(text1); k++) db_bind_text(st, i++, text1[k]);
  sqlite3_bind_int(st, i++, c->warmth_set ? 1 : 0);
  if (c->introduced_by)
    sqlite3_bind_int64(st, i++, c->introduced_by);
  else
    sqlite3_bind_null(st, i++);
  const char *text2[] = {c->seniority, c->channel,    c->stage,    c->work,
                         c->challenges, c->notes,     c->research, c->draft};
  for (size_t k = 0; k < RP_ARRAY_LEN(text2); k++) db_bind_text(st, i++, text2[k]);
}

/* Replace c's tags in the journal (a new contact has none to delete). */
static enum rp_status write_tags(struct rp_db *db, const struct rp_contact *c, bool insert,
                                 struct rp_err *err) {
  static const char del_sql[] = "DELETE FROM contact_tag WHERE contact_id = ?1";
  static const char ins_sql[] = "INSERT OR IGNORE INTO contact_tag (contact_id, tag) VALUES (?1, ?2)";
  sqlite3_stmt *del, *ins = NULL;
  enum rp_status s = RP_OK;
  if (!insert) {
    s = db_prepare_cached(db, del_sql, &del, err);
    if (s != RP_OK) return s;
    sqlite3_bind_int64(del, 1, c->id);
    if (sqlite3_step(del) != SQLITE_DONE) s = db_fail(db, err, "write tags");
    sqlite3_reset(del);
  }
  if (s == RP_OK && c->tags.n) s = db_prepare_cached(db, ins_sql, &ins, err);
  for (size_t i = 0; s == RP_OK && i < c->tags.n; i++) {
    sqlite3_reset(ins);
    sqlite3_bind_int64(ins, 1, c->id);
    sqlite3_bind_text(ins, 2, c->tags.v[i], -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) s = db_fail(db, err, "write tags");
  }
  if (ins) sqlite3_reset(ins);
  return s;
}

/* After a write: replace c with what is now stored (introducer's name,
 * tags in order). A failed re-read leaves c as it was. */
static void refresh(struct rp_db *db, struct rp_contact *c) {
  struct rp_contact fresh;
  if (contact_get(db, c->id, &fresh, NULL) == RP_OK) {
    contact_free(c);
    *c = fresh;
  }
}

/* Validate c and write its row (with the folded keys of its name and
 * organisation, migration 23), tags, emails, phones and URLs: an INSERT
 * (setting c->id) when c->id is 0, else an UPDATE. No transaction of its
 * own. */
static enum rp_status write_row(struct rp_db *db, const struct rp_config *cfg,
                                struct rp_contact *c, struct rp_err *err) {
  bool insert = c->id == 0;
  enum rp_status s = contact_validate(db, cfg, c, err);
  sqlite3_stmt *st = NULL;
  int64_t now = db_now();
  if (s == RP_OK)
    s = db_prepare_cached(db,
                   insert ? "INSERT INTO contact (name, org, role, field, email, phone, url, "
                            "location, how_known, warmth, warmth_set, introduced_by, seniority, "
                            "channel, stage, work, challenges, notes, research, draft, "
                            "created_at, updated_at, cadence_days, known_since, name_key, "
                            "org_key) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21, ?23, ?24, "
                            "rp_fold(?1), rp_fold(?2))"
                          : "UPDATE contact SET name = ?1, org = ?2, role = ?3, field = ?4, "
                            "email = ?5, phone = ?6, url = ?7, location = ?8, how_known = ?9, "
                            "warmth = ?10, warmth_set = ?11, introduced_by = ?12, "
                            "seniority = ?13, channel = ?14, stage = ?15, work = ?16, "
                            "challenges = ?17, notes = ?18, research = ?19, draft = ?20, "
                            "updated_at = ?21, cadence_days = ?23, known_since = ?24, "
                            "name_key = rp_fold(?1), org_key = rp_fold(?2) WHERE id = ?22",
                   &st, err);
  if (s == RP_OK) {
    bind_fields(st, c);
    sqlite3_bind_int64(st, 21, now);
    if (!insert) sqlite3_bind_int64(st, 22, c->id);
    if (c->cadence_set) sqlite3_bind_int(st, 23, c->cadence_days);
    else sqlite3_bind_null(st, 23);
    db_bind_text(st, 24, c->known_since);
    if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, insert ? "add contact" : "save contact");
    sqlite3_reset(st);
  }
  if (s == RP_OK && insert) c->id = sqlite3_last_insert_rowid(db_handle(db));
  if (s == RP_OK) s = write_tags(db, c, insert, err);
  if (s == RP_OK) s = contact_values_write(db, c, insert, err);
  if (s != RP_OK && insert) c->id = 0;
  return s;
}

/* Insert or update c with its tags as one transaction: (for an update)
 * check it exists, validate, write the row and the tags, commit; then
 * refresh c from the journal. */
static enum rp_status write_contact(struct rp_db *db, const struct rp_config *cfg,
                                    struct rp_contact *c, struct rp_err *err) {
  bool insert = c->id == 0;
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  if (!insert) {
    struct rp_contact cur;
    s = contact_get(db, c->id, &cur, err);
    contact_free(&cur);
  }
  if (s == RP_OK) s = write_row(db, cfg, c, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  if (s != RP_OK) {
    if (insert) c->id = 0;
    return s;
  }
  refresh(db, c);
  return RP_OK;
}

/* One transaction; on success c is refreshed from the journal (id, times,
 * introducer's name). On failure c->id stays 0 and nothing is written. */
enum rp_status contact_insert(struct rp_db *db, const struct rp_config *cfg,
                              struct rp_contact *c, struct rp_err *err) {
  c->id = 0;
  return write_contact(db, cfg, c, err);
}

/* One transaction; RP_NO for an unknown id. On success c is refreshed. */
enum rp_status contact_update(struct rp_db *db, const struct rp_config *cfg,
                              struct rp_contact *c, struct rp_err *err) {
  if (c->id <= 0) return rp_err_set(err, RP_NO, "no contact with id %lld", (long long)c->id);
  return write_contact(db, cfg, c, err);
}

/* See contact.h: write_row inside the caller's transaction. */
enum rp_status contact_write_bulk(struct rp_db *db, const struct rp_config *cfg,
                                  struct rp_contact *c, struct rp_err *err) {
  return write_row(db, cfg, c, err);
}

/* Index of `key` in the stages, or -1. */
static long stage_index(const struct rp_config *cfg, const char *key) {
  for (size_t i = 0; key && i < cfg->stages.n; i++)
    if (cfg->stages.v[i].key && strcmp(cfg->stages.v[i].key, key) == 0) return (long)i;
  return -1;
}

/* See contact_internal.h. No transaction of its own: the caller's write
 * and the stage move commit together. */
enum rp_status contact_advance_stage(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                     const char *stage, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db, "SELECT stage FROM contact WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  long from = rc == SQLITE_ROW ? stage_index(cfg, (const char *)sqlite3_column_text(st, 0)) : -1;
  sqlite3_finalize(st);
  if (rc == SQLITE_DONE) return rp_err_set(err, RP_NO, "no contact with id %lld", (long long)id);
  if (rc != SQLITE_ROW) return db_fail(db, err, "read contact stage");
  long to = stage_index(cfg, stage);
  if (from < 0 || to < 0 || from >= to) return RP_OK;
  s = db_prepare(db, "UPDATE contact SET stage = ?2, updated_at = ?3 WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_text(st, 2, cfg->stages.v[to].key, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 3, db_now());
  if (sqlite3_step(st) != SQLITE_DONE) s = db_fail(db, err, "move contact to a later stage");
  sqlite3_finalize(st);
  return s;
}

/* See contact_internal.h. */
enum rp_status contact_check_live(struct rp_db *db, int64_t id, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare(db, "SELECT deleted_at IS NOT NULL, name FROM contact WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  char cb[128];
  if (rc == SQLITE_ROW && sqlite3_column_int(st, 0))
    s = rp_err_field(err, RP_INVALID, "contact", "%s is deleted",
                     str_clip((const char *)sqlite3_column_text(st, 1), cb, sizeof cb));
  else if (rc == SQLITE_DONE)
    s = rp_err_field(err, RP_INVALID, "contact", "no contact with id %lld", (long long)id);
  else if (rc != SQLITE_ROW)
    s = db_fail(db, err, "read contact");
  sqlite3_finalize(st);
  return s;
}

/* RP_NO with the reason a delete/undelete of `id` changed nothing. */
static enum rp_status why_unchanged(struct rp_db *db, int64_t id, const char *state,
                                    struct rp_err *err) {
  struct rp_contact c;
  enum rp_status s = contact_get(db, id, &c, err);
  if (s == RP_OK) {
    char clip[128];
    s = rp_err_set(err, RP_NO, "%s is %s", str_clip(c.name, clip, sizeof clip), state);
  }
  contact_free(&c);
  return s;
}

/* Soft delete (sets deleted_at and the deletion order for undo). RP_NO
 * when the id is unknown or already deleted. */
enum rp_status contact_delete(struct rp_db *db, int64_t id, struct rp_err *err) {
  bool changed;
  enum rp_status s = db_exec_id(db,
                                "UPDATE contact SET deleted_at = ?2, deleted_seq = "
                                "(SELECT coalesce(max(deleted_seq), 0) + 1 FROM contact) "
                                "WHERE id = ?1 AND " CONTACT_LIVE(""),
                                id, "update contact", &changed, err);
  if (s == RP_OK && !changed) return why_unchanged(db, id, "already deleted", err);
  return s;
}

/* Bring back one deleted contact; RP_NO when unknown or not deleted. */
enum rp_status contact_undelete(struct rp_db *db, int64_t id, struct rp_err *err) {
  bool changed;
  enum rp_status s = db_exec_id(db,
                                "UPDATE contact SET deleted_at = NULL, deleted_seq = NULL "
                                "WHERE id = ?1 AND deleted_at IS NOT NULL",
                                id, "update contact", &changed, err);
  if (s == RP_OK && !changed) return why_unchanged(db, id, "not deleted", err);
  return s;
}

/* Bring back the most recently deleted contact (by order of deletion, not
 * by clock); *id receives it, 0 when there is none (RP_NO). */
enum rp_status contact_undo_delete(struct rp_db *db, int64_t *id, struct rp_err *err) {
  *id = 0;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT id FROM contact WHERE deleted_at IS NOT NULL "
                                "ORDER BY deleted_seq DESC, deleted_at DESC, id DESC LIMIT 1",
                                &st, err);
  if (s != RP_OK) return s;
  int rc = sqlite3_step(st);
  int64_t found = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(db, err, "find deleted contact");
  if (!found) return rp_err_set(err, RP_NO, "no deleted contact to bring back");
  s = contact_undelete(db, found, err);
  if (s == RP_OK) *id = found;
  return s;
}

/* See contact.h. */
enum rp_status contact_is_live(struct rp_db *db, int64_t id, bool *live, struct rp_err *err) {
  sqlite3_stmt *st;
  *live = false;
  enum rp_status s = db_prepare_cached(
      db, "SELECT 1 FROM contact WHERE id = ?1 AND " CONTACT_LIVE(""), &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  *live = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) s = db_fail(db, err, "check a contact");
  sqlite3_reset(st);
  return s;
}
