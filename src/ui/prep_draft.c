/* prep_draft.c — the outreach draft on Prep: written from the template,
 * edited in place or in $EDITOR, checked for asks as it is typed, saved
 * with C-s, kept as a recovery copy while it is typed. */
#include <stdlib.h>
#include <string.h>

#include "pane_prep.h"
#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/outreach.h"

static struct prep *self(void *p) { return (struct prep *)p; }

static void save_draft(struct prep *pr, const char *text) {
  struct rp_db *db = app_db(pr->base.app);
  const struct rp_config *cfg = app_config(pr->base.app);
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_contact ct;
  contact_init(&ct);
  if (contact_get(db, pr->id, &ct, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return; /* stay in the editor: nothing typed is lost */
  }
  str_replace(&ct.draft, text);
  if (contact_update(db, cfg, &ct, &err) != RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    contact_free(&ct);
    return;
  }
  struct rp_findings f = {0};
  askcheck_run(cfg, text, &f);
  if (f.n)
    app_message(pr->base.app, ROLE_WARNING, "Saved the draft to %s \xC2\xB7 ask check: %zu finding%s",
                ct.name, f.n, f.n == 1 ? "" : "s");
  else
    app_message(pr->base.app, ROLE_SUCCESS, "Saved the draft to %s \xC2\xB7 ask check: clean",
                ct.name);
  findings_free(&f);
  contact_free(&ct);
  pr->editing = false;
  pr->focus = PF_LIST;
  app_typing_end(pr->base.app); /* saved: no copy to keep */
  prep_refresh(pr);
}

/* The text to edit: the saved draft, or a new one from the template. */
char *prep_draft_start_text(struct prep *pr) {
  if (!str_empty(pr->ct.draft)) return xstrdup(pr->ct.draft);
  char *out = NULL;
  struct rp_err err;
  if (outreach_draft_new(app_db(pr->base.app), app_config(pr->base.app), pr->id, &out, &err) !=
      RP_OK) {
    app_message(pr->base.app, ROLE_ERROR, "%s", err.msg);
    return xstrdup("");
  }
  return out;
}

/* The draft being written, for its recovery copy (recovery_ui.c). */
static char *draft_snapshot(void *ctx) { return xstrdup(text_edit_text(&self(ctx)->te)); }
static void draft_restore(void *ctx, const char *text) { text_edit_set(&self(ctx)->te, text); }

void prep_draft_edit(struct prep *pr) {
  char *text = prep_draft_start_text(pr);
  text_edit_set(&pr->te, text);
  pr->te.cursor = 0;
  pr->te.scroll = 0;
  free(text);
  pr->editing = true;
  pr->focus = PF_DRAFT;
  char *key = xasprintf("outreach:%lld", (long long)pr->id);
  char *label = xasprintf("the outreach draft to %s", pr->ct.name ? pr->ct.name : "them");
  app_typing_begin(pr->base.app, key, label, draft_snapshot, draft_restore, pr);
  free(key);
  free(label);
}

void prep_draft_external(struct prep *pr, const char *now) {
  char *out;
  if (app_external_edit(pr->base.app, now, &out)) {
    save_draft(pr, out);
    free(out);
  }
}

static void stop_editing(void *ctx) {
  self(ctx)->editing = false;
  self(ctx)->focus = PF_LIST;
  app_typing_end(self(ctx)->base.app); /* thrown away on purpose */
}

void prep_draft_key(struct prep *pr, rp_key key) {
  switch (app_action(pr->base.app, SCOPE_EDITOR, key)) {
  case ACT_FORM_SAVE: save_draft(pr, text_edit_text(&pr->te)); return;
  case ACT_EXTERNAL_EDITOR: prep_draft_external(pr, text_edit_text(&pr->te)); return;
  case ACT_FORM_CANCEL:
    if (strcmp(text_edit_text(&pr->te), pr->ct.draft ? pr->ct.draft : "") != 0)
      app_confirm(pr->base.app, "Discard changes?",
                  "The draft has changes that are not saved yet.\n\n"
                  "y discards them \xC2\xB7 any other key goes back to the draft",
                  stop_editing, pr);
    else
      stop_editing(pr);
    return;
  default: break;
  }
  text_edit_key(&pr->te, key);
}

