/* vcard_decode.c — a vCard value's bytes into UTF-8 text (see
 * vcard_internal.h): parameters (TYPE, PREF, ENCODING, CHARSET in 2.1, 3.0
 * and 4.0 forms), quoted-printable, charsets through encoding.h, escapes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/vcard_internal.h"
#include "rapport/encoding.h"
#include "rapport/utf8.h"

/* ---- parameters ---- */

/* The kind of use a TYPE token names, and how strongly: a fax or a mobile
 * says more than "work", which says more than "voice" (the default of a
 * phone). Lower rank wins. */
static const char *type_kind(const char *t, int *rank) {
  static const struct {
    const char *token, *kind;
    int rank;
  } known[] = {
      {"fax", "fax", 0},       {"homefax", "fax", 0},   {"workfax", "fax", 0},
      {"otherfax", "fax", 0},  {"cell", "mobile", 1},   {"mobile", "mobile", 1},
      {"iphone", "mobile", 1}, {"pager", "pager", 2},   {"work", "work", 3},
      {"home", "home", 4},     {"voice", "voice", 6},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(known); i++)
    if (!strcmp(t, known[i].token)) {
      *rank = known[i].rank;
      return known[i].kind;
    }
  *rank = 5; /* "main", "other", "assistant", a program's own */
  return t;
}

/* Take one TYPE token (or 2.1 bare parameter), lower-cased, into out;
 * *rank is the rank of out->type so far. */
static void type_token(char *t, struct vcard_params *out, int *rank) {
  for (char *q = t; *q; q++) *q = (char)tolower((unsigned char)*q);
  if (!*t || !strcmp(t, "internet") || !strcmp(t, "x400")) return; /* a transport, not a use */
  if (!utf8_valid(t, strlen(t))) return; /* a parameter is ASCII; this one is noise */
  if (!strcmp(t, "pref")) {
    out->pref = 1;
    return;
  }
  int r;
  const char *kind = type_kind(t, &r);
  if (r < *rank) {
    *rank = r;
    str_replace(&out->type, kind);
  }
}

/* s[0..n) without surrounding spaces and one pair of double quotes: a new
 * string. */
static char *param_text(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  if (n >= 2 && s[0] == '"' && s[n - 1] == '"') s++, n -= 2;
  return xstrndup(s, n);
}

/* One parameter "KEY=VALUE[,VALUE]" or a bare 2.1 "VALUE". */
static void param_one(const char *s, size_t n, struct vcard_params *out, int *rank) {
  const char *eq = memchr(s, '=', n);
  char *key = param_text(s, eq ? (size_t)(eq - s) : n);
  if (!eq) {
    if (!strcasecmp(key, "QUOTED-PRINTABLE")) out->encoding = VCARD_QP;
    else if (!strcasecmp(key, "BASE64")) out->encoding = VCARD_BASE64;
    else if (strcasecmp(key, "8BIT") && strcasecmp(key, "7BIT")) type_token(key, out, rank);
    free(key);
    return;
  }
  const char *v = eq + 1, *end = s + n;
  if (!strcasecmp(key, "TYPE")) {
    /* a list: TYPE=work,pref or TYPE="work,voice" or TYPE="work","voice" */
    while (v <= end) {
      const char *c = v;
      bool quoted = false;
      while (c < end && (quoted || *c != ',')) {
        if (*c == '"') quoted = !quoted;
        c++;
      }
      char *t = param_text(v, (size_t)(c - v));
      /* what a quoted list holds is a list too */
      for (char *tok = t, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next) *next++ = '\0';
        char *clean = param_text(tok, strlen(tok));
        type_token(clean, out, rank);
        free(clean);
      }
      free(t);
      v = c + 1;
    }
  } else {
    char *val = param_text(v, (size_t)(end - v));
    if (!strcasecmp(key, "ENCODING")) {
      if (!strcasecmp(val, "QUOTED-PRINTABLE")) out->encoding = VCARD_QP;
      else if (!strcasecmp(val, "BASE64") || !strcasecmp(val, "B")) out->encoding = VCARD_BASE64;
    } else if (!strcasecmp(key, "CHARSET")) {
      if (!out->charset && val[0]) out->charset = xstrdup(val);
    } else if (!strcasecmp(key, "PREF")) {
      char *e;
      long p = strtol(val, &e, 10);
      if (e != val && *e == '\0' && p >= 1 && p <= 100 && (!out->pref || p < out->pref))
        out->pref = (int)p;
    }
    free(val);
  }
  free(key);
}

/* See vcard_internal.h. */
void vcard_params_parse(const char *s, size_t n, struct vcard_params *out) {
  memset(out, 0, sizeof *out);
  int rank = 100;
  for (size_t i = 0; i < n;) {
    size_t start = i;
    bool quoted = false;
    while (i < n && (quoted || s[i] != ';')) {
      if (s[i] == '"') quoted = !quoted;
      i++;
    }
    if (i > start) param_one(s + start, i - start, out, &rank);
    i++;
  }
}

/* See vcard_internal.h. */
void vcard_params_free(struct vcard_params *p) {
  free(p->charset);
  free(p->type);
  memset(p, 0, sizeof *p);
}

/* ---- bytes into UTF-8 ---- */

static int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decode quoted-printable: =XY (either case) is a byte, a '=' that starts
 * no such pair is kept as it is (the value is never refused), a '=' at the
 * very end (a soft break with nothing after) is dropped. CR LF and a CR
 * alone become LF. New string into b. */
static void qp_decode(const char *s, size_t n, struct rp_buf *b) {
  bool cr = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '=') {
      if (i + 1 == n) break;
      int h = i + 2 < n ? hex(s[i + 1]) : -1, l = i + 2 < n ? hex(s[i + 2]) : -1;
      if (h >= 0 && l >= 0) {
        c = (char)(h * 16 + l);
        i += 2;
      }
    }
    if (c == '\n' && cr) {
      cr = false;
      continue;
    }
    cr = c == '\r';
    buf_addc(b, cr ? '\n' : c);
  }
}

/* True when the charset writes ASCII as ASCII (not UTF-7, UTF-16, …), so
 * text of printable ASCII needs no conversion. */
static bool ascii_superset(const char *cs) {
  static const char *const not[] = {"utf-7", "utf7", "utf-16", "utf16", "utf-32",
                                    "utf32", "ucs",  "unicode"};
  for (size_t i = 0; i < RP_ARRAY_LEN(not); i++)
    if (!strncasecmp(cs, not[i], strlen(not[i]))) return false;
  return true;
}

static bool plain_ascii(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0 || c >= 0x80 || c == 0x1B) return false; /* ESC: ISO-2022 shifts */
  }
  return true;
}

/* n bytes read as Windows-1252: a new string (every byte becomes some
 * character; the five it leaves undefined become U+FFFD). */
static char *from_1252(const char *s, size_t n) {
  char *out = NULL;
  size_t bad = 0;
  if (encoding_to_utf8("WINDOWS-1252", s, n, &out, NULL, &bad, NULL) == RP_OK) return out;
  struct rp_buf b = {0}; /* no such charset in this iconv: keep ASCII */
  buf_adds(&b, "");
  for (size_t i = 0; i < n && s[i]; i++)
    if ((unsigned char)s[i] < 0x80) buf_addc(&b, s[i]);
    else buf_adds(&b, "\xEF\xBF\xBD");
  return buf_steal(&b);
}

/* A property or charset name for a message: printable ASCII only (a
 * hostile file's bytes become '?'), at most 40 bytes, upper case when
 * `upper`. */
static void msg_name(const char *s, char *out, size_t size, bool upper) {
  size_t i = 0;
  for (; s[i] && i + 1 < size && i < 40; i++) {
    unsigned char c = (unsigned char)s[i];
    out[i] = c < 0x20 || c >= 0x7F ? '?' : upper ? (char)toupper(c) : (char)c;
  }
  out[i] = '\0';
}

/* See vcard_internal.h. */
char *vcard_value_text(const struct vcard_line *l, struct rp_import_person *p,
                       const char *file) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  if (l->params.encoding == VCARD_QP) qp_decode(l->value, l->value_len, &b);
  else buf_add(&b, l->value, l->value_len);
  const char *cs = l->params.charset;
  char name[48], csname[48];
  msg_name(l->name, name, sizeof name, true);
  char *out = NULL;
  if (!cs || encoding_is_utf8(cs)) {
    if (utf8_valid(b.s, b.len)) return buf_steal(&b);
    import_person_warn(p, file, l->line, "%s was not UTF-8: read as Windows-1252", name);
    out = from_1252(b.s, b.len);
  } else if (plain_ascii(b.s, b.len) && ascii_superset(cs)) {
    return buf_steal(&b);
  } else {
    size_t bad = 0;
    msg_name(cs, csname, sizeof csname, false);
    if (encoding_to_utf8(cs, b.s, b.len, &out, NULL, &bad, NULL) != RP_OK) {
      import_person_warn(p, file, l->line, "%s: unknown CHARSET '%s': read as Windows-1252",
                         name, csname);
      out = from_1252(b.s, b.len);
    } else if (bad) {
      import_person_warn(p, file, l->line, "%s: %zu byte%s not %s text, shown as \xEF\xBF\xBD",
                         name, bad, bad == 1 ? " is" : "s are", csname);
    }
  }
  buf_free(&b);
  return out;
}

/* ---- escapes ---- */

/* See vcard_internal.h. */
char *vcard_unescape(const char *s, size_t n, char sep_to) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\' && i + 1 < n) {
      char e = s[++i];
      buf_addc(&b, e == 'n' || e == 'N' ? '\n' : e);
    } else if (sep_to && (c == ',' || c == ';')) {
      buf_addc(&b, sep_to);
    } else {
      buf_addc(&b, c);
    }
  }
  return buf_steal(&b);
}

/* See vcard_internal.h. */
void vcard_split(const char *v, char sep, struct rp_strv *out) {
  const char *start = v;
  for (const char *p = v;; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      continue;
    }
    if (*p == sep || *p == '\0') {
      char *part = vcard_unescape(start, (size_t)(p - start), sep == ';' ? ' ' : 0);
      strv_push(out, part);
      free(part);
      if (*p == '\0') break;
      start = p + 1;
    }
  }
}
