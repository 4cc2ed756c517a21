#!/usr/bin/env bash
# End to end with separate processes: embedded broker, HTTP fixture on
# 127.0.0.1, fetcher, two parsers, sink. The analytics topic must hold
# exactly the measures `reportpipe extract` finds in the same documents;
# a 404 and an unreadable document end in the dead-letter topic.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/docs"
cp "$RP_SRC"/examples/docs/* "$WORK/docs/"
head -c 4096 /dev/urandom > "$WORK/docs/garbage.bin"   # served as octet-stream
"$RP_BIN/reportpipe" extract "$RP_SRC"/examples/docs/* > "$WORK/expected.jsonl"
[ -s "$WORK/expected.jsonl" ] || fail "extract found nothing in examples/"

start_broker 4
start_fixture "$WORK/docs"
PIDS+=("$(start_service sink)")
PIDS+=("$(start_service parser)")
PIDS+=("$(start_service parser)")

urls=()
for f in "$WORK"/docs/*; do urls+=("http://127.0.0.1:$HTTP_PORT/$(basename "$f")"); done
urls+=("http://127.0.0.1:$HTTP_PORT/no-such-page.html")
"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --allow-hosts 127.0.0.1 \
  --robots=false --host-delay-ms 0 --per-host-max 16 "${urls[@]}" 2>"$WORK/fetcher.err" || { cat "$WORK/fetcher.err" >&2; fail "fetcher exited non-zero"; }

want=$(wc -l < "$WORK/expected.jsonl")
wait_for 90 bash -c "[ \$(kcat -b $BOOTSTRAP -C -t reportpipe.analytics -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l) -ge $want ]" \
  || { tail -5 "$WORK"/parser.err >&2; fail "analytics did not reach $want rows"; }
sleep 2   # anything beyond the expected rows would show up now
topic_values reportpipe.analytics > "$WORK/analytics.jsonl"
python3 "$RP_SRC/tests/integration/compare.py" "$WORK/expected.jsonl" "$WORK/analytics.jsonl" \
  || fail "analytics differ from extract"

topic_values reportpipe.dlq > "$WORK/dlq.jsonl"
python3 - "$WORK/dlq.jsonl" <<'PY' || fail "dead letters not as expected"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {(r["stage"], r["reason"]) for r in recs}
print("dead letters:", sorted(by))
assert ("fetcher", "http_404") in by, "404 page must be a fetcher dead letter"
assert any(s == "parser" for s, _ in by), "binary document must be a parser dead letter"
assert all(r["payload_size"] >= 0 and "detail" in r for r in recs)
PY
echo "pipeline: OK ($want measures)"
