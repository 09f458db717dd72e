/* cli_args.c — option parsing shared by every verb, and common set-up
 * (config, journal) with uniform error messages. */
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/undo.h"
#include "rapport/utf8.h"
#include "rapport/contact.h"
#include "rapport/paths.h"
#include "rapport/when.h"

enum rp_status cli_fail(const char *verb, enum rp_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *m = xvasprintf(fmt, ap);
  va_end(ap);
  if (verb) fprintf(stderr, "rapport %s: %s\n", verb, m);
  else fprintf(stderr, "rapport: %s\n", m);
  free(m);
  return st;
}

int cli_opt_index(const struct cli_opt *opts, const char *name) {
  for (int i = 0; opts[i].name; i++)
    if (strcmp(opts[i].name, name) == 0) return i;
  return -1;
}

static char *allowed_list(const struct cli_opt *opts) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (int i = 0; opts[i].name; i++) {
    if (i) buf_adds(&b, ", ");
    buf_adds(&b, opts[i].name);
  }
  if (!opts[0].name) buf_adds(&b, "none");
  return buf_steal(&b);
}

/* Options whose metavar is DATE, DATETIME, DAYS or MINUTES take what people
 * type ("tomorrow 10am", "+7", "2 weeks", "1h30"); their value is handed
 * to the verb in the one form it reads ("YYYY-MM-DD", "YYYY-MM-DD HH:MM",
 * a number). *norm is NULL for other options; caller frees it. */
static enum rp_status normalize(const char *verb, const struct cli_opt *o, const char *val,
                                char **norm) {
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = RP_OK;
  *norm = NULL;
  if (!strcmp(o->metavar, "DATE")) {
    char day[11];
    if ((st = when_day_now(val, day, &err)) == RP_OK) *norm = xstrdup(day);
  } else if (!strcmp(o->metavar, "DATETIME")) {
    char at[17];
    int64_t t;
    if (datetime_parse(val, &t)) return RP_OK; /* ISO forms as they were, seconds kept */
    if ((st = when_datetime_now(val, at, &err)) == RP_OK) *norm = xstrdup(at);
  } else if (!strcmp(o->metavar, "DAYS")) {
    int d;
    if ((st = when_parse_days(val, &d, &err)) == RP_OK) *norm = xasprintf("%d", d);
  } else if (!strcmp(o->metavar, "MINUTES")) {
    int m;
    if ((st = when_parse_minutes(val, &m, &err)) == RP_OK) *norm = xasprintf("%d", m);
  }
  if (st != RP_OK) cli_fail(verb, st, "%s: %s", o->name, err.msg);
  return st;
}

enum rp_status cli_parse(const char *verb, int argc, char **argv, const struct cli_opt *opts,
                         struct cli_args *out) {
  memset(out, 0, sizeof *out);
  bool only_pos = false;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (only_pos || a[0] != '-' || strcmp(a, "-") == 0) {
      strv_push(&out->pos, a);
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_pos = true;
      continue;
    }
    const char *eq = strchr(a, '=');
    char *name = eq ? xstrndup(a, (size_t)(eq - a)) : xstrdup(a);
    int k = cli_opt_index(opts, name);
    if (k < 0) {
      char *allowed = allowed_list(opts);
      cli_fail(verb, RP_INVALID, "unknown option '%s'; allowed: %s", name, allowed);
      free(allowed);
      free(name);
      cli_args_free(out);
      return RP_INVALID;
    }
    const char *val = "1";
    if (opts[k].metavar) {
      if (eq) val = eq + 1;
      else if (i + 1 < argc) val = argv[++i];
      else {
        cli_fail(verb, RP_INVALID, "option %s needs a value (%s %s)", name, name, opts[k].metavar);
        free(name);
        cli_args_free(out);
        return RP_INVALID;
      }
    } else if (eq) {
      cli_fail(verb, RP_INVALID, "option %s takes no value", name);
      free(name);
      cli_args_free(out);
      return RP_INVALID;
    }
    free(name);
    char *norm = NULL;
    if (opts[k].metavar && normalize(verb, &opts[k], val, &norm) != RP_OK) {
      cli_args_free(out);
      return RP_INVALID;
    }
    strv_push(&out->multi[k], norm ? norm : val);
    free(norm);
    /* a normalised value lives in multi (until cli_args_free); others point
     * into argv, which some verbs read after freeing the arguments */
    out->val[k] = norm ? out->multi[k].v[out->multi[k].n - 1] : val;
    if (!opts[k].repeat && out->multi[k].n > 1) {
      cli_fail(verb, RP_INVALID, "option %s given twice; give it once", opts[k].name);
      cli_args_free(out);
      return RP_INVALID;
    }
  }
  return RP_OK;
}

void cli_args_free(struct cli_args *a) {
  for (int i = 0; i < CLI_MAX_OPTS; i++) strv_free(&a->multi[i]);
  strv_free(&a->pos);
}

enum rp_status cli_config(struct cli_ctx *ctx) {
  if (ctx->cfg_loaded) return RP_OK;
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = config_load(&ctx->cfg, ctx->config_path, &err);
  for (size_t i = 0; i < ctx->cfg.warnings.n; i++)
    fprintf(stderr, "rapport: warning: %s\n", ctx->cfg.warnings.v[i]);
  if (st != RP_OK) {
    fprintf(stderr, "rapport: %s\n", err.msg);
    return RP_INVALID;
  }
  ctx->cfg_loaded = true;
  return RP_OK;
}

enum rp_status cli_theme(struct cli_ctx *ctx, struct rp_theme *theme) {
  struct rp_err err;
  rp_err_clear(&err);
  const char *name = ctx->theme ? ctx->theme : ctx->cfg.theme ? ctx->cfg.theme : "default";
  if (theme_load(theme, name, &err) != RP_OK) {
    if (!ctx->theme && ctx->cfg.theme_at) /* say where the config names it */
      fprintf(stderr, "rapport: %s: theme '%s': %s\n", ctx->cfg.theme_at, name, err.msg);
    else
      fprintf(stderr, "rapport: %s\n", err.msg);
    return RP_INVALID;
  }
  return RP_OK;
}

enum rp_status cli_open(struct cli_ctx *ctx) {
  if (ctx->db) return RP_OK;
  enum rp_status st = cli_config(ctx);
  if (st != RP_OK) return st;
  char *path = ctx->db_path ? xstrdup(ctx->db_path)
               : ctx->cfg.db_path ? xstrdup(ctx->cfg.db_path)
                                  : paths_default_db();
  struct rp_err err;
  rp_err_clear(&err);
  /* a typo in --db must not quietly make (and export) an empty journal */
  struct stat sb;
  if (!ctx->ui && !ctx->create && lstat(path, &sb) != 0 && errno == ENOENT) {
    if (ctx->reads_only) {
      char *shown = utf8_sanitize(path);
      fprintf(stderr,
              "rapport: no journal at %s (is --db right? `rapport add` or the full screen "
              "makes a new one)\n",
              shown);
      free(shown);
      free(path);
      return RP_EDB;
    }
    char *shown = utf8_sanitize(path);
    fprintf(stderr, "rapport: creating a new journal at %s (--create says nothing)\n", shown);
    free(shown);
  }
  st = db_open_progress(path, cli_progress(), NULL, &ctx->db, &err);
  free(path);
  if (st != RP_OK) {
    fprintf(stderr, "rapport: %s\n", err.msg);
    return RP_EDB;
  }
  const struct rp_strv *notes = db_notes(ctx->db);
  for (size_t i = 0; i < notes->n; i++) fprintf(stderr, "rapport: %s\n", notes->v[i]);
  if (!ctx->ui) db_cache_kib(ctx->db, DB_CACHE_VERB); /* `call NAME` puts it back for the screen */
  if (ctx->cfg.undo_steps > 0) undo_set_cap(ctx->db, ctx->cfg.undo_steps);
  if (ctx->undo_label) undo_begin(ctx->db, ctx->undo_label);
  return RP_OK;
}

/* Resolve NAME to a live contact; a name that matches no one or several is
 * bad input (exit 2) with contact_resolve's message. */
enum rp_status cli_resolve(struct cli_ctx *ctx, const char *verb, const char *name, int64_t *id) {
  struct rp_err err;
  rp_err_clear(&err);
  enum rp_status st = contact_resolve(ctx->db, name, id, &err);
  if (st == RP_OK) return RP_OK;
  return cli_fail(verb, st == RP_EDB ? RP_EDB : RP_INVALID, "%s", err.msg);
}

/* Print a model error naming the option or argument instead of the
 * model's field: "date must be …" → "--date: must be …", "text is empty"
 * → "TEXT is empty" (an argument in capitals reads as part of the text). */
enum rp_status cli_fail_field(const char *verb, enum rp_status st, const struct rp_err *err,
                              const char *field, const char *option) {
  const char *msg = err->msg;
  size_t n = strlen(field);
  bool named = strncmp(msg, field, n) == 0 && msg[n] == ' ';
  if (named) msg += n + 1;
  if (option[0] != '-' && named) return cli_fail(verb, st, "%s %s", option, msg);
  return cli_fail(verb, st, "%s: %s", option, msg);
}
