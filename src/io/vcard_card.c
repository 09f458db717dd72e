/* vcard_card.c — the properties of one vCard into a person (see
 * vcard_internal.h): names, every email, phone and URL with its type and
 * preference (PREF=n, type=pref, Apple's X-ABLabel for its item group),
 * the organisation, role, location, notes and tags. Properties rapport does
 * not use are ignored, whatever they hold. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/vcard_internal.h"

/* How many item groups ("item1.EMAIL" … "item1.X-ABLabel") of a card are
 * followed: far more than any real card, and a bound for a hostile one. */
#define GROUPS_MAX 64

/* A value added from a group, or a group's label. */
struct group_ref {
  char *group;
  struct rp_contact_values *list; /* NULL for a label */
  long idx;
  char *label; /* the label's type, for a label */
};

struct vcard_card {
  const char *file;
  struct rp_import_person *p;
  char *fn, *n_name, *nick, *role; /* name candidates; ROLE when no TITLE */
  bool have_n, have_title;
  int best_pref[VALUE_KINDS]; /* the PREF of the preferred value of each list, 0 none */
  long best_idx[VALUE_KINDS];
  int loc_pref; /* PREF of the ADR the location came from (101 = none); 0 = no location */
  struct rp_buf notes;
  struct group_ref groups[GROUPS_MAX];
  size_t ngroups;
};

/* See vcard_internal.h. */
struct vcard_card *vcard_card_new(const char *file, struct rp_import_person *p) {
  struct vcard_card *c = xcalloc(1, sizeof *c);
  c->file = file;
  c->p = p;
  for (size_t k = 0; k < VALUE_KINDS; k++) c->best_idx[k] = -1;
  return c;
}

/* The line's value as UTF-8 text, still escaped (caller frees). */
static char *text(struct vcard_card *c, const struct vcard_line *l) {
  return vcard_value_text(l, c->p, c->file);
}

/* The line's value unescaped (caller frees). */
static char *plain(struct vcard_card *c, const struct vcard_line *l) {
  char *t = text(c, l);
  char *v = vcard_unescape(t, strlen(t), 0);
  free(t);
  return v;
}

/* An Apple label ("_$!<Work>!$_", "_$!<HomeFAX>!$_", "Grandma") as a type:
 * lower case, fax and mobile numbers named as TYPE names them. New string
 * or NULL. */
static char *label_type(const char *label) {
  char *t = NULL;
  import_set_clean(&t, label);
  if (!t) return NULL;
  size_t n = strlen(t);
  if (n > 8 && !strncmp(t, "_$!<", 4) && !strcmp(t + n - 4, ">!$_")) {
    memmove(t, t + 4, n - 8);
    t[n - 8] = '\0';
  }
  for (char *q = t; *q; q++) *q = (char)tolower((unsigned char)*q);
  static const char *const faxes[] = {"homefax", "workfax", "otherfax"};
  for (size_t i = 0; i < RP_ARRAY_LEN(faxes); i++)
    if (!strcmp(t, faxes[i])) str_replace(&t, "fax");
  if (!strcmp(t, "iphone") || !strcmp(t, "cell")) str_replace(&t, "mobile");
  str_trim_null(&t);
  return t;
}

/* Give value idx of list the group's label as its type, unless it has one. */
static void label_value(struct rp_contact_values *list, long idx, const char *label) {
  if (idx >= 0 && (size_t)idx < list->n && !list->v[idx].type && label)
    list->v[idx].type = xstrdup(label);
}

/* A value was added at idx of list by line l: make it the preferred one if
 * its PREF is the lowest so far, and remember its group for a label. */
static void added(struct vcard_card *c, const struct vcard_line *l, enum rp_value_kind k,
                  struct rp_contact_values *list, long idx) {
  if (idx < 0) return;
  int pref = l->params.pref;
  if (pref && (!c->best_pref[k] || pref < c->best_pref[k])) {
    if (c->best_idx[k] >= 0 && (size_t)c->best_idx[k] < list->n)
      list->v[c->best_idx[k]].preferred = false;
    list->v[idx].preferred = true;
    c->best_pref[k] = pref;
    c->best_idx[k] = idx;
  }
  if (!l->group[0]) return;
  for (size_t i = 0; i < c->ngroups; i++)
    if (!c->groups[i].list && !strcasecmp(c->groups[i].group, l->group))
      label_value(list, idx, c->groups[i].label);
  if (c->ngroups == GROUPS_MAX) return;
  c->groups[c->ngroups++] = (struct group_ref){xstrdup(l->group), list, idx, NULL};
}

/* ---- the properties ---- */

static void prop_fn(struct vcard_card *c, const struct vcard_line *l) {
  if (c->fn) return;
  char *v = plain(c, l);
  import_set_clean(&c->fn, v); /* a blank FN (Google's "FN:") is no name */
  free(v);
}

/* N: family;given;additional;prefix;suffix. The name is "given additional
 * family" (no honorifics); the parts go to given and family. */
static void prop_n(struct vcard_card *c, const struct vcard_line *l) {
  if (c->have_n) return;
  char *t = text(c, l);
  struct rp_strv parts = {0};
  vcard_split(t, ';', &parts);
  free(t);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  static const size_t order[] = {1, 2, 0};
  for (size_t i = 0; i < RP_ARRAY_LEN(order); i++) {
    char *part = NULL;
    if (order[i] < parts.n) import_set_clean(&part, parts.v[order[i]]);
    if (part) buf_addf(&b, "%s%s", b.len ? " " : "", part);
    free(part);
  }
  if (b.len) {
    c->have_n = true;
    c->n_name = buf_steal(&b);
    import_set_clean(&c->p->family, parts.v[0]);
    if (parts.n > 1) import_set_clean(&c->p->given, parts.v[1]);
  }
  buf_free(&b);
  strv_free(&parts);
}

/* NICKNAME: the first of its comma-separated names. */
static void prop_nickname(struct vcard_card *c, const struct vcard_line *l) {
  if (c->nick) return;
  char *t = text(c, l);
  struct rp_strv parts = {0};
  vcard_split(t, ',', &parts);
  free(t);
  for (size_t i = 0; i < parts.n && !c->nick; i++) import_set_clean(&c->nick, parts.v[i]);
  strv_free(&parts);
}

/* ORG: the organisation's name, its first component (not the unit). */
static void prop_org(struct vcard_card *c, const struct vcard_line *l) {
  if (c->p->org) return;
  char *t = text(c, l);
  struct rp_strv parts = {0};
  vcard_split(t, ';', &parts);
  free(t);
  if (parts.n) import_set_clean(&c->p->org, parts.v[0]);
  strv_free(&parts);
}

static void prop_title(struct vcard_card *c, const struct vcard_line *l) {
  if (c->have_title) return;
  char *v = plain(c, l);
  import_set_clean(&c->p->role, v);
  c->have_title = c->p->role != NULL;
  free(v);
}

static void prop_role(struct vcard_card *c, const struct vcard_line *l) {
  if (c->role) return;
  char *v = plain(c, l);
  import_set_clean(&c->role, v);
  free(v);
}

static void prop_email(struct vcard_card *c, const struct vcard_line *l) {
  char *v = plain(c, l);
  char *e = NULL;
  import_set(&e, v);
  if (e) {
    const char *addr = !strncasecmp(e, "mailto:", 7) ? e + 7 : e;
    import_person_email(c->p, c->file, l->line, addr, l->params.type, false);
    added(c, l, VALUE_EMAIL, &c->p->emails,
          contact_values_find(&c->p->emails, VALUE_EMAIL, addr));
  }
  free(e);
  free(v);
}

/* TEL, URL and X-SOCIALPROFILE: a value of the list, without the URI
 * scheme `drop` ("tel:") when it has it. */
static void add_value(struct vcard_card *c, const struct vcard_line *l, enum rp_value_kind k,
                      struct rp_contact_values *list, const char *drop) {
  char *v = plain(c, l);
  char *t = NULL;
  import_set(&t, v);
  if (t) {
    size_t n = drop ? strlen(drop) : 0;
    const char *value = n && !strncasecmp(t, drop, n) ? t + n : t;
    added(c, l, k, list, contact_values_add(list, k, value, l->params.type, false));
  }
  free(t);
  free(v);
}

static void prop_tel(struct vcard_card *c, const struct vcard_line *l) {
  add_value(c, l, VALUE_PHONE, &c->p->phones, "tel:");
}

static void prop_url(struct vcard_card *c, const struct vcard_line *l) {
  add_value(c, l, VALUE_URL, &c->p->urls, NULL);
}

/* Apple's social profiles: a profile that is a web address (LinkedIn's
 * above all, which matching by URL relies on) is one of the URLs, typed by
 * its service; "x-apple:" handles are not addresses. */
static void prop_social(struct vcard_card *c, const struct vcard_line *l) {
  char *v = plain(c, l);
  char *t = NULL;
  import_set(&t, v);
  if (t && (!strncasecmp(t, "https://", 8) || !strncasecmp(t, "http://", 7)))
    contact_values_add(&c->p->urls, VALUE_URL, t, l->params.type, false);
  free(t);
  free(v);
}

static void prop_note(struct vcard_card *c, const struct vcard_line *l) {
  char *v = plain(c, l);
  char *t = NULL;
  import_set(&t, v);
  if (t) buf_addf(&c->notes, "%s%s", c->notes.len ? "\n" : "", t);
  free(t);
  free(v);
}

static void prop_categories(struct vcard_card *c, const struct vcard_line *l) {
  char *t = text(c, l);
  struct rp_strv parts = {0};
  vcard_split(t, ',', &parts);
  free(t);
  for (size_t i = 0; i < parts.n; i++) {
    char *tag = NULL;
    import_set(&tag, parts.v[i]);
    if (tag && !strv_contains(&c->p->tags, tag)) strv_push(&c->p->tags, tag);
    free(tag);
  }
  strv_free(&parts);
}

/* ADR: pobox;extended;street;locality;region;code;country. The location is
 * "locality, region, country" of the first ADR that has one, or of the one
 * with the lowest PREF. */
static void prop_adr(struct vcard_card *c, const struct vcard_line *l) {
  int pref = l->params.pref ? l->params.pref : 101;
  if (c->loc_pref && pref >= c->loc_pref) return;
  char *t = text(c, l);
  struct rp_strv parts = {0};
  vcard_split(t, ';', &parts);
  free(t);
  struct rp_buf b = {0};
  buf_adds(&b, "");
  static const size_t use[] = {3, 4, 6};
  for (size_t i = 0; i < RP_ARRAY_LEN(use); i++) {
    char *part = NULL;
    if (use[i] < parts.n) import_set_clean(&part, parts.v[use[i]]);
    if (part) buf_addf(&b, "%s%s", b.len ? ", " : "", part);
    free(part);
  }
  if (b.len) {
    import_set(&c->p->location, buf_str(&b));
    c->loc_pref = pref;
  }
  buf_free(&b);
  strv_free(&parts);
}

/* Apple's "item1.X-ABLabel": the type of the email, phone or URL of its
 * group (before or after it), unless TYPE gave one. */
static void prop_label(struct vcard_card *c, const struct vcard_line *l) {
  if (!l->group[0]) return;
  char *v = plain(c, l);
  char *label = label_type(v);
  free(v);
  if (!label) return;
  for (size_t i = 0; i < c->ngroups; i++)
    if (c->groups[i].list && !strcasecmp(c->groups[i].group, l->group))
      label_value(c->groups[i].list, c->groups[i].idx, label);
  if (c->ngroups < GROUPS_MAX)
    c->groups[c->ngroups++] = (struct group_ref){xstrdup(l->group), NULL, -1, label};
  else
    free(label);
}

/* See vcard_internal.h. */
void vcard_card_property(struct vcard_card *c, const struct vcard_line *l) {
  static const struct {
    const char *name;
    void (*take)(struct vcard_card *, const struct vcard_line *);
  } props[] = {
      {"FN", prop_fn},         {"N", prop_n},
      {"NICKNAME", prop_nickname}, {"ORG", prop_org},
      {"TITLE", prop_title},   {"ROLE", prop_role},
      {"EMAIL", prop_email},   {"TEL", prop_tel},
      {"URL", prop_url},       {"X-SOCIALPROFILE", prop_social},
      {"NOTE", prop_note},     {"CATEGORIES", prop_categories},
      {"ADR", prop_adr},       {"X-ABLABEL", prop_label},
  };
  if (l->params.encoding == VCARD_BASE64) return; /* a photo, a key: not text */
  for (size_t i = 0; i < RP_ARRAY_LEN(props); i++)
    if (!strcasecmp(l->name, props[i].name)) {
      props[i].take(c, l);
      return;
    }
}

/* See vcard_internal.h. */
void vcard_card_end(struct vcard_card *c) {
  struct rp_import_person *p = c->p;
  const char *names[] = {c->fn, c->n_name, c->nick, p->org};
  for (size_t i = 0; i < RP_ARRAY_LEN(names) && !p->name; i++)
    if (names[i]) import_set(&p->name, names[i]);
  if (!p->role && c->role) import_set(&p->role, c->role);
  if (c->notes.len) import_set(&p->notes, buf_str(&c->notes));
  import_person_finish(p);
  for (size_t i = 0; i < c->ngroups; i++) {
    free(c->groups[i].group);
    free(c->groups[i].label);
  }
  free(c->fn);
  free(c->n_name);
  free(c->nick);
  free(c->role);
  buf_free(&c->notes);
  free(c);
}
