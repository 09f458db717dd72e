/* sync_contacts.c — the contacts side of a sync (see rapport/sync.h): the
 * live contacts chosen by the options as vCards in a vdir folder, and the
 * cards changed, added or deleted there back into the journal.
 *
 * Each synced card has its row in sync_item (rapport/sync_state.h): its
 * file, UID, contact and the card as last synced (the base). A card
 * whose bytes differ from the base was changed in the folder: its fields
 * are merged three ways (contact_merge) with the base and the journal. A
 * contact whose card would now read differently is written again. Files
 * are written (atomically) before the journal's transaction commits, so a
 * sync killed at any point is finished by the next: a file already
 * written is found equal to what would be written and only recorded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/sync_internal.h"
#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/sync_state.h"
#include "rapport/vdir.h"

#define KIND "contact"

struct run {
  struct rp_db *db;
  const struct rp_config *cfg;
  const struct sync_opts *opts;
  struct sync_report *r;
  const char *dir;    /* as given */
  char *folder;       /* its real path: the key of its rows */
  char jid[33];
  char *today;
  struct vdir_list files;
  bool *claimed;      /* per file: a row or a contact of the journal owns it */
  struct rp_contact_list live;
  struct rp_contact **by_id; /* live contacts by id */
  bool *has_row;      /* per live contact (by_id order): a row of this folder names it */
};

static int by_id_cmp(const void *a, const void *b) {
  const struct rp_contact *x = *(struct rp_contact *const *)a, *y = *(struct rp_contact *const *)b;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* The live contact `id` and its index in by_id, or NULL. */
static struct rp_contact *live_find(struct run *u, int64_t id, size_t *at) {
  size_t lo = 0, hi = u->live.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (u->by_id[mid]->id == id) {
      if (at) *at = mid;
      return u->by_id[mid];
    }
    if (u->by_id[mid]->id < id) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

/* Does contact c go out (the options' stages and tags; none: all)? */
static bool chosen(const struct sync_opts *o, const struct rp_contact *c) {
  if (o->stages.n && !(c->stage && strv_contains(&o->stages, c->stage))) return false;
  if (!o->tags.n) return true;
  for (size_t i = 0; i < c->tags.n; i++)
    if (strv_contains(&o->tags, c->tags.v[i])) return true;
  return false;
}

/* The index of file `name` in u->files, or -1. */
static long file_index(struct run *u, const char *name) {
  const struct vdir_item *it = vdir_list_find(&u->files, name);
  return it ? (long)(it - u->files.items) : -1;
}

/* Write `text` as file `name` (not in a dry run). */
static enum rp_status put_file(struct run *u, const char *name, const char *text,
                               struct rp_err *err) {
  if (u->opts->dry_run) return RP_OK;
  return vdir_write(u->dir, name, text, strlen(text), err);
}

/* Record the card `text` as the synced copy of (uid, name) for contact id. */
static enum rp_status put_row(struct run *u, const char *uid, const char *name, int64_t id,
                              const char *text, struct rp_err *err) {
  struct sync_state_item it = {0};
  char hash[17];
  vdir_hash(text, strlen(text), hash);
  it.uid = xstrdup(uid);
  it.file = xstrdup(name);
  it.kind = xstrdup(KIND);
  it.ref_id = id;
  it.hash = xstrdup(hash);
  it.base = xstrdup(text);
  enum rp_status s = sync_state_put(u->db, u->folder, &it, err);
  sync_state_item_free(&it);
  return s;
}

/* ---- merging a card changed in the folder ---- */

static bool text_same(const char *a, const char *b) {
  return str_empty(a) ? str_empty(b) : !str_empty(b) && strcmp(a, b) == 0;
}

static bool values_same(const struct rp_contact_values *a, const struct rp_contact_values *b) {
  if (a->n != b->n) return false;
  for (size_t i = 0; i < a->n; i++)
    if (!text_same(a->v[i].value, b->v[i].value) || !text_same(a->v[i].type, b->v[i].type) ||
        a->v[i].preferred != b->v[i].preferred)
      return false;
  return true;
}

static bool tags_same(const struct rp_strv *a, const struct rp_strv *b) {
  if (a->n != b->n) return false;
  for (size_t i = 0; i < a->n; i++)
    if (!strv_contains(b, a->v[i])) return false;
  return true;
}

/* A field's name as the report and the notes say it. */
static const char *field_word(const char *field) {
  if (!strcmp(field, "role")) return "title";
  if (!strcmp(field, "org")) return "organisation";
  return field;
}

/* Take into *j (the journal's contact) what the folder's card changed
 * since the base: the fields a phone shows whose merged value (`out`)
 * differs from the journal's own as its card reads (`jr`); a list of what
 * changed is added to `what`. */
static void take_merged(struct rp_contact *j, const struct rp_contact *out,
                        const struct rp_contact *jr, struct rp_buf *what) {
  struct {
    const char *word;
    char **dst;
    const char *got, *had;
  } texts[] = {
      {"name", &j->name, out->name, jr->name},
      {"organisation", &j->org, out->org, jr->org},
      {"title", &j->role, out->role, jr->role},
      {"location", &j->location, out->location, jr->location},
      {"notes", &j->notes, out->notes, jr->notes},
  };
  for (size_t i = 0; i < RP_ARRAY_LEN(texts); i++) {
    if (text_same(texts[i].got, texts[i].had) || (i == 0 && str_empty(texts[i].got))) continue;
    free(*texts[i].dst);
    *texts[i].dst = texts[i].got ? xstrdup(texts[i].got) : NULL;
    buf_addf(what, "%s%s", what->len ? ", " : "", texts[i].word);
  }
  const struct rp_contact_values *gl[] = {&out->emails, &out->phones, &out->urls};
  const struct rp_contact_values *hl[] = {&jr->emails, &jr->phones, &jr->urls};
  struct rp_contact_values *dl[] = {&j->emails, &j->phones, &j->urls};
  char **df[] = {&j->email, &j->phone, &j->url};
  for (size_t k = 0; k < VALUE_KINDS; k++) {
    if (values_same(gl[k], hl[k])) continue;
    for (size_t i = 0; i < gl[k]->n; i++)
      if (contact_values_find(hl[k], (enum rp_value_kind)k, gl[k]->v[i].value) < 0)
        buf_addf(what, "%s%s %s", what->len ? ", " : "",
                 contact_value_kind_name((enum rp_value_kind)k), gl[k]->v[i].value);
    for (size_t i = 0; i < hl[k]->n; i++)
      if (contact_values_find(gl[k], (enum rp_value_kind)k, hl[k]->v[i].value) < 0)
        buf_addf(what, "%sno %s %s", what->len ? ", " : "",
                 contact_value_kind_name((enum rp_value_kind)k), hl[k]->v[i].value);
    contact_values_copy(dl[k], gl[k]);
    free(*df[k]);
    const char *pv = contact_values_primary_value(dl[k]);
    *df[k] = pv ? xstrdup(pv) : NULL;
  }
  if (!tags_same(&out->tags, &jr->tags)) {
    strv_free(&j->tags);
    strv_copy(&j->tags, &out->tags);
    buf_addf(what, "%stags", what->len ? ", " : "");
  }
}

/* Contact *j (live, with its lists) against its card changed in the
 * folder (`card`) since `base` (the card as last synced; NULL: the
 * journal's own card): the three-way merge. What only the folder changed
 * is taken; what both changed differently keeps the journal's value and
 * the folder's goes into the notes ("From your phone, DATE: title VP"),
 * reported as a conflict. *changed: j was changed (to be written). */
static void merge_card(struct run *u, struct rp_contact *j, const char *file,
                       const struct rp_import_person *card, const struct rp_import_person *base,
                       bool *changed) {
  struct rp_contact orig, theirs, jr, out;
  contact_init(&orig);
  contact_init(&theirs);
  contact_init(&jr);
  contact_copy(&orig, j);
  contact_copy(&theirs, j);
  contact_copy(&jr, j);
  contact_init(&out);
  /* the journal's side as its card reads, so that only what was changed
   * is compared (not how a value looks once written and read again) */
  char *mine_text = sync_card_render(j, 3, "x", NULL);
  struct sync_card mine;
  sync_card_read(file, mine_text, strlen(mine_text), &mine);
  free(mine_text);
  const struct rp_import_person *mp = sync_card_person(&mine);
  if (mp) sync_person_to_contact(mp, &jr);
  sync_person_to_contact(base ? base : (mp ? mp : card), &orig);
  sync_person_to_contact(card, &theirs);
  struct rp_contact_conflicts cs = {0};
  /* the card's change is the "mine" of contact_merge, the journal the
   * "theirs" that wins a conflict */
  contact_merge(&orig, &theirs, &jr, NULL, &out, &cs);
  struct rp_buf what = {0};
  take_merged(j, &out, &jr, &what);
  for (size_t i = 0; i < cs.n; i++) {
    const struct rp_contact_conflict *c = &cs.v[i];
    const char *word = field_word(c->what ? c->what : c->field);
    struct rp_buf note = {0};
    if (!str_empty(j->notes)) buf_addf(&note, "%s\n", j->notes);
    buf_addf(&note, "From your phone, %s: %s %s", u->today, word, c->mine ? c->mine : "(none)");
    free(j->notes);
    j->notes = buf_steal(&note);
    sync_report_add(u->r, SYNC_CONFLICT, file, "%s: %s: kept %s, saved %s in the notes", j->name,
                    word, c->theirs ? c->theirs : "(none)", c->mine ? c->mine : "(none)");
    *changed = true;
  }
  if (what.len) {
    sync_report_add(u->r, SYNC_READ, file, "%s: %s", j->name, buf_str(&what));
    *changed = true;
  }
  buf_free(&what);
  contact_conflicts_free(&cs);
  sync_card_free(&mine);
  contact_free(&orig);
  contact_free(&theirs);
  contact_free(&jr);
  contact_free(&out);
}

/* ---- one item ---- */

/* Bring contact *j and its card file `f` (index fi) in step: merge the
 * card when it changed since `row` (NULL: no row yet, the journal's card is
 * the base), save the journal, write the card when it reads differently,
 * record the row. */
static enum rp_status sync_one(struct run *u, struct rp_contact *j, const char *uid,
                               const char *name, long fi,
                               const struct sync_state_item *row, struct rp_err *err) {
  const struct vdir_item *f = fi >= 0 ? &u->files.items[fi] : NULL;
  struct sync_card card = {0};
  const char *foreign = NULL;
  int version = 3;
  bool changed = false;
  if (f) {
    if (f->error) {
      sync_report_add(u->r, SYNC_SKIPPED, f->name, "%s: %s", j->name, f->error);
      return RP_OK;
    }
    sync_card_read(f->name, f->text, f->len, &card);
    const struct rp_import_person *p = sync_card_person(&card);
    if (!p) {
      sync_report_add(u->r, SYNC_SKIPPED, f->name, "%s: %s; left as it is", j->name, card.why);
      sync_card_free(&card);
      return RP_OK;
    }
    foreign = buf_str(&card.foreign);
    version = card.version;
    if (!row || strcmp(row->hash, f->hash) != 0) {
      struct sync_card base = {0};
      if (row) sync_card_read(f->name, row->base, strlen(row->base), &base);
      merge_card(u, j, f->name, p, sync_card_person(&base), &changed);
      sync_card_free(&base);
    }
  }
  enum rp_status s = RP_OK;
  if (changed) s = contact_update(u->db, u->cfg, j, err);
  if (s == RP_OK && changed) { /* read back: the times and the introducer's name */
    struct rp_contact back;
    contact_init(&back);
    s = contact_get(u->db, j->id, &back, err);
    if (s == RP_OK) {
      contact_free(j);
      *j = back;
    } else {
      contact_free(&back);
    }
  }
  char *text = s == RP_OK ? sync_card_render(j, version, uid, foreign) : NULL;
  if (text && (!f || f->len != strlen(text) || memcmp(f->text, text, f->len) != 0)) {
    s = put_file(u, name, text, err);
    if (s == RP_OK) sync_report_add(u->r, SYNC_WRITTEN, name, "%s", j->name);
  }
  if (s == RP_OK && text && (!row || strcmp(row->base, text) != 0 || row->unlinked))
    s = put_row(u, uid, name, j->id, text, err);
  free(text);
  sync_card_free(&card);
  return s;
}

/* A row of the folder: its contact gone, deleted in the folder, or both
 * there. */
static enum rp_status sync_row(struct run *u, const struct sync_state_item *row,
                               struct rp_err *err) {
  long fi = file_index(u, row->file);
  if (fi >= 0) u->claimed[fi] = true;
  size_t at = 0;
  struct rp_contact *j = row->ref_id ? live_find(u, row->ref_id, &at) : NULL;
  if (j) u->has_row[at] = true;
  if (row->unlinked) return RP_OK; /* kept out of the folder */
  enum rp_status s = RP_OK;
  if (!j || !chosen(u->opts, j)) { /* deleted in the journal, or no longer chosen */
    if (fi >= 0) {
      if (!u->opts->dry_run) s = vdir_remove(u->dir, row->file, err);
      if (s == RP_OK)
        sync_report_add(u->r, SYNC_REMOVED, row->file, "%s",
                        j ? "no longer among the contacts synced" : "deleted in rapport");
    }
    return s == RP_OK ? sync_state_remove(u->db, row->id, err) : s;
  }
  if (fi < 0) { /* deleted in the folder */
    if (u->opts->follow_deletes) {
      s = contact_delete(u->db, j->id, err);
      if (s == RP_OK) sync_report_add(u->r, SYNC_DELETED, row->file, "%s", j->name);
      return s == RP_OK ? sync_state_remove(u->db, row->id, err) : s;
    }
    struct sync_state_item it = *row;
    it.unlinked = true;
    s = sync_state_put(u->db, u->folder, &it, err);
    if (s == RP_OK)
      sync_report_add(u->r, SYNC_UNLINKED, row->file,
                      "%s: the card was deleted; the contact is kept (--delete to delete it)",
                      j->name);
    return s;
  }
  return sync_one(u, j, row->uid, row->file, fi, row, err);
}

/* A card of the folder no row or contact owns: a new contact. */
static enum rp_status sync_new_card(struct run *u, size_t fi, struct rp_err *err) {
  const struct vdir_item *f = &u->files.items[fi];
  if (f->error) {
    sync_report_add(u->r, SYNC_SKIPPED, f->name, "%s", f->error);
    return RP_OK;
  }
  struct sync_card card;
  sync_card_read(f->name, f->text, f->len, &card);
  const struct rp_import_person *p = sync_card_person(&card);
  if (!p) {
    sync_report_add(u->r, SYNC_SKIPPED, f->name, "%s; left as it is", card.why);
    sync_card_free(&card);
    return RP_OK;
  }
  struct rp_contact c;
  contact_init(&c);
  sync_person_to_contact(p, &c);
  bool identified = false;
  for (size_t i = 0; i < u->cfg->stages.n; i++)
    if (!strcmp(u->cfg->stages.v[i].key, "identified")) identified = true;
  if (identified) c.stage = xstrdup("identified");
  enum rp_status s = contact_insert(u->db, u->cfg, &c, err);
  if (s == RP_INVALID) { /* the journal refuses it: reported, left alone */
    sync_report_add(u->r, SYNC_SKIPPED, f->name, "%s; left as it is", err->msg);
    rp_err_clear(err);
    s = RP_OK;
  } else if (s == RP_OK) {
    sync_report_add(u->r, SYNC_READ, f->name, "%s: new contact", c.name);
    char *uid = card.uid ? xstrdup(card.uid) : xstrndup(f->name, strlen(f->name) - 4);
    struct rp_contact back;
    contact_init(&back);
    s = contact_get(u->db, c.id, &back, err);
    char *text = s == RP_OK ? sync_card_render(&back, card.version, uid, buf_str(&card.foreign))
                            : NULL;
    if (text && (f->len != strlen(text) || memcmp(f->text, text, f->len) != 0)) {
      s = put_file(u, f->name, text, err);
      if (s == RP_OK) sync_report_add(u->r, SYNC_WRITTEN, f->name, "%s", back.name);
    }
    if (s == RP_OK && text) s = put_row(u, uid, f->name, c.id, text, err);
    free(text);
    free(uid);
    contact_free(&back);
  }
  contact_free(&c);
  sync_card_free(&card);
  return s;
}

/* A live contact with no row: a new card, or one a killed sync wrote. */
static enum rp_status sync_new_contact(struct run *u, struct rp_contact *j, struct rp_err *err) {
  char uuid[37];
  export_uuid(u->jid, "contact", j->id, uuid);
  char *uid = xasprintf("urn:uuid:%s", uuid);
  char *name = vdir_name_for_uid(uuid, "vcf");
  long fi = file_index(u, name);
  if (fi >= 0 && u->claimed[fi]) fi = -1; /* another item's: left to it */
  if (fi >= 0) u->claimed[fi] = true;
  enum rp_status s = sync_one(u, j, uid, name, fi, NULL, err);
  free(uid);
  free(name);
  return s;
}

/* See sync.h. */
enum rp_status sync_contacts(struct rp_db *db, const struct rp_config *cfg,
                             const struct sync_opts *opts, struct sync_report *r,
                             struct rp_err *err) {
  struct run u = {.db = db, .cfg = cfg, .opts = opts, .r = r, .dir = opts->contacts_dir};
  enum rp_status s = vdir_prepare(u.dir, !opts->dry_run, err);
  bool missing = s == RP_NO; /* a dry run of a folder not made yet */
  if (missing) {
    rp_err_clear(err);
    s = RP_OK;
  }
  if (s != RP_OK) return s;
  u.folder = missing ? xstrdup(u.dir) : realpath(u.dir, NULL);
  if (!u.folder) return rp_err_set(err, RP_INVALID, "%s: cannot read", u.dir);
  if (!missing) s = vdir_list_read(u.dir, "vcf", &u.files, err);
  if (s == RP_OK) s = dump_journal_id(db, u.jid, err);
  if (s == RP_OK) s = contact_list(db, NULL, 0, -1, &u.live, err);
  if (s == RP_OK) s = contact_list_values(db, &u.live, err);
  struct sync_state_list rows = {0};
  if (s == RP_OK) s = sync_state_list(db, u.folder, KIND, &rows, err);
  if (s == RP_OK) {
    u.today = date_local(db_now(), 0);
    u.claimed = xcalloc(u.files.n + 1, sizeof *u.claimed);
    u.has_row = xcalloc(u.live.n + 1, sizeof *u.has_row);
    u.by_id = xmalloc((u.live.n + 1) * sizeof *u.by_id);
    for (size_t i = 0; i < u.live.n; i++) u.by_id[i] = &u.live.v[i];
    qsort(u.by_id, u.live.n, sizeof *u.by_id, by_id_cmp);
  }
  for (size_t i = 0; s == RP_OK && i < rows.n; i++) s = sync_row(&u, &rows.v[i], err);
  for (size_t i = 0; s == RP_OK && i < u.live.n; i++)
    if (!u.has_row[i] && chosen(opts, u.by_id[i])) s = sync_new_contact(&u, u.by_id[i], err);
  for (size_t i = 0; s == RP_OK && i < u.files.n; i++)
    if (!u.claimed[i]) s = sync_new_card(&u, i, err);
  sync_state_list_free(&rows);
  contact_list_free(&u.live);
  vdir_list_free(&u.files);
  free(u.claimed);
  free(u.has_row);
  free(u.by_id);
  free(u.today);
  free(u.folder);
  return s;
}
