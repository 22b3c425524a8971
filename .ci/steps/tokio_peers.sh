#!/usr/bin/env bash
# wsproto-tokio (the adapter crate) with a real peer, both roles, on ports
# 9261-9262:
#   python-websockets 15 client -> wsproto-tokio/examples/echo_server
#       (interop/py_tokio_client.py: text, binary, empty, large messages that
#       must cross the socket compressed, fragmented messages, the exact
#       Sec-WebSocket-Extensions answer, and a Close 4001 echoed back with
#       the server closing TCP first)
#   wsproto-tokio/examples/interop_client -> python-websockets 15 echo server
#       (interop/py_echo_server.py: the same kinds of messages, compression
#       counted on the socket, a Ping's Pong, a Close 4001 echoed back)
# python-websockets goes into a venv under ${TMPDIR:-/tmp}.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}

say() { echo "tokio_peers: $*"; }
die() {
  echo "tokio_peers: FAILED: $*" >&2
  exit 1
}

# What both pairings must agree on (RFC 7692 §7.1.2): the adapter's server
# (DeflateConfig's defaults) answers websockets' offer with both windows at
# 12 bits, and websockets' server accepts the adapter's offer as it stands.
expected='permessage-deflate; server_max_window_bits=12; client_max_window_bits=12'

apt_install() {
  say "installing Debian's $*"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null) ||
    die "apt-get could not install $*"
}
command -v python3 >/dev/null || apt_install python3 python3-venv

work=$(mktemp -d "${TMPDIR:-/tmp}/wsproto-tokio-peers.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

if ! python3 -m venv "$work/venv" >/dev/null 2>&1; then
  apt_install python3-venv
  python3 -m venv "$work/venv" || die "python3 -m venv failed"
fi
"$work/venv/bin/pip" install -q --disable-pip-version-check 'websockets==15.*' ||
  die "pip could not install websockets==15.*"
py="$work/venv/bin/python"
say "python-websockets $("$py" -c 'import websockets; print(websockets.__version__)')"

cargo build -p wsproto-tokio --example echo_server --example interop_client -q
echo_server="$target/debug/examples/echo_server"
client="$target/debug/examples/interop_client"

wait_port() {
  local port=$1 what=$2
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  die "$what did not listen on port $port"
}
"$echo_server" 127.0.0.1:9261 >"$work/echo_server.log" 2>&1 &
pids+=($!)
"$py" interop/py_echo_server.py 9262 >"$work/py_server.log" 2>&1 &
pids+=($!)
wait_port 9261 "wsproto-tokio's echo_server"
wait_port 9262 "the python-websockets echo server ($(cat "$work/py_server.log"))"

failed=()
check() {
  local name=$1
  shift
  say "$name"
  if timeout 120 "$@"; then
    say "$name: ok"
  else
    echo "tokio_peers: $name FAILED" >&2
    failed+=("$name")
  fi
}
check "python-websockets client -> wsproto-tokio echo_server" "$py" interop/py_tokio_client.py ws://127.0.0.1:9261/ "$expected"
check "wsproto-tokio interop_client -> python-websockets server" "$client" ws://127.0.0.1:9262/ "$expected"

if [ ${#failed[@]} -gt 0 ]; then
  for log in echo_server py_server; do
    echo "--- $log log:" >&2
    tail -20 "$work/$log.log" >&2
  done
  die "${#failed[@]} of 2 checks failed: ${failed[*]}"
fi
say "2 of 2 checks passed: deflate negotiated as \"$expected\", every echo equal, close codes echoed, in both roles"
