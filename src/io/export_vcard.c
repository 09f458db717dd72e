/* export_vcard.c — see rapport/export.h: live contacts as vCard 4.0 (RFC
 * 6350) or 3.0 (RFC 2426), one card each (vcard_write.c writes a card),
 * UID derived from the journal id and the contact id. */
#include <stdlib.h>
#include <string.h>

#include "rapport/contact.h"
#include "rapport/dump.h"
#include "rapport/export.h"

/* See export.h. */
enum rp_status export_vcard(struct rp_db *db, int version, struct rp_buf *out,
                            struct rp_err *err) {
  if (version != 3 && version != 4)
    return rp_err_set(err, RP_INVALID, "vCard version must be 3 or 4, not %d", version);
  char jid[33];
  enum rp_status s = dump_journal_id(db, jid, err);
  struct rp_contact_list l = {0};
  if (s == RP_OK) s = contact_list(db, NULL, 0, -1, &l, err);
  if (s == RP_OK) s = contact_list_values(db, &l, err);
  if (s != RP_OK) {
    contact_list_free(&l);
    return s;
  }
  buf_adds(out, "");
  for (size_t i = 0; i < l.n; i++) {
    char uuid[37], uid[64];
    export_uuid(jid, "contact", l.v[i].id, uuid);
    str_copy(uid, sizeof uid, "urn:uuid:");
    str_copy(uid + 9, sizeof uid - 9, uuid);
    export_vcard_card(out, &l.v[i], version, uid, false);
  }
  contact_list_free(&l);
  return RP_OK;
}
