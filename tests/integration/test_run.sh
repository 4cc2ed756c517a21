#!/usr/bin/env bash
# `reportpipe run` over the sample corpus: exits 0, writes as many rows as
# extract finds, prints a summary.
source "$(dirname "$0")/lib.sh"
"$RP_BIN/reportpipe" extract "$RP_SRC"/examples/docs/* > "$WORK/expected.jsonl"
"$RP_BIN/reportpipe" run --out "$WORK/rows.jsonl" "$RP_SRC"/examples/docs/* 2>"$WORK/run.err" \
  || { tail -20 "$WORK/run.err" >&2; fail "run failed"; }
grep -q "analytics rows" "$WORK/run.err" || fail "no summary on stderr"
python3 "$RP_SRC/tests/integration/compare.py" "$WORK/expected.jsonl" "$WORK/rows.jsonl" \
  || fail "run output differs from extract"
tail -1 "$WORK/run.err"
