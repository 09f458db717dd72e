/* agenda.c — see rapport/agenda.h: what to do today, and why. Three reads:
 * the open follow-ups that are showing (by their effective due day; what a
 * call's notes left — actions, reach-outs, introducer thanks — in sections
 * of their own), the
 * conversations coming up (and calls left interrupted), and the quiet
 * relationships from cadence.c; each item gets one line saying why it is
 * there, written for a person ("thank-you for the call on 2026-11-29 · due
 * tomorrow"). */
#include "model/db_sql.h"
#include "rapport/agenda.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/cadence_internal.h"
#include "rapport/cadence.h"
#include "rapport/followup.h"
#include "contact_internal.h"

const char *const rp_agenda_section_titles[AG_SECTION_COUNT] = {
    "Overdue",   "Due today",   "This week",           "Thank-you notes owed",
    "Actions from conversations", "Introductions", "Coming up", "Going quiet",
    "Success reports owed",
};
const char *const rp_agenda_section_keys[AG_SECTION_COUNT] = {
    "overdue", "today", "week", "thanks", "actions", "introductions", "upcoming", "quiet",
    "success",
};

/* The items of one section while they are gathered. */
struct bucket {
  struct rp_agenda_item *v;
  size_t n, cap;
};

struct ctx {
  struct rp_db *db;
  const struct rp_config *cfg;
  char today[11], last[11]; /* the first and the last day shown */
  long limit;               /* items read per section, 0 = all */
  long rows;                /* screen rows left for the sections to come, -1 = no screen */
  struct bucket b[AG_SECTION_COUNT];
  long total[AG_SECTION_COUNT];
  bool at_least[AG_SECTION_COUNT]; /* total is a lower bound (a screen's read) */
  agenda_item_fn emit; /* agenda_each: items go here as they are read, not to b */
  void *emit_ctx;
  enum rp_status emit_st; /* what emit last said: anything but RP_OK stops the reads */
  struct rp_err *err;
};

static void item_free(struct rp_agenda_item *it) {
  free(it->contact_name);
  free(it->kind);
  free(it->date);
  free(it->why);
  free(it->origin);
}

void agenda_free(struct rp_agenda *a) {
  for (size_t i = 0; i < a->n; i++) item_free(&a->v[i]);
  free(a->v);
  a->v = NULL;
  a->n = 0;
}

/* Append an item; takes `date` and `why`, copies the rest (origin may be
 * NULL). */
static void add(struct ctx *c, enum rp_agenda_section sec, int64_t contact, const char *name,
                int64_t followup, int64_t conversation, const char *kind, char *date, char *why,
                const char *origin) {
  struct rp_agenda_item it = {sec,          contact,       xstrdup(name), followup,
                              conversation, xstrdup(kind), date,          why,
                              xstrdup(origin)};
  if (c->emit) { /* streamed: handed out and let go */
    if (c->emit_st == RP_OK) c->emit_st = c->emit(c->emit_ctx, &it, c->err);
    item_free(&it);
    return;
  }
  struct bucket *b = &c->b[sec];
  if (b->n == b->cap) {
    b->cap = b->cap ? 2 * b->cap : 8;
    b->v = xrealloc(b->v, b->cap * sizeof *b->v);
  }
  b->v[b->n++] = it;
}

/* "due today", "due tomorrow", "due in 3 days", "due yesterday", "due 3
 * days ago". */
static void due_phrase(struct rp_buf *b, const char *due, const char *today) {
  int d = 0;
  if (!date_diff(today, due, &d)) buf_addf(b, "due %s", due ? due : "?");
  else if (d == 0) buf_adds(b, "due today");
  else if (d == 1) buf_adds(b, "due tomorrow");
  else if (d == -1) buf_adds(b, "due yesterday");
  else if (d > 1) buf_addf(b, "due in %d days", d);
  else buf_addf(b, "due %d days ago", -d);
}

/* The local day of t into out. */
static void local_day(int64_t t, char out[11]) {
  time_t tt = (time_t)t;
  struct tm tm;
  out[0] = '\0';
  if (localtime_r(&tt, &tm)) strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- follow-ups ---- */

/* Open follow-ups of one section, soonest first; ?1 today, ?2 the last day
 * shown, ?3 how many (-1 = all). The effective day (due, or snoozed until)
 * is the expression followup_open_due indexes, so a section's first rows
 * are read without going through the others. */
#define FU_EFF "max(f.due, coalesce(f.snoozed_until, f.due))"
/* INDEXED BY: without statistics the planner would rather read every open
 * follow-up through followup_due (status, due) and sort them all. The
 * index gives the day order; rows of the same day are sorted by name as
 * they come, and LIMIT stops after the day of the last row wanted. */
#define FU_FROM(index)                                                                       \
  "FROM followup f INDEXED BY " index " CROSS JOIN contact c INDEXED BY contact_live_id "   \
  "ON c.id = f.contact_id "                                                                  \
  "WHERE f.status = 'open' AND " CONTACT_LIVE("c.") " AND "
/* The page is chosen from the indexes alone: the soonest days first and,
 * within a day, the follow-ups made first (an index order, so LIMIT stops
 * at the last row wanted: sorting a whole day by name read all of its
 * 2,000 check-ins at 100,000 contacts). Then only the page's rows are
 * read. A page is shown in that order (so a shorter page is the start of
 * a longer one: Today paints a screen's worth first); the whole agenda by
 * day, then name. */
#define FU_SQL(index, where)                                                                  \
  "SELECT f.id, f.contact_id, p.name, f.kind, f.due, f.snoozed_until, f.medium, f.note, "    \
  "f.conversation_id, (SELECT coalesce(v.ended_at, v.started_at, v.scheduled_at) "          \
  "FROM conversation v WHERE v.id = f.conversation_id), p.eff, f.origin "                    \
  "FROM (SELECT f.id AS id, c.name AS name, " FU_EFF " AS eff " FU_FROM(index) where         \
  " ORDER BY eff, f.id LIMIT ?3) p CROSS JOIN followup f ON f.id = p.id "                   \
  "ORDER BY p.eff, p.id"
/* A section is counted from its index alone, up to ?3 rows, less the
 * open follow-ups of deleted contacts in it (counted first, from the few
 * deleted contacts): joining each of 500 rows to its contact read 500
 * pages of the contacts' index at 100,000 contacts. */
#define FU_COUNT(index, where)                                                               \
  "SELECT count(*) FROM (SELECT 1 FROM followup f INDEXED BY " index                         \
  " WHERE f.status = 'open' AND " where " LIMIT ?3)"
#define FU_COUNT_DELETED(where)                                                              \
  "SELECT count(*) FROM contact c INDEXED BY contact_deleted CROSS JOIN followup f "         \
  "INDEXED BY followup_contact ON f.contact_id = c.id "                                      \
  "WHERE c.deleted_at IS NOT NULL AND f.status = 'open' AND " where
/* The whole section in the order agenda_compute sorts it to (day, name,
 * then the follow-up's id plus its call's, as by_date): streamed, so the
 * index gives the days and SQLite sorts only within one. */
#define FU_SQL_ALL(index, where)                                                              \
  "SELECT f.id, f.contact_id, c.name, f.kind, f.due, f.snoozed_until, f.medium, f.note, "    \
  "f.conversation_id, (SELECT coalesce(v.ended_at, v.started_at, v.scheduled_at) "          \
  "FROM conversation v WHERE v.id = f.conversation_id), " FU_EFF " AS eff, f.origin "        \
  FU_FROM(index) where " ORDER BY eff, c.name, f.id + coalesce(f.conversation_id, 0) "      \
  "LIMIT ?3"
#define FU_SECTION(sec, index, where)                                                        \
  {sec, FU_SQL(index, where), FU_COUNT(index, where), FU_COUNT_DELETED(where),              \
   FU_SQL_ALL(index, where)}
/* the dated kinds, by followup_open_due (effective day); what a call left
 * has its own sections, but a promised update is dated */
#define FU_DATED(sec, cond)                                                                  \
  FU_SECTION(sec, "followup_open_due",                                                       \
             "f.kind NOT IN ('thank-you', 'success') AND "                                   \
             "(f.origin IS NULL OR f.origin = 'promise') AND " FU_EFF cond)
/* what is owed, by followup_open_kind (kind, effective day) */
#define FU_OWED(sec, kind)                                                                   \
  FU_SECTION(sec, "followup_open_kind",                                                      \
             "f.kind = '" kind "' AND coalesce(f.snoozed_until, '') <= ?1")

/* what a call left (rapport/plan.h), by followup_open_origin (origin,
 * effective day): shown whatever the day, as what is owed */
#define FU_FROM_CALL(sec, cond)                                                              \
  FU_SECTION(sec, "followup_open_origin", cond " AND coalesce(f.snoozed_until, '') <= ?1")

static const struct {
  enum rp_agenda_section section;
  const char *sql, *count, *deleted, *all;
} fu_sections[] = {
    FU_DATED(AG_OVERDUE, " < ?1"),
    FU_DATED(AG_TODAY, " = ?1"),
    FU_DATED(AG_WEEK, " > ?1 AND " FU_EFF " <= ?2"),
    FU_OWED(AG_THANKS, "thank-you"),
    FU_FROM_CALL(AG_ACTIONS, "f.origin = 'action'"),
    FU_FROM_CALL(AG_INTRODUCTIONS, "f.origin IN ('reach-out', 'introducer-thanks')"),
    FU_OWED(AG_SUCCESS, "success"),
};

static const char *kind_label(const char *kind) {
  for (size_t i = 0; i < RP_ARRAY_LEN(rp_followup_kinds); i++)
    if (strcmp(kind, rp_followup_kinds[i]) == 0) return rp_followup_kind_labels[i];
  return kind;
}

/* One open follow-up row into its section. */
static void add_followup(struct ctx *c, sqlite3_stmt *st) {
  int64_t id = sqlite3_column_int64(st, 0), contact = sqlite3_column_int64(st, 1);
  const char *name = (const char *)sqlite3_column_text(st, 2);
  const char *kind = (const char *)sqlite3_column_text(st, 3);
  const char *due = (const char *)sqlite3_column_text(st, 4);
  const char *medium = (const char *)sqlite3_column_text(st, 6);
  const char *note = (const char *)sqlite3_column_text(st, 7);
  int64_t conv = sqlite3_column_int64(st, 8);
  const char *eff = (const char *)sqlite3_column_text(st, 10);
  const char *origin = (const char *)sqlite3_column_text(st, 11);
  struct rp_buf why = {0};
  buf_adds(&why, "");
  enum rp_agenda_section sec;
  if (origin && strcmp(origin, "promise") != 0) {
    /* what a call left: the action and the call it came from; a reach-out
     * or the introducer's thanks says who and why itself */
    bool action = strcmp(origin, "action") == 0;
    sec = action ? AG_ACTIONS : AG_INTRODUCTIONS;
    kind = origin;
    buf_adds(&why, note ? note : "");
    if (action && sqlite3_column_type(st, 9) != SQLITE_NULL) {
      char day[11];
      local_day(sqlite3_column_int64(st, 9), day);
      buf_addf(&why, " \xC2\xB7 from the call on %s", day);
    }
    buf_adds(&why, " \xC2\xB7 ");
    due_phrase(&why, due, c->today);
  } else if (strcmp(kind, "thank-you") == 0) {
    sec = AG_THANKS;
    if (medium && strcmp(medium, "handwritten") == 0) buf_adds(&why, "handwritten ");
    buf_adds(&why, "thank-you");
    if (sqlite3_column_type(st, 9) != SQLITE_NULL) {
      char day[11];
      local_day(sqlite3_column_int64(st, 9), day);
      buf_addf(&why, " for the call on %s", day);
    } else if (!str_empty(note)) {
      buf_addf(&why, ": %s", note);
    }
    buf_adds(&why, " \xC2\xB7 ");
    due_phrase(&why, due, c->today);
  } else if (strcmp(kind, "success") == 0) {
    sec = AG_SUCCESS;
    buf_adds(&why, "report success");
    if (!str_empty(note)) buf_addf(&why, ": %s", note);
  } else {
    int d = 0;
    date_diff(c->today, eff, &d);
    sec = d < 0 ? AG_OVERDUE : d == 0 ? AG_TODAY : AG_WEEK;
    /* a custom follow-up is its note ("send the paper"); the others say
     * what kind they are first ("check in: …") */
    if (strcmp(kind, "custom") == 0 && !str_empty(note)) {
      buf_adds(&why, note);
    } else {
      buf_adds(&why, kind_label(kind));
      if (!str_empty(note)) buf_addf(&why, ": %s", note);
    }
    buf_adds(&why, " \xC2\xB7 ");
    due_phrase(&why, due, c->today);
  }
  add(c, sec, contact, name, id, conv, kind, xstrdup(eff), buf_steal(&why), origin);
}

/* The count `sql` gives for this section (?1 today, ?2 the last day, ?3
 * how many rows at most). */
static enum rp_status count_rows(struct ctx *c, const char *sql, int64_t cap, int64_t *n,
                                 struct rp_err *err) {
  sqlite3_stmt *st;
  enum rp_status s = db_prepare_cached(c->db, sql, &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, c->today);
  db_bind_text(st, 2, c->last);
  sqlite3_bind_int64(st, 3, cap);
  if (sqlite3_step(st) == SQLITE_ROW) *n = sqlite3_column_int64(st, 0);
  else s = db_fail(c->db, err, "count follow-ups");
  sqlite3_reset(st);
  return s;
}

/* The size of follow-up section k, read only in part, up to
 * AGENDA_COUNT_CAP: the rows of the index up to the cap plus those of
 * deleted contacts, less those. */
static enum rp_status count_section_upto(struct ctx *c, size_t k, int64_t cap,
                                         struct rp_err *err) {
  int64_t gone = 0, all = 0;
  enum rp_status s = count_rows(c, fu_sections[k].deleted, -1, &gone, err);
  if (s == RP_OK) s = count_rows(c, fu_sections[k].count, cap + gone, &all, err);
  if (s == RP_OK) c->total[fu_sections[k].section] = (long)(all - gone);
  return s;
}

static enum rp_status count_section(struct ctx *c, size_t k, struct rp_err *err) {
  return count_section_upto(c, k, AGENDA_COUNT_CAP, err);
}

/* How many items the next section may read (-1 = all): the limit, and on
 * a screen no more than the rows left below its heading, but one when
 * only the heading's row is left (a heading shows with an item); 0: the
 * section is below the screen and only counted. */
static long section_room(const struct ctx *c) {
  long lim = c->limit > 0 ? c->limit : -1;
  if (c->rows >= 0) {
    long room = c->rows > 1 ? c->rows - 1 : c->rows;
    if (lim < 0 || room < lim) lim = room;
  }
  return lim;
}

/* After section sec on a screen: the rows it takes (heading, items, and
 * the "N more" line of a section read in part) are used up. */
static void spend(struct ctx *c, enum rp_agenda_section sec) {
  long n = (long)c->b[sec].n;
  if (c->rows < 0 || n == 0) return;
  long used = 1 + n + (n < c->total[sec] ? 1 : 0);
  c->rows = used < c->rows ? c->rows - used : 0;
}

/* On a screen (agenda_compute_screen) nothing is counted beyond what it
 * shows: a section below it is asked whether it has an item, one read in
 * part whether it has one more than was read (counts stopped there), and
 * the total is then a lower bound; the page read after the first paint
 * counts. So the first paint costs the same whatever the journal holds. */
static void lower_bound(struct ctx *c, enum rp_agenda_section sec, long read) {
  if (c->total[sec] > read) c->at_least[sec] = true;
}

/* Follow-up section k: up to section_room() rows, counted when there may
 * be more. */
static enum rp_status read_followups(struct ctx *c, size_t k, struct rp_err *err) {
  long lim = section_room(c);
  enum rp_agenda_section sec = fu_sections[k].section;
  if (lim == 0) { /* below the screen */
    enum rp_status s = count_section_upto(c, k, 1, err);
    lower_bound(c, sec, 0);
    return s;
  }
  sqlite3_stmt *st;
  enum rp_status s =
      db_prepare_cached(c->db, c->emit ? fu_sections[k].all : fu_sections[k].sql, &st, err);
  if (s != RP_OK) return s;
  db_bind_text(st, 1, c->today);
  db_bind_text(st, 2, c->last);
  sqlite3_bind_int64(st, 3, lim);
  int rc = SQLITE_DONE;
  while (c->emit_st == RP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) add_followup(c, st);
  if (c->emit_st != RP_OK) s = c->emit_st;
  else if (rc != SQLITE_DONE) s = db_fail(c->db, err, "read follow-ups");
  sqlite3_reset(st);
  c->total[sec] = (long)c->b[sec].n;
  if (s == RP_OK && lim > 0 && (long)c->b[sec].n >= lim) {
    if (c->rows < 0) return count_section(c, k, err);
    s = count_section_upto(c, k, lim + 1, err);
    lower_bound(c, sec, lim);
  }
  return s;
}

/* ---- conversations ---- */

/* Calls left interrupted (or running in another window) first, then the
 * planned ones scheduled from the start of today to the end of the last
 * day shown (a call planned for 10:00 still shows at 10:05). Both are
 * ranges of conversation_status_at; CROSS JOIN keeps the planner from
 * walking every live contact to find their conversations. */
#define CONVERSATION_SQL                                                                  \
  "SELECT v.id, v.contact_id, c.name, v.status, v.scheduled_at, v.minutes, v.channel, "  \
  "v.started_at FROM conversation v CROSS JOIN contact c ON c.id = v.contact_id "        \
  "WHERE " CONTACT_LIVE("c.") " AND (v.status IN ('live', 'interrupted') OR "              \
  "(v.status = 'planned' AND v.scheduled_at >= ?1 AND v.scheduled_at < ?2)) "            \
  "ORDER BY v.status = 'planned', v.scheduled_at, v.started_at, v.id LIMIT ?3"

static const char *const weekdays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

static void add_conversation(struct ctx *c, sqlite3_stmt *st) {
  int64_t id = sqlite3_column_int64(st, 0), contact = sqlite3_column_int64(st, 1);
  const char *name = (const char *)sqlite3_column_text(st, 2);
  const char *status = (const char *)sqlite3_column_text(st, 3);
  int64_t at = sqlite3_column_int64(st, 4);
  int minutes = sqlite3_column_int(st, 5);
  const char *channel = (const char *)sqlite3_column_text(st, 6);
  int64_t started = sqlite3_column_int64(st, 7);
  char when[32];
  struct rp_buf why = {0};
  buf_adds(&why, "");
  if (strcmp(status, "planned") == 0) {
    datetime_format(at, when, sizeof when);
    char day[11];
    str_copy(day, sizeof day, when);
    int wd = date_weekday(day);
    buf_addf(&why, "call planned %s %s \xC2\xB7 %d min", wd >= 0 ? weekdays[wd] : "", when,
             minutes);
    const struct rp_choice *ch = channel ? choices_find(&c->cfg->channels, channel) : NULL;
    if (channel) buf_addf(&why, " \xC2\xB7 %s", ch && ch->label ? ch->label : channel);
  } else {
    datetime_format(started ? started : db_now(), when, sizeof when);
    if (strcmp(status, "live") == 0)
      buf_addf(&why, "call in progress since %s", when + 11);
    else
      buf_adds(&why, "interrupted call: resume or end it");
  }
  add(c, AG_UPCOMING, contact, name, 0, id, "conversation", xstrdup(when), buf_steal(&why),
      NULL);
}

static enum rp_status read_conversations(struct ctx *c, struct rp_err *err) {
  char from_s[32], to_s[32], next[11];
  int64_t from = 0, to = 0;
  snprintf(from_s, sizeof from_s, "%s 00:00", c->today);
  if (!date_add(c->last, 1, next) || !datetime_parse(from_s, &from)) return RP_OK;
  snprintf(to_s, sizeof to_s, "%s 00:00", next);
  if (!datetime_parse(to_s, &to)) return RP_OK;
  sqlite3_stmt *st;
  enum rp_status s = db_prepare(c->db, CONVERSATION_SQL, &st, err);
  if (s != RP_OK) return s;
  sqlite3_bind_int64(st, 1, from);
  sqlite3_bind_int64(st, 2, to);
  long lim = section_room(c);
  sqlite3_bind_int64(st, 3, lim >= 0 ? AGENDA_COUNT_CAP : -1);
  int rc = SQLITE_DONE;
  while (c->emit_st == RP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) add_conversation(c, st);
  if (c->emit_st != RP_OK) s = c->emit_st;
  else if (rc != SQLITE_DONE) s = db_fail(c->db, err, "read conversations");
  sqlite3_finalize(st);
  /* planned conversations are few: counted by reading them */
  struct bucket *b = &c->b[AG_UPCOMING];
  c->total[AG_UPCOMING] = (long)b->n;
  while (lim >= 0 && (long)b->n > lim) item_free(&b->v[--b->n]);
  return s;
}

/* ---- quiet relationships ---- */

/* Quiet contacts without an open check-in (cadence_sync made one for the
 * warm ones; a cold relationship only shows here). */
static void add_quiet(struct ctx *c, const struct rp_quiet *e) {
  char *why = strcmp(e->last_what, "added") == 0
                  ? xasprintf("check in: no contact yet, added %s (every %d days)", e->last,
                              e->cadence)
                  : xasprintf("check in: quiet since %s (every %d days)", e->last, e->cadence);
  add(c, AG_QUIET, e->contact_id, e->name, 0, 0, "quiet", xstrdup(e->due), why, NULL);
}

/* cadence_quiet_each's callback when streaming: the item goes out at once. */
static enum rp_status emit_quiet(void *vc, const struct rp_quiet *e, struct rp_err *err) {
  (void)err;
  struct ctx *c = vc;
  add_quiet(c, e);
  return c->emit_st;
}

static enum rp_status read_quiet(struct ctx *c, struct rp_err *err) {
  long lim = section_room(c);
  if (lim == 0) { /* below the screen */
    enum rp_status s = cadence_quiet_count(c->db, c->today, 1, &c->total[AG_QUIET], err);
    lower_bound(c, AG_QUIET, 0);
    return s;
  }
  if (c->emit) return cadence_quiet_each(c->db, c->today, 0, emit_quiet, c, err);
  struct rp_quiet_list q;
  enum rp_status s = cadence_quiet_unhandled(c->db, c->cfg, c->today, lim > 0 ? lim : 0, &q, err);
  for (size_t i = 0; s == RP_OK && i < q.n; i++) add_quiet(c, &q.v[i]);
  c->total[AG_QUIET] = (long)q.n;
  if (s == RP_OK && lim > 0 && (long)q.n >= lim) {
    s = cadence_quiet_count(c->db, c->today, c->rows < 0 ? AGENDA_COUNT_CAP : lim + 1,
                            &c->total[AG_QUIET], err);
    if (c->rows >= 0) lower_bound(c, AG_QUIET, lim);
  }
  quiet_list_free(&q);
  return s;
}

/* ---- together ---- */

/* Items of one section by date, then name, then the follow-up or
 * conversation id; the quiet ones by how long past their cadence. */
static int by_date(const void *a, const void *b) {
  const struct rp_agenda_item *x = a, *y = b;
  int d = strcmp(x->date, y->date);
  if (d) return d;
  d = strcmp(x->contact_name ? x->contact_name : "", y->contact_name ? y->contact_name : "");
  if (d) return d;
  int64_t ix = x->followup_id + x->conversation_id, iy = y->followup_id + y->conversation_id;
  return ix < iy ? -1 : ix > iy;
}

/* A page's follow-ups: by date, then in the order they were made. */
static int by_date_made(const void *a, const void *b) {
  const struct rp_agenda_item *x = a, *y = b;
  int d = strcmp(x->date, y->date);
  if (d) return d;
  return x->followup_id < y->followup_id ? -1 : x->followup_id > y->followup_id;
}

/* The sections in the order they are shown, each read in turn (a screen's
 * rows go to the first ones). */
static enum rp_status read_section(struct ctx *c, enum rp_agenda_section sec,
                                   struct rp_err *err) {
  if (sec == AG_UPCOMING) return read_conversations(c, err);
  if (sec == AG_QUIET) return read_quiet(c, err);
  for (size_t k = 0; k < RP_ARRAY_LEN(fu_sections); k++)
    if (fu_sections[k].section == sec) return read_followups(c, k, err);
  return RP_OK;
}

static enum rp_status compute(struct rp_db *db, const struct rp_config *cfg, const char *today,
                              int days, long limit, long rows, bool sync, agenda_item_fn fn,
                              void *fn_ctx, struct rp_agenda *out, struct rp_err *err);

/* See agenda.h. Caller frees *out with agenda_free (empty on failure).
 * RP_INVALID with field "days" (1–60) or "today" (not a real date). */
enum rp_status agenda_compute(struct rp_db *db, const struct rp_config *cfg, const char *today,
                              int days, struct rp_agenda *out, struct rp_err *err) {
  return compute(db, cfg, today, days, 0, -1, true, NULL, NULL, out, err);
}

/* See agenda.h. */
enum rp_status agenda_each(struct rp_db *db, const struct rp_config *cfg, const char *today,
                           int days, agenda_item_fn fn, void *ctx, struct rp_err *err) {
  struct rp_agenda none;
  return compute(db, cfg, today, days, 0, -1, true, fn, ctx, &none, err);
}

/* See agenda.h. */
enum rp_status agenda_compute_page(struct rp_db *db, const struct rp_config *cfg,
                                   const char *today, int days, long limit, struct rp_agenda *out,
                                   struct rp_err *err) {
  return compute(db, cfg, today, days, limit, -1, false, NULL, NULL, out, err);
}

/* See agenda.h. */
enum rp_status agenda_compute_screen(struct rp_db *db, const struct rp_config *cfg,
                                     const char *today, int days, long limit, long rows,
                                     struct rp_agenda *out, struct rp_err *err) {
  return compute(db, cfg, today, days, limit > 0 ? limit : 1, rows > 0 ? rows : 0, false, NULL,
                 NULL, out, err);
}

/* The agenda into *out, or (fn set) to fn item by item, *out left empty. */
static enum rp_status compute(struct rp_db *db, const struct rp_config *cfg, const char *today,
                              int days, long limit, long rows, bool sync, agenda_item_fn fn,
                              void *fn_ctx, struct rp_agenda *out, struct rp_err *err) {
  rp_err_clear(err);
  memset(out, 0, sizeof *out);
  if (days < 1 || days > 60)
    return rp_err_field(err, RP_INVALID, "days", "days must be from 1 to 60, not %d", days);
  struct ctx c = {.db = db, .cfg = cfg, .limit = limit, .rows = rows, .emit = fn,
                  .emit_ctx = fn_ctx, .emit_st = RP_OK, .err = err};
  char *own = today ? NULL : date_local(db_now(), 0);
  str_copy(c.today, sizeof c.today, today ? today : own);
  free(own);
  char cb[128];
  if (!date_valid(c.today) || !date_add(c.today, days, c.last))
    return rp_err_field(err, RP_INVALID, "today",
                        "today must be a real date as YYYY-MM-DD, not '%s'",
                        str_clip(today ? today : "", cb, sizeof cb));
  /* the whole agenda (the CLI) syncs first; a page (the screen) leaves
   * the sync to its caller, which runs a long one in steps after its
   * first paint */
  enum rp_status s = sync ? cadence_sync(db, cfg, c.today, NULL, err) : RP_OK;
  for (int k = 0; s == RP_OK && k < AG_SECTION_COUNT; k++) {
    s = read_section(&c, (enum rp_agenda_section)k, err);
    spend(&c, (enum rp_agenda_section)k);
  }
  if (s == RP_OK && c.emit_st != RP_OK) s = c.emit_st; /* whichever read it stopped */
  size_t total = 0;
  for (int k = 0; k < AG_SECTION_COUNT; k++) {
    if (k != AG_UPCOMING && k != AG_QUIET && c.b[k].n > 1)
      qsort(c.b[k].v, c.b[k].n, sizeof *c.b[k].v, limit > 0 ? by_date_made : by_date);
    total += c.b[k].n;
  }
  if (s == RP_OK && total) out->v = xmalloc(total * sizeof *out->v);
  for (int k = 0; k < AG_SECTION_COUNT; k++) {
    for (size_t i = 0; i < c.b[k].n; i++) {
      if (s == RP_OK) out->v[out->n++] = c.b[k].v[i];
      else item_free(&c.b[k].v[i]);
    }
    free(c.b[k].v);
    if (s == RP_OK) {
      out->total[k] = c.total[k];
      out->at_least[k] = c.at_least[k];
    }
  }
  return s;
}
