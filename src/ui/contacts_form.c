/* contacts_form.c — add and edit a contact in a form. Saving is one model
 * call (one transaction); a validation error keeps the form open with the
 * message under the fields and the offending field focused. */
#include <stdlib.h>
#include <string.h>

#include "pane_contacts.h"

static const struct rp_choice warmth_v[] = {
    {"warm", "warm", NULL},
    {"cold", "cold", NULL},
};
static const struct rp_choices warmth_choices = {(struct rp_choice *)warmth_v, 2};

static size_t suggest(void *ctx, const char *text, char **names, int64_t *ids, size_t max) {
  struct contacts *c = ctx;
  struct rp_contact_query q = {.text = text, .sort = SORT_NAME};
  struct rp_contact_list l = {0};
  struct rp_err err;
  size_t n = 0;
  if (contact_list(app_db(c->base.app), &q, 0, (long)max + 1, &l, &err) != RP_OK) return 0;
  for (size_t i = 0; i < l.n && n < max; i++) {
    if (l.v[i].id == c->form_id) continue; /* nobody introduces themselves */
    names[n] = l.v[i].org && *l.v[i].org ? xasprintf("%s (%s)", l.v[i].name, l.v[i].org)
                                         : xstrdup(l.v[i].name);
    ids[n++] = l.v[i].id;
  }
  contact_list_free(&l);
  return n;
}

void contacts_form_open(struct contacts *c, bool edit) {
  struct rp_contact ct;
  contact_init(&ct);
  struct rp_err err;
  if (edit && contact_get(app_db(c->base.app), c->sel_id, &ct, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return;
  }
  const struct rp_config *cfg = app_config(c->base.app);
  struct form *f = &c->form;
  form_init(f, edit ? "Edit contact" : "New contact");
  f->suggest = suggest;
  f->suggest_ctx = c;
  c->form_id = edit ? ct.id : 0;
  form_add_text(f, "name", "Name", ct.name);
  form_add_text(f, "org", "Organisation", ct.org);
  form_add_text(f, "role", "Role", ct.role);
  form_add_text(f, "field", "Field", ct.field);
  form_add_choice(f, "how_known", "How I know them", &cfg->how_known, ct.how_known, true);
  struct form_field *wf = form_add_choice(f, "warmth", "Warmth", &warmth_choices,
                                          ct.warmth_set ? ct.warmth : NULL, true);
  wf->none_label = "(from how I know them)";
  form_add_contact(f, "introduced_by", "Introduced by", ct.introduced_by, ct.introduced_by_name);
  form_add_choice(f, "stage", "Stage", &cfg->stages, ct.stage, false);
  form_add_choice(f, "seniority", "Seniority", &cfg->seniority, ct.seniority, true);
  form_add_choice(f, "channel", "Prefers", &cfg->channels, ct.channel, true);
  char cadence[16] = "";
  if (ct.cadence_set && ct.cadence_days == 0) snprintf(cadence, sizeof cadence, "none");
  else if (ct.cadence_set) snprintf(cadence, sizeof cadence, "%d", ct.cadence_days);
  form_add_text(f, "cadence", "Keep in touch", cadence);
  char *tags = strv_join(&ct.tags, ", ");
  form_add_text(f, "tags", "Tags", tags);
  free(tags);
  form_add_text(f, "email", "Email", ct.email);
  form_add_text(f, "phone", "Phone", ct.phone);
  form_add_text(f, "url", "Web", ct.url);
  form_add_text(f, "location", "Location", ct.location);
  form_add_multiline(f, "work", "Their work", ct.work, 3);
  form_add_multiline(f, "challenges", "Challenges", ct.challenges, 3);
  form_add_multiline(f, "research", "Research", ct.research, 4);
  form_add_multiline(f, "notes", "Notes", ct.notes, 3);
  c->form_open = true;
  c->give_open = false;
  c->form_mode = FORM_MODE_CONTACT;
  c->asked_confirmed = false;
  contact_free(&ct);
}

static void close_form(struct contacts *c) {
  form_free(&c->form);
  c->form_open = false;
}

static void discard(void *ctx) { close_form(ctx); }

static char *opt(const struct form *f, const char *key) {
  const char *v = form_value(f, key);
  return v && *v ? xstrdup(v) : NULL;
}

static void split_tags(const char *text, struct rp_strv *out) {
  const char *p = text;
  while (p && *p) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    char *t = xstrndup(p, n);
    strv_push(out, t); /* the model trims and drops empty tags */
    free(t);
    p = comma ? comma + 1 : NULL;
  }
}

static void save(struct contacts *c);

/* True when the stored contact already has stage `stage`. */
static bool moved_from(struct rp_db *db, int64_t id, const char *stage) {
  struct rp_contact ct;
  contact_init(&ct);
  struct rp_err err;
  bool same = contact_get(db, id, &ct, &err) == RP_OK && ct.stage && strcmp(ct.stage, stage) == 0;
  contact_free(&ct);
  return same;
}

static void save_anyway(void *ctx) {
  struct contacts *c = ctx;
  c->asked_confirmed = true;
  save(c);
}

/* Moving a contact to "asked": are they ready? If not, list what is
 * missing and ask for confirmation (y saves anyway). Research typed in this
 * form counts even though it is not saved yet. */
static bool ready_to_ask(struct contacts *c, const struct rp_contact *ct) {
  struct rp_readiness r = {0};
  struct rp_err err;
  if (readiness_compute(app_db(c->base.app), app_config(c->base.app), ct->id, &r, &err) !=
      RP_OK) {
    form_error(&c->form, NULL, err.msg);
    return false;
  }
  struct rp_buf body = {0};
  int unmet = 0;
  for (size_t i = 0; i < r.n; i++) {
    const struct rp_ready_item *it = &r.v[i];
    if (!it->available || it->met) continue;
    if (strcmp(it->key, "research") == 0 && !str_empty(ct->research)) continue;
    if (unmet++ < 8) buf_addf(&body, "\xE2\x9C\x97 %s\n",
                              it->manual || !it->reason ? it->text : it->reason);
  }
  if (unmet > 8) buf_addf(&body, "\xE2\x80\xA6 and %d more (Prep shows them all)\n", unmet - 8);
  if (unmet) {
    char *text = xasprintf("%s is missing %d of the %d readiness items:\n\n%s\n"
                           "y saves the stage \"asked\" anyway \xC2\xB7 any other key goes "
                           "back to the form",
                           ct->name, unmet, r.total, buf_str(&body));
    app_confirm(c->base.app, "Not ready to ask yet", text, save_anyway, c);
    free(text);
  }
  buf_free(&body);
  readiness_free(&r);
  return unmet == 0;
}

static void save(struct contacts *c) {
  struct rp_db *db = app_db(c->base.app);
  struct rp_err err;
  struct rp_contact ct;
  contact_init(&ct);
  rp_err_clear(&err);
  if (c->form_id && contact_get(db, c->form_id, &ct, &err) != RP_OK) {
    form_error(&c->form, NULL, err.msg);
    return;
  }
  struct form *f = &c->form;
  static const char *const text_keys[] = {"name",     "org",  "role",       "field",
                                          "email",    "phone", "url",       "location",
                                          "work",     "challenges", "research", "notes"};
  char **text_dst[] = {&ct.name,     &ct.org,  &ct.role,       &ct.field,
                       &ct.email,    &ct.phone, &ct.url,       &ct.location,
                       &ct.work,     &ct.challenges, &ct.research, &ct.notes};
  for (size_t i = 0; i < RP_ARRAY_LEN(text_keys); i++) {
    free(*text_dst[i]);
    *text_dst[i] = opt(f, text_keys[i]);
  }
  static const char *const choice_keys[] = {"how_known", "stage", "seniority", "channel"};
  char **choice_dst[] = {&ct.how_known, &ct.stage, &ct.seniority, &ct.channel};
  for (size_t i = 0; i < RP_ARRAY_LEN(choice_keys); i++) {
    free(*choice_dst[i]);
    *choice_dst[i] = opt(f, choice_keys[i]);
  }
  char *warmth = opt(f, "warmth");
  ct.warmth_set = warmth != NULL;
  free(ct.warmth);
  ct.warmth = warmth;
  ct.introduced_by = form_field(f, "introduced_by")->contact_id;
  /* keep in touch: empty = the default for the stage, "none", or days */
  const char *cad = form_value(f, "cadence");
  char *end = NULL;
  bool no_cad = str_empty(cad); /* once, so end is visibly set when it is read */
  long days = no_cad ? 0 : strtol(cad, &end, 10);
  if (no_cad) {
    ct.cadence_set = false;
  } else if (strcmp(cad, "none") == 0 || strcmp(cad, "0") == 0) {
    ct.cadence_set = true;
    ct.cadence_days = 0;
  } else if (*end == '\0' && days >= 1 && days <= 3650) {
    ct.cadence_set = true;
    ct.cadence_days = (int)days;
  } else {
    form_error(f, "cadence",
               "Keep in touch: a number of days from 1 to 3650, none, or empty for the default");
    contact_free(&ct);
    return;
  }
  strv_clear(&ct.tags);
  split_tags(form_value(f, "tags"), &ct.tags);
  const struct rp_config *cfg = app_config(c->base.app);
  if (c->form_id && !c->asked_confirmed && ct.stage && strcmp(ct.stage, "asked") == 0 &&
      !moved_from(db, c->form_id, "asked") && !ready_to_ask(c, &ct)) {
    contact_free(&ct);
    return;
  }
  enum rp_status st = c->form_id ? contact_update(db, cfg, &ct, &err)
                                 : contact_insert(db, cfg, &ct, &err);
  if (st != RP_OK) {
    form_error(f, err.field[0] ? err.field : NULL, err.msg);
  } else {
    app_message(c->base.app, ROLE_SUCCESS, "Saved %s", ct.name);
    close_form(c);
    if (line_edit_text(&c->filter)[0]) { /* keep the saved contact in view */
      long pos;
      if (contact_position(db, &c->q, ct.id, &pos, &err) != RP_OK) {
        line_edit_set(&c->filter, "");
        c->q.text = NULL;
      }
    }
    contacts_reload(c, ct.id);
  }
  contact_free(&ct);
}

static void save_cb(void *ctx) { save(ctx); }

void contacts_form_key(struct contacts *c, rp_key key) {
  form_modal_key(&c->form, c->base.app, key, "This contact", save_cb, discard, c);
}
