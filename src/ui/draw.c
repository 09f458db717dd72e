/* draw.c — theme roles to curses attributes, and width-safe text output.
 * Every string drawn goes through utf8_sanitize, so no control character or
 * escape sequence from the journal ever reaches the terminal raw. */
#include <stdlib.h>
#include <string.h>

#include "rapport/utf8.h"
#include "ui_internal.h"

static attr_t role_attr[ROLE_COUNT];

static attr_t attrs_of(unsigned a) {
  attr_t r = A_NORMAL;
  if (a & RP_ATTR_BOLD) r |= A_BOLD;
  if (a & RP_ATTR_DIM) r |= A_DIM;
  if (a & RP_ATTR_UNDERLINE) r |= A_UNDERLINE;
  if (a & RP_ATTR_REVERSE) r |= A_REVERSE;
#ifdef A_ITALIC
  if (a & RP_ATTR_ITALIC) r |= A_ITALIC;
#endif
  if (a & RP_ATTR_BLINK) r |= A_BLINK;
  return r;
}

/* Nearest of the 8 basic colours for a 256-colour index. */
static int to_basic(int c, bool *bright) {
  *bright = false;
  if (c < 0) return c;
  if (c < 8) return c;
  if (c < 16) {
    *bright = true;
    return c - 8;
  }
  int r, g, b;
  if (c >= 232) { /* grey ramp */
    int v = (c - 232) * 10 + 8;
    r = g = b = v;
  } else {
    int i = c - 16;
    static const int lvl[6] = {0, 95, 135, 175, 215, 255};
    r = lvl[i / 36], g = lvl[(i / 6) % 6], b = lvl[i % 6];
  }
  int hi = r > 127 ? 1 : 0, gi = g > 127 ? 1 : 0, bi = b > 127 ? 1 : 0;
  if (r > 200 || g > 200 || b > 200) *bright = true;
  return hi | (gi << 1) | (bi << 2);
}

static int fit_colour(int c, bool *bold) {
  *bold = false;
  if (c < 0 || c < COLORS) return c;
  bool bright;
  int basic = to_basic(c, &bright);
  if (bright && COLORS >= 16) return basic + 8;
  if (bright) *bold = true;
  return basic;
}

void ui_theme_setup(const struct rp_theme *theme) {
  const char *nc = getenv("NO_COLOR");
  bool colour = has_colors() && !(nc && *nc);
  struct rp_theme mono = {0};
  if (colour) {
    start_color();
    use_default_colors();
  } else {
    /* without colours a theme's backgrounds vanish (the selected row
     * with them): use the attributes-only theme instead */
    struct rp_err err;
    if (theme_load(&mono, "mono", &err) == RP_OK) theme = &mono;
  }
  for (int r = 0; r < ROLE_COUNT; r++) {
    const struct rp_style *st = &theme->roles[r];
    attr_t a = attrs_of(st->attrs);
    if (colour && r + 1 < COLOR_PAIRS) {
      bool b1, b2;
      int fg = fit_colour(st->fg, &b1), bg = fit_colour(st->bg, &b2);
      init_pair((short)(r + 1), (short)fg, (short)bg);
      a |= COLOR_PAIR(r + 1);
      if (b1) a |= A_BOLD;
    }
    role_attr[r] = a;
  }
  theme_free(&mono);
}

attr_t ui_role(enum rp_role role) { return role_attr[role]; }

void ui_fill(WINDOW *w, int y, int x, int width, enum rp_role role) {
  if (width <= 0) return;
  wattrset(w, ui_role(role));
  mvwhline(w, y, x, ' ', width);
}

int ui_put_part(WINDOW *w, int y, int x, int width, enum rp_role role, const char *text) {
  if (width <= 0) return 0;
  char *clean = utf8_sanitize(text ? text : "");
  int used = utf8_width(clean);
  char *out = clean;
  if (used > width) {
    out = utf8_pad(clean, width);
    used = width;
  }
  wattrset(w, ui_role(role));
  mvwaddstr(w, y, x, out);
  if (out != clean) free(out);
  free(clean);
  return used;
}

void ui_put(WINDOW *w, int y, int x, int width, enum rp_role role, const char *text) {
  if (width <= 0) return;
  char *out = utf8_pad(text ? text : "", width);
  wattrset(w, ui_role(role));
  mvwaddstr(w, y, x, out);
  free(out);
}
