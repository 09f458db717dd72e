/* test_contact_merge.c — an edit form's save when the contact changed
 * meanwhile (issue 18): contact_merge applies only what the form changed to
 * the contact as stored now, and names a conflict when both sides changed
 * the same thing differently (a field, the preferred email, an edited
 * value, a value's type); contact_same; contact_update_if_unchanged refuses
 * a contact that changed or was deleted since it was read; and
 * contact_value_check finds which email is refused. */
#include <locale.h>

#include "fixture.h"
#include "rapport/contact.h"

static struct rp_config cfg;
static struct rp_db *db;

/* A list as "value/type/p|…" (type "-" when none, "/p" when preferred);
 * caller frees. */
static char *show(const struct rp_contact_values *vs) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < vs->n; i++)
    buf_addf(&b, "%s%s/%s%s", i ? "|" : "", vs->v[i].value, vs->v[i].type ? vs->v[i].type : "-",
             vs->v[i].preferred ? "/p" : "");
  return buf_steal(&b);
}

#define CHECK_LIST(vs, want) \
  do {                       \
    char *s_ = show(vs);     \
    CHECK_STR(s_, want);     \
    free(s_);                \
  } while (0)

/* The contact as a form would read it: Ana, with two emails, a phone. */
static void ana(struct rp_contact *c) {
  contact_init(c);
  c->id = 7;
  c->name = xstrdup("Ana Maya");
  c->org = xstrdup("Acme");
  c->role = xstrdup("Planner");
  c->stage = xstrdup("identified");
  c->notes = xstrdup("met at the meetup");
  strv_push(&c->tags, "transit");
  strv_push(&c->tags, "city");
  contact_values_add(&c->emails, VALUE_EMAIL, "ana@work.org", "work", true);
  contact_values_add(&c->emails, VALUE_EMAIL, "ana@home.org", "home", false);
  contact_values_add(&c->phones, VALUE_PHONE, "+351 912 345 678", "mobile", true);
  c->email = xstrdup("ana@work.org");
  c->phone = xstrdup("+351 912 345 678");
  c->values_read = true;
}

/* orig, mine and theirs start equal; out and the conflicts empty. */
struct three {
  struct rp_contact orig, mine, theirs, out;
  struct rp_contact_conflicts cs;
  struct rp_strv keep;
};

static void three_init(struct three *t) {
  memset(t, 0, sizeof *t);
  ana(&t->orig);
  contact_copy(&t->mine, &t->orig);
  contact_copy(&t->theirs, &t->orig);
  contact_init(&t->out);
}

static void merge(struct three *t) {
  contact_free(&t->out);
  contact_conflicts_free(&t->cs);
  contact_merge(&t->orig, &t->mine, &t->theirs, &t->keep, &t->out, &t->cs);
}

static void three_free(struct three *t) {
  contact_free(&t->orig);
  contact_free(&t->mine);
  contact_free(&t->theirs);
  contact_free(&t->out);
  contact_conflicts_free(&t->cs);
  strv_free(&t->keep);
}

/* Nothing changed elsewhere: the form's changes, and only them. */
static void test_nothing_elsewhere(void) {
  struct three t;
  three_init(&t);
  str_replace(&t.mine.role, "Lead planner");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_STR(t.out.role, "Lead planner");
  CHECK_STR(t.out.org, "Acme");
  CHECK_INT(t.out.id, 7);
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.org/home");
  CHECK(contact_same(&t.out, &t.mine));
  three_free(&t);
}

/* The brief's case: an import added a phone, an email, a tag and notes, a
 * give moved the stage, a cadence was set; the form changed the role. All
 * of it survives. */
static void test_other_changes_survive(void) {
  struct three t;
  three_init(&t);
  contact_values_add(&t.theirs.phones, VALUE_PHONE, "+351 21 000 0000", "work", false);
  contact_values_add(&t.theirs.emails, VALUE_EMAIL, "ana@lab.org", NULL, false);
  strv_push(&t.theirs.tags, "imported");
  str_replace(&t.theirs.stage, "giving");
  str_replace(&t.theirs.location, "Lisbon");
  t.theirs.cadence_set = true;
  t.theirs.cadence_days = 30;
  str_replace(&t.mine.role, "Lead planner");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_STR(t.out.role, "Lead planner");
  CHECK_STR(t.out.stage, "giving");
  CHECK_STR(t.out.location, "Lisbon");
  CHECK(t.out.cadence_set && t.out.cadence_days == 30);
  CHECK_LIST(&t.out.phones, "+351 912 345 678/mobile/p|+351 21 000 0000/work");
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.org/home|ana@lab.org/-");
  char *tags = strv_join(&t.out.tags, ",");
  CHECK_STR(tags, "transit,city,imported");
  free(tags);
  CHECK_STR(t.out.phone, "+351 912 345 678");
  three_free(&t);
}

/* Both changed the role: a conflict, theirs unless kept; the same change on
 * both sides is none. */
static void test_field_conflict(void) {
  struct three t;
  three_init(&t);
  str_replace(&t.mine.role, "Lead planner");
  str_replace(&t.theirs.role, "Director");
  merge(&t);
  CHECK_INT(t.cs.n, 1);
  if (t.cs.n == 1) {
    CHECK_STR(t.cs.v[0].key, "role");
    CHECK_STR(t.cs.v[0].field, "role");
    CHECK_STR(t.cs.v[0].what, "role");
    CHECK_STR(t.cs.v[0].mine, "Lead planner");
    CHECK_STR(t.cs.v[0].theirs, "Director");
  }
  CHECK_STR(t.out.role, "Director");
  strv_push(&t.keep, "role");
  merge(&t);
  CHECK_INT(t.cs.n, 1); /* still named, now decided */
  CHECK_STR(t.out.role, "Lead planner");
  /* cleared elsewhere, changed here */
  str_replace(&t.theirs.notes, NULL);
  str_replace(&t.mine.notes, "met at the meetup; likes trains");
  merge(&t);
  CHECK_INT(t.cs.n, 2);
  if (t.cs.n == 2) {
    CHECK_STR(t.cs.v[1].key, "notes");
    CHECK(t.cs.v[1].theirs == NULL);
  }
  CHECK(t.out.notes == NULL);
  three_free(&t);
  /* the same change on both sides; blanks around do not count */
  three_init(&t);
  str_replace(&t.mine.role, "Director ");
  str_replace(&t.theirs.role, "Director");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_STR(t.out.role, "Director");
  three_free(&t);
}

/* The form added a second email and removed one; elsewhere a third came. */
static void test_list_add_remove(void) {
  struct three t;
  three_init(&t);
  contact_values_remove(&t.mine.emails, 1); /* ana@home.org */
  contact_values_add(&t.mine.emails, VALUE_EMAIL, "a.maya@uni.edu", "other", false);
  contact_values_add(&t.theirs.emails, VALUE_EMAIL, "ana@lab.org", NULL, false);
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  /* a new value where a removed one was: taken as that one edited */
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|a.maya@uni.edu/other|ana@lab.org/-");
  CHECK_STR(t.out.email, "ana@work.org");
  /* the first removed too, another added: each new one takes a removed
   * one's place */
  contact_values_add(&t.mine.emails, VALUE_EMAIL, "ana@club.org", NULL, false);
  contact_values_remove(&t.mine.emails, 0);
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_LIST(&t.out.emails, "a.maya@uni.edu/other/p|ana@club.org/-|ana@lab.org/-");
  CHECK_STR(t.out.email, "a.maya@uni.edu");
  /* an email edited in place keeps its place */
  contact_free(&t.mine);
  contact_copy(&t.mine, &t.orig);
  str_replace(&t.mine.emails.v[1].value, "ana@home.net");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.net/home|ana@lab.org/-");
  three_free(&t);
}

/* The preferred email edited here and elsewhere: "Ana's email was changed
 * elsewhere to X". */
static void test_primary_edited_both(void) {
  struct three t;
  three_init(&t);
  str_replace(&t.mine.emails.v[0].value, "ana@new-work.org");
  str_replace(&t.mine.email, "ana@new-work.org");
  str_replace(&t.theirs.emails.v[0].value, "ana@acme.com");
  str_replace(&t.theirs.email, "ana@acme.com");
  merge(&t);
  CHECK_INT(t.cs.n, 1);
  if (t.cs.n == 1) {
    CHECK_STR(t.cs.v[0].field, "email");
    CHECK_STR(t.cs.v[0].what, "email");
    CHECK_STR(t.cs.v[0].mine, "ana@new-work.org");
    CHECK_STR(t.cs.v[0].theirs, "ana@acme.com");
    strv_push(&t.keep, t.cs.v[0].key);
  }
  CHECK_LIST(&t.out.emails, "ana@acme.com/work/p|ana@home.org/home");
  CHECK_STR(t.out.email, "ana@acme.com");
  merge(&t);
  CHECK_LIST(&t.out.emails, "ana@new-work.org/work/p|ana@home.org/home");
  CHECK_STR(t.out.email, "ana@new-work.org");
  three_free(&t);
  /* edited here only: in place */
  three_init(&t);
  str_replace(&t.mine.emails.v[0].value, "ana@new-work.org");
  str_replace(&t.mine.email, "ana@new-work.org");
  contact_values_add(&t.theirs.phones, VALUE_PHONE, "+351 21 000 0000", NULL, false);
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_LIST(&t.out.emails, "ana@new-work.org/work/p|ana@home.org/home");
  CHECK_STR(t.out.email, "ana@new-work.org");
  CHECK_INT(t.out.phones.n, 2);
  three_free(&t);
  /* a second email edited here, removed elsewhere: the edit is added */
  three_init(&t);
  str_replace(&t.mine.emails.v[1].value, "ana@home.net");
  contact_values_remove(&t.theirs.emails, 1);
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.net/home");
  three_free(&t);
}

/* Which one is preferred, changed on both sides. */
static void test_preferred(void) {
  struct three t;
  three_init(&t);
  contact_values_add(&t.orig.emails, VALUE_EMAIL, "ana@lab.org", NULL, false);
  contact_free(&t.mine);
  contact_free(&t.theirs);
  contact_copy(&t.mine, &t.orig);
  contact_copy(&t.theirs, &t.orig);
  /* here: home preferred; elsewhere unchanged: home preferred */
  t.mine.emails.v[0].preferred = false;
  t.mine.emails.v[1].preferred = true;
  str_replace(&t.mine.email, "ana@home.org");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_LIST(&t.out.emails, "ana@work.org/work|ana@home.org/home/p|ana@lab.org/-");
  CHECK_STR(t.out.email, "ana@home.org");
  /* elsewhere: lab preferred: a conflict */
  t.theirs.emails.v[0].preferred = false;
  t.theirs.emails.v[2].preferred = true;
  str_replace(&t.theirs.email, "ana@lab.org");
  merge(&t);
  CHECK_INT(t.cs.n, 1);
  if (t.cs.n == 1) {
    CHECK_STR(t.cs.v[0].what, "email");
    CHECK_STR(t.cs.v[0].mine, "ana@home.org");
    CHECK_STR(t.cs.v[0].theirs, "ana@lab.org");
    strv_push(&t.keep, t.cs.v[0].key);
  }
  CHECK_STR(t.out.email, "ana@lab.org");
  merge(&t);
  CHECK_LIST(&t.out.emails, "ana@work.org/work|ana@home.org/home/p|ana@lab.org/-");
  CHECK_STR(t.out.email, "ana@home.org");
  three_free(&t);
}

/* A value's type changed on both sides. */
static void test_type_conflict(void) {
  struct three t;
  three_init(&t);
  str_replace(&t.mine.emails.v[1].type, "other");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.org/other");
  str_replace(&t.theirs.emails.v[1].type, "personal");
  merge(&t);
  CHECK_INT(t.cs.n, 1);
  if (t.cs.n == 1) {
    CHECK_STR(t.cs.v[0].what, "email ana@home.org");
    CHECK_STR(t.cs.v[0].mine, "ana@home.org \xC2\xB7 other");
    CHECK_STR(t.cs.v[0].theirs, "ana@home.org \xC2\xB7 personal");
    strv_push(&t.keep, t.cs.v[0].key);
  }
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.org/personal");
  merge(&t);
  CHECK_LIST(&t.out.emails, "ana@work.org/work/p|ana@home.org/other");
  three_free(&t);
}

/* Tags merge as a set; warmth, cadence and the introducer as one field
 * each. */
static void test_tags_and_pairs(void) {
  struct three t;
  three_init(&t);
  strv_clear(&t.mine.tags);
  strv_push(&t.mine.tags, "transit");
  strv_push(&t.mine.tags, "rail"); /* city removed, rail added */
  strv_push(&t.theirs.tags, "imported");
  t.mine.warmth_set = true;
  str_replace(&t.mine.warmth, "warm");
  t.theirs.cadence_set = true;
  t.theirs.cadence_days = 0;
  t.theirs.introduced_by = 3;
  str_replace(&t.theirs.introduced_by_name, "Bo");
  merge(&t);
  CHECK_INT(t.cs.n, 0);
  char *tags = strv_join(&t.out.tags, ",");
  CHECK_STR(tags, "transit,imported,rail");
  free(tags);
  CHECK(t.out.warmth_set);
  CHECK_STR(t.out.warmth, "warm");
  CHECK(t.out.cadence_set && t.out.cadence_days == 0);
  CHECK_INT(t.out.introduced_by, 3);
  /* both set the cadence, differently */
  t.mine.cadence_set = true;
  t.mine.cadence_days = 14;
  merge(&t);
  CHECK_INT(t.cs.n, 1);
  if (t.cs.n == 1) {
    CHECK_STR(t.cs.v[0].key, "cadence");
    CHECK_STR(t.cs.v[0].mine, "every 14 days");
    CHECK_STR(t.cs.v[0].theirs, "none");
  }
  three_free(&t);
}

/* The journal side: a stale copy is refused, a fresh one written. */
static void test_update_if_unchanged(void) {
  fx_open_fresh(&db, "unchanged.db");
  struct rp_contact c, seen, other;
  struct rp_err err;
  ana(&c);
  c.id = 0;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  CHECK_INT(contact_get(db, c.id, &seen, &err), RP_OK);
  CHECK(contact_same(&seen, &c));
  /* someone else adds a phone */
  CHECK_INT(contact_get(db, c.id, &other, &err), RP_OK);
  contact_values_add(&other.phones, VALUE_PHONE, "+351 21 000 0000", NULL, false);
  CHECK_INT(contact_update(db, &cfg, &other, &err), RP_OK);
  CHECK(!contact_same(&seen, &other));
  str_replace(&c.role, "Lead planner");
  CHECK_INT(contact_update_if_unchanged(db, &cfg, &c, &seen, &err), RP_NO);
  FX_CHECK_SQL(db, "SELECT role FROM contact", "Planner");
  CHECK_INT(fx_scalar(db, "SELECT count(*) FROM contact_value WHERE kind = 'phone'"), 2);
  /* against what is stored now: written */
  CHECK_INT(contact_update_if_unchanged(db, &cfg, &c, &other, &err), RP_OK);
  FX_CHECK_SQL(db, "SELECT role FROM contact", "Lead planner");
  /* deleted meanwhile: refused */
  contact_free(&seen);
  CHECK_INT(contact_get(db, c.id, &seen, &err), RP_OK);
  CHECK_INT(contact_delete(db, c.id, &err), RP_OK);
  str_replace(&c.role, "Director");
  CHECK_INT(contact_update_if_unchanged(db, &cfg, &c, &seen, &err), RP_NO);
  FX_CHECK_SQL(db, "SELECT role FROM contact", "Lead planner");
  contact_free(&c);
  contact_free(&seen);
  contact_free(&other);
}

/* One value checked as contact_validate checks it. */
static void test_value_check(void) {
  struct rp_err err;
  rp_err_clear(&err);
  CHECK_INT(contact_value_check(VALUE_EMAIL, "ana@work.org", &err), RP_OK);
  CHECK_INT(contact_value_check(VALUE_EMAIL, "ana.work.org", &err), RP_INVALID);
  CHECK_STR(err.field, "email");
  CHECK(strstr(err.msg, "no '@'") != NULL);
  CHECK_INT(contact_value_check(VALUE_PHONE, "+351 21", &err), RP_OK);
  CHECK_INT(contact_value_check(VALUE_URL, "ana.example", &err), RP_OK);
}

int main(void) {
  setlocale(LC_ALL, "");
  fx_pipeline(&cfg);
  test_nothing_elsewhere();
  test_other_changes_survive();
  test_field_conflict();
  test_list_add_remove();
  test_primary_edited_both();
  test_preferred();
  test_type_conflict();
  test_tags_and_pairs();
  test_update_if_unchanged();
  test_value_check();
  db_close(db);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  check_rmtree(check_tmpdir());
  return check_done("test_contact_merge");
}
