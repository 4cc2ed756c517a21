#!/usr/bin/env bash
# The second README command: installs, builds and runs every test (unit,
# integration against the embedded broker, eval on the corpora).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cd "${RP_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j2 "$@"
