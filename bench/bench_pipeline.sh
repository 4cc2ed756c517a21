#!/usr/bin/env bash
# Whole-pipeline throughput: `reportpipe run` (embedded broker, fetcher
# reading files, two parser workers, sink) over ~20 MB of sample reports.
# Prints documents/s, MB/s and measures/s end to end, start-up included.
set -euo pipefail
: "${RP_BIN:?}" "${RP_SRC:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/docs"
cat "$RP_SRC"/examples/docs/*.txt > "$work/one.txt"
size=$(stat -c %s "$work/one.txt")
n=$(( 20 * 1024 * 1024 / size + 1 ))
for i in $(seq -w 1 "$n"); do cp "$work/one.txt" "$work/docs/d$i.txt"; done
total=$(du -sb "$work/docs" | cut -f1)
start=$(date +%s.%N)
"$RP_BIN/reportpipe" run --out "$work/rows.jsonl" "$work"/docs/*.txt 2>"$work/run.err"
end=$(date +%s.%N)
rows=$(wc -l < "$work/rows.jsonl")
python3 - "$start" "$end" "$n" "$total" "$rows" <<'PY'
import sys
s, e, n, b, r = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
t = e - s
print(f"pipeline: {n} documents, {b/1e6:.1f} MB, {r} measures in {t:.1f} s: "
      f"{n/t:.1f} docs/s, {b/1e6/t:.2f} MB/s, {r/t:.0f} measures/s")
PY
