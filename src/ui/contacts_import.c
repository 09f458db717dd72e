/* contacts_import.c — I on Contacts: import a LinkedIn export or a vCard
 * file. All or nothing (or skip the bad rows and list them); importing the
 * same file twice adds nobody. Also y: copy the selected person's dossier. */
#include <stdlib.h>
#include <string.h>

#include "pane_contacts.h"
#include "rapport/export.h"
#include "rapport/import.h"

static const struct rp_choice kind_v[] = {
    {"guess", "by the file name or content", NULL},
    {"linkedin", "LinkedIn Connections.csv", NULL},
    {"vcard", "vCard (.vcf)", NULL},
};
static const struct rp_choices kinds = {(struct rp_choice *)kind_v, 3};
static const struct rp_choice bad_v[] = {
    {"stop", "import nothing, say which line", NULL},
    {"skip", "skip them and list them", NULL},
};
static const struct rp_choices bad_rows = {(struct rp_choice *)bad_v, 2};

void contacts_import_open(struct contacts *c) {
  form_init(&c->form, "Import contacts");
  c->form.label_w = 14;
  form_add_text(&c->form, "file", "File", "");
  form_add_choice(&c->form, "kind", "Format", &kinds, "guess", false);
  form_add_choice(&c->form, "bad", "Bad rows", &bad_rows, "stop", false);
  c->form_open = true;
  c->give_open = false;
  c->form_mode = FORM_MODE_IMPORT;
}

static void close_form(void *ctx) {
  struct contacts *c = ctx;
  form_free(&c->form);
  c->form_open = false;
  c->form_mode = FORM_MODE_CONTACT;
}

/* "~/x" → "$HOME/x"; caller frees. */
static char *expand(const char *path) {
  const char *home = getenv("HOME");
  if (path[0] == '~' && (path[1] == '/' || !path[1]) && home) return xasprintf("%s%s", home, path + 1);
  return xstrdup(path);
}

static void save(void *ctx) {
  struct contacts *c = ctx;
  const char *file = form_value(&c->form, "file"), *kind = form_value(&c->form, "kind");
  const char *bad = form_value(&c->form, "bad");
  if (str_empty(file)) {
    form_error(&c->form, "file", "Which file? A LinkedIn Connections.csv or a .vcf file");
    return;
  }
  char *path = expand(file);
  struct rp_import_summary sum = {0};
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_import_opts o = {.kind = kind && strcmp(kind, "guess") != 0 ? kind : NULL,
                             .skip_bad = bad && strcmp(bad, "skip") == 0};
  enum rp_status st = import_file(app_db(c->base.app), app_config(c->base.app), path, &o, &sum,
                                  &err);
  free(path);
  if (st != RP_OK) {
    form_error(&c->form, NULL, err.msg);
    import_summary_free(&sum);
    return;
  }
  app_message(c->base.app, sum.skipped ? ROLE_WARNING : ROLE_SUCCESS,
              "Imported: added %d, updated %d, unchanged %d, skipped %d%s", sum.added,
              sum.updated, sum.unchanged, sum.skipped,
              sum.skipped ? " (rapport import … --skip-bad lists them)" : "");
  import_summary_free(&sum);
  close_form(c);
  contacts_reload(c, c->sel_id);
}

void contacts_import_key(struct contacts *c, rp_key key) {
  form_modal_key(&c->form, c->base.app, key, "This import", save, close_form, c);
}

void contacts_copy_dossier(struct contacts *c) {
  if (!c->sel_id) {
    app_message(c->base.app, ROLE_MUTED, "No contact selected");
    return;
  }
  struct rp_buf md = {0};
  struct rp_err err;
  if (dossier_md(app_db(c->base.app), app_config(c->base.app), c->sel_id, &md, &err) != RP_OK)
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
  else
    app_copy(c->base.app, "dossier", buf_str(&md));
  buf_free(&md);
}
