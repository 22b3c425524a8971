#!/usr/bin/env bash
# Autobahn|Testsuite in both roles, sections 1-13 (all 517 cases, 12.* and
# 13.* with permessage-deflate). The reference suite runs on Python 2.7 (from pyenv)
# in a virtualenv outside the repository. Each role's results are compared
# with autobahn/expected-{server,client}.json by autobahn/compare.py: any
# difference, or any case that is not OK or INFORMATIONAL, fails the step.
#
# Per-section and per-role times (from the reports) are printed at the end.
# Reports (JSON and HTML) go to target/autobahn/reports/{server,client}.
# Environment: AUTOBAHN_VENV overrides where the virtualenv lives;
# AUTOBAHN_ROLE_TIMEOUT (seconds, default 2700) bounds each role.
set -uo pipefail
bin="${CARGO_TARGET_DIR:-target}/release/examples"
cd "$(dirname "$0")/../.."
root=$PWD

suite_version=25.10.1
server_addr=127.0.0.1:9231 # autobahn/fuzzingclient.json points here
fuzzer_addr=127.0.0.1:9232 # autobahn/fuzzingserver.json listens here
work=$root/target/autobahn
reports=$work/reports # the outdirs in the config files
venv=${AUTOBAHN_VENV:-${TMPDIR:-/tmp}/wsproto-autobahn-venv-$suite_version}

die() {
  echo "autobahn: $*" >&2
  exit 1
}

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

# Runs a bounded command in the background and waits for it, so that a
# signal to this script is handled at once (and the command is stopped by
# the cleanup) rather than after the command ends.
bounded() { # seconds command...
  local secs=$1
  shift
  timeout "$secs" "$@" &
  local pid=$!
  pids+=("$pid")
  wait "$pid"
}

mkdir -p "$work"

# --- The reference suite -------------------------------------------------
install_suite() {
  command -v pyenv >/dev/null || {
    echo "pyenv not found: it provides Python 2.7.18"
    return 1
  }
  local py
  py=$(pyenv root)/versions/2.7.18/bin/python
  [ -x "$py" ] || {
    echo "$py not found"
    return 1
  }
  rm -rf "$venv"
  timeout 300 "$py" -m pip install --disable-pip-version-check -q virtualenv &&
    timeout 300 "$py" -m virtualenv -q "$venv" &&
    timeout 900 "$venv/bin/pip" install --disable-pip-version-check -q "autobahntestsuite==$suite_version" &&
    "$venv/bin/wstest" --autobahnversion
}

start=$SECONDS
(
  # One install at a time on this machine; a working one is reused.
  flock -w 1200 9 || exit 1
  if [ -x "$venv/bin/wstest" ] && "$venv/bin/wstest" --autobahnversion >/dev/null 2>&1; then
    echo "autobahn: reusing the reference suite in $venv"
  elif ! install_suite >"$work/install.log" 2>&1; then
    tail -n 30 "$work/install.log"
    exit 1
  fi
) 9>"${venv}.lock" ||
  die "could not install the reference Autobahn|Testsuite $suite_version (Python 2.7 via pyenv, virtualenv, pip); the conformance run cannot happen, failing"
wstest=$venv/bin/wstest
echo "autobahn: reference suite ready ($("$wstest" --autobahnversion 2>&1 | tr '\n' ' ')) in $((SECONDS - start)) s"

# --- The testees ------------------------------------------------------------
start=$SECONDS
bounded 1200 cargo build --release --examples || die "building the examples failed"
echo "autobahn: examples built in $((SECONDS - start)) s"

port_free() {
  python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the listeners do: TIME_WAIT is fine
try:
    s.bind((sys.argv[1], int(sys.argv[2])))
except OSError:
    sys.exit(1)' "${1%:*}" "${1#*:}"
}
wait_listening() { # addr pid
  local i
  for i in $(seq 100); do
    kill -0 "$2" 2>/dev/null || return 1
    python3 -c 'import socket, sys
socket.create_connection((sys.argv[1], int(sys.argv[2])), 1).close()' "${1%:*}" "${1#*:}" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}
port_free "$server_addr" || die "$server_addr is in use: stop whatever listens there"
port_free "$fuzzer_addr" || die "$fuzzer_addr is in use: stop whatever listens there"
rm -rf "$reports"

status=0

# The two roles run at the same time (one per core): sections 12 and 13
# send about 11 GB through the suite's Python in each role, which makes
# them the long part of the run. Each role is bounded on its own.
role_timeout=${AUTOBAHN_ROLE_TIMEOUT:-2700}

# --- Server role: wstest's fuzzing client against autobahn_server ----------
# Each role runs in a background subshell with its own cleanup, so that a
# signal to this script stops what the role started too.
server_role() {
  trap cleanup EXIT
  trap 'exit 143' TERM INT HUP
  local start=$SECONDS status=0 server_pid
  "$bin"/autobahn_server "$server_addr" >"$work/server.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  if ! wait_listening "$server_addr" "$server_pid"; then
    echo "autobahn: autobahn_server did not start: $(cat "$work/server.log")"
    return 1
  fi
  if ! bounded "$role_timeout" "$wstest" -m fuzzingclient -s autobahn/fuzzingclient.json >"$work/fuzzingclient.log" 2>&1; then
    tail -n 20 "$work/fuzzingclient.log"
    echo "autobahn: wstest -m fuzzingclient failed or timed out (${role_timeout} s)"
    status=1
  fi
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  echo "autobahn: server role ran in $((SECONDS - start)) s"
  return $status
}

# --- Client role: autobahn_client against wstest's fuzzing server ----------
client_role() {
  trap cleanup EXIT
  trap 'exit 143' TERM INT HUP
  local start=$SECONDS status=0 fuzzer_pid
  "$wstest" -m fuzzingserver -s autobahn/fuzzingserver.json -u 0 >"$work/fuzzingserver.log" 2>&1 &
  fuzzer_pid=$!
  pids+=("$fuzzer_pid")
  if ! wait_listening "$fuzzer_addr" "$fuzzer_pid"; then
    tail -n 20 "$work/fuzzingserver.log"
    echo "autobahn: wstest -m fuzzingserver did not start"
    return 1
  fi
  if ! bounded "$role_timeout" "$bin"/autobahn_client "ws://$fuzzer_addr" >"$work/client.log" 2>&1; then
    tail -n 20 "$work/client.log"
    echo "autobahn: autobahn_client failed or timed out (${role_timeout} s)"
    status=1
  fi
  kill "$fuzzer_pid" 2>/dev/null
  wait "$fuzzer_pid" 2>/dev/null
  echo "autobahn: client role ran in $((SECONDS - start)) s"
  return $status
}

start=$SECONDS
server_role &
server_role_pid=$!
pids+=("$server_role_pid")
client_role &
client_role_pid=$!
pids+=("$client_role_pid")
wait "$server_role_pid" || status=1
wait "$client_role_pid" || status=1
echo "autobahn: both roles ran in $((SECONDS - start)) s"

# --- Results ------------------------------------------------------------------
python3 autobahn/compare.py server "$reports/server" autobahn/expected-server.json || status=1
python3 autobahn/compare.py client "$reports/client" autobahn/expected-client.json || status=1
echo "autobahn: reports in $reports/{server,client}/index.html"
exit $status
