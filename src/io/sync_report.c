/* sync_report.c — the report of a sync (see rapport/sync.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/sync.h"

/* See sync.h. */
void sync_report_add(struct sync_report *r, enum sync_what what, const char *file,
                     const char *fmt, ...) {
  if (r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 16;
    r->lines = xrealloc(r->lines, r->cap * sizeof *r->lines);
  }
  va_list ap;
  va_start(ap, fmt);
  char *text = xvasprintf(fmt, ap);
  va_end(ap);
  r->lines[r->n].what = what;
  r->lines[r->n].file = xstrdup(file ? file : "");
  r->lines[r->n].text = text;
  r->n++;
  r->counts[what]++;
}

/* See sync.h. */
void sync_report_free(struct sync_report *r) {
  for (size_t i = 0; i < r->n; i++) {
    free(r->lines[i].file);
    free(r->lines[i].text);
  }
  free(r->lines);
  memset(r, 0, sizeof *r);
}

/* See sync.h. */
const char *sync_what_name(enum sync_what w) {
  static const char *const names[] = {"written",  "read",     "removed", "deleted",
                                      "unlinked", "conflict", "skipped"};
  return (size_t)w < RP_ARRAY_LEN(names) ? names[w] : "?";
}

/* See sync.h. */
char *sync_report_summary(const struct sync_report *r) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int w = 0; w <= SYNC_SKIPPED; w++)
    if (r->counts[w])
      buf_addf(&b, "%s%ld %s", b.len ? ", " : "", r->counts[w], sync_what_name((enum sync_what)w));
  return buf_steal(&b);
}
