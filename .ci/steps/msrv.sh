#!/usr/bin/env bash
# The minimum supported Rust version: the library builds, with all features
# and with none, on the toolchain named by `rust-version` in Cargo.toml,
# from the committed Cargo.lock as it is (--locked). A dependency in the
# lock file that needs a newer rustc fails the step: Cargo names it, and the
# fix is to pin an older version of it (or to raise rust-version on purpose).
# Builds go to their own target dir so they don't thrash the main one.
set -uo pipefail
cd "$(dirname "$0")/../.."

die() {
  echo "msrv: $*" >&2
  exit 1
}

msrv=$(sed -n 's/^rust-version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -1)
[ -n "$msrv" ] || die "no rust-version in Cargo.toml"

start=$SECONDS
timeout 600 rustup toolchain install "$msrv" --profile minimal ||
  die "could not install Rust $msrv (rustup toolchain install $msrv --profile minimal)"
echo "msrv: Rust $msrv ready ($(rustc "+$msrv" --version)) in $((SECONDS - start)) s"

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}/msrv
status=0
for features in --all-features --no-default-features; do
  start=$SECONDS
  log=$(mktemp)
  if cargo "+$msrv" build --locked --lib "$features" 2>&1 | tee "$log"; then
    echo "msrv: cargo +$msrv build --lib $features ok in $((SECONDS - start)) s"
  else
    if grep -q 'is not supported by the following package' "$log"; then
      echo "msrv: Cargo.lock holds a dependency that needs a newer rustc than rust-version = \"$msrv\" (named above)." >&2
      echo "msrv: pin an older release of it (cargo update <name>@<ver> --precise <older>), or raise rust-version deliberately." >&2
    fi
    echo "msrv: cargo +$msrv build --lib $features FAILED" >&2
    status=1
  fi
  rm -f "$log"
done
exit $status
