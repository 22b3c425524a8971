"""A python-websockets client that checks an echo server, with deflate.

    python py_client.py ws://127.0.0.1:PORT/ EXPECTED_EXTENSIONS

Offers websockets' default permessage-deflate (RFC 7692), then checks:
the server's Sec-WebSocket-Extensions answer is EXPECTED_EXTENSIONS; text,
binary, large compressible and fragmented messages come back equal and of
the same type; and the large ones arrive compressed (far fewer bytes on the
wire than in the messages). Exits 1 on the first mismatch.
"""

import asyncio
import random
import sys

from websockets.asyncio.client import connect

from counting import Counting

LARGE = 1 << 20


def fail(what):
    print(f"python client: FAILED: {what}", file=sys.stderr)
    sys.exit(1)


async def echo(ws, message, name):
    """Sends `message` (a list: one fragment per item) and checks the echo."""
    parts = message if isinstance(message, list) else [message]
    whole = parts[0][:0].join(parts)
    await ws.send(message)
    back = await ws.recv()
    if type(back) is not type(whole):
        fail(f"{name}: sent {type(whole).__name__}, got {type(back).__name__}")
    if back != whole:
        fail(f"{name}: echo differs ({len(whole)} sent, {len(back)} back)")
    return len(whole)


async def main(url, expected):
    async with connect(url, max_size=16 << 20, create_connection=Counting) as ws:
        answer = ws.response.headers.get("Sec-WebSocket-Extensions")
        if answer != expected:
            fail(f"Sec-WebSocket-Extensions: expected {expected!r}, got {answer!r}")
        if [type(e).__name__ for e in ws.protocol.extensions] != ["PerMessageDeflate"]:
            fail(f"websockets did not enable deflate: {ws.protocol.extensions}")
        print(f"python client: negotiated {answer!r}")
        await echo(ws, "hello ✓", "short text")
        await echo(ws, bytes(range(256)), "short binary")
        await echo(ws, "", "empty text")
        before = Counting.received
        phrase = "websockets and wsproto agree on deflate ✓ "
        big_text = (phrase * (LARGE // len(phrase)))[: LARGE // 2]
        # 64 fixed pseudo-random bytes, repeated: the same on every run.
        big_binary = random.Random(7692).randbytes(64) * (LARGE // 64)
        sizes = [
            await echo(ws, big_text, "large text"),
            await echo(ws, big_binary, "large binary"),
            # A list is sent as one fragmented message, one frame per item;
            # websockets compresses each frame (RFC 7692 §6.1).
            await echo(ws, [phrase * 100, phrase * 50, "", phrase], "fragmented text"),
            await echo(ws, [big_binary[:5000], big_binary[5000:9000]], "fragmented binary"),
        ]
        wire = Counting.received - before
        # Uncompressed, the echoes alone would be sum(sizes) bytes.
        if wire * 10 > sum(sizes):
            fail(f"large echoes not compressed: {wire} bytes on the wire for {sum(sizes)} bytes of messages")
        print(
            "python client: short text/binary/empty, large text and binary, fragmented text and binary echoed equal;"
            f" {sum(sizes)} bytes of large messages came back in {wire} bytes"
        )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
