/* export.h — the journal in standard formats (src/io/): the whole journal
 * as JSON (and its restore), contacts as CSV and vCard, planned
 * conversations and open follow-ups as iCalendar, and the one-contact
 * dossier. Each writer appends to a buffer (the JSON export can also hand
 * its pieces to a sink as it goes); nothing here prints. Exports
 * are deterministic: the same journal gives the same bytes on every run
 * (UIDs come from the journal's random id, see rapport/dump.h; DTSTAMP is
 * the row's last change), so a calendar updates instead of duplicating. */
#ifndef RAPPORT_EXPORT_H
#define RAPPORT_EXPORT_H

#include <stdint.h>

#include "rapport/config.h"
#include "rapport/contact.h"
#include "rapport/contact_values.h"
#include "rapport/db.h"
#include "rapport/util.h"

#define RP_EXPORT_FORMAT_VERSION 1 /* "version" of the JSON export */

/* The whole journal: {"format": "rapport", "version": 1, "schema": N,
 * "tables": {"contact": [{"id": 1, …}, …], …}}, one row per line, every
 * dumped table (rapport/dump.h) in restore order with every column; each
 * contact row ends with its lists "emails", "phones" and "urls", arrays of
 * {"value": …, "type": … or null, "preferred": true|false} (json_values).
 * No time of export in it: exporting twice gives the same bytes. */
enum rp_status export_json(struct rp_db *db, struct rp_buf *out, struct rp_err *err);
/* The same document handed to `sink` a piece at a time as it is made
 * (pieces of about RP_EXPORT_CHUNK bytes, each ending after a whole row), so
 * that exporting a large journal needs no buffer the size of the journal. A
 * status other than RP_OK from sink stops the export and is returned. */
#define RP_EXPORT_CHUNK (256 * 1024)
typedef enum rp_status (*export_sink_fn)(void *ctx, const char *data, size_t len,
                                         struct rp_err *err);
enum rp_status export_json_stream(struct rp_db *db, export_sink_fn sink, void *ctx,
                                  struct rp_err *err);
/* Live contacts (by name) as RFC 4180 CSV with a header row, CRLF line
 * ends, tags joined with ";", the introducer by name; the primary email,
 * phone and url in their columns and, in the last three (emails, phones,
 * urls), every one of each joined with "; ". */
enum rp_status export_csv(struct rp_db *db, struct rp_buf *out, struct rp_err *err);
/* The same bytes handed to `sink` in pieces of about RP_EXPORT_CHUNK, read
 * a page of contacts at a time: memory does not grow with the journal. */
enum rp_status export_csv_stream(struct rp_db *db, export_sink_fn sink, void *ctx,
                                 struct rp_err *err);
/* Live contacts as vCards, version 4 (4.0) or 3 (3.0): every EMAIL, TEL
 * and URL with its TYPE (PREF on the preferred one when there are
 * several), the location as an ADR's locality, N as family;given (the
 * family name is the last word with a letter, a one-word name a given
 * name). */
enum rp_status export_vcard(struct rp_db *db, int version, struct rp_buf *out,
                            struct rp_err *err);
/* The same bytes handed to `sink` as export_csv_stream hands them. */
enum rp_status export_vcard_stream(struct rp_db *db, int version, export_sink_fn sink,
                                   void *ctx, struct rp_err *err);
/* A sink appending to the rp_buf `buf` (for the buffer forms). */
enum rp_status export_buf_sink(void *buf, const char *data, size_t len, struct rp_err *err);
/* What a contact export writes per contact (with its lists: values_read),
 * appended to out. */
typedef void (*export_contact_fn)(void *ctx, struct rp_buf *out, const struct rp_contact *c);
/* `head`, then fn for every live contact in name order (as contact_list
 * gives them), in one transaction, read a page at a time (keyset paging)
 * and handed to sink in pieces of about RP_EXPORT_CHUNK. */
enum rp_status export_contacts_each(struct rp_db *db, const char *head, export_contact_fn fn,
                                    void *fn_ctx, export_sink_fn sink, void *ctx,
                                    struct rp_err *err);
/* One contact (with its lists: values_read) as one such card with UID
 * `uid` (written as it is; escaped as TEXT) appended to out; with
 * `rapport`, rapport's own fields follow as X-RAPPORT-* properties
 * (X-RAPPORT-HOW-KNOWN, -WARMTH when set by hand, -INTRODUCED-BY, -STAGE,
 * -SENIORITY, -CHANNEL, -FIELD, -CADENCE: days or "none", when set). The
 * same contact always gives the same bytes (REV is its last change). */
void export_vcard_card(struct rp_buf *out, const struct rp_contact *c, int version,
                       const char *uid, bool rapport);
/* One VCALENDAR: each planned, scheduled conversation of a live contact as
 * a VEVENT (UTC start and end), each open follow-up as a VTODO (DUE a
 * date: the later of due and snoozed-until). */
enum rp_status export_ics(struct rp_db *db, const struct rp_config *cfg, struct rp_buf *out,
                          struct rp_err *err);

/* What a restore did. */
struct rp_restore_summary {
  long rows;             /* rows inserted, all tables */
  long contacts;         /* contacts inserted */
  long contacts_matched; /* --merge: contacts already in the journal, left as they are */
  long contacts_resumed; /* --merge: contacts a merge of the same file that stopped added */
};
/* Restore an export_json document (len bytes) in one transaction, then
 * rebuild the search index. A contact without the lists (an export from
 * before schema 14) gets its email, phone and url as its one value each.
 * Without `merge` the journal must be empty (RP_INVALID saying so) and
 * every row keeps its id. With `merge`, each contact of the file that
 * matches a live one (dump_match_contact: any of its emails, else name and
 * organisation) is left alone with everything of theirs; the others are
 * added with new ids, together with their emails, phones, URLs, tags,
 * gives, ready checks, conversations (questions, notes) and follow-ups;
 * deleted contacts, the worksheet, outcomes and the journal id are not
 * merged. A merge commits every 1,000 rows (others may write in between)
 * and keeps in the journal what it did until it ends: after an error or a
 * stop, the batches committed stay, and merging the same file again
 * carries on where it stopped (no row twice). Errors: RP_INVALID with
 * "LINE:COL: message"; nothing is changed (a merge: since its last
 * batch). */
enum rp_status restore_json(struct rp_db *db, const char *text, size_t len, bool merge,
                            struct rp_restore_summary *sum, struct rp_err *err);
/* For tests: a merge commits a batch once MERGE_BATCH rows are written and
 * `every_ms` have passed since the last (250 by default), then waits
 * `pause_ms` (0 by default), so that a test can watch it part way. */
void restore_merge_pace(int every_ms, int pause_ms);

/* The dossier of contact `id` to read before a call: who they are, how
 * you are connected, what you gave, the next conversation and its open
 * questions, past conversations with their notes, follow-ups owed and
 * readiness. As Markdown, or as one JSON object. */
enum rp_status dossier_md(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                          struct rp_buf *out, struct rp_err *err);
enum rp_status dossier_json(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                            struct rp_buf *out, struct rp_err *err);

/* ---- text helpers shared by the writers (public for tests) ---- */

/* Append one content line folded at 75 octets (RFC 5545 3.1, RFC 6350
 * 3.2): CRLF then a space before each continuation, never inside a UTF-8
 * character; the line ends with CRLF. */
void export_fold(struct rp_buf *out, const char *line);
/* Append s as vCard/iCalendar TEXT: backslash, comma and semicolon
 * escaped, line breaks (CRLF, CR or LF) as \n, other control characters
 * dropped. */
void export_escape_text(struct rp_buf *out, const char *s);
/* Append a list of emails, phones or URLs for people to read: each value
 * with its kind of use and, when there are several, which is preferred,
 * joined by sep ("ana@x.org (work, preferred) · ana@home.org (home)");
 * nothing for an empty list. */
void export_values_text(struct rp_buf *out, const struct rp_contact_values *vs,
                        const char *sep);
/* Append s as one CSV field: quoted (quotes doubled) when it holds a comma,
 * a quote, CR or LF, or starts or ends with a space. */
void export_csv_field(struct rp_buf *out, const char *s);
/* A UUID (lower-case 8-4-4-4-12, RFC 9562 version 8) derived from the
 * journal id, a kind ("contact", "conversation", "followup") and a row id:
 * the same inputs always give the same UUID. */
void export_uuid(const char *journal_id, const char *kind, int64_t id, char out[37]);
/* t (seconds since the epoch) as UTC "YYYYMMDDTHHMMSSZ". */
void export_utc(int64_t t, char out[17]);
/* Write data to `path` atomically: a temporary file in the same folder,
 * mode 0600, synced, then renamed over path. RP_INVALID with the reason. */
enum rp_status export_write_file(const char *path, const char *data, size_t len,
                                 struct rp_err *err);
/* The same, a piece at a time (for an export too big to hold in memory):
 * open makes the temporary file (on failure f holds nothing to close);
 * close with `keep` syncs it and renames it over path, without (or when
 * that fails) removes it, and frees what f holds either way. */
struct rp_export_file {
  char *path, *tmp; /* tmp NULL: written straight through (a pipe, a terminal) */
  int fd;
  bool tty;         /* a terminal: written escaped (text_for_terminal) */
};
enum rp_status export_file_open(struct rp_export_file *f, const char *path, struct rp_err *err);
enum rp_status export_file_write(struct rp_export_file *f, const char *data, size_t len,
                                 struct rp_err *err);
enum rp_status export_file_close(struct rp_export_file *f, bool keep, struct rp_err *err);

#endif
