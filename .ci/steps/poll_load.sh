#!/usr/bin/env bash
# Drivers over real sockets.
#
# 1. poll_server (one thread, one mio loop) holds 10,000 idle WebSocket
#    connections from load_idle plus echo traffic on 50 of them; every echo
#    is checked byte for byte, a sample of idle connections answers a Ping,
#    and everything closes with the close handshake. Reports the server's
#    peak RSS and its memory per idle connection, and checks that idle
#    connections hold no heap.
# 2. A smoke run of tokio_echo: the stdin client sends two lines and must
#    print them back; then a graceful shutdown (`quit` on the server's
#    standard input) must send Close 1001 to a connected client and exit 0.
set -euo pipefail
bin="${CARGO_TARGET_DIR:-target}/release/examples"
cd "$(dirname "$0")/../.."

connections=${LOAD_CONNECTIONS:-10000}
port=9212
tokio_port=9213

# Every connection is a file descriptor, in the server and in the load
# generator (separate processes, so each needs `connections` plus a few).
need=$((connections + 256))
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
have=$(ulimit -n)
if [ "$have" != unlimited ] && [ "$have" -lt "$need" ]; then
  echo "poll_load: the open-file limit is $have (hard limit $(ulimit -Hn)); $need are needed for $connections connections." >&2
  echo "poll_load: raise it (ulimit -n 65536, or LimitNOFILE= / docker --ulimit nofile=65536) or set LOAD_CONNECTIONS lower." >&2
  exit 1
fi
echo "poll_load: open-file limit $have"

cargo build --release -q --example poll_server --example load_idle --example tokio_echo --example client

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

wait_port() {
  local port=$1 pid=$2
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "poll_load: the server on port $port exited early" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "poll_load: nothing listens on port $port after 10 s" >&2
  return 1
}

status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# --- 1. poll_server under load_idle ----------------------------------------
start=$SECONDS
"$bin"/poll_server "127.0.0.1:$port" 2>"$work/server.log" &
server=$!
pids+=("$server")
wait_port "$port" "$server"
rss_before=$(status_kib "$server" VmRSS)

# A 5 s hold lets the server release the handshake buffers and print a
# stats line while every connection is idle.
if ! timeout 150 "$bin"/load_idle "127.0.0.1:$port" "$connections" \
  --hold 5 --server-pid "$server" | tee "$work/load.log"; then
  echo "poll_load: load_idle failed; server log:" >&2
  tail -20 "$work/server.log" >&2
  exit 1
fi
hwm=$(status_kib "$server" VmHWM)
grep -q "^load_idle: $connections idle connections held, .*, 0 errors," "$work/load.log"
per_conn=$(sed -n 's/.*: \([0-9]*\) bytes per connection$/\1/p' "$work/load.log")
echo "poll_load: server peak RSS ${hwm} KiB (${rss_before} KiB at start); ${per_conn:-?} bytes of RSS per idle connection"
if grep -q "poll_server: $connections connections, 0 heap bytes" "$work/server.log"; then
  echo "poll_load: with $connections idle connections the server's connections held 0 heap bytes"
else
  echo "poll_load: no stats line showed $connections idle connections holding no heap; server log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
if ! kill -0 "$server" 2>/dev/null; then
  echo "poll_load: poll_server died" >&2
  exit 1
fi
kill "$server"
echo "poll_load: poll_server part took $((SECONDS - start)) s"

# --- 2. tokio_echo smoke run ----------------------------------------------
mkfifo "$work/tokio_in"
"$bin"/tokio_echo "127.0.0.1:$tokio_port" <"$work/tokio_in" >"$work/tokio.log" 2>&1 &
tokio=$!
pids+=("$tokio")
exec 4>"$work/tokio_in" # keeps the server's standard input open
wait_port "$tokio_port" "$tokio"

printf 'hello\nwörld ✓\n' >"$work/lines"
timeout 20 "$bin"/client "ws://127.0.0.1:$tokio_port/" <"$work/lines" >"$work/echoed"
if ! cmp -s "$work/lines" "$work/echoed"; then
  echo "poll_load: tokio_echo did not echo the two lines; got:" >&2
  cat "$work/echoed" >&2
  exit 1
fi
echo "poll_load: tokio_echo echoed 2 lines through the stdin client"

# A client that stays connected, then a graceful shutdown.
mkfifo "$work/client_in"
timeout 20 "$bin"/client "ws://127.0.0.1:$tokio_port/" <"$work/client_in" >"$work/stay.out" 2>"$work/stay.err" &
client=$!
pids+=("$client")
exec 5>"$work/client_in"
echo first >&5
for _ in $(seq 50); do
  grep -q first "$work/stay.out" 2>/dev/null && break
  sleep 0.1
done
echo quit >&4
for _ in $(seq 100); do
  kill -0 "$tokio" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$tokio" 2>/dev/null; then
  echo "poll_load: tokio_echo did not shut down within 10 s" >&2
  exit 1
fi
wait "$tokio" || {
  echo "poll_load: tokio_echo exited with an error:" >&2
  cat "$work/tokio.log" >&2
  exit 1
}
if ! grep -q "1001" "$work/stay.err"; then
  echo "poll_load: the connected client did not get Close 1001; its stderr:" >&2
  cat "$work/stay.err" >&2
  exit 1
fi
echo "poll_load: tokio_echo shut down gracefully; the connected client got: $(head -1 "$work/stay.err")"
exec 4>&- 5>&-
wait "$client" || true
echo "poll_load: ok in $((SECONDS)) s"
