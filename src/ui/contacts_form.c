/* contacts_form.c — add and edit a contact in a form. Saving is one model
 * call (one transaction); a validation error keeps the form open with the
 * message under the fields and the offending field (or email row) focused.
 * An edit saves only what was changed in the form, onto the contact as
 * stored at the moment of saving (contact_merge): what the CLI, an import
 * or another window changed meanwhile stays, and a field changed on both
 * sides is asked about, never overwritten silently. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_contacts.h"
#include "rapport/utf8.h"
#include "rapport/undo.h"

static struct rp_choice warmth_v[] = {
    {"warm", "warm", NULL},
    {"cold", "cold", NULL},
};
static const struct rp_choices warmth_choices = {warmth_v, 2};

/* What each kind of value can be for (value-type cycles through them; a
 * type another program wrote is offered too). */
static const char *const email_types[] = {"work", "home", "other", NULL};
static const char *const phone_types[] = {"mobile", "work", "home", "fax", "other", NULL};
static const char *const url_types[] = {"work", "home", "linkedin", "other", NULL};

/* The list fields: form key (as rp_err.field names it), label, kind. */
static const struct {
  const char *key, *label;
  enum rp_value_kind kind;
  const char *const *types;
} lists[] = {
    {"email", "Email", VALUE_EMAIL, email_types},
    {"phone", "Phone", VALUE_PHONE, phone_types},
    {"url", "Web", VALUE_URL, url_types},
};

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

/* c's list of kind k. */
static struct rp_contact_values *values_of(struct rp_contact *c, enum rp_value_kind k) {
  return k == VALUE_EMAIL ? &c->emails : k == VALUE_PHONE ? &c->phones : &c->urls;
}
static char **field_of(struct rp_contact *c, enum rp_value_kind k) {
  return k == VALUE_EMAIL ? &c->email : k == VALUE_PHONE ? &c->phone : &c->url;
}

/* See pane_contacts.h. */
void contacts_form_free(struct contacts *c) {
  contact_free(&c->form_orig);
  strv_free(&c->merge_decided);
  strv_free(&c->merge_keep);
  free(c->merge_asking);
  c->merge_asking = NULL;
  c->merge_tries = 0;
}

static const struct app_form_ops contact_ops;

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
  for (size_t l = 0; l < RP_ARRAY_LEN(lists); l++) {
    struct form_field *fld = form_add_list(f, lists[l].key, lists[l].label, lists[l].types);
    const struct rp_contact_values *vs = values_of(&ct, lists[l].kind);
    for (size_t i = 0; i < vs->n; i++)
      form_list_append(fld, vs->v[i].value, vs->v[i].type, vs->v[i].preferred);
  }
  form_add_text(f, "location", "Location", ct.location);
  form_add_multiline(f, "work", "Their work", ct.work, 3);
  form_add_multiline(f, "challenges", "Challenges", ct.challenges, 3);
  form_add_multiline(f, "research", "Research", ct.research, 4);
  form_add_multiline(f, "notes", "Notes", ct.notes, 3);
  app_form_open(&c->base, f, &contact_ops, c);
  c->asked_confirmed = false;
  contacts_form_free(c);
  c->form_orig = ct; /* kept: the save applies only what changed since */
  char *key = edit ? xasprintf("contact:%lld", (long long)ct.id) : xstrdup("contact:new");
  char *label = edit ? xasprintf("the contact form for %s", ct.name ? ct.name : "a contact")
                     : xstrdup("a new contact");
  app_typing_form(c->base.app, f, key, label);
  free(key);
  free(label);
}

static void close_form(struct contacts *c) {
  app_form_close(c->base.app); /* saved or thrown away: no copy to keep */
  contacts_form_free(c);
}

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

/* Keep in touch: empty = the default for the stage, "none", or days. False
 * (with the error on the field) when it is none of those. */
static bool read_cadence(struct form *f, struct rp_contact *ct) {
  const char *cad = form_value(f, "cadence");
  char *end = NULL;
  bool no_cad = str_empty(cad); /* once, so end is visibly set when it is read */
  long days = no_cad ? 0 : strtol(cad, &end, 10);
  if (no_cad) {
    ct->cadence_set = false;
  } else if (strcmp(cad, "none") == 0 || strcmp(cad, "0") == 0) {
    ct->cadence_set = true;
    ct->cadence_days = 0;
  } else if (*end == '\0' && days >= 1 && days <= 3650) {
    ct->cadence_set = true;
    ct->cadence_days = (int)days;
  } else {
    form_error(f, "cadence",
               "Keep in touch: a number of days from 1 to 3650, none, or empty for the default");
    return false;
  }
  return true;
}

/* *mine becomes the contact as the form read it with the fields changed in
 * the form (every field for a new contact). False when a field cannot be
 * read (the form shows why). Caller frees *mine. */
static bool form_contact(struct contacts *c, struct rp_contact *mine) {
  struct form *f = &c->form;
  contact_copy(mine, &c->form_orig);
  bool all = c->form_id == 0;
#define CHANGED(key) (all || form_field_changed(form_field(f, key)))
  static const char *const text_keys[] = {"name",     "org",        "role",     "field",
                                          "location", "work",       "challenges", "research",
                                          "notes",    "how_known",  "stage",    "seniority",
                                          "channel"};
  char **text_dst[] = {&mine->name,     &mine->org,        &mine->role,     &mine->field,
                       &mine->location, &mine->work,       &mine->challenges, &mine->research,
                       &mine->notes,    &mine->how_known,  &mine->stage,    &mine->seniority,
                       &mine->channel};
  for (size_t i = 0; i < RP_ARRAY_LEN(text_keys); i++) {
    if (!CHANGED(text_keys[i])) continue;
    free(*text_dst[i]);
    *text_dst[i] = opt(f, text_keys[i]);
  }
  if (CHANGED("warmth")) {
    char *warmth = opt(f, "warmth");
    mine->warmth_set = warmth != NULL;
    free(mine->warmth);
    mine->warmth = warmth;
  }
  if (CHANGED("introduced_by")) {
    const struct form_field *intro = form_field(f, "introduced_by");
    mine->introduced_by = intro->contact_id;
    str_replace(&mine->introduced_by_name, intro->contact_id ? intro->contact_name : NULL);
  }
  if (CHANGED("cadence") && !read_cadence(f, mine)) return false;
  if (CHANGED("tags")) {
    strv_clear(&mine->tags);
    split_tags(form_value(f, "tags"), &mine->tags);
  }
  for (size_t l = 0; l < RP_ARRAY_LEN(lists); l++) {
    const struct form_field *fld = form_field(f, lists[l].key);
    if (!CHANGED(lists[l].key)) continue;
    struct rp_contact_values *vs = values_of(mine, lists[l].kind);
    contact_values_free(vs);
    for (size_t i = 0; i < fld->nitems; i++)
      contact_values_add(vs, lists[l].kind, form_list_value(fld, i), form_list_type(fld, i),
                         fld->items[i].preferred);
    contact_values_normalize(vs, lists[l].kind);
    /* the field is the primary value (the model's sync keeps them so) */
    str_replace(field_of(mine, lists[l].kind), contact_values_primary_value(vs));
  }
  mine->values_read = true;
#undef CHANGED
  return true;
}

/* Show the model's error: on the row of the email (phone, URL) it is about
 * when it is one, else on its field. */
static void show_error(struct contacts *c, const struct rp_err *err) {
  struct form *f = &c->form;
  const char *field = err->field[0] ? err->field : NULL;
  for (size_t l = 0; field && l < RP_ARRAY_LEN(lists); l++) {
    if (strcmp(field, lists[l].key) != 0) continue;
    const struct form_field *fld = form_field(f, field);
    struct rp_err e;
    for (size_t i = 0; i < fld->nitems; i++)
      if (!str_empty(form_list_value(fld, i)) &&
          contact_value_check(lists[l].kind, form_list_value(fld, i), &e) != RP_OK) {
        form_list_error(f, field, i, err->msg);
        return;
      }
  }
  form_error(f, field, err->msg);
}

static void save(struct contacts *c);

static void save_anyway(void *ctx) {
  struct contacts *c = ctx;
  c->asked_confirmed = true;
  save(c);
}

/* Moving a contact to "asked": are they ready? If not, list what is
 * missing and ask for confirmation (yes saves anyway). Research typed in this
 * form counts even though it is not saved yet. */
static bool ready_to_ask(struct contacts *c, const struct rp_contact *ct) {
  struct rp_readiness r = {0};
  struct rp_err err;
  if (readiness_compute(app_db(c->base.app), app_config(c->base.app), ct->id, &r, &err) !=
      RP_OK) {
    form_error(&c->form, NULL, err.msg);
    return false;
  }
  char yes[32];
  char *how = xasprintf("%s saves the stage \"asked\" anyway \xC2\xB7 any other key goes back "
                        "to the form",
                        app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes));
  char *text = ui_ready_missing(&r, ct->name, !str_empty(ct->research) ? "research" : NULL, how);
  free(how);
  if (text) app_confirm(c->base.app, "Not ready to ask yet", text, save_anyway, c);
  free(text);
  readiness_free(&r);
  return text == NULL;
}

/* A value for one line of a dialog: its first line, at most 60 columns
 * (new string, caller frees). */
static char *one_line(const char *s) {
  if (!s) return xstrdup("(none)");
  size_t n = strcspn(s, "\n");
  char *line = xstrndup(s, n);
  char *shown = utf8_sanitize(line);
  free(line);
  if (utf8_width(shown) > 60 || s[n]) {
    char *cut = s[n] && utf8_width(shown) <= 59 ? xasprintf("%s\xE2\x80\xA6", shown)
                                                : utf8_pad(shown, 60);
    free(shown);
    shown = cut;
  }
  return shown;
}

/* The answer to "changed elsewhere": yes keeps the form's value, theirs
 * theirs, any other key goes back to the form (and the next save asks
 * again). */
static void conflict_answer(void *ctx, enum rp_action answer) {
  struct contacts *c = ctx;
  if (answer == ACT_ANSWER_YES || answer == ACT_ANSWER_THEIRS) {
    strv_push(&c->merge_decided, c->merge_asking);
    if (answer == ACT_ANSWER_YES) strv_push(&c->merge_keep, c->merge_asking);
    save(c);
    return;
  }
  strv_clear(&c->merge_decided);
  strv_clear(&c->merge_keep);
}

/* A sentence wrapped for a dialog (64 columns at most), lines joined by
 * newlines, into b. */
static void add_wrapped(struct rp_buf *b, const char *text) {
  struct rp_strv lines = {0};
  wrap_text(text, COLS - 8 < 64 ? COLS - 8 : 64, &lines);
  for (size_t i = 0; i < lines.n; i++) buf_addf(b, "%s\n", lines.v[i]);
  strv_free(&lines);
}

/* Ask a question over the form: head and how wrapped, middle (may be
 * NULL) as it is between them; the answers and on_answer as app_ask. */
static void ask_over_form(struct contacts *c, const char *title, const char *head,
                          const char *middle, const char *how, const enum rp_action *answers,
                          void (*on_answer)(void *, enum rp_action)) {
  struct rp_buf body = {0};
  add_wrapped(&body, head);
  buf_adds(&body, middle ? middle : "\n");
  add_wrapped(&body, how);
  body.s[--body.len] = '\0'; /* no newline after the last line */
  app_ask(c->base.app, title, buf_str(&body), answers, on_answer, c);
  buf_free(&body);
}

static void ask_conflict(struct contacts *c, const char *name,
                         const struct rp_contact_conflict *cf) {
  str_replace(&c->merge_asking, cf->key);
  char *mine = one_line(cf->mine), *theirs = one_line(cf->theirs);
  char *what = cf->theirs ? xasprintf("was changed elsewhere to %s", theirs)
                          : xstrdup("was removed elsewhere");
  char *head = xasprintf("%s's %s %s since you opened this form.", name, cf->what, what);
  char *middle = xasprintf("\n  yours   %s\n  theirs  %s\n\n", mine, theirs);
  static const enum rp_action answers[] = {ACT_ANSWER_YES, ACT_ANSWER_THEIRS, ACT_NONE};
  char yes[32], their[32];
  char *how = xasprintf("%s keeps yours \xC2\xB7 %s keeps theirs \xC2\xB7 any other key goes "
                        "back to the form",
                        app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes),
                        app_answer_key(c->base.app, ACT_ANSWER_THEIRS, their, sizeof their));
  ask_over_form(c, "Changed elsewhere", head, middle, how, answers, conflict_answer);
  free(how);
  free(middle);
  free(head);
  free(what);
  free(mine);
  free(theirs);
}

/* Saved: say so, close the form and show the contact. */
static void saved(struct contacts *c, const struct rp_contact *ct, const char *how) {
  struct rp_db *db = app_db(c->base.app);
  struct rp_err err;
  app_message(c->base.app, ROLE_SUCCESS, "Saved %s%s", ct->name, how);
  close_form(c);
  if (line_edit_text(&c->filter)[0]) { /* keep the saved contact in view */
    long pos;
    if (contact_position(db, &c->q, ct->id, &pos, &err) != RP_OK) {
      line_edit_set(&c->filter, "");
      c->q.text = NULL;
    }
  }
  contacts_reload(c, ct->id);
}

/* The form's contact as a new one (the one edited was deleted meanwhile). */
static void save_as_new(struct contacts *c) {
  struct rp_contact mine;
  contact_init(&mine);
  struct rp_err err;
  rp_err_clear(&err);
  if (form_contact(c, &mine)) {
    undo_label(app_db(c->base.app), "add contact %s", mine.name ? mine.name : "");
    if (contact_insert(app_db(c->base.app), app_config(c->base.app), &mine, &err) == RP_OK)
      saved(c, &mine, " as a new contact");
    else
      show_error(c, &err);
  }
  contact_free(&mine);
}

/* The answer to "deleted elsewhere": as-new saves the form as a new
 * contact, discard discards it, any other key goes back to the form. */
static void deleted_answer(void *ctx, enum rp_action answer) {
  struct contacts *c = ctx;
  if (answer == ACT_ANSWER_AS_NEW) {
    save_as_new(c);
  } else if (answer == ACT_ANSWER_DISCARD) {
    app_message(c->base.app, ROLE_WARNING, "Discarded your changes to %s", c->form_orig.name);
    close_form(c);
    contacts_reload(c, 0);
  }
}

static void ask_deleted(struct contacts *c) {
  char *head = xasprintf("%s was deleted elsewhere since you opened this form.",
                         c->form_orig.name);
  static const enum rp_action answers[] = {ACT_ANSWER_AS_NEW, ACT_ANSWER_DISCARD, ACT_NONE};
  char as_new[32], discard[32];
  char *how = xasprintf("%s saves yours as a new contact \xC2\xB7 %s discards your changes "
                        "\xC2\xB7 any other key goes back to the form",
                        app_answer_key(c->base.app, ACT_ANSWER_AS_NEW, as_new, sizeof as_new),
                        app_answer_key(c->base.app, ACT_ANSWER_DISCARD, discard, sizeof discard));
  ask_over_form(c, "Deleted elsewhere", head, NULL, how, answers, deleted_answer);
  free(how);
  free(head);
}

/* An edit: the form's changes merged into the contact as stored now, each
 * conflict asked about, then written if nothing changed since the re-read
 * (else merged again). */
static void save_edit(struct contacts *c, struct rp_contact *mine) {
  struct rp_db *db = app_db(c->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_contact fresh, out;
  contact_init(&out);
  enum rp_status st = contact_get(db, c->form_id, &fresh, &err);
  if (st == RP_NO || (st == RP_OK && fresh.deleted_at)) {
    ask_deleted(c);
    contact_free(&fresh);
    return;
  }
  if (st != RP_OK) {
    form_error(&c->form, NULL, err.msg);
    return;
  }
  struct rp_contact_conflicts cs = {0};
  contact_merge(&c->form_orig, mine, &fresh, &c->merge_keep, &out, &cs);
  const struct rp_contact_conflict *open = NULL;
  for (size_t i = 0; i < cs.n && !open; i++)
    if (!strv_contains(&c->merge_decided, cs.v[i].key)) open = &cs.v[i];
  if (open) {
    ask_conflict(c, fresh.name, open);
  } else if (c->asked_confirmed || !out.stage || strcmp(out.stage, "asked") != 0 ||
             (fresh.stage && strcmp(fresh.stage, "asked") == 0) || ready_to_ask(c, &out)) {
    undo_label(db, "edit contact %s", out.name ? out.name : "");
    st = contact_update_if_unchanged(db, app_config(c->base.app), &out, &fresh, &err);
    if (st == RP_OK) saved(c, &out, "");
    else if (st == RP_NO && c->merge_tries++ < 5) save(c); /* changed again: merge again */
    else show_error(c, &err);
  }
  contact_conflicts_free(&cs);
  contact_free(&out);
  contact_free(&fresh);
}

static void save(struct contacts *c) {
  struct rp_contact mine;
  contact_init(&mine);
  struct rp_err err;
  rp_err_clear(&err);
  if (!form_contact(c, &mine)) {
    contact_free(&mine);
    return;
  }
  if (!c->form_id) undo_label(app_db(c->base.app), "add contact %s", mine.name ? mine.name : "");
  if (c->form_id) {
    save_edit(c, &mine);
  } else if (contact_insert(app_db(c->base.app), app_config(c->base.app), &mine, &err) == RP_OK) {
    saved(c, &mine, "");
  } else {
    show_error(c, &err);
  }
  contact_free(&mine);
}

/* Enter (or C-s): a save the user asked for, with nothing answered yet. */
static void save_cb(void *ctx) {
  struct contacts *c = ctx;
  c->merge_tries = 0;
  strv_clear(&c->merge_decided);
  strv_clear(&c->merge_keep);
  save(c);
}

/* Esc (or changes discarded): what the form kept besides its fields. */
static void closed(void *ctx) { contacts_form_free(ctx); }

static const struct app_form_ops contact_ops = {
    .what = "This contact", .save = save_cb, .closed = closed};
