/* vcard_write.c — one contact as a vCard (see export_vcard_card in
 * rapport/export.h), shared by `export vcard` and the contacts side of a
 * sync: CRLF line ends, folded at 75 octets; every email, phone and URL
 * with its TYPE and the preferred one marked, the location as the
 * locality of an ADR, the tags as CATEGORIES. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rapport/contact.h"
#include "rapport/export.h"
#include "rapport/utf8.h"

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

/* Does the word s[0..n) hold a letter? ASCII letters, and the letters of
 * other scripts (Latin-1 on to U+1FFF, CJK and Hangul, the letters beyond
 * U+FFFF up to the symbols), but not digits, punctuation, symbols or
 * emoji (U+2000…U+2FFF, U+1D000 and up). */
static bool has_letter(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint32_t cp = 0;
    size_t len = utf8_decode(s + i, n - i, &cp);
    if (!len) len = 1;
    i += len;
    if ((cp | 32) >= 'a' && (cp | 32) <= 'z') return true;
    if ((cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7) ||
        (cp >= 0x3040 && cp < 0xD800) || (cp >= 0xF900 && cp < 0xFE00) ||
        (cp >= 0xFE70 && cp < 0xFF00) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A) || (cp >= 0xFF66 && cp < 0xFFE0) ||
        (cp >= 0x10000 && cp < 0x1D000) || (cp >= 0x20000 && cp < 0x40000))
      return true;
  }
  return false;
}

/* N: family;given;;; — the family name is the last word with a letter in
 * it, the given names the words before it (words after it, such as an
 * emoji, are left out); a name of one such word is a given name. */
static void prop_n(struct rp_buf *out, const char *name) {
  size_t len = strlen(name);
  size_t fam = len, fam_end = len, first = len; /* the family word; the first word */
  for (size_t i = 0; i < len;) {
    while (i < len && str_is_space(name[i])) i++;
    size_t start = i;
    while (i < len && !str_is_space(name[i])) i++;
    if (i == start) break;
    if (first == len) first = start;
    if (has_letter(name + start, i - start)) {
      fam = start;
      fam_end = i;
    }
  }
  struct rp_buf line = {0};
  buf_adds(&line, "N:");
  char *part = NULL;
  if (fam < len && fam > first) { /* family;given */
    part = xstrndup(name + fam, fam_end - fam);
    export_escape_text(&line, part);
    free(part);
    size_t end = fam;
    while (end > first && str_is_space(name[end - 1])) end--;
    part = xstrndup(name + first, end - first);
  } else { /* one word (or none with a letter): the given name */
    size_t start = fam < len ? fam : first, end = fam < len ? fam_end : len;
    while (end > start && str_is_space(name[end - 1])) end--;
    if (fam == len) { /* no word with a letter: the first word */
      end = start;
      while (end < len && !str_is_space(name[end])) end++;
    }
    part = xstrndup(name + start, end - start);
  }
  buf_addc(&line, ';');
  export_escape_text(&line, part);
  free(part);
  buf_adds(&line, ";;;");
  export_fold(out, buf_str(&line));
  buf_free(&line);
}

/* The parameter values a TYPE of ours becomes: each comma-separated part
 * that is a token (letters, digits, '-'), "mobile" as "cell", in upper
 * case for 3.0; appended to line after `sep` (before the first). "pref"
 * (the preferred flag says that) and `skip` (a type written already) are
 * left out. */
static void add_types(struct rp_buf *line, const char *type, const char *skip, int version,
                      const char **sep) {
  const char *p = type;
  while (p && *p) {
    size_t n = strcspn(p, ",");
    while (n && str_is_space(*p)) p++, n--;
    size_t m = n;
    while (m && str_is_space(p[m - 1])) m--;
    bool token = m > 0;
    for (size_t i = 0; i < m; i++) {
      char ch = p[i];
      token &= ((ch | 32) >= 'a' && (ch | 32) <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    }
    if (token && ((m == 4 && strncasecmp(p, "pref", 4) == 0) ||
                  (skip && strlen(skip) == m && strncasecmp(p, skip, m) == 0)))
      token = false;
    if (token) {
      const char *t = m == 6 && strncasecmp(p, "mobile", 6) == 0 ? "cell" : NULL;
      char *word = t ? xstrdup(t) : xstrndup(p, m);
      for (char *q = word; *q; q++)
        if (version == 3 && *q >= 'a' && *q <= 'z') *q = (char)(*q - 32);
        else if (version != 3 && *q >= 'A' && *q <= 'Z') *q = (char)(*q + 32);
      buf_adds(line, *sep);
      buf_adds(line, word);
      *sep = ",";
      free(word);
    }
    p += n;
    if (*p == ',') p++;
  }
}

/* Every value of a list as property `name`: its TYPE, and the preferred
 * one marked when there are several (3.0: TYPE=…,PREF; 4.0: PREF=1).
 * `fixed` opens the 4.0 parameters (";VALUE=text"), `plain3` is the 3.0
 * TYPE of every value ("INTERNET"; NULL: none; a type of ours that says
 * it is left out in both versions) and `bare3` the 3.0 TYPE of a value
 * with no type of its own ("VOICE"). A URL is written as it is (a URI,
 * not TEXT), and left out when it holds a line break. */
static void prop_values(struct rp_buf *out, const char *name, const char *fixed,
                        const char *plain3, const char *bare3,
                        const struct rp_contact_values *vs, int version, bool uri) {
  for (size_t i = 0; i < vs->n; i++) {
    const struct rp_contact_value *v = &vs->v[i];
    if (str_empty(v->value) || (uri && strpbrk(v->value, "\r\n"))) continue;
    bool pref = v->preferred && vs->n > 1;
    struct rp_buf line = {0};
    buf_adds(&line, name);
    if (fixed && version != 3) buf_adds(&line, fixed);
    const char *sep = ";TYPE=";
    size_t before = line.len;
    if (version == 3 && plain3) {
      buf_adds(&line, sep);
      buf_adds(&line, plain3);
      sep = ",";
    }
    add_types(&line, v->type, plain3, version, &sep);
    if (version == 3 && line.len == before && bare3) {
      buf_adds(&line, sep);
      buf_adds(&line, bare3);
      sep = ",";
    }
    if (pref && version == 3) {
      buf_adds(&line, sep);
      buf_adds(&line, "PREF");
    } else if (pref) {
      buf_adds(&line, ";PREF=1");
    }
    buf_addc(&line, ':');
    if (uri) buf_adds(&line, v->value);
    else export_escape_text(&line, v->value);
    export_fold(out, buf_str(&line));
    buf_free(&line);
  }
}

/* ADR with the whole location as its locality (the third of seven
 * components after PO box, extended and street), NULL or "" → nothing. */
static void prop_adr(struct rp_buf *out, const char *location) {
  if (str_empty(location)) return;
  struct rp_buf line = {0};
  buf_adds(&line, "ADR:;;;");
  export_escape_text(&line, location);
  buf_adds(&line, ";;;");
  export_fold(out, buf_str(&line));
  buf_free(&line);
}

/* rapport's own fields as X-RAPPORT-* properties (other programs keep
 * properties they do not know): how known, warmth, introduced by, stage,
 * seniority, channel, field and the cadence when one is set. */
static void rapport_props(struct rp_buf *out, const struct rp_contact *c) {
  prop(out, "X-RAPPORT-HOW-KNOWN", c->how_known);
  if (c->warmth_set) prop(out, "X-RAPPORT-WARMTH", c->warmth);
  prop(out, "X-RAPPORT-INTRODUCED-BY", c->introduced_by_name);
  prop(out, "X-RAPPORT-STAGE", c->stage);
  prop(out, "X-RAPPORT-SENIORITY", c->seniority);
  prop(out, "X-RAPPORT-CHANNEL", c->channel);
  prop(out, "X-RAPPORT-FIELD", c->field);
  if (c->cadence_set) {
    char days[32];
    if (c->cadence_days > 0) snprintf(days, sizeof days, "%d", c->cadence_days);
    else str_copy(days, sizeof days, "none");
    prop(out, "X-RAPPORT-CADENCE", days);
  }
}

/* See export.h. */
void export_vcard_card(struct rp_buf *out, const struct rp_contact *c, int version,
                       const char *uid, bool rapport) {
  buf_adds(out, "BEGIN:VCARD\r\n");
  buf_adds(out, version == 3 ? "VERSION:3.0\r\n" : "VERSION:4.0\r\n");
  buf_addf(out, "PRODID:-//rapport//rapport %s//EN\r\n", RAPPORT_VERSION);
  prop(out, "UID", uid);
  prop(out, "FN", c->name);
  prop_n(out, c->name);
  prop(out, "ORG", c->org);
  prop(out, "TITLE", c->role);
  prop_values(out, "EMAIL", NULL, "INTERNET", NULL, &c->emails, version, false);
  prop_values(out, "TEL", ";VALUE=text", NULL, "VOICE", &c->phones, version, false);
  prop_values(out, "URL", NULL, NULL, NULL, &c->urls, version, true);
  prop_adr(out, c->location);
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
  if (rapport) rapport_props(out, c);
  char rev[17];
  export_utc(c->updated_at, rev);
  buf_addf(out, "REV:%s\r\n", rev);
  buf_adds(out, "END:VCARD\r\n");
}

