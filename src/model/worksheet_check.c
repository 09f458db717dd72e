/* worksheet_check.c — see rapport/worksheet.h: judging the worksheet
 * rather than storing it: does a superpower's evidence say more than its
 * title, how long is the pitch, which sections are filled. */
#include <stdlib.h>
#include <string.h>

#include "model/db_sql.h"
#include "rapport/utf8.h"
#include "rapport/worksheet.h"

/* Default words per minute and limit when no config is given. */
#define PITCH_WPM 150
#define PITCH_SECONDS 30

/* Small letters for capitals of ASCII, Latin-1, Greek and Cyrillic; other
 * characters as they are. Locale-independent on purpose. */
static uint32_t fold(uint32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

static bool is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* ASCII punctuation separates words, except apostrophes (also U+2019),
 * which are dropped so "I'm" is one word. */
static bool is_apostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }
static bool is_separator(uint32_t c) {
  return is_space(c) || (c < 0x80 && !is_apostrophe(c) && c > ' ' && c != 0x7F &&
                         !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                           (c >= 'A' && c <= 'Z')));
}

/* The distinct words of s, folded to small letters, appended to out. */
static void words_of(const char *s, struct rp_strv *out) {
  struct rp_buf w = {0};
  size_t len = s ? strlen(s) : 0, i = 0;
  while (i <= len) {
    uint32_t cp = 0;
    size_t n = i < len ? utf8_decode(s + i, len - i, &cp) : 1;
    if (i == len || is_separator(cp)) {
      if (w.len && !strv_contains(out, buf_str(&w))) strv_push(out, buf_str(&w));
      buf_reset(&w);
    } else if (!is_apostrophe(cp)) {
      char enc[4];
      buf_add(&w, enc, utf8_encode(fold(cp), enc));
    }
    i += n;
  }
  buf_free(&w);
}

/* Words that say nothing on their own: evidence made of the title's words
 * and these only still restates the title ("I am a strong communicator"). */
static bool filler(const char *w) {
  static const char *const words[] = {"a", "an", "the", "i", "im", "am", "is", "are",
                                      "very", "really", "and", "my"};
  for (size_t i = 0; i < RP_ARRAY_LEN(words); i++)
    if (strcmp(w, words[i]) == 0) return true;
  return false;
}

/* See worksheet.h. Words are runs of characters between whitespace and
 * ASCII punctuation, compared in small letters; a few filler words ("a",
 * "the", "I am", …) do not count as evidence. False for other sections. */
bool ws_needs_evidence(const struct rp_ws_item *superpower) {
  if (!superpower || superpower->section != WS_SUPERPOWER) return false;
  struct rp_strv title = {0}, evidence = {0};
  words_of(superpower->title, &title);
  words_of(superpower->text1, &evidence);
  bool restates = true;
  for (size_t i = 0; restates && i < evidence.n; i++)
    if (!filler(evidence.v[i]) && !strv_contains(&title, evidence.v[i])) restates = false;
  strv_free(&title);
  strv_free(&evidence);
  return restates;
}

/* See worksheet.h. */
int ws_option_score(const struct rp_ws_item *option) {
  return option ? option->n1 + option->n2 + option->n3 : 0;
}

/* See worksheet.h. A words_per_minute <= 0 counts as 150; a limit <= 0
 * means no limit. NULL pitch = no words. */
void ws_pitch_timing(const char *pitch, int words_per_minute, int limit_seconds,
                     struct rp_pitch_timing *out) {
  int words = 0;
  bool in_word = false;
  for (const char *p = pitch; p && *p; p++) {
    bool sp = is_space((unsigned char)*p);
    if (!sp && !in_word) words++;
    in_word = !sp;
  }
  long long wpm = words_per_minute > 0 ? words_per_minute : PITCH_WPM;
  out->words = words;
  out->seconds = (int)(((long long)words * 60 + wpm - 1) / wpm);
  out->too_long = limit_seconds > 0 && out->seconds > limit_seconds;
}

/* Number of entries in a section; -1 after setting err. */
static long count_items(struct rp_db *db, enum rp_ws_section section, struct rp_err *err) {
  sqlite3_stmt *st;
  if (db_prepare(db, "SELECT count(*) FROM ws_item WHERE section = ?1", &st, err) != RP_OK)
    return -1;
  sqlite3_bind_text(st, 1, rp_ws_section_names[section], -1, SQLITE_STATIC);
  long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  if (n < 0) db_fail(db, err, "read worksheet");
  return n;
}

/* Record one section: filled, or its message in missing. */
static void mark(struct rp_ws_completeness *c, bool *field, bool filled, const char *missing) {
  *field = filled;
  if (filled) c->filled++;
  else strv_push(&c->missing, missing);
}

/* See worksheet.h. The messages, in this order: "what I want is not written
 * yet", "the kind of move is not chosen", "no superpower yet" / "no
 * superpower has evidence yet", "no problem written", "no skills listed",
 * "no pitch yet" / "the pitch runs N s; aim for M s", "no information gaps
 * listed", "no options to compare yet". cfg may be NULL (150 words a
 * minute, 30 s). On failure out is left empty. */
enum rp_status ws_completeness(struct rp_db *db, const struct rp_config *cfg,
                               struct rp_ws_completeness *out, struct rp_err *err) {
  memset(out, 0, sizeof *out);
  out->total = 8;
  char *want = NULL, *move = NULL, *pitch = NULL;
  struct rp_ws_list powers = {0};
  long counts[WS_SECTION_COUNT] = {0};
  enum rp_status s = ws_text_get(db, "want", &want, err);
  if (s == RP_OK) s = ws_text_get(db, "move", &move, err);
  if (s == RP_OK) s = ws_text_get(db, "pitch", &pitch, err);
  if (s == RP_OK) s = ws_item_list(db, WS_SUPERPOWER, &powers, err);
  for (int i = WS_PROBLEM; s == RP_OK && i < WS_SECTION_COUNT; i++)
    if ((counts[i] = count_items(db, (enum rp_ws_section)i, err)) < 0) s = RP_EDB;
  if (s == RP_OK) {
    bool evidence = false;
    for (size_t i = 0; i < powers.n && !evidence; i++) evidence = !ws_needs_evidence(&powers.v[i]);
    int wpm = cfg && cfg->pitch_wpm > 0 ? cfg->pitch_wpm : PITCH_WPM;
    int limit = cfg && cfg->pitch_seconds > 0 ? cfg->pitch_seconds : PITCH_SECONDS;
    struct rp_pitch_timing t;
    ws_pitch_timing(pitch, wpm, limit, &t);
    char *too_long = xasprintf("the pitch runs %d s; aim for %d s", t.seconds, limit);

    mark(out, &out->want, !str_empty(want), "what I want is not written yet");
    mark(out, &out->move, !str_empty(move), "the kind of move is not chosen");
    mark(out, &out->superpower_with_evidence, evidence,
         powers.n ? "no superpower has evidence yet" : "no superpower yet");
    mark(out, &out->problem, counts[WS_PROBLEM] > 0, "no problem written");
    mark(out, &out->skills, counts[WS_SKILL] > 0, "no skills listed");
    mark(out, &out->pitch, t.words > 0 && !t.too_long, t.words ? too_long : "no pitch yet");
    mark(out, &out->gaps, counts[WS_GAP] > 0, "no information gaps listed");
    mark(out, &out->options, counts[WS_OPTION] > 0, "no options to compare yet");
    free(too_long);
  }
  free(want);
  free(move);
  free(pitch);
  ws_list_free(&powers);
  if (s != RP_OK) ws_completeness_free(out);
  return s;
}

/* Frees the messages; c is left zeroed. */
void ws_completeness_free(struct rp_ws_completeness *c) {
  strv_free(&c->missing);
  memset(c, 0, sizeof *c);
}
