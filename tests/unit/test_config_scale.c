/* test_config_scale.c — the config is read in time linear in its size
 * (issue 22: 200,000 keys took 44 s at every start). Each kind of long
 * config (long lists, long mappings, many references between lists) is
 * parsed at n and at 4n entries: linear work takes about 4 times as long,
 * a quadratic walk 16 times (several seconds more); the test allows 12
 * times plus half a second (the fastest of three runs each, as the
 * machine is shared). Strictness holds at that size: a
 * duplicate or an unknown reference at the very end is still found. */
#include <time.h>

#include "check.h"
#include "rapport/config.h"
#include "rapport/util.h"

enum { SMALL = 20000, BIG = 80000 };

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

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

/* Parse b over the defaults three times; the fastest time. */
static double parse_best(const char *name, const struct rp_buf *b, enum rp_status want) {
  double best = 1e9;
  for (int rep = 0; rep < 3; rep++) {
    struct rp_config cfg;
    struct rp_err err = {0};
    config_defaults(&cfg);
    double t0 = now_s();
    enum rp_status st = config_parse(&cfg, name, b->s, b->len, &err);
    double t = now_s() - t0;
    if (t < best) best = t;
    CHECK_INT(st, want);
    config_free(&cfg);
  }
  return best;
}

static void check_linear(const char *name, make_fn make) {
  struct rp_buf b = {0};
  make(&b, SMALL);
  double small = parse_best(name, &b, RP_OK);
  buf_reset(&b);
  make(&b, BIG);
  double big = parse_best(name, &b, RP_OK);
  fprintf(stderr, "%s: %d entries %.3f s, %d entries %.3f s (x%.1f)\n", name, SMALL, small, BIG,
          big, big / small);
  CHECK(big < 12 * small + 0.5);
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
  check_linear("stages.yaml", make_stages);
  check_linear("manual.yaml", make_manual);
  check_linear("checks.yaml", make_checks);
  check_linear("by_stage.yaml", make_by_stage);
  test_strict_at_size();
  return check_done("test_config_scale");
}
