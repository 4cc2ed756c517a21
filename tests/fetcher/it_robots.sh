#!/usr/bin/env bash
# robots.txt: fetched once per host and cached, obeyed for our user agent
# (group for the agent over '*'), off with --robots=false; a 404 robots.txt
# allows all; a 5xx one is "unavailable": retried, then robots_unavailable.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
start_broker
start_fixture

fetch obey --allow-hosts 127.0.0.1 "$BASE/_fx/page/r1" "$BASE/_fx/page/r2" \
  "$BASE/_fx/private/secret" "$BASE/_fx/page/r3"
[ "$FETCH_RC" = 0 ] || fail "fetcher exited $FETCH_RC"
check "
B = '$BASE'
assert reason(B + '/_fx/private/secret') == 'robots_disallowed'
for p in ('r1', 'r2', 'r3'):
    assert doc(B + '/_fx/page/' + p) is not None
" "robots obeyed"
[ "$(hits /_fx/private/secret)" = 0 ] || fail "disallowed path was requested"
[ "$(hits /robots.txt)" = 1 ] || fail "robots.txt should be fetched once, got $(hits /robots.txt)"
ok "disallowed path -> robots_disallowed without a request; robots.txt fetched once for 4 URLs"

fetch off --allow-hosts 127.0.0.1 --robots=false "$BASE/_fx/private/secret"
check "assert doc('$BASE/_fx/private/secret') is not None" "--robots=false"
ok "--robots=false fetches the disallowed path"

fetch agent --allow-hosts 127.0.0.1 --user-agent "blockedbot/2.0 (+test)" "$BASE/_fx/page/for-blockedbot"
check "assert reason('$BASE/_fx/page/for-blockedbot') == 'robots_disallowed'" "agent group"
ok "the group naming our agent token applies (blockedbot: Disallow: /)"

# A second fixture whose robots.txt answers 503, a third whose answers 404.
python3 "$RP_SRC/tests/fixtures/http_fixture.py" --robots-status 503 >"$WORK/http2.out" 2>/dev/null &
PIDS+=($!)
python3 "$RP_SRC/tests/fixtures/http_fixture.py" --robots-status 404 >"$WORK/http3.out" 2>/dev/null &
PIDS+=($!)
wait_for 10 test -s "$WORK/http2.out" || fail "fixture 2"
wait_for 10 test -s "$WORK/http3.out" || fail "fixture 3"
B2="http://127.0.0.1:$(head -n1 "$WORK/http2.out")"
B3="http://127.0.0.1:$(head -n1 "$WORK/http3.out")"
fetch unavailable --allow-hosts 127.0.0.1 --max-retries 1 --retry-base-ms 100 \
  "$B2/_fx/page/u1" "$B3/_fx/private/allowed-when-404"
[ "$FETCH_RC" = 0 ] || fail "unavailable run exited $FETCH_RC"
check "
assert reason('$B2/_fx/page/u1') == 'robots_unavailable'
assert doc('$B3/_fx/private/allowed-when-404') is not None
" "robots 5xx / 404"
[ "$(BASE=$B2 hits /_fx/page/u1)" = 0 ] || fail "page fetched although robots.txt was unavailable"
[ "$(BASE=$B2 hits /robots.txt)" = 2 ] || fail "robots.txt 503: expected 2 attempts, got $(BASE=$B2 hits /robots.txt)"
ok "robots.txt 503 -> retried -> robots_unavailable (page never requested); 404 -> allow all"

# A redirect is checked against the robots.txt of the host it lands on: an
# allowed URL redirecting into /_fx/private/ (disallowed, robots.txt known)
# is refused before the redirect's request is sent.
fetch redirect --allow-hosts 127.0.0.1 "$BASE/_fx/page/r4" \
  "$BASE/_fx/redirect-to?url=/_fx/private/via-redirect" \
  "$BASE/_fx/redirect-to?url=/_fx/page/r5"
[ "$FETCH_RC" = 0 ] || fail "redirect run exited $FETCH_RC"
check "
B = '$BASE'
assert reason(B + '/_fx/redirect-to?url=/_fx/private/via-redirect') == 'robots_disallowed'
assert doc(B + '/_fx/redirect-to?url=/_fx/page/r5') is not None
" "redirect into a disallowed path"
[ "$(hits /_fx/private/via-redirect)" = 0 ] || fail "disallowed redirect target was requested"
ok "redirect to a disallowed path -> robots_disallowed, target never requested; allowed redirect -> document"
