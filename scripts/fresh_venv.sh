#!/usr/bin/env bash
# A fresh virtualenv at DIR with REQUIREMENTS installed from PyPI: what each Python test suite
# (scripts/test_python.sh, test_ocr.sh, test_browser.sh, test_install.sh) starts from.
# Usage: scripts/fresh_venv.sh DIR REQUIREMENTS
set -euo pipefail
venv=$1
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$2"
