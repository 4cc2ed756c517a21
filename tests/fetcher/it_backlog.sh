#!/usr/bin/env bash
# Backlog bound: with --backlog-group G --backlog-max-bytes N the fetcher
# stops starting transfers while G has more than N bytes of documents not
# committed, and resumes when G catches up (here: kcat consuming as G).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
start_broker
start_fixture
URLS=()
for i in $(seq 1 12); do URLS+=("$BASE/_fx/big?bytes=20000&n=$i"); done
ndocs() { kcat -C -b "$BOOTSTRAP" -t reportpipe.documents -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l; }

"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --allow-hosts 127.0.0.1 \
  --host-delay-ms 0 --max-transfers 1 --per-host-max 1 \
  --backlog-group rp-test-slow --backlog-max-bytes 50000 "${URLS[@]}" \
  >"$WORK/fetch-backlog.out" 2>"$WORK/fetch-backlog.err" &
FPID=$!
PIDS+=($FPID)
paused() { grep -q 'backlog bound reached, pausing' "$WORK/fetch-backlog.err"; }
wait_for 30 paused || fail "backlog bound never reached"
sleep 1.5
n=$(ndocs)
[ "$n" -lt 12 ] || fail "fetcher did not pause: $n documents"
kill -0 "$FPID" 2>/dev/null || fail "fetcher ended while the backlog was full"
ok "paused at the bound with $n of 12 documents produced"

# The downstream group consumes and commits: the fetcher resumes and ends.
kcat -b "$BOOTSTRAP" -G rp-test-slow -o beginning -q -X auto.commit.interval.ms=100 \
  reportpipe.documents >/dev/null 2>&1 &
PIDS+=($!)
set +e; timeout 60 tail --pid="$FPID" -f /dev/null; wait "$FPID"; rc=$?; set -e
[ "$rc" = 0 ] || fail "fetcher exited $rc"
[ "$(ndocs)" = 12 ] || fail "expected 12 documents, got $(ndocs)"
grep -q 'backlog drained, resuming' "$WORK/fetch-backlog.err" || fail "no resume logged"
ok "resumed after the downstream group committed; all 12 documents produced, exit 0"
