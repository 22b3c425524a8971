//! The Autobahn|Testsuite testee in the server role: a blocking echo server
//! over `std::net`, one thread per connection.
//!
//! ```text
//! cargo run --release --example autobahn_server -- 127.0.0.1:9231
//! wstest -m fuzzingclient -s autobahn/fuzzingclient.json
//! ```
//!
//! Every text and binary message is sent back as it arrived, straight from
//! the event that borrows it (no copy into a `Vec` first). Pings are
//! answered and the peer's Close is replied to by the connection itself
//! (the default policies). permessage-deflate is on (sections 12 and 13).
//! `.ci/steps/autobahn.sh` runs the whole suite.

use std::io::{self, Read as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ServerConfig};
use wsproto::{Config, Connection, Event, TransportAction};

/// Size of each connection's read buffer, reused for every read.
const READ_BUF: usize = 256 * 1024;

/// How long an idle connection is kept.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// How long to drain the peer's last bytes after shutting our side down.
const LINGER: Duration = Duration::from_secs(3);

fn main() -> io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9001".to_owned());
    let listener = TcpListener::bind(&addr)?;
    println!("autobahn_server listening on ws://{addr}/");
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(e) => {
                eprintln!("accept: {e}");
                continue;
            }
        };
        std::thread::spawn(move || {
            if let Err(e) = serve(stream) {
                eprintln!("connection: {e}");
            }
        });
    }
    Ok(())
}

/// Limits large enough for section 9 (messages and frames of 16 MiB), and
/// permessage-deflate with the default settings (12-bit windows), which is
/// what an application gets from `DeflateConfig::new()`.
///
/// The defaults honour every offer of sections 12 and 13: the suite always
/// offers `client_no_context_takeover; client_max_window_bits` (no value),
/// adding `server_no_context_takeover` and `server_max_window_bits=9` or
/// `=15` in 13.2-13.7. A server may always answer a window limit with the
/// same or a smaller value (RFC 7692 §7.1.2.1) and may ask a client that
/// sent `client_max_window_bits` for any window (§7.1.2.2), so 13.3/13.5
/// run with a 9-bit server window and the others with 12 bits (13.4/13.6
/// ask for at most 15 and get 12), the client's window set to 12.
fn config() -> Config {
    let mut config = Config::default().deflate(DeflateConfig::new());
    config.max_frame_size = 64 << 20;
    config.max_message_size = 64 << 20;
    config
}

/// What to do after the event that borrows the connection is handled.
enum Answer {
    Accept,
    BadRequest,
}

fn serve(mut stream: TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    let mut conn = Connection::server(config(), ServerConfig::new());
    let mut buf = vec![0u8; READ_BUF];
    // `buf[start..end]` holds bytes read and not yet consumed.
    let (mut start, mut end) = (0, 0);
    loop {
        // Hand over everything read so far, one event at a time, until the
        // connection wants more input.
        loop {
            let read = match conn.read(&mut buf[start..end]) {
                Ok(read) => read,
                Err(_) => {
                    // A fault of the peer: the Close frame (or the HTTP
                    // error answer) is queued. Send it, then close.
                    write_pending(&mut stream, &mut conn)?;
                    linger_close(stream);
                    return Ok(());
                }
            };
            start += read.consumed;
            let answer = match read.event {
                None => break,
                Some(Event::UpgradeRequest(_)) => Some(Answer::Accept),
                Some(Event::HttpRequest(_)) => Some(Answer::BadRequest),
                // Echo without copying: the message borrows our buffer (or
                // the connection's assembly buffer) and the sender comes
                // with it. Sending fails only once our Close is queued.
                Some(Event::Message(msg)) => {
                    let _ = read.sender.send_message(msg);
                    None
                }
                // Pongs and Close replies are queued by the connection.
                Some(_) => None,
            };
            let result = match answer {
                Some(Answer::Accept) => conn.accept(&AcceptOptions::new()),
                Some(Answer::BadRequest) => conn.respond(400, "Bad Request", &[], b"WebSocket only\n"),
                None => Ok(()),
            };
            result.map_err(|e| io::Error::other(e.to_string()))?;
        }
        write_pending(&mut stream, &mut conn)?;
        match conn.transport_action() {
            TransportAction::Continue => {}
            // The server closes TCP first (RFC 6455 §7.1.1).
            TransportAction::Close | TransportAction::WaitForPeerClose => {
                linger_close(stream);
                return Ok(());
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
            // EOF before the close handshake completed: nothing to answer.
            let _ = conn.read_eof();
            write_pending(&mut stream, &mut conn)?;
            return Ok(());
        }
        end += n;
    }
}

/// Writes what the connection has queued (a blocking socket takes it all).
fn write_pending(stream: &mut TcpStream, conn: &mut Connection) -> io::Result<()> {
    conn.sender().write_to(stream).map(drop)
}

/// Closes TCP gracefully: sends FIN, then drains what the peer still sends
/// for a bounded time, so that unread input does not turn the close into a
/// reset that could destroy our last frames in flight.
fn linger_close(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER;
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
}
