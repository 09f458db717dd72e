/* test_config_scale.c — long configs (issue 22: 200,000 keys took 44 s
 * at every start): each kind (long lists, long mappings, many references
 * between lists) parses at n and at 4n entries, and strictness holds at
 * that size: a duplicate or an unknown reference at the very end is still
 * found. How the time grows is measured by bench/bounds, not here (speed
 * is the benchmarks' job, never a timed test). */
#include "check.h"
#include "rapport/config.h"
#include "rapport/util.h"

enum { SMALL = 20000, BIG = 80000 };

/* A config of n entries of one kind, into b. */
typedef void (*make_fn)(struct rp_buf *b, int n);

static void make_stages(struct rp_buf *b, int n) {
  buf_adds(b, "stages:\n");
  for (int i = 0; i < n; i++) buf_addf(b, "  - {key: k%d, label: label %d}\n", i, i);
}

static void make_manual(struct rp_buf *b, int n) {
  buf_adds(b, "readiness:\n  manual:\n");
  for (int i = 0; i < n; i++) buf_addf(b, "    - {key: m%d, text: check %d}\n", i, i);
}

/* n question checks, and n bank questions each flagged with one of them */
static void make_checks(struct rp_buf *b, int n) {
  buf_adds(b, "question_checks:\n");
  for (int i = 0; i < n; i++) buf_addf(b, "  - {key: f%d, advice: ask %d}\n", i, i);
  buf_adds(b, "question_bank:\n  - key: all\n    questions:\n");
  for (int i = 0; i < n; i++) buf_addf(b, "      - {text: question %d?, flags: [f%d]}\n", i, n - 1 - i);
}

/* n stages and a cadence for each, named in the other order */
static void make_by_stage(struct rp_buf *b, int n) {
  buf_adds(b, "stages:\n");
  for (int i = 0; i < n; i++) buf_addf(b, "  - {key: s%d}\n", i);
  buf_adds(b, "cadence:\n  by_stage:\n");
  for (int i = 0; i < n; i++) buf_addf(b, "    s%d: %d\n", n - 1 - i, i % 365);
}

/* Parse b over the defaults: it is a valid config. */
static void parse_ok(const char *name, const struct rp_buf *b) {
  struct rp_config cfg;
  struct rp_err err = {0};
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, name, b->s, b->len, &err), RP_OK);
  config_free(&cfg);
}

static void check_sizes(const char *name, make_fn make) {
  struct rp_buf b = {0};
  make(&b, SMALL);
  parse_ok(name, &b);
  buf_reset(&b);
  make(&b, BIG);
  parse_ok(name, &b);
  buf_free(&b);
}

/* Still strict at size: the last entry repeats the first / names a stage
 * the list does not have; the error points at it. */
static void test_strict_at_size(void) {
  struct rp_buf b = {0};
  struct rp_config cfg;
  struct rp_err err = {0};
  make_stages(&b, BIG);
  buf_adds(&b, "  - {key: k0, label: again}\n");
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, "dup.yaml", b.s, b.len, &err), RP_INVALID);
  char *want = xasprintf("dup.yaml:%d:11: duplicate key 'k0' in stages", BIG + 2);
  CHECK(strncmp(err.msg, want, strlen(want)) == 0);
  free(want);
  config_free(&cfg);

  buf_reset(&b);
  make_by_stage(&b, BIG);
  buf_adds(&b, "    nowhere: 3\n");
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, "stage.yaml", b.s, b.len, &err), RP_INVALID);
  want = xasprintf("stage.yaml:%d:5: unknown stage 'nowhere'", 2 * BIG + 4);
  CHECK(strncmp(err.msg, want, strlen(want)) == 0);
  free(want);
  config_free(&cfg);
  buf_free(&b);
}

int main(void) {
  check_sizes("stages.yaml", make_stages);
  check_sizes("manual.yaml", make_manual);
  check_sizes("checks.yaml", make_checks);
  check_sizes("by_stage.yaml", make_by_stage);
  test_strict_at_size();
  return check_done("test_config_scale");
}
