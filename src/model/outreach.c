/* outreach.c — see rapport/outreach.h. */
#include "rapport/outreach.h"

#include <stdlib.h>
#include <string.h>

#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/worksheet.h"

/* First word of s (up to a space), or NULL when s is empty. */
static char *first_word(const char *s) {
  if (str_empty(s)) return NULL;
  while (*s == ' ') s++;
  size_t n = strcspn(s, " \t");
  return n ? xstrndup(s, n) : NULL;
}

/* First line of s without trailing spaces or a final full stop. */
static char *first_line(const char *s) {
  if (str_empty(s)) return NULL;
  while (*s == ' ' || *s == '\n') s++;
  size_t n = strcspn(s, "\n");
  while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == '\t')) n--;
  return n ? xstrndup(s, n) : NULL;
}

/* Title of the first entry of `section` (for superpowers: the first with
 * evidence, else the first). */
static enum rp_status first_title(struct rp_db *db, enum rp_ws_section section, char **out,
                                  struct rp_err *err) {
  struct rp_ws_list l = {0};
  *out = NULL;
  enum rp_status st = ws_item_list(db, section, &l, err);
  if (st != RP_OK) return st;
  const struct rp_ws_item *pick = l.n ? &l.v[0] : NULL;
  if (section == WS_SUPERPOWER)
    for (size_t i = 0; i < l.n; i++)
      if (!ws_needs_evidence(&l.v[i])) {
        pick = &l.v[i];
        break;
      }
  if (pick && !str_empty(pick->title)) *out = xstrdup(pick->title);
  ws_list_free(&l);
  return RP_OK;
}

enum rp_status outreach_draft_new(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                  char **out, struct rp_err *err) {
  *out = NULL;
  struct rp_contact ct;
  contact_init(&ct);
  enum rp_status st = contact_get(db, id, &ct, err);
  if (st != RP_OK) return st;
  char *power = NULL, *problem = NULL;
  st = first_title(db, WS_SUPERPOWER, &power, err);
  if (st == RP_OK) st = first_title(db, WS_PROBLEM, &problem, err);
  if (st == RP_OK) {
    char *name = first_word(ct.name), *intro = first_word(ct.introduced_by_name),
         *work = first_line(ct.work);
    static const char *const keys[] = {"name", "introducer", "their_work", "my_superpower",
                                       "my_problem"};
    const char *values[] = {name, intro, work, power, problem};
    *out = draft_fill(cfg->outreach_template ? cfg->outreach_template : "", keys, values,
                      RP_ARRAY_LEN(keys));
    free(name);
    free(intro);
    free(work);
  }
  free(power);
  free(problem);
  contact_free(&ct);
  return st;
}
