/* export_csv.c — see rapport/export.h: live contacts as RFC 4180 CSV: the
 * primary email, phone and URL in their columns, and every one of each
 * (joined with "; ") in the last three. Streamed a page of contacts at a
 * time (export_contacts_each), so memory does not grow with the journal. */
#include <stdlib.h>

#include "rapport/contact.h"
#include "rapport/export.h"

/* One contact as a CSV row appended to out (`lists`: scratch). */
static void csv_row(struct rp_buf *out, const struct rp_contact *c, struct rp_buf *lists) {
  char *tags = strv_join(&c->tags, ";");
  const char *fields[] = {c->name,      c->org,       c->role,     c->field,
                          c->email,     c->phone,     c->url,      c->location,
                          c->how_known, c->warmth,    c->introduced_by_name,
                          c->seniority, c->channel,   c->stage,    tags,
                          c->known_since, c->work,    c->challenges, c->notes};
  buf_addf(out, "%lld", (long long)c->id);
  for (size_t k = 0; k < RP_ARRAY_LEN(fields); k++) {
    buf_addc(out, ',');
    export_csv_field(out, fields[k]);
  }
  const struct rp_contact_values *all[] = {&c->emails, &c->phones, &c->urls};
  for (size_t k = 0; k < RP_ARRAY_LEN(all); k++) {
    buf_reset(lists);
    for (size_t j = 0; j < all[k]->n; j++) {
      if (j) buf_adds(lists, "; ");
      buf_adds(lists, all[k]->v[j].value);
    }
    buf_addc(out, ',');
    export_csv_field(out, buf_str(lists));
  }
  buf_adds(out, "\r\n");
  free(tags);
}

struct csv_ctx {
  struct rp_buf lists;
};

static void csv_contact(void *vctx, struct rp_buf *out, const struct rp_contact *c) {
  struct csv_ctx *x = vctx;
  csv_row(out, c, &x->lists);
}

/* See export.h. */
enum rp_status export_csv_stream(struct rp_db *db, export_sink_fn sink, void *ctx,
                                 struct rp_err *err) {
  struct csv_ctx x = {{0}};
  enum rp_status s = export_contacts_each(
      db,
      "id,name,org,role,field,email,phone,url,location,how_known,warmth,introduced_by,"
      "seniority,channel,stage,tags,known_since,work,challenges,notes,emails,phones,urls\r\n",
      csv_contact, &x, sink, ctx, err);
  buf_free(&x.lists);
  return s;
}

/* See export.h. */
enum rp_status export_csv(struct rp_db *db, struct rp_buf *out, struct rp_err *err) {
  return export_csv_stream(db, export_buf_sink, out, err);
}
