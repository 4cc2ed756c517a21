#!/usr/bin/env bash
# Scores `reportpipe eval` on ../shared/corpus (the seed documents with gold)
# and fails below the floors. Skips when the corpus is not beside the tree.
set -euo pipefail
: "${RP_BIN:?}" "${RP_SRC:?}"
corpus="$RP_SRC/../shared/corpus"
if [ ! -d "$corpus/gold" ]; then
  echo "SKIP: $corpus not present"
  exit 0
fi
out=$("$RP_BIN/reportpipe" eval --gold "$corpus/gold" "$corpus"/seeds/*)
echo "$out"
check() { # name floor
  local v
  v=$(printf '%s\n' "$out" | awk -v k="$1" '$1 == k {print $2; exit}')
  [ -n "$v" ] || { echo "FAIL: no $1 in eval output"; exit 1; }
  awk -v v="$v" -v f="$2" 'BEGIN { exit !(v + 0 >= f + 0) }' ||
    { echo "FAIL: $1 $v below $2"; exit 1; }
}
check F1 "${RP_EXTRACT_MIN_F1:-0.97}"
check approx_accuracy 0.95
check subject_accuracy 0.85
check region_accuracy 0.90
echo "OK"
