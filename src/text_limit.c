/* text_limit.c — see rapport/text_limit.h. */
#include "rapport/text_limit.h"

#include <stdio.h>

/* See text_limit.h. Sizes in decimal MB/KB as file managers show them. */
char *text_limit_message(const char *what, size_t n) {
  char size[32];
  if (n >= 1000000) snprintf(size, sizeof size, "%.1f MB", (double)n / 1e6);
  else snprintf(size, sizeof size, "%zu KB", (n + 999) / 1000);
  return xasprintf("%s: %s, larger than the " RP_TEXT_MAX_SHOWN
                   " a text can hold; nothing was changed",
                   what, size);
}
