/* fuzz_restore.c — libFuzzer target: the JSON reader and the restore of an
 * export into a journal. One temporary journal is opened per process; it is
 * recreated after an input that restored anything (restore needs an empty
 * journal unless merging). The first byte chooses merge or not. */
#include <stdio.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "rapport/db.h"
#include "rapport/export.h"
#include "rapport/json_read.h"

static char dir[] = "/tmp/rapport-fuzz-XXXXXX";
static char path[64];
static struct rp_db *db;

static void journal_reset(void) {
  struct rp_err err;
  if (db) db_close(db);
  db = NULL;
  char side[80];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  if (db_open(path, &db, &err) != RP_OK) {
    fprintf(stderr, "fuzz_restore: %s\n", err.msg);
    abort();
  }
}

static void cleanup(void) {
  if (db) db_close(db);
  db = NULL;
  char side[80];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  setenv("RAPPORT_NOW", "1795000000", 1);
  if (!mkdtemp(dir)) abort();
  snprintf(path, sizeof path, "%s/journal.db", dir);
  journal_reset();
  atexit(cleanup);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  bool merge = data[0] & 1;
  char *text = fuzz_copy(data + 1, size - 1);
  struct rp_err err;
  /* the reader alone */
  struct rp_json *j = NULL;
  if (json_parse(text, size - 1, &j, &err) == RP_OK) json_free(j);
  /* the restore (which reads the document again) */
  struct rp_restore_summary sum = {0};
  if (restore_json(db, text, size - 1, merge, &sum, &err) == RP_OK) journal_reset();
  free(text);
  return 0;
}
