#!/usr/bin/env bash
# Prometheus scrapes the services and sees what they did: on the embedded
# broker, the fetcher puts a few generated documents on reportpipe.documents,
# two parsers and a sink (each with --metrics-addr 127.0.0.1 --metrics-port N)
# process them, and Debian's prometheus (127.0.0.1, temp config, 1 s scrape)
# must report through its HTTP API:
#   sum(rp_records_in_total{stage="parser"})  = records on reportpipe.documents
#   sum(rp_records_in_total{stage="sink"})    = records on reportpipe.measures
#   sum(rp_records_out_total{stage="sink"})   = records on reportpipe.analytics
#   every target up, and consumer lag (from librdkafka statistics) back to 0.
set -euo pipefail
: "${RP_BIN:?RP_BIN must point at build/bin}"
: "${RP_SRC:?RP_SRC must point at the source tree}"
source "$RP_SRC/tests/integration/lib.sh"
command -v prometheus >/dev/null || { echo "SKIP: prometheus not installed (apt-get install prometheus)"; exit 0; }
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 0; }
command -v kcat >/dev/null || { echo "SKIP: kcat not installed"; exit 0; }
for b in reportpipe reportpipe-fetcher reportpipe-parser reportpipe-sink; do
  [ -x "$RP_BIN/$b" ] || fail "$RP_BIN/$b is not built"
done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Documents: the project's examples, or short generated work-report
# paragraphs with several quantities each when there are none.
mkdir -p "$WORK/docs"
shopt -s nullglob
examples=("$RP_SRC"/examples/docs/*)
if [ ${#examples[@]} -gt 0 ]; then
  cp "${examples[@]}" "$WORK/docs/"
else
  regions=(甲县 乙县 丙市 丁区 戊镇)
  for i in 0 1 2 3 4; do
    r=${regions[$i]}
    printf '%s%d年政府工作报告\n\n一年来，%s培训党员%d人，新增城镇就业%d人，完成固定资产投资%d.%d亿元。\n全年接待游客%d万人次，地区生产总值增长%d.%d%%。\n' \
      "$r" 2023 "$r" $((1000 + i * 137)) $((2000 + i * 71)) $((3 + i)) $i $((40 + i)) $((5 + i % 3)) $i \
      > "$WORK/docs/report-$i.txt"
  done
fi
n_files=$(ls "$WORK/docs" | wc -l)

start_broker 4
declare -A PORT
targets=()
svc_pids=()
for svc in parser-1 parser-2 sink; do
  PORT[$svc]=$(free_port)
  "$RP_BIN/reportpipe-${svc%-*}" --bootstrap-servers "$BOOTSTRAP" --log-level info \
    --metrics-addr 127.0.0.1 --metrics-port "${PORT[$svc]}" \
    >>"$WORK/$svc.out" 2>>"$WORK/$svc.err" &
  PIDS+=($!)
  svc_pids+=($!)
  targets+=("\"127.0.0.1:${PORT[$svc]}\"")
done

prom_port=$(free_port)
cat > "$WORK/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: reportpipe
    static_configs:
      - targets: [$(IFS=,; echo "${targets[*]}")]
YML
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" --log.level=warn \
  >"$WORK/prometheus.out" 2>"$WORK/prometheus.err" &
PIDS+=($!)
wait_for 30 curl -fs -o /dev/null "http://127.0.0.1:$prom_port/-/ready" \
  || { tail -5 "$WORK/prometheus.err" >&2; fail "prometheus did not start"; }

# One instant query; prints the single value, or "none".
query() {
  curl -fs -m 5 "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$1" \
    | python3 -c 'import json,sys
d=json.load(sys.stdin); r=d["data"]["result"]
print(r[0]["value"][1] if r else "none")'
}
# expect_query SECS PROMQL VALUE
expect_query() {
  local secs=$1 q=$2 want=$3 got=none
  local end=$((SECONDS + secs))
  while :; do
    got=$(query "$q" || echo error)
    [ "$got" = "$want" ] && { echo "  $q = $got"; return 0; }
    [ $SECONDS -lt $end ] || { echo "  $q = $got, wanted $want" >&2; return 1; }
    sleep 1
  done
}
expect_query 30 'count(up{job="reportpipe"} == 1)' 3 || fail "prometheus does not see all three services up"

# Both parsers hold partitions before any document arrives: a replica that
# joins mid-run triggers a rebalance, and what the other had read but not yet
# committed is read again (at-least-once; the sink's ids remove the copies),
# which would make the parsers' input count exceed the topic's.
assigned() {
  curl -fs "http://127.0.0.1:${PORT[$1]}/metrics" \
    | awk '/^rp_assigned_partitions\{stage="parser"/ {print $2}'
}
both_assigned() { [ "$(assigned parser-1)" -gt 0 ] 2>/dev/null && [ "$(assigned parser-2)" -gt 0 ] 2>/dev/null; }
wait_for 60 both_assigned || fail "the two parsers did not share the partitions"

"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --log-level info --allow-files \
  -- "$WORK"/docs/* >"$WORK/fetcher.out" 2>"$WORK/fetcher.err" \
  || { tail -5 "$WORK/fetcher.err" >&2; fail "fetcher exited non-zero"; }
docs_n=$(topic_count reportpipe.documents)
[ "$docs_n" -gt 0 ] || fail "no documents on reportpipe.documents for $n_files files"

# Wait until the pipeline is quiet: analytics stops growing and the parsers
# have counted every document.
parser_in() {
  local n=0 v
  for svc in parser-1 parser-2; do
    v=$(curl -fs "http://127.0.0.1:${PORT[$svc]}/metrics" | awk '/^rp_records_in_total\{stage="parser"\}/ {print $2}')
    n=$((n + ${v:-0}))
  done
  echo $n
}
last=-1; stable=0; end=$((SECONDS + 120))
while [ $SECONDS -lt $end ]; do
  a=$(topic_count reportpipe.analytics)
  if [ "$a" = "$last" ] && [ "$(parser_in)" = "$docs_n" ]; then
    stable=$((stable + 1)); [ $stable -ge 3 ] && break
  else
    stable=0
  fi
  last=$a
  sleep 1
done
measures_n=$(topic_count reportpipe.measures)
analytics_n=$(topic_count reportpipe.analytics)
echo "topics: documents $docs_n, measures $measures_n, analytics $analytics_n"
[ "$analytics_n" -gt 0 ] || { tail -5 "$WORK"/parser-1.err >&2; fail "no analytics rows: nothing to count"; }

expect_query 30 'sum(rp_records_in_total{stage="parser"})' "$docs_n" \
  || fail "Prometheus' parser input count differs from the documents topic"
expect_query 30 'count(rp_records_in_total{stage="parser"})' 2 \
  || fail "Prometheus should hold one parser series per replica"
expect_query 30 'sum(rp_records_in_total{stage="sink"})' "$measures_n" \
  || fail "Prometheus' sink input count differs from the measures topic"
expect_query 30 'sum(rp_records_out_total{stage="sink"})' "$analytics_n" \
  || fail "Prometheus' sink output count differs from the analytics topic"
# librdkafka statistics arrive every 5 s once a metrics port is set.
expect_query 40 'max(rp_kafka_consumer_lag)' 0 \
  || fail "consumer lag from librdkafka statistics did not reach Prometheus as 0"
[ "$(query 'sum(rp_process_seconds_count{stage="parser"})')" = "$docs_n" ] \
  || fail "the parser's processing-time histogram does not count every document"

for pid in "${svc_pids[@]}"; do kill -TERM "$pid"; done
echo "prometheus: OK"
