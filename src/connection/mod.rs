//! The connection state machine: Connecting → Open → Closing → Closed.
//!
//! # How to drive a [`Connection`]
//!
//! Methods fall in four groups:
//!
//! - **Inputs.** [`Connection::read`] takes the caller's `&mut [u8]`,
//!   unmasks in place, and returns one event at most, borrowing that buffer,
//!   plus how many bytes it consumed. [`Connection::feed`] and
//!   [`Connection::poll`] are the buffered alternative: feed bytes, poll
//!   events. [`Connection::read_eof`] reports that the transport reached
//!   EOF.
//! - **Commands.** Everything that queues a frame lives on [`Sender`]:
//!   [`Connection::sender`] returns it, and so does every [`Received`], so that
//!   a message can be sent back while its event still borrows the
//!   connection.
//! - **Outputs.** [`Sender::pending`] is what to write;
//!   [`Sender::advance`] says how much was written.
//! - **Getters.** [`Connection::state`], [`Connection::transport_action`],
//!   [`Connection::heap_size`].
//!
//! A driver loop, in order: read from the transport; call `read` until it
//! returns no event *and* has consumed everything; handle each event;
//! write `pending()` and `advance()`; then ask `transport_action()`
//! whether to close the transport. On EOF call `read_eof` once.

mod recv;
mod send;

use alloc::boxed::Box;
use alloc::vec::Vec;

pub use send::Sender;

use crate::config::Config;
use crate::frame::{CloseCode, HeaderRules, Role};
use crate::handshake::{
    reject_response, AcceptOptions, ClientHandshake, ClientOptions, HttpResponse, Incoming, Negotiated, OptionsError,
    Reply, Request, ServerConfig, ServerHandshake, Status, UpgradeRequest, WsUri,
};
use crate::rng::RandomSource;
use crate::{Error, UsageError};
use recv::Receiver;

/// The kind of a data message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// UTF-8 text (opcode 0x1).
    Text,
    /// Binary data (opcode 0x2).
    Binary,
}

/// A whole data message, borrowed from the caller's buffer (a message that
/// arrived in one frame) or from the connection's assembly buffer (a
/// fragmented one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message<'a> {
    /// A text message, already checked to be UTF-8.
    Text(&'a str),
    /// A binary message.
    Binary(&'a [u8]),
}

impl<'a> Message<'a> {
    /// The kind of the message.
    pub fn kind(&self) -> MessageKind {
        match self {
            Message::Text(_) => MessageKind::Text,
            Message::Binary(_) => MessageKind::Binary,
        }
    }

    /// The payload bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        match self {
            Message::Text(text) => text.as_bytes(),
            Message::Binary(data) => data,
        }
    }
}

/// A piece of a data message, in [`crate::Delivery::Chunks`] mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk<'a> {
    /// The kind of the message this piece belongs to.
    pub kind: MessageKind,
    /// The bytes, unmasked. For text, the bytes so far are valid UTF-8 but
    /// this piece may begin or end inside a character.
    pub data: &'a [u8],
    /// This is the first piece of the message.
    pub first: bool,
    /// This is the last piece: the message is complete (and, for text,
    /// checked to be valid UTF-8 as a whole).
    pub last: bool,
}

/// The peer's Close frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseFrame<'a> {
    /// The status code; [`CloseCode::NO_STATUS`] when the frame had none,
    /// [`CloseCode::ABNORMAL`] for EOF before the close handshake.
    pub code: CloseCode,
    /// The reason, checked to be UTF-8. Often empty.
    pub reason: &'a str,
}

/// What happened. Each variant says what the caller does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'a> {
    /// The opening handshake completed: the connection is Open. Carries
    /// the negotiated subprotocol and extensions. Nothing to do but carry on
    /// reading; a client may have frames right behind it in the same input.
    HandshakeComplete(&'a Negotiated),
    /// A server received a valid upgrade request. Look at it (path, origin,
    /// subprotocols, extensions, headers), then call
    /// [`Connection::accept`] or [`Connection::respond`]. Until you do,
    /// reads return no event and consume nothing.
    UpgradeRequest(&'a UpgradeRequest),
    /// A server received a plain HTTP request (no `Upgrade` header), such
    /// as a browser asking for the page that opens the WebSocket. Answer
    /// with [`Connection::respond`]; then the transport is closed.
    HttpRequest(&'a Request),
    /// A client's upgrade was answered with another status (401, 3xx,
    /// 5xx…), with its headers and the body bytes that arrived. The
    /// connection is Closed: authenticate or follow the redirect on a new
    /// one.
    HttpResponse(&'a HttpResponse),
    /// A whole message ([`crate::Delivery::Messages`]). Handle it before the
    /// next read: it borrows the input or the connection.
    Message(Message<'a>),
    /// A piece of a message ([`crate::Delivery::Chunks`]).
    Chunk(Chunk<'a>),
    /// A Ping. With [`Config::auto_pong`] on (the default) the Pong is
    /// already queued: just write [`Sender::pending`]. Otherwise answer
    /// with [`Sender::send_pong`].
    Ping(&'a [u8]),
    /// A Pong.
    Pong(&'a [u8]),
    /// The peer's Close frame, or EOF before the close handshake (code
    /// 1006, from [`Connection::read_eof`]). With
    /// [`Config::auto_close_reply`] on (the default) our Close is queued:
    /// write [`Sender::pending`], then follow
    /// [`Connection::transport_action`].
    Close(CloseFrame<'a>),
}

/// The result of one [`Connection::read`] or [`Connection::poll`].
#[must_use = "the consumed count and the event must be handled"]
#[derive(Debug)]
pub struct Received<'a> {
    /// Input bytes used. Drop them from your buffer (after handling the
    /// event, which may borrow them). When `event` is `None`, this is all of
    /// the input: a partial header is kept inside the connection, so the
    /// next read starts with fresh bytes.
    pub consumed: usize,
    /// The event, if one is ready. `None` means "need more input".
    pub event: Option<Event<'a>>,
    /// The send half, usable while `event` still borrows the connection.
    pub sender: &'a mut Sender,
}

/// The phase of the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// The opening handshake is in progress.
    Connecting,
    /// Both directions carry data.
    Open,
    /// One Close frame has been sent or received, not both.
    Closing,
    /// Both Close frames were exchanged, the connection failed, or the
    /// transport reached EOF.
    Closed,
}

/// What the IO layer should do with the transport now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransportAction {
    /// Keep reading, and keep writing [`Sender::pending`].
    Continue,
    /// Close the transport now: everything pending has been written.
    /// Returned to a server after the close handshake (RFC 6455 §7.1.1:
    /// "the server ... SHOULD close the underlying TCP connection
    /// first"), and to both roles after a failure or EOF.
    Close,
    /// A client after a clean close handshake: wait for the server to
    /// close the TCP connection, for a bounded time that the IO layer
    /// enforces (a few seconds is usual), then close it yourself.
    WaitForPeerClose,
}

/// The handshake phase, or Open.
#[derive(Debug)]
enum Phase {
    /// A client waits for the server's 101.
    Client(Box<ClientHandshake>),
    /// A server reads the request head.
    Server(Box<ServerHandshake>),
    /// A server waits for the application to accept or answer.
    UpgradeRequested(Box<UpgradeRequest>),
    /// A server waits for the application to answer a plain HTTP request.
    HttpRequested(Box<Request>),
    /// A client got a non-101 answer.
    HttpAnswered(Box<HttpResponse>),
    /// The HTTP exchange is over without an upgrade.
    Ended,
    /// The WebSocket connection is open (and perhaps closing or closed).
    Open,
}

/// A negotiation with no subprotocol and no extension.
static NOTHING_NEGOTIATED: Negotiated = Negotiated { protocol: None, extensions: Vec::new() };

/// Everything but the buffered input, so that [`Connection::poll`] can lend
/// out the input buffer and the rest of the connection separately.
struct Core {
    config: Config,
    rules: HeaderRules,
    phase: Phase,
    /// Kept only when something was negotiated, so that a plain connection
    /// holds no heap for it.
    negotiated: Option<Box<Negotiated>>,
    /// `HandshakeComplete` is still to be reported (server, after accept).
    announce: bool,
    rx: Receiver,
    tx: Sender,
}

/// A WebSocket connection in one role. It performs no IO: see the module
/// docs for the driver loop.
pub struct Connection {
    core: Core,
    /// The buffered input path's buffer: bytes `in_start..in_end` are
    /// received and not consumed; the rest is room to read into.
    inbuf: Vec<u8>,
    in_start: usize,
    in_end: usize,
}

impl core::fmt::Debug for Connection {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Connection")
            .field("role", &self.core.rules.role)
            .field("state", &self.state())
            .field("pending_len", &self.core.tx.pending_len())
            .finish_non_exhaustive()
    }
}

impl Core {
    fn new(role: Role, config: Config, rng: Option<Box<dyn RandomSource>>, phase: Phase) -> Core {
        let rules = HeaderRules {
            role,
            allowed_rsv: 0,
            accept_unmasked: config.accept_unmasked_frames,
            max_payload: config.max_frame_size,
        };
        let open = matches!(phase, Phase::Open);
        Core {
            config,
            rules,
            phase,
            negotiated: None,
            announce: false,
            rx: Receiver::default(),
            tx: Sender::new(role, rng, open),
        }
    }

    fn read<'a>(&'a mut self, input: &'a mut [u8], hold: bool) -> Result<Received<'a>, Error> {
        let Core { config, rules, phase, negotiated, announce, rx, tx } = self;
        if !matches!(phase, Phase::Open) {
            if let Some(e) = &rx.error {
                return Err(e.clone());
            }
            let (consumed, event) = handshake_step(phase, negotiated, rx, tx, input)?;
            return Ok(Received { consumed, event, sender: tx });
        }
        if core::mem::take(announce) {
            let negotiated = negotiated.as_deref().unwrap_or(&NOTHING_NEGOTIATED);
            return Ok(Received { consumed: 0, event: Some(Event::HandshakeComplete(negotiated)), sender: tx });
        }
        let (consumed, event) = rx.read(input, hold, tx, config, rules)?;
        Ok(Received { consumed, event, sender: tx })
    }
}

/// One step of the opening handshake on `input`.
fn handshake_step<'a>(
    phase: &'a mut Phase,
    negotiated: &'a mut Option<Box<Negotiated>>,
    rx: &mut Receiver,
    tx: &mut Sender,
    input: &[u8],
) -> Result<(usize, Option<Event<'a>>), Error> {
    let parsed = match phase {
        Phase::Client(hs) => hs.parse(input).map_err(Error::Response).map(|s| match s {
            Status::Partial => Status::Partial,
            Status::Complete { value: Reply::Upgraded(n), consumed } => {
                Status::Complete { value: Step::Upgraded(n), consumed }
            }
            Status::Complete { value: Reply::NotUpgraded(r), consumed } => {
                Status::Complete { value: Step::Answered(r), consumed }
            }
        }),
        Phase::Server(hs) => hs.parse(input).map_err(Error::Request).map(|s| match s {
            Status::Partial => Status::Partial,
            Status::Complete { value: Incoming::WebSocket(r), consumed } => {
                Status::Complete { value: Step::Requested(Box::new(r)), consumed }
            }
            Status::Complete { value: Incoming::Http(r), consumed } => {
                Status::Complete { value: Step::Http(Box::new(r)), consumed }
            }
        }),
        // Waiting for the application: the input (perhaps the client's
        // first frames) stays where it is until it answers.
        Phase::UpgradeRequested(_) | Phase::HttpRequested(_) => return Ok((0, None)),
        // The HTTP exchange is over and the transport is closing: whatever
        // else arrives (a pipelined request, the rest of a body) is dropped.
        Phase::HttpAnswered(_) | Phase::Ended | Phase::Open => return Ok((input.len(), None)),
    };
    let (step, consumed) = match parsed {
        Ok(Status::Partial) => return Ok((input.len(), None)),
        Ok(Status::Complete { value, consumed }) => (value, consumed),
        Err(error) => {
            // A server answers a broken request with the ready response
            // (400, 403, 426 or 431) and then closes.
            if let Error::Request(e) = &error {
                tx.queue_raw(&e.response());
            }
            *phase = Phase::Ended;
            tx.fail(&error);
            rx.error = Some(error.clone());
            return Err(error);
        }
    };
    match step {
        Step::Upgraded(n) => {
            *negotiated = keep_negotiated(n);
            *phase = Phase::Open;
            tx.open = true;
            let n = negotiated.as_deref().unwrap_or(&NOTHING_NEGOTIATED);
            return Ok((consumed, Some(Event::HandshakeComplete(n))));
        }
        Step::Answered(r) => *phase = Phase::HttpAnswered(Box::new(r)),
        Step::Requested(r) => *phase = Phase::UpgradeRequested(r),
        Step::Http(r) => *phase = Phase::HttpRequested(r),
    }
    let event = match phase {
        Phase::HttpAnswered(r) => Event::HttpResponse(r),
        Phase::UpgradeRequested(r) => Event::UpgradeRequest(r),
        Phase::HttpRequested(r) => Event::HttpRequest(r),
        _ => return Ok((consumed, None)),
    };
    Ok((consumed, Some(event)))
}

/// What a complete head led to.
enum Step {
    Upgraded(Negotiated),
    Answered(HttpResponse),
    Requested(Box<UpgradeRequest>),
    Http(Box<Request>),
}

/// Whether the connection can run what was negotiated: it implements no
/// extension yet, and never accepts one it would then ignore.
fn check_supported(n: &Negotiated) -> Result<(), OptionsError> {
    if n.extensions.is_empty() {
        Ok(())
    } else {
        Err(OptionsError::UnsupportedExtension)
    }
}

fn keep_negotiated(n: Negotiated) -> Option<Box<Negotiated>> {
    (n != NOTHING_NEGOTIATED).then(|| Box::new(n))
}

impl Connection {
    fn from_core(core: Core) -> Connection {
        Connection { core, inbuf: Vec::new(), in_start: 0, in_end: 0 }
    }

    /// A server connection in the Open state, for a connection whose
    /// upgrade was handled elsewhere (hyper, or HTTP/2 extended CONNECT per
    /// RFC 8441). `negotiated` is what that handshake settled (use
    /// `Negotiated::default()` for nothing); the connection reports it from
    /// [`Connection::negotiated`] and applies its extensions. An extension
    /// the connection does not implement is refused: it would have to
    /// apply it to every frame.
    ///
    /// ```
    /// use wsproto::handshake::Negotiated;
    /// use wsproto::{Config, Connection};
    /// let conn = Connection::open_server(Config::default(), Negotiated::with_protocol("chat")).unwrap();
    /// assert_eq!(conn.negotiated().protocol.as_deref(), Some("chat"));
    /// ```
    pub fn open_server(config: Config, negotiated: Negotiated) -> Result<Connection, UsageError> {
        check_supported(&negotiated).map_err(UsageError::Options)?;
        let mut core = Core::new(Role::Server, config, None, Phase::Open);
        core.negotiated = keep_negotiated(negotiated);
        Ok(Connection::from_core(core))
    }

    /// A client connection in the Open state, for a connection whose
    /// upgrade was handled elsewhere. `negotiated` is what that handshake
    /// settled, as for [`Connection::open_server`]; `rng` provides the
    /// masking keys.
    ///
    /// ```
    /// # #[cfg(feature = "os-rng")] {
    /// use wsproto::handshake::Negotiated;
    /// use wsproto::{ChaChaRng, Config, Connection};
    /// let conn = Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_os()).unwrap();
    /// # }
    /// ```
    pub fn open_client(
        config: Config,
        negotiated: Negotiated,
        rng: impl RandomSource + 'static,
    ) -> Result<Connection, UsageError> {
        check_supported(&negotiated).map_err(UsageError::Options)?;
        let mut core = Core::new(Role::Client, config, Some(Box::new(rng)), Phase::Open);
        core.negotiated = keep_negotiated(negotiated);
        Ok(Connection::from_core(core))
    }

    /// A server connection that starts by reading the client's upgrade
    /// request from raw transport bytes. The first event is
    /// [`Event::UpgradeRequest`] (answer with [`Connection::accept`] or
    /// [`Connection::respond`]) or [`Event::HttpRequest`] (answer with
    /// [`Connection::respond`]). A broken request is an
    /// [`Error::Request`] whose HTTP answer (400, 403, 426 or 431) is
    /// already queued.
    pub fn server(config: Config, handshake: ServerConfig) -> Connection {
        let phase = Phase::Server(Box::new(ServerHandshake::new(handshake)));
        Connection::from_core(Core::new(Role::Server, config, None, phase))
    }

    /// A client connection to `uri`. The upgrade request, with a fresh key
    /// from `rng`, is queued at once: write [`Sender::pending`], then read.
    /// The first event is [`Event::HandshakeComplete`] or
    /// [`Event::HttpResponse`]. Offering an extension the connection does
    /// not implement is refused ([`OptionsError::UnsupportedExtension`]). The IO layer connects to
    /// [`WsUri::host`]:[`WsUri::port`] and does TLS when
    /// [`WsUri::is_secure`].
    pub fn client(
        uri: &WsUri,
        options: &ClientOptions,
        config: Config,
        mut rng: impl RandomSource + 'static,
    ) -> Result<Connection, OptionsError> {
        let (handshake, request) = ClientHandshake::new(uri, options, &mut rng)?;
        // An offered extension would have to be applied to every frame if
        // the server accepted it; the connection implements none yet.
        if options.offers_extensions() {
            return Err(OptionsError::UnsupportedExtension);
        }
        let mut core = Core::new(Role::Client, config, Some(Box::new(rng)), Phase::Client(Box::new(handshake)));
        core.tx.queue_raw(&request);
        Ok(Connection::from_core(core))
    }

    /// Accepts the upgrade request reported by [`Event::UpgradeRequest`]:
    /// queues the 101 response with the chosen subprotocol and extra
    /// headers. An extension the connection does not implement is refused
    /// ([`OptionsError::UnsupportedExtension`]). The connection is Open; the next read reports
    /// [`Event::HandshakeComplete`] and then the client's frames.
    pub fn accept(&mut self, options: &AcceptOptions) -> Result<(), UsageError> {
        let core = &mut self.core;
        let Phase::UpgradeRequested(request) = &core.phase else {
            return Err(UsageError::WrongState);
        };
        // The connection would have to apply an accepted extension to every
        // frame; it implements none yet, and never accepts one it would
        // then ignore.
        let tx = &mut core.tx;
        let negotiated = request
            .accept_with(options, check_supported, |response| tx.queue_raw(response))
            .map_err(UsageError::Options)?;
        core.tx.open = true;
        core.negotiated = keep_negotiated(negotiated);
        core.announce = true;
        core.phase = Phase::Open;
        Ok(())
    }

    /// Answers the request reported by [`Event::UpgradeRequest`] or
    /// [`Event::HttpRequest`] with an HTTP response (a page, a 404, a 401
    /// with `WWW-Authenticate`, a redirect…). `Content-Length` is added
    /// from `body`. The connection is then Closed: write what is pending
    /// and close the transport.
    pub fn respond(
        &mut self,
        status: u16,
        reason: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<(), UsageError> {
        let core = &mut self.core;
        if !matches!(core.phase, Phase::UpgradeRequested(_) | Phase::HttpRequested(_)) {
            return Err(UsageError::WrongState);
        }
        let response = reject_response(status, reason, headers, body).map_err(UsageError::Options)?;
        core.tx.queue_raw(&response);
        core.phase = Phase::Ended;
        Ok(())
    }

    /// What the handshake negotiated (nothing until it completes).
    pub fn negotiated(&self) -> &Negotiated {
        self.core.negotiated.as_deref().unwrap_or(&NOTHING_NEGOTIATED)
    }

    /// The role of this end.
    pub fn role(&self) -> Role {
        self.core.rules.role
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.core.config
    }

    /// Processes bytes in the caller's buffer, unmasking in place. Returns
    /// at most one event, which may borrow `input`, and how many bytes of
    /// `input` were consumed. Call again with the rest of the input until
    /// no event is returned.
    ///
    /// An error is a fault of the peer: the Close frame (or, for a server
    /// during the handshake, the HTTP answer) that goes with it is queued,
    /// and every later read returns the same error.
    pub fn read<'a>(&'a mut self, input: &'a mut [u8]) -> Result<Received<'a>, Error> {
        self.core.read(input, false)
    }

    /// Room to read transport bytes into, at least `min` bytes, inside the
    /// connection's own input buffer: the buffered path without a copy.
    /// Read into it, report how many bytes arrived with
    /// [`Connection::input_written`], then [`Connection::poll`].
    ///
    /// ```
    /// # use wsproto::{handshake::Negotiated, ChaChaRng, Config, Connection, Event, Message};
    /// let mut conn = Connection::open_client(Config::default(), Negotiated::default(), ChaChaRng::from_seed([0; 32])).unwrap();
    /// let from_socket = b"\x81\x05Hello";
    /// let room = conn.input_buffer(4096);
    /// room[..from_socket.len()].copy_from_slice(from_socket); // socket.read(room)
    /// conn.input_written(from_socket.len()).unwrap();
    /// assert_eq!(conn.poll().unwrap().event, Some(Event::Message(Message::Text("Hello"))));
    /// ```
    pub fn input_buffer(&mut self, min: usize) -> &mut [u8] {
        if self.in_start == self.in_end {
            (self.in_start, self.in_end) = (0, 0);
        }
        // Move what is unconsumed (usually the start of the next frame) to
        // the front while that is cheaper than the room it frees, so that a
        // large frame held until whole is not moved when nearly complete.
        if self.in_start > 0 && self.in_end - self.in_start < self.in_start {
            self.inbuf.copy_within(self.in_start..self.in_end, 0);
            self.in_end -= self.in_start;
            self.in_start = 0;
        }
        if self.inbuf.len() - self.in_end < min {
            if self.in_start > 0 {
                self.inbuf.copy_within(self.in_start..self.in_end, 0);
                self.in_end -= self.in_start;
                self.in_start = 0;
            }
            let want = self.in_end.saturating_add(min);
            if self.inbuf.len() < want {
                // Grow geometrically, and expose all the room allocated.
                self.inbuf.reserve(want - self.inbuf.len());
                self.inbuf.resize(self.inbuf.capacity(), 0);
            }
        }
        &mut self.inbuf[self.in_end..]
    }

    /// Reports that `n` bytes were written at the start of the room that
    /// [`Connection::input_buffer`] returned.
    pub fn input_written(&mut self, n: usize) -> Result<(), UsageError> {
        if n > self.inbuf.len() - self.in_end {
            return Err(UsageError::InputOverrun);
        }
        self.in_end += n;
        Ok(())
    }

    /// Buffers received bytes for [`Connection::poll`] (a copy; read into
    /// [`Connection::input_buffer`] to avoid it). The buffer holds what is
    /// fed and not yet polled, and a message that arrives in one frame is
    /// kept in it until it is whole, then delivered from it without
    /// a copy. Do not mix this path with [`Connection::read`] on one
    /// connection: a frame held here is unmasked in place as it arrives.
    pub fn feed(&mut self, data: &[u8]) {
        self.input_buffer(data.len())[..data.len()].copy_from_slice(data);
        self.in_end += data.len();
    }

    /// Returns the next event from the bytes given to [`Connection::feed`]
    /// or [`Connection::input_written`], or no event when more bytes are
    /// needed. `consumed` counts bytes of the internal buffer and needs no
    /// action.
    pub fn poll(&mut self) -> Result<Received<'_>, Error> {
        let read = self.core.read(&mut self.inbuf[self.in_start..self.in_end], true)?;
        self.in_start += read.consumed;
        Ok(read)
    }

    /// Reports that the transport reached EOF. Before the close handshake
    /// finished this is an abnormal closure: the result is a Close event
    /// with code 1006 ([`CloseCode::ABNORMAL`]). After it, or after a
    /// failure, there is no event. During the opening handshake it is an
    /// error, [`Error::HandshakeEof`]: the peer went away before the handshake completed.
    pub fn read_eof(&mut self) -> Result<Option<Event<'static>>, Error> {
        let core = &mut self.core;
        if core.rx.error.is_some() {
            // The failure was reported already; the transport is closing.
            core.rx.eof = true;
            return Ok(None);
        }
        match core.phase {
            Phase::Open => {}
            // The WebSocket cannot open without the peer: the handshake
            // failed. (A server waiting for the application to accept
            // counts: the client is gone.)
            Phase::Client(_) | Phase::Server(_) | Phase::UpgradeRequested(_) => {
                let error = Error::HandshakeEof;
                core.phase = Phase::Ended;
                core.tx.fail(&error);
                core.rx.error = Some(error.clone());
                return Err(error);
            }
            // A plain HTTP client may close its sending side and still wait
            // for the answer: `respond` stays possible.
            Phase::HttpRequested(_) => {
                core.rx.eof = true;
                return Ok(None);
            }
            Phase::HttpAnswered(_) | Phase::Ended => {
                core.rx.eof = true;
                return Ok(None);
            }
        }
        // Nothing is reported after the Close event, not even a
        // HandshakeComplete still to be announced, and nothing more can be
        // sent: the transport is gone.
        core.announce = false;
        core.tx.failed = true;
        let clean = core.rx.close_received || core.rx.eof;
        core.rx.eof = true;
        if clean {
            return Ok(None);
        }
        Ok(Some(Event::Close(CloseFrame { code: CloseCode::ABNORMAL, reason: "" })))
    }

    /// The send half: queue messages, control frames and the Close frame,
    /// and drain the outgoing queue.
    pub fn sender(&mut self) -> &mut Sender {
        &mut self.core.tx
    }

    /// The phase of the connection.
    pub fn state(&self) -> State {
        let core = &self.core;
        let (rx, tx) = (&core.rx, &core.tx);
        match core.phase {
            Phase::Open => {}
            Phase::Ended | Phase::HttpAnswered(_) => return State::Closed,
            _ if rx.error.is_some() => return State::Closed,
            _ => return State::Connecting,
        }
        if rx.error.is_some() || rx.eof || (tx.close_sent && rx.close_received) {
            State::Closed
        } else if tx.close_sent || rx.close_received {
            State::Closing
        } else {
            State::Open
        }
    }

    /// What to do with the transport now. Ask after writing what is pending.
    pub fn transport_action(&self) -> TransportAction {
        let core = &self.core;
        if self.state() != State::Closed || core.tx.pending_len() > 0 {
            return TransportAction::Continue;
        }
        let clean_close = matches!(core.phase, Phase::Open) && core.rx.error.is_none() && !core.rx.eof;
        if clean_close && core.rules.role == Role::Client {
            TransportAction::WaitForPeerClose
        } else {
            TransportAction::Close
        }
    }

    /// Whether a frame or message has partly arrived.
    pub fn is_mid_message(&self) -> bool {
        self.core.rx.is_mid_message()
    }

    /// Hands the connection's buffers back to the allocator where they are
    /// empty: call it when a connection goes idle. An idle open connection
    /// then holds no heap memory, except a client's random source and a
    /// negotiated subprotocol or extension. The buffers grow again on
    /// demand.
    pub fn release_memory(&mut self) {
        self.core.rx.release_memory();
        self.core.tx.release_memory();
        if self.in_start == self.in_end {
            self.inbuf = Vec::new();
            (self.in_start, self.in_end) = (0, 0);
        }
    }

    /// Heap bytes held by the connection's buffers (not counting a client's
    /// random source or the negotiated settings).
    pub fn heap_size(&self) -> usize {
        self.core.rx.heap_size() + self.core.tx.heap_size() + self.inbuf.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A masked Ping, as a client sends it.
    fn masked_ping(payload: &[u8]) -> Vec<u8> {
        let mut frame = alloc::vec![0x89, 0x80 | payload.len() as u8, 1, 2, 3, 4];
        let start = frame.len();
        frame.extend_from_slice(payload);
        crate::frame::apply_mask(&mut frame[start..], [1, 2, 3, 4], 0);
        frame
    }

    fn read_all(conn: &mut Connection, mut input: Vec<u8>) {
        let mut start = 0;
        while let Ok(read) = conn.read(&mut input[start..]) {
            start += read.consumed;
            if read.event.is_none() {
                break;
            }
        }
    }

    fn pong(i: u32) -> [u8; 6] {
        let b = i.to_be_bytes();
        [0x8A, 4, b[0], b[1], b[2], b[3]]
    }

    #[test]
    fn a_burst_of_pings_gets_every_pong() {
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        for i in 0..10u32 {
            read_all(&mut conn, masked_ping(&i.to_be_bytes()));
        }
        let expect: Vec<u8> = (0..10).flat_map(pong).collect();
        assert_eq!(conn.sender().pending(), &expect[..]);
    }

    #[test]
    fn a_ping_flood_keeps_16_pongs_ending_with_the_latest() {
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        for i in 0..1000u32 {
            read_all(&mut conn, masked_ping(&i.to_be_bytes()));
        }
        // RFC 6455 §5.5.3: the last Pong answers the most recent Ping.
        let expect: Vec<u8> = (0..15).chain([999]).flat_map(pong).collect();
        assert_eq!(conn.sender().pending(), &expect[..]);
        // Once the queue is written, every Ping is answered again.
        let n = conn.sender().pending_len();
        conn.sender().advance(n).unwrap();
        read_all(&mut conn, masked_ping(&7u32.to_be_bytes()));
        assert_eq!(conn.sender().pending(), &pong(7));
    }

    #[test]
    fn a_pong_partly_written_or_followed_by_data_is_kept() {
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        read_all(&mut conn, masked_ping(b"a"));
        conn.sender().advance(1).unwrap();
        read_all(&mut conn, masked_ping(b"b"));
        assert_eq!(conn.sender().pending(), &[1, b'a', 0x8A, 1, b'b']);
        conn.sender().send_text("t").unwrap();
        read_all(&mut conn, masked_ping(b"c"));
        assert_eq!(conn.sender().pending(), &[1, b'a', 0x8A, 1, b'b', 0x81, 1, b't', 0x8A, 1, b'c']);
    }

    /// A masked binary frame of `len` bytes, as a client sends it.
    fn masked_binary(len: usize) -> (Vec<u8>, Vec<u8>) {
        let payload: Vec<u8> = (0..len).map(|i| (i * 7) as u8).collect();
        let mut frame = alloc::vec![0x82, 0xFF];
        frame.extend_from_slice(&(len as u64).to_be_bytes());
        frame.extend_from_slice(&[9, 8, 7, 6]);
        let start = frame.len();
        frame.extend_from_slice(&payload);
        crate::frame::apply_mask(&mut frame[start..], [9, 8, 7, 6], 0);
        (frame, payload)
    }

    #[test]
    fn a_large_binary_frame_is_delivered_from_the_input_buffer_without_a_copy() {
        let (frame, payload) = masked_binary(1 << 20);
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        for piece in frame.chunks(1000) {
            let room = conn.input_buffer(piece.len());
            room[..piece.len()].copy_from_slice(piece);
            conn.input_written(piece.len()).unwrap();
            if piece.as_ptr_range().end != frame.as_ptr_range().end {
                let read = conn.poll().unwrap();
                assert_eq!((read.consumed, read.event), (0, None), "held until whole");
            }
        }
        // The received bytes end where the free room begins.
        let end_of_input = conn.input_buffer(0).as_ptr() as usize;
        let read = conn.poll().unwrap();
        let Some(Event::Message(Message::Binary(data))) = read.event else { panic!("no message") };
        assert_eq!(data, &payload[..]);
        assert_eq!(data.as_ptr() as usize + data.len(), end_of_input, "delivered in place");
        assert_eq!(conn.core.rx.heap_size(), 0, "the assembly buffer was not used");
    }

    #[test]
    fn input_written_past_the_room_is_refused() {
        let mut conn = Connection::open_server(Config::default(), Negotiated::default()).unwrap();
        let room = conn.input_buffer(16).len();
        assert_eq!(conn.input_written(room + 1), Err(UsageError::InputOverrun));
        conn.input_written(room).unwrap();
        assert_eq!(conn.input_written(1), Err(UsageError::InputOverrun));
    }
}
