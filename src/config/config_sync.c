/* config_sync.c — the config section "sync" (rapport sync, rapport/sync.h):
 * the contacts and calendar collection folders (absolute or ~/ paths),
 * whether the full screen syncs when it opens and quits, and which
 * contacts go out (stages and tags; empty: every live contact). The
 * stages are checked by cfg_sync_check once the whole file is read, since
 * "stages:" may come after "sync:". Part of the walk in config.c; see
 * config_walk.h. */
#include <stdlib.h>
#include <string.h>

#include "config/config_walk.h"

/* A folder: an absolute path or one starting with ~/ (expanded). */
static enum rp_status folder(struct walk *w, const struct ynode *v, const char *what,
                             char **out) {
  if (ynode_is_null(v)) {
    free(*out);
    *out = NULL;
    return RP_OK;
  }
  if (!cfg_want_string(w, v, what)) return RP_INVALID;
  if (v->str[0] != '/' && strncmp(v->str, "~/", 2) != 0) {
    char b[200];
    return ERR_AT(w, v, "'%s' must be an absolute path or start with ~/, not '%s'", what,
                  cfg_shown(v->str, b, sizeof b));
  }
  char *path = cfg_expand_home(w, v, what);
  if (!path) return RP_INVALID;
  free(*out);
  *out = path;
  return RP_OK;
}

/* true or false. */
static enum rp_status flag(struct walk *w, const struct ynode *v, const char *what, bool *out) {
  if (v->kind == YNODE_SCALAR && v->plain && (!strcmp(v->str, "true") || !strcmp(v->str, "false"))) {
    *out = v->str[0] == 't';
    return RP_OK;
  }
  char b[200];
  return ERR_AT(w, v, "'%s' must be true or false, not '%s'", what,
                v->kind == YNODE_SCALAR ? cfg_shown(v->str, b, sizeof b) : ynode_kind_name(v));
}

/* A list of keys (a single key is a list of one; null is none). */
static enum rp_status keys(struct walk *w, const struct ynode *v, const char *what,
                           struct rp_strv *out) {
  struct rp_strv got = {0};
  if (ynode_is_null(v)) {
  } else if (v->kind == YNODE_SCALAR) {
    strv_push(&got, v->str);
  } else if (v->kind == YNODE_SEQ) {
    for (size_t i = 0; i < v->n; i++) {
      if (v->kids[i]->kind != YNODE_SCALAR || !v->kids[i]->str[0]) {
        strv_free(&got);
        return ERR_AT(w, v->kids[i], "each of '%s' must be a name, not %s", what,
                      ynode_kind_name(v->kids[i]));
      }
      strv_push(&got, v->kids[i]->str);
    }
  } else {
    return ERR_AT(w, v, "'%s' must be a list such as [met, thanked], not %s", what,
                  ynode_kind_name(v));
  }
  strv_free(out);
  *out = got;
  return RP_OK;
}

/* See config_walk.h. */
enum rp_status cfg_parse_sync(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'sync' must be a mapping such as {contacts: ~/.contacts/rapport}");
  static const char *const known[] = {"contacts", "calendar", "on_start", "on_quit",
                                      "stages",   "tags",     NULL};
  static const char known_msg[] = "contacts, calendar, on_start, on_quit, stages, tags";
  cfg_warn_unknown_keys(w, v, known, known_msg);
  struct rp_config *c = w->cfg;
  const struct ynode *n;
  if ((n = cfg_map_get(v, "contacts")) && folder(w, n, "sync.contacts", &c->sync_contacts) != RP_OK)
    return RP_INVALID;
  if ((n = cfg_map_get(v, "calendar")) && folder(w, n, "sync.calendar", &c->sync_calendar) != RP_OK)
    return RP_INVALID;
  if ((n = cfg_map_get(v, "on_start")) && flag(w, n, "sync.on_start", &c->sync_on_start) != RP_OK)
    return RP_INVALID;
  if ((n = cfg_map_get(v, "on_quit")) && flag(w, n, "sync.on_quit", &c->sync_on_quit) != RP_OK)
    return RP_INVALID;
  if ((n = cfg_map_get(v, "tags")) && keys(w, n, "sync.tags", &c->sync_tags) != RP_OK)
    return RP_INVALID;
  if ((n = cfg_map_get(v, "stages"))) {
    if (keys(w, n, "sync.stages", &c->sync_stages) != RP_OK) return RP_INVALID;
    w->sync_stages_at = n;
  }
  return RP_OK;
}

/* See config_walk.h. */
enum rp_status cfg_sync_check(struct walk *w) {
  struct rp_config *cfg = w->cfg;
  for (size_t i = 0; i < cfg->sync_stages.n; i++) {
    if (choices_find(&cfg->stages, cfg->sync_stages.v[i])) continue;
    if (!w->sync_stages_at) { /* inherited: this file replaced the stages */
      strv_free(&cfg->sync_stages);
      return RP_OK;
    }
    const struct ynode *at = w->sync_stages_at->kind == YNODE_SEQ && i < w->sync_stages_at->n
                                 ? w->sync_stages_at->kids[i]
                                 : w->sync_stages_at;
    char b[200];
    char *allowed = choices_list(&cfg->stages);
    enum rp_status st = ERR_AT(w, at, "unknown stage '%s' in sync.stages; allowed: %s",
                               cfg_shown(cfg->sync_stages.v[i], b, sizeof b), allowed);
    free(allowed);
    return st;
  }
  return RP_OK;
}

/* See config_walk.h. */
void cfg_sync_copy(struct rp_config *dst, const struct rp_config *src) {
  dst->sync_contacts = src->sync_contacts ? xstrdup(src->sync_contacts) : NULL;
  dst->sync_calendar = src->sync_calendar ? xstrdup(src->sync_calendar) : NULL;
  dst->sync_on_start = src->sync_on_start;
  dst->sync_on_quit = src->sync_on_quit;
  strv_copy(&dst->sync_stages, &src->sync_stages);
  strv_copy(&dst->sync_tags, &src->sync_tags);
}

/* See config_walk.h. */
void cfg_sync_free(struct rp_config *cfg) {
  free(cfg->sync_contacts);
  free(cfg->sync_calendar);
  cfg->sync_contacts = cfg->sync_calendar = NULL;
  strv_free(&cfg->sync_stages);
  strv_free(&cfg->sync_tags);
}
