//! A blocking command-line client over `std::net`.
//!
//! ```text
//! cargo run --example client -- ws://127.0.0.1:9001/path
//! ```
//!
//! Sends each line of standard input as a text message and prints each text
//! message received on its own line. At the end of standard input it
//! performs the close handshake (1000) and exits 0. A failed handshake or a
//! protocol error prints a message and exits non-zero. `wss://` needs TLS,
//! which this example does not do.

use std::io::{self, BufRead, Read as _, Write};
use std::net::TcpStream;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use wsproto::handshake::{ClientOptions, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Event, Message, TransportAction};

/// How long a client waits for the server to close TCP after the close
/// handshake (the IO layer's job, RFC 6455 §7.1.1).
const CLOSE_WAIT: Duration = Duration::from_secs(3);

fn main() -> ExitCode {
    let Some(url) = std::env::args().nth(1) else {
        eprintln!("usage: client ws://host:port/path");
        return ExitCode::from(2);
    };
    match run(&url) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(url: &str) -> Result<(), String> {
    let uri = WsUri::parse(url).map_err(|e| format!("bad URL {url}: {e}"))?;
    if uri.is_secure() {
        return Err("wss:// needs TLS, which this example does not do".into());
    }
    let mut stream = TcpStream::connect((uri.host(), uri.port())).map_err(|e| format!("connect: {e}"))?;
    stream.set_nodelay(true).ok();
    stream.set_read_timeout(Some(Duration::from_millis(20))).map_err(|e| e.to_string())?;
    let mut conn = Connection::client(&uri, &ClientOptions::new(), Config::default(), ChaChaRng::from_os())
        .map_err(|e| format!("handshake: {e}"))?;

    // Standard input is read on its own thread; lines arrive over a channel.
    let (lines_tx, lines) = mpsc::channel::<Option<String>>();
    std::thread::spawn(move || {
        for line in io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if lines_tx.send(Some(line)).is_err() {
                return;
            }
        }
        let _ = lines_tx.send(None);
    });

    let mut out = io::stdout().lock();
    let mut buf = vec![0u8; 64 * 1024];
    let (mut open, mut stdin_done) = (false, false);
    let mut wait_since: Option<Instant> = None;
    loop {
        // Queue what the user typed.
        while open && !stdin_done {
            match lines.try_recv() {
                Ok(Some(line)) => conn.sender().send_text(&line).map_err(|e| e.to_string())?,
                Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                    stdin_done = true;
                    conn.sender().send_close(CloseCode::NORMAL, "").ok();
                }
                Err(mpsc::TryRecvError::Empty) => break,
            }
        }
        write_pending(&mut stream, &mut conn).map_err(|e| format!("write: {e}"))?;
        match conn.transport_action() {
            TransportAction::Continue => {}
            TransportAction::Close => return Ok(()),
            TransportAction::WaitForPeerClose => {
                let since = *wait_since.get_or_insert_with(Instant::now);
                if since.elapsed() > CLOSE_WAIT {
                    return Ok(());
                }
            }
        }

        let n = match stream.read(&mut buf) {
            Ok(0) => {
                return match conn.read_eof() {
                    Ok(Some(Event::Close(close))) => Err(format!("connection lost ({})", close.code)),
                    Ok(_) => Ok(()),
                    Err(e) => Err(format!("server closed during the handshake: {e}")),
                };
            }
            Ok(n) => n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
            Err(e) => return Err(format!("read: {e}")),
        };
        let mut start = 0;
        loop {
            let read = match conn.read(&mut buf[start..n]) {
                Ok(read) => read,
                Err(e) => {
                    let _ = write_pending(&mut stream, &mut conn);
                    return Err(format!("protocol error: {e}"));
                }
            };
            start += read.consumed;
            match read.event {
                None => break,
                Some(Event::HandshakeComplete(_)) => open = true,
                Some(Event::HttpResponse(response)) => {
                    return Err(format!(
                        "server answered {} {} instead of upgrading",
                        response.status, response.reason
                    ));
                }
                Some(Event::Message(Message::Text(text))) => writeln!(out, "{text}").map_err(|e| e.to_string())?,
                Some(Event::Close(close)) if close.code != CloseCode::NORMAL && close.code != CloseCode::NO_STATUS => {
                    eprintln!("server closed with {} {}", close.code, close.reason);
                }
                Some(_) => {}
            }
        }
        out.flush().ok();
    }
}

/// Writes what the connection has queued (a blocking socket takes it all).
fn write_pending(stream: &mut TcpStream, conn: &mut Connection) -> io::Result<()> {
    conn.sender().write_to(stream).map(drop)
}
