/* vcard_internal.h — what the vCard reader's files share: a content line
 * split into its parts and parameters (vcard_decode.c decodes its value
 * into UTF-8 text), and the card being read (vcard_card.c turns its
 * properties into a person). vcard_read.c finds the lines and the cards.
 * Not for other modules. */
#ifndef RAPPORT_VCARD_INTERNAL_H
#define RAPPORT_VCARD_INTERNAL_H

#include "io/import_internal.h"

enum vcard_encoding { VCARD_RAW, VCARD_QP, VCARD_BASE64 };

/* What a line's parameters say. */
struct vcard_params {
  enum vcard_encoding encoding; /* ENCODING=…, or a bare QUOTED-PRINTABLE / BASE64 */
  char *charset;                /* CHARSET=…, or NULL */
  int pref;                     /* 1 (most preferred) … 100 from PREF=n, 1 for a "pref"
                                   type; 0 when not preferred */
  char *type;                   /* the kind of use ("work", "home", "mobile", "fax", …,
                                   lower case) from TYPE=… and 2.1's bare types, or NULL */
};

/* Parse the `n` bytes of parameters after a property's name (without the
 * first ';': "TYPE=work,pref;CHARSET=UTF-8", 2.1's "WORK;CELL;PREF", quoted
 * values). Never fails: what is not understood is ignored. out is
 * overwritten; free with vcard_params_free. */
void vcard_params_parse(const char *s, size_t n, struct vcard_params *out);
void vcard_params_free(struct vcard_params *p);

/* One content line once unfolded: GROUP.NAME;PARAMS:VALUE. The strings
 * point into the reader's line buffer. */
struct vcard_line {
  int line;                    /* where it starts */
  const char *group;           /* "item1", or "" */
  const char *name;            /* as written ("EMAIL", "email") */
  const char *value;           /* raw bytes: not decoded, still escaped */
  size_t value_len;
  struct vcard_params params;
};

/* The value of `l` as UTF-8 text (still escaped): quoted-printable decoded
 * (its CR LF made LF), then read in its CHARSET. Bytes that are not UTF-8
 * (without a CHARSET, or despite "UTF-8"), or in a CHARSET iconv does not
 * know, are read as Windows-1252 with a warning on p at file:l->line. New
 * string, caller frees. */
char *vcard_value_text(const struct vcard_line *l, struct rp_import_person *p,
                       const char *file);

/* Unescape n bytes of a text value: \n \N become a line break, any other
 * \X becomes X; a comma or semicolon that is not escaped becomes `sep_to`
 * (when not 0). New string, caller frees. */
char *vcard_unescape(const char *s, size_t n, char sep_to);
/* Split an escaped value at the unescaped `sep` into unescaped parts
 * (appended to out); with sep ';', unescaped commas inside a part become
 * spaces. */
void vcard_split(const char *v, char sep, struct rp_strv *out);

/* The card being read. */
struct vcard_card;
/* Start reading the card of person p (owned by the people list) from file
 * `file` (kept, not copied). Free with vcard_card_end. */
struct vcard_card *vcard_card_new(const char *file, struct rp_import_person *p);
/* Take one property of the card (any property: those rapport does not use
 * are ignored). */
void vcard_card_property(struct vcard_card *c, const struct vcard_line *l);
/* Finish the person: the name (FN, else N, else NICKNAME, else ORG, else
 * the email or phone through import_person_finish), the notes and the
 * preferred values; frees c. */
void vcard_card_end(struct vcard_card *c);

#endif
