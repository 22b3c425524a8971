#!/usr/bin/env bash
# The side-by-side benchmark in quick mode: tiny inputs, one round. It is not
# a measurement (tests and CI never judge time); it proves the harness runs
# and that every implementation still does the work (message counts and
# payload checksums are checked before anything is reported).
set -euo pipefail
WSPROTO_BENCH_QUICK=1 cargo bench --bench compare 2>&1 | tail -5
