#!/usr/bin/env bash
# README.md's configuration reference is what the programs' config tables
# generate (scripts/gen-config-doc.sh --check), and each program's --help
# names every flag and environment variable its --help-markdown lists (both
# come from one table, so a difference is a bug in the generator).
set -euo pipefail
: "${RP_SRC:?RP_SRC must point at the source tree}"
export RP_BIN=${RP_BIN:-$RP_SRC/build/bin}
fail() { echo "FAIL: $*" >&2; exit 1; }

for p in "reportpipe-fetcher" "reportpipe-parser" "reportpipe-sink" "reportpipe run" "reportpipe broker"; do
  exe=$RP_BIN/${p%% *}
  [ -x "$exe" ] || fail "$exe is not built"
  case "$p" in "reportpipe run"|"reportpipe broker") sub=${p#reportpipe }; md=$("$exe" "$sub" --help-markdown); help=$("$exe" "$sub" --help);;
               *) md=$("$exe" --help-markdown); help=$("$exe" --help);; esac
  n=0
  while IFS= read -r name; do
    grep -qF -- "$name" <<<"$help" || fail "$p --help does not mention $name (its --help-markdown does)"
    n=$((n + 1))
  done < <(grep -o '`--[a-z0-9-]*`\|`RP_[A-Z0-9_]*`' <<<"$md" | tr -d '`')
  [ $n -gt 0 ] || fail "$p --help-markdown lists no settings"
  echo "$p: $((n / 2)) settings in --help and --help-markdown"
done
bash "$RP_SRC/scripts/gen-config-doc.sh" --check "$RP_SRC/README.md"
echo "config doc: OK"
