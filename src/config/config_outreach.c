/* config_outreach.c — the config sections about reaching out: "readiness"
 * (the planned length limit and the manual checklist items), "ask_check"
 * (the word limit and the phrase categories the outreach draft is checked
 * against) and "outreach" (the draft template). Part of the walk in
 * config.c; see config_walk.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "config/config_walk.h"

/* Keys of the computed readiness items (rapport/readiness.h): a manual item
 * may not reuse them, or `rapport ready --check KEY` would be ambiguous. */
static const char *const computed_keys[] = {
    "worksheet-superpower", "worksheet-problem", "worksheet-want", "research", "give",
    "warm-path",            "prep",              "draft",          "length",
};
#define COMPUTED_KEYS_LIST                                                                   \
  "worksheet-superpower, worksheet-problem, worksheet-want, research, give, warm-path, prep, " \
  "draft, length"

/* Categories the ask check itself reports (src/model/askcheck.c). */
static const char *const builtin_categories[] = {"length", "placeholder"};

/* The placeholders the journal fills in the outreach template. */
static const char *const template_keys[] = {"name", "introducer", "their_work", "my_superpower",
                                            "my_problem"};
#define TEMPLATE_KEYS_LIST "{name}, {introducer}, {their_work}, {my_superpower}, {my_problem}"

static bool in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(list[i], s) == 0) return true;
  return false;
}

/* The value of `name` in mapping `map`, or NULL. */
const struct ynode *cfg_map_get(const struct ynode *map, const char *name) {
  for (size_t i = 0; i < ynode_map_len(map); i++)
    if (strcmp(ynode_map_key(map, i)->str, name) == 0) return ynode_map_value(map, i);
  return NULL;
}

/* Warn about the keys of `map` that are not in `known` (a NULL-terminated
 * list); `known_msg` lists them for the message. */
void cfg_warn_unknown_keys(struct walk *w, const struct ynode *map, const char *const *known,
                              const char *known_msg) {
  for (size_t i = 0; i < ynode_map_len(map); i++) {
    const struct ynode *k = ynode_map_key(map, i);
    size_t j = 0;
    while (known[j] && strcmp(known[j], k->str) != 0) j++;
    if (!known[j]) cfg_warn_unknown(w, k, known_msg);
  }
}

/* An optional text: NULL when absent, null or empty; else must be a string.
 * *out receives a copy (or NULL). */
enum rp_status cfg_optional_string(struct walk *w, const struct ynode *v, const char *what,
                                      char **out) {
  *out = NULL;
  if (!v || ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_SCALAR) return ERR_AT(w, v, "'%s' must be a string", what);
  if (v->str[0]) *out = xstrdup(v->str);
  return RP_OK;
}

/* A key for an entry of list `what`: present, a valid key, not yet in
 * `seen`. Returns the key's text or NULL after setting the error. */
const char *cfg_entry_key(struct walk *w, const char *what, const char *needs,
                             const struct ynode *item, const struct rp_strset *seen) {
  const struct ynode *key = cfg_map_get(item, "key");
  char b[200];
  if (!key) {
    ERR_AT(w, item, "an entry of '%s' has no 'key'; each entry needs %s", what, needs);
    return NULL;
  }
  if (!cfg_want_string(w, key, "key")) return NULL;
  if (!cfg_valid_key(key->str)) {
    ERR_AT(w, key, "key '%s' in %s may only contain letters, digits, '-' and '_'",
           cfg_shown(key->str, b, sizeof b), what);
    return NULL;
  }
  if (strset_has(seen, key->str)) {
    ERR_AT(w, key, "duplicate key '%s' in %s; each key must be unique", key->str, what);
    return NULL;
  }
  return key->str;
}

/* ---- readiness ---------------------------------------------------------- */

static void manual_free(struct rp_manual_check *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(v[i].key);
    free(v[i].text);
    free(v[i].help);
  }
  free(v);
}

/* One {key, text, help} entry of readiness.manual, appended to *v. */
static enum rp_status parse_manual_item(struct walk *w, const struct ynode *item,
                                        struct rp_manual_check **v, size_t *n,
                                        struct rp_strset *seen) {
  static const char *const what = "readiness.manual";
  if (item->kind != YNODE_MAP)
    return ERR_AT(w, item, "each entry of '%s' must be a mapping with key, text and (optional) "
                           "help, e.g. {key: x, text: y}", what);
  static const char *const known[] = {"key", "text", "help", NULL};
  cfg_warn_unknown_keys(w, item, known, "key, text, help");
  const char *key = cfg_entry_key(w, what, "key and text", item, seen);
  if (!key) return RP_INVALID;
  if (in_list(key, computed_keys, RP_ARRAY_LEN(computed_keys)))
    return ERR_AT(w, cfg_map_get(item, "key"),
                  "key '%s' in %s is the key of a computed readiness item; choose another "
                  "(computed: " COMPUTED_KEYS_LIST ")", key, what);
  const struct ynode *text = cfg_map_get(item, "text");
  if (!text)
    return ERR_AT(w, item, "entry '%s' of '%s' has no 'text'; write what you confirm when you "
                           "tick it", key, what);
  if (!cfg_want_string(w, text, "text")) return RP_INVALID;
  char *help = NULL;
  if (cfg_optional_string(w, cfg_map_get(item, "help"), "help", &help) != RP_OK) return RP_INVALID;
  *v = cfg_grow(*v, *n, sizeof **v);
  (*v)[(*n)++] = (struct rp_manual_check){xstrdup(key), xstrdup(text->str), help};
  strset_add(seen, key);
  return RP_OK;
}

/* readiness.manual: replaces the list; [] or nothing means no manual items. */
static enum rp_status parse_manual(struct walk *w, const struct ynode *v) {
  struct rp_manual_check *items = NULL;
  size_t n = 0;
  if (!ynode_is_null(v) && v->kind != YNODE_SEQ)
    return ERR_AT(w, v, "'readiness.manual' must be a list of {key, text, help} entries (or [] "
                        "for none)");
  struct rp_strset seen = {0};
  for (size_t i = 0; v->kind == YNODE_SEQ && i < v->n; i++) {
    if (parse_manual_item(w, v->kids[i], &items, &n, &seen) != RP_OK) {
      manual_free(items, n);
      strset_free(&seen);
      return RP_INVALID;
    }
  }
  strset_free(&seen);
  manual_free(w->cfg->manual_checks, w->cfg->n_manual_checks);
  w->cfg->manual_checks = items;
  w->cfg->n_manual_checks = n;
  return RP_OK;
}

enum rp_status cfg_parse_readiness(struct walk *w, const struct ynode *v) {
  static const struct int_setting max_minutes = {"max_minutes", 5, 240,
                                                 offsetof(struct rp_config, max_minutes)};
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'readiness' must be a mapping such as {max_minutes: 30, manual: "
                        "[{key: x, text: y}]}");
  static const char *const known[] = {"max_minutes", "manual", NULL};
  cfg_warn_unknown_keys(w, v, known, "max_minutes, manual");
  const struct ynode *m = cfg_map_get(v, "max_minutes");
  if (m && cfg_parse_int_setting(w, &max_minutes, m) != RP_OK) return RP_INVALID;
  const struct ynode *manual = cfg_map_get(v, "manual");
  if (manual && parse_manual(w, manual) != RP_OK) return RP_INVALID;
  return RP_OK;
}

/* ---- ask_check ---------------------------------------------------------- */

static void category_free(struct rp_ask_category *c) {
  free(c->key);
  free(c->label);
  free(c->suggestion);
  strv_free(&c->phrases);
}

static void categories_free(struct rp_ask_category *v, size_t n) {
  for (size_t i = 0; i < n; i++) category_free(&v[i]);
  free(v);
}

/* True when s has something other than whitespace. */
static bool has_text(const char *s) {
  for (; *s; s++)
    if (!str_is_space(*s)) return true;
  return false;
}

/* The phrases of category `key`: a non-empty list of non-blank strings. */
static enum rp_status parse_phrases(struct walk *w, const char *key, const struct ynode *v,
                                    struct rp_strv *out) {
  if (v->kind != YNODE_SEQ)
    return ERR_AT(w, v, "'phrases' of category '%s' must be a list of phrases such as "
                        "[\"are you hiring\", \"any openings\"], not %s", key, ynode_kind_name(v));
  if (v->n == 0)
    return ERR_AT(w, v, "'phrases' of category '%s' must not be empty; give at least one phrase",
                  key);
  struct rp_strset have = {0}; /* what *out holds: no phrase twice */
  for (size_t i = 0; i < out->n; i++) strset_add(&have, out->v[i]);
  enum rp_status st = RP_OK;
  for (size_t i = 0; st == RP_OK && i < v->n; i++) {
    const struct ynode *p = v->kids[i];
    if (p->kind != YNODE_SCALAR || ynode_is_null(p))
      st = ERR_AT(w, p, "a phrase of category '%s' must be a string, not %s", key,
                  ynode_kind_name(p));
    else if (!has_text(p->str))
      st = ERR_AT(w, p, "a phrase of category '%s' must not be blank", key);
    else if (strset_add(&have, p->str))
      strv_push(out, p->str);
  }
  strset_free(&have);
  return st;
}

/* One {key, label, suggestion, phrases} entry, appended to *v. */
static enum rp_status parse_category(struct walk *w, const struct ynode *item,
                                     struct rp_ask_category **v, size_t *n,
                                     struct rp_strset *seen) {
  static const char *const what = "ask_check.categories";
  if (item->kind != YNODE_MAP)
    return ERR_AT(w, item, "each entry of '%s' must be a mapping with key, label, suggestion "
                           "and phrases", what);
  static const char *const known[] = {"key", "label", "suggestion", "phrases", NULL};
  cfg_warn_unknown_keys(w, item, known, "key, label, suggestion, phrases");
  const char *key = cfg_entry_key(w, what, "key, suggestion and phrases", item, seen);
  if (!key) return RP_INVALID;
  /* cfg_entry_key found "key"; falling back to item only reassures -fanalyzer */
  const struct ynode *key_node = cfg_map_get(item, "key");
  if (in_list(key, builtin_categories, RP_ARRAY_LEN(builtin_categories)))
    return ERR_AT(w, key_node ? key_node : item,
                  "key '%s' in %s is the key of a built-in check; choose another (built in: "
                  "length, placeholder)", key, what);
  const struct ynode *label = cfg_map_get(item, "label");
  if (label && !cfg_want_string(w, label, "label")) return RP_INVALID;
  const struct ynode *sug = cfg_map_get(item, "suggestion");
  if (!sug)
    return ERR_AT(w, item, "category '%s' of '%s' has no 'suggestion'; say what to do instead",
                  key, what);
  if (!cfg_want_string(w, sug, "suggestion")) return RP_INVALID;
  const struct ynode *phrases = cfg_map_get(item, "phrases");
  if (!phrases)
    return ERR_AT(w, item, "category '%s' of '%s' has no 'phrases'; give a list such as "
                           "[\"are you hiring\"]", key, what);
  struct rp_ask_category c = {0};
  if (parse_phrases(w, key, phrases, &c.phrases) != RP_OK) {
    category_free(&c);
    return RP_INVALID;
  }
  c.key = xstrdup(key);
  c.label = xstrdup(label ? label->str : key);
  c.suggestion = xstrdup(sug->str);
  *v = cfg_grow(*v, *n, sizeof **v);
  (*v)[(*n)++] = c;
  strset_add(seen, key);
  return RP_OK;
}

/* ask_check.categories: replaces the list; [] keeps only the built-in
 * checks (length, placeholders). */
static enum rp_status parse_categories(struct walk *w, const struct ynode *v) {
  if (!ynode_is_null(v) && v->kind != YNODE_SEQ)
    return ERR_AT(w, v, "'ask_check.categories' must be a list of {key, label, suggestion, "
                        "phrases} entries (or [] for none)");
  struct rp_ask_category *cats = NULL;
  size_t n = 0;
  struct rp_strset seen = {0};
  for (size_t i = 0; v->kind == YNODE_SEQ && i < v->n; i++) {
    if (parse_category(w, v->kids[i], &cats, &n, &seen) != RP_OK) {
      categories_free(cats, n);
      strset_free(&seen);
      return RP_INVALID;
    }
  }
  strset_free(&seen);
  categories_free(w->cfg->ask_categories, w->cfg->n_ask_categories);
  w->cfg->ask_categories = cats;
  w->cfg->n_ask_categories = n;
  return RP_OK;
}

enum rp_status cfg_parse_ask_check(struct walk *w, const struct ynode *v) {
  static const struct int_setting max_words = {"max_words", 20, 2000,
                                               offsetof(struct rp_config, ask_max_words)};
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'ask_check' must be a mapping such as {max_words: 150, categories: "
                        "[{key, label, suggestion, phrases}]}");
  static const char *const known[] = {"max_words", "categories", NULL};
  cfg_warn_unknown_keys(w, v, known, "max_words, categories");
  const struct ynode *m = cfg_map_get(v, "max_words");
  if (m && cfg_parse_int_setting(w, &max_words, m) != RP_OK) return RP_INVALID;
  const struct ynode *cats = cfg_map_get(v, "categories");
  if (cats && parse_categories(w, cats) != RP_OK) return RP_INVALID;
  return RP_OK;
}

/* ---- outreach ----------------------------------------------------------- */

/* See config_walk.h. */
void cfg_warn_placeholders(struct walk *w, const struct ynode *t, const char *what,
                           const char *const *keys, size_t n_keys, const char *keys_msg) {
  for (const char *p = t->str; (p = strchr(p, '{')) != NULL; p++) {
    size_t n = 0;
    while ((p[1 + n] >= 'a' && p[1 + n] <= 'z') || (p[1 + n] >= 'A' && p[1 + n] <= 'Z') ||
           (p[1 + n] >= '0' && p[1 + n] <= '9') || p[1 + n] == '_')
      n++;
    if (n == 0 || p[1 + n] != '}') continue;
    char *name = xstrndup(p + 1, n);
    if (!in_list(name, keys, n_keys)) {
      char *msg = xasprintf("%s:%d:%d: %s has the placeholder {%s}, which rapport does not fill "
                            "(it stays for you to replace); known: %s",
                            w->name, t->line, t->col, what, name, keys_msg);
      strv_push(&w->cfg->warnings, msg);
      free(msg);
    }
    free(name);
  }
}

enum rp_status cfg_parse_outreach(struct walk *w, const struct ynode *v) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'outreach' must be a mapping such as {template: \"Hi {name}, …\"}");
  static const char *const known[] = {"template", NULL};
  cfg_warn_unknown_keys(w, v, known, "template");
  const struct ynode *t = cfg_map_get(v, "template");
  if (!t) return RP_OK;
  if (!cfg_want_string(w, t, "template")) return RP_INVALID;
  cfg_warn_placeholders(w, t, "outreach.template", template_keys, RP_ARRAY_LEN(template_keys),
                        TEMPLATE_KEYS_LIST);
  str_replace(&w->cfg->outreach_template, t->str);
  return RP_OK;
}

/* ---- copy and free ------------------------------------------------------ */

/* See config_walk.h. */
void cfg_outreach_copy(struct rp_config *dst, const struct rp_config *src) {
  dst->max_minutes = src->max_minutes;
  dst->n_manual_checks = src->n_manual_checks;
  dst->manual_checks = NULL;
  if (src->n_manual_checks) {
    dst->manual_checks = xcalloc(src->n_manual_checks, sizeof *dst->manual_checks);
    for (size_t i = 0; i < src->n_manual_checks; i++) {
      const struct rp_manual_check *m = &src->manual_checks[i];
      dst->manual_checks[i] =
          (struct rp_manual_check){xstrdup(m->key), xstrdup(m->text), xstrdup(m->help)};
    }
  }
  dst->ask_max_words = src->ask_max_words;
  dst->n_ask_categories = src->n_ask_categories;
  dst->ask_categories = NULL;
  if (src->n_ask_categories) {
    dst->ask_categories = xcalloc(src->n_ask_categories, sizeof *dst->ask_categories);
    for (size_t i = 0; i < src->n_ask_categories; i++) {
      const struct rp_ask_category *c = &src->ask_categories[i];
      struct rp_ask_category *d = &dst->ask_categories[i];
      d->key = xstrdup(c->key);
      d->label = xstrdup(c->label);
      d->suggestion = xstrdup(c->suggestion);
      strv_copy(&d->phrases, &c->phrases);
    }
  }
  dst->outreach_template = xstrdup(src->outreach_template);
}

/* See config_walk.h. */
void cfg_outreach_free(struct rp_config *cfg) {
  manual_free(cfg->manual_checks, cfg->n_manual_checks);
  cfg->manual_checks = NULL;
  cfg->n_manual_checks = 0;
  categories_free(cfg->ask_categories, cfg->n_ask_categories);
  cfg->ask_categories = NULL;
  cfg->n_ask_categories = 0;
  free(cfg->outreach_template);
  cfg->outreach_template = NULL;
  cfg->max_minutes = 0;
  cfg->ask_max_words = 0;
}
