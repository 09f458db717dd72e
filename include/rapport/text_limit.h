/* text_limit.h — how much one text may hold (issue 22): a note, a draft,
 * research, any field of a contact. Far above anything typed or pasted by
 * hand (a novel is about 1 MB), and small enough that every screen that
 * shows the text, the search index and the exports stay quick. The model
 * refuses a longer text; $EDITOR's result and a paste are checked before
 * they reach a field. */
#ifndef RAPPORT_TEXT_LIMIT_H
#define RAPPORT_TEXT_LIMIT_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/util.h"

/* 1 MiB, in bytes of UTF-8. */
#define RP_TEXT_MAX ((size_t)1 << 20)
#define RP_TEXT_MAX_SHOWN "1 MiB"

/* True when n bytes are more than a text may hold. */
static inline bool text_too_long(size_t n) { return n > RP_TEXT_MAX; }

/* "WHAT: 52.4 MB, larger than the 1 MiB a text can hold; nothing was
 * changed" into a new string (caller frees): `what` names the text ("the
 * notes", "the text from the editor"). */
char *text_limit_message(const char *what, size_t n);

#endif
