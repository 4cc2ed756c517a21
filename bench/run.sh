#!/usr/bin/env bash
# Runs every benchmark: the compiled bench_* programs, then the bench_*.sh
# scripts. Each prints its own figures.
set -u
here=$(cd "$(dirname "$0")" && pwd)
status=0
for b in "$RP_BIN"/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" || status=1
done
for s in "$here"/bench_*.sh; do
  [ -f "$s" ] || continue
  echo "== $(basename "$s")"
  bash "$s" || status=1
done
exit $status
