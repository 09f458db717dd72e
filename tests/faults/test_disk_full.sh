#!/usr/bin/env bash
# Disk full (a file-size limit: ulimit -f with SIGXFSZ ignored, so writes
# fail with EFBIG as on a full disk) and a read-only journal. The CLI says so
# clearly and exits 3; the UI shows the error, stays up, and the contact
# being typed stays in its form; nothing is half-written (integrity_check ok,
# row counts unchanged).
. "$(dirname "$0")/../e2e/lib.sh" "$@"
REAL=$BIN

counts() { db_query "SELECT (SELECT count(*) FROM contact) || '/' || (SELECT count(*) FROM note) || '/' || (SELECT count(*) FROM ws_item)"; }

cli add "Seed Person" --how-known friend >/dev/null || fail "seed"
before=$(counts)       # (python3 closing here would checkpoint the WAL below)
# A WAL that already holds more than the limit and cannot be checkpointed
# under it (the journal file is larger than the limit too): every commit must
# append beyond the limit and fails, while reading still works. python3 exits
# without closing, so its WAL frames stay.
python3 - "$DB" <<'PY' || fail "could not fill the WAL"
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint = 0")
con.execute("UPDATE contact SET notes = ? WHERE name = 'Seed Person'", ("x" * 60000,))
os._exit(0)
PY
[ "$(stat -c %s "$DB-wal")" -gt 61440 ] || fail "the WAL is smaller than expected"
LIMIT_KB=48            # > the 32 KiB -shm file, < the WAL and the journal

# ---- the CLI under the limit ---------------------------------------------
limited() { (trap '' XFSZ; ulimit -f "$LIMIT_KB"; exec "$REAL" --db "$DB" "$@"); }
limited list >/dev/null 2>"$TMP/err" || fail "reading under the limit failed: $(cat "$TMP/err")"
ok "reading works under the limit"
for args in "add|Disk Full Person" "worksheet|add|superpower|Full disk" "give|Seed Person|--kind|help|a favour"; do
  IFS='|' read -r -a argv <<<"$args"
  limited "${argv[@]}" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  assert_eq "rapport ${argv[0]} on a full disk: exit 3" 3 "$rc"
  grep -q "no space left" "$TMP/err" || fail "no clear message: [$(cat "$TMP/err")]"
  [ -s "$TMP/out" ] && fail "printed on stdout on error: [$(cat "$TMP/out")]"
  ok "rapport ${argv[0]}: \"$(cat "$TMP/err")\""
done
assert_eq "row counts unchanged" "$before" "$(counts)"
assert_eq "integrity_check" ok "$(db_query "PRAGMA integrity_check")"

# ---- the UI under the limit ----------------------------------------------
WRAP="$TMP/limited.sh"
printf '#!/bin/bash\ntrap "" XFSZ\nulimit -f %d\nexec %q "$@"\n' "$LIMIT_KB" "$REAL" > "$WRAP"
chmod +x "$WRAP"
# the checks above checkpointed the WAL: fill it again
before=$(counts)
python3 - "$DB" <<'PY' || fail "could not fill the WAL"
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint = 0")
con.execute("UPDATE contact SET notes = ? WHERE name = 'Seed Person'", ("y" * 60000,))
os._exit(0)
PY
BIN=$WRAP start_app --db "$DB"
keys 2
wait_for "Seed Person"
keys a
wait_for "─ New contact ─"
type_text "Typed On A Full Disk"
keys Enter
wait_for "no space left" 10
ok "the UI shows the error: $(screen | grep -o 'no space left[^│]*' | head -1)"
_screen_has "─ New contact ─" || fail "the form closed after the failed save"
_screen_has "Name Typed On A Full Disk" || fail "the typed name is no longer in its field"
ok "the form stays open with the typed text"
# still up: the form can be cancelled and the app moved around
keys Escape
if _poll 3 _screen_has "Discard"; then keys y; fi
wait_gone "─ New contact ─"
keys 3
wait_for "Worksheet ·"
keys 1
ok "the UI stays up after the failed write"
quit_app
assert_eq "row counts unchanged after the UI's failed save" "$before" "$(counts)"
assert_eq "integrity_check after the UI" ok "$(db_query "PRAGMA integrity_check")"
assert_eq "nothing of the failed contact" 0 "$(db_query "SELECT count(*) FROM contact WHERE name = 'Typed On A Full Disk'")"

# ---- a read-only journal ---------------------------------------------------
cli list >/dev/null || fail "list"     # checkpoints and removes the -wal
before=$(counts)
sum=$(sha256sum < "$DB")
# ro_run ARGS...: rapport with the journal read-only. As root, permissions
# do not stop writes: bind-mount the folder read-only in a private mount
# namespace; otherwise chmod the file 0400.
RODIR="$TMP/ro"
mkdir -m 700 "$RODIR"
mv "$DB" "$RODIR/journal.db" && DB="$RODIR/journal.db"
ro_mode=
if [ "$(id -u)" = 0 ]; then
  if unshare -m sh -c "mount --bind '$RODIR' '$RODIR' && mount -o remount,bind,ro '$RODIR'" 2>/dev/null; then
    ro_mode=mount
  fi
else
  ro_mode=chmod
fi
ro_run() {
  case $ro_mode in
  mount) unshare -m sh -c 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"' \
           sh "$RODIR" "$@" ;;
  chmod) chmod 0400 "$DB"; "$@"; local rc=$?; chmod 0600 "$DB"; return $rc ;;
  esac
}
if [ -z "$ro_mode" ]; then
  echo "# read-only journal: skipped (root without mount namespaces)"
else
  for args in "add|Read Only Person" "list"; do
    IFS='|' read -r -a argv <<<"$args"
    ro_run "$REAL" --db "$DB" "${argv[@]}" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    assert_eq "rapport ${argv[0]} on a read-only journal ($ro_mode): exit 3" 3 "$rc"
    grep -q "read-only" "$TMP/err" || fail "no clear message: [$(cat "$TMP/err")]"
    ok "rapport ${argv[0]}: \"$(cat "$TMP/err")\""
  done
  # the UI: a clear message before the full screen, exit 3
  printf '#!/bin/bash\n%s\n' "$(declare -f ro_run); ro_mode=$ro_mode RODIR=$(printf %q "$RODIR") DB=$(printf %q "$DB"); ro_run $(printf %q "$REAL") \"\$@\"" > "$TMP/ro_ui.sh"
  chmod +x "$TMP/ro_ui.sh"
  rm -f "$TMP/status"
  tm kill-server >/dev/null 2>&1
  rm -f "$SOCK_PATH"
  tm new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" \
    "bash $(printf %q "$TMP/ro_ui.sh") --db $(printf %q "$DB"); echo \$? > $(printf %q "$TMP/status"); echo EXITED; sleep 3600"
  wait_for "EXITED" 10
  assert_eq "the UI on a read-only journal: exit 3" 3 "$(cat "$TMP/status")"
  _screen_has "read-only" || fail "the UI did not say the journal is read-only"
  ok "the UI says: $(screen | grep -o 'rapport: .*read-only[^;]*' | head -1)"
  assert_eq "the read-only journal is byte-for-byte unchanged" "$sum" "$(sha256sum < "$DB")"
  assert_eq "row counts unchanged" "$before" "$(counts)"
fi
finish
