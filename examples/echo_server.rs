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
//!
//! Beside the echo, the page offers a chat between tabs over the subprotocol
//! `chat` (a WebSocket that offers it is accepted with it and joins the
//! room), and a live panel of every frame the server received and sent on
//! the page's own connections, dissected by [`wsproto::observer`]: opcode,
//! FIN, RSV1 (compressed), masking key, wire length against payload length,
//! and each message's compression ratio. The panel is a third WebSocket,
//! `/panel?tab=ID`, fed by the connections whose URL carries the same
//! `tab=ID`.
//!
//! It is a server you could leave running: [`Limits`] bounds the time a
//! client may take over its handshake, the time a connection may stay idle,
//! the bytes queued for a client that does not read, the size of a message
//! and the number of connections (the README lists the values).

use std::collections::HashMap;
use std::io::{self, Read as _};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use wsproto::extensions::deflate::DeflateConfig;
use wsproto::handshake::{AcceptOptions, ServerConfig};
use wsproto::observer::{Direction, Observation, Observer};
use wsproto::{CloseCode, Config, Connection, Event, Message, State, TransportAction};

const PAGE: &str = include_str!("echo_page.html");

/// What one client may hold of the server.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// From the TCP accept to the end of the HTTP exchange: a client that
    /// sends its request one byte at a time is dropped after this.
    handshake: Duration,
    /// An open connection with nothing received for this long is closed
    /// with 1001 (going away).
    idle: Duration,
    /// A client that reads nothing for this long while we write is closed
    /// with 1008 (policy violation) and dropped.
    write: Duration,
    /// Bytes queued for a client that does not read: past this, no more
    /// echoes; the connection is closed with 1008 (policy violation).
    max_queue: usize,
    /// The largest message received (and so echoed), close code 1009.
    max_message: usize,
    /// Connections served at once; more are answered 503 and closed.
    max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            handshake: Duration::from_secs(10),
            idle: Duration::from_secs(120),
            write: Duration::from_secs(10),
            max_queue: 4 << 20,
            max_message: 4 << 20,
            max_connections: 256,
        }
    }
}

fn main() -> io::Result<()> {
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:9001".to_owned());
    let listener = TcpListener::bind(&addr)?;
    println!("echo server on http://{addr}/ (open it in a browser) and ws://{addr}/");
    run(listener, Limits::default())
}

/// Accepts connections until the listener fails, one thread each, at most
/// `limits.max_connections` at once.
fn run(listener: TcpListener, limits: Limits) -> io::Result<()> {
    let open = Arc::new(AtomicUsize::new(0));
    let hub = Arc::new(Hub::default());
    for stream in listener.incoming() {
        let mut stream = stream?;
        if open.fetch_add(1, Ordering::SeqCst) >= limits.max_connections {
            open.fetch_sub(1, Ordering::SeqCst);
            refuse(&mut stream);
            continue;
        }
        let open = Arc::clone(&open);
        let hub = Arc::clone(&hub);
        std::thread::spawn(move || {
            let peer = stream.peer_addr().ok();
            if let Err(e) = serve(stream, limits, &hub) {
                eprintln!("{peer:?}: {e}");
            }
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
    Ok(())
}

/// Answers a connection over the cap with 503, without reading its request.
fn refuse(stream: &mut TcpStream) {
    use std::io::Write as _;
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = stream.write_all(b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
}

/// What the connection threads share: the chat room's members and the
/// frame panels, by tab.
#[derive(Default)]
struct Hub {
    chat: Mutex<Vec<Sender<String>>>,
    panels: Mutex<HashMap<String, Sender<String>>>,
}

impl Hub {
    /// Sends `text` to every member of the chat room (the sender too, so
    /// that every tab shows the same conversation).
    fn broadcast(&self, text: &str) {
        self.chat.lock().unwrap().retain(|member| member.send(text.to_owned()).is_ok());
    }

    /// Sends a line to the panel of `tab`, if one is open.
    fn report(&self, tab: &str, line: String) {
        let mut panels = self.panels.lock().unwrap();
        if panels.get(tab).is_some_and(|panel| panel.send(line).is_err()) {
            panels.remove(tab);
        }
    }
}

/// What a WebSocket connection is for, from its upgrade request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Echo,
    /// Offered the subprotocol `chat`.
    Chat,
    /// `/panel?tab=ID`: receives the dissections of the tab's frames.
    Panel,
}

/// What to do once the event that borrows the connection is handled.
enum Answer {
    Accept(Kind, Option<String>),
    Page,
    NotFound,
}

/// The `tab` parameter of a query string.
fn tab_of(query: Option<&str>) -> Option<String> {
    let tab = query?.split('&').find_map(|pair| pair.strip_prefix("tab="))?;
    // Only short alphanumeric ids: they go into JSON and map keys.
    (!tab.is_empty() && tab.len() <= 32 && tab.bytes().all(|b| b.is_ascii_alphanumeric())).then(|| tab.to_owned())
}

/// The page's own connections are watched by an observer, whose frames are
/// reported to the tab's panel as JSON lines.
struct Watch {
    observer: Observer,
    tab: String,
    kind: Kind,
    seen: Vec<Observation>,
}

impl Watch {
    fn feed(&mut self, hub: &Hub, direction: Direction, bytes: &[u8]) {
        self.observer.feed(direction, bytes, &mut self.seen);
        for observation in self.seen.drain(..) {
            if let Some(line) = describe(self.kind, &observation) {
                hub.report(&self.tab, line);
            }
        }
    }
}

/// One panel line: a frame as the inspector dissects it, and for the frame
/// that completes a message, the message's size before and after inflating.
fn describe(kind: Kind, observation: &Observation) -> Option<String> {
    let connection = if kind == Kind::Chat { "chat" } else { "echo" };
    let frame = match observation {
        Observation::Frame(frame) => frame,
        Observation::Message(message) => {
            let line = format!(
                r#"{{"connection":"{connection}","dir":"{}","message":true,"frames":{},"compressed":{},"wire":{},"length":{}}}"#,
                direction_name(message.direction),
                message.frames,
                message.compressed,
                message.wire_len,
                message.data.len()
            );
            return Some(line);
        }
        _ => return None,
    };
    let header = &frame.header;
    let mask =
        header.mask.map_or("null".to_owned(), |k| format!("\"{:02x}{:02x}{:02x}{:02x}\"", k[0], k[1], k[2], k[3]));
    Some(format!(
        r#"{{"connection":"{connection}","dir":"{}","opcode":"{:?}","fin":{},"rsv1":{},"mask":{mask},"wire":{},"payload":{}}}"#,
        direction_name(frame.direction),
        header.opcode,
        header.fin,
        header.rsv & wsproto::frame::RSV1 != 0,
        frame.header_len as u64 + header.payload_len,
        header.payload_len
    ))
}

fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::ClientToServer => "received",
        Direction::ServerToClient => "sent",
    }
}

fn serve(mut stream: TcpStream, limits: Limits, hub: &Hub) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_write_timeout(Some(limits.write))?;
    // Deflate is negotiated from the client's offers at `accept`.
    let config = Config::new().deflate(DeflateConfig::new()).max_message_size(limits.max_message);
    let mut conn = Connection::server(config, ServerConfig::new());
    let deadline = Instant::now() + limits.handshake;
    let mut last_active = Instant::now();
    let mut buf = vec![0u8; 64 * 1024];
    let (mut start, mut end) = (0, 0);
    let mut kind = Kind::Echo;
    // Chat members and panels also get messages from other threads.
    let mut inbox: Option<Receiver<String>> = None;
    // Everything read so far, until we know whether this connection is
    // watched (its request says), then fed to its observer as it passes.
    let mut unwatched: Vec<u8> = Vec::new();
    let mut watch: Option<Watch> = None;
    loop {
        // Hand the connection everything read so far, one event at a time.
        loop {
            let read = match conn.read(&mut buf[start..end]) {
                Ok(read) => read,
                Err(e) => {
                    // The Close frame or HTTP error answer is queued: send it.
                    write_pending(&mut stream, &mut conn, &mut watch, hub)?;
                    return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string()));
                }
            };
            start += read.consumed;
            let answer = match read.event {
                None => break,
                Some(Event::UpgradeRequest(req)) => {
                    // The built-in parser always keeps the request.
                    let (path, query) = req.request().map_or(("/", None), |r| (r.path(), r.query()));
                    let chosen = if path == "/panel" {
                        Kind::Panel
                    } else if req.protocols().any(|p| p == "chat") {
                        Kind::Chat
                    } else {
                        Kind::Echo
                    };
                    Some(Answer::Accept(chosen, tab_of(query)))
                }
                Some(Event::HttpRequest(req)) if req.path() == "/" => Some(Answer::Page),
                Some(Event::HttpRequest(_)) => Some(Answer::NotFound),
                Some(Event::Message(msg)) => {
                    last_active = Instant::now();
                    match (kind, msg) {
                        // The room hears every text; the page shows it.
                        (Kind::Chat, Message::Text(text)) => hub.broadcast(text),
                        (Kind::Chat | Kind::Panel, _) => {}
                        // Echo without copying: the message borrows our
                        // buffer or the connection, and the sender comes
                        // with it. A client that lets the queue pass the
                        // bound gets no more.
                        (Kind::Echo, msg) => {
                            if read.sender.pending_len() + msg.as_bytes().len() > limits.max_queue {
                                return close(&mut stream, &mut conn, CloseCode::POLICY_VIOLATION, "write queue full");
                            }
                            read.sender.send_message(msg).ok();
                        }
                    }
                    None
                }
                // Pings are answered and Close replied to automatically.
                Some(_) => {
                    last_active = Instant::now();
                    None
                }
            };
            let result = match answer {
                Some(Answer::Accept(chosen, tab)) => {
                    kind = chosen;
                    let mut options = AcceptOptions::new();
                    if kind == Kind::Chat {
                        options = options.protocol("chat");
                    }
                    match (kind, &tab) {
                        (Kind::Panel, Some(tab)) => {
                            let (tx, rx) = mpsc::channel();
                            hub.panels.lock().unwrap().insert(tab.clone(), tx);
                            inbox = Some(rx);
                        }
                        (Kind::Chat, _) => {
                            let (tx, rx) = mpsc::channel();
                            hub.chat.lock().unwrap().push(tx);
                            inbox = Some(rx);
                        }
                        _ => {}
                    }
                    if let (Kind::Echo | Kind::Chat, Some(tab)) = (kind, tab) {
                        let mut w = Watch { observer: Observer::new(), tab, kind, seen: Vec::new() };
                        w.feed(hub, Direction::ClientToServer, &unwatched);
                        watch = Some(w);
                    }
                    unwatched = Vec::new();
                    conn.accept(&options)
                }
                Some(Answer::Page) => {
                    conn.respond(200, "OK", &[("Content-Type", "text/html; charset=utf-8")], PAGE.as_bytes())
                }
                Some(Answer::NotFound) => conn.respond(404, "Not Found", &[], b"not found\n"),
                None => Ok(()),
            };
            result.map_err(|e| io::Error::other(e.to_string()))?;
        }
        // What other threads sent us (chat lines, panel reports).
        if let Some(inbox) = &inbox {
            while let Ok(text) = inbox.try_recv() {
                last_active = Instant::now();
                if conn.sender().pending_len() + text.len() > limits.max_queue {
                    return close(&mut stream, &mut conn, CloseCode::POLICY_VIOLATION, "write queue full");
                }
                if conn.sender().send_text(&text).is_err() {
                    break;
                }
            }
        }
        if let Err(e) = write_pending(&mut stream, &mut conn, &mut watch, hub) {
            if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) {
                // The client reads nothing of what it is sent.
                return close(&mut stream, &mut conn, CloseCode::POLICY_VIOLATION, "not reading");
            }
            return Err(e);
        }
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
        let connecting = conn.state() == State::Connecting;
        let until = if connecting { deadline } else { last_active + limits.idle };
        let mut wait = until.saturating_duration_since(Instant::now());
        if wait.is_zero() {
            if connecting {
                return Err(io::Error::new(io::ErrorKind::TimedOut, "handshake deadline passed"));
            }
            return close(&mut stream, &mut conn, CloseCode::GOING_AWAY, "idle");
        }
        if inbox.is_some() {
            // Look at the inbox often; what arrives there is activity too.
            wait = wait.min(Duration::from_millis(50));
        }
        stream.set_read_timeout(Some(wait))?;
        let n = match stream.read(&mut buf[end..]) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            let _ = conn.read_eof();
            return Ok(());
        }
        match &mut watch {
            Some(w) => w.feed(hub, Direction::ClientToServer, &buf[end..end + n]),
            None if connecting => unwatched.extend_from_slice(&buf[end..end + n]),
            None => {}
        }
        if kind != Kind::Echo {
            last_active = Instant::now();
        }
        end += n;
    }
}

/// Queues a Close with `code`, gives it one write timeout to go out (a
/// client that does not read may never take it), and closes TCP.
fn close(stream: &mut TcpStream, conn: &mut Connection, code: CloseCode, reason: &str) -> io::Result<()> {
    let _ = conn.sender().send_close(code, reason);
    let _ = conn.sender().write_to(stream);
    Err(io::Error::other(format!("closed: {reason}")))
}

/// Writes what the connection has queued (within the write timeout),
/// showing it to the observer first if the connection is watched.
fn write_pending(
    stream: &mut TcpStream,
    conn: &mut Connection,
    watch: &mut Option<Watch>,
    hub: &Hub,
) -> io::Result<()> {
    if let Some(w) = watch {
        w.feed(hub, Direction::ServerToClient, conn.sender().pending());
    }
    conn.sender().write_to(stream).map(drop)
}

#[cfg(test)]
mod tests {
    //! Each limit against a client that abuses it, on an ephemeral port
    //! with small limits. Run by `cargo test` (`test = true` in Cargo.toml).
    use super::*;
    use std::io::Write as _;
    use std::net::SocketAddr;

    const SHORT: Duration = Duration::from_millis(300);

    fn start(limits: Limits) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || run(listener, limits));
        addr
    }

    fn small() -> Limits {
        Limits {
            handshake: SHORT,
            idle: SHORT,
            write: SHORT,
            max_queue: 256 << 10,
            max_message: 64 << 10,
            max_connections: 4,
        }
    }

    const UPGRADE: &[u8] = b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
        Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    /// Reads until EOF or a reset (the server dropped us), within `within`;
    /// returns what was read.
    fn read_until_dropped(stream: &mut TcpStream, within: Duration) -> Vec<u8> {
        stream.set_read_timeout(Some(within)).unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => return got,
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return got,
                Err(e) => panic!("the server did not drop the connection within {within:?}: {e}"),
            }
        }
    }

    /// A masked client frame.
    fn frame(opcode: u8, payload: &[u8]) -> Vec<u8> {
        let mut f = vec![0x80 | opcode];
        match payload.len() {
            n if n < 126 => f.push(0x80 | n as u8),
            n if n < 65536 => {
                f.push(0x80 | 126);
                f.extend_from_slice(&(n as u16).to_be_bytes());
            }
            n => {
                f.push(0x80 | 127);
                f.extend_from_slice(&(n as u64).to_be_bytes());
            }
        }
        let key = [1, 2, 3, 4];
        f.extend_from_slice(&key);
        f.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
        f
    }

    /// The Close code of the last frame in `wire` (server frames are not
    /// masked), if the bytes end with a Close.
    fn close_code(wire: &[u8]) -> Option<u16> {
        let mut at = wire.windows(4).position(|w| w == b"\r\n\r\n").map_or(0, |p| p + 4);
        let mut code = None;
        while at + 2 <= wire.len() {
            let (op, len7) = (wire[at] & 0x0F, (wire[at + 1] & 0x7F) as usize);
            let (len, head) = match len7 {
                126 => (u16::from_be_bytes([wire[at + 2], wire[at + 3]]) as usize, 4),
                127 => (u64::from_be_bytes(wire[at + 2..at + 10].try_into().unwrap()) as usize, 10),
                n => (n, 2),
            };
            if at + head + len > wire.len() {
                break;
            }
            code = (op == 8 && len >= 2).then(|| u16::from_be_bytes([wire[at + head], wire[at + head + 1]]));
            at += head + len;
        }
        code
    }

    /// An upgrade request for `target`, offering `protocol` if given.
    fn upgrade(target: &str, protocol: Option<&str>) -> Vec<u8> {
        let offer = protocol.map_or(String::new(), |p| format!("Sec-WebSocket-Protocol: {p}\r\n"));
        format!(
            "GET {target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n{offer}\r\n"
        )
        .into_bytes()
    }

    /// A raw test client: what it has read so far.
    struct Client {
        stream: TcpStream,
        wire: Vec<u8>,
    }

    impl Client {
        fn open(addr: SocketAddr, target: &str, protocol: Option<&str>) -> Client {
            let mut stream = TcpStream::connect(addr).unwrap();
            stream.write_all(&upgrade(target, protocol)).unwrap();
            Client { stream, wire: Vec::new() }
        }

        fn send_text(&mut self, text: &str) {
            self.stream.write_all(&frame(0x1, text.as_bytes())).unwrap();
        }

        /// Reads until the 101 head and the text frames since it satisfy
        /// `enough` (or panics after `within`); returns the head and all
        /// the texts so far.
        fn texts(&mut self, within: Duration, enough: impl Fn(&[String]) -> bool) -> (String, Vec<String>) {
            self.stream.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
            let started = Instant::now();
            let mut buf = [0u8; 4096];
            loop {
                if let Some(head_end) = self.wire.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4) {
                    let texts = texts_after(&self.wire[head_end..]);
                    if enough(&texts) {
                        return (String::from_utf8_lossy(&self.wire[..head_end]).into_owned(), texts);
                    }
                }
                assert!(
                    started.elapsed() < within,
                    "not enough within {within:?}: {:?}",
                    String::from_utf8_lossy(&self.wire)
                );
                match self.stream.read(&mut buf) {
                    Ok(0) => panic!("closed early: {:?}", String::from_utf8_lossy(&self.wire)),
                    Ok(n) => self.wire.extend_from_slice(&buf[..n]),
                    Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {}
                    Err(e) => panic!("{e}"),
                }
            }
        }
    }

    /// The payloads of the whole unmasked text frames in `wire`.
    fn texts_after(wire: &[u8]) -> Vec<String> {
        let mut texts = Vec::new();
        let mut at = 0;
        while at + 2 <= wire.len() {
            let (op, len7) = (wire[at] & 0x0F, (wire[at + 1] & 0x7F) as usize);
            let (len, head) = match len7 {
                126 if at + 4 <= wire.len() => (u16::from_be_bytes([wire[at + 2], wire[at + 3]]) as usize, 4),
                126 => break,
                n => (n, 2),
            };
            if at + head + len > wire.len() {
                break;
            }
            if op == 1 {
                texts.push(String::from_utf8(wire[at + head..at + head + len].to_vec()).unwrap());
            }
            at += head + len;
        }
        texts
    }

    #[test]
    fn tabs_that_offer_chat_get_it_and_hear_each_other() {
        let addr = start(Limits { idle: Duration::from_secs(10), ..small() });
        let mut a = Client::open(addr, "/", Some("chat"));
        let mut b = Client::open(addr, "/", Some("chat"));
        let any = Duration::from_secs(5);
        // RFC 6455 §4.2.2: the chosen subprotocol is in the answer.
        let (head_a, _) = a.texts(any, |_| true);
        let (head_b, _) = b.texts(any, |_| true);
        assert!(head_a.contains("Sec-WebSocket-Protocol: chat\r\n"), "{head_a}");
        assert!(head_b.contains("Sec-WebSocket-Protocol: chat\r\n"), "{head_b}");
        a.send_text("hello from A ✓");
        assert_eq!(b.texts(any, |t| !t.is_empty()).1, ["hello from A ✓"]);
        // An echo connection (no `chat` offered) is not in the room.
        let mut e = Client::open(addr, "/", None);
        let (head_e, _) = e.texts(any, |_| true);
        assert!(!head_e.contains("Sec-WebSocket-Protocol"), "{head_e}");
        b.send_text("and B");
        assert_eq!(a.texts(any, |t| t.len() >= 2).1, ["hello from A ✓", "and B"]);
        e.send_text("echo only");
        assert_eq!(e.texts(any, |t| !t.is_empty()).1, ["echo only"], "the echo connection hears only its own echo");
    }

    #[test]
    fn the_panel_shows_the_frames_of_its_tab_both_ways() {
        let addr = start(Limits { idle: Duration::from_secs(10), ..small() });
        let any = Duration::from_secs(5);
        let mut panel = Client::open(addr, "/panel?tab=t1", None);
        panel.texts(any, |_| true);
        let mut echo = Client::open(addr, "/?tab=t1", None);
        echo.send_text("hello panel");
        // Another tab's traffic is not shown.
        let mut other = Client::open(addr, "/?tab=t2", None);
        other.send_text(&"x".repeat(200));
        other.texts(any, |t| !t.is_empty());
        let (_, lines) = panel.texts(any, |l| l.iter().filter(|l| l.contains("message")).count() >= 2);
        let received = lines.iter().find(|l| l.contains(r#""dir":"received","opcode""#)).expect("the received frame");
        // Our client frame: masked with 01020304, 11 bytes, 2 + 4 + 11 on
        // the wire; the echo goes out unmasked, 2 + 11.
        assert!(
            received.contains(r#""opcode":"Text","fin":true,"rsv1":false,"mask":"01020304","wire":17,"payload":11"#),
            "{received}"
        );
        let sent = lines.iter().find(|l| l.contains(r#""dir":"sent","opcode""#)).expect("the echoed frame");
        assert!(
            sent.contains(r#""opcode":"Text","fin":true,"rsv1":false,"mask":null,"wire":13,"payload":11"#),
            "{sent}"
        );
        let message = lines.iter().find(|l| l.contains(r#""dir":"received","message""#)).expect("the message");
        assert!(message.contains(r#""frames":1,"compressed":false,"wire":11,"length":11"#), "{message}");
        std::thread::sleep(Duration::from_millis(200));
        let (_, lines) = panel.texts(any, |_| true);
        assert!(lines.iter().all(|l| !l.contains("200")), "another tab's frames: {lines:?}");
    }

    #[test]
    fn a_slow_handshake_is_dropped_at_the_deadline() {
        let addr = start(small());
        let mut client = TcpStream::connect(addr).unwrap();
        let started = Instant::now();
        // One byte every 50 ms: the request would take seconds.
        for &b in &UPGRADE[..10] {
            if client.write_all(&[b]).is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let got = read_until_dropped(&mut client, Duration::from_secs(5));
        assert!(got.is_empty(), "no answer to a request that never finished: {got:?}");
        let took = started.elapsed();
        assert!(took >= SHORT && took < Duration::from_secs(5), "dropped after {took:?}");
    }

    #[test]
    fn an_idle_connection_is_closed_with_1001() {
        let addr = start(small());
        let mut client = TcpStream::connect(addr).unwrap();
        client.write_all(UPGRADE).unwrap();
        let got = read_until_dropped(&mut client, Duration::from_secs(5));
        assert!(got.starts_with(b"HTTP/1.1 101"), "{:?}", String::from_utf8_lossy(&got));
        assert_eq!(close_code(&got), Some(1001));
    }

    #[test]
    fn activity_keeps_a_connection_open_past_the_idle_time() {
        // Pings every fifth of the idle time (a margin for a busy machine).
        let idle = Duration::from_secs(1);
        let addr = start(Limits { idle, ..small() });
        let mut client = TcpStream::connect(addr).unwrap();
        client.write_all(UPGRADE).unwrap();
        for _ in 0..6 {
            std::thread::sleep(idle / 5);
            client.write_all(&frame(0x9, b"still here")).unwrap();
        }
        // Six Pongs came back, and no Close (more than the idle time has
        // passed).
        client.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = client.read(&mut buf) {
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
        }
        assert_eq!(got.windows(10).filter(|w| w == b"still here").count(), 6);
        assert_eq!(close_code(&got), None);
    }

    #[test]
    fn a_client_that_never_reads_is_closed_and_dropped() {
        // Idle time long, so that only the write limit can end it.
        let limits = Limits { idle: Duration::from_secs(10), ..small() };
        let addr = start(limits);
        let mut client = TcpStream::connect(addr).unwrap();
        client.write_all(UPGRADE).unwrap();
        // Send far more than the socket buffers and the queue hold, never
        // reading: the server must give up, not buffer it all.
        client.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
        let message = frame(0x2, &vec![7u8; 60 << 10]);
        let started = Instant::now();
        let mut sent = 0usize;
        while sent < 256 << 20 {
            if client.write_all(&message).is_err() {
                break;
            }
            sent += message.len();
        }
        assert!(sent < 256 << 20, "the server took 256 MiB from a client that reads nothing");
        assert!(started.elapsed() < Duration::from_secs(20));
        // The server has given up on us: what it had sent, then EOF or a
        // reset, well before the idle time; not a connection that stays
        // open, nor one that carries on once we read.
        let got = read_until_dropped(&mut client, Duration::from_secs(3));
        assert!(got.starts_with(b"HTTP/1.1 101"));
    }

    #[test]
    fn connections_past_the_cap_get_503() {
        let limits = Limits { handshake: Duration::from_secs(5), ..small() };
        let addr = start(limits);
        let held: Vec<TcpStream> = (0..limits.max_connections).map(|_| TcpStream::connect(addr).unwrap()).collect();
        std::thread::sleep(Duration::from_millis(100));
        let mut extra = TcpStream::connect(addr).unwrap();
        let got = read_until_dropped(&mut extra, Duration::from_secs(5));
        assert!(got.starts_with(b"HTTP/1.1 503"), "{:?}", String::from_utf8_lossy(&got));
        drop(held);
        // Once their threads have seen them go, a new one is served.
        let served = (0..50).any(|_| {
            std::thread::sleep(Duration::from_millis(100));
            let mut again = TcpStream::connect(addr).unwrap();
            again.write_all(UPGRADE).unwrap();
            let mut head = [0u8; 12];
            again.read_exact(&mut head).is_ok() && &head == b"HTTP/1.1 101"
        });
        assert!(served, "no connection was served after the others closed");
    }

    #[test]
    fn a_message_past_the_limit_is_refused_with_1009() {
        let addr = start(Limits { idle: Duration::from_secs(5), ..small() });
        let mut client = TcpStream::connect(addr).unwrap();
        client.write_all(UPGRADE).unwrap();
        client.write_all(&frame(0x2, &vec![0u8; (64 << 10) + 1])).unwrap();
        let got = read_until_dropped(&mut client, Duration::from_secs(5));
        assert_eq!(close_code(&got), Some(1009));
    }
}
