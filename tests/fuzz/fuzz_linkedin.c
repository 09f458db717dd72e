/* fuzz_linkedin.c — libFuzzer target: LinkedIn's Connections.csv importer. */
#include "fuzz_common.h"
#include "rapport/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_copy(data, size);
  struct rp_import_people people = {0};
  struct rp_err err;
  import_parse_linkedin("fuzz.csv", text, size, "linkedin", &people, &err);
  import_people_free(&people);
  free(text);
  return 0;
}
