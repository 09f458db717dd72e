/* db_schema.c — the journal's schema as a list of migrations, keyed by
 * PRAGMA user_version (db.c runs the ones a journal has not had yet). */
#include "model/db_sql.h"

#include "model/db_schema.h"
#include "model/search_sql.h"
#include "rapport/util.h"

/* Migration i brings user_version from i to i+1; it runs in one transaction
 * together with its user_version bump. Add features by appending an entry;
 * never edit a shipped one. The bump is appended at compile time. */
#define MIGRATION(version, sql) sql "\nPRAGMA user_version = " #version ";"

/* A trigger that makes the cadence of contact `id` be worked out again at
 * the next sync (migration 9). A new contact gets its row; the others are
 * only written when not already due. */
#define CADENCE_TOUCH(name, when, id)                                                  \
  "CREATE TRIGGER IF NOT EXISTS cadence_" name " " when " BEGIN\n"                                \
  "  INSERT INTO cadence_state (contact_id) SELECT " id " WHERE " id " IS NOT NULL\n" \
  "    ON CONFLICT (contact_id) DO UPDATE SET check_on = '' WHERE check_on <> '';\n"  \
  "END;\n"

/* The triggers keeping the Contacts filter's trigram index (an FTS5 table
 * over contact_filter_hay) in step with the haystacks (migration 13). */
#define CONTACT_FILTER_HAY_TRIGGERS                                                             \
  "CREATE TRIGGER IF NOT EXISTS contact_filter_hay_ai AFTER INSERT ON contact_filter_hay\n"     \
  "BEGIN INSERT INTO contact_filter (rowid, hay) VALUES (new.contact_id, new.hay); END;\n"     \
  "CREATE TRIGGER IF NOT EXISTS contact_filter_hay_ad AFTER DELETE ON contact_filter_hay\n"     \
  "BEGIN INSERT INTO contact_filter (contact_filter, rowid, hay)\n"                            \
  "  VALUES ('delete', old.contact_id, old.hay); END;\n"

/* Migration 14: each contact's `col` (email, phone, url) as its one
 * preferred value of that kind, unless it has values of that kind. */
#define CONTACT_VALUE_FROM(col)                                                                 \
  "INSERT OR IGNORE INTO contact_value (contact_id, kind, position, value, preferred)\n"        \
  "  SELECT c.id, '" col "', 0, trim(c." col "), 1 FROM contact c\n"                           \
  "  WHERE length(trim(c." col ")) > 0 AND NOT EXISTS (SELECT 1 FROM contact_value v\n"         \
  "    WHERE v.contact_id = c.id AND v.kind = '" col "');\n"

static const char *const migrations[] = {
    MIGRATION(1,
              "PRAGMA application_id = 1918988400;\n" /* RAPPORT_APP_ID */
              "CREATE TABLE contact (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
              "  org TEXT, role TEXT, field TEXT, email TEXT, phone TEXT, url TEXT,\n"
              "  location TEXT,\n"
              "  how_known TEXT,\n"
              "  warmth TEXT NOT NULL CHECK (warmth IN ('warm', 'cold')),\n"
              "  warmth_set INTEGER NOT NULL DEFAULT 0 CHECK (warmth_set IN (0, 1)),\n"
              "  introduced_by INTEGER REFERENCES contact(id) ON DELETE SET NULL,\n"
              "  seniority TEXT, channel TEXT,\n"
              "  stage TEXT NOT NULL CHECK (length(stage) > 0),\n"
              "  work TEXT, challenges TEXT, notes TEXT,\n"
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL,\n"
              "  deleted_at INTEGER,\n"
              "  deleted_seq INTEGER,\n" /* order of deletions, for undo */
              "  CHECK (introduced_by IS NULL OR introduced_by <> id)\n"
              ");\n"
              "CREATE TABLE contact_tag (\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  tag TEXT NOT NULL COLLATE NOCASE CHECK (length(tag) > 0),\n"
              "  PRIMARY KEY (contact_id, tag)\n"
              ") WITHOUT ROWID;\n"
              "CREATE INDEX contact_name ON contact(name COLLATE NOCASE);\n"
              "CREATE INDEX contact_updated ON contact(updated_at);\n"
              "CREATE INDEX contact_stage ON contact(stage);\n"
              "CREATE INDEX contact_introduced_by ON contact(introduced_by);\n"
              "CREATE INDEX contact_deleted ON contact(deleted_seq) WHERE deleted_at IS NOT NULL;\n"
              "CREATE INDEX contact_tag_tag ON contact_tag(tag);\n"),
    /* the self-reflection worksheet: three single texts, and one table for
     * the entries of its five list sections (see rapport/worksheet.h for
     * what each column means in each section) */
    MIGRATION(2,
              "CREATE TABLE ws_text (\n"
              "  key TEXT PRIMARY KEY CHECK (key IN ('want', 'pitch', 'move')),\n"
              "  value TEXT NOT NULL CHECK (length(value) > 0),\n"
              "  updated_at INTEGER NOT NULL\n"
              ") WITHOUT ROWID;\n"
              "CREATE TABLE ws_item (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  section TEXT NOT NULL\n"
              "    CHECK (section IN ('superpower', 'problem', 'skill', 'gap', 'option')),\n"
              "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),\n"
              "  text1 TEXT, text2 TEXT,\n"
              "  kind TEXT CHECK (kind IS NULL OR kind IN ('hard', 'soft')),\n"
              "  n1 INTEGER NOT NULL DEFAULT 0 CHECK (n1 BETWEEN 0 AND 5),\n"
              "  n2 INTEGER NOT NULL DEFAULT 0 CHECK (n2 BETWEEN 0 AND 5),\n"
              "  n3 INTEGER NOT NULL DEFAULT 0 CHECK (n3 BETWEEN 0 AND 5),\n"
              "  flag INTEGER NOT NULL DEFAULT 0 CHECK (flag IN (0, 1)),\n"
              "  ref INTEGER,\n" /* a conversation, once they exist */
              "  position INTEGER NOT NULL,\n" /* order added within the section */
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL,\n"
              "  CHECK ((section = 'skill') = (kind IS NOT NULL)),\n"
              "  CHECK (section <> 'skill' OR (n1 >= 1 AND n2 >= 1 AND n3 = 0)),\n"
              "  CHECK (section IN ('skill', 'option') OR (n1 = 0 AND n2 = 0 AND n3 = 0))\n"
              ");\n"
              "CREATE INDEX ws_item_section ON ws_item(section, position);\n"),
    /* before reaching out: research notes and the outreach draft on each
     * contact, the give-first ledger, and the manual readiness items ticked
     * per contact (keys from the config's readiness: manual: list) */
    MIGRATION(3,
              "ALTER TABLE contact ADD COLUMN research TEXT;\n"
              "ALTER TABLE contact ADD COLUMN draft TEXT;\n"
              "CREATE TABLE give (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  date TEXT NOT NULL\n"
              "    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n"
              "  kind TEXT NOT NULL CHECK (length(kind) > 0),\n"
              "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),\n"
              "  created_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE INDEX give_contact ON give(contact_id, date);\n"
              "CREATE TABLE ready_check (\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  key TEXT NOT NULL CHECK (length(key) > 0),\n"
              "  checked_at INTEGER NOT NULL,\n"
              "  PRIMARY KEY (contact_id, key)\n"
              ") WITHOUT ROWID;\n"),
    /* conversations: one planned or held conversation with a contact, its
     * prioritised questions, the notes taken during the call (one row per
     * line, committed as it is typed) and the follow-ups it leaves (a
     * thank-you first; check-ins and success reports later) */
    MIGRATION(4,
              "CREATE TABLE conversation (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  channel TEXT,\n"
              "  scheduled_at INTEGER,\n"
              "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 240),\n"
              "  objective TEXT,\n"
              "  status TEXT NOT NULL\n"
              "    CHECK (status IN ('planned', 'live', 'interrupted', 'held', 'cancelled')),\n"
              "  started_at INTEGER,\n"
              "  ended_at INTEGER,\n"
              "  fit1 INTEGER NOT NULL DEFAULT 0 CHECK (fit1 BETWEEN 0 AND 5),\n"
              "  fit2 INTEGER NOT NULL DEFAULT 0 CHECK (fit2 BETWEEN 0 AND 5),\n"
              "  fit3 INTEGER NOT NULL DEFAULT 0 CHECK (fit3 BETWEEN 0 AND 5),\n"
              "  fit4 INTEGER NOT NULL DEFAULT 0 CHECK (fit4 BETWEEN 0 AND 5),\n"
              "  fit_note1 TEXT, fit_note2 TEXT, fit_note3 TEXT, fit_note4 TEXT,\n"
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE INDEX conversation_contact ON conversation(contact_id, status);\n"
              "CREATE TABLE question (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,\n"
              "  position INTEGER NOT NULL,\n"
              "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),\n"
              "  category TEXT,\n"   /* question bank category key, NULL = my own */
              "  flags TEXT,\n"      /* bank flags, comma-separated: confidential,canned,… */
              "  gap_id INTEGER,\n"  /* the worksheet gap it came from */
              "  asked_at INTEGER,\n" /* NULL = not asked yet */
              "  created_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE INDEX question_conversation ON question(conversation_id, position);\n"
              "CREATE TABLE note (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,\n"
              "  offset_s INTEGER NOT NULL CHECK (offset_s >= 0),\n"
              "  tag TEXT NOT NULL DEFAULT ''\n"
              "    CHECK (tag IN ('', 'insight', 'feedback', 'action', 'referral')),\n"
              "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),\n"
              "  contact_ref INTEGER REFERENCES contact(id) ON DELETE SET NULL,\n"
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE INDEX note_conversation ON note(conversation_id, offset_s, id);\n"
              "CREATE TABLE followup (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  conversation_id INTEGER REFERENCES conversation(id) ON DELETE SET NULL,\n"
              "  kind TEXT NOT NULL CHECK (kind IN ('thank-you', 'check-in', 'success')),\n"
              "  due TEXT NOT NULL\n"
              "    CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n"
              "  medium TEXT NOT NULL CHECK (length(medium) > 0),\n"
              "  draft TEXT,\n"
              "  status TEXT NOT NULL DEFAULT 'open'\n"
              "    CHECK (status IN ('open', 'sent', 'skipped')),\n"
              "  done_at INTEGER,\n"
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE INDEX followup_due ON followup(status, due);\n"
              "CREATE INDEX followup_contact ON followup(contact_id);\n"),
    /* keeping relationships alive: a cadence per contact (NULL = the
     * config's default for its stage and warmth, 0 = none), outcomes and
     * who helped towards them, and follow-ups of every kind (the table is
     * rebuilt to widen its kinds and add snoozing, a note, the outcome it
     * reports on and whether the journal created it) */
    MIGRATION(5,
              "ALTER TABLE contact ADD COLUMN cadence_days INTEGER\n"
              "  CHECK (cadence_days IS NULL OR cadence_days BETWEEN 0 AND 3650);\n"
              "CREATE TABLE outcome (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),\n"
              "  date TEXT NOT NULL\n"
              "    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n"
              "  created_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE TABLE outcome_contact (\n"
              "  outcome_id INTEGER NOT NULL REFERENCES outcome(id) ON DELETE CASCADE,\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  PRIMARY KEY (outcome_id, contact_id)\n"
              ") WITHOUT ROWID;\n"
              "CREATE TABLE followup_new (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              "  conversation_id INTEGER REFERENCES conversation(id) ON DELETE SET NULL,\n"
              "  outcome_id INTEGER REFERENCES outcome(id) ON DELETE SET NULL,\n"
              "  kind TEXT NOT NULL\n"
              "    CHECK (kind IN ('thank-you', 'check-in', 'update', 'success', 'custom')),\n"
              "  due TEXT NOT NULL\n"
              "    CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n"
              "  snoozed_until TEXT CHECK (snoozed_until IS NULL OR\n"
              "    snoozed_until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),\n"
              "  medium TEXT NOT NULL CHECK (length(medium) > 0),\n"
              "  note TEXT,\n"
              "  draft TEXT,\n"
              "  status TEXT NOT NULL DEFAULT 'open'\n"
              "    CHECK (status IN ('open', 'sent', 'done', 'skipped')),\n"
              "  auto INTEGER NOT NULL DEFAULT 0 CHECK (auto IN (0, 1)),\n"
              "  done_at INTEGER,\n"
              "  created_at INTEGER NOT NULL,\n"
              "  updated_at INTEGER NOT NULL\n"
              ");\n"
              "INSERT INTO followup_new (id, contact_id, conversation_id, kind, due, medium, draft,\n"
              "                          status, auto, done_at, created_at, updated_at)\n"
              "  SELECT id, contact_id, conversation_id, kind, due, medium, draft, status,\n"
              "         kind = 'thank-you', done_at, created_at, updated_at FROM followup;\n"
              "DROP TABLE followup;\n"
              "ALTER TABLE followup_new RENAME TO followup;\n"
              "CREATE INDEX followup_due ON followup(status, due);\n"
              "CREATE INDEX followup_contact ON followup(contact_id);\n"),
    /* search: an FTS5 index over contacts, notes, gives, the worksheet and
     * drafts, kept in step by triggers and filled from the rows already
     * there (the SQL and what it indexes: model/search_sql.h) */
    MIGRATION(6, SEARCH_SQL_TABLE SEARCH_SQL_TRIGGERS_6 SEARCH_SQL_POPULATE_6),
    /* imports: since when you know a contact (LinkedIn's "Connected On") */
    MIGRATION(7,
              "ALTER TABLE contact ADD COLUMN known_since TEXT\n"
              "  CHECK (known_since IS NULL OR\n"
              "         known_since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');\n"),
    /* exports: a random id per journal (kept by export and restore), from
     * which vCard and iCalendar UIDs are derived so they stay the same on
     * every export (see rapport/dump.h) */
    MIGRATION(8,
              "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)\n"
              "  WITHOUT ROWID;\n"
              "INSERT OR IGNORE INTO meta (key, value)\n"
              "  VALUES ('journal_id', lower(hex(randomblob(16))));\n"),
    /* scale: what the cadence worked out per contact, so Today reads only
     * the contacts whose day has come instead of every contact on every
     * open (see model/cadence.c). check_on: the first day the contact may
     * have gone quiet ('' = work it out again at the next sync, '9999-12-31'
     * = nothing to do until something changes); quiet_due: set while the
     * contact is quiet with no check-in (Going quiet), the day its cadence
     * ran out; last_day, last_what and cadence: the last interaction and
     * the cadence it was measured with (what Going quiet says). Triggers
     * reset check_on whenever an interaction or the
     * contact's stage, warmth or cadence changes. Not exported: it is
     * rebuilt from the journal (IF NOT EXISTS: a journal taken back to an
     * older schema by hand keeps it). cadence_config holds the config's cadences
     * the state was worked out with; when they change, all is redone.
     * Also: an index for Today's open follow-ups in due order. */
    MIGRATION(9,
              "CREATE TABLE IF NOT EXISTS cadence_state (\n"
              "  contact_id INTEGER PRIMARY KEY,\n" /* no REFERENCES: see cadence_contact_ad */
              "  check_on TEXT NOT NULL DEFAULT '',\n"
              "  quiet_due TEXT,\n"
              "  last_day TEXT, last_what TEXT, cadence INTEGER\n" /* as worked out */
              ");\n"
              "CREATE INDEX IF NOT EXISTS cadence_check_on ON cadence_state(check_on);\n"
              "CREATE INDEX IF NOT EXISTS cadence_quiet ON cadence_state(quiet_due) WHERE quiet_due IS NOT NULL;\n"
              "CREATE TABLE IF NOT EXISTS cadence_config (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL);\n"
              "INSERT OR IGNORE INTO cadence_state (contact_id) SELECT id FROM contact;\n"
              /* every column Today's queries touch, so they read the index
               * alone (SQLite 3.40 does not read an indexed expression's
               * value from the index, nor trust a partial index's WHERE) */
              "CREATE INDEX IF NOT EXISTS followup_open_due\n"
              "  ON followup(max(due, coalesce(snoozed_until, due)), kind, contact_id, due,\n"
              "              snoozed_until, status) WHERE status = 'open';\n"
              CADENCE_TOUCH("contact_ai", "AFTER INSERT ON contact", "NEW.id")
              CADENCE_TOUCH("contact_au",
                            "AFTER UPDATE OF stage, warmth, cadence_days, created_at, deleted_at "
                            "ON contact",
                            "NEW.id")
              /* a row touched while its contact is being deleted (the
               * cascade to its follow-ups) is removed by the next sync */
              "CREATE TRIGGER IF NOT EXISTS cadence_contact_ad AFTER DELETE ON contact BEGIN\n"
              "  DELETE FROM cadence_state WHERE contact_id = OLD.id;\n"
              "END;\n"
              CADENCE_TOUCH("conversation_ai", "AFTER INSERT ON conversation", "NEW.contact_id")
              CADENCE_TOUCH("conversation_au",
                            "AFTER UPDATE OF status, started_at, ended_at, contact_id ON conversation",
                            "NEW.contact_id")
              CADENCE_TOUCH("conversation_ad", "AFTER DELETE ON conversation", "OLD.contact_id")
              CADENCE_TOUCH("give_ai", "AFTER INSERT ON give", "NEW.contact_id")
              CADENCE_TOUCH("give_au", "AFTER UPDATE OF date, contact_id ON give", "NEW.contact_id")
              CADENCE_TOUCH("give_ad", "AFTER DELETE ON give", "OLD.contact_id")
              CADENCE_TOUCH("note_ai", "AFTER INSERT ON note",
                            "(SELECT contact_id FROM conversation WHERE id = NEW.conversation_id)")
              CADENCE_TOUCH("note_ad", "AFTER DELETE ON note",
                            "(SELECT contact_id FROM conversation WHERE id = OLD.conversation_id)")
              CADENCE_TOUCH("followup_ai", "AFTER INSERT ON followup", "NEW.contact_id")
              CADENCE_TOUCH("followup_au",
                            "AFTER UPDATE OF status, done_at, due, kind, contact_id ON followup",
                            "NEW.contact_id")
              CADENCE_TOUCH("followup_ad", "AFTER DELETE ON followup", "OLD.contact_id")),
    /* search at scale: prefix indexes for 1 to 4 characters, and the names
     * on their own (model/search_sql.h) */
    MIGRATION(10, SEARCH_SQL_MIGRATION_10),
    /* the Contacts screen at scale: its two orderings of live contacts as
     * index ranges, so a page, the last page, and the count of contacts and
     * of the rows before one (a position) read only index entries, never
     * the table (keyset paging: model/contact_query.c). Partial, so that
     * only queries that want live contacts consider them: an index led by
     * deleted_at looked to the planner like a cheap way to find any live
     * contact in name order, and it read all of them to list whom one
     * contact introduced. */
    MIGRATION(11,
              "CREATE INDEX IF NOT EXISTS contact_live_name ON contact(name COLLATE NOCASE)\n"
              "  WHERE deleted_at IS NULL;\n"
              "CREATE INDEX IF NOT EXISTS contact_live_updated ON contact(updated_at)\n"
              "  WHERE deleted_at IS NULL;\n"),
    /* Today at scale: the open follow-ups of one kind in effective-day
     * order (thank-you notes and success reports owed), beside
     * followup_open_due (migration 9) for the dated ones (model/agenda.c);
     * each conversation's latest note from the index alone (a contact's
     * last interaction, model/cadence.c), not from the notes; the
     * conversations coming up or left interrupted; and live contacts' names
     * by id, so Today's joins and counts read small index pages instead of
     * whole contact rows */
    MIGRATION(12,
              "CREATE INDEX IF NOT EXISTS followup_open_kind ON followup(kind,\n"
              "  max(due, coalesce(snoozed_until, due)), contact_id, due, snoozed_until, status)\n"
              "  WHERE status = 'open';\n"
              "CREATE INDEX IF NOT EXISTS note_conversation_created\n"
              "  ON note(conversation_id, created_at);\n"
              "CREATE INDEX IF NOT EXISTS conversation_status_at\n"
              "  ON conversation(status, scheduled_at);\n"
              "CREATE INDEX IF NOT EXISTS contact_live_id ON contact(id, name, deleted_at)\n"
              "  WHERE deleted_at IS NULL;\n"),
    /* The Contacts text filter (a substring of name, org, role, field,
     * email or a tag, folded by rp_fold) without reading every contact per
     * key: each contact's fields folded into one haystack, one per line,
     * and a trigram index of the haystacks (FTS5, SQLite >= 3.34), so a
     * substring of three letters or more is looked up, not searched for
     * (model/contact_query.c); case_sensitive, as the haystacks are folded
     * already (the tokenizer's own folding would match more than rp_fold). Folding takes rp_fold, which only the app
     * has, so the triggers only note which contacts changed (plain SQL:
     * the journal stays writable with the sqlite3 shell) and the app folds
     * them again before it filters. The haystacks are made here, once. */
    MIGRATION(13,
              "CREATE TABLE IF NOT EXISTS contact_filter_hay (\n"
              "  contact_id INTEGER PRIMARY KEY, hay TEXT NOT NULL);\n"
              "CREATE VIRTUAL TABLE IF NOT EXISTS contact_filter USING fts5 (hay,\n"
              "  content = 'contact_filter_hay', content_rowid = 'contact_id',\n"
              "  tokenize = 'trigram case_sensitive 1');\n"
              "CREATE TABLE IF NOT EXISTS contact_filter_stale (contact_id INTEGER PRIMARY KEY);\n"
              CONTACT_FILTER_HAY_TRIGGERS
              "CREATE TRIGGER IF NOT EXISTS contact_filter_contact_ai AFTER INSERT ON contact\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (new.id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_contact_au\n"
              "  AFTER UPDATE OF id, name, org, role, field, email ON contact\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (old.id), (new.id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_contact_ad AFTER DELETE ON contact\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (old.id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_tag_ai AFTER INSERT ON contact_tag\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (new.contact_id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_tag_au AFTER UPDATE ON contact_tag\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale\n"
              "  VALUES (old.contact_id), (new.contact_id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_tag_ad AFTER DELETE ON contact_tag\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (old.contact_id); END;\n"
              "DELETE FROM contact_filter_hay;\n"
              "INSERT INTO contact_filter_hay (contact_id, hay) SELECT c.id, " CONTACT_FILTER_HAY_13("c")
              " FROM contact c;\n"
              "DELETE FROM contact_filter_stale;\n"),
    /* Several emails, phones and URLs per contact: contact_value holds
     * every one with its kind of use (type: work, home, mobile, …),
     * whether it is the preferred one and its place in the list
     * (rapport/contact_values.h). The contact's email, phone and url stay
     * as its primary ones (the preferred, else the first), which every
     * query reads as before; the model writes both in step. Filled from
     * each contact's email, phone and URL as its one preferred value (a
     * journal taken back by hand keeps the values it has). Indexes: the
     * primary key reads one contact's values in order; contact_value_email
     * finds who has an email (ignoring ASCII case: a merge's matching).
     * URLs are matched by a key made in the app (contact_value_key: no
     * scheme, www. or trailing slash), which no index on the text serves,
     * and indexing them cost a third of writing the values of a LinkedIn
     * import (every URL starts with the same 28 characters). The search
     * documents and the filter's haystacks hold them all (search_sql.h,
     * db_schema.h): their triggers are made again, a change to a value
     * re-indexes and marks its contact (plain SQL, so the journal stays
     * writable with the sqlite3 shell), and both are made again for every
     * contact (the haystacks in one pass: emptied without their triggers,
     * refilled, the trigram index rebuilt from them). */
    MIGRATION(14,
              "CREATE TABLE IF NOT EXISTS contact_value (\n"
              "  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
              /* not IN (…): a list of three makes SQLite build a temporary
               * table for every row inserted, a third of an import's time */
              "  kind TEXT NOT NULL CHECK (kind = 'email' OR kind = 'phone' OR kind = 'url'),\n"
              "  position INTEGER NOT NULL CHECK (position >= 0),\n"
              "  value TEXT NOT NULL CHECK (length(trim(value)) > 0),\n"
              "  type TEXT CHECK (type IS NULL OR length(type) > 0),\n"
              "  preferred INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),\n"
              "  PRIMARY KEY (contact_id, kind, position)\n"
              ") WITHOUT ROWID;\n"
              "CREATE INDEX IF NOT EXISTS contact_value_email\n"
              "  ON contact_value(value COLLATE NOCASE) WHERE kind = 'email';\n"
              CONTACT_VALUE_FROM("email") CONTACT_VALUE_FROM("phone") CONTACT_VALUE_FROM("url")
              SEARCH_SQL_MIGRATION_14
              "CREATE TRIGGER IF NOT EXISTS contact_filter_value_ai AFTER INSERT ON contact_value\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (new.contact_id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_value_au AFTER UPDATE ON contact_value\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale\n"
              "  VALUES (old.contact_id), (new.contact_id); END;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_filter_value_ad AFTER DELETE ON contact_value\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (old.contact_id); END;\n"
              "DROP TRIGGER IF EXISTS contact_filter_contact_au;\n"
              "CREATE TRIGGER contact_filter_contact_au\n"
              "  AFTER UPDATE OF id, name, org, role, field, email, phone, url ON contact\n"
              "BEGIN INSERT OR IGNORE INTO contact_filter_stale VALUES (old.id), (new.id); END;\n"
              "DROP TRIGGER IF EXISTS contact_filter_hay_ai;\n"
              "DROP TRIGGER IF EXISTS contact_filter_hay_ad;\n"
              "DELETE FROM contact_filter_hay;\n"
              "INSERT INTO contact_filter_hay (contact_id, hay) SELECT c.id, " CONTACT_FILTER_HAY("c")
              " FROM contact c;\n"
              "INSERT INTO contact_filter (contact_filter) VALUES ('rebuild');\n"
              CONTACT_FILTER_HAY_TRIGGERS
              "DELETE FROM contact_filter_stale;\n"),
    /* Recovery copies of text being typed (rapport/recovery.h): what an
     * open form or editor holds, saved every few seconds and when rapport
     * is told to stop, so a closed terminal loses at most those seconds and
     * the text is offered back the next time that form opens. One row per
     * form or editor (its key); never exported (a passing copy). */
    MIGRATION(15,
              "CREATE TABLE IF NOT EXISTS recovery (\n"
              "  key TEXT PRIMARY KEY,\n"
              "  label TEXT NOT NULL,\n"
              "  text TEXT NOT NULL,\n"
              "  saved_at INTEGER NOT NULL\n"
              ") WITHOUT ROWID;\n"
              /* a merge finds a contact by the email column too (an email
               * written with the sqlite3 shell): without this index each
               * contact merged read every contact */
              "CREATE INDEX IF NOT EXISTS contact_email ON contact(email COLLATE NOCASE);\n"),
    /* What a call leaves to do (model/plan.c): a follow-up made from a
     * conversation's notes says what made it (origin: a `+` action line,
     * the reach-out to someone referred, the introducer's thanks once the
     * referral's own conversation is held, a promise to report back) and
     * which note line (note_id), so that corrected notes keep their
     * follow-ups in step instead of adding more (no REFERENCES: note_delete
     * clears it, and a conversation deleted with its notes unlinks its
     * follow-ups already). Today's dated index is
     * made again with origin in it (its sections leave the conversation
     * items to their own sections and still count from the index alone),
     * and an index reads the open ones of an origin in day order. The
     * referral lines naming a contact are found by an index of their own. */
    MIGRATION(16,
              "ALTER TABLE followup ADD COLUMN origin TEXT CHECK (origin IS NULL OR\n"
              "  origin IN ('action', 'reach-out', 'introducer-thanks', 'promise'));\n"
              "ALTER TABLE followup ADD COLUMN note_id INTEGER;\n"
              "CREATE INDEX IF NOT EXISTS followup_note ON followup(note_id);\n"
              /* the referrals that name a contact (their introducers' thanks) */
              "CREATE INDEX IF NOT EXISTS note_contact_ref ON note(contact_ref)\n"
              "  WHERE contact_ref IS NOT NULL;\n"
              "CREATE INDEX IF NOT EXISTS followup_conversation_origin\n"
              "  ON followup(conversation_id, origin) WHERE origin IS NOT NULL;\n"
              "DROP INDEX IF EXISTS followup_open_due;\n"
              "CREATE INDEX followup_open_due\n"
              "  ON followup(max(due, coalesce(snoozed_until, due)), kind, origin, contact_id, due,\n"
              "              snoozed_until, status) WHERE status = 'open';\n"
              "CREATE INDEX IF NOT EXISTS followup_open_origin ON followup(origin,\n"
              "  max(due, coalesce(snoozed_until, due)), contact_id, due, snoozed_until, status)\n"
              "  WHERE status = 'open';\n"),
    /* A call discarded (a stray one, ended within its first minutes with
     * no notes) gives its contact back the stage it had: the stage the
     * contact was at when the call ended (conv_end moves it to "met"),
     * one row per conversation ended from now on (conv_discard). A table
     * of its own, not a column, so the migration can run again on a
     * journal that has it; not exported (a discard after a restore leaves
     * the stage as it is). */
    MIGRATION(17,
              "CREATE TABLE IF NOT EXISTS conversation_stage (\n"
              "  conversation_id INTEGER PRIMARY KEY REFERENCES conversation(id) ON DELETE CASCADE,\n"
              "  stage TEXT NOT NULL\n"
              ");\n"),
    /* Where an information gap's answer came from: the person who gave it
     * (the conversation's contact, or one named by hand; NULL = not known)
     * and the day; one row per answered gap (rapport/worksheet.h), the
     * conversation stays in ws_item.ref. Gaps answered before: the day
     * they were last changed, the contact of their conversation. */
    MIGRATION(18,
              "CREATE TABLE IF NOT EXISTS gap_answer (\n"
              "  gap_id INTEGER PRIMARY KEY REFERENCES ws_item(id) ON DELETE CASCADE,\n"
              "  contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,\n"
              "  day TEXT NOT NULL\n"
              "    CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')\n"
              ");\n"
              "INSERT OR IGNORE INTO gap_answer (gap_id, contact_id, day)\n"
              "  SELECT w.id, (SELECT v.contact_id FROM conversation v WHERE v.id = w.ref),\n"
              "         date(w.updated_at, 'unixepoch', 'localtime')\n"
              "  FROM ws_item w WHERE w.section = 'gap' AND w.flag = 1;\n"),
    /* Undo and redo (rapport/undo.h): one row per step of the user's
     * (state 0: can be undone; 1: was undone, can be redone) and, per step,
     * the statements that reverse its changes, in the order they were
     * recorded. The recording triggers are TEMP triggers each connection
     * makes at open (model/undo.c), so none is stored here. Never exported. */
    MIGRATION(19,
              "CREATE TABLE IF NOT EXISTS undo_step (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  state INTEGER NOT NULL CHECK (state IN (0, 1)),\n"
              "  label TEXT NOT NULL,\n"
              "  made_at INTEGER NOT NULL\n"
              ");\n"
              "CREATE INDEX IF NOT EXISTS undo_step_state ON undo_step(state, id);\n"
              "CREATE TABLE IF NOT EXISTS undo_log (\n"
              "  seq INTEGER PRIMARY KEY,\n"
              "  step_id INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,\n"
              "  sql TEXT NOT NULL\n"
              ");\n"
              "CREATE INDEX IF NOT EXISTS undo_log_step ON undo_log(step_id, seq);\n"),
    /* Sync with vdir folders (rapport/sync.h): one row per item rapport
     * keeps in step with a file of a collection folder (`folder`, its real
     * path): the item's UID and file name there, what it stands for (kind
     * and the row it came from; ref_id NULL once unlinked), and the item as
     * last synced (its bytes and their vdir_hash), the base of the
     * three-way merge when both sides changed. */
    MIGRATION(20,
              "CREATE TABLE IF NOT EXISTS sync_item (\n"
              "  id INTEGER PRIMARY KEY,\n"
              "  folder TEXT NOT NULL,\n"
              "  uid TEXT NOT NULL,\n"
              "  file TEXT NOT NULL,\n"
              "  kind TEXT NOT NULL CHECK (kind IN ('contact', 'conversation', 'followup', 'thanks')),\n"
              "  ref_id INTEGER,\n"
              "  hash TEXT NOT NULL,\n"
              "  base TEXT NOT NULL,\n"
              "  synced_at INTEGER NOT NULL,\n"
              "  UNIQUE (folder, uid),\n"
              "  UNIQUE (folder, file)\n"
              ");\n"
              "CREATE INDEX IF NOT EXISTS sync_item_ref ON sync_item(kind, ref_id);\n"),
    /* What a merge (import json --merge) did so far, per file (`source`,
     * an id of its text): row old_id of table tbl is now new_id (added 0:
     * matched to a contact already there). Written with each batch it
     * commits, read when the same file is merged again after a stop,
     * emptied when the merge ends (dump_merge.c). Never exported. */
    MIGRATION(21,
              "CREATE TABLE IF NOT EXISTS merge_map (\n"
              "  source TEXT NOT NULL,\n"
              "  tbl TEXT NOT NULL,\n"
              "  old_id INTEGER NOT NULL,\n"
              "  new_id INTEGER NOT NULL,\n"
              "  added INTEGER NOT NULL,\n"
              "  PRIMARY KEY (source, tbl, old_id)\n"
              ") WITHOUT ROWID;\n"),
    /* The live contacts of one stage in name order (`rapport list --stage
     * S --limit N`, a stage's first page): read from the index and stopped
     * at the limit, where the stage index made SQLite sort every contact
     * at that stage (issue 22). */
    MIGRATION(22,
              "CREATE INDEX IF NOT EXISTS contact_live_stage_name\n"
              "  ON contact(stage, name COLLATE NOCASE, id) WHERE deleted_at IS NULL;\n"),
    /* A name or an organisation typed on the command line (show, ready,
     * path, path --org, notes, cadence, outcome add: contact_resolve,
     * path_to_org) found through an index, not by folding every contact's
     * (issue 22): each contact's name and organisation folded by rp_fold
     * (name_key, org_key), written by the model with the name and the
     * organisation (contact.c, bulk.c after a restore or a merge) and
     * filled here once. rp_fold is the app's, so no trigger, default or
     * index computes a key (the journal stays writable with the sqlite3
     * shell): a contact added there has NULL keys, and one renamed there
     * has its key cleared by contact_key_au (plain SQL); the lookups read
     * the NULL keys through an index too (contact_name_key for names,
     * contact_org_unkeyed for organisations) and fold those alone
     * (contact_query.c, path.c): a fallback, nothing repairs them at open. The trigger also clears a key the model rewrote
     * to the same value (a change of case): the same fallback finds it. */
    MIGRATION(23,
              "ALTER TABLE contact ADD COLUMN name_key TEXT;\n"
              "ALTER TABLE contact ADD COLUMN org_key TEXT;\n"
              "UPDATE contact SET name_key = rp_fold(name), org_key = rp_fold(org);\n"
              "CREATE INDEX IF NOT EXISTS contact_name_key ON contact(name_key);\n"
              /* by name within an organisation: path --org reads its
               * people in name order and stops at the first known one */
              "CREATE INDEX IF NOT EXISTS contact_org_key\n"
              "  ON contact(org_key, name COLLATE NOCASE, id);\n"
              /* the organisations without a key: only those a shell wrote */
              "CREATE INDEX IF NOT EXISTS contact_org_unkeyed ON contact(name COLLATE NOCASE, id)\n"
              "  WHERE org_key IS NULL AND org IS NOT NULL;\n"
              "CREATE TRIGGER IF NOT EXISTS contact_key_au AFTER UPDATE OF name, org ON contact\n"
              "  WHEN (new.name IS NOT old.name AND new.name_key IS old.name_key)\n"
              "    OR (new.org IS NOT old.org AND new.org_key IS old.org_key)\n"
              "BEGIN UPDATE contact SET\n"
              "  name_key = CASE WHEN new.name IS NOT old.name AND new.name_key IS old.name_key\n"
              "             THEN NULL ELSE name_key END,\n"
              "  org_key = CASE WHEN new.org IS NOT old.org AND new.org_key IS old.org_key\n"
              "            THEN NULL ELSE org_key END\n"
              "  WHERE id = new.id; END;\n"),
    /* An import of a few rows into a big journal matches each row through
     * indexes instead of reading every contact (issue 22, io/import.c,
     * contact_match.c): names through contact_name_key, emails through
     * contact_value_email and contact_email, and URLs (a LinkedIn
     * profile) through this index on their matching key, computed in plain
     * SQL (URL_KEY_SQL) so the sqlite3 shell's writes are indexed too. */
    MIGRATION(24,
              "CREATE INDEX IF NOT EXISTS contact_value_url_key\n"
              "  ON contact_value(" URL_KEY_SQL("value") ") WHERE kind = 'url';\n"),
    /* The search triggers through one view per source and one queue that
     * folds (search_sql.h): the schema read at every open is 60 % smaller
     * (issue 22: reading it was half of the work before the first
     * paint). The index's documents do not change. */
    MIGRATION(25, SEARCH_SQL_MIGRATION_25),
};

/* What each migration does, in a few words, for the progress shown while
 * an old journal is upgraded ("migration 10 of 12: rebuilding the search
 * index"). */
static const char *const migration_what[] = {
    "creating the contacts",
    "adding the worksheet",
    "adding research, drafts and gives",
    "adding conversations, notes and follow-ups",
    "adding cadences and outcomes",
    "building the search index",
    "adding since when you know a contact",
    "adding the journal's id",
    "adding the cadence state",
    "rebuilding the search index",
    "indexing the contacts list",
    "indexing what Today reads",
    "indexing the Contacts filter",
    "storing several emails, phones and URLs",
    "keeping recovery copies of text being typed, indexing emails",
    "linking follow-ups to the call notes they come from",
    "remembering the stage a call started from",
    "noting who answered an information gap, and when",
    "keeping an undo log",
    "remembering what was synced with your phone and calendar",
    "remembering where a merge stopped",
    "indexing each stage's contacts by name",
    "indexing names and organisations as typed",
    "indexing the contacts' web addresses",
    "making the search index's triggers smaller",
};
_Static_assert(RP_ARRAY_LEN(migration_what) == RP_ARRAY_LEN(migrations),
               "a description per migration");

/* The number of migrations = the user_version this build writes. */
int db_schema_version(void) { return (int)RP_ARRAY_LEN(migrations); }

const char *db_migration_sql(int i) { return migrations[i]; }

const char *db_migration_what(int i) { return migration_what[i]; }
