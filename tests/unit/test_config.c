/* test_config.c — the config over the compiled-in defaults: defaults, the
 * shipped example, overrides, located errors and warnings. */
#include <sys/stat.h>

#include "check.h"
#include "rapport/config.h"
#include "rapport/keymap.h"
#include "rapport/embedded.h"
#include "rapport/paths.h"
#include "rapport/util.h"

/* $RAPPORT_TEST_DATA/config/NAME; caller frees. */
static char *data_path(const char *name) {
  const char *dir = getenv("RAPPORT_TEST_DATA");
  return xasprintf("%s/config/%s", dir ? dir : "tests/unit/data", name);
}

/* The shipped config.example.yaml, comments and all; caller frees. */
static char *read_example(void) {
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  char *path = xasprintf("%s/config.example.yaml", src ? src : ".");
  char *text = NULL;
  size_t len = 0;
  struct rp_err err;
  if (paths_read_file(path, &text, &len, &err) != RP_OK) {
    fprintf(stderr, "cannot read %s: %s\n", path, err.msg);
    exit(2);
  }
  free(path);
  return text;
}

static void check_defaults_held(const struct rp_config *cfg) {
  CHECK_INT(cfg->stages.n, 11);
  CHECK_INT(cfg->pitch_wpm, 150);
  CHECK_INT(cfg->pitch_seconds, 30);
  CHECK_INT(cfg->undo_steps, 200);
  CHECK_INT(cfg->how_known.n, 7);
  CHECK_STR(cfg->theme, "default");
  CHECK(cfg->source == NULL);
  CHECK_INT(cfg->warnings.n, 0);
  CHECK_INT(keymap_lookup(cfg->keys, SCOPE_GLOBAL, 'q'), ACT_QUIT);
  CHECK_INT(cfg->give_kinds.n, 7);
  CHECK_INT(cfg->max_minutes, 20);
  CHECK_INT(cfg->n_manual_checks, 4);
  CHECK_INT(cfg->ask_max_words, 150);
  CHECK_INT(cfg->n_ask_categories, 4);
  CHECK(cfg->outreach_template != NULL);
}

static void test_defaults(void) {
  struct rp_config cfg = {0};
  config_defaults(&cfg);
  static const char *const stages[][2] = {
      {"identified", "identified"},
      {"researching", "researching"},
      {"giving", "giving"},
      {"intro-requested", "intro requested"},
      {"asked", "asked"},
      {"scheduled", "scheduled"},
      {"met", "met"},
      {"thanked", "thanked"},
      {"keeping-in-touch", "keeping in touch"},
      {"declined", "declined"},
      {"not-now", "not now"},
  };
  CHECK_INT(cfg.stages.n, 11);
  for (size_t i = 0; i < 11 && i < cfg.stages.n; i++) {
    CHECK_STR(cfg.stages.v[i].key, stages[i][0]);
    CHECK_STR(cfg.stages.v[i].label, stages[i][1]);
    CHECK(cfg.stages.v[i].warmth == NULL);
  }
  static const char *const known[][3] = {
      {"family", "family", "warm"},       {"friend", "friend", "warm"},
      {"school", "school", "warm"},       {"former-colleague", "former colleague", "warm"},
      {"community", "community", "warm"}, {"referral", "referral", "warm"},
      {"cold", "cold", "cold"},
  };
  CHECK_INT(cfg.how_known.n, 7);
  for (size_t i = 0; i < 7 && i < cfg.how_known.n; i++) {
    CHECK_STR(cfg.how_known.v[i].key, known[i][0]);
    CHECK_STR(cfg.how_known.v[i].label, known[i][1]);
    CHECK_STR(cfg.how_known.v[i].warmth, known[i][2]);
  }
  CHECK_INT(cfg.seniority.n, 4);
  CHECK_INT(cfg.channels.n, 4);
  CHECK_STR(cfg.channels.v[0].label, "in person");
  CHECK(cfg.db_path == NULL);
  CHECK(cfg.source == NULL);
  CHECK_STR(cfg.theme, "default");
  CHECK_INT(cfg.warnings.n, 0);
  CHECK_INT(cfg.pitch_wpm, 150);
  CHECK_INT(cfg.pitch_seconds, 30);

  const struct rp_keymap *km = cfg.keys;
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, 'q'), ACT_QUIT);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'q'), ACT_QUIT);
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, RPK_F1), ACT_HELP);
  CHECK_INT(keymap_lookup(km, SCOPE_TODAY, '2'), ACT_SCREEN_CONTACTS);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'a'), ACT_ADD);
  CHECK_INT(keymap_lookup(km, SCOPE_TODAY, 'a'), ACT_NONE);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, RPK_ENTER), ACT_EDIT);
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, RPK_ENTER), ACT_FORM_SAVE);
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, RPK_CTRL('s')), ACT_FORM_SAVE);
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, RPK_TAB), ACT_FORM_NEXT);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, RPK_TAB), ACT_FOCUS_NEXT);
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, RPK_DOWN), ACT_FORM_NEXT);
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, 'j'), ACT_DOWN);
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, 'G'), ACT_LAST);
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, RPK_HOME), ACT_FIRST);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'g'), ACT_GIVE); /* give first */
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'p'), ACT_PREP);
  CHECK_INT(keymap_lookup(km, SCOPE_PREP, ' '), ACT_TOGGLE);
  CHECK_INT(keymap_lookup(km, SCOPE_PREP, 'e'), ACT_EDIT);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, '\\'), ACT_FILTER);
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, RPK_CTRL('l')), ACT_REDRAW);
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, 'z'), ACT_NONE);

  char buf[64];
  CHECK_STR(keymap_keys_for(km, SCOPE_GLOBAL, ACT_UP, buf, sizeof buf), "k/Up");
  CHECK_STR(keymap_keys_for(km, SCOPE_CONTACTS, ACT_QUIT, buf, sizeof buf), "q/C-c");
  CHECK_STR(keymap_keys_for(km, SCOPE_CONTACTS, ACT_FILTER, buf, sizeof buf), "\\/F4");
  CHECK_STR(keymap_keys_for(km, SCOPE_FORM, ACT_DOWN, buf, sizeof buf), "j"); /* Down is next-field */
  CHECK_STR(keymap_keys_for(km, SCOPE_FORM, ACT_FORM_SAVE, buf, sizeof buf), "Enter/C-s/M-Enter");
  CHECK_STR(keymap_keys_for(km, SCOPE_GLOBAL, ACT_HELP, buf, sizeof buf), "?/F1");
  CHECK_STR(keymap_keys_for(km, SCOPE_TODAY, ACT_ADD, buf, sizeof buf), "");
  char small[6];
  CHECK_STR(keymap_keys_for(km, SCOPE_GLOBAL, ACT_PAGE_DOWN, small, sizeof small), "PgDn");

  /* every action has a key and is documented in config.example.yaml (the
   * shipped file: the compiled-in copy has no comments, test_config_embed) */
  char *example = read_example();
  for (int a = 1; a < ACT_COUNT; a++) {
    bool bound = false;
    for (int s = 0; s < SCOPE_COUNT; s++)
      if (keymap_keys_for(km, (enum rp_scope)s, (enum rp_action)a, buf, sizeof buf)[0]) bound = true;
    char *doc = xasprintf("#   %s ", rp_actions[a].name);
    if (!bound || !strstr(example, doc))
      fprintf(stderr, "action %s: bound %d, documented %d\n", rp_actions[a].name, bound,
              strstr(example, doc) != NULL);
    CHECK(bound);
    CHECK(strstr(example, doc) != NULL);
    free(doc);
  }
  free(example);

  CHECK(choices_find(&cfg.stages, "met") == &cfg.stages.v[6]);
  CHECK(choices_find(&cfg.stages, "nope") == NULL);
  CHECK(choices_find(&cfg.stages, NULL) == NULL);
  char *list = choices_list(&cfg.seniority);
  CHECK_STR(list, "junior, mid, senior, executive");
  free(list);
  config_free(&cfg);
  CHECK(cfg.stages.n == 0 && cfg.theme == NULL);
}

/* The shipped file is the embedded one, and parses without warnings. */
static void test_example_file(void) {
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  char *path = xasprintf("%s/config.example.yaml", src ? src : ".");
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  CHECK_INT(config_load(&cfg, path, &err), RP_OK);
  CHECK_STR(err.msg, "");
  CHECK_STR(cfg.source, path);
  CHECK_INT(cfg.warnings.n, 0);
  CHECK_INT(cfg.stages.n, 11);
  FILE *f = fopen(path, "rb");
  CHECK(f != NULL);
  if (f) {
    struct rp_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
    fclose(f);
    /* compiled in as it is shipped, less the lines that are comments
     * ('#' in the first column; test_config_embed: the same document) */
    struct rp_buf kept = {0};
    for (const char *p = buf_str(&b); *p;) {
      const char *nl = strchr(p, '\n');
      size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
      if (*p != '#') buf_add(&kept, p, len);
      p += len;
    }
    CHECK(strcmp(buf_str(&kept), rp_embedded_config) == 0);
    buf_free(&kept);
    buf_free(&b);
  }
  config_free(&cfg);
  free(path);
}

static void test_override(void) {
  char *path = data_path("override.yaml");
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  CHECK_INT(config_load(&cfg, path, &err), RP_OK);
  CHECK_STR(err.msg, "");
  CHECK_STR(cfg.source, path);
  CHECK_STR(cfg.db_path, "/tmp/rapport-test/journal.db");
  CHECK_STR(cfg.theme, "light");
  CHECK_INT(cfg.stages.n, 2);
  CHECK_STR(cfg.stages.v[0].key, "todo");
  CHECK_STR(cfg.stages.v[0].label, "to do");
  CHECK_INT(cfg.how_known.n, 7); /* untouched lists keep their defaults */
  CHECK_INT(cfg.channels.n, 4);
  const struct rp_keymap *km = cfg.keys;
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, 'q'), ACT_NONE);   /* quit replaced */
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, 'Q'), ACT_QUIT);
  CHECK_INT(keymap_lookup(km, SCOPE_TODAY, RPK_CTRL('q')), ACT_QUIT);
  CHECK_INT(keymap_lookup(km, SCOPE_GLOBAL, 'j'), ACT_DOWN);   /* others keep defaults */
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'n'), ACT_ADD);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'a'), ACT_ADD);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'd'), ACT_NONE); /* delete: [] */
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'e'), ACT_EDIT);
  CHECK_INT(keymap_lookup(km, SCOPE_CONTACTS, 'q'), ACT_NONE); /* none: [q] */
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, RPK_CTRL('c')), ACT_QUIT);
  CHECK_INT(keymap_lookup(km, SCOPE_FORM, RPK_ESC), ACT_FORM_CANCEL);
  char buf[64];
  CHECK_STR(keymap_keys_for(km, SCOPE_CONTACTS, ACT_DELETE, buf, sizeof buf), "");
  CHECK_STR(keymap_keys_for(km, SCOPE_FORM, ACT_QUIT, buf, sizeof buf), "C-c/Q/C-q");
  CHECK_STR(keymap_keys_for(km, SCOPE_CONTACTS, ACT_QUIT, buf, sizeof buf), "Q/C-q");
  config_free(&cfg);
  free(path);

  /* config_parse layers over what cfg holds; swapping two keys is fine */
  config_defaults(&cfg);
  const char *text = "keys:\n  contacts:\n    add: e\n    edit: [a]\n";
  CHECK_INT(config_parse(&cfg, "swap.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(keymap_lookup(cfg.keys, SCOPE_CONTACTS, 'e'), ACT_ADD);
  CHECK_INT(keymap_lookup(cfg.keys, SCOPE_CONTACTS, 'a'), ACT_EDIT);
  CHECK_INT(keymap_lookup(cfg.keys, SCOPE_CONTACTS, RPK_ENTER), ACT_CHOOSE); /* the global one */
  text = "database: ~/j.db\nseniority:\n  - {key: any}\n";
  CHECK_INT(config_parse(&cfg, "more.yaml", text, strlen(text), &err), RP_OK);
  char *want = xasprintf("%s/j.db", getenv("HOME"));
  CHECK_STR(cfg.db_path, want);
  free(want);
  CHECK_STR(cfg.seniority.v[0].label, "any"); /* label defaults to the key */
  CHECK_INT(keymap_lookup(cfg.keys, SCOPE_CONTACTS, 'e'), ACT_ADD); /* still layered */
  text = "database:\n# nothing else\n";
  CHECK_INT(config_parse(&cfg, "null.yaml", text, strlen(text), &err), RP_OK);
  CHECK(cfg.db_path == NULL);
  CHECK_INT(config_parse(&cfg, "empty.yaml", "", 0, &err), RP_OK);
  text = "# only a comment\n";
  CHECK_INT(config_parse(&cfg, "c.yaml", text, strlen(text), &err), RP_OK);
  /* a failed parse leaves cfg as it was */
  text = "theme: mono\nstages: []\n";
  CHECK_INT(config_parse(&cfg, "bad.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_STR(cfg.theme, "default");
  CHECK_INT(cfg.stages.n, 11);
  config_free(&cfg);
}

/* config_load of a bad file: the exact message, and cfg holds defaults. */
static void check_bad(const char *file, const char *rest) {
  char *path = data_path(file);
  char *want = xasprintf("%s:%s", path, rest);
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  CHECK_INT(config_load(&cfg, path, &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  check_defaults_held(&cfg);
  config_free(&cfg);
  free(want);
  free(path);
}

/* config_parse of inline text named "cfg.yaml": the exact message. */
static void check_bad_text(const char *text, const char *want) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  CHECK_INT(config_parse(&cfg, "cfg.yaml", text, strlen(text), &err), RP_INVALID);
  CHECK_STR(err.msg, want);
  check_defaults_held(&cfg);
  config_free(&cfg);
}

static void test_errors(void) {
  check_bad("syntax.yaml", "4:5: did not find expected ',' or '}'");
  check_bad("theme-type.yaml", "4:10: 'theme' must be a string");
  check_bad("bad-warmth.yaml", "3:32: warmth must be warm or cold, not 'tepid'");
  check_bad("unknown-action.yaml",
            "7:5: unknown action 'frobnicate' in keys.contacts; allowed: add, edit, delete, "
            "filter, sort, give, prep, call, followup, copy, import, conversations, quit, help, screen-today, screen-contacts, screen-worksheet, "
            "screen-prep, screen-call, focus-next, focus-prev, up, down, page-up, page-down, "
            "first, last, redraw, search, screen-prefix, suspend, undo, redo, next-match, prev-match, back, choose, none");
  check_bad("unknown-keyname.yaml",
            "6:15: unknown key name 'Ctlr-x'; allowed: a single character, C-x, Tab, S-Tab, "
            "Enter, Esc, Space, Backspace, Delete, Insert, Up, Down, Left, Right, S-Up, "
            "S-Down, S-Left, S-Right, Home, End, PgUp, PgDn, F1-F12, M-Enter");
  check_bad("unknown-scope.yaml", "3:3: unknown scope 'contact' in keys; allowed: global, "
                                  "today, contacts, worksheet, prep, call, form, editor, dialog");
  check_bad("wrong-scope.yaml",
            "4:5: action 'add' cannot be bound in keys.form; allowed scopes: contacts, worksheet, prep");
  check_bad("empty-stages.yaml",
            "2:9: 'stages' must not be empty; give at least one {key, label} entry");
  check_bad("dup-stage.yaml", "4:10: duplicate key 'met' in stages; each key must be unique");
  check_bad("key-conflict.yaml", "3:12: key 'j' is bound to both 'quit' and 'down' in "
                                 "keys.global; give one of them other keys (or [])");
  check_bad("bad-utf8.yaml", "3:28: invalid leading UTF-8 octet");
  check_bad("no-quit.yaml", "2:3: keys.global.quit has no key left: without it there is no way "
                            "to leave rapport; bind at least one key to it");
  check_bad("no-save.yaml", "3:3: keys.editor.save has no key left: without it there is no way "
                            "to save a form; bind at least one key to it");

  check_bad_text("- a\n- b\n", "cfg.yaml:1:1: the config must be a mapping such as 'theme: "
                               "default'; known keys: database, theme, stages, how_known, "
                               "seniority, channels, give_kinds, worksheet, readiness, "
                               "ask_check, outreach, conversation, question_checks, "
                               "question_bank, followup, cadence, import, undo, sync, keys");
  check_bad_text("theme: ''\n", "cfg.yaml:1:8: 'theme' must not be empty");
  check_bad_text("theme:\n", "cfg.yaml:1:7: 'theme' must be a string");
  check_bad_text("database: journal.db\n", "cfg.yaml:1:11: 'database' must be an absolute "
                                           "path or start with ~/, not 'journal.db'");
  check_bad_text("stages: {a: b}\n",
                 "cfg.yaml:1:9: 'stages' must be a list of {key, label} entries");
  check_bad_text("how_known:\n  - {key: x, label: y}\n",
                 "cfg.yaml:2:5: entry 'x' of 'how_known' has no 'warmth'; allowed: warm, cold");
  check_bad_text("how_known:\n  - {key: x, warmth: [warm]}\n",
                 "cfg.yaml:2:22: warmth must be warm or cold, not a list");
  check_bad_text("channels:\n  - phone\n", "cfg.yaml:2:5: each entry of 'channels' must be a "
                                           "mapping with key and label, e.g. {key: x, label: y}");
  check_bad_text("channels:\n  - {label: Phone}\n",
                 "cfg.yaml:2:5: an entry of 'channels' has no 'key'; each entry needs key and "
                 "label");
  check_bad_text("channels:\n  - {key: in person}\n",
                 "cfg.yaml:2:11: key 'in person' in channels may only contain letters, digits, "
                 "'-' and '_'");
  check_bad_text("stages:\n  - {key: a, label: {x: y}}\n",
                 "cfg.yaml:2:21: 'label' must be a string");
  check_bad_text("keys: [q]\n", "cfg.yaml:1:7: 'keys' must be a mapping of scope: {action: "
                                "keys}; scopes: global, today, contacts, worksheet, prep, "
                                "call, form, editor, dialog");
  check_bad_text("keys:\n  form: [save]\n",
                 "cfg.yaml:2:9: 'keys.form' must be a mapping of action: key or [keys]");
  check_bad_text("keys:\n  form:\n    save:\n",
                 "cfg.yaml:3:10: 'keys.form.save' must be a key name or a list of key names, "
                 "e.g. [a, C-a]");
  check_bad_text("keys:\n  form:\n    save: [[a]]\n",
                 "cfg.yaml:3:12: a key name must be a string, not a list; allowed: a single "
                 "character, C-x, Tab, S-Tab, Enter, Esc, Space, Backspace, Delete, Insert, Up, "
                 "Down, Left, Right, S-Up, S-Down, S-Left, S-Right, Home, End, PgUp, PgDn, F1-F12, M-Enter");
  check_bad_text("keys:\n  global:\n    frob: x\n",
                 "cfg.yaml:3:5: unknown action 'frob' in keys.global; allowed: quit, help, "
                 "screen-today, screen-contacts, screen-worksheet, screen-prep, screen-call, "
                 "focus-next, focus-prev, up, down, page-up, page-down, first, last, redraw, "
                 "search, screen-prefix, suspend, undo, redo, next-match, prev-match, back, choose, none");
  check_bad_text("theme: a\ntheme: b\n",
                 "cfg.yaml:2:1: duplicate key 'theme' (already given at line 1)");
  check_bad_text("a: &x 1\nb: *x\n",
                 "cfg.yaml:2:4: aliases (*name) are not supported; write the value out in full");
  check_bad_text("theme: a\n---\ntheme: b\n",
                 "cfg.yaml:2:1: only one YAML document is allowed (remove this '---')");
  check_bad_text("theme: \"caf\xc3\"\n", "cfg.yaml:1:12: invalid trailing UTF-8 octet");
  check_bad_text("theme: x\n\xff\n", "cfg.yaml:2:1: invalid leading UTF-8 octet");
  check_bad_text("theme: \"a\\0b\"\n", "cfg.yaml:1:8: text must not contain NUL characters");
}

/* undo: how many steps are kept. */
static void test_undo_steps(void) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  CHECK_INT(cfg.undo_steps, 200);
  const char *text = "undo:\n  steps: 5\n";
  CHECK_INT(config_parse(&cfg, "u.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.undo_steps, 5);
  text = "undo: {stepz: 3}\n";
  CHECK_INT(config_parse(&cfg, "u2.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.warnings.n, 1);
  CHECK_INT(cfg.undo_steps, 5);
  config_free(&cfg);
  check_bad_text("undo:\n  steps: 0\n",
                 "cfg.yaml:2:10: steps must be a whole number from 1 to 100000, not '0'");
}

/* worksheet: the pitch's pace and limit, whole numbers in range. */
static void test_worksheet(void) {
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  config_defaults(&cfg);
  const char *text = "worksheet:\n  pitch_words_per_minute: 120\n  pitch_seconds: 45\n";
  CHECK_INT(config_parse(&cfg, "ws.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.pitch_wpm, 120);
  CHECK_INT(cfg.pitch_seconds, 45);
  /* one setting alone keeps the other; later files layer over */
  text = "worksheet: {pitch_seconds: 60}\n";
  CHECK_INT(config_parse(&cfg, "ws2.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.pitch_wpm, 120);
  CHECK_INT(cfg.pitch_seconds, 60);
  /* the edges of the ranges */
  text = "worksheet: {pitch_words_per_minute: 60, pitch_seconds: 600}\n";
  CHECK_INT(config_parse(&cfg, "ws3.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.pitch_wpm, 60);
  CHECK_INT(cfg.pitch_seconds, 600);
  text = "worksheet: {pitch_words_per_minute: 400, pitch_seconds: 10}\n";
  CHECK_INT(config_parse(&cfg, "ws4.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.pitch_wpm, 400);
  CHECK_INT(cfg.pitch_seconds, 10);
  /* "worksheet:" with nothing changes nothing; unknown keys warn */
  text = "worksheet:\n";
  CHECK_INT(config_parse(&cfg, "ws5.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.pitch_wpm, 400);
  text = "worksheet:\n  pitch_wpm: 100\n";
  CHECK_INT(config_parse(&cfg, "ws6.yaml", text, strlen(text), &err), RP_OK);
  CHECK_INT(cfg.warnings.n, 1);
  if (cfg.warnings.n == 1)
    CHECK_STR(cfg.warnings.v[0], "ws6.yaml:2:3: unknown key 'pitch_wpm' (ignored); known keys: "
                                 "pitch_words_per_minute, pitch_seconds");
  CHECK_INT(cfg.pitch_wpm, 400);
  config_free(&cfg);

  check_bad_text("worksheet:\n  pitch_words_per_minute: 59\n",
                 "cfg.yaml:2:27: pitch_words_per_minute must be a whole number from 60 to 400, "
                 "not '59'");
  check_bad_text("worksheet:\n  pitch_words_per_minute: 401\n",
                 "cfg.yaml:2:27: pitch_words_per_minute must be a whole number from 60 to 400, "
                 "not '401'");
  check_bad_text("worksheet:\n  pitch_words_per_minute: fast\n",
                 "cfg.yaml:2:27: pitch_words_per_minute must be a whole number from 60 to 400, "
                 "not 'fast'");
  check_bad_text("worksheet: {pitch_words_per_minute: 150.5}\n",
                 "cfg.yaml:1:37: pitch_words_per_minute must be a whole number from 60 to 400, "
                 "not '150.5'");
  check_bad_text("worksheet: {pitch_seconds: -30}\n",
                 "cfg.yaml:1:28: pitch_seconds must be a whole number from 10 to 600, not '-30'");
  check_bad_text("worksheet: {pitch_seconds: 9}\n",
                 "cfg.yaml:1:28: pitch_seconds must be a whole number from 10 to 600, not '9'");
  check_bad_text("worksheet: {pitch_seconds: 99999999999999999999}\n",
                 "cfg.yaml:1:28: pitch_seconds must be a whole number from 10 to 600, not "
                 "'99999999999999999999'");
  check_bad_text("worksheet: {pitch_seconds: [30]}\n",
                 "cfg.yaml:1:28: pitch_seconds must be a whole number from 10 to 600, not a list");
  check_bad_text("worksheet: {pitch_seconds: }\n",
                 "cfg.yaml:1:28: pitch_seconds must be a whole number from 10 to 600, not empty");
  check_bad_text("worksheet: 150\n", "cfg.yaml:1:12: 'worksheet' must be a mapping such as "
                                      "{pitch_words_per_minute: 150, pitch_seconds: 30}");
}

static void test_warnings(void) {
  char *path = data_path("unknown-key.yaml");
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  CHECK_INT(config_load(&cfg, path, &err), RP_OK);
  CHECK_INT(cfg.warnings.n, 2);
  char *w1 = xasprintf("%s:2:1: unknown key 'colour' (ignored); known keys: database, theme, "
                       "stages, how_known, seniority, channels, give_kinds, worksheet, "
                       "readiness, ask_check, outreach, conversation, question_checks, "
                       "question_bank, followup, cadence, import, undo, sync, keys",
                       path);
  char *w2 = xasprintf("%s:4:30: unknown key 'color' (ignored); known keys: key, label", path);
  if (cfg.warnings.n == 2) {
    CHECK_STR(cfg.warnings.v[0], w1);
    CHECK_STR(cfg.warnings.v[1], w2);
  }
  CHECK_STR(cfg.theme, "light");
  CHECK_INT(cfg.stages.n, 1);
  free(w1);
  free(w2);
  config_free(&cfg);
  free(path);
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static void test_locations(void) {
  const char *tmp = check_tmpdir();
  char *xdg = xasprintf("%s/xdg", tmp);
  setenv("XDG_CONFIG_HOME", xdg, 1);
  char *def = config_default_path();
  char *want = xasprintf("%s/rapport/config.yaml", xdg);
  CHECK_STR(def, want);

  /* missing file at the default location: defaults, fine */
  struct rp_config cfg = {0};
  struct rp_err err = {0};
  CHECK_INT(config_load(&cfg, NULL, &err), RP_OK);
  check_defaults_held(&cfg);
  config_free(&cfg);

  /* present: loaded */
  CHECK_INT(mkdir(xdg, 0700), 0);
  char *dir = xasprintf("%s/rapport", xdg);
  CHECK_INT(mkdir(dir, 0700), 0);
  write_file(def, "theme: mono\n");
  CHECK_INT(config_load(&cfg, NULL, &err), RP_OK);
  CHECK_STR(cfg.theme, "mono");
  CHECK_STR(cfg.source, def);
  config_free(&cfg);

  /* explicit path that does not exist: an error, defaults kept */
  char *missing = xasprintf("%s/nope.yaml", tmp);
  CHECK_INT(config_load(&cfg, missing, &err), RP_INVALID);
  char *msg = xasprintf("%s: no such file", missing);
  CHECK_STR(err.msg, msg);
  check_defaults_held(&cfg);
  config_free(&cfg);

  free(msg);
  free(missing);
  free(dir);
  free(want);
  free(def);
  free(xdg);
  unsetenv("XDG_CONFIG_HOME");
  check_rmtree(tmp);
}

/* Every cut of the shipped file, and some damaged bytes, either parse or
 * fail with a located message: never a crash (run under ASan). */
static void test_robust(void) {
  size_t len = strlen(rp_embedded_config);
  int bad = 0;
  char *copy = xstrdup(rp_embedded_config);
  for (size_t cut = 0; cut <= len; cut += 13) {
    for (int damage = 0; damage < 2; damage++) {
      struct rp_config cfg = {0};
      struct rp_err err = {0};
      config_defaults(&cfg);
      if (damage && cut < len) copy[cut] = (char)(copy[cut] ^ 0xA5);
      enum rp_status st = config_parse(&cfg, "cfg.yaml", copy, damage ? len : cut, &err);
      if (damage && cut < len) copy[cut] = rp_embedded_config[cut];
      if (st != RP_OK && strncmp(err.msg, "cfg.yaml:", 9) != 0) {
        if (bad++ < 3) fprintf(stderr, "cut %zu: unlocated message \"%s\"\n", cut, err.msg);
      }
      config_free(&cfg);
    }
  }
  free(copy);
  CHECK_INT(bad, 0);

  struct rp_buf deep = {0};
  buf_adds(&deep, "theme: ");
  for (int i = 0; i < 100; i++) buf_adds(&deep, "[");
  for (int i = 0; i < 100; i++) buf_adds(&deep, "]");
  check_bad_text(buf_str(&deep), "cfg.yaml:1:72: nesting is too deep (at most 64 levels)");
  buf_free(&deep);
}

int main(void) {
  test_defaults();
  test_robust();
  test_example_file();
  test_override();
  test_errors();
  test_worksheet();
  test_undo_steps();
  test_warnings();
  test_locations();
  return check_done("test_config");
}
