//! An echo server for many connections on one thread: a single mio
//! readiness loop, non-blocking sockets, edge-triggered.
//!
//! ```text
//! ulimit -n 65536   # one file descriptor per connection
//! cargo run --release --example poll_server -- 127.0.0.1:9002
//! ```
//!
//! Every text and binary message is echoed back; a plain `GET /` gets a
//! short `text/plain` answer. It holds 10,000 idle connections and more
//! (see `examples/load_idle.rs` and `.ci/steps/poll_load.sh`); each
//! connection needs a file descriptor, so raise the limit with
//! `ulimit -n` first (the standard library has no API for `setrlimit`).
//!
//! # Memory per connection
//!
//! A connection costs its slot here (a socket and a [`Connection`], a few
//! hundred bytes) and no heap while idle:
//!
//! - **One read buffer for the whole loop.** [`Connection::read`] consumes
//!   all of its input whenever it returns no event (a partial frame header
//!   is kept inside the connection, a partial payload goes to its assembly
//!   buffer), so once the events are handled nothing is left in the buffer
//!   and the next socket can use it. The one exception is a server waiting
//!   for [`Connection::accept`], which leaves the client's early frames in
//!   place; this server accepts as soon as the request arrives, so that
//!   never happens. Bytes left anyway go to a per-connection `leftover`
//!   vector, which stays empty (no heap) otherwise.
//! - **Buffers are handed back when a connection goes idle.** The
//!   connection's outgoing queue and assembly buffer grow for a burst of
//!   traffic and are reused while it lasts (no allocation per message).
//!   Once a second, every connection that saw traffic during the previous
//!   second but none since gets [`Connection::release_memory`], so an idle
//!   connection holds no heap. The stats line on standard error shows the
//!   total ([`Connection::heap_size`]).
//!
//! # Readiness rules
//!
//! mio is edge-triggered: a readable socket is read until `WouldBlock`,
//! otherwise no new event would come. Output is written until `WouldBlock`
//! too; `WRITABLE` interest is registered only while output is pending. A
//! client that sends but does not read makes output pile up: above
//! `MAX_PENDING` the server stops reading from it until the queue drains.

use std::io::{self, Read as _};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};
use wsproto::handshake::{AcceptOptions, ServerConfig};
use wsproto::{Config, Connection, Event, State, TransportAction};

const LISTENER: Token = Token(usize::MAX);
/// The read buffer shared by every connection.
const READ_BUF: usize = 64 * 1024;
/// Stop reading from a connection while this much output is queued.
const MAX_PENDING: usize = 1 << 20;
/// Bytes a connection may leave unconsumed (only possible before the
/// upgrade is answered).
const MAX_LEFTOVER: usize = 16 * 1024;
/// How often idle connections' buffers are released and stats considered.
const TICK: Duration = Duration::from_secs(1);
/// The stats line is printed at most this often, and only on change.
const STATS_EVERY: Duration = Duration::from_secs(3);

/// One connection.
struct Client {
    stream: TcpStream,
    conn: Connection,
    /// Input the connection left unconsumed; empty (no heap) in practice.
    leftover: Vec<u8>,
    /// `WRITABLE` interest is registered.
    writable: bool,
    /// Traffic since the last tick.
    active: bool,
    /// Traffic during the previous tick: buffers are released on the tick
    /// after the one that saw traffic.
    warm: bool,
}

/// The outcome of driving a connection.
enum Next {
    Keep,
    Close,
}

fn main() -> io::Result<()> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:9002".to_owned())
        .parse()
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, format!("address: {e}")))?;
    let mut listener = TcpListener::bind(addr)?;
    let mut poll = Poll::new()?;
    poll.registry().register(&mut listener, LISTENER, Interest::READABLE)?;
    eprintln!("poll_server: echo on ws://{addr}/ (one thread; raise `ulimit -n` for many connections)");

    let mut server = Server { clients: Vec::new(), free: Vec::new(), open: 0, accepted: 0, closed: 0 };
    let mut buf = vec![0u8; READ_BUF];
    let mut events = Events::with_capacity(1024);
    let mut next_tick = Instant::now() + TICK;
    let mut last_stats = (Instant::now(), (0, 0, usize::MAX));
    let mut accept_blocked = false;
    loop {
        let timeout = next_tick.saturating_duration_since(Instant::now());
        if let Err(e) = poll.poll(&mut events, Some(timeout)) {
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        for event in events.iter() {
            if event.token() == LISTENER {
                accept_blocked = server.accept_all(&listener, poll.registry());
                continue;
            }
            let token = event.token();
            let Some(Some(client)) = server.clients.get_mut(token.0) else { continue };
            client.active = true;
            let next = drive(client, &mut buf, poll.registry(), token);
            if let Next::Close = next {
                server.remove(token, poll.registry());
            }
        }
        if Instant::now() >= next_tick {
            next_tick = Instant::now() + TICK;
            // Out of file descriptors earlier: the backlog gets no new edge
            // until another connection arrives, so try again now.
            if accept_blocked {
                accept_blocked = server.accept_all(&listener, poll.registry());
            }
            let heap = server.tick();
            let figures = (server.open, server.accepted, heap);
            if figures != last_stats.1 && last_stats.0.elapsed() >= STATS_EVERY {
                let per = heap.checked_div(server.open).unwrap_or(0);
                eprintln!(
                    "poll_server: {} connections, {heap} heap bytes held by them ({per} per connection), {} accepted, {} closed",
                    server.open, server.accepted, server.closed
                );
                last_stats = (Instant::now(), figures);
            }
        }
    }
}

/// The connections, in a slab indexed by token.
struct Server {
    clients: Vec<Option<Client>>,
    free: Vec<usize>,
    open: usize,
    accepted: u64,
    closed: u64,
}

impl Server {
    /// Accepts until `WouldBlock`. Returns true if it stopped on an error
    /// (such as running out of file descriptors) and should be retried.
    fn accept_all(&mut self, listener: &TcpListener, registry: &mio::Registry) -> bool {
        loop {
            let mut stream = match listener.accept() {
                Ok((stream, _)) => stream,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return false,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    eprintln!("poll_server: accept: {e} (is `ulimit -n` high enough?)");
                    return true;
                }
            };
            let _ = stream.set_nodelay(true);
            let index = self.free.pop().unwrap_or_else(|| {
                self.clients.push(None);
                self.clients.len() - 1
            });
            if let Err(e) = registry.register(&mut stream, Token(index), Interest::READABLE) {
                eprintln!("poll_server: register: {e}");
                self.free.push(index);
                continue;
            }
            let conn = Connection::server(Config::default(), ServerConfig::new());
            let client = Client { stream, conn, leftover: Vec::new(), writable: false, active: true, warm: false };
            self.clients[index] = Some(client);
            self.open += 1;
            self.accepted += 1;
            // The request may already be here; with edge triggering the
            // READABLE event for it comes anyway, after registration.
        }
    }

    fn remove(&mut self, token: Token, registry: &mio::Registry) {
        if let Some(mut client) = self.clients[token.0].take() {
            let _ = registry.deregister(&mut client.stream);
            self.free.push(token.0);
            self.open -= 1;
            self.closed += 1;
        }
    }

    /// Releases the buffers of connections that went idle, and returns the
    /// heap held by all connections.
    fn tick(&mut self) -> usize {
        let mut heap = 0;
        for client in self.clients.iter_mut().flatten() {
            if client.active {
                client.active = false;
                client.warm = true;
            } else if client.warm {
                client.warm = false;
                client.conn.release_memory();
                if client.leftover.is_empty() {
                    client.leftover = Vec::new();
                }
            }
            heap += client.conn.heap_size() + client.leftover.capacity();
        }
        heap
    }
}

/// Handles readiness on one connection: writes what is pending, reads until
/// `WouldBlock` (unless too much output is queued), and updates the
/// interest.
fn drive(client: &mut Client, buf: &mut [u8], registry: &mio::Registry, token: Token) -> Next {
    match pump(client, buf) {
        Ok(Next::Keep) => {}
        Ok(Next::Close) | Err(_) => return Next::Close,
    }
    let want_write = client.conn.sender().pending_len() > 0;
    if want_write != client.writable {
        let interest = if want_write { Interest::READABLE | Interest::WRITABLE } else { Interest::READABLE };
        if registry.reregister(&mut client.stream, token, interest).is_err() {
            return Next::Close;
        }
        client.writable = want_write;
    }
    Next::Keep
}

fn pump(client: &mut Client, buf: &mut [u8]) -> io::Result<Next> {
    loop {
        if !flush(client)? {
            // The socket's send buffer is full; WRITABLE will tell us when
            // to go on. Keep reading unless output piles up.
            if client.conn.sender().pending_len() >= MAX_PENDING {
                return Ok(Next::Keep);
            }
        }
        if client.conn.transport_action() != TransportAction::Continue {
            // The server closes TCP first (RFC 6455 §7.1.1).
            return Ok(Next::Close);
        }
        if client.conn.state() == State::Closed {
            // Closed (a failure, or an HTTP answer) but output is pending:
            // nothing more to read, wait for WRITABLE.
            return Ok(Next::Keep);
        }
        // Bytes a previous read left go in front of the new ones.
        let kept = client.leftover.len();
        let n = match client.stream.read(&mut buf[kept..]) {
            Ok(0) => {
                let _ = client.conn.read_eof();
                return Ok(Next::Close);
            }
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(Next::Keep),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        buf[..kept].copy_from_slice(&client.leftover);
        client.leftover.clear();
        let input = &mut buf[..kept + n];
        match handle_input(&mut client.conn, input) {
            Ok(start) if start < input.len() => {
                if input.len() - start > MAX_LEFTOVER {
                    return Ok(Next::Close);
                }
                client.leftover.extend_from_slice(&input[start..]);
            }
            Ok(_) => {}
            // A peer fault: the Close frame or HTTP error answer is queued,
            // and the connection is Closed. The loop sends it, then closes.
            Err(_) => {}
        }
    }
}

/// Writes pending output until done (true) or `WouldBlock` (false).
fn flush(client: &mut Client) -> io::Result<bool> {
    let tx = client.conn.sender();
    tx.write_to(&mut client.stream)?;
    Ok(tx.pending_len() == 0)
}

/// What to do once the event that borrows the connection is handled.
enum Answer {
    Accept,
    Text,
    NotFound,
}

/// Runs `conn.read` over `input` until it returns no event, acting on each
/// event. Returns how much of `input` was consumed.
fn handle_input(conn: &mut Connection, input: &mut [u8]) -> Result<usize, wsproto::Error> {
    let mut start = 0;
    loop {
        let read = conn.read(&mut input[start..])?;
        start += read.consumed;
        let answer = match read.event {
            None => return Ok(start),
            Some(Event::UpgradeRequest(_)) => Answer::Accept,
            Some(Event::HttpRequest(req)) if req.method() == "GET" && req.path() == "/" => Answer::Text,
            Some(Event::HttpRequest(_)) => Answer::NotFound,
            // Echo without copying: the message borrows the shared buffer
            // or the connection, and the sender comes with it.
            Some(Event::Message(msg)) => {
                read.sender.send_message(msg).ok();
                continue;
            }
            // Pings are answered and Close replied to automatically.
            Some(_) => continue,
        };
        // `accept` and `respond` can only fail on misuse; the next read
        // reports nothing more and the connection is closed then.
        let _ = match answer {
            Answer::Accept => conn.accept(&AcceptOptions::new()),
            Answer::Text => conn.respond(
                200,
                "OK",
                &[("Content-Type", "text/plain; charset=utf-8")],
                b"wsproto poll_server: connect a WebSocket client to this address\n",
            ),
            Answer::NotFound => conn.respond(404, "Not Found", &[], b"not found\n"),
        };
    }
}
