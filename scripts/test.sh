#!/usr/bin/env bash
# Every test: the Rust workspace, the Python package (scripts/test_python.sh), and `inci serve`
# in a real browser (scripts/test_browser.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
scripts/test_python.sh
scripts/test_browser.sh
