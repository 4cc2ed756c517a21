#!/usr/bin/env bash
# Change detection across restarts: the second process reads the fetch-state
# topic, sends If-None-Match / If-Modified-Since, turns 304 into not-modified
# and an identical body into unchanged (no new document), and produces a
# document again only when the body changed.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
start_broker
start_fixture
echo '<html><body>version 1</body></html>' >"$WORK/root/changing.html"
URLS=("$BASE/_fx/etag?v=A" "$BASE/_fx/lastmod" "$BASE/_fx/same?v=1" "$BASE/changing.html")

fetch first --allow-hosts 127.0.0.1 "${URLS[@]}"
[ "$FETCH_RC" = 0 ] || fail "first run exited $FETCH_RC"
log_has first '"fetched":"4","not_modified":"0","unchanged":"0","failed":"0"' || fail "first summary"
ok "first run: 4 documents"

fetch second --allow-hosts 127.0.0.1 "${URLS[@]}"
[ "$FETCH_RC" = 0 ] || fail "second run exited $FETCH_RC"
log_has second '"fetch state loaded","topic":"reportpipe.fetch-state","urls":"4"' || fail "state not read back"
log_has second '"fetched":"0","not_modified":"2","unchanged":"2","failed":"0"' || fail "second summary"
check "assert len(docs) == 4, len(docs)" "no new documents on the second run"
ok "restart: state read from the topic; 304 -> not_modified (ETag, Last-Modified); same body -> unchanged"

echo '<html><body>version 2</body></html>' >"$WORK/root/changing.html"
fetch third --allow-hosts 127.0.0.1 "${URLS[@]}"
log_has third '"fetched":"1","not_modified":"2","unchanged":"1","failed":"0"' || fail "third summary"
check "
import hashlib
ds = [m for m in docs if m['key'] == '$BASE/changing.html']
assert len(ds) == 2 and 'version 2' in ds[-1]['payload']
assert ds[0]['headers']['sha256'] != ds[1]['headers']['sha256']
e = doc('$BASE/_fx/etag?v=A')
assert e['headers']['etag'] == '\"A\"', e['headers']
assert doc('$BASE/_fx/lastmod')['headers']['last_modified'] == 'Sat, 21 Nov 2026 05:00:00 GMT'
import json
st = {}
for m in state:
    st[m['key']] = json.loads(m['payload'])
assert st['$BASE/_fx/etag?v=A']['etag'] == '\"A\"'
assert st['$BASE/changing.html']['sha256'] == ds[-1]['headers']['sha256']
" "changed body"
ok "changed body -> new document; state holds etag, last_modified, sha256"

# --refresh: the same source is polled again every second until SIGTERM;
# an unchanged body is not produced again.
"$RP_BIN/reportpipe-fetcher" --bootstrap-servers "$BOOTSTRAP" --allow-hosts 127.0.0.1 \
  --host-delay-ms 0 --refresh 1 "$BASE/_fx/same?v=refresh" \
  >"$WORK/fetch-refresh.out" 2>"$WORK/fetch-refresh.err" &
RPID=$!
PIDS+=($RPID)
refreshed() { [ "$(hits '/_fx/same?v=refresh')" -ge 3 ]; }
wait_for 20 refreshed || fail "source not re-polled by --refresh"
kill -TERM "$RPID"
set +e; wait "$RPID"; rc=$?; set -e
[ "$rc" = 0 ] || fail "refreshing fetcher exited $rc"
grep -q '"fetch summary","fetched":"1","not_modified":"0","unchanged":"[2-9]"' "$WORK/fetch-refresh.err" \
  || fail "refresh summary: $(grep summary "$WORK/fetch-refresh.err")"
check "assert len([m for m in docs if m['key'] == '$BASE/_fx/same?v=refresh']) == 1" "refresh produced twice"
ok "--refresh 1: re-polled every second; unchanged body produced once"
