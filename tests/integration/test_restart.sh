#!/usr/bin/env bash
# A parser worker is stopped mid-stream (SIGTERM: graceful drain; SIGKILL:
# crash) and started again. The run must end with every measure in
# analytics and no measure_id twice. usage: test_restart.sh TERM|KILL
source "$(dirname "$0")/lib.sh"
sig=${1:?TERM or KILL}

# 80 documents, each the whole sample corpus: ~36,000 measures, enough work
# that the stop lands mid-stream.
mkdir -p "$WORK/docs"
cat "$RP_SRC"/examples/docs/*.txt > "$WORK/big.txt"
for i in $(seq -w 1 80); do cp "$WORK/big.txt" "$WORK/docs/doc$i.txt"; done
"$RP_BIN/reportpipe" extract "$WORK"/docs/*.txt > "$WORK/expected.jsonl" 2>/dev/null
want=$(wc -l < "$WORK/expected.jsonl")
[ "$want" -gt 1000 ] || fail "extract found too little ($want)"

start_broker 4
start_fixture "$WORK/docs"
start_collector "$WORK/analytics.jsonl"
PIDS+=("$(start_service sink "${SINK_BOUND[@]}")")
victim=$(start_service parser "${PARSER_BOUND[@]}")
PIDS+=("$victim")
PIDS+=("$(start_service parser "${PARSER_BOUND[@]}")")
urls=()
for f in "$WORK"/docs/*; do urls+=("http://127.0.0.1:$HTTP_PORT/$(basename "$f")"); done
"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --allow-hosts 127.0.0.1 \
  --robots=false --host-delay-ms 0 --per-host-max 16 "${FETCH_BOUND[@]}" "${urls[@]}" \
  2>"$WORK/fetcher.err" &
PIDS+=($!)

rows() { wc -l < "$WORK/analytics.jsonl"; }
wait_for 90 bash -c "[ \$(wc -l < $WORK/analytics.jsonl) -ge $((want / 20)) ]" \
  || fail "no progress before the stop"
before=$(rows)
[ "$before" -lt "$want" ] || fail "pipeline finished before the stop; enlarge the input"
kill -s "$sig" "$victim"
t0=$SECONDS
while kill -0 "$victim" 2>/dev/null; do
  [ $((SECONDS - t0)) -lt 30 ] || fail "parser did not stop within 30 s of SIG$sig"
  sleep 0.1
done
if [ "$sig" = TERM ]; then
  grep -q 'drained and committed' "$WORK/parser.err" || fail "no drain log line after SIGTERM"
fi
echo "stopped a parser (SIG$sig) with $before/$want rows in analytics"
PIDS+=("$(start_service parser "${PARSER_BOUND[@]}")")

wait_for 240 bash -c "[ \$(wc -l < $WORK/analytics.jsonl) -ge $want ]" \
  || fail "analytics did not reach $want rows after restart (has $(rows))"
sleep 3
python3 "$RP_SRC/tests/integration/compare.py" "$WORK/expected.jsonl" "$WORK/analytics.jsonl" \
  || fail "analytics incomplete or duplicated after SIG$sig"
echo "restart after SIG$sig: OK (measures topic $(topic_count reportpipe.measures) records, analytics $want rows)"
