/* askcheck_internal.h — the text folding of the ask check (askcheck.c),
 * shared with the other text checks of the model: question warnings
 * (question.c) and the thank-you's specificity check (followup.c). Not for
 * other modules. */
#ifndef RAPPORT_ASKCHECK_INTERNAL_H
#define RAPPORT_ASKCHECK_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

/* Small letter of cp (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic);
 * typographic apostrophes and hyphens become ASCII ones. */
uint32_t askcheck_fold_cp(uint32_t cp);
/* True for a letter or digit (not a space, punctuation or symbol). */
bool askcheck_word_cp(uint32_t cp);
/* True when `phrase` occurs in `text` as whole words, ignoring case (also
 * of accented letters) and runs of whitespace, as the ask check matches.
 * A blank phrase never matches. */
bool askcheck_has_phrase(const char *text, const char *phrase);

#endif
