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
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_catalog import lists, write  # noqa: E402

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
    rng = random.Random(20261206)
    pool = lists()
    seen = set()

    def next_list():
        # A change may give a text seen before: draw again (another list, another change).
        for _ in range(100_000):
            ing = change(rng.choice(pool), rng)
            if ing not in seen:
                seen.add(ing)
                return ing
        sys.exit("cannot make more distinct lists")

    rows = write(out_path, size_mb, next_list)
    print(f"{out_path}: {rows} rows, all lists distinct, {os.path.getsize(out_path) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
