#!/usr/bin/env bash
# /healthz and /readyz of the consumer-group services (parser, sink) through
# a broker's life:
#   1. before any broker is reachable: /healthz 200 (the process works),
#      /readyz 503 (not connected), /metrics answers;
#   2. with the embedded broker up: /readyz turns 200, /healthz stays 200;
#   3. all brokers down (`reportpipe broker` on SIGUSR1): the process keeps
#      running, /healthz stays 200 (liveness must not restart it for an
#      outage), /readyz turns 503;
#   4. brokers back (SIGUSR2): /readyz returns to 200;
#   5. SIGTERM: exit 0 within the drain timeout;
#   6. SIGTERM while every broker is down, after the service joined its
#      group and stored an offset: it still exits, with 0 or with 3 (the
#      drain deadline: the final commit and the group leave wait for a
#      coordinator that never answers) at the drain timeout + 2 s; what
#      is not committed is consumed again, at-least-once.
# Everything on 127.0.0.1.
set -euo pipefail
: "${RP_BIN:?RP_BIN must point at build/bin}"
: "${RP_SRC:?RP_SRC must point at the source tree}"
source "$RP_SRC/tests/integration/lib.sh"
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 0; }
# RP_OPS_SERVICES picks the services (default: all three; the fetcher runs
# as a service with --consume-sources).
SERVICES=(${RP_OPS_SERVICES:-parser sink fetcher})
for b in reportpipe "${SERVICES[@]/#/reportpipe-}"; do
  [ -x "$RP_BIN/$b" ] || fail "$RP_BIN/$b is not built"
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1$2" || true; }
# expect_code SECS PORT PATH CODE: waits until PATH answers CODE.
expect_code() {
  local secs=$1 port=$2 path=$3 want=$4 got
  local end=$((SECONDS + secs))
  while :; do
    got=$(code "$port" "$path")
    [ "$got" = "$want" ] && return 0
    [ $SECONDS -lt $end ] || { echo "  $path answered $got, wanted $want" >&2; return 1; }
    sleep 0.2
  done
}
# holds SECS PORT PATH CODE: PATH answers CODE at every check for SECS seconds.
holds() {
  local secs=$1 port=$2 path=$3 want=$4 got
  local end=$((SECONDS + secs))
  while [ $SECONDS -lt $end ]; do
    got=$(code "$port" "$path")
    [ "$got" = "$want" ] || { echo "  $path answered $got, wanted $want throughout" >&2; return 1; }
    sleep 0.5
  done
}
alive() { kill -0 "$1" 2>/dev/null; }

DRAIN_MS=5000
# A port nothing listens on: the "unreachable broker" of phase 1.
dead_port=$(free_port)

declare -A PID PORT
# launch SVC PHASE BOOTSTRAP: starts a service as a child of this shell (so
# its exit code can be collected) and records its pid.
launch() {
  local svc=$1 phase=$2 bootstrap=$3
  local extra=()
  [ "$svc" = fetcher ] && extra=(--consume-sources)  # the fetcher as a service
  "$RP_BIN/reportpipe-$svc" "${extra[@]}" "${@:4}" --bootstrap-servers "$bootstrap" --log-level info \
    --metrics-addr 127.0.0.1 --metrics-port "${PORT[$svc]}" --drain-timeout-ms $DRAIN_MS \
    >>"$WORK/$svc-$phase.out" 2>>"$WORK/$svc-$phase.err" &
  PID[$svc]=$!
  PIDS+=("${PID[$svc]}")
}
for svc in "${SERVICES[@]}"; do
  PORT[$svc]=$(free_port)
  launch "$svc" 1 "127.0.0.1:$dead_port"
done
for svc in "${SERVICES[@]}"; do
  p=${PORT[$svc]}
  expect_code 10 "$p" /healthz 200 || fail "$svc: /healthz not 200 before the broker is reachable"
  holds 3 "$p" /readyz 503 || fail "$svc: /readyz must be 503 while no broker is reachable"
  expect_code 2 "$p" /metrics 200 || fail "$svc: /metrics does not answer"
  alive "${PID[$svc]}" || fail "$svc exited while the broker was unreachable"
  echo "$svc, no broker: /healthz 200, /readyz 503, /metrics 200"
done
for svc in "${SERVICES[@]}"; do
  kill -TERM "${PID[$svc]}"
done
for svc in "${SERVICES[@]}"; do
  wait_for $((DRAIN_MS / 1000 + 10)) bash -c "! kill -0 ${PID[$svc]} 2>/dev/null" \
    || fail "$svc: SIGTERM with no broker did not stop it within the drain timeout"
  wait "${PID[$svc]}" || true
done

start_broker 4
# After the outage below, a client waits up to reconnect.backoff.max.ms
# (librdkafka's 10 s by default) before it dials a broker again: /readyz
# can be back while the fetcher's group coordinator is still in backoff, and
# a SIGTERM then drains past the 5 s timeout (exit 3). Phase 5 tests a clean
# stop, so the clients here retry within a second.
for svc in "${SERVICES[@]}"; do
  launch "$svc" 2 "$BOOTSTRAP" -X reconnect.backoff.max.ms=1000
done
for svc in "${SERVICES[@]}"; do
  p=${PORT[$svc]}
  expect_code 45 "$p" /readyz 200 || { tail -5 "$WORK/$svc-2.err" >&2; fail "$svc: /readyz not 200 with the broker up"; }
  expect_code 2 "$p" /healthz 200 || fail "$svc: /healthz not 200 with the broker up"
  echo "$svc, broker up: /readyz 200, /healthz 200"
done

kill -USR1 "$BROKER_PID"
for svc in "${SERVICES[@]}"; do
  p=${PORT[$svc]}
  expect_code 60 "$p" /readyz 503 || { tail -5 "$WORK/$svc-2.err" >&2; fail "$svc: /readyz still 200 with every broker down"; }
done
for svc in "${SERVICES[@]}"; do
  holds 3 "${PORT[$svc]}" /healthz 200 || fail "$svc: /healthz must stay 200 through a broker outage"
  alive "${PID[$svc]}" || fail "$svc exited during a broker outage"
  echo "$svc, brokers down: /readyz 503, /healthz 200, still running"
done

kill -USR2 "$BROKER_PID"
for svc in "${SERVICES[@]}"; do
  expect_code 90 "${PORT[$svc]}" /readyz 200 || { tail -5 "$WORK/$svc-2.err" >&2; fail "$svc: /readyz did not return to 200 after the brokers came back"; }
  echo "$svc, brokers back: /readyz 200"
done

for svc in "${SERVICES[@]}"; do
  kill -TERM "${PID[$svc]}"
done
for svc in "${SERVICES[@]}"; do
  rc=0
  timeout $((DRAIN_MS / 1000 + 10)) tail --pid="${PID[$svc]}" -f /dev/null || fail "$svc: did not exit within the drain timeout after SIGTERM"
  wait "${PID[$svc]}" || rc=$?
  [ $rc -eq 0 ] || { tail -$(( rc > 128 ? 60 : 5 )) "$WORK/$svc-2.err" >&2; fail "$svc exited $rc after SIGTERM"; }
  echo "$svc: SIGTERM -> exit 0"
done

# Offsets are committed only at shutdown here, so each service has one to
# commit when its brokers are gone: a record on each input topic (an empty
# source, a document, a measure that is not JSON) is consumed and stored.
for svc in "${SERVICES[@]}"; do
  launch "$svc" 3 "$BOOTSTRAP" -X auto.commit.interval.ms=600000
done
for svc in "${SERVICES[@]}"; do
  expect_code 45 "${PORT[$svc]}" /readyz 200 || { tail -5 "$WORK/$svc-3.err" >&2; fail "$svc: /readyz not 200 on restart"; }
done
if command -v kcat >/dev/null; then
  printf '\n' | kcat -b "$BOOTSTRAP" -P -t reportpipe.sources -Z 2>/dev/null
  printf 'url\t报告称培训党员120人。\n' | kcat -b "$BOOTSTRAP" -P -t reportpipe.documents -K '\t' 2>/dev/null
  printf 'not json\n' | kcat -b "$BOOTSTRAP" -P -t reportpipe.measures 2>/dev/null
  sleep 3
fi
kill -USR1 "$BROKER_PID"
for svc in "${SERVICES[@]}"; do
  expect_code 60 "${PORT[$svc]}" /readyz 503 || fail "$svc: /readyz still 200 with every broker down"
done
# The watchdog ends a drain at the timeout + 2 s (test_signal times it
# exactly); 3 s more here for a loaded machine to schedule the exit.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(now_ms)
for svc in "${SERVICES[@]}"; do
  kill -TERM "${PID[$svc]}"
done
for svc in "${SERVICES[@]}"; do
  left=$(( t0 + DRAIN_MS + 5000 - $(now_ms) ))
  (( left > 0 )) && timeout "$(( (left + 999) / 1000 ))" tail -s 0.1 --pid="${PID[$svc]}" -f /dev/null \
    || { tail -5 "$WORK/$svc-3.err" >&2; fail "$svc: SIGTERM with its brokers gone did not stop it within the drain timeout + 5 s"; }
  took=$(( $(now_ms) - t0 ))
  rc=0; wait "${PID[$svc]}" || rc=$?
  case $rc in
    0) ;;
    3) grep -q "drain deadline passed" "$WORK/$svc-3.err" || fail "$svc: exit 3 without the drain-deadline log line" ;;
    *) tail -5 "$WORK/$svc-3.err" >&2; fail "$svc: exited $rc after SIGTERM with its brokers down" ;;
  esac
  echo "$svc: SIGTERM with brokers down -> exit $rc, stopped within ${took} ms (drain timeout ${DRAIN_MS} ms)"
done
echo "health: OK"
