#!/usr/bin/env bash
# Scores `reportpipe eval` (ANNOTATION.md's scoring) on the project's own
# corpus and, when it exists beside the project, on ../shared/corpus. Prints
# P/R/F1 and attribute accuracies; fails below the floor for each corpus.
set -euo pipefail
: "${RP_BIN:?}" "${RP_SRC:?}"
floor_f1=${RP_EVAL_MIN_F1:-0.90}

score() {
  local name=$1 gold=$2; shift 2
  echo "== eval on $name"
  local out
  out=$("$RP_BIN/reportpipe" eval --gold "$gold" "$@")
  echo "$out"
  python3 - "$floor_f1" "$name" <<PY
import re, sys
out = """$out"""
m = re.search(r"F1[^0-9]*([0-9.]+)", out)
if not m:
    sys.exit("no F1 in eval output")
f1 = float(m.group(1))
if f1 < float(sys.argv[1]):
    sys.exit(f"{sys.argv[2]}: F1 {f1} below {sys.argv[1]}")
PY
}

score examples "$RP_SRC/examples/gold" "$RP_SRC"/examples/docs/*
shared="$RP_SRC/../shared/corpus"
if [ -d "$shared/gold" ]; then
  score shared "$shared/gold" "$shared"/seeds/*
else
  echo "SKIP: $shared not present"
fi
