//! The Autobahn|Testsuite testee in the client role, over blocking
//! `std::net`.
//!
//! ```text
//! wstest -m fuzzingserver -s autobahn/fuzzingserver.json -u 0 &
//! cargo run --release --example autobahn_client -- ws://127.0.0.1:9232
//! ```
//!
//! Asks the fuzzing server how many cases it has (`/getCaseCount`), runs
//! each one (`/runCase?case=N&agent=wsproto`), echoing every text and
//! binary message without copying it first, then asks for the reports
//! (`/updateReports?agent=wsproto`). Every connection offers
//! permessage-deflate (sections 12 and 13). `.ci/steps/autobahn.sh` runs the
//! whole suite.

use std::io::{self, Read as _};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{ClientOptions, WsUri};
use wsproto::{ChaChaRng, Config, Connection, Event, TransportAction};

const AGENT: &str = "wsproto";

/// Size of each connection's read buffer, reused for every read.
const READ_BUF: usize = 256 * 1024;

/// How long to wait for the server without hearing from it.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How long a client waits for the server to close TCP after the close
/// handshake, before it closes it itself.
const PEER_CLOSE_WAIT: Duration = Duration::from_secs(3);

fn main() {
    let base = std::env::args().nth(1).unwrap_or_else(|| "ws://127.0.0.1:9232".to_owned());
    let base = base.trim_end_matches('/');
    if let Err(e) = run(base) {
        eprintln!("autobahn_client: {e}");
        std::process::exit(1);
    }
}

fn run(base: &str) -> io::Result<()> {
    let count = session(&format!("{base}/getCaseCount"), false)?
        .and_then(|text| text.trim().parse::<u32>().ok())
        .ok_or_else(|| io::Error::other("no case count from the fuzzing server"))?;
    println!("autobahn_client: {count} cases");
    for case in 1..=count {
        if let Err(e) = session(&format!("{base}/runCase?case={case}&agent={AGENT}"), true) {
            // The report says what went wrong; carry on with the next case.
            eprintln!("case {case}: {e}");
        }
    }
    session(&format!("{base}/updateReports?agent={AGENT}"), false)?;
    println!("autobahn_client: reports updated");
    Ok(())
}

/// Limits large enough for section 9 (messages and frames of 16 MiB), and
/// a permessage-deflate offer that lets the suite's server choose.
///
/// In the client role the suite's server answers our offer as each case
/// of section 13 dictates: it echoes our `server_max_window_bits`, and asks
/// for `client_no_context_takeover` (13.2, 13.5-13.7) and
/// `client_max_window_bits=9` (13.3, 13.5, 13.7) or `=15` (13.4, 13.6).
/// The default offer (`server_max_window_bits=12; client_max_window_bits=12`)
/// would make 13.4 and 13.6 fail: a response may not ask for a larger
/// client window than offered (RFC 7692 §7.1.2.2), so the client fails the
/// connection. With both windows at 15 the offer is
/// `permessage-deflate; client_max_window_bits` (as browsers send it): any
/// client window is allowed, and the server compresses with 32 KiB windows,
/// so every case runs with the parameters it names.
fn config() -> Config {
    let deflate = DeflateConfig::new().server_max_window_bits(15).client_max_window_bits(15);
    let mut config = Config::default().deflate(deflate);
    config.max_frame_size = 64 << 20;
    config.max_message_size = 64 << 20;
    config
}

/// Runs one WebSocket connection to `url`. With `echo`, every message is
/// sent back. Returns the last text message received.
fn session(url: &str, echo: bool) -> io::Result<Option<String>> {
    let uri = WsUri::parse(url).map_err(|e| io::Error::other(format!("{url}: {e}")))?;
    let mut stream = TcpStream::connect((uri.host(), uri.port()))?;
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    let mut conn = Connection::client(&uri, &ClientOptions::new(), config(), ChaChaRng::from_os())
        .map_err(|e| io::Error::other(e.to_string()))?;
    let mut last_text = None;
    let mut buf = vec![0u8; READ_BUF];
    // `buf[start..end]` holds bytes read and not yet consumed.
    let (mut start, mut end) = (0, 0);
    loop {
        // Writes the upgrade request first, then whatever was queued.
        write_pending(&mut stream, &mut conn)?;
        match conn.transport_action() {
            TransportAction::Continue => {}
            TransportAction::WaitForPeerClose => {
                wait_for_close(stream, false);
                return Ok(last_text);
            }
            TransportAction::Close => {
                // After a failure: our Close frame is written; send FIN and
                // drain until the server closes, so that unread input does
                // not turn our close into a reset.
                wait_for_close(stream, true);
                return Ok(last_text);
            }
        }
        // Keep the unconsumed bytes, moved to the front of the buffer.
        if start == end {
            (start, end) = (0, 0);
        } else if start > 0 {
            buf.copy_within(start..end, 0);
            (start, end) = (0, end - start);
        }
        if end == buf.len() {
            return Err(io::Error::other("read buffer full of unconsumed bytes"));
        }
        let n = match stream.read(&mut buf[end..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            // EOF: a Close event with 1006 if the close handshake had not
            // finished, nothing to do otherwise.
            return match conn.read_eof() {
                Ok(_) => Ok(last_text),
                Err(e) => Err(io::Error::other(e.to_string())),
            };
        }
        end += n;
        // Hand over everything read so far, one event at a time, until the
        // connection wants more input.
        // On an error (a fault of the server) our Close frame is queued,
        // and the next round writes it and closes.
        while let Ok(read) = conn.read(&mut buf[start..end]) {
            start += read.consumed;
            match read.event {
                None => break,
                Some(Event::HttpResponse(response)) => {
                    return Err(io::Error::other(format!("{url}: upgrade refused with {}", response.status)));
                }
                Some(Event::Message(msg)) => {
                    if let wsproto::Message::Text(text) = msg {
                        last_text = Some(text.to_owned());
                    }
                    if echo {
                        // Echo without copying; fails only once our Close
                        // is queued.
                        let _ = read.sender.send_message(msg);
                    }
                }
                // Pongs and Close replies are queued by the connection.
                Some(_) => {}
            }
        }
    }
}

/// Writes what the connection has queued (a blocking socket takes it all).
fn write_pending(stream: &mut TcpStream, conn: &mut Connection) -> io::Result<()> {
    conn.sender().write_to(stream).map(drop)
}

/// Waits a bounded time for the server to close TCP (RFC 6455 §7.1.1: the
/// server closes first), discarding anything it still sends, then closes.
/// With `fin_first`, our side is shut down before waiting.
fn wait_for_close(mut stream: TcpStream, fin_first: bool) {
    if fin_first {
        let _ = stream.shutdown(Shutdown::Write);
    }
    let deadline = Instant::now() + PEER_CLOSE_WAIT;
    let mut scratch = [0u8; 4096];
    while let Some(left) = deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) {
        if stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut scratch) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
}
