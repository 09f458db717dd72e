#!/usr/bin/env bash
# `rapport sync` with a contacts folder: the verb, its help and errors,
# the config's sync: section, --dry-run changing nothing, JSON, a card
# edited in the folder read back, the lock (a second sync waits, then
# says who runs), kill -9 in the middle of a sync then a second sync
# finishing the job, and khard reading the folder rapport writes. khard
# missing is a failure (.ci/deps --test installs it).
# Usage: bash test_sync_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/sync --python3 "$@"
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC)
CARDS=$TMP/cards

help_lists sync
grep -q -- '--dry-run' "$TMP/out" && ok || bad "help sync lacks --dry-run"

# ---- errors: nothing to sync, bad options, a folder that is a file ----
run --create add "Priya Shah" --org Acme --email priya@acme.example --phone "+44 20 7946 0000"
expect 0
run sync
expect 2 "rapport sync: nothing to sync"
run sync --contacts "$CARDS" --format xml
expect 2 "--format: 'xml' is not a format"
run sync --contacts "$CARDS" extra
expect 2 "takes no arguments"
: >"$TMP/afile"
run sync --contacts "$TMP/afile"
expect 2 "is not a folder"

# ---- a dry run writes nothing, not even the folder ----
run sync --contacts "$CARDS" --dry-run
expect 0
[[ $OUT == written*".vcf  Priya Shah"* ]] && ok || bad "dry run: [$OUT]"
has "$OUT" "dry run, nothing changed: 1 written"
[ ! -e "$CARDS" ] && ok || bad "dry run made the folder"
eq "dry run rows" "$(q 'SELECT count(*) FROM sync_item')" 0

# ---- the first sync writes, the second changes nothing ----
run sync --contacts "$CARDS"
expect 0
has "$OUT" "synced: 1 written"
card=$(cd "$CARDS" && ls *.vcf)
eq "one card" "$(ls "$CARDS" | wc -l)" 1
eq "folder mode" "$(stat -c %a "$CARDS")" 700
eq "card mode" "$(stat -c %a "$CARDS/$card")" 600
before=$(stat -c '%i %Y' "$CARDS/$card")
run sync --contacts "$CARDS"
expect 0
same "second sync" "synced: nothing changed, all in step"
eq "card untouched" "$(stat -c '%i %Y' "$CARDS/$card")" "$before"

# ---- the config's folder; a card edited there; dry run then the real one ----
CFG=$TMP/config.yaml
printf 'sync:\n  contacts: %s\n' "$CARDS" >"$CFG"
RAPPORT_ARGS=(--db "$DB" --config "$CFG")
python3 - "$CARDS/$card" <<'PY'
import sys
p = sys.argv[1]
t = open(p, newline='').read()
t = t.replace('ORG:Acme\r\n', 'ORG:Acme\r\nTITLE:Head of Data\r\nTEL;TYPE=CELL:+44 7700 900123\r\n')
open(p, 'w', newline='').write(t)
PY
sum=$(md5sum "$CARDS/$card")
run sync --dry-run
expect 0
has "$OUT" "read      $card  Priya Shah: title, phone +44 7700 900123"
eq "dry run: card as it was" "$(md5sum "$CARDS/$card")" "$sum"
eq "dry run: journal as it was" "$(q "SELECT coalesce(role, '-') FROM contact")" "-"
run sync --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "json read" "$(py "j['counts']['read']")" 1
eq "json item" "$(py "j['items'][0]['text']")" "Priya Shah: title, phone +44 7700 900123"
eq "title read" "$(q 'SELECT role FROM contact')" "Head of Data"
eq "phone read" "$(q "SELECT count(*) FROM contact_value WHERE kind = 'phone'")" 2
run sync
same "in step" "synced: nothing changed, all in step"
# one sync is one change to undo; the next sync gives the folder the
# journal's side again
run undo
expect 0
has "$OUT" "undid: rapport sync --format json"
eq "undone title" "$(q "SELECT coalesce(role, '-') FROM contact")" "-"
run sync
has "$OUT" "written   $card  Priya Shah"
grep -q 'TITLE:Head of Data' "$CARDS/$card" && bad "undo: the folder kept the title" || ok

# ---- a malformed card is reported, never fatal, never removed ----
printf 'not a card\n' >"$CARDS/junk.vcf"
run sync
expect 0
has "$OUT" "skipped   junk.vcf  not a vCard; left as it is"
eq "junk kept" "$(cat "$CARDS/junk.vcf")" "not a card"
rm "$CARDS/junk.vcf"

# ---- khard reads the folder rapport writes ----
if command -v khard >/dev/null 2>&1; then
  ok
  khard_conf "$CARDS" "$TMP/khard.conf"
  out=$(khard -c "$TMP/khard.conf" list 2>&1)
  [[ $out == *"Priya Shah"* ]] && ok || bad "khard list: [$out]"
  out=$(khard -c "$TMP/khard.conf" show --format yaml Priya 2>&1)
  [[ $out == *"Acme"* && $out == *"+44 20 7946 0000"* ]] && ok || bad "khard show: [$out]"
else
  bad "khard is not installed (run .ci/deps --test)"
fi

# ---- the lock: a second sync waits for the first, or says who runs ----
python3 - "$DB.sync.lock" 1 <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0); os.write(fd, b"%d\n" % os.getpid())
open(sys.argv[1] + ".held", "w").close()
time.sleep(float(sys.argv[2]))
PY
holder=$!
for _ in $(seq 50); do [ -e "$DB.sync.lock.held" ] && break; sleep 0.1; done
run sync
expect 0 # waited about a second, then ran
wait $holder
rm -f "$DB.sync.lock.held"
python3 - "$DB.sync.lock" 30 <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0); os.write(fd, b"%d\n" % os.getpid())
open(sys.argv[1] + ".held", "w").close()
time.sleep(float(sys.argv[2]))
PY
holder=$!
for _ in $(seq 50); do [ -e "$DB.sync.lock.held" ] && break; sleep 0.1; done
run sync
expect 3 "a sync of this journal is running (pid $holder)"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
rm -f "$DB.sync.lock.held"
eq "lock file mode" "$(stat -c %a "$DB.sync.lock")" 600

# ---- two at once: both finish, one after the other ----
"$BIN" --db "$DB" sync --contacts "$TMP/two" >"$TMP/o1" 2>&1 &
p1=$!
"$BIN" --db "$DB" sync --contacts "$TMP/two" >"$TMP/o2" 2>&1 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
eq "two at once" "$r1 $r2" "0 0"
eq "two at once: one wrote" "$(cat "$TMP/o1" "$TMP/o2" | grep -c '^synced: 1 written')" 1

# ---- kill -9 in the middle of a sync; the next one finishes the job ----
python3 -c "
for i in range(600):
    print('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d Test\r\nEMAIL:p%d@example.org\r\nEND:VCARD\r' % (i, i))
" >"$TMP/many.vcf"
run import vcard "$TMP/many.vcf"
expect 0
"$BIN" --db "$DB" sync --contacts "$TMP/k" >/dev/null 2>&1 &
pk=$!
for _ in $(seq 100); do
  n=$(ls "$TMP/k" 2>/dev/null | wc -l)
  [ "$n" -ge 50 ] && break
  sleep 0.05
done
kill -9 $pk 2>/dev/null
wait $pk 2>/dev/null
n=$(ls "$TMP/k" | wc -l)
[ "$n" -ge 50 ] && [ "$n" -lt 601 ] && ok || bad "kill -9: $n files when killed"
eq "killed: nothing committed" "$(q "SELECT count(*) FROM sync_item WHERE folder LIKE '%/k'")" 0
run sync --contacts "$TMP/k"
expect 0
written=$(printf '%s\n' "$OUT" | grep -c '^written')
[ "$written" -le $((601 - n)) ] && ok || bad "after kill: $written written again, $n were there"
eq "after kill: every contact" "$(ls "$TMP/k" | grep -c '\.vcf$')" 601
eq "after kill: rows" "$(q "SELECT count(*) FROM sync_item WHERE folder LIKE '%/k'")" 601
eq "after kill: no new contact" "$(q 'SELECT count(*) FROM contact')" 601
run sync --contacts "$TMP/k"
same "after kill: in step" "synced: nothing changed, all in step"

cli_end
