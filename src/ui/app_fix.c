/* app_fix.c — a model's fix (what to do, on which screen, with which
 * actions: struct rp_fix) phrased for the full screen with the live keys,
 * so a rebound key shows the new key. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "rapport/readiness.h"
#include "ui_internal.h"

/* Appends s with its first letter capitalised when it starts the text. */
static void add_words(struct rp_buf *b, const char *s) {
  size_t at = b->len;
  buf_adds(b, s);
  if (at == 0 && b->len && islower((unsigned char)b->s[0]))
    b->s[0] = (char)toupper((unsigned char)b->s[0]);
}

/* The first key of `act` in `scope`, or the action's name in brackets when
 * no key is bound ("[give]"), into buf. */
static const char *key_or_name(struct ui_app *app, enum rp_scope scope, enum rp_action act,
                               char *buf, size_t size) {
  app_key(app, scope, act, buf, size);
  if (!buf[0]) snprintf(buf, size, "[%s]", rp_actions[act].name);
  return buf;
}

/* See ui_internal.h. */
char *app_fix_text(struct ui_app *app, const struct rp_fix *fix) {
  struct rp_buf b = {0};
  char key[64];
  if (!str_empty(fix->lead)) add_words(&b, fix->lead);
  if (fix->screen != SCREEN_NONE && fix->n) {
    if (b.len) buf_adds(&b, ". ");
    if (app_screen(app) != fix->screen) {
      app_key(app, SCOPE_GLOBAL, screen_action(fix->screen), key, sizeof key);
      if (key[0]) buf_addf(&b, "Press %s (%s), then ", key, rp_screen_names[fix->screen]);
      else buf_addf(&b, "On %s: ", rp_screen_names[fix->screen]);
    }
    for (size_t i = 0; i < fix->n; i++) {
      const struct rp_fix_step *st = &fix->step[i];
      if (i) buf_adds(&b, "; ");
      if (st->action != ACT_NONE)
        buf_addf(&b, "%s: ", key_or_name(app, screen_scope(fix->screen), st->action, key,
                                          sizeof key));
      add_words(&b, st->what);
    }
    if (!str_empty(fix->detail)) buf_addf(&b, ": %s", fix->detail);
  } else if (!str_empty(fix->verb)) {
    buf_addf(&b, "%s(%s)", b.len ? " " : "", fix->verb);
  }
  return buf_steal(&b);
}
