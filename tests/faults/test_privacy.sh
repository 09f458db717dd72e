#!/usr/bin/env bash
# Privacy under a permissive umask (000): the journal is 0600 and the
# folders made for it 0700; `rapport backup` and `rapport export -o` write
# 0600 files; the $EDITOR temp file is 0600 and removed afterwards, also when
# the editor fails. A journal that has become readable by others is warned
# about at start: on stderr for the CLI, on the status bar in the UI.
. "$(dirname "$0")/../e2e/lib.sh" "$@"
umask 000

mode() { stat -c %a "$1" 2>&1; }

# ---- the journal and its folders -------------------------------------------
"$BIN" add "Ada Lovelace" --how-known friend >/dev/null 2>"$TMP/err" || fail "add: $(cat "$TMP/err")"
J="$HOME/.local/share/rapport/journal.db"
assert_eq "default journal 0600 under umask 000" 600 "$(mode "$J")"
assert_eq "its folder 0700" 700 "$(mode "$HOME/.local/share/rapport")"
assert_eq "the folders made above it 0700" "700 700" "$(mode "$HOME/.local") $(mode "$HOME/.local/share")"
"$BIN" --db "$TMP/new/deeper/j.db" add "Grace Hopper" >/dev/null || fail "add --db"
assert_eq "--db journal 0600" 600 "$(mode "$TMP/new/deeper/j.db")"
assert_eq "--db folders 0700" "700 700" "$(mode "$TMP/new") $(mode "$TMP/new/deeper")"
# -wal and -shm while a reader holds the journal open (0600 like it)
cli add "Alan Turing" --how-known friend >/dev/null || fail "add"
python3 - "$DB" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1])
con.execute("SELECT count(*) FROM contact").fetchone()
con.execute("BEGIN")
con.execute("SELECT count(*) FROM contact").fetchone()
time.sleep(30)  # killed below; long enough for a loaded machine
PY
reader=$!
_wal() { [ -e "$DB-wal" ] && [ -e "$DB-shm" ]; }
_poll 20 _wal || fail "no -wal/-shm while open"
cli add "Edsger Dijkstra" >/dev/null || fail "add beside a reader"
assert_eq "-wal and -shm 0600" "600 600" "$(mode "$DB-wal") $(mode "$DB-shm")"
kill "$reader" 2>/dev/null; wait "$reader" 2>/dev/null

# ---- backups and exports ------------------------------------------------------
cli backup "$TMP/backup.db" >/dev/null 2>"$TMP/err" || fail "backup: $(cat "$TMP/err")"
assert_eq "rapport backup writes 0600" 600 "$(mode "$TMP/backup.db")"
cli backup "$TMP/backup.db" --force >/dev/null || fail "backup --force"
assert_eq "rapport backup --force keeps 0600" 600 "$(mode "$TMP/backup.db")"
for fmt in json csv vcard ics; do
  cli export "$fmt" -o "$TMP/export.$fmt" 2>"$TMP/err" || fail "export $fmt: $(cat "$TMP/err")"
  assert_eq "rapport export $fmt -o writes 0600" 600 "$(mode "$TMP/export.$fmt")"
done
touch "$TMP/loose.json"; chmod 666 "$TMP/loose.json"
cli export json -o "$TMP/loose.json" || fail "export over a 0666 file"
assert_eq "export -o over an existing 0666 file leaves it 0600" 600 "$(mode "$TMP/loose.json")"
leftovers=$(ls -a "$TMP" | grep -E '\.[A-Za-z0-9]{6}$' || true)
assert_eq "no temporary files left by backup and export" "" "$leftovers"

# ---- $EDITOR temp files ----------------------------------------------------
mkdir -m 700 "$TMP/tmpdir"
export TMPDIR="$TMP/tmpdir"
cat > "$TMP/editor.sh" <<SH
#!/bin/sh
echo "\$1 \$(stat -c %a "\$1")" >> "$TMP/editor.log"
printf 'From the editor' > "\$1"
exit \$(cat "$TMP/editor.rc")
SH
chmod +x "$TMP/editor.sh"
export VISUAL="$TMP/editor.sh"
echo 0 > "$TMP/editor.rc"
start_app --db "$DB"
keys 2
wait_for "Alan Turing"
keys a
wait_for "─ New contact ─"
type_text "Typed name"
keys C-o
wait_for "Name From the editor"
read -r f m < "$TMP/editor.log"
assert_eq "the editor's temp file is 0600 under umask 000" 600 "$m"
case $f in "$TMPDIR"/*) ok "the temp file is in \$TMPDIR" ;; *) fail "temp file [$f] not in \$TMPDIR" ;; esac
[ -e "$f" ] && fail "the temp file $f is still there after the editor"
ok "the temp file is removed after use"
# the editor fails: the text is unchanged and the temp file removed all the same
echo 1 > "$TMP/editor.rc"
: > "$TMP/editor.log"
keys C-o
wait_for "exited with an error; the text is unchanged"
_screen_has "Name From the editor" || fail "the text changed after a failed editor"
read -r f m < "$TMP/editor.log"
[ -n "$f" ] || fail "the editor did not run"
[ -e "$f" ] && fail "the temp file $f is still there after the editor failed"
ok "a failed editor leaves the text as it was and removes the temp file"
assert_eq "nothing left in \$TMPDIR" "" "$(ls -A "$TMPDIR")"
keys Escape
if _poll 3 _screen_has "Discard"; then keys y; fi
wait_gone "─ New contact ─"
quit_app

# ---- a journal readable by others is warned about ----------------------------
chmod 644 "$DB"
out=$(cli list 2>&1 >/dev/null); rc=$?
assert_eq "rapport list still works" 0 "$rc"
assert_match "the CLI warns on stderr" "warning: .*journal.db can be read by other users \(mode 0644\); chmod 600" "$out"
start_app --db "$DB"
wait_line -1 "can be read by other users"
ok "the UI warns on the status bar: $(screen_line -1 | sed 's/^ *//')"
quit_app
chmod 600 "$DB"
out=$(cli list 2>&1 >/dev/null)
assert_eq "no warning once it is 0600 again" "" "$out"
finish
