/* askcheck.c — the outreach draft check (see rapport/askcheck.h). Pure
 * text: the draft is folded (small letters, runs of spaces and line breaks
 * made one space) into a copy that remembers, for every byte, the character
 * of the draft it came from, so a phrase can be found across line breaks
 * and reported at its line and column, as the user wrote it. */
#include "rapport/askcheck.h"

#include <stdlib.h>
#include <string.h>

#include "model/askcheck_internal.h"
#include "rapport/utf8.h"

/* One character of the draft: where it is, and its bytes. */
struct src_char {
  int line, col;     /* 1-based; col counts characters */
  size_t start, end; /* byte span in the draft */
};

/* The folded draft. */
struct folded {
  struct rp_buf f;        /* folded text, valid UTF-8 */
  size_t *map;            /* for each byte of f: the index of its src_char */
  size_t map_cap;
  struct src_char *chars; /* every character of the draft, in order */
  size_t n_chars, chars_cap;
};

/* A finding while collecting: seq keeps the order of equal positions. */
struct item {
  struct rp_finding f;
  size_t seq;
  bool last; /* the length finding goes after the others */
};

struct items {
  struct item *v;
  size_t n, cap;
};

/* ---- characters --------------------------------------------------------- */

/* Whitespace: ASCII, no-break and the Unicode spaces and line separators. */
static bool is_space_cp(uint32_t cp) {
  if (cp < 0x80) return str_is_space((char)cp);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Small letter of cp for ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic; typographic apostrophes and hyphens become ASCII ones, so
 * "I’m" matches a phrase written "i'm". Other characters are unchanged. */
static uint32_t fold_cp(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20; /* À…Þ */
  if (cp == 0x130) return 'i';                                   /* İ */
  if (cp == 0x178) return 0xFF;                                  /* Ÿ */
  if (cp == 0x17F) return 's';                                   /* ſ */
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp | 1;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp & 1 ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20; /* Greek */
  if (cp == 0x3C2) return 0x3C3;                                    /* final sigma */
  if (cp == 0x386) return 0x3AC;
  if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20; /* Cyrillic */
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x2BC) return '\'';
  if (cp == 0x2010 || cp == 0x2011) return '-';
  return cp;
}

/* A letter or digit (for whole-word matching): ASCII letters and digits,
 * and any other character that is not a space, punctuation or a symbol. */
static bool is_word_cp(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || is_space_cp(cp)) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false; /* punctuation, symbols, arrows */
  if (cp >= 0x3000 && cp <= 0x303F) return false; /* CJK punctuation */
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return false; /* full-width punctuation */
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false; /* emoji */
  return true;
}

/* ---- folding ------------------------------------------------------------ */

static void emit(struct folded *fo, const char *bytes, size_t n, size_t src) {
  if (fo->f.len + n > fo->map_cap) {
    fo->map_cap = (fo->f.len + n) * 2 + 64;
    fo->map = xrealloc(fo->map, fo->map_cap * sizeof *fo->map);
  }
  for (size_t i = 0; i < n; i++) fo->map[fo->f.len + i] = src;
  buf_add(&fo->f, bytes, n);
}

/* Fold `text` into fo (zeroed): small letters, every run of whitespace one
 * space, each byte mapped to its character of text. */
static void fold_text(const char *text, struct folded *fo) {
  size_t len = strlen(text), pos = 0;
  int line = 1, col = 1;
  bool in_space = false;
  buf_adds(&fo->f, "");
  while (pos < len) {
    uint32_t cp;
    size_t k = utf8_decode(text + pos, len - pos, &cp);
    if (fo->n_chars == fo->chars_cap) {
      fo->chars_cap = fo->chars_cap ? 2 * fo->chars_cap : 256;
      fo->chars = xrealloc(fo->chars, fo->chars_cap * sizeof *fo->chars);
    }
    size_t idx = fo->n_chars++;
    fo->chars[idx] = (struct src_char){line, col, pos, pos + k};
    if (is_space_cp(cp)) {
      if (!in_space) emit(fo, " ", 1, idx);
      in_space = true;
    } else {
      char enc[4];
      emit(fo, enc, utf8_encode(fold_cp(cp), enc), idx);
      in_space = false;
    }
    if (cp == '\n' || (cp == '\r' && text[pos + k] != '\n') || cp == 0x2028 || cp == 0x2029) {
      line++;
      col = 1;
    } else {
      col++;
    }
    pos += k;
  }
}

static void folded_free(struct folded *fo) {
  buf_free(&fo->f);
  free(fo->map);
  free(fo->chars);
}

/* A phrase folded like the draft, without spaces at either end; caller
 * frees. "" when the phrase is blank. */
static char *fold_phrase(const char *phrase) {
  struct folded fo = {0};
  fold_text(phrase, &fo);
  const char *s = buf_str(&fo.f);
  size_t a = 0, b = fo.f.len;
  while (a < b && s[a] == ' ') a++;
  while (b > a && s[b - 1] == ' ') b--;
  char *out = xstrndup(s + a, b - a);
  folded_free(&fo);
  return out;
}

/* True when the folded text has no letter or digit just before byte `a`
 * and just at byte `b`. */
static bool whole_word(const char *f, size_t len, size_t a, size_t b) {
  uint32_t cp;
  if (a > 0) {
    size_t p = utf8_prev(f, a);
    utf8_decode(f + p, len - p, &cp);
    if (is_word_cp(cp)) return false;
  }
  if (b < len) {
    utf8_decode(f + b, len - b, &cp);
    if (is_word_cp(cp)) return false;
  }
  return true;
}

/* The draft's text behind folded bytes [a, b), each run of whitespace
 * shown as one space; caller frees. */
static char *original(const char *text, const struct folded *fo, size_t a, size_t b) {
  const struct src_char *first = &fo->chars[fo->map[a]], *last = &fo->chars[fo->map[b - 1]];
  struct rp_buf out = {0};
  buf_adds(&out, "");
  bool in_space = false;
  for (size_t pos = first->start; pos < last->end;) {
    uint32_t cp;
    size_t k = utf8_decode(text + pos, last->end - pos, &cp);
    if (is_space_cp(cp)) {
      if (!in_space) buf_addc(&out, ' ');
      in_space = true;
    } else {
      buf_add(&out, text + pos, k);
      in_space = false;
    }
    pos += k;
  }
  return buf_steal(&out);
}

/* ---- findings ----------------------------------------------------------- */

static void items_add(struct items *it, const struct src_char *at, const char *category,
                      const char *label, char *phrase, char *suggestion, bool last) {
  if (it->n == it->cap) {
    it->cap = it->cap ? 2 * it->cap : 16;
    it->v = xrealloc(it->v, it->cap * sizeof *it->v);
  }
  struct item *i = &it->v[it->n];
  i->f = (struct rp_finding){at->line, at->col, xstrdup(category), xstrdup(label), phrase,
                             suggestion};
  i->seq = it->n++;
  i->last = last;
}

/* A match of one category's phrase: folded bytes [a, b). */
struct match {
  size_t a, b;
};

static int match_cmp(const void *x, const void *y) {
  const struct match *m = x, *n = y;
  if (m->a != n->a) return m->a < n->a ? -1 : 1;
  if (m->b != n->b) return m->b > n->b ? -1 : 1; /* the longer first */
  return 0;
}

/* Every whole-word match of category c's phrases. Matches of one category
 * that overlap are one finding (the earliest, then the longest). */
static void check_category(const char *text, const struct folded *fo,
                           const struct rp_ask_category *c, struct items *it) {
  const char *f = buf_str(&fo->f);
  size_t len = fo->f.len;
  struct match *m = NULL;
  size_t n = 0, cap = 0;
  for (size_t p = 0; p < c->phrases.n; p++) {
    char *needle = fold_phrase(c->phrases.v[p]);
    size_t nl = strlen(needle);
    for (const char *h = nl ? strstr(f, needle) : NULL; h; h = strstr(h + 1, needle)) {
      size_t a = (size_t)(h - f);
      if (!whole_word(f, len, a, a + nl)) continue;
      if (n == cap) {
        cap = cap ? 2 * cap : 8;
        m = xrealloc(m, cap * sizeof *m);
      }
      m[n++] = (struct match){a, a + nl};
    }
    free(needle);
  }
  if (n) qsort(m, n, sizeof *m, match_cmp);
  size_t reach = 0; /* end of the last match reported */
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && m[i].a < reach) continue;
    reach = m[i].b;
    items_add(it, &fo->chars[fo->map[m[i].a]], c->key, c->label ? c->label : c->key,
              original(text, fo, m[i].a, m[i].b), xstrdup(c->suggestion ? c->suggestion : ""),
              false);
  }
  free(m);
}

static bool is_name_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_';
}

/* Every {word} (letters, digits, underscore) left in the draft. */
static void check_placeholders(const char *text, const struct folded *fo, struct items *it) {
  for (size_t i = 0; i < fo->n_chars; i++) {
    const struct src_char *c = &fo->chars[i];
    if (text[c->start] != '{') continue;
    size_t e = c->start + 1;
    while (is_name_char(text[e])) e++;
    if (e == c->start + 1 || text[e] != '}') continue;
    char *ph = xstrndup(text + c->start, e + 1 - c->start);
    items_add(it, c, "placeholder", "unfilled placeholder", ph,
              xasprintf("Replace %s with the real text, or delete it.", ph), false);
  }
}

/* More than max_words words (runs of non-space characters with a letter
 * or digit in them, so a lone "—" is not a word): one finding at the first
 * word past the limit. */
static void check_length(const struct folded *fo, const char *text, int max_words,
                         struct items *it) {
  if (max_words <= 0) return;
  long words = 0;
  const struct src_char *over = NULL, *run = NULL; /* run: start of this run */
  bool counted = false;                            /* this run is counted */
  for (size_t i = 0; i < fo->n_chars; i++) {
    const struct src_char *c = &fo->chars[i];
    uint32_t cp;
    utf8_decode(text + c->start, c->end - c->start, &cp);
    if (is_space_cp(cp)) {
      run = NULL;
      continue;
    }
    if (!run) {
      run = c;
      counted = false;
    }
    if (!counted && is_word_cp(cp)) {
      counted = true;
      if (++words == (long)max_words + 1) over = run;
    }
  }
  if (!over) return;
  items_add(it, over, "length", "too long", xasprintf("%ld words", words),
            xasprintf("Keep it to %d words or fewer: their time is gold.", max_words), true);
}

static int item_cmp(const void *x, const void *y) {
  const struct item *a = x, *b = y;
  if (a->last != b->last) return a->last ? 1 : -1;
  if (a->f.line != b->f.line) return a->f.line < b->f.line ? -1 : 1;
  if (a->f.col != b->f.col) return a->f.col < b->f.col ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* See askcheck.h. A NULL text has no findings; a NULL cfg checks only the
 * placeholders. Findings at the same place keep the config's category
 * order, placeholders after the phrases. */
void askcheck_run(const struct rp_config *cfg, const char *text, struct rp_findings *out) {
  memset(out, 0, sizeof *out);
  if (!text) return;
  struct folded fo = {0};
  fold_text(text, &fo);
  struct items it = {0};
  for (size_t c = 0; cfg && c < cfg->n_ask_categories; c++)
    check_category(text, &fo, &cfg->ask_categories[c], &it);
  check_placeholders(text, &fo, &it);
  if (cfg) check_length(&fo, text, cfg->ask_max_words, &it);
  folded_free(&fo);
  if (it.n == 0) return;
  qsort(it.v, it.n, sizeof *it.v, item_cmp);
  out->v = xcalloc(it.n, sizeof *out->v);
  for (size_t i = 0; i < it.n; i++) out->v[i] = it.v[i].f;
  out->n = it.n;
  free(it.v);
}

/* See askcheck.h. Frees every string and the array; f is zeroed. */
void findings_free(struct rp_findings *f) {
  for (size_t i = 0; i < f->n; i++) {
    free(f->v[i].category);
    free(f->v[i].label);
    free(f->v[i].phrase);
    free(f->v[i].suggestion);
  }
  free(f->v);
  f->v = NULL;
  f->n = 0;
}

/* ---- the template ------------------------------------------------------- */

/* See askcheck.h. Values are put in as they are (not scanned again for
 * placeholders); a NULL template gives "". */
char *draft_fill(const char *tmpl, const char *const keys[], const char *const values[],
                 size_t n) {
  struct rp_buf out = {0};
  buf_adds(&out, "");
  for (const char *p = tmpl ? tmpl : ""; *p;) {
    const char *e = p + 1;
    while (*p == '{' && is_name_char(*e)) e++;
    if (*p != '{' || e == p + 1 || *e != '}') {
      buf_addc(&out, *p++);
      continue;
    }
    const char *value = NULL;
    for (size_t i = 0; i < n && !value; i++)
      if (keys[i] && strlen(keys[i]) == (size_t)(e - p - 1) &&
          strncmp(keys[i], p + 1, (size_t)(e - p - 1)) == 0)
        value = values[i];
    if (!str_empty(value)) buf_adds(&out, value);
    else buf_add(&out, p, (size_t)(e + 1 - p));
    p = e + 1;
  }
  return buf_steal(&out);
}

/* ---- shared with the other text checks (askcheck_internal.h) ----------- */

uint32_t askcheck_fold_cp(uint32_t cp) { return fold_cp(cp); }

bool askcheck_word_cp(uint32_t cp) { return is_word_cp(cp); }

/* See askcheck_internal.h. */
bool askcheck_has_phrase(const char *text, const char *phrase) {
  if (!text || !phrase) return false;
  char *needle = fold_phrase(phrase);
  size_t nl = strlen(needle);
  bool found = false;
  if (nl) {
    struct folded fo = {0};
    fold_text(text, &fo);
    const char *f = buf_str(&fo.f);
    for (const char *h = strstr(f, needle); h && !found; h = strstr(h + 1, needle))
      found = whole_word(f, fo.f.len, (size_t)(h - f), (size_t)(h - f) + nl);
    folded_free(&fo);
  }
  free(needle);
  return found;
}
