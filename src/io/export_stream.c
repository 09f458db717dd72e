/* export_stream.c — see rapport/export.h: the live contacts handed to a
 * writer a page at a time and its text to a sink in pieces, for the CSV
 * and vCard exports: what is in memory is one page and one piece, however
 * large the journal. */
#include <stdlib.h>

#include "rapport/contact.h"
#include "rapport/export.h"

/* Contacts read at a time: a page costs what it returns (keyset paging). */
#define EXPORT_PAGE 500

/* See export.h. */
enum rp_status export_buf_sink(void *vbuf, const char *data, size_t len, struct rp_err *err) {
  (void)err;
  buf_add(vbuf, data, len);
  return RP_OK;
}

/* Hand out's text to sink and empty it. */
static enum rp_status flush(struct rp_buf *out, export_sink_fn sink, void *ctx,
                            struct rp_err *err) {
  enum rp_status s = out->len ? sink(ctx, out->s, out->len, err) : RP_OK;
  buf_reset(out);
  return s;
}

/* See export.h. One read transaction: a consistent snapshot while others
 * write (the pages are separate statements). */
enum rp_status export_contacts_each(struct rp_db *db, const char *head, export_contact_fn fn,
                                    void *fn_ctx, export_sink_fn sink, void *ctx,
                                    struct rp_err *err) {
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_buf out = {0};
  buf_adds(&out, head);
  struct rp_contact_query q = {0};
  struct rp_contact anchor;
  contact_init(&anchor);
  bool first = true;
  for (;;) {
    struct rp_contact_list l = {0};
    s = contact_list_keyset(db, &q, first ? NULL : &anchor, KEYSET_AFTER, EXPORT_PAGE, &l, err);
    if (s == RP_OK) s = contact_list_values(db, &l, err);
    for (size_t i = 0; s == RP_OK && i < l.n; i++) {
      fn(fn_ctx, &out, &l.v[i]);
      if (out.len >= RP_EXPORT_CHUNK) s = flush(&out, sink, ctx, err);
    }
    bool more = s == RP_OK && l.n == EXPORT_PAGE;
    if (more) { /* the last one marks the place: its id and name */
      contact_free(&anchor);
      contact_init(&anchor);
      anchor.id = l.v[l.n - 1].id;
      anchor.name = xstrdup(l.v[l.n - 1].name);
      anchor.updated_at = l.v[l.n - 1].updated_at;
    }
    contact_list_free(&l);
    first = false;
    if (!more) break;
  }
  contact_free(&anchor);
  if (s == RP_OK) s = flush(&out, sink, ctx, err);
  buf_free(&out);
  if (s == RP_OK) return db_commit(db, err);
  db_rollback(db);
  return s;
}
