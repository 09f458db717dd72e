/* call_end.c — the end of a call on the Call screen: the planned length
 * reached (said once in the status line), and C-x: the call is ended
 * (held), then a call that lasted under two minutes with nothing noted,
 * most likely started by a stray key, is offered for discarding
 * (conv_discard: nothing kept, the stage as before); any other call goes
 * on to the wrap-up (call_wrapup.c). */
#include <stdlib.h>

#include "pane_call.h"

/* A call this short with no notes was most likely started by mistake:
 * ending it offers to discard it (seconds). */
#define STRAY_SECONDS 120

/* See pane_call.h. */
void call_wrap_notice(struct call *c) {
  int planned = c->conv.minutes > 0 ? c->conv.minutes * 60 : 0;
  if (!planned || c->wrap_said == c->conv_id || !c->conv.started_at || c->conv.ended_at ||
      db_now() - c->conv.started_at < planned)
    return;
  c->wrap_said = c->conv_id;
  app_message(c->base.app, ROLE_WARNING,
              "%d min: time to wrap up \xE2\x80\x94 who else should I talk to?", c->conv.minutes);
}

/* The answer to "Discard this call?": yes discards it (nothing kept, the
 * stage as before) and shows the contact; any other key keeps it and
 * goes on to the wrap-up. */
static void discard_answer(void *ctx, enum rp_action answer) {
  struct call *c = ctx;
  struct ui_app *app = c->base.app;
  if (answer != ACT_ANSWER_YES) {
    call_wrapup_open(c);
    return;
  }
  struct rp_err err;
  bool replanned = false;
  int64_t who = c->ct.id;
  char *name = xstrdup(c->ct.name ? c->ct.name : "");
  if (conv_discard(app_db(app), c->conv_id, false, &replanned, &err) != RP_OK) {
    app_message(app, ROLE_ERROR, "%s", err.msg);
    call_wrapup_open(c);
  } else {
    c->mode = CALL_NONE;
    c->conv_id = 0;
    call_load(c);
    app_show_contact(app, who);
    app_message(app, ROLE_SUCCESS, "Call with %s discarded: %s", name,
                replanned ? "the conversation is planned again, as prepared" : "nothing kept");
  }
  free(name);
}

/* See pane_call.h. */
void call_end(struct call *c) {
  struct rp_err err;
  if (conv_end(app_db(c->base.app), app_config(c->base.app), c->conv_id, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  call_load(c);
  int64_t len = conv_seconds(&c->conv);
  if (c->notes.n == 0 && len < STRAY_SECONDS) {
    c->mode = CALL_WRAPUP; /* the clock has stopped; the wrap-up or nothing follows */
    static const enum rp_action answers[] = {ACT_ANSWER_YES, ACT_NONE};
    char yes[32];
    char *body = xasprintf("The call with %s lasted %d:%02d and has no notes.\n\n"
                           "%s discards it: no conversation kept, no thank-you owed, %s's stage "
                           "as before \xC2\xB7 any other key keeps it and goes on to the "
                           "wrap-up",
                           c->ct.name, (int)(len / 60), (int)(len % 60),
                           app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes),
                           c->ct.name);
    app_ask(c->base.app, "Discard this call?", body, answers, discard_answer, c);
    free(body);
    return;
  }
  call_wrapup_open(c);
}
