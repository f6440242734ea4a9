#!/usr/bin/env bash
# Throughput and peak memory of `inci batch` on a generated catalog (default 1024 MB).
# Usage: benches/batch.sh [SIZE_MB] [FORMAT] [repeat|distinct]
#   repeat (default): real lists drawn at random, so nearly every row repeats one (the memo's
#   case: re-scans, merged retailers); distinct: every list changed once, none repeats
#   (gen_distinct.py: a first scan of new lists). The catalog goes to $TMPDIR, not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
format=${2:-jsonl}
kind=${3:-repeat}
dir=${TMPDIR:-/tmp}
case "$kind" in
  repeat) catalog="$dir/inci-bench-catalog-${size}mb.csv"
          [ -f "$catalog" ] || python3 benches/gen_catalog.py "$catalog" "$size" ;;
  distinct) catalog="$dir/inci-bench-distinct-${size}mb.csv"
          [ -f "$catalog" ] || python3 benches/gen_distinct.py "$catalog" "$size" ;;
  *) echo "kind must be repeat or distinct" >&2; exit 2 ;;
esac
cargo build --release --quiet
bytes=$(stat -c %s "$catalog")
/usr/bin/time -v target/release/inci batch "$catalog" --column Ingredients --id-column SKU --format "$format" \
  -o /dev/null --summary "$dir/inci-bench-summary.json" 2> "$dir/inci-bench-time.txt"
wall=$(grep "Elapsed (wall clock)" "$dir/inci-bench-time.txt" | awk '{print $NF}')
rss=$(grep "Maximum resident set size" "$dir/inci-bench-time.txt" | awk '{print $NF}')
cpu=$(grep "Percent of CPU" "$dir/inci-bench-time.txt" | awk '{print $NF}')
secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
awk -v b="$bytes" -v s="$secs" -v r="$rss" -v c="$cpu" -v f="$format" 'BEGIN {
  printf "inci batch (%s, '"$kind"'): %.0f MB in %.1f s = %.1f MB/s; peak RSS %.1f MB; CPU %s\n", f, b / 1e6, s, b / 1e6 / s, r / 1024, c }'
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('rows', s['rows'], 'errors', s['errors'])" "$dir/inci-bench-summary.json"
