#!/usr/bin/env bash
# Autobahn|Testsuite in both roles, sections 1-13 (all 517 cases, 12.* and
# 13.* with permessage-deflate), for two testees at once: the core's own
# blocking loops (examples/autobahn_{server,client}.rs, agent `wsproto`) and
# the tokio adapter (wsproto-tokio/examples/autobahn_tokio_{server,client}.rs,
# agent `wsproto-tokio`). The reference suite runs on Python 2.7 (from
# pyenv) in a virtualenv outside the repository. Each role's results are
# compared with autobahn/expected-{server,client}.json by
# autobahn/compare.py (the adapter's with the same files: it must behave as
# the core does): any difference, or any case that is not OK or
# INFORMATIONAL, fails the step.
#
# Per-section and per-role times (from the reports) are printed at the end.
# Reports (JSON and HTML) go to
# target/autobahn/reports/{server,client,server-tokio,client-tokio}.
# Environment: AUTOBAHN_VENV overrides where the virtualenv lives;
# AUTOBAHN_ROLE_TIMEOUT (seconds, default 3600) bounds each role.
set -uo pipefail
bin="${CARGO_TARGET_DIR:-target}/release/examples"
cd "$(dirname "$0")/../.."
root=$PWD

suite_version=25.10.1
server_addr=127.0.0.1:9231 # autobahn/fuzzingclient.json points here
fuzzer_addr=127.0.0.1:9232 # autobahn/fuzzingserver.json listens here
tokio_server_addr=127.0.0.1:9233 # autobahn/fuzzingclient-tokio.json points here
tokio_fuzzer_addr=127.0.0.1:9234 # autobahn/fuzzingserver-tokio.json listens here
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
bounded 1200 cargo build --release --examples -p wsproto -p wsproto-tokio || die "building the examples failed"
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
port_free "$tokio_server_addr" || die "$tokio_server_addr is in use: stop whatever listens there"
port_free "$tokio_fuzzer_addr" || die "$tokio_fuzzer_addr is in use: stop whatever listens there"
rm -rf "$reports"

status=0

# The four roles (the core's testees and the adapter's, each as server and
# as client) run at the same time: sections 12 and 13 send about 11 GB
# through the suite's Python in each role, which makes them the long part
# of the run, and the suite's Python is most of the CPU. Each role is
# bounded on its own.
role_timeout=${AUTOBAHN_ROLE_TIMEOUT:-3600}

# --- Server role: wstest's fuzzing client against a server testee ----------
# Each role runs in a background subshell with its own cleanup, so that a
# signal to this script stops what the role started too.
server_role() { # name testee addr config
  trap cleanup EXIT
  trap 'exit 143' TERM INT HUP
  local name=$1 testee=$2 addr=$3 config=$4
  local start=$SECONDS status=0 server_pid
  "$testee" "$addr" >"$work/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  if ! wait_listening "$addr" "$server_pid"; then
    echo "autobahn: $name: $(basename "$testee") did not start: $(cat "$work/$name.log")"
    return 1
  fi
  if ! bounded "$role_timeout" "$wstest" -m fuzzingclient -s "$config" >"$work/$name-fuzzingclient.log" 2>&1; then
    tail -n 20 "$work/$name-fuzzingclient.log"
    echo "autobahn: $name: wstest -m fuzzingclient failed or timed out (${role_timeout} s)"
    status=1
  fi
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  echo "autobahn: $name role ran in $((SECONDS - start)) s"
  return $status
}

# --- Client role: a client testee against wstest's fuzzing server ----------
client_role() { # name testee addr config
  trap cleanup EXIT
  trap 'exit 143' TERM INT HUP
  local name=$1 testee=$2 addr=$3 config=$4
  local start=$SECONDS status=0 fuzzer_pid
  "$wstest" -m fuzzingserver -s "$config" -u 0 >"$work/$name-fuzzingserver.log" 2>&1 &
  fuzzer_pid=$!
  pids+=("$fuzzer_pid")
  if ! wait_listening "$addr" "$fuzzer_pid"; then
    tail -n 20 "$work/$name-fuzzingserver.log"
    echo "autobahn: $name: wstest -m fuzzingserver did not start"
    return 1
  fi
  if ! bounded "$role_timeout" "$testee" "ws://$addr" >"$work/$name.log" 2>&1; then
    tail -n 20 "$work/$name.log"
    echo "autobahn: $name: $(basename "$testee") failed or timed out (${role_timeout} s)"
    status=1
  fi
  kill "$fuzzer_pid" 2>/dev/null
  wait "$fuzzer_pid" 2>/dev/null
  echo "autobahn: $name role ran in $((SECONDS - start)) s"
  return $status
}

start=$SECONDS
role_pids=()
server_role server "$bin"/autobahn_server "$server_addr" autobahn/fuzzingclient.json &
role_pids+=($!)
client_role client "$bin"/autobahn_client "$fuzzer_addr" autobahn/fuzzingserver.json &
role_pids+=($!)
server_role server-tokio "$bin"/autobahn_tokio_server "$tokio_server_addr" autobahn/fuzzingclient-tokio.json &
role_pids+=($!)
client_role client-tokio "$bin"/autobahn_tokio_client "$tokio_fuzzer_addr" autobahn/fuzzingserver-tokio.json &
role_pids+=($!)
pids+=("${role_pids[@]}")
for pid in "${role_pids[@]}"; do
  wait "$pid" || status=1
done
echo "autobahn: all four roles ran in $((SECONDS - start)) s"

# --- Results ------------------------------------------------------------------
python3 autobahn/compare.py server "$reports/server" autobahn/expected-server.json || status=1
python3 autobahn/compare.py client "$reports/client" autobahn/expected-client.json || status=1
# The adapter adds nothing to the protocol: its results must be the core's.
python3 autobahn/compare.py server-tokio "$reports/server-tokio" autobahn/expected-server.json --agent wsproto-tokio || status=1
python3 autobahn/compare.py client-tokio "$reports/client-tokio" autobahn/expected-client.json --agent wsproto-tokio || status=1
echo "autobahn: reports in $reports/{server,client,server-tokio,client-tokio}/index.html"
exit $status
