#!/usr/bin/env bash
# Every test: the Rust workspace, the Python package (scripts/test_python.sh), `inci serve`
# in a real browser (scripts/test_browser.sh), and the install paths (scripts/test_install.sh:
# release script, GitHub Action, pre-commit hook). The last two need Java 17 (Spark local mode) and
# Chromium with chromedriver: installed here from Debian's packages when missing and this runs
# as root (as CI does); elsewhere those tests skip with a message, and fail under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} not installed: the Spark and browser tests will skip" >&2
  fi
fi

cargo test --workspace
scripts/test_python.sh
scripts/test_browser.sh
scripts/test_install.sh
