#!/usr/bin/env bash
# The embedded broker keeps only ~5 MiB per partition and silently drops
# older data. A run whose documents total far more than that (here ~48 MB
# over 4 partitions, ~12 MB each) must still lose nothing: the stages bound
# their backlog against their consumers' commits. Each document is the
# sample corpus plus ~0.8 MB of prose without numbers, so the bytes are large
# and the measure count moderate.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/docs"
big="$WORK/big.txt"
cat "$RP_SRC"/examples/docs/*.txt > "$big"
filler="坚持把党建工作融入中心工作,推动基层组织建设提质增效,持续深化党员教育管理,不断夯实党的执政根基。"
python3 -c "import sys; sys.stdout.write((sys.argv[1] + '\n') * 5500)" "$filler" >> "$big"
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
