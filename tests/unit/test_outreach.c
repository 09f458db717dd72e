/* test_outreach.c — a new outreach draft from the template: what the journal
 * knows is filled in (first names, the first line of their work, the first
 * superpower with evidence, the first problem) and what it does not know
 * stays a placeholder that the ask check flags. */
#include <locale.h>

#include "check.h"
#include "rapport/askcheck.h"
#include "rapport/contact.h"
#include "rapport/outreach.h"
#include "rapport/worksheet.h"

static struct rp_config cfg;
static struct rp_db *db;

static int64_t add(const char *name, int64_t introducer, const char *work) {
  struct rp_contact c;
  contact_init(&c);
  c.name = xstrdup(name);
  c.introduced_by = introducer;
  c.work = work ? xstrdup(work) : NULL;
  struct rp_err err;
  CHECK_INT(contact_insert(db, &cfg, &c, &err), RP_OK);
  int64_t id = c.id;
  contact_free(&c);
  return id;
}

static void ws_add(enum rp_ws_section sec, const char *title, const char *text1) {
  struct rp_ws_item it = {.section = sec, .title = xstrdup(title),
                          .text1 = text1 ? xstrdup(text1) : NULL};
  struct rp_err err;
  CHECK_INT(ws_item_insert(db, &it, &err), RP_OK);
  free(it.title);
  free(it.text1);
}

static char *draft(int64_t id) {
  char *out = NULL;
  struct rp_err err;
  CHECK_INT(outreach_draft_new(db, &cfg, id, &out, &err), RP_OK);
  return out;
}

static void test_template(void) {
  free(cfg.outreach_template);
  cfg.outreach_template = xstrdup("Hi {name}, {introducer} said {their_work}. Me: "
                                  "{my_superpower}; {my_problem}. {unknown}");
  int64_t ann = add("Ann Friend", 0, NULL);
  int64_t zoe = add("Zoë Ørsted", ann, "  Payment APIs at Acme.\nAlso: talks");
  /* nothing on the worksheet, nothing about Ann: placeholders stay */
  char *d = draft(ann);
  CHECK_STR(d, "Hi Ann, {introducer} said {their_work}. Me: {my_superpower}; {my_problem}. "
               "{unknown}");
  struct rp_findings f = {0};
  askcheck_run(&cfg, d, &f);
  CHECK_INT(f.n, 5);
  for (size_t i = 0; i < f.n; i++) CHECK_STR(f.v[i].category, "placeholder");
  findings_free(&f);
  free(d);
  /* a superpower without evidence is used only when none has evidence */
  ws_add(WS_SUPERPOWER, "Talking to anyone", NULL);
  d = draft(zoe);
  CHECK_STR(d, "Hi Zoë, Ann said Payment APIs at Acme. Me: Talking to anyone; {my_problem}. "
               "{unknown}");
  free(d);
  ws_add(WS_SUPERPOWER, "Untangling payments", "Cut failed payouts by 40% at Shopco");
  ws_add(WS_PROBLEM, "Payments that fail silently", NULL);
  ws_add(WS_PROBLEM, "Second problem", NULL);
  d = draft(zoe);
  CHECK_STR(d, "Hi Zoë, Ann said Payment APIs at Acme. Me: Untangling payments; Payments that "
               "fail silently. {unknown}");
  free(d);
}

static void test_missing_contact(void) {
  char sentinel[] = "sentinel";
  char *out = sentinel;
  struct rp_err err;
  CHECK(outreach_draft_new(db, &cfg, 9999, &out, &err) != RP_OK);
  CHECK(out == NULL);
}

static void test_default_template(void) {
  struct rp_config def;
  config_defaults(&def);
  CHECK(def.outreach_template != NULL);
  int64_t id = add("Sam Default", 0, NULL);
  char *out = NULL;
  struct rp_err err;
  CHECK_INT(outreach_draft_new(db, &def, id, &out, &err), RP_OK);
  CHECK(strncmp(out, "Hi Sam,", 7) == 0);
  /* the shipped template asks for advice, never a job: only placeholders */
  struct rp_findings f = {0};
  askcheck_run(&def, out, &f);
  for (size_t i = 0; i < f.n; i++) CHECK_STR(f.v[i].category, "placeholder");
  findings_free(&f);
  free(out);
  config_free(&def);
}

int main(void) {
  setlocale(LC_ALL, "C.UTF-8");
  config_defaults(&cfg);
  char *path = xasprintf("%s/outreach.db", check_tmpdir());
  struct rp_err err;
  CHECK_INT(db_open(path, &db, &err), RP_OK);
  test_template();
  test_missing_contact();
  test_default_template();
  db_close(db);
  free(path);
  config_free(&cfg);
  check_rmtree(check_tmpdir());
  return check_done("test_outreach");
}
