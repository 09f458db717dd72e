/* vcard_read.c — vCard 3.0 and 4.0 (and 2.1 without quoted-printable) into
 * people (see rapport/import.h): folded lines, property groups
 * ("item1.EMAIL"), parameters, escapes, names in any case. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/import_internal.h"

/* A content line once unfolded: GROUP.NAME;PARAM=…;…:VALUE. */
struct vline {
  int line;        /* where it starts */
  char *name;      /* without the group */
  char *params;    /* ";TYPE=work;CHARSET=UTF-8" or "" */
  char *value;     /* still escaped */
};

static void vline_free(struct vline *l) {
  free(l->name);
  free(l->params);
  free(l->value);
  memset(l, 0, sizeof *l);
}

/* Split the unfolded text `s` into name, parameters and value. False when
 * there is no ':' after a name. */
static bool vline_split(const char *s, struct vline *l) {
  size_t n = strcspn(s, ";:");
  if (n == 0 || s[n] == '\0') return false;
  char *full = xstrndup(s, n);
  char *dot = strrchr(full, '.');
  l->name = xstrdup(dot ? dot + 1 : full);
  free(full);
  const char *p = s + n;
  bool quoted = false;
  while (*p && (quoted || *p != ':')) {
    if (*p == '"') quoted = !quoted;
    p++;
  }
  if (*p != ':' || !l->name[0]) {
    vline_free(l);
    return false;
  }
  l->params = xstrndup(s + n, (size_t)(p - (s + n)));
  l->value = xstrdup(p + 1);
  return true;
}

/* The value of parameter `key` ("CHARSET") in params, as a new string, or
 * NULL. */
static char *param(const char *params, const char *key) {
  size_t k = strlen(key);
  for (const char *p = params; (p = strchr(p, ';')) != NULL;) {
    p++;
    if (strncasecmp(p, key, k) == 0 && p[k] == '=') {
      const char *v = p + k + 1;
      size_t m = strcspn(v, ";");
      if (m >= 2 && v[0] == '"' && v[m - 1] == '"') return xstrndup(v + 1, m - 2);
      return xstrndup(v, m);
    }
  }
  return NULL;
}

/* Unescape n bytes of a vCard text value: \n \N \, \; \: \\; a comma or
 * semicolon that is not escaped becomes `sep_to` (when not 0). */
static char *unescape(const char *s, size_t n, char sep_to) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\' && i + 1 < n) {
      char e = s[++i];
      if (e == 'n' || e == 'N') buf_addc(&b, '\n');
      else if (e == ',' || e == ';' || e == ':' || e == '\\') buf_addc(&b, e);
      else {
        buf_addc(&b, '\\');
        buf_addc(&b, e);
      }
    } else if (sep_to && (c == ',' || c == ';')) {
      buf_addc(&b, sep_to);
    } else {
      buf_addc(&b, c);
    }
  }
  return buf_steal(&b);
}

/* Split an escaped value at the unescaped `sep` into unescaped parts. */
static void split(const char *v, char sep, struct rp_strv *out) {
  const char *start = v;
  for (const char *p = v;; p++) {
    if (*p == '\\' && p[1]) {
      p++;
      continue;
    }
    if (*p == sep || *p == '\0') {
      char *part = unescape(start, (size_t)(p - start), sep == ';' ? ' ' : 0);
      strv_push(out, part);
      free(part);
      if (*p == '\0') break;
      start = p + 1;
    }
  }
}

/* Set *dst from the unescaped value unless it is already set. */
static void set_once(char **dst, const char *value, const char *prefix) {
  if (*dst) return;
  char *v = unescape(value, strlen(value), 0);
  size_t k = strlen(prefix);
  import_set(dst, strncasecmp(v, prefix, k) == 0 ? v + k : v);
  free(v);
}

/* The name from N (family;given;additional;prefix;suffix) as "given
 * additional family" (no honorifics), or nothing when all are empty. */
static void name_from_n(struct rp_import_person *p, const char *value) {
  struct rp_strv c = {0};
  split(value, ';', &c);
  struct rp_buf b = {0};
  static const size_t order[] = {1, 2, 0};
  for (size_t i = 0; i < RP_ARRAY_LEN(order); i++)
    if (order[i] < c.n && c.v[order[i]][0]) {
      if (b.len) buf_addc(&b, ' ');
      buf_adds(&b, c.v[order[i]]);
    }
  import_set(&p->name, buf_str(&b));
  buf_free(&b);
  strv_free(&c);
}

/* The card in progress; card == NULL outside one. */
struct reader {
  const char *name;
  struct rp_import_people *out;
  struct rp_import_person *card;
  char *fn, *n;       /* its FN and N (escaped N) */
  bool stray;         /* a line outside a card was already reported */
  size_t cards;
};

/* Mark the card in progress bad because of line `line` (the first reason
 * wins, and its line becomes the card's place). */
static void card_bad(struct reader *r, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void card_bad(struct reader *r, int line, const char *fmt, ...) {
  if (r->card->bad) return;
  va_list ap;
  va_start(ap, fmt);
  char *why = xvasprintf(fmt, ap);
  va_end(ap);
  free(r->card->where);
  r->card->where = xasprintf("%s:%d", r->name, line);
  import_person_bad(r->card, "%s", why);
  free(why);
}

/* One property of the card being read. */
static void property(struct reader *r, const struct vline *l) {
  struct rp_import_person *p = r->card;
  char *v = param(l->params, "CHARSET");
  if (v && strcasecmp(v, "UTF-8") != 0)
    card_bad(r, l->line, "%s;CHARSET=%s: only UTF-8 is supported; export the cards as UTF-8",
             l->name, v);
  free(v);
  v = param(l->params, "ENCODING");
  bool skip = v != NULL;
  if (v && strcasecmp(v, "QUOTED-PRINTABLE") == 0)
    card_bad(r, l->line, "quoted-printable values (vCard 2.1) are not supported; export as "
                         "vCard 3.0 or 4.0");
  free(v);
  if (skip) return; /* base64 (a photo, a key): not text */
  const char *name = l->name;
  if (!strcasecmp(name, "FN")) {
    set_once(&r->fn, l->value, "");
  } else if (!strcasecmp(name, "N")) {
    if (!r->n) r->n = xstrdup(l->value);
  } else if (!strcasecmp(name, "ORG")) {
    struct rp_strv c = {0};
    split(l->value, ';', &c);
    if (!p->org && c.n) import_set(&p->org, c.v[0]);
    strv_free(&c);
  } else if (!strcasecmp(name, "TITLE")) {
    set_once(&p->role, l->value, "");
  } else if (!strcasecmp(name, "EMAIL")) {
    set_once(&p->email, l->value, "mailto:");
  } else if (!strcasecmp(name, "TEL")) {
    set_once(&p->phone, l->value, "tel:");
  } else if (!strcasecmp(name, "URL")) {
    set_once(&p->url, l->value, "");
  } else if (!strcasecmp(name, "NOTE")) {
    char *note = unescape(l->value, strlen(l->value), 0);
    char *joined = p->notes ? xasprintf("%s\n%s", p->notes, note) : xstrdup(note);
    import_set(&p->notes, joined);
    free(joined);
    free(note);
  } else if (!strcasecmp(name, "CATEGORIES")) {
    struct rp_strv c = {0};
    split(l->value, ',', &c);
    for (size_t i = 0; i < c.n; i++) {
      char *t = NULL;
      import_set(&t, c.v[i]);
      if (t && !strv_contains(&p->tags, t)) strv_push(&p->tags, t);
      free(t);
    }
    strv_free(&c);
  }
}

/* Finish the card in progress: its name from FN, else N. */
static void end_card(struct reader *r) {
  struct rp_import_person *p = r->card;
  if (r->fn) import_set(&p->name, r->fn);
  if (!p->name && r->n) name_from_n(p, r->n);
  if (!p->name) import_person_bad(p, "a card with neither FN nor N: no name");
  free(r->fn);
  free(r->n);
  r->fn = r->n = NULL;
  r->card = NULL;
}

/* A line that is bad on its own (outside any card), reported once per run
 * of such lines. */
static void stray_line(struct reader *r, int line, const char *why) {
  if (!r->stray) import_person_bad(import_person_add(r->out, r->name, line), "%s", why);
  r->stray = true;
}

static void content_line(struct reader *r, int line, const char *text) {
  struct vline l = {0};
  if (!vline_split(text, &l)) {
    char clip[100];
    str_clip(text, clip, sizeof clip);
    if (r->card) card_bad(r, line, "not a vCard line NAME:VALUE: '%s'", clip);
    else stray_line(r, line, "outside a card: BEGIN:VCARD is missing");
    return;
  }
  l.line = line;
  bool begin = !strcasecmp(l.name, "BEGIN"), end = !strcasecmp(l.name, "END");
  bool vcard = !strcasecmp(l.value, "VCARD");
  if (begin && vcard) {
    if (r->card) {
      import_person_bad(r->card, "the card begun here has no END:VCARD before the BEGIN:VCARD "
                                 "on line %d", line);
      end_card(r);
    }
    r->card = import_person_add(r->out, r->name, line);
    r->stray = false;
    r->cards++;
  } else if (end && vcard) {
    if (r->card) end_card(r);
    else stray_line(r, line, "END:VCARD without BEGIN:VCARD");
  } else if ((begin || end) && r->card) {
    char clip[100];
    card_bad(r, line, "%s:%s inside a card", l.name, str_clip(l.value, clip, sizeof clip));
  } else if (!r->card) {
    stray_line(r, line, "outside a card: BEGIN:VCARD is missing");
  } else {
    property(r, &l);
  }
  vline_free(&l);
}

/* See import.h. */
enum rp_status import_parse_vcard(const char *name, const char *text, size_t len,
                                  struct rp_import_people *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  struct reader r = {.name = name, .out = out};
  const char *p = text, *end = text + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  struct rp_buf l = {0};
  int line = 1;
  while (p < end) {
    int start = line;
    buf_reset(&l);
    buf_adds(&l, "");
    /* one physical line, then every continuation (a line starting with a
     * space or a tab) without its first character */
    for (bool first = true; p < end && (first || *p == ' ' || *p == '\t'); first = false) {
      if (!first) p++;
      const char *eol = memchr(p, '\n', (size_t)(end - p));
      if (!eol) eol = end;
      size_t n = (size_t)(eol - p);
      buf_add(&l, p, n && p[n - 1] == '\r' ? n - 1 : n);
      p = eol + (eol < end);
      line++;
    }
    if (strspn(buf_str(&l), " \t") != l.len) content_line(&r, start, buf_str(&l));
  }
  buf_free(&l);
  if (r.card) {
    import_person_bad(r.card, "the card begun here has no END:VCARD");
    end_card(&r);
  }
  if (r.cards == 0) {
    import_people_free(out);
    return rp_err_set(err, RP_INVALID, "%s: no BEGIN:VCARD; is this a vCard (.vcf) file?", name);
  }
  return RP_OK;
}
