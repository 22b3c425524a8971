#!/usr/bin/env bash
# The crate's one unsafe module (src/unchecked.rs) under Miri, and the whole
# test suite on the safe build (--cfg wsproto_safe: no unsafe at all).
set -euo pipefail
if ! rustup toolchain list | grep -q '^nightly'; then
  timeout 600 rustup toolchain install nightly --profile minimal || {
    echo "miri: no nightly toolchain could be installed on this machine; Miri needs one" >&2
    exit 1
  }
fi
timeout 600 rustup +nightly component add miri rust-src || {
  echo "miri: the miri component could not be installed on this machine" >&2
  exit 1
}
cargo +nightly miri setup >/dev/null
# The unsafe code and the validator, its only caller. (The connection tests
# move megabytes and take minutes under Miri.)
cargo +nightly miri test --lib -- unchecked utf8
log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
echo "miri: unchecked and utf8 tests clean under Miri; safe build passes the test suite"
