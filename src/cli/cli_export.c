/* cli_export.c — `rapport export FORMAT [-o FILE]`, `rapport show NAME`
 * (the dossier) and `rapport backup FILE`. The formats are in src/io/. */
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/contact.h"
#include "rapport/dump.h"
#include "rapport/export.h"

/* Where `export json|csv|vcard` streams to: the temporary file that becomes -o
 * FILE, or stdout when vfile is NULL. */
static enum rp_status sink_write(void *vfile, const char *data, size_t len, struct rp_err *err) {
  struct rp_export_file *file = vfile;
  if (file) return export_file_write(file, data, len, err);
  if (fwrite(data, 1, len, stdout) != len)
    return rp_err_set(err, RP_EDB, "could not write the output");
  return RP_OK;
}

/* Flush stdout; a failure is the verb's. */
static enum rp_status flush_stdout(const char *verb) {
  if (fflush(stdout) != 0 || ferror(stdout))
    return cli_fail(verb, RP_EDB, "could not write the output");
  return RP_OK;
}

/* Write b to stdout, or atomically to `path` (0600) when given. */
static enum rp_status emit(const char *verb, const struct rp_buf *b, const char *path) {
  if (path && strcmp(path, "-") != 0) {
    struct rp_err err;
    rp_err_clear(&err);
    enum rp_status st = export_write_file(path, buf_str(b), b->len, &err);
    return st == RP_OK ? RP_OK : cli_fail(verb, st, "%s", err.msg);
  }
  if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len)
    return cli_fail(verb, RP_EDB, "could not write the output (the disk is full?)");
  return flush_stdout(verb);
}

/* `export json|csv|vcard` (format f: 0, 1, 2): streamed, a few hundred KiB
 * at a time, since the whole journal as one buffer would be hundreds of MB
 * at 100,000 contacts. */
static enum rp_status export_stream_cli(struct rp_db *db, size_t f, int version,
                                        const char *path) {
  struct rp_err err;
  rp_err_clear(&err);
  struct rp_export_file file, *to = NULL;
  enum rp_status st = RP_OK;
  if (path && strcmp(path, "-") != 0) {
    if ((st = export_file_open(&file, path, &err)) != RP_OK)
      return cli_fail("export", st, "%s", err.msg);
    to = &file;
  }
  st = f == 0   ? export_json_stream(db, sink_write, to, &err)
       : f == 1 ? export_csv_stream(db, sink_write, to, &err)
                : export_vcard_stream(db, version, sink_write, to, &err);
  if (to) {
    enum rp_status c = export_file_close(to, st == RP_OK, &err);
    if (st == RP_OK) st = c;
  }
  if (st != RP_OK) return cli_fail("export", st, "%s", err.msg);
  return to ? RP_OK : flush_stdout("export");
}

enum { E_OUT, E_OUTPUT, E_VCARD };
static const struct cli_opt export_opts[] = {
    [E_OUT] = {"-o", "FILE", false},
    [E_OUTPUT] = {"--output", "FILE", false},
    [E_VCARD] = {"--vcard-version", "3|4", false},
    {NULL, NULL, false},
};

/* `rapport export json|csv|vcard|ics [-o FILE] [--vcard-version 3|4]`. */
enum rp_status cli_export(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("export", argc, argv, export_opts, &a);
  if (st != RP_OK) return st;
  static const char *const formats[] = {"json", "csv", "vcard", "ics"};
  size_t f = 0;
  while (a.pos.n == 1 && f < RP_ARRAY_LEN(formats) && strcmp(a.pos.v[0], formats[f]) != 0) f++;
  const char *vv = a.val[E_VCARD] ? a.val[E_VCARD] : "4";
  int version = strcmp(vv, "3") == 0 || strcmp(vv, "3.0") == 0 ? 3
                : strcmp(vv, "4") == 0 || strcmp(vv, "4.0") == 0 ? 4 : 0;
  const char *out = a.val[E_OUT] ? a.val[E_OUT] : a.val[E_OUTPUT];
  if (a.pos.n != 1)
    st = cli_fail("export", RP_INVALID, "%s FORMAT; one of: json, csv, vcard, ics",
                  a.pos.n ? "give one" : "missing");
  else if (f == RP_ARRAY_LEN(formats))
    st = cli_fail("export", RP_INVALID, "'%s' is not a format; one of: json, csv, vcard, ics",
                  a.pos.v[0]);
  else if (!version)
    st = cli_fail("export", RP_INVALID, "--vcard-version: '%s' is not 3 or 4", vv);
  else if (a.val[E_VCARD] && f != 2)
    st = cli_fail("export", RP_INVALID, "--vcard-version goes with the vcard format only");
  else if (a.val[E_OUT] && a.val[E_OUTPUT])
    st = cli_fail("export", RP_INVALID, "give -o or --output, not both");
  if (st == RP_OK) st = cli_open(ctx);
  if (st != RP_OK) {
    cli_args_free(&a);
    return st;
  }
  if (f <= 2) {
    st = export_stream_cli(ctx->db, f, version, out);
    cli_args_free(&a);
    return st;
  }
  struct rp_buf b = {0};
  buf_adds(&b, "");
  struct rp_err err;
  rp_err_clear(&err);
  st = export_ics(ctx->db, &ctx->cfg, &b, &err);
  if (st == RP_OK) st = emit("export", &b, out);
  else cli_fail("export", st, "%s", err.msg);
  buf_free(&b);
  cli_args_free(&a);
  return st;
}

enum { S_FORMAT };
static const struct cli_opt show_opts[] = {
    [S_FORMAT] = {"--format", "md|json", false},
    {NULL, NULL, false},
};

/* `rapport show NAME [--format md|json]`: the dossier. */
enum rp_status cli_show(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("show", argc, argv, show_opts, &a);
  if (st != RP_OK) return st;
  const char *fmt = a.val[S_FORMAT] ? a.val[S_FORMAT] : "md";
  bool json = strcmp(fmt, "json") == 0;
  if (a.pos.n != 1)
    st = cli_fail("show", RP_INVALID,
                  a.pos.n ? "give one NAME (quote names with spaces)" : "missing NAME (rapport show NAME)");
  else if (!json && strcmp(fmt, "md") != 0)
    st = cli_fail("show", RP_INVALID, "--format: '%s' is not a format; allowed: md, json", fmt);
  int64_t id = 0;
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) st = cli_resolve(ctx, "show", a.pos.v[0], &id);
  cli_args_free(&a);
  if (st != RP_OK) return st;
  struct rp_buf b = {0};
  struct rp_err err;
  rp_err_clear(&err);
  st = json ? dossier_json(ctx->db, &ctx->cfg, id, &b, &err)
            : dossier_md(ctx->db, &ctx->cfg, id, &b, &err);
  if (st == RP_OK) st = emit("show", &b, NULL);
  else cli_fail("show", st, "%s", err.msg);
  buf_free(&b);
  return st;
}

enum { B_FORCE };
static const struct cli_opt backup_opts[] = {
    [B_FORCE] = {"--force", NULL, false},
    {NULL, NULL, false},
};

/* `rapport backup FILE [--force]`. */
enum rp_status cli_backup(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("backup", argc, argv, backup_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1)
    st = cli_fail("backup", RP_INVALID, a.pos.n ? "give one FILE" : "missing FILE (rapport backup FILE)");
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    rp_err_clear(&err);
    st = dump_backup(ctx->db, a.pos.v[0], a.val[B_FORCE] != NULL, &err);
    if (st != RP_OK) cli_fail("backup", st, "%s", err.msg);
  }
  cli_args_free(&a);
  return st;
}

/* `rapport restore FILE [--force]`: the journal becomes the backup FILE,
 * written through SQLite into the open journal. A journal that holds
 * contacts is replaced only with --force, and is first copied to
 * JOURNAL.before-restore so the restore can be undone. */
enum rp_status cli_restore_file(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  enum rp_status st = cli_parse("restore", argc, argv, backup_opts, &a);
  if (st != RP_OK) return st;
  if (a.pos.n != 1)
    st = cli_fail("restore", RP_INVALID,
                  a.pos.n ? "give one FILE" : "missing FILE (rapport restore BACKUP)");
  if (st == RP_OK) st = cli_open(ctx);
  struct rp_err err;
  rp_err_clear(&err);
  long n = 0;
  if (st == RP_OK && contact_count(ctx->db, NULL, &n, &err) != RP_OK)
    st = cli_fail("restore", RP_EDB, "%s", err.msg);
  char *keep = st == RP_OK ? xasprintf("%s.before-restore", db_path(ctx->db)) : NULL;
  if (st == RP_OK && n > 0 && !a.val[B_FORCE])
    st = cli_fail("restore", RP_INVALID,
                  "%s holds %ld contact%s; --force replaces it with %s (it is first copied "
                  "to %s)",
                  db_path(ctx->db), n, n == 1 ? "" : "s", a.pos.v[0], keep);
  if (st == RP_OK && n > 0) {
    st = dump_backup(ctx->db, keep, true, &err);
    if (st != RP_OK) cli_fail("restore", st, "%s", err.msg);
  }
  int64_t version = 0;
  if (st == RP_OK) {
    st = dump_restore_backup(ctx->db, a.pos.v[0], &version, &err);
    if (st != RP_OK) cli_fail("restore", st, "%s", err.msg);
  }
  if (st == RP_OK && version < db_schema_version()) {
    /* an older backup: opening it again upgrades it */
    db_close(ctx->db);
    ctx->db = NULL;
    st = cli_open(ctx);
  }
  if (st == RP_OK && contact_count(ctx->db, NULL, &n, &err) != RP_OK)
    st = cli_fail("restore", RP_EDB, "%s", err.msg);
  if (st == RP_OK) {
    printf("restored %s into %s: %ld contact%s\n", a.pos.v[0], db_path(ctx->db), n,
           n == 1 ? "" : "s");
    struct stat sb;
    if (stat(keep, &sb) == 0)
      printf("the journal as it was is kept in %s (rapport restore %s brings it back)\n", keep,
             keep);
  }
  free(keep);
  cli_args_free(&a);
  return st;
}

/* `rapport check`: read every page of the journal. Exit 0 intact, 3 damaged
 * (each problem on standard error). */
enum rp_status cli_check(struct cli_ctx *ctx, int argc, char **argv) {
  struct cli_args a;
  static const struct cli_opt none[] = {{NULL, NULL, false}};
  enum rp_status st = cli_parse("check", argc, argv, none, &a);
  if (st != RP_OK) return st;
  if (a.pos.n) st = cli_fail("check", RP_INVALID, "takes no arguments, not '%s'", a.pos.v[0]);
  if (st == RP_OK) st = cli_open(ctx);
  if (st == RP_OK) {
    struct rp_err err;
    struct rp_strv problems = {0};
    st = db_integrity(ctx->db, 20, &problems, &err);
    if (st == RP_OK) {
      printf("ok: %s is intact\n", db_path(ctx->db));
    } else {
      for (size_t i = 0; i < problems.n; i++) fprintf(stderr, "  %s\n", problems.v[i]);
      cli_fail("check", st, "%s; copy it aside and restore your last backup or export", err.msg);
    }
    strv_free(&problems);
  }
  cli_args_free(&a);
  return st;
}
