/* export_vcard.c — see rapport/export.h: live contacts as vCard 4.0 (RFC
 * 6350) or 3.0 (RFC 2426), one card each, CRLF line ends, folded at 75
 * octets, UID derived from the journal id and the contact id. */
#include <stdlib.h>
#include <string.h>

#include "rapport/contact.h"
#include "rapport/dump.h"
#include "rapport/export.h"

/* "NAME:value" with value escaped as TEXT (NULL or "" → nothing). */
static void prop(struct rp_buf *out, const char *name, const char *value) {
  if (str_empty(value)) return;
  struct rp_buf line = {0};
  buf_adds(&line, name);
  buf_addc(&line, ':');
  export_escape_text(&line, value);
  export_fold(out, buf_str(&line));
  buf_free(&line);
}

/* N: family;given;;; — the last word is the family name, the rest given
 * names (a single word is a family name). */
static void prop_n(struct rp_buf *out, const char *name) {
  char *copy = xstrdup(name);
  size_t len = strlen(copy);
  while (len && str_is_space(copy[len - 1])) copy[--len] = '\0';
  char *sp = NULL;
  for (char *p = copy; *p; p++)
    if (str_is_space(*p)) sp = p;
  struct rp_buf line = {0};
  buf_adds(&line, "N:");
  if (sp) {
    *sp = '\0';
    export_escape_text(&line, sp + 1);
    buf_addc(&line, ';');
    export_escape_text(&line, copy);
  } else {
    export_escape_text(&line, copy);
    buf_addc(&line, ';');
  }
  buf_adds(&line, ";;;");
  export_fold(out, buf_str(&line));
  buf_free(&line);
  free(copy);
}

static void card(struct rp_buf *out, const struct rp_contact *c, int version, const char *jid) {
  char uuid[37];
  export_uuid(jid, "contact", c->id, uuid);
  buf_adds(out, "BEGIN:VCARD\r\n");
  buf_adds(out, version == 3 ? "VERSION:3.0\r\n" : "VERSION:4.0\r\n");
  buf_addf(out, "PRODID:-//rapport//rapport %s//EN\r\n", RAPPORT_VERSION);
  buf_addf(out, "UID:urn:uuid:%s\r\n", uuid);
  prop(out, "FN", c->name);
  prop_n(out, c->name);
  prop(out, "ORG", c->org);
  prop(out, "TITLE", c->role);
  prop(out, version == 3 ? "EMAIL;TYPE=INTERNET" : "EMAIL", c->email);
  prop(out, version == 3 ? "TEL;TYPE=VOICE" : "TEL;VALUE=text", c->phone);
  if (!str_empty(c->url) && !strpbrk(c->url, "\r\n")) {
    char *line = xasprintf("URL:%s", c->url); /* a URI: not escaped as text */
    export_fold(out, line);
    free(line);
  }
  prop(out, "NOTE", c->notes);
  if (c->tags.n) {
    struct rp_buf line = {0};
    buf_adds(&line, "CATEGORIES:");
    for (size_t i = 0; i < c->tags.n; i++) {
      if (i) buf_addc(&line, ',');
      export_escape_text(&line, c->tags.v[i]);
    }
    export_fold(out, buf_str(&line));
    buf_free(&line);
  }
  char rev[17];
  export_utc(c->updated_at, rev);
  buf_addf(out, "REV:%s\r\n", rev);
  buf_adds(out, "END:VCARD\r\n");
}

/* See export.h. */
enum rp_status export_vcard(struct rp_db *db, int version, struct rp_buf *out,
                            struct rp_err *err) {
  if (version != 3 && version != 4)
    return rp_err_set(err, RP_INVALID, "vCard version must be 3 or 4, not %d", version);
  char jid[33];
  enum rp_status s = dump_journal_id(db, jid, err);
  struct rp_contact_list l = {0};
  if (s == RP_OK) s = contact_list(db, NULL, 0, -1, &l, err);
  if (s != RP_OK) return s;
  buf_adds(out, "");
  for (size_t i = 0; i < l.n; i++) card(out, &l.v[i], version, jid);
  contact_list_free(&l);
  return RP_OK;
}
