#!/usr/bin/env bash
# `rapport conversation discard ID [--force]` against a temporary journal:
# a stray call (held, no notes) leaves nothing (no conversation, no
# thank-you, the stage as before the call); a prepared one is planned
# again; a call with notes is refused (exit 2) unless --force; a live or
# planned conversation is refused; no such id is exit 1, bad usage 2, a
# journal that cannot be opened 3. And `rapport notes` prints the real
# length to the second ("took 1:20", never "1 min"). The held calls are
# written with SQL as the Call screen's end leaves them (conv_end: status
# held, the stage before, the contact met, a thank-you owed).
# Usage: bash test_conversation_discard_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/conversation_discard --python3 "$@"
export RAPPORT_NOW=1795000000 # 2026-11-18 08:26:40 (UTC)
RAPPORT_ARGS=(--db "$DB")

# held CONTACT_ID STAGE_BEFORE SECONDS [OBJECTIVE]: a call ended as conv_end
# leaves it; prints its id.
held() {
  python3 - "$DB" "$@" <<'PY'
import sqlite3, sys
db, cid, before, secs = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
obj = sys.argv[5] if len(sys.argv) > 5 else None
c = sqlite3.connect(db)
cur = c.execute("""INSERT INTO conversation (contact_id, minutes, objective, status, started_at,
  ended_at, created_at, updated_at) VALUES (?, 20, ?, 'held', 1794990000, ?, 1794990000,
  1794990000)""", (cid, obj, 1794990000 + secs))
conv = cur.lastrowid
c.execute("INSERT INTO conversation_stage (conversation_id, stage) VALUES (?, ?)", (conv, before))
c.execute("""INSERT INTO followup (contact_id, conversation_id, kind, due, medium, status, auto,
  created_at, updated_at) VALUES (?, ?, 'thank-you', '2026-11-19', 'email', 'open', 1, 1, 1)""",
  (cid, conv))
c.execute("UPDATE contact SET stage = 'met' WHERE id = ?", (cid,))
c.commit()
print(conv)
PY
}

run add "Priya Shah" --org "Acme Labs" --stage giving
expect 0
PRIYA=$OUT
run add "Zoë Ørsted" --stage asked
expect 0
ZOE=$OUT

# ---- a stray call: nothing kept --------------------------------------------------
C1=$(held "$PRIYA" giving 10)
run notes Priya
expect 0
has "$OUT" "## 2026-11-18 08:20 · held · planned 20 min, took 0:10 · #$C1"
run conversation discard "$C1"
expect 0
same "discard says so" "discarded the call with Priya Shah: nothing kept"
eq "no conversation left" "$(q "SELECT count(*) FROM conversation")" 0
eq "no thank-you owed" "$(q "SELECT count(*) FROM followup")" 0
eq "the stage as before the call" "$(q "SELECT stage FROM contact WHERE id = $PRIYA")" giving
run conversation discard "$C1"
expect 1 "rapport conversation discard: no conversation with id $C1"

# ---- a prepared call: planned again ------------------------------------------------
C2=$(held "$ZOE" asked 80 "How she moved into payments")
run notes Zoë
expect 0
has "$OUT" "## 2026-11-18 08:20 · held · planned 20 min, took 1:20 · #$C2"
lacks "$OUT" "1 min"
run notes Zoë --format json
printf '%s' "$OUT" >"$TMP/json"
eq "json: the real length" "$(py '[c["seconds"] for c in j]')" "[80]"
# the dossier: planned vs actual, and the balance (the call held is an ask)
run show Zoë
expect 0
case "$OUT" in *"held · planned 20 min, took 1:20"*) ok ;; *) bad "show lacks the real length: $OUT" ;; esac
has "$OUT" "## What you gave (gave 0 · asked 1)"
has "$OUT" "Warning: asked 1 time, gave 0: give before you ask again. Log a give (rapport give 'Zoë Ørsted' --kind KIND TEXT)."
has "$OUT" "thank-you owed, due 2026-11-19"
# rapport ready: the balance warning, and once met the next step
EXPECT_QUIET_FROM=2
run ready Zoë
expect 1
# what to do is said with the command line's verb, never a key
has "$OUT" "warning: asked 1 time, gave 0: give before you ask again. Log a give (rapport give 'Zoë Ørsted' --kind KIND TEXT)"
case "$OUT" in *"press "*|*"Press "*) bad "rapport ready names a key: $OUT" ;; *) ok ;; esac
has "$OUT" "met already; next step: thank-you owed, due 2026-11-19"
run ready Zoë --format json
printf '%s' "$OUT" >"$TMP/json"
eq "ready json: the warning" "$(py 'j["warning"]')" \
   "asked 1 time, gave 0: give before you ask again. Log a give (rapport give 'Zoë Ørsted' --kind KIND TEXT)"
EXPECT_QUIET_FROM=1
run show Zoë --format json
printf '%s' "$OUT" >"$TMP/json"
eq "show json: asked, seconds" "$(py '(j["given"], j["asked"], [c["seconds"] for c in j["conversations"]], j["next_step"])')" \
   "(0, 1, [80], 'thank-you owed, due 2026-11-19')"
run conversation discard "$C2"
expect 0
same "planned again" "discarded the call with Zoë Ørsted: the conversation is planned again, as prepared"
eq "planned, as prepared" "$(q "SELECT status, objective, started_at IS NULL, ended_at IS NULL FROM conversation WHERE id = $C2")" \
   "planned|How she moved into payments|1|1"
eq "Zoë back to asked" "$(q "SELECT stage FROM contact WHERE id = $ZOE")" asked
run conversation discard "$C2"
expect 2 "the conversation with Zoë Ørsted is planned, never held: nothing to discard"

# ---- notes: refused unless --force ---------------------------------------------------
C3=$(held "$PRIYA" giving 30)
sql "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at)
     VALUES (?, 5, 'insight', 'they hire in spring', 1, 1)" "$C3"
run conversation discard "$C3"
expect 2 "rapport conversation discard: the conversation with Priya Shah has 1 note; discarding it would lose them (--force discards them too)"
eq "refused: all kept" "$(q "SELECT count(*) FROM conversation WHERE id = $C3") $(q "SELECT count(*) FROM note") $(q "SELECT stage FROM contact WHERE id = $PRIYA")" \
   "1 1 met"
run conversation discard "$C3" --force
expect 0 
eq "forced: notes gone too" "$(q "SELECT count(*) FROM conversation") $(q "SELECT count(*) FROM note") $(q "SELECT stage FROM contact WHERE id = $PRIYA")" \
   "1 0 giving"

# ---- a live call is refused ----------------------------------------------------------
sql "UPDATE conversation SET status = 'live', started_at = 1794990000 WHERE id = ?" "$C2"
run conversation discard "$C2"
expect 2 "still going on: end it first"

# ---- usage ---------------------------------------------------------------------------
run conversation discard
expect 2 "rapport conversation discard: missing ID (rapport conversation discard ID [--force])"
run conversation discard 1 2
expect 2 "give one ID"
run conversation discard Priya
expect 2 "ID must be a conversation's number (the #ID rapport notes NAME shows), not 'Priya'"
run conversation discard 0
expect 2 "ID must be a conversation's number"
run conversation discard 1 --hard
expect 2 "unknown option '--hard'"
run conversation discard 999
expect 1 "no conversation with id 999"
mkdir -p "$TMP/folder.db"
"$BIN" --db "$TMP/folder.db" conversation discard 1 >"$TMP/out" 2>"$TMP/err" </dev/null
eq "a journal that cannot be opened: exit 3" "$?" 3
help_lists conversation
grep -q "conversation discard ID \[--force\]" "$TMP/out" && ok || bad "help conversation lacks discard"

cli_end
