/* theme.h — semantic colour roles and their styles. Drawing code names a
 * role, never a colour; themes/NAME.yaml maps roles to colours. */
#ifndef RAPPORT_THEME_H
#define RAPPORT_THEME_H

#include "rapport/util.h"

enum rp_role {
  ROLE_NORMAL,
  ROLE_SELECTED,          /* selected row in the focused pane */
  ROLE_SELECTED_INACTIVE, /* selected row in an unfocused pane */
  ROLE_TITLE,             /* screen titles, tab bar current tab */
  ROLE_TABS,              /* tab bar */
  ROLE_HEADER,            /* column headers, section headings */
  ROLE_STATUS,            /* status bar */
  ROLE_MUTED,             /* secondary text */
  ROLE_BORDER,
  ROLE_ACCENT,
  ROLE_KEY,               /* key names in hints and help */
  ROLE_INPUT,             /* form input fields */
  ROLE_WARM,
  ROLE_COLD,
  ROLE_DUE,
  ROLE_OVERDUE,
  ROLE_WARNING,
  ROLE_ERROR,
  ROLE_SUCCESS,
  ROLE_COUNT
};

#define RP_COLOR_DEFAULT (-1)

enum {
  RP_ATTR_BOLD = 1 << 0,
  RP_ATTR_DIM = 1 << 1,
  RP_ATTR_UNDERLINE = 1 << 2,
  RP_ATTR_REVERSE = 1 << 3,
  RP_ATTR_ITALIC = 1 << 4,
  RP_ATTR_BLINK = 1 << 5,
};

struct rp_style {
  int fg, bg;     /* RP_COLOR_DEFAULT, or 0–255 (0–7 basic, 8–15 bright) */
  unsigned attrs; /* RP_ATTR_* */
};

struct rp_theme {
  char *name;
  struct rp_style roles[ROLE_COUNT];
};

/* Role names as written in theme files: "normal", "selected",
 * "selected_inactive", "title", "tabs", "header", "status", "muted",
 * "border", "accent", "key", "input", "warm", "cold", "due", "overdue",
 * "warning", "error", "success". */
extern const char *const rp_role_names[ROLE_COUNT];

/* Load theme `name_or_path`: a path (contains '/' or ends in .yaml), else a
 * name looked up as $XDG_CONFIG_HOME/rapport/themes/NAME.yaml, then
 * RAPPORT_DATADIR/themes/NAME.yaml, then the compiled-in themes. Roles the
 * file leaves out inherit from "normal". On error: RP_INVALID with
 * "FILE:LINE:COLUMN: …" (or "unknown theme 'x'; available: …"), and theme
 * holds the compiled-in default theme. */
enum rp_status theme_load(struct rp_theme *theme, const char *name_or_path, struct rp_err *err);
enum rp_status theme_parse(struct rp_theme *theme, const char *fname, const char *text,
                           size_t len, struct rp_err *err);
void theme_free(struct rp_theme *theme);
/* Names of available themes (compiled-in plus user dir), comma-separated;
 * caller frees. */
char *theme_available(void);

#endif
