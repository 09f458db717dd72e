/* readiness.h — am I ready to reach out to this contact, and if not, what
 * exactly is missing? Computed items from the journal plus manual items
 * from the config (checked per contact). */
#ifndef RAPPORT_READINESS_H
#define RAPPORT_READINESS_H

#include <stdint.h>

#include "rapport/actions.h"
#include "rapport/config.h"
#include "rapport/db.h"
#include "rapport/util.h"

/* What to do about something, as data: the screen to go to, the actions to
 * use there (each with what it does, in words without a key), and the
 * command line that does it. The model names no key: the full screen
 * phrases a fix with the live keymap (a rebound key shows the new key),
 * the CLI with its verbs (fix_text_cli in cli, app_fix_text in ui). */
#define RP_FIX_STEPS 4
struct rp_fix_step {
  enum rp_action action; /* in the screen's scope; ACT_NONE: words only */
  char *what;            /* "add a superpower with its evidence: …" */
};
struct rp_fix {
  char *lead;            /* said first, no screen or key ("Find someone who …"); or NULL */
  enum rp_screen screen; /* where; SCREEN_NONE when only the command line does it */
  struct rp_fix_step step[RP_FIX_STEPS];
  size_t n;              /* steps used */
  char *detail;          /* said after the steps (the ask check's advice); or NULL */
  char *verb;            /* the command line, NAME standing for the contact
                            ("rapport give NAME --kind KIND TEXT"); NULL: none */
};
/* Frees the strings of a fix; f is left zeroed (SCREEN_NONE). */
void fix_free(struct rp_fix *f);
/* A fix in words for the command line and documents (the CLI, the
 * dossier): what to do, then the command that does it, NAME replaced by
 * `name` (quoted for the shell when needed; NULL keeps NAME), or "(on
 * Contacts, in the full screen)" when no command does it. Names no key.
 * Caller frees; "" when the fix is empty. */
char *fix_text_verb(const struct rp_fix *fix, const char *name);

struct rp_ready_item {
  char *key;       /* "worksheet-superpower", "worksheet-problem", "worksheet-want",
                      "research", "give", "warm-path", "prep", "draft", "length",
                      or a manual item's key */
  char *text;      /* what the item asks: "a superpower with evidence on the worksheet" */
  bool manual;     /* from the config; toggled by the user */
  bool available;  /* false: needs a feature not built yet (shown, not counted) */
  bool met;
  char *reason;    /* when not met: why ("no superpower has evidence yet") */
  struct rp_fix fix; /* when not met: what to do (n == 0 and no lead: nothing) */
};

struct rp_readiness {
  struct rp_ready_item *v;
  size_t n;
  int met, total;  /* over available items */
  bool ready;      /* every available item met */
  /* a warning that is no item (not counted, never blocks): asks outrun
   * gives ("asked 3 times, gave 1: give before you ask again"); NULL
   * when there is none; warning_fix says what to do about it */
  char *warning;
  struct rp_fix warning_fix;
};

/* Compute the checklist for contact `id`. Computed items, in this order:
 * worksheet-superpower, worksheet-problem, worksheet-want, research, give,
 * warm-path, prep (the current conversation has an objective and at least
 * three questions), draft (an outreach draft exists and the ask check
 * finds nothing), length (the current conversation, or the default
 * cfg->call_minutes, within cfg->max_minutes); then cfg->manual_checks.
 * out->warning is set when the asks made of them (give_balance) outnumber
 * the gives.
 * Caller frees with readiness_free. */
enum rp_status readiness_compute(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                 struct rp_readiness *out, struct rp_err *err);
void readiness_free(struct rp_readiness *r);
/* Check or uncheck manual item `key` for contact `id` (one transaction).
 * RP_INVALID when key is not a manual item of the config (message lists
 * them). */
enum rp_status readiness_set_manual(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                    const char *key, bool checked, struct rp_err *err);

/* What comes next with a contact once you have met them: readiness is for
 * reaching out (a new planned conversation), not for someone you have
 * talked to. */
struct rp_next_step {
  const char *kind;   /* "thank-you" (owed), "follow-up" (open, due), "keep-in-touch" */
  char *text;         /* "thank-you owed, due 2026-11-19"; caller frees (next_step_free) */
  char due[11];       /* the day it is due, "" when none */
  int64_t followup_id; /* the follow-up it is about, 0 = none */
};
/* The next step with contact `id`: their open thank-you, else their
 * soonest open follow-up, else keeping in touch (the next check-in by
 * their cadence, from the last interaction). RP_NO, with *out empty, when
 * readiness applies instead: no conversation has been held with them yet,
 * or a new one is planned (or going on). */
enum rp_status readiness_next_step(struct rp_db *db, const struct rp_config *cfg, int64_t id,
                                   struct rp_next_step *out, struct rp_err *err);
void next_step_free(struct rp_next_step *s);

#endif
