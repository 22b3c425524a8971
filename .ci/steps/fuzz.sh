#!/usr/bin/env bash
# cargo-fuzz: builds every target in fuzz/ once, then runs each for a bounded
# time (FUZZ_SECONDS, default 60) on a scratch copy of its committed seeds
# and regressions, two targets at a time (one per core). Any crash, leak,
# timeout or out-of-memory fails the step; the reproducer is left in
# fuzz/artifacts/<target>/. Prints one summary line per target.
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer). With no nightly
# toolchain, and none installable, it runs on stable with RUSTC_BOOTSTRAP=1.
# FUZZ_SECONDS and FUZZ_JOBS change the time per target and the parallelism.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi

# FUZZ_TOOLCHAIN=stable forces the RUSTC_BOOTSTRAP path (to test it).
toolchain=()
if [ "${FUZZ_TOOLCHAIN:-}" = stable ]; then
  :
elif rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
  how="nightly ($(rustc +nightly --version))"
elif timeout 120 rustup toolchain install nightly --profile minimal >/dev/null 2>&1; then
  toolchain=(+nightly)
  how="nightly, just installed ($(rustc +nightly --version))"
fi
if [ ${#toolchain[@]} -eq 0 ]; then
  export RUSTC_BOOTSTRAP=1
  how="stable with RUSTC_BOOTSTRAP=1 ($(rustc --version))"
  # Cargo caches rustc's answers without keying them on RUSTC_BOOTSTRAP: a
  # refusal cached by an earlier run without it would stick.
  rm -f fuzz/target/.rustc_info.json
fi
echo "fuzz toolchain: $how"

targets=$(cargo "${toolchain[@]}" fuzz list)
start=$SECONDS
cargo "${toolchain[@]}" fuzz build
echo "fuzz build: $((SECONDS - start)) s"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run_one() {
  local t=$1
  mkdir -p "$scratch/corpus/$t"
  # Seeds and past crashes; what libFuzzer adds stays in the scratch copy.
  for d in fuzz/corpus/$t fuzz/regressions/$t; do
    if [ -d "$d" ]; then cp -r "$d/." "$scratch/corpus/$t/"; fi
  done
  cargo "${toolchain[@]}" fuzz run "$t" "$scratch/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$scratch/$t.log" 2>&1
}

summary() {
  local t=$1 rc=$2 log="$scratch/$1.log" runs secs
  runs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | awk '{print $2" "$5}')
  if [ -n "$runs" ]; then
    read -r runs secs <<<"$runs"
  else
    # No "Done" line (a crash): the last status line has the count.
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    secs="?"
  fi
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $t: ${runs:-0} runs in $secs s, 0 crashes"
  else
    echo "fuzz $t: ${runs:-0} runs in $secs s, CRASH (exit $rc)"
    grep -E "panicked at|^SUMMARY|^ERROR|Test unit written to|Reproduce with" -A2 "$log" | head -40 | sed 's/^/    /'
  fi
}

declare -A pid_of rc_of
failed=0
set -- $targets
while [ $# -gt 0 ]; do
  batch=()
  for _ in $(seq "$jobs"); do
    [ $# -gt 0 ] || break
    batch+=("$1")
    shift
  done
  for t in "${batch[@]}"; do
    run_one "$t" &
    pid_of[$t]=$!
  done
  for t in "${batch[@]}"; do
    if wait "${pid_of[$t]}"; then rc_of[$t]=0; else rc_of[$t]=$?; fi
  done
done

for t in $targets; do
  summary "$t" "${rc_of[$t]}"
  [ "${rc_of[$t]}" -eq 0 ] || failed=1
done
echo "fuzz: $(wc -w <<<"$targets") targets, ${seconds} s each, $((SECONDS - start)) s in all"
exit $failed
