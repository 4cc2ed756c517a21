#!/bin/sh
# Installs every Debian 12 package reportpipe needs to build, run and test.
# Runs apt-get directly as root, or through sudo otherwise. Idempotent.
set -eu
PKGS="cmake make gcc clang pkg-config git
  librdkafka-dev libcurl4-openssl-dev libcjson-dev libcmocka-dev
  libopencc-dev libuchardet-dev libxml2-dev libpoppler-glib-dev
  libmicrohttpd-dev libpango1.0-dev libcairo2-dev fonts-wqy-microhei
  libssl-dev openssl kcat python3 python3-kafka python3-yaml nginx-light curl
  prometheus postgresql docker-compose"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
