/* path.c — see rapport/path.h: the chain of introductions from someone you
 * know personally to a contact, the shortest such chain to anyone at an
 * organisation, whom a contact introduced, and hints when there is no
 * chain. Every contact has at most one introducer, so a chain is walked
 * one contact at a time, with a visited set (the schema forbids only
 * self-introduction, so a loop through several people can exist) and a
 * bound on its length. */
#include "model/db_sql.h"
#include "rapport/path.h"
#include "contact_internal.h"

#include <stdlib.h>
#include <string.h>

/* Longest chain walked before giving up (far beyond any real one). */
#define PATH_MAX_STEPS 1000

/* Frees the arrays; p is left zeroed. */
void path_free(struct rp_path *p) {
  free(p->ids);
  strv_free(&p->names);
  strv_free(&p->orgs);
  memset(p, 0, sizeof *p);
}

/* One contact as the walk sees it. */
struct node {
  int64_t id, introduced_by;
  char *name, *org;
  bool known; /* known personally: warm, and how-known is not "referral" */
  bool deleted;
};

static void node_free(struct node *n) {
  free(n->name);
  free(n->org);
  memset(n, 0, sizeof *n);
}

/* Read contact `id` into *n with a prepared statement (reset here).
 * RP_NO when there is no such contact. */
static enum rp_status node_read(struct rp_db *db, sqlite3_stmt *st, int64_t id, struct node *n,
                                struct rp_err *err) {
  memset(n, 0, sizeof *n);
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) return RP_NO;
  if (rc != SQLITE_ROW) return db_fail(db, err, "read contact");
  n->id = id;
  n->name = db_col_text(st, 0);
  n->org = db_col_text(st, 1);
  n->known = sqlite3_column_int(st, 2) != 0;
  n->introduced_by = sqlite3_column_int64(st, 3);
  n->deleted = sqlite3_column_int(st, 4) != 0;
  return RP_OK;
}

static const char node_sql[] =
    "SELECT name, org, warmth = 'warm' AND coalesce(how_known, '') <> 'referral', "
    "coalesce(introduced_by, 0), deleted_at IS NOT NULL FROM contact WHERE id = ?1";

/* Walk from `target` up its introducers, at most `max` contacts. On RP_OK
 * *out holds the chain from the person known personally to the target;
 * RP_NO (message in err) when the chain breaks, loops, reaches a deleted
 * contact or is longer than max. The statement is the cached one: a walk
 * per candidate (path_to_org) compiled it once each. */
static enum rp_status walk(struct rp_db *db, int64_t target, size_t max, struct rp_path *out,
                           struct rp_err *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(db, node_sql, &st, err);
  if (s != RP_OK) return s;
  struct node *chain = NULL;
  size_t n = 0, cap = 0;
  char *target_name = NULL;
  bool found = false;
  int64_t id = target;
  while (s == RP_OK && !found && n < max) {
    bool seen = false;
    for (size_t i = 0; i < n && !seen; i++) seen = chain[i].id == id;
    if (seen) break; /* a loop of introductions: no one known at its top */
    struct node nd;
    s = node_read(db, st, id, &nd, err);
    if (s != RP_OK) break;
    if (n == 0) target_name = xstrdup(nd.name);
    if (nd.deleted) {
      node_free(&nd);
      break;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 8;
      chain = xrealloc(chain, cap * sizeof *chain);
    }
    chain[n++] = nd;
    found = nd.known;
    if (!found && nd.introduced_by == 0) break;
    id = nd.introduced_by;
  }
  sqlite3_reset(st); /* cached: left ready, holding no read */
  if (s == RP_NO && n == 0)
    s = rp_err_set(err, RP_NO, "no contact with id %lld", (long long)target);
  else if (s == RP_NO || (s == RP_OK && !found))
    s = rp_err_set(err, RP_NO, "no known path to %s", target_name ? target_name : "them");
  if (s == RP_OK) {
    out->n = n;
    out->ids = xmalloc(n * sizeof *out->ids);
    for (size_t i = 0; i < n; i++) { /* reversed: the person you know first */
      const struct node *nd = &chain[n - 1 - i];
      out->ids[i] = nd->id;
      strv_push(&out->names, nd->name ? nd->name : "");
      strv_push(&out->orgs, nd->org ? nd->org : "");
    }
  }
  for (size_t i = 0; i < n; i++) node_free(&chain[i]);
  free(chain);
  free(target_name);
  return s;
}

/* See path.h. */
enum rp_status path_to_contact(struct rp_db *db, int64_t target, struct rp_path *out,
                               struct rp_err *err) {
  return walk(db, target, PATH_MAX_STEPS, out, err);
}

/* A copy of s without surrounding whitespace (caller frees). */
static char *trimmed(const char *s) {
  char *t = xstrdup(s ? s : "");
  str_trim_null(&t);
  return t ? t : xstrdup("");
}

/* Every live contact at `org` is a candidate target; the shortest chain
 * wins, ties going to the first by name (case-insensitive), then id. On
 * RP_OK the caller frees *out with path_free. The walks are bounded: each
 * goes no further than the best chain found so far, and none is needed
 * once a candidate is known personally (a chain of one), so an
 * organisation of thousands costs what its first few candidates do. */
enum rp_status path_to_org(struct rp_db *db, const char *org, struct rp_path *out,
                           struct rp_err *err) {
  memset(out, 0, sizeof *out);
  char *want = trimmed(org);
  if (!*want) {
    free(want);
    return rp_err_field(err, RP_INVALID, "org", "no organisation given");
  }
  /* through the folded organisations' index (org_key, migration 23),
   * which gives them in name order (INDEXED BY: the planner, told that
   * half the contacts work there, would walk every contact in name order
   * instead); the ones a sqlite3 shell left without a key folded alone */
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                "SELECT id, name FROM contact INDEXED BY contact_org_key WHERE "
                                CONTACT_LIVE("") " AND org_key = ?1 UNION ALL SELECT id, name "
                                "FROM contact INDEXED BY contact_org_unkeyed WHERE "
                                CONTACT_LIVE("") " AND org_key IS NULL AND org IS NOT NULL AND "
                                "rp_fold(org) = ?1 ORDER BY name COLLATE NOCASE, id",
                                &st, err);
  if (s != RP_OK) {
    free(want);
    return s;
  }
  char *folded = db_fold_text(want);
  sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
  /* walked as they are read, in name order from the indexes: the walks
   * stop at the first candidate known personally, and so does the read */
  bool have = false;
  size_t n = 0;
  int rc = SQLITE_DONE;
  while (s == RP_OK && !(have && out->n <= 1) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    n++;
    struct rp_path p;
    enum rp_status ps =
        walk(db, sqlite3_column_int64(st, 0), have ? out->n - 1 : PATH_MAX_STEPS, &p, err);
    if (ps == RP_OK && (!have || p.n < out->n)) {
      path_free(out);
      *out = p;
      have = true;
    } else if (ps == RP_OK) {
      path_free(&p);
    } else if (ps != RP_NO) {
      s = ps;
    }
  }
  if (s == RP_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    s = db_fail(db, err, "find contacts at organisation");
  sqlite3_finalize(st);
  free(folded);
  if (s == RP_OK && !have)
    s = rp_err_set(err, RP_NO, n ? "no known path to anyone at %s"
                                 : "no known path to anyone at %s (no contact works there)",
                   want);
  if (s != RP_OK) path_free(out);
  else rp_err_clear(err);
  free(want);
  return s;
}

/* "Name (a, b)" of the non-empty parts, appended to out. */
static void push_labelled(struct rp_strv *out, const char *name, const char *a, const char *b) {
  struct rp_buf buf = {0};
  buf_adds(&buf, name ? name : "");
  bool ha = !str_empty(a), hb = !str_empty(b);
  if (ha || hb) {
    buf_adds(&buf, " (");
    if (ha) buf_adds(&buf, a);
    if (ha && hb) buf_adds(&buf, ", ");
    if (hb) buf_adds(&buf, b);
    buf_adds(&buf, ")");
  }
  strv_push(out, buf_str(&buf));
  buf_free(&buf);
}

/* Live contacts introduced by `target`, by name, as "Name (Org)" (or
 * "Name"), appended to *out (the caller's, freed with strv_free). */
enum rp_status path_introduced(struct rp_db *db, int64_t target, struct rp_strv *out,
                               struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(db,
                                /* named: the planner would rather walk every live
                                 * contact in name order (contact_live_name) */
                                "SELECT name, org FROM contact INDEXED BY "
                                "contact_introduced_by WHERE introduced_by = ?1 AND "
                                CONTACT_LIVE("") " ORDER BY name COLLATE NOCASE, id",
                                &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, target);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    push_labelled(out, (const char *)sqlite3_column_text(st, 0),
                  (const char *)sqlite3_column_text(st, 1), NULL);
  if (rc != SQLITE_DONE) s = db_fail(db, err, "list introductions");
  sqlite3_finalize(st);
  return s;
}

/* Live contacts known personally whose field or organisation contains
 * `field` (case-insensitive, rp_fold), by name, at most `max`, as "Name
 * (Org, field)" with empty parts left out; appended to *out (the
 * caller's). An empty `field` adds nothing. */
enum rp_status path_hint(struct rp_db *db, const char *field, size_t max, struct rp_strv *out,
                         struct rp_err *err) {
  char *want = trimmed(field);
  if (!*want || max == 0) {
    free(want);
    return RP_OK;
  }
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(
      db,
      "SELECT name, org, field FROM contact WHERE " CONTACT_LIVE("") " AND warmth = 'warm' AND "
      "coalesce(how_known, '') <> 'referral' AND (instr(rp_fold(field), rp_fold(?1)) > 0 OR "
      "instr(rp_fold(org), rp_fold(?1)) > 0) ORDER BY name COLLATE NOCASE, id LIMIT ?2",
      &st, err);
  if (s == RP_OK) {
    sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, max > (size_t)INT64_MAX ? INT64_MAX : (int64_t)max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
      push_labelled(out, (const char *)sqlite3_column_text(st, 0),
                    (const char *)sqlite3_column_text(st, 1),
                    (const char *)sqlite3_column_text(st, 2));
    if (rc != SQLITE_DONE) s = db_fail(db, err, "find people you know");
    sqlite3_finalize(st);
  }
  free(want);
  return s;
}
