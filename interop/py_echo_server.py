"""An echo server on python-websockets with its default compression.

    python py_echo_server.py PORT

websockets' default ("compression='deflate'") accepts permessage-deflate
(RFC 7692) and answers a client that offers both window parameters with
"server_max_window_bits=12; client_max_window_bits=12". Every message comes
back unchanged, as the same type. Prints "ready" once it listens.
"""

import asyncio
import sys

from websockets.asyncio.server import serve


async def echo(ws):
    async for message in ws:
        await ws.send(message)


async def main(port):
    # max_size: the 1 MiB messages of the checks plus room (default 1 MiB).
    async with serve(echo, "127.0.0.1", port, max_size=16 << 20):
        print("ready", flush=True)
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
