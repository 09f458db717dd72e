#!/usr/bin/env bash
# The full screen on terminals that cannot show it: TERM=dumb (no cursor
# addressing) and an unknown TERM say so and exit 2, before the journal is
# opened or made; the terminals people use open it.
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/terminal "$@"
command -v script >/dev/null || { echo "cli/terminal: script (bsdutils) is needed" >&2; exit 2; }

for t in dumb no-such-terminal; do
  TERM=$t timeout 10 script -qec "$(printf '%q ' "$BIN" --db "$DB"); echo \"rc=\$?\"" /dev/null </dev/null >"$TMP/tty" 2>&1
  out=$(tr -d '\r' < "$TMP/tty")
  printf '%s\n' "$out" | grep -qx 'rc=2' && ok || bad "TERM=$t: exit is not 2: [$out]"
  case $t in
    dumb) printf '%s' "$out" | grep -q 'cannot move the cursor' && ok || bad "TERM=dumb: no message: [$out]" ;;
    *) printf '%s' "$out" | grep -q 'is unknown here' && ok || bad "TERM=$t: no message: [$out]" ;;
  esac
  [ -e "$DB" ] && bad "TERM=$t: a journal was made" || ok
done
for t in xterm-256color tmux-256color screen linux xterm; do
  infocmp "$t" >/dev/null 2>&1 || continue
  # the full screen starts (its tab bar), then C-c ends it
  TERM=$t timeout 10 script -qec "$(printf '%q ' "$BIN" --db "$TMP/ok.db")" /dev/null \
    < <(sleep 1.5; printf '\003') >"$TMP/tty" 2>&1
  grep -q 'Today' "$TMP/tty" && ok || bad "TERM=$t: the full screen did not start"
done
cli_end
