#!/usr/bin/env bash
# docs/bi/postgres.sql and the README's file load, on a throw-away
# PostgreSQL server (Debian's binaries, own data dir, Unix socket only; as
# `nobody` when run as root, since initdb refuses root).
#
# Rows: the output of `reportpipe run --out FILE examples/docs/*` when the
# CLI and examples exist; the expected GROUP BY region, metric is then
# computed from `reportpipe extract` over the same files. Without them, the
# fixture tests/ops/fixtures/analytics-sample.jsonl stands in and the
# expectation comes from the fixture itself (said so on stdout).
set -euo pipefail
: "${RP_SRC:?RP_SRC must point at the source tree}"
RP_BIN=${RP_BIN:-$RP_SRC/build/bin}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || ! command -v psql >/dev/null; then
  echo "SKIP: PostgreSQL server binaries not installed (apt-get install postgresql)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/rp-pg.XXXXXX")
chmod 755 "$work"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  as_pg=(runuser -u nobody --)
  mkdir "$work/pg"
  chown nobody "$work/pg"
else
  mkdir "$work/pg"
fi
data=$work/pg/data
sock=$work/pg
started=0
cleanup() {
  if [ $started = 1 ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "${RP_KEEP_WORK:-0}" = 1 ]; then echo "work dir kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# ---- the rows ----
rows=$work/rows.jsonl
expected_src=$work/expected.jsonl
mode=fixture
shopt -s nullglob
docs=("$RP_SRC"/examples/docs/*)
if [ -x "$RP_BIN/reportpipe" ] && [ ${#docs[@]} -gt 0 ]; then
  mode=pipeline
  "$RP_BIN/reportpipe" run --out "$rows" "${docs[@]}" 2>"$work/run.err" \
    || { tail -20 "$work/run.err" >&2; fail "reportpipe run failed"; }
  "$RP_BIN/reportpipe" extract "${docs[@]}" > "$expected_src" 2>"$work/extract.err" \
    || { tail -20 "$work/extract.err" >&2; fail "reportpipe extract failed"; }
  [ -s "$rows" ] || fail "reportpipe run produced no rows"
else
  echo "NOTE: $RP_BIN/reportpipe or examples/docs missing: loading the fixture instead of a pipeline run"
  cp "$RP_SRC/tests/ops/fixtures/analytics-sample.jsonl" "$rows"
  cp "$rows" "$expected_src"
fi
echo "rows: $(wc -l < "$rows") ($mode)"

# Every row must satisfy the topic's schema (when jsonschema is available).
python3 - "$RP_SRC/docs/schemas/analytics.schema.json" "$rows" <<'PY'
import json, sys
try:
    import jsonschema
except ImportError:
    print("note: python3 jsonschema missing; rows not validated against the schema")
    sys.exit(0)
schema = json.load(open(sys.argv[1]))
n = 0
for i, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
    if line.strip():
        try:
            jsonschema.validate(json.loads(line), schema)
        except jsonschema.ValidationError as e:
            sys.exit(f"row {i} violates analytics.schema.json: {e.message}")
        n += 1
print(f"{n} rows valid against analytics.schema.json")
PY

# ---- the server ----
"${as_pg[@]}" "$pgbin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale \
  >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; fail "initdb"; }
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -l "$work/pg/server.log" -w -t 60 \
  -o "-c listen_addresses='' -k $sock -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$work/pg/server.log" >&2; fail "pg_ctl start"; }
started=1
export PGOPTIONS='-c client_min_messages=warning'
psql_() { psql -X -q -h "$sock" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

psql_ -f "$RP_SRC/docs/bi/postgres.sql" || fail "docs/bi/postgres.sql does not load"
psql_ -f "$RP_SRC/docs/bi/postgres.sql" || fail "docs/bi/postgres.sql is not re-runnable"

# The load exactly as docs/bi/README.md documents it, run twice: the second
# run must upsert, not add rows.
python3 - "$RP_SRC/docs/bi/README.md" "$rows" > "$work/load.sql" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"```sql\n(CREATE TEMP TABLE analytics_in.*?)```", md, re.S)
if not m:
    sys.exit("docs/bi/README.md has no load block starting with CREATE TEMP TABLE analytics_in")
print(m.group(1).replace("'rows.jsonl'", "'" + sys.argv[2] + "'"))
PY
psql_ -f "$work/load.sql" || fail "the README's load does not run"
psql_ -c "UPDATE analytics SET value = -1" >/dev/null
psql_ -f "$work/load.sql" || fail "the README's load does not run a second time"

psql_ -A -F $'\t' -t -c "SELECT coalesce(region, '<null>'), coalesce(metric, '<null>'), count(*), sum(value)
  FROM analytics GROUP BY 1, 2 ORDER BY 1, 2" > "$work/got.tsv"
psql_ -A -t -c "SELECT count(*), count(DISTINCT measure_id), count(*) FILTER (WHERE value = -1) FROM analytics" > "$work/counts"
psql_ -A -t -c "SELECT json_agg(json_build_object('measure_id', measure_id, 'text', text,
  'subject', subject, 'published', published, 'ingested_at', ingested_at)) FROM analytics" > "$work/texts.json"
python3 - "$rows" "$work/texts.json" <<'PY' || fail "text fields did not survive the load unchanged"
import datetime, json, sys
table = {r["measure_id"]: r for r in json.load(open(sys.argv[2], encoding="utf-8"))}
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    r = json.loads(line)
    t = table[r["measure_id"]]
    assert t["text"] == r["text"] and t["subject"] == r.get("subject"), (r["text"], t["text"])
    assert (t["published"] or None) == (r.get("published") or None), (r.get("published"), t["published"])
    want = datetime.datetime.fromisoformat(r["ingested_at"].replace("Z", "+00:00"))
    assert datetime.datetime.fromisoformat(t["ingested_at"]) == want, (r["ingested_at"], t["ingested_at"])
print("text, subject, published and ingested_at round-trip exactly")
PY
echo "GROUP BY region, metric:"
sed 's/^/  /' "$work/got.tsv"

python3 - "$expected_src" "$rows" "$work/got.tsv" "$work/counts" "$mode" <<'PY'
import collections, json, sys
expected_src, rows, got_tsv, counts, mode = sys.argv[1:]
def load(path):
    return [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
# What the parser extracted (extract output) or the fixture, one per measure.
ext = load(expected_src)
if mode == "pipeline" and not all("measure_id" in r for r in ext):
    seen = ext   # extract may print no ids; count every line
else:
    byid = {}
    for r in ext:
        byid[r["measure_id"]] = r
    seen = list(byid.values())
want = collections.defaultdict(lambda: [0, 0.0])
for r in seen:
    k = (r.get("region") or "<null>", r.get("metric") or "<null>")
    want[k][0] += 1
    want[k][1] += float(r["value"])
got = {}
for line in open(got_tsv, encoding="utf-8"):
    region, metric, n, total = line.rstrip("\n").split("\t")
    got[(region, metric)] = (int(n), float(total))
problems = []
for k in sorted(set(want) | set(got)):
    w, g = want.get(k), got.get(k)
    if not w or not g or w[0] != g[0] or abs(w[1] - g[1]) > 1e-6 * max(1.0, abs(w[1])):
        problems.append(f"{k}: extracted {w and (w[0], w[1])}, table {g}")
total, distinct, stale = map(int, open(counts).read().split("|"))
rows_n = len(load(rows))
if total != distinct or total != rows_n:
    problems.append(f"table has {total} rows, {distinct} ids, file {rows_n} rows")
if stale:
    problems.append(f"{stale} rows kept the value set before the second load: no upsert")
for p in problems:
    print("differs:", p)
if problems:
    sys.exit(1)
print(f"postgres: {total} rows, {len(got)} region/metric groups match what was extracted; reload upserted")
PY
echo "postgres: OK"
