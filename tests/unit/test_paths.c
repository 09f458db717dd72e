/* test_paths.c — XDG locations, private mkdir -p, whole-file reads. */
#include <locale.h>
#include <pwd.h>
#include <sys/stat.h>

#include "check.h"
#include "rapport/paths.h"

static int mode_of(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) return -1;
  return (int)(st.st_mode & 07777);
}

static void test_xdg(void) {
  setenv("HOME", "/home/tester", 1);
  setenv("XDG_DATA_HOME", "/data/xdg/", 1);
  setenv("XDG_CONFIG_HOME", "/conf", 1);
  char *p = paths_default_db();
  CHECK_STR(p, "/data/xdg/rapport/journal.db");
  free(p);
  p = paths_config_dir();
  CHECK_STR(p, "/conf/rapport");
  free(p);

  /* empty and relative values count as unset (XDG spec) */
  setenv("XDG_DATA_HOME", "", 1);
  setenv("XDG_CONFIG_HOME", "relative/dir", 1);
  p = paths_default_db();
  CHECK_STR(p, "/home/tester/.local/share/rapport/journal.db");
  free(p);
  p = paths_config_dir();
  CHECK_STR(p, "/home/tester/.config/rapport");
  free(p);
  unsetenv("XDG_DATA_HOME");
  unsetenv("XDG_CONFIG_HOME");
  p = paths_config_dir();
  CHECK_STR(p, "/home/tester/.config/rapport");
  free(p);

  /* no HOME: the password database */
  unsetenv("HOME");
  struct passwd *pw = getpwuid(getuid());
  if (pw && pw->pw_dir && *pw->pw_dir) {
    char *want = xasprintf("%s/.local/share/rapport/journal.db",
                           strcmp(pw->pw_dir, "/") ? pw->pw_dir : "");
    p = paths_default_db();
    CHECK_STR(p, want);
    free(p);
    free(want);
  }
  setenv("HOME", "", 1);
  p = paths_config_dir();
  CHECK(p[0] == '/');
  CHECK(strstr(p, ".config/rapport") != NULL);
  free(p);
}

static void test_mkdirs(void) {
  mode_t old = umask(0);
  struct rp_err err;
  char *deep = xasprintf("%s/one/two//three/", check_tmpdir());
  CHECK_INT(paths_mkdirs(deep, &err), RP_OK);
  char *one = xasprintf("%s/one", check_tmpdir());
  char *three = xasprintf("%s/one/two/three", check_tmpdir());
  CHECK_INT(mode_of(one), 0700);
  CHECK_INT(mode_of(three), 0700);
  /* existing folders are accepted and left as they are */
  chmod(one, 0755);
  CHECK_INT(paths_mkdirs(deep, &err), RP_OK);
  CHECK_INT(mode_of(one), 0755);

  /* a file in the way */
  char *file = xasprintf("%s/one/afile", check_tmpdir());
  FILE *f = fopen(file, "w");
  CHECK(f != NULL);
  if (f) fclose(f);
  char *below = xasprintf("%s/sub", file);
  CHECK_INT(paths_mkdirs(below, &err), RP_EDB);
  CHECK(strstr(err.msg, "afile") != NULL);
  CHECK_INT(paths_mkdirs(file, &err), RP_EDB);
  CHECK_INT(paths_mkdirs("", &err), RP_INVALID);
  free(below);
  free(file);
  free(deep);
  free(one);
  free(three);
  umask(old);
}

static void test_read_file(void) {
  struct rp_err err;
  char *path = xasprintf("%s/data.bin", check_tmpdir());
  char *out = (char *)1;
  size_t len = 99;
  CHECK_INT(paths_read_file(path, &out, &len, &err), RP_NO);
  CHECK(out == NULL);
  CHECK_INT(len, 0);
  char *want = xasprintf("%s: no such file", path);
  CHECK_STR(err.msg, want);
  free(want);

  FILE *f = fopen(path, "wb");
  const char data[] = "Zoë\0bytes\n";
  fwrite(data, 1, sizeof data - 1, f);
  fclose(f);
  CHECK_INT(paths_read_file(path, &out, &len, &err), RP_OK);
  CHECK_INT(len, sizeof data - 1);
  CHECK(memcmp(out, data, sizeof data - 1) == 0);
  CHECK(out[len] == '\0');
  free(out);

  /* empty file: "" and length 0; len may be NULL */
  f = fopen(path, "wb");
  fclose(f);
  CHECK_INT(paths_read_file(path, &out, NULL, &err), RP_OK);
  CHECK_STR(out, "");
  free(out);

  CHECK_INT(paths_read_file(check_tmpdir(), &out, &len, &err), RP_INVALID);
  CHECK(out == NULL);
  free(path);
}

int main(void) {
  setlocale(LC_ALL, "");
  test_xdg();
  test_mkdirs();
  test_read_file();
  check_rmtree(check_tmpdir());
  return check_done("test_paths");
}
