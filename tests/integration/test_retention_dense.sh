#!/usr/bin/env bash
# The embedded broker keeps only ~5 MiB per partition and silently drops
# older data. Dense variant: ~48 MB of documents that yield ~650,000
# measures (~8,000 per document, megabytes of output per input), so every
# stage, not only the fetcher, must hold its bound inside a document.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/docs"
big="$WORK/big.txt"
# whole sample documents, over and over, to about 3.5 MB: under the fetcher's
# 4 MiB body limit however large examples/ grows
: > "$big"
while [ "$(stat -c %s "$big")" -lt 3500000 ]; do
  for f in "$RP_SRC"/examples/docs/*.txt; do
    cat "$f" >> "$big"
    [ "$(stat -c %s "$big")" -lt 3500000 ] || break
  done
done
size=$(stat -c %s "$big")
n=$(( 48 * 1024 * 1024 / size + 1 ))
for i in $(seq -w 1 "$n"); do cp "$big" "$WORK/docs/doc$i.txt"; done
total=$(du -sb "$WORK/docs" | cut -f1)
echo "input: $n documents, $total bytes"
"$RP_BIN/reportpipe" extract "$WORK"/docs/*.txt > "$WORK/expected.jsonl"
"$RP_BIN/reportpipe" run --out "$WORK/analytics.jsonl" "$WORK"/docs/*.txt 2>"$WORK/run.err" \
  || { tail -20 "$WORK/run.err" >&2; fail "reportpipe run failed"; }
tail -3 "$WORK/run.err"
python3 "$RP_SRC/tests/integration/compare.py" "$WORK/expected.jsonl" "$WORK/analytics.jsonl" \
  || fail "measures lost or duplicated over the broker's retention limit"
echo "retention: OK"
