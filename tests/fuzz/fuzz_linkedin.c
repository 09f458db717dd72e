/* fuzz_linkedin.c — libFuzzer target: the CSV importers, as `rapport
 * import linkedin` (LinkedIn's Connections.csv only) and as `rapport import
 * csv` (LinkedIn, Outlook and Google Contacts, recognised by the header). */
#include "fuzz_common.h"
#include "rapport/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = fuzz_copy(data, size);
  struct rp_import_people people = {0};
  struct rp_err err;
  import_parse_linkedin("fuzz.csv", text, size, "linkedin", &people, &err);
  import_people_free(&people);
  import_parse_csv("fuzz.csv", text, size, "linkedin", &people, &err);
  import_people_free(&people);
  free(text);
  return 0;
}
