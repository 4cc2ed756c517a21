#!/usr/bin/env bash
# The first README command: installs, builds, and runs the whole pipeline on
# the embedded broker over the bundled sample corpus (examples/docs).
# Analytics rows land in out/analytics.jsonl; a summary goes to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
mkdir -p "$root/out"
"$root/build/bin/reportpipe" run --out "$root/out/analytics.jsonl" "$root"/examples/docs/*
echo "analytics rows: $(wc -l < "$root/out/analytics.jsonl") in out/analytics.jsonl" >&2
