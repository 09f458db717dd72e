/* config.c — the YAML config over the compiled-in defaults (see
 * rapport/config.h). A table of top-level sections, each with its parser,
 * walks the located YAML tree; every mistake is reported at the node that
 * holds it, with what is allowed instead. The sections about reaching out
 * (readiness, ask_check, outreach) are in config_outreach.c, those about
 * the conversation (conversation, question_checks, question_bank, followup)
 * in config_call.c, "cadence" in config_cadence.c, "import" in
 * config_import.c; the walk they share is in
 * config_walk.h. */
#include "rapport/config.h"
#include "rapport/keymap.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config_walk.h"
#include "config/yaml_doc.h"
#include "rapport/embedded.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

/* ---- messages ---------------------------------------------------------- */

/* A user string made safe and short for a message; returns buf. */
const char *cfg_shown(const char *s, char *buf, size_t size) {
  char *safe = utf8_sanitize(s ? s : "");
  str_copy(buf, size, safe);
  free(safe);
  return buf;
}

enum rp_status cfg_errat(struct walk *w, int line, int col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *what = xvasprintf(fmt, ap);
  va_end(ap);
  rp_err_set(w->err, RP_INVALID, "%s:%d:%d: %s", w->name, line, col, what);
  free(what);
  return RP_INVALID;
}

void cfg_warn_unknown(struct walk *w, const struct ynode *key, const char *known) {
  char b[200];
  char *msg = xasprintf("%s:%d:%d: unknown key '%s' (ignored); known keys: %s", w->name,
                        key->line, key->col, cfg_shown(key->str, b, sizeof b), known);
  strv_push(&w->cfg->warnings, msg);
  free(msg);
}

/* ---- small helpers ------------------------------------------------------ */

/* Require a non-empty scalar; returns its text or NULL after setting err. */
const char *cfg_want_string(struct walk *w, const struct ynode *v, const char *what) {
  if (v->kind != YNODE_SCALAR || ynode_is_null(v)) {
    ERR_AT(w, v, "'%s' must be a string", what);
    return NULL;
  }
  if (!v->str[0]) {
    ERR_AT(w, v, "'%s' must not be empty", what);
    return NULL;
  }
  return v->str;
}

/* See config_walk.h. */
char *cfg_expand_home(struct walk *w, const struct ynode *v, const char *what) {
  if (strncmp(v->str, "~/", 2) != 0) return xstrdup(v->str);
  const char *home = getenv("HOME");
  if (str_empty(home)) {
    ERR_AT(w, v, "cannot expand '~/' in '%s': HOME is not set; write the full path", what);
    return NULL;
  }
  return xasprintf("%s/%s", home, v->str + 2);
}

bool cfg_valid_key(const char *s) {
  for (const char *p = s; *p; p++) {
    char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_'))
      return false;
  }
  return *s != '\0';
}

/* ---- sections ----------------------------------------------------------- */

static enum rp_status parse_database(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) { /* "database:" with nothing = default location */
    str_replace(&w->cfg->db_path, NULL);
    return RP_OK;
  }
  if (!cfg_want_string(w, v, "database")) return RP_INVALID;
  if (v->str[0] != '/' && strncmp(v->str, "~/", 2) != 0) {
    char b[200];
    return ERR_AT(w, v, "'database' must be an absolute path or start with ~/, not '%s'",
                  cfg_shown(v->str, b, sizeof b));
  }
  char *path = cfg_expand_home(w, v, "database");
  if (!path) return RP_INVALID;
  free(w->cfg->db_path);
  w->cfg->db_path = path;
  return RP_OK;
}

static enum rp_status parse_theme(struct walk *w, const struct ynode *v) {
  if (!cfg_want_string(w, v, "theme")) return RP_INVALID;
  char *t = cfg_expand_home(w, v, "theme");
  if (!t) return RP_INVALID;
  free(w->cfg->theme);
  w->cfg->theme = t;
  free(w->cfg->theme_at);
  w->cfg->theme_at = xasprintf("%s:%d:%d", w->name, v->line, v->col);
  return RP_OK;
}

/* See config_walk.h. */
void *cfg_grow(void *v, size_t n, size_t size) {
  if (n & (n - 1)) return v; /* not a power of two (nor 0): there is room */
  return xrealloc(v, (n ? 2 * n : 1) * size);
}

void cfg_choices_free(struct rp_choices *c) {
  for (size_t i = 0; i < c->n; i++) {
    free_const(c->v[i].key);
    free_const(c->v[i].label);
    free_const(c->v[i].warmth);
  }
  free(c->v);
  c->v = NULL;
  c->n = 0;
}

void cfg_choices_copy(struct rp_choices *dst, const struct rp_choices *src) {
  /* n read once: gcc -fanalyzer assumes writes through dst may change src */
  size_t n = src->n;
  dst->n = n;
  dst->v = n ? xcalloc(n, sizeof *dst->v) : NULL;
  for (size_t i = 0; i < n; i++) {
    dst->v[i].key = xstrdup(src->v[i].key);
    dst->v[i].label = xstrdup(src->v[i].label);
    dst->v[i].warmth = xstrdup(src->v[i].warmth);
  }
}

/* One {key, label[, warmth]} entry of list `what` into *c (appended). */
static enum rp_status parse_choice(struct walk *w, const char *what, bool warmth,
                                   const struct ynode *item, struct rp_choices *c,
                                   struct rp_strset *seen) {
  const char *fields = warmth ? "key, label and warmth" : "key and label";
  if (item->kind != YNODE_MAP)
    return ERR_AT(w, item, "each entry of '%s' must be a mapping with %s, e.g. {key: x, label: y}",
                  what, fields);
  const struct ynode *key = NULL, *label = NULL, *warm = NULL;
  for (size_t i = 0; i < ynode_map_len(item); i++) {
    const struct ynode *k = ynode_map_key(item, i), *v = ynode_map_value(item, i);
    if (strcmp(k->str, "key") == 0) key = v;
    else if (strcmp(k->str, "label") == 0) label = v;
    else if (warmth && strcmp(k->str, "warmth") == 0) warm = v;
    else cfg_warn_unknown(w, k, warmth ? "key, label, warmth" : "key, label");
  }
  char b[200];
  if (!key) return ERR_AT(w, item, "an entry of '%s' has no 'key'; each entry needs %s", what, fields);
  if (!cfg_want_string(w, key, "key")) return RP_INVALID;
  if (!cfg_valid_key(key->str))
    return ERR_AT(w, key, "key '%s' in %s may only contain letters, digits, '-' and '_'",
                  cfg_shown(key->str, b, sizeof b), what);
  if (strset_has(seen, key->str))
    return ERR_AT(w, key, "duplicate key '%s' in %s; each key must be unique", key->str, what);
  if (label && !cfg_want_string(w, label, "label")) return RP_INVALID;
  if (warmth) {
    if (!warm)
      return ERR_AT(w, item, "entry '%s' of '%s' has no 'warmth'; allowed: warm, cold", key->str,
                    what);
    if (warm->kind != YNODE_SCALAR)
      return ERR_AT(w, warm, "warmth must be warm or cold, not %s", ynode_kind_name(warm));
    if (strcmp(warm->str, "warm") != 0 && strcmp(warm->str, "cold") != 0)
      return ERR_AT(w, warm, "warmth must be warm or cold, not '%s'",
                    cfg_shown(warm->str, b, sizeof b));
  }
  c->v = cfg_grow(c->v, c->n, sizeof *c->v);
  strset_add(seen, key->str);
  struct rp_choice *ch = &c->v[c->n++];
  ch->key = xstrdup(key->str);
  ch->label = xstrdup(label ? label->str : key->str);
  ch->warmth = warmth ? xstrdup(warm->str) : NULL;
  return RP_OK;
}

/* A list of choices; replaces the list held so far. */
enum rp_status cfg_parse_choices(struct walk *w, const char *what, bool warmth,
                                 const struct ynode *v, struct rp_choices *out) {
  const char *shape = warmth ? "{key, label, warmth}" : "{key, label}";
  if (v->kind != YNODE_SEQ) return ERR_AT(w, v, "'%s' must be a list of %s entries", what, shape);
  if (v->n == 0)
    return ERR_AT(w, v, "'%s' must not be empty; give at least one %s entry", what, shape);
  struct rp_choices c = {0};
  struct rp_strset seen = {0};
  for (size_t i = 0; i < v->n; i++) {
    if (parse_choice(w, what, warmth, v->kids[i], &c, &seen) != RP_OK) {
      cfg_choices_free(&c);
      strset_free(&seen);
      return RP_INVALID;
    }
  }
  strset_free(&seen);
  cfg_choices_free(out);
  *out = c;
  return RP_OK;
}

static enum rp_status parse_stages(struct walk *w, const struct ynode *v) {
  return cfg_parse_choices(w, "stages", false, v, &w->cfg->stages);
}
static enum rp_status parse_how_known(struct walk *w, const struct ynode *v) {
  return cfg_parse_choices(w, "how_known", true, v, &w->cfg->how_known);
}
static enum rp_status parse_seniority(struct walk *w, const struct ynode *v) {
  enum rp_status st = cfg_parse_choices(w, "seniority", false, v, &w->cfg->seniority);
  if (st == RP_OK) w->seniority_at = v; /* for cfg_call_check */
  return st;
}
static enum rp_status parse_channels(struct walk *w, const struct ynode *v) {
  return cfg_parse_choices(w, "channels", false, v, &w->cfg->channels);
}
static enum rp_status parse_give_kinds(struct walk *w, const struct ynode *v) {
  return cfg_parse_choices(w, "give_kinds", false, v, &w->cfg->give_kinds);
}

/* ---- worksheet ---------------------------------------------------------- */

/* The whole-number settings under "worksheet:", calcurse-style: name,
 * allowed range, and the int of struct rp_config it sets. */
static const struct int_setting worksheet_settings[] = {
    {"pitch_words_per_minute", 60, 400, offsetof(struct rp_config, pitch_wpm)},
    {"pitch_seconds", 10, 600, offsetof(struct rp_config, pitch_seconds)},
};

/* A whole number in the setting's range (digits only) into its field. */
enum rp_status cfg_parse_int_setting(struct walk *w, const struct int_setting *is,
                                     const struct ynode *v) {
  bool digits = v->kind == YNODE_SCALAR && v->str[0] && strlen(v->str) <= 9;
  for (const char *p = v->str; digits && *p; p++) digits = *p >= '0' && *p <= '9';
  long n = digits ? strtol(v->str, NULL, 10) : -1;
  if (n < is->min || n > is->max) {
    char b[200];
    if (v->kind != YNODE_SCALAR || ynode_is_null(v))
      return ERR_AT(w, v, "%s must be a whole number from %d to %d, not %s", is->name, is->min,
                    is->max, ynode_kind_name(v));
    return ERR_AT(w, v, "%s must be a whole number from %d to %d, not '%s'", is->name, is->min,
                  is->max, cfg_shown(v->str, b, sizeof b));
  }
  *(int *)((char *)w->cfg + is->offset) = (int)n;
  return RP_OK;
}

static enum rp_status parse_worksheet(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'worksheet' must be a mapping such as {pitch_words_per_minute: 150, "
                        "pitch_seconds: 30}");
  for (size_t i = 0; i < ynode_map_len(v); i++) {
    const struct ynode *k = ynode_map_key(v, i);
    size_t s = 0;
    while (s < RP_ARRAY_LEN(worksheet_settings) && strcmp(worksheet_settings[s].name, k->str)) s++;
    if (s == RP_ARRAY_LEN(worksheet_settings))
      cfg_warn_unknown(w, k, "pitch_words_per_minute, pitch_seconds");
    else if (cfg_parse_int_setting(w, &worksheet_settings[s], ynode_map_value(v, i)) != RP_OK)
      return RP_INVALID;
  }
  return RP_OK;
}

/* ---- undo --------------------------------------------------------------- */

static const struct int_setting undo_steps = {"steps", 1, 100000,
                                              offsetof(struct rp_config, undo_steps)};

static enum rp_status parse_undo(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP) return ERR_AT(w, v, "'undo' must be a mapping such as {steps: 200}");
  for (size_t i = 0; i < ynode_map_len(v); i++) {
    const struct ynode *k = ynode_map_key(v, i);
    if (strcmp(k->str, "steps") != 0) cfg_warn_unknown(w, k, "steps");
    else if (cfg_parse_int_setting(w, &undo_steps, ynode_map_value(v, i)) != RP_OK)
      return RP_INVALID;
  }
  return RP_OK;
}

/* ---- keys --------------------------------------------------------------- */

static void wkeys_add(struct wkeys *k, rp_key key, enum rp_action a, int line, int col) {
  for (size_t i = 0; i < k->n; i++)
    if (k->v[i].key == key && k->v[i].action == a) return; /* [a, a] */
  if (k->n == k->cap) {
    k->cap = k->cap ? 2 * k->cap : 16;
    k->v = xrealloc(k->v, k->cap * sizeof *k->v);
  }
  k->v[k->n++] = (struct wbind){key, a, line, col};
}

static void wkeys_remove_action(struct wkeys *k, enum rp_action a) {
  size_t j = 0;
  for (size_t i = 0; i < k->n; i++)
    if (k->v[i].action != a) k->v[j++] = k->v[i];
  k->n = j;
}

/* "add, edit, …" — the actions that may be bound in `scope`. Caller frees. */
static char *actions_allowed(enum rp_scope scope) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int pass = 0; pass < 2; pass++) {
    enum rp_scope want = pass == 0 ? scope : SCOPE_GLOBAL;
    if (pass == 1 && scope == SCOPE_GLOBAL) break;
    for (int a = 1; a < ACT_COUNT; a++) {
      if (!action_in_scope((enum rp_action)a, want)) continue;
      buf_addf(&b, "%s%s", b.len ? ", " : "", rp_actions[a].name);
    }
  }
  buf_addf(&b, "%snone", b.len ? ", " : "");
  return buf_steal(&b);
}

static char *scopes_list(void) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int s = 0; s < SCOPE_COUNT; s++) buf_addf(&b, "%s%s", s ? ", " : "", rp_scope_names[s]);
  return buf_steal(&b);
}

/* Key names in `v` (one scalar or a list) replace action a's keys in scope. */
static enum rp_status parse_binding(struct walk *w, enum rp_scope scope, const char *aname,
                                    enum rp_action a, const struct ynode *v) {
  if (!(v->kind == YNODE_SEQ || (v->kind == YNODE_SCALAR && !ynode_is_null(v))))
    return ERR_AT(w, v, "'keys.%s.%s' must be a key name or a list of key names, e.g. [a, C-a]",
                  rp_scope_names[scope], aname);
  size_t n = v->kind == YNODE_SEQ ? v->n : 1;
  struct wkeys *k = &w->keys[scope];
  wkeys_remove_action(k, a);
  for (size_t i = 0; i < n; i++) {
    const struct ynode *kn = v->kind == YNODE_SEQ ? v->kids[i] : v;
    rp_key key;
    char b[200];
    if (kn->kind != YNODE_SCALAR)
      return ERR_AT(w, kn, "a key name must be a string, not %s; allowed: %s",
                    ynode_kind_name(kn), key_names_help);
    if (!key_parse(kn->str, &key))
      return ERR_AT(w, kn, "unknown key name '%s'; allowed: %s", cfg_shown(kn->str, b, sizeof b),
                    key_names_help);
    wkeys_add(k, key, a, kn->line, kn->col);
  }
  return RP_OK;
}

static enum rp_status parse_scope(struct walk *w, enum rp_scope scope, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'keys.%s' must be a mapping of action: key or [keys]",
                  rp_scope_names[scope]);
  for (size_t i = 0; i < ynode_map_len(v); i++) {
    const struct ynode *kn = ynode_map_key(v, i);
    enum rp_action a = action_by_name(kn->str);
    char b[200];
    if (a == ACT_NONE && strcmp(kn->str, "none") != 0) {
      char *allowed = actions_allowed(scope);
      enum rp_status st = ERR_AT(w, kn, "unknown action '%s' in keys.%s; allowed: %s",
                                 cfg_shown(kn->str, b, sizeof b), rp_scope_names[scope], allowed);
      free(allowed);
      return st;
    }
    if (!action_in_scope(a, SCOPE_GLOBAL) && !action_in_scope(a, scope)) {
      struct rp_buf own = {0};
      for (int s2 = 0; s2 < SCOPE_COUNT; s2++)
        if (action_in_scope(a, (enum rp_scope)s2))
          buf_addf(&own, "%s%s", own.len ? ", " : "", rp_scope_names[s2]);
      enum rp_status st = ERR_AT(w, kn, "action '%s' cannot be bound in keys.%s; allowed scopes: %s",
                                 kn->str, rp_scope_names[scope], buf_str(&own));
      buf_free(&own);
      return st;
    }
    if (parse_binding(w, scope, kn->str, a, ynode_map_value(v, i)) != RP_OK) return RP_INVALID;
  }
  return RP_OK;
}

static enum rp_status parse_keys(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  w->keys_at = v;
  if (v->kind != YNODE_MAP) {
    char *scopes = scopes_list();
    enum rp_status st = ERR_AT(w, v, "'keys' must be a mapping of scope: {action: keys}; scopes: %s",
                               scopes);
    free(scopes);
    return st;
  }
  for (size_t i = 0; i < ynode_map_len(v); i++) {
    const struct ynode *kn = ynode_map_key(v, i);
    int scope = scope_by_name(kn->str);
    if (scope < 0) {
      char b[200];
      char *scopes = scopes_list();
      enum rp_status st = ERR_AT(w, kn, "unknown scope '%s' in keys; allowed: %s",
                                 cfg_shown(kn->str, b, sizeof b), scopes);
      free(scopes);
      return st;
    }
    if (parse_scope(w, (enum rp_scope)scope, ynode_map_value(v, i)) != RP_OK) return RP_INVALID;
  }
  return RP_OK;
}

/* After all replacements: one action per key per scope. Reports the
 * binding the user wrote (the later one when both are the user's). */
static enum rp_status keys_check(struct walk *w) {
  for (int s = 0; s < SCOPE_COUNT; s++) {
    const struct wkeys *k = &w->keys[s];
    for (size_t j = 0; j < k->n; j++) {
      for (size_t i = 0; i < j; i++) {
        if (k->v[i].key != k->v[j].key) continue;
        const struct wbind *at = k->v[j].line ? &k->v[j] : &k->v[i];
        const struct wbind *other = at == &k->v[j] ? &k->v[i] : &k->v[j];
        char kb[64];
        return cfg_errat(w, at->line, at->col,
                     "key '%s' is bound to both '%s' and '%s' in keys.%s; give one of them "
                     "other keys (or [])",
                     key_to_name(at->key, kb, sizeof kb), rp_actions[at->action].name,
                     rp_actions[other->action].name, rp_scope_names[s]);
      }
    }
  }
  return RP_OK;
}

/* The keys no keymap may lose: a way out of rapport, and a way to save and
 * to leave a form or an editor. */
static enum rp_status keys_essential(struct walk *w) {
  static const struct {
    enum rp_scope scope;
    enum rp_action action;
  } need[] = {{SCOPE_GLOBAL, ACT_QUIT},      {SCOPE_FORM, ACT_FORM_SAVE},
              {SCOPE_FORM, ACT_FORM_CANCEL}, {SCOPE_EDITOR, ACT_FORM_SAVE},
              {SCOPE_EDITOR, ACT_FORM_CANCEL}};
  for (size_t i = 0; i < RP_ARRAY_LEN(need); i++) {
    if (!action_in_scope(need[i].action, need[i].scope)) continue;
    const struct wkeys *k = &w->keys[need[i].scope];
    bool bound = false;
    for (size_t j = 0; j < k->n && !bound; j++) bound = k->v[j].action == need[i].action;
    if (bound) continue;
    int line = w->keys_at ? w->keys_at->line : 1, col = w->keys_at ? w->keys_at->col : 1;
    return cfg_errat(w, line, col,
                     "keys.%s.%s has no key left: without it there is no way to %s; bind at "
                     "least one key to it",
                     rp_scope_names[need[i].scope], rp_actions[need[i].action].name,
                     need[i].action == ACT_QUIT ? "leave rapport"
                     : need[i].action == ACT_FORM_SAVE ? "save a form"
                                                       : "leave a form without saving");
  }
  return RP_OK;
}

static void keys_store(struct walk *w) {
  struct rp_keymap *km = w->cfg->keys;
  for (int s = 0; s < SCOPE_COUNT; s++) {
    free(km->v[s]);
    km->n[s] = w->keys[s].n;
    km->v[s] = km->n[s] ? xcalloc(km->n[s], sizeof *km->v[s]) : NULL;
    for (size_t i = 0; i < km->n[s]; i++)
      km->v[s][i] = (struct rp_binding){w->keys[s].v[i].key, w->keys[s].v[i].action};
  }
}

/* ---- the walk ----------------------------------------------------------- */

static const struct section {
  const char *name;
  enum rp_status (*parse)(struct walk *w, const struct ynode *value);
} sections[] = {
    {"database", parse_database},
    {"theme", parse_theme},
    {"stages", parse_stages},
    {"how_known", parse_how_known},
    {"seniority", parse_seniority},
    {"channels", parse_channels},
    {"give_kinds", parse_give_kinds},
    {"worksheet", parse_worksheet},
    {"readiness", cfg_parse_readiness},
    {"ask_check", cfg_parse_ask_check},
    {"outreach", cfg_parse_outreach},
    {"conversation", cfg_parse_conversation},
    {"question_checks", cfg_parse_question_checks},
    {"question_bank", cfg_parse_question_bank},
    {"followup", cfg_parse_followup},
    {"cadence", cfg_parse_cadence},
    {"import", cfg_parse_import},
    {"undo", parse_undo},
    {"sync", cfg_parse_sync},
    {"keys", parse_keys},
};

static char *sections_list(void) {
  struct rp_buf b = {0};
  for (size_t i = 0; i < RP_ARRAY_LEN(sections); i++)
    buf_addf(&b, "%s%s", i ? ", " : "", sections[i].name);
  return buf_steal(&b);
}

static enum rp_status walk_root(struct walk *w, const struct ynode *root) {
  if (!root || ynode_is_null(root)) return RP_OK; /* empty file: nothing to change */
  char *known = sections_list();
  enum rp_status st = RP_OK;
  if (root->kind != YNODE_MAP) {
    st = ERR_AT(w, root, "the config must be a mapping such as 'theme: default'; known keys: %s",
                known);
  }
  for (size_t i = 0; st == RP_OK && i < ynode_map_len(root); i++) {
    const struct ynode *k = ynode_map_key(root, i);
    size_t s = 0;
    while (s < RP_ARRAY_LEN(sections) && strcmp(sections[s].name, k->str) != 0) s++;
    if (s == RP_ARRAY_LEN(sections))
      cfg_warn_unknown(w, k, known);
    else
      st = sections[s].parse(w, ynode_map_value(root, i));
  }
  free(known);
  return st;
}

/* Deep copy of src into the zeroed dst. */
static void config_copy(struct rp_config *dst, const struct rp_config *src) {
  dst->source = xstrdup(src->source);
  dst->db_path = xstrdup(src->db_path);
  dst->theme = xstrdup(src->theme);
  dst->theme_at = xstrdup(src->theme_at);
  cfg_choices_copy(&dst->stages, &src->stages);
  cfg_choices_copy(&dst->how_known, &src->how_known);
  cfg_choices_copy(&dst->seniority, &src->seniority);
  cfg_choices_copy(&dst->channels, &src->channels);
  cfg_choices_copy(&dst->give_kinds, &src->give_kinds);
  cfg_outreach_copy(dst, src);
  cfg_call_copy(dst, src);
  cfg_cadence_copy(dst, src);
  cfg_sync_copy(dst, src);
  dst->import_linkedin_how_known = xstrdup(src->import_linkedin_how_known);
  strv_copy(&dst->warnings, &src->warnings);
  dst->pitch_wpm = src->pitch_wpm;
  dst->pitch_seconds = src->pitch_seconds;
  dst->undo_steps = src->undo_steps;
  dst->keys = xcalloc(1, sizeof *dst->keys);
  for (int s = 0; s < SCOPE_COUNT && src->keys; s++) {
    dst->keys->n[s] = src->keys->n[s];
    if (src->keys->n[s]) {
      dst->keys->v[s] = xcalloc(src->keys->n[s], sizeof *dst->keys->v[s]);
      memcpy(dst->keys->v[s], src->keys->v[s], src->keys->n[s] * sizeof *dst->keys->v[s]);
    }
  }
}

/* Parse YAML text over cfg. On success cfg holds the result (warnings
 * appended to cfg->warnings); on error (RP_INVALID, err->msg located) cfg is
 * unchanged. */
enum rp_status config_parse(struct rp_config *cfg, const char *name, const char *text,
                            size_t len, struct rp_err *err) {
  struct ynode *root = NULL;
  enum rp_status st = ydoc_parse(name, text, len, &root, err);
  if (st != RP_OK) return st;
  struct rp_config tmp = {0};
  config_copy(&tmp, cfg);
  struct walk w = {.name = name, .cfg = &tmp, .err = err};
  for (int s = 0; s < SCOPE_COUNT && cfg->keys; s++)
    for (size_t i = 0; i < cfg->keys->n[s]; i++)
      wkeys_add(&w.keys[s], cfg->keys->v[s][i].key, cfg->keys->v[s][i].action, 0, 0);
  st = walk_root(&w, root);
  if (st == RP_OK) st = keys_check(&w);
  if (st == RP_OK) st = keys_essential(&w);
  if (st == RP_OK) st = cfg_call_check(&w);
  if (st == RP_OK) st = cfg_cadence_check(&w);
  if (st == RP_OK) st = cfg_import_check(&w);
  if (st == RP_OK) st = cfg_sync_check(&w);
  cfg_refs_free(&w);
  if (st == RP_OK) keys_store(&w);
  for (int s = 0; s < SCOPE_COUNT; s++) free(w.keys[s].v);
  ynode_free(root);
  if (st != RP_OK) {
    config_free(&tmp);
    return st;
  }
  config_free(cfg);
  *cfg = tmp;
  return RP_OK;
}

/* Fill the zeroed cfg with the embedded config.example.yaml. Aborts if the
 * shipped defaults do not parse (a build mistake the unit tests catch). */
void config_defaults(struct rp_config *cfg) {
  struct rp_err err;
  memset(cfg, 0, sizeof *cfg);
  if (config_parse(cfg, "config.example.yaml", rp_embedded_config, strlen(rp_embedded_config),
                   &err) != RP_OK) {
    fputs("rapport: the compiled-in config is broken: ", stderr);
    fputs(err.msg, stderr);
    fputs("\n", stderr);
    abort();
  }
}

/* The zeroed (or freed) cfg receives the defaults, then the file at `path`
 * (NULL: the default location, where a missing file is fine). cfg->source
 * is the file loaded, or NULL. On error cfg holds the defaults. */
enum rp_status config_load(struct rp_config *cfg, const char *path, struct rp_err *err) {
  config_defaults(cfg);
  char *file = path ? xstrdup(path) : config_default_path();
  char *text = NULL;
  size_t len = 0;
  enum rp_status st = paths_read_file(file, &text, &len, err);
  if (st == RP_NO) {
    st = path ? rp_err_set(err, RP_INVALID, "%s: no such file", file) : RP_OK;
  } else if (st != RP_OK) {
    st = RP_INVALID;
  } else {
    st = config_parse(cfg, file, text, len, err);
    if (st == RP_OK) str_replace(&cfg->source, file);
  }
  free(text);
  free(file);
  return st;
}

/* Frees everything cfg owns and zeroes it. */
void config_free(struct rp_config *cfg) {
  free(cfg->source);
  free(cfg->db_path);
  free(cfg->theme);
  free(cfg->theme_at);
  cfg_choices_free(&cfg->stages);
  cfg_choices_free(&cfg->how_known);
  cfg_choices_free(&cfg->seniority);
  cfg_choices_free(&cfg->channels);
  cfg_choices_free(&cfg->give_kinds);
  cfg_outreach_free(cfg);
  cfg_call_free(cfg);
  cfg_cadence_free(cfg);
  cfg_sync_free(cfg);
  free(cfg->import_linkedin_how_known);
  for (int s = 0; s < SCOPE_COUNT && cfg->keys; s++) free(cfg->keys->v[s]);
  free(cfg->keys);
  cfg->keys = NULL;
  strv_free(&cfg->warnings);
  memset(cfg, 0, sizeof *cfg);
}

/* $XDG_CONFIG_HOME/rapport/config.yaml or ~/.config/rapport/config.yaml;
 * caller frees. */
char *config_default_path(void) {
  char *dir = paths_config_dir();
  char *p = xasprintf("%s/config.yaml", dir);
  free(dir);
  return p;
}

/* The entry of c whose key is `key` (owned by c), or NULL. */
const struct rp_choice *choices_find(const struct rp_choices *c, const char *key) {
  if (!key) return NULL;
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->v[i].key, key) == 0) return &c->v[i];
  return NULL;
}

/* "a, b, c": the keys of c, for messages; caller frees. */
char *choices_list(const struct rp_choices *c) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < c->n; i++) buf_addf(&b, "%s%s", i ? ", " : "", c->v[i].key);
  return buf_steal(&b);
}
