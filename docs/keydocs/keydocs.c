/* keydocs.c — writes the key documentation from the action table: the
 * keys: section of config.example.yaml (its comments: the key names, what
 * each action does, scope by scope; then the default bindings, which are
 * also the compiled-in keymap) and the KEYS section of docs/rapport.1.
 * Names, scopes and the one-line help come from include/rapport/actions.def
 * (src/actions.c); the default keys and the man page's longer words from
 * docs/keydocs/keydocs.def.
 *
 * A build tool, not part of rapport: it links only the action table, so
 * the man page's prose does not ship inside the binary and no verb of the
 * command line has to be documented for it.
 *
 *   keydocs yaml | man              print the section
 *   keydocs update YAML MAN         rewrite the marked regions in place
 *   keydocs check YAML MAN [README] exit 1 when a region differs from
 *                                   what would be written (or the README's
 *                                   key table misses a default key)
 *
 * The regions run from a line starting "# BEGIN KEYS" (".\" BEGIN KEYS" in
 * the man page) to one starting "# END KEYS" (".\" END KEYS"); the marker
 * lines stay. `cmake --build build --target update-keydocs` runs update. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/actions.h"

#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})

struct scope_doc {
  enum rp_scope scope;
  const char *title, *note, *intro, *outro;
};
struct key_doc {
  enum rp_scope scope;
  const char *action;
  const char *const *keys;
  const char *man;
};

#define KEYS_INTRO(man)
#define SCOPE_DOC(scope, title, note, intro, outro) {scope, title, note, intro, outro},
#define KEY(scope, action, keys, man)
static const struct scope_doc scope_docs[] = {
#include "keydocs.def"
};
#undef KEYS_INTRO
#undef SCOPE_DOC
#undef KEY

#define KEYS_INTRO(man)
#define SCOPE_DOC(scope, title, note, intro, outro)
#define KEY(scope, action, keys, man) {scope, action, keys, man},
static const struct key_doc key_docs[] = {
#include "keydocs.def"
};
#undef KEYS_INTRO
#undef SCOPE_DOC
#undef KEY

#define KEYS_INTRO(man) man
#define SCOPE_DOC(scope, title, note, intro, outro)
#define KEY(scope, action, keys, man)
static const char *const keys_intro =
#include "keydocs.def"
    ;
#undef KEYS_INTRO
#undef SCOPE_DOC
#undef KEY

#define N_SCOPE_DOCS (sizeof scope_docs / sizeof scope_docs[0])
#define N_KEY_DOCS (sizeof key_docs / sizeof key_docs[0])

/* A growing string. */
struct out {
  char *s;
  size_t len, cap;
};

static void out_add(struct out *o, const char *s, size_t n) {
  if (o->len + n + 1 > o->cap) {
    o->cap = (o->len + n + 1) * 2;
    o->s = realloc(o->s, o->cap);
    if (!o->s) abort();
  }
  memcpy(o->s + o->len, s, n);
  o->len += n;
  o->s[o->len] = '\0';
}

static void out_puts(struct out *o, const char *s) { out_add(o, s, strlen(s)); }

static void out_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(struct out *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) abort();
  char *buf = malloc((size_t)n + 1);
  if (!buf) abort();
  va_start(ap, fmt);
  vsnprintf(buf, (size_t)n + 1, fmt, ap);
  va_end(ap);
  out_add(o, buf, (size_t)n);
  free(buf);
}

/* `text` as comment lines of at most 79 columns: the first starting with
 * `first`, the others with `rest` (as wide, in bytes: ASCII). */
static void comment_wrapped(struct out *o, const char *first, const char *rest,
                            const char *text) {
  const char *p = text;
  const char *lead = first;
  while (*p) {
    size_t room = 79 - strlen(lead), n = strlen(p);
    if (n > room) { /* break at the last space that fits */
      size_t cut = room;
      while (cut > 0 && p[cut] != ' ') cut--;
      n = cut ? cut : room;
    }
    out_printf(o, "%s%.*s\n", lead, (int)n, p);
    p += n;
    while (*p == ' ') p++;
    lead = rest;
  }
}

/* A default key as the config writes it: a single character other than a
 * letter is quoted ("?", "1", "\\"). */
static void yaml_key(struct out *o, const char *k) {
  bool quote = strlen(k) == 1 && !((k[0] >= 'a' && k[0] <= 'z') || (k[0] >= 'A' && k[0] <= 'Z'));
  if (!quote) {
    out_puts(o, k);
    return;
  }
  out_puts(o, "\"");
  if (k[0] == '\\' || k[0] == '"') out_puts(o, "\\");
  out_puts(o, k);
  out_puts(o, "\"");
}

/* The keys: section of config.example.yaml, its comments first. */
static void gen_yaml(struct out *o) {
  out_puts(o,
           "# Written by docs/keydocs/keydocs.c from include/rapport/actions.def and\n"
           "# docs/keydocs/keydocs.def: edit those, then run\n"
           "#   cmake --build build --target update-keydocs\n"
           "#\n"
           "# keys: scope -> action -> a key name or a list of key names.\n"
           "#\n"
           "# Scopes: ");
  for (int s = 0; s < SCOPE_COUNT; s++)
    out_printf(o, "%s%s", s ? ", " : "", rp_scope_names[s]);
  out_puts(o,
           ".\n"
           "# A key is looked up in the scope of the screen you are on (`form` inside a\n"
           "# form, `editor` inside a multi-line text, `dialog` in a question), then in\n"
           "# `global`. An action may be bound in the scopes listed for it below; global\n"
           "# actions in any scope.\n"
           "#\n"
           "# Binding an action REPLACES that action's default keys in that scope; `[]`\n"
           "# unbinds it; actions you do not mention keep their defaults. One key does\n"
           "# one thing per scope: when you give a key to another action, rebind the\n"
           "# action that had it too. The action `none` makes keys do nothing in a scope\n"
           "# (e.g. `none: [q]` under contacts keeps q from quitting there).\n"
           "#\n"
           "# Key names: a single character (case matters: G is not g; \"\xC3\xA9\" works),\n"
           "# C-x or Ctrl-x (x a letter), Tab, S-Tab, Enter, Esc, Space, Backspace,\n"
           "# Delete, Insert, Up, Down, Left, Right, S-Up, S-Down, S-Left, S-Right, Home,\n"
           "# End, PgUp, PgDn, F1 to F12, M-Enter (Alt-Enter: Esc then Enter). Names\n"
           "# other than single characters are not case-sensitive. Quote characters\n"
           "# YAML treats specially: \"?\", \"\\\\\", \"#\", \"[\", \"{\", \",\", \":\" \xE2\x80\xA6\n"
           "#\n"
           "# What each action does, scope by scope, with its default keys below (the\n"
           "# KEYS section of `man rapport` says more):\n");
  for (size_t i = 0; i < N_SCOPE_DOCS; i++) {
    const struct scope_doc *sd = &scope_docs[i];
    char head[256];
    snprintf(head, sizeof head, "%s (%s)%s%s:", rp_scope_names[sd->scope], sd->title,
             sd->note ? ": " : "", sd->note ? sd->note : "");
    comment_wrapped(o, "# ", "# ", head);
    for (size_t k = 0; k < N_KEY_DOCS; k++) {
      if (key_docs[k].scope != sd->scope) continue;
      enum rp_action a = action_by_name(key_docs[k].action);
      char first[64];
      snprintf(first, sizeof first, "#   %-17s ", key_docs[k].action);
      comment_wrapped(o, first, "#                     ", rp_actions[a].help);
    }
  }
  out_puts(o, "# ---------------------------------------------------------------------------\n"
              "keys:\n");
  for (size_t i = 0; i < N_SCOPE_DOCS; i++) {
    const struct scope_doc *sd = &scope_docs[i];
    out_printf(o, "  %s:\n", rp_scope_names[sd->scope]);
    for (size_t k = 0; k < N_KEY_DOCS; k++) {
      if (key_docs[k].scope != sd->scope) continue;
      out_printf(o, "    %s: [", key_docs[k].action);
      for (const char *const *key = key_docs[k].keys; *key; key++) {
        if (key != key_docs[k].keys) out_puts(o, ", ");
        yaml_key(o, *key);
      }
      out_puts(o, "]\n");
    }
  }
}

/* `s` for roff: "\-" for a hyphen, "\e" for a backslash. */
static void roff(struct out *o, const char *s) {
  for (; *s; s++) {
    if (*s == '-') out_puts(o, "\\-");
    else if (*s == '\\') out_puts(o, "\\e");
    else out_add(o, s, 1);
  }
}

/* The KEYS section of docs/rapport.1, from its .SH line. */
static void gen_man(struct out *o) {
  out_puts(o, ".SH KEYS\n");
  out_puts(o, ".\\\" Written by docs/keydocs/keydocs.c from include/rapport/actions.def and\n"
              ".\\\" docs/keydocs/keydocs.def: edit those, then run\n"
              ".\\\"   cmake --build build --target update-keydocs\n");
  out_puts(o, ".\\\" Each entry's tag is \"KEY, KEY (action)\" and each heading ends in\n"
              ".\\\" \"(scope)\": tests/cli/test_manpage_cli.sh reads them and compares them\n"
              ".\\\" with the keys: section of config.example.yaml.\n");
  out_printf(o, "%s\n", keys_intro);
  for (size_t i = 0; i < N_SCOPE_DOCS; i++) {
    const struct scope_doc *sd = &scope_docs[i];
    out_printf(o, ".SS \"%s (%s)\"\n", sd->title, rp_scope_names[sd->scope]);
    if (sd->intro) out_printf(o, "%s\n", sd->intro);
    for (size_t k = 0; k < N_KEY_DOCS; k++) {
      if (key_docs[k].scope != sd->scope) continue;
      out_puts(o, ".TP\n");
      for (const char *const *key = key_docs[k].keys; *key; key++) {
        out_puts(o, key == key_docs[k].keys ? "\\fB" : ", \\fB");
        roff(o, *key);
        out_puts(o, "\\fR");
      }
      out_puts(o, " (\\fI");
      roff(o, key_docs[k].action);
      out_puts(o, "\\fR)\n");
      if (key_docs[k].man) {
        out_printf(o, "%s\n", key_docs[k].man);
      } else { /* the action's help as a sentence */
        const char *h = rp_actions[action_by_name(key_docs[k].action)].help;
        char c = h[0] >= 'a' && h[0] <= 'z' ? (char)(h[0] - 'a' + 'A') : h[0];
        out_printf(o, "%c%s.\n", c, h + 1);
      }
    }
    if (sd->outro) out_printf(o, "%s\n", sd->outro);
  }
}

/* The table is whole: every entry names a known action in one of its
 * scopes, once per scope, with a key; every action has an entry. False
 * (said on stderr) when not. */
static bool table_check(void) {
  bool ok = true, seen[ACT_COUNT] = {false};
  for (size_t k = 0; k < N_KEY_DOCS; k++) {
    const struct key_doc *kd = &key_docs[k];
    enum rp_action a = action_by_name(kd->action);
    /* a global action may be bound in any scope, as the config allows */
    bool scope_ok = action_in_scope(a, kd->scope) || action_in_scope(a, SCOPE_GLOBAL);
    if (a == ACT_NONE || !scope_ok || !kd->keys[0]) {
      fprintf(stderr, "keydocs.def: '%s' under %s is not an action of that scope (or has no "
                      "key) in include/rapport/actions.def\n",
              kd->action, rp_scope_names[kd->scope]);
      ok = false;
    }
    for (size_t j = 0; j < k; j++)
      if (key_docs[j].scope == kd->scope && strcmp(key_docs[j].action, kd->action) == 0) {
        fprintf(stderr, "keydocs.def: '%s' twice under %s\n", kd->action,
                rp_scope_names[kd->scope]);
        ok = false;
      }
    if (a != ACT_NONE) seen[a] = true;
  }
  for (int a = 1; a < ACT_COUNT; a++)
    if (!seen[a]) {
      fprintf(stderr, "keydocs.def: the action '%s' of include/rapport/actions.def has no "
                      "default keys nor documentation: add a KEY line for it\n",
              rp_actions[a].name);
      ok = false;
    }
  for (int s = 0; s < SCOPE_COUNT; s++) {
    bool doc = false;
    for (size_t i = 0; i < N_SCOPE_DOCS; i++) doc |= scope_docs[i].scope == (enum rp_scope)s;
    if (!doc) {
      fprintf(stderr, "keydocs.def: the scope %s has no SCOPE_DOC\n", rp_scope_names[s]);
      ok = false;
    }
  }
  return ok;
}

/* The whole file at path; NULL (said) when unreadable. Caller frees. */
static char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return NULL;
  }
  struct out o = {0};
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out_add(&o, buf, n);
  fclose(f);
  if (!o.s) out_puts(&o, "");
  return o.s;
}

/* The text with the region after the line starting `begin` and before the
 * line starting `end` replaced by `body`; NULL (said) without markers.
 * Caller frees. */
static char *replace_region(const char *path, const char *text, const char *begin,
                            const char *end, const char *body) {
  const char *b = strstr(text, begin);
  while (b && b != text && b[-1] != '\n') b = strstr(b + 1, begin);
  const char *bl = b ? strchr(b, '\n') : NULL;
  const char *e = bl ? strstr(bl + 1, end) : NULL;
  while (e && e[-1] != '\n') e = strstr(e + 1, end);
  if (!e) {
    fprintf(stderr, "%s: no region between a line starting \"%s\" and one starting \"%s\"\n",
            path, begin, end);
    return NULL;
  }
  struct out o = {0};
  out_add(&o, text, (size_t)(bl + 1 - text));
  out_puts(&o, body);
  out_puts(&o, e);
  return o.s;
}

/* The README's key table holds every default key under its scope: a row
 * whose "where" names the scope (Today, form, …) and whose keys (in
 * backquotes; "`1`–`5`" a range) include the key. False (said) when not. */
static bool readme_check(const char *path) {
  char *text = read_all(path);
  if (!text) return false;
  const char *start = strstr(text, "\n## Keys");
  const char *stop = start ? strstr(start + 1, "\n## ") : NULL;
  bool ok = start != NULL;
  for (size_t k = 0; k < N_KEY_DOCS && start; k++) {
    const struct key_doc *kd = &key_docs[k];
    for (const char *const *key = kd->keys; *key; key++) {
      bool found = false;
      for (const char *row = strstr(start, "\n| "); row && (!stop || row < stop) && !found;
           row = strstr(row + 1, "\n| ")) {
        const char *eol = strchr(row + 1, '\n');
        size_t len = eol ? (size_t)(eol - row - 1) : strlen(row + 1);
        char line[2048];
        if (len >= sizeof line) continue;
        memcpy(line, row + 1, len);
        line[len] = '\0';
        char *c1 = strstr(line + 2, " | "), *c2 = c1 ? strstr(c1 + 3, " | ") : NULL;
        if (!c2) continue;
        *c1 = '\0';
        *c2 = '\0';
        const char *keys = line + 2, *where = c1 + 3;
        /* the scope's words in "where" */
        static const char *const words[SCOPE_COUNT][4] = {
            {"everywhere"}, {"Today"}, {"Contacts"}, {"Worksheet"}, {"Prep"},
            {"Call"},       {"form"},  {"text"},     {"questions"}};
        bool here = false;
        for (int w = 0; w < 4 && words[kd->scope][w]; w++)
          here |= strstr(where, words[kd->scope][w]) != NULL;
        if (!here) continue;
        char want[64];
        snprintf(want, sizeof want, "`%s`", *key);
        if (strstr(keys, want)) found = true;
        /* `a`–`b`: a range of single characters */
        for (const char *r = strstr(keys, "`\xE2\x80\x93`"); r && !found && strlen(*key) == 1;
             r = strstr(r + 1, "`\xE2\x80\x93`"))
          if (r - keys >= 2 && r[-2] == '`' && r[6] == '`' &&
              (*key)[0] >= r[-1] && (*key)[0] <= r[5])
            found = true;
      }
      if (!found) {
        fprintf(stderr, "%s: the key table has no row for %s (%s, %s): add its key to the row "
                        "of that action (where: %s)\n",
                path, *key, kd->action, rp_scope_names[kd->scope], rp_scope_names[kd->scope]);
        ok = false;
      }
    }
  }
  if (!start) fprintf(stderr, "%s: no \"## Keys\" section\n", path);
  free(text);
  return ok;
}

int main(int argc, char **argv) {
  if (!table_check()) return 1;
  struct out yaml = {0}, man = {0};
  gen_yaml(&yaml);
  gen_man(&man);
  if (argc == 2 && strcmp(argv[1], "yaml") == 0) {
    fputs(yaml.s, stdout);
    return 0;
  }
  if (argc == 2 && strcmp(argv[1], "man") == 0) {
    fputs(man.s, stdout);
    return 0;
  }
  bool update = argc == 4 && strcmp(argv[1], "update") == 0;
  bool check = (argc == 4 || argc == 5) && strcmp(argv[1], "check") == 0;
  if (!update && !check) {
    fprintf(stderr, "usage: keydocs yaml|man\n"
                    "       keydocs update config.example.yaml docs/rapport.1\n"
                    "       keydocs check config.example.yaml docs/rapport.1 [README.md]\n");
    return 2;
  }
  int status = 0;
  for (int f = 0; f < 2; f++) {
    const char *path = argv[2 + f];
    const char *begin = f == 0 ? "# BEGIN KEYS" : ".\\\" BEGIN KEYS";
    const char *end = f == 0 ? "# END KEYS" : ".\\\" END KEYS";
    char *text = read_all(path);
    char *want = text ? replace_region(path, text, begin, end, f == 0 ? yaml.s : man.s) : NULL;
    if (!want) {
      status = 1;
    } else if (strcmp(want, text) != 0) {
      if (check) {
        fprintf(stderr, "%s differs from the action table (include/rapport/actions.def, "
                        "docs/keydocs/keydocs.def): run cmake --build build --target update-keydocs\n",
                path);
        status = 1;
      } else {
        FILE *out = fopen(path, "wb");
        if (!out || fputs(want, out) == EOF || fclose(out) != 0) {
          perror(path);
          status = 1;
        } else {
          printf("keydocs: wrote %s\n", path);
        }
      }
    }
    free(want);
    free(text);
  }
  if (check && argc == 5 && !readme_check(argv[4])) status = 1;
  free(yaml.s);
  free(man.s);
  return status;
}
