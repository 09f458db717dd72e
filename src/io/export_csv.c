/* export_csv.c — see rapport/export.h: live contacts as RFC 4180 CSV: the
 * primary email, phone and URL in their columns, and every one of each
 * (joined with "; ") in the last three. */
#include <stdlib.h>

#include "rapport/contact.h"
#include "rapport/export.h"

/* See export.h. */
enum rp_status export_csv(struct rp_db *db, struct rp_buf *out, struct rp_err *err) {
  struct rp_contact_list l = {0};
  enum rp_status s = contact_list(db, NULL, 0, -1, &l, err);
  if (s == RP_OK) s = contact_list_values(db, &l, err);
  if (s != RP_OK) {
    contact_list_free(&l);
    return s;
  }
  buf_adds(out, "id,name,org,role,field,email,phone,url,location,how_known,warmth,introduced_by,"
                "seniority,channel,stage,tags,known_since,work,challenges,notes,emails,phones,"
                "urls\r\n");
  struct rp_buf lists = {0};
  for (size_t i = 0; i < l.n; i++) {
    const struct rp_contact *c = &l.v[i];
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
      buf_reset(&lists);
      for (size_t j = 0; j < all[k]->n; j++) {
        if (j) buf_adds(&lists, "; ");
        buf_adds(&lists, all[k]->v[j].value);
      }
      buf_addc(out, ',');
      export_csv_field(out, buf_str(&lists));
    }
    buf_adds(out, "\r\n");
    free(tags);
  }
  buf_free(&lists);
  contact_list_free(&l);
  return RP_OK;
}
