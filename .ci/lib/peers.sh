# Shared by the CI steps that run real peers (peers.sh, tokio_peers.sh,
# ecosystem.sh). Source it after setting `step` (the name messages carry):
# it gives say/die, apt_install, a work directory removed at exit together
# with the processes listed in `pids`, python-websockets 15 in a venv there
# (`python_websockets`, which sets `py`), `wait_port PORT WHAT`, and
# `check NAME COMMAND...` / `summary LOGS...` for the checks themselves.

say() { echo "$step: $*"; }
die() {
  echo "$step: FAILED: $*" >&2
  exit 1
}

apt_install() {
  say "installing Debian's $*"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null) ||
    die "apt-get could not install $*"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/wsproto-$step.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# python-websockets 15 in a venv under the work directory; sets `py`.
python_websockets() {
  command -v python3 >/dev/null || apt_install python3 python3-venv
  if ! python3 -m venv "$work/venv" >/dev/null 2>&1; then
    apt_install python3-venv
    python3 -m venv "$work/venv" || die "python3 -m venv failed"
  fi
  "$work/venv/bin/pip" install -q --disable-pip-version-check 'websockets==15.*' ||
    die "pip could not install websockets==15.*"
  py="$work/venv/bin/python"
}

wait_port() {
  local port=$1 what=$2
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  die "$what did not listen on port $port"
}

# Runs one bounded check; a failure is recorded in `failed` and the step
# goes on, so that every check is reported.
failed=()
check() {
  local name=$1
  shift
  say "$name"
  if timeout 120 "$@"; then
    say "$name: ok"
  else
    echo "$step: $name FAILED" >&2
    failed+=("$name")
  fi
}

# Fails the step if any check failed, after the tail of each named log in
# the work directory; otherwise says how many passed. `checks` is the
# number of checks run, `passed` what passing means.
summary() { # checks passed logs...
  local checks=$1 passed=$2 log
  shift 2
  if [ ${#failed[@]} -gt 0 ]; then
    for log in "$@"; do
      echo "--- $log log:" >&2
      tail -20 "$work/$log.log" >&2
    done
    die "${#failed[@]} of $checks checks failed: ${failed[*]}"
  fi
  say "$checks of $checks checks passed: $passed"
}
