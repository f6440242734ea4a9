#!/usr/bin/env python3
"""Write a large, realistic CSV catalog for `benches/batch.sh` (never commit its output).

Rows are real ingredient lists from ../shared/corpus/sephora_cosmetics.csv when it exists
(otherwise the fixture labels), in a seeded random order, with an SKU, a name, and one row in
500 made bad on purpose (empty cell, ragged row) so error records are exercised too.
Usage: gen_catalog.py OUT.csv SIZE_MB
"""
import csv
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lists():
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "sephora_cosmetics.csv")
    if os.path.exists(corpus):
        with open(corpus, encoding="utf-8-sig", newline="") as f:
            return [r["Ingredients"] for r in csv.DictReader(f) if r["Ingredients"].strip()]
    out = []
    for d in ("fixtures/labels", "fixtures/risk"):
        for name in sorted(os.listdir(os.path.join(ROOT, d))):
            text = open(os.path.join(ROOT, d, name), encoding="utf-8").read()
            out.append(text.split("---\n", 1)[1])
    return [x for x in out if x.strip()]


def write(out_path, size_mb, next_list):
    """Writes rows `SKU, Name, Ingredients` of lists from `next_list()` (None: no more) until
    `size_mb`, one row in 500 made bad on purpose (an empty cell, a ragged row); returns the
    number of rows."""
    target = int(size_mb * 1024 * 1024)
    written = 0
    i = 0
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["SKU", "Name", "Ingredients"])
        while written < target:
            ing = next_list()
            if ing is None:
                break
            i += 1
            row = [f"SKU{i:09d}", f"Product {i}", ing]
            if i % 500 == 0:
                row = [f"SKU{i:09d}", f"Product {i}", ""]
            elif i % 500 == 250:
                row = [f"SKU{i:09d}", f"Product {i}", ing, "stray"]
            w.writerow(row)
            written += len(ing) + 30
    return i


def main():
    out_path, size_mb = sys.argv[1], float(sys.argv[2])
    rng = random.Random(20261125)
    pool = lists()
    rows = write(out_path, size_mb, lambda: rng.choice(pool))
    print(f"{out_path}: {rows} rows, {os.path.getsize(out_path) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
