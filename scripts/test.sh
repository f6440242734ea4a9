#!/usr/bin/env bash
# Every test: the Rust workspace, the Python package (scripts/test_python.sh), photos and PDF
# artwork (scripts/test_ocr.sh), `inci serve` in a real browser (scripts/test_browser.sh), and
# the install paths (scripts/test_install.sh: release script, GitHub Action, pre-commit hook).
# They need Java 17 (Spark local mode), Chromium with chromedriver, tesseract with English,
# French and Korean data, poppler-utils and the fonts the OCR tests render with: installed here
# from Debian's packages when missing and this runs as root (as CI does); elsewhere those tests
# skip with a message, and fail under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
for lang in eng fra kor; do
  tesseract --list-langs 2>/dev/null | grep -qx "$lang" || missing+=("tesseract-ocr-$lang")
done
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} not installed: the Spark, OCR and browser tests will skip" >&2
  fi
fi

cargo test --workspace
scripts/test_python.sh
scripts/test_ocr.sh
scripts/test_browser.sh
scripts/test_install.sh
