#!/usr/bin/env bash
# Documents: plain files from --root, gzip, deflate, chunked, a redirect
# chain, a GBK page, a local file and a 404 — each URL ends in exactly one
# outcome, the documents carry the promised headers, the run exits 0 with a
# summary.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
start_broker
start_fixture
printf '<html><body><p>GDP grew 5.2%% in 2025.</p></body></html>' >"$WORK/root/report.html"
printf 'plain text report\n' >"$WORK/root/note.txt"
printf '<html><body>local</body></html>' >"$WORK/local.html"

fetch basic --allow-hosts 127.0.0.1 --allow-files \
  "$BASE/report.html" "$BASE/note.txt" "$BASE/_fx/gzip?bytes=30000" \
  "$BASE/_fx/deflate?bytes=20000" "$BASE/_fx/chunked?chunks=7" "$BASE/_fx/redirect/3" \
  "$BASE/_fx/gbk" "$BASE/missing.html" "$WORK/local.html"
[ "$FETCH_RC" = 0 ] || fail "fetcher exited $FETCH_RC"
log_has basic '"msg":"fetch summary","fetched":"8","not_modified":"0","unchanged":"0","failed":"1"' \
  || fail "summary line"
ok "exit 0 with a summary: 8 fetched, 1 failed"

check "
import hashlib, re
B = '$BASE'
assert len(docs) == 8, len(docs)
keys = sorted(m['key'] for m in docs)
assert len(set(keys)) == 8, keys
for m in docs:
    h = m['headers']
    for k in ('schema_version','url','final_url','status','content_type','fetched_at','etag','last_modified','sha256','http_version'):
        assert k in h, (k, h)
    assert h['http_version'] == ('1.1' if m['key'].startswith(B) else ''), h  # the fixture speaks HTTP/1.1
    assert h['url'] == m['key'] and h['schema_version'] == '1'
    assert re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z', h['fetched_at']), h['fetched_at']
    assert re.fullmatch(r'[0-9a-f]{64}', h['sha256'])
d = doc(B + '/report.html')
assert d['payload'] == '<html><body><p>GDP grew 5.2% in 2025.</p></body></html>'
assert d['headers']['content_type'] == 'text/html; charset=utf-8'
assert d['headers']['status'] == '200'
assert d['headers']['sha256'] == hashlib.sha256(d['payload'].encode()).hexdigest()
assert doc(B + '/note.txt')['headers']['content_type'] == 'text/plain; charset=utf-8'
g = doc(B + '/_fx/gzip?bytes=30000')
assert len(g['payload']) == 30000 and g['payload'].startswith('reportpipe fixture text'), 'gzip decoded'
assert len(doc(B + '/_fx/deflate?bytes=20000')['payload']) == 20000, 'deflate decoded'
assert doc(B + '/_fx/chunked?chunks=7')['payload'].count('chunk ') == 7
r = doc(B + '/_fx/redirect/3')
assert r['headers']['final_url'] == B + '/_fx/redirect/0', r['headers']
assert 'arrived' in r['payload']
gbk = doc(B + '/_fx/gbk')
assert 'gbk' in gbk['headers']['content_type']
page = '<html><head><meta charset=\"gbk\"><title>统计公报</title></head><body><p>2025年全国粮食产量69000万吨，比上年增长1.2%。</p></body></html>'
assert raw(gbk) == page.encode('gbk'), 'GBK bytes kept as received'
assert gbk['headers']['sha256'] == hashlib.sha256(raw(gbk)).hexdigest()
f = doc('$WORK/local.html')
assert f['headers']['final_url'] == 'file://$WORK/local.html'
assert f['headers']['content_type'] == 'text/html'
assert reason(B + '/missing.html') == 'http_404'
assert len(dlq) == 1
d = json.loads(dlq[0]['payload'])
assert (d['topic'], d['partition'], d['offset']) == (None, -1, -1), d  # not from Kafka
# one host, one partition
parts = {m['partition'] for m in docs if m['key'].startswith(B)}
assert len(parts) == 1, parts
" "documents and headers"
ok "documents: body as received (decoded), headers, redirect final_url, GBK bytes, local file"
ok "404 -> DLQ http_404; one partition per host"

check "
assert len(state) == 8, len(state)
" "fetch state written for each document"
ok "fetch state written after each outcome"

# Credentials in a URL never reach the logs.
fetch creds --allow-hosts 127.0.0.1 "http://alice:s3cr3t-pw@127.0.0.1:$HTTP_PORT/_fx/status/404?creds=1"
[ "$FETCH_RC" = 0 ] || fail "creds run exited $FETCH_RC"
log_has creds '"url":"http://127.0.0.1:'"$HTTP_PORT"'/_fx/status/404?creds=1"' || fail "redacted URL not logged"
if grep -q 's3cr3t-pw' "$WORK/fetch-creds.err"; then fail "password in the logs"; fi
ok "user:password@ is removed from logged URLs"
