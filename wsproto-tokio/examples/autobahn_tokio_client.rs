//! The Autobahn|Testsuite testee in the client role, through the adapter
//! (`wsproto-tokio`) rather than the core's own loop:
//!
//! ```text
//! wstest -m fuzzingserver -s autobahn/fuzzingserver-tokio.json -u 0 &
//! cargo run --release -p wsproto-tokio --example autobahn_tokio_client -- ws://127.0.0.1:9234
//! ```
//!
//! Asks the fuzzing server how many cases it has, runs each one
//! (`/runCase?case=N&agent=wsproto-tokio`), echoing every text and binary
//! message, then asks for the reports. Every connection offers
//! permessage-deflate with 15-bit windows, as `examples/autobahn_client.rs`
//! does (see there why). `.ci/steps/autobahn.sh` runs it beside the core's
//! testees.
use std::io;

use tokio::net::TcpStream;
use wsproto_tokio::wsproto::{extensions::deflate::DeflateConfig, handshake::WsUri, Config};
use wsproto_tokio::{Message, Options};

const AGENT: &str = "wsproto-tokio";

/// Limits large enough for section 9, and an offer that lets each case of
/// section 13 choose its windows.
fn options() -> Options {
    let deflate = DeflateConfig::new().server_max_window_bits(15).client_max_window_bits(15);
    let mut config = Config::new().deflate(deflate);
    config.max_frame_size = 64 << 20;
    config.max_message_size = 64 << 20;
    Options::new().config(config).max_pending(64 << 20).read_size(256 << 10)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let base = std::env::args().nth(1).unwrap_or_else(|| "ws://127.0.0.1:9234".into());
    if let Err(e) = run(base.trim_end_matches('/')).await {
        eprintln!("autobahn_tokio_client: {e}");
        std::process::exit(1);
    }
}

async fn run(base: &str) -> io::Result<()> {
    let count = session(&format!("{base}/getCaseCount"), false)
        .await?
        .and_then(|text| text.trim().parse::<u32>().ok())
        .ok_or_else(|| io::Error::other("no case count from the fuzzing server"))?;
    println!("autobahn_tokio_client: {count} cases");
    for case in 1..=count {
        if let Err(e) = session(&format!("{base}/runCase?case={case}&agent={AGENT}"), true).await {
            // The report says what went wrong; carry on with the next case.
            eprintln!("case {case}: {e}");
        }
    }
    session(&format!("{base}/updateReports?agent={AGENT}"), false).await?;
    println!("autobahn_tokio_client: reports updated");
    Ok(())
}

/// Runs one connection to `url`; with `echo`, every data message goes
/// back. Returns the last text message received.
async fn session(url: &str, echo: bool) -> io::Result<Option<String>> {
    let uri = WsUri::parse(url).map_err(|e| io::Error::other(format!("{url}: {e}")))?;
    let stream = TcpStream::connect((uri.host(), uri.port())).await?;
    stream.set_nodelay(true)?;
    let mut ws = options().connect(stream, url).await?;
    let mut last_text = None;
    while let Some(msg) = ws.recv().await.transpose()? {
        if let Message::Text(text) = &msg {
            last_text = Some(text.clone());
        }
        if echo && msg.is_data() {
            ws.send(msg).await?;
        }
    }
    Ok(last_text)
}
