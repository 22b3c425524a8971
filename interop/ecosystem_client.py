"""Checks an HTTP server example (hyper, axum) with python-websockets.

    python ecosystem_client.py PORT

Against ws://127.0.0.1:PORT/ws: permessage-deflate is negotiated (the
server's Sec-WebSocket-Extensions answer names it) and the offered
subprotocol "chat" is selected; text, binary and a large compressible text
come back equal and of the same type, the large one compressed on the wire;
a close with code 4001 is answered with 4001. Over raw HTTP/1.1: an upgrade
with a bad Sec-WebSocket-Key gets 400; a plain GET of /ws gets 426 with
`Upgrade: websocket`; `GET /` gets 200. Exits 1 on the first mismatch.
"""

import asyncio
import socket
import sys

from websockets.asyncio.client import connect

from counting import Counting


def fail(what):
    print(f"ecosystem client: FAILED: {what}", file=sys.stderr)
    sys.exit(1)


def raw(port, head):
    """Sends a raw request head; returns (status, headers in lower case)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(head.encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    lines = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers


async def websocket(port):
    url = f"ws://127.0.0.1:{port}/ws"
    async with connect(url, subprotocols=["chat"], create_connection=Counting, max_size=4 << 20) as ws:
        ext = ws.response.headers.get("Sec-WebSocket-Extensions", "")
        if not ext.startswith("permessage-deflate"):
            fail(f"permessage-deflate not negotiated: {ext!r}")
        if ws.subprotocol != "chat":
            fail(f"subprotocol {ws.subprotocol!r}, wanted 'chat'")
        large = "wsproto " * (1 << 17)
        for name, message in [("text", "héllo"), ("binary", bytes(range(256))), ("large", large)]:
            before = Counting.received
            await ws.send(message)
            back = await ws.recv()
            if type(back) is not type(message) or back != message:
                fail(f"{name}: echo differs")
            if name == "large" and Counting.received - before > len(large) // 10:
                fail(f"large: {Counting.received - before} bytes on the wire for {len(large)}: not compressed")
        await ws.close(code=4001, reason="bye")
        if ws.close_code != 4001:
            fail(f"close code {ws.close_code}, wanted 4001 echoed")
    print(f"ecosystem client: echo ok ({ext}; subprotocol chat; close 4001)")


def main(port):
    asyncio.run(websocket(port))
    host = f"Host: 127.0.0.1:{port}\r\n"
    bad_key = (
        f"GET /ws HTTP/1.1\r\n{host}Upgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    status, _ = raw(port, bad_key)
    if status != 400:
        fail(f"bad Sec-WebSocket-Key: status {status}, wanted 400")
    status, headers = raw(port, f"GET /ws HTTP/1.1\r\n{host}\r\n")
    if status != 426 or headers.get("upgrade", "").lower() != "websocket":
        fail(f"plain GET /ws: status {status}, Upgrade {headers.get('upgrade')!r}; wanted 426 websocket")
    status, _ = raw(port, f"GET / HTTP/1.1\r\n{host}Connection: close\r\n\r\n")
    if status != 200:
        fail(f"GET /: status {status}, wanted 200")
    print("ecosystem client: bad key 400, plain GET 426 with Upgrade: websocket, GET / 200")


if __name__ == "__main__":
    main(int(sys.argv[1]))
