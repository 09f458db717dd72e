/* contact_merge.c — see rapport/contact.h: saving an edit form over a
 * contact that changed meanwhile (the CLI, an import, another window): the
 * three-way merge of the form's changes into the contact as stored now,
 * comparing two contacts, and the update that refuses a stale copy. The
 * merge is plain C on structs; only contact_update_if_unchanged reads and
 * writes the journal (through contact_get and contact_update). */
#include <stdlib.h>
#include <string.h>

#include "model/contact_internal.h"

/* See contact.h. */
void contact_conflicts_free(struct rp_contact_conflicts *cs) {
  for (size_t i = 0; i < cs->n; i++) {
    struct rp_contact_conflict *c = &cs->v[i];
    free(c->key);
    free(c->field);
    free(c->what);
    free(c->mine);
    free(c->theirs);
  }
  free(cs->v);
  cs->v = NULL;
  cs->n = 0;
}

/* True when a and b are the same text but for blanks around it (NULL and
 * blank are the same: no value). */
static bool text_same(const char *a, const char *b) {
  a = a ? a : "";
  b = b ? b : "";
  while (str_is_space(*a)) a++;
  while (str_is_space(*b)) b++;
  size_t na = strlen(a), nb = strlen(b);
  while (na && str_is_space(a[na - 1])) na--;
  while (nb && str_is_space(b[nb - 1])) nb--;
  return na == nb && memcmp(a, b, na) == 0;
}

/* Exactly equal strings, NULL equal only to NULL. */
static bool exact(const char *a, const char *b) { return a && b ? strcmp(a, b) == 0 : a == b; }

/* What a merge needs to record conflicts and read the decisions. */
struct merge {
  const struct rp_strv *keep_mine;
  struct rp_contact_conflicts *cs;
};

/* Record a conflict; true when the form's side is to be kept. */
static bool conflict(struct merge *m, const char *key, const char *field, const char *what,
                     const char *mine, const char *theirs) {
  struct rp_contact_conflicts *cs = m->cs;
  cs->v = xrealloc(cs->v, (cs->n + 1) * sizeof *cs->v);
  struct rp_contact_conflict *c = &cs->v[cs->n++];
  c->key = xstrdup(key);
  c->field = xstrdup(field);
  c->what = xstrdup(what);
  c->mine = str_empty(mine) ? NULL : xstrdup(mine);
  c->theirs = str_empty(theirs) ? NULL : xstrdup(theirs);
  return m->keep_mine && strv_contains(m->keep_mine, key);
}

/* Whether the form's change from o to mi is to be applied over th: it
 * changed something theirs does not have, and theirs did not change it
 * differently (else a conflict decides). Values compared as text without
 * blanks around. */
static bool take_mine(struct merge *m, const char *key, const char *field, const char *what,
                      const char *o, const char *mi, const char *th) {
  if (text_same(mi, o) || text_same(th, mi)) return false; /* theirs has it already */
  if (text_same(th, o)) return true;
  return conflict(m, key, field, what, mi, th);
}

/* The text fields of a contact, in the form's order, with how a sentence
 * names them. */
struct text_field {
  const char *key, *what;
  size_t off;
};
#define TF(k, w) {#k, w, offsetof(struct rp_contact, k)}
static const struct text_field text_fields[] = {
    TF(name, "name"),         TF(org, "organisation"),   TF(role, "role"),
    TF(field, "field"),       TF(how_known, "how I know them"),
};
static const struct text_field text_fields2[] = {
    TF(stage, "stage"),       TF(seniority, "seniority"), TF(channel, "preferred channel"),
};
static const struct text_field text_fields3[] = {
    TF(location, "location"), TF(work, "their work"),     TF(challenges, "challenges"),
    TF(research, "research"), TF(notes, "notes"),         TF(draft, "outreach draft"),
    TF(known_since, "known since"),
};
#undef TF

/* The text field at offset `off` of c: its value, or where it is kept. */
static const char *text_get(const struct rp_contact *c, size_t off) {
  return *(char *const *)(const void *)((const char *)c + off);
}
static char **text_ref(struct rp_contact *c, size_t off) {
  return (char **)(void *)((char *)c + off);
}

/* c's list of kind k, read only. */
static const struct rp_contact_values *list_of(const struct rp_contact *c, enum rp_value_kind k) {
  return k == VALUE_EMAIL ? &c->emails : k == VALUE_PHONE ? &c->phones : &c->urls;
}

static void merge_texts(struct merge *m, const struct text_field *tf, size_t n,
                        const struct rp_contact *o, const struct rp_contact *mi,
                        const struct rp_contact *th, struct rp_contact *out) {
  for (size_t i = 0; i < n; i++) {
    const char *ov = text_get(o, tf[i].off), *mv = text_get(mi, tf[i].off),
               *tv = text_get(th, tf[i].off);
    if (take_mine(m, tf[i].key, tf[i].key, tf[i].what, ov, mv, tv))
      str_replace(text_ref(out, tf[i].off), mv);
  }
}

/* Warmth set by hand (NULL: derived from how I know them). */
static const char *warmth_of(const struct rp_contact *c) {
  return c->warmth_set && !str_empty(c->warmth) ? c->warmth : NULL;
}

static void merge_warmth(struct merge *m, const struct rp_contact *o, const struct rp_contact *mi,
                         const struct rp_contact *th, struct rp_contact *out) {
  const char *ov = warmth_of(o), *mv = warmth_of(mi), *tv = warmth_of(th);
  if (text_same(mv, ov)) return;
  if (!text_same(tv, ov) && !text_same(tv, mv) &&
      !conflict(m, "warmth", "warmth", "warmth", mv ? mv : "from how I know them",
                tv ? tv : "from how I know them"))
    return;
  out->warmth_set = mi->warmth_set;
  str_replace(&out->warmth, mi->warmth);
}

static void merge_introducer(struct merge *m, const struct rp_contact *o,
                             const struct rp_contact *mi, const struct rp_contact *th,
                             struct rp_contact *out) {
  if (mi->introduced_by == o->introduced_by) return;
  if (th->introduced_by != o->introduced_by && th->introduced_by != mi->introduced_by &&
      !conflict(m, "introduced_by", "introduced_by", "introducer",
                mi->introduced_by ? mi->introduced_by_name : NULL,
                th->introduced_by ? th->introduced_by_name : NULL))
    return;
  out->introduced_by = mi->introduced_by;
  str_replace(&out->introduced_by_name, mi->introduced_by_name);
}

/* The cadence as a sentence: "the default", "none", "every N days". */
static char *cadence_text(const struct rp_contact *c) {
  if (!c->cadence_set) return xstrdup("the default");
  if (c->cadence_days == 0) return xstrdup("none");
  return xasprintf("every %d days", c->cadence_days);
}

static bool cadence_same(const struct rp_contact *a, const struct rp_contact *b) {
  return a->cadence_set == b->cadence_set && (!a->cadence_set || a->cadence_days == b->cadence_days);
}

static void merge_cadence(struct merge *m, const struct rp_contact *o, const struct rp_contact *mi,
                          const struct rp_contact *th, struct rp_contact *out) {
  if (cadence_same(mi, o)) return;
  if (!cadence_same(th, o) && !cadence_same(th, mi)) {
    char *mt = cadence_text(mi), *tt = cadence_text(th);
    bool keep = conflict(m, "cadence", "cadence", "keep-in-touch cadence", mt, tt);
    free(mt);
    free(tt);
    if (!keep) return;
  }
  out->cadence_set = mi->cadence_set;
  out->cadence_days = mi->cadence_days;
}

/* Tags as a set: theirs, less the ones the form removed, plus the ones it
 * added (ASCII case-insensitive, as the journal compares them). */
static bool has_tag(const struct rp_strv *tags, const char *t) {
  for (size_t i = 0; i < tags->n; i++)
    if (str_ieq(tags->v[i], t)) return true;
  return false;
}

static void merge_tags(const struct rp_contact *o, const struct rp_contact *mi,
                       const struct rp_contact *th, struct rp_contact *out) {
  struct rp_strv tags = {0};
  for (size_t i = 0; i < th->tags.n; i++)
    if (!(has_tag(&o->tags, th->tags.v[i]) && !has_tag(&mi->tags, th->tags.v[i])))
      strv_push(&tags, th->tags.v[i]);
  for (size_t i = 0; i < mi->tags.n; i++)
    if (!has_tag(&o->tags, mi->tags.v[i]) && !has_tag(&tags, mi->tags.v[i]))
      strv_push(&tags, mi->tags.v[i]);
  strv_free(&out->tags);
  out->tags = tags;
}

/* "value · type", or the value alone; caller frees. */
static char *value_text(const struct rp_contact_value *v) {
  return v->type ? xasprintf("%s \xC2\xB7 %s", v->value, v->type) : xstrdup(v->value);
}

/* Replace r->v[at]'s value (and type) with those of `with`. */
static void value_set(struct rp_contact_values *r, long at, const struct rp_contact_value *with,
                      bool type_too) {
  str_replace(&r->v[at].value, with->value);
  if (type_too) str_replace(&r->v[at].type, with->type);
}

/* Make entry `at` of r the one preferred. */
static void prefer(struct rp_contact_values *r, long at) {
  for (size_t i = 0; i < r->n; i++) r->v[i].preferred = (long)i == at;
}

/* One kind's list: r (a copy of th) gets the form's changes from o to mi.
 * A value of o missing from mi, with a new value of mi at its place, was
 * edited there; one with none was removed. origin[i] is the value of o
 * that mi's entry i stands for (NULL: new). */
static void merge_list(struct merge *m, enum rp_value_kind k, const struct rp_contact_values *o,
                       const struct rp_contact_values *mi, const struct rp_contact_values *th,
                       struct rp_contact_values *r) {
  const char *kn = contact_value_kind_name(k);
  long po = contact_values_primary(o);
  const char **origin = xcalloc(mi->n + 1, sizeof *origin);
  bool *edited = xcalloc(mi->n + 1, sizeof *edited);
  for (size_t i = 0; i < mi->n; i++) {
    long j = contact_values_find(o, k, mi->v[i].value);
    origin[i] = j >= 0 ? o->v[j].value : NULL;
  }
  /* removed or edited by the form */
  for (size_t i = 0; i < o->n; i++) {
    if (contact_values_find(mi, k, o->v[i].value) >= 0) continue;
    long at = contact_values_find(r, k, o->v[i].value);
    bool edit = i < mi->n && !origin[i] && contact_values_find(th, k, mi->v[i].value) < 0;
    if (!edit) {
      if (at >= 0) contact_values_remove(r, (size_t)at);
      continue;
    }
    origin[i] = o->v[i].value;
    edited[i] = true;
    bool retyped = !text_same(mi->v[i].type, o->v[i].type);
    if (at >= 0) {
      value_set(r, at, &mi->v[i], retyped);
      continue;
    }
    /* gone from theirs: edited there too (a new value at its place), or
     * removed there (the form's edit is added) */
    long there = i < th->n && contact_values_find(o, k, th->v[i].value) < 0
                     ? contact_values_find(r, k, th->v[i].value)
                     : -1;
    if (there < 0) {
      contact_values_add(r, k, mi->v[i].value, mi->v[i].type, false);
      continue;
    }
    char *key = xasprintf("%s:edit:%s", kn, o->v[i].value);
    char *what = (long)i == po ? xstrdup(kn) : xasprintf("%s %s", kn, o->v[i].value);
    if (conflict(m, key, kn, what, mi->v[i].value, th->v[i].value))
      value_set(r, there, &mi->v[i], retyped);
    free(key);
    free(what);
  }
  /* added by the form */
  for (size_t i = 0; i < mi->n; i++)
    if (!origin[i]) contact_values_add(r, k, mi->v[i].value, mi->v[i].type, false);
  /* a value's type changed by the form */
  for (size_t i = 0; i < mi->n; i++) {
    if (!origin[i] || edited[i]) continue;
    long oi = contact_values_find(o, k, mi->v[i].value);
    long at = contact_values_find(r, k, mi->v[i].value);
    if (oi < 0 || at < 0 || text_same(mi->v[i].type, o->v[oi].type)) continue;
    bool take = text_same(r->v[at].type, o->v[oi].type) || text_same(r->v[at].type, mi->v[i].type);
    if (!take) {
      char *key = xasprintf("%s:type:%s", kn, o->v[oi].value);
      char *what = xasprintf("%s %s", kn, o->v[oi].value);
      char *mt = value_text(&mi->v[i]), *tt = value_text(&r->v[at]);
      take = conflict(m, key, kn, what, mt, tt);
      free(key);
      free(what);
      free(mt);
      free(tt);
    }
    if (take) str_replace(&r->v[at].type, mi->v[i].type);
  }
  /* the one preferred, when the form chose another one */
  long pm = contact_values_primary(mi), pt = contact_values_primary(th);
  const char *was = po >= 0 ? o->v[po].value : NULL;
  if (pm >= 0 && !(origin[pm] && was && contact_value_same(k, origin[pm], was))) {
    /* theirs' preferred one stands for which value of o? */
    const char *their_origin = NULL;
    if (pt >= 0) {
      long j = contact_values_find(o, k, th->v[pt].value);
      if (j >= 0) their_origin = o->v[j].value;
      else if ((size_t)pt < o->n && contact_values_find(th, k, o->v[pt].value) < 0)
        their_origin = o->v[pt].value;
    }
    bool theirs_moved = pt >= 0 && !(their_origin && was && contact_value_same(k, their_origin, was));
    bool same_one = pt >= 0 && (contact_value_same(k, th->v[pt].value, mi->v[pm].value) ||
                                (their_origin && origin[pm] &&
                                 contact_value_same(k, their_origin, origin[pm])));
    bool take = !theirs_moved || same_one;
    if (!take) {
      char *key = xasprintf("%s:preferred", kn);
      take = conflict(m, key, kn, kn, mi->v[pm].value, th->v[pt].value);
      free(key);
    }
    long at = contact_values_find(r, k, mi->v[pm].value);
    if (take && at >= 0) prefer(r, at);
  }
  free(origin);
  free(edited);
}

/* See contact.h. */
void contact_merge(const struct rp_contact *orig, const struct rp_contact *mine,
                   const struct rp_contact *theirs, const struct rp_strv *keep_mine,
                   struct rp_contact *out, struct rp_contact_conflicts *conflicts) {
  contact_conflicts_free(conflicts);
  struct merge m = {keep_mine, conflicts};
  struct rp_contact res;
  contact_init(&res);
  contact_copy(&res, theirs);
  merge_texts(&m, text_fields, RP_ARRAY_LEN(text_fields), orig, mine, theirs, &res);
  merge_warmth(&m, orig, mine, theirs, &res);
  merge_introducer(&m, orig, mine, theirs, &res);
  merge_texts(&m, text_fields2, RP_ARRAY_LEN(text_fields2), orig, mine, theirs, &res);
  merge_cadence(&m, orig, mine, theirs, &res);
  merge_tags(orig, mine, theirs, &res);
  for (int k = 0; k < VALUE_KINDS; k++) {
    enum rp_value_kind kind = (enum rp_value_kind)k;
    struct rp_contact_values *r = contact_values_of(&res, kind);
    merge_list(&m, kind, list_of(orig, kind), list_of(mine, kind), list_of(theirs, kind), r);
    contact_values_normalize(r, kind);
    str_replace(contact_field_of(&res, kind), contact_values_primary_value(r));
  }
  merge_texts(&m, text_fields3, RP_ARRAY_LEN(text_fields3), orig, mine, theirs, &res);
  res.values_read = true;
  contact_free(out);
  *out = res;
}

/* Same values, types and preference, in the same order. */
static bool same_values(const struct rp_contact_values *a, const struct rp_contact_values *b) {
  if (a->n != b->n) return false;
  for (size_t i = 0; i < a->n; i++)
    if (!exact(a->v[i].value, b->v[i].value) || !exact(a->v[i].type, b->v[i].type) ||
        a->v[i].preferred != b->v[i].preferred)
      return false;
  return true;
}

/* Same tags, in any order. */
static bool same_tags(const struct rp_strv *a, const struct rp_strv *b) {
  if (a->n != b->n) return false;
  for (size_t i = 0; i < a->n; i++)
    if (!strv_contains(b, a->v[i])) return false;
  return true;
}

/* See contact.h. */
bool contact_same(const struct rp_contact *a, const struct rp_contact *b) {
  const struct text_field *groups[] = {text_fields, text_fields2, text_fields3};
  const size_t sizes[] = {RP_ARRAY_LEN(text_fields), RP_ARRAY_LEN(text_fields2),
                          RP_ARRAY_LEN(text_fields3)};
  for (size_t g = 0; g < RP_ARRAY_LEN(groups); g++)
    for (size_t i = 0; i < sizes[g]; i++)
      if (!exact(text_get(a, groups[g][i].off), text_get(b, groups[g][i].off))) return false;
  if (!exact(a->email, b->email) || !exact(a->phone, b->phone) || !exact(a->url, b->url) ||
      !exact(a->warmth, b->warmth) || a->warmth_set != b->warmth_set ||
      a->introduced_by != b->introduced_by || !cadence_same(a, b) ||
      (a->deleted_at != 0) != (b->deleted_at != 0) || !same_tags(&a->tags, &b->tags))
    return false;
  for (int k = 0; k < VALUE_KINDS; k++)
    if (!same_values(list_of(a, (enum rp_value_kind)k), list_of(b, (enum rp_value_kind)k)))
      return false;
  return true;
}

/* See contact.h: one transaction; contact_update runs inside it (as a
 * savepoint). */
enum rp_status contact_update_if_unchanged(struct rp_db *db, const struct rp_config *cfg,
                                           struct rp_contact *c,
                                           const struct rp_contact *expected,
                                           struct rp_err *err) {
  if (c->id <= 0) return rp_err_set(err, RP_NO, "no contact with id %lld", (long long)c->id);
  enum rp_status s = db_begin(db, err);
  if (s != RP_OK) return s;
  struct rp_contact cur;
  s = contact_get(db, c->id, &cur, err);
  if (s == RP_OK && !contact_same(&cur, expected)) {
    char clip[128];
    s = rp_err_set(err, RP_NO, cur.deleted_at ? "%s was deleted meanwhile"
                                              : "%s was changed meanwhile",
                   str_clip(cur.name, clip, sizeof clip));
  }
  contact_free(&cur);
  if (s == RP_OK) s = contact_update(db, cfg, c, err);
  if (s == RP_OK) s = db_commit(db, err);
  else db_rollback(db);
  return s;
}
