#!/usr/bin/env bash
# deploy/k8s: every manifest parses, and the deployment promises hold:
# probes on /readyz and /healthz, requests and limits, a grace period longer
# than RP_DRAIN_TIMEOUT_MS, a PDB for the parser, a KEDA kafka trigger on
# the parser's group with maxReplicaCount <= documents partitions, scrape
# annotations, configuration from environment only. Uses PyYAML
# (python3-yaml); `kubectl kustomize` also runs when kubectl is present.
set -euo pipefail
: "${RP_SRC:?RP_SRC must point at the source tree}"
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "SKIP: python3 has no yaml module (apt-get install python3-yaml)"
  exit 0
fi
# The environment variables each service accepts, from its config table.
RP_BIN=${RP_BIN:-$RP_SRC/build/bin}
envdir=$(mktemp -d "${TMPDIR:-/tmp}/rp-k8s.XXXXXX")
trap 'rm -rf "$envdir"' EXIT
for svc in fetcher parser sink; do
  [ -x "$RP_BIN/reportpipe-$svc" ] || { echo "FAIL: $RP_BIN/reportpipe-$svc is not built" >&2; exit 1; }
  "$RP_BIN/reportpipe-$svc" --help-markdown | grep -o '`RP_[A-Z0-9_]*`' | tr -d '`' > "$envdir/env-$svc"
done
python3 - "$RP_SRC" "$envdir" <<'PY'
import glob, os, re, sys, yaml
src = sys.argv[1]
known = {s: set(open(f"{sys.argv[2]}/env-{s}").read().split()) for s in ("fetcher", "parser", "sink")}
k8s = os.path.join(src, "deploy", "k8s")
docs = []
for path in sorted(glob.glob(os.path.join(k8s, "*.yaml"))):
    for d in yaml.safe_load_all(open(path)):
        if d:
            d["_file"] = os.path.basename(path)
            docs.append(d)
by_kind = {}
for d in docs:
    assert "apiVersion" in d and "kind" in d, f"{d['_file']}: not a manifest"
    assert "metadata" in d or d["kind"] == "Kustomization", f"{d['_file']}: no metadata"
    by_kind.setdefault(d["kind"], []).append(d)

kust = by_kind.pop("Kustomization")[0]
listed = set(kust["resources"])
files = {os.path.basename(p) for p in glob.glob(os.path.join(k8s, "*.yaml"))} - {"kustomization.yaml"}
assert listed == files, f"kustomization.yaml lists {sorted(listed)}, directory has {sorted(files)}"

ns = by_kind["Namespace"][0]["metadata"]["name"]
for d in docs:
    if d["kind"] not in ("Namespace", "Kustomization"):
        assert d["metadata"].get("namespace") == ns, f"{d['_file']} {d['kind']}: namespace must be {ns}"

cm = {c["metadata"]["name"]: c["data"] for c in by_kind["ConfigMap"]}
assert len(cm) == 1
conf = next(iter(cm.values()))
for v in conf.values():
    assert isinstance(v, str), "ConfigMap values must be strings"
drain_s = int(conf["RP_DRAIN_TIMEOUT_MS"]) / 1000
port = int(conf["RP_METRICS_PORT"])
assert all(k.startswith("RP_") for k in conf), "only RP_* settings"

deps = {d["metadata"]["name"]: d for d in by_kind["Deployment"]}
for name in ("reportpipe-fetcher", "reportpipe-parser", "reportpipe-sink"):
    assert name in deps, f"Deployment {name} missing"
    d = deps[name]
    spec = d["spec"]
    tmpl = spec["template"]
    sel = spec["selector"]["matchLabels"]
    assert all(tmpl["metadata"]["labels"].get(k) == v for k, v in sel.items()), f"{name}: selector does not match the pod labels"
    pod = tmpl["spec"]
    grace = pod["terminationGracePeriodSeconds"]
    assert grace > drain_s, f"{name}: grace {grace}s <= drain {drain_s}s"
    ann = tmpl["metadata"]["annotations"]
    assert ann["prometheus.io/scrape"] == "true" and int(ann["prometheus.io/port"]) == port, f"{name}: scrape annotations"
    assert pod["securityContext"]["runAsNonRoot"] is True, f"{name}: must run as non-root"
    (c,) = pod["containers"]
    assert not c.get("args") and not c.get("command"), f"{name}: configuration by environment only"
    assert not c.get("volumeMounts"), f"{name}: no config files"
    assert any(e.get("configMapRef", {}).get("name") in cm for e in c["envFrom"]), f"{name}: envFrom the ConfigMap"
    svc = name.split("-", 1)[1]
    env = {e["name"]: e.get("value") for e in c.get("env", [])}
    for k in list(conf) + list(env):
        assert k.startswith("RP_KAFKA_") or k in known[svc], f"{name}: {k} is not a setting of {name}"
    if svc == "fetcher":
        assert env.get("RP_FETCH_CONSUME_SOURCES") == "true", "the fetcher must consume reportpipe.sources"
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    assert ports["metrics"] == port, f"{name}: metrics port"
    rp, lp = c["readinessProbe"]["httpGet"], c["livenessProbe"]["httpGet"]
    assert rp["path"] == "/readyz" and rp["port"] in ("metrics", port), f"{name}: readinessProbe must GET /readyz"
    assert lp["path"] == "/healthz" and lp["port"] in ("metrics", port), f"{name}: livenessProbe must GET /healthz"
    res = c["resources"]
    for k in ("cpu", "memory"):
        assert res["requests"][k] and res["limits"][k], f"{name}: {k} request and limit"
    assert c["securityContext"]["allowPrivilegeEscalation"] is False
    print(f"{name}: probes /readyz /healthz, grace {grace}s > drain {drain_s:g}s, "
          f"requests {res['requests']['cpu']}/{res['requests']['memory']}, limits {res['limits']['cpu']}/{res['limits']['memory']}")

svcs = by_kind["Service"]
for name in ("reportpipe-fetcher", "reportpipe-parser", "reportpipe-sink"):
    sel = deps[name]["spec"]["selector"]["matchLabels"]
    match = [s for s in svcs if s["spec"]["selector"] == sel]
    assert match, f"no Service selects {name}"
    s = match[0]
    assert any(p["port"] == port for p in s["spec"]["ports"]), f"{name}: Service metrics port"
    assert s["metadata"]["annotations"]["prometheus.io/scrape"] == "true"

parser_sel = deps["reportpipe-parser"]["spec"]["selector"]["matchLabels"]
pdbs = [p for p in by_kind["PodDisruptionBudget"] if p["spec"]["selector"]["matchLabels"] == parser_sel]
assert pdbs, "no PodDisruptionBudget for the parser"
pdb = pdbs[0]["spec"]
assert "maxUnavailable" in pdb or "minAvailable" in pdb

(so,) = by_kind["ScaledObject"]
assert so["apiVersion"].startswith("keda.sh/")
assert so["spec"]["scaleTargetRef"]["name"] == "reportpipe-parser"
(trig,) = [t for t in so["spec"]["triggers"] if t["type"] == "kafka"]
md = trig["metadata"]
assert md["topic"] == conf.get("RP_TOPIC_DOCUMENTS", "reportpipe.documents")
assert md["consumerGroup"] == "reportpipe-parser", "KEDA must watch the parser's consumer group"
assert int(md["lagThreshold"]) > 0
assert md["bootstrapServers"] == conf["RP_BOOTSTRAP_SERVERS"], "KEDA and the services must use the same cluster"
# The documents topic's partition count, as deploy/docker-compose.yml creates it.
compose = open(os.path.join(src, "deploy", "docker-compose.yml")).read()
m = re.search(r"create\s+reportpipe\.documents\s+--partitions\s+(\d+)", compose)
partitions = int(m.group(1))
mx, mn = so["spec"]["maxReplicaCount"], so["spec"].get("minReplicaCount", 0)
assert 1 <= mn <= mx <= partitions, f"replicas {mn}..{mx} must fit {partitions} partitions"
print(f"KEDA: kafka trigger on {md['consumerGroup']}/{md['topic']}, lagThreshold {md['lagThreshold']}, "
      f"replicas {mn}..{mx} <= {partitions} partitions; PDB {pdb}")
PY
if command -v kubectl >/dev/null 2>&1; then
  kubectl kustomize "$RP_SRC/deploy/k8s" >/dev/null || { echo "FAIL: kubectl kustomize deploy/k8s" >&2; exit 1; }
  echo "kubectl kustomize: OK"
fi
echo "k8s: OK"
