#!/usr/bin/env bash
# Every test: the Rust workspace, then the Python package (scripts/test_python.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
scripts/test_python.sh
