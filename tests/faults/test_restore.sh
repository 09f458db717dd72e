#!/usr/bin/env bash
# Going back to a backup never corrupts or loses: `rapport backup FILE
# --force` onto an existing journal, and `rapport restore BACKUP`, write
# through SQLite into the target, so an old -wal beside it (its last writer
# was killed) is never replayed onto the new content. A restore keeps the
# journal as it was in JOURNAL.before-restore; bad backups change nothing.
. "$(dirname "$0")/../cli/lib.sh"
cli_begin faults/restore --python3 "$@"

# a journal whose last commits are only in its -wal, as after a kill -9
# (autocheckpoint off, the process ends without closing)
leave_wal() { # JOURNAL NAME...: add the names through SQLite and die
  python3 - "$@" <<'PY'
import os, sqlite3, sys, time
f, names = sys.argv[1], sys.argv[2:]
if os.fork() == 0:
    c = sqlite3.connect(f)
    c.execute("PRAGMA wal_autocheckpoint = 0")
    now = int(time.time())
    for n in names:
        c.execute("INSERT INTO contact (name, stage, warmth, created_at, updated_at) "
                  "VALUES (?, 'identified', 'cold', ?, ?)", (n, now, now))
    c.commit()
    os._exit(0)
os.wait()
PY
}
names() { DB=$1 q "SELECT group_concat(name, ',') FROM (SELECT name FROM contact WHERE deleted_at IS NULL ORDER BY name)"; }

J=$TMP/journal.db B=$TMP/backup.db
RAPPORT_ARGS=(--db "$B")
for n in "Ada Lovelace" "Grace Hopper"; do run add "$n"; expect 0; done
RAPPORT_ARGS=(--db "$J")
for n in "Old One" "Old Two" "Old Three"; do run add "$n"; expect 0; done
leave_wal "$J" "Only In The Log" "Also In The Log"
[ -s "$J-wal" ] || bad "the test journal has no -wal"

# 1. backup --force over a journal with a -wal
RAPPORT_ARGS=(--db "$B")
run backup "$J" --force; expect 0
RAPPORT_ARGS=(--db "$J")
run list --format tsv; expect 0
eq "backup --force over a journal with a -wal: it holds the backup" "$(names "$J")" "Ada Lovelace,Grace Hopper"
eq "integrity after backup --force" "$(DB=$J q 'PRAGMA integrity_check')" ok
run check; expect 0
run add "Carol New"; expect 0
eq "the journal works after it" "$(names "$J")" "Ada Lovelace,Carol New,Grace Hopper"

# 2. restore over a journal with a -wal: the journal as it was is kept
leave_wal "$J" "Dana Log"
[ -s "$J-wal" ] || bad "the test journal has no -wal (2)"
run restore "$B"; expect 2 "holds 4 contacts; --force replaces it"
eq "restore without --force changes nothing" "$(names "$J")" "Ada Lovelace,Carol New,Dana Log,Grace Hopper"
run restore "$B" --force; expect 0
has "$OUT" "restored $B into $J: 2 contacts"
has "$OUT" "the journal as it was is kept in $J.before-restore (rapport restore $J.before-restore brings it back)"
eq "restore over a journal with a -wal: it holds the backup" "$(names "$J")" "Ada Lovelace,Grace Hopper"
eq "integrity after restore" "$(DB=$J q 'PRAGMA integrity_check')" ok
eq "the journal as it was, log included, is kept" "$(names "$J.before-restore")" "Ada Lovelace,Carol New,Dana Log,Grace Hopper"
eq "the kept copy is private" "$(stat -c %a "$J.before-restore")" 600
# undo: restore the kept copy
cp "$J.before-restore" "$TMP/undo.db"
run restore "$TMP/undo.db" --force; expect 0
eq "restoring the kept copy undoes the restore" "$(names "$J")" "Ada Lovelace,Carol New,Dana Log,Grace Hopper"
eq "the backup file is left as it was" "$(names "$B")" "Ada Lovelace,Grace Hopper"

# 3. what restore refuses, changing nothing
sum=$(sha256sum < "$J")
echo "not a journal" > "$TMP/text.db"
run restore "$TMP/text.db" --force; expect 2 "not a rapport journal"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.commit()' "$TMP/other.db"
run restore "$TMP/other.db" --force; expect 2 "an SQLite database of another program"
cp "$B" "$TMP/newer.db"
DB=$TMP/newer.db sql "PRAGMA user_version = 999"
run restore "$TMP/newer.db" --force; expect 2 "written by a newer rapport (schema 999"
run restore "$TMP/missing.db" --force; expect 2 "missing.db: No such file"
eq "refused restores change nothing" "$(sha256sum < "$J")" "$sum"

# 4. an older backup is upgraded as it is restored
cp "$B" "$TMP/old.db"
DB=$TMP/old.db sql "ALTER TABLE contact DROP COLUMN known_since"
DB=$TMP/old.db undo_migration_16
DB=$TMP/old.db sql "PRAGMA user_version = 6"
run restore "$TMP/old.db" --force; expect 0 "journal upgraded from schema 6"
eq "an old backup restored and upgraded" "$(names "$J")" "Ada Lovelace,Grace Hopper"
eq "…to the current schema" "$(DB=$J q 'PRAGMA user_version')" "$(DB=$B q 'PRAGMA user_version')"
cli_end
