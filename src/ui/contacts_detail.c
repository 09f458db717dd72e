/* contacts_detail.c — the detail pane of the Contacts screen: every field of
 * the selected contact, labelled, wrapped, scrollable. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pane_contacts.h"
#include "rapport/cadence.h"
#include "rapport/utf8.h"

struct detail_line {
  char *label; /* NULL for continuation lines; owned */
  char *text;
  enum rp_role role;
  bool is_label; /* a label on a line of its own (narrow pane) */
  char *suffix;  /* NULL, or muted text right after text (an email's kind); owned */
};

struct detail {
  struct detail_line *v;
  size_t n, cap;
  int width;        /* value column width */
  int pane_w;       /* the pane's width it was wrapped for */
  bool labels_above; /* narrow pane: a label is a line of its own */
};

static void add_line(struct detail *d, const char *label, const char *text, enum rp_role role) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 32;
    d->v = xrealloc(d->v, d->cap * sizeof *d->v);
  }
  d->v[d->n++] =
      (struct detail_line){label ? xstrdup(label) : NULL, xstrdup(text), role, false, NULL};
}

/* A labelled value, wrapped; nothing when empty. */
static void add_field(struct detail *d, const char *label, const char *value, enum rp_role role) {
  if (str_empty(value)) return;
  if (d->labels_above && label && *label) {
    add_line(d, NULL, label, ROLE_MUTED);
    d->v[d->n - 1].is_label = true;
    label = NULL;
  }
  struct rp_strv lines = {0};
  wrap_text(value, d->width, &lines);
  for (size_t i = 0; i < lines.n; i++) add_line(d, i == 0 ? label : NULL, lines.v[i], role);
  strv_free(&lines);
}

/* Every value of a list under one label, one a line: "ana@work.org ·
 * work ★" (★: the preferred one, when there are several). A value that
 * fits but not with its kind keeps its line whole and the kind goes on the
 * next one; a value wider than the pane is cut with an ellipsis, keeping
 * its kind beside it when that leaves it at least 12 columns. */
static void add_values(struct detail *d, const char *label, const struct rp_contact_values *vs) {
  if (!vs->n) return;
  if (d->labels_above) {
    add_line(d, NULL, label, ROLE_MUTED);
    d->v[d->n - 1].is_label = true;
    label = NULL;
  }
  long primary = contact_values_primary(vs);
  for (size_t i = 0; i < vs->n; i++) {
    const struct rp_contact_value *v = &vs->v[i];
    bool star = vs->n > 1 && (long)i == primary;
    char *kind = xasprintf("%s%s%s", v->type ? v->type : "", v->type && star ? " " : "",
                           star ? "\xE2\x98\x85" : ""); /* ★ */
    char *suffix = *kind ? xasprintf(" \xC2\xB7 %s", kind) : xstrdup("");
    char *shown = utf8_sanitize(v->value);
    int vw = utf8_width(shown), sw = utf8_width(suffix);
    char *text = NULL;
    bool own_line = false; /* the kind on a line of its own */
    if (vw + sw <= d->width) {
      text = xstrdup(shown);
    } else if (vw > d->width && d->width - sw >= 12) {
      text = utf8_pad(shown, d->width - sw);
    } else {
      text = vw <= d->width ? xstrdup(shown) : utf8_pad(shown, d->width);
      own_line = *kind != '\0';
    }
    add_line(d, i == 0 ? label : NULL, text, ROLE_NORMAL);
    if (own_line) add_line(d, NULL, "", ROLE_NORMAL);
    if (*kind) d->v[d->n - 1].suffix = own_line ? xasprintf("  %s", kind) : xstrdup(suffix);
    free(text);
    free(shown);
    free(suffix);
    free(kind);
  }
}

static void add_heading(struct detail *d, const char *text) {
  add_line(d, NULL, "", ROLE_NORMAL);
  add_line(d, "", text, ROLE_HEADER);
}

static const char *label_of(const struct rp_choices *ch, const char *key) {
  const struct rp_choice *c = choices_find(ch, key);
  return c ? c->label : key;
}

static void fmt_time(int64_t t, char *buf, size_t size) {
  time_t tt = (time_t)t;
  struct tm tm;
  localtime_r(&tt, &tm);
  strftime(buf, size, "%Y-%m-%d %H:%M", &tm);
}

/* Who introduced them, back to someone I know personally; whom they
 * introduced. */
static void build_intros(struct contacts *c, struct detail *d) {
  const struct rp_contact *ct = &c->detail;
  if (!ct->introduced_by && !c->introduced.n && !c->has_path) return;
  add_heading(d, "Introductions");
  if (c->has_path && c->path.n > 1) {
    struct rp_buf chain = {0};
    for (size_t i = 0; i < c->path.n; i++) {
      if (i) buf_adds(&chain, " \xE2\x86\x92 "); /* → */
      buf_adds(&chain, c->path.names.v[i]);
    }
    add_field(d, "Chain", buf_str(&chain), ROLE_NORMAL);
    buf_free(&chain);
  } else if (c->has_path) {
    add_field(d, "Chain", "I know them personally", ROLE_WARM);
  } else {
    add_field(d, "Chain",
              "no chain back to someone I know personally: ask a warm contact who could "
              "introduce you",
              ROLE_WARNING);
  }
  if (c->introduced.n) {
    char *who = strv_join(&c->introduced, ", ");
    add_field(d, "Introduced", who, ROLE_NORMAL);
    free(who);
  }
}

/* The give-first ledger, newest first, with the give/ask balance. */
static void build_gives(struct contacts *c, struct detail *d) {
  const struct rp_config *cfg = app_config(c->base.app);
  char keys[32];
  app_key(c->base.app, SCOPE_CONTACTS, ACT_GIVE, keys, sizeof keys);
  add_heading(d, "Give first");
  char *bal = c->n_asks > c->n_gives
                  ? xasprintf("gave %ld \xC2\xB7 asked %ld \xC2\xB7 give before you ask again",
                              c->n_gives, c->n_asks)
                  : xasprintf("gave %ld \xC2\xB7 asked %ld", c->n_gives, c->n_asks);
  add_field(d, "Balance", bal, c->n_gives >= c->n_asks ? ROLE_SUCCESS : ROLE_WARNING);
  free(bal);
  if (!c->gives.n) {
    char *hint = xasprintf("Nothing given yet: share or comment on their work, then press %s "
                           "to log it.", keys);
    add_field(d, "", hint, ROLE_MUTED);
    free(hint);
    return;
  }
  for (size_t i = 0; i < c->gives.n; i++) {
    const struct rp_give *g = &c->gives.v[i];
    char *line = xasprintf("%s \xC2\xB7 %s", label_of(&cfg->give_kinds, g->kind), g->text);
    add_field(d, g->date, line, ROLE_NORMAL);
    free(line);
  }
}

/* Keep in touch: the cadence, the last interaction, follow-ups owed. */
static void build_touch(struct contacts *c, struct detail *d) {
  const struct rp_contact *ct = &c->detail;
  const struct rp_config *cfg = app_config(c->base.app);
  add_heading(d, "Keep in touch");
  int days = cadence_effective(cfg, ct->stage, ct->warmth, ct->cadence_set ? ct->cadence_days : -1);
  char *cad = days ? xasprintf("every %d days%s", days, ct->cadence_set ? "" : " (default)")
                   : xasprintf("only when there is a reason%s", ct->cadence_set ? "" : " (default)");
  add_field(d, "Cadence", cad, ROLE_NORMAL);
  free(cad);
  if (c->last_day[0]) {
    char *last = xasprintf("%s (%s)", c->last_day, c->last_what ? c->last_what : "");
    add_field(d, "Last", last, ROLE_MUTED);
    free(last);
  }
  for (size_t i = 0; i < c->followups.n; i++) {
    const struct rp_followup *f = &c->followups.v[i];
    const char *label = f->kind;
    for (size_t k = 0; k < 5; k++)
      if (strcmp(rp_followup_kinds[k], f->kind) == 0) label = rp_followup_kind_labels[k];
    if (f->origin && strcmp(f->origin, "promise") != 0) label = f->origin; /* a call's action … */
    char *line = !str_empty(f->note) ? xasprintf("%s \xC2\xB7 %s", label, f->note)
                                     : xstrdup(label);
    char *due = xasprintf("due %s", followup_effective_due(f));
    add_field(d, due, line, ROLE_DUE);
    free(due);
    free(line);
  }
}

/* Conversations, newest first, with their notes. */
static void build_conversations(struct contacts *c, struct detail *d) {
  if (!c->convs.n) return;
  add_heading(d, "Conversations");
  char keys[32]; /* where to read them whole */
  app_key(c->base.app, SCOPE_CONTACTS, ACT_CONVERSATIONS, keys, sizeof keys);
  if (keys[0]) {
    char *hint = xasprintf("%s reads each one whole (notes, wrap-up, thank-you)", keys);
    add_field(d, "", hint, ROLE_MUTED);
    free(hint);
  }
  for (size_t i = 0; i < c->convs.n; i++) {
    const struct rp_conversation *cv = &c->convs.v[i];
    int64_t t = cv->started_at ? cv->started_at : cv->scheduled_at ? cv->scheduled_at
                                                                   : cv->created_at;
    char when[32];
    datetime_format(t, when, sizeof when);
    char *len = cv->started_at && cv->ended_at ? conv_length_text(cv) /* planned vs actual */
                                               : xasprintf("%d min", cv->minutes);
    char *head = !str_empty(cv->objective)
                     ? xasprintf("%s \xC2\xB7 %s \xC2\xB7 %s", cv->status, len, cv->objective)
                     : xasprintf("%s \xC2\xB7 %s", cv->status, len);
    free(len);
    when[10] = '\0'; /* the day is enough as a label */
    add_field(d, when, head, ROLE_ACCENT);
    free(head);
    const struct rp_note_list *nl = &c->conv_notes[i];
    for (size_t k = 0; k < nl->n; k++) {
      char *line = note_line(&nl->v[k]);
      add_field(d, "", line, ROLE_NORMAL);
      free(line);
    }
  }
}

static void build(struct contacts *c, struct detail *d) {
  const struct rp_contact *ct = &c->detail;
  const struct rp_config *cfg = app_config(c->base.app);
  char *org_role = NULL;
  if (!str_empty(ct->role) && !str_empty(ct->org)) org_role = xasprintf("%s at %s", ct->role, ct->org);
  else org_role = xstrdup(!str_empty(ct->role) ? ct->role : ct->org);
  add_field(d, "Works as", org_role, ROLE_NORMAL);
  free(org_role);
  add_field(d, "Field", ct->field, ROLE_NORMAL);
  add_field(d, "Stage", label_of(&cfg->stages, ct->stage), ROLE_ACCENT);
  if (c->next.kind) { /* met: the next step, not readiness to reach out */
    bool late = c->next.due[0] && strcmp(c->next.due, c->today) < 0;
    add_field(d, "Next step", c->next.text, late ? ROLE_WARNING : ROLE_DUE);
  } else if (c->ready.n) {
    char keys[32];
    app_key(c->base.app, SCOPE_CONTACTS, ACT_PREP, keys, sizeof keys);
    char *r = c->ready.ready
                  ? xasprintf("ready %d/%d \xC2\xB7 %s opens Prep", c->ready.met, c->ready.total,
                              keys)
                  : xasprintf("not ready yet %d/%d \xC2\xB7 %s shows what is missing",
                              c->ready.met, c->ready.total, keys);
    add_field(d, "Reach out", r, c->ready.ready ? ROLE_SUCCESS : ROLE_WARNING);
    free(r);
  }
  bool warm = ct->warmth && strcmp(ct->warmth, "warm") == 0;
  char *warmth = xasprintf("%s%s", warm ? "warm" : "cold",
                           ct->warmth_set ? " (set by hand)" : "");
  add_field(d, "Warmth", warmth, warm ? ROLE_WARM : ROLE_COLD);
  free(warmth);
  if (ct->how_known) add_field(d, "How I know", label_of(&cfg->how_known, ct->how_known), ROLE_NORMAL);
  add_field(d, "Introduced by", ct->introduced_by_name, ROLE_NORMAL);
  if (ct->seniority) add_field(d, "Seniority", label_of(&cfg->seniority, ct->seniority), ROLE_NORMAL);
  if (ct->channel) add_field(d, "Prefers", label_of(&cfg->channels, ct->channel), ROLE_NORMAL);
  if (ct->tags.n) {
    char *tags = strv_join(&ct->tags, ", ");
    add_field(d, "Tags", tags, ROLE_ACCENT);
    free(tags);
  }
  if (ct->emails.n || ct->phones.n || ct->urls.n || !str_empty(ct->location)) {
    add_heading(d, "Reach");
    add_values(d, "Email", &ct->emails);
    add_values(d, "Phone", &ct->phones);
    add_values(d, "Web", &ct->urls);
    add_field(d, "Location", ct->location, ROLE_NORMAL);
  }
  add_heading(d, "What I know about them");
  if (!str_empty(ct->work) || !str_empty(ct->challenges) || !str_empty(ct->research) ||
      !str_empty(ct->notes)) {
    add_field(d, "Their work", ct->work, ROLE_NORMAL);
    add_field(d, "Challenges", ct->challenges, ROLE_NORMAL);
    add_field(d, "Research", ct->research, ROLE_NORMAL);
    add_field(d, "Notes", ct->notes, ROLE_NORMAL);
  } else {
    char keys[32];
    app_key(c->base.app, SCOPE_CONTACTS, ACT_EDIT, keys, sizeof keys);
    char *hint = xasprintf("Nothing yet: read their work, then press %s to note it.", keys);
    add_field(d, "", hint, ROLE_MUTED);
    free(hint);
  }
  build_intros(c, d);
  build_gives(c, d);
  build_touch(c, d);
  build_conversations(c, d);
  char created[32], updated[32];
  fmt_time(ct->created_at, created, sizeof created);
  fmt_time(ct->updated_at, updated, sizeof updated);
  add_line(d, NULL, "", ROLE_NORMAL);
  add_field(d, "Added", created, ROLE_MUTED);
  if (ct->updated_at != ct->created_at) add_field(d, "Updated", updated, ROLE_MUTED);
}

/* Free the wrapped lines of d and d itself (NULL is fine). */
static void detail_text_free(struct detail *d) {
  for (size_t i = 0; d && i < d->n; i++) {
    free(d->v[i].text);
    free(d->v[i].label);
    free(d->v[i].suffix);
  }
  if (d) free(d->v);
  free(d);
}

/* Load the selected contact when the selection changed; true when it
 * read (or cleared) the detail. */
static bool load(struct contacts *c) {
  if (c->detail_id == c->sel_id && !c->detail_stale) return false;
  c->detail_stale = false;
  if (c->detail_id != c->sel_id) c->detail_lv.top = 0;
  contacts_detail_free(c);
  c->detail_id = 0;
  if (!c->sel_id) return true;
  struct rp_err err;
  if (contact_get(app_db(c->base.app), c->sel_id, &c->detail, &err) != RP_OK) {
    app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
    return true;
  }
  c->detail_id = c->sel_id;
  struct rp_db *db = app_db(c->base.app);
  const struct rp_config *cfg = app_config(c->base.app);
  enum rp_status st = readiness_compute(db, cfg, c->detail_id, &c->ready, &err);
  if (st == RP_OK) {
    st = readiness_next_step(db, cfg, c->detail_id, &c->next, &err);
    if (st == RP_NO) st = RP_OK;
    char *today = date_local(db_now(), 0);
    snprintf(c->today, sizeof c->today, "%s", today);
    free(today);
  }
  if (st == RP_OK) st = give_list(db, c->detail_id, &c->gives, &err);
  if (st == RP_OK) st = give_balance(db, cfg, c->detail_id, &c->n_gives, &c->n_asks, &err);
  if (st == RP_OK) st = path_introduced(db, c->detail_id, &c->introduced, &err);
  if (st == RP_OK) {
    st = path_to_contact(db, c->detail_id, &c->path, &err);
    c->has_path = st == RP_OK;
    if (st == RP_NO) st = RP_OK;
  }
  if (st == RP_OK) st = followup_list_open(db, c->detail_id, &c->followups, &err);
  if (st == RP_OK) st = conv_list(db, c->detail_id, &c->convs, &err);
  if (st == RP_OK && c->convs.n) {
    c->conv_notes = xcalloc(c->convs.n, sizeof *c->conv_notes);
    for (size_t i = 0; st == RP_OK && i < c->convs.n; i++)
      st = note_list(db, c->convs.v[i].id, &c->conv_notes[i], &err);
  }
  if (st == RP_OK) st = cadence_last(db, c->detail_id, c->last_day, &c->last_what, &err);
  if (st != RP_OK) app_message(c->base.app, ROLE_ERROR, "%s", err.msg);
  return true;
}

void contacts_detail_free(struct contacts *c) {
  detail_text_free(c->detail_text);
  c->detail_text = NULL;
  followup_list_free(&c->followups);
  for (size_t i = 0; c->conv_notes && i < c->convs.n; i++) note_list_free(&c->conv_notes[i]);
  free(c->conv_notes);
  c->conv_notes = NULL;
  conv_list_free(&c->convs);
  c->last_day[0] = '\0';
  c->last_what = NULL;
  contact_free(&c->detail);
  readiness_free(&c->ready);
  next_step_free(&c->next);
  path_free(&c->path);
  c->has_path = false;
  strv_free(&c->introduced);
  give_list_free(&c->gives);
  c->n_gives = c->n_asks = 0;
}

/* The width of the labels' column: 0 when a label goes above its value. */
static int label_width(int width) { return width >= 34 ? 13 : 0; }

/* See pane_contacts.h. */
void contacts_detail_sync(struct contacts *c) {
  struct list_view *lv = &c->detail_lv;
  lv->browse = true;
  if (!c->detail_win) return;
  int width = getmaxx(c->detail_win), height = getmaxy(c->detail_win);
  bool read = load(c); /* frees the old lines when it reads */
  if (read || (c->detail_text && c->detail_text->pane_w != width)) {
    detail_text_free(c->detail_text);
    c->detail_text = NULL;
  }
  long count = c->detail_text ? (long)c->detail_text->n : 0;
  if (c->detail_id && !c->detail_text) {
    /* wide: labels in a column; narrow: each label on its own line */
    int label_w = label_width(width);
    struct detail *d = xcalloc(1, sizeof *d);
    d->width = label_w ? width - label_w - 2 : width - 3;
    d->labels_above = !label_w;
    d->pane_w = width;
    if (d->width < 4) d->width = 4;
    build(c, d);
    c->detail_text = d;
    count = (long)d->n;
  }
  int rows = height - 1; /* under the title */
  /* longer than the pane: the last row says where we are */
  if (count > rows && rows > 2) rows--;
  lv->count = count;
  list_view_resize(lv, rows);
}

void contacts_detail_draw(struct contacts *c) {
  WINDOW *w = c->detail_win;
  int width = getmaxx(w), height = getmaxy(w);
  bool focused = c->focus == FOCUS_DETAIL;
  const struct list_view *lv = &c->detail_lv;
  const struct detail *d = c->detail_text;
  werase(w);
  if (!d) {
    ui_put(w, 0, 0, width, focused ? ROLE_HEADER : ROLE_MUTED, " Details");
    if (c->total) ui_put(w, 2, 2, width - 2, ROLE_MUTED, "No contact selected.");
    wnoutrefresh(w);
    return;
  }
  char *title = xasprintf(" %s", c->detail.name);
  ui_put(w, 0, 0, width, focused ? ROLE_HEADER : ROLE_TITLE, title);
  free(title);
  int label_w = label_width(width);
  for (long i = 0; i < lv->height && lv->top + i < (long)d->n; i++) {
    const struct detail_line *l = &d->v[lv->top + i];
    int row = 1 + (int)i;
    if (l->role == ROLE_HEADER) {
      ui_put(w, row, 1, width - 1, ROLE_HEADER, l->text);
      continue;
    }
    int tx = label_w ? 1 + label_w + 1 : l->is_label ? 1 : 3;
    if (label_w && l->label) ui_put(w, row, 1, label_w, ROLE_MUTED, l->label);
    ui_put(w, row, tx, width - tx, l->role, l->text);
    if (l->suffix) {
      int used = utf8_width(l->text);
      if (tx + used < width) ui_put_part(w, row, tx + used, width - tx - used, ROLE_MUTED, l->suffix);
    }
  }
  if (lv->count > lv->height) { /* there is more: say where we are */
    long shown = lv->top + lv->height;
    char *more = xasprintf("%s %ld/%ld ", shown < lv->count ? "\xE2\x86\x93 more" : "end",
                           shown < lv->count ? shown : lv->count, lv->count);
    int mw = utf8_width(more);
    ui_put(w, height - 1, width - mw, mw, ROLE_MUTED, more);
    free(more);
  }
  wnoutrefresh(w);
}
