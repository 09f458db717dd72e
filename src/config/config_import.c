/* config_import.c — the config section "import": what imported people get
 * (linkedin_how_known: the how-known key every LinkedIn connection gets,
 * or none). The key is checked by cfg_import_check once the whole file is
 * read, since "how_known:" may come after "import:"; the shipped default
 * is dropped without a word when a file's own how_known list leaves it
 * out. Part of the walk in config.c; see config_walk.h. */
#include <stdlib.h>
#include <string.h>

#include "config/config_walk.h"

/* See config_walk.h. */
enum rp_status cfg_parse_import(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'import' must be a mapping such as {linkedin_how_known: community}");
  static const char *const known[] = {"linkedin_how_known", NULL};
  cfg_warn_unknown_keys(w, v, known, "linkedin_how_known");
  const struct ynode *n = cfg_map_get(v, "linkedin_how_known");
  if (!n) return RP_OK;
  char *key = NULL;
  if (cfg_optional_string(w, n, "import.linkedin_how_known", &key) != RP_OK) return RP_INVALID;
  if (key && strcmp(key, "none") == 0) {
    free(key);
    key = NULL;
  }
  free(w->cfg->import_linkedin_how_known);
  w->cfg->import_linkedin_how_known = key;
  w->import_at = key ? n : NULL;
  return RP_OK;
}

/* See config_walk.h. */
enum rp_status cfg_import_check(struct walk *w) {
  struct rp_config *cfg = w->cfg;
  const char *key = cfg->import_linkedin_how_known;
  if (!key || choices_find(&cfg->how_known, key)) return RP_OK;
  if (w->import_at) {
    char b[200];
    char *allowed = choices_list(&cfg->how_known);
    enum rp_status st = ERR_AT(w, w->import_at,
                               "unknown how_known '%s' in import.linkedin_how_known; allowed: "
                               "%s, none",
                               cfg_shown(key, b, sizeof b), allowed);
    free(allowed);
    return st;
  }
  /* inherited, and this file's how_known no longer has it: no default */
  free(cfg->import_linkedin_how_known);
  cfg->import_linkedin_how_known = NULL;
  return RP_OK;
}
