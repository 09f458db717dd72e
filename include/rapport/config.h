/* config.h — the user's configuration as plain structs. Loaded from YAML on
 * top of the compiled-in defaults (the shipped config.example.yaml). The
 * model reads the lists (stages, how-known kinds); the UI reads the keymap,
 * whose shape only rapport/keymap.h shows (the model never sees a key). */
#ifndef RAPPORT_CONFIG_H
#define RAPPORT_CONFIG_H

#include "rapport/util.h"

struct rp_keymap;

/* A choice in a configurable list: `key` is stored in the journal, `label`
 * is shown. */
struct rp_choice {
  /* Owned (freed with free_const) when the config parsed them; static
   * tables in the UI point them at literals. */
  const char *key;
  const char *label;
  const char *warmth; /* how-known kinds only: "warm" or "cold" */
};

struct rp_choices {
  struct rp_choice *v;
  size_t n;
};

/* A readiness item the user ticks by hand. */
struct rp_manual_check {
  char *key;
  char *text;
  char *help; /* may be NULL */
};

/* A category of phrases the outreach draft check flags. */
struct rp_ask_category {
  char *key;        /* "job-request" */
  char *label;      /* "job request" */
  char *suggestion; /* what to do instead */
  struct rp_strv phrases;
};

/* A question in the bank ("question_bank:"). */
struct rp_bank_question {
  char *text;
  struct rp_strv flags; /* keys of cfg->question_flags */
};

/* A category of the question bank: the work itself, the field's future, … */
struct rp_bank_category {
  char *key;
  char *label;
  struct rp_bank_question *questions;
  size_t n_questions;
};

/* A kind of question to warn about ("question_checks:"): bank questions
 * carry it as a flag, and my own questions are matched against `phrases`
 * (whole words, case-insensitive). When `seniority` is not empty the
 * warning applies only to people at those levels (e.g. "basic" questions
 * for senior and executive people). */
struct rp_question_flag {
  char *key;       /* "confidential", "canned", "job-ask", "basic", … */
  char *label;     /* "confidential" */
  char *advice;    /* what to do instead */
  struct rp_strv phrases;
  struct rp_strv seniority; /* keys of cfg->seniority; empty = everyone */
};

/* A cadence for contacts at one stage ("cadence: by_stage:"). */
struct rp_stage_cadence {
  char *stage; /* key of cfg->stages */
  int days;    /* 0 = none */
};

struct rp_config {
  char *source;          /* path of the file loaded on top of the defaults, or NULL */
  char *db_path;         /* "database:"; NULL = default location */
  char *theme;           /* "theme:"; theme name or path */
  char *theme_at;        /* "FILE:LINE:COLUMN" where theme was set, for messages */
  struct rp_choices stages;    /* "stages:"; pipeline order */
  struct rp_choices how_known; /* "how_known:" */
  struct rp_choices seniority; /* "seniority:" */
  struct rp_choices channels;  /* "channels:" */
  struct rp_keymap *keys;      /* "keys:"; owned; its shape is in rapport/keymap.h,
                                  which only the config and the screen read */
  struct rp_choices give_kinds; /* "give_kinds:"; key, label */
  struct rp_manual_check *manual_checks; /* "readiness: manual:" */
  size_t n_manual_checks;
  int max_minutes;             /* "readiness: max_minutes:" planned length limit */
  struct rp_ask_category *ask_categories; /* "ask_check: categories:" */
  size_t n_ask_categories;
  int ask_max_words;           /* "ask_check: max_words:" */
  char *outreach_template;     /* "outreach: template:"; placeholders {name} … */
  int call_minutes;            /* "conversation: minutes:" planned length, 5–240 (20) */
  int action_days;             /* "conversation: action_days:" a `+` action is due after, 0–365 (7) */
  int update_days;             /* "conversation: update_days:" a promised update is due after, 1–365 (30) */
  struct rp_strv promise_phrases; /* "conversation: promise_phrases:" a note promising news */
  struct rp_bank_category *bank; /* "question_bank:" */
  size_t n_bank;
  struct rp_question_flag *question_flags; /* "question_checks:" */
  size_t n_question_flags;
  int thank_you_days;          /* "followup: thank_you_days:" 0–30 (1) */
  struct rp_strv handwritten_seniority; /* "followup: handwritten_for:" seniority keys */
  char *thank_you_template;    /* "followup: thank_you_template:" {name} {insight} {objective} */
  struct rp_strv specific_stopwords; /* "followup: common_words:" ignored by the specificity check */
  char *my_name;               /* "followup: my_name:" your own name, not a topic; NULL = none */
  int cadence_warm;            /* "cadence: warm:" days, 0 = none (default 60) */
  int cadence_cold;            /* "cadence: cold:" days, 0 = none (default 0) */
  struct rp_stage_cadence *cadence_by_stage; /* "cadence: by_stage:" */
  size_t n_cadence_by_stage;
  int pitch_wpm;               /* "worksheet: pitch_words_per_minute:" 60–400 */
  int pitch_seconds;           /* "worksheet: pitch_seconds:" the pitch's limit, 10–600 */
  int undo_steps;              /* "undo: steps:" changes kept to undo, 1–100000 (200) */
  char *import_linkedin_how_known; /* "import: linkedin_how_known:" key of how_known, or NULL */
  /* "sync:" (rapport/sync.h): the collection folders (NULL: not synced),
   * a sync when the full screen opens and quits, and the contacts that go
   * out (stage keys, tags; empty: every live contact) */
  char *sync_contacts, *sync_calendar;
  bool sync_on_start, sync_on_quit;
  struct rp_strv sync_stages, sync_tags;
  struct rp_strv warnings;     /* "FILE:LINE:COL: unknown key 'x'" and similar */
};

/* Fill cfg with the compiled-in defaults. Cannot fail (the defaults are
 * tested). cfg must be zeroed or freed first. */
void config_defaults(struct rp_config *cfg);
/* Load the defaults, then the YAML file at `path` over them. When `path` is
 * NULL the default location ($XDG_CONFIG_HOME/rapport/config.yaml, else
 * ~/.config/rapport/config.yaml) is used and a missing file means defaults.
 * An explicit path that does not exist is an error. On error (RP_INVALID),
 * err->msg is "FILE:LINE:COLUMN: what is wrong; allowed: …" and cfg holds
 * the defaults. Unknown keys are warnings in cfg->warnings. */
enum rp_status config_load(struct rp_config *cfg, const char *path, struct rp_err *err);
/* Parse YAML text (named `name` in messages) over what cfg already holds. */
enum rp_status config_parse(struct rp_config *cfg, const char *name, const char *text,
                            size_t len, struct rp_err *err);
void config_free(struct rp_config *cfg);
/* The libyaml version in use ("0.2.5"). */
const char *config_library_version(void);
/* Default path of the config file; caller frees. */
char *config_default_path(void);

/* The choice whose key is `key`, or NULL. */
const struct rp_choice *choices_find(const struct rp_choices *c, const char *key);
/* "a, b, c" list of keys for messages; caller frees. */
char *choices_list(const struct rp_choices *c);

#endif
