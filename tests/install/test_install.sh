#!/usr/bin/env bash
# `cmake --install` puts the binary, themes, example config and man page in
# the usual places under the prefix, and the installed binary runs.
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "install test: $*" >&2; exit 1; }
for f in bin/rapport share/rapport/themes/default.yaml share/rapport/themes/light.yaml \
         share/rapport/themes/high-contrast.yaml share/rapport/themes/mono.yaml \
         share/doc/rapport/config.example.yaml share/man/man1/rapport.1 \
         share/bash-completion/completions/rapport; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
[ -x "$prefix/bin/rapport" ] || fail "bin/rapport is not executable"
"$prefix/bin/rapport" --version | grep -q '^rapport ' || fail "installed binary does not run"
echo "install: 1 passed, 0 failed"
