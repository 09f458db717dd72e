/* cli.h — the command line: global options, the verb table, option parsing.
 * Each verb prints, and returns its exit status (enum rp_status values). */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/theme.h"
#include "rapport/util.h"

struct cli_ctx {
  const char *db_path;     /* --db */
  const char *config_path; /* --config */
  const char *theme;       /* --theme */
  struct rp_config cfg;
  bool cfg_loaded;
  struct rp_db *db;
  bool create;     /* --create: a missing journal is made without a word */
  bool ui;         /* the full screen: a missing journal is made (first launch) */
  bool reads_only; /* the verb only reads: a missing journal is an error */
  char *undo_label; /* a verb that writes: its changes are one undo step so named */
};

/* An option a verb accepts. */
struct cli_opt {
  const char *name;    /* "--org" */
  const char *metavar; /* "ORG"; NULL for a flag */
  bool repeat;         /* may be given several times */
};

#define CLI_MAX_OPTS 24

struct cli_args {
  const char *val[CLI_MAX_OPTS]; /* last value, or "1" for a flag; NULL if absent */
  struct rp_strv multi[CLI_MAX_OPTS];
  struct rp_strv pos;            /* positional arguments */
};

/* Parse argv (after the verb) against opts (terminated by {NULL}). On error
 * prints "rapport VERB: …" and returns RP_INVALID. */
enum rp_status cli_parse(const char *verb, int argc, char **argv, const struct cli_opt *opts,
                         struct cli_args *out);
void cli_args_free(struct cli_args *a);
/* Index of an option by name in opts. */
int cli_opt_index(const struct cli_opt *opts, const char *name);

/* Load the config (once); prints errors and warnings. */
enum rp_status cli_config(struct cli_ctx *ctx);
/* Load the theme named by --theme, else the config (load the config first);
 * prints the error. The caller frees theme with theme_free. */
enum rp_status cli_theme(struct cli_ctx *ctx, struct rp_theme *theme);
/* Load the config and open the journal; prints errors (exit 3 on failure).
 * An upgrade of an old journal, and later the long cadence sync that
 * follows it, show their progress on stderr (cli_progress). */
enum rp_status cli_open(struct cli_ctx *ctx);
/* cli_tty.c: when standard output is a terminal, replace stdout with a
 * stream that escapes control characters, bidi overrides and invalid
 * bytes on their way to it (text_for_terminal); for verbs, never for the
 * full screen. */
void cli_tty_guard_stdout(void);
/* Put the real stdout back (the full screen draws on it itself). */
void cli_tty_release_stdout(void);
/* cli_progress.c: what shows the journal's long work on stderr, before the
 * full screen starts; NULL when it is not to be shown: stderr is not a
 * terminal, unless RAPPORT_PROGRESS=1 (and RAPPORT_PROGRESS=0: never). */
rp_progress_fn cli_progress(void);
/* Resolve NAME to a live contact (open the journal first); no match or
 * several is bad input (exit 2), printed as "rapport VERB: …". */
enum rp_status cli_resolve(struct cli_ctx *ctx, const char *verb, const char *name, int64_t *id);
/* Print a model error about `field` naming the option instead ("--date:
 * must be …"), or an argument in capitals ("TEXT is empty"); returns st. */
enum rp_status cli_fail_field(const char *verb, enum rp_status st, const struct rp_err *err,
                              const char *field, const char *option);
/* Start the full-screen journal (config, theme, a terminal, the journal),
 * straight on the Call screen with contact `call_contact` when it is not 0.
 * Returns the exit status. */
int cli_run_ui(struct cli_ctx *ctx, int64_t call_contact);
/* Print "rapport VERB: msg" to stderr and return st. */
enum rp_status cli_fail(const char *verb, enum rp_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

struct cli_verb {
  const char *name;
  enum rp_status (*run)(struct cli_ctx *ctx, int argc, char **argv);
  const char *usage;   /* "add NAME [--org ORG] …" */
  const char *summary; /* one line */
  const char *help;    /* longer text for `rapport help VERB` */
};

/* Verbs, one file per group. */
enum rp_status cli_add(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_list(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_check_config(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_worksheet(struct cli_ctx *ctx, int argc, char **argv);
/* cli_outreach.c: before reaching out */
enum rp_status cli_give(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_path(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_ready(struct cli_ctx *ctx, int argc, char **argv);
/* cli_conversation.c, cli_notes.c: conversations, their notes and questions */
enum rp_status cli_call(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_notes(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_conversation(struct cli_ctx *ctx, int argc, char **argv);
/* cli_conversation_discard.c: `conversation discard ID` (argv after "discard") */
enum rp_status cli_conversation_discard(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_question(struct cli_ctx *ctx, int argc, char **argv);
/* cli_draft.c: the outreach draft check */
enum rp_status cli_draft(struct cli_ctx *ctx, int argc, char **argv);
/* cli_thanks.c: the thank-you of a contact's last conversation, checked */
enum rp_status cli_thanks(struct cli_ctx *ctx, int argc, char **argv);
/* cli_agenda.c, cli_followup.c: what to do today; follow-ups, outcomes, cadences */
enum rp_status cli_agenda(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_followup(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_action(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_outcome(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_cadence(struct cli_ctx *ctx, int argc, char **argv);
/* cli_search.c: full-text search */
enum rp_status cli_search(struct cli_ctx *ctx, int argc, char **argv);
/* cli_export.c: exports, the one-contact dossier, backups */
enum rp_status cli_export(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_show(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_backup(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_check(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_restore_file(struct cli_ctx *ctx, int argc, char **argv);
/* cli_sync.c: contacts and calendar in step with vdir folders */
enum rp_status cli_sync(struct cli_ctx *ctx, int argc, char **argv);
/* cli_import.c: `rapport import linkedin|vcard FILE`; dispatches json */
enum rp_status cli_import(struct cli_ctx *ctx, int argc, char **argv);
/* cli_restore.c: `rapport import json FILE [--merge]` (argv after "json"),
 * called by `rapport import` */
enum rp_status cli_import_json(struct cli_ctx *ctx, int argc, char **argv);
/* cli_undo.c: undo and redo the journal's last step */
enum rp_status cli_undo(struct cli_ctx *ctx, int argc, char **argv);
enum rp_status cli_redo(struct cli_ctx *ctx, int argc, char **argv);

/* The whole command line; returns the process exit status. */
int cli_main(int argc, char **argv);

#endif
