//! A blocking echo server over `std::net`, one thread per connection.
//!
//! ```text
//! cargo run --release --example echo_server -- 127.0.0.1:9001
//! ```
//!
//! Open <http://127.0.0.1:9001/> in a browser: the page opens a WebSocket to
//! the same port and echoes what you type. Any WebSocket client can connect
//! to `ws://127.0.0.1:9001/` as well; every text and binary message comes
//! back unchanged. One port serves both the page (a plain HTTP request) and
//! the WebSocket (an upgrade request).
//!
//! The server accepts permessage-deflate (RFC 7692) with [`DeflateConfig`]'s
//! defaults: a client that offers it (every browser does) gets messages
//! compressed both ways, and the page shows the agreed `ws.extensions`.

use std::io::{self, Read as _};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ServerConfig};
use wsproto::{Config, Connection, Event, TransportAction};

const PAGE: &str = include_str!("echo_page.html");

fn main() -> io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9001".to_owned());
    let listener = TcpListener::bind(&addr)?;
    println!("echo server on http://{addr}/ (open it in a browser) and ws://{addr}/");
    for stream in listener.incoming() {
        let stream = stream?;
        std::thread::spawn(move || {
            let peer = stream.peer_addr().ok();
            if let Err(e) = serve(stream) {
                eprintln!("{peer:?}: {e}");
            }
        });
    }
    Ok(())
}

/// What to do once the event that borrows the connection is handled.
enum Answer {
    Accept,
    Page,
    NotFound,
}

fn serve(mut stream: TcpStream) -> io::Result<()> {
    stream.set_nodelay(true)?;
    // Deflate is negotiated from the client's offers at `accept`.
    let config = Config::new().deflate(DeflateConfig::new());
    let mut conn = Connection::server(config, ServerConfig::new());
    let mut buf = vec![0u8; 64 * 1024];
    let (mut start, mut end) = (0, 0);
    loop {
        // Hand the connection everything read so far, one event at a time.
        loop {
            let read = match conn.read(&mut buf[start..end]) {
                Ok(read) => read,
                Err(e) => {
                    // The Close frame or HTTP error answer is queued: send it.
                    write_pending(&mut stream, &mut conn)?;
                    return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string()));
                }
            };
            start += read.consumed;
            let answer = match read.event {
                None => break,
                Some(Event::UpgradeRequest(_)) => Some(Answer::Accept),
                Some(Event::HttpRequest(req)) if req.path() == "/" => Some(Answer::Page),
                Some(Event::HttpRequest(_)) => Some(Answer::NotFound),
                // Echo without copying: the message borrows our buffer or
                // the connection, and the sender comes with it.
                Some(Event::Message(msg)) => {
                    read.sender.send_message(msg).ok();
                    None
                }
                // Pings are answered and Close replied to automatically.
                Some(_) => None,
            };
            let result = match answer {
                Some(Answer::Accept) => conn.accept(&AcceptOptions::new()),
                Some(Answer::Page) => {
                    conn.respond(200, "OK", &[("Content-Type", "text/html; charset=utf-8")], PAGE.as_bytes())
                }
                Some(Answer::NotFound) => conn.respond(404, "Not Found", &[], b"not found\n"),
                None => Ok(()),
            };
            result.map_err(|e| io::Error::other(e.to_string()))?;
        }
        write_pending(&mut stream, &mut conn)?;
        match conn.transport_action() {
            TransportAction::Continue => {}
            // A server closes TCP first (RFC 6455 §7.1.1).
            TransportAction::Close | TransportAction::WaitForPeerClose => return Ok(()),
        }
        // Keep unconsumed bytes (frames behind a request awaiting accept).
        if start == end {
            (start, end) = (0, 0);
        } else if end == buf.len() {
            buf.copy_within(start..end, 0);
            (start, end) = (0, end - start);
        }
        stream.set_read_timeout(Some(Duration::from_secs(300)))?;
        let n = stream.read(&mut buf[end..])?;
        if n == 0 {
            let _ = conn.read_eof();
            return Ok(());
        }
        end += n;
    }
}

/// Writes what the connection has queued (a blocking socket takes it all).
fn write_pending(stream: &mut TcpStream, conn: &mut Connection) -> io::Result<()> {
    conn.sender().write_to(stream).map(drop)
}
