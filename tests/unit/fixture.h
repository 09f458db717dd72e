/* fixture.h — what the model tests share: config lists built by hand, a
 * fresh journal file in the test's temporary directory, contacts, and SQL
 * run on the journal directly. */
#ifndef RAPPORT_TEST_FIXTURE_H
#define RAPPORT_TEST_FIXTURE_H

#include <stdarg.h>

#include "check.h"
#include "rapport/config.h"
#include "rapport/contact.h"
#include "model/db_sql.h"

/* Append a choice (warmth may be NULL). */
static inline void fx_choice(struct rp_choices *c, const char *key, const char *label,
                             const char *warmth) {
  c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
  c->v[c->n].key = xstrdup(key);
  c->v[c->n].label = xstrdup(label);
  c->v[c->n].warmth = xstrdup(warmth);
  c->n++;
}

static inline void fx_choices_free(struct rp_choices *c) {
  for (size_t i = 0; i < c->n; i++) {
    free_const(c->v[i].key);
    free_const(c->v[i].label);
    free_const(c->v[i].warmth);
  }
  free(c->v);
  c->v = NULL;
  c->n = 0;
}

/* Fix the clock the model reads (db_now) at t seconds since the epoch. */
static inline void fx_set_now(long long t) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", t);
  setenv("RAPPORT_NOW", buf, 1);
}

/* Close *db if open and open a new journal file `name` in the temp dir. */
static inline void fx_open_fresh(struct rp_db **db, const char *name) {
  if (*db) db_close(*db);
  char *path = xasprintf("%s/%s", check_tmpdir(), name);
  struct rp_err err;
  *db = NULL;
  CHECK_INT(db_open(path, db, &err), RP_OK);
  free(path);
}

/* The eleven stages of config.example.yaml (key = label) and the ways of
 * knowing someone friend and referral (warm) and cold, appended to cfg. */
static inline void fx_pipeline(struct rp_config *cfg) {
  const char *stages[] = {"identified", "researching", "giving", "intro-requested", "asked",
                          "scheduled",  "met",         "thanked", "keeping-in-touch", "declined",
                          "not-now"};
  for (size_t i = 0; i < RP_ARRAY_LEN(stages); i++)
    fx_choice(&cfg->stages, stages[i], stages[i], NULL);
  fx_choice(&cfg->how_known, "friend", "friend", "warm");
  fx_choice(&cfg->how_known, "referral", "referral", "warm");
  fx_choice(&cfg->how_known, "cold", "cold", "cold");
}

/* Insert a contact `name` at `stage` through the model (a check that it
 * worked); returns its id. */
static inline int64_t fx_add_contact(struct rp_db *db, const struct rp_config *cfg,
                                     const char *name, const char *stage) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.stage = xstrdup(stage);
  struct rp_err err;
  CHECK_INT(contact_insert(db, cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

/* The names of a list's contacts joined with "|". Caller frees. */
static inline char *fx_list_names(const struct rp_contact_list *l) {
  struct rp_strv sv = {0};
  for (size_t i = 0; i < l->n; i++) strv_push(&sv, l->v[i].name);
  char *s = strv_join(&sv, "|");
  strv_free(&sv);
  return s;
}

/* Run SQL on the journal directly; a failed check (with SQLite's message)
 * when it fails. */
static inline void fx_exec(struct rp_db *db, const char *sql) {
  char *msg = NULL;
  if (sqlite3_exec(db_handle(db), sql, NULL, NULL, &msg) != SQLITE_OK) {
    fprintf(stderr, "sql failed: %s: %s\n", sql, msg ? msg : "?");
    CHECK(0);
  }
  sqlite3_free(msg);
}

static inline void fx_execf(struct rp_db *db, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void fx_execf(struct rp_db *db, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *sql = xvasprintf(fmt, ap);
  va_end(ap);
  fx_exec(db, sql);
  free(sql);
}

/* The first column of the first row of `sql` as a number; -1 when there
 * is no row. */
static inline long long fx_scalar(struct rp_db *db, const char *sql) {
  sqlite3_stmt *st;
  long long v = -1;
  if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* The first column of the first row of `sql` as text (NULL when there is
 * no row or it is NULL); caller frees. */
static inline char *fx_text(struct rp_db *db, const char *sql) {
  sqlite3_stmt *st;
  char *v = NULL;
  if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = db_col_text(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* The plan of `sql` (EXPLAIN QUERY PLAN), its details joined by "|";
 * caller frees. */
static inline char *fx_plan(struct rp_db *db, const char *sql) {
  char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
  sqlite3_stmt *st;
  struct rp_buf b = {0};
  buf_adds(&b, "");
  CHECK_INT(sqlite3_prepare_v2(db_handle(db), q, -1, &st, NULL), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    buf_adds(&b, (const char *)sqlite3_column_text(st, 3));
    buf_addc(&b, '|');
  }
  sqlite3_finalize(st);
  free(q);
  return buf_steal(&b);
}

/* Contact `id`'s stage as stored (NULL when there is no such contact);
 * caller frees. */
static inline char *fx_stage_of(struct rp_db *db, int64_t id) {
  char *sql = xasprintf("SELECT stage FROM contact WHERE id = %lld", (long long)id);
  char *s = fx_text(db, sql);
  free(sql);
  return s;
}

#define FX_CHECK_SQL(db, sql, want) \
  do {                              \
    char *v_ = fx_text(db, sql);    \
    CHECK_STR(v_, want);            \
    free(v_);                       \
  } while (0)

#define FX_CHECK_STAGE(db, id, want)  \
  do {                                \
    char *s_ = fx_stage_of(db, id);   \
    CHECK_STR(s_, want);              \
    free(s_);                         \
  } while (0)

#endif
