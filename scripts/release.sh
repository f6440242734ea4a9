#!/usr/bin/env bash
# Builds what a release ships into DIR (default dist/): the `inci` binary for this machine
# as inci-VERSION-TARGET.tar.gz (with the README and both licences; statically linked on glibc
# Linux), the Python wheel
# (maturin build --release), the page that runs in the browser as inci-web-VERSION.zip
# (scripts/build_web.sh: open its index.html, or put the folder on any static host), and
# SHA256SUMS over all three. Run from anywhere; needs cargo, and
# maturin on PATH or at $MATURIN (installed into target/release-venv from PyPI when neither).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-dist}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
target=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p "$out"

echo "== inci $version for $target"
# On glibc Linux the shipped binary links the C library statically (a static-pie): it runs on
# any Linux of that architecture whatever its glibc, and starts without the dynamic loader's
# work (mapping libc, libm and libgcc_s, resolving their symbols): one pasted label starts
# 0.2-0.95 ms sooner than with the dynamically linked build (benches/README.md). The flag goes
# through --target so that build scripts and proc-macros, which run on the host, stay dynamic.
case "$target" in
  *-linux-gnu) static="-C target-feature=+crt-static" ;;
  *) static="" ;;
esac
RUSTFLAGS="${RUSTFLAGS:-} $static" cargo build --release --locked -p inci-cli --target "$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
name="inci-$version-$target"
mkdir -p "$stage/$name"
cp "target/$target/release/inci" README.md LICENSE-MIT LICENSE-APACHE "$stage/$name/"
tar -C "$stage" -czf "$out/$name.tar.gz" "$name"

echo "== the wheel"
maturin=${MATURIN:-$(command -v maturin || true)}
if [ -z "$maturin" ]; then
  python3 -m venv target/release-venv
  target/release-venv/bin/pip install --quiet --disable-pip-version-check maturin==1.16.0
  maturin=target/release-venv/bin/maturin
fi
"$maturin" build --quiet --release --manifest-path crates/inci-py/Cargo.toml --out "$out"

echo "== the page that runs in the browser"
scripts/build_web.sh "$stage/inci-web-$version" >/dev/null
python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2], sys.argv[3])' \
  "$out/inci-web-$version" "$stage" "inci-web-$version"

echo "== checksums"
(cd "$out" && rm -f SHA256SUMS && sha256sum -- *.tar.gz *.whl *.zip > SHA256SUMS && cat SHA256SUMS)
