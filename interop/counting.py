"""A python-websockets client connection that counts the bytes it reads, to
check that large messages came back compressed. Shared by the interop
clients (they run as scripts from this folder, so it imports by name)."""

from websockets.asyncio.client import ClientConnection


class Counting(ClientConnection):
    """Counts the bytes read from the socket, before any decoding."""

    received = 0

    def data_received(self, data):
        Counting.received += len(data)
        super().data_received(data)
