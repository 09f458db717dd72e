/* search_sql.h — the SQL of the full-text index (model files only): the
 * FTS5 table, how each covered row becomes one document, the triggers that
 * keep it in step, and the statements that fill it from the tables.
 *
 * Migrations 6, 10 and 14 (db_schema.c) are built from these macros, and
 * search_rebuild runs SEARCH_SQL_POPULATE and SEARCH_SQL_NAME_POPULATE. A
 * migration is never edited once shipped: to change what is indexed, add
 * a migration that drops and recreates the triggers with a new definition
 * and indexes again (as 14 does), keeping the old definition for the old
 * migration (SEARCH_SQL_CONTACT_6, SEARCH_SQL_TRIGGERS_6). A migration that rebuilds a
 * covered table (CREATE new, copy, DROP, RENAME) drops its triggers with
 * it (the search_name ones too) and must create them again.
 *
 * Documents. One FTS5 row per covered row, its rowid = (id << 4) | source
 * (the source codes below; a worksheet text's "id" is 1 want, 2 pitch,
 * 3 move), so a trigger finds its document by rowid. Columns:
 *   name      the words that name the thing (a contact's name and
 *             organisation, a worksheet entry's title); weighted 10 in bm25
 *   body      the rest of the text (fields joined by newlines)
 *   name_alt, body_alt  the same texts with the letters unicode61 does not
 *             fold to ASCII (ø, æ, œ, ß, ł, đ, ð, þ, ı, ħ, ŧ) spelt out
 *             (o, ae, oe, ss, l, d, d, th, i, h, t); NULL when that changes
 *             nothing. So "Orsted" finds Ørsted and "Strasse" finds Straße;
 *             the query adds the spelt-out form of such a word too.
 * Tokenizer unicode61 with remove_diacritics 2 (Zoe finds Zoë, case-blind);
 * prefix indexes for 1 to 4 characters since migration 10 (2 and 3 before):
 * a prefix query reads one list of documents, in rowid order, stopping at
 * its LIMIT. A longer prefix ("forec") makes SQLite merge the lists of
 * every word starting with it first, a cost that grows with the documents
 * matching it (about 10 ms for 10 % of a million documents).
 *
 * search_name (migration 10): the names alone (a contact's name and
 * organisation, a worksheet entry's title; the same rowids and the same
 * name, name_alt texts), so search-as-you-type finds the names matching a
 * word without reading every document that mentions it.
 *
 * Soft-deleted contacts stay indexed (undelete needs no work); search_run
 * leaves out every document whose contact is deleted. */
#ifndef RAPPORT_SEARCH_SQL_H
#define RAPPORT_SEARCH_SQL_H

/* Source codes: the low 4 bits of a document's rowid. */
enum search_src {
  SRC_CONTACT = 1,      /* contact: name, org, role, field, every email, phone
                           and URL, location, tags, work, challenges, notes,
                           research */
  SRC_NOTE = 2,         /* note: text */
  SRC_GIVE = 3,         /* give: text */
  SRC_WS_ITEM = 4,      /* ws_item: title, text1, text2 */
  SRC_WS_TEXT = 5,      /* ws_text: value */
  SRC_DRAFT = 6,        /* contact: draft (the outreach draft) */
  SRC_CONVERSATION = 7, /* conversation: objective, wrap-up notes */
  SRC_QUESTION = 8,     /* question: text */
  SRC_FOLLOWUP = 9,     /* followup: draft, note */
};

/* The letters spelt out in the _alt columns, X(from, to); each literal on
 * its own so hex escapes never run into the next character. */
#define SEARCH_FOLDS(X)                                                      \
  X("\xC3\xB8", "o")      /* ø */                                            \
  X("\xC3\x98", "O")      /* Ø */                                            \
  X("\xC3\xA6", "ae")     /* æ */                                            \
  X("\xC3\x86", "AE")     /* Æ */                                            \
  X("\xC5\x93", "oe")     /* œ */                                            \
  X("\xC5\x92", "OE")     /* Œ */                                            \
  X("\xC3\x9F", "ss")     /* ß */                                            \
  X("\xE1\xBA\x9E", "SS") /* ẞ */                                            \
  X("\xC5\x82", "l")      /* ł */                                            \
  X("\xC5\x81", "L")      /* Ł */                                            \
  X("\xC4\x91", "d")      /* đ */                                            \
  X("\xC4\x90", "D")      /* Đ */                                            \
  X("\xC3\xB0", "d")      /* ð */                                            \
  X("\xC3\x90", "D")      /* Ð */                                            \
  X("\xC3\xBE", "th")     /* þ */                                            \
  X("\xC3\x9E", "TH")     /* Þ */                                            \
  X("\xC4\xB1", "i")      /* ı */                                            \
  X("\xC4\xA7", "h")      /* ħ */                                            \
  X("\xC4\xA6", "H")      /* Ħ */                                            \
  X("\xC5\xA7", "t")      /* ŧ */                                            \
  X("\xC5\xA6", "T")      /* Ŧ */

#define SEARCH_FOLD_OPEN_(from, to) "replace("
#define SEARCH_FOLD_CLOSE_(from, to) ", '" from "', '" to "')"
/* SQL: the text expression x with every SEARCH_FOLDS letter spelt out. */
#define SEARCH_SQL_ALT(x) SEARCH_FOLDS(SEARCH_FOLD_OPEN_) x SEARCH_FOLDS(SEARCH_FOLD_CLOSE_)

/* SQL: the text expressions joined by newlines, NULLs left out: pass
 * SEARCH_SQL_PART(expr) pieces; the leading newline is cut. */
#define SEARCH_SQL_PART(x) "ifnull(char(10) || " x ", '') || "
#define SEARCH_SQL_JOIN(parts) "substr(" parts "'', 2)"

/* SELECTs giving (r, n, b) = (rowid, name, body) of the documents of the
 * rows matching `where` (an SQL condition on the table's row).
 *
 * A contact's body, since migration 14: role, field, the primary email,
 * phone and URL, its other emails, phones and URLs (contact_value, the
 * primaries left out), location, tags, work, challenges, notes, research.
 * A contact with an email alone has the document migration 6 gave it. */
#define SEARCH_COLS_CONTACT_BY(values)                                                       \
  "(c.id << 4) | 1 AS r, "                                                                  \
  SEARCH_SQL_JOIN(SEARCH_SQL_PART("c.name") SEARCH_SQL_PART("c.org")) " AS n, "              \
  SEARCH_SQL_JOIN(SEARCH_SQL_PART("c.role") SEARCH_SQL_PART("c.field")                      \
                  SEARCH_SQL_PART("c.email") values SEARCH_SQL_PART("c.location")           \
                  SEARCH_SQL_PART("(SELECT group_concat(t.tag, ' ') FROM contact_tag t "    \
                                  "WHERE t.contact_id = c.id)")                             \
                  SEARCH_SQL_PART("c.work") SEARCH_SQL_PART("c.challenges")                 \
                  SEARCH_SQL_PART("c.notes") SEARCH_SQL_PART("c.research")) " AS b"
#define SEARCH_SQL_CONTACT_BY(where, values) \
  "SELECT " SEARCH_COLS_CONTACT_BY(values) " FROM contact c WHERE " where
/* SQL: the values of contact `c` that are not its primary email, phone or
 * URL, separated by `sep` (an SQL expression); NULL when none. */
#define SEARCH_SQL_OTHER_VALUES(c, sep)                                                      \
  "(SELECT group_concat(v.value, " sep ") FROM contact_value v WHERE v.contact_id = " c      \
  ".id AND v.value NOT IN (ifnull(" c ".email, ''), ifnull(" c ".phone, ''), ifnull(" c      \
  ".url, '')))"
#define SEARCH_SQL_CONTACT_VALUES                                        \
  SEARCH_SQL_PART("c.phone") SEARCH_SQL_PART("c.url")                    \
  SEARCH_SQL_PART(SEARCH_SQL_OTHER_VALUES("c", "' '"))
#define SEARCH_COLS_CONTACT SEARCH_COLS_CONTACT_BY(SEARCH_SQL_CONTACT_VALUES)
#define SEARCH_SQL_CONTACT(where) SEARCH_SQL_CONTACT_BY(where, SEARCH_SQL_CONTACT_VALUES)
/* The document as migration 6 made it (no phone, no URL, one email): for
 * that migration only. */
#define SEARCH_SQL_CONTACT_6(where) SEARCH_SQL_CONTACT_BY(where, "")
#define SEARCH_COLS_NOTE "(id << 4) | 2 AS r, NULL AS n, text AS b"
#define SEARCH_SQL_NOTE(where) "SELECT " SEARCH_COLS_NOTE " FROM note WHERE " where
#define SEARCH_COLS_GIVE "(id << 4) | 3 AS r, NULL AS n, text AS b"
#define SEARCH_SQL_GIVE(where) "SELECT " SEARCH_COLS_GIVE " FROM give WHERE " where
#define SEARCH_COLS_WS_ITEM                                                       \
  "(id << 4) | 4 AS r, title AS n, "                                             \
  SEARCH_SQL_JOIN(SEARCH_SQL_PART("text1") SEARCH_SQL_PART("text2")) " AS b"
#define SEARCH_SQL_WS_ITEM(where) "SELECT " SEARCH_COLS_WS_ITEM " FROM ws_item WHERE " where
/* SQL: a worksheet text's key ('want', 'pitch', 'move') as its rowid */
#define SEARCH_SQL_WS_KEY(key) \
  "((CASE " key " WHEN 'want' THEN 1 WHEN 'pitch' THEN 2 ELSE 3 END) << 4) | 5"
#define SEARCH_COLS_WS_TEXT SEARCH_SQL_WS_KEY("key") " AS r, NULL AS n, value AS b"
#define SEARCH_SQL_WS_TEXT(where) "SELECT " SEARCH_COLS_WS_TEXT " FROM ws_text WHERE " where
#define SEARCH_COLS_DRAFT "(id << 4) | 6 AS r, NULL AS n, draft AS b"
#define SEARCH_SQL_DRAFT(where) "SELECT " SEARCH_COLS_DRAFT " FROM contact WHERE " where
#define SEARCH_COLS_CONVERSATION                                                   \
  "(id << 4) | 7 AS r, NULL AS n, "                                               \
  SEARCH_SQL_JOIN(SEARCH_SQL_PART("objective") SEARCH_SQL_PART("fit_note1")       \
                  SEARCH_SQL_PART("fit_note2") SEARCH_SQL_PART("fit_note3")       \
                  SEARCH_SQL_PART("fit_note4")) " AS b"
#define SEARCH_SQL_CONVERSATION(where) \
  "SELECT " SEARCH_COLS_CONVERSATION " FROM conversation WHERE " where
#define SEARCH_COLS_QUESTION "(id << 4) | 8 AS r, NULL AS n, text AS b"
#define SEARCH_SQL_QUESTION(where) "SELECT " SEARCH_COLS_QUESTION " FROM question WHERE " where
#define SEARCH_COLS_FOLLOWUP                                                       \
  "(id << 4) | 9 AS r, NULL AS n, "                                               \
  SEARCH_SQL_JOIN(SEARCH_SQL_PART("draft") SEARCH_SQL_PART("note")) " AS b"
#define SEARCH_SQL_FOLLOWUP(where) "SELECT " SEARCH_COLS_FOLLOWUP " FROM followup WHERE " where

/* SQL statement: index the documents a SEARCH_SQL_<SOURCE> SELECT gives
 * (those with some text). */
#define SEARCH_SQL_INDEX(select)                                                       \
  "INSERT INTO search_fts (rowid, name, body, name_alt, body_alt)\n"                   \
  "  SELECT r, n, b, nullif(" SEARCH_SQL_ALT("n") ", n), nullif(" SEARCH_SQL_ALT("b") \
  ", b)\n  FROM (" select ") WHERE ifnull(n, '') <> '' OR ifnull(b, '') <> '';\n"
/* SQL statement: drop the document with rowid `r` (an SQL expression). */
#define SEARCH_SQL_UNINDEX(r) "DELETE FROM search_fts WHERE rowid = " r ";\n"

/* The index itself, as migration 6 made it (migration 10 makes it again
 * with more prefix indexes). */
#define SEARCH_SQL_TABLE                                                          \
  "CREATE VIRTUAL TABLE search_fts USING fts5 (\n"                                \
  "  name, body, name_alt, body_alt,\n"                                           \
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'\n"                \
  ");\n"

/* Triggers for a table whose row `id` is one document of source `src`
 * (a number as a string) built by SEARCH_SQL_<SRC>; `cols` = the indexed
 * columns. Inserts drop the rowid first: INSERT OR REPLACE fires no delete
 * trigger. */
#define SEARCH_SQL_TRIGGERS_ID(table, src, cols, SELECT)                               \
  "CREATE TRIGGER search_" table "_ai AFTER INSERT ON " table " BEGIN\n"              \
  SEARCH_SQL_UNINDEX("(new.id << 4) | " src)                                          \
  SEARCH_SQL_INDEX(SELECT("id = new.id")) "END;\n"                                   \
  "CREATE TRIGGER search_" table "_au AFTER UPDATE OF id, " cols " ON " table " BEGIN\n" \
  SEARCH_SQL_UNINDEX("(old.id << 4) | " src)                                          \
  SEARCH_SQL_UNINDEX("(new.id << 4) | " src)                                          \
  SEARCH_SQL_INDEX(SELECT("id = new.id")) "END;\n"                                   \
  "CREATE TRIGGER search_" table "_ad AFTER DELETE ON " table " BEGIN\n"              \
  SEARCH_SQL_UNINDEX("(old.id << 4) | " src) "END;\n"

/* Re-index contact `id` (an SQL expression): its main document, as
 * CONTACT (SEARCH_SQL_CONTACT or SEARCH_SQL_CONTACT_6) makes it. */
#define SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, id) \
  SEARCH_SQL_UNINDEX("(" id " << 4) | 1") SEARCH_SQL_INDEX(CONTACT("c.id = " id))
#define SEARCH_SQL_REINDEX_CONTACT(id) SEARCH_SQL_REINDEX_CONTACT_BY(SEARCH_SQL_CONTACT, id)

/* The contact columns its document is made of (migration 6; since 14). */
#define SEARCH_SQL_CONTACT_COLS_6 \
  "name, org, role, field, email, location, work, challenges, notes, research"
#define SEARCH_SQL_CONTACT_COLS \
  "name, org, role, field, email, phone, url, location, work, challenges, notes, research"

/* The triggers of the contact's documents, by what they index: its own
 * document (made by CONTACT from the columns `cols`), its draft, its tags
 * and (since migration 14) its emails, phones and URLs. */
#define SEARCH_SQL_CONTACT_AI_AU(CONTACT, cols)                                                 \
  "CREATE TRIGGER search_contact_ai AFTER INSERT ON contact BEGIN\n"                           \
  SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, "new.id")                                             \
  SEARCH_SQL_UNINDEX("(new.id << 4) | 6")                                                      \
  SEARCH_SQL_INDEX(SEARCH_SQL_DRAFT("id = new.id")) "END;\n"                                   \
  "CREATE TRIGGER search_contact_au AFTER UPDATE OF id, " cols                                 \
  " ON contact BEGIN\n"                                                                        \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 1")                                                      \
  SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, "new.id") "END;\n"
#define SEARCH_SQL_CONTACT_DRAFT_AD                                                             \
  "CREATE TRIGGER search_contact_draft_au AFTER UPDATE OF id, draft ON contact BEGIN\n"        \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 6")                                                      \
  SEARCH_SQL_UNINDEX("(new.id << 4) | 6")                                                      \
  SEARCH_SQL_INDEX(SEARCH_SQL_DRAFT("id = new.id")) "END;\n"                                   \
  "CREATE TRIGGER search_contact_ad AFTER DELETE ON contact BEGIN\n"                           \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 1")                                                      \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 6") "END;\n"
/* Triggers on `table` (a table with contact_id) re-indexing the contact. */
#define SEARCH_SQL_CONTACT_CHILD(CONTACT, name, table)                                          \
  "CREATE TRIGGER search_" name "_ai AFTER INSERT ON " table " BEGIN\n"                        \
  SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, "new.contact_id") "END;\n"                            \
  "CREATE TRIGGER search_" name "_au AFTER UPDATE ON " table " BEGIN\n"                        \
  SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, "old.contact_id")                                     \
  SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, "new.contact_id") "END;\n"                            \
  "CREATE TRIGGER search_" name "_ad AFTER DELETE ON " table " BEGIN\n"                        \
  SEARCH_SQL_REINDEX_CONTACT_BY(CONTACT, "old.contact_id") "END;\n"

/* Every trigger, as migration 6 made them (migration 14 makes the
 * contact's again). The contact has two documents (itself, its draft); its
 * tags are part of its document; a soft delete changes no document. */
#define SEARCH_SQL_TRIGGERS_6                                                                   \
  SEARCH_SQL_CONTACT_AI_AU(SEARCH_SQL_CONTACT_6, SEARCH_SQL_CONTACT_COLS_6)                    \
  SEARCH_SQL_CONTACT_DRAFT_AD                                                                  \
  SEARCH_SQL_CONTACT_CHILD(SEARCH_SQL_CONTACT_6, "contact_tag", "contact_tag")                 \
  SEARCH_SQL_TRIGGERS_ID("note", "2", "text", SEARCH_SQL_NOTE)                                 \
  SEARCH_SQL_TRIGGERS_ID("give", "3", "text", SEARCH_SQL_GIVE)                                 \
  SEARCH_SQL_TRIGGERS_ID("ws_item", "4", "title, text1, text2", SEARCH_SQL_WS_ITEM)            \
  "CREATE TRIGGER search_ws_text_ai AFTER INSERT ON ws_text BEGIN\n"                           \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("new.key"))                                             \
  SEARCH_SQL_INDEX(SEARCH_SQL_WS_TEXT("key = new.key")) "END;\n"                               \
  "CREATE TRIGGER search_ws_text_au AFTER UPDATE OF key, value ON ws_text BEGIN\n"             \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("old.key"))                                             \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("new.key"))                                             \
  SEARCH_SQL_INDEX(SEARCH_SQL_WS_TEXT("key = new.key")) "END;\n"                               \
  "CREATE TRIGGER search_ws_text_ad AFTER DELETE ON ws_text BEGIN\n"                           \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("old.key")) "END;\n"                                    \
  SEARCH_SQL_TRIGGERS_ID("conversation", "7",                                                  \
                         "objective, fit_note1, fit_note2, fit_note3, fit_note4",              \
                         SEARCH_SQL_CONVERSATION)                                              \
  SEARCH_SQL_TRIGGERS_ID("question", "8", "text", SEARCH_SQL_QUESTION)                         \
  SEARCH_SQL_TRIGGERS_ID("followup", "9", "draft, note", SEARCH_SQL_FOLLOWUP)

/* Fill the (empty) index from every covered table: as migration 6 did
 * (_6), and as the tables are indexed now. */
#define SEARCH_SQL_POPULATE_BY(CONTACT)                         \
  SEARCH_SQL_INDEX(CONTACT("1"))                                \
  SEARCH_SQL_INDEX(SEARCH_SQL_NOTE("1"))                        \
  SEARCH_SQL_INDEX(SEARCH_SQL_GIVE("1"))                        \
  SEARCH_SQL_INDEX(SEARCH_SQL_WS_ITEM("1"))                     \
  SEARCH_SQL_INDEX(SEARCH_SQL_WS_TEXT("1"))                     \
  SEARCH_SQL_INDEX(SEARCH_SQL_DRAFT("1"))                       \
  SEARCH_SQL_INDEX(SEARCH_SQL_CONVERSATION("1"))                \
  SEARCH_SQL_INDEX(SEARCH_SQL_QUESTION("1"))                    \
  SEARCH_SQL_INDEX(SEARCH_SQL_FOLLOWUP("1"))
#define SEARCH_SQL_POPULATE_6 SEARCH_SQL_POPULATE_BY(SEARCH_SQL_CONTACT_6)
#define SEARCH_SQL_POPULATE SEARCH_SQL_POPULATE_BY(SEARCH_SQL_CONTACT)

/* ---- migration 10: prefix indexes 1 to 4, and the names ---- */

/* SELECTs giving (r, n) = (rowid, name) of the names of the rows matching
 * `where`: the same rowid and name as in search_fts. */
#define SEARCH_COLS_NAME_CONTACT \
  "(c.id << 4) | 1 AS r, " SEARCH_SQL_JOIN(SEARCH_SQL_PART("c.name") SEARCH_SQL_PART("c.org")) " AS n"
#define SEARCH_SQL_NAME_CONTACT(where) \
  "SELECT " SEARCH_COLS_NAME_CONTACT " FROM contact c WHERE " where
#define SEARCH_COLS_NAME_WS_ITEM "(id << 4) | 4 AS r, title AS n"
#define SEARCH_SQL_NAME_WS_ITEM(where) \
  "SELECT " SEARCH_COLS_NAME_WS_ITEM " FROM ws_item WHERE " where

/* SQL statements: index the names a SEARCH_SQL_NAME_<SOURCE> SELECT gives
 * (those not empty); drop the name with rowid `r`. */
#define SEARCH_SQL_NAME_INDEX(select)                                                 \
  "INSERT INTO search_name (rowid, name, name_alt)\n"                                 \
  "  SELECT r, n, nullif(" SEARCH_SQL_ALT("n") ", n)\n"                               \
  "  FROM (" select ") WHERE ifnull(n, '') <> '';\n"
#define SEARCH_SQL_NAME_UNINDEX(r) "DELETE FROM search_name WHERE rowid = " r ";\n"

/* Triggers keeping search_name in step with `table` (source `src`, a
 * number as a string; `cols` = the columns its name is made of). */
#define SEARCH_SQL_NAME_TRIGGERS_ID(table, src, cols, SELECT)                               \
  "CREATE TRIGGER search_name_" table "_ai AFTER INSERT ON " table " BEGIN\n"               \
  SEARCH_SQL_NAME_UNINDEX("(new.id << 4) | " src)                                           \
  SEARCH_SQL_NAME_INDEX(SELECT("id = new.id")) "END;\n"                                    \
  "CREATE TRIGGER search_name_" table "_au AFTER UPDATE OF id, " cols " ON " table " BEGIN\n" \
  SEARCH_SQL_NAME_UNINDEX("(old.id << 4) | " src)                                           \
  SEARCH_SQL_NAME_UNINDEX("(new.id << 4) | " src)                                           \
  SEARCH_SQL_NAME_INDEX(SELECT("id = new.id")) "END;\n"                                    \
  "CREATE TRIGGER search_name_" table "_ad AFTER DELETE ON " table " BEGIN\n"               \
  SEARCH_SQL_NAME_UNINDEX("(old.id << 4) | " src) "END;\n"

#define SEARCH_SQL_NAME_TRIGGERS                                                  \
  SEARCH_SQL_NAME_TRIGGERS_ID("contact", "1", "name, org", SEARCH_SQL_NAME_CONTACT) \
  SEARCH_SQL_NAME_TRIGGERS_ID("ws_item", "4", "title", SEARCH_SQL_NAME_WS_ITEM)

/* Drop the names index and its triggers, if there (a journal taken back
 * to an older schema by hand may have kept them). */
#define SEARCH_SQL_NAME_DROP_ID(table)                       \
  "DROP TRIGGER IF EXISTS search_name_" table "_ai;\n"       \
  "DROP TRIGGER IF EXISTS search_name_" table "_au;\n"       \
  "DROP TRIGGER IF EXISTS search_name_" table "_ad;\n"
#define SEARCH_SQL_NAME_DROP                                          \
  SEARCH_SQL_NAME_DROP_ID("contact") SEARCH_SQL_NAME_DROP_ID("ws_item") \
  "DROP TABLE IF EXISTS search_name;\n"

/* Fill the (empty) names index from the tables. */
#define SEARCH_SQL_NAME_POPULATE                    \
  SEARCH_SQL_NAME_INDEX(SEARCH_SQL_NAME_CONTACT("1")) \
  SEARCH_SQL_NAME_INDEX(SEARCH_SQL_NAME_WS_ITEM("1"))

/* Migration 10: search_fts again with prefix indexes for 1 to 4
 * characters, its documents copied over through a temporary table (the
 * old index is dropped before the new one is written, so the file grows by
 * the difference only; the triggers name search_fts and find the new
 * table). FTS5 writes its index in segments of `hashsize` bytes that it
 * merges as they pile up: 64 MB while copying instead of 1 MB halves the
 * time (a minute or more at 100,000 contacts). Then search_name (made again if there), its triggers and its
 * names. */
#define SEARCH_SQL_MIGRATION_10                                                         \
  "CREATE TEMP TABLE search_copy AS\n"                                                 \
  "  SELECT rowid AS r, name, body, name_alt, body_alt FROM search_fts;\n"             \
  "DROP TABLE search_fts;\n"                                                           \
  "CREATE VIRTUAL TABLE search_fts USING fts5 (\n"                                     \
  "  name, body, name_alt, body_alt,\n"                                                \
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'\n"                 \
  ");\n"                                                                               \
  "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);\n"         \
  "INSERT INTO search_fts (rowid, name, body, name_alt, body_alt)\n"                   \
  "  SELECT r, name, body, name_alt, body_alt FROM temp.search_copy ORDER BY r;\n"     \
  "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 1048576);\n"          \
  "DROP TABLE temp.search_copy;\n" SEARCH_SQL_NAME_DROP                                \
  "CREATE VIRTUAL TABLE search_name USING fts5 (\n"                                    \
  "  name, name_alt, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4'\n" \
  ");\n" SEARCH_SQL_NAME_TRIGGERS SEARCH_SQL_NAME_POPULATE

/* ---- migration 14: every email, phone and URL ---- */

/* Migration 14: the contact's documents hold its phone, URL and every
 * value of contact_value (SEARCH_SQL_CONTACT): the triggers that make a
 * contact's document are made again with that definition, a change to
 * contact_value re-indexes its contact, and every contact's document is
 * made again (in segments of 64 MB, as migration 10). Before it runs,
 * contact_value exists. */
#define SEARCH_SQL_MIGRATION_14                                                            \
  "DROP TRIGGER IF EXISTS search_contact_ai;\n"                                            \
  "DROP TRIGGER IF EXISTS search_contact_au;\n"                                            \
  "DROP TRIGGER IF EXISTS search_contact_tag_ai;\n"                                        \
  "DROP TRIGGER IF EXISTS search_contact_tag_au;\n"                                        \
  "DROP TRIGGER IF EXISTS search_contact_tag_ad;\n"                                        \
  "DROP TRIGGER IF EXISTS search_contact_value_ai;\n"                                      \
  "DROP TRIGGER IF EXISTS search_contact_value_au;\n"                                      \
  "DROP TRIGGER IF EXISTS search_contact_value_ad;\n"                                      \
  SEARCH_SQL_CONTACT_AI_AU(SEARCH_SQL_CONTACT, SEARCH_SQL_CONTACT_COLS)                    \
  SEARCH_SQL_CONTACT_CHILD(SEARCH_SQL_CONTACT, "contact_tag", "contact_tag")               \
  SEARCH_SQL_CONTACT_CHILD(SEARCH_SQL_CONTACT, "contact_value", "contact_value")           \
  "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);\n"            \
  "DELETE FROM search_fts WHERE rowid IN (SELECT (id << 4) | 1 FROM contact);\n"          \
  SEARCH_SQL_INDEX(SEARCH_SQL_CONTACT("1"))                                                \
  "INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 1048576);\n"

/* ---- migration 25: the triggers through views and one queue ---- */

/* Reading the schema is most of what rapport does before its first paint
 * (issue 22): 62 triggers, 50 KB of SQL, each search trigger spelling out
 * its documents and SEARCH_SQL_ALT twice. Since migration 25 each source's
 * documents are a view, search_doc_<source> (k, r, n, b), k the row's key
 * (its id; a worksheet text's key), and a trigger puts the documents it
 * makes into search_queue (t = 0: search_fts, 1: search_name), whose own
 * trigger folds them (SEARCH_SQL_ALT, written once), indexes them and
 * empties the queue again: the same documents as before, 60 % less SQL to
 * read at each open. Plain SQL, so a journal written with the sqlite3
 * shell stays indexed. search_queue is always empty between statements. */
#define SEARCH_SQL_DOC_VIEW(name, k, cols, from) \
  "DROP VIEW IF EXISTS " name ";\n"                  \
  "CREATE VIEW " name " AS SELECT " k " AS k, " cols " FROM " from ";\n"
#define SEARCH_SQL_VIEWS_25                                                                    \
  SEARCH_SQL_DOC_VIEW("search_doc_contact", "c.id", SEARCH_COLS_CONTACT, "contact c")          \
  SEARCH_SQL_DOC_VIEW("search_doc_draft", "id", SEARCH_COLS_DRAFT, "contact")                  \
  SEARCH_SQL_DOC_VIEW("search_doc_note", "id", SEARCH_COLS_NOTE, "note")                       \
  SEARCH_SQL_DOC_VIEW("search_doc_give", "id", SEARCH_COLS_GIVE, "give")                       \
  SEARCH_SQL_DOC_VIEW("search_doc_ws_item", "id", SEARCH_COLS_WS_ITEM, "ws_item")              \
  SEARCH_SQL_DOC_VIEW("search_doc_ws_text", "key", SEARCH_COLS_WS_TEXT, "ws_text")             \
  SEARCH_SQL_DOC_VIEW("search_doc_conversation", "id", SEARCH_COLS_CONVERSATION,               \
                      "conversation")                                                          \
  SEARCH_SQL_DOC_VIEW("search_doc_question", "id", SEARCH_COLS_QUESTION, "question")           \
  SEARCH_SQL_DOC_VIEW("search_doc_followup", "id", SEARCH_COLS_FOLLOWUP, "followup")           \
  SEARCH_SQL_DOC_VIEW("search_name_doc_contact", "c.id", SEARCH_COLS_NAME_CONTACT, "contact c") \
  SEARCH_SQL_DOC_VIEW("search_name_doc_ws_item", "id", SEARCH_COLS_NAME_WS_ITEM, "ws_item")

/* The queue and the one trigger that folds and indexes what comes in. */
#define SEARCH_SQL_QUEUE_25                                                                 \
  "DROP TABLE IF EXISTS search_queue;\n"                                                    \
  "CREATE TABLE search_queue (t INTEGER NOT NULL, r INTEGER NOT NULL, n TEXT, b TEXT);\n"   \
  "CREATE TRIGGER search_queue_ai AFTER INSERT ON search_queue BEGIN\n"                     \
  "INSERT INTO search_fts (rowid, name, body, name_alt, body_alt)\n"                        \
  "  SELECT new.r, new.n, new.b, nullif(" SEARCH_SQL_ALT("new.n") ", new.n), nullif("       \
  SEARCH_SQL_ALT("new.b") ", new.b)\n"                                                      \
  "  WHERE new.t = 0 AND (ifnull(new.n, '') <> '' OR ifnull(new.b, '') <> '');\n"           \
  "INSERT INTO search_name (rowid, name, name_alt)\n"                                       \
  "  SELECT new.r, new.n, nullif(" SEARCH_SQL_ALT("new.n") ", new.n)\n"                     \
  "  WHERE new.t = 1 AND ifnull(new.n, '') <> '';\n"                                        \
  "DELETE FROM search_queue WHERE rowid = new.rowid;\n"                                     \
  "END;\n"

/* SQL statement: queue the documents of view search_doc_<src> whose key
 * is k (an SQL expression); the same for the names index. */
#define SEARCH_SQL_QUEUE(src, k) \
  "INSERT INTO search_queue (t, r, n, b) SELECT 0, r, n, b FROM search_doc_" src " WHERE k = " k ";\n"
#define SEARCH_SQL_NAME_QUEUE(src, k) \
  "INSERT INTO search_queue (t, r, n) SELECT 1, r, n FROM search_name_doc_" src " WHERE k = " k ";\n"

/* The triggers, as SEARCH_SQL_TRIGGERS_ID, SEARCH_SQL_CONTACT_AI_AU and
 * the rest made them, through the queue. */
#define SEARCH_SQL_TRIGGERS_25_BY(name, table, src, cols, UNINDEX, QUEUE)               \
  "CREATE TRIGGER " name "_ai AFTER INSERT ON " table " BEGIN\n"                        \
  UNINDEX("(new.id << 4) | " src) QUEUE(table, "new.id") "END;\n"                       \
  "CREATE TRIGGER " name "_au AFTER UPDATE OF id, " cols " ON " table " BEGIN\n"        \
  UNINDEX("(old.id << 4) | " src) UNINDEX("(new.id << 4) | " src)                       \
  QUEUE(table, "new.id") "END;\n"                                                       \
  "CREATE TRIGGER " name "_ad AFTER DELETE ON " table " BEGIN\n"                        \
  UNINDEX("(old.id << 4) | " src) "END;\n"
#define SEARCH_SQL_TRIGGERS_25_ID(table, src, cols) \
  SEARCH_SQL_TRIGGERS_25_BY("search_" table, table, src, cols, SEARCH_SQL_UNINDEX, SEARCH_SQL_QUEUE)
#define SEARCH_SQL_REINDEX_CONTACT_25(id) \
  SEARCH_SQL_UNINDEX("(" id " << 4) | 1") SEARCH_SQL_QUEUE("contact", id)
#define SEARCH_SQL_CONTACT_CHILD_25(name, table)                                  \
  "CREATE TRIGGER search_" name "_ai AFTER INSERT ON " table " BEGIN\n"          \
  SEARCH_SQL_REINDEX_CONTACT_25("new.contact_id") "END;\n"                       \
  "CREATE TRIGGER search_" name "_au AFTER UPDATE ON " table " BEGIN\n"          \
  SEARCH_SQL_REINDEX_CONTACT_25("old.contact_id")                                \
  SEARCH_SQL_REINDEX_CONTACT_25("new.contact_id") "END;\n"                       \
  "CREATE TRIGGER search_" name "_ad AFTER DELETE ON " table " BEGIN\n"          \
  SEARCH_SQL_REINDEX_CONTACT_25("old.contact_id") "END;\n"
#define SEARCH_SQL_NAME_TRIGGERS_25_ID(table, src, cols)                                 \
  SEARCH_SQL_TRIGGERS_25_BY("search_name_" table, table, src, cols, SEARCH_SQL_NAME_UNINDEX, \
                            SEARCH_SQL_NAME_QUEUE)

/* Every search trigger of the journal before migration 25, by name (a
 * journal taken back to an older schema by hand may have kept the views,
 * the queue and its trigger too: they are made again). */
#define SEARCH_SQL_DROP_3(name)                  \
  "DROP TRIGGER IF EXISTS search_" name "_ai;\n" \
  "DROP TRIGGER IF EXISTS search_" name "_au;\n" \
  "DROP TRIGGER IF EXISTS search_" name "_ad;\n"
#define SEARCH_SQL_DROP_24                                                                  \
  SEARCH_SQL_DROP_3("contact") "DROP TRIGGER IF EXISTS search_contact_draft_au;\n"          \
  SEARCH_SQL_DROP_3("contact_tag") SEARCH_SQL_DROP_3("contact_value")                      \
  SEARCH_SQL_DROP_3("note") SEARCH_SQL_DROP_3("give") SEARCH_SQL_DROP_3("ws_item")         \
  SEARCH_SQL_DROP_3("ws_text") SEARCH_SQL_DROP_3("conversation")                           \
  SEARCH_SQL_DROP_3("question") SEARCH_SQL_DROP_3("followup")                              \
  SEARCH_SQL_DROP_3("name_contact") SEARCH_SQL_DROP_3("name_ws_item")

/* Migration 25: the search triggers dropped and made again through the
 * views and the queue. The index's documents stay as they are. */
#define SEARCH_SQL_MIGRATION_25                                                               \
  SEARCH_SQL_DROP_24 SEARCH_SQL_VIEWS_25 SEARCH_SQL_QUEUE_25                                  \
  "CREATE TRIGGER search_contact_ai AFTER INSERT ON contact BEGIN\n"                           \
  SEARCH_SQL_REINDEX_CONTACT_25("new.id")                                                      \
  SEARCH_SQL_UNINDEX("(new.id << 4) | 6") SEARCH_SQL_QUEUE("draft", "new.id") "END;\n"        \
  "CREATE TRIGGER search_contact_au AFTER UPDATE OF id, " SEARCH_SQL_CONTACT_COLS             \
  " ON contact BEGIN\n"                                                                        \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 1") SEARCH_SQL_REINDEX_CONTACT_25("new.id") "END;\n"    \
  "CREATE TRIGGER search_contact_draft_au AFTER UPDATE OF id, draft ON contact BEGIN\n"        \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 6")                                                      \
  SEARCH_SQL_UNINDEX("(new.id << 4) | 6") SEARCH_SQL_QUEUE("draft", "new.id") "END;\n"        \
  "CREATE TRIGGER search_contact_ad AFTER DELETE ON contact BEGIN\n"                           \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 1")                                                      \
  SEARCH_SQL_UNINDEX("(old.id << 4) | 6") "END;\n"                                             \
  SEARCH_SQL_CONTACT_CHILD_25("contact_tag", "contact_tag")                                    \
  SEARCH_SQL_CONTACT_CHILD_25("contact_value", "contact_value")                                \
  SEARCH_SQL_TRIGGERS_25_ID("note", "2", "text")                                               \
  SEARCH_SQL_TRIGGERS_25_ID("give", "3", "text")                                               \
  SEARCH_SQL_TRIGGERS_25_ID("ws_item", "4", "title, text1, text2")                             \
  "CREATE TRIGGER search_ws_text_ai AFTER INSERT ON ws_text BEGIN\n"                           \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("new.key"))                                             \
  SEARCH_SQL_QUEUE("ws_text", "new.key") "END;\n"                                              \
  "CREATE TRIGGER search_ws_text_au AFTER UPDATE OF key, value ON ws_text BEGIN\n"             \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("old.key"))                                             \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("new.key"))                                             \
  SEARCH_SQL_QUEUE("ws_text", "new.key") "END;\n"                                              \
  "CREATE TRIGGER search_ws_text_ad AFTER DELETE ON ws_text BEGIN\n"                           \
  SEARCH_SQL_UNINDEX(SEARCH_SQL_WS_KEY("old.key")) "END;\n"                                    \
  SEARCH_SQL_TRIGGERS_25_ID("conversation", "7",                                               \
                            "objective, fit_note1, fit_note2, fit_note3, fit_note4")           \
  SEARCH_SQL_TRIGGERS_25_ID("question", "8", "text")                                           \
  SEARCH_SQL_TRIGGERS_25_ID("followup", "9", "draft, note")                                    \
  SEARCH_SQL_NAME_TRIGGERS_25_ID("contact", "1", "name, org")                                  \
  SEARCH_SQL_NAME_TRIGGERS_25_ID("ws_item", "4", "title")

#endif
