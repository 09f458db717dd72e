/* test_actions_agree.c — the one action list (rapport/actions.def) and
 * everything that names actions agree: the keys: section of
 * config.example.yaml (its bindings and the comment block that documents
 * them), the KEYS section of docs/rapport.1, the config parser's accepted
 * names and the help and footer texts. Every action of the list appears in
 * each, in a scope it belongs to, and nothing else does. */
#include "check.h"
#include "rapport/actions.h"
#include "rapport/config.h"
#include "rapport/util.h"

/* The whole file SRCDIR/rel as a string; caller frees. Exits when missing. */
static char *read_source(const char *rel) {
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  char *path = xasprintf("%s/%s", src ? src : ".", rel);
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  struct rp_buf b = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
  fclose(f);
  free(path);
  return buf_steal(&b);
}

/* The next line of *p (without its newline) into line; false at the end. */
static bool next_line(const char **p, char *line, size_t size) {
  if (!**p) return false;
  const char *e = strchr(*p, '\n');
  size_t len = e ? (size_t)(e - *p) : strlen(*p);
  str_copy(line, size, "");
  if (len < size) {
    memcpy(line, *p, len);
    line[len] = '\0';
  }
  *p = e ? e + 1 : *p + len;
  return true;
}

/* The word of [a-z-] letters at s into out ("" when none); its end. */
static const char *word_at(const char *s, char *out, size_t size) {
  size_t n = 0;
  while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '-') n++;
  str_copy(out, size, "");
  if (n < size) {
    memcpy(out, s, n);
    out[n] = '\0';
  }
  return s + n;
}

/* A name the file uses for an action: known, and in scope (scope < 0: any). */
static void check_named(const char *where, const char *name, int scope, bool seen[ACT_COUNT]) {
  enum rp_action a = action_by_name(name);
  if (a == ACT_NONE) {
    fprintf(stderr, "%s names '%s', which is not in rapport/actions.def\n", where, name);
    CHECK(a != ACT_NONE);
    return;
  }
  if (scope >= 0 && !action_in_scope(a, (enum rp_scope)scope)) {
    fprintf(stderr, "%s puts '%s' under %s, a scope it does not belong to\n", where, name,
            rp_scope_names[scope]);
    CHECK(action_in_scope(a, (enum rp_scope)scope));
  }
  seen[a] = true;
}

/* Every action but ACT_NONE was seen in `where`. */
static void check_all_seen(const char *where, const bool seen[ACT_COUNT]) {
  for (int a = 1; a < ACT_COUNT; a++) {
    if (!seen[a]) fprintf(stderr, "%s does not name the action '%s'\n", where, rp_actions[a].name);
    CHECK(seen[a]);
  }
}

/* config.example.yaml: the bindings of keys: (scope: {action: keys}) and
 * the "#   action   what it does" lines of the comment block above it. */
static void test_config_example(void) {
  char *text = read_source("config.example.yaml");
  bool bound[ACT_COUNT] = {0}, documented[ACT_COUNT] = {0};
  char line[1024], name[64];
  const char *p = text;
  bool in_keys = false, in_doc = false;
  int scope = -1;
  while (next_line(&p, line, sizeof line)) {
    if (strcmp(line, "keys:") == 0) {
      in_keys = true;
      in_doc = false;
      continue;
    }
    if (in_keys) {
      if (line[0] && line[0] != ' ' && line[0] != '#') break; /* the next section */
      if (strncmp(line, "  ", 2) == 0 && line[2] >= 'a' && line[2] <= 'z') {
        const char *e = word_at(line + 2, name, sizeof name);
        if (*e == ':') scope = scope_by_name(name);
        if (*e == ':' && scope < 0) fprintf(stderr, "keys: unknown scope '%s'\n", name);
        CHECK(*e != ':' || scope >= 0);
      }
      if (strncmp(line, "    ", 4) == 0 && line[4] >= 'a' && line[4] <= 'z') {
        const char *e = word_at(line + 4, name, sizeof name);
        if (*e == ':') check_named("config.example.yaml keys:", name, scope, bound);
      }
      continue;
    }
    /* the comment block documenting the actions: "# keys: scope -> …" up
     * to keys: */
    if (strncmp(line, "# keys:", 7) == 0) in_doc = true;
    if (line[0] != '#') in_doc = false;
    if (in_doc && strncmp(line, "#   ", 4) == 0 && line[4] >= 'a' && line[4] <= 'z') {
      const char *e = word_at(line + 4, name, sizeof name);
      if (e[0] == ' ' && e[1] == ' ') check_named("config.example.yaml's key comments", name, -1,
                                                   documented);
    }
  }
  CHECK(in_keys);
  check_all_seen("config.example.yaml keys:", bound);
  check_all_seen("config.example.yaml's key comments", documented);
  free(text);
}

/* docs/rapport.1: every "(\fIaction\fR)" of the KEYS section, under a
 * heading ending in "(scope)". */
static void test_man_page(void) {
  char *text = read_source("docs/rapport.1");
  bool seen[ACT_COUNT] = {0};
  char line[2048], name[64], plain[2048];
  const char *p = text;
  bool in_keys = false;
  int scope = -1, entries = 0;
  while (next_line(&p, line, sizeof line)) {
    if (strncmp(line, ".SH ", 4) == 0) {
      in_keys = strcmp(line, ".SH KEYS") == 0;
      continue;
    }
    if (!in_keys) continue;
    /* "\-" is a hyphen in roff */
    size_t j = 0;
    for (size_t i = 0; line[i] && j + 1 < sizeof plain; i++) {
      if (line[i] == '\\' && line[i + 1] == '-') i++;
      plain[j++] = line[i];
    }
    plain[j] = '\0';
    if (strncmp(plain, ".SS ", 4) == 0) {
      const char *open = strrchr(plain, '(');
      scope = -1;
      if (open) {
        const char *e = word_at(open + 1, name, sizeof name);
        if (*e == ')') scope = scope_by_name(name);
      }
      if (scope < 0) fprintf(stderr, "rapport.1 KEYS: heading without a scope: %s\n", line);
      CHECK(scope >= 0);
      continue;
    }
    for (const char *s = strstr(plain, "(\\fI"); s; s = strstr(s + 1, "(\\fI")) {
      const char *e = word_at(s + 4, name, sizeof name);
      if (strncmp(e, "\\fR)", 4) != 0) continue;
      check_named("rapport.1 KEYS", name, scope, seen);
      entries++;
    }
  }
  CHECK(entries >= ACT_COUNT - 1);
  check_all_seen("rapport.1 KEYS", seen);
  free(text);
}

/* The config parser accepts exactly the names of the list, in their
 * scopes; the help has a line for each action, the footer a short word. */
static void test_parser_help_footer(void) {
  for (int a = 1; a < ACT_COUNT; a++) {
    const struct rp_action_info *ai = &rp_actions[a];
    CHECK_INT(ai->id, a);
    CHECK_INT(action_by_name(ai->name), a);
    CHECK(ai->help && ai->help[0]);
    CHECK(!ai->hint || (ai->hint[0] && strlen(ai->hint) <= 12));
    int scope = -1;
    for (int s = 0; s < SCOPE_COUNT && scope < 0; s++)
      if (action_in_scope((enum rp_action)a, (enum rp_scope)s)) scope = s;
    CHECK(scope >= 0);
    if (scope < 0) continue;
    char *yaml = xasprintf("keys:\n  %s:\n    %s: [F12]\n", rp_scope_names[scope], ai->name);
    struct rp_config cfg = {0};
    config_defaults(&cfg);
    struct rp_err err;
    enum rp_status st = config_parse(&cfg, "t.yaml", yaml, strlen(yaml), &err);
    if (st != RP_OK) fprintf(stderr, "keys.%s.%s: %s\n", rp_scope_names[scope], ai->name, err.msg);
    CHECK_INT(st, RP_OK);
    config_free(&cfg);
    free(yaml);
  }
  const char *bad = "keys:\n  global:\n    no-such-action: [F12]\n";
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  struct rp_err err;
  CHECK_INT(config_parse(&cfg, "t.yaml", bad, strlen(bad), &err), RP_INVALID);
  config_free(&cfg);
}

int main(void) {
  test_config_example();
  test_man_page();
  test_parser_help_footer();
  printf("%d checks, %d failed\n", check_count, check_failures);
  return check_failures ? 1 : 0;
}
