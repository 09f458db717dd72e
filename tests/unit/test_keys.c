/* test_keys.c — key names: parsing, naming, round trips. */
#include "check.h"
#include "rapport/keys.h"

static rp_key parsed(const char *name) {
  rp_key k = -1;
  if (!key_parse(name, &k)) return -1;
  return k;
}

static void test_special_names(void) {
  static const struct {
    const char *name;
    rp_key key;
  } names[] = {
      {"Tab", RPK_TAB},         {"S-Tab", RPK_BACKTAB},   {"Enter", RPK_ENTER},
      {"Esc", RPK_ESC},         {"Space", RPK_SPACE},     {"Backspace", RPK_BACKSPACE},
      {"Delete", RPK_DELETE},   {"Insert", RPK_INSERT},   {"Up", RPK_UP},
      {"Down", RPK_DOWN},       {"Left", RPK_LEFT},       {"Right", RPK_RIGHT},
      {"S-Up", RPK_S_UP},       {"S-Down", RPK_S_DOWN},   {"S-Left", RPK_S_LEFT},
      {"S-Right", RPK_S_RIGHT}, {"Home", RPK_HOME},       {"End", RPK_END},
      {"PgUp", RPK_PGUP},       {"PgDn", RPK_PGDN},       {"F1", RPK_F1},
      {"F9", RPK_F9},           {"F10", RPK_F10},         {"F12", RPK_F12},
  };
  char buf[32];
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    CHECK_INT(parsed(names[i].name), names[i].key);
    CHECK_STR(key_to_name(names[i].key, buf, sizeof buf), names[i].name);
  }
  /* case-insensitive names and aliases */
  CHECK_INT(parsed("tab"), RPK_TAB);
  CHECK_INT(parsed("ENTER"), 13);
  CHECK_INT(parsed("BackTab"), RPK_BACKTAB);
  CHECK_INT(parsed("s-tab"), RPK_BACKTAB);
  CHECK_INT(parsed("pgdn"), RPK_PGDN);
  CHECK_INT(parsed("f4"), RPK_F4);
  CHECK_INT(parsed("escape"), 27);
  CHECK_INT(parsed("Space"), 32);
  CHECK_INT(parsed("Backspace"), 127);
}

static void test_ctrl(void) {
  char buf[32];
  CHECK_INT(parsed("C-a"), 1);
  CHECK_INT(parsed("Ctrl-a"), 1);
  CHECK_INT(parsed("C-A"), 1);
  CHECK_INT(parsed("ctrl-A"), 1);
  CHECK_INT(parsed("c-z"), 26);
  CHECK_INT(parsed("C-l"), RPK_CTRL('l'));
  CHECK_STR(key_to_name(RPK_CTRL('a'), buf, sizeof buf), "C-a");
  CHECK_STR(key_to_name(RPK_CTRL('s'), buf, sizeof buf), "C-s");
  /* C-i is Tab, C-m is Enter, C-[ is not a letter */
  CHECK_INT(parsed("C-i"), RPK_TAB);
  CHECK_INT(parsed("C-m"), RPK_ENTER);
  CHECK_STR(key_to_name(RPK_TAB, buf, sizeof buf), "Tab");
  CHECK_STR(key_to_name(RPK_ENTER, buf, sizeof buf), "Enter");
}

static void test_chars(void) {
  char buf[32];
  CHECK_INT(parsed("g"), 'g');
  CHECK_INT(parsed("G"), 'G');
  CHECK(parsed("g") != parsed("G"));
  CHECK_INT(parsed("?"), '?');
  CHECK_INT(parsed("\\"), '\\');
  CHECK_INT(parsed("1"), '1');
  CHECK_INT(parsed("C"), 'C');
  CHECK_INT(parsed("F"), 'F');
  CHECK_INT(parsed(" "), ' ');
  CHECK_INT(parsed("é"), 0xE9);
  CHECK_STR(key_to_name(0xE9, buf, sizeof buf), "é");
  CHECK_INT(parsed("日"), 0x65E5);
  CHECK_STR(key_to_name(0x65E5, buf, sizeof buf), "日");
  CHECK_INT(parsed("\xF0\x9F\x99\x82"), 0x1F642);
  CHECK_STR(key_to_name(' ', buf, sizeof buf), "Space");
}

static void test_rejections(void) {
  rp_key k = 42;
  const char *bad[] = {
      "",      "Ctlr-x", "C-",   "C-1",  "C-ab", "Ctrl-", "F0",   "F13", "F01",  "ab",
      "Tab2",  "S-Foo",  "\x01", "\x7f", "\xff", "\xc3",  "\t",   "\n",  "é1",   "Shift-Tab",
      "C-é",   "M-x",    "\xc2\x85",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    if (key_parse(bad[i], &k)) {
      check_failures++;
      fprintf(stderr, "key_parse accepted bad name #%zu \"%s\"\n", i, bad[i]);
    }
    check_count++;
  }
  CHECK(!key_parse(NULL, &k));
  CHECK_INT(k, 42); /* untouched on failure */
}

/* Every bindable key names itself in a spelling key_parse reads back. */
static void test_round_trip(void) {
  char buf[32];
  int bad = 0;
  for (rp_key k = 1; k < 0x3000; k++) {
    if (k >= 28 && k <= 31) continue;  /* C-\ C-] C-^ C-_: no name, not bindable */
    if (k > 0x7F && k < 0xA0) continue; /* C1 controls: not bindable */
    rp_key back = -1;
    if (!key_parse(key_to_name(k, buf, sizeof buf), &back) || back != k) {
      if (bad++ < 5) fprintf(stderr, "round trip of key %d failed (name \"%s\")\n", (int)k, buf);
    }
  }
  for (rp_key k = RPK_UP; k <= RPK_F12; k++) {
    rp_key back = -1;
    if (!key_parse(key_to_name(k, buf, sizeof buf), &back) || back != k) {
      if (bad++ < 10) fprintf(stderr, "round trip of key %d failed (name \"%s\")\n", (int)k, buf);
    }
  }
  CHECK_INT(bad, 0);
  /* not bindable, but named */
  CHECK(key_to_name(RPK_RESIZE, buf, sizeof buf)[0] != '\0');
  rp_key k2;
  CHECK(!key_parse(key_to_name(RPK_RESIZE, buf, sizeof buf), &k2));
  /* a paste is never a key a keymap could bind */
  CHECK_STR(key_to_name(RPK_PASTE, buf, sizeof buf), "(paste)");
  CHECK(!key_parse(key_to_name(RPK_PASTE_BEGIN, buf, sizeof buf), &k2));
  /* tiny buffers never overflow */
  char tiny[3];
  CHECK_STR(key_to_name(RPK_BACKSPACE, tiny, sizeof tiny), "Ba");
}

static void test_help(void) {
  CHECK(strstr(key_names_help, "a single character, C-x, Tab") == key_names_help);
  CHECK(strstr(key_names_help, "F1-F12") != NULL);
}

int main(void) {
  test_special_names();
  test_ctrl();
  test_chars();
  test_rejections();
  test_round_trip();
  test_help();
  return check_done("test_keys");
}
