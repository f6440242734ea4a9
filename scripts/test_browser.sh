#!/usr/bin/env bash
# The browser test of the page, served by `inci serve` and built as a static folder that runs
# inci in WebAssembly (scripts/build_web.sh): headless Chromium driven over WebDriver (chromedriver) by
# pytest and Selenium, in a fresh virtualenv (target/browser-venv). Screenshots land in
# target/browser/. Needs Debian's chromium and chromium-driver (.ci/run installs them) and
# PyPI; `cargo test --workspace` first, so that target/debug/inci is built.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/browser-venv
rm -rf target/browser
scripts/fresh_venv.sh "$venv" crates/inci-cli/tests/browser/requirements.txt
cargo build --quiet -p inci-cli
# The static page (inci in WebAssembly), which every page test also runs against from disk.
scripts/build_web.sh target/web-page
INCI_BIN="$PWD/target/debug/inci" INCI_WEB="$PWD/target/web-page" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider crates/inci-cli/tests/browser
