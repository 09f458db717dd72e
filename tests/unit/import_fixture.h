/* import_fixture.h — what the import tests share: reading a fixture from
 * $RAPPORT_TEST_DATA/import/ and parsing it under its bare name, so the
 * messages read "NAME:LINE: …". */
#ifndef RAPPORT_TEST_IMPORT_FIXTURE_H
#define RAPPORT_TEST_IMPORT_FIXTURE_H

#include "check.h"
#include "rapport/import.h"
#include "rapport/paths.h"

/* The text of fixture `name` (caller frees); exits when missing. */
static inline char *fx_import_text(const char *name, size_t *len) {
  const char *dir = getenv("RAPPORT_TEST_DATA");
  char *path = xasprintf("%s/import/%s", dir ? dir : "tests/unit/data", name);
  char *text = NULL;
  struct rp_err err;
  if (paths_read_file(path, &text, len, &err) != RP_OK) {
    fprintf(stderr, "%s\n", err.msg);
    exit(2);
  }
  free(path);
  return text;
}

/* Parse fixture `name` as LinkedIn (how_known "community") or vCard. */
static inline enum rp_status fx_parse(const char *name, bool vcard, struct rp_import_people *out,
                                      struct rp_err *err) {
  size_t len;
  char *text = fx_import_text(name, &len);
  enum rp_status st = vcard ? import_parse_vcard(name, text, len, out, err)
                            : import_parse_linkedin(name, text, len, "community", out, err);
  free(text);
  return st;
}

/* "WHERE: BAD" of person i, or its where alone when it is good; static. */
static inline const char *fx_bad(const struct rp_import_people *p, size_t i) {
  static char buf[600];
  if (i >= p->n) return "(none)";
  snprintf(buf, sizeof buf, "%s%s%s", p->v[i].where, p->v[i].bad ? ": " : "",
           p->v[i].bad ? p->v[i].bad : "");
  return buf;
}

#endif
