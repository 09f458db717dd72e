/* sync_calendar.c — the calendar side of a sync (see rapport/sync.h): one
 * .ics item per planned conversation (VEVENT) and per open follow-up,
 * action or owed thank-you (VTODO) in a vdir collection folder, both
 * ways. What the journal wants in the folder is built by
 * sync_calendar_items.c; the state of each item (file, UID, the copy last
 * synced) is in the journal (rapport/sync_state.h).
 *
 * A sync reads, in order: (1) items rapport wrote that changed in the
 * folder since the last sync (by hash): a VTODO completed marks the
 * follow-up done, a DUE moved moves it, a VEVENT moved re-plans the
 * conversation, a file deleted unlinks it (or, with follow_deletes,
 * cancels it); (2) writes every wanted item whose bytes differ from the
 * file's; (3) removes the files of items no longer wanted (done,
 * cancelled, contact deleted). Files rapport did not write are never
 * written nor removed; a malformed one is reported. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/ical_internal.h"
#include "io/sync_calendar_internal.h"
#include "rapport/sync.h"
#include "rapport/sync_state.h"
#include "rapport/vdir.h"

struct cal_sync {
  struct rp_db *db;
  const struct rp_config *cfg;
  const struct sync_opts *opts;
  struct sync_report *r;
  const char *dir;    /* as given */
  char *folder;       /* its real path: the key of its rows */
  struct vdir_list files;
  struct sync_state_list rows;
  bool *row_done;     /* per row: handled (unlinked, forgotten, or left alone) */
  bool *file_ours;    /* per file: a row's file, or written now */
  struct uid_row *by_uid; /* the rows sorted by UID */
};

/* The row of the file named `name`, or -1: rows come sorted by file. */
static long row_of_file(const struct cal_sync *s, const char *name) {
  size_t lo = 0, hi = s->rows.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(s->rows.v[mid].file, name);
    if (c == 0) return (long)mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

struct uid_row {
  const char *uid;
  size_t row;
};

static int by_uid(const void *a, const void *b) {
  return strcmp(((const struct uid_row *)a)->uid, ((const struct uid_row *)b)->uid);
}

/* The row with that UID, or -1 (binary search in s->by_uid). */
static long row_of_uid(const struct cal_sync *s, const char *uid) {
  size_t lo = 0, hi = s->rows.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(s->by_uid[mid].uid, uid);
    if (c == 0) return (long)s->by_uid[mid].row;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/* Mark the file named `name`, if the folder has it, as rapport's. */
static void file_mark_ours(struct cal_sync *s, const char *name) {
  const struct vdir_item *f = vdir_list_find(&s->files, name);
  if (f) s->file_ours[f - s->files.items] = true;
}

/* "Thu 2026-12-10 10:00" in local time into buf. */
static const char *when_text(int64_t t, char *buf, size_t size) {
  time_t tt = (time_t)t;
  struct tm tm;
  localtime_r(&tt, &tm);
  strftime(buf, size, "%a %Y-%m-%d %H:%M", &tm);
  return buf;
}

/* A file of ours deleted (how "deleted") or its item cancelled (how
 * "cancelled") in the folder: unlinked (the journal keeps its item and
 * writes it no more), or with follow_deletes the follow-up skipped, the
 * conversation cancelled. */
static enum rp_status in_deleted(struct cal_sync *s, struct sync_state_item *row,
                                 const char *what, const char *how, struct rp_err *err) {
  enum rp_status st = RP_OK;
  if (!s->opts->follow_deletes) {
    sync_report_add(s->r, SYNC_UNLINKED, row->file,
                    "%s: %s in the calendar, kept in the journal (--delete to follow)", what,
                    how);
    if (!s->opts->dry_run) {
      row->unlinked = true;
      st = sync_state_put(s->db, s->folder, row, err);
    }
    return st;
  }
  if (!s->opts->dry_run) {
    if (strcmp(row->kind, "conversation") == 0) {
      struct rp_conversation c;
      conv_init(&c);
      st = conv_get(s->db, row->ref_id, &c, err);
      if (st == RP_OK && strcmp(c.status, "planned") == 0) {
        free(c.status);
        c.status = xstrdup("cancelled");
        st = conv_update(s->db, s->cfg, &c, err);
      }
      conv_free(&c);
    } else {
      st = followup_mark(s->db, s->cfg, row->ref_id, "skipped", err);
    }
    if (st == RP_NO) st = RP_OK;
    if (st == RP_OK) st = sync_state_remove(s->db, row->id, err);
  }
  if (st == RP_OK)
    sync_report_add(s->r, SYNC_DELETED, row->file, "%s: %s in the calendar, %s", what, how,
                    strcmp(row->kind, "conversation") == 0 ? "cancelled" : "skipped");
  return st;
}

/* A VTODO of ours changed in the folder: completed, or its DUE moved. */
static enum rp_status in_todo(struct cal_sync *s, const struct sync_state_item *row,
                              const struct ical_item *now, const struct ical_item *was,
                              struct rp_err *err) {
  struct rp_followup f = {0};
  enum rp_status st = followup_get(s->db, row->ref_id, &f, err);
  if (st == RP_NO) return RP_OK; /* gone from the journal: removed below */
  if (st != RP_OK) return st;
  bool thanks = strcmp(row->kind, "thanks") == 0;
  if (strcmp(f.status, "open") != 0) {
    /* done in the journal too: nothing to read */
  } else if (now->completed && !was->completed) {
    if (!s->opts->dry_run)
      st = followup_mark(s->db, s->cfg, f.id, thanks ? "sent" : "done", err);
    if (st == RP_OK)
      sync_report_add(s->r, SYNC_READ, row->file, "%s: %s in the calendar", f.contact_name,
                      thanks ? "thank-you sent" : "follow-up done");
  } else if (now->day[0] && strcmp(now->day, was->day) != 0 &&
             strcmp(now->day, followup_effective_due(&f)) != 0) {
    if (!s->opts->dry_run) st = followup_move(s->db, f.id, now->day, err);
    if (st == RP_OK)
      sync_report_add(s->r, SYNC_READ, row->file, "%s: follow-up moved to %s in the calendar",
                      f.contact_name, now->day);
  }
  followup_free(&f);
  return st;
}

/* A VEVENT of ours changed in the folder: moved. */
static enum rp_status in_event(struct cal_sync *s, const struct sync_state_item *row,
                               const struct ical_item *now, const struct ical_item *was,
                               struct rp_err *err) {
  struct rp_conversation c;
  conv_init(&c);
  enum rp_status st = conv_get(s->db, row->ref_id, &c, err);
  if (st == RP_NO) return RP_OK;
  if (st == RP_OK && strcmp(c.status, "planned") == 0 && now->start &&
      now->start != was->start && now->start != c.scheduled_at) {
    c.scheduled_at = now->start;
    if (!s->opts->dry_run) st = conv_update(s->db, s->cfg, &c, err);
    char when[40];
    if (st == RP_OK)
      sync_report_add(s->r, SYNC_READ, row->file,
                      "%s: conversation moved to %s in the calendar", c.contact_name,
                      when_text(now->start, when, sizeof when));
  }
  conv_free(&c);
  return st;
}

/* Step 1: what changed in the folder among the items rapport wrote. */
static enum rp_status read_changes(struct cal_sync *s, const struct cal_want_list *wanted,
                                   struct rp_err *err) {
  enum rp_status st = RP_OK;
  for (size_t i = 0; i < s->rows.n && st == RP_OK; i++) {
    struct sync_state_item *row = &s->rows.v[i];
    if (row->unlinked) {
      s->row_done[i] = true; /* unlinked earlier: left alone */
      continue;
    }
    const struct vdir_item *file = vdir_list_find(&s->files, row->file);
    if (!file) {
      const struct cal_want *w = cal_want_find(wanted, row->kind, row->ref_id);
      if (w) {
        s->row_done[i] = true;
        st = in_deleted(s, row, w->what, "deleted", err);
      } /* else gone on both sides: forgotten in step 3 */
      continue;
    }
    if (file->error) {
      s->row_done[i] = true;
      sync_report_add(s->r, SYNC_SKIPPED, file->name, "%s", file->error);
      continue;
    }
    if (strcmp(file->hash, row->hash) == 0) continue; /* unchanged in the folder */
    struct ical_item now = {0}, was = {0};
    struct rp_err perr;
    if (ical_item_parse(file->text, &now, &perr) != RP_OK) {
      s->row_done[i] = true; /* never overwritten: the user may want it back */
      sync_report_add(s->r, SYNC_SKIPPED, file->name, "not a valid item: %s", perr.msg);
      continue;
    }
    if (ical_item_parse(row->base, &was, &perr) != RP_OK) memset(&was, 0, sizeof was);
    bool event = strcmp(row->kind, "conversation") == 0;
    const struct cal_want *w = cal_want_find(wanted, row->kind, row->ref_id);
    bool cancelled = now.cancelled && !was.cancelled && w;
    if (cancelled) {
      s->row_done[i] = true; /* as if deleted: left alone in the folder */
      st = in_deleted(s, row, w->what, "cancelled", err);
    } else if (now.todo && !event) {
      st = in_todo(s, row, &now, &was, err);
    } else if (!now.todo && event) {
      st = in_event(s, row, &now, &was, err);
    } /* else another kind of item under its name: the journal's is written back */
    /* a dry run changed nothing in the journal: writing its item back over
     * what was just read would be no true forecast */
    if (s->opts->dry_run) s->row_done[i] = true;
    /* the folder's copy is the base from now on: step 2 compares against it */
    if (st == RP_OK && !s->opts->dry_run && !cancelled) {
      free(row->base);
      row->base = xstrdup(file->text);
      free(row->hash);
      row->hash = xstrdup(file->hash);
      st = sync_state_put(s->db, s->folder, row, err);
    }
    ical_item_free(&now);
    ical_item_free(&was);
  }
  return st;
}

/* Remember wanted item w as synced in file `name`. */
static enum rp_status remember(struct cal_sync *s, const struct cal_want *w, const char *name,
                               struct rp_err *err) {
  struct sync_state_item it = {.uid = xstrdup(w->uid), .file = xstrdup(name),
                               .kind = xstrdup(w->kind), .ref_id = w->ref_id,
                               .hash = xstrdup(w->hash), .base = xstrdup(w->text)};
  enum rp_status st = sync_state_put(s->db, s->folder, &it, err);
  sync_state_item_free(&it);
  return st;
}

/* Step 2: every wanted item whose file differs from it is written. */
static enum rp_status write_wanted(struct cal_sync *s, const struct cal_want_list *wanted,
                                   struct rp_err *err) {
  enum rp_status st = RP_OK;
  for (size_t i = 0; i < wanted->n && st == RP_OK; i++) {
    const struct cal_want *w = &wanted->v[i];
    long ri = row_of_uid(s, w->uid);
    if (ri >= 0 && s->row_done[ri]) {
      file_mark_ours(s, s->rows.v[ri].file);
      continue; /* unlinked, deleted or malformed in the folder: left alone */
    }
    char *name = ri >= 0 ? xstrdup(s->rows.v[ri].file) : vdir_name_for_uid(w->uid, "ics");
    if (ri >= 0) s->row_done[ri] = true;
    long other = row_of_file(s, name);
    const struct vdir_item *file = vdir_list_find(&s->files, name);
    file_mark_ours(s, name);
    bool same = file && file->text && file->len == strlen(w->text) &&
                memcmp(file->text, w->text, file->len) == 0;
    if (other >= 0 && other != ri) {
      sync_report_add(s->r, SYNC_SKIPPED, name, "%s: the file holds another item", w->what);
    } else if (same) {
      if (!s->opts->dry_run && (ri < 0 || strcmp(s->rows.v[ri].hash, w->hash) != 0))
        st = remember(s, w, name, err);
    } else {
      if (!s->opts->dry_run) {
        st = vdir_write(s->dir, name, w->text, strlen(w->text), err);
        if (st == RP_OK)
          st = remember(s, w, name, err);
      }
      if (st == RP_OK) sync_report_add(s->r, SYNC_WRITTEN, name, "%s", w->what);
    }
    free(name);
  }
  return st;
}

/* Step 3: the files of items the journal no longer wants are removed;
 * files nobody claims are checked, reported only when malformed. */
static enum rp_status remove_unwanted(struct cal_sync *s, struct rp_err *err) {
  enum rp_status st = RP_OK;
  for (size_t i = 0; i < s->rows.n && st == RP_OK; i++) {
    const struct sync_state_item *row = &s->rows.v[i];
    if (s->row_done[i]) continue;
    file_mark_ours(s, row->file);
    bool present = vdir_list_find(&s->files, row->file) != NULL;
    if (!s->opts->dry_run) {
      if (present) st = vdir_remove(s->dir, row->file, err);
      if (st == RP_OK) st = sync_state_remove(s->db, row->id, err);
    }
    if (st == RP_OK && present)
      sync_report_add(s->r, SYNC_REMOVED, row->file, "%s",
                      strcmp(row->kind, "conversation") == 0
                          ? "conversation no longer planned"
                          : "follow-up no longer open");
  }
  for (size_t i = 0; i < s->files.n; i++) {
    const struct vdir_item *f = &s->files.items[i];
    if (s->file_ours[i]) continue;
    struct ical_item it = {0};
    struct rp_err perr;
    if (f->error)
      sync_report_add(s->r, SYNC_SKIPPED, f->name, "%s", f->error);
    else if (ical_item_parse(f->text, &it, &perr) != RP_OK)
      sync_report_add(s->r, SYNC_SKIPPED, f->name, "not a valid item: %s", perr.msg);
    ical_item_free(&it);
  }
  return st;
}

/* The rows of the calendar kinds remembered for `folder` into *out. */
static enum rp_status calendar_rows(struct rp_db *db, const char *folder,
                                    struct sync_state_list *out, struct rp_err *err) {
  enum rp_status s = sync_state_list(db, folder, NULL, out, err);
  size_t k = 0;
  for (size_t i = 0; i < out->n; i++) {
    if (strcmp(out->v[i].kind, "contact") == 0) sync_state_item_free(&out->v[i]);
    else out->v[k++] = out->v[i];
  }
  if (s == RP_OK) out->n = k;
  return s;
}

/* See sync.h. */
enum rp_status sync_calendar(struct rp_db *db, const struct rp_config *cfg,
                             const struct sync_opts *opts, struct sync_report *r,
                             struct rp_err *err) {
  rp_err_clear(err);
  struct cal_sync s = {.db = db, .cfg = cfg, .opts = opts, .r = r, .dir = opts->calendar_dir};
  if (!s.dir) return RP_OK;
  enum rp_status st = ical_lib_load(err);
  if (st != RP_OK) return st;
  st = vdir_prepare(s.dir, !opts->dry_run, err);
  bool missing = st == RP_NO; /* a dry run into a folder not made yet */
  if (missing) st = RP_OK;
  if (st != RP_OK) return st;
  char real[PATH_MAX];
  s.folder = xstrdup(!missing && realpath(s.dir, real) ? real : s.dir);
  if (!missing) st = vdir_list_read(s.dir, "ics", &s.files, err);
  if (st == RP_OK) st = calendar_rows(db, s.folder, &s.rows, err);
  struct cal_want_list before = {0}, after = {0};
  if (st == RP_OK) st = cal_want_build(db, cfg, opts, &before, err);
  s.row_done = xcalloc(s.rows.n + 1, sizeof *s.row_done);
  s.file_ours = xcalloc(s.files.n + 1, sizeof *s.file_ours);
  s.by_uid = xcalloc(s.rows.n + 1, sizeof *s.by_uid);
  for (size_t i = 0; i < s.rows.n; i++) s.by_uid[i] = (struct uid_row){s.rows.v[i].uid, i};
  qsort(s.by_uid, s.rows.n, sizeof *s.by_uid, by_uid);
  if (st == RP_OK) st = read_changes(&s, &before, err);
  if (st == RP_OK) st = cal_want_build(db, cfg, opts, &after, err);
  if (st == RP_OK) st = write_wanted(&s, &after, err);
  if (st == RP_OK) st = remove_unwanted(&s, err);
  cal_want_list_free(&before);
  cal_want_list_free(&after);
  free(s.row_done);
  free(s.file_ours);
  free(s.by_uid);
  sync_state_list_free(&s.rows);
  vdir_list_free(&s.files);
  free(s.folder);
  return st;
}
