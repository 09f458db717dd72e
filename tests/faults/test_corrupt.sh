#!/usr/bin/env bash
# Journals rapport must not touch: truncated, garbage, from a newer rapport.
# Each: a clear message, exit 3, nothing on stdout, the file byte-for-byte
# unchanged and no -wal/-shm left beside it. A journal from an older rapport
# is copied to JOURNAL.vN.bak (0600, even under umask 000) before it is
# upgraded, and said so on stderr; the copy is the old journal.
. "$(dirname "$0")/../cli/lib.sh"
cli_begin faults/corrupt --python3 "$@"

GOOD=$TMP/good.db
RAPPORT_ARGS=(--db "$GOOD")
for n in "Ada Lovelace" "Grace Hopper" "Alan Turing"; do
  run add "$n" --how-known friend; expect 0
done
SIZE=$(stat -c %s "$GOOD")
DB=$GOOD; CURRENT=$(q "PRAGMA user_version")

# untouched NAME FILE MSG: list, add and the UI's open all refuse FILE with
# exit 3 and MSG on stderr, and FILE is byte-for-byte as it was.
untouched() {
  local name=$1 f=$2 msg=$3 sum
  sum=$(sha256sum < "$f")
  RAPPORT_ARGS=(--db "$f")
  run list; expect 3 "$msg"
  run add "Someone New"; expect 3 "$msg"
  run search Ada; expect 3 "$msg"
  eq "$name: byte-for-byte unchanged" "$(sha256sum < "$f")" "$sum"
  for sfx in -wal -shm -journal; do
    [ -e "$f$sfx" ] && bad "$name: $f$sfx left behind"
  done
  ok
}

# truncated: inside the header page, and in the middle of the tables
head -c 3000 "$GOOD" > "$TMP/trunc-head.db"
untouched "truncated to 3000 bytes" "$TMP/trunc-head.db" "not a rapport journal (file is damaged"
head -c $((SIZE / 2)) "$GOOD" > "$TMP/trunc-half.db"
untouched "truncated to half" "$TMP/trunc-half.db" "not a rapport journal (file is damaged"

# garbage: random bytes, and random bytes after a valid SQLite header
python3 - "$TMP" "$SIZE" <<'PY'
import random, sys
r = random.Random(8)
d, n = sys.argv[1], int(sys.argv[2])
open(d + "/garbage.db", "wb").write(bytes(r.getrandbits(8) for _ in range(n)))
good = open(d + "/good.db", "rb").read()
# the first 100 bytes (the header) kept, the rest of every page scrambled
b = bytearray(good)
for i in range(100, len(b)):
    if r.random() < 0.2:
        b[i] = r.getrandbits(8)
open(d + "/scrambled.db", "wb").write(bytes(b))
PY
untouched "garbage" "$TMP/garbage.db" "not a rapport journal (file is damaged"
untouched "scrambled pages" "$TMP/scrambled.db" "not a rapport journal"

# damage deep inside the pages, with an intact header and length: opening
# checks only the header (instant at any size); `rapport check` reads every
# page and reports the damage (exit 3), and the intact journal passes.
RAPPORT_ARGS=(--db "$GOOD")
run check; expect 0
eq "check passes an intact journal" "$OUT" "ok: $GOOD is intact"
python3 - "$TMP" <<'PY'
import sqlite3, sys
d = sys.argv[1]
# the root page of the gives table (opening reads the schema's pages, not
# the tables'), its b-tree header: page type and cell count scrambled
con = sqlite3.connect("file:" + d + "/good.db?mode=ro", uri=True)
root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'give'").fetchone()[0]
con.close()
b = bytearray(open(d + "/good.db", "rb").read())
page = int.from_bytes(b[16:18], "big")
at = (root - 1) * page
b[at:at + 8] = bytes([0x0d, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00])
open(d + "/deep.db", "wb").write(bytes(b))
PY
sum=$(sha256sum < "$TMP/deep.db")
RAPPORT_ARGS=(--db "$TMP/deep.db")
run check; expect 3 "the journal is damaged"
eq "check leaves a damaged journal byte-for-byte unchanged" "$(sha256sum < "$TMP/deep.db")" "$sum"
ok

# newer: user_version above what this build knows
cp "$GOOD" "$TMP/newer.db"
DB=$TMP/newer.db sql "PRAGMA user_version = $((CURRENT + 1))"
untouched "newer rapport" "$TMP/newer.db" "written by a newer rapport (schema $((CURRENT + 1)), this build knows $CURRENT)"

# another program's SQLite file
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.commit()' "$TMP/other.db"
untouched "another program's database" "$TMP/other.db" "an SQLite database of another program"

# a refused file with a -wal beside it (its last writer was killed): the
# refusal reads it through a read-only connection, so neither the file nor
# its log is checkpointed, changed or deleted
walled() { # FILE USER_VERSION APP_ID: a WAL database whose last commit is only in the log
  python3 - "$@" <<'PY'
import os, sqlite3, sys
f, ver, app = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if os.fork() == 0:
    c = sqlite3.connect(f)
    c.execute("PRAGMA journal_mode = WAL")
    c.execute("PRAGMA wal_autocheckpoint = 0")
    c.execute("PRAGMA application_id = %d" % app)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.execute("INSERT INTO t VALUES ('only in the log')")
    c.execute("PRAGMA user_version = %d" % ver)
    c.commit()
    os._exit(0)
os.wait()
PY
}
untouched_wal() { # NAME FILE MSG
  local name=$1 f=$2 msg=$3 sum wsum
  sum=$(sha256sum < "$f"); wsum=$(sha256sum < "$f-wal")
  rm -f "$f-shm"
  RAPPORT_ARGS=(--db "$f")
  run list; expect 3 "$msg"
  run add "Someone New"; expect 3 "$msg"
  eq "$name: the file is byte-for-byte unchanged" "$(sha256sum < "$f")" "$sum"
  [ -e "$f-wal" ] || bad "$name: its -wal was deleted"
  eq "$name: the -wal is byte-for-byte unchanged" "$(sha256sum < "$f-wal" 2>/dev/null)" "$wsum"
  [ -e "$f-shm" ] && bad "$name: a -shm was left behind"
  ok
}
walled "$TMP/other-wal.db" 0 0
untouched_wal "another program's database with a -wal" "$TMP/other-wal.db" "an SQLite database of another program"
walled "$TMP/newer-wal.db" $((CURRENT + 1)) 1918988400
untouched_wal "a newer journal with a -wal" "$TMP/newer-wal.db" "written by a newer rapport"

# ---- an older journal is backed up before the upgrade ----------------------
OLD=$TMP/old/journal.db
mkdir -p "$TMP/old"
cp "$GOOD" "$OLD"
# schema 6, as in tests/unit/test_db.c's downgrade_to_v6
DB=$OLD sql "ALTER TABLE contact DROP COLUMN known_since"
DB=$OLD undo_migration_16
DB=$OLD sql "PRAGMA user_version = 6"
old_sum=$(sha256sum < "$OLD")
RAPPORT_ARGS=(--db "$OLD")
(umask 000; "$BIN" --db "$OLD" list --format tsv >"$TMP/out" 2>"$TMP/err"); RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST="list on a schema 6 journal"
expect 0 "journal upgraded from schema 6 to $CURRENT; the journal as it was is kept in $OLD.v6.bak"
eq "the upgraded journal lists its contacts" "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2 | sort | tr '\n' ,)" "Ada Lovelace,Alan Turing,Grace Hopper,"
eq "the copy exists, 0600 under umask 000" "$(stat -c %a "$OLD.v6.bak" 2>&1)" 600
DB=$OLD.v6.bak
eq "the copy is the old journal: schema 6" "$(q 'PRAGMA user_version')" 6
eq "the copy has every contact" "$(q 'SELECT count(*) FROM contact')" 3
eq "the copy is intact" "$(q 'PRAGMA integrity_check')" ok
eq "the copy has no known_since (it is the schema 6 table)" \
  "$(q "SELECT count(*) FROM pragma_table_info('contact') WHERE name = 'known_since'")" 0
[ -e "$OLD.v6.bak-wal" ] && bad "the copy has a -wal beside it"
DB=$OLD
eq "the journal is now current" "$(q 'PRAGMA user_version')" "$CURRENT"
# a second start: no new copy, no note
bak_sum=$(sha256sum < "$OLD.v6.bak")
run list; expect 0
lacks "$ERR" "upgraded"
eq "the copy is left alone" "$(sha256sum < "$OLD.v6.bak")" "$bak_sum"
# an existing copy is never overwritten
cp "$GOOD" "$TMP/old2.db"
DB=$TMP/old2.db sql "ALTER TABLE contact DROP COLUMN known_since"
DB=$TMP/old2.db undo_migration_16
DB=$TMP/old2.db sql "PRAGMA user_version = 6"
echo "not mine" > "$TMP/old2.db.v6.bak"
RAPPORT_ARGS=(--db "$TMP/old2.db")
run list; expect 0
eq "an existing .bak is kept" "$(cat "$TMP/old2.db.v6.bak")" "not mine"
cli_end
