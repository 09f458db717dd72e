/* cli.c — global options, the verb table, help, and starting the UI. */
#include <langinfo.h>
#include <locale.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/cadence.h"
#include "rapport/paths.h"
#include "rapport/theme.h"
#include "rapport/utf8.h"
#include "rapport/ui.h"
#include "rapport/undo.h"

static const struct cli_verb verbs[] = {
    {"add", cli_add,
     "add NAME [--org ORG] [--role ROLE] [--field FIELD] [--email EMAIL] [--phone P] [--url URL]\n"
     "            [--location PLACE] [--how-known KIND] [--warmth warm|cold] [--introduced-by NAME]\n"
     "            [--seniority S] [--channel C] [--stage STAGE] [--tag TAG]...",
     "add a contact and print its id",
     "Adds a contact. KIND, S, C and STAGE are keys from the config (see\n"
     "`rapport check-config` and config.example.yaml); --introduced-by names an\n"
     "existing contact (exact name, or a unique part of it). Warmth is derived\n"
     "from how you know them unless --warmth sets it.\n"},
    {"list", cli_list,
     "list [--format table|tsv|json] [--stage S] [--tag T] [--sort name|updated] [--limit N]",
     "list contacts",
     "Lists contacts, sorted by name (or by last update); --limit N: the first N\n"
     "only (read as many, whatever the size of the journal). tsv has a header row\n"
     "and escapes tabs and newlines as \\t and \\n; its last columns list every\n"
     "email, phone and URL with its kind. json is an array of objects with every\n"
     "field: email, phone and url the primary ones, emails, phones and urls all\n"
     "of them ({value, type, preferred}).\n"},
    {"worksheet", cli_worksheet,
     "worksheet [--format md|json]\n"
     "       rapport worksheet add superpower TITLE [--evidence TEXT]\n"
     "       rapport worksheet add problem TITLE [--why TEXT] [--who TEXT]\n"
     "       rapport worksheet add skill NAME --kind hard|soft --level 1-5 --enjoy 1-5 [--sharpen PLAN]\n"
     "       rapport worksheet add gap QUESTION\n"
     "       rapport worksheet add option TITLE [--skills 1-5] [--value 1-5] [--learn 1-5] [--notes TEXT]\n"
     "       rapport worksheet set want|pitch|move TEXT\n"
     "       rapport worksheet delete ID",
     "print the self-reflection worksheet, or add to it",
     "Without an action, prints the whole worksheet: what is still missing, then\n"
     "every section (Markdown by default; json is one object with every entry\n"
     "and its id). `add` adds an entry and prints its id: a superpower with the\n"
     "evidence for it (what you did, for whom, with what result), a problem you\n"
     "want to work on, a skill (--level is how good you are, --enjoy how much you\n"
     "like it, --sharpen how you will get better), an information gap (a\n"
     "question to answer before deciding), an option scored 1-5 on matching\n"
     "your skills, the value you would add and what you would learn. `set`\n"
     "writes what you want, your 30-second pitch (prints its word count and\n"
     "speaking time) or the kind of move: new-career, career-change, job-change,\n"
     "employer-change, school, graduating. TEXT \"-\" reads standard input; \"\"\n"
     "clears. `delete` removes an entry (exit 1 when there is none).\n"},
    {"give", cli_give, "give NAME --kind KIND [--date DATE] TEXT",
     "log something you gave a contact; prints its id",
     "Logs a give: something you did for NAME before asking for anything (read\n"
     "or commented on their work, shared it, introduced someone to them, helped,\n"
     "showed up at their event). KIND is a key of give_kinds in the config;\n"
     "--date (a day: today, yesterday, mon, 24 Dec, 2026-12-24) defaults to\n"
     "today. A contact whose stage comes before \"giving\"\n"
     "moves to \"giving\".\n"},
    {"path", cli_path, "path NAME\n       rapport path --org ORG",
     "show the chain of introductions to a person or an organisation",
     "Prints the chain of introductions from someone you know personally (warm,\n"
     "and not a referral) to NAME, one person per line, or the shortest chain to\n"
     "anyone at ORG (ties go to the first by name). Exit 1 when there is none,\n"
     "with the people you know in the same field or organisation.\n"},
    {"ready", cli_ready, "ready NAME [--check KEY] [--uncheck KEY] [--format text|json]",
     "am I ready to reach out to a contact? (exit 0 yes, 1 no)",
     "Prints the readiness checklist for NAME: [x] met, [ ] not met with the\n"
     "reason and what to do, [-] not available yet (not counted). --check and\n"
     "--uncheck tick or untick a manual item (keys from readiness: manual: in\n"
     "the config) first. json is one object with every item. When the asks made\n"
     "of them (conversations held, people they introduced you to, the outreach\n"
     "while nothing is held yet) outnumber your gives, a warning: line says so;\n"
     "once met, the next step (thank-you owed, follow-up due, keep in touch)\n"
     "follows. Exit 0 when every available item is met, 1 when not.\n"},
    {"call", cli_call, "call NAME",
     "open the journal on the call screen with a contact",
     "Opens the full-screen journal straight on the Call screen for NAME's\n"
     "current conversation (a planned one is created when there is none) and\n"
     "starts its clock. Type notes and press Enter: each line is saved at once,\n"
     "with its time from the start of the call. A line starting with ! is an\n"
     "insight, * feedback on me, + an action for me, @ a referral: \"@Priya Shah,\n"
     "Acme \xE2\x80\x94 runs their research team\" adds or links that person,\n"
     "introduced by NAME. Needs a terminal.\n"},
    {"notes", cli_notes, "notes NAME [--format md|json]",
     "print every conversation with a contact and its notes",
     "Prints NAME's conversations, newest first: when, the channel, the status,\n"
     "the planned minutes and, once ended, the real length to the second\n"
     "(planned 20 min, took 21:20), its #ID, the objective, then each note as\n"
     "  - [MM:SS] ! text\n"
     "with its time from the start of the call and its tag (! insight, * feedback\n"
     "on me, + action for me, @ referral), and the wrap-up scores. md (Markdown)\n"
     "is the default; json is an array of conversations, each with its notes\n"
     "(tag names, offsets in seconds, the contact a referral names, the real\n"
     "length in seconds). Exit 1 when\n"
     "NAME has no conversation.\n"},
    {"thanks", cli_thanks, "thanks NAME [--file FILE|-]",
     "print the thank-you for the last call with a contact, and check it",
     "Prints the thank-you draft for NAME's last conversation held (made from\n"
     "the template if there is none yet), then whether it is specific: it must\n"
     "name a word or phrase that is also in that call's notes, objective or\n"
     "questions. Names (theirs, and followup: my_name), greetings, closings and\n"
     "common words do not count. --file saves FILE as the draft first (- reads\n"
     "standard input; UTF-8 text, at most 1 MiB). Exit 0 when it is specific, 1\n"
     "when it is not, 2 when NAME has held no conversation (or bad usage).\n"},
    {"conversation", cli_conversation,
     "conversation add NAME [--at WHEN] [--minutes LENGTH] [--objective TEXT] [--channel C]\n"
     "       rapport conversation discard ID [--force]",
     "plan a conversation with a contact, or discard a stray call",
     "Adds a planned conversation with NAME. --at is when, in local time, a day\n"
     "and a time as people say them: 'tomorrow 10am', 'fri 14:30', 'next tue\n"
     "9:30am', '24 Dec 3pm', '2026-12-24 14:30' (left out: not scheduled yet).\n"
     "--minutes is the planned length, 1 minute to 4 hours, as 20, 45 min, 1h or\n"
     "1h30 (default: conversation: minutes:\n"
     "in the config, 20); about 20 is plenty. --objective is what you want to\n"
     "learn; C is a key of channels in the config (in-person, phone, video, …).\n"
     "`discard` undoes a call that should not have happened (the #ID rapport notes\n"
     "shows): no conversation held, no thank-you owed, the contact's stage as\n"
     "before the call; one that had been prepared is planned again. A call with\n"
     "notes is refused (exit 2) unless --force (contacts its referrals added\n"
     "stay); a live or planned one is refused; exit 1 when there is no such id.\n"},
    {"question", cli_question, "question add NAME TEXT",
     "add a question to a contact's next conversation; prints its id",
     "Adds TEXT at the end of the questions for NAME's current conversation\n"
     "(the live or interrupted one, else the next planned one; a planned one is\n"
     "created when there is none). Warnings (confidential, a canned opener, a\n"
     "job ask, a poor fit for their seniority) are printed on standard error;\n"
     "the question is added anyway. Reorder questions on the Prep screen.\n"},
    {"agenda", cli_agenda, "agenda [--days DAYS] [--format table|json]",
     "what to do today, and why (what Today shows)",
     "Prints what the Today screen shows, section by section: follow-ups overdue,\n"
     "due today and in the next DAYS days (default 7, at most 60; 14, 2w and\n"
     "2 weeks all work; a promised update among them), thank-you notes owed,\n"
     "actions from conversations (the + lines of your calls), introductions\n"
     "(reach out to someone referred; thank the introducer once you have talked\n"
     "to them), conversations coming up (and calls left interrupted),\n"
     "relationships going quiet (past their cadence) and success reports owed.\n"
     "Each line says why it is there; a follow-up starts with its #ID for\n"
     "`rapport followup done ID`. Quiet warm relationships get a check-in first.\n"
     "When nothing is due, one line says what to do next. json is one object:\n"
     "today, days and items (section, title, contact_id, contact, followup_id,\n"
     "conversation_id, kind, date, why, origin: what in a call's notes made it,\n"
     "action, reach-out, introducer-thanks, promise, or null). Exit 0 whenever\n"
     "the journal could be read, so it fits a\n"
     "shell start-up file.\n"},
    {"followup", cli_followup,
     "followup add NAME --kind KIND [--due DATE] [--note TEXT]\n"
     "       rapport followup done ID\n"
     "       rapport followup snooze ID DAYS",
     "add a follow-up by hand, mark one done, or snooze it",
     "`add` adds a follow-up for NAME and prints its id. KIND is thank-you,\n"
     "check-in, update (share an update), success (report success) or custom\n"
     "(needs --note saying what it is); --due defaults to today. DATE is a day\n"
     "as people say it: today, tomorrow, fri, next fri, +3, in 2 weeks, 3 months,\n"
     "24 Dec or 2026-12-24. `done` marks\n"
     "open follow-up ID done (a thank-you moves the contact to \"thanked\"); it\n"
     "counts as an interaction, so the contact's cadence starts again. `snooze`\n"
     "hides it for DAYS days (1 to 365: 3, 2w, 1 month) or until a day (fri,\n"
     "24 Dec); it keeps its due date. IDs are shown by\n"
     "`rapport agenda`. Exit 1 when there is no open follow-up ID.\n"},
    {"action", cli_action, "action done ID\n       rapport action snooze ID DAYS",
     "mark an action from a call done, or snooze it",
     "The + lines of a call's notes become actions when the call ends (due after\n"
     "conversation: action_days: in the config, 7, unless the line says when:\n"
     "\"+ send the report by friday\"); `rapport agenda` lists them with their #ID.\n"
     "They are follow-ups: `done` and `snooze` work as `rapport followup done|snooze`\n"
     "(either works). Exit 1 when there is no open follow-up ID.\n"},
    {"outcome", cli_outcome, "outcome add TEXT [--contact NAME]... [--date DATE]",
     "log how it turned out, and who helped; prints its id",
     "Logs an outcome (\"I got the role\", \"I decided against it\"), dated --date\n"
     "(default today), about the people given with --contact. Prints the\n"
     "outcome's id, then everyone who helped along the way, one per line as\n"
     "\"Name \xE2\x80\x94 why\": the people you met about it, who introduced each of them\n"
     "(up the whole chain), whose conversation referred them, and everyone a\n"
     "call's notes promised news (their update follow-up is closed). Each gets a\n"
     "\"report success\" follow-up due today, so nobody who helped is forgotten.\n"},
    {"cadence", cli_cadence, "cadence NAME [DAYS|none|default]",
     "how often to get back in touch with a contact",
     "Sets NAME's cadence to DAYS (0 to 3650), none (no reminders: for people\n"
     "you contact only when there is a reason) or default (the config's cadence:\n"
     "by stage, else by warmth), then prints the cadence that applies, the last\n"
     "interaction (a conversation, a give, a note, a follow-up done) and when a\n"
     "check-in is due. Without DAYS, only prints.\n"},
    {"draft", cli_draft, "draft check [FILE|-]",
     "check an outreach draft for hidden asks (exit 0 clean, 1 findings)",
     "Checks the outreach draft in FILE (standard input when FILE is \"-\" or\n"
     "left out) with the phrase lists of the config (ask_check:): a job request,\n"
     "a hidden second favour, a resume sent unasked, \"pick your brain\", an\n"
     "unfilled {placeholder}, more than max_words words. Phrases match as whole\n"
     "words, ignoring case, across line breaks. Prints one line per finding,\n"
     "  LINE:COL: category: \"phrase\" — suggestion\n"
     "and nothing when the draft is clean. Does not open the journal. Exit 0\n"
     "clean, 1 findings, 2 when FILE cannot be read or is not UTF-8.\n"},
    {"search", cli_search, "search QUERY [--format table|json] [--limit N]",
     "find any word in the journal (exit 1 when nothing matches)",
     "Searches contacts (name, organisation, role, field, every email, phone and\n"
     "URL, location, tags, work, challenges, notes, research), call notes, gives,\n"
     "the worksheet, outreach and thank-you drafts, objectives and questions. Each word matches the start of a word\n"
     "(\"lov\" finds Lovelace), ignoring case and accents (Zoe finds Zo\xC3\xAB, Orsted\n"
     "finds \xC3\x98rsted); every word must match; quotes, * and the like are taken\n"
     "literally. Deleted contacts and what is theirs are left out. table (the\n"
     "default) groups the hits by kind, best first, with the matched words in\n"
     "[brackets]; json is an array of objects with kind, title, snippet,\n"
     "matched, contact ({id, name} or null), ref_id and where. --limit is the\n"
     "most hits shown (default 50, 0 = all). Exit 1 when nothing matches.\n"},
    {"show", cli_show, "show NAME [--format md|json]",
     "a one-contact dossier to read before a call",
     "Prints everything about NAME on one page: who they are, how you are\n"
     "connected (the chain of introductions), what you gave, the next\n"
     "conversation with its open questions, past conversations with their\n"
     "notes, follow-ups owed and readiness. md (Markdown) is the default; json\n"
     "is one object with the same parts.\n"},
    {"export", cli_export, "export json|csv|vcard|ics [-o FILE] [--vcard-version 3|4]",
     "write the journal as JSON, CSV, vCard or iCalendar",
     "Writes to standard output, or with -o (--output) to FILE, replaced\n"
     "atomically and private (0600); a pipe, FIFO or terminal is written straight\n"
     "through, a device refused. A failed write exits 3. json: the whole journal (every table, ids\n"
     "kept; no search index), for `rapport import json`. csv: live contacts\n"
     "(RFC 4180, a header row, tags joined with \";\"; every email, phone and URL\n"
     "in the last three columns). vcard: live contacts as vCard 4.0, or 3.0 with\n"
     "--vcard-version 3 (every email, phone and URL with its kind). ics: planned\n"
     "conversations as events (UTC) and open follow-ups as to-dos (due dates).\n"
     "UIDs stay the same from one export to the next, so a calendar or address\n"
     "book updates its copy instead of adding another.\n"},
    {"sync", cli_sync,
     "sync [--contacts DIR] [--calendar DIR] [--dry-run] [--delete] [--format text|json]",
     "keep contacts and calendar in step with your phone, both ways",
     "Keeps a contacts folder and a calendar folder (vdir collections: one .vcf\n"
     "or .ics file per item, the folders vdirsyncer syncs with a CardDAV/CalDAV\n"
     "server) in step with the journal. Without --contacts/--calendar the\n"
     "config's sync: contacts: and calendar: are used. Contacts go out with\n"
     "every field a phone shows and rapport's own as X-RAPPORT-*; a card changed\n"
     "in the folder is merged field by field; a new card is a new contact; when\n"
     "both sides changed a field, the journal's value is kept and the other is\n"
     "saved in the contact's notes (a conflict in the report). A card deleted in\n"
     "the folder unlinks the contact (kept, no longer synced); --delete deletes\n"
     "it (rapport undo brings it back). A file that cannot be read is skipped,\n"
     "never removed. One sync is one change to undo; a second sync of the same\n"
     "journal waits a few seconds, then says the first is running. --dry-run\n"
     "prints what would be written, read, removed and unlinked, changes nothing.\n"
     "One line per item (\"written  FILE  NAME\") and a summary; --format json\n"
     "for scripts. Exit 2 for a bad folder or option, 3 when the journal could\n"
     "not be written or another sync is running.\n"},
    {"backup", cli_backup, "backup FILE [--force]",
     "copy the journal safely, even while it is open",
     "Copies the journal to FILE (0600) with SQLite's online backup, so the copy\n"
     "is consistent even while the journal is open elsewhere. Refuses an\n"
     "existing FILE unless --force; an existing journal (or any SQLite file) is\n"
     "written through SQLite, so its -wal stays consistent. To go back to a\n"
     "backup, use `rapport restore FILE`.\n"},
    {"restore", cli_restore_file, "restore BACKUP [--force]",
     "replace the journal with a backup made by `rapport backup`",
     "Copies BACKUP (a journal or a copy made by `rapport backup`, opened\n"
     "read-only) into the journal through SQLite, so a rapport that has the\n"
     "journal open sees the restored one and nothing is replayed from an old\n"
     "log. A journal that holds contacts is replaced only with --force, and is\n"
     "first copied to JOURNAL.before-restore (restore that to undo). An older\n"
     "backup is upgraded as it is opened. Exit 2 when BACKUP is not a rapport\n"
     "journal or is from a newer rapport (nothing changed).\n"},
    {"check", cli_check, "check",
     "read every page of the journal and report damage",
     "Opening the journal checks only its header (instantly, whatever its\n"
     "size); check reads every page with SQLite's integrity_check, which takes\n"
     "seconds on a large journal. Exit 0 when intact (\"ok: FILE is intact\");\n"
     "3 when damaged, each problem on standard error.\n"},
    {"import", cli_import,
     "import csv|linkedin|vcard FILE|- [--skip-bad] [--dry-run] [--encoding NAME]\n"
     "       rapport import json FILE [--merge]",
     "bring in contacts from CSV exports and vCards (or restore a JSON export)",
     "Imports people from a CSV export (csv: LinkedIn's Connections.csv of any\n"
     "year, Outlook CSV (also LinkedIn's pre-2017 export) or Google Contacts CSV,\n"
     "recognised by the header; linkedin: LinkedIn's only) or a vCard file (vcard:\n"
     "2.1, 3.0 or 4.0 from phones, Google, Outlook, iCloud, Evolution, KDE,\n"
     "quoted-printable and CHARSET included). FILE \"-\" reads standard input.\n"
     "The text is UTF-8, or Windows-1252 when it is not (one warning), or what\n"
     "--encoding NAME says (any iconv name: latin1, macintosh, utf-16, …).\n"
     "Every email, phone and URL of a person is kept, with its type. Each person\n"
     "is matched with a contact already in the journal: by any email (ignoring\n"
     "case), else any profile URL (ignoring http(s)://, www. and a trailing /),\n"
     "else by name and organisation unless they are clearly two people. A match\n"
     "gets the fields it has empty and the values it lacks (nothing you typed is\n"
     "overwritten), so importing the same file twice adds nobody. Structure is\n"
     "strict: a file that is not the format, or a row with a broken quote or too\n"
     "many cells, is reported as FILE:LINE: what is wrong (exit 2) and nothing is\n"
     "added (--skip-bad: the good ones are imported, each broken one listed).\n"
     "Content is lenient: an odd value (a date that is no date, an email without\n"
     "@) is dropped from that person with \"warning: FILE:LINE: NAME: kept\n"
     "without …\" on standard error; a row with no name, email or phone (LinkedIn's\n"
     "hidden members) is skipped and counted. Prints what the file was found to\n"
     "be, then \"added N, updated N, unchanged N, skipped N (no name), warnings\n"
     "N\". --dry-run does all of it and writes nothing. LinkedIn's Connected On\n"
     "becomes \"known since\"; how you know them comes from import:\n"
     "linkedin_how_known: in the config (community). `import json` restores\n"
     "`rapport export json` into an empty journal (--merge: into one that is not\n"
     "empty).\n"},
    {"undo", cli_undo, "undo",
     "undo the last change to the journal, and say what it was",
     "Undoes the last change made to the journal, whoever made it: a key on the\n"
     "full screen (u there does the same) or a verb such as `rapport followup\n"
     "done 3`. Each verb that writes is one change; so is each action on the full\n"
     "screen (an import is one; a restore, `restore` or `import json`, is not\n"
     "recorded). Again and again, also after a restart: the last changes\n"
     "(undo: steps: in the config, 200) are kept in the journal. Prints\n"
     "\"undid: WHAT\". Exit 1 when there is nothing to undo; 2 when what it\n"
     "changed was changed again since outside rapport (the sqlite3 shell): then\n"
     "nothing is changed.\n"},
    {"redo", cli_redo, "redo",
     "redo the last change undone",
     "Makes again the last change `rapport undo` (or u on the full screen) undid,\n"
     "and prints \"redid: WHAT\". A new change clears what can be redone. Exit 1\n"
     "when there is nothing to redo.\n"},
    {"check-config", cli_check_config, "check-config [FILE]",
     "validate a config file and the theme it names",
     "Checks FILE (default: --config, else $XDG_CONFIG_HOME/rapport/config.yaml).\n"
     "Prints FILE:LINE:COLUMN for each problem. Exit 0 when valid, 2 when not.\n"},
};

static const struct cli_verb *find_verb(const char *name) {
  for (size_t i = 0; i < RP_ARRAY_LEN(verbs); i++)
    if (strcmp(verbs[i].name, name) == 0) return &verbs[i];
  return NULL;
}

static void usage(FILE *out) {
  fprintf(out,
          "rapport %s — a terminal journal for networking conversations\n\n"
          "Usage:\n"
          "  rapport [--db FILE] [--config FILE] [--theme NAME]     open the journal\n"
          "  rapport [GLOBAL OPTIONS] VERB [ARGS]\n\n"
          "Verbs:\n",
          RAPPORT_VERSION);
  for (size_t i = 0; i < RP_ARRAY_LEN(verbs); i++)
    fprintf(out, "  %-14s %s\n", verbs[i].name, verbs[i].summary);
  fprintf(out, "  %-14s %s\n", "help VERB", "show the options of a verb");
  fprintf(out,
          "\nGlobal options (before the verb):\n"
          "  --db FILE       journal file (default $XDG_DATA_HOME/rapport/journal.db)\n"
          "  --config FILE   config file (default $XDG_CONFIG_HOME/rapport/config.yaml)\n"
          "  --theme NAME    colour theme: default, light, high-contrast, mono, or a file\n"
          "  --create        make a missing journal without saying so (a verb that\n"
          "                  writes says it is creating one; one that only reads,\n"
          "                  such as list or export, refuses a missing journal)\n"
          "  --help, -h      this help\n"
          "  --version, -V   print the version\n\n"
          "Exit status: 0 success, 1 a negative answer (not found, not ready),\n"
          "2 bad usage or input, 3 the journal could not be opened or written.\n");
}

static int help_verb(const char *name) {
  const struct cli_verb *v = find_verb(name);
  if (!v) {
    fprintf(stderr, "rapport help: unknown verb '%s'; verbs: ", name);
    for (size_t i = 0; i < RP_ARRAY_LEN(verbs); i++)
      fprintf(stderr, "%s%s", i ? ", " : "", verbs[i].name);
    fputc('\n', stderr);
    return RP_INVALID;
  }
  printf("Usage: rapport %s\n\n%s\n%s", v->usage, v->summary, v->help);
  return RP_OK;
}

/* Make sure character widths and wide output work: use the user's locale,
 * and fall back to C.UTF-8 when it is not UTF-8 (journal text is UTF-8). */
static void init_locale(void) {
  setlocale(LC_ALL, "");
  const char *cs = nl_langinfo(CODESET);
  if (!cs || strcmp(cs, "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
}

/* See cli.h. */
int cli_run_ui(struct cli_ctx *ctx, int64_t call_contact) {
  cli_tty_release_stdout(); /* curses writes to the terminal itself */
  enum rp_status st = cli_config(ctx);
  if (st != RP_OK) return st;
  struct rp_theme theme = {0};
  if (cli_theme(ctx, &theme) != RP_OK) {
    theme_free(&theme);
    return RP_INVALID;
  }
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
    theme_free(&theme);
    return cli_fail(NULL, RP_INVALID,
                    "the journal needs a terminal; for scripts use a verb (rapport --help)");
  }
  char why[256];
  if (!ui_terminal_usable(why, sizeof why)) {
    theme_free(&theme);
    return cli_fail(NULL, RP_INVALID, "%s", why);
  }
  st = cli_open(ctx);
  if (st != RP_OK) {
    theme_free(&theme);
    return st;
  }
  /* opened by a verb (`call NAME`) with a verb's cache: the screen's back */
  if (!ctx->ui) db_cache_kib(ctx->db, DB_CACHE_SCREEN);
  /* the cadence sync is the screen's: a long one (after an import, a
   * restore or an upgrade) runs in steps after the first paint, its
   * progress in the status bar (app_cadence_due). Nothing is printed once
   * the full screen is up. */
  db_set_progress(ctx->db, NULL, NULL);
  /* the full screen hides stderr: the journal's notes (an unsafe mode, a
   * backup made before an upgrade) go first among the warnings the status
   * bar shows at start */
  const struct rp_strv *notes = db_notes(ctx->db);
  if (notes->n) {
    struct rp_strv all = {0};
    strv_copy(&all, notes);
    for (size_t i = 0; i < ctx->cfg.warnings.n; i++) strv_push(&all, ctx->cfg.warnings.v[i]);
    strv_free(&ctx->cfg.warnings);
    ctx->cfg.warnings = all;
  }
  int rc = call_contact ? ui_run_call(ctx->db, &ctx->cfg, &theme, call_contact)
                        : ui_run(ctx->db, &ctx->cfg, &theme);
  theme_free(&theme);
  return rc;
}

static bool take_global(int argc, char **argv, int *i, const char *name, const char **dst,
                        int *rc) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0) return false;
  if (a[n] == '=') {
    *dst = a + n + 1;
    return true;
  }
  if (a[n] != '\0') return false;
  if (*i + 1 >= argc) {
    *rc = cli_fail(NULL, RP_INVALID, "option %s needs a value", name);
    return true;
  }
  *dst = argv[++*i];
  return true;
}

/* Whatever a verb printed must have reached its destination: a full disk
 * or a closed pipe reader that cut the output short is a failure (exit 3
 * with a message), never a silent exit 0. Called once as main returns. */
static int output_written(int rc) {
  errno = 0;
  if (fflush(stdout) == 0 && !ferror(stdout)) return rc;
  int e = errno;
  fprintf(stderr, "rapport: could not write the output: %s\n",
          e == ENOSPC || e == EFBIG ? "no space left (the disk is full, or a file size limit "
                                      "was reached)"
                                    : e ? strerror(e) : "write error");
  return rc == RP_OK || rc == RP_NO ? RP_EDB : rc;
}

static int cli_main_verb(int argc, char **argv);

int cli_main(int argc, char **argv) { return output_written(cli_main_verb(argc, argv)); }

/* Every argument is UTF-8 text (names, notes, options, file names alike):
 * bytes in another encoding would be stored as they are and break the
 * screen, search and every export. One check for every verb. */
static int arguments_are_text(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (!utf8_valid(argv[i], strlen(argv[i]))) {
      char *shown = utf8_sanitize(argv[i]);
      fprintf(stderr,
              "rapport: argument %d ('%s') is not valid UTF-8 text; rapport reads UTF-8 (check "
              "the terminal's or the script's encoding)\n",
              i, shown);
      free(shown);
      return RP_INVALID;
    }
  return RP_OK;
}

/* SIGTERM, SIGHUP or C-c while a verb writes a copy (export -o, backup,
 * the copy before an upgrade): its temporary file goes, then rapport dies
 * of the signal as it would have. The full screen installs its own. */
static void on_fatal_signal(int sig) {
  paths_temp_remove_all();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void catch_fatal_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  const int sigs[] = {SIGTERM, SIGHUP, SIGINT};
  for (size_t i = 0; i < RP_ARRAY_LEN(sigs); i++) sigaction(sigs[i], &sa, NULL);
}

/* "rapport followup done 3": the name of a verb's undo step, each
 * argument clipped (str_clip) and the whole cut at 199 bytes; caller
 * frees. */
static char *cli_step_label(int argc, char **argv) {
  struct rp_buf b = {0};
  buf_adds(&b, "rapport");
  for (int k = 0; k < argc; k++) {
    char clip[128];
    buf_addc(&b, ' ');
    buf_adds(&b, str_clip(argv[k], clip, sizeof clip));
  }
  char label[200];
  str_copy(label, sizeof label, buf_str(&b));
  buf_free(&b);
  return xstrdup(label);
}

static int cli_main_verb(int argc, char **argv) {
  init_locale();
  catch_fatal_signals();
  if (arguments_are_text(argc, argv) != RP_OK) return RP_INVALID;
  struct cli_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  int i = 1, rc = RP_OK;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage(stdout);
      return RP_OK;
    }
    if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
      printf("rapport %s\nSQLite %s, ncurses %s, libyaml %s\n", RAPPORT_VERSION,
             db_library_version(), ui_library_version(), config_library_version());
      return RP_OK;
    }
    if (strcmp(a, "--create") == 0) {
      ctx.create = true;
      continue;
    }
    if (take_global(argc, argv, &i, "--db", &ctx.db_path, &rc) ||
        take_global(argc, argv, &i, "--config", &ctx.config_path, &rc) ||
        take_global(argc, argv, &i, "--theme", &ctx.theme, &rc)) {
      if (rc) return rc;
      continue;
    }
    fprintf(stderr, "rapport: unknown option '%s'; global options: --db FILE, --config FILE, "
                    "--theme NAME, --create, --help, --version (they come before the verb)\n", a);
    return RP_INVALID;
  }
  if (i >= argc) {
    ctx.ui = true;
    rc = cli_run_ui(&ctx, 0);
  } else if (strcmp(argv[i], "help") == 0) {
    cli_tty_guard_stdout();
    if (i + 1 < argc) rc = help_verb(argv[i + 1]);
    else usage(stdout);
  } else {
    cli_tty_guard_stdout();
    const struct cli_verb *v = find_verb(argv[i]);
    static const char *const readers[] = {"list", "show",   "search", "agenda", "notes",
                                          "ready", "path",  "export", "backup", "check"};
    for (size_t k = 0; v && k < RP_ARRAY_LEN(readers); k++)
      if (strcmp(v->name, readers[k]) == 0) ctx.reads_only = true;
    /* a verb that writes is one undo step, named by its command line;
     * not a restore (of a backup, or of an export: `import json`, whose
     * undo log would be as large as the journal) */
    static const char *const unstepped[] = {"undo", "redo", "restore", "call", "check-config",
                                            "draft"};
    bool step = v && !ctx.reads_only &&
                !(strcmp(v->name, "import") == 0 && i + 1 < argc && strcmp(argv[i + 1], "json") == 0);
    for (size_t k = 0; step && k < RP_ARRAY_LEN(unstepped); k++)
      if (strcmp(v->name, unstepped[k]) == 0) step = false;
    if (step) ctx.undo_label = cli_step_label(argc - i, argv + i);
    if (!v) {
      fprintf(stderr, "rapport: unknown verb '%s'; verbs: ", argv[i]);
      for (size_t k = 0; k < RP_ARRAY_LEN(verbs); k++)
        fprintf(stderr, "%s%s", k ? ", " : "", verbs[k].name);
      fprintf(stderr, ", help (rapport --help)\n");
      rc = RP_INVALID;
    } else {
      /* `rapport VERB --help` is `rapport help VERB` */
      bool help = false;
      for (int k = i + 1; k < argc && strcmp(argv[k], "--") != 0; k++)
        if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) help = true;
      rc = help ? (int)help_verb(argv[i]) : (int)v->run(&ctx, argc - i - 1, argv + i + 1);
    }
  }
  if (ctx.db && ctx.undo_label) undo_end(ctx.db);
  free(ctx.undo_label);
  if (ctx.db) db_close(ctx.db);
  config_free(&ctx.cfg);
  return rc;
}
