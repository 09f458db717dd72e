/* test_actions_agree.c — the one action list (rapport/actions.def) and
 * everything that names actions agree: the keys: section of
 * config.example.yaml (its bindings and the comment block that documents
 * them), the KEYS section of docs/rapport.1, the config parser's accepted
 * names and the help and footer texts. Every action of the list appears in
 * each, in a scope it belongs to, and nothing else does. And no screen file
 * of src/ui reads a key but through the keymap (test_no_key_outside_keymap). */
#include <ctype.h>
#include <dirent.h>

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
  if (scope >= 0 && !action_in_scope(a, (enum rp_scope)scope) &&
      !action_in_scope(a, SCOPE_GLOBAL)) { /* a global action binds in any scope */
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

/* True when the identifier ending just before s[at] (spaces skipped) is
 * one of the key variables in `vars` ("|key|k|", names of rp_key values). */
static bool key_var_before(const char *s, size_t at, const char *vars) {
  size_t e = at;
  while (e > 0 && s[e - 1] == ' ') e--;
  size_t b = e;
  while (b > 0 && (isalnum((unsigned char)s[b - 1]) || s[b - 1] == '_')) b--;
  if (b == e || (b > 0 && (s[b - 1] == '.' || s[b - 1] == '>'))) return false;
  char name[72];
  if (e - b + 3 > sizeof name) return false;
  snprintf(name, sizeof name, "|%.*s|", (int)(e - b), s + b);
  return strstr(vars, name) != NULL;
}

/* The same, for the identifier starting after s[at] (spaces skipped). */
static bool key_var_after(const char *s, size_t at, const char *vars) {
  size_t b = at;
  while (s[b] == ' ') b++;
  size_t e = b;
  while (isalnum((unsigned char)s[e]) || s[e] == '_') e++;
  char name[72];
  if (e == b || e - b + 3 > sizeof name || s[e] == '.' || s[e] == '-' || s[e] == '[') return false;
  snprintf(name, sizeof name, "|%.*s|", (int)(e - b), s + b);
  return strstr(vars, name) != NULL;
}

/* "|key|k|…|": key, k, ch and every name the file declares as rp_key. */
static void key_vars(const char *text, struct rp_buf *vars) {
  buf_adds(vars, "|key|k|ch|");
  for (const char *p = strstr(text, "rp_key "); p; p = strstr(p + 1, "rp_key ")) {
    const char *n = p + 7;
    while (*n == '*' || *n == ' ') n++;
    size_t len = 0;
    while (isalnum((unsigned char)n[len]) || n[len] == '_') len++;
    if (len && n[len] != '(') buf_addf(vars, "%.*s|", (int)len, n);
  }
}

/* The length of a named key constant at s (RPK_ENTER, RPK_F1), 0 for
 * anything else, and for the events that are not keys (RPK_NONE,
 * RPK_RESIZE, RPK_PASTE, RPK_MOUSE…, RPK_SPECIAL). */
static size_t named_key_at(const char *s) {
  static const char *const events[] = {"RPK_NONE", "RPK_RESIZE", "RPK_PASTE", "RPK_MOUSE",
                                       "RPK_SPECIAL", "RPK_CTRL"};
  if (strncmp(s, "RPK_", 4) != 0) return 0;
  size_t n = 4;
  while (isupper((unsigned char)s[n]) || isdigit((unsigned char)s[n]) || s[n] == '_') n++;
  for (size_t i = 0; i < RP_ARRAY_LEN(events); i++)
    if (strncmp(s, events[i], strlen(events[i])) == 0) return 0;
  return n;
}

/* Where a screen file of src/ui compares a key with a character: a
 * printable literal ('y'), a raw control key (RPK_CTRL('n')) or, unless
 * `named_ok`, a named key (RPK_ENTER, RPK_ESC) compared with a key
 * variable, or a case of one. Such a key is read outside the keymap: it
 * cannot be rebound, and help and footers cannot name it. The line and
 * text editors (letters there are text, C-a … their editing keys) and the
 * terminal decoding below the keymap are allowed. Returns how many it
 * found, each said on stderr. */
static int keys_outside_keymap(const char *file, const char *text, bool named_ok) {
  struct rp_buf vars = {0};
  key_vars(text, &vars);
  int found = 0, line = 1;
  bool comment = false;
  for (size_t i = 0; text[i]; i++) {
    if (text[i] == '\n') line++;
    if (comment) {
      if (text[i] == '*' && text[i + 1] == '/') comment = false;
      continue;
    }
    if (text[i] == '/' && text[i + 1] == '*') {
      comment = true;
      continue;
    }
    if (text[i] == '"') { /* a string: skip it */
      for (i++; text[i] && text[i] != '"'; i++)
        if (text[i] == '\\' && text[i + 1]) i++;
      if (!text[i]) break;
      continue;
    }
    /* a literal: 'c' (printable, or an escape such as '\\'), or RPK_CTRL('c') */
    size_t lit = 0;
    bool ctrl = strncmp(text + i, "RPK_CTRL('", 10) == 0;
    if (ctrl) lit = 13;
    else if (text[i] == '\'' && text[i + 1] >= ' ' && text[i + 1] < 0x7f && text[i + 1] != '\\' &&
             text[i + 2] == '\'')
      lit = 3;
    else if (!named_ok && (i == 0 || !(isalnum((unsigned char)text[i - 1]) || text[i - 1] == '_')))
      lit = named_key_at(text + i);
    if (!lit) continue;
    if (ctrl && strncmp(text + i + 11, "')", 2) != 0) continue;
    size_t b = i;
    while (b > 0 && text[b - 1] == ' ') b--;
    bool hit = false;
    if (b >= 2 && (text[b - 1] == '=') && (text[b - 2] == '=' || text[b - 2] == '!'))
      hit = key_var_before(text, b - 2, vars.s);
    size_t a = i + lit;
    while (text[a] == ' ') a++;
    if (!hit && (text[a] == '=' || text[a] == '!') && text[a + 1] == '=')
      hit = key_var_after(text, a + 2, vars.s);
    if (!hit && b >= 4 && strncmp(text + b - 4, "case", 4) == 0) hit = true;
    if (hit) {
      fprintf(stderr, "%s:%d: a key compared with %.*s outside the keymap: give it an action "
                      "in rapport/actions.def and read it with app_action\n",
              file, line, (int)lit, text + i);
      found++;
    }
    i += lit - 1;
  }
  buf_free(&vars);
  return found;
}

/* No screen file of src/ui reads a key but through the keymap. */
static void test_no_key_outside_keymap(void) {
  static const char *const allowed[] = {
      "widget_line.c", "widget_text.c", "edit_history.c", /* the editors: letters are text */
      "keyseq.c", "input.c",                             /* bytes into keys, below the keymap */
  };
  /* a form's choice field edits its value with Left/Right/Space/Backspace,
   * as the line editor does its text */
  static const char *const named_allowed[] = {"widget_form.c"};
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  char *dir = xasprintf("%s/src/ui", src ? src : ".");
  DIR *d = opendir(dir);
  CHECK(d != NULL);
  int files = 0, found = 0;
  for (struct dirent *e; d && (e = readdir(d));) {
    size_t n = strlen(e->d_name);
    if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0) continue;
    bool skip = false;
    for (size_t i = 0; i < RP_ARRAY_LEN(allowed); i++) skip |= strcmp(e->d_name, allowed[i]) == 0;
    if (skip) continue;
    bool named_ok = false;
    for (size_t i = 0; i < RP_ARRAY_LEN(named_allowed); i++)
      named_ok |= strcmp(e->d_name, named_allowed[i]) == 0;
    char *rel = xasprintf("src/ui/%s", e->d_name);
    char *text = read_source(rel);
    found += keys_outside_keymap(rel, text, named_ok);
    files++;
    free(text);
    free(rel);
  }
  if (d) closedir(d);
  free(dir);
  CHECK(files > 20);
  CHECK_INT(found, 0);

  /* the check finds what it is for */
  CHECK_INT(keys_outside_keymap("t.c", "if (key == 'y' || key == 'Y') yes();", false), 2);
  CHECK_INT(keys_outside_keymap("t.c", "switch (k) {\ncase 'd': break;\n}", false), 1);
  CHECK_INT(keys_outside_keymap("t.c", "static void f(rp_key answer) { if ('n' != answer) g(); }",
                                false),
            1);
  CHECK_INT(keys_outside_keymap("t.c", "if (key == RPK_CTRL('n')) next();", false), 1);
  CHECK_INT(keys_outside_keymap("t.c", "if (k == RPK_ESC || key != RPK_F1) back();", false), 2);
  CHECK_INT(keys_outside_keymap("t.c", "if (k == RPK_ESC) back();", true), 0);
  CHECK_INT(keys_outside_keymap("t.c", "if (key == RPK_RESIZE || key == RPK_NONE) f();", false), 0);
  CHECK_INT(keys_outside_keymap("t.c", "if (s[0] == 'y' && name == \"key == 'y'\") f(); /* key == 'n' */",
                                false),
            0);
}

int main(void) {
  test_no_key_outside_keymap();
  test_config_example();
  test_man_page();
  test_parser_help_footer();
  printf("%d checks, %d failed\n", check_count, check_failures);
  return check_failures ? 1 : 0;
}
