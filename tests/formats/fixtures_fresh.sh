#!/usr/bin/env bash
# The committed text and HTML fixtures are what scripts/gen-format-fixtures.py
# writes today (PDFs and Big5 need the gen_pdf helper and are not compared).
set -euo pipefail
src=${RP_SRC:?RP_SRC not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/scripts/gen-format-fixtures.py" --out "$tmp" 2>/dev/null
status=0
for f in "$tmp"/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "$src/tests/formats/fixtures/$name"; then
    echo "stale fixture: tests/formats/fixtures/$name (rerun scripts/gen-format-fixtures.py)"
    status=1
  fi
done
[ "$status" = 0 ] && echo "fixtures fresh: $(ls "$tmp" | wc -l) files"
exit $status
