/* ready_dialog.c — "not ready yet": the dialog listing what a contact is
 * missing before you ask them for anything, shared by moving them to the
 * stage "asked" (contacts_form.c) and by starting a call with a key
 * (`c` on Contacts, Today and Prep), so a stray key never starts a call
 * unasked. */
#include <stdlib.h>
#include <string.h>

#include "rapport/contact.h"
#include "rapport/conversation.h"
#include "rapport/readiness.h"
#include "ui_internal.h"

/* See ui_internal.h. */
char *ui_ready_missing(const struct rp_readiness *r, const char *name, const char *skip_key,
                       const char *choice) {
  struct rp_buf body = {0};
  int unmet = 0;
  for (size_t i = 0; i < r->n; i++) {
    const struct rp_ready_item *it = &r->v[i];
    if (!it->available || it->met) continue;
    if (skip_key && strcmp(it->key, skip_key) == 0) continue;
    if (unmet++ < 8)
      buf_addf(&body, "\xE2\x9C\x97 %s\n", it->manual || !it->reason ? it->text : it->reason);
  }
  if (unmet > 8) buf_addf(&body, "\xE2\x80\xA6 and %d more (Prep shows them all)\n", unmet - 8);
  char *text = unmet ? xasprintf("%s is missing %d of the %d readiness items:\n\n%s\n%s", name,
                                 unmet, r->total, buf_str(&body), choice)
                     : NULL;
  buf_free(&body);
  return text;
}

/* The call waiting for a yes (one dialog at a time). */
static struct {
  struct ui_app *app;
  int64_t contact_id;
} pending;

static void call_anyway(void *ctx) {
  (void)ctx;
  ui_app_call(pending.app, pending.contact_id);
}

/* True when contact `id` has a call going on or interrupted: going back
 * to it is no new call, and asks nothing. */
static bool call_going_on(struct rp_db *db, int64_t id) {
  struct rp_err err;
  int64_t cid = 0;
  if (conv_current(db, id, &cid, &err) != RP_OK) return false;
  struct rp_conversation c;
  if (conv_get(db, cid, &c, &err) != RP_OK) return false;
  bool on = strcmp(c.status, "live") == 0 || strcmp(c.status, "interrupted") == 0;
  conv_free(&c);
  return on;
}

/* See ui_internal.h. */
void ui_app_call_asked(struct ui_app *app, int64_t contact_id) {
  struct rp_db *db = app_db(app);
  if (call_going_on(db, contact_id)) {
    ui_app_call(app, contact_id);
    return;
  }
  struct rp_readiness r = {0};
  struct rp_contact ct;
  struct rp_err err;
  if (readiness_compute(db, app_config(app), contact_id, &r, &err) != RP_OK ||
      contact_get(db, contact_id, &ct, &err) != RP_OK) {
    readiness_free(&r);
    app_message(app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  char yes[32];
  char *how = xasprintf("%s starts the call anyway \xC2\xB7 any other key starts nothing",
                        app_answer_key(app, ACT_ANSWER_YES, yes, sizeof yes));
  char *text = r.ready ? NULL : ui_ready_missing(&r, ct.name, NULL, how);
  free(how);
  readiness_free(&r);
  contact_free(&ct);
  if (!text) {
    ui_app_call(app, contact_id);
    return;
  }
  pending.app = app;
  pending.contact_id = contact_id;
  app_confirm(app, "Not ready to call yet", text, call_anyway, NULL);
  free(text);
}
