#!/usr/bin/env bash
# Wall time of `inci scan` on one label, start-up included (the dictionary is compiled in, so
# nothing is parsed at start-up). Usage: benches/scan_wall.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo build --release --quiet
bin=target/release/inci
label=fixtures/examples/flagship_serum.txt
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 10 --runs "$runs" -N "$bin scan $label --format json"
  exit 0
fi
for _ in 1 2 3 4 5; do "$bin" scan "$label" --format json >/dev/null; done
start=$(date +%s%N)
for _ in $(seq "$runs"); do "$bin" scan "$label" --format json >/dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "inci scan (one label, JSON): %.2f ms mean wall time over %d runs\n", ns / n / 1e6, n }'
