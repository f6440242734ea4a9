#!/usr/bin/env bash
# Requests per second of `inci serve` for the flagship label: POST /api/scan with
# fixtures/examples/flagship_serum.txt, from wrk (Debian package `wrk`) on the same machine,
# so the load generator shares the cores with the server.
#   benches/serve.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { echo "wrk is not installed (apt install wrk)" >&2; exit 2; }
cargo build --quiet --release -p inci-cli

log=$(mktemp)
target/release/inci serve --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log" "$script"' EXIT
for _ in $(seq 50); do grep -q http "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$log")

script=$(mktemp --suffix=.lua)
python3 - "$script" <<'PY'
import json, sys
body = open("fixtures/examples/flagship_serum.txt", encoding="utf-8").read()
with open(sys.argv[1], "w") as f:
    f.write('wrk.method = "POST"\n')
    f.write('wrk.headers["Content-Type"] = "text/plain; charset=utf-8"\n')
    f.write(f"wrk.body = {json.dumps(body)}\n")
PY
echo "POST ${url}api/scan, flagship label ($(wc -c < fixtures/examples/flagship_serum.txt) bytes), ${connections} connections, ${seconds} s, 2 wrk threads"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "${url}api/scan"
