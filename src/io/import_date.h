/* import_date.h — the dates other programs write in their exports, read
 * as "YYYY-MM-DD". Shared by the CSV importers; not for other modules. */
#ifndef RAPPORT_IMPORT_DATE_H
#define RAPPORT_IMPORT_DATE_H

#include <stdbool.h>

/* Read one day written as LinkedIn or a spreadsheet writes it into out
 * ("YYYY-MM-DD"), ignoring case and a time after it ("6:14 PM", "18:14:00"):
 *   2024-03-07, 2024/3/7          (year first)
 *   07 Mar 2024, 7 March 24       (day, month name, year)
 *   23-Apr-23, 05-Jan-2026        (a spreadsheet's re-save)
 *   1/8/18, 1/8/2018              (US: month/day/year)
 *   March 7, 2024, Mar 7 2024     (month name first)
 * A two-digit year is 20YY. False (out unspecified) when s is none of
 * these or names no real day ("31 Feb 2024", "31/31/31", "March 2024"). */
bool import_date_parse(const char *s, char out[11]);

#endif
