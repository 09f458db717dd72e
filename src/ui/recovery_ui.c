/* recovery_ui.c — nothing typed is lost: the form or editor open in the
 * full screen is kept in the journal (rapport/recovery.h) a few seconds
 * after it changes, and as rapport stops (quit, SIGHUP, SIGTERM); the next
 * time that form or editor opens, the text is offered back. One watch at a
 * time (one form or editor has the keyboard). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_internal.h"
#include "rapport/conversation.h"
#include "rapport/recovery.h"
#include "widgets.h"

/* Seconds between a change and its copy in the journal. */
#define TYPING_SAVE_AFTER 3

static struct typing {
  bool on;
  char *key, *label;
  typing_snapshot_fn snap;
  typing_restore_fn restore;
  typing_describe_fn describe; /* NULL: the text is shown as it is */
  void *ctx;
  char *saved;       /* the text as last kept (or as it was opened) */
  time_t changed_at; /* when a change not yet kept was seen, 0 = none */
  char *offer;       /* a copy being offered back */
} typing;

static void typing_reset(void) {
  free(typing.key);
  free(typing.label);
  free(typing.saved);
  free(typing.offer);
  memset(&typing, 0, sizeof typing);
}

/* The answer to the offer: restore (r) restores, anything else throws the
 * copy away. */
static void offer_answer(void *ctx, enum rp_action answer) {
  struct ui_app *app = ctx;
  struct rp_err err;
  if (answer == ACT_ANSWER_RESTORE && typing.on && typing.offer) {
    typing.restore(typing.ctx, typing.offer);
    app_message(app, ROLE_SUCCESS, "Restored what you were writing");
    /* the restored text is kept again at the next change */
  } else if (typing.on) {
    recovery_clear(app_db(app), typing.key, &err);
    app_message(app, ROLE_MUTED, "The unsaved text was thrown away");
  }
  free(typing.offer);
  typing.offer = NULL;
}

/* app_typing_begin, with how to show a kept copy to people (NULL: as it
 * is). */
static void typing_begin(struct ui_app *app, const char *key, const char *label,
                         typing_snapshot_fn snap, typing_restore_fn restore,
                         typing_describe_fn describe, void *ctx) {
  typing_reset();
  typing.on = true;
  typing.key = xstrdup(key);
  typing.label = xstrdup(label);
  typing.snap = snap;
  typing.restore = restore;
  typing.describe = describe;
  typing.ctx = ctx;
  typing.saved = snap(ctx);
  struct rp_recovery r;
  struct rp_err err;
  if (recovery_get(app_db(app), key, &r, &err) != RP_OK) return;
  if (strcmp(r.text, typing.saved ? typing.saved : "") == 0) {
    recovery_clear(app_db(app), key, &err); /* nothing more than what is there */
    recovery_free(&r);
    return;
  }
  char when[32] = "";
  datetime_format(r.saved_at, when, sizeof when);
  struct rp_strv lines = {0};
  char *readable = describe ? describe(ctx, r.text) : NULL;
  wrap_text_max(readable ? readable : r.text, 60, 4, &lines);
  free(readable);
  struct rp_buf shown = {0};
  for (size_t i = 0; i < lines.n && i < 3; i++) buf_addf(&shown, "  %s\n", lines.v[i]);
  if (lines.n > 3) buf_adds(&shown, "  \xE2\x80\xA6\n");
  static const enum rp_action answers[] = {ACT_ANSWER_RESTORE, ACT_NONE};
  char restore_key[32];
  char *body = xasprintf("You were writing %s when rapport stopped (kept %s):\n\n%s\n"
                         "%s restores it \xC2\xB7 any other key throws it away",
                         r.label ? r.label : "here", when, buf_str(&shown),
                         app_answer_key(app, ACT_ANSWER_RESTORE, restore_key, sizeof restore_key));
  typing.offer = xstrdup(r.text);
  app_ask(app, "Unsaved text", body, answers, offer_answer, app);
  free(body);
  buf_free(&shown);
  strv_free(&lines);
  recovery_free(&r);
}

/* See ui_internal.h. */
void app_typing_begin(struct ui_app *app, const char *key, const char *label,
                      typing_snapshot_fn snap, typing_restore_fn restore, void *ctx) {
  typing_begin(app, key, label, snap, restore, NULL, ctx);
}

static char *form_snap(void *ctx) { return form_snapshot(ctx); }
static void form_put_back(void *ctx, const char *text) { form_restore(ctx, text); }
static char *form_describe(void *ctx, const char *text) {
  return form_snapshot_describe(ctx, text);
}

/* See widgets.h. */
void app_typing_form(struct ui_app *app, struct form *f, const char *key, const char *label) {
  typing_begin(app, key, label, form_snap, form_put_back, form_describe, f);
}

/* See ui_internal.h. */
void app_typing_end(struct ui_app *app) {
  if (!typing.on) return;
  struct rp_err err;
  recovery_clear(app_db(app), typing.key, &err);
  typing_reset();
}

/* See ui_internal.h. */
void app_typing_end_of(struct ui_app *app, const void *ctx) {
  if (typing.on && typing.ctx == ctx) app_typing_end(app);
}

/* Keep the text now when it differs from what was kept. */
static void keep(struct ui_app *app) {
  char *now = typing.snap(typing.ctx);
  if (now && strcmp(now, typing.saved ? typing.saved : "") != 0) {
    struct rp_err err;
    if (recovery_save(app_db(app), typing.key, typing.label, now, &err) == RP_OK) {
      free(typing.saved);
      typing.saved = now;
      now = NULL;
    }
  }
  free(now);
  typing.changed_at = 0;
}

/* See ui_internal.h. */
void app_typing_tick(struct ui_app *app) {
  if (!typing.on || typing.offer) return;
  time_t t = time(NULL);
  if (!typing.changed_at) {
    char *now = typing.snap(typing.ctx);
    if (now && strcmp(now, typing.saved ? typing.saved : "") != 0) typing.changed_at = t;
    free(now);
    return;
  }
  if (t - typing.changed_at >= TYPING_SAVE_AFTER) keep(app);
}

/* See ui_internal.h. */
bool app_typing_pending(void) { return typing.on && !typing.offer; }

/* See ui_internal.h. */
void app_typing_flush(struct ui_app *app) {
  if (typing.on && !typing.offer) keep(app);
  typing_reset();
}

/* ---- a wrap-up left unfinished ---- */

#define WRAPUP_OWED "wrapup-owed:"

/* See ui_internal.h. */
void app_wrapup_owed(struct ui_app *app, int64_t conv_id, const char *label) {
  char key[48];
  snprintf(key, sizeof key, WRAPUP_OWED "%lld", (long long)conv_id);
  struct rp_err err;
  if (recovery_save(app_db(app), key, label, "", &err) != RP_OK)
    app_message(app, ROLE_ERROR, "%s", err.msg);
}

/* See ui_internal.h. */
void app_wrapup_done(struct ui_app *app, int64_t conv_id) {
  char key[48];
  snprintf(key, sizeof key, WRAPUP_OWED "%lld", (long long)conv_id);
  struct rp_err err;
  recovery_clear(app_db(app), key, &err);
}

static int64_t offered_wrapup; /* the conversation the launch dialog is about */

/* The answer to the unfinished wrap-up: wrap-up (w) opens it, any other
 * key leaves it owed. */
static void wrapup_offer_answer(void *ctx, enum rp_action answer) {
  struct ui_app *app = ctx;
  if (answer == ACT_ANSWER_WRAPUP) {
    ui_app_wrapup(app, offered_wrapup);
    return;
  }
  app_message(app, ROLE_WARNING, "The wrap-up stays owed: it is offered again at the next "
                                 "start (the thank-you is on Today)");
}

/* See ui_internal.h. */
void app_offer_wrapup(struct ui_app *app) {
  char *key = NULL;
  struct rp_recovery r;
  struct rp_err err;
  if (recovery_first(app_db(app), WRAPUP_OWED, &key, &r, &err) != RP_OK) return;
  offered_wrapup = strtoll(key + strlen(WRAPUP_OWED), NULL, 10);
  struct rp_conversation conv;
  conv_init(&conv);
  if (offered_wrapup <= 0 || conv_get(app_db(app), offered_wrapup, &conv, &err) != RP_OK ||
      !conv.ended_at) {
    recovery_clear(app_db(app), key, &err); /* the call is gone, or not over */
  } else {
    char when[32] = "";
    datetime_format(conv.ended_at, when, sizeof when);
    static const enum rp_action answers[] = {ACT_ANSWER_WRAPUP, ACT_NONE};
    char wrapup[32];
    char *body = xasprintf("You had not finished %s (the call ended %s) when rapport "
                           "stopped.\n\n%s opens the wrap-up \xC2\xB7 any other key: later",
                           r.label ? r.label : "a wrap-up", when,
                           app_answer_key(app, ACT_ANSWER_WRAPUP, wrapup, sizeof wrapup));
    app_ask(app, "Unfinished wrap-up", body, answers, wrapup_offer_answer, app);
    free(body);
  }
  conv_free(&conv);
  recovery_free(&r);
  free(key);
}
