/* db_file.h — private to src/model: the journal's file before SQLite
 * opens it (db.c's open). */
#ifndef RAPPORT_MODEL_DB_FILE_H
#define RAPPORT_MODEL_DB_FILE_H

#include <stdbool.h>
#include <sys/types.h>

#include "rapport/util.h"

/* "PATH: not a rapport journal (…)" into err; returns RP_EDB. */
enum rp_status db_file_not_a_journal(const char *path, struct rp_err *err);

/* Make sure `path` exists as a private file. *fresh is set when it is empty
 * (new, or a 0-byte file), i.e. when it may be initialised; *wal_mode when
 * its header says it is already in WAL mode; *mode is its permission bits.
 * An existing non-empty file is not modified in any way; one whose SQLite
 * header is not intact is refused (db_file_not_a_journal). */
enum rp_status db_file_prepare(const char *path, bool *fresh, bool *wal_mode, mode_t *mode,
                               struct rp_err *err);

/* The -wal and -shm files beside an existing journal before it is opened:
 * when it is refused, the ones the open made are removed again. */
struct side_files {
  bool had_wal, had_shm;
};

void db_file_sides_note(const char *path, struct side_files *sf);
/* After a refused file's connection is closed (without a checkpoint:
 * SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE), remove the empty -wal and the -shm
 * the open made, so the file and its folder are as they were. */
void db_file_sides_undo(const char *path, const struct side_files *sf);

#endif
