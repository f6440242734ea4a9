#!/usr/bin/env python3
"""Write a catalog in which no list repeats, for `benches/batch.sh SIZE FORMAT distinct`
(never commit its output).

Each row is a real list from ../shared/corpus/sephora_cosmetics.csv (otherwise the fixture
labels) with one realistic change, the kind that makes the same formula print differently in
another size, shade or relaunch: two neighbouring ingredients after the 1 % line swapped, one
minor ingredient dropped, a common minor one added (tocopherol, citric acid, a colourant), a
declared percentage changed, or the case of the list changed. A change that gives a text seen
before is drawn again; a list is written once per distinct change, so nothing the memo could
reuse repeats. One row in 500 is made bad on purpose, as in gen_catalog.py.
Usage: gen_distinct.py OUT.csv SIZE_MB
"""
import csv
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_catalog import lists  # noqa: E402

ADDED = ["Tocopherol", "Citric Acid", "Sodium Benzoate", "CI 77491", "Mica", "Xanthan Gum",
         "Potassium Sorbate", "Disodium EDTA", "Sodium Hydroxide", "Ethylhexylglycerin",
         "CI 77891", "Caprylyl Glycol", "Butylene Glycol", "Panthenol", "Allantoin"]


def change(text, rng):
    items = [x.strip() for x in text.split(",")]
    kind = rng.randrange(5)
    if kind == 0 and len(items) > 6:
        k = rng.randrange(len(items) // 2, len(items) - 1)
        items[k], items[k + 1] = items[k + 1], items[k]
    elif kind == 1 and len(items) > 6:
        del items[rng.randrange(len(items) // 2, len(items))]
    elif kind == 2:
        items.insert(rng.randrange(len(items) // 2, len(items) + 1), rng.choice(ADDED))
    elif kind == 3 and re.search(r"\d+(?:[.,]\d+)?\s*%", text):
        return re.sub(r"(\d+(?:[.,]\d+)?)(\s*%)", lambda m: f"{rng.choice(['0.5', '1', '2', '3', '5', '10'])}{m.group(2)}", text, count=1)
    else:
        return text.upper() if rng.random() < 0.5 else text.title()
    return ", ".join(items)


def main():
    out_path, size_mb = sys.argv[1], float(sys.argv[2])
    target = int(size_mb * 1024 * 1024)
    rng = random.Random(20261206)
    pool = lists()
    seen = set()
    written = 0
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["SKU", "Name", "Ingredients"])
        i = 0
        misses = 0
        while written < target:
            ing = change(rng.choice(pool), rng)
            # A change may give a text seen before: draw again (another list, another change).
            if ing in seen:
                misses += 1
                if misses > 1000 * (len(seen) + 1):
                    sys.exit("cannot make more distinct lists")
                continue
            seen.add(ing)
            i += 1
            row = [f"SKU{i:09d}", f"Product {i}", ing]
            if i % 500 == 0:
                row = [f"SKU{i:09d}", f"Product {i}", ""]
            elif i % 500 == 250:
                row = [f"SKU{i:09d}", f"Product {i}", ing, "stray"]
            w.writerow(row)
            written += len(ing) + 30
    print(f"{out_path}: {i} rows, all lists distinct, {os.path.getsize(out_path) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
