/* fuzz_common.h — what the libFuzzer targets share: the input as an exact
 * heap copy (so a read one byte past the end is an ASan report) and as a
 * NUL-terminated string for the APIs that take one. */
#ifndef RAPPORT_FUZZ_COMMON_H
#define RAPPORT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* An exact copy of data, not NUL-terminated; caller frees. */
static inline char *fuzz_copy(const uint8_t *data, size_t size) {
  char *p = malloc(size ? size : 1);
  if (size) memcpy(p, data, size);
  return p;
}

/* A NUL-terminated copy (stops at the first NUL of the input); caller frees. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size) {
  char *p = malloc(size + 1);
  if (size) memcpy(p, data, size);
  p[size] = '\0';
  return p;
}

#endif
