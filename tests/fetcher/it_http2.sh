#!/usr/bin/env bash
# HTTPS with verification on, HTTP/2 where the server offers it: a throwaway
# CA and a certificate for 127.0.0.1 (IP SAN) made with the openssl CLI;
# Debian's nginx on 127.0.0.1 with one server offering h2 and one only
# HTTP/1.1. With --ca-file naming the CA, every page becomes a document whose
# http_version header is "2" (nginx's log agrees: HTTP/2.0) or "1.1" where h2
# is not offered. Without --ca-file the fetch is a dead letter tls_error
# (certificate not trusted) and no request reaches nginx. Exits 77 (skipped)
# when nginx or openssl is not installed.
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ] || ! command -v openssl >/dev/null; then
  echo "SKIP: nginx and openssl are needed (apt-get install nginx-light openssl)"
  exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
. "$here/it_lib.sh"

# --- a throwaway CA and a server certificate for 127.0.0.1 ------------------
T="$WORK/tls"
mkdir -p "$T"
ossl() { openssl "$@" >>"$T/openssl.log" 2>&1 || fail "openssl $1: $(tail -n 5 "$T/openssl.log")"; }
ossl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$T/ca.key" -out "$T/ca.pem" -days 2 -subj "/CN=reportpipe test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
ossl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$T/server.key" -out "$T/server.csr" -subj "/CN=127.0.0.1"
printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature" \
  "extendedKeyUsage=serverAuth" "subjectAltName=IP:127.0.0.1" >"$T/server.ext"
ossl x509 -req -in "$T/server.csr" -CA "$T/ca.pem" -CAkey "$T/ca.key" -CAcreateserial \
  -out "$T/server.pem" -days 2 -extfile "$T/server.ext"

# --- nginx on loopback: PORT offers h2, PORT1 only HTTP/1.1 -----------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
PORT1=$(free_port)
N="$WORK/nginx"
mkdir -p "$N/www" "$N/tmp"
for i in $(seq 1 12); do
  printf '<html><body><p>page %d: output rose %d.5%%</p></body></html>' "$i" "$i" >"$N/www/p$i.html"
done
cat >"$N/nginx.conf" <<CONF
user $(id -un) $(id -gn);
daemon off;
worker_processes 1;
pid $N/nginx.pid;
error_log $N/error.log warn;
events { worker_connections 64; }
http {
  log_format proto '\$server_port \$server_protocol \$connection \$status \$request_uri';
  access_log $N/access.log proto;
  client_body_temp_path $N/tmp/body;
  proxy_temp_path $N/tmp/proxy;
  fastcgi_temp_path $N/tmp/fastcgi;
  uwsgi_temp_path $N/tmp/uwsgi;
  scgi_temp_path $N/tmp/scgi;
  types { text/html html; }
  ssl_certificate $T/server.pem;
  ssl_certificate_key $T/server.key;
  server { listen 127.0.0.1:$PORT ssl http2; root $N/www; }
  server { listen 127.0.0.1:$PORT1 ssl; root $N/www; }
}
CONF
"$NGINX" -p "$N" -c "$N/nginx.conf" -e "$N/error.log" 2>>"$N/error.log" &
PIDS+=($!)
nginx_up() { curl -sf --cacert "$T/ca.pem" -o /dev/null "https://127.0.0.1:$PORT/p1.html?up"; }
wait_for 10 nginx_up || fail "nginx did not start: $(tail -n 5 "$N/error.log")"
start_broker
B2="https://127.0.0.1:$PORT"
B1="https://127.0.0.1:$PORT1"

# --- trusted through --ca-file: documents over HTTP/2 ----------------------
# Eleven pages through four slots: pooled handles are reused after HTTP/2
# transfers (a reused handle once refused its receive-buffer size).
fetch h2 --allow-hosts 127.0.0.1 --ca-file "$T/ca.pem" --per-host-max 4 \
  $(for i in $(seq 1 11); do printf '%s ' "$B2/p$i.html"; done) "$B1/p12.html"
[ "$FETCH_RC" = 0 ] || fail "fetcher exited $FETCH_RC"
log_has h2 '"fetch summary","fetched":"12","not_modified":"0","unchanged":"0","failed":"0"' \
  || fail "summary: $(grep summary "$WORK/fetch-h2.err")"
check "
assert len(docs) == 12 and not dlq, (len(docs), dlq)
for i in range(1, 12):
    d = doc('$B2/p%d.html' % i)
    assert d is not None, i
    assert d['payload'].startswith('<html><body><p>page %d:' % i), d['payload']
    assert d['headers']['status'] == '200', d['headers']
    assert d['headers']['http_version'] == '2', d['headers']
d = doc('$B1/p12.html')
assert d['headers']['http_version'] == '1.1', d['headers']
" "documents over https"
ok "--ca-file: TLS verified against the throwaway CA; 12 documents, http_version 2 (1.1 where h2 is not offered)"

python3 - "$N/access.log" "$PORT" "$PORT1" <<'PY' || fail "nginx access log: $(cat "$N/access.log")"
import sys
log, h2, h1 = sys.argv[1], sys.argv[2], sys.argv[3]
seen = {}
for line in open(log):
    port, proto, conn, status, uri = line.split()
    if uri.endswith('?up'):
        continue
    seen[(port, uri)] = proto
want = {(h2, '/p%d.html' % i) for i in range(1, 12)} | {(h2, '/robots.txt'), (h1, '/p12.html'), (h1, '/robots.txt')}
assert set(seen) == want, sorted(seen)
for (port, uri), proto in seen.items():
    assert proto == ('HTTP/2.0' if port == h2 else 'HTTP/1.1'), (port, uri, proto)
PY
ok "nginx served every request of the h2 server (robots.txt included) over HTTP/2.0"

# --- not trusted: verification stays on, the fetch is a dead letter --------
: >"$N/access.log"
fetch noca --allow-hosts 127.0.0.1 "$B2/p1.html?noca"
[ "$FETCH_RC" = 0 ] || fail "fetcher exited $FETCH_RC"
check "
k = '$B2/p1.html?noca'
assert doc(k) is None
dl = [json.loads(m['payload']) for m in dlq if m['key'] == k]
assert len(dl) == 1, dl
assert dl[0]['reason'] == 'tls_error', dl[0]
assert 'certificate' in dl[0]['detail'], dl[0]['detail']
assert dl[0]['stage'] == 'fetcher', dl[0]
" "untrusted certificate"
if grep -q 'noca' "$N/access.log"; then fail "a request was sent over an unverified connection"; fi
ok "without --ca-file: dead letter tls_error ($(grep -o 'SSL certificate problem[^"]*' "$WORK/fetch-noca.err" | head -n1)), nothing requested"
