/* test_export_stream.c — `export csv` and `export vcard` stream (issue 22:
 * peak memory flat at 100,000 contacts): the contacts are read a page at
 * a time and the text handed out in pieces of about RP_EXPORT_CHUNK, with
 * every live contact exactly once, in name order (ties by id, across the
 * pages' edges), the same bytes as the buffer forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/export.h"

#define N_CONTACTS 1203

/* What a sink saw: the text, how many pieces, the largest. */
struct seen {
  struct rp_buf text;
  size_t pieces, largest;
};

static enum rp_status sink(void *vctx, const char *data, size_t len, struct rp_err *err) {
  (void)err;
  struct seen *s = vctx;
  buf_add(&s->text, data, len);
  s->pieces++;
  if (len > s->largest) s->largest = len;
  return RP_OK;
}

/* A sink that fails at its second piece. */
static enum rp_status sink_fails(void *vctx, const char *data, size_t len, struct rp_err *err) {
  (void)data;
  (void)len;
  size_t *calls = vctx;
  if (++*calls == 2) return rp_err_set(err, RP_EDB, "disk full");
  return RP_OK;
}

/* The journal: N_CONTACTS contacts with notes of about 400 bytes (so the
 * CSV and the vCards are several pieces long; a role of 300 bytes), names that repeat in runs of three (ties
 * broken by id, also across a page's edge), one deleted. */
static struct rp_db *journal(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "stream.db");
  fx_execf(db,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
           "INSERT INTO contact (name, org, role, stage, warmth, created_at, updated_at, notes) "
           "SELECT printf('Person %%04d', (i * 7919) %% 401), 'Org ' || i, "
           "replace(hex(zeroblob(150)), '0', 'r'), 'identified', 'cold', 0, 0, "
           "replace(hex(zeroblob(200)), '0', 'n') FROM n",
           N_CONTACTS);
  fx_exec(db, "UPDATE contact SET deleted_at = 1 WHERE id = 17");
  return db;
}

/* The ids of the CSV's rows, in order, as "id,id,…" (caller frees). */
static char *csv_ids(const char *csv) {
  struct rp_buf ids = {0};
  const char *p = strstr(csv, "\r\n");
  while (p && p[2]) {
    p += 2;
    long long id = strtoll(p, NULL, 10);
    buf_addf(&ids, "%s%lld", ids.len ? "," : "", id);
    /* rows have no line break inside (the notes have none) */
    p = strstr(p, "\r\n");
  }
  char *s = xstrdup(buf_str(&ids));
  buf_free(&ids);
  return s;
}

static void test_csv(struct rp_db *db) {
  struct seen s = {{0}, 0, 0};
  struct rp_err err;
  CHECK_INT(export_csv_stream(db, sink, &s, &err), RP_OK);
  /* several pieces, none much over the chunk (a row is under 1 KiB) */
  CHECK(s.pieces >= 2);
  CHECK(s.largest <= RP_EXPORT_CHUNK + 1024);
  CHECK(strncmp(buf_str(&s.text), "id,name,org,", 12) == 0);
  /* every live contact once, in the order of the list */
  char *got = csv_ids(buf_str(&s.text));
  char *want = fx_text(db, "SELECT group_concat(id, ',') FROM (SELECT id FROM contact "
                           "WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id)");
  CHECK_STR(got, want);
  CHECK(fx_scalar(db, "SELECT count(*) FROM contact WHERE deleted_at IS NULL") == N_CONTACTS - 1);
  free(got);
  free(want);
  /* the buffer form gives the same bytes */
  struct rp_buf b = {0};
  CHECK_INT(export_csv(db, &b, &err), RP_OK);
  CHECK(b.len == s.text.len && memcmp(b.s, s.text.s, b.len) == 0);
  buf_free(&b);
  buf_free(&s.text);
  /* a sink that fails stops the export with its status */
  size_t calls = 0;
  CHECK_INT(export_csv_stream(db, sink_fails, &calls, &err), RP_EDB);
  CHECK_INT((long)calls, 2);
  CHECK(strstr(err.msg, "disk full") != NULL);
}

static void test_vcard(struct rp_db *db) {
  struct seen s = {{0}, 0, 0};
  struct rp_err err;
  CHECK_INT(export_vcard_stream(db, 4, sink, &s, &err), RP_OK);
  CHECK(s.pieces >= 2);
  CHECK(s.largest <= RP_EXPORT_CHUNK + 2048);
  size_t cards = 0;
  for (const char *p = buf_str(&s.text); (p = strstr(p, "BEGIN:VCARD")) != NULL; p++) cards++;
  CHECK_INT((long)cards, N_CONTACTS - 1);
  struct rp_buf b = {0};
  CHECK_INT(export_vcard(db, 4, &b, &err), RP_OK);
  CHECK(b.len == s.text.len && memcmp(b.s, s.text.s, b.len) == 0);
  buf_free(&b);
  buf_free(&s.text);
  CHECK_INT(export_vcard_stream(db, 5, sink, &s, &err), RP_INVALID);
  buf_free(&s.text);
}

int main(void) {
  struct rp_db *db = journal();
  test_csv(db);
  test_vcard(db);
  db_close(db);
  return check_done("test_export_stream");
}
