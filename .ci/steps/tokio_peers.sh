#!/usr/bin/env bash
# wsproto-tokio (the adapter crate) with a real peer, both roles, on ports
# 9261-9262:
#   python-websockets 15 client -> wsproto-tokio/examples/echo
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

step=tokio_peers
# shellcheck source=../lib/peers.sh
. .ci/lib/peers.sh

# What both pairings must agree on (RFC 7692 §7.1.2): the adapter's server
# (DeflateConfig's defaults) answers websockets' offer with both windows at
# 12 bits, and websockets' server accepts the adapter's offer as it stands.
expected='permessage-deflate; server_max_window_bits=12; client_max_window_bits=12'

python_websockets
say "python-websockets $("$py" -c 'import websockets; print(websockets.__version__)')"

cargo build -p wsproto-tokio --example echo --example interop_client -q
echo_server="$target/debug/examples/echo"
client="$target/debug/examples/interop_client"

"$echo_server" 127.0.0.1:9261 >"$work/echo_server.log" 2>&1 &
pids+=($!)
"$py" interop/py_echo_server.py 9262 >"$work/py_server.log" 2>&1 &
pids+=($!)
wait_port 9261 "wsproto-tokio's echo example"
wait_port 9262 "the python-websockets echo server ($(cat "$work/py_server.log"))"

check "python-websockets client -> wsproto-tokio echo" "$py" interop/py_tokio_client.py ws://127.0.0.1:9261/ "$expected"
check "wsproto-tokio interop_client -> python-websockets server" "$client" ws://127.0.0.1:9262/ "$expected"

summary 2 "deflate negotiated as \"$expected\", every echo equal, close codes echoed, in both roles" echo_server py_server
