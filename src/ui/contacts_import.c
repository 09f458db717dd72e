/* contacts_import.c — I on Contacts: import a CSV export (LinkedIn, Google,
 * Outlook) or a vCard file. Enter first runs a dry run and shows its report
 * over the form (what the file was found to be, what would happen, the
 * rows skipped and the values dropped), then y (or Enter) imports for real
 * and Esc goes back to the form. A structurally broken file is refused in
 * the form with its FILE:LINE (or, with "skip them", listed). Importing
 * the same file twice adds nobody. Also y: copy the selected person's
 * dossier. */
#include <stdlib.h>
#include <string.h>

#include "app_form.h"
#include "pane_contacts.h"
#include "rapport/export.h"
#include "rapport/import.h"
#include "rapport/utf8.h"
#include "widget_dialog.h"
#include "rapport/undo.h"

static struct rp_choice kind_v[] = {
    {"guess", "guess from the name or content", NULL},
    {"csv", "CSV (LinkedIn, Google, Outlook)", NULL},
    {"linkedin", "LinkedIn Connections.csv", NULL},
    {"vcard", "vCard (.vcf)", NULL},
};
static const struct rp_choices kinds = {kind_v, 4};
static struct rp_choice bad_v[] = {
    {"stop", "import nothing, say which line", NULL},
    {"skip", "skip them and list them", NULL},
};
static const struct rp_choices bad_rows = {bad_v, 2};

static const struct app_form_ops import_ops;

void contacts_import_open(struct contacts *c) {
  form_init(&c->form, "Import contacts");
  c->form.label_w = 14;
  form_add_text(&c->form, "file", "File", "");
  form_add_choice(&c->form, "kind", "Format", &kinds, "guess", false);
  form_add_text(&c->form, "encoding", "Encoding", "");
  form_add_choice(&c->form, "bad", "Broken rows", &bad_rows, "stop", false);
  app_form_open(&c->base, &c->form, &import_ops, c);
}

/* Close the report (back to the form). */
static void report_close(struct contacts *c) {
  c->import_report = false;
  strv_free(&c->report);
  free(c->report_title);
  c->report_title = NULL;
  overlay_free(&c->report_box);
}

/* The footer of the report: its keys and, when it scrolls, where it is
 * (`at` rows shown of the report's; 0: the widest it can be). */
static char *report_footer(struct contacts *c, long at) {
  const struct list_view *lv = &c->report_box.lv;
  char yes[32], back[32];
  app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes);
  app_key(c->base.app, SCOPE_FORM, ACT_FORM_CANCEL, back, sizeof back);
  if (lv->count <= lv->height || lv->height < 1)
    return xasprintf("%s imports \xC2\xB7 %s goes back to the form", yes, back);
  char down[16], up[16];
  app_key(c->base.app, SCOPE_GLOBAL, ACT_DOWN, down, sizeof down);
  app_key(c->base.app, SCOPE_GLOBAL, ACT_UP, up, sizeof up);
  return xasprintf("%s imports \xC2\xB7 %s back to the form \xC2\xB7 %s/%s scroll (%ld/%ld)", yes,
                   back, down, up, at ? at : lv->count, lv->count);
}

/* See pane_contacts.h: the report laid out for the terminal's size. */
void contacts_import_layout(struct contacts *c) {
  if (!c->import_report) return;
  /* the footer's room: its widest form, once the rows are known */
  c->report_box.lv.count = (long)c->report.n;
  overlay_layout(&c->report_box, c->report_title, &c->report, "");
  char *footer = report_footer(c, 0);
  overlay_layout(&c->report_box, c->report_title, &c->report, footer);
  free(footer);
}

static void close_form(struct contacts *c) {
  report_close(c);
  app_form_close(c->base.app);
}

/* Esc on the form (the report is closed by then). */
static void closed(void *ctx) { report_close(ctx); }

/* "~/x" → "$HOME/x"; caller frees. */
static char *expand(const char *path) {
  const char *home = getenv("HOME");
  if (path[0] == '~' && (path[1] == '/' || !path[1]) && home) return xasprintf("%s%s", home, path + 1);
  return xstrdup(path);
}

/* Import the form's file (a dry run, or for real) into *sum (zeroed; the
 * caller frees it). False with the error shown in the form. */
static bool run(struct contacts *c, bool dry_run, struct rp_import_summary *sum) {
  struct form *f = &c->form;
  const char *file = form_value(f, "file"), *kind = form_value(f, "kind");
  const char *enc = form_value(f, "encoding"), *bad = form_value(f, "bad");
  if (str_empty(file)) {
    form_error(f, "file", "Which file? A CSV export (LinkedIn, Google, Outlook) or a .vcf file");
    return false;
  }
  char *path = expand(file), *encoding = xstrdup(enc);
  str_trim_null(&encoding);
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_import_opts o = {.kind = kind && strcmp(kind, "guess") != 0 ? kind : NULL,
                             .encoding = encoding,
                             .skip_bad = bad && strcmp(bad, "skip") == 0,
                             .dry_run = dry_run};
  undo_label(app_db(c->base.app), "import %s", path);
  enum rp_status st = import_file(app_db(c->base.app), app_config(c->base.app), path, &o, sum,
                                  &err);
  free(path);
  free(encoding);
  if (st != RP_OK) {
    char *msg = utf8_sanitize(err.msg);
    form_error(f, strstr(err.msg, "encoding") ? "encoding" : NULL, msg);
    free(msg);
    return false;
  }
  return true;
}

/* Append text to the report wrapped at `width` columns, continuation
 * lines indented by `indent` spaces. */
static void report_add(struct contacts *c, const char *text, int width, int indent) {
  struct rp_strv lines = {0};
  char *clean = utf8_sanitize(text);
  wrap_text(clean, width - indent, &lines);
  for (size_t i = 0; i < lines.n; i++) {
    char *l = xasprintf("%*s%s", i ? indent : 0, "", lines.v[i]);
    strv_push(&c->report, l);
    free(l);
  }
  free(clean);
  strv_free(&lines);
}

/* Enter in the form: the dry run, and its report over the form. */
static void dry_run(void *ctx) {
  struct contacts *c = ctx;
  struct rp_import_summary sum = {0};
  if (!run(c, true, &sum)) {
    import_summary_free(&sum);
    return;
  }
  report_close(c);
  int width = COLS - 8 < 72 ? COLS - 8 : 72;
  if (width < 20) width = 20;
  char *file = utf8_sanitize(form_value(&c->form, "file"));
  c->report_title = xasprintf("Import %s?", file);
  free(file);
  char *found = xasprintf("Found: %s", sum.format ? sum.format : "contacts");
  report_add(c, found, width, 2);
  free(found);
  char *line = import_summary_line(&sum);
  char *would = xasprintf("Dry run, nothing written: would have %s", line);
  report_add(c, would, width, 2);
  free(would);
  free(line);
  const struct rp_strv *lists[] = {&sum.skipped_why, &sum.warnings};
  const char *heads[] = {"Broken rows skipped", "Values dropped (the people are kept)"};
  for (size_t l = 0; l < RP_ARRAY_LEN(lists); l++) {
    if (!lists[l]->n) continue;
    strv_push(&c->report, "");
    char *head = xasprintf("#%s: %zu", heads[l], lists[l]->n);
    strv_push(&c->report, head);
    free(head);
    for (size_t i = 0; i < lists[l]->n; i++) report_add(c, lists[l]->v[i], width, 2);
  }
  c->import_report = true;
  c->report_box.lv.top = 0;
  contacts_import_layout(c);
  import_summary_free(&sum);
}

/* y in the report: the import for real, the result in the status bar. */
static void import_now(struct contacts *c) {
  struct rp_import_summary sum = {0};
  report_close(c);
  if (!run(c, false, &sum)) { /* the file changed since the dry run */
    import_summary_free(&sum);
    return;
  }
  char *line = import_summary_line(&sum);
  app_message(c->base.app, sum.skipped || sum.nwarnings ? ROLE_WARNING : ROLE_SUCCESS,
              "Imported: %s", line);
  free(line);
  import_summary_free(&sum);
  close_form(c);
  contacts_reload(c, c->sel_id);
}

/* The report's keys, a question over the import form: yes (y) or the
 * form's save (Enter) imports, the form's cancel (Esc) goes back to the
 * form, the movement keys scroll. */
static void report_key(struct contacts *c, rp_key key) {
  struct ui_app *app = c->base.app;
  if (app_action(app, SCOPE_DIALOG, key) == ACT_ANSWER_YES ||
      app_action(app, SCOPE_FORM, key) == ACT_FORM_SAVE) {
    import_now(c);
    return;
  }
  if (app_action(app, SCOPE_FORM, key) == ACT_FORM_CANCEL) {
    report_close(c);
    return;
  }
  list_view_move(&c->report_box.lv, app_action(c->base.app, SCOPE_GLOBAL, key));
}

/* The report's keys before the form's, while it is shown. */
static bool import_key(void *ctx, rp_key key) {
  struct contacts *c = ctx;
  if (!c->import_report) return false;
  report_key(c, key);
  return true;
}

/* The dry-run report over the form, when it is shown. */
static void import_draw(void *ctx) {
  struct contacts *c = ctx;
  if (!c->import_report) return;
  const struct list_view *lv = &c->report_box.lv;
  long at = lv->top + lv->height < lv->count ? lv->top + lv->height : lv->count;
  char *footer = report_footer(c, at > 0 ? at : 1);
  overlay_paint(&c->report_box, c->report_title, footer);
  free(footer);
}

/* The report's status line while it is shown, with the live keys. */
static const char *import_status(void *ctx) {
  struct contacts *c = ctx;
  if (!c->import_report) return NULL;
  char yes[32], save[32], back[32];
  app_answer_key(c->base.app, ACT_ANSWER_YES, yes, sizeof yes);
  app_key(c->base.app, SCOPE_FORM, ACT_FORM_SAVE, save, sizeof save);
  app_key(c->base.app, SCOPE_FORM, ACT_FORM_CANCEL, back, sizeof back);
  snprintf(c->import_status, sizeof c->import_status, "%s or %s imports  %s back to the form",
           yes, save, back);
  return c->import_status;
}

static const struct app_form_ops import_ops = {.what = "This import",
                                               .save = dry_run,
                                               .closed = closed,
                                               .key = import_key,
                                               .draw = import_draw,
                                               .status = import_status};

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
