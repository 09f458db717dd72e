/* import.h — people from other tools: LinkedIn's Connections.csv and vCard
 * files (3.0 and 4.0). Parsing turns a file's text into plain records, each
 * with the line it came from; importing matches them with the journal and
 * writes them in one transaction. Used by the CLI (`rapport import`) and
 * the UI. */
#ifndef RAPPORT_IMPORT_H
#define RAPPORT_IMPORT_H

#include <stddef.h>

#include "rapport/config.h"
#include "rapport/contact_values.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* Something odd in a person's data that was dropped or repaired: the
 * person is kept without it. */
struct rp_import_warning {
  char *where; /* "FILE:LINE" of the value */
  char *msg;   /* "kept without 'known since': '31/31/31' is not a date" */
};

/* One person read from a file. Text fields are UTF-8 or NULL. */
struct rp_import_person {
  char *where;       /* "FILE:LINE" where the row or card starts */
  char *bad;         /* NULL, or why the row is structurally broken (without
                        "FILE:LINE: "): refused, or skipped with skip_bad */
  bool nameless;     /* no name, email or phone (LinkedIn's hidden members):
                        skipped and counted, never an error */
  char *name;        /* full name, clean (trimmed, inner runs of spaces
                        collapsed); NULL only when bad or nameless */
  char *given, *family; /* name parts when the file has them, or NULL */
  char *org, *role, *notes, *location;
  /* every email, phone and URL of the person, in the file's order, with
   * types and preference */
  struct rp_contact_values emails, phones, urls;
  /* the primary of each list (import_person_finish sets them) */
  char *email, *phone, *url;
  char *known_since; /* "YYYY-MM-DD" or NULL */
  char *how_known;   /* key of cfg->how_known, or NULL */
  struct rp_strv tags;
  struct rp_import_warning *warnings; /* values dropped from this person */
  size_t nwarnings;
};

struct rp_import_people {
  struct rp_import_person *v;
  size_t n;
  size_t cap;                /* allocated in v (0: v holds exactly n) */
  const char *format;        /* what the parser found ("LinkedIn connections
                                (2018-2021 export)", "Google Contacts CSV", "Outlook CSV",
                                "vCard"); static, may be NULL */
  struct rp_strv warnings;   /* about the whole file, full lines "FILE: …"
                                (e.g. read as Windows-1252) */
};
void import_people_free(struct rp_import_people *p); /* frees everything, zeroes p */

/* Parse a CSV export of contacts, recognised by its header: LinkedIn's
 * Connections.csv (every year's header, notes before it skipped), Outlook
 * CSV ("First Name,Middle Name,Last Name,Title,…,E-mail Address,…", also
 * LinkedIn's pre-2017 export) or Google Contacts CSV (current "First
 * Name,Middle Name,Last Name,…,E-mail 1 - Label,E-mail 1 - Value" and older
 * "Name,Given Name,…,E-mail 1 - Type,E-mail 1 - Value"). `text` is UTF-8
 * (import_file converts other encodings first). `how_known` (may be NULL) is
 * given to every LinkedIn person. Structure is strict: a row whose quotes
 * are broken becomes a person with `bad` set. Content is lenient: a value
 * that cannot be used (a date that is no date, an email without '@') is
 * dropped from that person with a warning. RP_INVALID (err "NAME: …" naming
 * the columns it needs) when no known header is found. `out` (zeroed)
 * receives the rows and out->format; the caller frees it with
 * import_people_free. */
enum rp_status import_parse_csv(const char *name, const char *text, size_t len,
                                const char *how_known, struct rp_import_people *out,
                                struct rp_err *err);
/* The same, accepting only LinkedIn's Connections.csv (`rapport import
 * linkedin`): another known CSV header is refused naming what it is. */
enum rp_status import_parse_linkedin(const char *name, const char *text, size_t len,
                                     const char *how_known, struct rp_import_people *out,
                                     struct rp_err *err);

/* Parse vCards 2.1, 3.0 and 4.0: one person per BEGIN:VCARD … END:VCARD.
 * Lines end in LF, CRLF, CR or CR CR LF; folded lines are unfolded before
 * anything is decoded; quoted-printable values (ENCODING=QUOTED-PRINTABLE or
 * a bare QUOTED-PRINTABLE parameter, with soft line breaks) and CHARSET= are
 * decoded; a value that is not UTF-8 is read in its CHARSET (else
 * Windows-1252) with a warning. Group prefixes ("item1.EMAIL") are ignored;
 * properties rapport does not use are never refused. A card without FN/N is
 * named from NICKNAME, else ORG, else the email, else the phone; with none of
 * those it is nameless. A card without END:VCARD, or a line that is not a
 * vCard line, becomes a person with `bad` set, as does a line outside any
 * card. RP_INVALID (err "NAME: …") when the text has no card at all. `out`
 * as for import_parse_csv. */
enum rp_status import_parse_vcard(const char *name, const char *text, size_t len,
                                  struct rp_import_people *out, struct rp_err *err);

/* Progress of an import: `done` of `total` people written so far. */
typedef void (*rp_import_progress)(size_t done, size_t total, void *arg);

struct rp_import_summary {
  int added, updated, unchanged;
  int skipped;            /* nameless people and (with skip_bad) broken rows */
  int nameless;           /* of skipped: no name, email or phone */
  int nwarnings;          /* values dropped, plus the file's own warnings */
  const char *format;     /* what the file was found to be (static), or NULL */
  struct rp_strv skipped_why; /* "FILE:LINE: why", one per broken row skipped */
  struct rp_strv warnings;    /* "FILE:LINE: NAME: kept without …", and
                                 "FILE: …" for the whole file */
  rp_import_progress progress; /* set by the caller (or NULL) before the import */
  void *progress_arg;
};
void import_summary_free(struct rp_import_summary *s); /* frees the lists, keeps progress */

/* How to import (zero = the defaults: guess the kind, UTF-8 or else
 * Windows-1252, stop at a broken row, write). */
struct rp_import_opts {
  const char *kind;     /* "linkedin", "csv", "vcard", or NULL to guess */
  const char *encoding; /* iconv name of the file's encoding, or NULL */
  bool skip_bad;        /* skip structurally broken rows instead of refusing */
  bool dry_run;         /* report what would happen, write nothing */
};

/* Write `people` into the journal as ONE transaction. Each person is matched
 * with a contact already there (deleted ones included) or added earlier in
 * this import: by any of its emails (ignoring case), else any profile URL
 * (ignoring the scheme, "www." and a trailing slash), else by name and
 * organisation (ignoring case). A match takes the values it lacks: empty
 * fields are filled, and emails, phones and URLs it does not have are added
 * (never overwriting what is there; a deleted contact is left alone):
 * "updated" when something was added, else "unchanged"; no match is
 * "added". A nameless person is skipped and counted. A broken person (or
 * one the journal refuses) fails the whole import with err "FILE:LINE: why"
 * (RP_INVALID, nothing written) — or, with opts->skip_bad, is counted in
 * "skipped" and listed in summary->skipped_why. With opts->dry_run the same
 * work is done and rolled back: the summary says what would happen.
 * `summary` must be zeroed (or have only progress set); it is filled on
 * success, warnings included. opts may be NULL (the defaults). */
enum rp_status import_people(struct rp_db *db, const struct rp_config *cfg,
                             const struct rp_import_people *people,
                             const struct rp_import_opts *opts,
                             struct rp_import_summary *summary, struct rp_err *err);

/* Read the file at `path` ("-" = standard input, "stdin" in messages) and
 * import it with import_people. The bytes are decoded first: opts->encoding
 * when given, else a byte-order mark's encoding, else UTF-8, else (a CSV
 * that is not valid UTF-8) Windows-1252 with one warning saying so. The
 * kind is opts->kind, else guessed by the extension .csv / .vcf / .vcard,
 * else by the content. LinkedIn rows get cfg->import_linkedin_how_known.
 * RP_INVALID with err "FILE: …" when it cannot be read, is not of the kind,
 * or the kind or encoding is unknown, else as import_people. */
enum rp_status import_file(struct rp_db *db, const struct rp_config *cfg, const char *path,
                           const struct rp_import_opts *opts,
                           struct rp_import_summary *summary, struct rp_err *err);

/* The summary's one line: "added N, updated N, unchanged N, skipped N (no
 * name), warnings N" (new string, caller frees). */
char *import_summary_line(const struct rp_import_summary *s);

#endif
