#!/usr/bin/env python3
"""Compares analytics rows with what `reportpipe extract` found.

usage: compare.py EXPECTED.jsonl ANALYTICS.jsonl
EXPECTED lines come from `reportpipe extract` (field `source`, a path);
ANALYTICS rows carry `source_url`. Documents are matched on the file name.
Exits 1 and says what differs when a measure is missing, extra, or a
measure_id appears twice."""
import collections
import json
import os
import sys
import urllib.parse


def doc_name(s):
    return os.path.basename(urllib.parse.urlparse(s).path or s)


def key(doc, row):
    return (doc, round(float(row["value"]), 6), row["unit"], row["text"])


def main():
    expected = collections.Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                expected[key(doc_name(r["source"]), r)] += 1
    got = collections.Counter()
    ids = collections.Counter()
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                got[key(doc_name(r["source_url"]), r)] += 1
                ids[r["measure_id"]] += 1
    dups = [i for i, n in ids.items() if n > 1]
    missing = expected - got
    extra = got - expected
    print(f"expected {sum(expected.values())} measures, analytics has {sum(got.values())} rows, "
          f"{len(ids)} distinct measure_ids, {len(dups)} duplicated ids")
    for k in list(missing)[:10]:
        print("missing:", k)
    for k in list(extra)[:10]:
        print("extra:", k)
    if missing or extra or dups:
        sys.exit(1)


if __name__ == "__main__":
    main()
