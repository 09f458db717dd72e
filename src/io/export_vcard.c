/* export_vcard.c — see rapport/export.h: live contacts as vCard 4.0 (RFC
 * 6350) or 3.0 (RFC 2426), one card each (vcard_write.c writes a card),
 * UID derived from the journal id and the contact id. Streamed a page of
 * contacts at a time (export_contacts_each). */
#include <stdlib.h>
#include <string.h>

#include "rapport/contact.h"
#include "rapport/dump.h"
#include "rapport/export.h"

struct vcard_ctx {
  int version;
  char jid[33];
};

static void vcard_contact(void *vctx, struct rp_buf *out, const struct rp_contact *c) {
  const struct vcard_ctx *x = vctx;
  char uuid[37], uid[64];
  export_uuid(x->jid, "contact", c->id, uuid);
  str_copy(uid, sizeof uid, "urn:uuid:");
  str_copy(uid + 9, sizeof uid - 9, uuid);
  export_vcard_card(out, c, x->version, uid, false);
}

/* See export.h. */
enum rp_status export_vcard_stream(struct rp_db *db, int version, export_sink_fn sink,
                                   void *ctx, struct rp_err *err) {
  if (version != 3 && version != 4)
    return rp_err_set(err, RP_INVALID, "vCard version must be 3 or 4, not %d", version);
  struct vcard_ctx x = {.version = version};
  enum rp_status s = dump_journal_id(db, x.jid, err);
  if (s == RP_OK) s = export_contacts_each(db, "", vcard_contact, &x, sink, ctx, err);
  return s;
}

/* See export.h. */
enum rp_status export_vcard(struct rp_db *db, int version, struct rp_buf *out,
                            struct rp_err *err) {
  buf_adds(out, "");
  return export_vcard_stream(db, version, export_buf_sink, out, err);
}
