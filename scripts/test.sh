#!/usr/bin/env bash
# The second README command: installs, builds and runs every test (unit,
# integration against the embedded broker, ops, eval on the corpora).
# Prints the extraction scores first, then ctest's results.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
build=${RP_BUILD_DIR:-$root/build}
echo "== extraction scores (ANNOTATION.md scoring)"
echo "-- examples/ (the project's corpus)"
"$build/bin/reportpipe" eval --gold "$root/examples/gold" "$root"/examples/docs/* | sed -n '1,7p'
if [ -d "$root/../shared/corpus/gold" ]; then
  echo "-- ../shared/corpus"
  "$build/bin/reportpipe" eval --gold "$root/../shared/corpus/gold" "$root"/../shared/corpus/seeds/* | sed -n '1,7p'
fi
cd "$build"
ctest --output-on-failure -j2 "$@"
