/* contacts_give.c — "Give to NAME": log something you did for a contact
 * before asking them for anything (the give-first ledger). One model call,
 * one transaction; the first give moves an early stage to "giving". */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_form.h"
#include "pane_contacts.h"
#include "rapport/undo.h"

static const struct app_form_ops give_ops;

void contacts_give_open(struct contacts *c) {
  struct rp_contact ct;
  contact_init(&ct);
  struct rp_err err;
  if (contact_get(app_db(c->base.app), c->sel_id, &ct, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  const struct rp_config *cfg = app_config(c->base.app);
  if (!cfg->give_kinds.n) {
    app_message(c->base.app, ROLE_ERROR,
                "No kinds of give in the config: add some under give_kinds");
    contact_free(&ct);
    return;
  }
  char today[16];
  time_t t = (time_t)db_now();
  struct tm tm;
  localtime_r(&t, &tm);
  strftime(today, sizeof today, "%Y-%m-%d", &tm);
  char *title = xasprintf("Give to %s", ct.name);
  form_init(&c->form, title);
  free(title);
  form_add_choice(&c->form, "kind", "Kind", &cfg->give_kinds, cfg->give_kinds.v[0].key, false);
  form_add_text(&c->form, "date", "Date", today)->when = WHEN_DAY;
  form_add_multiline(&c->form, "text", "What I did", "", 3);
  c->form_id = ct.id;
  app_form_open(&c->base, &c->form, &give_ops, c);
  char *key = xasprintf("give:%lld", (long long)ct.id);
  char *label = xasprintf("what you gave %s", ct.name);
  app_typing_form(c->base.app, &c->form, key, label);
  free(key);
  free(label);
  contact_free(&ct);
}


static void save(struct contacts *c) {
  struct rp_db *db = app_db(c->base.app);
  const struct rp_config *cfg = app_config(c->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_contact before;
  contact_init(&before);
  if (contact_get(db, c->form_id, &before, &err) != RP_OK) {
    form_error(&c->form, NULL, err.msg);
    return;
  }
  const char *kind = form_value(&c->form, "kind");
  char date[11];
  if (form_when(&c->form, "date", date, sizeof date, &err) != RP_OK) {
    form_error(&c->form, "date", err.msg);
    contact_free(&before);
    return;
  }
  struct rp_give g = {
      .contact_id = c->form_id,
      .date = xstrdup(date),
      .kind = xstrdup(kind ? kind : ""),
      .text = xstrdup(form_value(&c->form, "text")),
  };
  undo_label(db, "log a give (%s)", g.text ? g.text : "");
  if (give_insert(db, cfg, &g, &err) != RP_OK) {
    form_error(&c->form, err.field[0] ? err.field : NULL, err.msg);
    give_free(&g);
    contact_free(&before);
    return;
  }
  struct rp_contact after;
  contact_init(&after);
  const struct rp_choice *k = choices_find(&cfg->give_kinds, g.kind);
  const char *label = k ? k->label : g.kind;
  if (contact_get(db, c->form_id, &after, &err) == RP_OK && after.stage && before.stage &&
      strcmp(after.stage, before.stage) != 0) {
    const struct rp_choice *st = choices_find(&cfg->stages, after.stage);
    app_message(c->base.app, ROLE_SUCCESS, "Logged for %s: %s \xC2\xB7 stage is now %s",
                before.name, label, st ? st->label : after.stage);
  } else {
    app_message(c->base.app, ROLE_SUCCESS, "Logged for %s: %s", before.name, label);
  }
  contact_free(&after);
  contact_free(&before);
  give_free(&g);
  app_form_close(c->base.app);
  contacts_reload(c, c->sel_id);
}

static void save_cb(void *ctx) { save(ctx); }

static const struct app_form_ops give_ops = {.what = "This give", .save = save_cb};
#include "rapport/when.h"
