// An echo server on Node `ws` with perMessageDeflate: true.
//
//     NODE_PATH=.../node_modules node node_server.js PORT
//
// ws accepts the client's permessage-deflate offer (RFC 7692) and compresses
// messages of 1024 bytes or more (its default threshold); smaller ones go
// out uncompressed. Every message comes back unchanged, as the same type.
// Prints "ready" once it listens.
"use strict";
const { WebSocketServer } = require("ws");

const port = Number(process.argv[2]);
const wss = new WebSocketServer({ host: "127.0.0.1", port, perMessageDeflate: true, maxPayload: 16 << 20 });
wss.on("listening", () => console.log("ready"));
wss.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary }));
});
