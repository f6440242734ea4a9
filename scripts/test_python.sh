#!/usr/bin/env bash
# The Python package's tests: build the wheel with maturin, install it in a fresh virtualenv
# (target/py-venv), and run pytest (scan, lint, explain, scan_many against `inci batch` on the
# corpus, the pandas helper, bad input, and the Spark recipe in local mode).
# Needs python3 (3.9+) with venv, PyPI, and Java 17 for Spark; `cargo test --workspace` first,
# so that target/debug/inci is there to compare with.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/py-venv
rm -rf target/wheels
scripts/fresh_venv.sh "$venv" crates/inci-py/requirements-test.txt
"$venv/bin/maturin" build --quiet --release --manifest-path crates/inci-py/Cargo.toml --out target/wheels
"$venv/bin/pip" install --quiet --disable-pip-version-check target/wheels/inci-*.whl
cargo build --quiet -p inci-cli
INCI_BIN="$PWD/target/debug/inci" "$venv/bin/python" -m pytest -q -p no:cacheprovider crates/inci-py/tests
