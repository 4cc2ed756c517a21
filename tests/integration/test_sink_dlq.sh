#!/usr/bin/env bash
# The sink, as a separate process on the embedded broker, given a measures
# topic that mixes good records with broken ones: every good record becomes
# one analytics row, every broken one a sink dead letter naming its reason
# (invalid_utf8, invalid_json, missing_field, bad_field, unsupported_schema),
# and the sink keeps running through all of them.
source "$(dirname "$0")/lib.sh"

"$RP_BIN/reportpipe" extract "$RP_SRC"/examples/docs/100_* > "$WORK/good.jsonl"
[ -s "$WORK/good.jsonl" ] || fail "extract found nothing"
python3 - "$WORK/good.jsonl" "$WORK/input.bin" <<'PY'
import hashlib, json, sys
def dump(o): return json.dumps(o, ensure_ascii=False).encode()
# measures-topic records (docs/schemas/measures.schema.json) made from what
# `reportpipe extract` finds, as the parser would publish them
good = []
for l in open(sys.argv[1], encoding="utf-8"):
    m = json.loads(l)
    key = "%s:%d:%d" % (m["source"], m["span"]["start"], m["span"]["end"])
    m.update(schema_version=1, measure_id=hashlib.sha256(key.encode()).hexdigest()[:32],
             document_id="doc100", parser_version="it/1")
    good.append(dump(m))
rec = json.loads(good[0])
broken = []
# a character cut in half inside the subject (valid JSON syntax, not UTF-8)
b = dump(dict(rec, measure_id="f" * 32, subject="党费"))
broken.append(b.replace("党费".encode(), "党费".encode()[:4], 1))
broken.append(b'{"schema_version":1,')                              # invalid_json
broken.append(dump({k: v for k, v in rec.items() if k != "unit"}))  # missing_field
broken.append(dump(dict(rec, value="many")))                         # bad_field
broken.append(dump(dict(rec, schema_version=99)))                    # unsupported_schema
out = []
for i, g in enumerate(good):   # broken records in between good ones
    out.append(g)
    if i < len(broken):
        out.append(broken[i])
assert len(good) > len(broken)
open(sys.argv[2], "wb").write(b"\n".join(out) + b"\n")
PY

start_broker 2
PIDS+=("$(start_service sink)")
SINK_PID=${PIDS[-1]}
kcat -b "$BOOTSTRAP" -P -t reportpipe.measures -l "$WORK/input.bin" 2>"$WORK/kcat.err" \
  || { cat "$WORK/kcat.err" >&2; fail "could not produce the input"; }

want=$(wc -l < "$WORK/good.jsonl")
wait_for 60 bash -c "[ \$(kcat -b $BOOTSTRAP -C -t reportpipe.analytics -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l) -ge $want ]" \
  || { tail -5 "$WORK/sink.err" >&2; fail "analytics did not reach $want rows"; }
wait_for 30 bash -c "[ \$(kcat -b $BOOTSTRAP -C -t reportpipe.dlq -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l) -ge 5 ]" \
  || fail "dead letters did not reach 5"
sleep 1
kill -0 "$SINK_PID" 2>/dev/null || fail "the sink stopped"
[ "$(topic_count reportpipe.analytics)" -eq "$want" ] || fail "analytics hold other than $want rows"
topic_values reportpipe.dlq > "$WORK/dlq.jsonl"
topic_values reportpipe.analytics > "$WORK/analytics.jsonl"
python3 - "$WORK/dlq.jsonl" "$WORK/analytics.jsonl" <<'PY' || fail "dead letters not as expected"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
got = sorted((r["stage"], r["reason"], r.get("detail", "")) for r in recs)
print("sink dead letters:", got)
reasons = sorted(r for _, r, _ in got)
assert reasons == sorted(["invalid_utf8", "invalid_json", "missing_field", "bad_field",
                          "unsupported_schema"]), reasons
assert all(s == "sink" for s, _, _ in got)
PY
python3 - "$WORK/dlq.jsonl" <<'PY' || fail "invalid_utf8 detail does not point at the broken byte"
import base64, json, sys
cut = next(json.loads(l) for l in open(sys.argv[1]) if '"invalid_utf8"' in l)
payload = base64.b64decode(cut["payload_base64"])
at = int(cut["detail"].split()[1])
payload[:at].decode("utf-8")
try:
    payload[at:at + 4].decode("utf-8")
except UnicodeDecodeError:
    sys.exit(0)
sys.exit(1)
PY
python3 -c '
import json, sys
for l in open(sys.argv[1], "rb"):
    l.decode("utf-8"); json.loads(l)
' "$WORK/analytics.jsonl" || fail "an analytics row is not UTF-8 JSON"
echo "sink dead letters: OK ($want rows, 5 dead letters)"
