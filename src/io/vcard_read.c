/* vcard_read.c — vCard 2.1, 3.0 and 4.0 into people (see rapport/import.h):
 * the lines (any line end), unfolding (before anything is decoded, so a
 * character split by a fold joins again), quoted-printable soft line
 * breaks, base64 values skipped whole, and the cards' structure. What each
 * property means is vcard_card.c's; decoding its value vcard_decode.c's.
 * One pass over the text: linear in its length. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/vcard_internal.h"
#include "rapport/utf8.h"

/* ---- physical lines ---- */

/* Where the reader is in the text. A file whose first line ends in LF (or
 * CR LF, or CR CR LF: Windows tools adding a CR to a CR LF file) has lines
 * ending in LF, the CRs before it dropped, and a CR elsewhere is part of a
 * value. A file whose first line ends in a CR alone (old Macs) has lines
 * ending in CR, LF, CR LF or CR CR LF. */
struct cursor {
  const char *p, *end;
  bool lf;
  const char *lone_cr; /* (CR files) the CRs before it are known to end lines alone */
  int line;            /* the number of the line at p */
};

static bool first_end_is_lf(const char *p, const char *end) {
  for (; p < end; p++) {
    if (*p == '\n') return true;
    if (*p == '\r') {
      while (p < end && *p == '\r') p++;
      return p == end || *p == '\n';
    }
  }
  return true;
}

/* The next physical line, without its end, in *s and *n; false at the end
 * of the text. */
static bool next_line(struct cursor *c, const char **s, size_t *n) {
  if (c->p >= c->end) return false;
  const char *b = c->p, *e;
  if (c->lf) {
    e = memchr(b, '\n', (size_t)(c->end - b));
    c->p = e ? e + 1 : c->end;
    if (!e) e = c->end;
    while (e > b && e[-1] == '\r') e--;
  } else {
    for (e = b; e < c->end && *e != '\r' && *e != '\n'; e++) {}
    c->p = e < c->end ? e + 1 : e;
    if (e < c->end && *e == '\r' && e >= c->lone_cr) {
      /* CR CR … LF is one line end; else each CR ends a line */
      const char *q = e;
      while (q < c->end && *q == '\r') q++;
      if (q < c->end && *q == '\n') c->p = q + 1;
      else c->lone_cr = q;
    }
  }
  *s = b;
  *n = (size_t)(e - b);
  c->line++;
  return true;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return false;
  return true;
}

/* A line of base64 alone (2.1 writers put a photo's lines unindented after
 * the property, ended by a blank line). */
static bool base64_line(const char *s, size_t n) {
  bool any = false;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (ch == ' ' || ch == '\t') continue;
    if (!(ch >= 'A' && ch <= 'Z') && !(ch >= 'a' && ch <= 'z') && !(ch >= '0' && ch <= '9') &&
        ch != '+' && ch != '/' && ch != '=')
      return false;
    any = true;
  }
  return any;
}

/* "BEGIN:VCARD" or "END:VCARD" (any case, blanks after): never the rest
 * of a quoted-printable value, whatever the line before ends with. */
static bool card_bound(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return (n == 11 && !strncasecmp(s, "BEGIN:VCARD", 11)) ||
         (n == 9 && !strncasecmp(s, "END:VCARD", 9));
}

/* ---- the reader ---- */

struct reader {
  const char *name;
  struct rp_import_people *out;
  struct cursor cur;
  struct rp_buf buf;        /* the logical line being read */
  bool base64;              /* after a base64 value: lines of base64 are skipped */
  /* the card in progress (card == NULL outside one); person is out's last
   * entry, and nothing is added to out while a card is open */
  struct vcard_card *card;
  struct rp_import_person *person;
  bool stray;               /* a line outside a card was already reported */
  size_t cards;
};

/* Is the line in buf quoted-printable? Known once its ':' has been seen;
 * *scan is how far the ':' was looked for, *qp the answer (-1 unknown). */
static bool line_is_qp(const struct rp_buf *b, size_t *scan, int *qp) {
  if (*qp >= 0) return *qp;
  const char *colon = memchr(b->s + *scan, ':', b->len - *scan);
  if (!colon) {
    *scan = b->len;
    return false;
  }
  const char *semi = memchr(b->s, ';', (size_t)(colon - b->s));
  struct vcard_params pp = {0};
  if (semi) vcard_params_parse(semi + 1, (size_t)(colon - semi - 1), &pp);
  *qp = pp.encoding == VCARD_QP;
  vcard_params_free(&pp);
  return *qp;
}

/* The length of the line without the '=' (and blanks after it) it ends
 * with, or 0 when it does not end with '='. */
static size_t before_soft_break(const struct rp_buf *b) {
  size_t n = b->len;
  while (n && (b->s[n - 1] == ' ' || b->s[n - 1] == '\t')) n--;
  return n && b->s[n - 1] == '=' ? n : 0;
}

/* The next logical line into r->buf (continuation lines joined: those
 * starting with a blank lose it; a quoted-printable value ending in '='
 * takes the next line as it is); its first line's number in *start. Blank
 * lines are skipped. False at the end of the text. */
static bool logical_line(struct reader *r, int *start) {
  const char *s;
  size_t n;
  for (;;) {
    *start = r->cur.line;
    if (!next_line(&r->cur, &s, &n)) return false;
    if (r->base64 && base64_line(s, n)) continue;
    r->base64 = false;
    if (!blank(s, n)) break;
  }
  buf_reset(&r->buf);
  buf_adds(&r->buf, "");
  buf_add(&r->buf, s, n);
  size_t scan = 0;
  int qp = -1;
  for (;;) {
    struct cursor at = r->cur;
    if (!next_line(&r->cur, &s, &n)) break;
    size_t keep = before_soft_break(&r->buf);
    if (keep && line_is_qp(&r->buf, &scan, &qp) && !card_bound(s, n)) {
      r->buf.len = keep - 1; /* without the '=' */
      buf_add(&r->buf, s, n);
    } else if (n && (s[0] == ' ' || s[0] == '\t')) {
      buf_add(&r->buf, s + 1, n - 1);
    } else {
      r->cur = at;
      break;
    }
  }
  return true;
}

/* Split the logical line s (len bytes, NUL-terminated) in place into l:
 * [GROUP.]NAME[;PARAMS]:VALUE. False (s untouched) when it is not such a
 * line. */
static bool split_line(char *s, size_t len, struct vcard_line *l) {
  if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { /* where two files were joined */
    s += 3;
    len -= 3;
  }
  size_t n = strcspn(s, ";:");
  if (n == 0 || s[n] == '\0') return false;
  char *colon = s + n;
  bool quoted = false;
  while (*colon && (quoted || *colon != ':')) {
    if (*colon == '"') quoted = !quoted;
    colon++;
  }
  if (*colon != ':') colon = strchr(s + n, ':'); /* an unbalanced quote */
  if (!colon) return false;
  char *dot = NULL;
  for (char *q = s; q < s + n; q++)
    if (*q == '.') dot = q;
  if (dot == s + n - 1) return false; /* "item1.:x" */
  const char *params = s[n] == ';' ? s + n + 1 : colon;
  size_t plen = (size_t)(colon - params);
  vcard_params_parse(params, plen, &l->params);
  s[n] = '\0';
  *colon = '\0';
  l->value = colon + 1;
  l->value_len = len - (size_t)(colon + 1 - s);
  if (dot) *dot = '\0';
  l->group = dot ? s : "";
  l->name = dot ? dot + 1 : s;
  return true;
}

/* Append a zeroed person at "NAME:LINE", as import_person_add does, but
 * doubling the array (64, 128, 256, … entries) instead of growing it by
 * one: a realloc that copies (ASan's always does) would make 200,000 cards
 * quadratic. out->v holds only people added here. */
static struct rp_import_person *person_add(struct reader *r, int line) {
  struct rp_import_people *out = r->out;
  size_t n = out->n;
  if (n == 0 || (n >= 64 && (n & (n - 1)) == 0))
    out->v = xrealloc(out->v, (n ? 2 * n : 64) * sizeof *out->v);
  struct rp_import_person *p = &out->v[out->n++];
  memset(p, 0, sizeof *p);
  p->where = xasprintf("%s:%d", r->name, line);
  return p;
}

/* s for a message: clipped, and bytes that are not UTF-8 shown as '?'. */
static const char *clip(const char *s, char *buf, size_t size) {
  char tmp[256];
  size_t o = 0, len = strlen(s);
  for (size_t i = 0; i < len && o + 5 < sizeof tmp;) {
    uint32_t cp;
    size_t k = utf8_decode(s + i, len - i, &cp);
    if (cp == 0xFFFD && k == 1) tmp[o++] = '?';
    else memcpy(tmp + o, s + i, k), o += k;
    i += k;
  }
  tmp[o] = '\0';
  return str_clip(tmp, buf, size);
}

/* Mark the card in progress bad because of line `line` (the first reason
 * wins, and its line becomes the card's place). */
static void card_bad(struct reader *r, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void card_bad(struct reader *r, int line, const char *fmt, ...) {
  if (r->person->bad) return;
  va_list ap;
  va_start(ap, fmt);
  char *why = xvasprintf(fmt, ap);
  va_end(ap);
  free(r->person->where);
  r->person->where = xasprintf("%s:%d", r->name, line);
  import_person_bad(r->person, "%s", why);
  free(why);
}

static void end_card(struct reader *r) {
  vcard_card_end(r->card);
  r->card = NULL;
  r->person = NULL;
}

/* A line that is bad on its own (outside any card), reported once per run
 * of such lines. */
static void stray_line(struct reader *r, int line, const char *why) {
  if (!r->stray) import_person_bad(person_add(r, line), "%s", why);
  r->stray = true;
}

/* Is the raw value "VCARD" (any case, blanks around)? */
static bool is_vcard(const char *v, size_t n) {
  while (n && (*v == ' ' || *v == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  return n == 5 && !strncasecmp(v, "VCARD", 5);
}

/* The logical line in r->buf, starting on line `line`. */
static void content_line(struct reader *r, int line) {
  struct vcard_line l = {.line = line};
  char clipped[100];
  if (!split_line(r->buf.s, r->buf.len, &l)) {
    if (r->card)
      card_bad(r, line, "not a vCard line NAME:VALUE: '%s'",
               clip(buf_str(&r->buf), clipped, sizeof clipped));
    else stray_line(r, line, "outside a card: BEGIN:VCARD is missing");
    return;
  }
  if (l.params.encoding == VCARD_BASE64) r->base64 = true;
  bool begin = !strcasecmp(l.name, "BEGIN"), end = !strcasecmp(l.name, "END");
  bool vcard = is_vcard(l.value, l.value_len);
  if (begin && vcard) {
    if (r->card) {
      import_person_bad(r->person, "the card begun here has no END:VCARD before the "
                                   "BEGIN:VCARD on line %d", line);
      end_card(r);
    }
    r->person = person_add(r, line);
    r->card = vcard_card_new(r->name, r->person);
    r->stray = false;
    r->cards++;
  } else if (end && vcard) {
    if (r->card) end_card(r);
    else stray_line(r, line, "END:VCARD without BEGIN:VCARD");
  } else if ((begin || end) && r->card) {
    card_bad(r, line, "%s:%s inside a card", l.name, clip(l.value, clipped, sizeof clipped));
  } else if (!r->card) {
    stray_line(r, line, "outside a card: BEGIN:VCARD is missing");
  } else {
    vcard_card_property(r->card, &l);
  }
  vcard_params_free(&l.params);
}

/* See import.h. */
enum rp_status import_parse_vcard(const char *name, const char *text, size_t len,
                                  struct rp_import_people *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  struct reader r = {.name = name, .out = out};
  const char *p = text, *end = text + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  r.cur = (struct cursor){.p = p, .end = end, .lf = first_end_is_lf(p, end), .lone_cr = p,
                          .line = 1};
  int start;
  while (logical_line(&r, &start)) content_line(&r, start);
  buf_free(&r.buf);
  if (r.card) {
    import_person_bad(r.person, "the card begun here has no END:VCARD");
    end_card(&r);
  }
  if (r.cards == 0) {
    import_people_free(out);
    return rp_err_set(err, RP_INVALID, "%s: no BEGIN:VCARD; is this a vCard (.vcf) file?", name);
  }
  out->format = "vCard";
  return RP_OK;
}
