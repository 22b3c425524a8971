//! The Autobahn|Testsuite testee in the server role, through the adapter
//! (`wsproto-tokio`) rather than the core's own loop:
//!
//! ```text
//! cargo run --release -p wsproto-tokio --example autobahn_tokio_server -- 127.0.0.1:9233
//! wstest -m fuzzingclient -s autobahn/fuzzingclient-tokio.json
//! ```
//!
//! Accepts every upgrade request (permessage-deflate with the core's
//! defaults, which honour every offer of section 13) and echoes each text
//! and binary message. Pings, the close handshake and failing the
//! connection on a protocol error are the adapter's. `.ci/steps/autobahn.sh`
//! runs it beside the core's testees.
use std::io;

use tokio::net::{TcpListener, TcpStream};
use wsproto_tokio::wsproto::{extensions::deflate::DeflateConfig, Config};
use wsproto_tokio::Options;

/// Limits large enough for section 9 (messages and frames of 16 MiB).
fn options() -> Options {
    let mut config = Config::new().deflate(DeflateConfig::new());
    config.max_frame_size = 64 << 20;
    config.max_message_size = 64 << 20;
    // A 16 MiB echo is queued whole; the bound only makes `send` wait.
    Options::new().config(config).max_pending(64 << 20).read_size(256 << 10)
}

#[tokio::main]
async fn main() -> io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9233".into());
    let listener = TcpListener::bind(&addr).await?;
    println!("autobahn_tokio_server: listening on ws://{addr}");
    loop {
        let (stream, peer) = listener.accept().await?;
        tokio::spawn(async move {
            // A failed case is in the suite's report; note it and go on.
            if let Err(e) = echo(stream).await {
                eprintln!("{peer}: {e}");
            }
        });
    }
}

async fn echo(stream: TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut ws = options().accept(stream).await?;
    while let Some(msg) = ws.recv().await.transpose()? {
        if msg.is_data() {
            ws.send(msg).await?;
        }
    }
    Ok(())
}
