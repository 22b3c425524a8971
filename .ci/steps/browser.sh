#!/usr/bin/env bash
# The README's demo with a real browser: headless Chromium loads the echo
# page, which opens a WebSocket to echo_server, sends a message and shows the
# echo. The page's DOM must contain the echoed text.
set -euo pipefail
if ! command -v chromium >/dev/null; then
  echo "installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || {
    echo "browser test: chromium could not be installed on this machine" >&2
    exit 1
  }
fi
cargo build --example echo_server -q
port=9211
"${CARGO_TARGET_DIR:-target}"/debug/examples/echo_server "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
profile=$(mktemp -d)
dom=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=5000 --dump-dom "http://127.0.0.1:$port/" 2>/dev/null || true)
rm -rf "$profile"
if grep -q 'class="echo">echo: hello from the browser ✓<' <<<"$dom" && grep -q 'id="status">open<' <<<"$dom"; then
  echo "browser test: chromium $(chromium --version 2>/dev/null | awk '{print $2}') opened the WebSocket and got the echo"
else
  echo "browser test: the page did not show the echo; DOM was:" >&2
  echo "$dom" | head -40 >&2
  exit 1
fi
