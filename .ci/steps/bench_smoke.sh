#!/usr/bin/env bash
# The side-by-side benchmark in quick mode: tiny inputs, one round. It is not
# a measurement (tests and CI never judge time); it proves the harness runs
# and that every implementation still does the work (message counts and
# payload checksums are checked before anything is reported). That includes
# the permessage-deflate rows D1-D5 (wsproto, yawc and zlib-rs alone): every
# message is inflated back and compared, so a wrong compressor or inflater
# fails here. The build is the plain bench profile (no thin LTO), to stay
# fast; the figures quoted in the README come from the LTO build that
# benches/compare.rs documents.
set -euo pipefail
WSPROTO_BENCH_QUICK=1 cargo bench --bench compare 2>&1 | tail -14
