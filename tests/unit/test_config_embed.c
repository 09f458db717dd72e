/* test_config_embed.c — the compiled-in defaults are config.example.yaml
 * without its comment lines (src/embed.cmake strips them: the defaults are
 * parsed at every start, before the first paint, and the comments were two
 * thirds of the text). The stripped text must be the same YAML document as
 * the shipped file, node for node, and must have lost every comment line. */
#include "check.h"
#include "config/yaml_doc.h"
#include "rapport/config.h"
#include "rapport/embedded.h"
#include "rapport/paths.h"
#include "rapport/util.h"

/* RAPPORT_TEST_SRCDIR/rel, whole; caller frees. */
static char *read_source(const char *rel, size_t *len) {
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  char *path = xasprintf("%s/%s", src ? src : ".", rel);
  char *text = NULL;
  struct rp_err err;
  if (paths_read_file(path, &text, len, &err) != RP_OK) {
    fprintf(stderr, "cannot read %s: %s\n", path, err.msg);
    exit(2);
  }
  free(path);
  return text;
}

/* Nodes compared, their places in the text aside. */
static long compared;

static bool same_node(const struct ynode *a, const struct ynode *b, const char *where) {
  compared++;
  if (!a || !b) {
    if (a != b) fprintf(stderr, "%s: a node is missing on one side\n", where);
    return a == b;
  }
  if (a->kind != b->kind || a->n != b->n || a->plain != b->plain ||
      (a->kind == YNODE_SCALAR && strcmp(a->str, b->str) != 0)) {
    fprintf(stderr, "%s: shipped line %d (%s \"%s\") differs from embedded line %d (%s \"%s\")\n",
            where, a->line, ynode_kind_name(a), a->str ? a->str : "", b->line, ynode_kind_name(b),
            b->str ? b->str : "");
    return false;
  }
  for (size_t i = 0; i < a->n; i++)
    if (!same_node(a->kids[i], b->kids[i], where)) return false;
  return true;
}

static void test_same_document(void) {
  size_t len = 0;
  char *shipped = read_source("config.example.yaml", &len);
  struct ynode *a = NULL, *b = NULL;
  struct rp_err err;
  CHECK_INT(ydoc_parse("config.example.yaml", shipped, len, &a, &err), RP_OK);
  CHECK_INT(ydoc_parse("embedded", rp_embedded_config, strlen(rp_embedded_config), &b, &err),
            RP_OK);
  CHECK(a != NULL && b != NULL);
  CHECK(same_node(a, b, "config.example.yaml"));
  CHECK(compared > 500); /* the whole document was walked */
  /* the comments are gone, and they were most of the file */
  CHECK(strstr(rp_embedded_config, "\n#") == NULL && rp_embedded_config[0] != '#');
  CHECK(strlen(rp_embedded_config) * 2 < len);
  ynode_free(a);
  ynode_free(b);
  free(shipped);
}

/* The defaults read from the stripped text are those of the shipped file
 * (a few values from each part of it). */
static void test_same_config(void) {
  struct rp_config d = {0}, f = {0};
  config_defaults(&d);
  struct rp_err err;
  const char *src = getenv("RAPPORT_TEST_SRCDIR");
  char *path = xasprintf("%s/config.example.yaml", src ? src : ".");
  CHECK_INT(config_load(&f, path, &err), RP_OK);
  CHECK_INT(d.stages.n, f.stages.n);
  CHECK_INT(d.how_known.n, f.how_known.n);
  CHECK_INT(d.n_ask_categories, f.n_ask_categories);
  CHECK_INT(d.n_manual_checks, f.n_manual_checks);
  CHECK_INT(d.cadence_warm, f.cadence_warm);
  CHECK_INT(d.cadence_cold, f.cadence_cold);
  CHECK_STR(d.outreach_template, f.outreach_template);
  CHECK_INT(f.warnings.n, 0);
  free(path);
  config_free(&d);
  config_free(&f);
}

int main(void) {
  test_same_document();
  test_same_config();
  return check_done("test_config_embed");
}
