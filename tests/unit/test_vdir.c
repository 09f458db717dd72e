/* test_vdir.c — the vdir collection folder (src/io/vdir.c): what is read
 * and what is never touched, atomic writes, names from UIDs. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "check.h"
#include "rapport/paths.h"
#include "rapport/vdir.h"

static void put(const char *dir, const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (!f) { perror(path); exit(2); }
  fputs(text, f);
  fclose(f);
}

static int count_entries(const char *dir) {
  char cmdpath[512];
  int n = 0;
  snprintf(cmdpath, sizeof cmdpath, "%s", dir);
  DIR *d = opendir(cmdpath);
  struct dirent *e;
  while (d && (e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  if (d) closedir(d);
  return n;
}

static void test_list_skips_what_is_not_an_item(const char *root) {
  char dir[512];
  snprintf(dir, sizeof dir, "%s/cards", root);
  struct rp_err err = {0};
  CHECK_INT(vdir_prepare(dir, false, &err), RP_NO);
  CHECK_INT(vdir_prepare(dir, true, &err), RP_OK);
  struct stat sb;
  CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700);
  put(dir, "b.vcf", "BEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n");
  put(dir, "a.vcf", "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n");
  put(dir, ".hidden.vcf", "x");
  put(dir, "c.vcf.tmp", "x");
  put(dir, "notes.txt", "x");
  put(dir, "e.ics", "x");
  put(dir, ".vcf", "x");
  char sub[600];
  snprintf(sub, sizeof sub, "%s/d.vcf", dir);
  mkdir(sub, 0700);
  struct vdir_list l;
  CHECK_INT(vdir_list_read(dir, "vcf", &l, &err), RP_OK);
  CHECK_INT(l.n, 2);
  if (l.n == 2) {
    CHECK_STR(l.items[0].name, "a.vcf");
    CHECK_STR(l.items[1].name, "b.vcf");
    CHECK_STR(l.items[0].text, "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n");
    CHECK(l.items[0].error == NULL);
    char h[17];
    vdir_hash(l.items[1].text, l.items[1].len, h);
    CHECK_STR(l.items[1].hash, h);
    CHECK(strcmp(l.items[0].hash, l.items[1].hash) != 0);
  }
  CHECK(vdir_list_find(&l, "b.vcf") == &l.items[1]);
  CHECK(vdir_list_find(&l, "c.vcf") == NULL);
  vdir_list_free(&l);
  /* not a folder */
  char file[600];
  snprintf(file, sizeof file, "%s/a.vcf", dir);
  CHECK_INT(vdir_prepare(file, true, &err), RP_INVALID);
  CHECK(strstr(err.msg, "is not a folder") != NULL);
}

static void test_write_is_atomic_and_private(const char *root) {
  char dir[512];
  snprintf(dir, sizeof dir, "%s/cal", root);
  struct rp_err err = {0};
  CHECK_INT(vdir_prepare(dir, true, &err), RP_OK);
  CHECK_INT(vdir_write(dir, "x.ics", "one", 3, &err), RP_OK);
  CHECK_INT(vdir_write(dir, "x.ics", "two!", 4, &err), RP_OK);
  CHECK_INT(count_entries(dir), 1); /* no temporary file left */
  char path[600];
  snprintf(path, sizeof path, "%s/x.ics", dir);
  struct stat sb;
  CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600 && sb.st_size == 4);
  CHECK_INT(vdir_write(dir, "../x.ics", "bad", 3, &err), RP_INVALID);
  CHECK_INT(vdir_write(dir, ".x.ics", "bad", 3, &err), RP_INVALID);
  CHECK_INT(vdir_write(dir, "x.txt", "bad", 3, &err), RP_INVALID);
  CHECK_INT(vdir_remove(dir, "x.ics.tmp", &err), RP_INVALID);
  CHECK_INT(vdir_remove(dir, "x.ics", &err), RP_OK);
  CHECK_INT(vdir_remove(dir, "x.ics", &err), RP_OK); /* already gone */
  CHECK_INT(count_entries(dir), 0);
  /* a folder that cannot be written: the old item stays, nothing left */
  char ro[600];
  snprintf(ro, sizeof ro, "%s/missing/sub", dir);
  CHECK(vdir_write(ro, "y.ics", "z", 1, &err) == RP_INVALID);
}

static void test_names_from_uids(void) {
  char *a = vdir_name_for_uid("rapport-c-12@ab12", "vcf");
  CHECK_STR(a, "rapport-c-12@ab12.vcf");
  char *b = vdir_name_for_uid("a/b c", "ics");
  CHECK(strlen(b) == 32 + 4 && strchr(b, '/') == NULL && strcmp(b + 32, ".ics") == 0);
  char *c = vdir_name_for_uid("a/b c", "ics");
  CHECK_STR(b, c); /* stable */
  char *d = vdir_name_for_uid(".hidden", "vcf");
  CHECK(d[0] != '.');
  char *e = vdir_name_for_uid("", "vcf");
  CHECK(e[0] != '.');
  free(a), free(b), free(c), free(d), free(e);
}

int main(void) {
  const char *root = check_tmpdir();
  test_list_skips_what_is_not_an_item(root);
  test_write_is_atomic_and_private(root);
  test_names_from_uids();
  int rc = check_done("vdir");
  check_rmtree(root);
  return rc;
}
