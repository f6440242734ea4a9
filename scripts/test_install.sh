#!/usr/bin/env bash
# The install paths of the README's Install section, each exercised: scripts/release.sh (the
# binary archive, the wheel and their checksums), the composite GitHub Action (action.yml:
# `cargo install`, then `inci lint --format github`), and the pre-commit hook
# (.pre-commit-hooks.yaml) on a temporary repository. In a fresh virtualenv
# (target/install-venv); `cargo test --workspace` first, so that target/debug/inci is built.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/install-venv
scripts/fresh_venv.sh "$venv" tests/install/requirements.txt
cargo build --quiet -p inci-cli
PATH="$PWD/$venv/bin:$PATH" INCI_BIN="$PWD/target/debug/inci" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/install
