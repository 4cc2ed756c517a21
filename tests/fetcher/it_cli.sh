#!/usr/bin/env bash
# The service's surface: --help and --help-markdown from the config table, a
# bad setting stops start-up naming it (flag, environment, -X property,
# allowlist entry), --urls-file with comments, exit 0 when all URLs are done.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"
F="$RP_BIN/reportpipe-fetcher"

"$F" --help >"$WORK/help.txt"
for k in --max-transfers --per-host-max --host-delay-ms --allow-hosts --allow-files --robots \
         --max-body-bytes --refresh --consume-sources RP_FETCH_MAX_TRANSFERS --bootstrap-servers -X; do
  grep -q -- "$k" "$WORK/help.txt" || fail "--help lacks $k"
done
"$F" --help-markdown >"$WORK/help.md"
grep -q '^| `--max-retries` | `RP_FETCH_MAX_RETRIES` | `3` |' "$WORK/help.md" || fail "--help-markdown"
ok "--help and --help-markdown generated from the table"

expect_bad() { # expect_bad WORD ARGS... : exit 2 and WORD in the message
  local word=$1; shift
  set +e; "$@" >"$WORK/bad.out" 2>"$WORK/bad.err"; local rc=$?; set -e
  [ "$rc" = 2 ] || fail "expected exit 2 for: $* (got $rc)"
  grep -q -- "$word" "$WORK/bad.err" || fail "message should name $word: $(cat "$WORK/bad.err")"
}
expect_bad "--max-transfers" "$F" --max-transfers 0 http://x/
expect_bad "--max-transfers" "$F" --max-transfers lots http://x/
expect_bad "--no-such-flag" "$F" --no-such-flag http://x/
expect_bad "--compression" "$F" --compression gzip http://x/
expect_bad "--per-host-max" "$F" --per-host-max 50 --max-transfers 10 http://x/
expect_bad "--log-level" "$F" --log-level loud http://x/
expect_bad "no sources" "$F"
expect_bad "RP_FETCH_TIMEOUT_MS" env RP_FETCH_TIMEOUT_MS=soon "$F" http://x/
expect_bad "--ca-file $WORK/no-such-ca.pem: No such file" "$F" --ca-file "$WORK/no-such-ca.pem" http://x/
expect_bad "--ca-file $WORK: not a regular file" "$F" --ca-file "$WORK" http://x/
ok "bad flags, values, relations and environment stop start-up naming the setting"

start_broker
start_fixture
expect_bad "--allow-hosts" "$F" --bootstrap-servers "$BOOTSTRAP" --allow-hosts "10.0.0.0/99" http://x/
expect_bad "no.such.property" "$F" --bootstrap-servers "$BOOTSTRAP" -X no.such.property=1 http://x/
ok "bad allowlist entry and unknown -X property named"

cat >"$WORK/urls.txt" <<URLS
# sources for the test
$BASE/_fx/page/f1
   $BASE/_fx/page/f2   # trailing comment

$BASE/_fx/page/f3#fragment-is-part-of-the-url
URLS
fetch file --allow-hosts 127.0.0.1 --urls-file "$WORK/urls.txt" -X linger.ms=1
[ "$FETCH_RC" = 0 ] || fail "exit $FETCH_RC"
log_has file '"fetched":"3"' || fail "3 URLs from the file"
check "
keys = sorted(m['key'] for m in docs)
assert keys == sorted(['$BASE/_fx/page/f1', '$BASE/_fx/page/f2', '$BASE/_fx/page/f3#fragment-is-part-of-the-url']), keys
" "urls file"
ok "--urls-file: one a line, comments and blanks skipped; -X passthrough accepted"
