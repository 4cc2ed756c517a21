#!/usr/bin/env bash
# deploy/Dockerfile without a container engine: the stages and targets the
# compose file and README name exist; the runtime stage runs as a non-root
# user, has a HEALTHCHECK on /healthz and installs no compiler or -dev
# package; and every shared library the built service binaries load is
# provided by the runtime stage's packages or their dependencies (checked
# with ldd, dpkg -S and apt-cache on this Debian 12 host, the same release
# as the image). When an engine is present (docker info works) the image
# is built and run as well.
set -euo pipefail
: "${RP_SRC:?RP_SRC must point at the source tree}"
RP_BIN=${RP_BIN:-$RP_SRC/build/bin}
df=$RP_SRC/deploy/Dockerfile
work=$(mktemp -d "${TMPDIR:-/tmp}/rp-docker.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - "$df" "$work/runtime-pkgs" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
logical = re.sub(r"\\\n", " ", text)
stages, cur = {}, None
for line in logical.split("\n"):
    s = line.strip()
    if not s or s.startswith("#"):
        continue
    m = re.match(r"FROM\s+(\S+)(?:\s+AS\s+(\S+))?", s, re.I)
    if m:
        cur = (m.group(2) or f"stage{len(stages)}").lower()
        stages[cur] = {"from": m.group(1), "lines": []}
        continue
    if cur:
        stages[cur]["lines"].append(s)
assert re.search(r"ARG DEBIAN_IMAGE=debian:12-slim", text), "base must be debian:12-slim"
for name in ("build", "runtime", "fetcher", "parser", "sink"):
    assert name in stages, f"stage {name} missing"
for name in ("fetcher", "parser", "sink"):
    assert stages[name]["from"] == "runtime"
    cmd = " ".join(l for l in stages[name]["lines"] if l.upper().startswith(("CMD", "ENTRYPOINT")))
    assert f"reportpipe-{name}" in cmd, f"target {name} must start reportpipe-{name}"
rt = stages["runtime"]["lines"]
joined = "\n".join(rt)
user = [l for l in rt if l.upper().startswith("USER ")]
assert user and not re.match(r"USER\s+(root|0)\b", user[-1]), "runtime must run as non-root"
hc = [l for l in rt if l.upper().startswith("HEALTHCHECK")]
assert hc and "/healthz" in hc[0], "HEALTHCHECK must hit /healthz"
assert "COPY --from=build" in joined
assert "cmake --build" in "\n".join(stages["build"]["lines"])
installs = [l for l in rt if "apt-get install" in l]
assert len(installs) == 1
pkgs = [w for w in installs[0].split("apt-get install", 1)[1].split("&&")[0].split()
        if not w.startswith("-")]
bad = [p for p in pkgs if p.endswith("-dev") or p in ("gcc", "cmake", "make", "clang", "pkg-config")]
assert not bad, f"runtime stage installs build tools: {bad}"
assert "--no-install-recommends" in installs[0]
open(sys.argv[2], "w").write("\n".join(pkgs) + "\n")
binst = [l for l in stages["build"]["lines"] if "apt-get install" in l]
bpkgs = [w for w in binst[0].split("apt-get install", 1)[1].split("&&")[0].split() if not w.startswith("-")]
open(sys.argv[2] + ".build", "w").write("\n".join(bpkgs) + "\n")
print(f"Dockerfile: stages {', '.join(stages)}; runtime packages: {' '.join(pkgs)}")
PY

# Every pkg-config module the CMake files look up comes with the build stage.
if command -v pkg-config >/dev/null && command -v dpkg >/dev/null && command -v apt-cache >/dev/null; then
  # shellcheck disable=SC2046
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances $(cat "$work/runtime-pkgs.build") 2>/dev/null \
    | sed -n 's/^\([a-z0-9][^ :<>]*\).*/\1/p; s/^ *\(Pre\)\?Depends: \([^<>]*\)$/\2/p' \
    | sed 's/:any$//; s/:amd64$//' | sort -u > "$work/build-closure"
  # REQUIRED modules, and cmocka: rp_add_unit_test links it unconditionally,
  # so configuring fails without it. Optional ones (pangocairo for test
  # fixtures) are not needed to build the services.
  mods=$( { grep -rhoE --include=CMakeLists.txt 'pkg_check_modules\([A-Z0-9_]+ REQUIRED [^)]*\)' "$RP_SRC" \
           | sed -E 's/.*IMPORTED_TARGET ([^ )]+).*/\1/'; echo cmocka; } | sort -u)
  for m in $mods; do
    pc="$(pkg-config --variable=pcfiledir "$m" 2>/dev/null)/$m.pc"
    pkg=$(dpkg -S "$pc" 2>/dev/null | head -n1 | cut -d: -f1)
    [ -n "$pkg" ] || { echo "note: pkg-config module $m not installed here; not checked"; continue; }
    grep -qx "$pkg" "$work/build-closure" || fail "the build stage lacks $pkg (pkg-config $m)"
  done
  echo "build stage provides every pkg-config module: $(echo $mods | tr '\n' ' ')"
fi

bins=()
for b in reportpipe reportpipe-fetcher reportpipe-parser reportpipe-sink; do
  if [ -x "$RP_BIN/$b" ]; then bins+=("$RP_BIN/$b"); else echo "note: $RP_BIN/$b not built; its libraries are not checked"; fi
done
[ ${#bins[@]} -gt 0 ] || fail "no service binary in $RP_BIN: build first"
if ! command -v apt-cache >/dev/null || ! command -v dpkg >/dev/null; then
  echo "SKIP: library coverage needs dpkg and apt-cache (a Debian host)"; exit 0
fi
# The runtime packages and everything they depend on.
# shellcheck disable=SC2046
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances $(cat "$work/runtime-pkgs") 2>/dev/null \
  | sed -n 's/^\([a-z0-9][^ :<>]*\).*/\1/p; s/^ *\(Pre\)\?Depends: \([^<>]*\)$/\2/p' \
  | sed 's/:any$//; s/:amd64$//' | sort -u > "$work/closure"
grep -qx libc6 "$work/closure" || fail "apt-cache depends gave no closure (run apt-get update?)"
missing=0
for b in "${bins[@]}"; do
  ldd "$b" | awk '/=>/ {print $3}' | while read -r lib; do
    [ -n "$lib" ] || continue
    real=$(readlink -f "$lib")
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "${lib#/usr}" 2>/dev/null \
          || dpkg -S "/usr$lib" 2>/dev/null || true)
    pkg=${pkg%%:*}
    if [ -z "$pkg" ]; then echo "$(basename "$b"): $lib belongs to no package"; echo x >> "$work/missing"; continue; fi
    grep -qx "$pkg" "$work/closure" || { echo "$(basename "$b"): $lib from $pkg, which the runtime stage lacks"; echo x >> "$work/missing"; }
  done
done
[ ! -s "$work/missing" ] || fail "the runtime image would miss libraries"
echo "every library of ${#bins[@]} binaries comes with the runtime packages"

if command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1; then
  docker build -q -f "$df" --target parser -t reportpipe-parser:test "$RP_SRC" >/dev/null \
    || fail "docker build --target parser"
  docker run --rm reportpipe-parser:test reportpipe-parser --help >/dev/null || fail "image does not run"
  echo "docker: built and ran the parser image"
else
  echo "note: no container engine: the image itself was not built"
fi
echo "dockerfile: OK"
