# Helpers for integration tests: separate processes on loopback only.
# Source it; it sets a trap that stops everything the test started.
set -euo pipefail
: "${RP_BIN:?RP_BIN must point at build/bin}"
: "${RP_SRC:?RP_SRC must point at the source tree}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rp-it.XXXXXX")
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  sleep 0.3
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
  if [ "${RP_KEEP_WORK:-0}" = 1 ]; then echo "work dir kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# Waits until a command succeeds, up to $1 seconds.
wait_for() {
  local secs=$1; shift
  local end=$((SECONDS + secs))
  until "$@"; do
    [ $SECONDS -lt $end ] || return 1
    sleep 0.2
  done
}

# Starts the embedded broker; sets BOOTSTRAP.
start_broker() {
  "$RP_BIN/reportpipe" broker --partitions "${1:-4}" >"$WORK/broker.out" 2>"$WORK/broker.err" &
  PIDS+=($!)
  BROKER_PID=$!
  wait_for 10 test -s "$WORK/broker.out" || fail "broker did not start"
  BOOTSTRAP=$(head -n1 "$WORK/broker.out")
  case "$BOOTSTRAP" in 127.0.0.1:*|localhost:*) ;; *) fail "broker not on loopback: $BOOTSTRAP";; esac
}

# Serves directory $1 over HTTP on 127.0.0.1; sets HTTP_PORT.
start_fixture() {
  python3 "$RP_SRC/tests/fixtures/http_fixture.py" --root "$1" >"$WORK/http.out" 2>"$WORK/http.err" &
  PIDS+=($!)
  wait_for 10 test -s "$WORK/http.out" || fail "fixture server did not start"
  HTTP_PORT=$(head -n1 "$WORK/http.out" | tr -dc '0-9')
}

# Starts a service in the background with logs in $WORK; echoes its pid.
start_service() {
  local name=$1; shift
  "$RP_BIN/reportpipe-$name" --bootstrap-servers "$BOOTSTRAP" --log-level info \
    -X session.timeout.ms=6000 -X heartbeat.interval.ms=500 "$@" \
    >>"$WORK/$name.out" 2>>"$WORK/$name.err" &
  echo $!
}

# A consumer-group reader of the analytics topic appending rows to $1, as a
# BI loader would; its commits let the sink's backlog bound move.
start_collector() {
  kcat -b "$BOOTSTRAP" -G it-collector -X auto.offset.reset=earliest -X auto.commit.interval.ms=500 -u -q -f '%s\n' \
    reportpipe.analytics >"$1" 2>"$WORK/collector.err" &
  PIDS+=($!)
}

# Backlog bounds as `reportpipe run` sets them: each producing stage waits for
# its consumer group, so the embedded broker's retention never drops data.
BOUND=3145728
PARSER_BOUND=(--backlog-group reportpipe-sink --backlog-max-bytes $BOUND)
SINK_BOUND=(--backlog-group it-collector --backlog-max-bytes $BOUND)
FETCH_BOUND=(--backlog-group reportpipe-parser --backlog-max-bytes $BOUND)

# Values of a topic, one per line (kcat, from the beginning to the end).
topic_values() {
  kcat -b "$BOOTSTRAP" -C -t "$1" -o beginning -e -q -f '%s\n' 2>/dev/null
}
topic_count() {
  kcat -b "$BOOTSTRAP" -C -t "$1" -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l
}
