#!/usr/bin/env bash
# The public API, every feature but test-util on (its items are for tests
# and fuzzers, outside the stable API), against the committed snapshot in
# public-api.txt: any difference fails the step and prints the diff.
#
#   bash .ci/steps/public_api.sh           check
#   bash .ci/steps/public_api.sh --bless   rewrite public-api.txt
#
# The listing is made by cargo-public-api (from rustdoc JSON, so it needs a
# nightly toolchain). Each cargo-public-api release reads one rustdoc JSON
# format version: 0.52.0 is built on rustdoc-types 0.57, format 57, which
# is what 1.97.0-nightly (2026-05-19) writes (0.51.x is built on format 56;
# other formats fail to parse). A newer nightly with a newer format needs a newer
# cargo-public-api: see the compatibility matrix in its README, bump
# `version` below, and bless (the listing's wording may change with it).
# The listing is cargo-public-api's own, deterministic, order (items sorted
# by path, grouped by kind) with colour off. Blanket impls (Into, From<T>
# for T, Borrow, ...) are left out: they come from core, not from us. Auto
# trait impls (Send, Sync, Unpin, ...) stay: losing one breaks users. The
# nightly decides some wording (it added UnsafeUnpin), so a new nightly may
# need a bless with no change to the crate.
set -uo pipefail
cd "$(dirname "$0")/../.."
version=0.52.0
snapshot=public-api.txt

die() {
  echo "public_api: $*" >&2
  exit 1
}

bless=0
case "${1:-}" in
  "") ;;
  --bless) bless=1 ;;
  *) die "usage: bash .ci/steps/public_api.sh [--bless]" ;;
esac

step_start=$SECONDS
if ! rustup toolchain list | grep -q '^nightly'; then
  timeout 600 rustup toolchain install nightly --profile minimal ||
    die "no nightly toolchain could be installed; rustdoc JSON needs one"
fi

start=$SECONDS
if [ "$(cargo public-api --version 2>/dev/null)" = "cargo-public-api $version" ]; then
  echo "public_api: cargo-public-api $version already installed"
else
  echo "public_api: installing cargo-public-api $version"
  cargo install cargo-public-api --version "$version" --locked --quiet ||
    die "cargo install cargo-public-api --version $version --locked failed"
  echo "public_api: cargo-public-api $version installed in $((SECONDS - start)) s"
fi

listing=$(mktemp)
errors=$(mktemp)
trap 'rm -f "$listing" "$errors"' EXIT
start=$SECONDS
if ! CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/public-api" \
  cargo +nightly public-api --features std,os-rng,deflate,http --omit blanket-impls --color never >"$listing" 2>"$errors"; then
  cat "$errors" >&2
  echo "public_api: cargo-public-api $version could not list the API with $(rustc +nightly --version)." >&2
  echo "public_api: an error parsing rustdoc JSON means this nightly writes a format version $version does not read; it needs another cargo-public-api (see the top of this script)." >&2
  exit 1
fi
[ -s "$listing" ] || die "cargo-public-api printed an empty API listing"
echo "public_api: $(wc -l <"$listing") items listed in $((SECONDS - start)) s ($(rustc +nightly --version))"

if [ "$bless" -eq 1 ]; then
  if [ -f "$snapshot" ] && cmp -s "$listing" "$snapshot"; then
    echo "public_api: $snapshot is up to date"
  else
    [ -f "$snapshot" ] && diff -u --label "$snapshot (old)" --label "$snapshot (new)" "$snapshot" "$listing"
    cp "$listing" "$snapshot"
    echo "public_api: wrote $snapshot; review the diff and commit it"
  fi
  echo "public_api: done in $((SECONDS - step_start)) s"
  exit 0
fi

[ -f "$snapshot" ] || die "$snapshot is missing; create it with: bash .ci/steps/public_api.sh --bless"
if diff -u --label "$snapshot (committed)" --label "public API (this tree)" "$snapshot" "$listing"; then
  echo "public_api: the public API matches $snapshot; done in $((SECONDS - step_start)) s"
else
  echo "public_api: the public API differs from $snapshot (diff above)." >&2
  echo "public_api: if the change is intended, update the snapshot with: bash .ci/steps/public_api.sh --bless" >&2
  exit 1
fi
