"""Wall time of `inci.scan_many` against `inci batch` on one catalog, in one run.

    python crates/inci-py/bench/scan_many.py ../shared/corpus/sephora_cosmetics.csv Ingredients target/release/inci

Each is timed 7 times and the best is kept; the Python side includes reading the CSV, so both
start from the file. `scan_many_json` (one JSON string per row, what a Spark column holds) is
timed too.
"""

from __future__ import annotations

import csv
import gc
import subprocess
import sys
import time

import inci


def best(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
        del out
        gc.collect()
    return min(times)


def main() -> None:
    path, column, binary = sys.argv[1], sys.argv[2], sys.argv[3]

    def texts() -> list:
        with open(path, newline="", encoding="utf-8") as f:
            return [row[column] for row in csv.DictReader(f)]

    def batch() -> None:
        subprocess.run(
            [binary, "batch", path, "--column", column],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )

    cli = best(batch)
    dicts = best(lambda: inci.scan_many(texts()))
    strings = best(lambda: inci.scan_many_json(texts()))
    print(f"rows: {len(texts())}")
    print(f"inci batch (JSON Lines to /dev/null): {cli * 1000:.0f} ms")
    print(f"inci.scan_many (dicts):                {dicts * 1000:.0f} ms ({dicts / cli:.2f}x)")
    print(f"inci.scan_many_json (JSON strings):    {strings * 1000:.0f} ms ({strings / cli:.2f}x)")


if __name__ == "__main__":
    main()
