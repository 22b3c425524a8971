#!/usr/bin/env bash
# permessage-deflate (RFC 7692) with real peers, both roles:
#   python-websockets 15 client -> examples/echo_server
#   Node ws 8 client            -> examples/echo_server
#   examples/client             -> python-websockets 15 echo server
#   examples/client             -> Node ws 8 echo server (perMessageDeflate: true)
# Each check sends text, binary and large compressible messages (the peer
# clients also fragmented ones), requires every echo equal and of the same
# type, requires the exact negotiated Sec-WebSocket-Extensions answer, and
# requires the large messages to cross the socket compressed. The scripts
# are in interop/. Python packages go into a venv and npm packages into a
# temporary directory, both under ${TMPDIR:-/tmp}.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}

step=peers
# shellcheck source=../lib/peers.sh
. .ci/lib/peers.sh

# The one answer every pairing must agree on (RFC 7692 §7.1.2): echo_server
# (DeflateConfig's defaults) answers websockets' offer ("server_max_window_bits=12;
# client_max_window_bits=12") and ws's ("client_max_window_bits") with both
# windows at 12 bits; websockets' and ws's servers accept the client's offer
# of both at 12 as it stands.
expected='permessage-deflate; server_max_window_bits=12; client_max_window_bits=12'

command -v node >/dev/null || apt_install nodejs
command -v npm >/dev/null || apt_install npm
python_websockets
mkdir "$work/npm"
(cd "$work/npm" && npm install --silent --no-audit --no-fund --no-package-lock ws@8 >/dev/null) ||
  die "npm could not install ws@8"
export NODE_PATH="$work/npm/node_modules"
say "python-websockets $("$py" -c 'import websockets; print(websockets.__version__)')," \
  "Node $(node --version) with ws $(node -p 'require("ws/package.json").version')"

cargo build --example echo_server --example client -q
echo_server="$target/debug/examples/echo_server"
client="$target/debug/examples/client"

"$echo_server" 127.0.0.1:9241 >"$work/echo_server.log" 2>&1 &
pids+=($!)
"$py" interop/py_echo_server.py 9242 >"$work/py_server.log" 2>&1 &
pids+=($!)
node interop/node_server.js 9243 >"$work/node_server.log" 2>&1 &
pids+=($!)
wait_port 9241 "examples/echo_server"
wait_port 9242 "the python-websockets echo server ($(cat "$work/py_server.log"))"
wait_port 9243 "the Node ws echo server ($(cat "$work/node_server.log"))"

check "python-websockets client -> echo_server" "$py" interop/py_client.py ws://127.0.0.1:9241/ "$expected"
check "Node ws client -> echo_server" node interop/node_client.js ws://127.0.0.1:9241/ "$expected"
check "examples/client -> python-websockets server" "$py" interop/run_client.py "$client" ws://127.0.0.1:9242/ "$expected"
check "examples/client -> Node ws server" "$py" interop/run_client.py "$client" ws://127.0.0.1:9243/ "$expected"

summary 4 "deflate negotiated as \"$expected\" and every echo equal, in both roles" echo_server py_server node_server
