#!/usr/bin/env bash
# Linear time and memory on long input (issue 11): runs `inci scan`, `inci lint` and
# `inci batch` at 1x, 4x and 16x of a long one-line label and of a catalog of long cells, and
# prints wall time, peak memory (max RSS) and the ratio to the previous size. Linear work
# shows ratios near 4; the target is no step above 5.
# Usage: benches/scaling.sh [BASE_ITEMS] [BASE_ROWS]   (defaults 6000 items, 10 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-6000}
rows=${2:-10}
cargo build --release --quiet
bin=$PWD/target/release/inci
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (GNU time)" >&2; exit 1; }

python3 - "$work" "$items" "$rows" <<'EOF'
import csv, sys
work, items, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
# Real names with a misspelling, a duplicate and accents, so every rule has work to do.
names = ["Aqua", "Glycerin", "Talcc", "Parfum", "glycerin", "Crème de Karité",
         "Sodium Laureth Sulfate"]
for k in (1, 4, 16):
    n = items * k
    with open(f"{work}/label_{k}.txt", "w", encoding="utf-8") as f:
        f.write(", ".join(names[i % len(names)] for i in range(n)))
    cell = ", ".join(names[i % len(names)] for i in range(40000))  # ~0.8 MB
    with open(f"{work}/catalog_{k}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["sku", "Ingredients"])
        for r in range(rows * k):
            w.writerow([r, cell])
    # Issue 20's quadratic cases: a run of colourants (L008) and dash-led lines (the
    # highlight-bullet test searched the rest of the input for a colon from every line).
    with open(f"{work}/colourants_{k}.txt", "w", encoding="utf-8") as f:
        f.write("CI 77491, " * (items // 2 * k))
    with open(f"{work}/dashes_{k}.txt", "w", encoding="utf-8") as f:
        f.write("-Aqua\n" * (items * 2 * k))
    # Two fixes per item (an empty item, a misspelling): `--fix` checked each edit against
    # every edit taken before it.
    with open(f"{work}/fixes_{k}.txt", "w", encoding="utf-8") as f:
        f.write("Aqua,, Phenoxyetanol, " * (items // 2 * k))
EOF

measure() { # name, then the command; prints "name k seconds KB ratio"
  local name=$1 prev="" k t kb ratio
  shift
  for k in 1 4 16; do
    /usr/bin/time -o "$work/time" -f "%e %M" "$@" "$k" >/dev/null 2>&1 || true
    read -r t kb < <(tail -1 "$work/time")
    if [ -n "$prev" ]; then
      ratio=$(awk -v a="$t" -v b="$prev" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')
    else
      ratio="-"
    fi
    printf "%-22s %3sx  %7.2f s  %8d KB  time ratio %s\n" "$name" "$k" "$t" "$kb" "$ratio"
    prev=$t
  done
}

run_scan_text() { "$bin" scan --file "$work/label_$1.txt" --color never; }
run_scan_json() { "$bin" scan --file "$work/label_$1.txt" --format json; }
run_lint_text() { "$bin" lint "$work/label_$1.txt" --no-config --color never; }
run_lint_json() { "$bin" lint "$work/label_$1.txt" --no-config --format json; }
run_lint_fix() { "$bin" lint "$work/label_$1.txt" --no-config --fix; }
run_batch() { "$bin" batch "$work/catalog_$1.csv" --column Ingredients; }
run_lint_colourants() { "$bin" lint "$work/colourants_$1.txt" --no-config --color never; }
run_scan_dashes() { "$bin" scan --file "$work/dashes_$1.txt" --color never; }
run_lint_many_fixes() { "$bin" lint "$work/fixes_$1.txt" --no-config --fix; }
export -f run_scan_text run_scan_json run_lint_text run_lint_json run_lint_fix run_batch run_lint_colourants run_scan_dashes run_lint_many_fixes
export bin work

echo "base: a one-line label of $items items; a catalog of $rows rows of ~0.8 MB cells; $((items / 2)) colourants in a row; $((items * 2)) dash-led lines; $((items / 2)) items with two fixes each"
for f in scan_text scan_json lint_text lint_json lint_fix batch lint_colourants scan_dashes lint_many_fixes; do
  measure "$f" bash -c "run_$f \"\$0\""
done
