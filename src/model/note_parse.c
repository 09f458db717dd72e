/* note_parse.c — see rapport/conversation.h: reading what was typed on the
 * notes line. A leading '!', '*', '+' or '@' tags the line; the text of a
 * referral ('@') names a person, their organisation and a note. Pure: no
 * journal, no config. Every split is at an ASCII byte or at a whole dash
 * sequence, so multi-byte UTF-8 characters are never cut (no byte of a
 * multi-byte character is ASCII). */
#include <stdlib.h>
#include <string.h>

#include "rapport/conversation.h"

const char *const rp_note_tag_names[5] = {"", "insight", "feedback", "action", "referral"};
const char rp_note_tag_chars[5] = {0, '!', '*', '+', '@'};

/* See conversation.h. Leading whitespace is skipped before and after the
 * tag character; *text points into line (trailing whitespace is left for
 * the caller, who copies the text, to trim). A lone tag character gives
 * that tag and an empty text. */
enum rp_note_tag note_parse_tag(const char *line, const char **text) {
  const char *p = line ? line : "";
  while (str_is_space(*p)) p++;
  enum rp_note_tag tag = NOTE_PLAIN;
  for (int i = 1; i < 5; i++)
    if (*p == rp_note_tag_chars[i]) {
      tag = (enum rp_note_tag)i;
      p++;
      while (str_is_space(*p)) p++;
      break;
    }
  if (text) *text = p;
  return tag;
}

/* A new copy of s[0..n) without surrounding whitespace; NULL when that
 * leaves nothing. */
static char *trimmed(const char *s, size_t n) {
  while (n && str_is_space(*s)) {
    s++;
    n--;
  }
  while (n && str_is_space(s[n - 1])) n--;
  return n ? xstrndup(s, n) : NULL;
}

/* The dashes that separate the note: em dash, en dash (what many keyboards
 * type for " - "), "--" and "-". Longest first, so "--" is not read as
 * "-" followed by a name starting with "-". */
static const char *const dashes[] = {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-"};

/* Length of the dash at s that stands alone: at the start of the text or
 * after a space, and followed by a space or the end. 0 when none. */
static size_t dash_at(const char *start, const char *s) {
  if (s != start && !str_is_space(s[-1])) return 0;
  for (size_t i = 0; i < RP_ARRAY_LEN(dashes); i++) {
    size_t n = strlen(dashes[i]);
    if (strncmp(s, dashes[i], n) == 0 && (s[n] == '\0' || str_is_space(s[n]))) return n;
  }
  return 0;
}

/* Name suffixes that a comma does not separate from the name. */
static const char *const suffixes[] = {"Jr", "Jr.", "Sr",    "Sr.", "II",  "III",
                                       "IV", "PhD", "Ph.D.", "MD",  "M.D."};

/* True when s[0..n), trimmed, is a name suffix (any ASCII case). */
static bool is_suffix(const char *s, size_t n) {
  char *t = trimmed(s, n);
  bool yes = false;
  for (size_t i = 0; t && !yes && i < RP_ARRAY_LEN(suffixes); i++) yes = str_ieq(t, suffixes[i]);
  free(t);
  return yes;
}

/* The comma in s[0..n) that ends the name: the first one not followed by a
 * name suffix ("King, Jr., Atlanta"). NULL when none. */
static const char *name_comma(const char *s, size_t n) {
  const char *end = s + n;
  for (const char *c = memchr(s, ',', n); c; c = memchr(c + 1, ',', (size_t)(end - c - 1))) {
    const char *next = memchr(c + 1, ',', (size_t)(end - c - 1));
    if (!is_suffix(c + 1, (size_t)((next ? next : end) - (c + 1)))) return c;
    if (!next) return NULL;
  }
  return NULL;
}

/* See conversation.h. out is filled (caller frees with referral_free) only
 * on success; on RP_INVALID (err->field "name") it is left zeroed. */
enum rp_status referral_parse(const char *text, struct rp_referral *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  const char *s = text ? text : "";
  while (str_is_space(*s)) s++;
  size_t len = strlen(s);
  /* a quoted name: everything up to the closing quote, commas and dashes
   * included */
  const char *q_end = NULL, *scan = s;
  if (*s == '"') {
    q_end = strchr(s + 1, '"');
    if (q_end) scan = q_end + 1;
  }
  /* the note: after the first free-standing dash outside the quotes */
  const char *head_end = s + len, *note = NULL;
  for (const char *p = scan; *p; p++) {
    size_t d = dash_at(s, p);
    if (d) {
      head_end = p;
      note = p + d;
      break;
    }
  }
  char *name = NULL, *org = NULL;
  if (q_end) {
    name = trimmed(s + 1, (size_t)(q_end - s - 1));
    /* after the closing quote: more of the name up to a comma, then the
     * organisation ("\"Shah, Priya\" Jr, Acme" keeps "Jr" in the name) */
    const char *rest = q_end + 1;
    const char *comma = memchr(rest, ',', (size_t)(head_end - rest));
    char *more = trimmed(rest, (size_t)((comma ? comma : head_end) - rest));
    if (more) {
      char *joined = xasprintf("%s %s", name ? name : "", more);
      free(name);
      name = trimmed(joined, strlen(joined));
      free(joined);
      free(more);
    }
    if (comma) org = trimmed(comma + 1, (size_t)(head_end - comma - 1));
  } else {
    const char *start = *s == '"' ? s + 1 : s; /* an unclosed quote is dropped */
    const char *comma = name_comma(start, (size_t)(head_end - start));
    name = trimmed(start, (size_t)((comma ? comma : head_end) - start));
    if (comma) org = trimmed(comma + 1, (size_t)(head_end - comma - 1));
  }
  if (!name) {
    free(org);
    return rp_err_field(err, RP_INVALID, "name",
                        "a referral needs a name: @Name, Organisation \xE2\x80\x94 note");
  }
  out->name = name;
  out->org = org;
  out->note = note ? trimmed(note, strlen(note)) : NULL;
  return RP_OK;
}

/* Frees the strings; r is left zeroed. */
void referral_free(struct rp_referral *r) {
  free(r->name);
  free(r->org);
  free(r->note);
  memset(r, 0, sizeof *r);
}
