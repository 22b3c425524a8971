// The demo page in two tabs of one real Chromium (driven by playwright-core
// with Debian's chromium): both join the chat over the negotiated
// subprotocol "chat" and each sees the other's line; the frame panel of the
// first tab shows the frames the server received and sent, dissected: a
// masked, compressed (RSV1) text received, an unmasked compressed one sent,
// and a message row with its compression. Usage: node browser_tabs.js URL
"use strict";
const { chromium } = require("playwright-core");

const url = process.argv[2];
const timeout = 30000;
let step = "starting";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    step = "alice opens the page and joins the chat";
    const alice = await browser.newPage();
    await alice.goto(`${url}?name=alice&say=hi-from-alice`);
    // RFC 6455 §4.2.2: the page shows the subprotocol the server chose.
    await alice.waitForFunction(() => document.getElementById("chat-protocol").textContent === "chat", null, { timeout });
    step = "bob opens the page and joins the chat";
    const bob = await browser.newPage();
    await bob.goto(`${url}?name=bob&say=hi-from-bob`);
    await bob.waitForFunction(() => document.getElementById("chat-protocol").textContent === "chat", null, { timeout });
    const heard = (page, line) =>
      page.waitForFunction((l) => document.getElementById("chat").textContent.includes(l), line, { timeout });
    step = "alice hears bob";
    await heard(alice, "bob: hi-from-bob");
    step = "bob hears himself, then what alice types";
    await heard(bob, "bob: hi-from-bob");
    await alice.fill("#chat-text", "typed by alice");
    await alice.press("#chat-text", "Enter");
    await heard(bob, "alice: typed by alice");
    await heard(alice, "alice: typed by alice");

    step = "alice's panel shows the frames";
    // The panel of alice's tab: the long echo message went out from the
    // browser masked and compressed, and came back compressed, unmasked
    // (2500 characters, 2700 bytes of UTF-8).
    await alice.waitForFunction(() => {
      const rows = [...document.querySelectorAll("#frames tr")].map((tr) => [...tr.cells].map((c) => c.textContent));
      const received = rows.some((r) => r[0] === "received" && r[1] === "echo" && r[2] === "Text" && r[4] === "1" && /^[0-9a-f]{8}$/.test(r[5]));
      const sent = rows.some((r) => r[0] === "sent" && r[1] === "echo" && r[2] === "Text" && r[4] === "1" && r[5] === "—");
      const ratio = rows.some((r) => r[0] === "received" && r[2].startsWith("message") && /compressed → 2700 B/.test(r[6]));
      const chat = rows.some((r) => r[1] === "chat");
      return received && sent && ratio && chat;
    }, null, { timeout });
    const rows = await alice.$$eval("#frames tr", (trs) => trs.length);
    const ratio = await alice.$$eval("#frames tr.message", (trs) =>
      trs.map((tr) => tr.cells[6].textContent).find((t) => t.includes("→ 2700 B")));
    const protocol = await bob.textContent("#chat-protocol");
    console.log(`browser tabs: two tabs chatted over subprotocol "${protocol}"; alice's panel shows ${rows} rows,` +
      ` the compressed echo as "${ratio}"`);
  } finally {
    await browser.close();
  }
}

main().catch(async (e) => {
  console.error(`browser tabs: failed at "${step}": ${e.message}`);
  process.exit(1);
});
