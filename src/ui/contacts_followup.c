/* contacts_followup.c — "Follow up with NAME": a follow-up by hand (check
 * in, share an update, a thank-you, report success, or anything else), due
 * on a day you choose. It shows on Today from that day. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_contacts.h"
#include "rapport/followup.h"
#include "rapport/when.h"
#include "rapport/undo.h"

/* rp_followup_kinds as form choices (keys and labels from the model). */
static struct rp_choice kind_v[5];
static struct rp_choices kinds = {kind_v, 5};

static void init_kinds(void) {
  for (size_t i = 0; i < 5; i++) {
    kind_v[i].key = rp_followup_kinds[i];
    kind_v[i].label = rp_followup_kind_labels[i];
  }
}

static const struct app_form_ops followup_ops;

void contacts_followup_open(struct contacts *c) {
  struct rp_contact ct;
  contact_init(&ct);
  struct rp_err err;
  if (contact_get(app_db(c->base.app), c->sel_id, &ct, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  init_kinds();
  char *today = date_local(db_now(), 7); /* a week from now by default */
  char *title = xasprintf("Follow up with %s", ct.name);
  form_init(&c->form, title);
  free(title);
  form_add_choice(&c->form, "kind", "Kind", &kinds, "check-in", false);
  form_add_text(&c->form, "due", "Due", today)->when = WHEN_DAY;
  form_add_text(&c->form, "note", "About", ""); /* one line: Enter saves */
  free(today);
  c->form_id = ct.id;
  app_form_open(&c->base, &c->form, &followup_ops, c);
  char *key = xasprintf("followup:%lld", (long long)ct.id);
  char *label = xasprintf("a follow-up with %s", ct.name);
  app_typing_form(c->base.app, &c->form, key, label);
  free(key);
  free(label);
  contact_free(&ct);
}


static void save(struct contacts *c) {
  struct rp_err err;
  rp_err_clear(&err);
  const char *kind = form_value(&c->form, "kind"), *note = form_value(&c->form, "note");
  char due[11]; /* "fri", "+7", "24 Dec" as a day */
  if (form_when(&c->form, "due", due, sizeof due, &err) != RP_OK) {
    form_error(&c->form, "due", err.msg);
    return;
  }
  struct rp_followup f = {
      .contact_id = c->form_id,
      .kind = xstrdup(kind ? kind : ""),
      .due = str_empty(due) ? NULL : xstrdup(due),
      .note = str_empty(note) ? NULL : xstrdup(note),
  };
  undo_label(app_db(c->base.app), "add follow-up (%s)", f.kind);
  if (followup_add(app_db(c->base.app), &f, &err) != RP_OK) {
    form_error(&c->form, err.field[0] ? err.field : NULL, err.msg);
    followup_free(&f);
    return;
  }
  char today[11];
  char *t = date_local(db_now(), 0);
  str_copy(today, sizeof today, t);
  free(t);
  const struct rp_choice *k = choices_find(&kinds, f.kind);
  app_message(c->base.app, ROLE_SUCCESS, "Follow-up added: %s, due %s%s",
              k ? k->label : f.kind, f.due ? f.due : today,
              f.due && strcmp(f.due, today) <= 0 ? " \xC2\xB7 on Today now" : "");
  followup_free(&f);
  app_form_close(c->base.app);
  contacts_reload(c, c->sel_id);
}

static void save_cb(void *ctx) { save(ctx); }

static const struct app_form_ops followup_ops = {.what = "This follow-up", .save = save_cb};
