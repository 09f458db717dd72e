/* contact_values.c — see rapport/contact_values.h: lists of emails, phones
 * and URLs in memory. */
#include "rapport/contact_values.h"

#include <stdlib.h>
#include <string.h>

/* See contact_values.h. */
const char *contact_value_kind_name(enum rp_value_kind k) {
  static const char *const names[VALUE_KINDS] = {"email", "phone", "url"};
  return k < VALUE_KINDS ? names[k] : "value";
}

/* ASCII capitals to small letters (other bytes as they are), n bytes of s. */
static void add_lower(struct rp_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    buf_addc(b, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
  }
}

/* See contact_values.h. */
bool contact_value_key(enum rp_value_kind k, const char *value, struct rp_buf *b) {
  buf_reset(b);
  buf_adds(b, "");
  if (str_empty(value)) return false;
  if (k == VALUE_PHONE) {
    const char *p = value;
    while (str_is_space(*p)) p++;
    if (*p == '+') buf_addc(b, '+');
    bool digits = false;
    for (; *p; p++)
      if (*p >= '0' && *p <= '9') {
        buf_addc(b, *p);
        digits = true;
      }
    if (!digits) buf_reset(b);
    return digits;
  }
  if (k == VALUE_URL) {
    const char *u = value, *sep = strstr(u, "://");
    if (sep) u = sep + 3;
    if (!strncmp(u, "www.", 4) || !strncmp(u, "WWW.", 4)) u += 4;
    size_t n = strcspn(u, "?#");
    while (n && u[n - 1] == '/') n--;
    if (!n) return false;
    add_lower(b, u, n);
    return true;
  }
  add_lower(b, value, strlen(value));
  return true;
}

/* See contact_values.h. */
bool contact_value_same(enum rp_value_kind k, const char *a, const char *b) {
  if (!a || !b) return a == b;
  struct rp_buf ka = {0}, kb = {0};
  bool has_a = contact_value_key(k, a, &ka), has_b = contact_value_key(k, b, &kb);
  bool same = has_a && has_b ? strcmp(buf_str(&ka), buf_str(&kb)) == 0
                             : !has_a && !has_b && strcmp(a, b) == 0;
  buf_free(&ka);
  buf_free(&kb);
  return same;
}

/* See contact_values.h. */
long contact_values_find(const struct rp_contact_values *vs, enum rp_value_kind k,
                         const char *value) {
  for (size_t i = 0; i < vs->n; i++)
    if (contact_value_same(k, vs->v[i].value, value)) return (long)i;
  return -1;
}

/* A trimmed, lower-cased copy of a type; NULL when blank. */
static char *clean_type(const char *type) {
  char *t = xstrdup(type);
  str_trim_null(&t);
  for (char *p = t; p && *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
  return t;
}

/* See contact_values.h. */
long contact_values_add(struct rp_contact_values *vs, enum rp_value_kind k, const char *value,
                        const char *type, bool preferred) {
  char *v = xstrdup(value);
  str_trim_null(&v);
  if (!v) return -1;
  long at = contact_values_find(vs, k, v);
  if (at >= 0) {
    struct rp_contact_value *e = &vs->v[at];
    if (!e->type) e->type = clean_type(type);
    if (preferred) e->preferred = true;
    free(v);
    return at;
  }
  vs->v = xrealloc(vs->v, (vs->n + 1) * sizeof *vs->v);
  struct rp_contact_value *e = &vs->v[vs->n];
  e->value = v;
  e->type = clean_type(type);
  e->preferred = preferred;
  return (long)vs->n++;
}

/* See contact_values.h. */
void contact_values_remove(struct rp_contact_values *vs, size_t i) {
  if (i >= vs->n) return;
  free(vs->v[i].value);
  free(vs->v[i].type);
  memmove(&vs->v[i], &vs->v[i + 1], (vs->n - i - 1) * sizeof *vs->v);
  vs->n--;
  if (vs->n == 0) {
    free(vs->v);
    vs->v = NULL;
  }
}

/* See contact_values.h. */
void contact_values_free(struct rp_contact_values *vs) {
  for (size_t i = 0; i < vs->n; i++) {
    free(vs->v[i].value);
    free(vs->v[i].type);
  }
  free(vs->v);
  vs->v = NULL;
  vs->n = 0;
}

/* See contact_values.h. */
void contact_values_copy(struct rp_contact_values *dst, const struct rp_contact_values *src) {
  if (dst == src) return;
  struct rp_contact_values out = {0};
  if (src->n) {
    out.v = xcalloc(src->n, sizeof *out.v);
    for (size_t i = 0; i < src->n; i++) {
      out.v[i].value = xstrdup(src->v[i].value);
      out.v[i].type = xstrdup(src->v[i].type);
      out.v[i].preferred = src->v[i].preferred;
    }
    out.n = src->n;
  }
  contact_values_free(dst);
  *dst = out;
}

/* See contact_values.h. */
long contact_values_primary(const struct rp_contact_values *vs) {
  for (size_t i = 0; i < vs->n; i++)
    if (vs->v[i].preferred) return (long)i;
  return vs->n ? 0 : -1;
}

/* See contact_values.h. */
const char *contact_values_primary_value(const struct rp_contact_values *vs) {
  long p = contact_values_primary(vs);
  return p < 0 ? NULL : vs->v[p].value;
}

/* See contact_values.h. */
void contact_values_normalize(struct rp_contact_values *vs, enum rp_value_kind k) {
  for (size_t i = 0; i < vs->n;) {
    str_trim_null(&vs->v[i].value);
    long first = vs->v[i].value ? contact_values_find(vs, k, vs->v[i].value) : -1;
    if (!vs->v[i].value || (first >= 0 && (size_t)first < i)) {
      if (first >= 0 && (size_t)first < i) {
        struct rp_contact_value *e = &vs->v[first];
        if (!e->type && vs->v[i].type) e->type = xstrdup(vs->v[i].type);
        if (vs->v[i].preferred) e->preferred = true;
      }
      contact_values_remove(vs, i);
      continue;
    }
    i++;
  }
  bool seen = false;
  for (size_t i = 0; i < vs->n; i++) {
    if (vs->v[i].preferred && seen) vs->v[i].preferred = false;
    if (vs->v[i].preferred) seen = true;
  }
}

/* See contact_values.h. */
void contact_values_sync(struct rp_contact_values *vs, enum rp_value_kind k, char **field) {
  str_trim_null(field);
  contact_values_normalize(vs, k);
  long p = contact_values_primary(vs);
  if (p < 0) {
    if (*field) contact_values_add(vs, k, *field, NULL, true);
  } else if (!*field) {
    contact_values_remove(vs, (size_t)p);
  } else if (strcmp(vs->v[p].value, *field) != 0) {
    long at = contact_values_find(vs, k, *field);
    if (at >= 0 && at != p) {
      for (size_t i = 0; i < vs->n; i++) vs->v[i].preferred = (long)i == at;
    } else {
      str_replace(&vs->v[p].value, *field);
    }
  }
  contact_values_normalize(vs, k);
  str_replace(field, contact_values_primary_value(vs));
}
