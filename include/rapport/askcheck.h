/* askcheck.h — the outreach draft check and the draft template. Pure text
 * functions over the config's phrase lists: no SQL, no curses. */
#ifndef RAPPORT_ASKCHECK_H
#define RAPPORT_ASKCHECK_H

#include "rapport/config.h"
#include "rapport/util.h"

/* One thing the check found in a draft. */
struct rp_finding {
  int line, col;      /* 1-based; col counts characters, not bytes */
  char *category;     /* config key: "job-request", "second-favour", "resume",
                         "pick-brain", "length", "placeholder", … */
  char *label;        /* shown: "job request" */
  char *phrase;       /* the text as found in the draft (line breaks as spaces) */
  char *suggestion;   /* what to do instead */
};

struct rp_findings {
  struct rp_finding *v;
  size_t n;
};

/* Check `text` against cfg->ask_check: every phrase of every category,
 * matched case-insensitively as whole words and across line breaks and
 * runs of spaces; unreplaced {placeholders}; more than max_words words.
 * Findings are in text order (length last). Caller frees with
 * findings_free. */
void askcheck_run(const struct rp_config *cfg, const char *text, struct rp_findings *out);
void findings_free(struct rp_findings *f);

/* Fill a template: each {key} whose key is in keys[] is replaced by the
 * matching value when that value is non-empty; other placeholders are left
 * as they are (so the check flags them). Caller frees. */
char *draft_fill(const char *tmpl, const char *const keys[], const char *const values[], size_t n);

#endif
