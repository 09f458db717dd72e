/* test_theme.c — theme files: shipped themes, inheritance, located errors,
 * lookup by name. */
#include <sys/stat.h>

#include "check.h"
#include "config/yaml_doc.h"
#include "rapport/embedded.h"
#include "rapport/theme.h"
#include "rapport/util.h"

static char *data_path(const char *name) {
  const char *dir = getenv("RAPPORT_TEST_DATA");
  return xasprintf("%s/theme/%s", dir ? dir : "tests/unit/data", name);
}

/* True when the theme file sets role `role` explicitly. */
static bool sets_role(const char *text, const char *role) {
  struct ynode *root = NULL;
  struct rp_err err;
  bool found = false;
  if (ydoc_parse("t", text, strlen(text), &root, &err) != RP_OK) return false;
  for (size_t i = 0; i < ynode_map_len(root); i++) {
    if (strcmp(ynode_map_key(root, i)->str, "roles") != 0) continue;
    const struct ynode *roles = ynode_map_value(root, i);
    for (size_t j = 0; j < ynode_map_len(roles); j++)
      if (strcmp(ynode_map_key(roles, j)->str, role) == 0) found = true;
  }
  ynode_free(root);
  return found;
}

static bool style_eq(struct rp_style a, struct rp_style b) {
  return a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs;
}

static void test_shipped(void) {
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  int count = 0;
  for (const struct rp_embedded_file *f = rp_embedded_themes; f->name; f++, count++) {
    struct rp_theme th = {0};
    struct rp_err err = {0};
    CHECK_INT(theme_parse(&th, f->name, f->text, strlen(f->text), &err), RP_OK);
    CHECK_STR(err.msg, "");
    CHECK_STR(th.name, f->name);
    for (int r = 0; r < ROLE_COUNT; r++) {
      if (!sets_role(f->text, rp_role_names[r])) {
        fprintf(stderr, "theme %s does not set role %s\n", f->name, rp_role_names[r]);
        CHECK(0);
      }
    }
    /* a selected row is visibly different from normal text */
    CHECK(!style_eq(th.roles[ROLE_SELECTED], th.roles[ROLE_NORMAL]));
    CHECK(!style_eq(th.roles[ROLE_STATUS], th.roles[ROLE_NORMAL]));
    CHECK(!style_eq(th.roles[ROLE_ERROR], th.roles[ROLE_NORMAL]));
    theme_free(&th);
    CHECK(th.name == NULL);

    /* and the file in themes/ is the one compiled in */
    char *path = xasprintf("%s/themes/%s.yaml", src ? src : ".", f->name);
    CHECK_INT(theme_load(&th, path, &err), RP_OK);
    CHECK_STR(th.name, f->name);
    theme_free(&th);
    free(path);
  }
  CHECK(count >= 4);

  struct rp_theme mono = {0};
  struct rp_err err;
  CHECK_INT(theme_load(&mono, "mono", &err), RP_OK);
  for (int r = 0; r < ROLE_COUNT; r++) {
    CHECK_INT(mono.roles[r].fg, RP_COLOR_DEFAULT);
    CHECK_INT(mono.roles[r].bg, RP_COLOR_DEFAULT);
  }
  CHECK(mono.roles[ROLE_SELECTED].attrs & RP_ATTR_REVERSE);
  theme_free(&mono);

  struct rp_theme def = {0};
  CHECK_INT(theme_load(&def, "default", &err), RP_OK);
  for (int r = 0; r < ROLE_COUNT; r++) { /* 8 colours are enough */
    CHECK(def.roles[r].fg < 8);
    CHECK(def.roles[r].bg < 8);
  }
  CHECK_INT(def.roles[ROLE_OVERDUE].fg, 1);
  CHECK(def.roles[ROLE_OVERDUE].attrs & RP_ATTR_BOLD);
  theme_free(&def);
}

static void test_inherit(void) {
  char *path = data_path("inherit.yaml");
  struct rp_theme th = {0};
  struct rp_err err = {0};
  CHECK_INT(theme_load(&th, path, &err), RP_OK);
  CHECK_STR(th.name, "inherit"); /* no name: the file's */
  struct rp_style normal = {7, 4, RP_ATTR_BOLD};
  CHECK(style_eq(th.roles[ROLE_NORMAL], normal));
  CHECK(style_eq(th.roles[ROLE_MUTED], normal));
  CHECK(style_eq(th.roles[ROLE_SUCCESS], normal));
  struct rp_style sel = {7, 6, RP_ATTR_BOLD}; /* fg, attrs from normal */
  CHECK(style_eq(th.roles[ROLE_SELECTED], sel));
  struct rp_style e = {196, 4, 0};
  CHECK(style_eq(th.roles[ROLE_ERROR], e));
  theme_free(&th);
  free(path);

  const char *text = "roles:\n  normal: {}\n  key: {attrs: bold, fg: Bright-Red, bg: 0}\n";
  CHECK_INT(theme_parse(&th, "x/small.yaml", text, strlen(text), &err), RP_OK);
  CHECK_STR(th.name, "small");
  struct rp_style k = {9, 0, RP_ATTR_BOLD};
  CHECK(style_eq(th.roles[ROLE_KEY], k));
  CHECK_INT(th.roles[ROLE_TITLE].fg, RP_COLOR_DEFAULT);
  theme_free(&th);
}

/* A bad theme: exact message, and the theme holds the compiled-in default. */
static void check_bad(const char *file, const char *rest) {
  char *path = data_path(file);
  char *want = xasprintf("%s:%s", path, rest);
  struct rp_theme th = {0};
  struct rp_err err = {0};
  CHECK_INT(theme_load(&th, path, &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  CHECK_STR(th.name, "default");
  theme_free(&th);
  free(want);
  free(path);
}

static void check_bad_text(const char *text, const char *want) {
  struct rp_theme th = {0};
  struct rp_err err = {0};
  CHECK_INT(theme_parse(&th, "t.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  CHECK_STR(th.name, "default");
  theme_free(&th);
}

static void test_errors(void) {
  check_bad("bad-colour.yaml",
            "4:18: unknown colour 'purple'; allowed: default, black, red, green, yellow, blue, "
            "magenta, cyan, white, bright-black, bright-red, bright-green, bright-yellow, "
            "bright-blue, bright-magenta, bright-cyan, bright-white, or 0-255");
  check_bad("bad-number.yaml",
            "3:16: unknown colour '256'; allowed: default, black, red, green, yellow, blue, "
            "magenta, cyan, white, bright-black, bright-red, bright-green, bright-yellow, "
            "bright-blue, bright-magenta, bright-cyan, bright-white, or 0-255");
  check_bad("bad-attr.yaml", "6:19: unknown attribute 'blinking'; allowed: bold, dim, "
                             "underline, reverse, italic, blink");
  check_bad("unknown-role.yaml",
            "4:3: unknown role 'selection'; allowed: normal, selected, selected_inactive, "
            "title, tabs, header, status, muted, border, accent, key, input, warm, cold, due, "
            "overdue, warning, error, success");
  check_bad_text("name: x\nroles: {normal: {fg: red, size: 3}}\n",
                 "t.yaml:2:27: unknown key 'size' in role 'normal'; allowed: fg, bg, attrs");
  check_bad_text("name: x\nroles: {normal: red}\n",
                 "t.yaml:2:17: role 'normal' must be a mapping like {fg: white, bg: blue, "
                 "attrs: [bold]}");
  check_bad_text("name: x\ncolours: {}\nroles: {}\n",
                 "t.yaml:2:1: unknown key 'colours'; allowed: name, roles");
  check_bad_text("name: x\n", "t.yaml:1:1: the theme has no 'roles'; give at least roles: "
                              "{normal: {fg: default}}");
  check_bad_text("", "t.yaml: the theme is empty; it needs name and roles");
  check_bad_text("roles: {normal: {fg: [1]}}\n",
                 "t.yaml:1:22: 'fg' must be a colour, not a list; allowed: default, black, red, "
                 "green, yellow, blue, magenta, cyan, white, bright-black, bright-red, "
                 "bright-green, bright-yellow, bright-blue, bright-magenta, bright-cyan, "
                 "bright-white, or 0-255");
  check_bad_text("roles: {normal: {fg: -1}}\n", "t.yaml:1:22: unknown colour '-1'; allowed: "
                 "default, black, red, green, yellow, blue, magenta, cyan, white, bright-black, "
                 "bright-red, bright-green, bright-yellow, bright-blue, bright-magenta, "
                 "bright-cyan, bright-white, or 0-255");
  check_bad_text("roles:\n  normal: {fg: \xc3\x28}\n", "t.yaml:2:16: invalid trailing UTF-8 octet");
  check_bad_text("roles: [", "t.yaml:2:1: did not find expected node content");
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static void test_by_name(void) {
  const char *tmp = check_tmpdir();
  char *xdg = xasprintf("%s/xdg", tmp);
  setenv("XDG_CONFIG_HOME", xdg, 1);
  struct rp_theme th = {0};
  struct rp_err err = {0};

  CHECK_INT(theme_load(&th, "light", &err), RP_OK);
  CHECK_STR(th.name, "light");
  theme_free(&th);
  CHECK_INT(theme_load(&th, NULL, &err), RP_OK);
  CHECK_STR(th.name, "default");
  theme_free(&th);

  char *avail = theme_available();
  CHECK_STR(avail, "default, high-contrast, light, mono");
  free(avail);
  CHECK_INT(theme_load(&th, "solarized", &err), RP_INVALID);
  CHECK_STR(err.msg, "unknown theme 'solarized'; available: default, high-contrast, light, mono");
  CHECK_STR(th.name, "default");
  theme_free(&th);

  /* a theme in the user's folder is found first, and listed */
  char *dir = xasprintf("%s/rapport/themes", xdg);
  CHECK_INT(mkdir(xdg, 0700), 0);
  char *rdir = xasprintf("%s/rapport", xdg);
  CHECK_INT(mkdir(rdir, 0700), 0);
  CHECK_INT(mkdir(dir, 0700), 0);
  char *p1 = xasprintf("%s/solarized.yaml", dir);
  write_file(p1, "name: solarized\nroles:\n  normal: {fg: 12, bg: 8}\n");
  char *p2 = xasprintf("%s/light.yaml", dir);
  write_file(p2, "name: my-light\nroles:\n  normal: {fg: black}\n  bogus: {}\n");
  avail = theme_available();
  CHECK_STR(avail, "default, high-contrast, light, mono, solarized");
  free(avail);
  CHECK_INT(theme_load(&th, "solarized", &err), RP_OK);
  CHECK_INT(th.roles[ROLE_STATUS].bg, 8);
  theme_free(&th);
  CHECK_INT(theme_load(&th, "light", &err), RP_INVALID); /* the user's copy, broken */
  char *want = xasprintf("%s:4:3: unknown role 'bogus'; allowed: normal, selected, "
                         "selected_inactive, title, tabs, header, status, muted, border, "
                         "accent, key, input, warm, cold, due, overdue, warning, error, success",
                         p2);
  CHECK_STR(err.msg, want);
  CHECK_STR(th.name, "default");
  theme_free(&th);

  char *missing = xasprintf("%s/none.yaml", tmp);
  CHECK_INT(theme_load(&th, missing, &err), RP_INVALID);
  char *msg = xasprintf("%s: no such file", missing);
  CHECK_STR(err.msg, msg);
  CHECK_STR(th.name, "default");
  theme_free(&th);

  free(msg);
  free(missing);
  free(want);
  free(p1);
  free(p2);
  free(rdir);
  free(dir);
  free(xdg);
  unsetenv("XDG_CONFIG_HOME");
  check_rmtree(tmp);
}

int main(void) {
  test_shipped();
  test_inherit();
  test_errors();
  test_by_name();
  return check_done("test_theme");
}
