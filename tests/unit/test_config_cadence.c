/* test_config_cadence.c — the "cadence" config section: the shipped
 * defaults, settings over them, by_stage replacing the whole mapping, the
 * stage keys checked against stages in any order (an inherited entry for a
 * stage a new list leaves out is dropped quietly), and the exact
 * FILE:LINE:COLUMN of each mistake with what is allowed. */
#include "check.h"
#include "rapport/config.h"
#include "rapport/util.h"

/* "stage=days,…" of cfg->cadence_by_stage. */
static char *by_stage(const struct rp_config *cfg) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < cfg->n_cadence_by_stage; i++)
    buf_addf(&b, "%s%s=%d", i ? "," : "", cfg->cadence_by_stage[i].stage,
             cfg->cadence_by_stage[i].days);
  return buf_steal(&b);
}

static void check_defaults(const struct rp_config *cfg) {
  CHECK_INT(cfg->cadence_warm, 60);
  CHECK_INT(cfg->cadence_cold, 0);
  char *s = by_stage(cfg);
  CHECK_STR(s, "met=21,thanked=30,keeping-in-touch=90,declined=0,not-now=0");
  free(s);
}

static void check_bad_text(const char *text, const char *want) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, "cfg.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  check_defaults(&cfg);
  config_free(&cfg);
}

/* Parse text over the defaults: must succeed; returns by_stage. */
static char *parse_ok(struct rp_config *cfg, const char *text) {
  struct rp_err err = {0};
  config_defaults(cfg);
  CHECK_INT(config_parse(cfg, "cfg.yaml", text, strlen(text), &err), RP_OK);
  CHECK_STR(err.msg, "");
  return by_stage(cfg);
}

static void test_cadence(void) {
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  check_defaults(&cfg);
  CHECK_INT(cfg.warnings.n, 0);
  config_free(&cfg);

  /* settings over the defaults; none = 0; by_stage replaces the mapping */
  char *s = parse_ok(&cfg, "cadence: {warm: 45, cold: 120}\n");
  CHECK_INT(cfg.cadence_warm, 45);
  CHECK_INT(cfg.cadence_cold, 120);
  CHECK_STR(s, "met=21,thanked=30,keeping-in-touch=90,declined=0,not-now=0");
  free(s);
  config_free(&cfg);
  s = parse_ok(&cfg, "cadence:\n  warm: none\n  by_stage:\n    thanked: 14\n    met: 3650\n");
  CHECK_INT(cfg.cadence_warm, 0);
  CHECK_INT(cfg.cadence_cold, 0);
  CHECK_STR(s, "thanked=14,met=3650");
  free(s);
  config_free(&cfg);
  s = parse_ok(&cfg, "cadence: {by_stage: {}}\n");
  CHECK_STR(s, "");
  free(s);
  config_free(&cfg);
  s = parse_ok(&cfg, "cadence:\n");
  CHECK_STR(s, "met=21,thanked=30,keeping-in-touch=90,declined=0,not-now=0");
  free(s);
  config_free(&cfg);

  /* stages may come after cadence */
  s = parse_ok(&cfg, "cadence: {by_stage: {waiting: 7}}\n"
                     "stages: [{key: new}, {key: waiting}]\n");
  CHECK_STR(s, "waiting=7");
  CHECK_INT(cfg.warnings.n, 0);
  free(s);
  config_free(&cfg);
  /* an inherited entry whose stage a new list drops: dropped quietly */
  s = parse_ok(&cfg, "stages: [{key: new}, {key: met}, {key: declined}]\n");
  CHECK_STR(s, "met=21,declined=0");
  CHECK_INT(cfg.warnings.n, 0);
  free(s);
  config_free(&cfg);
  /* unknown keys are warnings */
  s = parse_ok(&cfg, "cadence: {warm: 30, hot: 1}\n");
  CHECK_INT(cfg.warnings.n, 1);
  if (cfg.warnings.n == 1)
    CHECK_STR(cfg.warnings.v[0],
              "cfg.yaml:1:21: unknown key 'hot' (ignored); known keys: warm, cold, by_stage");
  free(s);
  config_free(&cfg);

  /* mistakes, where they are */
  check_bad_text("cadence: 60\n", "cfg.yaml:1:10: 'cadence' must be a mapping such as {warm: 60, "
                                  "cold: 0, by_stage: {keeping-in-touch: 90}}");
  check_bad_text("cadence: {warm: 3651}\n",
                 "cfg.yaml:1:17: cadence.warm must be a number of days from 0 to 3650 (0 or "
                 "none: no reminders), not '3651'");
  check_bad_text("cadence: {cold: -1}\n",
                 "cfg.yaml:1:17: cadence.cold must be a number of days from 0 to 3650 (0 or "
                 "none: no reminders), not '-1'");
  check_bad_text("cadence: {warm: [60]}\n",
                 "cfg.yaml:1:17: cadence.warm must be a number of days from 0 to 3650 (0 or "
                 "none: no reminders), not a list");
  check_bad_text("cadence: {by_stage: [met]}\n",
                 "cfg.yaml:1:21: 'cadence.by_stage' must be a mapping of stage to days such as "
                 "{keeping-in-touch: 90, declined: 0} (or {} for none)");
  check_bad_text("cadence:\n  by_stage:\n    met: often\n",
                 "cfg.yaml:3:10: cadence.by_stage.met must be a number of days from 0 to 3650 "
                 "(0 or none: no reminders), not 'often'");
  check_bad_text("cadence:\n  by_stage:\n    met: 5\n    chatting: 5\n",
                 "cfg.yaml:4:5: unknown stage 'chatting' in cadence.by_stage; allowed: "
                 "identified, researching, giving, intro-requested, asked, scheduled, met, "
                 "thanked, keeping-in-touch, declined, not-now");
  check_bad_text("stages: [{key: a}, {key: b}]\ncadence: {by_stage: {a: 1, met: 2}}\n",
                 "cfg.yaml:2:28: unknown stage 'met' in cadence.by_stage; allowed: a, b");
}

int main(void) {
  test_cadence();
  return check_done("test_config_cadence");
}
