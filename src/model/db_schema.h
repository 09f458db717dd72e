/* db_schema.h — the migrations (db_schema.c), for db.c's upgrade. Not for
 * modules outside src/model/. */
#ifndef RAPPORT_DB_SCHEMA_H
#define RAPPORT_DB_SCHEMA_H

#include <sqlite3.h>

#include "model/db_sql.h"
#include "model/search_sql.h"

/* The SQL of migration i (0-based: from user_version i to i+1), ending with
 * its user_version bump; i < db_schema_version(). */
const char *db_migration_sql(int i);
/* What migration i does, in a few words ("rebuilding the search index"). */
const char *db_migration_what(int i);

/* The Contacts text filter's haystack of contact `c` (an SQL alias):
 * name, org, role, field, email and its tags, one per line, then (since
 * migration 14) its phone, URL and its other emails, phones and URLs, one
 * per line (nothing at all when it has none: a contact without them has
 * the haystack migration 13 made). Folded by rp_fold (which folds each
 * character alone, so folding the lines together folds each). A piece of
 * text without a line break is in one of them exactly when it is in the
 * haystack. _13: as migration 13 made it, for that migration only. */
#define CONTACT_FILTER_HAY_PARTS(c)                                                          \
  c ".name || char(10) || ifnull(" c ".org, '') || char(10) || ifnull(" c ".role, '') ||"   \
  " char(10) || ifnull(" c ".field, '') || char(10) || ifnull(" c ".email, '')"             \
  " || char(10) || ifnull((SELECT group_concat(t.tag, char(10)) FROM contact_tag t"           \
  " WHERE t.contact_id = " c ".id), '')"
#define CONTACT_FILTER_HAY_13(c) "rp_fold(" CONTACT_FILTER_HAY_PARTS(c) ")"
#define CONTACT_FILTER_HAY(c)                                                                \
  "rp_fold(" CONTACT_FILTER_HAY_PARTS(c) " || ifnull(char(10) || " c ".phone, '')"           \
  " || ifnull(char(10) || " c ".url, '') || ifnull(char(10) || "                            \
  SEARCH_SQL_OTHER_VALUES(c, "char(10)") ", ''))"

/* contact_value_key(VALUE_URL, v) in plain SQL, for the index of URLs
 * (migration 24) and the lookups that use it (contact_match.c): the text
 * after the first "://", without a leading "www." or "WWW.", up to the
 * first '?' or '#', without trailing '/', in ASCII small letters (SQLite's
 * lower(), as the app's key). Built-in functions only, so the sqlite3
 * shell can still write URLs. v: a column; the lookups must spell it as the
 * index does for SQLite to use it. */
#define URL_KEY_A(v) \
  "substr(" v ", CASE WHEN instr(" v ", '://') > 0 THEN instr(" v ", '://') + 3 ELSE 1 END)"
#define URL_KEY_B(v)                                                                      \
  "substr(" URL_KEY_A(v) ", CASE WHEN substr(" URL_KEY_A(v) ", 1, 4) = 'www.' OR substr(" \
  URL_KEY_A(v) ", 1, 4) = 'WWW.' THEN 5 ELSE 1 END)"
#define URL_KEY_C(v) "substr(" URL_KEY_B(v) ", 1, instr(" URL_KEY_B(v) " || '?', '?') - 1)"
#define URL_KEY_D(v) "substr(" URL_KEY_C(v) ", 1, instr(" URL_KEY_C(v) " || '#', '#') - 1)"
#define URL_KEY_SQL(v) "lower(rtrim(" URL_KEY_D(v) ", '/'))"

/* db_fold.c: the SQL function rp_fold(text), registered by db_open. */
void db_sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv);

#endif
