/* test_sync_calendar.c — the calendar side of a sync (src/io/
 * sync_calendar.c): what goes out (VEVENT with an alarm, VTODOs), what
 * comes back (completed, moved, deleted), malformed and foreign items,
 * syncing twice, dry runs. Fixtures are written here the way phones and
 * servers write them back (TZID with a VTIMEZONE, COMPLETED without
 * STATUS, DUE as a DATE-TIME). */
#include <sys/stat.h>
#include <time.h>

#include "check.h"
#include "fixture.h"
#include "rapport/dump.h"
#include "rapport/export.h"
#include "rapport/followup.h"
#include "rapport/sync.h"
#include "rapport/vdir.h"

static struct rp_config cfg;

/* Ada (friend, met), Zoë (giving) and Old Friend (deleted). Zoë: a held
 * call (1) whose thank-you is owed (follow-up 1, due the day after) and a
 * planned one (2) on 2026-12-08 10:00 UTC for 25 minutes. Ada: a check-in
 * (2), an action from a call (3), a done follow-up (4). Old Friend: a
 * planned call (3) and an open follow-up (5) that never go out. */
static void fill(struct rp_db *db) {
  fx_exec(db,
          "INSERT INTO contact (id, name, org, warmth, how_known, stage, created_at, updated_at)"
          " VALUES (1, 'Ada Lovelace', NULL, 'warm', 'friend', 'met', 100, 200),"
          " (2, 'Zo\xC3\xAB \xC3\x98rsted', 'Acme', 'warm', 'referral', 'giving', 101, 201),"
          " (3, 'Old Friend', NULL, 'warm', 'friend', 'met', 99, 99);"
          "UPDATE contact SET deleted_at = 300, deleted_seq = 1 WHERE id = 3;"
          "INSERT INTO conversation (id, contact_id, scheduled_at, minutes, objective, status,"
          " started_at, ended_at, created_at, updated_at) VALUES"
          " (1, 2, 1796119200, 20, NULL, 'held', 1796119200, 1796120400, 9, 10),"
          " (2, 2, 1796724000, 25, 'Learn how trials run; and who decides', 'planned', NULL,"
          "  NULL, 11, 11),"
          " (3, 3, 1796724000, 25, NULL, 'planned', NULL, NULL, 11, 11);"
          "INSERT INTO question VALUES (1, 2, 1, 'What does a day look like?', NULL, NULL, 1,"
          " NULL, 12);"
          "INSERT INTO followup (id, contact_id, conversation_id, kind, due, medium, note,"
          " status, auto, origin, created_at, updated_at) VALUES"
          " (1, 2, 1, 'thank-you', '2026-12-02', 'email', NULL, 'open', 1, NULL, 16, 16),"
          " (2, 1, NULL, 'check-in', '2026-12-10', 'email', 'ask how the move went', 'open', 0,"
          "  NULL, 17, 17),"
          " (3, 1, 1, 'custom', '2026-12-05', 'email', 'Send the paper', 'open', 0, 'action',"
          "  18, 18),"
          " (4, 1, NULL, 'check-in', '2026-11-01', 'email', NULL, 'done', 0, NULL, 19, 19),"
          " (5, 3, NULL, 'check-in', '2026-12-01', 'email', NULL, 'open', 0, NULL, 20, 20);");
}

static char *slurp(const char *dir, const char *name) {
  char *path = xasprintf("%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  free(path);
  if (!f) return NULL;
  struct rp_buf b = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
  fclose(f);
  return buf_steal(&b);
}

static void put(const char *dir, const char *name, const char *text) {
  char *path = xasprintf("%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
  free(path);
}

/* Replace the first `from` in the file by `to` (a check that it was there). */
static void edit(const char *dir, const char *name, const char *from, const char *to) {
  char *text = slurp(dir, name);
  CHECK(text != NULL);
  if (!text) return;
  char *at = strstr(text, from);
  CHECK(at != NULL);
  if (at) {
    *at = '\0';
    char *now = xasprintf("%s%s%s", text, to, at + strlen(from));
    put(dir, name, now);
    free(now);
  }
  free(text);
}

static bool exists(const char *dir, const char *name) {
  char *path = xasprintf("%s/%s", dir, name);
  struct stat sb;
  bool yes = stat(path, &sb) == 0;
  free(path);
  return yes;
}

/* The file name of the item for (kind, id) in db's folder. Caller frees. */
static char *item_name(struct rp_db *db, const char *kind, int64_t id) {
  char jid[33], uid[37];
  struct rp_err err;
  CHECK_INT(dump_journal_id(db, jid, &err), RP_OK);
  export_uuid(jid, kind, id, uid);
  return vdir_name_for_uid(uid, "ics");
}

static enum rp_status run_sync(struct rp_db *db, const char *dir, bool dry, bool deletes,
                               int alarm, struct sync_report *r) {
  struct sync_opts o = {.calendar_dir = dir, .dry_run = dry, .follow_deletes = deletes,
                        .alarm_minutes = alarm};
  memset(r, 0, sizeof *r);
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status s = sync_calendar(db, &cfg, &o, r, &err);
  if (s != RP_OK) fprintf(stderr, "sync_calendar: %s\n", err.msg);
  return s;
}

/* True when the report has a line `what` for file `name` whose text holds `has`. */
static bool reported(const struct sync_report *r, enum sync_what what, const char *name,
                     const char *has) {
  for (size_t i = 0; i < r->n; i++)
    if (r->lines[i].what == what && (!name || strcmp(r->lines[i].file, name) == 0) &&
        (!has || strstr(r->lines[i].text, has)))
      return true;
  return false;
}

static void dump_report(const struct sync_report *r) {
  for (size_t i = 0; i < r->n; i++)
    fprintf(stderr, "  %s %s: %s\n", sync_what_name(r->lines[i].what), r->lines[i].file,
            r->lines[i].text);
}

/* A fresh journal and folder `name`; synced once (checked). */
static struct rp_db *setup(const char *name, char **dir) {
  struct rp_db *db = NULL;
  char *file = xasprintf("%s.db", name);
  fx_open_fresh(&db, file);
  free(file);
  fill(db);
  *dir = xasprintf("%s/%s-cal", check_tmpdir(), name);
  struct sync_report r;
  CHECK_INT(run_sync(db, *dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_WRITTEN], 4);
  sync_report_free(&r);
  return db;
}

static void test_out(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "out.db");
  fill(db);
  char *dir = xasprintf("%s/out-cal", check_tmpdir());
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 15, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_WRITTEN], 4); /* Zoë's call, the thank-you, Ada's two */
  CHECK_INT(r.n, 4);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 4);
  struct stat sb;
  CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700);

  char *name = item_name(db, "conversation", 2);
  char *ev = slurp(dir, name);
  CHECK(ev != NULL);
  if (ev) {
    CHECK(strstr(ev, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") == ev);
    CHECK(strstr(ev, "BEGIN:VEVENT\r\n") != NULL);
    CHECK(strstr(ev, "DTSTART:20261208T100000Z\r\nDTEND:20261208T102500Z\r\n") != NULL);
    CHECK(strstr(ev, "SUMMARY:Conversation with Zo\xC3\xAB \xC3\x98rsted (Acme)\r\n") != NULL);
    CHECK(strstr(ev, "DESCRIPTION:Objective: Learn how trials run\\; and who decides\\nQuest") !=
          NULL);
    CHECK(strstr(ev, "What does a day look like?") != NULL);
    CHECK(strstr(ev, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n") != NULL);
  }
  char *path = xasprintf("%s/%s", dir, name);
  CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
  free(path);
  free(ev);
  free(name);

  name = item_name(db, "followup", 2);
  char *todo = slurp(dir, name);
  CHECK(todo != NULL);
  if (todo) {
    CHECK(strstr(todo, "BEGIN:VTODO\r\n") != NULL);
    CHECK(strstr(todo, "DUE;VALUE=DATE:20261210\r\n") != NULL);
    CHECK(strstr(todo, "SUMMARY:Check in with Ada Lovelace\r\n") != NULL);
    CHECK(strstr(todo, "DESCRIPTION:ask how the move went\\nBy email.\r\n") != NULL);
    CHECK(strstr(todo, "STATUS:NEEDS-ACTION\r\n") != NULL);
    CHECK(strstr(todo, "TRIGGER;RELATED=END:PT9H\r\n") != NULL);
  }
  free(todo);
  free(name);

  name = item_name(db, "followup", 1); /* the thank-you owed, due the day after */
  todo = slurp(dir, name);
  CHECK(todo && strstr(todo, "SUMMARY:Thank Zo\xC3\xAB \xC3\x98rsted\r\n"));
  CHECK(todo && strstr(todo, "DUE;VALUE=DATE:20261202\r\n"));
  free(todo);
  free(name);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item WHERE kind = 'thanks' AND ref_id = 1"),
            1);

  name = item_name(db, "followup", 3); /* the action's text */
  todo = slurp(dir, name);
  CHECK(todo && strstr(todo, "SUMMARY:Send the paper (Ada Lovelace)\r\n"));
  free(todo);
  free(name);

  /* never out: the done follow-up, the deleted contact's call and follow-up */
  name = item_name(db, "followup", 4);
  CHECK(!exists(dir, name));
  free(name);
  name = item_name(db, "followup", 5);
  CHECK(!exists(dir, name));
  free(name);
  name = item_name(db, "conversation", 3);
  CHECK(!exists(dir, name));
  free(name);

  /* the default alarm: 30 minutes */
  fx_exec(db, "UPDATE conversation SET updated_at = 12 WHERE id = 2");
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_WRITTEN], 1);
  sync_report_free(&r);
  name = item_name(db, "conversation", 2);
  ev = slurp(dir, name);
  CHECK(ev && strstr(ev, "TRIGGER:-PT30M\r\n"));
  free(ev);
  free(name);
  db_close(db);
  free(dir);
}

/* Twice: nothing written, no file touched. */
static void test_twice(void) {
  char *dir;
  struct rp_db *db = setup("twice", &dir);
  struct vdir_list a, b;
  struct rp_err err;
  CHECK_INT(vdir_list_read(dir, "ics", &a, &err), RP_OK);
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.n, 0);
  dump_report(&r);
  sync_report_free(&r);
  CHECK_INT(vdir_list_read(dir, "ics", &b, &err), RP_OK);
  CHECK_INT(a.n, b.n);
  for (size_t i = 0; i < a.n && i < b.n; i++) {
    CHECK_INT(a.items[i].inode, b.items[i].inode);
    CHECK_INT(a.items[i].mtime_ns, b.items[i].mtime_ns);
  }
  vdir_list_free(&a);
  vdir_list_free(&b);
  db_close(db);
  free(dir);
}

/* A dry run says what it would do and changes nothing. */
static void test_dry_run(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "dry.db");
  fill(db);
  char *dir = xasprintf("%s/dry-cal", check_tmpdir());
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, true, false, 0, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_WRITTEN], 4);
  sync_report_free(&r);
  CHECK(!exists(dir, ""));
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 0);
  db_close(db);
  db = NULL;
  free(dir);

  db = setup("dry2", &dir);
  char *name = item_name(db, "followup", 2);
  edit(dir, name, "STATUS:NEEDS-ACTION", "STATUS:COMPLETED");
  char *before = slurp(dir, name);
  CHECK_INT(run_sync(db, dir, true, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_READ, name, "follow-up done"));
  CHECK(!reported(&r, SYNC_WRITTEN, name, NULL));
  CHECK_INT(r.n, 1);
  dump_report(&r);
  sync_report_free(&r);
  char *after = slurp(dir, name);
  CHECK_STR(after, before);
  CHECK_INT(fx_scalar(db, "SELECT status = 'open' FROM followup WHERE id = 2"), 1);
  free(before);
  free(after);
  free(name);
  db_close(db);
  free(dir);
}

/* Completed on the phone: done in the journal (a thank-you sent, the
 * contact thanked), the file removed; by STATUS or by COMPLETED alone. */
static void test_in_completed(void) {
  char *dir;
  struct rp_db *db = setup("done", &dir);
  char *check = item_name(db, "followup", 2), *thanks = item_name(db, "followup", 1);
  edit(dir, check, "STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20261207T090000Z");
  edit(dir, thanks, "STATUS:NEEDS-ACTION\r\n", "COMPLETED:20261207T091500Z\r\n");
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_READ, check, "Ada Lovelace: follow-up done"));
  CHECK(reported(&r, SYNC_READ, thanks, "thank-you sent"));
  CHECK(reported(&r, SYNC_REMOVED, check, NULL));
  CHECK(reported(&r, SYNC_REMOVED, thanks, NULL));
  CHECK_INT(r.counts[SYNC_WRITTEN], 0);
  dump_report(&r);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT status = 'done' AND done_at > 0 FROM followup WHERE id = 2"), 1);
  CHECK_INT(fx_scalar(db, "SELECT status = 'sent' FROM followup WHERE id = 1"), 1);
  char *stage = fx_stage_of(db, 2);
  CHECK_STR(stage, "thanked");
  free(stage);
  CHECK(!exists(dir, check));
  CHECK(!exists(dir, thanks));
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 2);
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.n, 0);
  sync_report_free(&r);
  free(check);
  free(thanks);
  db_close(db);
  free(dir);
}

/* DUE moved on the phone (as a DATE-TIME in a zone): later snoozes, earlier
 * moves the due date. */
static void test_in_due_moved(void) {
  char *dir;
  struct rp_db *db = setup("due", &dir);
  char *check = item_name(db, "followup", 2), *action = item_name(db, "followup", 3);
  edit(dir, check, "DUE;VALUE=DATE:20261210", "DUE;TZID=Europe/Paris:20261220T090000");
  edit(dir, action, "DUE;VALUE=DATE:20261205", "DUE;VALUE=DATE:20261203");
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_READ, check, "moved to 2026-12-20"));
  CHECK(reported(&r, SYNC_READ, action, "moved to 2026-12-03"));
  sync_report_free(&r);
  char *t = fx_text(db, "SELECT due || ' ' || snoozed_until FROM followup WHERE id = 2");
  CHECK_STR(t, "2026-12-10 2026-12-20");
  free(t);
  t = fx_text(db, "SELECT due || ' ' || ifnull(snoozed_until, '-') FROM followup WHERE id = 3");
  CHECK_STR(t, "2026-12-03 -");
  free(t);
  t = slurp(dir, check);
  CHECK(t && strstr(t, "DUE;VALUE=DATE:20261220\r\n"));
  free(t);
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.n, 0);
  sync_report_free(&r);
  free(check);
  free(action);
  db_close(db);
  free(dir);
}

/* A VEVENT moved on the phone, written with its own VTIMEZONE: re-planned. */
static void test_in_event_moved(void) {
  char *dir;
  struct rp_db *db = setup("moved", &dir);
  char *name = item_name(db, "conversation", 2);
  edit(dir, name, "BEGIN:VEVENT",
       "BEGIN:VTIMEZONE\r\nTZID:Phone/Plus3\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
       "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nTZNAME:P3\r\nEND:STANDARD\r\n"
       "END:VTIMEZONE\r\nBEGIN:VEVENT");
  edit(dir, name, "DTSTART:20261208T100000Z", "DTSTART;TZID=Phone/Plus3:20261209T170000");
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_READ, name, "conversation moved to Wed 2026-12-09 14:00"));
  CHECK(reported(&r, SYNC_WRITTEN, name, NULL));
  dump_report(&r);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT scheduled_at FROM conversation WHERE id = 2"),
            1796724000 + 86400 + 4 * 3600);
  char *t = slurp(dir, name);
  CHECK(t && strstr(t, "DTSTART:20261209T140000Z\r\n"));
  free(t);
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.n, 0);
  sync_report_free(&r);
  free(name);
  db_close(db);
  free(dir);
}

/* Deleted in the folder: reported and unlinked; with follow_deletes the
 * follow-up is skipped and the conversation cancelled. */
static void test_in_deleted(void) {
  char *dir;
  struct rp_db *db = setup("del", &dir);
  char *check = item_name(db, "followup", 2), *action = item_name(db, "followup", 3),
       *call = item_name(db, "conversation", 2);
  struct rp_err err;
  CHECK_INT(vdir_remove(dir, check, &err), RP_OK);
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_UNLINKED, check, "Check in with Ada Lovelace"));
  CHECK_INT(r.n, 1);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT status = 'open' FROM followup WHERE id = 2"), 1);
  CHECK(!exists(dir, check)); /* not written back */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item WHERE ref_id = 2 AND hash = ''"), 1);
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.n, 0);
  sync_report_free(&r);
  CHECK(!exists(dir, check));

  CHECK_INT(vdir_remove(dir, action, &err), RP_OK);
  CHECK_INT(vdir_remove(dir, call, &err), RP_OK);
  CHECK_INT(run_sync(db, dir, false, true, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_DELETED, action, "skipped"));
  CHECK(reported(&r, SYNC_DELETED, call, "cancelled"));
  CHECK_INT(r.n, 2);
  dump_report(&r);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT status = 'skipped' FROM followup WHERE id = 3"), 1);
  CHECK_INT(fx_scalar(db, "SELECT status = 'cancelled' FROM conversation WHERE id = 2"), 1);
  CHECK(!exists(dir, action));
  CHECK(!exists(dir, call));
  free(check);
  free(action);
  free(call);
  db_close(db);
  free(dir);
}

/* Cancelled on the phone (STATUS:CANCELLED): as if deleted, reported and
 * kept; with follow_deletes the call is cancelled. The file is left as the
 * phone wrote it. */
static void test_in_cancelled(void) {
  char *dir;
  struct rp_db *db = setup("cancel", &dir);
  char *call = item_name(db, "conversation", 2), *check = item_name(db, "followup", 2);
  edit(dir, check, "STATUS:NEEDS-ACTION", "STATUS:CANCELLED");
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_UNLINKED, check, "Check in with Ada Lovelace: cancelled in the calendar"));
  CHECK_INT(r.n, 1);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT status = 'open' FROM followup WHERE id = 2"), 1);
  char *t = slurp(dir, check);
  CHECK(t && strstr(t, "STATUS:CANCELLED"));
  free(t);
  edit(dir, call, "STATUS:CONFIRMED", "STATUS:CANCELLED");
  CHECK_INT(run_sync(db, dir, false, true, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_DELETED, call, "cancelled in the calendar, cancelled"));
  CHECK_INT(r.n, 1);
  dump_report(&r);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT status = 'cancelled' FROM conversation WHERE id = 2"), 1);
  t = slurp(dir, call);
  CHECK(t && strstr(t, "STATUS:CANCELLED"));
  free(t);
  CHECK_INT(run_sync(db, dir, false, true, 0, &r), RP_OK);
  CHECK_INT(r.n, 0);
  sync_report_free(&r);
  free(call);
  free(check);
  db_close(db);
  free(dir);
}

/* A completed VTODO put under a conversation's file name (follow-up 2 and
 * conversation 2 share a row id): nothing read from it, the journal's
 * event written back. */
static void test_in_wrong_kind(void) {
  char *dir;
  struct rp_db *db = setup("kind", &dir);
  char *call = item_name(db, "conversation", 2), *check = item_name(db, "followup", 2);
  edit(dir, check, "STATUS:NEEDS-ACTION", "STATUS:COMPLETED");
  char *todo = slurp(dir, check);
  put(dir, call, todo);
  edit(dir, check, "STATUS:COMPLETED", "STATUS:NEEDS-ACTION");
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_WRITTEN, call, "Conversation with"));
  CHECK_INT(r.n, 1);
  dump_report(&r);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT status = 'open' FROM followup WHERE id = 2"), 1);
  free(todo);
  free(call);
  free(check);
  db_close(db);
  free(dir);
}

/* Malformed items are reported by name and left alone; foreign valid ones
 * are ignored silently; neither is ever removed. */
static void test_malformed_and_foreign(void) {
  char *dir;
  struct rp_db *db = setup("foreign", &dir);
  const char *foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n"
                        "BEGIN:VTODO\r\nUID:bought-milk@phone\r\nSUMMARY:Buy milk\r\n"
                        "STATUS:COMPLETED\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
  const char *no_uid = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:no uid\r\nEND:VTODO\r\n"
                       "END:VCALENDAR\r\n";
  put(dir, "bought-milk@phone.ics", foreign);
  put(dir, "broken.ics", no_uid);
  put(dir, "junk.ics", "this is not a calendar\n");
  char *mine = item_name(db, "followup", 3);
  put(dir, mine, "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:half\r\n");
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK(reported(&r, SYNC_SKIPPED, "broken.ics", "without a UID"));
  CHECK(reported(&r, SYNC_SKIPPED, "junk.ics", NULL));
  CHECK(reported(&r, SYNC_SKIPPED, mine, NULL));
  CHECK(!reported(&r, SYNC_SKIPPED, "bought-milk@phone.ics", NULL));
  CHECK_INT(r.n, 3);
  dump_report(&r);
  sync_report_free(&r);
  char *t = slurp(dir, "bought-milk@phone.ics");
  CHECK_STR(t, foreign);
  free(t);
  t = slurp(dir, "broken.ics");
  CHECK_STR(t, no_uid);
  free(t);
  t = slurp(dir, mine);
  CHECK_STR(t, "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:half\r\n");
  free(t);
  CHECK_INT(fx_scalar(db, "SELECT status = 'open' FROM followup WHERE id = 3"), 1);
  free(mine);
  db_close(db);
  free(dir);
}

/* Changes in the journal go out: a follow-up done or a contact deleted
 * removes its files; a follow-up snoozed rewrites its DUE. */
static void test_journal_changes(void) {
  char *dir;
  struct rp_db *db = setup("journal", &dir);
  struct rp_err err;
  CHECK_INT(followup_mark(db, &cfg, 3, "done", &err), RP_OK);
  CHECK_INT(contact_delete(db, 2, &err), RP_OK);
  CHECK_INT(followup_move(db, 2, "2026-12-24", &err), RP_OK);
  struct sync_report r;
  CHECK_INT(run_sync(db, dir, false, false, 0, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_REMOVED], 3); /* the action, Zoë's call and thank-you */
  CHECK_INT(r.counts[SYNC_WRITTEN], 1);
  dump_report(&r);
  sync_report_free(&r);
  char *name = item_name(db, "followup", 2);
  char *t = slurp(dir, name);
  CHECK(t && strstr(t, "DUE;VALUE=DATE:20261224\r\n"));
  free(t);
  free(name);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 1);
  db_close(db);
  free(dir);
}

int main(void) {
  setenv("TZ", "UTC", 1);
  tzset();
  fx_set_now(1796000000); /* 2026-12-01 */
  fx_pipeline(&cfg);
  test_out();
  test_twice();
  test_dry_run();
  test_in_completed();
  test_in_due_moved();
  test_in_event_moved();
  test_in_deleted();
  test_in_cancelled();
  test_in_wrong_kind();
  test_malformed_and_foreign();
  test_journal_changes();
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  int rc = check_done("sync_calendar");
  check_rmtree(check_tmpdir());
  return rc;
}
