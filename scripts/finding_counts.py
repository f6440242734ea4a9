#!/usr/bin/env python3
"""Counts the findings of an `inci batch` JSON Lines output: per code, Annex II findings at the
prohibited level per entry, and the vegan / vegetarian verdicts. Reads standard input.

    inci batch ../shared/corpus/sephora_cosmetics.csv --column Ingredients | scripts/finding_counts.py

Works on the output of any inci version (it reads only `code`, `message`, `vegan`,
`vegetarian`), so a change can be measured before and after on the same catalog.
Standard library only.
"""
import collections
import json
import re
import signal
import sys


def main():
    codes, entries = collections.Counter(), collections.Counter()
    vegan, vegetarian = collections.Counter(), collections.Counter()
    rows = errors = 0
    for line in sys.stdin:
        record = json.loads(line)
        rows += 1
        if "error" in record:
            errors += 1
            continue
        vegan[record["vegan"]] += 1
        vegetarian[record["vegetarian"]] += 1
        for f in record.get("findings", []):
            codes[f["code"]] += 1
            if f["code"] in ("R002", "R416"):
                m = re.search(r"Annex II entry (\w+)", f["message"])
                entries[m.group(1) if m else "?"] += 1
    print(f"rows {rows}, error records {errors}")
    print("findings per code:", ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    print(f"prohibited-level Annex II findings: {sum(entries.values())}")
    for ref, n in entries.most_common():
        print(f"  entry {ref}: {n}")
    print("vegan:", dict(vegan), "vegetarian:", dict(vegetarian))


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the output quietly
    main()
