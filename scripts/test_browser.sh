#!/usr/bin/env bash
# The browser test of `inci serve`: headless Chromium driven over WebDriver (chromedriver) by
# pytest and Selenium, in a fresh virtualenv (target/browser-venv). Screenshots land in
# target/browser/. Needs Debian's chromium and chromium-driver (.ci/run installs them) and
# PyPI; `cargo test --workspace` first, so that target/debug/inci is built.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/browser-venv
rm -rf "$venv" target/browser
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r crates/inci-cli/tests/browser/requirements.txt
cargo build --quiet -p inci-cli
INCI_BIN="$PWD/target/debug/inci" "$venv/bin/python" -m pytest -q -p no:cacheprovider crates/inci-cli/tests/browser
