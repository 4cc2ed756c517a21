#!/usr/bin/env bash
# deploy/docker-compose.yml: docker-compose validates it (no engine needed),
# and the resolved file holds what the deployment promises: KRaft Kafka, the
# six topics with enough partitions, a grace period longer than the drain,
# parser replicas, health checks, Prometheus scraping every service.
# deploy/prometheus.yml and its rules are checked with promtool.
set -euo pipefail
: "${RP_SRC:?RP_SRC must point at the source tree}"
deploy=$RP_SRC/deploy
work=$(mktemp -d "${TMPDIR:-/tmp}/rp-compose.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "SKIP: docker-compose is not installed (apt-get install docker-compose)"
  exit 0
fi
docker-compose -f "$deploy/docker-compose.yml" config > "$work/resolved.yml" \
  || { echo "FAIL: docker-compose config rejected deploy/docker-compose.yml" >&2; exit 1; }
docker-compose -f "$deploy/docker-compose.yml" config --services | sort > "$work/services"
echo "services: $(tr '\n' ' ' < "$work/services")"

# The environment variables each service accepts, from its config table.
RP_BIN=${RP_BIN:-$RP_SRC/build/bin}
for svc in fetcher parser sink; do
  [ -x "$RP_BIN/reportpipe-$svc" ] || { echo "FAIL: $RP_BIN/reportpipe-$svc is not built" >&2; exit 1; }
  "$RP_BIN/reportpipe-$svc" --help-markdown | grep -o '`RP_[A-Z0-9_]*`' | tr -d '`' > "$work/env-$svc"
done

python3 - "$work/resolved.yml" "$work" <<'PY'
import re, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
known = {s: set(open(f"{sys.argv[2]}/env-{s}").read().split()) for s in ("fetcher", "parser", "sink")}
svc = doc["services"]
for name in ("kafka", "topics", "fetcher", "parser", "sink", "prometheus"):
    assert name in svc, f"service {name} missing"

kenv = svc["kafka"]["environment"]
assert "broker" in kenv["KAFKA_PROCESS_ROLES"] and "controller" in kenv["KAFKA_PROCESS_ROLES"], "Kafka must run KRaft (broker,controller)"
assert "KAFKA_ZOOKEEPER_CONNECT" not in kenv, "no ZooKeeper"
assert kenv.get("CLUSTER_ID"), "KRaft needs a CLUSTER_ID"

# The one-shot creates every topic; documents has partitions for scaling.
script = "\n".join(svc["topics"]["command"]) if isinstance(svc["topics"]["command"], list) else svc["topics"]["command"]
parts = {}
for m in re.finditer(r"create\s+(reportpipe\.[\w.-]+)\s+--partitions\s+(\d+)([^\n]*)", script):
    parts[m.group(1)] = (int(m.group(2)), m.group(3))
want = ["reportpipe.sources", "reportpipe.documents", "reportpipe.measures",
        "reportpipe.analytics", "reportpipe.dlq", "reportpipe.fetch-state"]
for t in want:
    assert t in parts, f"topic {t} is not created"
assert "cleanup.policy=compact" in parts["reportpipe.fetch-state"][1], "fetch-state must be compacted"
assert parts["reportpipe.documents"][0] >= 12, "documents needs >= 12 partitions"
assert "--if-not-exists" in script, "topic creation must be idempotent"

replicas = svc["parser"].get("deploy", {}).get("replicas", 1)
assert replicas >= 3, "parser should run several replicas"
assert replicas <= parts["reportpipe.documents"][0], "more parsers than document partitions"

def seconds(s):
    m = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", str(s))
    return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)

for name in ("fetcher", "parser", "sink"):
    s = svc[name]
    env = s["environment"]
    assert env["RP_BOOTSTRAP_SERVERS"] == "kafka:9092", name
    assert int(env["RP_METRICS_PORT"]) > 0, f"{name} must serve metrics"
    drain = int(env["RP_DRAIN_TIMEOUT_MS"]) / 1000
    grace = seconds(s["stop_grace_period"])
    assert grace > drain, f"{name}: stop_grace_period {grace}s <= drain {drain}s"
    assert "/healthz" in " ".join(s["healthcheck"]["test"]), f"{name}: healthcheck must hit /healthz"
    assert s["build"]["target"] == name, f"{name} builds its own Dockerfile target"
    assert s["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    assert not s.get("command") and not s.get("volumes"), f"{name}: configuration by environment only"
    for k in env:
        assert k.startswith("RP_KAFKA_") or k in known[name], f"{name}: {k} is not a setting of reportpipe-{name}"
    print(f"{name}: grace {grace}s > drain {drain:g}s, metrics :{env['RP_METRICS_PORT']}")

fenv = svc["fetcher"]["environment"]
assert fenv.get("RP_FETCH_CONSUME_SOURCES") == "true", "the fetcher service must consume reportpipe.sources"
m = re.search(r"max\.message\.bytes=(\d+)", parts["reportpipe.documents"][1])
topic_max = int(m.group(1)) if m else 1048588
fmax = int(fenv.get("RP_FETCH_MAX_MESSAGE_BYTES", 4325376))
assert fmax <= topic_max, "fetcher messages larger than the documents topic accepts"
assert fmax <= int(kenv.get("KAFKA_MESSAGE_MAX_BYTES", 1048588)), "fetcher messages larger than the broker accepts"

prom = svc["prometheus"]
assert any("prometheus.yml" in str(v) for v in prom["volumes"]), "Prometheus must mount deploy/prometheus.yml"
print(f"topics: {parts['reportpipe.documents'][0]} documents partitions, parser replicas {replicas}")
PY

python3 - "$deploy/prometheus.yml" <<'PY'
import sys, yaml
cfg = yaml.safe_load(open(sys.argv[1]))
names = set()
for job in cfg["scrape_configs"]:
    for sd in job.get("dns_sd_configs", []):
        assert sd["port"] == 9400
        names.update(sd["names"])
    for sc in job.get("static_configs", []):
        names.update(t.split(":")[0] for t in sc["targets"])
for s in ("fetcher", "parser", "sink"):
    assert s in names, f"prometheus.yml does not scrape {s}"
print("prometheus.yml scrapes fetcher, parser, sink")
PY

if command -v promtool >/dev/null 2>&1; then
  promtool check config "$deploy/prometheus.yml"
else
  echo "note: promtool not installed; prometheus.yml checked by the YAML assertions only"
fi
echo "compose: OK"
