/* embedded.h — the shipped config.example.yaml and the themes/ files, compiled
 * into the binary by src/embed.cmake. They are the compiled-in defaults. */
#ifndef RAPPORT_EMBEDDED_H
#define RAPPORT_EMBEDDED_H

struct rp_embedded_file {
  const char *name; /* theme name (file name without .yaml) */
  const char *text; /* file contents, NUL-terminated */
};

extern const char *const rp_embedded_config;
extern const struct rp_embedded_file rp_embedded_themes[]; /* ends with {NULL,NULL} */

#endif
