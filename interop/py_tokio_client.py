"""python-websockets client checks for wsproto-tokio's echo server.

    python py_tokio_client.py ws://127.0.0.1:PORT/ EXPECTED_EXTENSIONS

First the deflate echo checks of py_client.py (text, binary, empty, large
compressible messages that must cross the socket compressed, fragmented
messages, the exact Sec-WebSocket-Extensions answer). Then the close
handshake: the client closes with 4001 "tokio bye"; the server must answer
with the same code (its reason may differ) (RFC 6455 §5.5.1: an endpoint "typically echos the status
code it received") and close TCP first (§7.1.1), which websockets checks on
its side. Exits 1 on the first mismatch.
"""

import asyncio
import sys

from py_client import fail, main as deflate_checks
from websockets.asyncio.client import connect


async def close_checks(url):
    async with connect(url) as ws:
        await ws.send("before close")
        if await ws.recv() != "before close":
            fail("echo before close differs")
        await ws.close(code=4001, reason="tokio bye")
        got = ws.protocol.close_rcvd
        # The reason need not be echoed (wsproto's automatic reply sends the
        # code alone).
        if got is None or got.code != 4001:
            fail(f"close reply: expected code 4001, got {got}")
        if ws.protocol.close_rcvd_then_sent is not False:
            fail("the server replied to our Close instead of starting its own")
    print("python client: close code 4001 echoed; the server closed TCP")


async def main(url, expected):
    await deflate_checks(url, expected)
    await close_checks(url)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
