/* db_schema.h — the migrations (db_schema.c), for db.c's upgrade. Not for
 * modules outside src/model/. */
#ifndef RAPPORT_DB_SCHEMA_H
#define RAPPORT_DB_SCHEMA_H

/* The SQL of migration i (0-based: from user_version i to i+1), ending with
 * its user_version bump; i < db_schema_version(). */
const char *db_migration_sql(int i);
/* What migration i does, in a few words ("rebuilding the search index"). */
const char *db_migration_what(int i);

#endif
