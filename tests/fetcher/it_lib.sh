# Helpers for the fetcher's integration scripts: separate processes on
# loopback only (embedded broker, HTTP fixture, reportpipe-fetcher). Source
# it; a trap stops everything the script started and removes its work dir.
set -euo pipefail
: "${RP_BIN:?RP_BIN must point at the bin dir of the build}"
: "${RP_SRC:?RP_SRC must point at the source tree}"
RP_BUILD=${RP_BUILD:-$(dirname "$RP_BIN")}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rp-fetch-it.XXXXXX")
PIDS=()

it_cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  sleep 0.2
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; done
  if [ "${RP_KEEP_WORK:-0}" = 1 ]; then echo "work dir kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap it_cleanup EXIT
trap "exit 130" INT TERM

fail() {
  echo "FAIL: $*" >&2
  for f in "$WORK"/fetch*.err; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }; done
  exit 1
}
ok() { echo "ok - $*"; }

wait_for() {
  local secs=$1; shift
  local end=$((SECONDS + secs))
  until "$@"; do [ $SECONDS -lt $end ] || return 1; sleep 0.1; done
}

# The embedded broker: `reportpipe broker` when built, else the test stand-in
# (same rp_broker code). Sets BOOTSTRAP.
start_broker() {
  if [ -x "$RP_BIN/reportpipe" ]; then
    "$RP_BIN/reportpipe" broker --partitions 4 >"$WORK/broker.out" 2>"$WORK/broker.err" &
  else
    "$RP_BUILD/tests/fetch_test_broker" 4 >"$WORK/broker.out" 2>"$WORK/broker.err" &
  fi
  PIDS+=($!)
  wait_for 15 test -s "$WORK/broker.out" || fail "broker did not start"
  BOOTSTRAP=$(head -n1 "$WORK/broker.out")
  case "$BOOTSTRAP" in 127.0.0.1:*) ;; *) fail "broker not on loopback: $BOOTSTRAP";; esac
}

# The HTTP fixture on 127.0.0.1 (extra args passed on); sets HTTP_PORT, BASE.
start_fixture() {
  mkdir -p "$WORK/root"
  python3 "$RP_SRC/tests/fixtures/http_fixture.py" --root "$WORK/root" "$@" \
    >"$WORK/http.out" 2>"$WORK/http.err" &
  PIDS+=($!)
  wait_for 10 test -s "$WORK/http.out" || fail "fixture did not start"
  HTTP_PORT=$(head -n1 "$WORK/http.out" | tr -dc '0-9')
  BASE="http://127.0.0.1:$HTTP_PORT"
}

# Runs the fetcher to completion: fetch NAME ARGS... ; sets FETCH_RC.
# Logs in $WORK/fetch-NAME.err. Fast retries and no politeness delay unless
# the arguments say otherwise (later flags win).
fetch() {
  local name=$1; shift
  set +e
  timeout 120 "$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --log-level info \
    --host-delay-ms 0 --retry-base-ms 50 --retry-max-ms 200 "$@" \
    >"$WORK/fetch-$name.out" 2>"$WORK/fetch-$name.err"
  FETCH_RC=$?
  set -e
}

# Topic as kcat JSON lines in $WORK/TOPIC.json; echoes the file name.
dump() {
  local f="$WORK/$1.json"
  kcat -C -b "$BOOTSTRAP" -t "$1" -o beginning -e -J -q >"$f" 2>/dev/null || true
  echo "$f"
}

# Python over the dumped topics: check 'PY-CODE' with docs, dlq, state lists
# (dicts with key, payload, headers as a dict) already loaded.
check() {
  local docs dlq state
  docs=$(dump reportpipe.documents); dlq=$(dump reportpipe.dlq); state=$(dump reportpipe.fetch-state)
  python3 - "$docs" "$dlq" "$state" "$1" <<'PY' || fail "${2:-check failed}"
import json, sys
def load(path):
    out = []
    for line in open(path, encoding='utf-8', errors='surrogateescape'):
        line = line.strip()
        if not line:
            continue
        m = json.loads(line)
        h = m.get("headers") or []
        m["headers"] = {h[i]: h[i + 1] for i in range(0, len(h), 2)}
        out.append(m)
    return out
docs, dlq, state = (load(p) for p in sys.argv[1:4])
def reason(key):
    rs = [json.loads(m["payload"])["reason"] for m in dlq if m["key"] == key]
    return rs[-1] if rs else None
def raw(m):
    return m['payload'].encode('utf-8', 'surrogateescape')
def doc(key):
    ds = [m for m in docs if m["key"] == key]
    return ds[-1] if ds else None
exec(sys.argv[4])
PY
}

# Requests the fixture saw for a path (exact path+query).
hits() {
  curl -s "$BASE/_fx/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"].get(sys.argv[1], 0))' "$1"
}

log_has() { grep -q -- "$2" "$WORK/fetch-$1.err"; }
