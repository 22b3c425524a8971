#!/usr/bin/env bash
# The Rust HTTP ecosystem examples (feature `http`) against a real client:
#   python-websockets 15 -> examples/hyper_server (hyper 1.x, port 9251)
#   python-websockets 15 -> examples/axum_server  (axum 0.8,  port 9252)
# interop/ecosystem_client.py checks, for each: permessage-deflate
# negotiated and the offered subprotocol selected; text, binary and a large
# compressible text echoed (the large one compressed on the wire); a close
# with code 4001 answered with 4001; a bad Sec-WebSocket-Key gets 400; a
# plain GET of the WebSocket route gets 426 with `Upgrade: websocket`; and
# GET / gets 200. The RFC 8441 (HTTP/2) example runs in `cargo test`
# (tests/rfc8441_h2.rs). Python packages go into a venv under ${TMPDIR:-/tmp}.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}

say() { echo "ecosystem: $*"; }
die() {
  echo "ecosystem: FAILED: $*" >&2
  exit 1
}

apt_install() {
  say "installing Debian's $*"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null) ||
    die "apt-get could not install $*"
}
command -v python3 >/dev/null || apt_install python3 python3-venv

work=$(mktemp -d "${TMPDIR:-/tmp}/wsproto-ecosystem.XXXXXX")
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

# Debug: the same build (default features + http = --all-features) as the
# test step, so nothing is compiled again.
cargo build -q --features http --example hyper_server --example axum_server ||
  die "the examples do not build"

# Waits until something listens on 127.0.0.1:$1 (at most 10 s).
wait_port() {
  local i
  for i in $(seq 100); do
    if "$py" -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), timeout=0.2)" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# check EXAMPLE PORT arg|env: the port as the first argument, or in
# WSPROTO_PORT (the examples take either).
check() {
  local example=$1 port=$2 how=$3
  if [ "$how" = env ]; then
    WSPROTO_PORT=$port "$target/debug/examples/$example" >"$work/$example.log" 2>&1 &
  else
    "$target/debug/examples/$example" "$port" >"$work/$example.log" 2>&1 &
  fi
  local pid=$!
  pids+=("$pid")
  wait_port "$port" || { cat "$work/$example.log" >&2; die "$example did not listen on $port"; }
  timeout 60 "$py" interop/ecosystem_client.py "$port" || { cat "$work/$example.log" >&2; die "$example"; }
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  say "$example ok"
}

check hyper_server 9251 arg
check axum_server 9252 env
say "hyper and axum examples pass against python-websockets"
