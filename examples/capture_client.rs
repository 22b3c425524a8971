//! A scripted client for the CI capture step (`.ci/steps/capture.sh`).
//!
//! ```text
//! cargo run --example capture_client -- ws://127.0.0.1:9271/
//! ```
//!
//! Offers permessage-deflate, then sends, in order: a text message, a
//! binary message, a Ping, a text message in three fragments, a 300-byte
//! text sent uncompressed (a 16-bit length), and waits for each echo (and the Pong). Then it
//! closes with 1000 and the reason "bye", and exits 0 once the close
//! handshake is done. It prints each message received on standard output,
//! a binary one as hex. A missing echo or a protocol error exits non-zero.

use std::io::{self, Read as _};
use std::net::TcpStream;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{ClientOptions, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Event, Message, MessageKind, TransportAction};

/// The whole exchange must finish within this.
const DEADLINE: Duration = Duration::from_secs(20);

/// The texts sent; the binary message is `BINARY`.
pub const TEXT: &str = "hello from the capture";
const BINARY: &[u8] = &[0x00, 0x01, 0x02, 0xfe, 0xff];
const FRAGMENTS: [&str; 3] = ["frag", "mented ", "message"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url] = &args[..] else {
        eprintln!("usage: capture_client ws://host:port/path");
        return ExitCode::from(2);
    };
    match run(url) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("capture_client: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One step of the script: what to send once the previous echo came back.
enum Step {
    Text(String),
    Binary(&'static [u8]),
    Ping(&'static [u8]),
    Fragmented,
    Close,
}

fn run(url: &str) -> Result<(), String> {
    let uri = WsUri::parse(url).map_err(|e| format!("bad URL {url}: {e}"))?;
    let mut stream = TcpStream::connect((uri.host(), uri.port())).map_err(|e| format!("connect: {e}"))?;
    stream.set_nodelay(true).ok();
    stream.set_read_timeout(Some(Duration::from_millis(20))).map_err(|e| e.to_string())?;
    let config = Config::new().deflate(DeflateConfig::new());
    let mut conn = Connection::client(&uri, &ClientOptions::new(), config, ChaChaRng::from_os())
        .map_err(|e| format!("handshake: {e}"))?;
    let long: String = (0..30).map(|i| format!("line {i:03}, ")).collect();
    let mut script = vec![
        Step::Text(TEXT.to_owned()),
        Step::Binary(BINARY),
        Step::Ping(b"are you there"),
        Step::Fragmented,
        Step::Text(long),
        Step::Close,
    ]
    .into_iter();
    let mut open = false;
    let mut waiting = false;
    let started = Instant::now();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if started.elapsed() > DEADLINE {
            return Err("the exchange took too long".into());
        }
        if open && !waiting {
            let sender = conn.sender();
            let sent = match script.next() {
                Some(Step::Text(t)) if t.len() > 125 => sender.send_uncompressed(Message::Text(&t)),
                Some(Step::Text(t)) => sender.send_text(&t),
                Some(Step::Binary(b)) => sender.send_binary(b),
                Some(Step::Ping(p)) => sender.send_ping(p),
                Some(Step::Fragmented) => sender
                    .begin_message(MessageKind::Text, FRAGMENTS[0].as_bytes())
                    .and_then(|()| sender.continue_message(FRAGMENTS[1].as_bytes()))
                    .and_then(|()| sender.finish_message(FRAGMENTS[2].as_bytes())),
                Some(Step::Close) => sender.send_close(CloseCode::NORMAL, "bye"),
                None => Ok(()),
            };
            sent.map_err(|e| format!("send: {e}"))?;
            waiting = true;
        }
        conn.sender().write_to(&mut stream).map_err(|e| format!("write: {e}"))?;
        match conn.transport_action() {
            TransportAction::Continue => {}
            TransportAction::Close => return Ok(()),
            TransportAction::WaitForPeerClose => {}
        }
        let n = match stream.read(&mut buf) {
            Ok(0) => {
                return match conn.read_eof() {
                    Ok(Some(Event::Close(close))) => Err(format!("connection lost ({})", close.code)),
                    Ok(_) => Ok(()),
                    Err(e) => Err(format!("closed during the handshake: {e}")),
                };
            }
            Ok(n) => n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
            Err(e) => return Err(format!("read: {e}")),
        };
        let mut start = 0;
        loop {
            let read = conn.read(&mut buf[start..n]).map_err(|e| format!("protocol error: {e}"))?;
            start += read.consumed;
            match read.event {
                None => break,
                Some(Event::HandshakeComplete(negotiated)) => {
                    eprintln!("extensions: {}", negotiated.extensions.join(", "));
                    open = true;
                }
                Some(Event::Message(Message::Text(text))) => {
                    println!("text: {text}");
                    waiting = false;
                }
                Some(Event::Message(Message::Binary(data))) => {
                    let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
                    println!("binary: {hex}");
                    waiting = false;
                }
                Some(Event::Pong(payload)) => {
                    println!("pong: {}", String::from_utf8_lossy(payload));
                    waiting = false;
                }
                Some(Event::Close(close)) => {
                    println!("close: {} {}", close.code, close.reason);
                }
                Some(_) => {}
            }
        }
    }
}
