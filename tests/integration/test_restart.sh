#!/usr/bin/env bash
# A parser worker is stopped mid-stream (SIGTERM: graceful drain; SIGKILL:
# crash) and started again. The run must end with every measure in
# analytics and no measure_id twice. usage: test_restart.sh TERM|KILL
source "$(dirname "$0")/lib.sh"
sig=${1:?TERM or KILL}

# ~200 documents of ~40 KB: enough work that the kill lands mid-stream.
mkdir -p "$WORK/docs"
big="$WORK/big.txt"
for i in 1 2 3 4 5 6; do cat "$RP_SRC"/examples/docs/*.txt; done > "$big"
for i in $(seq -w 1 200); do cp "$big" "$WORK/docs/doc$i.txt"; done
"$RP_BIN/reportpipe" extract "$WORK"/docs/doc001.txt > "$WORK/one.jsonl"
per_doc=$(wc -l < "$WORK/one.jsonl")
[ "$per_doc" -gt 0 ] || fail "extract found nothing"
want=$((per_doc * 200))
"$RP_BIN/reportpipe" extract "$WORK"/docs/*.txt > "$WORK/expected.jsonl"

start_broker 4
start_fixture "$WORK/docs"
urls=()
for f in "$WORK"/docs/*; do urls+=("http://127.0.0.1:$HTTP_PORT/$(basename "$f")"); done
"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --allow-hosts 127.0.0.1 \
  --robots=false "${urls[@]}" 2>"$WORK/fetcher.err" || fail "fetcher exited non-zero"

PIDS+=("$(start_service sink)")
victim=$(start_service parser)
PIDS+=("$victim")
PIDS+=("$(start_service parser)")

count() { kcat -b "$BOOTSTRAP" -C -t reportpipe.analytics -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l; }
wait_for 60 bash -c "[ \$(kcat -b $BOOTSTRAP -C -t reportpipe.measures -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l) -ge $((want / 20)) ]" \
  || fail "no progress before the kill"
done_before=$(count)
[ "$done_before" -lt "$want" ] || fail "pipeline finished before the kill; enlarge the input"
kill -s "$sig" "$victim"
t0=$SECONDS
while kill -0 "$victim" 2>/dev/null; do
  [ $((SECONDS - t0)) -lt 30 ] || fail "parser did not stop within 30 s of SIG$sig"
  sleep 0.1
done
if [ "$sig" = TERM ]; then
  wait "$victim" 2>/dev/null; rc=$?
  grep -q '"drained and committed' "$WORK/parser.err" || fail "no drain log line after SIGTERM"
  [ "$rc" -eq 0 ] || [ "$rc" -eq 127 ] || fail "parser exited $rc after SIGTERM"
fi
echo "killed a parser (SIG$sig) with $done_before/$want rows in analytics"
PIDS+=("$(start_service parser)")

wait_for 120 bash -c "[ \$(kcat -b $BOOTSTRAP -C -t reportpipe.analytics -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l) -ge $want ]" \
  || fail "analytics did not reach $want rows after restart (has $(count))"
sleep 3
topic_values reportpipe.analytics > "$WORK/analytics.jsonl"
python3 "$RP_SRC/tests/integration/compare.py" "$WORK/expected.jsonl" "$WORK/analytics.jsonl" \
  || fail "analytics incomplete or duplicated after SIG$sig"
echo "restart after SIG$sig: OK (measures topic $(topic_count reportpipe.measures), analytics $want)"
