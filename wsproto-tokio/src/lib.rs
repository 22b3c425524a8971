//! WebSocket (RFC 6455) over any tokio [`AsyncRead`] + [`AsyncWrite`]
//! transport, driven by the sans-IO [`wsproto`] core.
//!
//! ```no_run
//! use futures_util::{SinkExt, StreamExt};
//! # async fn run() -> std::io::Result<()> {
//! let stream = tokio::net::TcpStream::connect("127.0.0.1:9001").await?;
//! let mut ws = wsproto_tokio::connect(stream, "ws://127.0.0.1:9001/").await?;
//! ws.send(wsproto_tokio::Message::text("hello")).await?;
//! while let Some(msg) = ws.next().await {
//!     println!("{:?}", msg?);
//! }
//! # Ok(()) }
//! ```
//!
//! - **Getting a [`WebSocket`].** A server calls [`accept`] (or
//!   [`Options::accept_with`] to choose a subprotocol or refuse) on a fresh
//!   connection: it reads and validates the HTTP upgrade with the core's
//!   handshake and answers a broken one with the right status (400, 403,
//!   426 or 431), and a plain HTTP request with 426 and `Upgrade:
//!   websocket`. A stream already upgraded elsewhere (hyper, axum, an
//!   HTTP/2 extended CONNECT) becomes a WebSocket with
//!   [`WebSocket::from_upgraded`] or [`Options::open`]. A client calls
//!   [`connect`] over a stream it connected itself.
//! - **Receiving.** [`WebSocket`] is a [`Stream`] of owned [`Message`]s
//!   (and [`WebSocket::recv`] is the same without a `StreamExt` import).
//!   Pings are answered and a Close is replied to automatically, before the
//!   stream yields them; the stream ends (`None`) when the close handshake
//!   is done and the transport is shut down (or reset by the peer: after a
//!   complete close handshake nothing is lost, so a reset is not an error).
//! - **Sending.** [`WebSocket::send`] and the [`Sink`] implementation
//!   queue a message in the core and write it. The queue is bounded: once
//!   more than [`Options::max_pending`] bytes wait to be written, `send`
//!   (and `Sink::poll_ready`) waits until the transport took them, and the
//!   stream stops reading, so a peer that never reads cannot make memory
//!   grow. [`WebSocket::close`] runs our side of the close handshake.
//! - **Timeouts.** The opening handshake is bounded by
//!   [`Options::handshake_timeout`] (10 s by default); once a Close was
//!   sent or received, or the connection failed, the rest (the reply, the
//!   peer closing TCP) is bounded by [`Options::close_timeout`] (5 s).
//!
//! # Cancel safety
//!
//! All state lives in the [`WebSocket`], none in the futures, so:
//!
//! - `next()`/[`WebSocket::recv`] are cancel safe: bytes read from the
//!   transport are handed to the core before the future returns
//!   `Pending`, so dropping the future (for example when it loses a
//!   `tokio::select!`) loses no message.
//! - [`WebSocket::send`] is cancel safe in this sense: if its future is
//!   dropped before it completes, the message was either queued whole (and
//!   the next call that writes, `send`, `flush` or `next`, sends it) or not
//!   at all. It never leaves half a frame.
//! - [`WebSocket::flush`] is cancel safe: what it did not write stays
//!   queued.
//! - [`WebSocket::close`] can be dropped and called again.
//!
//! # One task
//!
//! A `WebSocket` is driven from one task: reading also writes (pongs and
//! close replies), and writing needs `&mut`. To send from several tasks,
//! hand messages to the WebSocket's task through a channel and `select!`
//! on that channel and [`WebSocket::recv`]; or split it with
//! `futures_util::StreamExt::split`.
//!
//! # Errors
//!
//! Everything returns [`std::io::Error`]. A fault of the peer is
//! [`io::ErrorKind::InvalidData`] with the [`wsproto::Error`] as its
//! source (the core has queued the matching Close frame or HTTP answer,
//! and it is written before the error is reported, within the close
//! timeout); misuse (sending after Close) is [`io::ErrorKind::InvalidInput`]
//! with the [`wsproto::UsageError`]; a timeout is
//! [`io::ErrorKind::TimedOut`]; a transport closed without a close
//! handshake (1006) is [`io::ErrorKind::UnexpectedEof`]; a client refused
//! by the server's HTTP answer gets [`io::ErrorKind::ConnectionRefused`]
//! with a [`Rejected`] holding that answer.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod message;

use std::future::{poll_fn, Future};
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use bytes::{Buf, Bytes, BytesMut};
use futures_core::Stream;
use futures_sink::Sink;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Sleep;
use wsproto::config::Delivery;
use wsproto::frame::Role;
use wsproto::frame::{HeaderDecoder, HeaderRules, OpCode, RSV1, RSV2, RSV3};
use wsproto::handshake::{AcceptOptions, ClientOptions, HttpResponse, Negotiated, ServerConfig, UpgradeRequest, WsUri};
use wsproto::{ChaChaRng, CloseCode, Config, Connection, Event, State, TransportAction, UsageError};

pub use message::{CloseFrame, Message};
pub use wsproto;

/// Accepts a WebSocket connection on `io`, with the default [`Options`]:
/// reads and validates the client's upgrade request, answers 101, and
/// returns the open WebSocket. See [`Options::accept`].
pub async fn accept<S: AsyncRead + AsyncWrite + Unpin>(io: S) -> io::Result<WebSocket<S>> {
    Options::new().accept(io).await
}

/// Opens a client WebSocket to `uri` (`ws://host[:port]/path`) over `io`,
/// a transport already connected to that host, with the default
/// [`Options`]. See [`Options::connect`].
pub async fn connect<S: AsyncRead + AsyncWrite + Unpin>(io: S, uri: &str) -> io::Result<WebSocket<S>> {
    Options::new().connect(io, uri).await
}

/// How a server refuses an upgrade request in [`Options::accept_with`]:
/// the HTTP answer to send instead of the 101.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The status code (for example 401, 403 or 404).
    pub status: u16,
    /// The reason phrase.
    pub reason: String,
    /// Extra headers (`Content-Length` is added from `body`).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Rejection {
    /// A refusal with `status`, `reason`, no extra header and no body.
    pub fn new(status: u16, reason: impl Into<String>) -> Rejection {
        Rejection { status, reason: reason.into(), headers: Vec::new(), body: Vec::new() }
    }
}

/// The error inside the [`io::Error`] (kind
/// [`io::ErrorKind::ConnectionRefused`]) that a client gets when the server
/// answered the upgrade request with something other than 101.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected(pub HttpResponse);

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the server refused the WebSocket upgrade: {} {}", self.0.status, self.0.reason)
    }
}

impl std::error::Error for Rejected {}

/// The settings of a [`WebSocket`]: the core's [`Config`], the handshake's
/// options, the write queue's bound and the timeouts. Build it, then call
/// [`Options::accept`], [`Options::connect`] or [`Options::open`].
#[derive(Debug, Clone)]
pub struct Options {
    config: Config,
    server: ServerConfig,
    client: ClientOptions,
    max_pending: usize,
    read_size: usize,
    handshake_timeout: Duration,
    close_timeout: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options::new()
    }
}

impl Options {
    /// The defaults: [`Config::default`] (limits safe for a public server,
    /// no compression), [`ServerConfig::new`], no client options, a write
    /// queue bound of 1 MiB, reads of up to 64 KiB, a 10 s handshake
    /// timeout and a 5 s close timeout.
    pub fn new() -> Options {
        Options {
            config: Config::DEFAULT,
            server: ServerConfig::new(),
            client: ClientOptions::new(),
            max_pending: 1 << 20,
            read_size: 64 << 10,
            handshake_timeout: Duration::from_secs(10),
            close_timeout: Duration::from_secs(5),
        }
    }

    /// The core's configuration: limits, policies, and permessage-deflate
    /// (`Config::new().deflate(DeflateConfig::new())` offers it as a client
    /// and accepts it as a server). The delivery is always whole messages
    /// ([`Delivery::Messages`]), whatever `config` says.
    pub fn config(mut self, config: Config) -> Options {
        self.config = config;
        self
    }

    /// The server handshake's settings (origin policy, head limits).
    pub fn server_config(mut self, server: ServerConfig) -> Options {
        self.server = server;
        self
    }

    /// The client handshake's options (subprotocols, `Origin`, extra
    /// headers).
    pub fn client_options(mut self, client: ClientOptions) -> Options {
        self.client = client;
        self
    }

    /// The write queue's bound in bytes: `send` waits while more than this
    /// is queued, and the stream stops reading (so the pongs and echoes a
    /// peer provokes cannot pile up either). The queue holds at most this
    /// plus one message.
    pub fn max_pending(mut self, bytes: usize) -> Options {
        self.max_pending = bytes;
        self
    }

    /// How many bytes to offer each read from the transport (at least 1).
    pub fn read_size(mut self, bytes: usize) -> Options {
        self.read_size = bytes.max(1);
        self
    }

    /// The longest the opening handshake may take, from the call to
    /// `accept` or `connect` to the open WebSocket: a client that sends its
    /// request one byte a second is dropped when it runs out.
    pub fn handshake_timeout(mut self, timeout: Duration) -> Options {
        self.handshake_timeout = timeout;
        self
    }

    /// The longest the end of a connection may take once a Close was sent
    /// or received (or the connection failed): waiting for the peer's
    /// Close reply, for it to close TCP, or for it to read what we queued.
    /// Then the transport is shut down and the stream reports
    /// [`io::ErrorKind::TimedOut`].
    pub fn close_timeout(mut self, timeout: Duration) -> Options {
        self.close_timeout = timeout;
        self
    }

    /// Accepts a WebSocket connection on `io`, answering every upgrade
    /// request with 101 (permessage-deflate negotiated when
    /// [`Options::config`] enables it and the client offers it). See
    /// [`Options::accept_with`].
    pub async fn accept<S: AsyncRead + AsyncWrite + Unpin>(self, io: S) -> io::Result<WebSocket<S>> {
        self.accept_with(io, |_| Ok(AcceptOptions::new())).await
    }

    /// Accepts a WebSocket connection on `io`: reads the client's upgrade
    /// request and validates it (RFC 6455 §4.2.1), asks `decide` how to
    /// answer it (with the subprotocol to choose, extra headers, or a
    /// [`Rejection`]), writes the answer, and returns the open WebSocket.
    ///
    /// A request that breaks RFC 6455 gets the HTTP answer the core built
    /// (400 for a malformed request or a bad `Sec-WebSocket-Key`, 426 with
    /// `Sec-WebSocket-Version: 13` for another version, 403 when the origin
    /// policy refuses, 431 for too large a head), and the error is
    /// [`io::ErrorKind::InvalidData`] with the [`wsproto::Error`] inside. A
    /// plain HTTP request (no `Upgrade`) gets 426 with `Upgrade: websocket`,
    /// as python-websockets answers it, and is
    /// [`io::ErrorKind::InvalidData`] too. A [`Rejection`] is sent and
    /// reported as [`io::ErrorKind::ConnectionRefused`]. The whole exchange
    /// is bounded by [`Options::handshake_timeout`].
    pub async fn accept_with<S, F>(self, io: S, decide: F) -> io::Result<WebSocket<S>>
    where
        S: AsyncRead + AsyncWrite + Unpin,
        F: FnOnce(&UpgradeRequest) -> Result<AcceptOptions, Rejection>,
    {
        let conn = Connection::server(self.core_config(), self.server.clone());
        let mut ws = WebSocket::new(io, conn, &self);
        let timeout = self.handshake_timeout;
        match tokio::time::timeout(timeout, ws.server_handshake(decide)).await {
            Ok(Ok(())) => Ok(ws),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(handshake_timed_out()),
        }
    }

    /// Opens a client WebSocket to `uri` (`ws://host[:port]/path`; the
    /// `Host` header and the resource name come from it) over `io`, a
    /// transport already connected to that host (TLS, for `wss://`, is the
    /// caller's). Sends the upgrade request with a fresh key, validates the
    /// answer (RFC 6455 §4.1), and returns the open WebSocket. Bounded by
    /// [`Options::handshake_timeout`].
    pub async fn connect<S: AsyncRead + AsyncWrite + Unpin>(self, io: S, uri: &str) -> io::Result<WebSocket<S>> {
        let uri = WsUri::parse(uri).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let conn = Connection::client(&uri, &self.client, self.core_config(), ChaChaRng::from_os())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
        let mut ws = WebSocket::new(io, conn, &self);
        match tokio::time::timeout(self.handshake_timeout, ws.client_handshake()).await {
            Ok(Ok(())) => Ok(ws),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(handshake_timed_out()),
        }
    }

    /// A WebSocket on `io`, a transport whose upgrade was handled
    /// elsewhere (a hyper or axum upgrade, an RFC 8441 extended CONNECT
    /// stream), in `role`, running what that handshake `negotiated`
    /// (`Negotiated::default()` for nothing; an extension the core does not
    /// implement is refused with [`io::ErrorKind::InvalidInput`]). A client
    /// gets its masking keys from the operating system's entropy.
    pub fn open<S: AsyncRead + AsyncWrite + Unpin>(
        self,
        io: S,
        role: Role,
        negotiated: Negotiated,
    ) -> io::Result<WebSocket<S>> {
        let conn = match role {
            Role::Server => Connection::open_server(self.core_config(), negotiated),
            Role::Client => Connection::open_client(self.core_config(), negotiated, ChaChaRng::from_os()),
        }?;
        Ok(WebSocket::new(io, conn, &self))
    }

    fn core_config(&self) -> Config {
        self.config.delivery(Delivery::Messages)
    }
}

fn handshake_timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "the opening handshake timed out")
}

/// What the server handshake does once the event that borrows the
/// connection is handled.
enum Answer {
    Accept(AcceptOptions),
    Reject(Rejection),
    NotUpgrade,
    /// The handshake is complete.
    Done,
    /// An event with nothing to do.
    Nothing,
}

/// Binary messages at least this long are split off the read buffer
/// instead of copied (a smaller one would keep the whole buffer alive).
const ZERO_COPY_MIN: usize = 16 << 10;

/// What one call to the core's `read` gave.
enum Step {
    /// More bytes are needed.
    Need,
    /// An event with nothing to hand out.
    Nothing,
    /// A message to hand out.
    Message(Message),
    /// A Ping or Close to hand out once its answer is written.
    Control(Message),
    /// A binary message in `rbuf`, at this offset with this length.
    InPlace(usize, usize),
}

/// An open WebSocket connection over `S`: a [`Stream`] of received
/// [`Message`]s and a [`Sink`] of messages to send. See the crate docs.
pub struct WebSocket<S> {
    io: S,
    conn: Connection,
    /// Bytes read from the transport and not yet consumed by the core
    /// (its zero-copy `read` path: frames are unmasked in place here).
    rbuf: BytesMut,
    /// Open: past the opening handshake, so `rbuf` starts at a frame.
    open: bool,
    /// Header rules for peeking at the next frame's length.
    peek_rules: HeaderRules,
    max_message: usize,
    /// How many bytes `rbuf` should hold for the frame at its start.
    want: usize,
    max_pending: usize,
    read_size: usize,
    close_timeout: Duration,
    /// Armed once the connection starts to end; bounds the rest.
    deadline: Option<Pin<Box<Sleep>>>,
    /// A failure to report once what the core queued for it is written.
    failure: Option<io::Error>,
    /// The transport reached EOF (and the core was told).
    eof: bool,
    /// Written bytes the transport has not been asked to flush yet.
    unflushed: bool,
    /// The peer's Close frame has arrived.
    peer_closed: bool,
    /// The stream has ended.
    done: bool,
}

impl<S> std::fmt::Debug for WebSocket<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebSocket").field("conn", &self.conn).field("done", &self.done).finish_non_exhaustive()
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> WebSocket<S> {
    fn new(io: S, conn: Connection, options: &Options) -> WebSocket<S> {
        let mut peek_rules = HeaderRules::new(conn.role());
        // Only the length matters: the core checks the rest.
        peek_rules.accept_unmasked = true;
        peek_rules.allowed_rsv = RSV1 | RSV2 | RSV3;
        peek_rules.max_payload = u64::MAX;
        let open = conn.state() != State::Connecting;
        let max_message = conn.config().max_message_size;
        WebSocket {
            io,
            conn,
            rbuf: BytesMut::new(),
            open,
            peek_rules,
            max_message,
            want: 0,
            max_pending: options.max_pending,
            read_size: options.read_size,
            close_timeout: options.close_timeout,
            deadline: None,
            failure: None,
            eof: false,
            unflushed: false,
            peer_closed: false,
            done: false,
        }
    }

    /// A WebSocket on a transport whose upgrade was handled elsewhere, with
    /// the default [`Options`]: see [`Options::open`].
    pub fn from_upgraded(io: S, role: Role, negotiated: Negotiated) -> io::Result<WebSocket<S>> {
        Options::new().open(io, role, negotiated)
    }

    /// The next message: the same as `StreamExt::next`. `None` once the
    /// connection has ended. Cancel safe.
    pub async fn recv(&mut self) -> Option<io::Result<Message>> {
        poll_fn(|cx| self.poll_recv(cx)).await
    }

    /// Queues `msg` and writes it (with anything queued before it). Waits
    /// first while more than [`Options::max_pending`] bytes are queued.
    /// Sending a Close while ours is already queued (for example the
    /// automatic reply to the peer's) does nothing; data after our Close is
    /// [`io::ErrorKind::InvalidInput`]. Cancel safe: see the crate docs.
    pub async fn send(&mut self, msg: impl Into<Message>) -> io::Result<()> {
        let msg = msg.into();
        poll_fn(|cx| self.poll_room(cx)).await?;
        self.queue(&msg)?;
        self.flush().await
    }

    /// Like [`WebSocket::send`], but only queues `msg` (after waiting for
    /// room): several small messages then go out in one write at the next
    /// [`WebSocket::flush`], `send` or read.
    pub async fn feed(&mut self, msg: impl Into<Message>) -> io::Result<()> {
        let msg = msg.into();
        poll_fn(|cx| self.poll_room(cx)).await?;
        self.queue(&msg)
    }

    /// Writes everything queued and flushes the transport. Cancel safe.
    pub async fn flush(&mut self) -> io::Result<()> {
        poll_fn(|cx| self.poll_write_all(cx)).await
    }

    /// Closes the connection: sends a Close with `code` and `reason`
    /// (unless one was sent already), then reads until the peer's Close
    /// arrives and the transport is done, dropping any data messages that
    /// arrive meanwhile, and shuts the transport down. All of it is bounded
    /// by [`Options::close_timeout`]: a peer that never answers gets
    /// [`io::ErrorKind::TimedOut`]. Calling it on a connection that has
    /// ended returns `Ok(())`.
    pub async fn close(&mut self, code: CloseCode, reason: &str) -> io::Result<()> {
        if self.done {
            return Ok(());
        }
        if self.conn.state() == State::Open {
            self.conn.sender().send_close(code, reason)?;
        }
        poll_fn(|cx| loop {
            match ready!(self.poll_recv(cx)) {
                None => return Poll::Ready(Ok(())),
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Poll::Ready(Err(e)),
            }
        })
        .await
    }

    /// What the opening handshake negotiated (subprotocol, extensions).
    pub fn negotiated(&self) -> &Negotiated {
        self.conn.negotiated()
    }

    /// The protocol state: Open, Closing or Closed.
    pub fn state(&self) -> State {
        self.conn.state()
    }

    /// Bytes queued and not yet written to the transport.
    pub fn pending_len(&self) -> usize {
        self.conn.pending().len()
    }

    /// The underlying connection (state, negotiated settings, heap size).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The transport.
    pub fn get_ref(&self) -> &S {
        &self.io
    }

    /// The transport, mutably. Reading or writing it directly corrupts the
    /// WebSocket stream.
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.io
    }

    // ----- the opening handshake -------------------------------------------

    async fn server_handshake<F>(&mut self, decide: F) -> io::Result<()>
    where
        F: FnOnce(&UpgradeRequest) -> Result<AcceptOptions, Rejection>,
    {
        let mut decide = Some(decide);
        loop {
            let read = self.conn.read(&mut self.rbuf[..]);
            let (consumed, answer) = match read {
                Err(e) => return Err(self.fail_handshake(e.into()).await),
                Ok(read) => {
                    let answer = match read.event {
                        None => None,
                        Some(Event::UpgradeRequest(request)) => decide.take().map(|decide| match decide(request) {
                            Ok(options) => Answer::Accept(options),
                            Err(rejection) => Answer::Reject(rejection),
                        }),
                        Some(Event::HttpRequest(_)) => Some(Answer::NotUpgrade),
                        Some(Event::HandshakeComplete(_)) => Some(Answer::Done),
                        Some(_) => Some(Answer::Nothing),
                    };
                    (read.consumed, answer)
                }
            };
            self.rbuf.advance(consumed);
            match answer {
                Some(Answer::Accept(options)) => {
                    self.conn.accept(&options)?;
                    continue;
                }
                Some(Answer::Reject(rejection)) => {
                    let headers: Vec<(&str, &str)> =
                        rejection.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
                    self.conn.respond(rejection.status, &rejection.reason, &headers, &rejection.body)?;
                    let e = io::Error::new(
                        io::ErrorKind::ConnectionRefused,
                        format!("upgrade refused with {} {}", rejection.status, rejection.reason),
                    );
                    return Err(self.fail_handshake(e).await);
                }
                Some(Answer::NotUpgrade) => {
                    // RFC 6455 §4.2.2 does not say how to answer a request
                    // without an upgrade; RFC 9110 §15.5.22 (426) fits, with
                    // the protocol to upgrade to, as python-websockets does.
                    self.conn.respond(
                        426,
                        "Upgrade Required",
                        &[("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Version", "13")],
                        b"Upgrade Required: this is a WebSocket endpoint.\n",
                    )?;
                    let e = io::Error::new(io::ErrorKind::InvalidData, "an HTTP request without a WebSocket upgrade");
                    return Err(self.fail_handshake(e).await);
                }
                Some(Answer::Done) => {
                    self.open = true;
                    return self.flush().await;
                }
                Some(Answer::Nothing) => continue,
                None => {}
            }
            if self.read_more().await? == 0 {
                let e = match self.conn.read_eof() {
                    Err(e) => e.into(),
                    Ok(_) => io::Error::from(wsproto::Error::HandshakeEof),
                };
                return Err(e);
            }
        }
    }

    async fn client_handshake(&mut self) -> io::Result<()> {
        loop {
            self.flush().await?;
            let read = self.conn.read(&mut self.rbuf[..])?;
            let consumed = read.consumed;
            let outcome = match read.event {
                None => None,
                Some(Event::HandshakeComplete(_)) => Some(Ok(())),
                Some(Event::HttpResponse(response)) => {
                    Some(Err(io::Error::new(io::ErrorKind::ConnectionRefused, Rejected(response.clone()))))
                }
                Some(_) => Some(Err(io::Error::other("unexpected event during the handshake"))),
            };
            self.rbuf.advance(consumed);
            match outcome {
                // The core consumed everything: read more.
                None => {}
                Some(Ok(())) => {
                    self.open = true;
                    return Ok(());
                }
                Some(Err(e)) => return Err(e),
            }
            if self.read_more().await? == 0 {
                return Err(match self.conn.read_eof() {
                    Err(e) => e.into(),
                    Ok(_) => wsproto::Error::HandshakeEof.into(),
                });
            }
        }
    }

    /// Writes what the core queued for a failed handshake (its HTTP
    /// answer), within the close timeout, and returns `error`.
    async fn fail_handshake(&mut self, error: io::Error) -> io::Error {
        let close_timeout = self.close_timeout;
        let _ = tokio::time::timeout(close_timeout, async {
            self.flush().await?;
            poll_fn(|cx| Pin::new(&mut self.io).poll_shutdown(cx)).await
        })
        .await;
        self.done = true;
        error
    }

    /// One read from the transport into the core's input buffer.
    async fn read_more(&mut self) -> io::Result<usize> {
        poll_fn(|cx| self.poll_read_once(cx)).await
    }

    fn poll_read_once(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let room = self.read_size.max(self.want.saturating_sub(self.rbuf.len()));
        self.rbuf.reserve(room);
        let n = ready!(tokio_util::io::poll_read_buf(Pin::new(&mut self.io), cx, &mut self.rbuf))?;
        Poll::Ready(Ok(n))
    }

    // ----- the open connection ---------------------------------------------

    /// Writes everything queued, then flushes the transport.
    fn poll_write_all(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while !self.conn.pending().is_empty() {
            let n = ready!(Pin::new(&mut self.io).poll_write(cx, self.conn.pending()))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.conn.sender().advance(n)?;
            self.unflushed = true;
        }
        if self.unflushed {
            ready!(Pin::new(&mut self.io).poll_flush(cx))?;
            self.unflushed = false;
        }
        Poll::Ready(Ok(()))
    }

    /// Ready once at most `max_pending` bytes are queued.
    fn poll_room(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.conn.pending().len() > self.max_pending {
            ready!(self.poll_write_all(cx))?;
        }
        Poll::Ready(Ok(()))
    }

    /// Queues one message in the core.
    fn queue(&mut self, msg: &Message) -> io::Result<()> {
        let tx = self.conn.sender();
        let queued = match msg {
            Message::Text(text) => tx.send_text(text),
            Message::Binary(data) => tx.send_binary(data),
            Message::Ping(data) => tx.send_ping(data),
            Message::Pong(data) => tx.send_pong(data),
            Message::Close(frame) => {
                let (code, reason) = match frame {
                    Some(frame) => (frame.code, frame.reason.as_str()),
                    None => (CloseCode::NORMAL, ""),
                };
                match tx.send_close(code, reason) {
                    // Ours is queued already (the automatic reply).
                    Err(UsageError::AlreadyClosing) => Ok(()),
                    other => other,
                }
            }
        };
        Ok(queued?)
    }

    /// True once the close deadline has passed (arming it on first use).
    fn poll_deadline(&mut self, cx: &mut Context<'_>) -> bool {
        let timeout = self.close_timeout;
        let deadline = self.deadline.get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        deadline.as_mut().poll(cx).is_ready()
    }

    /// Ends the stream: one attempt to shut the transport down (a peer that
    /// does not read may keep it from finishing; dropping the WebSocket
    /// closes it anyway).
    fn finish(&mut self, cx: &mut Context<'_>) {
        let _ = Pin::new(&mut self.io).poll_shutdown(cx);
        self.done = true;
    }

    /// Whether the frame at the start of `rbuf` is a whole unfragmented,
    /// uncompressed data message that has not fully arrived: then it waits
    /// in `rbuf` until it has, so that the core delivers it where it lies
    /// and a large binary message is split off without a copy (given in
    /// pieces, the core would assemble it in a buffer of its own).
    fn wait_for_whole_frame(&mut self) -> bool {
        self.want = 0;
        if self.rbuf.is_empty() || !self.open || self.conn.is_mid_message() {
            return false;
        }
        match HeaderDecoder::new().decode(&self.rbuf, &self.peek_rules) {
            Ok((header_len, Some(header))) => {
                let data = matches!(header.opcode, OpCode::Text | OpCode::Binary);
                if !data || !header.fin || header.rsv != 0 || header.payload_len > self.max_message as u64 {
                    return false;
                }
                let total = header_len as u64 + header.payload_len;
                if total <= self.rbuf.len() as u64 {
                    return false;
                }
                self.want = total as usize;
                true
            }
            // A header in pieces: wait for the rest (at most 14 bytes).
            Ok((_, None)) => true,
            // The core reports the fault.
            Err(_) => false,
        }
    }

    /// One call to the core's `read` over `rbuf`.
    fn step(&mut self) -> Result<Step, wsproto::Error> {
        let base = self.rbuf.as_ptr() as usize;
        let len = self.rbuf.len();
        let read = self.conn.read(&mut self.rbuf[..])?;
        let consumed = read.consumed;
        let step = match read.event {
            None => Step::Need,
            Some(Event::Message(wsproto::Message::Binary(data))) if data.len() >= ZERO_COPY_MIN => {
                let at = (data.as_ptr() as usize).wrapping_sub(base);
                if at < len && at + data.len() <= consumed {
                    // Delivered where it lies in `rbuf`: split it off below.
                    Step::InPlace(at, data.len())
                } else {
                    Step::Message(Message::Binary(Bytes::copy_from_slice(data)))
                }
            }
            Some(Event::Message(msg)) => Step::Message(Message::from_core(msg)),
            Some(Event::Ping(data)) => Step::Control(Message::Ping(Bytes::copy_from_slice(data))),
            Some(Event::Pong(data)) => Step::Message(Message::Pong(Bytes::copy_from_slice(data))),
            Some(Event::Close(frame)) => {
                // RFC 6455 §5.5.1: a Close without a status code is `None`.
                let frame = (frame.code != CloseCode::NO_STATUS).then(|| CloseFrame::new(frame.code, frame.reason));
                self.peer_closed = true;
                Step::Control(Message::Close(frame))
            }
            Some(_) => Step::Nothing,
        };
        if let Step::InPlace(at, len) = step {
            let frame = self.rbuf.split_to(consumed).freeze();
            return Ok(Step::Message(Message::Binary(frame.slice(at..at + len))));
        }
        self.rbuf.advance(consumed);
        Ok(step)
    }

    /// Ends the stream on a transport error. Once the close handshake is
    /// complete (the peer's Close arrived, and ours was sent or is its
    /// reply), a reset or a broken pipe is how some peers close TCP (the
    /// suite's fuzzing server does): nothing is lost, so the stream ends as
    /// it would at EOF. Any other error is reported.
    fn transport_failed(&mut self, e: io::Error) -> Option<io::Result<Message>> {
        self.done = true;
        let reset = matches!(
            e.kind(),
            io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted | io::ErrorKind::BrokenPipe
        );
        if reset && self.peer_closed && self.conn.state() == State::Closed {
            return None;
        }
        Some(Err(e))
    }

    fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<io::Result<Message>>> {
        loop {
            if self.done {
                return Poll::Ready(None);
            }
            if self.failure.is_some() {
                // Write the Close frame the core queued for the failure,
                // within the close timeout, then report it.
                if self.poll_write_all(cx).is_pending() && !self.poll_deadline(cx) {
                    return Poll::Pending;
                }
                self.finish(cx);
                return Poll::Ready(self.failure.take().map(Err));
            }
            if !self.eof && !self.wait_for_whole_frame() {
                match self.step() {
                    Err(e) => {
                        self.failure = Some(e.into());
                        continue;
                    }
                    Ok(Step::Need | Step::InPlace(..)) => {}
                    Ok(Step::Nothing) => continue,
                    Ok(Step::Message(msg)) => return Poll::Ready(Some(Ok(msg))),
                    Ok(Step::Control(msg)) => {
                        // The Pong or the Close reply is queued: write it
                        // now if the transport takes it, so that it does not
                        // wait for the caller's next read or write (a caller
                        // who stops reading at the Close has answered it).
                        if let Poll::Ready(Err(e)) = self.poll_write_all(cx) {
                            // After a complete close handshake the Close
                            // itself is still handed out; the stream ends
                            // after it.
                            if let Some(failed) = self.transport_failed(e) {
                                return Poll::Ready(Some(failed));
                            }
                        }
                        return Poll::Ready(Some(Ok(msg)));
                    }
                }
            }
            // Write what is queued: pongs, the close reply, messages fed.
            let written = match self.poll_write_all(cx) {
                Poll::Ready(Ok(())) => true,
                Poll::Ready(Err(e)) => return Poll::Ready(self.transport_failed(e)),
                Poll::Pending => false,
            };
            // RFC 6455 §7.1.1: the server closes TCP first, once the close
            // handshake is done and everything is written.
            if written && self.conn.transport_action() == TransportAction::Close {
                if Pin::new(&mut self.io).poll_shutdown(cx).is_pending() && !self.poll_deadline(cx) {
                    return Poll::Pending;
                }
                self.done = true;
                return Poll::Ready(None);
            }
            if self.conn.state() != State::Open && self.poll_deadline(cx) {
                self.finish(cx);
                return Poll::Ready(Some(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the close handshake timed out",
                ))));
            }
            if self.eof {
                // Nothing more arrives; end once what is queued is written.
                if written {
                    self.finish(cx);
                    return Poll::Ready(None);
                }
                return Poll::Pending;
            }
            // Backpressure: while the peer does not take what is queued,
            // read nothing that could make us queue more.
            if !written && self.conn.pending().len() > self.max_pending {
                return Poll::Pending;
            }
            match ready!(self.poll_read_once(cx)) {
                Err(e) => return Poll::Ready(self.transport_failed(e)),
                Ok(0) => {
                    self.eof = true;
                    match self.conn.read_eof() {
                        // RFC 6455 §7.1.5: 1006, no close handshake.
                        Ok(Some(_)) => {
                            self.failure = Some(io::Error::new(
                                io::ErrorKind::UnexpectedEof,
                                "the peer closed the transport without a close handshake (1006)",
                            ))
                        }
                        Ok(None) => {}
                        Err(e) => self.failure = Some(e.into()),
                    }
                }
                Ok(_) => {}
            }
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Stream for WebSocket<S> {
    type Item = io::Result<Message>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_recv(cx)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Sink<Message> for WebSocket<S> {
    type Error = io::Error;

    /// Ready once at most [`Options::max_pending`] bytes are queued.
    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().poll_room(cx)
    }

    /// Queues the message (see [`WebSocket::send`] for Close).
    fn start_send(self: Pin<&mut Self>, msg: Message) -> io::Result<()> {
        self.get_mut().queue(&msg)
    }

    /// Writes everything queued and flushes the transport.
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().poll_write_all(cx)
    }

    /// Queues a Close 1000 (unless a Close was sent already) and writes
    /// everything queued. It does not wait for the peer's reply: use
    /// [`WebSocket::close`], or keep reading the stream until it ends.
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.conn.state() == State::Open {
            this.conn.sender().send_close(CloseCode::NORMAL, "")?;
        }
        this.poll_write_all(cx)
    }
}
