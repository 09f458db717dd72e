/* import.h — people from other tools: LinkedIn's Connections.csv and vCard
 * files (3.0 and 4.0). Parsing turns a file's text into plain records, each
 * with the line it came from; importing matches them with the journal and
 * writes them in one transaction. Used by the CLI (`rapport import`) and
 * the UI. */
#ifndef RAPPORT_IMPORT_H
#define RAPPORT_IMPORT_H

#include <stddef.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* One person read from a file. Text fields are UTF-8 or NULL. */
struct rp_import_person {
  char *where;       /* "FILE:LINE" where the row or card starts */
  char *bad;         /* NULL, or why the row is malformed (without "FILE:LINE: ") */
  char *name;        /* full name; NULL only when bad */
  char *org, *role, *email, *phone, *url, *notes;
  char *known_since; /* "YYYY-MM-DD" or NULL */
  char *how_known;   /* key of cfg->how_known, or NULL */
  struct rp_strv tags;
};

struct rp_import_people {
  struct rp_import_person *v;
  size_t n;
};
void import_people_free(struct rp_import_people *p); /* frees everything, zeroes p */

/* Parse LinkedIn's Connections.csv: notes before the header line are
 * skipped (the header is found by its columns, which may come in any
 * order), then one person per row; `how_known` (may be NULL) is given to
 * every person. A malformed row (wrong number of fields, a bad Connected On
 * date, no name, a broken quote) becomes a person with `bad` set. RP_INVALID
 * (err "NAME: …") when no header line is found. `out` (zeroed) receives the
 * rows; the caller frees it with import_people_free. */
enum rp_status import_parse_linkedin(const char *name, const char *text, size_t len,
                                     const char *how_known, struct rp_import_people *out,
                                     struct rp_err *err);

/* Parse vCards (2.1 without quoted-printable, 3.0, 4.0): one person per
 * BEGIN:VCARD … END:VCARD. A card without END:VCARD, without any name, or
 * with a line that cannot be read becomes a person with `bad` set, as does
 * a line outside any card. RP_INVALID (err "NAME: …") when the text has no
 * card at all. `out` as for import_parse_linkedin. */
enum rp_status import_parse_vcard(const char *name, const char *text, size_t len,
                                  struct rp_import_people *out, struct rp_err *err);

/* Progress of an import: `done` of `total` people written so far. */
typedef void (*rp_import_progress)(size_t done, size_t total, void *arg);

struct rp_import_summary {
  int added, updated, unchanged, skipped;
  struct rp_strv skipped_why; /* "FILE:LINE: why", one per skipped person */
  rp_import_progress progress; /* set by the caller (or NULL) before the import */
  void *progress_arg;
};
void import_summary_free(struct rp_import_summary *s); /* frees skipped_why, keeps progress */

/* Write `people` into the journal as ONE transaction. Each person is matched
 * with a contact already there (deleted ones included) or added earlier in
 * this import: by email (ignoring case), else by profile URL (ignoring the
 * scheme, "www." and a trailing slash), else by name and organisation
 * (ignoring case). A match gets only the fields it has empty (never
 * overwrites what is there; a deleted contact is left alone): "updated"
 * when something was filled, else "unchanged"; no match is "added". A bad
 * person (or one the journal refuses, e.g. an email without '@') fails the
 * whole import with err "FILE:LINE: why" (RP_INVALID, nothing written) —
 * or, with skip_bad, is counted in "skipped" and listed in
 * summary->skipped_why. `summary` must be zeroed (or have only progress
 * set); it is filled on success. */
enum rp_status import_people(struct rp_db *db, const struct rp_config *cfg,
                             const struct rp_import_person *people, size_t n, bool skip_bad,
                             struct rp_import_summary *summary, struct rp_err *err);

/* Read the file at `path` ("-" = standard input, "stdin" in messages), parse
 * it as `kind`: "linkedin", "vcard", or NULL to guess (by the extension
 * .csv / .vcf / .vcard, else by the content), and import it with
 * import_people. LinkedIn rows get
 * cfg->import_linkedin_how_known. RP_INVALID with err "FILE: …" when it
 * cannot be read, is not UTF-8 or is not of the kind (or `kind` is
 * unknown), else as import_people. */
enum rp_status import_file(struct rp_db *db, const struct rp_config *cfg, const char *path,
                           const char *kind, bool skip_bad,
                           struct rp_import_summary *summary, struct rp_err *err);

#endif
