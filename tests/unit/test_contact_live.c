/* test_contact_live.c — "not deleted" has one home in the model: the
 * CONTACT_LIVE condition (src/model/contact_internal.h) and
 * contact_is_live. A deleted contact is not live, whatever asks; no model
 * query spells the condition out on its own (the migrations, which are
 * history, aside). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/contact.h"

static void test_is_live(void) {
  struct rp_db *db = NULL;
  fx_open_fresh(&db, "live.db");
  struct rp_config cfg;
  memset(&cfg, 0, sizeof cfg);
  fx_pipeline(&cfg);
  struct rp_err err;
  struct rp_contact a, b;
  contact_init(&a);
  contact_init(&b);
  a.name = xstrdup("Ana Live");
  b.name = xstrdup("Bea Deleted");
  CHECK_INT(contact_insert(db, &cfg, &a, &err), RP_OK);
  CHECK_INT(contact_insert(db, &cfg, &b, &err), RP_OK);
  CHECK_INT(contact_delete(db, b.id, &err), RP_OK);
  bool live = false;
  CHECK_INT(contact_is_live(db, a.id, &live, &err), RP_OK);
  CHECK(live);
  CHECK_INT(contact_is_live(db, b.id, &live, &err), RP_OK);
  CHECK(!live);
  CHECK_INT(contact_is_live(db, b.id + 100, &live, &err), RP_OK);
  CHECK(!live);
  /* the lists the model gives agree: the deleted one is in none */
  struct rp_contact_query q;
  memset(&q, 0, sizeof q);
  long count = -1;
  CHECK_INT(contact_count(db, &q, &count, &err), RP_OK);
  CHECK_INT(count, 1);
  q.include_deleted = true;
  CHECK_INT(contact_count(db, &q, &count, &err), RP_OK);
  CHECK_INT(count, 2);
  int64_t id = 0;
  CHECK_INT(contact_resolve(db, "Bea Deleted", &id, &err), RP_NO);
  CHECK_INT(contact_resolve(db, "Ana Live", &id, &err), RP_OK);
  CHECK(id == a.id);
  contact_free(&a);
  contact_free(&b);
  fx_choices_free(&cfg.stages);
  fx_choices_free(&cfg.how_known);
  db_close(db);
}

/* No model source but the schema's history writes "deleted_at IS NULL"
 * itself: CONTACT_LIVE does. */
static void test_one_home(void) {
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  static const char *const files[] = {
      "agenda.c", "cadence.c", "contact.c", "contact_query.c", "dump.c",  "followup.c",
      "give.c",   "note.c",    "outcome.c", "path.c",          "plan.c",  "readiness.c",
  };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char *path = xasprintf("%s/src/model/%s", src ? src : ".", files[i]);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    char line[4096];
    int lineno = 0;
    while (f && fgets(line, sizeof line, f)) {
      lineno++;
      if (strstr(line, "deleted_at IS NULL")) {
        fprintf(stderr, "%s:%d: spells out \"deleted_at IS NULL\": use CONTACT_LIVE\n", path,
                lineno);
        CHECK(false);
      }
    }
    if (f) fclose(f);
    free(path);
  }
}

int main(void) {
  test_is_live();
  test_one_home();
  return check_done("test_contact_live");
}
