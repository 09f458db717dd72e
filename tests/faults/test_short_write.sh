#!/usr/bin/env bash
# Output that cannot be written is a failure, never a silent exit 0: every
# verb that prints, with standard output on a full disk (a file-size limit:
# ulimit -f with SIGXFSZ ignored, so a write stops part way with EFBIG, as
# on a full disk) or on /dev/full, exits 3 and says so on stderr.
. "$(dirname "$0")/../cli/lib.sh"
cli_begin faults/short-write --python3 "$@"

# 2,500 people, so every listing is larger than the limit
python3 - "$TMP/c.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    for i in range(2500):
        f.write("Person%d,Longname%d,https://www.linkedin.com/in/p%d,p%d@example.org,"
                "Company %d,Senior Position Title %d,07 Mar 2024\n" % (i, i, i, i, i % 50, i))
PY
run import linkedin "$TMP/c.csv"; expect 0
run followup add "Person1 Longname1" --kind check-in --due 2030-01-01; expect 0
run conversation add "Person2 Longname2" --at "2030-01-02 10:00"; expect 0

LIMIT_KB=48
writers=("export csv" "export vcard" "export json" "export ics" "list" "list --format tsv"
         "list --format json" "search Person" "search Person --format json" "show Person1 Longname1"
         "agenda" "agenda --format json" "--help" "help export")
for w in "${writers[@]}"; do
  read -r -a argv <<<"$w"
  [ "$w" = "show Person1 Longname1" ] && argv=(show "Person1 Longname1")
  # the whole output, for its size
  "$BIN" --db "$DB" "${argv[@]}" >"$TMP/full" 2>/dev/null
  size=$(stat -c %s "$TMP/full")
  if [ "$size" -gt $((LIMIT_KB * 1024)) ]; then
    (trap '' XFSZ; ulimit -f "$LIMIT_KB"; exec "$BIN" --db "$DB" "${argv[@]}") >"$TMP/cut" 2>"$TMP/err"
    rc=$?
    eq "$w cut short on a full disk ($size bytes): exit" "$rc" 3
    grep -q "could not write the output" "$TMP/err" || bad "$w cut short: no message [$(cat "$TMP/err")]"
  fi
  "$BIN" --db "$DB" "${argv[@]}" >/dev/full 2>"$TMP/err"
  rc=$?
  eq "$w > /dev/full: exit" "$rc" 3
  grep -q "could not write the output" "$TMP/err" || bad "$w > /dev/full: no message [$(cat "$TMP/err")]"
  # agenda prints as it reads and stops at the failed write: said once
  case "$w" in agenda*)
    eq "$w > /dev/full: messages" "$(grep -c "could not write" "$TMP/err")" 1 ;;
  esac
  ok
done
cli_end
