log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
#log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
!log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
vlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
#log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
'log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
(log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
klog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
.log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
)log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
,log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
wlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
#log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
(log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
wlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
)log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
.log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
!log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
qlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
'log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
^log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
'log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
;log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
6log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
0log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
0log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
{log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
;log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
>log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
&log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
2log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
xlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
1log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
}log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
6log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
0log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
0log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
+log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
{log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
>log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
&log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
2log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
xlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
1log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
}log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
+log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
>log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
vlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
#log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
vlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
.log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
+log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ylog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
klog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
8log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
=log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
wlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
=log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
$log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
{log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
}log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
qlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
2log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
>log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
&log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
1log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
'log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
^log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
klog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
'log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
|log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
=log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
wlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
=log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
$log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
{log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
_log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
}log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
glog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
-log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
qlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
>log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
vlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
/log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
2log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
>log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
&log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
1log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
:log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
klog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
,log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
8log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
olog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
clog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
nlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
Mlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
rlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
;log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
flog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
blog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
llog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
dlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
plog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
alog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
hlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
 log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
slog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ulog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
ilog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
tlog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
elog=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
"log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi

log=$(mktemp)
if ! RUSTFLAGS="--cfg wsproto_safe" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/safe" cargo test --all-features -q >"$log" 2>&1; then
  grep -E '^test result|FAILED|panicked|^error' "$log" | head -40 >&2
  echo "miri: the safe build (--cfg wsproto_safe) fails the test suite" >&2
  exit 1
fi
