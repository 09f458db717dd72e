/* lookback.c — see rapport/lookback.h: a contact's conversations with
 * their counts (one query each for notes, questions and gaps, read per
 * conversation: a contact has a handful), and how their length and
 * thank-you read. */
#include "model/db_sql.h"
#include "rapport/lookback.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Free each conversation's strings and the array; l is left empty. */
void lookback_list_free(struct rp_lookback_list *l) {
  for (size_t i = 0; i < l->n; i++) {
    conv_free(&l->v[i].conv);
    free(l->v[i].thanks_status);
    free(l->v[i].thanks_due);
  }
  free(l->v);
  l->v = NULL;
  l->n = 0;
}

/* Fill lb's counts and thank-you from the journal. */
static enum rp_status read_counts(struct rp_db *db, struct rp_lookback *lb, struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(
      db,
      "SELECT (SELECT count(*) FROM note WHERE conversation_id = ?1), "
      "(SELECT count(*) FROM question WHERE conversation_id = ?1), "
      "(SELECT count(*) FROM question WHERE conversation_id = ?1 AND asked_at IS NOT NULL), "
      "(SELECT count(*) FROM ws_item WHERE section = 'gap' AND flag = 1 AND ref = ?1), "
      "(SELECT id FROM followup WHERE conversation_id = ?1 AND kind = 'thank-you' "
      "ORDER BY id LIMIT 1)",
      &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, lb->conv.id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    lb->notes = sqlite3_column_int(st, 0);
    lb->questions = sqlite3_column_int(st, 1);
    lb->asked = sqlite3_column_int(st, 2);
    lb->gaps = sqlite3_column_int(st, 3);
    lb->thanks_id = sqlite3_column_int64(st, 4);
  } else {
    s = db_fail(db, err, "read conversations");
  }
  sqlite3_reset(st);
  if (s != RP_OK || !lb->thanks_id) return s;
  s = db_prepare_cached(db, "SELECT status, due FROM followup WHERE id = ?1", &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, lb->thanks_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    lb->thanks_status = db_col_text(st, 0);
    lb->thanks_due = db_col_text(st, 1);
  }
  sqlite3_reset(st);
  return RP_OK;
}

/* See lookback.h. */
enum rp_status lookback_list(struct rp_db *db, int64_t contact_id, struct rp_lookback_list *out,
                             struct rp_err *err) {
  memset(out, 0, sizeof *out);
  struct rp_conversation_list convs = {0};
  enum rp_status s = conv_list(db, contact_id, &convs, err);
  if (s != RP_OK) return s;
  out->v = xcalloc(convs.n ? convs.n : 1, sizeof *out->v);
  for (size_t i = 0; i < convs.n; i++) { /* the conversations move over */
    struct rp_lookback *lb = &out->v[out->n++];
    lb->conv = convs.v[i];
    for (int k = 0; k < RP_FIT_COUNT; k++) lb->scored += lb->conv.fit[k] > 0;
    if (s == RP_OK) s = read_counts(db, lb, err);
  }
  free(convs.v);
  if (s != RP_OK) lookback_list_free(out);
  return s;
}

/* "m:ss" or "h:mm:ss" for s seconds, into buf. */
static void clock_text(int64_t s, char *buf, size_t size) {
  if (s >= 3600)
    snprintf(buf, size, "%lld:%02lld:%02lld", (long long)(s / 3600), (long long)(s / 60 % 60),
             (long long)(s % 60));
  else
    snprintf(buf, size, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
}

/* See lookback.h. */
char *lookback_length(const struct rp_conversation *c) {
  if (!c->started_at || c->ended_at < c->started_at)
    return xasprintf("%d min planned", c->minutes);
  int64_t took = c->ended_at - c->started_at, planned = (int64_t)c->minutes * 60;
  char t[32], o[32];
  clock_text(took, t, sizeof t);
  if (took <= planned) return xasprintf("%d min planned \xC2\xB7 took %s", c->minutes, t);
  clock_text(took - planned, o, sizeof o);
  return xasprintf("%d min planned \xC2\xB7 took %s, %s over", c->minutes, t, o);
}

/* See lookback.h. */
char *lookback_thanks(const struct rp_lookback *l) {
  if (!l->thanks_id || !l->thanks_status) return xstrdup("no thank-you");
  if (strcmp(l->thanks_status, "open") == 0)
    return xasprintf("thank-you owed (due %s)", l->thanks_due ? l->thanks_due : "?");
  return xasprintf("thank-you %s", l->thanks_status);
}
