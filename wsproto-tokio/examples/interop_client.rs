//! The adapter's client against an echo server, with checks (used by
//! `.ci/steps/tokio_peers.sh` against python-websockets):
//!
//! ```text
//! cargo run -p wsproto-tokio --example interop_client -- ws://127.0.0.1:9262/ "EXPECTED EXTENSIONS"
//! ```
//!
//! Offers permessage-deflate, then checks: the negotiated extension is the
//! expected one; text, binary, empty and large compressible messages come
//! back equal and of the same type; the large ones cross the socket
//! compressed (counted on the socket, below the WebSocket); a Ping is
//! answered with its payload; and a Close 4001 is answered with 4001 and
//! the server closes TCP. Exits 1 on the first mismatch.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use wsproto_tokio::wsproto::extensions::deflate::DeflateConfig;
use wsproto_tokio::wsproto::handshake::WsUri;
use wsproto_tokio::wsproto::{CloseCode, Config};
use wsproto_tokio::{CloseFrame, Message, Options};

/// A TCP stream that counts the bytes it reads.
struct Counting(TcpStream, Arc<AtomicUsize>);

impl AsyncRead for Counting {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.0).poll_read(cx, buf);
        self.1.fetch_add(buf.filled().len() - before, Relaxed);
        result
    }
}

impl AsyncWrite for Counting {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, data: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, data)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

fn fail(what: String) -> ! {
    eprintln!("tokio client: FAILED: {what}");
    std::process::exit(1)
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let uri = args.next().unwrap_or_else(|| "ws://127.0.0.1:9262/".into());
    let expected = args.next().unwrap_or_default();
    let parsed = WsUri::parse(&uri).map_err(io::Error::other)?;
    let received = Arc::new(AtomicUsize::new(0));
    let stream = Counting(TcpStream::connect((parsed.host(), parsed.port())).await?, received.clone());
    let options = Options::new().config(Config::new().deflate(DeflateConfig::new()).max_message_size(16 << 20));
    let mut ws = options.connect(stream, &uri).await?;
    let negotiated = ws.negotiated().extensions.join(", ");
    if negotiated != expected {
        fail(format!("negotiated {negotiated:?}, expected {expected:?}"));
    }
    println!("tokio client: negotiated {negotiated:?}");

    let phrase = "wsproto-tokio and websockets agree on deflate ✓ ";
    let big_text = phrase.repeat((1 << 20) / phrase.len());
    let big_binary: Vec<u8> = (0..1u32 << 20).map(|i| (i % 251) as u8).collect();
    let small = [Message::text("hello ✓"), Message::binary((0..=255u8).collect::<Vec<u8>>()), Message::text("")];
    let large = [Message::text(big_text), Message::binary(big_binary)];
    for (i, msg) in small.iter().chain(&large).enumerate() {
        if i == small.len() {
            received.store(0, Relaxed);
        }
        ws.send(msg.clone()).await?;
        match ws.recv().await.transpose()? {
            Some(echo) if echo == *msg => {}
            other => fail(format!("message {i}: echo differs: {:?}", other.map(|m| m.as_bytes().len()))),
        }
    }
    let large_bytes: usize = large.iter().map(|m| m.as_bytes().len()).sum();
    let wire = received.load(Relaxed);
    if wire * 10 > large_bytes {
        fail(format!("large echoes not compressed: {wire} bytes on the wire for {large_bytes}"));
    }
    println!("tokio client: 3 short and 2 large echoes equal; {large_bytes} bytes came back in {wire}");

    ws.send(Message::Ping("tokio ping".into())).await?;
    match ws.recv().await.transpose()? {
        Some(Message::Pong(data)) if data == "tokio ping" => {}
        other => fail(format!("ping: expected its pong, got {other:?}")),
    }
    ws.send(Message::Close(Some(CloseFrame::new(CloseCode(4001), "tokio bye")))).await?;
    let mut reply = None;
    while let Some(msg) = ws.recv().await.transpose()? {
        if let Message::Close(frame) = msg {
            reply = frame;
        }
    }
    match reply {
        Some(frame) if frame.code == CloseCode(4001) && frame.reason == "tokio bye" => {}
        other => fail(format!("close reply: expected 4001 'tokio bye', got {other:?}")),
    }
    println!("tokio client: ping answered; close 4001 'tokio bye' echoed; the server closed TCP");
    Ok(())
}
