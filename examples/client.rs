//! A blocking command-line client over `std::net`.
//!
//! ```text
//! cargo run --example client -- [--binary] ws://127.0.0.1:9001/path
//! ```
//!
//! Sends each line of standard input as a text message (with `--binary`, as
//! a binary message) and prints each message received on its own line, a
//! binary one as its raw bytes. At the end of standard input it performs the
//! close handshake (1000) and exits 0. A failed handshake or a protocol
//! error prints a message and exits non-zero. `wss://` needs TLS, which this
//! example does not do.
//!
//! The client offers permessage-deflate (RFC 7692) with
//! [`DeflateConfig`]'s defaults. On standard error it reports the
//! extensions the server agreed to (`extensions: permessage-deflate; ...`,
//! or `extensions: none`) and, at the end, the bytes that crossed the
//! socket (`wire: sent N bytes, received M bytes`), which shows what
//! compression saved.

use std::io::{self, BufRead, Read as _, Write};
use std::net::TcpStream;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{ClientOptions, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Event, Message, TransportAction};

/// How long a client waits for the server to close TCP after the close
/// handshake (the IO layer's job, RFC 6455 §7.1.1).
const CLOSE_WAIT: Duration = Duration::from_secs(3);

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let binary = args.first().is_some_and(|a| a == "--binary");
    if binary {
        args.remove(0);
    }
    let [url] = &args[..] else {
        eprintln!("usage: client [--binary] ws://host:port/path");
        return ExitCode::from(2);
    };
    match run(url, binary) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(url: &str, binary: bool) -> Result<(), String> {
    let uri = WsUri::parse(url).map_err(|e| format!("bad URL {url}: {e}"))?;
    if uri.is_secure() {
        return Err("wss:// needs TLS, which this example does not do".into());
    }
    let mut stream = TcpStream::connect((uri.host(), uri.port())).map_err(|e| format!("connect: {e}"))?;
    stream.set_nodelay(true).ok();
    stream.set_read_timeout(Some(Duration::from_millis(20))).map_err(|e| e.to_string())?;
    let config = Config::new().deflate(DeflateConfig::new());
    let mut conn = Connection::client(&uri, &ClientOptions::new(), config, ChaChaRng::from_os())
        .map_err(|e| format!("handshake: {e}"))?;

    // Standard input is read on its own thread; lines arrive over a channel.
    let (lines_tx, lines) = mpsc::channel::<Option<Vec<u8>>>();
    std::thread::spawn(move || {
        for line in io::stdin().lock().split(b'\n') {
            let Ok(mut line) = line else { break };
            if !binary && line.last() == Some(&b'\r') {
                line.pop();
            }
            if lines_tx.send(Some(line)).is_err() {
                return;
            }
        }
        let _ = lines_tx.send(None);
    });

    let mut wire = Wire::default();
    let result = exchange(&mut stream, &mut conn, &lines, binary, &mut wire);
    eprintln!("wire: sent {} bytes, received {} bytes", wire.sent, wire.received);
    result
}

/// Bytes written to and read from the socket.
#[derive(Default)]
struct Wire {
    sent: usize,
    received: usize,
}

/// Sends the lines as they arrive and prints what the server sends, until
/// the close handshake is done.
fn exchange(
    stream: &mut TcpStream,
    conn: &mut Connection,
    lines: &mpsc::Receiver<Option<Vec<u8>>>,
    binary: bool,
    wire: &mut Wire,
) -> Result<(), String> {
    let mut out = io::stdout().lock();
    let mut buf = vec![0u8; 64 * 1024];
    let (mut open, mut stdin_done) = (false, false);
    let mut wait_since: Option<Instant> = None;
    loop {
        // Queue what the user typed.
        while open && !stdin_done {
            match lines.try_recv() {
                Ok(Some(line)) if binary => conn.sender().send_binary(&line).map_err(|e| e.to_string())?,
                Ok(Some(line)) => {
                    let text = String::from_utf8(line).map_err(|_| "a line is not UTF-8 (try --binary)")?;
                    conn.sender().send_text(&text).map_err(|e| e.to_string())?;
                }
                Ok(None) | Err(mpsc::TryRecvError::Disconnected) => {
                    stdin_done = true;
                    conn.sender().send_close(CloseCode::NORMAL, "").ok();
                }
                Err(mpsc::TryRecvError::Empty) => break,
            }
        }
        wire.sent += conn.sender().write_to(stream).map_err(|e| format!("write: {e}"))?;
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
        wire.received += n;
        let mut start = 0;
        loop {
            let read = match conn.read(&mut buf[start..n]) {
                Ok(read) => read,
                Err(e) => {
                    let _ = conn.sender().write_to(stream);
                    return Err(format!("protocol error: {e}"));
                }
            };
            start += read.consumed;
            let printed = match read.event {
                None => break,
                Some(Event::HandshakeComplete(negotiated)) => {
                    open = true;
                    match &negotiated.extensions[..] {
                        [] => eprintln!("extensions: none"),
                        list => eprintln!("extensions: {}", list.join(", ")),
                    }
                    Ok(())
                }
                Some(Event::HttpResponse(response)) => {
                    return Err(format!(
                        "server answered {} {} instead of upgrading",
                        response.status, response.reason
                    ));
                }
                Some(Event::Message(Message::Text(text))) => writeln!(out, "{text}"),
                Some(Event::Message(Message::Binary(data))) => out.write_all(data).and_then(|()| out.write_all(b"\n")),
                Some(Event::Close(close)) if close.code != CloseCode::NORMAL && close.code != CloseCode::NO_STATUS => {
                    eprintln!("server closed with {} {}", close.code, close.reason);
                    Ok(())
                }
                Some(_) => Ok(()),
            };
            printed.map_err(|e| format!("stdout: {e}"))?;
        }
        out.flush().ok();
    }
}
