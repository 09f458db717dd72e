/* fuzz_askcheck.c — libFuzzer target: the outreach draft check over the
 * default phrase lists. */
#include "fuzz_common.h"
#include "rapport/askcheck.h"

static struct rp_config cfg;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  config_defaults(&cfg);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_cstr(data, size);
  struct rp_findings f = {0};
  askcheck_run(&cfg, text, &f);
  findings_free(&f);
  free(text);
  return 0;
}
