/* sync_internal.h — what the contacts side of a sync shares between its
 * files: one card of a vdir folder read into a person, the lines of a card
 * rapport does not manage (kept when it writes the card again), a person's
 * fields laid over a contact, and a contact written as the card of its
 * file. Not for other modules. */
#ifndef RAPPORT_SYNC_INTERNAL_H
#define RAPPORT_SYNC_INTERNAL_H

#include "rapport/contact.h"
#include "rapport/import.h"
#include "rapport/sync.h"

/* One card read from a file. */
struct sync_card {
  struct rp_import_people people; /* exactly one person when ok */
  char *uid;                      /* UID, or NULL */
  int version;                    /* 3 or 4 (VERSION:), 3 when missing */
  struct rp_buf foreign;          /* the lines rapport does not manage, CRLF ends */
  char *why;                      /* why the card cannot be used, or NULL (ok) */
};

/* Read the `len` bytes of file `name` as one card into *c (caller frees
 * with sync_card_free). Never fails: c->why says what is wrong (not a
 * vCard, several cards, a broken card, no FN and no N). */
void sync_card_read(const char *name, const char *text, size_t len, struct sync_card *c);
void sync_card_free(struct sync_card *c);
/* The person of a card read without a problem (c->why NULL). */
const struct rp_import_person *sync_card_person(const struct sync_card *c);

/* Lay the fields a phone shows (name, organisation, title, location,
 * notes, every email, phone and URL, tags) of person p over contact c;
 * the other fields of c are left as they are. */
void sync_person_to_contact(const struct rp_import_person *p, struct rp_contact *c);

/* Contact c as the card of its file (vCard `version`, UID `uid`,
 * rapport's own fields as X-RAPPORT-*), with `foreign` (may be NULL or
 * empty: lines of the card there that rapport does not manage) kept
 * before END:VCARD. New string, caller frees. */
char *sync_card_render(const struct rp_contact *c, int version, const char *uid,
                       const char *foreign);

#endif
