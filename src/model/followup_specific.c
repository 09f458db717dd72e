/* followup_specific.c — see rapport/followup.h: the specificity check of a
 * thank-you draft against the notes of the conversation. Pure text. */
#include <stdlib.h>
#include <string.h>

#include "model/askcheck_internal.h"
#include "rapport/followup.h"
#include "rapport/utf8.h"

/* Common English words of four letters or more that name nothing. */
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

/* A word of the text: [start, end) bytes, folded (small letters). */
struct word {
  size_t start, end;
  char *folded;
  size_t letters;
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
    p += k;
  }
  w->end = p;
  w->folded = buf_steal(&b);
  *pos = p;
  return true;
}

static bool is_stopword(const struct rp_config *cfg, const char *folded) {
  for (size_t i = 0; i < RP_ARRAY_LEN(stopwords); i++)
    if (strcmp(stopwords[i], folded) == 0) return true;
  for (size_t i = 0; cfg && i < cfg->specific_stopwords.n; i++) {
    char *f = NULL;
    size_t pos = 0;
    struct word w;
    const char *s = cfg->specific_stopwords.v[i];
    if (next_word(s, strlen(s), &pos, &w)) f = w.folded;
    bool same = f && strcmp(f, folded) == 0;
    free(f);
    if (same) return true;
  }
  return false;
}

/* See followup.h. The words are compared whole and folded ("Écoles" in the
 * notes matches "écoles" in the draft); each shared word is appended once,
 * as written in the notes, in the order of the notes. */
bool followup_specific(const struct rp_config *cfg, const char *draft,
                       const struct rp_strv *note_texts, struct rp_strv *found) {
  if (!draft || !note_texts) return false;
  struct rp_strv draft_words = {0}, seen = {0};
  size_t len = strlen(draft), pos = 0;
  struct word w;
  while (next_word(draft, len, &pos, &w)) {
    if (!strv_contains(&draft_words, w.folded)) strv_push(&draft_words, w.folded);
    free(w.folded);
  }
  bool any = false;
  for (size_t i = 0; i < note_texts->n; i++) {
    const char *t = note_texts->v[i] ? note_texts->v[i] : "";
    size_t tl = strlen(t), tp = 0;
    while (next_word(t, tl, &tp, &w)) {
      if (w.letters >= 4 && strv_contains(&draft_words, w.folded) &&
          !strv_contains(&seen, w.folded) && !is_stopword(cfg, w.folded)) {
        strv_push(&seen, w.folded);
        any = true;
        if (found) {
          char *orig = xstrndup(t + w.start, w.end - w.start);
          strv_push(found, orig);
          free(orig);
        }
      }
      free(w.folded);
    }
  }
  strv_free(&draft_words);
  strv_free(&seen);
  return any;
}
