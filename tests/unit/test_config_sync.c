/* test_config_sync.c — the config section "sync:" (src/config/
 * config_sync.c): the defaults (nothing synced), folders with ~/
 * expanded, the flags, stages checked against the stages once the whole
 * file is read, and every mistake located as FILE:LINE:COLUMN. */
#include "check.h"
#include "rapport/config.h"

/* Parse text over the defaults; returns the status, the message in msg. */
static enum rp_status parse(const char *text, struct rp_config *cfg, char *msg, size_t size) {
  config_defaults(cfg);
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status s = config_parse(cfg, "c.yaml", text, strlen(text), &err);
  str_copy(msg, size, err.msg);
  return s;
}

static void test_defaults(void) {
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  CHECK(cfg.sync_contacts == NULL && cfg.sync_calendar == NULL);
  CHECK(!cfg.sync_on_start && !cfg.sync_on_quit);
  CHECK_INT(cfg.sync_stages.n + cfg.sync_tags.n, 0);
  config_free(&cfg);
}

static void test_values(void) {
  setenv("HOME", "/home/ana", 1);
  struct rp_config cfg = {0};
  char msg[1024];
  CHECK_INT(parse("sync:\n  contacts: ~/.contacts/rapport/default\n  calendar: /c/cal\n"
                  "  on_start: true\n  on_quit: false\n  stages: [met, thanked]\n  tags: mentor\n"
                  "stages:\n  - {key: met, label: met}\n  - {key: thanked, label: thanked}\n",
                  &cfg, msg, sizeof msg),
            RP_OK);
  CHECK_STR(cfg.sync_contacts, "/home/ana/.contacts/rapport/default");
  CHECK_STR(cfg.sync_calendar, "/c/cal");
  CHECK(cfg.sync_on_start && !cfg.sync_on_quit);
  CHECK_INT(cfg.sync_stages.n, 2);
  CHECK(cfg.sync_tags.n == 1 && strcmp(cfg.sync_tags.v[0], "mentor") == 0);
  config_free(&cfg);
}

static void test_errors(void) {
  static const char *const cases[][2] = {
      {"sync:\n  contacts: cards\n",
       "c.yaml:2:13: 'sync.contacts' must be an absolute path or start with ~/, not 'cards'"},
      {"sync:\n  on_start: yes\n", "c.yaml:2:13: 'sync.on_start' must be true or false, not 'yes'"},
      {"sync:\n  stages: [met, nope]\n", "c.yaml:2:17: unknown stage 'nope' in sync.stages; allowed: "},
      {"sync: [a]\n", "c.yaml:1:7: 'sync' must be a mapping such as {contacts: ~/.contacts/rapport}"},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(cases); i++) {
    struct rp_config cfg = {0};
    char msg[1024];
    CHECK_INT(parse(cases[i][0], &cfg, msg, sizeof msg), RP_INVALID);
    if (strncmp(msg, cases[i][1], strlen(cases[i][1])) != 0) {
      fprintf(stderr, "got:  %s\nwant: %s\n", msg, cases[i][1]);
      CHECK(0);
    }
    CHECK(cfg.sync_contacts == NULL && !cfg.sync_on_start); /* left as it was */
    config_free(&cfg);
  }
  /* an unknown key is a warning */
  struct rp_config cfg = {0};
  char msg[1024];
  CHECK_INT(parse("sync:\n  contact: /x\n", &cfg, msg, sizeof msg), RP_OK);
  CHECK(cfg.warnings.n == 1 && strstr(cfg.warnings.v[0], "c.yaml:2:3: unknown key 'contact'"));
  config_free(&cfg);
}

int main(void) {
  test_defaults();
  test_values();
  test_errors();
  printf("%d checks, %d failures\n", check_count, check_failures);
  return check_failures ? 1 : 0;
}
