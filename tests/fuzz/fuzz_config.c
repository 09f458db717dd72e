/* fuzz_config.c — libFuzzer target: the YAML config parser (config_parse over
 * the compiled-in defaults, as config_load does). */
#include "fuzz_common.h"
#include "rapport/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_copy(data, size);
  struct rp_config cfg = {0};
  struct rp_err err;
  config_defaults(&cfg);
  config_parse(&cfg, "fuzz.yaml", text, size, &err);
  config_free(&cfg);
  free(text);
  return 0;
}
