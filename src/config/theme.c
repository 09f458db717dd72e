/* theme.c — theme files: role → {fg, bg, attrs} (see rapport/theme.h). */
#include "rapport/theme.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/yaml_doc.h"
#include "rapport/embedded.h"
#include "rapport/paths.h"
#include "rapport/utf8.h"

const char *const rp_role_names[ROLE_COUNT] = {
    [ROLE_NORMAL] = "normal",
    [ROLE_SELECTED] = "selected",
    [ROLE_SELECTED_INACTIVE] = "selected_inactive",
    [ROLE_TITLE] = "title",
    [ROLE_TABS] = "tabs",
    [ROLE_HEADER] = "header",
    [ROLE_STATUS] = "status",
    [ROLE_MUTED] = "muted",
    [ROLE_BORDER] = "border",
    [ROLE_ACCENT] = "accent",
    [ROLE_KEY] = "key",
    [ROLE_INPUT] = "input",
    [ROLE_WARM] = "warm",
    [ROLE_COLD] = "cold",
    [ROLE_DUE] = "due",
    [ROLE_OVERDUE] = "overdue",
    [ROLE_WARNING] = "warning",
    [ROLE_ERROR] = "error",
    [ROLE_SUCCESS] = "success",
};

static const char *const color_names[16] = {
    "black",        "red",        "green",        "yellow",        "blue",        "magenta",
    "cyan",         "white",      "bright-black", "bright-red",    "bright-green", "bright-yellow",
    "bright-blue",  "bright-magenta", "bright-cyan", "bright-white",
};

static const char *const attr_names[] = {"bold", "dim", "underline", "reverse", "italic", "blink"};

static const char colors_help[] =
    "default, black, red, green, yellow, blue, magenta, cyan, white, bright-black, bright-red, "
    "bright-green, bright-yellow, bright-blue, bright-magenta, bright-cyan, bright-white, "
    "or 0-255";

struct tparse {
  const char *name; /* file name for messages */
  struct rp_err *err;
};

static enum rp_status terr(struct tparse *t, const struct ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static enum rp_status terr(struct tparse *t, const struct ynode *n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *what = xvasprintf(fmt, ap);
  va_end(ap);
  rp_err_set(t->err, RP_INVALID, "%s:%d:%d: %s", t->name, n->line, n->col, what);
  free(what);
  return RP_INVALID;
}

static const char *shown(const char *s, char *buf, size_t size) {
  char *safe = utf8_sanitize(s ? s : "");
  str_copy(buf, size, safe);
  free(safe);
  return buf;
}

static char *names_list(const char *const *names, size_t n) {
  struct rp_buf b = {0};
  for (size_t i = 0; i < n; i++) buf_addf(&b, "%s%s", i ? ", " : "", names[i]);
  return buf_steal(&b);
}

static enum rp_status parse_color(struct tparse *t, const struct ynode *v, const char *field,
                                  int *out) {
  char b[200];
  if (v->kind != YNODE_SCALAR || ynode_is_null(v))
    return terr(t, v, "'%s' must be a colour, not %s; allowed: %s", field, ynode_kind_name(v),
                colors_help);
  const char *s = v->str;
  if (str_ieq(s, "default")) {
    *out = RP_COLOR_DEFAULT;
    return RP_OK;
  }
  for (int i = 0; i < 16; i++) {
    if (str_ieq(s, color_names[i])) {
      *out = i;
      return RP_OK;
    }
  }
  size_t len = strlen(s);
  if (len >= 1 && len <= 3 && strspn(s, "0123456789") == len) {
    int c = atoi(s);
    if (c <= 255) {
      *out = c;
      return RP_OK;
    }
  }
  return terr(t, v, "unknown colour '%s'; allowed: %s", shown(s, b, sizeof b), colors_help);
}

static enum rp_status parse_attr(struct tparse *t, const struct ynode *v, unsigned *attrs) {
  char b[200];
  if (v->kind == YNODE_SCALAR) {
    for (size_t i = 0; i < RP_ARRAY_LEN(attr_names); i++) {
      if (str_ieq(v->str, attr_names[i])) {
        *attrs |= 1u << i;
        return RP_OK;
      }
    }
  }
  char *allowed = names_list(attr_names, RP_ARRAY_LEN(attr_names));
  if (v->kind == YNODE_SCALAR)
    terr(t, v, "unknown attribute '%s'; allowed: %s", shown(v->str, b, sizeof b), allowed);
  else
    terr(t, v, "an attribute must be a name, not %s; allowed: %s", ynode_kind_name(v), allowed);
  free(allowed);
  return RP_INVALID;
}

/* {fg, bg, attrs} over *st (fields left out keep their value). */
static enum rp_status parse_style(struct tparse *t, const char *role, const struct ynode *v,
                                  struct rp_style *st) {
  if (ynode_is_null(v)) return RP_OK;
  if (v->kind != YNODE_MAP)
    return terr(t, v, "role '%s' must be a mapping like {fg: white, bg: blue, attrs: [bold]}",
                role);
  for (size_t i = 0; i < ynode_map_len(v); i++) {
    const struct ynode *k = ynode_map_key(v, i), *val = ynode_map_value(v, i);
    enum rp_status r = RP_OK;
    if (strcmp(k->str, "fg") == 0) {
      r = parse_color(t, val, "fg", &st->fg);
    } else if (strcmp(k->str, "bg") == 0) {
      r = parse_color(t, val, "bg", &st->bg);
    } else if (strcmp(k->str, "attrs") == 0) {
      st->attrs = 0;
      if (val->kind == YNODE_SEQ) {
        for (size_t j = 0; j < val->n && r == RP_OK; j++) r = parse_attr(t, val->kids[j], &st->attrs);
      } else if (!ynode_is_null(val)) {
        r = parse_attr(t, val, &st->attrs);
      }
    } else {
      char b[200];
      r = terr(t, k, "unknown key '%s' in role '%s'; allowed: fg, bg, attrs",
               shown(k->str, b, sizeof b), role);
    }
    if (r != RP_OK) return r;
  }
  return RP_OK;
}

static enum rp_status parse_roles(struct tparse *t, const struct ynode *roles,
                                  struct rp_theme *th) {
  if (roles->kind != YNODE_MAP)
    return terr(t, roles, "'roles' must be a mapping of role: {fg, bg, attrs}");
  struct rp_style normal = {RP_COLOR_DEFAULT, RP_COLOR_DEFAULT, 0};
  for (size_t i = 0; i < ynode_map_len(roles); i++)
    if (strcmp(ynode_map_key(roles, i)->str, "normal") == 0 &&
        parse_style(t, "normal", ynode_map_value(roles, i), &normal) != RP_OK)
      return RP_INVALID;
  for (int r = 0; r < ROLE_COUNT; r++) th->roles[r] = normal;
  for (size_t i = 0; i < ynode_map_len(roles); i++) {
    const struct ynode *k = ynode_map_key(roles, i);
    int r = 0;
    while (r < ROLE_COUNT && strcmp(rp_role_names[r], k->str) != 0) r++;
    if (r == ROLE_COUNT) {
      char b[200];
      char *allowed = names_list(rp_role_names, ROLE_COUNT);
      terr(t, k, "unknown role '%s'; allowed: %s", shown(k->str, b, sizeof b), allowed);
      free(allowed);
      return RP_INVALID;
    }
    if (r != ROLE_NORMAL &&
        parse_style(t, rp_role_names[r], ynode_map_value(roles, i), &th->roles[r]) != RP_OK)
      return RP_INVALID;
  }
  return RP_OK;
}

/* Parse into *out (zeroed here); `fallback` names a theme without `name:`. */
static enum rp_status parse_theme(struct rp_theme *out, const char *fname, const char *fallback,
                                  const char *text, size_t len, struct rp_err *err) {
  struct tparse t = {fname, err};
  struct ynode *root = NULL;
  memset(out, 0, sizeof *out);
  enum rp_status st = ydoc_parse(fname, text, len, &root, err);
  if (st != RP_OK) return st;
  const struct ynode *roles = NULL, *name = NULL;
  if (!root || root->kind != YNODE_MAP) {
    st = root ? terr(&t, root, "a theme must be a mapping with the keys name and roles")
              : rp_err_set(err, RP_INVALID, "%s: the theme is empty; it needs name and roles",
                           fname);
  }
  for (size_t i = 0; st == RP_OK && i < ynode_map_len(root); i++) {
    const struct ynode *k = ynode_map_key(root, i), *v = ynode_map_value(root, i);
    char b[200];
    if (strcmp(k->str, "name") == 0) {
      if (v->kind != YNODE_SCALAR || ynode_is_null(v) || !v->str[0])
        st = terr(&t, v, "'name' must be a string");
      name = v;
    } else if (strcmp(k->str, "roles") == 0) {
      roles = v;
    } else {
      st = terr(&t, k, "unknown key '%s'; allowed: name, roles", shown(k->str, b, sizeof b));
    }
  }
  if (st == RP_OK && !roles)
    st = terr(&t, root, "the theme has no 'roles'; give at least roles: {normal: {fg: default}}");
  if (st == RP_OK) st = parse_roles(&t, roles, out);
  if (st == RP_OK) out->name = xstrdup(name ? name->str : fallback);
  ynode_free(root);
  return st;
}

/* The compiled-in default theme into *theme (overwritten, not freed). */
static void theme_default(struct rp_theme *theme) {
  struct rp_err err;
  const struct rp_embedded_file *f = rp_embedded_themes;
  while (f->name && strcmp(f->name, "default") != 0) f++;
  if (!f->name || parse_theme(theme, "themes/default.yaml", "default", f->text,
                              strlen(f->text), &err) != RP_OK) {
    fputs("rapport: the compiled-in default theme is broken: ", stderr);
    fputs(f->name ? err.msg : "missing", stderr);
    fputs("\n", stderr);
    abort();
  }
}

/* "dir/NAME.yaml" → "NAME"; caller frees. */
static char *base_name(const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  size_t n = strlen(b);
  if (n > 5 && strcmp(b + n - 5, ".yaml") == 0) n -= 5;
  return xstrndup(b, n);
}

/* theme (zeroed or freed) receives the parsed file; on error it holds the
 * compiled-in default theme. Caller frees with theme_free. */
enum rp_status theme_parse(struct rp_theme *theme, const char *fname, const char *text,
                           size_t len, struct rp_err *err) {
  char *fallback = base_name(fname);
  enum rp_status st = parse_theme(theme, fname, fallback, text, len, err);
  free(fallback);
  if (st != RP_OK) theme_default(theme);
  return st;
}

/* Read and parse a theme file; RP_NO (nothing touched) when it is missing. */
static enum rp_status load_file(struct rp_theme *theme, const char *path, struct rp_err *err) {
  char *text = NULL;
  size_t len = 0;
  enum rp_status st = paths_read_file(path, &text, &len, err);
  if (st == RP_OK) st = theme_parse(theme, path, text, len, err);
  free(text);
  return st;
}

/* theme must be zeroed or freed; see theme.h for the lookup order. */
enum rp_status theme_load(struct rp_theme *theme, const char *name_or_path, struct rp_err *err) {
  const char *name = str_empty(name_or_path) ? "default" : name_or_path;
  size_t n = strlen(name);
  memset(theme, 0, sizeof *theme);
  if (strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".yaml") == 0)) {
    enum rp_status st = load_file(theme, name, err);
    if (st == RP_OK) return RP_OK;
    if (st == RP_NO) rp_err_set(err, RP_INVALID, "%s: no such file", name);
    if (!theme->name) theme_default(theme);
    return RP_INVALID;
  }
  char *dirs[2] = {paths_config_dir(), NULL};
#ifdef RAPPORT_DATADIR
  dirs[1] = xstrdup(RAPPORT_DATADIR);
#endif
  enum rp_status st = RP_NO;
  for (int i = 0; i < 2 && st == RP_NO; i++) {
    if (!dirs[i]) continue;
    char *path = xasprintf("%s/themes/%s.yaml", dirs[i], name);
    st = load_file(theme, path, err);
    free(path);
  }
  free(dirs[0]);
  free(dirs[1]);
  if (st == RP_NO) {
    for (const struct rp_embedded_file *f = rp_embedded_themes; f->name; f++) {
      if (strcmp(f->name, name) == 0) {
        char *fname = xasprintf("themes/%s.yaml", f->name);
        st = theme_parse(theme, fname, f->text, strlen(f->text), err);
        free(fname);
        return st;
      }
    }
    char b[200];
    char *avail = theme_available();
    rp_err_set(err, RP_INVALID, "unknown theme '%s'; available: %s", shown(name, b, sizeof b),
               avail);
    free(avail);
  }
  if (st == RP_OK) return RP_OK;
  if (!theme->name) theme_default(theme);
  return RP_INVALID;
}

void theme_free(struct rp_theme *theme) {
  free(theme->name);
  memset(theme, 0, sizeof *theme);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Compiled-in theme names plus NAME.yaml files in the user's theme folder,
 * sorted, each once: "default, high-contrast, light, mono". Caller frees. */
char *theme_available(void) {
  struct rp_strv names = {0};
  for (const struct rp_embedded_file *f = rp_embedded_themes; f->name; f++)
    strv_push(&names, f->name);
  char *cdir = paths_config_dir();
  char *tdir = xasprintf("%s/themes", cdir);
  free(cdir);
  DIR *d = opendir(tdir);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      size_t n = strlen(e->d_name);
      if (e->d_name[0] == '.' || n <= 5 || strcmp(e->d_name + n - 5, ".yaml") != 0) continue;
      char *base = xstrndup(e->d_name, n - 5);
      if (!strv_contains(&names, base)) strv_push(&names, base);
      free(base);
    }
    closedir(d);
  }
  free(tdir);
  if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_str);
  char *out = strv_join(&names, ", ");
  strv_free(&names);
  return out;
}
