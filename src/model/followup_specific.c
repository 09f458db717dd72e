/* followup_specific.c — see rapport/followup.h: the specificity check of a
 * thank-you draft against the notes, objective and questions of its
 * conversation. Pure text: the words of the draft and of each source are
 * folded, the words that name nothing (short, common, greetings, the
 * person's and your own names) are marked, and the longest run of words the
 * draft shares with a source, counted in content words, is the topic. */
#include <stdlib.h>
#include <string.h>

#include "model/askcheck_internal.h"
#include "rapport/followup.h"
#include "rapport/utf8.h"

/* Common English words of four letters or more that name nothing (shorter
 * words never count). */
static const char *const stopwords[] = {
    "about",   "above",   "across",  "after",   "again",   "against", "almost",  "along",
    "already", "also",    "although", "always", "among",   "another", "anyone",  "anything",
    "around",  "back",    "because", "been",    "before",  "being",   "below",   "best",
    "better",  "between", "both",    "came",    "cannot",  "come",    "could",   "dear",
    "didn't",  "does",    "doing",   "done",    "down",    "during",  "each",    "either",
    "else",    "enough",  "even",    "ever",    "every",   "everything", "feel", "felt",
    "find",    "first",   "following", "from",  "further", "gave",    "give",    "given",
    "going",   "gone",    "got",     "great",   "had",     "have",    "having",  "hello",
    "here",    "hers",    "herself", "himself", "hope",    "into",    "it's",    "itself",
    "just",    "keep",    "kind",    "know",    "last",    "later",   "least",   "less",
    "like",    "little",  "look",    "looking", "made",    "make",    "making",  "many",
    "maybe",   "might",   "mine",    "more",    "most",    "much",    "must",    "myself",
    "need",    "never",   "next",    "nice",    "none",    "nothing", "once",    "only",
    "other",   "others",  "ours",    "ourselves", "over",  "own",     "part",    "please",
    "quite",   "rather",  "really",  "said",    "same",    "saying",  "says",    "seem",
    "seemed",  "shall",   "should",  "since",   "some",    "someone", "something", "still",
    "such",    "sure",    "take",    "taken",   "taking",  "tell",    "than",    "that",
    "that's",  "their",   "theirs",  "them",    "themselves", "then", "there",   "these",
    "they",    "thing",   "things",  "think",   "this",    "those",   "though",  "thought",
    "through", "today",   "together", "told",   "took",    "towards", "under",   "until",
    "upon",    "very",    "want",    "wanted",  "well",    "went",    "were",    "what",
    "whatever", "when",   "where",   "whether", "which",   "while",   "whom",    "whose",
    "will",    "with",    "within",  "without", "wish",    "would",   "year",    "years",
    "you'd",   "you're",  "your",    "yours",   "yourself", "yourselves",
};

/* Greetings, closings and thanks: every thank-you has them. */
static const char *const greetings[] = {
    "hey",      "hello",     "dear",      "greetings", "thank",   "thanks",  "thankful",
    "grateful", "gratitude", "appreciate", "appreciated", "best",  "regards", "cheers",
    "sincerely", "warmly",   "warm",      "wishes",    "yours",   "kind",    "faithfully",
    "truly",    "respectfully", "again",  "much",      "time",    "soon",    "talk",
    "speak",    "chat",      "conversation", "call",   "meeting", "pleasure",
};

/* A word of the text: [start, end) bytes, folded (small letters). */
struct word {
  size_t start, end;
  char *folded;
  size_t letters;
  bool digits_only;
};

struct words {
  struct word *v;
  bool *content; /* per word: names something */
  size_t n, cap;
};

/* The next word of text from *pos (letters and digits, with an apostrophe
 * inside a word kept: "don't"); false at the end. */
static bool next_word(const char *text, size_t len, size_t *pos, struct word *w) {
  size_t p = *pos;
  uint32_t cp;
  while (p < len) {
    size_t k = utf8_decode(text + p, len - p, &cp);
    if (askcheck_word_cp(cp)) break;
    p += k;
  }
  if (p >= len) {
    *pos = len;
    return false;
  }
  struct rp_buf b = {0};
  buf_adds(&b, "");
  w->start = p;
  w->letters = 0;
  w->digits_only = true;
  while (p < len) {
    size_t k = utf8_decode(text + p, len - p, &cp);
    uint32_t f = askcheck_fold_cp(cp);
    if (f == '\'' && p + k < len) { /* an apostrophe between letters */
      uint32_t nx;
      utf8_decode(text + p + k, len - p - k, &nx);
      if (!askcheck_word_cp(nx)) break;
    } else if (!askcheck_word_cp(cp)) {
      break;
    }
    char enc[4];
    buf_add(&b, enc, utf8_encode(f, enc));
    if (f != '\'') w->letters++;
    if (f < '0' || f > '9') w->digits_only = false;
    p += k;
  }
  w->end = p;
  w->folded = buf_steal(&b);
  *pos = p;
  return true;
}

static void words_free(struct words *ws) {
  for (size_t i = 0; i < ws->n; i++) free(ws->v[i].folded);
  free(ws->v);
  free(ws->content);
  memset(ws, 0, sizeof *ws);
}

/* All the words of text (NULL = none). */
static void words_read(const char *text, struct words *ws) {
  memset(ws, 0, sizeof *ws);
  if (!text) return;
  size_t len = strlen(text), pos = 0;
  struct word w;
  while (next_word(text, len, &pos, &w)) {
    if (ws->n == ws->cap) {
      ws->cap = ws->cap ? 2 * ws->cap : 32;
      ws->v = xrealloc(ws->v, ws->cap * sizeof *ws->v);
    }
    ws->v[ws->n++] = w;
  }
  ws->content = xcalloc(ws->n ? ws->n : 1, sizeof *ws->content);
}

/* Two folded words are the same word: whole words only ("degree" is not
 * "degrees"). */
static bool same_word(const char *a, const char *b) { return strcmp(a, b) == 0; }

static bool in_list(const char *const *list, size_t n, const char *folded) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(list[i], folded) == 0) return true;
  return false;
}

/* Push the folded words of text (a name, a config word) to out. */
static void push_words(const char *text, struct rp_strv *out) {
  if (!text) return;
  size_t len = strlen(text), pos = 0;
  struct word w;
  while (next_word(text, len, &pos, &w)) {
    strv_push(out, w.folded);
    free(w.folded);
  }
}

/* The words no draft is specific for naming, folded: the person's names,
 * your own and the config's common words. Free with strv_free. */
static void ignored_words(const struct rp_config *cfg, const char *contact_name,
                          struct rp_strv *out) {
  push_words(contact_name, out);
  if (!cfg) return;
  push_words(cfg->my_name, out);
  for (size_t i = 0; i < cfg->specific_stopwords.n; i++)
    push_words(cfg->specific_stopwords.v[i], out);
}

/* Does word w name something? */
static bool is_content(const struct rp_strv *ignored, const struct word *w) {
  if (w->letters < 4 || w->digits_only) return false;
  const char *f = w->folded;
  return !in_list(stopwords, RP_ARRAY_LEN(stopwords), f) &&
         !in_list(greetings, RP_ARRAY_LEN(greetings), f) && !strv_contains(ignored, f);
}

static void mark_content(const struct rp_strv *ignored, struct words *ws) {
  for (size_t i = 0; i < ws->n; i++) ws->content[i] = is_content(ignored, &ws->v[i]);
}

/* The best phrase found so far: in which source text, which bytes. */
struct best {
  size_t score;   /* content words */
  size_t nwords;  /* all words */
  const char *text;
  size_t start, end;
  const char *from;
};

/* Look for the longest run of words the draft shares with src, starting
 * and ending on a content word; better than *b (more content words, then
 * more words) replaces it. */
static void best_run(const struct words *d, const struct words *s, const char *text,
                     const char *from, struct best *b) {
  for (size_t i = 0; i < d->n; i++) {
    if (!d->content[i]) continue;
    for (size_t j = 0; j < s->n; j++) {
      if (!s->content[j] || !same_word(d->v[i].folded, s->v[j].folded)) continue;
      size_t k = 0, score = 0, last = 0;
      while (i + k < d->n && j + k < s->n && same_word(d->v[i + k].folded, s->v[j + k].folded)) {
        if (s->content[j + k]) {
          score++;
          last = k;
        }
        k++;
      }
      if (score > b->score || (score == b->score && last + 1 > b->nwords)) {
        b->score = score;
        b->nwords = last + 1;
        b->text = text;
        b->start = s->v[j].start;
        b->end = s->v[j + last].end;
        b->from = from;
      }
    }
  }
}

/* A phrase to suggest from text: the last two words of its longest run of
 * content words (the later of equal runs: what a note ends on is mostly
 * what it is about, "Build a portfolio of 3 field stories" gives "field
 * stories"); NULL when it has none. Caller frees. */
static char *suggest_from(const struct rp_strv *ignored, const char *text) {
  struct words ws;
  words_read(text, &ws);
  mark_content(ignored, &ws);
  size_t best_n = 0, best_end = 0; /* the run: words [best_end - best_n, best_end) */
  for (size_t i = 0; i < ws.n;) {
    size_t k = 0;
    while (i + k < ws.n && ws.content[i + k]) k++;
    if (k && k >= best_n) {
      best_n = k;
      best_end = i + k;
    }
    i += k ? k : 1;
  }
  if (best_n > 2) best_n = 2;
  char *out = best_n ? xstrndup(text + ws.v[best_end - best_n].start,
                                ws.v[best_end - 1].end - ws.v[best_end - best_n].start)
                     : NULL;
  words_free(&ws);
  return out;
}

void specific_free(struct rp_specific *v) {
  free(v->phrase);
  free(v->verdict);
  memset(v, 0, sizeof *v);
}

/* See followup.h. Sources are searched in the order notes, objective,
 * questions; a tie keeps the earlier. The suggestion of a draft that is
 * not specific comes from the first note with a content word (insights
 * come first), else the objective. */
bool followup_check_specific(const struct rp_config *cfg, const char *draft,
                             const struct rp_thanks_source *src, struct rp_specific *out) {
  memset(out, 0, sizeof *out);
  struct rp_strv ignored = {0};
  ignored_words(cfg, src ? src->contact_name : NULL, &ignored);
  struct words d;
  words_read(draft, &d);
  mark_content(&ignored, &d);
  struct best b = {0};
  char *objective = src ? src->objective : NULL;
  const struct rp_strv one = {.v = &objective, .n = objective ? 1 : 0};
  for (int part = 0; src && part < 3; part++) {
    const struct rp_strv *texts = part == 0 ? &src->notes : part == 1 ? &one : &src->questions;
    const char *from = part == 0 ? "notes" : part == 1 ? "objective" : "questions";
    struct best here = {0};
    for (size_t i = 0; i < texts->n; i++) {
      if (!texts->v[i]) continue;
      struct words s;
      words_read(texts->v[i], &s);
      mark_content(&ignored, &s);
      best_run(&d, &s, texts->v[i], from, &here);
      words_free(&s);
    }
    if (here.score > b.score) b = here;
  }
  words_free(&d);
  if (b.score) {
    strv_free(&ignored);
    out->specific = true;
    out->phrase = xstrndup(b.text + b.start, b.end - b.start);
    out->from = b.from;
    out->verdict = xasprintf("names '%s' from your %s", out->phrase, out->from);
    return true;
  }
  for (size_t i = 0; src && i < src->notes.n && !out->phrase; i++) {
    out->phrase = suggest_from(&ignored, src->notes.v[i]);
    out->from = "notes";
  }
  if (src && !out->phrase && src->objective) {
    out->phrase = suggest_from(&ignored, src->objective);
    out->from = "objective";
  }
  strv_free(&ignored);
  if (!out->phrase) out->from = NULL;
  out->verdict = out->phrase ? xasprintf("not specific: name something from the call, e.g. '%s'",
                                         out->phrase)
                             : xstrdup("not specific: name something you talked about");
  return false;
}

/* See followup.h. */
bool followup_specific(const struct rp_config *cfg, const char *draft,
                       const struct rp_strv *note_texts, struct rp_strv *found) {
  if (!draft || !note_texts) return false;
  struct rp_thanks_source src = {0};
  src.notes = *note_texts;
  struct rp_specific v;
  bool yes = followup_check_specific(cfg, draft, &src, &v);
  if (yes && found) strv_push(found, v.phrase);
  specific_free(&v);
  return yes;
}
