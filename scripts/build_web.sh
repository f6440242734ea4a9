#!/usr/bin/env bash
# Builds the page that runs entirely in the browser into DIR (default target/web-page): index.html,
# app.js and style.css (the same files `inci serve` serves), inci_wasm.js (wasm-bindgen's
# glue, no modules) and inci_wasm_data.js (the WebAssembly module, gzipped and base64-encoded
# in a script, so that the page also works opened from a folder: browsers refuse fetch() and
# ES modules on file:// URLs). No CDN, no request, nothing for the user to build.
# Installs the wasm32 target and wasm-bindgen-cli (the version Cargo.lock pins) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/web-page}
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock | head -1)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$version"; then
  echo "== installing wasm-bindgen-cli $version"
  cargo install --quiet wasm-bindgen-cli --version "$version"
fi

echo "== inci-wasm (profile web)"
cargo build --quiet -p inci-wasm --target wasm32-unknown-unknown --profile web
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
wasm-bindgen --target no-modules --no-typescript --out-dir "$stage" \
  target/wasm32-unknown-unknown/web/inci_wasm.wasm

mkdir -p "$out"
assets=crates/inci-cli/src/serve/assets
cp "$assets/app.js" "$assets/style.css" "$stage/inci_wasm.js" "$out/"
# The served page's index, with the two scripts that load the module in front of app.js.
sed 's#<!-- inci-wasm -->#<script src="inci_wasm.js"></script>\n  <script src="inci_wasm_data.js"></script>#' \
  "$assets/index.html" > "$out/index.html"
{
  printf '// The inci WebAssembly module, gzipped and base64-encoded: a script, so that the page\n'
  printf '// works from a folder (file://) too. Built by scripts/build_web.sh.\n'
  printf 'var INCI_WASM_GZ_BASE64 = "'
  gzip -9 -n -c "$stage/inci_wasm_bg.wasm" | base64 -w 0
  printf '";\n'
} > "$out/inci_wasm_data.js"
du -b "$out"/* | sort -n
echo "== $(du -cb "$out"/* | tail -1 | cut -f1) bytes in $out (open $out/index.html)"
