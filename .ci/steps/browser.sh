#!/usr/bin/env bash
# The README's demo with a real browser: headless Chromium loads the echo
# page, which opens a WebSocket to echo_server, negotiates permessage-deflate
# (RFC 7692), sends a long compressible message and shows its echo. The
# page's DOM must show the WebSocket open, the server's extension answer and
# the echo equal to what was sent. Then the page in two tabs of one
# Chromium, driven by playwright-core (interop/browser_tabs.js): the tabs
# chat over the negotiated subprotocol `chat`, and the frame panel shows the
# frames the server received and sent, dissected.
#
# Chromium's --virtual-time-budget runs page time ahead of the real socket,
# so on a loaded machine the dump can come before the echo. The dump is
# retried with a longer budget until the expected DOM shows or an overall
# deadline passes; what is checked never changes.
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
profile=
trap 'kill $server 2>/dev/null || true; [ -z "$profile" ] || rm -rf "$profile"' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

# Chromium offers "permessage-deflate; client_max_window_bits"; the server,
# with DeflateConfig's defaults, answers with both windows at 12 bits
# (RFC 7692 §7.1.2: it may limit the client's window because the offer
# carried client_max_window_bits).
expected_extensions='permessage-deflate; server_max_window_bits=12; client_max_window_bits=12'
checks=(
  'id="status">open<'
  "id=\"extensions\">$expected_extensions<"
  'id="demo">came back equal: 2500 characters<'
  'class="echo">echo: "hello from the browser ✓" × 100, equal to what was sent<'
)
dom_ok() {
  local check
  for check in "${checks[@]}"; do
    grep -qF -- "$check" <<<"$1" || return 1
  done
}

deadline=$((SECONDS + 240))
budget=5000
attempt=0
dom=
while :; do
  attempt=$((attempt + 1))
  profile=$(mktemp -d)
  dom=$(timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget="$budget" --dump-dom "http://127.0.0.1:$port/" 2>/dev/null || true)
  rm -rf "$profile"
  profile=
  if dom_ok "$dom"; then
    break
  fi
  if [ $SECONDS -ge $deadline ] || [ $attempt -ge 6 ]; then
    echo "browser test: after $attempt attempts the page did not show all of:" >&2
    printf '  %s\n' "${checks[@]}" >&2
    echo "the last DOM showed:" >&2
    grep -oE '<(b|span) id="[a-z]+">[^<]*<|<div class="[a-z]+">[^<]*<' <<<"$dom" >&2 || echo "$dom" | head -40 >&2
    exit 1
  fi
  echo "browser test: attempt $attempt (virtual time $budget ms) did not show the echo yet; retrying"
  budget=$((budget * 2))
  sleep 1
done
echo "browser test: chromium $(chromium --version 2>/dev/null | awk '{print $2}') opened the WebSocket (attempt $attempt)," \
  "negotiated \"$expected_extensions\" and got the 2500-character message back equal"

# Two tabs: chat and the frame panel.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing Debian's nodejs and npm"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || {
    echo "browser test: npm could not be installed on this machine" >&2
    exit 1
  }
fi
npm_dir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$npm_dir"' EXIT
(cd "$npm_dir" && npm install --silent --no-audit --no-fund --no-package-lock playwright-core@1 >/dev/null) || {
  echo "browser test: npm could not install playwright-core@1" >&2
  exit 1
}
NODE_PATH="$npm_dir/node_modules" CHROMIUM="$(command -v chromium)" timeout 180 node interop/browser_tabs.js "http://127.0.0.1:$port/"
