/* fixture.h — what the model tests share: config lists built by hand and a
 * fresh journal file in the test's temporary directory. */
#ifndef RAPPORT_TEST_FIXTURE_H
#define RAPPORT_TEST_FIXTURE_H

#include "check.h"
#include "rapport/config.h"
#include "rapport/db.h"

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
    free(c->v[i].key);
    free(c->v[i].label);
    free(c->v[i].warmth);
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

#endif
