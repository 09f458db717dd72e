/* test_sync_contacts.c — the contacts side of a sync (src/io/sync*.c):
 * contacts out as cards with every field a phone shows and rapport's own
 * as X-RAPPORT-*, cards changed in the folder merged in field by field,
 * a real conflict kept in the notes, new cards as new contacts, deleted
 * files unlinking (or, with --delete, deleting, undoably), malformed
 * cards skipped, a second sync changing nothing, a dry run changing
 * nothing, a killed sync finished by the next, undo of a sync. */
#include <sys/stat.h>

#include "fixture.h"
#include "rapport/sync.h"
#include "rapport/undo.h"
#include "rapport/vdir.h"

static struct rp_config cfg;
static struct rp_db *db;
static char dir[512];

/* Sync the contacts folder; returns the status, fills *r (caller frees). */
static enum rp_status run(bool dry, bool del, struct sync_report *r) {
  struct sync_opts o = {.contacts_dir = dir, .dry_run = dry, .follow_deletes = del};
  struct rp_err err;
  rp_err_clear(&err);
  memset(r, 0, sizeof *r);
  enum rp_status s = sync_run(db, &cfg, &o, r, &err);
  if (s != RP_OK) fprintf(stderr, "sync: %s\n", err.msg);
  return s;
}

/* A sync that must work; returns how many lines of kind w it reported. */
static long sync_count(bool dry, bool del, enum sync_what w) {
  struct sync_report r;
  CHECK_INT(run(dry, del, &r), RP_OK);
  long n = r.counts[w];
  sync_report_free(&r);
  return n;
}

/* The report's lines as "what file text|…" (caller frees). */
static char *report_text(const struct sync_report *r) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < r->n; i++)
    buf_addf(&b, "%s%s %s", i ? "|" : "", sync_what_name(r->lines[i].what), r->lines[i].text);
  return buf_steal(&b);
}

static char *path_of(const char *name) { return xasprintf("%s/%s", dir, name); }

/* The bytes of file `name` of the folder, or NULL (caller frees). */
static char *slurp(const char *name) {
  char *p = path_of(name);
  FILE *f = fopen(p, "rb");
  free(p);
  if (!f) return NULL;
  struct rp_buf b = {0};
  char chunk[4096];
  size_t n;
  buf_adds(&b, "");
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
  fclose(f);
  return buf_steal(&b);
}

static void put(const char *name, const char *text) {
  char *p = path_of(name);
  FILE *f = fopen(p, "wb");
  if (!f) { perror(p); exit(2); }
  fputs(text, f);
  fclose(f);
  free(p);
}

/* The only .vcf file of the folder's listing (caller frees), or NULL. */
static char *only_card(void) {
  struct vdir_list l = {0};
  struct rp_err err;
  char *name = NULL;
  if (vdir_list_read(dir, "vcf", &l, &err) == RP_OK && l.n == 1) name = xstrdup(l.items[0].name);
  CHECK_INT(l.n, 1);
  vdir_list_free(&l);
  return name;
}

/* Replace the first "from" in card `name` with "to". */
static void edit(const char *name, const char *from, const char *to) {
  char *t = slurp(name);
  char *at = t ? strstr(t, from) : NULL;
  CHECK(at != NULL);
  if (!at) { free(t); return; }
  char *n = xasprintf("%.*s%s%s", (int)(at - t), t, to, at + strlen(from));
  put(name, n);
  free(n);
  free(t);
}

static void fresh(const char *name) {
  fx_open_fresh(&db, name);
  snprintf(dir, sizeof dir, "%s/%s.cards", check_tmpdir(), name);
  fx_set_now(1700000000);
}

/* Priya, with two phones, an email, a URL, a title, a location, notes,
 * tags and rapport's own fields. */
static int64_t add_priya(void) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup("Priya Shah");
  c.org = xstrdup("Acme");
  c.role = xstrdup("CTO");
  c.location = xstrdup("London");
  c.notes = xstrdup("Met at the meetup");
  c.how_known = xstrdup("friend");
  c.stage = xstrdup("met");
  c.cadence_set = true;
  c.cadence_days = 30;
  contact_values_add(&c.emails, VALUE_EMAIL, "priya@acme.example", "work", true);
  contact_values_add(&c.phones, VALUE_PHONE, "+44 20 7946 0000", "work", true);
  contact_values_add(&c.phones, VALUE_PHONE, "+44 7700 900123", "mobile", false);
  contact_values_add(&c.urls, VALUE_URL, "https://example.org/priya", NULL, false);
  c.email = xstrdup("priya@acme.example");
  c.phone = xstrdup("+44 20 7946 0000");
  c.url = xstrdup("https://example.org/priya");
  c.values_read = true;
  strv_push(&c.tags, "mentor");
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

static char *contact_text(int64_t id, const char *col) {
  char *sql = xasprintf("SELECT %s FROM contact WHERE id = %lld", col, (long long)id);
  char *t = fx_text(db, sql);
  free(sql);
  return t;
}

static void test_out(void) {
  fresh("out.db");
  int64_t id = add_priya();
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  struct stat sb;
  CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700);
  char *name = only_card();
  char *t = name ? slurp(name) : NULL;
  CHECK(t != NULL);
  if (t) {
    const char *want[] = {"BEGIN:VCARD\r\nVERSION:3.0\r\n", "\r\nUID:urn:uuid:", "\r\nFN:Priya Shah\r\n",
                          "\r\nN:Shah;Priya;;;\r\n", "\r\nORG:Acme\r\n", "\r\nTITLE:CTO\r\n",
                          "\r\nEMAIL;TYPE=INTERNET,WORK:priya@acme.example\r\n",
                          "\r\nTEL;TYPE=WORK,PREF:+44 20 7946 0000\r\n",
                          "\r\nTEL;TYPE=CELL:+44 7700 900123\r\n",
                          "\r\nURL:https://example.org/priya\r\n", "\r\nADR:;;;London;;;\r\n",
                          "\r\nNOTE:Met at the meetup\r\n", "\r\nCATEGORIES:mentor\r\n",
                          "\r\nX-RAPPORT-HOW-KNOWN:friend\r\n", "\r\nX-RAPPORT-STAGE:met\r\n",
                          "\r\nX-RAPPORT-CADENCE:30\r\n", "\r\nEND:VCARD\r\n"};
    for (size_t i = 0; i < RP_ARRAY_LEN(want); i++)
      if (!strstr(t, want[i])) {
        fprintf(stderr, "card lacks %s\n%s\n", want[i], t);
        CHECK(0);
      }
    /* the file is named from its UID */
    char *uid = strstr(t, "UID:urn:uuid:") + 13;
    CHECK(strncmp(uid, name, 36) == 0 && strcmp(name + 36, ".vcf") == 0);
    char *p = path_of(name);
    CHECK(stat(p, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    free(p);
  }
  /* twice: nothing written, the file untouched */
  char *p = name ? path_of(name) : NULL;
  struct stat before, after;
  CHECK(p && stat(p, &before) == 0);
  struct sync_report r;
  CHECK_INT(run(false, false, &r), RP_OK);
  CHECK_INT(r.n, 0);
  sync_report_free(&r);
  CHECK(p && stat(p, &after) == 0);
  CHECK(before.st_ino == after.st_ino && before.st_mtim.tv_nsec == after.st_mtim.tv_nsec &&
        before.st_mtim.tv_sec == after.st_mtim.tv_sec);
  /* a contact deleted in rapport: its file goes */
  struct rp_err err;
  CHECK_INT(contact_delete(db, id, &err), RP_OK);
  CHECK_INT(sync_count(false, false, SYNC_REMOVED), 1);
  CHECK(p && access(p, F_OK) != 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 0);
  free(p);
  free(t);
  free(name);
}

static void test_in_and_merge(void) {
  fresh("in.db");
  int64_t id = add_priya();
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  char *name = only_card();
  if (!name) return;
  /* a phone adds a number and changes the title; other apps' lines stay */
  edit(name, "TITLE:CTO\r\n", "TITLE:Chief Technology Officer\r\nTEL;TYPE=HOME:+44 1632 960001\r\n"
                              "BDAY:1990-04-01\r\n");
  struct sync_report r;
  CHECK_INT(run(false, false, &r), RP_OK);
  char *rt = report_text(&r);
  CHECK_STR(rt, "read Priya Shah: title, phone +44 1632 960001|written Priya Shah");
  free(rt);
  sync_report_free(&r);
  char *role = contact_text(id, "role");
  CHECK_STR(role, "Chief Technology Officer");
  free(role);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_value WHERE kind = 'phone' AND "
                          "value = '+44 1632 960001' AND type = 'home'"),
            1);
  char *t = slurp(name);
  CHECK(t && strstr(t, "\r\nBDAY:1990-04-01\r\n") && strstr(t, "+44 1632 960001"));
  free(t);
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 0); /* in step now */
  /* both changed, different fields: both kept */
  fx_execf(db, "UPDATE contact SET org = 'Acme Labs' WHERE id = %lld", (long long)id);
  edit(name, "ADR:;;;London;;;", "ADR:;;;Manchester;;;");
  CHECK_INT(run(false, false, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_CONFLICT], 0);
  CHECK_INT(r.counts[SYNC_READ], 1);
  sync_report_free(&r);
  char *org = contact_text(id, "org"), *loc = contact_text(id, "location");
  CHECK_STR(org, "Acme Labs");
  CHECK_STR(loc, "Manchester");
  free(org);
  free(loc);
  t = slurp(name);
  CHECK(t && strstr(t, "ORG:Acme Labs\r\n") && strstr(t, "ADR:;;;Manchester;;;\r\n"));
  free(t);
  /* a real conflict: the journal keeps its title, the phone's goes into
   * the notes, the report says so */
  fx_set_now(1700100000);
  fx_execf(db, "UPDATE contact SET role = 'CEO' WHERE id = %lld", (long long)id);
  edit(name, "TITLE:Chief Technology Officer", "TITLE:VP Engineering");
  CHECK_INT(run(false, false, &r), RP_OK);
  rt = report_text(&r);
  CHECK_STR(rt, "conflict Priya Shah: title: kept CEO, saved VP Engineering in the notes|"
                "written Priya Shah");
  free(rt);
  sync_report_free(&r);
  role = contact_text(id, "role");
  char *notes = contact_text(id, "notes");
  CHECK_STR(role, "CEO");
  CHECK_STR(notes, "Met at the meetup\nFrom your phone, 2023-11-16: title VP Engineering");
  free(role);
  free(notes);
  t = slurp(name);
  CHECK(t && strstr(t, "TITLE:CEO\r\n") && strstr(t, "From your phone"));
  free(t);
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 0);
  free(name);
}

static void test_new_card_and_bad_cards(void) {
  fresh("new.db");
  CHECK_INT(vdir_prepare(dir, true, &(struct rp_err){0}), RP_OK);
  put("phone-1234.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1234\r\nFN:Jon Bell\r\n"
                        "N:Bell;Jon;;;\r\nTEL;TYPE=CELL:+1 555 0100\r\nPHOTO;VALUE=uri:https://"
                        "example.org/jon.jpg\r\nEND:VCARD\r\n");
  put("junk.vcf", "this is not a card\n");
  put("nameless.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x1\r\nEMAIL:a@b.example\r\nEND:VCARD\r\n");
  struct sync_report r;
  CHECK_INT(run(false, false, &r), RP_OK);
  char *rt = report_text(&r);
  CHECK_STR(rt, "skipped not a vCard; left as it is|skipped a card with no name (no FN and no N); "
                "left as it is|read Jon Bell: new contact|written Jon Bell");
  free(rt);
  sync_report_free(&r);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE name = 'Jon Bell' AND "
                          "stage = 'identified' AND phone = '+1 555 0100'"),
            1);
  char *t = slurp("phone-1234.vcf");
  CHECK(t && strstr(t, "UID:phone-1234\r\n") && strstr(t, "X-RAPPORT-STAGE:identified\r\n") &&
        strstr(t, "PHOTO;VALUE=uri:https://example.org/jon.jpg\r\n"));
  free(t);
  t = slurp("junk.vcf");
  CHECK_STR(t, "this is not a card\n"); /* never rewritten nor removed */
  free(t);
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 0);
  CHECK_INT(sync_count(false, false, SYNC_READ), 0);
}

static void test_deleted_file(void) {
  fresh("del.db");
  int64_t id = add_priya();
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  char *name = only_card();
  if (!name) return;
  char *p = path_of(name);
  unlink(p);
  /* without --delete: unlinked, kept, and not written again */
  CHECK_INT(sync_count(false, false, SYNC_UNLINKED), 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE deleted_at IS NULL"), 1);
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 0);
  CHECK(access(p, F_OK) != 0);
  /* with --delete: a contact whose card was deleted is deleted, undoably */
  fx_exec(db, "DELETE FROM sync_item");
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  unlink(p);
  CHECK_INT(sync_count(false, true, SYNC_DELETED), 1);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE deleted_at IS NULL"), 0);
  struct rp_err err;
  char *label = NULL;
  CHECK_INT(undo_last(db, &label, &err), RP_OK);
  CHECK_STR(label, "sync");
  free(label);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact WHERE deleted_at IS NULL"), 1);
  /* undone: the next sync gives the phone its card again */
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  CHECK(access(p, F_OK) == 0);
  (void)id;
  free(p);
  free(name);
}

/* The sum of what a dry run must leave alone: the journal's rows and the
 * folder's names and bytes. */
static char *state(void) {
  struct rp_buf b = {0};
  buf_addf(&b, "%lld/%lld/%lld;", fx_scalar(db, "SELECT count(*) FROM contact"),
           fx_scalar(db, "SELECT count(*) FROM sync_item"),
           fx_scalar(db, "SELECT total(updated_at) FROM contact"));
  struct vdir_list l = {0};
  struct rp_err err;
  if (vdir_list_read(dir, "vcf", &l, &err) == RP_OK)
    for (size_t i = 0; i < l.n; i++) buf_addf(&b, "%s=%s;", l.items[i].name, l.items[i].hash);
  vdir_list_free(&l);
  return buf_steal(&b);
}

static void test_dry_run(void) {
  fresh("dry.db");
  add_priya();
  /* the folder is not even made */
  CHECK_INT(sync_count(true, false, SYNC_WRITTEN), 1);
  CHECK(access(dir, F_OK) != 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 0);
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  char *name = only_card();
  if (!name) return;
  edit(name, "TITLE:CTO", "TITLE:VP");
  put("new.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:new\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n");
  fx_exec(db, "UPDATE contact SET org = 'Elsewhere'");
  char *before = state();
  struct sync_report r;
  CHECK_INT(run(true, false, &r), RP_OK);
  CHECK(r.counts[SYNC_READ] == 2 && r.counts[SYNC_WRITTEN] == 2);
  sync_report_free(&r);
  char *after = state();
  CHECK_STR(after, before);
  CHECK_INT(undo_last(db, NULL, &(struct rp_err){0}), RP_NO); /* nothing recorded */
  free(before);
  free(after);
  free(name);
}

/* A sync killed after writing its files, before its commit: the next one
 * finds the files as it would write them, records them, writes nothing. */
static void test_killed_then_again(void) {
  fresh("kill.db");
  add_priya();
  fx_add_contact(db, &cfg, "Jon Bell", "met");
  struct sync_opts o = {.contacts_dir = dir};
  struct sync_report r = {0};
  struct rp_err err;
  CHECK_INT(db_begin(db, &err), RP_OK);
  CHECK_INT(sync_contacts(db, &cfg, &o, &r, &err), RP_OK);
  CHECK_INT(r.counts[SYNC_WRITTEN], 2);
  sync_report_free(&r);
  db_rollback(db); /* as if killed: the journal never saw it */
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 0);
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 0);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM sync_item"), 2);
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact"), 2); /* no card read as new */
}

/* Undoing a sync that read a change: the journal goes back, and the next
 * sync gives the folder the journal's side again (sync_item is not undone:
 * it says what the folder holds). */
static void test_undo_then_sync(void) {
  fresh("undo.db");
  int64_t id = add_priya();
  CHECK_INT(sync_count(false, false, SYNC_WRITTEN), 1);
  char *name = only_card();
  if (!name) return;
  edit(name, "TITLE:CTO", "TITLE:VP");
  CHECK_INT(sync_count(false, false, SYNC_READ), 1);
  char *role = contact_text(id, "role");
  CHECK_STR(role, "VP");
  free(role);
  CHECK_INT(undo_last(db, NULL, &(struct rp_err){0}), RP_OK);
  role = contact_text(id, "role");
  CHECK_STR(role, "CTO");
  free(role);
  struct sync_report r;
  CHECK_INT(run(false, false, &r), RP_OK);
  CHECK_INT(r.counts[SYNC_READ], 0);
  CHECK_INT(r.counts[SYNC_WRITTEN], 1);
  sync_report_free(&r);
  char *t = slurp(name);
  CHECK(t && strstr(t, "TITLE:CTO\r\n"));
  free(t);
  role = contact_text(id, "role");
  CHECK_STR(role, "CTO");
  free(role);
  free(name);
}

int main(void) {
  setenv("TZ", "UTC", 1);
  config_defaults(&cfg);
  test_out();
  test_in_and_merge();
  test_new_card_and_bad_cards();
  test_deleted_file();
  test_dry_run();
  test_killed_then_again();
  test_undo_then_sync();
  if (db) db_close(db);
  config_free(&cfg);
  printf("%d checks, %d failures\n", check_count, check_failures);
  return check_failures ? 1 : 0;
}
