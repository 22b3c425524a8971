"""Drives examples/client.rs against a deflate echo server and checks it.

    python run_client.py CLIENT_BINARY ws://127.0.0.1:PORT/ EXPECTED_EXTENSIONS

Runs the client twice, once per message type (text lines, then --binary).
Each line is written to the client's standard input and its echo read back
from standard output before the next one, so every echo is in before the
end of input makes the client close (1000). Checks: each echo equals the
line sent; the client exits 0; it reports "extensions: EXPECTED_EXTENSIONS"
(what the server answered, RFC 7692 §7); and its wire counts show both
directions compressed (far fewer socket bytes than message bytes). Exits 1
on the first mismatch.
"""

import random
import re
import subprocess
import sys
import tempfile


def fail(what):
    print(f"client check: FAILED: {what}", file=sys.stderr)
    sys.exit(1)


def run(client, url, expected, lines, binary):
    mode = "binary" if binary else "text"
    args = [client] + (["--binary"] if binary else []) + [url]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err)
        for i, line in enumerate(lines):
            proc.stdin.write(line + b"\n")
            proc.stdin.flush()
            back = proc.stdout.readline()
            if back != line + b"\n":
                proc.kill()
                err.seek(0)
                fail(f"{mode} line {i}: {len(line)} bytes sent, echo {len(back)} bytes differs; stderr: {err.read()!r}")
        proc.stdin.close()
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            fail(f"{mode}: the client did not exit within 30 s of the end of input")
        rest = proc.stdout.read()
        err.seek(0)
        report = err.read().decode()
    if code != 0:
        fail(f"{mode}: the client exited {code}; stderr: {report!r}")
    if rest:
        fail(f"{mode}: unexpected output after the echoes: {rest[:100]!r}")
    if f"extensions: {expected}\n" not in report:
        fail(f"{mode}: expected 'extensions: {expected}' on stderr, got {report!r}")
    wire = re.search(r"^wire: sent (\d+) bytes, received (\d+) bytes$", report, re.M)
    if not wire:
        fail(f"{mode}: no wire line on stderr: {report!r}")
    sent, received = int(wire[1]), int(wire[2])
    total = sum(len(line) for line in lines)
    # Uncompressed, each direction would carry at least `total` bytes.
    if sent * 10 > total or received * 10 > total:
        fail(f"{mode}: not compressed: {total} bytes of messages, sent {sent}, received {received}")
    print(
        f"client check: {len(lines)} {mode} messages ({total} bytes) echoed equal;"
        f" negotiated {expected!r}; wire: sent {sent}, received {received} bytes"
    )


def main(client, url, expected):
    phrase = "compressible line from wsproto ✓ ".encode()
    texts = ["hello ✓".encode(), b"", phrase * 30000, b"last"]
    # 255 fixed pseudo-random bytes (no newline), repeated: compressible
    # only through the window's matches, and the same on every run.
    noise = bytes(b for b in random.Random(7692).randbytes(300) if b != 10)[:255]
    binaries = [bytes(b for b in range(256) if b != 10), noise * 4000, b"ends with CR\r", b""]
    run(client, url, expected, texts, binary=False)
    run(client, url, expected, binaries, binary=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
