/* import_file.c — a file of people into the journal (see rapport/import.h,
 * import_file): read bounded, decoded into UTF-8 (an encoding named, a
 * byte-order mark, UTF-16 by its NUL bytes, else UTF-8, else Windows-1252
 * with a warning), its kind picked (asked, by extension, by content),
 * parsed and imported with import_people. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/import_internal.h"
#include "rapport/encoding.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

/* The largest file an import reads: far above any real export (LinkedIn's
 * 30,000 connections are 4 MB), and a clear refusal for /dev/zero. */
#define IMPORT_MAX_BYTES ((size_t)256 << 20)

/* Does the (NUL-terminated) text look like vCards / a CSV of contacts? */
static bool looks_vcard(const char *text) {
  for (const char *p = text; (p = strchr(p, ':')) != NULL; p++)
    if (p - text >= 5 && !strncasecmp(p - 5, "BEGIN:VCARD", 11)) return true;
  return false;
}

/* The kind of the file: as asked, else by extension, else by content.
 * *kind_out: "vcard", "csv" or "linkedin". */
static enum rp_status pick_kind(const char *path, const char *name, const char *text,
                                const char *kind, const char **kind_out, struct rp_err *err) {
  if (kind) {
    static const char *const kinds[] = {"linkedin", "csv", "vcard"};
    for (size_t i = 0; i < RP_ARRAY_LEN(kinds); i++)
      if (strcmp(kind, kinds[i]) == 0) {
        *kind_out = kinds[i];
        return RP_OK;
      }
    char clip[80];
    return rp_err_set(err, RP_INVALID, "unknown import kind '%s'; allowed: linkedin, csv, vcard",
                      str_clip(kind, clip, sizeof clip));
  }
  const char *base = strrchr(path, '/');
  const char *dot = strrchr(base ? base : path, '.');
  if (dot && (str_ieq(dot, ".vcf") || str_ieq(dot, ".vcard"))) *kind_out = "vcard";
  else if (dot && str_ieq(dot, ".csv")) *kind_out = "csv";
  else if (looks_vcard(text)) *kind_out = "vcard";
  else if (strchr(text, ',')) *kind_out = "csv";
  else
    return rp_err_set(err, RP_INVALID,
                      "%s: neither vCards (.vcf) nor a CSV export of contacts (.csv); say "
                      "which: rapport import csv|vcard FILE",
                      name);
  return RP_OK;
}

/* The first byte that is not UTF-8 (or is NUL) in text: its offset and
 * line; false when the text is all UTF-8 without NUL bytes. */
static bool find_bad_utf8(const char *text, size_t len, size_t *at, int *line, bool *nul) {
  int l = 1;
  for (size_t pos = 0; pos < len;) {
    uint32_t cp;
    size_t k = utf8_decode(text + pos, len - pos, &cp);
    if ((cp == 0xFFFD && k == 1) || cp == 0) {
      *at = pos;
      *line = l;
      *nul = cp == 0;
      return true;
    }
    if (cp == '\n') l++;
    pos += k;
  }
  return false;
}

/* UTF-16 written without a byte-order mark (some Outlook exports): NUL
 * bytes in every other position of the start. "UTF-16LE", "UTF-16BE" or
 * NULL. */
static const char *guess_utf16(const char *text, size_t len) {
  size_t n = len < 512 ? len & ~(size_t)1 : 512, odd = 0, even = 0;
  if (n < 4) return NULL;
  for (size_t i = 0; i < n; i += 2) {
    even += text[i] == 0;
    odd += text[i + 1] == 0;
  }
  if (odd * 10 >= n / 2 * 9 && even == 0) return "UTF-16LE";
  if (even * 10 >= n / 2 * 9 && odd == 0) return "UTF-16BE";
  return NULL;
}

/* Decode the file's bytes into UTF-8 text (*text replaced). The encoding
 * is opts' encoding, else a byte-order mark's, else UTF-16 recognised by
 * its NUL bytes, else UTF-8; a CSV that is not UTF-8 is read as
 * Windows-1252 with a warning. A vCard is left as it is: its values say
 * their charset, and the parser decodes each. */
static enum rp_status decode(const char *name, const char *encoding, bool vcard, char **text,
                             size_t *len, struct rp_strv *warnings, struct rp_err *err) {
  const char *from = encoding;
  if (!from) from = encoding_from_bom(*text, *len);
  if (!from) from = guess_utf16(*text, *len);
  bool fallback = false;
  size_t at = 0;
  int line = 0;
  bool nul = false;
  if (!from || encoding_is_utf8(from)) {
    if (!find_bad_utf8(*text, *len, &at, &line, &nul)) return RP_OK;
    if (nul)
      return rp_err_set(err, RP_INVALID,
                        "%s:%d: a NUL byte: this is not a text file (or say its encoding with "
                        "--encoding, e.g. utf-16)",
                        name, line);
    if (vcard || (from && encoding)) {
      if (vcard && !encoding) return RP_OK;
      return rp_err_set(err, RP_INVALID, "%s:%d: not valid UTF-8 although --encoding says %s",
                        name, line, encoding);
    }
    from = "WINDOWS-1252";
    fallback = true;
  }
  char *out = NULL;
  size_t out_len = 0, bad = 0;
  enum rp_status st = encoding_to_utf8(from, *text, *len, &out, &out_len, &bad, err);
  if (st != RP_OK) return rp_err_set(err, st, "%s: %s", name, err->msg);
  if (fallback) {
    char *w = xasprintf("%s:%d: not UTF-8 (a spreadsheet or an old program saved it): read as "
                        "Windows-1252; if names look wrong, say the encoding with --encoding "
                        "(e.g. macintosh, latin1, utf-16)",
                        name, line);
    strv_push(warnings, w);
    free(w);
  }
  if (bad) {
    char *w = xasprintf("%s: %zu byte%s not %s text, shown as \xEF\xBF\xBD", name, bad,
                        bad == 1 ? " is" : "s are", from);
    strv_push(warnings, w);
    free(w);
  }
  if (find_bad_utf8(out, out_len, &at, &line, &nul)) {
    free(out);
    return rp_err_set(err, RP_INVALID, "%s:%d: a NUL character: this is not a text file", name,
                      line);
  }
  free(*text);
  *text = out;
  *len = out_len;
  return RP_OK;
}

/* See import.h. */
enum rp_status import_file(struct rp_db *db, const struct rp_config *cfg, const char *path,
                           const struct rp_import_opts *opts,
                           struct rp_import_summary *summary, struct rp_err *err) {
  static const struct rp_import_opts defaults = {0};
  if (!opts) opts = &defaults;
  bool std_in = strcmp(path, "-") == 0;
  const char *name = std_in ? "stdin" : path;
  char *text = NULL;
  size_t len = 0;
  enum rp_status st = RP_OK;
  if (opts->encoding && !encoding_known(opts->encoding)) {
    char clip[80];
    st = rp_err_set(err, RP_INVALID,
                    "unknown encoding '%s'; use a name iconv knows, such as utf-8, windows-1252, "
                    "latin1, macintosh or utf-16 (iconv -l lists them)",
                    str_clip(opts->encoding, clip, sizeof clip));
  }
  if (st == RP_OK)
    st = paths_read_file_max(std_in ? "/dev/stdin" : path, IMPORT_MAX_BYTES, &text, &len, err);
  if (st == RP_NO) st = rp_err_set(err, RP_INVALID, "%s: no such file", name);
  struct rp_import_people people = {0};
  const char *kind = NULL;
  /* the kind first from what can be seen without decoding (a UTF-16 file
   * shows no "BEGIN:VCARD" to strstr): the name, or the text once decoded */
  if (st == RP_OK && (opts->kind || !std_in)) {
    const char *base = strrchr(path, '/');
    const char *dot = strrchr(base ? base : path, '.');
    if (opts->kind || (dot && (str_ieq(dot, ".vcf") || str_ieq(dot, ".vcard") || str_ieq(dot, ".csv"))))
      st = pick_kind(path, name, "", opts->kind, &kind, err);
  }
  if (st == RP_OK) st = decode(name, opts->encoding, kind && !strcmp(kind, "vcard"), &text, &len,
                               &people.warnings, err);
  if (st == RP_OK && !kind) st = pick_kind(path, name, text, NULL, &kind, err);
  if (st == RP_OK && !strcmp(kind, "vcard")) {
    /* a vCard guessed from its content, not UTF-8: its values say their charset */
    st = import_parse_vcard(name, text, len, &people, err);
  } else if (st == RP_OK) {
    struct rp_strv keep = people.warnings;
    memset(&people.warnings, 0, sizeof people.warnings);
    st = !strcmp(kind, "linkedin")
             ? import_parse_linkedin(name, text, len, cfg->import_linkedin_how_known, &people, err)
             : import_parse_csv(name, text, len, cfg->import_linkedin_how_known, &people, err);
    for (size_t k = 0; k < keep.n; k++) strv_push(&people.warnings, keep.v[k]);
    strv_free(&keep);
  }
  if (st == RP_OK) st = import_people(db, cfg, &people, opts, summary, err);
  import_people_free(&people);
  free(text);
  return st;
}
