/* check.h — a minimal test harness: CHECK macros count failures, each test
 * executable returns non-zero when any check failed. Helpers make a private
 * temporary directory per test run. */
#ifndef RAPPORT_TEST_CHECK_H
#define RAPPORT_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                \
  do {                                                                             \
    check_count++;                                                                 \
    if (!(cond)) {                                                                 \
      check_failures++;                                                            \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
    }                                                                              \
  } while (0)

#define CHECK_STR(a, b)                                                            \
  do {                                                                             \
    const char *check_a_ = (a), *check_b_ = (b);                                   \
    check_count++;                                                                 \
    if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {               \
      check_failures++;                                                            \
      fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  got:      \"%s\"\n  expected: \"%s\"\n", \
              __FILE__, __LINE__, #a, check_a_ ? check_a_ : "(null)",             \
              check_b_ ? check_b_ : "(null)");                                     \
    }                                                                              \
  } while (0)

#define CHECK_INT(a, b)                                                            \
  do {                                                                             \
    long long check_a_ = (long long)(a), check_b_ = (long long)(b);                \
    check_count++;                                                                 \
    if (check_a_ != check_b_) {                                                    \
      check_failures++;                                                            \
      fprintf(stderr, "%s:%d: CHECK_INT failed: %s == %lld, expected %lld\n",      \
              __FILE__, __LINE__, #a, check_a_, check_b_);                         \
    }                                                                              \
  } while (0)

/* Make a fresh private temporary directory; returns a static path. */
static inline const char *check_tmpdir(void) {
  static char dir[256];
  if (!dir[0]) {
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rapport-test-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(dir)) {
      perror("mkdtemp");
      exit(2);
    }
  }
  return dir;
}

static inline void check_rmtree(const char *dir) {
  char cmd[512];
  /* test-only cleanup of our own mkdtemp directory */
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "warning: could not remove %s\n", dir);
}

static inline int check_done(const char *name) {
  printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
  return check_failures ? 1 : 0;
}

/* SQL that undoes what migration 23 added (the folded name and
 * organisation keys, their indexes and trigger): see below. */
#define CHECK_UNDO_MIGRATION_23                                                            \
  "DROP TRIGGER IF EXISTS contact_key_au; DROP INDEX IF EXISTS contact_name_key; "         \
  "DROP INDEX IF EXISTS contact_org_key; DROP INDEX IF EXISTS contact_org_unkeyed; "       \
  "ALTER TABLE contact DROP COLUMN name_key; ALTER TABLE contact DROP COLUMN org_key; "

/* SQL that undoes what migration 16 added (the follow-ups' origin and
 * note line, and their indexes), for tests that take a journal back to an
 * older schema and open it again: the migration then runs again (and so do
 * the later ones that add columns: 23, undone first). */
#define CHECK_UNDO_MIGRATION_16                                                            \
  CHECK_UNDO_MIGRATION_23                                                                  \
  "DROP INDEX IF EXISTS followup_note; DROP INDEX IF EXISTS followup_conversation_origin; " \
  "DROP INDEX IF EXISTS followup_open_origin; DROP INDEX IF EXISTS followup_open_due; "     \
  "DROP INDEX IF EXISTS note_contact_ref; ALTER TABLE followup DROP COLUMN origin; "         \
  "ALTER TABLE followup DROP COLUMN note_id;"

#endif
