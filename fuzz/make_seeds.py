#!/usr/bin/env python3
"""Writes the seed corpus: fuzz/corpus/<target>/<name>. Run from anywhere;
the output is committed, so this only needs running when seeds change.

Byte-stream targets take a 4-byte prefix [flags, split, seed_lo, seed_hi]
(see fuzz/src/lib.rs, and `split_lens` in testkit/src/cuts.rs); the seeds
use split 0 (whole) or 1 (byte by byte).
The `pair` seeds are structured (Arbitrary) inputs kept from fuzzing runs
and are not written here.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = bytes([0x37, 0xFA, 0x21, 0x3D])


def masked(first, payload, key=MASK):
    """A client frame: masked, minimal length."""
    return frame(first, payload, key)


def frame(first, payload, key=None):
    out = bytearray([first])
    bit = 0x80 if key else 0
    n = len(payload)
    if n < 126:
        out.append(bit | n)
    elif n <= 0xFFFF:
        out.append(bit | 126)
        out += n.to_bytes(2, "big")
    else:
        out.append(bit | 127)
        out += n.to_bytes(8, "big")
    if key:
        out += key
        out += bytes(b ^ key[i % 4] for i, b in enumerate(payload))
    else:
        out += payload
    return bytes(out)


def crlf(text):
    return text.strip("\n").replace("\n", "\r\n").encode() + b"\r\n\r\n"


def seed_request(name):
    """The upgrade request a seed document (tests/fixtures/seeds) shows: from
    its GET line to the blank line after it, trailing spaces removed."""
    with open(os.path.join(HERE, "..", "tests", "fixtures", "seeds", name), encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("GET "))
    end = lines.index("", start)
    return crlf("\n".join(line.rstrip() for line in lines[start:end]))


def p(flags=0, split=0, seed=0):
    return bytes([flags, split, seed & 0xFF, seed >> 8])


# RFC 6455 §5.7, byte for byte.
HELLO = bytes.fromhex("810548656c6c6f")
HELLO_MASKED = bytes.fromhex("818537fa213d7f9f4d5158")
HELLO_FRAGMENTED = bytes.fromhex("010348656c80026c6f")
PING = bytes.fromhex("890548656c6c6f")
PONG_MASKED = bytes.fromhex("8a8537fa213d7f9f4d5158")
BIN_256 = bytes.fromhex("827E0100") + bytes(range(256))
BIN_64K_TRUNCATED = bytes.fromhex("827F0000000000010000") + bytes(64)
CLOSE_1000 = frame(0x88, (1000).to_bytes(2, "big") + b"bye")
CLOSE_MASKED = masked(0x88, (1001).to_bytes(2, "big") + b"going away")
CLOSE_EMPTY = frame(0x88, b"")

# A browser's upgrade request (Chrome 52), read from the committed seed
# document, and the RFC 6455 §1.3 example request.
CHROME = seed_request("002_6cc5d91715ae5099.txt")
RFC_REQUEST = crlf("""
GET /chat HTTP/1.1
Host: server.example.com
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
Origin: http://example.com
Sec-WebSocket-Protocol: chat, superchat
Sec-WebSocket-Version: 13
""")
MQTT_REQUEST = crlf("""
GET /mqtt HTTP/1.1
Host: 192.168.43.135:12345
Connection: Upgrade
Pragma: no-cache
Cache-Control: no-cache
Upgrade: websocket
Sec-WebSocket-Version: 13
User-Agent: Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.110 Safari/537.36
Accept-Encoding: gzip, deflate, sdch
Accept-Language: en-US,en;q=0.8
Sec-WebSocket-Key: OfMWmQZlMFBWe/o7k1CzZg==
Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits
Sec-WebSocket-Protocol: mqttv3.1
""")
PAGE_REQUEST = crlf("""
GET /index.html HTTP/1.1
Host: 127.0.0.1:9001
Accept: text/html
""")
OLD_VERSION = RFC_REQUEST.replace(b"Version: 13", b"Version: 8")

# The RFC 6455 §1.3 answer, for the key dGhlIHNhbXBsZSBub25jZQ==.
RFC_101 = crlf("""
HTTP/1.1 101 Switching Protocols
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
""")
RFC_101_CHAT = RFC_101[:-2] + b"Sec-WebSocket-Protocol: chat\r\n\r\n"
UNAUTHORIZED = crlf("""
HTTP/1.1 401 Unauthorized
WWW-Authenticate: Basic realm="ws"
Content-Length: 5
""") + b"nope\n"
PROXY_OK = crlf("HTTP/1.1 200 Connection established")
PROXY_DENIED = crlf("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic")

CLIENT_FRAMES = (HELLO_MASKED + masked(0x01, b"Hel") + masked(0x89, b"") + masked(0x80, b"lo")
                 + masked(0x82, bytes(range(200))) + PONG_MASKED + CLOSE_MASKED)
SERVER_FRAMES = HELLO + HELLO_FRAGMENTED + PING + BIN_256 + frame(0x8A, b"") + CLOSE_1000

SEEDS = {
    "frame_header": {
        "rfc_hello": p(1) + HELLO,
        "rfc_hello_masked": p(0) + HELLO_MASKED,
        "rfc_fragments_bytewise": p(1, 1) + HELLO_FRAGMENTED,
        "rfc_ping": p(1) + PING,
        "rfc_pong_masked": p(0) + PONG_MASKED,
        "rfc_256": p(1) + BIN_256,
        "rfc_64k_truncated": p(1) + BIN_64K_TRUNCATED,
        "close": p(1) + CLOSE_1000 + CLOSE_EMPTY,
        "close_masked": p(0) + CLOSE_MASKED,
        "client_stream": p(0, 3, 7) + CLIENT_FRAMES,
        "deflate_rsv1": p(1 | 0b1000) + frame(0xC1, b"\xf2\x48\xcd\xc9\xc9\x07\x00"),
        "limit_126": p(1 | 3 << 5) + frame(0x82, bytes(126)),
        "non_minimal": p(1) + bytes.fromhex("827E0010"),
    },
    "utf8": {
        "hello": p() + b"Hello",
        "kosme_bytewise": p(0, 1) + "κόσμε".encode(),
        "mixed": p(0, 2, 3) + "€ a 𝄞 b ü".encode(),
        "surrogate": p() + "κόσμε".encode() + b"\xed\xa0\x80edited",
        "too_big": p(0, 1) + b"\xf4\x90\x80\x80",
        "overlong": p() + b"\xc0\xaf",
        "truncated": p(0, 1) + b"abc\xf0\x9f\x98",
    },
    "handshake_server_parser": {
        "chrome": p() + CHROME,
        "chrome_bytewise": p(0, 1) + CHROME,
        "rfc_request": p(2) + RFC_REQUEST,
        "mqtt": p(0, 5, 1) + MQTT_REQUEST,
        "page_then_upgrade": p() + PAGE_REQUEST + RFC_REQUEST,
        "small_limits": p(1) + CHROME,
        "version_8": p() + OLD_VERSION,
    },
    "handshake_client_parser": {
        "rfc_101": p() + RFC_101 + HELLO,
        "rfc_101_chat_bytewise": p(2, 1) + RFC_101_CHAT,
        "unauthorized": p(0, 7, 2) + UNAUTHORIZED,
        "proxy_ok": p(0x80) + PROXY_OK + RFC_101,
        "proxy_denied": p(0x80) + PROXY_DENIED,
    },
    "server_connection": {
        "chrome_then_frames": p(0) + CHROME + CLIENT_FRAMES,
        "rfc_request_bytewise": p(0, 1) + RFC_REQUEST + HELLO_MASKED + CLOSE_MASKED,
        "chunks_drain_eof": p(1 | 0x20 | 0x40, 4, 9) + MQTT_REQUEST + CLIENT_FRAMES,
        "small_limits": p(8, 6, 1) + RFC_REQUEST + masked(0x82, bytes(250)),
        "page": p() + PAGE_REQUEST,
        "version_8": p() + OLD_VERSION,
        "unmasked_refused": p() + RFC_REQUEST + HELLO,
    },
    "client_connection": {
        "frames_after_101": p(0x80) + SERVER_FRAMES,
        "frames_bytewise": p(0x80, 1) + HELLO_FRAGMENTED + PING + CLOSE_1000,
        "chunks_drain_eof": p(0x80 | 1 | 0x20 | 0x40, 3, 5) + SERVER_FRAMES,
        "no_auto_replies": p(0x80 | 2 | 4) + PING + CLOSE_EMPTY,
        "masked_refused": p(0x80) + HELLO_MASKED,
        "unauthorized": p(0) + UNAUTHORIZED,
        "wrong_accept": p(0) + RFC_101 + HELLO,
    },
}

for target, seeds in SEEDS.items():
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
