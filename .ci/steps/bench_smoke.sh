#!/usr/bin/env bash
# The side-by-side benchmark in quick mode: tiny inputs, one round. It is not
# a measurement (tests and CI never judge time); it proves the harness runs
# and that every implementation still does the work (message counts and
# payload checksums are checked before anything is reported). That includes
# the permessage-deflate rows D1-D5 (wsproto, yawc and zlib-rs alone): every
# message is inflated back and compared, so a wrong compressor or inflater
# fails here. The build overrides the bench profile's thin LTO and single
# codegen unit (root Cargo.toml) to stay fast: the code is the same, only
# less optimised; the figures quoted in the README come from the profile as
# it stands.
set -euo pipefail
CARGO_PROFILE_BENCH_LTO=false CARGO_PROFILE_BENCH_CODEGEN_UNITS=16 \
    WSPROTO_BENCH_QUICK=1 cargo bench --bench compare 2>&1 | tail -14
