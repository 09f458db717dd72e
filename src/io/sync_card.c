/* sync_card.c — one card of a contacts folder (see sync_internal.h): read
 * through the vCard importer, the lines rapport leaves to other programs
 * (a photo, a birthday, another app's X- properties) kept as they were. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/sync_internal.h"
#include "rapport/export.h"

/* The properties rapport writes itself: a card written again replaces
 * them; any other line of the card is kept. */
static bool managed(const char *name, size_t n) {
  static const char *const names[] = {"BEGIN", "END",   "VERSION", "PRODID", "UID",
                                      "FN",    "N",     "ORG",     "TITLE",  "EMAIL",
                                      "TEL",   "URL",   "ADR",     "NOTE",   "CATEGORIES",
                                      "REV",   "X-ABLABEL"};
  if (n > 10 && strncasecmp(name, "X-RAPPORT-", 10) == 0) return true;
  for (size_t i = 0; i < RP_ARRAY_LEN(names); i++)
    if (strlen(names[i]) == n && strncasecmp(name, names[i], n) == 0) return true;
  return false;
}

/* The next physical line of text[*pos..len) without its line end, into
 * s and n; false at the end. */
static bool next_line(const char *text, size_t len, size_t *pos, const char **s, size_t *n) {
  if (*pos >= len) return false;
  const char *start = text + *pos;
  const char *nl = memchr(start, '\n', len - *pos);
  size_t end = nl ? (size_t)(nl - text) : len;
  *s = start;
  *n = end - *pos;
  if (*n && start[*n - 1] == '\r') (*n)--;
  *pos = nl ? end + 1 : len;
  return true;
}

/* A logical line: its name (after any group) and the whole value unfolded
 * (enough for UID and VERSION). */
struct logical {
  struct rp_buf raw;   /* the physical lines, CRLF each */
  struct rp_buf flat;  /* unfolded */
};

/* Take one finished logical line of the card into c. */
static void take_line(struct sync_card *c, struct logical *l, bool *has_name) {
  const char *s = buf_str(&l->flat);
  size_t colon = strcspn(s, ":");
  size_t semi = strcspn(s, ";");
  size_t head = colon < semi ? colon : semi;
  const char *dot = memchr(s, '.', head);
  const char *name = dot ? dot + 1 : s;
  size_t n = head - (size_t)(name - s);
  const char *value = s[colon] ? s + colon + 1 : "";
  if (n == 3 && !strncasecmp(name, "UID", 3) && !c->uid) {
    char *v = xstrdup(value);
    str_trim_null(&v);
    c->uid = v;
  } else if (n == 7 && !strncasecmp(name, "VERSION", 7)) {
    c->version = strncmp(value, "4", 1) == 0 ? 4 : 3;
  } else if ((n == 2 && !strncasecmp(name, "FN", 2)) || (n == 1 && (*name | 32) == 'n')) {
    for (const char *p = value; *p; p++)
      if (*p != ';' && *p != ' ' && *p != ',') *has_name = true;
  }
  if (!managed(name, n)) buf_adds(&c->foreign, buf_str(&l->raw));
  buf_reset(&l->raw);
  buf_reset(&l->flat);
}

/* See sync_internal.h. */
void sync_card_read(const char *name, const char *text, size_t len, struct sync_card *c) {
  memset(c, 0, sizeof *c);
  c->version = 3;
  struct rp_err err;
  rp_err_clear(&err);
  if (import_parse_vcard(name, text, len, &c->people, &err) != RP_OK) {
    c->why = xstrdup("not a vCard");
    return;
  }
  if (c->people.n != 1) {
    c->why = xasprintf("%zu cards in one file", c->people.n);
    return;
  }
  const struct rp_import_person *p = &c->people.v[0];
  if (p->bad) {
    c->why = xstrdup(p->bad);
    return;
  }
  struct logical l = {0};
  bool has_name = false, any = false;
  size_t pos = 0;
  const char *s;
  size_t n;
  while (next_line(text, len, &pos, &s, &n)) {
    if (n && (s[0] == ' ' || s[0] == '\t') && any) { /* a folded continuation */
      buf_add(&l.raw, s, n);
      buf_adds(&l.raw, "\r\n");
      buf_add(&l.flat, s + 1, n - 1);
      continue;
    }
    if (any) take_line(c, &l, &has_name);
    any = n > 0;
    if (!any) continue;
    buf_add(&l.raw, s, n);
    buf_adds(&l.raw, "\r\n");
    buf_add(&l.flat, s, n);
  }
  if (any) take_line(c, &l, &has_name);
  buf_free(&l.raw);
  buf_free(&l.flat);
  if (!has_name || !p->name) c->why = xstrdup("a card with no name (no FN and no N)");
}

/* See sync_internal.h. */
void sync_card_free(struct sync_card *c) {
  import_people_free(&c->people);
  free(c->uid);
  free(c->why);
  buf_free(&c->foreign);
  memset(c, 0, sizeof *c);
}

/* See sync_internal.h. */
const struct rp_import_person *sync_card_person(const struct sync_card *c) {
  return c->why || c->people.n != 1 ? NULL : &c->people.v[0];
}

/* *dst becomes a copy of s (NULL stays NULL). */
static void set_text(char **dst, const char *s) {
  free(*dst);
  *dst = s ? xstrdup(s) : NULL;
}

/* See sync_internal.h. */
void sync_person_to_contact(const struct rp_import_person *p, struct rp_contact *c) {
  if (p->name) set_text(&c->name, p->name);
  set_text(&c->org, p->org);
  set_text(&c->role, p->role);
  set_text(&c->location, p->location);
  set_text(&c->notes, p->notes);
  contact_values_copy(&c->emails, &p->emails);
  contact_values_copy(&c->phones, &p->phones);
  contact_values_copy(&c->urls, &p->urls);
  set_text(&c->email, contact_values_primary_value(&c->emails));
  set_text(&c->phone, contact_values_primary_value(&c->phones));
  set_text(&c->url, contact_values_primary_value(&c->urls));
  c->values_read = true;
  strv_free(&c->tags);
  strv_copy(&c->tags, &p->tags);
}

/* See sync_internal.h. */
char *sync_card_render(const struct rp_contact *c, int version, const char *uid,
                       const char *foreign) {
  struct rp_buf b = {0};
  export_vcard_card(&b, c, version, uid, true);
  if (!str_empty(foreign)) {
    static const char end[] = "END:VCARD\r\n";
    b.len -= sizeof end - 1; /* the card ends with END:VCARD */
    b.s[b.len] = '\0';
    buf_adds(&b, foreign);
    buf_adds(&b, end);
  }
  return buf_steal(&b);
}
