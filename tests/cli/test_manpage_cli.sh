#!/usr/bin/env bash
# The man page (docs/rapport.1) keeps up with the code: it renders without
# warnings, and it documents every verb and every option the binary lists
# (and no option a verb does not have), every global option and exit
# status, each screen's default keys from the keys: section of
# config.example.yaml (and no action that is not bound there), every
# top-level config key, every environment variable the sources read, and
# the files rapport uses and installs. man is not optional: .ci/deps
# installs man-db.
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/manpage "$@"

SRC=$(cd "${BASH_SOURCE[0]%/*}/../.." && pwd)
PAGE=$SRC/docs/rapport.1
EXAMPLE=$SRC/config.example.yaml

if ! command -v man >/dev/null 2>&1 || ! command -v col >/dev/null 2>&1; then
  bad "man and col are needed (run .ci/deps --test: man-db, bsdextrautils)"
  cli_end
  exit 1
fi
[ -f "$PAGE" ] && ok || bad "no man page at $PAGE"

# ---- renders cleanly ---------------------------------------------------------
warn=$(MANWIDTH=80 man --warnings -l "$PAGE" 2>&1 >/dev/null)
eq "man --warnings at 80 columns" "$warn" ""

# The page rendered on very long lines, so that no tag wraps: a .TP tag is
# a line indented 7 spaces, a .SS heading 3, a .SH heading 0. Typographic
# hyphens and minus signs are read as '-'.
MANWIDTH=1000 man -l "$PAGE" 2>/dev/null | col -bx | sed 's/‐/-/g; s/−/-/g' >"$TMP/page"
[ -s "$TMP/page" ] && ok || bad "man -l rendered nothing"

# section NAME: the rendered lines of section NAME (without its heading).
section() { awk -v s="$1" '$0 == s { f = 1; next } /^[^ \t]/ { f = 0 } f' "$TMP/page"; }
# tags: the .TP tag lines of stdin, without their indentation.
tags() { sed -n 's/^       \([^ ].*\)$/\1/p'; }
# options: the options (-x, --name) in stdin, one per line, sorted, unique.
options() { grep -oE -- '(^|[][ |(])--?[a-zA-Z][a-z-]*' | sed 's/^[][ |(]//' | sort -u; }

for s in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" VERBS KEYS CONFIGURATION "EXIT STATUS" \
         ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
  grep -Fxq -- "$s" "$TMP/page" && ok || bad "the man page has no $s section"
done

# ---- verbs and their options -------------------------------------------------
section VERBS | tags >"$TMP/verb-tags"
verbs=$("$BIN" --help | sed -n '/^Verbs:/,/^$/{s/^  \([a-z][a-z-]*\) .*/\1/p}')
[ -n "$verbs" ] && ok || bad "rapport --help lists no verbs"
for v in $verbs; do
  # every entry of VERB starts with it: "worksheet add skill NAME --kind ..."
  grep -E "^$v( |$)" "$TMP/verb-tags" >"$TMP/entries"
  if [ ! -s "$TMP/entries" ]; then
    bad "VERBS has no entry for '$v'"
    continue
  fi
  [ "$v" = help ] && { ok; continue; }
  "$BIN" help "$v" | sed -n '/^Usage:/,/^$/p' | options >"$TMP/want"
  options <"$TMP/entries" >"$TMP/got"
  missing=$(comm -23 "$TMP/want" "$TMP/got" | tr '\n' ' ')
  extra=$(comm -13 "$TMP/want" "$TMP/got" | tr '\n' ' ')
  eq "man page: options of '$v' missing from its entries" "$missing" ""
  eq "man page: options in the entries of '$v' that it does not have" "$extra" ""
done

# global options, from the "Global options" part of --help
"$BIN" --help | sed -n '/^Global options/,/^$/p' | sed 1d | options >"$TMP/want"
[ -s "$TMP/want" ] && ok || bad "rapport --help lists no global options"
section "GLOBAL OPTIONS" | tags | options >"$TMP/got"
eq "GLOBAL OPTIONS: missing" "$(comm -23 "$TMP/want" "$TMP/got" | tr '\n' ' ')" ""
eq "GLOBAL OPTIONS: not in rapport --help" "$(comm -13 "$TMP/want" "$TMP/got" | tr '\n' ' ')" ""

# exit statuses, from the "Exit status:" lines of --help
codes=$("$BIN" --help | sed -n '/^Exit status:/,/^$/p' | grep -oE '(^|[ :,])[0-9]+ [a-z]' | grep -oE '[0-9]+' | sort -u)
[ -n "$codes" ] && ok || bad "rapport --help lists no exit statuses"
section "EXIT STATUS" | tags >"$TMP/exit-tags"
for c in $codes; do
  grep -Eq "^$c( |$)" "$TMP/exit-tags" && ok || bad "EXIT STATUS does not list $c"
done

# ---- keys: each scope's bound actions with exactly their default keys --------
# config.example.yaml's keys: section as "scope action key,key,...".
awk '
  /^keys:[ \t]*$/ { on = 1; next }
  on && /^[^ \t#]/ { on = 0 }
  !on { next }
  /^  [a-z]+:[ \t]*$/ { scope = $1; sub(/:$/, "", scope); next }
  /^    [a-z-]+:/ {
    line = $0
    sub(/^ +/, "", line)
    action = line; sub(/:.*/, "", action)
    val = line; sub(/^[a-z-]+:[ \t]*/, "", val); sub(/[ \t]+#.*$/, "", val)
    if (val ~ /^\[/) { sub(/^\[/, "", val); sub(/\][ \t]*$/, "", val) }
    n = split(val, parts, ",")
    keys = ""
    for (i = 1; i <= n; i++) {
      k = parts[i]
      gsub(/^[ \t]+|[ \t]+$/, "", k)
      if (k ~ /^".*"$/) { k = substr(k, 2, length(k) - 2); gsub(/\\\\/, "\\", k) }
      else if (k ~ /^'\''.*'\''$/) k = substr(k, 2, length(k) - 2)
      if (k != "") keys = keys (keys == "" ? "" : ",") k
    }
    print scope, action, keys
  }' "$EXAMPLE" >"$TMP/bindings"
nbind=$(wc -l <"$TMP/bindings")
[ "$nbind" -ge 40 ] && ok || bad "read only $nbind bindings from the keys: section of $EXAMPLE"

section KEYS >"$TMP/keys"
# subsection SCOPE: the KEYS lines under the heading ending in "(SCOPE)".
subsection() {
  awk -v s="($1)" '
    /^   [^ ]/ { t = $0; sub(/[ \t]+$/, "", t); f = (substr(t, length(t) - length(s) + 1) == s); next }
    f' "$TMP/keys"
}
for scope in $(cut -d' ' -f1 "$TMP/bindings" | uniq); do
  subsection "$scope" >"$TMP/sub"
  if [ ! -s "$TMP/sub" ]; then
    bad "KEYS has no subsection headed \"... ($scope)\""
    continue
  fi
  # "q, C-c (quit)" -> "quit q,C-c" (the keys in the page's order)
  tags <"$TMP/sub" | sed -n 's/^\([^(]*[^ (]\) (\([a-z][a-z-]*\))\( .*\)\{0,1\}$/\2 \1/p' |
    sed 's/, /,/g' >"$TMP/documented"
  while read -r s action keys; do
    [ "$s" = "$scope" ] || continue
    [ -n "$keys" ] || continue # unbound by default: nothing to document
    got=$(awk -v a="$action" '$1 == a { sub(/^[^ ]+ /, ""); print; exit }' "$TMP/documented")
    if [ -z "$got" ]; then
      bad "KEYS ($scope) does not document the action $action ($keys)"
      continue
    fi
    eq "KEYS ($scope) $action" "$(tr ',' '\n' <<<"$got" | sort | tr '\n' ' ')" \
      "$(tr ',' '\n' <<<"$keys" | sort | tr '\n' ' ')"
  done <"$TMP/bindings"
  # and nothing documented that is not bound there
  while read -r action _; do
    grep -Eq "^$scope $action [^ ]" "$TMP/bindings" && ok ||
      bad "KEYS ($scope) documents $action, which is not bound in $scope in $EXAMPLE"
  done <"$TMP/documented"
done

# ---- configuration: every top-level key (also the commented-out database:) ---
section CONFIGURATION | tags >"$TMP/config-tags"
topkeys=$(grep -oE '^#?[a-z_]+:' "$EXAMPLE" | tr -d '#:' | sort -u)
[ -n "$topkeys" ] && ok || bad "no top-level keys found in $EXAMPLE"
for k in $topkeys; do
  grep -Eq "^$k( |$)" "$TMP/config-tags" && ok || bad "CONFIGURATION does not describe the key $k"
done

# ---- environment: every variable the sources read -----------------------------
section ENVIRONMENT | tags >"$TMP/env-tags"
vars=$(grep -rhoE '(getenv|xdg_var)\("[A-Za-z_][A-Za-z0-9_]*"' "$SRC/src" | sed 's/.*("//; s/"$//' | sort -u)
[ -n "$vars" ] && ok || bad "found no getenv calls in $SRC/src"
for v in $vars; do
  grep -Eq "(^|[ ,])$v(,|$| )" "$TMP/env-tags" && ok || bad "ENVIRONMENT does not describe \$$v"
done

# ---- files: the journal, the config, themes and what cmake --install adds -----
section FILES | tags >"$TMP/file-tags"
for f in rapport/journal.db rapport/config.yaml rapport/themes/NAME.yaml \
         share/rapport/themes/NAME.yaml doc/rapport/config.example.yaml \
         bash-completion/completions/rapport; do
  grep -Fq -- "$f" "$TMP/file-tags" && ok || bad "FILES does not list .../$f"
done

cli_end
