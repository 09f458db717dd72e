/* fuzz_theme.c — libFuzzer target: the theme parser. */
#include "fuzz_common.h"
#include "rapport/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_copy(data, size);
  struct rp_theme theme = {0};
  struct rp_err err;
  theme_parse(&theme, "fuzz.yaml", text, size, &err);
  theme_free(&theme);
  free(text);
  return 0;
}
