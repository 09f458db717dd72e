/* json.h — writing JSON text (escaping), shared by the CLI and exporters. */
#ifndef RAPPORT_JSON_H
#define RAPPORT_JSON_H

#include "rapport/contact_values.h"
#include "rapport/util.h"

/* Append s as a JSON string literal (with quotes); NULL → null. Invalid
 * UTF-8 bytes become U+FFFD, control characters \uXXXX escapes. */
void json_str(struct rp_buf *b, const char *s);
/* Append a list of emails, phones or URLs as a JSON array of
 * {"value": "…", "type": "…" or null, "preferred": true|false}, on one
 * line ("[]" when empty): as the JSON export, `list --format json` and the
 * dossier write them. */
void json_values(struct rp_buf *b, const struct rp_contact_values *vs);

#endif
