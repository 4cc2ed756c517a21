#!/usr/bin/env bash
# Limits and refusals: total and low-speed timeouts, body caps (announced,
# chunked, decompression bomb), the Kafka message cap, redirect loops,
# schemes, files without --allow-files, and the address policy end to end on
# loopback (refused before connecting; also after a redirect).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
start_broker
start_fixture
L="--max-retries 0"
printf 'x' >"$WORK/local.txt"

fetch total --allow-hosts 127.0.0.1 $L --timeout-ms 1500 "$BASE/_fx/slow?bytes=4096&chunk=16&delay=0.5&t=total"
fetch lowspeed --allow-hosts 127.0.0.1 $L --low-speed-bytes 200 --low-speed-time-s 2 \
  "$BASE/_fx/slow?bytes=4096&chunk=16&delay=0.5&t=low"
fetch caps --allow-hosts 127.0.0.1 $L --max-body-bytes 100000 --max-message-bytes 60000 \
  --max-redirects 3 \
  "$BASE/_fx/big?bytes=200000" "$BASE/_fx/big-chunked?bytes=200000" "$BASE/_fx/bomb?mb=64" \
  "$BASE/_fx/big?bytes=80000" "$BASE/_fx/big?bytes=50000" "$BASE/_fx/loop" "$BASE/_fx/redirect/3" \
  "$BASE/_fx/redirect/4" "ftp://127.0.0.1:$HTTP_PORT/x" "gopher://127.0.0.1/" "http://" \
  "$WORK/local.txt"
[ "$FETCH_RC" = 0 ] || fail "fetcher exited $FETCH_RC with failures only (they are outcomes)"
check "
B = '$BASE'
assert reason(B + '/_fx/slow?bytes=4096&chunk=16&delay=0.5&t=total') == 'timeout'
assert reason(B + '/_fx/slow?bytes=4096&chunk=16&delay=0.5&t=low') == 'timeout'
assert reason(B + '/_fx/big?bytes=200000') == 'too_large'
assert reason(B + '/_fx/big-chunked?bytes=200000') == 'too_large'
assert reason(B + '/_fx/bomb?mb=64') == 'too_large'
assert reason(B + '/_fx/big?bytes=80000') == 'message_too_large', reason(B + '/_fx/big?bytes=80000')
assert doc(B + '/_fx/big?bytes=50000') is not None
assert reason(B + '/_fx/loop') == 'too_many_redirects'
assert doc(B + '/_fx/redirect/3') is not None
assert reason(B + '/_fx/redirect/4') == 'too_many_redirects'
assert reason('ftp://127.0.0.1:$HTTP_PORT/x') == 'scheme_not_allowed'
assert reason('gopher://127.0.0.1/') == 'scheme_not_allowed'
assert reason('http://') == 'invalid_url'
assert reason('$WORK/local.txt') == 'files_not_allowed'
import json
m = [m for m in dlq if m['key'] == B + '/_fx/bomb?mb=64'][0]
d = json.loads(m['payload'])
assert d['stage'] == 'fetcher' and 'decoded' in d['detail'], d
assert m['headers']['rp-reason'] == 'too_large' and m['headers']['url'] == m['key']
" "limits"
ok "timeouts (total, low speed), too_large (length, chunked, gzip bomb), message_too_large"
ok "redirect loop and limit, schemes, invalid URL, files without --allow-files"

# Address policy: no allowlist -> refused before any connection.
robots_before=$(hits /robots.txt)
fetch blocked "$BASE/_fx/page/blocked" "http://localhost:$HTTP_PORT/_fx/page/blocked-name" \
  "http://[::ffff:127.0.0.1]:$HTTP_PORT/_fx/page/mapped"
[ "$FETCH_RC" = 0 ] || fail "blocked run exited $FETCH_RC"
check "
B = '$BASE'
assert reason(B + '/_fx/page/blocked') == 'blocked_address'
assert reason('http://localhost:$HTTP_PORT/_fx/page/blocked-name') == 'blocked_address'
assert reason('http://[::ffff:127.0.0.1]:$HTTP_PORT/_fx/page/mapped') == 'blocked_address'
import json
d = [json.loads(m['payload']) for m in dlq if m['key'] == B + '/_fx/page/blocked'][0]
assert 'loopback' in d['detail'], d
" "blocked addresses"
[ "$(hits /_fx/page/blocked)" = 0 ] && [ "$(hits /_fx/page/blocked-name)" = 0 ] && [ "$(hits /robots.txt)" = "$robots_before" ] \
  || fail "a refused address was contacted"
ok "loopback without allowlist -> blocked_address (v4, by name, v4-mapped v6), nothing sent"

# Host-name allowlist admits localhost, not a redirect to 127.0.0.1.
fetch redirect --allow-hosts localhost "http://localhost:$HTTP_PORT/_fx/page/by-name" \
  "http://localhost:$HTTP_PORT/_fx/redirect-to?url=http://127.0.0.1:$HTTP_PORT/_fx/page/after-redirect"
check "
P = '$HTTP_PORT'
assert doc('http://localhost:%s/_fx/page/by-name' % P) is not None
assert reason('http://localhost:%s/_fx/redirect-to?url=http://127.0.0.1:%s/_fx/page/after-redirect' % (P, P)) == 'blocked_address'
" "redirect to a refused address"
[ "$(hits /_fx/page/after-redirect)" = 0 ] || fail "the redirect target was contacted"
ok "allowlisted host name fetched; its redirect to a refused address -> blocked_address"

# TLS verification stays on: a self-signed certificate is refused.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" \
  -days 1 -subj "/CN=127.0.0.1" >/dev/null 2>&1 || fail "openssl could not make a test certificate"
python3 "$RP_SRC/tests/fixtures/http_fixture.py" --tls-cert "$WORK/cert.pem" --tls-key "$WORK/key.pem" \
  >"$WORK/https.out" 2>"$WORK/https.err" &
PIDS+=($!)
wait_for 10 test -s "$WORK/https.out" || fail "https fixture did not start"
HTTPS="https://127.0.0.1:$(head -n1 "$WORK/https.out")"
fetch tls --allow-hosts 127.0.0.1 $L "$HTTPS/_fx/page/tls"
check "assert reason('$HTTPS/_fx/page/tls') == 'tls_error', reason('$HTTPS/_fx/page/tls')" "self-signed"
ok "https with a self-signed certificate -> tls_error (verification on)"
