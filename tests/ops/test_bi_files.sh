#!/usr/bin/env bash
# docs/bi against the analytics row contract (docs/schemas/analytics.schema.json):
# every field of the schema is a column of the ClickHouse queue, the
# ClickHouse table and its materialized view, the PostgreSQL table, and the
# Kafka Connect sink's whitelist and inline schema; the connector upserts on
# measure_id; ClickHouse reads JSONEachRow into a ReplacingMergeTree ordered
# by measure_id and skips unknown fields. No ClickHouse or Connect runs here:
# these are text checks (PostgreSQL runs for real in test_postgres.sh).
set -euo pipefail
: "${RP_SRC:?RP_SRC must point at the source tree}"
python3 - "$RP_SRC" <<'PY'
import json, os, re, sys
src = sys.argv[1]
bi = os.path.join(src, "docs", "bi")
schema = json.load(open(os.path.join(src, "docs", "schemas", "analytics.schema.json")))
fields = list(schema["properties"])
assert "measure_id" in fields and "schema_version" in fields
assert not os.path.exists(os.path.join(bi, "analytics.schema.json")), \
    "docs/bi must refer to docs/schemas/analytics.schema.json, not copy it"
readme = open(os.path.join(bi, "README.md"), encoding="utf-8").read()
assert "../schemas/analytics.schema.json" in readme
for rule in ("only ever **added**", "schema_version", "ignore fields they do not know"):
    assert rule in readme, f"README lacks the versioning rule ({rule})"

def strip_sql_comments(s):
    return re.sub(r"--[^\n]*", "", s)

def columns(create_body):
    cols = []
    for line in create_body.split("\n"):
        m = re.match(r"\s*([a-z_][a-z0-9_]*)\s+\S", line)
        if m and m.group(1).upper() not in ("PRIMARY", "CONSTRAINT", "UNIQUE", "CHECK"):
            cols.append(m.group(1))
    return cols

ch = strip_sql_comments(open(os.path.join(bi, "clickhouse.sql"), encoding="utf-8").read())
def ch_table(name):
    m = re.search(r"CREATE TABLE IF NOT EXISTS reportpipe\." + name + r"\s*\((.*?)\)\s*ENGINE\s*=\s*(\w+)(.*?);", ch, re.S)
    assert m, f"clickhouse.sql: no table {name}"
    return columns(m.group(1)), m.group(2), m.group(3)
qcols, qengine, qsettings = ch_table("analytics_queue")
tcols, tengine, ttail = ch_table("analytics")
assert qengine == "Kafka"
for k, v in (("kafka_topic_list", "'reportpipe.analytics'"), ("kafka_format", "'JSONEachRow'"),
             ("input_format_skip_unknown_fields", "1")):
    assert re.search(rf"{k}\s*=\s*{re.escape(v)}", qsettings), f"Kafka table needs {k} = {v}"
assert tengine == "ReplacingMergeTree"
assert re.search(r"ORDER BY\s+measure_id\b", ttail), "ReplacingMergeTree must be ordered by measure_id"
assert "PARTITION BY" not in ttail, "a PARTITION BY would keep duplicates of a measure apart"
mv = re.search(r"CREATE MATERIALIZED VIEW IF NOT EXISTS reportpipe\.analytics_mv\s+TO reportpipe\.analytics AS\s+SELECT(.*?)FROM reportpipe\.analytics_queue", ch, re.S)
assert mv, "clickhouse.sql: no materialized view from analytics_queue to analytics"
mv_out = [re.split(r"\s+AS\s+", e.strip())[-1] for e in mv.group(1).split(",\n")]
for f in fields:
    assert f in qcols, f"clickhouse analytics_queue lacks {f}"
    assert f in tcols, f"clickhouse analytics lacks {f}"
    assert f in mv_out, f"clickhouse analytics_mv does not select {f}"
extra = set(tcols) - set(mv_out)
assert not extra, f"analytics columns the view never fills: {extra}"

pg = strip_sql_comments(open(os.path.join(bi, "postgres.sql"), encoding="utf-8").read())
m = re.search(r"CREATE TABLE IF NOT EXISTS analytics\s*\((.*?)\n\);", pg, re.S)
pcols = columns(m.group(1))
assert re.search(r"measure_id\s+text\s+PRIMARY KEY", m.group(1)), "measure_id must be the primary key"
for f in fields:
    assert f in pcols, f"postgres analytics lacks {f}"
assert set(pcols) <= set(fields), f"postgres columns not in the schema: {set(pcols) - set(fields)}"

c = json.load(open(os.path.join(bi, "kafka-connect-jdbc-postgres.json")))["config"]
assert c["connector.class"] == "io.confluent.connect.jdbc.JdbcSinkConnector"
assert c["topics"] == "reportpipe.analytics"
assert c["insert.mode"] == "upsert" and c["pk.mode"] == "record_value" and c["pk.fields"] == "measure_id"
assert c["table.name.format"] == "analytics"
assert c["connection.url"].startswith("jdbc:postgresql://")
assert "password" not in c["connection.password"] or c["connection.password"].startswith("${"), "no literal password"
wl = c["fields.whitelist"].split(",")
assert sorted(wl) == sorted(pcols), f"whitelist and table differ: {set(wl) ^ set(pcols)}"
inline = json.loads(c["transforms.fromJson.json.schema.inline"])
assert sorted(inline["properties"]) == sorted(fields), f"inline schema and contract differ: {set(inline['properties']) ^ set(fields)}"
nn = {l.split()[0] for l in m.group(1).split("\n") if "NOT NULL" in l or "PRIMARY KEY" in l}
assert nn <= set(inline["required"]), f"NOT NULL columns the connector may leave null: {nn - set(inline['required'])}"
for f in inline["required"]:
    assert f in schema["required"], f"connector requires {f}, the contract does not"
print(f"bi files: {len(fields)} fields in schema, ClickHouse queue/table/view, PostgreSQL and Connect agree")
PY
