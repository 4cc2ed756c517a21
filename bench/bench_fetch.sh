#!/usr/bin/env bash
# bench_fetch: the fetcher against curl on the same 2,000 pages of 30 KB,
# served by a local nginx (Debian's, configured here in a temp dir, loopback
# only, run as the current user), measured in the same run:
#   curl --parallel --parallel-max 32 to /dev/null, and
#   reportpipe-fetcher (32 transfers, one host, politeness delay 0, robots on)
#   producing every page as a document into the embedded broker.
# Prints pages/s of both and the ratio (target >= 0.8). Cleans up after itself.
# Env: RP_BIN (build/bin), RP_BENCH_PAGES (2000), RP_BENCH_KB (30),
# RP_BENCH_ROUNDS (5).
set -euo pipefail
: "${RP_BIN:?RP_BIN must point at the bin dir of the build}"
RP_BUILD=${RP_BUILD:-$(dirname "$RP_BIN")}
PAGES=${RP_BENCH_PAGES:-2000}
KB=${RP_BENCH_KB:-30}
PAR=32
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "bench_fetch: nginx not installed, skipped"; exit 0; }
T=$(mktemp -d "${TMPDIR:-/tmp}/rp-bench-fetch.XXXXXX")
PIDS=()
cleanup() {
  [ -f "$T/nginx.pid" ] && kill "$(cat "$T/nginx.pid")" 2>/dev/null || true
  local p i
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do
    for i in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$T"
}
trap cleanup EXIT
trap "exit 130" INT TERM
now() { date +%s.%N; }

# Pages: varied text (compresses like real HTML, not like zeros).
python3 - "$T/www" "$PAGES" "$KB" <<'PY'
import os, random, sys
root, n, kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(root)
rnd = random.Random(42)
words = ["gdp", "grew", "percent", "year", "region", "output", "tonnes", "billion",
         "index", "rose", "fell", "quarter", "survey", "rate", "national", "statistics"]
for i in range(n):
    parts = ["<!doctype html><html><head><title>page %d</title></head><body>" % i]
    size = len(parts[0])
    while size < kb * 1024 - 20:
        p = "<p>%s %d.%d</p>\n" % (" ".join(rnd.choice(words) for _ in range(12)),
                                   rnd.randint(0, 9999), rnd.randint(0, 9))
        parts.append(p)
        size += len(p)
    body = ("".join(parts) + "</body></html>")[:kb * 1024]
    with open(os.path.join(root, "p%05d.html" % i), "w") as f:
        f.write(body)
PY

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$T/tmp"
cat >"$T/nginx.conf" <<CONF
user $(id -un) $(id -gn);
worker_processes 2;
pid $T/nginx.pid;
error_log $T/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $T/tmp/body;
  proxy_temp_path $T/tmp/proxy;
  fastcgi_temp_path $T/tmp/fastcgi;
  uwsgi_temp_path $T/tmp/uwsgi;
  scgi_temp_path $T/tmp/scgi;
  types { text/html html; }
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$PORT;
    root $T/www;
  }
}
CONF
"$NGINX" -p "$T" -c "$T/nginx.conf" -e "$T/error.log" 2>>"$T/error.log"
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/p00000.html" && break; sleep 0.1; done

: >"$T/urls.txt"; : >"$T/curl.cfg"
for i in $(seq 0 $((PAGES - 1))); do
  u=$(printf 'http://127.0.0.1:%d/p%05d.html' "$PORT" "$i")
  echo "$u" >>"$T/urls.txt"
  printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >>"$T/curl.cfg"
done

# Embedded broker: `reportpipe broker`, or the fetcher tests' stand-in.
if [ -x "$RP_BIN/reportpipe" ]; then
  "$RP_BIN/reportpipe" broker >"$T/broker.out" 2>"$T/broker.err" &
elif [ -x "$RP_BUILD/tests/fetch_test_broker" ]; then
  "$RP_BUILD/tests/fetch_test_broker" 4 >"$T/broker.out" 2>"$T/broker.err" &
else
  echo "bench_fetch: no embedded broker built, skipped"; exit 0
fi
PIDS+=($!)
for _ in $(seq 100); do [ -s "$T/broker.out" ] && break; sleep 0.1; done
BOOTSTRAP=$(head -n1 "$T/broker.out")

# Warm-up, unmeasured, for both sides alike: curl warms the page cache and
# nginx; one fetcher run (?r=0) warms the fetcher's binary and libraries and
# lets the broker create the topics (a one-time cost in production too).
# Then ROUNDS rounds, each curl then the fetcher (default settings but
# politeness; each round's URLs carry ?r=N so every page is new to the fetch
# state and produced as a document), then kcat; medians are reported.
# CPU seconds (user + sys) of curl and of the fetcher are reported too: the
# fetcher also hashes, compresses and produces every page.

# Runs a command; its CPU seconds (user + sys) go to $T/cpu ("0 0" without
# /usr/bin/time).
timed() {
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "%U %S" -o "$T/cpu" "$@"
  else echo "0 0" >"$T/cpu"; "$@"; fi
}
cpu() { awk '{ print $1 + $2 }' "$T/cpu"; }
# CPU seconds (user + sys) spent so far by the servers both sides share:
# the nginx workers and the embedded broker (from /proc; 0 without it).
TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)
BROKER_PID=${PIDS[0]}
server_cpu() {
  local p sum=0
  for p in $BROKER_PID $(pgrep -P "$(cat "$T/nginx.pid")" 2>/dev/null); do
    [ -r "/proc/$p/stat" ] || continue
    sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  awk -v t="$sum" -v hz="$TICKS" 'BEGIN { printf "%.3f", t / hz }'
}
run_fetcher() { # URL-FILE
  timed timeout 300 "$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" \
    --log-level info --allow-hosts 127.0.0.1 --urls-file "$1" --max-transfers "$PAR" \
    --per-host-max "$PAR" --host-delay-ms 0 \
    2>"$T/fetcher.err" || { echo "bench_fetch: fetcher failed:"; tail -n 20 "$T/fetcher.err"; exit 1; }
  grep -q "\"fetched\":\"$PAGES\"" "$T/fetcher.err" || {
    echo "bench_fetch: fetcher did not fetch all pages:"; grep summary "$T/fetcher.err"; exit 1; }
}
ROUNDS=${RP_BENCH_ROUNDS:-5}
curl -s --no-progress-meter --parallel --parallel-max "$PAR" -K "$T/curl.cfg" 2>/dev/null || true
sed "s/\$/?r=0/" "$T/urls.txt" >"$T/urls-0.txt"
run_fetcher "$T/urls-0.txt"
: >"$T/times"
for round in $(seq "$ROUNDS"); do
  sed "s/\$/?r=$round/" "$T/urls.txt" >"$T/urls-$round.txt"
  s0=$(server_cpu)
  t0=$(now)
  timed curl -s --no-progress-meter --fail --parallel --parallel-max "$PAR" -K "$T/curl.cfg" 2>"$T/curl.err" || {
    echo "bench_fetch: curl failed ($?):"; tail -n 5 "$T/curl.err"; exit 1; }
  t1=$(now)
  c_cpu=$(cpu)
  s1=$(server_cpu)
  run_fetcher "$T/urls-$round.txt"
  t2=$(now)
  f_cpu=$(cpu)
  s2=$(server_cpu)
  # The Kafka side alone: kcat producing the same files (lz4, idempotent)
  # into the same broker, no HTTP at all.
  kcat -P -b "$BOOTSTRAP" -t "bench.kcat.$round" -z lz4 -X enable.idempotence=true \
    "$T"/www/*.html 2>/dev/null || true
  t3=$(now)
  echo "$t0 $t1 $t2 $t3 $c_cpu $f_cpu $(awk -v a="$s0" -v b="$s1" -v c="$s2" \
    'BEGIN { print b - a, c - b }')" >>"$T/times"
done

python3 - "$PAGES" "$KB" "$PAR" "$T/times" "$(nproc 2>/dev/null || echo 1)" <<'PY'
import statistics, sys
n, kb, par = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
cores = int(sys.argv[5])
rounds = [list(map(float, l.split())) for l in open(sys.argv[4]) if l.strip()]
c = statistics.median(r[1] - r[0] for r in rounds)
f = statistics.median(r[2] - r[1] for r in rounds)
k = statistics.median(r[3] - r[2] for r in rounds)
cc = statistics.median(r[4] for r in rounds)
fc = statistics.median(r[5] for r in rounds)
print("bench_fetch: %d pages of %d KB from local nginx, %d in parallel, median of %d rounds"
      % (n, kb, par, len(rounds)))
print("  curl --parallel:      %8.0f pages/s (%.3f s, to /dev/null)" % (n / c, c))
print("  reportpipe-fetcher:   %8.0f pages/s (%.3f s, start-up to every document "
      "acknowledged)" % (n / f, f))
print("  kcat produce only:    %8.0f pages/s (%.3f s, same files into the same broker, "
      "no HTTP)" % (n / k, k))
print("  ratio fetcher/curl:   %8.2f (target >= 0.8)" % (c / f))
if cc > 0:
    cs = statistics.median(r[6] for r in rounds)
    fs = statistics.median(r[7] for r in rounds)
    print("  CPU s (user+sys):     curl %.3f + servers %.3f; fetcher %.3f + servers %.3f"
          % (cc, cs, fc, fs))
    print("  CPU floor on %d cores: curl run %.3f s, fetcher run %.3f s (all CPU of the run "
          "/ cores: no schedule finishes sooner)" % (cores, (cc + cs) / cores, (fc + fs) / cores))
print("  rounds (curl s, fetcher s): %s"
      % ", ".join("%.3f/%.3f" % (r[1] - r[0], r[2] - r[1]) for r in rounds))
PY
