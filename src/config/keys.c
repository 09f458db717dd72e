/* keys.c — key names as written in the config, both ways (see rapport/keys.h). */
#include "rapport/keys.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rapport/utf8.h"
#include "rapport/util.h"

const char *const key_names_help =
    "a single character, C-x, Tab, S-Tab, Enter, Esc, Space, Backspace, Delete, Insert, "
    "Up, Down, Left, Right, S-Up, S-Down, S-Left, S-Right, Home, End, PgUp, PgDn, F1-F12, M-Enter";

struct key_named {
  const char *name; /* the spelling key_name writes first, aliases after */
  rp_key key;
};

static const struct key_named key_table[] = {
    {"Tab", RPK_TAB},
    {"S-Tab", RPK_BACKTAB},
    {"BackTab", RPK_BACKTAB},
    {"Enter", RPK_ENTER},
    {"Return", RPK_ENTER},
    {"Esc", RPK_ESC},
    {"Escape", RPK_ESC},
    {"Space", RPK_SPACE},
    {"Backspace", RPK_BACKSPACE},
    {"Delete", RPK_DELETE},
    {"Del", RPK_DELETE},
    {"Insert", RPK_INSERT},
    {"Ins", RPK_INSERT},
    {"Up", RPK_UP},
    {"Down", RPK_DOWN},
    {"Left", RPK_LEFT},
    {"Right", RPK_RIGHT},
    {"S-Up", RPK_S_UP},
    {"S-Down", RPK_S_DOWN},
    {"S-Left", RPK_S_LEFT},
    {"S-Right", RPK_S_RIGHT},
    {"Home", RPK_HOME},
    {"End", RPK_END},
    {"PgUp", RPK_PGUP},
    {"PageUp", RPK_PGUP},
    {"PgDn", RPK_PGDN},
    {"PageDown", RPK_PGDN},
    {"M-Enter", RPK_M_ENTER},
    {"Alt-Enter", RPK_M_ENTER},
    {"C-_", RPK_CTRL('_')}, /* what C-/ sends too: undo in the editors */
};

/* A character that may be bound on its own: printable, not a control code. */
static bool key_is_printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp <= 0x10FFFF;
}

/* "C-x" / "Ctrl-x" with x a letter (either case) → Ctrl code 1…26. */
static bool parse_ctrl(const char *name, rp_key *out) {
  const char *rest;
  if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-')
    rest = name + 2;
  else if (strncasecmp(name, "Ctrl-", 5) == 0)
    rest = name + 5;
  else
    return false;
  char c = rest[0];
  if (!c || rest[1]) return false;
  if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
  if (c < 'a' || c > 'z') return false;
  *out = RPK_CTRL(c);
  return true;
}

/* "F1"…"F12", either case. */
static bool parse_fkey(const char *name, rp_key *out) {
  if (name[0] != 'F' && name[0] != 'f') return false;
  const char *d = name + 1;
  if (d[0] < '1' || d[0] > '9') return false;
  int v = d[0] - '0';
  if (d[1]) {
    if (d[1] < '0' || d[1] > '9' || d[2]) return false;
    v = v * 10 + (d[1] - '0');
  }
  if (v < 1 || v > 12) return false;
  *out = RPK_F1 + (v - 1);
  return true;
}

/* See keys.h. *out is written only on success; nothing is allocated. */
bool key_parse(const char *name, rp_key *out) {
  if (!name || !*name) return false;
  size_t len = strlen(name);
  uint32_t cp;
  if (utf8_decode(name, len, &cp) == len) { /* exactly one character */
    if (cp == 0xFFFD && !(len == 3 && memcmp(name, "\xEF\xBF\xBD", 3) == 0)) return false;
    if (!key_is_printable(cp)) return false;
    *out = (rp_key)cp;
    return true;
  }
  for (size_t i = 0; i < RP_ARRAY_LEN(key_table); i++) {
    if (str_ieq(name, key_table[i].name)) {
      *out = key_table[i].key;
      return true;
    }
  }
  return parse_ctrl(name, out) || parse_fkey(name, out);
}

const char *key_to_name(rp_key k, char *buf, size_t size) {
  if (!size) return buf;
  for (size_t i = 0; i < RP_ARRAY_LEN(key_table); i++) {
    if (key_table[i].key == k) {
      str_copy(buf, size, key_table[i].name);
      return buf;
    }
  }
  if (k >= 1 && k <= 26) {
    snprintf(buf, size, "C-%c", 'a' + (int)k - 1);
  } else if (k >= RPK_F1 && k <= RPK_F12) {
    snprintf(buf, size, "F%d", (int)(k - RPK_F1) + 1);
  } else if (k >= 0 && k < RPK_SPECIAL && key_is_printable((uint32_t)k)) {
    char enc[5];
    size_t n = utf8_encode((uint32_t)k, enc);
    enc[n] = '\0';
    str_copy(buf, size, enc);
  } else if (k == RPK_RESIZE) {
    str_copy(buf, size, "(resize)");
  } else if (k == RPK_MOUSE) {
    str_copy(buf, size, "(mouse)");
  } else if (k == RPK_PASTE_BEGIN || k == RPK_PASTE_END || k == RPK_PASTE) {
    str_copy(buf, size, "(paste)");
  } else {
    snprintf(buf, size, "(key %ld)", (long)k);
  }
  return buf;
}

bool key_is_text(rp_key k) {
  return k >= 0x20 && k != 0x7f && !(k >= 0x80 && k < 0xa0) && k < RPK_SPECIAL;
}
