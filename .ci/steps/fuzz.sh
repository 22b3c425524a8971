#!/usr/bin/env bash
# cargo-fuzz: builds every target in fuzz/ once, replays every committed
# regression (fuzz/regressions/<target>/*, each file run once), then runs
# each target for a bounded time (FUZZ_SECONDS, default 60) on a scratch
# copy of its committed seeds and regressions, two targets at a time (one
# per core). The targets are the ones `cargo fuzz list` finds (the [[bin]]s
# of fuzz/Cargo.toml), `inflate` and `inspect` included: nine, so with two
# jobs the timed runs take five rounds of FUZZ_SECONDS (`inspect` added
# one, FUZZ_SECONDS more than the eight before it).
# Prints one summary line per target; any crash, leak, timeout
# or out-of-memory fails the step after every target has been reported.
#
# A failure prints the target, the panic message (or the sanitizer's
# SUMMARY), the reproducer and the command that replays it. Reproducers
# are kept in fuzz/artifacts/<target>/ (ignored by git), with the run's log.
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer). With no nightly
# toolchain, and none installable, it runs on stable with RUSTC_BOOTSTRAP=1.
# FUZZ_SECONDS and FUZZ_JOBS change the time per target and the parallelism.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}
# Flags for every libFuzzer run, replays included.
limits=(-timeout=10 -rss_limit_mb=2048)

die() {
  echo "fuzz: $*" >&2
  exit 1
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet || die "cargo install cargo-fuzz failed"
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
  repro="RUSTC_BOOTSTRAP=1 cargo fuzz run"
else
  repro="cargo +nightly fuzz run"
fi
echo "fuzz toolchain: $how"

targets=$(cargo "${toolchain[@]}" fuzz list) || die "cargo fuzz list failed"
[ -n "$targets" ] || die "cargo fuzz list found no targets"
start=$SECONDS
cargo "${toolchain[@]}" fuzz build || die "cargo fuzz build failed"
echo "fuzz build: $((SECONDS - start)) s"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Reports a failed libFuzzer run: target, what went wrong, the reproducer
# (kept in fuzz/artifacts/<target>/) and the command that replays it.
# `input` is the reproducer when it is already known (a regression file).
report_crash() { # target log [input]
  local t=$1 log=$2 input=${3:-} keep="fuzz/artifacts/$1" written what
  mkdir -p "$keep"
  what=$(grep -E -A1 'panicked at' "$log" | head -4)
  [ -n "$what" ] || what=$(grep -E '^SUMMARY:|^==[0-9]+== ?ERROR:' "$log" | head -4)
  [ -n "$what" ] || what="no panic or sanitizer message; the log ends with:
$(tail -n 15 "$log")"
  sed 's/^/    /' <<<"$what"
  if [ -z "$input" ]; then
    # libFuzzer names the unit it wrote (crash-, leak-, timeout-, oom-...).
    written=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ -n "$written" ] && [ -f "$written" ]; then
      input=$keep/$(basename "$written")
      [ "$written" -ef "$input" ] || cp "$written" "$input"
    fi
  fi
  # The log goes beside the reproducer, under the reproducer's name.
  cp "$log" "$keep/$(basename "${input:-$t}").log"
  echo "    log: $keep/$(basename "${input:-$t}").log"
  if [ -n "$input" ]; then
    echo "    reproducer: $input"
    echo "    reproduce with: $repro $t $input"
  else
    echo "    reproducer: none written (see the log)"
  fi
}

# --- Every committed regression, each file once --------------------------------
# libFuzzer runs files given as arguments once each and stops at the first
# failure, so a failing file is reported and the replay goes on after it.
failed=0
replayed=0
for t in $targets; do
  dir=fuzz/regressions/$t
  [ -d "$dir" ] || continue
  mapfile -t files < <(find "$dir" -type f | sort)
  [ ${#files[@]} -gt 0 ] || continue
  replayed=$((replayed + ${#files[@]}))
  bad=0
  i=0
  while [ "$i" -lt ${#files[@]} ]; do
    log=$scratch/$t.replay.log
    if cargo "${toolchain[@]}" fuzz run "$t" "${files[@]:i}" -- "${limits[@]}" >"$log" 2>&1; then
      break
    fi
    # The last file libFuzzer started on is the one that failed.
    culprit=$(sed -n 's/^Running: //p' "$log" | tail -1)
    echo "fuzz replay $t: FAILED on ${culprit:-an unknown file}"
    report_crash "$t" "$log" "$culprit"
    bad=$((bad + 1))
    failed=1
    # Go on after the culprit; stop if it cannot be told.
    next=-1
    for j in $(seq "$i" $((${#files[@]} - 1))); do
      [ "${files[j]}" = "$culprit" ] && next=$((j + 1))
    done
    [ "$next" -gt "$i" ] || break
    i=$next
  done
  if [ "$bad" -eq 0 ]; then
    echo "fuzz replay $t: ${#files[@]} regressions, all pass"
  else
    echo "fuzz replay $t: ${#files[@]} regressions, $bad FAILED"
  fi
done
echo "fuzz replay: $replayed committed regressions replayed (fuzz/regressions/<target>/)"

# --- Timed runs ------------------------------------------------------------------
start=$SECONDS
run_one() {
  local t=$1
  mkdir -p "$scratch/corpus/$t"
  # Seeds and past crashes; what libFuzzer adds stays in the scratch copy.
  for d in fuzz/corpus/$t fuzz/regressions/$t; do
    if [ -d "$d" ]; then cp -r "$d/." "$scratch/corpus/$t/"; fi
  done
  cargo "${toolchain[@]}" fuzz run "$t" "$scratch/corpus/$t" -- \
    -max_total_time="$seconds" "${limits[@]}" -print_final_stats=1 \
    >"$scratch/$t.log" 2>&1
}

summary() { # target exit-status
  local t=$1 rc=$2 log="$scratch/$1.log" done runs secs
  done=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  if [ -n "$done" ]; then
    read -r _ runs _ _ secs _ <<<"$done"
  else
    # No "Done" line (a crash): the last status line has the count.
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    secs="?"
  fi
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $t: ${runs:-0} runs in $secs s, 0 crashes"
  else
    echo "fuzz $t: ${runs:-0} runs in $secs s, CRASH (exit $rc)"
    report_crash "$t" "$log"
  fi
}

declare -A pid_of rc_of
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
