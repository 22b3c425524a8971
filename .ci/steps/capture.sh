#!/usr/bin/env bash
# A real session, recorded with tcpdump on the loopback interface and
# dissected by the frame inspector:
#   examples/capture_client -> examples/echo_server (port 9271)
# The client offers permessage-deflate and sends a text, a binary message,
# a Ping, a text in three fragments and a 300-byte uncompressed text, then
# closes with 1000 "bye". The step runs `examples/inspect --json` on the
# capture and checks, with python3: the handshake (101, the Accept check,
# permessage-deflate negotiated), every message in both directions (the
# text inflated and joined, the binary bytes), the Ping and its Pong, a
# masking key on every client frame and none on the server's, the 16-bit
# length of the long text, and the close code 1000 and reason "bye" from
# the client and 1000 back from the server.
# tcpdump comes from Debian's packages (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
port=9271

say() { echo "capture: $*"; }
die() {
  echo "capture: FAILED: $*" >&2
  exit 1
}

if ! command -v tcpdump >/dev/null; then
  say "installing tcpdump (Debian package)"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y tcpdump >/dev/null 2>&1 ||
    { "${sudo[@]}" apt-get update >/dev/null 2>&1 && "${sudo[@]}" apt-get install -y tcpdump >/dev/null 2>&1; } ||
    die "apt-get install tcpdump failed"
fi
command -v python3 >/dev/null || die "python3 is missing"

cargo build --release --example echo_server --example capture_client --example inspect
bin=$target/release/examples

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${KEEP_CAPTURE:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# --immediate-mode: packets reach tcpdump as they arrive, not in blocks
# the kernel fills or times out (else those still in the ring when tcpdump
# stops are lost); -U: each packet is written out at once.
tcpdump -i lo --immediate-mode -U -n -w "$work/session.pcap" "tcp port $port" 2>"$work/tcpdump.log" &
pids+=($!)
tcpdump_pid=$!
# tcpdump says "listening on lo" once it captures.
for _ in $(seq 50); do
  grep -q "listening on" "$work/tcpdump.log" && break
  sleep 0.1
done
grep -q "listening on" "$work/tcpdump.log" || die "tcpdump did not start: $(cat "$work/tcpdump.log")"

"$bin/echo_server" "127.0.0.1:$port" >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
  (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
# That probe is a TCP connection of its own in the capture, with no
# WebSocket in it: the inspector must count it as another connection.
timeout 30 "$bin/capture_client" "ws://127.0.0.1:$port/" >"$work/client.out" || die "capture_client failed"
sleep 1
kill -INT "$tcpdump_pid"
wait "$tcpdump_pid" 2>/dev/null || true
say "$(tail -n 2 "$work/tcpdump.log" | head -n 1)"

"$bin/inspect" --json "$work/session.pcap" >"$work/session.json" || die "inspect --json exited $?"
"$bin/inspect" "$work/session.pcap" >"$work/session.txt" || die "inspect exited $?"
grep -q '= Opcode: Text (1)' "$work/session.txt" || die "the plain dissection has no Text frame"

python3 - "$work/session.json" <<'PY'
import json, sys

items = [json.loads(line) for line in open(sys.argv[1])]
def fail(msg):
    sys.exit("capture: FAILED: " + msg)

conns = [i for i in items if i["type"] == "connection"]
if len(conns) != 1:
    fail(f"expected one WebSocket connection, found {len(conns)}")
for bad in ("violation", "truncated", "gap", "capture_error"):
    if any(i["type"] == bad for i in items):
        fail(f"unexpected {bad}: {[i for i in items if i['type'] == bad]}")
req = [i for i in items if i["type"] == "request"]
res = [i for i in items if i["type"] == "response"]
if len(req) != 1 or len(res) != 1:
    fail("expected one request and one response")
res = res[0]
if res["status"] != 101 or not res["accept_ok"] or not res["upgraded"]:
    fail(f"handshake: {res}")
if not res["extensions"] or not res["extensions"][0].startswith("permessage-deflate") or res["deflate"] is None:
    fail(f"permessage-deflate not negotiated: {res['extensions']}")
frames = [i for i in items if i["type"] == "frame"]
for f in frames:
    if f["violations"]:
        fail(f"violations in {f}")
    # RFC 6455 §5.1: a client masks every frame, a server none.
    if f["masked"] != (f["direction"] == "client") or (f["masking_key"] is None) == f["masked"]:
        fail(f"masking: {f}")
def messages(direction):
    out = []
    for f in frames:
        m = f["message"]
        if f["direction"] == direction and m is not None:
            out.append(m["text"] if m["opcode"] == "text" else ("binary", m["hex"]))
    return out
long = "".join(f"line {i:03}, " for i in range(30))
want = ["hello from the capture", ("binary", "000102feff"), "fragmented message", long]
for d in ("client", "server"):
    got = messages(d)
    if got != want:
        fail(f"{d} messages: {got!r}, expected {want!r}")
client = [f for f in frames if f["direction"] == "client"]
server = [f for f in frames if f["direction"] == "server"]
ops = [f["opcode"] for f in client]
if ops != ["text", "binary", "ping", "text", "continuation", "continuation", "text", "close"]:
    fail(f"client opcodes: {ops}")
if [f["fin"] for f in client[3:6]] != [False, False, True]:
    fail("the fragmented message's FIN bits")
if not client[0]["rsv1"] or client[4]["rsv1"]:
    fail("RSV1 must mark the first frame of a compressed message only")
pong = [f for f in server if f["opcode"] == "pong"]
if len(pong) != 1 or bytes.fromhex(pong[0]["payload_hex"]) != b"are you there":
    fail(f"pong: {pong}")
big = [f for f in client if f["payload_length"] == 300]
if len(big) != 1 or big[0]["length_encoding"] != 16 or big[0]["rsv1"]:
    fail(f"the 300-byte text: {big}")
closes = [(f["direction"], f["close_code"], f["close_reason"]) for f in frames if f["opcode"] == "close"]
if closes[0] != ("client", 1000, "bye") or closes[1][:2] != ("server", 1000) or len(closes) != 2:
    fail(f"close frames: {closes}")
print(f"capture: {len(frames)} frames dissected ({len(client)} from the client, {len(server)} from the server), "
      f"4 messages each way, ping/pong, close 1000 'bye' answered with {closes[1][1]}")
PY
