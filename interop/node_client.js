// A Node `ws` client (perMessageDeflate on, its default) that checks an echo
// server.
//
//     NODE_PATH=.../node_modules node node_client.js ws://127.0.0.1:PORT/ EXPECTED_EXTENSIONS
//
// Checks: the server's Sec-WebSocket-Extensions answer is EXPECTED_EXTENSIONS
// and ws enabled permessage-deflate (RFC 7692); text, binary, large and
// fragmented messages come back equal and of the same type; the large ones
// arrive compressed (far fewer socket bytes than message bytes). Exits 1 on
// the first mismatch.
"use strict";
const WebSocket = require("ws");

const [url, expected] = process.argv.slice(2);
const fail = (what) => {
  console.error(`node client: FAILED: ${what}`);
  process.exit(1);
};
setTimeout(() => fail("timed out after 60 s"), 60000).unref();

const ws = new WebSocket(url, { perMessageDeflate: true, maxPayload: 16 << 20 });
let answer = null;
ws.on("upgrade", (res) => (answer = res.headers["sec-websocket-extensions"]));
ws.on("error", (e) => fail(`socket error: ${e.message}`));
ws.on("close", (code) => {
  if (!done) fail(`closed early with ${code}`);
});

// Messages arrive in order; each check waits for the next one.
const inbox = [];
let waiting = null;
ws.on("message", (data, isBinary) => {
  const msg = { data, isBinary };
  if (waiting) {
    const w = waiting;
    waiting = null;
    w(msg);
  } else inbox.push(msg);
});
const next = () => (inbox.length ? Promise.resolve(inbox.shift()) : new Promise((r) => (waiting = r)));

// `parts`: the message, or its fragments (each but the last sent fin: false;
// ws compresses each fragment with the message's context, RFC 7692 §6.1).
async function echo(name, parts, isBinary) {
  parts = Array.isArray(parts) ? parts : [parts];
  parts.forEach((p, i) => ws.send(p, { binary: isBinary, fin: i === parts.length - 1 }));
  const whole = Buffer.concat(parts.map((p) => Buffer.from(p)));
  const back = await next();
  if (back.isBinary !== isBinary) fail(`${name}: sent ${isBinary ? "binary" : "text"}, got the other type`);
  if (!whole.equals(back.data)) fail(`${name}: echo differs (${whole.length} bytes sent, ${back.data.length} back)`);
  return whole.length;
}

// `n` fixed pseudo-random bytes (a 32-bit LCG): the same on every run.
function noise(n) {
  const out = Buffer.alloc(n);
  let x = 7692;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

let done = false;
ws.on("open", async () => {
  if (answer !== expected) fail(`Sec-WebSocket-Extensions: expected ${JSON.stringify(expected)}, got ${JSON.stringify(answer)}`);
  if (ws.extensions !== "permessage-deflate") fail(`ws.extensions is ${JSON.stringify(ws.extensions)}`);
  console.log(`node client: negotiated ${JSON.stringify(answer)}, ws.extensions ${JSON.stringify(ws.extensions)}`);
  await echo("short text", "hello ✓", false);
  await echo("short binary", Buffer.from([...Array(256).keys()]), true);
  await echo("empty text", "", false);
  const phrase = "ws and wsproto agree on deflate ✓ ";
  const before = ws._socket.bytesRead;
  const sizes = [
    await echo("large text", phrase.repeat(30000), false),
    await echo("large binary", Buffer.concat(Array(16384).fill(noise(64))), true),
    await echo("fragmented text", [phrase.repeat(100), phrase.repeat(50), "", phrase], false),
    await echo("fragmented binary", [Buffer.alloc(5000, 7), Buffer.alloc(3000, 9)], true),
  ];
  const total = sizes.reduce((a, b) => a + b);
  const wire = ws._socket.bytesRead - before;
  if (wire * 10 > total) fail(`large echoes not compressed: ${wire} socket bytes for ${total} bytes of messages`);
  console.log(
    `node client: short text/binary/empty, large text and binary, fragmented text and binary echoed equal; ` +
      `${total} bytes of large messages came back in ${wire} bytes`,
  );
  done = true;
  ws.close(1000);
});
