#!/usr/bin/env bash
# Wall time of `inci lint` on one pack text, start-up included, as a pre-print check in CI
# would run it. Usage: benches/lint_wall.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo build --release --quiet
bin=target/release/inci
pack=fixtures/examples/flagship_serum.txt
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 10 --runs "$runs" -N -i "$bin lint $pack --no-config --color never"
  exit 0
fi
for _ in 1 2 3 4 5; do "$bin" lint "$pack" --no-config --color never >/dev/null || true; done
start=$(date +%s%N)
for _ in $(seq "$runs"); do "$bin" lint "$pack" --no-config --color never >/dev/null || true; done
end=$(date +%s%N)
awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "inci lint (one pack text, text output): %.2f ms mean wall time over %d runs\n", ns / n / 1e6, n }'
