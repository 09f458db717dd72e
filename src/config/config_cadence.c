/* config_cadence.c — the config section "cadence": how often to get back
 * in touch when nothing else brings you to someone (warm: and cold: days,
 * and by_stage: days per pipeline stage, which come first). The stage keys
 * are checked by cfg_cadence_check once the whole file is read, since
 * "stages:" may come after "cadence:"; the shipped entries for stages a
 * file's own list leaves out are dropped without a word. Part of the walk in config.c; see
 * config_walk.h. */
#include <stdlib.h>
#include <string.h>

#include "config/config_walk.h"

#define CADENCE_MAX 3650

static void by_stage_free(struct rp_stage_cadence *v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i].stage);
  free(v);
}

/* A number of days, 0–3650, or "none" (0), from scalar v (setting `what`). */
static enum rp_status parse_days(struct walk *w, const struct ynode *v, const char *what,
                                 int *out) {
  char b[200];
  if (v->kind != YNODE_SCALAR || ynode_is_null(v))
    return ERR_AT(w, v, "%s must be a number of days from 0 to %d (0 or none: no reminders), "
                        "not %s", what, CADENCE_MAX, ynode_kind_name(v));
  if (strcmp(v->str, "none") == 0) {
    *out = 0;
    return RP_OK;
  }
  size_t n = strlen(v->str);
  if (n == 0 || n > 4 || strspn(v->str, "0123456789") != n || atoi(v->str) > CADENCE_MAX)
    return ERR_AT(w, v, "%s must be a number of days from 0 to %d (0 or none: no reminders), "
                        "not '%s'", what, CADENCE_MAX, cfg_shown(v->str, b, sizeof b));
  *out = atoi(v->str);
  return RP_OK;
}

/* by_stage: a mapping stage → days; replaces the whole list. Each stage is
 * remembered as a reference, checked by cfg_cadence_check. */
static enum rp_status parse_by_stage(struct walk *w, const struct ynode *v) {
  if (!ynode_is_null(v) && v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'cadence.by_stage' must be a mapping of stage to days such as "
                        "{keeping-in-touch: 90, declined: 0} (or {} for none)");
  struct rp_stage_cadence *list = NULL;
  size_t n = 0;
  for (size_t i = 0; v->kind == YNODE_MAP && i < ynode_map_len(v); i++) {
    const struct ynode *k = ynode_map_key(v, i);
    char *what = xasprintf("cadence.by_stage.%s", k->str);
    int days = 0;
    enum rp_status st = parse_days(w, ynode_map_value(v, i), what, &days);
    free(what);
    if (st != RP_OK) {
      by_stage_free(list, n);
      return st;
    }
    list = cfg_grow(list, n, sizeof *list);
    list[n++] = (struct rp_stage_cadence){xstrdup(k->str), days};
    w->refs = cfg_grow(w->refs, w->n_refs, sizeof *w->refs);
    w->refs[w->n_refs++] =
        (struct wref){WREF_STAGE, xstrdup(k->str), xstrdup("cadence.by_stage"), k->line, k->col};
  }
  by_stage_free(w->cfg->cadence_by_stage, w->cfg->n_cadence_by_stage);
  w->cfg->cadence_by_stage = list;
  w->cfg->n_cadence_by_stage = n;
  return RP_OK;
}

/* See config_walk.h. */
enum rp_status cfg_parse_cadence(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'cadence' must be a mapping such as {warm: 60, cold: 0, by_stage: "
                        "{keeping-in-touch: 90}}");
  static const char *const known[] = {"warm", "cold", "by_stage", NULL};
  cfg_warn_unknown_keys(w, v, known, "warm, cold, by_stage");
  int warm = w->cfg->cadence_warm, cold = w->cfg->cadence_cold;
  const struct ynode *n = cfg_map_get(v, "warm");
  if (n && parse_days(w, n, "cadence.warm", &warm) != RP_OK) return RP_INVALID;
  n = cfg_map_get(v, "cold");
  if (n && parse_days(w, n, "cadence.cold", &cold) != RP_OK) return RP_INVALID;
  n = cfg_map_get(v, "by_stage");
  if (n && parse_by_stage(w, n) != RP_OK) return RP_INVALID;
  w->cfg->cadence_warm = warm;
  w->cfg->cadence_cold = cold;
  return RP_OK;
}

/* See config_walk.h. */
enum rp_status cfg_cadence_check(struct walk *w) {
  struct rp_config *cfg = w->cfg;
  size_t j = 0;
  enum rp_status st = RP_OK;
  struct rp_strset stages = {0}; /* each look-up at once */
  for (size_t i = 0; i < cfg->stages.n; i++) strset_add(&stages, cfg->stages.v[i].key);
  for (size_t i = 0; i < cfg->n_cadence_by_stage; i++) {
    struct rp_stage_cadence *e = &cfg->cadence_by_stage[i];
    if (st != RP_OK || strset_has(&stages, e->stage)) {
      cfg->cadence_by_stage[j++] = *e;
      continue;
    }
    const struct wref *r = NULL;
    for (size_t k = 0; !r && k < w->n_refs; k++)
      if (w->refs[k].kind == WREF_STAGE && strcmp(w->refs[k].key, e->stage) == 0) r = &w->refs[k];
    if (r) {
      char b[200];
      char *allowed = choices_list(&cfg->stages);
      st = cfg_errat(w, r->line, r->col, "unknown stage '%s' in cadence.by_stage; allowed: %s",
                     cfg_shown(e->stage, b, sizeof b), allowed);
      free(allowed);
      cfg->cadence_by_stage[j++] = *e;
      continue;
    }
    /* kept from the defaults, and this file's stages no longer have it:
     * it is about a stage that no longer exists, so it goes quietly */
    free(e->stage);
  }
  cfg->n_cadence_by_stage = j;
  strset_free(&stages);
  return st;
}

/* See config_walk.h. */
void cfg_cadence_copy(struct rp_config *dst, const struct rp_config *src) {
  dst->cadence_warm = src->cadence_warm;
  dst->cadence_cold = src->cadence_cold;
  dst->n_cadence_by_stage = src->n_cadence_by_stage;
  dst->cadence_by_stage = NULL;
  if (src->n_cadence_by_stage) {
    dst->cadence_by_stage = xcalloc(src->n_cadence_by_stage, sizeof *dst->cadence_by_stage);
    for (size_t i = 0; i < src->n_cadence_by_stage; i++)
      dst->cadence_by_stage[i] = (struct rp_stage_cadence){
          xstrdup(src->cadence_by_stage[i].stage), src->cadence_by_stage[i].days};
  }
}

/* See config_walk.h. */
void cfg_cadence_free(struct rp_config *cfg) {
  by_stage_free(cfg->cadence_by_stage, cfg->n_cadence_by_stage);
  cfg->cadence_by_stage = NULL;
  cfg->n_cadence_by_stage = 0;
  cfg->cadence_warm = cfg->cadence_cold = 0;
}
