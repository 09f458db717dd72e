#!/usr/bin/env bash
# SIGTERM, SIGHUP or SIGINT while `export -o` or `backup` writes its copy
# leaves nothing behind: no FILE.XXXXXX temporary file nor its -journal;
# the target is either the old file or the whole new one, never a part. (A
# backup --force onto an existing copy writes into it through SQLite: cut
# short, it leaves SQLite's hot journal, which the next open rolls back, so
# the copy is the old one, intact.)
. "$(dirname "$0")/../cli/lib.sh"
cli_begin faults/signal-leftovers --python3 "$@"

python3 - "$TMP/c.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    for i in range(20000):
        f.write("Person%d,Name%d,https://www.linkedin.com/in/p%d,p%d@example.org,"
                "Company %d,A position with a long title %d,07 Mar 2024\n" % (i, i, i, i, i % 90, i))
PY
run import linkedin "$TMP/c.csv"; expect 0
mkdir "$TMP/copies"
echo "the old export" > "$TMP/copies/x.json"
echo "the old export" > "$TMP/copies/x.csv"
hits=0 trials=0
for sig in TERM HUP INT; do
  for delay in 0.02 0.05 0.08 0.12 0.2; do
    for verb in "export json -o $TMP/copies/x.json" "export csv -o $TMP/copies/x.csv" "backup $TMP/copies/b.db --force"; do
      read -r -a argv <<<"$verb"
      "$BIN" --db "$DB" "${argv[@]}" >/dev/null 2>&1 &
      pid=$!
      sleep "$delay"
      kill -s "$sig" "$pid" 2>/dev/null
      wait "$pid"; rc=$?
      trials=$((trials + 1))
      [ "$rc" -gt 128 ] && hits=$((hits + 1))
      left=$(ls -A "$TMP/copies" | grep -vxE "x[.]json|x[.]csv|b[.]db|b[.]db-journal" | tr "\n" " ")
      if [ -e "$TMP/copies/b.db" ]; then
        eq "SIG$sig after ${delay}s during $verb: the copy is intact" "$(DB=$TMP/copies/b.db q 'PRAGMA integrity_check')" ok
      fi
      [ -z "$left" ] || bad "SIG$sig after ${delay}s during $verb: left behind: $left"
      (cd "$TMP/copies" && rm -f x.json.* x.csv.* b.db.*)
    done
  done
done
[ "$hits" -ge 5 ] && ok || bad "only $hits of $trials signals arrived while a copy was being written"
head -c 14 "$TMP/copies/x.json" | grep -qE '^(the old export|\{)' && ok || bad "x.json is neither the old file nor an export"
echo "signals that arrived mid-copy: $hits of $trials"
cli_end
