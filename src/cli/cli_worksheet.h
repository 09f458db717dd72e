/* cli_worksheet.h — shared by cli_worksheet.c (the verb) and
 * cli_worksheet_print.c (the Markdown and JSON print-outs). */
#ifndef RAPPORT_CLI_WORKSHEET_H
#define RAPPORT_CLI_WORKSHEET_H

#include <stdbool.h>

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/worksheet.h"

/* Append the whole worksheet to b, as Markdown or (json) one JSON object.
 * cfg gives the pitch's pace and limit. On failure err is set and b may
 * hold part of the text. */
enum rp_status cli_ws_render(struct rp_db *db, const struct rp_config *cfg, bool json,
                             struct rp_buf *b, struct rp_err *err);
/* "62 words, about 25 s", plus " (over 30 s)" when too long; caller frees. */
char *cli_ws_timing_line(const struct rp_pitch_timing *t, int limit_seconds);

#endif
