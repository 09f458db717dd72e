#!/usr/bin/env bash
# The bash completion script (docs/rapport.bash-completion) offers what the
# binary says it has: every verb of `rapport --help`, each verb's sub-forms
# and options, option values, contact names and files; and every verb
# answers `--help`.
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/completion "$@"

PATH="$(cd "$(dirname "$BIN")" && pwd):$PATH"
# shellcheck source=/dev/null
. "${BASH_SOURCE[0]%/*}/../../docs/rapport.bash-completion"

# comp WORDS...: what completion offers for the last word (space-separated)
comp() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _rapport
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

verbs=$("$BIN" --help | sed -n '/^Verbs:/,/^$/{s/^  \([a-z][a-z-]*\) .*/\1/p}' | sort | tr '\n' ' ' | sed 's/ $//')
[ -n "$verbs" ] && ok || bad "rapport --help lists no verbs"
eq "every verb completes" "$(comp rapport "")" "$verbs"
eq "verbs after global options" "$(comp rapport --db "$DB" "")" "$verbs"
eq "a prefix" "$(comp rapport wo)" "worksheet"
eq "global options" "$(comp rapport --)" "--config --db --help --theme --version"
eq "worksheet sub-forms" "$(comp rapport worksheet "")" "add delete set"
eq "followup sub-forms" "$(comp rapport followup "")" "add done snooze"
eq "list options" "$(comp rapport list --)" "--format --help --limit --sort --stage --tag"
eq "list --format values" "$(comp rapport list --format "")" "json table tsv"
eq "--theme values" "$(comp rapport --theme h)" "high-contrast"
run add "Zoë Ørsted" --org Acme
expect 0
run add "Zed Shaw"
expect 0
eq "contact names for NAME" "$(comp rapport --db "$DB" give Z)" "Zed Shaw Zoë Ørsted"
touch "$TMP/draft.txt"
eq "files for FILE" "$(comp rapport draft check "$TMP/dra")" "$TMP/draft.txt"
# every verb's options are offered (none of them is missed by the parser)
for v in $verbs; do
  [ "$v" = help ] && continue
  want=$("$BIN" help "$v" | sed -n '/^Usage:/,/^$/p' | grep -o -- '--[a-z][a-z-]*' | sort -u | tr '\n' ' ')
  # `rapport VERB --help` is `rapport help VERB`
  "$BIN" "$v" --help >"$TMP/help" 2>&1 && head -1 "$TMP/help" | grep -q "^Usage: rapport $v" ||
    bad "rapport $v --help: $(head -2 "$TMP/help")"
  got=$(comp rapport "$v" --)
  for o in $want; do
    case " $got " in *" $o "*) ;; *) bad "rapport $v: completion lacks $o (got: $got)";; esac
  done
done
ok
cli_end
