#!/usr/bin/env bash
# --consume-sources: URLs from the sources topic (key = URL) become documents;
# a dead letter names the source record (topic, partition, offset); /metrics
# counts them and shows the host records kept (rp_fetch_hosts); SIGTERM lets
# the in-flight transfer finish, produces its outcome and exits 0; offsets
# are committed only for acknowledged outcomes, so a restart fetches only
# what is new.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
start_broker
start_fixture
MPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

send() { for u in "$@"; do printf '%s|%s\n' "$u" "$u"; done | kcat -P -b "$BOOTSTRAP" -t reportpipe.sources -K '|'; }
ndocs() { kcat -C -b "$BOOTSTRAP" -t reportpipe.documents -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l; }
docs_at_least() { [ "$(ndocs)" -ge "$1" ]; }
dlq_at_least() { [ "$(kcat -C -b "$BOOTSTRAP" -t reportpipe.dlq -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l)" -ge "$1" ]; }
hits_at_least() { [ "$(hits "$1")" -ge "$2" ]; }

send "$BASE/_fx/page/s1" "$BASE/_fx/status/404?src=1"
# docs/schemas/source.schema.json also allows no key and a JSON value
printf '{"schema_version":1,"url":"%s"}\n' "$BASE/_fx/page/s2" | kcat -P -b "$BOOTSTRAP" -t reportpipe.sources
"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --consume-sources --allow-hosts 127.0.0.1 \
  --host-delay-ms 0 --metrics-addr 127.0.0.1 --metrics-port "$MPORT" \
  >"$WORK/fetch-consume.out" 2>"$WORK/fetch-consume.err" &
FPID=$!
PIDS+=($FPID)
wait_for 60 docs_at_least 2 || fail "consumed sources were not fetched"
wait_for 30 dlq_at_least 1 || fail "no dead letter for the 404 source"
sources=$(dump reportpipe.sources)
check "
assert doc('$BASE/_fx/page/s1') and doc('$BASE/_fx/page/s2')
assert reason('$BASE/_fx/status/404?src=1') == 'http_404'
# the dead letter names the source record as its origin, as parser and sink do
src = [m for m in load('$sources') if m['key'] == '$BASE/_fx/status/404?src=1']
assert len(src) == 1, src
d = [json.loads(m['payload']) for m in dlq if m['key'] == '$BASE/_fx/status/404?src=1'][-1]
assert d['stage'] == 'fetcher', d
assert (d['topic'], d['partition'], d['offset']) == ('reportpipe.sources', src[0]['partition'], src[0]['offset']), (d, src[0])
" "consumed sources"
ok "sources topic (key = URL, or a JSON value) -> documents and a dead letter"
ok "the dead letter of a consumed source carries its topic, partition and offset"
wait_for 10 sh -c "curl -s http://127.0.0.1:$MPORT/metrics | grep -q 'rp_fetch_total{outcome=\"failed\"} 1'" \
  || fail "/metrics: $(curl -s http://127.0.0.1:$MPORT/metrics | grep rp_fetch | head)"
curl -s "http://127.0.0.1:$MPORT/metrics" | grep -q 'rp_fetch_total{outcome="fetched"} 2' || fail "metrics fetched"
curl -s "http://127.0.0.1:$MPORT/metrics" | grep -q 'rp_fetch_failures_total{reason="http_404"} 1' || fail "metrics failures"
curl -s "http://127.0.0.1:$MPORT/metrics" | grep -q '^rp_fetch_hosts 1$' \
  || fail "metrics hosts: $(curl -s http://127.0.0.1:$MPORT/metrics | grep rp_fetch_hosts)"
ok "/metrics: rp_fetch_total by outcome, rp_fetch_failures_total by reason, rp_fetch_hosts"

# SIGTERM while a slow transfer runs: it finishes and is produced.
SLOW="$BASE/_fx/slow?bytes=64&chunk=16&delay=0.5&src=drain"
send "$SLOW"
wait_for 30 hits_at_least '/_fx/slow?bytes=64&chunk=16&delay=0.5&src=drain' 1 || fail "slow source not started"
kill -TERM "$FPID"
set +e; wait "$FPID"; rc=$?; set -e
[ "$rc" = 0 ] || fail "fetcher exited $rc after SIGTERM"
check "assert doc('$SLOW') is not None, 'in-flight transfer drained into a document'" "drain"
grep -q '"fetch summary","fetched":"3"' "$WORK/fetch-consume.err" || fail "drain summary"
ok "SIGTERM: in-flight transfer finished, produced, exit 0"

# Restart: committed offsets mean only the new URL is fetched.
send "$BASE/_fx/page/s3"
"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --consume-sources --allow-hosts 127.0.0.1 \
  --host-delay-ms 0 >"$WORK/fetch-again.out" 2>"$WORK/fetch-again.err" &
FPID=$!
PIDS+=($FPID)
wait_for 60 docs_at_least 4 || fail "new source after restart not fetched"
sleep 2
kill -TERM "$FPID"
set +e; wait "$FPID"; rc=$?; set -e
[ "$rc" = 0 ] || fail "second fetcher exited $rc"
grep -q '"fetch summary","fetched":"1","not_modified":"0","unchanged":"0","failed":"0"' "$WORK/fetch-again.err" \
  || fail "restart re-fetched committed sources: $(grep summary "$WORK/fetch-again.err")"
ok "restart: committed sources not fetched again; the new one is"
