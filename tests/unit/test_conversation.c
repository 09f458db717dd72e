/* test_conversation.c — conversations and their notes: validation of each
 * field, reads and their order, the current conversation, prepare, the
 * call's life cycle (start, end, the move to "met", interrupted calls and
 * their end at the last note), notes with their offsets, referrals that
 * create a contact once and link it afterwards, all or nothing. Each test
 * uses a fresh journal file, a config built by hand and a fixed clock. */
#include <locale.h>

#include <sys/wait.h>
#include <unistd.h>
#include "model/db_sql.h"
#include "fixture.h"
#include "rapport/followup.h"
#include "rapport/contact.h"
#include "rapport/conversation.h"

#define T0 1795000000LL /* 2026-11-18 08:26:40 UTC */

static struct rp_config cfg;
static struct rp_db *db;

static void make_config(void) {
  fx_pipeline(&cfg);
  fx_choice(&cfg.channels, "in-person", "in person", NULL);
  fx_choice(&cfg.channels, "phone", "phone", NULL);
  fx_choice(&cfg.channels, "video", "video", NULL);
  cfg.call_minutes = 25;
}

static void open_fresh(const char *name) {
  fx_open_fresh(&db, name);
  fx_set_now(T0);
}

/* Insert a conversation of `contact` with the given fields; returns its id
 * (0 on failure, with the error in *err_out when given). */
static int64_t conv(int64_t contact, const char *status, int64_t scheduled, int minutes,
                    struct rp_err *err_out) {
  struct rp_conversation c;
  conv_init(&c);
  c.contact_id = contact;
  c.status = xstrdup(status);
  c.scheduled_at = scheduled;
  c.minutes = minutes;
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = conv_insert(db, &cfg, &c, &err);
  if (err_out) *err_out = err;
  int64_t id = st == RP_OK ? c.id : 0;
  conv_free(&c);
  return id;
}

/* Insert c (fields set by the caller) expecting RP_INVALID on `field`. */
static void check_refused(struct rp_conversation *c, const char *field, const char *msg_part) {
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(conv_insert(db, &cfg, c, &err), RP_INVALID);
  CHECK_STR(err.field, field);
  if (!strstr(err.msg, msg_part)) fprintf(stderr, "  message: %s\n", err.msg);
  CHECK(strstr(err.msg, msg_part) != NULL);
  CHECK_INT(c->id, 0);
  conv_free(c);
}

static void test_insert_validate(void) {
  open_fresh("insert.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled");
  struct rp_conversation c;
  struct rp_err err;

  conv_init(&c);
  c.contact_id = ana;
  c.channel = xstrdup(" In Person ");
  c.objective = xstrdup("  how do they hire juniors?  ");
  c.scheduled_at = T0 + 86400;
  CHECK_INT(conv_insert(db, &cfg, &c, &err), RP_OK);
  CHECK(c.id > 0);
  CHECK_STR(c.channel, "in-person"); /* a label in any case is stored as the key */
  CHECK_STR(c.objective, "how do they hire juniors?");
  CHECK_STR(c.status, "planned");
  CHECK_INT(c.minutes, 25); /* from the config */
  CHECK_INT(c.created_at, T0);
  int64_t id = c.id;
  conv_free(&c);

  CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
  CHECK_INT(c.contact_id, ana);
  CHECK_STR(c.contact_name, "Ana");
  CHECK_STR(c.channel, "in-person");
  CHECK_INT(c.scheduled_at, T0 + 86400);
  CHECK_INT(c.minutes, 25);
  CHECK_STR(c.objective, "how do they hire juniors?");
  CHECK_STR(c.status, "planned");
  CHECK_INT(c.started_at, 0);
  CHECK_INT(c.ended_at, 0);
  CHECK_INT(c.fit[0], 0);
  CHECK(c.fit_note[0] == NULL);
  CHECK_INT(c.updated_at, T0);
  conv_free(&c);
  CHECK_INT(conv_get(db, 999, &c, &err), RP_NO);

  /* the default length without a config value */
  cfg.call_minutes = 0;
  int64_t id2 = conv(ana, NULL, 0, 0, NULL);
  cfg.call_minutes = 25;
  CHECK_INT(fx_scalar(db, "SELECT minutes FROM conversation ORDER BY id DESC LIMIT 1"), 20);
  CHECK(id2 > 0);
  CHECK(conv(ana, "HELD", 0, 1, NULL) > 0);   /* status in any case; 1 minute is allowed */
  CHECK(conv(ana, "cancelled", 0, 240, NULL) > 0);
  long long before = fx_scalar(db, "SELECT count(*) FROM conversation");

  /* each field refused, nothing written */
  conv_init(&c);
  check_refused(&c, "contact", "no contact with id 0");
  conv_init(&c);
  c.contact_id = 999;
  check_refused(&c, "contact", "no contact with id 999");
  int64_t gone = fx_add_contact(db, &cfg, "Gone", "identified");
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);
  conv_init(&c);
  c.contact_id = gone;
  check_refused(&c, "contact", "Gone is deleted");
  conv_init(&c);
  c.contact_id = ana;
  c.channel = xstrdup("carrier pigeon");
  check_refused(&c, "channel", "channel 'carrier pigeon' is not one of: in-person, phone, video");
  conv_init(&c);
  c.contact_id = ana;
  c.minutes = 241;
  check_refused(&c, "minutes", "from 1 to 240, not 241");
  conv_init(&c);
  c.contact_id = ana;
  c.minutes = -5;
  check_refused(&c, "minutes", "not -5");
  conv_init(&c);
  c.contact_id = ana;
  c.status = xstrdup("done");
  check_refused(&c, "status", "planned, live, interrupted, held, cancelled");
  conv_init(&c);
  c.contact_id = ana;
  c.fit[2] = 6;
  check_refused(&c, "fit", "Do I want it?");
  conv_init(&c);
  c.contact_id = ana;
  c.fit[0] = -1;
  check_refused(&c, "fit", "not -1");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), before);
}

static void test_update(void) {
  open_fresh("update.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "asked"),
          bob = fx_add_contact(db, &cfg, "Bob", "identified");
  int64_t id = conv(ana, NULL, 0, 0, NULL);
  struct rp_conversation c;
  struct rp_err err;
  fx_set_now(T0 + 60);
  CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
  str_replace(&c.objective, "learn about the field");
  str_replace(&c.channel, "Video");
  c.minutes = 30;
  c.scheduled_at = T0 + 3600;
  c.fit[0] = 4;
  c.fit[3] = 5;
  str_replace(&c.fit_note[3], " leads to research roles ");
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_OK);
  CHECK_INT(c.updated_at, T0 + 60);
  conv_free(&c);
  CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
  CHECK_STR(c.objective, "learn about the field");
  CHECK_STR(c.channel, "video");
  CHECK_INT(c.minutes, 30);
  CHECK_INT(c.scheduled_at, T0 + 3600);
  CHECK_INT(c.fit[0], 4);
  CHECK_INT(c.fit[3], 5);
  CHECK_STR(c.fit_note[3], "leads to research roles");
  CHECK_INT(c.created_at, T0);
  CHECK_INT(c.updated_at, T0 + 60);

  /* a bad value changes nothing */
  c.fit[1] = 9;
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "fit");
  c.fit[1] = 0;
  c.minutes = 0;
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_INVALID); /* 0 means "default" only on insert */
  CHECK_STR(err.field, "minutes");
  c.minutes = 30;
  c.contact_id = bob;
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "contact");
  c.contact_id = ana;
  /* a channel the config no longer lists is kept when unchanged */
  CHECK_INT(sqlite3_exec(db_handle(db), "UPDATE conversation SET channel = 'smoke-signal'", NULL,
                         NULL, NULL),
            SQLITE_OK);
  str_replace(&c.channel, "smoke-signal");
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_OK);
  str_replace(&c.channel, "telegraph");
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_INVALID);
  CHECK_STR(err.field, "channel");
  conv_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT fit2 FROM conversation"), 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation WHERE channel = 'smoke-signal'"), 1);

  /* saving a conversation as held (logged after the fact) moves to met */
  FX_CHECK_STAGE(db, ana, "asked");
  CHECK_INT(conv_get(db, id, &c, &err), RP_OK);
  str_replace(&c.status, "held");
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_OK);
  conv_free(&c);
  FX_CHECK_STAGE(db, ana, "met");

  conv_init(&c);
  c.id = 999;
  c.status = xstrdup("planned");
  c.minutes = 20;
  CHECK_INT(conv_update(db, &cfg, &c, &err), RP_NO);
  conv_free(&c);
}

static void test_list_and_current(void) {
  open_fresh("current.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled"),
          bob = fx_add_contact(db, &cfg, "Bob", "scheduled");
  struct rp_err err;
  int64_t cur;
  CHECK_INT(conv_current(db, ana, &cur, &err), RP_NO);
  CHECK_INT(cur, 0);
  struct rp_conversation_list l;
  CHECK_INT(conv_list(db, ana, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
  conv_list_free(&l);

  int64_t unscheduled = conv(ana, NULL, 0, 0, NULL);
  CHECK_INT(conv_current(db, ana, &cur, &err), RP_OK);
  CHECK_INT(cur, unscheduled);
  fx_set_now(T0 + 10);
  int64_t later = conv(ana, "planned", T0 + 7 * 86400, 0, NULL);
  CHECK_INT(conv_current(db, ana, &cur, &err), RP_OK);
  CHECK_INT(cur, later); /* a scheduled one before an unscheduled one */
  fx_set_now(T0 + 20);
  int64_t sooner = conv(ana, "planned", T0 + 2 * 86400, 0, NULL);
  int64_t unscheduled2 = conv(ana, NULL, 0, 0, NULL);
  int64_t held = conv(ana, "held", 0, 0, NULL);
  int64_t cancelled = conv(ana, "cancelled", T0 + 86400, 0, NULL);
  CHECK_INT(conv_current(db, ana, &cur, &err), RP_OK);
  CHECK_INT(cur, sooner); /* soonest; held and cancelled never count */
  CHECK_INT(conv_current(db, bob, &cur, &err), RP_NO);
  /* a live or interrupted call comes first */
  fx_set_now(T0 + 30);
  CHECK_INT(conv_start(db, unscheduled2, &err), RP_OK);
  CHECK_INT(conv_current(db, ana, &cur, &err), RP_OK);
  CHECK_INT(cur, unscheduled2);
  int64_t *ids = NULL;
  size_t n = 0;
  CHECK_INT(conv_mark_interrupted(db, &ids, &n, &err), RP_OK);
  free(ids);
  CHECK_INT(conv_current(db, ana, &cur, &err), RP_OK);
  CHECK_INT(cur, unscheduled2);

  /* newest first: started, else scheduled, else created */
  CHECK_INT(conv_list(db, ana, &l, &err), RP_OK);
  CHECK_INT(l.n, 6);
  int64_t want[] = {later, sooner, cancelled, unscheduled2, held, unscheduled};
  for (size_t i = 0; i < l.n && i < RP_ARRAY_LEN(want); i++) {
    if (l.v[i].id != want[i]) fprintf(stderr, "  list[%zu] = %lld\n", i, (long long)l.v[i].id);
    CHECK_INT(l.v[i].id, want[i]);
    CHECK_STR(l.v[i].contact_name, "Ana");
  }
  conv_list_free(&l);
  CHECK(l.v == NULL && l.n == 0);
  CHECK_INT(conv_list(db, bob, &l, &err), RP_OK);
  CHECK_INT(l.n, 0);
  conv_list_free(&l);
}

static void test_prepare(void) {
  open_fresh("prepare.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled");
  struct rp_err err;
  int64_t a = 0, b = 0;
  CHECK_INT(conv_prepare(db, &cfg, ana, &a, &err), RP_OK);
  CHECK(a > 0);
  CHECK_INT(conv_prepare(db, &cfg, ana, &b, &err), RP_OK);
  CHECK_INT(b, a);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), 1);
  CHECK_INT(fx_scalar(db, "SELECT minutes FROM conversation"), 25);
  CHECK_INT(fx_scalar(db, "SELECT status = 'planned' FROM conversation"), 1);
  /* once it is held, the next prepare plans a new one */
  CHECK_INT(conv_start(db, a, &err), RP_OK);
  CHECK_INT(conv_prepare(db, &cfg, ana, &b, &err), RP_OK);
  CHECK_INT(b, a); /* the live call is the current one */
  CHECK_INT(conv_end(db, &cfg, a, &err), RP_OK);
  /* the thank-you is owed from the moment the call ends (a terminal
   * closed during the wrap-up loses nothing), once */
  char *owed = xasprintf("SELECT count(*) FROM followup WHERE conversation_id = %lld AND "
                         "kind = 'thank-you' AND status = 'open'",
                         (long long)a);
  CHECK_INT(fx_scalar(db, owed), 1);
  int64_t tid = 0;
  CHECK_INT(followup_thank_you(db, &cfg, a, &tid, &err), RP_OK);
  CHECK(tid > 0);
  CHECK_INT(fx_scalar(db, owed), 1);
  free(owed);
  CHECK_INT(conv_prepare(db, &cfg, ana, &b, &err), RP_OK);
  CHECK(b != a && b > 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation"), 2);
  CHECK_INT(conv_prepare(db, &cfg, 999, &b, &err), RP_INVALID);
  CHECK_INT(b, 0);
  CHECK_STR(err.field, "contact");
}

/* A live call belongs to the process that started it: another process (a
 * second window) neither marks it interrupted nor ends or takes it; once
 * the owner is gone, it can. */
static void test_two_windows(void) {
  open_fresh("windows.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled");
  struct rp_err err;
  int64_t id = conv(ana, NULL, 0, 0, NULL);
  char *path = xasprintf("%s/windows.db", check_tmpdir());
  int up[2], down[2];
  CHECK_INT(pipe(up), 0);
  CHECK_INT(pipe(down), 0);
  pid_t pid = fork();
  if (pid == 0) { /* the first window: starts the call and keeps it */
    close(up[0]);
    close(down[1]);
    struct rp_db *mine = NULL;
    int ok = db_open(path, &mine, &err) == RP_OK && conv_start(mine, id, &err) == RP_OK;
    char c = ok ? 'y' : 'n';
    if (write(up[1], &c, 1) != 1) _exit(2);
    if (read(down[0], &c, 1) != 1) _exit(2); /* until told to go */
    _exit(ok ? 0 : 1); /* dies without ending the call */
  }
  close(up[1]);
  close(down[0]);
  char c = 0;
  CHECK_INT(read(up[0], &c, 1), 1);
  CHECK_INT(c, 'y');
  /* the second window */
  CHECK(conv_live_elsewhere(db, id));
  int64_t *ids = NULL;
  size_t n = 0;
  CHECK_INT(conv_mark_interrupted(db, &ids, &n, &err), RP_OK);
  CHECK_INT(n, 0);
  free(ids);
  CHECK_INT(fx_scalar(db, "SELECT status = 'live' FROM conversation"), 1);
  CHECK_INT(conv_end(db, &cfg, id, &err), RP_INVALID);
  CHECK(strstr(err.msg, "going on in another window") != NULL);
  CHECK_INT(conv_start(db, id, &err), RP_INVALID);
  CHECK(strstr(err.msg, "going on in another window") != NULL);
  /* the first window dies: the call is interrupted, and can be taken over */
  CHECK_INT(write(down[1], "x", 1), 1);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(!conv_live_elsewhere(db, id));
  ids = NULL;
  n = 0;
  CHECK_INT(conv_mark_interrupted(db, &ids, &n, &err), RP_OK);
  CHECK_INT(n, 1);
  free(ids);
  CHECK_INT(conv_start(db, id, &err), RP_OK);
  CHECK_INT(conv_end(db, &cfg, id, &err), RP_OK);
  close(up[0]);
  close(down[1]);
  free(path);
}

static void test_start_end(void) {
  open_fresh("start.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled"),
          tom = fx_add_contact(db, &cfg, "Tom", "thanked");
  int64_t odd = fx_add_contact(db, &cfg, "Odd", "identified");
  struct rp_err err;
  int64_t c1 = conv(ana, NULL, 0, 0, NULL);
  CHECK_INT(conv_end(db, &cfg, c1, &err), RP_INVALID); /* not started */
  CHECK_STR(err.field, "status");
  fx_set_now(T0 + 100);
  CHECK_INT(conv_start(db, c1, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT started_at FROM conversation"), T0 + 100);
  CHECK_INT(fx_scalar(db, "SELECT status = 'live' FROM conversation"), 1);
  fx_set_now(T0 + 200);
  CHECK_INT(conv_start(db, c1, &err), RP_OK); /* resuming keeps the clock */
  CHECK_INT(fx_scalar(db, "SELECT started_at FROM conversation"), T0 + 100);
  FX_CHECK_STAGE(db, ana, "scheduled");
  fx_set_now(T0 + 1300);
  CHECK_INT(conv_end(db, &cfg, c1, &err), RP_OK);
  struct rp_conversation c;
  CHECK_INT(conv_get(db, c1, &c, &err), RP_OK);
  CHECK_STR(c.status, "held");
  CHECK_INT(c.started_at, T0 + 100);
  CHECK_INT(c.ended_at, T0 + 1300);
  conv_free(&c);
  FX_CHECK_STAGE(db, ana, "met");
  CHECK_INT(conv_start(db, c1, &err), RP_INVALID); /* held: plan a new one */
  CHECK_STR(err.field, "status");
  CHECK_INT(conv_end(db, &cfg, c1, &err), RP_INVALID);
  CHECK_INT(conv_start(db, 999, &err), RP_NO);
  CHECK_INT(conv_end(db, &cfg, 999, &err), RP_NO);

  /* a later stage stays; a stage the config does not list stays */
  int64_t c2 = conv(tom, NULL, 0, 0, NULL);
  CHECK_INT(conv_start(db, c2, &err), RP_OK);
  CHECK_INT(conv_end(db, &cfg, c2, &err), RP_OK);
  FX_CHECK_STAGE(db, tom, "thanked");
  CHECK_INT(sqlite3_exec(db_handle(db), "UPDATE contact SET stage = 'paused' WHERE name = 'Odd'",
                         NULL, NULL, NULL),
            SQLITE_OK);
  int64_t c3 = conv(odd, NULL, 0, 0, NULL);
  CHECK_INT(conv_start(db, c3, &err), RP_OK);
  CHECK_INT(conv_end(db, &cfg, c3, &err), RP_OK);
  FX_CHECK_STAGE(db, odd, "paused");
}

static void test_interrupted(void) {
  open_fresh("interrupted.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled"),
          bob = fx_add_contact(db, &cfg, "Bob", "asked");
  struct rp_err err;
  int64_t c1 = conv(ana, NULL, 0, 0, NULL), c2 = conv(bob, NULL, 0, 0, NULL);
  int64_t c3 = conv(bob, "planned", T0 + 86400, 0, NULL);
  CHECK_INT(conv_start(db, c1, &err), RP_OK);
  CHECK_INT(conv_start(db, c2, &err), RP_OK);
  fx_set_now(T0 + 30);
  CHECK_INT(note_add(db, &cfg, c1, "first", NULL, &err), RP_OK);
  fx_set_now(T0 + 95);
  CHECK_INT(note_add(db, &cfg, c1, "! second", NULL, &err), RP_OK);

  /* nothing live: nothing marked, the list is appended to */
  int64_t *ids = xmalloc(sizeof *ids);
  ids[0] = -7;
  size_t n = 1;
  fx_set_now(T0 + 5000);
  CHECK_INT(conv_mark_interrupted(db, &ids, &n, &err), RP_OK);
  CHECK_INT(n, 3);
  if (n == 3) {
    CHECK_INT(ids[0], -7);
    CHECK_INT(ids[1], c1);
    CHECK_INT(ids[2], c2);
  }
  free(ids);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM conversation WHERE status = 'interrupted'"), 2);
  CHECK_INT(fx_scalar(db, "SELECT status = 'planned' FROM conversation WHERE id = 3"), 1);
  (void)c3;
  /* again: nothing is live any more, but both are still interrupted */
  ids = NULL;
  n = 0;
  CHECK_INT(conv_mark_interrupted(db, &ids, &n, &err), RP_OK);
  CHECK_INT(n, 2);
  free(ids);
  /* notes can still be added (the line being typed when it died) */
  fx_set_now(T0 + 6000);
  struct rp_note note;
  CHECK_INT(note_add(db, &cfg, c2, "+ saved on SIGHUP", &note, &err), RP_OK);
  CHECK_INT(note.offset, 6000);
  note_free(&note);
  /* ending an interrupted call: at its last note, else at its start */
  fx_set_now(T0 + 90000);
  CHECK_INT(conv_end(db, &cfg, c1, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT ended_at FROM conversation WHERE id = 1"), T0 + 95);
  FX_CHECK_STAGE(db, ana, "met");
  CHECK_INT(sqlite3_exec(db_handle(db), "DELETE FROM note WHERE conversation_id = 2", NULL, NULL,
                         NULL),
            SQLITE_OK);
  CHECK_INT(conv_end(db, &cfg, c2, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT ended_at FROM conversation WHERE id = 2"), T0);
  FX_CHECK_STAGE(db, bob, "met");
  ids = NULL;
  n = 0;
  CHECK_INT(conv_mark_interrupted(db, &ids, &n, &err), RP_OK);
  CHECK_INT(n, 0);
  free(ids);
}

static void test_notes(void) {
  open_fresh("notes.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana", "scheduled");
  struct rp_err err;
  int64_t c1 = conv(ana, NULL, 0, 0, NULL);
  struct rp_note n;
  CHECK_INT(note_add(db, &cfg, c1, "too early", &n, &err), RP_INVALID); /* planned */
  CHECK_STR(err.field, "status");
  CHECK(n.id == 0 && n.text == NULL);
  CHECK_INT(note_add(db, &cfg, 999, "x", NULL, &err), RP_NO);
  CHECK_INT(conv_start(db, c1, &err), RP_OK);
  fx_set_now(T0 + 5);
  CHECK_INT(note_add(db, &cfg, c1, "  ! they hire juniors in spring  ", &n, &err), RP_OK);
  CHECK(n.id > 0);
  CHECK_INT(n.conversation_id, c1);
  CHECK_INT(n.offset, 5);
  CHECK_INT(n.tag, NOTE_INSIGHT);
  CHECK_STR(n.text, "they hire juniors in spring");
  CHECK_INT(n.contact_ref, 0);
  CHECK_INT(n.created_at, T0 + 5);
  int64_t n1 = n.id;
  char *line = note_line(&n);
  CHECK_STR(line, "! they hire juniors in spring");
  free(line);
  note_free(&n);
  fx_set_now(T0 + 65);
  CHECK_INT(note_add(db, &cfg, c1, "a plain line, 中文 too", NULL, &err), RP_OK);
  CHECK_INT(note_add(db, &cfg, c1, "* my pitch runs long", NULL, &err), RP_OK);
  fx_set_now(T0 + 64); /* the clock went back: the order is offset, then id */
  CHECK_INT(note_add(db, &cfg, c1, "+ send her the article", NULL, &err), RP_OK);
  /* empty lines and lone tags save nothing */
  const char *empty[] = {"", "   ", "!", " * ", "@"};
  for (size_t i = 0; i < RP_ARRAY_LEN(empty); i++) {
    CHECK_INT(note_add(db, &cfg, c1, empty[i], NULL, &err), RP_INVALID);
    CHECK_STR(err.field, "text");
  }
  CHECK_INT(note_add(db, &cfg, c1, "@ — nobody", NULL, &err), RP_INVALID);
  CHECK_STR(err.field, "name");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM note"), 4);

  struct rp_note_list l;
  CHECK_INT(note_list(db, c1, &l, &err), RP_OK);
  CHECK_INT(l.n, 4);
  if (l.n == 4) {
    CHECK_INT(l.v[0].offset, 5);
    CHECK_INT(l.v[1].offset, 64);
    CHECK_INT(l.v[1].tag, NOTE_ACTION);
    CHECK_INT(l.v[2].offset, 65);
    CHECK_INT(l.v[2].tag, NOTE_PLAIN);
    CHECK_INT(l.v[3].offset, 65);
    CHECK_INT(l.v[3].tag, NOTE_FEEDBACK);
    CHECK(l.v[2].id < l.v[3].id);
    char *a = note_line(&l.v[2]), *b = note_line(&l.v[3]), *c = note_line(&l.v[1]);
    CHECK_STR(a, "a plain line, 中文 too");
    CHECK_STR(b, "* my pitch runs long");
    CHECK_STR(c, "+ send her the article");
    free(a);
    free(b);
    free(c);
  }
  note_list_free(&l);
  CHECK(l.v == NULL && l.n == 0);

  /* update: re-parsed, the offset kept */
  fx_set_now(T0 + 500);
  CHECK_INT(note_update(db, &cfg, n1, "* they hire in spring and autumn", &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT offset_s FROM note WHERE id = 1"), 5);
  CHECK_INT(fx_scalar(db,
                      "SELECT tag = 'feedback' AND text = 'they hire in spring and autumn' AND "
                      "updated_at = 1795000500 AND created_at = 1795000005 FROM note WHERE id = 1"),
            1);
  CHECK_INT(note_update(db, &cfg, n1, "  ", &err), RP_INVALID);
  CHECK_INT(note_update(db, &cfg, 999, "x", &err), RP_NO);
  CHECK_INT(fx_scalar(db, "SELECT text = 'they hire in spring and autumn' FROM note WHERE id = 1"),
            1);
  /* notes can be corrected after the call too */
  CHECK_INT(conv_end(db, &cfg, c1, &err), RP_OK);
  CHECK_INT(note_update(db, &cfg, n1, "they hire all year", &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT tag = '' FROM note WHERE id = 1"), 1);
  CHECK_INT(note_add(db, &cfg, c1, "after the end", NULL, &err), RP_INVALID);
  /* delete */
  CHECK_INT(note_delete(db, n1, &err), RP_OK);
  CHECK_INT(note_delete(db, n1, &err), RP_NO);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM note"), 3);

  char plain_text[] = "x";
  struct rp_note plain = {.tag = NOTE_PLAIN, .text = plain_text};
  line = note_line(&plain);
  CHECK_STR(line, "x");
  free(line);
  char ref_text[] = "Priya, Acme";
  struct rp_note ref = {.tag = NOTE_REFERRAL, .text = ref_text};
  line = note_line(&ref);
  CHECK_STR(line, "@ Priya, Acme");
  free(line);
}

static void test_referrals(void) {
  open_fresh("referrals.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana Lopez", "scheduled");
  struct rp_err err;
  int64_t c1 = conv(ana, NULL, 0, 0, NULL);
  CHECK_INT(conv_start(db, c1, &err), RP_OK);
  fx_set_now(T0 + 42);
  struct rp_note n;
  CHECK_INT(note_add(db, &cfg, c1, "@Priya Shah, Acme — runs their research team", &n, &err),
            RP_OK);
  CHECK_INT(n.tag, NOTE_REFERRAL);
  CHECK_STR(n.text, "Priya Shah, Acme — runs their research team");
  CHECK(n.contact_ref > 0);
  int64_t priya = n.contact_ref;
  note_free(&n);
  struct rp_contact c;
  CHECK_INT(contact_get(db, priya, &c, &err), RP_OK);
  CHECK_STR(c.name, "Priya Shah");
  CHECK_STR(c.org, "Acme");
  CHECK_STR(c.work, "runs their research team");
  CHECK_INT(c.introduced_by, ana);
  CHECK_STR(c.how_known, "referral");
  CHECK_STR(c.warmth, "warm");
  CHECK_STR(c.stage, "identified");
  contact_free(&c);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), 2);

  /* the second time the same person (any case) is linked, not created */
  CHECK_INT(note_add(db, &cfg, c1, "@ PRIYA SHAH — said it again", &n, &err), RP_OK);
  CHECK_INT(n.contact_ref, priya);
  note_free(&n);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), 2);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM note WHERE contact_ref = 2"), 2);
  /* a deleted contact is not linked: a new one is made */
  int64_t gone = fx_add_contact(db, &cfg, "Kim Gone", "identified");
  CHECK_INT(contact_delete(db, gone, &err), RP_OK);
  CHECK_INT(note_add(db, &cfg, c1, "@Kim Gone", &n, &err), RP_OK);
  CHECK(n.contact_ref > 0 && n.contact_ref != gone);
  int64_t kim = n.contact_ref;
  note_free(&n);
  CHECK_INT(contact_get(db, kim, &c, &err), RP_OK);
  CHECK(c.org == NULL && c.work == NULL);
  contact_free(&c);

  /* all or nothing: when the contact cannot be made, no note either */
  struct rp_config bare = {0}; /* no stages: a contact cannot be added */
  long long contacts = fx_scalar(db, "SELECT count(*) FROM contact");
  long long notes = fx_scalar(db, "SELECT count(*) FROM note");
  CHECK_INT(note_add(db, &bare, c1, "@Zoë Ørsted, Ærø Labs — maps", &n, &err), RP_INVALID);
  CHECK_STR(err.field, "referral");
  CHECK(strstr(err.msg, "Zoë Ørsted") != NULL);
  CHECK(n.id == 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), contacts);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM note"), notes);
  /* without a "referral" kind, the contact is still created */
  fx_choice(&bare.stages, "identified", "identified", NULL);
  CHECK_INT(note_add(db, &bare, c1, "@Lee Nokind, Beta", &n, &err), RP_OK);
  CHECK_INT(contact_get(db, n.contact_ref, &c, &err), RP_OK);
  CHECK(c.how_known == NULL);
  CHECK_INT(c.introduced_by, ana);
  CHECK_STR(c.org, "Beta");
  contact_free(&c);
  note_free(&n);
  fx_choices_free(&bare.stages);

  /* an update into a referral links or creates, and keeps the offset */
  CHECK_INT(note_add(db, &cfg, c1, "ask about Li", &n, &err), RP_OK);
  int64_t nid = n.id;
  note_free(&n);
  fx_set_now(T0 + 999);
  CHECK_INT(note_update(db, &cfg, nid, "@李小龙, 金禾 — 研究", &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = '李小龙' AND org = '金禾' AND "
                          "work = '研究'"),
            1);
  CHECK_INT(
      fx_scalar(db, "SELECT n.offset_s = 42 AND n.contact_ref = c.id FROM note n "
                    "JOIN contact c ON c.name = '李小龙' WHERE n.id = (SELECT max(id) FROM note)"),
      1);
  CHECK_INT(note_update(db, &cfg, nid, "@ priya shah", &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT contact_ref FROM note WHERE id = (SELECT max(id) FROM note)"),
            priya);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = '李小龙'"), 1); /* stays */
  CHECK_INT(note_update(db, &cfg, nid, "no longer a referral", &err), RP_OK);
  CHECK_INT(
      fx_scalar(db, "SELECT contact_ref IS NULL FROM note WHERE id = (SELECT max(id) FROM note)"),
      1);
  CHECK_INT(note_update(db, &bare, nid, "@New Person", &err), RP_INVALID);
  CHECK_INT(
      fx_scalar(
          db,
          "SELECT text = 'no longer a referral' FROM note WHERE id = (SELECT max(id) FROM note)"),
      1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'New Person'"), 0);
  /* the referral's contact outlives its note */
  CHECK_INT(sqlite3_exec(db_handle(db), "DELETE FROM contact WHERE id = 2", NULL, NULL, NULL),
            SQLITE_OK);
  CHECK_INT(
      fx_scalar(db, "SELECT count(*) FROM note WHERE contact_ref IS NULL AND tag = 'referral'"), 2);
}

/* The contact being called is deleted in another window during the call:
 * a referral typed afterwards is still saved (the new person is created,
 * without an introducer that no longer exists) and the call still ends. */
static void test_referral_after_delete(void) {
  open_fresh("referral-deleted.db");
  int64_t ana = fx_add_contact(db, &cfg, "Ana Lopez", "scheduled");
  struct rp_err err;
  int64_t c1 = conv(ana, NULL, 0, 0, NULL);
  CHECK_INT(conv_start(db, c1, &err), RP_OK);
  CHECK_INT(contact_delete(db, ana, &err), RP_OK);
  struct rp_note n;
  CHECK_INT(note_add(db, &cfg, c1, "@Tomás Ruiz, CharityComms — runs their digital team", &n, &err),
            RP_OK);
  CHECK(n.contact_ref > 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Tomás Ruiz' AND "
                          "deleted_at IS NULL AND introduced_by IS NULL"),
            1);
  note_free(&n);
  CHECK_INT(conv_end(db, &cfg, c1, &err), RP_OK);
  CHECK_INT(fx_scalar(db, "SELECT status = 'held' FROM conversation WHERE id = 1"), 1);
}

static void test_fit_questions(void) {
  CHECK_STR(rp_fit_questions[0], "Would I succeed there?");
  CHECK_STR(rp_fit_questions[1], "Would it fit me?");
  CHECK_STR(rp_fit_questions[2], "Do I want it?");
  CHECK_STR(rp_fit_questions[3], "Where can it lead?");
}

int main(void) {
  setlocale(LC_ALL, "");
  make_config();
  test_insert_validate();
  test_update();
  test_list_and_current();
  test_prepare();
  test_start_end();
  test_two_windows();
  test_interrupted();
  test_notes();
  test_referrals();
  test_referral_after_delete();
  test_fit_questions();
  if (db) db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  fx_choices_free(&cfg.channels);
  check_rmtree(check_tmpdir());
  return check_done("test_conversation");
}
