/* config_call.c — the config sections about the conversation itself:
 * "conversation" (the planned length; when the actions and the updates a
 * call's notes promise are due, and the phrases that promise news), "question_checks" (the kinds of
 * question the Prep screen warns about), "question_bank" (questions to pick
 * from) and "followup" (the thank-you and its specificity check). The
 * references between lists — a bank question's flags name question_checks
 * entries; question_checks and followup.handwritten_for name seniority
 * levels — are checked by cfg_call_check once the whole file is read,
 * because the lists may come in any order. Part of the walk in config.c;
 * see config_walk.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "config/config_walk.h"

/* The placeholders the journal fills in the thank-you template. */
static const char *const thank_you_keys[] = {"name", "insight", "objective"};
#define THANK_YOU_KEYS_LIST "{name}, {insight}, {objective}"

/* Remember that node n (a scalar) names `key` of another list. */
static void add_ref(struct walk *w, enum wref_kind kind, const struct ynode *n, const char *what) {
  w->refs = cfg_grow(w->refs, w->n_refs, sizeof *w->refs);
  w->refs[w->n_refs++] = (struct wref){kind, xstrdup(n->str), xstrdup(what), n->line, n->col};
}

/* See config_walk.h. */
void cfg_refs_free(struct walk *w) {
  for (size_t i = 0; i < w->n_refs; i++) {
    free(w->refs[i].key);
    free(w->refs[i].what);
  }
  free(w->refs);
  w->refs = NULL;
  w->n_refs = 0;
}

static bool blank(const char *s) {
  for (; *s; s++)
    if (!str_is_space(*s)) return false;
  return true;
}

/* A list of non-blank strings (`what` names it in messages, quoted as the
 * user should find it; `example` shows one), appended to *out without
 * duplicates. Null or [] is empty. When ref_what is not NULL each item is
 * remembered as a reference of `kind` used in ref_what. */
static enum rp_status parse_strings(struct walk *w, const char *what, const char *example,
                                    const struct ynode *v, const char *ref_what,
                                    enum wref_kind kind, struct rp_strv *out) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_SEQ)
    return ERR_AT(w, v, "%s must be a list such as %s, not %s", what, example,
                  ynode_kind_name(v));
  struct rp_strset have = {0}; /* what *out holds: no entry twice */
  for (size_t i = 0; i < out->n; i++) strset_add(&have, out->v[i]);
  enum rp_status st = RP_OK;
  for (size_t i = 0; st == RP_OK && i < v->n; i++) {
    const struct ynode *p = v->kids[i];
    if (p->kind != YNODE_SCALAR || ynode_is_null(p)) {
      st = ERR_AT(w, p, "an entry of %s must be a string, not %s", what, ynode_kind_name(p));
    } else if (blank(p->str)) {
      st = ERR_AT(w, p, "an entry of %s must not be blank", what);
    } else {
      if (ref_what) add_ref(w, kind, p, ref_what);
      if (strset_add(&have, p->str)) strv_push(out, p->str);
    }
  }
  strset_free(&have);
  return st;
}

static enum rp_status replace_strings(struct walk *w, const char *what, const char *example,
                                      const struct ynode *v, bool ref, struct rp_strv *target);

/* ---- conversation -------------------------------------------------------- */

enum rp_status cfg_parse_conversation(struct walk *w, const struct ynode *v) {
  static const struct int_setting minutes = {"minutes", 5, 240,
                                             offsetof(struct rp_config, call_minutes)};
  static const struct int_setting action_days = {"action_days", 0, 365,
                                                 offsetof(struct rp_config, action_days)};
  static const struct int_setting update_days = {"update_days", 1, 365,
                                                 offsetof(struct rp_config, update_days)};
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'conversation' must be a mapping such as {minutes: 20}");
  static const char *const known[] = {"minutes", "action_days", "update_days", "promise_phrases",
                                      NULL};
  cfg_warn_unknown_keys(w, v, known, "minutes, action_days, update_days, promise_phrases");
  const struct ynode *m = cfg_map_get(v, "minutes");
  if (m && cfg_parse_int_setting(w, &minutes, m) != RP_OK) return RP_INVALID;
  m = cfg_map_get(v, "action_days");
  if (m && cfg_parse_int_setting(w, &action_days, m) != RP_OK) return RP_INVALID;
  m = cfg_map_get(v, "update_days");
  if (m && cfg_parse_int_setting(w, &update_days, m) != RP_OK) return RP_INVALID;
  m = cfg_map_get(v, "promise_phrases");
  if (m && replace_strings(w, "conversation.promise_phrases", "[\"let you know\"]", m, false,
                           &w->cfg->promise_phrases) != RP_OK)
    return RP_INVALID;
  return RP_OK;
}

/* ---- question_checks ------------------------------------------------------ */

static void flag_free(struct rp_question_flag *f) {
  free(f->key);
  free(f->label);
  free(f->advice);
  strv_free(&f->phrases);
  strv_free(&f->seniority);
}

static void flags_free(struct rp_question_flag *v, size_t n) {
  for (size_t i = 0; i < n; i++) flag_free(&v[i]);
  free(v);
}

/* One {key, label, advice, phrases, seniority} entry, appended to *v. */
static enum rp_status parse_check(struct walk *w, const struct ynode *item,
                                  struct rp_question_flag **v, size_t *n, struct rp_strset *seen) {
  static const char *const what = "question_checks";
  if (item->kind != YNODE_MAP)
    return ERR_AT(w, item, "each entry of '%s' must be a mapping with key, label, advice and "
                           "(optional) phrases and seniority", what);
  static const char *const known[] = {"key", "label", "advice", "phrases", "seniority", NULL};
  cfg_warn_unknown_keys(w, item, known, "key, label, advice, phrases, seniority");
  const char *key = cfg_entry_key(w, what, "key and advice", item, seen);
  if (!key) return RP_INVALID;
  const struct ynode *label = cfg_map_get(item, "label");
  if (label && !cfg_want_string(w, label, "label")) return RP_INVALID;
  const struct ynode *advice = cfg_map_get(item, "advice");
  if (!advice)
    return ERR_AT(w, item, "entry '%s' of '%s' has no 'advice'; say what to ask instead", key,
                  what);
  if (!cfg_want_string(w, advice, "advice")) return RP_INVALID;
  struct rp_question_flag f = {0};
  char *where = xasprintf("question_checks entry '%s'", key);
  char *msg = xasprintf("'phrases' of %s", where);
  const struct ynode *phrases = cfg_map_get(item, "phrases");
  const struct ynode *sen = cfg_map_get(item, "seniority");
  enum rp_status st = RP_OK;
  if (phrases)
    st = parse_strings(w, msg, "[\"what is your salary\"]", phrases, NULL, WREF_FLAG, &f.phrases);
  free(msg);
  msg = xasprintf("'seniority' of %s", where);
  if (st == RP_OK && sen)
    st = parse_strings(w, msg, "[senior, executive]", sen, where, WREF_SENIORITY, &f.seniority);
  free(msg);
  free(where);
  if (st != RP_OK) {
    flag_free(&f);
    return st;
  }
  f.key = xstrdup(key);
  f.label = xstrdup(label ? label->str : key);
  f.advice = xstrdup(advice->str);
  *v = cfg_grow(*v, *n, sizeof **v);
  (*v)[(*n)++] = f;
  strset_add(seen, key);
  return RP_OK;
}

/* question_checks: replaces the list; [] means no checks (bank questions
 * may then carry no flags). */
enum rp_status cfg_parse_question_checks(struct walk *w, const struct ynode *v) {
  if (!ynode_is_null(v) && v->kind != YNODE_SEQ)
    return ERR_AT(w, v, "'question_checks' must be a list of {key, label, advice, phrases, "
                        "seniority} entries (or [] for none)");
  struct rp_question_flag *flags = NULL;
  size_t n = 0;
  struct rp_strset seen = {0};
  for (size_t i = 0; v->kind == YNODE_SEQ && i < v->n; i++) {
    if (parse_check(w, v->kids[i], &flags, &n, &seen) != RP_OK) {
      flags_free(flags, n);
      strset_free(&seen);
      return RP_INVALID;
    }
  }
  strset_free(&seen);
  flags_free(w->cfg->question_flags, w->cfg->n_question_flags);
  w->cfg->question_flags = flags;
  w->cfg->n_question_flags = n;
  w->checks_at = v;
  return RP_OK;
}

/* ---- question_bank -------------------------------------------------------- */

static void bank_category_free(struct rp_bank_category *c) {
  free(c->key);
  free(c->label);
  for (size_t i = 0; i < c->n_questions; i++) {
    free(c->questions[i].text);
    strv_free(&c->questions[i].flags);
  }
  free(c->questions);
}

static void bank_free(struct rp_bank_category *v, size_t n) {
  for (size_t i = 0; i < n; i++) bank_category_free(&v[i]);
  free(v);
}

/* One question of category c: a string, or {text, flags}. */
static enum rp_status parse_bank_question(struct walk *w, const char *where,
                                          const struct ynode *item, struct rp_bank_category *c) {
  struct rp_bank_question q = {0};
  const struct ynode *text = item;
  if (item->kind == YNODE_MAP) {
    static const char *const known[] = {"text", "flags", NULL};
    cfg_warn_unknown_keys(w, item, known, "text, flags");
    text = cfg_map_get(item, "text");
    if (!text)
      return ERR_AT(w, item, "a question of %s has no 'text'; write the question, e.g. {text: "
                             "\"How did you start?\", flags: []}", where);
  } else if (item->kind != YNODE_SCALAR || ynode_is_null(item)) {
    return ERR_AT(w, item, "a question of %s must be a string or {text, flags}, not %s", where,
                  ynode_kind_name(item));
  }
  if (!cfg_want_string(w, text, "text")) return RP_INVALID;
  if (blank(text->str)) return ERR_AT(w, text, "a question of %s must not be blank", where);
  const struct ynode *flags = item->kind == YNODE_MAP ? cfg_map_get(item, "flags") : NULL;
  if (flags) {
    char *msg = xasprintf("'flags' of a question of %s", where);
    enum rp_status st = parse_strings(w, msg, "[confidential]", flags, where, WREF_FLAG, &q.flags);
    free(msg);
    if (st != RP_OK) {
      strv_free(&q.flags);
      return st;
    }
  }
  q.text = xstrdup(text->str);
  c->questions = cfg_grow(c->questions, c->n_questions, sizeof *c->questions);
  c->questions[c->n_questions++] = q;
  return RP_OK;
}

/* One {key, label, questions} category, appended to *v. */
static enum rp_status parse_bank_category(struct walk *w, const struct ynode *item,
                                          struct rp_bank_category **v, size_t *n,
                                          struct rp_strset *seen) {
  static const char *const what = "question_bank";
  if (item->kind != YNODE_MAP)
    return ERR_AT(w, item, "each entry of '%s' must be a mapping with key, label and questions",
                  what);
  static const char *const known[] = {"key", "label", "questions", NULL};
  cfg_warn_unknown_keys(w, item, known, "key, label, questions");
  const char *key = cfg_entry_key(w, what, "key and questions", item, seen);
  if (!key) return RP_INVALID;
  const struct ynode *label = cfg_map_get(item, "label");
  if (label && !cfg_want_string(w, label, "label")) return RP_INVALID;
  const struct ynode *qs = cfg_map_get(item, "questions");
  if (!qs)
    return ERR_AT(w, item, "category '%s' of '%s' has no 'questions'; give a list of questions",
                  key, what);
  if (qs->kind != YNODE_SEQ || qs->n == 0)
    return ERR_AT(w, qs, "'questions' of category '%s' must be a non-empty list of questions "
                         "(strings or {text, flags})", key);
  struct rp_bank_category c = {0};
  char *where = xasprintf("question_bank category '%s'", key);
  enum rp_status st = RP_OK;
  for (size_t i = 0; st == RP_OK && i < qs->n; i++)
    st = parse_bank_question(w, where, qs->kids[i], &c);
  free(where);
  if (st != RP_OK) {
    bank_category_free(&c);
    return st;
  }
  c.key = xstrdup(key);
  c.label = xstrdup(label ? label->str : key);
  *v = cfg_grow(*v, *n, sizeof **v);
  (*v)[(*n)++] = c;
  strset_add(seen, key);
  return RP_OK;
}

/* question_bank: replaces the whole bank; [] means no bank. */
enum rp_status cfg_parse_question_bank(struct walk *w, const struct ynode *v) {
  if (!ynode_is_null(v) && v->kind != YNODE_SEQ)
    return ERR_AT(w, v, "'question_bank' must be a list of {key, label, questions} categories "
                        "(or [] for none)");
  struct rp_bank_category *bank = NULL;
  size_t n = 0;
  struct rp_strset seen = {0};
  for (size_t i = 0; v->kind == YNODE_SEQ && i < v->n; i++) {
    if (parse_bank_category(w, v->kids[i], &bank, &n, &seen) != RP_OK) {
      bank_free(bank, n);
      strset_free(&seen);
      return RP_INVALID;
    }
  }
  strset_free(&seen);
  bank_free(w->cfg->bank, w->cfg->n_bank);
  w->cfg->bank = bank;
  w->cfg->n_bank = n;
  return RP_OK;
}

/* ---- followup ------------------------------------------------------------- */

/* A list setting of "followup:" that replaces what cfg holds. */
static enum rp_status replace_strings(struct walk *w, const char *what, const char *example,
                                      const struct ynode *v, bool ref, struct rp_strv *target) {
  struct rp_strv list = {0};
  char *msg = xasprintf("'%s'", what);
  enum rp_status st = parse_strings(w, msg, example, v, ref ? what : NULL, WREF_SENIORITY, &list);
  free(msg);
  if (st != RP_OK) {
    strv_free(&list);
    return RP_INVALID;
  }
  strv_free(target);
  *target = list;
  return RP_OK;
}

enum rp_status cfg_parse_followup(struct walk *w, const struct ynode *v) {
  static const struct int_setting days = {"thank_you_days", 0, 30,
                                          offsetof(struct rp_config, thank_you_days)};
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return ERR_AT(w, v, "'followup' must be a mapping such as {thank_you_days: 1, "
                        "handwritten_for: [senior, executive]}");
  static const char *const known[] = {"thank_you_days", "handwritten_for", "thank_you_template",
                                      "common_words", "my_name", NULL};
  cfg_warn_unknown_keys(w, v, known,
                        "thank_you_days, handwritten_for, thank_you_template, common_words, "
                        "my_name");
  const struct ynode *n = cfg_map_get(v, "thank_you_days");
  if (n && cfg_parse_int_setting(w, &days, n) != RP_OK) return RP_INVALID;
  const struct ynode *hw = cfg_map_get(v, "handwritten_for");
  if (hw && replace_strings(w, "followup.handwritten_for", "[senior, executive]", hw, true,
                            &w->cfg->handwritten_seniority) != RP_OK)
    return RP_INVALID;
  const struct ynode *cw = cfg_map_get(v, "common_words");
  if (cw && replace_strings(w, "followup.common_words", "[thanks, great]", cw, false,
                            &w->cfg->specific_stopwords) != RP_OK)
    return RP_INVALID;
  const struct ynode *t = cfg_map_get(v, "thank_you_template");
  if (t) {
    if (!cfg_want_string(w, t, "thank_you_template")) return RP_INVALID;
    cfg_warn_placeholders(w, t, "followup.thank_you_template", thank_you_keys,
                          RP_ARRAY_LEN(thank_you_keys), THANK_YOU_KEYS_LIST);
    str_replace(&w->cfg->thank_you_template, t->str);
  }
  const struct ynode *me = cfg_map_get(v, "my_name");
  if (me && !ynode_is_null(me)) {
    if (!cfg_want_string(w, me, "my_name")) return RP_INVALID;
    str_replace(&w->cfg->my_name, me->str);
  }
  return RP_OK;
}

/* ---- references ----------------------------------------------------------- */


static char *flag_keys(const struct rp_config *cfg) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < cfg->n_question_flags; i++)
    buf_addf(&b, "%s%s", i ? ", " : "", cfg->question_flags[i].key);
  if (!b.len) buf_adds(&b, "none (question_checks is empty)");
  return buf_steal(&b);
}

static const struct wref *find_ref(const struct walk *w, enum wref_kind kind, const char *key,
                                   const char *what) {
  for (size_t i = 0; i < w->n_refs; i++)
    if (w->refs[i].kind == kind && strcmp(w->refs[i].key, key) == 0 &&
        strcmp(w->refs[i].what, what) == 0)
      return &w->refs[i];
  return NULL;
}

/* An inherited reference to `key` (used in `what`, set by the section
 * `section`) that the list replaced at `at` no longer has: warn once per
 * key and use. */
static void warn_dropped(struct walk *w, const struct ynode *at, const char *list,
                         const char *key, const char *what, const char *section,
                         struct rp_strset *warned) {
  char *id = xasprintf("%s\n%s\n%s", list, key, what);
  if (strset_add(warned, id)) {
    char *msg = xasprintf("%s:%d:%d: %s no longer has '%s', so %s (kept from before) drops it; "
                          "give %s in this file too to choose again",
                          w->name, at ? at->line : 1, at ? at->col : 1, list, key, what, section);
    strv_push(&w->cfg->warnings, msg);
    free(msg);
  }
  free(id);
}

/* Check each seniority key of *sv (used in `what`); see cfg_call_check. */
static enum rp_status check_seniority(struct walk *w, struct rp_strv *sv, const char *what,
                                      const char *section, const struct rp_strset *levels,
                                      struct rp_strset *warned) {
  size_t j = 0;
  for (size_t i = 0; i < sv->n; i++) {
    if (strset_has(levels, sv->v[i])) {
      sv->v[j++] = sv->v[i];
      continue;
    }
    const struct wref *r = find_ref(w, WREF_SENIORITY, sv->v[i], what);
    if (r) {
      char b[200];
      char *allowed = choices_list(&w->cfg->seniority);
      enum rp_status st = cfg_errat(w, r->line, r->col,
                                    "unknown seniority '%s' in %s; allowed: %s",
                                    cfg_shown(r->key, b, sizeof b), what, allowed);
      free(allowed);
      /* keep *sv whole: the copy is freed by the caller */
      for (size_t k = i; k < sv->n; k++) sv->v[j++] = sv->v[k];
      sv->n = j;
      return st;
    }
    warn_dropped(w, w->seniority_at, "seniority", sv->v[i], what, section, warned);
    free(sv->v[i]);
  }
  sv->n = j;
  return RP_OK;
}

/* See config_walk.h. */
enum rp_status cfg_call_check(struct walk *w) {
  struct rp_config *cfg = w->cfg;
  struct rp_strset warned = {0}, flags = {0}, levels = {0}; /* sets: each look-up at once */
  for (size_t i = 0; i < cfg->n_question_flags; i++) strset_add(&flags, cfg->question_flags[i].key);
  for (size_t i = 0; i < cfg->seniority.n; i++) strset_add(&levels, cfg->seniority.v[i].key);
  enum rp_status st = RP_OK;
  for (size_t c = 0; st == RP_OK && c < cfg->n_bank; c++) {
    char *what = xasprintf("question_bank category '%s'", cfg->bank[c].key);
    for (size_t q = 0; st == RP_OK && q < cfg->bank[c].n_questions; q++) {
      struct rp_strv *fl = &cfg->bank[c].questions[q].flags;
      size_t j = 0;
      for (size_t i = 0; i < fl->n; i++) {
        if (st != RP_OK || strset_has(&flags, fl->v[i])) {
          fl->v[j++] = fl->v[i];
          continue;
        }
        const struct wref *r = find_ref(w, WREF_FLAG, fl->v[i], what);
        if (r) {
          char b[200];
          char *allowed = flag_keys(cfg);
          st = cfg_errat(w, r->line, r->col,
                         "unknown flag '%s' in %s; allowed: %s (the keys of question_checks)",
                         cfg_shown(r->key, b, sizeof b), what, allowed);
          free(allowed);
          fl->v[j++] = fl->v[i];
          continue;
        }
        warn_dropped(w, w->checks_at, "question_checks", fl->v[i], what, "question_bank",
                     &warned);
        free(fl->v[i]);
      }
      fl->n = j;
    }
    free(what);
  }
  for (size_t i = 0; st == RP_OK && i < cfg->n_question_flags; i++) {
    char *what = xasprintf("question_checks entry '%s'", cfg->question_flags[i].key);
    st = check_seniority(w, &cfg->question_flags[i].seniority, what, "question_checks", &levels,
                         &warned);
    free(what);
  }
  if (st == RP_OK)
    st = check_seniority(w, &cfg->handwritten_seniority, "followup.handwritten_for",
                         "followup.handwritten_for", &levels, &warned);
  strset_free(&warned);
  strset_free(&flags);
  strset_free(&levels);
  return st;
}

/* ---- copy and free -------------------------------------------------------- */

/* See config_walk.h. */
void cfg_call_copy(struct rp_config *dst, const struct rp_config *src) {
  dst->call_minutes = src->call_minutes;
  dst->action_days = src->action_days;
  dst->update_days = src->update_days;
  strv_copy(&dst->promise_phrases, &src->promise_phrases);
  dst->thank_you_days = src->thank_you_days;
  /* counts read once: gcc -fanalyzer assumes writes through dst may change src */
  size_t n_bank = src->n_bank, n_flags = src->n_question_flags;
  dst->n_bank = n_bank;
  dst->bank = n_bank ? xcalloc(n_bank, sizeof *dst->bank) : NULL;
  for (size_t i = 0; i < n_bank; i++) {
    const struct rp_bank_category *s = &src->bank[i];
    struct rp_bank_category *d = &dst->bank[i];
    d->key = xstrdup(s->key);
    d->label = xstrdup(s->label);
    size_t n_q = s->n_questions;
    d->n_questions = n_q;
    d->questions = n_q ? xcalloc(n_q, sizeof *d->questions) : NULL;
    for (size_t q = 0; q < n_q; q++) {
      d->questions[q].text = xstrdup(s->questions[q].text);
      strv_copy(&d->questions[q].flags, &s->questions[q].flags);
    }
  }
  dst->n_question_flags = n_flags;
  dst->question_flags = n_flags ? xcalloc(n_flags, sizeof *dst->question_flags) : NULL;
  for (size_t i = 0; i < n_flags; i++) {
    const struct rp_question_flag *s = &src->question_flags[i];
    struct rp_question_flag *d = &dst->question_flags[i];
    d->key = xstrdup(s->key);
    d->label = xstrdup(s->label);
    d->advice = xstrdup(s->advice);
    strv_copy(&d->phrases, &s->phrases);
    strv_copy(&d->seniority, &s->seniority);
  }
  strv_copy(&dst->handwritten_seniority, &src->handwritten_seniority);
  dst->thank_you_template = xstrdup(src->thank_you_template);
  strv_copy(&dst->specific_stopwords, &src->specific_stopwords);
  dst->my_name = src->my_name ? xstrdup(src->my_name) : NULL;
}

/* See config_walk.h. */
void cfg_call_free(struct rp_config *cfg) {
  bank_free(cfg->bank, cfg->n_bank);
  cfg->bank = NULL;
  cfg->n_bank = 0;
  flags_free(cfg->question_flags, cfg->n_question_flags);
  cfg->question_flags = NULL;
  cfg->n_question_flags = 0;
  strv_free(&cfg->handwritten_seniority);
  free(cfg->thank_you_template);
  cfg->thank_you_template = NULL;
  strv_free(&cfg->specific_stopwords);
  free(cfg->my_name);
  cfg->my_name = NULL;
  cfg->call_minutes = 0;
  cfg->action_days = 0;
  cfg->update_days = 0;
  strv_free(&cfg->promise_phrases);
  cfg->thank_you_days = 0;
}
