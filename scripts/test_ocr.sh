#!/usr/bin/env bash
# The OCR tests (tests/ocr): label images rendered from known lists and PDF artwork written by
# reportlab, read back by `inci scan` and `inci lint`, in a fresh virtualenv (target/ocr-venv).
# Needs tesseract with English, French and Korean data, poppler-utils and the DejaVu,
# Liberation and Noto CJK fonts (scripts/test.sh installs them); `cargo test --workspace`
# first, so that target/debug/inci is built. Item accuracy per fixture: target/ocr/accuracy.md.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/ocr-venv
scripts/fresh_venv.sh "$venv" tests/ocr/requirements.txt
cargo build --quiet -p inci-cli
cd tests/ocr
INCI_BIN="$PWD/../../target/debug/inci" "../../$venv/bin/python" -m pytest -q -p no:cacheprovider .
cat ../../target/ocr/accuracy.md
