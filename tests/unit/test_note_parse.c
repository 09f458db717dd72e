/* test_note_parse.c — reading a typed notes line: the tag prefixes (!, *,
 * +, @) with and without spaces, and the referral parser: name and
 * organisation split at the first comma except before a name suffix,
 * quoted names, every note separator, UTF-8 names, and what is missing. */
#include <locale.h>

#include "check.h"
#include "rapport/conversation.h"

/* note_parse_tag(line) gives `tag` and the text `text` (trailing spaces
 * are the caller's to trim, so `text` is compared as a prefix of what is
 * left, with only spaces after it). */
static void check_tag(const char *line, enum rp_note_tag tag, const char *text) {
  const char *rest = NULL;
  enum rp_note_tag got = note_parse_tag(line, &rest);
  CHECK_INT(got, tag);
  CHECK(rest != NULL);
  if (!rest) return;
  size_t n = strlen(text);
  bool ok = strncmp(rest, text, n) == 0 && strspn(rest + n, " \t") == strlen(rest + n);
  if (!ok) fprintf(stderr, "  line [%s]: text [%s], expected [%s]\n", line, rest, text);
  CHECK(ok);
  /* rest points into line */
  CHECK(rest >= line && rest <= line + strlen(line));
}

static void test_tags(void) {
  check_tag("they hire juniors in spring", NOTE_PLAIN, "they hire juniors in spring");
  check_tag("! they hire juniors in spring", NOTE_INSIGHT, "they hire juniors in spring");
  check_tag("!no space", NOTE_INSIGHT, "no space");
  check_tag("* my pitch is too long", NOTE_FEEDBACK, "my pitch is too long");
  check_tag("+ send the article", NOTE_ACTION, "send the article");
  check_tag("@Priya Shah, Acme", NOTE_REFERRAL, "Priya Shah, Acme");
  check_tag("   !  leading spaces   ", NOTE_INSIGHT, "leading spaces");
  check_tag("\t* a tab first", NOTE_FEEDBACK, "a tab first");
  check_tag("  plain with spaces", NOTE_PLAIN, "plain with spaces");
  /* a lone tag: the tag, and nothing to save */
  check_tag("!", NOTE_INSIGHT, "");
  check_tag("  @  ", NOTE_REFERRAL, "");
  check_tag("", NOTE_PLAIN, "");
  /* only the first character tags; the rest is text */
  check_tag("!! really important", NOTE_INSIGHT, "! really important");
  check_tag("a ! in the middle", NOTE_PLAIN, "a ! in the middle");
  check_tag("-1 is not a tag", NOTE_PLAIN, "-1 is not a tag");
  check_tag("é ! UTF-8 first", NOTE_PLAIN, "é ! UTF-8 first");
  /* the tables agree */
  CHECK_STR(rp_note_tag_names[NOTE_PLAIN], "");
  CHECK_STR(rp_note_tag_names[NOTE_INSIGHT], "insight");
  CHECK_STR(rp_note_tag_names[NOTE_FEEDBACK], "feedback");
  CHECK_STR(rp_note_tag_names[NOTE_ACTION], "action");
  CHECK_STR(rp_note_tag_names[NOTE_REFERRAL], "referral");
  CHECK_INT(rp_note_tag_chars[NOTE_PLAIN], 0);
  CHECK_INT(rp_note_tag_chars[NOTE_REFERRAL], '@');
}

/* referral_parse(text) succeeds with name, org, note (NULL = absent). */
static void check_ref(const char *text, const char *name, const char *org, const char *note) {
  struct rp_referral r;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(referral_parse(text, &r, &err), RP_OK);
  CHECK_STR(r.name, name);
  if (org) CHECK_STR(r.org, org);
  else CHECK(r.org == NULL);
  if (note) CHECK_STR(r.note, note);
  else CHECK(r.note == NULL);
  if ((org && (!r.org || strcmp(r.org, org))) || (!org && r.org) ||
      (note && (!r.note || strcmp(r.note, note))) || (!note && r.note))
    fprintf(stderr, "  [%s] -> org [%s] note [%s]\n", text, r.org ? r.org : "(null)",
            r.note ? r.note : "(null)");
  referral_free(&r);
  CHECK(r.name == NULL && r.org == NULL && r.note == NULL);
}

static void check_ref_invalid(const char *text) {
  struct rp_referral r;
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(referral_parse(text, &r, &err), RP_INVALID);
  CHECK_STR(err.field, "name");
  CHECK(strstr(err.msg, "name") != NULL);
  CHECK(r.name == NULL && r.org == NULL && r.note == NULL);
}

static void test_referrals(void) {
  /* the example, with each separator */
  check_ref("Priya Shah, Acme — runs their research team", "Priya Shah", "Acme",
            "runs their research team");
  check_ref("Priya Shah, Acme -- runs their research team", "Priya Shah", "Acme",
            "runs their research team");
  check_ref("Priya Shah, Acme - runs their research team", "Priya Shah", "Acme",
            "runs their research team");
  check_ref("Priya Shah, Acme – en dash", "Priya Shah", "Acme", "en dash");
  check_ref("  Priya Shah ,  Acme Labs  —  spaces everywhere  ", "Priya Shah", "Acme Labs",
            "spaces everywhere");
  /* the first separator splits; later dashes stay in the note */
  check_ref("Priya Shah, Acme — research - and ops — too", "Priya Shah", "Acme",
            "research - and ops — too");
  /* hyphens inside words are not separators */
  check_ref("Jean-Luc Picard, Star-Fleet — captain", "Jean-Luc Picard", "Star-Fleet", "captain");
  /* missing organisation, missing note, both */
  check_ref("Priya Shah — runs research", "Priya Shah", NULL, "runs research");
  check_ref("Priya Shah, Acme", "Priya Shah", "Acme", NULL);
  check_ref("Priya Shah", "Priya Shah", NULL, NULL);
  check_ref("Priya Shah, — empty org", "Priya Shah", NULL, "empty org");
  check_ref("Priya Shah, Acme —", "Priya Shah", "Acme", NULL);
  /* the first comma splits; later ones belong to the organisation */
  check_ref("Priya Shah, Acme, Inc. — research", "Priya Shah", "Acme, Inc.", "research");
  /* name suffixes stay in the name */
  check_ref("Martin King, Jr., Acme — ops", "Martin King, Jr.", "Acme", "ops");
  check_ref("Martin King, Jr, Acme", "Martin King, Jr", "Acme", NULL);
  check_ref("Henry Ford, III", "Henry Ford, III", NULL, NULL);
  check_ref("Ana Ruiz, PhD, University of Leeds — lab head", "Ana Ruiz, PhD",
            "University of Leeds", "lab head");
  check_ref("Sam Oduya, md, City Hospital", "Sam Oduya, md", "City Hospital", NULL);
  check_ref("Ed Lee, Sr., II, Acme", "Ed Lee, Sr., II", "Acme", NULL);
  /* a suffix-like word that starts an organisation is the organisation */
  check_ref("Sam Oduya, MD Anderson — oncology", "Sam Oduya", "MD Anderson", "oncology");
  check_ref("Kai Iverson, IVy Labs", "Kai Iverson", "IVy Labs", NULL);
  /* quoted names may hold commas and dashes */
  check_ref("\"Shah, Priya\", Acme — research", "Shah, Priya", "Acme", "research");
  check_ref("\"Shah, Priya\"", "Shah, Priya", NULL, NULL);
  check_ref("\"Mary-Kate - the elder\", Acme - twins", "Mary-Kate - the elder", "Acme", "twins");
  check_ref("\"Shah, Priya\" Jr, Acme", "Shah, Priya Jr", "Acme", NULL);
  check_ref("\"Unclosed, Acme", "Unclosed", "Acme", NULL);
  /* UTF-8 */
  check_ref("李小龙, 金禾 — 研究", "李小龙", "金禾", "研究");
  check_ref("Zoë Ørsted, Ærø Labs—joined", "Zoë Ørsted", "Ærø Labs—joined", NULL);
  check_ref("Zoë Ørsted，Acme", "Zoë Ørsted，Acme", NULL, NULL); /* a full-width comma is text */
  check_ref("José Ñúñez — 🎉 great", "José Ñúñez", NULL, "🎉 great");
  /* no name */
  check_ref_invalid("");
  check_ref_invalid("   ");
  check_ref_invalid("— runs their research team");
  check_ref_invalid("- only a note");
  check_ref_invalid(", Acme — a note");
  check_ref_invalid("\"\", Acme");
  check_ref_invalid(NULL);
}

int main(void) {
  setlocale(LC_ALL, "");
  test_tags();
  test_referrals();
  return check_done("test_note_parse");
}
