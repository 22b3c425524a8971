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

step=ecosystem
# shellcheck source=../lib/peers.sh
. .ci/lib/peers.sh

python_websockets
say "python-websockets $("$py" -c 'import websockets; print(websockets.__version__)')"

# Debug: the same build (default features + http = --all-features) as the
# test step, so nothing is compiled again.
cargo build -q --features http --example hyper_server --example axum_server ||
  die "the examples do not build"

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
  wait_port "$port" "$example"
  timeout 60 "$py" interop/ecosystem_client.py "$port" || { cat "$work/$example.log" >&2; die "$example"; }
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  say "$example ok"
}

check hyper_server 9251 arg
check axum_server 9252 env
say "hyper and axum examples pass against python-websockets"
