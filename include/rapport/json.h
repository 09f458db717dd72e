/* json.h — writing JSON text (escaping), shared by the CLI and exporters. */
#ifndef RAPPORT_JSON_H
#define RAPPORT_JSON_H

#include "rapport/util.h"

/* Append s as a JSON string literal (with quotes); NULL → null. Invalid
 * UTF-8 bytes become U+FFFD, control characters \uXXXX escapes. */
void json_str(struct rp_buf *b, const char *s);

#endif
