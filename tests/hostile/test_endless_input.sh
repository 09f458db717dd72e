#!/usr/bin/env bash
# Readers are bounded: an endless device (/dev/zero, /dev/urandom) given as
# a file or as standard input, and a file larger than the limit, are
# refused at once with a message naming what is wrong (exit 2), never read
# until memory runs out. Every verb that reads a file or standard input.
. "$(dirname "$0")/../cli/lib.sh"
cli_begin hostile/endless-input "$@"

run add "Ada Lovelace"; expect 0
quick() { # LABEL CMD...: runs within 20 s, exit 2, a message
  local label=$1; shift
  timeout 20 "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST=$label
}
for dev in /dev/zero /dev/urandom; do
  for kind in linkedin vcard csv json; do
    quick "import $kind $dev" "$BIN" --db "$DB" import "$kind" "$dev"; expect 2 "$dev: not a regular file"
    timeout 20 "$BIN" --db "$DB" import "$kind" - <"$dev" >"$TMP/out" 2>"$TMP/err"
    RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST="import $kind - < $dev"
    expect 2 "not a regular file"
  done
  quick "draft check $dev" "$BIN" --db "$DB" draft check "$dev"; expect 2 "not a regular file"
  timeout 20 "$BIN" --db "$DB" draft check - <"$dev" >"$TMP/out" 2>"$TMP/err"
  RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST="draft check - < $dev"; expect 2 "not a regular file"
  timeout 20 "$BIN" --db "$DB" worksheet set want - <"$dev" >"$TMP/out" 2>"$TMP/err"
  RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST="worksheet set want - < $dev"; expect 2 "not a regular file"
  quick "--config $dev" "$BIN" --config "$dev" --db "$DB" list; expect 2 "not a regular file"
done
# larger than the limits (sparse files: nothing is really written)
truncate -s 70M "$TMP/big.yaml"
quick "--config of 70 MB" "$BIN" --config "$TMP/big.yaml" --db "$DB" list; expect 2 "larger than 64 MiB, the most rapport reads"
truncate -s 300M "$TMP/big.csv"
quick "import of 300 MB" "$BIN" --db "$DB" import csv "$TMP/big.csv"; expect 2 "larger than 256 MiB, the most rapport reads"
truncate -s 70M "$TMP/big.txt"
quick "draft check of 70 MB" "$BIN" --db "$DB" draft check "$TMP/big.txt"; expect 2 "larger than 64 MiB"
eq "nothing was added" "$("$BIN" --db "$DB" list --format tsv | tail -n +2 | wc -l)" 1
cli_end
