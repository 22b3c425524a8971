//! The connection: one state machine per WebSocket connection,
//! Connecting → Open → Closing → Closed, with no IO.
//!
//! # The pipeline
//!
//! ```text
//! receive: bytes ─> frame stage ─> payload stage ─> message stage ─> events
//!                   (header, RFC   (extensions:     (fragments, fail-fast
//!                    6455 §5 rules, per-message      UTF-8, limits on the
//!                    unmask in      transform,       bytes it receives,
//!                    place)         e.g. inflate)    Messages or Chunks)
//!                        │                           ↑
//!                        ├─> in Frames delivery, data frames skip the
//!                        │   transform and reach the message stage as they are
//!                        └─> control frames ─> Ping / Pong / Close, auto replies
//! send:    message ─> one header encoder (FIN, RSV, opcode, length, mask) ─> queue
//! ```
//!
//! Each stage is a file here: `frame_decoder.rs`, `payload.rs` and
//! `message_decoder.rs`, run in order by `recv.rs`; `send.rs` is the send
//! half, `opening.rs` the opening handshake, and `state.rs` the
//! connection's state, one value per half, changed only by named
//! transitions. A whole unfragmented message that arrives in one piece
//! takes a fast path that checks the same rules and is delivered where it
//! lies.
//!
//! # How to drive a [`Connection`]
//!
//! Methods fall in four groups:
//!
//! - **Inputs.** [`Connection::read`] takes the caller's `&mut [u8]`,
//!   unmasks in place, and returns one event at most, borrowing that buffer,
//!   plus how many bytes it consumed. [`Connection::feed`] (or
//!   [`Connection::input_buffer`] and [`Connection::input_written`]) and
//!   [`Connection::poll`] are the buffered alternative: feed bytes, poll
//!   events. [`Connection::read_eof`] reports that the transport reached
//!   EOF.
//! - **Commands.** Everything that queues a frame lives on [`Sender`]:
//!   [`Connection::sender`] returns it, and so does every [`Received`], so
//!   that a message can be sent back while its event still borrows the
//!   connection. A server answers an upgrade request with
//!   [`Received::accept`] or [`Received::respond`] (or the same methods on
//!   the connection).
//! - **Outputs.** [`Connection::pending`] (or [`Sender::pending`]) is what
//!   to write; [`Sender::advance`] says how much was written.
//! - **Getters.** [`Connection::state`], [`Connection::transport_action`],
//!   [`Connection::is_mid_message`], [`Connection::heap_size`].
//!
//! A driver loop, in order: read from the transport; call `read` until it
//! returns no event *and* has consumed everything; handle each event;
//! write `pending()` and `advance()`; then ask `transport_action()`
//! whether to close the transport. On EOF call `read_eof` once.

mod event;
mod frame_decoder;
mod message_decoder;
mod opening;
mod payload;
mod recv;
mod send;
mod state;

use alloc::boxed::Box;
use alloc::vec::Vec;

pub use event::{Chunk, CloseFrame, DataFrame, Event, Message, MessageKind, Received};
pub use send::BorrowedSend;
pub use send::Sender;
pub use state::{State, TransportAction};

use crate::config::Config;
use crate::frame::{CloseCode, HeaderRules, Role};
use crate::handshake::{
    AcceptOptions, ClientHandshake, ClientOptions, Negotiated, OptionsError, ServerConfig, ServerHandshake, WsUri,
};
use crate::rng::RandomSource;
use crate::{Error, UsageError};
use opening::{keep_negotiated, start_extensions, Opening, Stages};
use recv::Receiver;
use state::{RecvState, SendState};

/// A negotiation with no subprotocol and no extension.
static NOTHING_NEGOTIATED: Negotiated = Negotiated { protocol: None, extensions: Vec::new() };

/// Fails the connection on a fault of the peer: the error becomes sticky
/// (the receive state holds it, and [`Core::read`] returns it on every call
/// after), and the Close frame that goes with it is queued when the
/// connection is open (RFC 6455 §7.1.7). The one place that does this.
fn fail(recv: &mut RecvState, tx: &mut Sender, error: Error) -> Error {
    tx.fail(&error);
    recv.move_to_failed(error.clone());
    error
}

/// Everything but the buffered input, so that [`Connection::poll`] can lend
/// out the input buffer and the rest of the connection separately.
struct Core {
    config: Config,
    rules: HeaderRules,
    /// The receive half's state (the send half's is inside `tx`).
    recv: RecvState,
    /// The opening handshake's data, while there is one.
    opening: Option<Box<Opening>>,
    /// Kept only when something was negotiated, so that a plain connection
    /// holds no heap for it.
    negotiated: Option<Box<Negotiated>>,
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
    fn new(role: Role, config: Config, rng: Option<Box<dyn RandomSource>>, opening: Option<Opening>) -> Core {
        let rules = HeaderRules {
            role,
            allowed_rsv: 0,
            accept_unmasked: config.accept_unmasked_frames,
            max_payload: config.max_frame_size,
        };
        let (recv, send) = match opening {
            None => (RecvState::open(), SendState::open()),
            Some(_) => (RecvState::connecting(), SendState::not_open()),
        };
        Core {
            config,
            rules,
            recv,
            opening: opening.map(Box::new),
            negotiated: None,
            rx: Receiver::default(),
            tx: Sender::new(role, rng, send),
        }
    }

    /// Runs what a handshake done elsewhere settled, and keeps it.
    fn start_extensions(&mut self, negotiated: Negotiated) -> Result<(), UsageError> {
        let mut stages = Stages { config: &self.config, rules: &mut self.rules, rx: &mut self.rx };
        start_extensions(&negotiated, &mut stages, &mut self.tx).map_err(UsageError::Options)?;
        self.negotiated = keep_negotiated(negotiated);
        Ok(())
    }

    #[inline]
    fn read<'a>(&'a mut self, input: &'a mut [u8], hold: bool) -> Result<Received<'a>, Error> {
        let Core { config, rules, recv, opening, negotiated, rx, tx } = self;
        // The sticky error: once failed, every read says so again.
        if let Some(e) = recv.error() {
            return Err(e.clone());
        }
        if recv.takes_frames() {
            if recv.take_announce() {
                *opening = None;
                let negotiated = negotiated.as_deref().unwrap_or(&NOTHING_NEGOTIATED);
                let event = Some(Event::HandshakeComplete(negotiated));
                return Ok(Received { consumed: 0, event, sender: tx, answer: None });
            }
            let (consumed, event) = rx.read(input, hold, recv, tx, config, rules)?;
            return Ok(Received { consumed, event, sender: tx, answer: None });
        }
        if recv.is_connecting() {
            let stages = Stages { config, rules, rx };
            return opening::step(opening, recv, negotiated, stages, tx, input);
        }
        // After the peer's Close nothing more is processed (RFC 6455
        // §5.5.1); after EOF nothing more arrives; after an HTTP exchange
        // without an upgrade, whatever else arrives (a pipelined request,
        // the rest of a body) is dropped.
        *opening = None;
        Ok(Received { consumed: input.len(), event: None, sender: tx, answer: None })
    }
}

impl Connection {
    fn from_core(core: Core) -> Connection {
        Connection { core, inbuf: Vec::new(), in_start: 0, in_end: 0 }
    }

    /// A server connection in the Open state, for a connection whose
    /// upgrade was handled elsewhere (hyper, or HTTP/2 extended CONNECT per
    /// RFC 8441). `negotiated` is what that handshake settled (use
    /// `Negotiated::default()` for nothing); the connection reports it from
    /// [`Connection::negotiated`] and runs its extensions. An extension the
    /// connection does not implement is refused: it would have to apply it
    /// to every frame.
    ///
    /// ```
    /// use wsproto::handshake::Negotiated;
    /// use wsproto::{Config, Connection};
    /// let conn = Connection::open_server(Config::default(), Negotiated::with_protocol("chat")).unwrap();
    /// assert_eq!(conn.negotiated().protocol.as_deref(), Some("chat"));
    /// ```
    pub fn open_server(config: Config, negotiated: Negotiated) -> Result<Connection, UsageError> {
        let mut core = Core::new(Role::Server, config, None, None);
        core.start_extensions(negotiated)?;
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
        let mut core = Core::new(Role::Client, config, Some(Box::new(rng)), None);
        core.start_extensions(negotiated)?;
        Ok(Connection::from_core(core))
    }

    /// A server connection that starts by reading the client's upgrade
    /// request from raw transport bytes. The first event is
    /// [`Event::UpgradeRequest`] (answer with [`Received::accept`] or
    /// [`Received::respond`]) or [`Event::HttpRequest`] (answer with
    /// [`Received::respond`]). A broken request is an
    /// [`Error::Request`] whose HTTP answer (400, 403, 426 or 431) is
    /// already queued.
    pub fn server(config: Config, handshake: ServerConfig) -> Connection {
        let opening = Opening::Server(ServerHandshake::new(handshake));
        Connection::from_core(Core::new(Role::Server, config, None, Some(opening)))
    }

    /// A client connection to `uri`. The upgrade request, with a fresh key
    /// from `rng`, is queued at once: write [`Connection::pending`], then
    /// read. The first event is [`Event::HandshakeComplete`] or
    /// [`Event::HttpResponse`]. Offering an extension the connection does
    /// not implement is refused ([`OptionsError::UnsupportedExtension`]).
    /// The IO layer connects to [`WsUri::host`]:[`WsUri::port`] and does
    /// TLS when [`WsUri::is_secure`].
    pub fn client(
        uri: &WsUri,
        options: &ClientOptions,
        config: Config,
        mut rng: impl RandomSource + 'static,
    ) -> Result<Connection, OptionsError> {
        // Extensions are offered from `config` (permessage-deflate); an
        // offer the connection could not run is refused.
        if options.offers_extensions() {
            return Err(OptionsError::UnsupportedExtension);
        }
        let offered;
        let options = match opening::client_offer(&config) {
            Some(offer) => {
                #[cfg(feature = "deflate")]
                if !config.deflate.is_some_and(|d| d.is_valid()) {
                    return Err(OptionsError::InvalidDeflateConfig);
                }
                offered = options.clone().extension(offer);
                &offered
            }
            None => options,
        };
        let (handshake, request) = ClientHandshake::new(uri, options, &mut rng)?;
        let opening = Opening::Client(handshake);
        let mut core = Core::new(Role::Client, config, Some(Box::new(rng)), Some(opening));
        core.tx.queue_raw(&request);
        Ok(Connection::from_core(core))
    }

    /// Accepts the upgrade request reported by [`Event::UpgradeRequest`]:
    /// queues the 101 response with the chosen subprotocol and extra
    /// headers. An extension the connection does not implement is refused
    /// ([`OptionsError::UnsupportedExtension`]). The connection is Open;
    /// the next read reports [`Event::HandshakeComplete`] and then the
    /// client's frames. Inside the match arm of the event, call
    /// [`Received::accept`] instead.
    pub fn accept(&mut self, options: &AcceptOptions) -> Result<(), UsageError> {
        let Core { config, rules, recv, opening, negotiated, rx, tx } = &mut self.core;
        let mut stages = Stages { config, rules, rx };
        match opening::pending_request(opening, recv) {
            Some(Some(request)) => opening::accept(request, options, recv, negotiated, &mut stages, tx),
            _ => Err(UsageError::WrongState),
        }
    }

    /// Answers the request reported by [`Event::UpgradeRequest`] or
    /// [`Event::HttpRequest`] with an HTTP response (a page, a 404, a 401
    /// with `WWW-Authenticate`, a redirect…). `Content-Length` is added
    /// from `body`. The connection is then Closed: write what is pending
    /// and close the transport. Inside the match arm of the event, call
    /// [`Received::respond`] instead.
    pub fn respond(
        &mut self,
        status: u16,
        reason: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<(), UsageError> {
        let Core { recv, opening, tx, .. } = &mut self.core;
        if opening::pending_request(opening, recv).is_none() {
            return Err(UsageError::WrongState);
        }
        opening::respond(recv, tx, status, reason, headers, body)
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
    /// error, [`Error::HandshakeEof`]: the peer went away before the
    /// handshake completed.
    pub fn read_eof(&mut self) -> Result<Option<Event<'static>>, Error> {
        let Core { recv, opening, tx, .. } = &mut self.core;
        if recv.error().is_some() {
            // The failure was reported already; the transport is closing.
            return Ok(None);
        }
        if recv.is_connecting() {
            return match opening.as_deref() {
                // A plain HTTP client may close its sending side and still
                // wait for the answer: `respond` stays possible.
                Some(Opening::HttpRequested(_)) => Ok(None),
                // The WebSocket cannot open without the peer: the handshake
                // failed. (A server waiting for the application to accept
                // counts: the client is gone.)
                _ => {
                    *opening = None;
                    Err(fail(recv, tx, Error::HandshakeEof))
                }
            };
        }
        // Nothing is reported after the Close event, not even a
        // HandshakeComplete still to be announced, and nothing more can be
        // sent: the transport is gone.
        match recv.move_to_eof() {
            // No upgrade, or EOF already: nothing to add.
            None => Ok(None),
            Some(clean) => {
                tx.move_to_done();
                if clean {
                    Ok(None)
                } else {
                    Ok(Some(Event::Close(CloseFrame { code: CloseCode::ABNORMAL, reason: "" })))
                }
            }
        }
    }

    /// The send half: queue messages, control frames and the Close frame,
    /// and drain the outgoing queue.
    pub fn sender(&mut self) -> &mut Sender {
        &mut self.core.tx
    }

    /// The bytes waiting to be written to the transport (the same as
    /// [`Sender::pending`], without needing `&mut`), so that a driver can
    /// ask `conn.pending().is_empty() && conn.transport_action() == …` in
    /// one expression.
    pub fn pending(&self) -> &[u8] {
        self.core.tx.pending()
    }

    /// The phase of the connection.
    pub fn state(&self) -> State {
        state::state(&self.core.recv, self.core.tx.state())
    }

    /// What to do with the transport now. Ask after writing what is pending.
    pub fn transport_action(&self) -> TransportAction {
        let core = &self.core;
        state::transport_action(&core.recv, core.tx.state(), core.tx.pending_len(), core.rules.role)
    }

    /// Whether a frame or message has partly arrived, on either input path:
    /// a partial header, a frame or fragmented message in progress, or
    /// bytes given to [`Connection::feed`] or [`Connection::input_written`]
    /// that [`Connection::poll`] has not consumed (such as a frame held
    /// until it is whole).
    pub fn is_mid_message(&self) -> bool {
        self.core.rx.is_mid_message() || (self.in_start < self.in_end && self.core.recv.takes_frames())
    }

    /// Hands the connection's buffers back to the allocator where they are
    /// empty: call it when a connection goes idle. An idle open connection
    /// then holds no heap memory, except a client's random source and a
    /// negotiated subprotocol or extension. The buffers grow again on
    /// demand.
    pub fn release_memory(&mut self) {
        self.core.rx.release_memory();
        self.core.tx.release_memory();
        if !self.core.recv.is_connecting() {
            self.core.opening = None;
        }
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
    #[cfg(feature = "deflate")]
    use crate::frame::FrameError;

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

    /// A server that inflates: permessage-deflate negotiated elsewhere.
    #[cfg(feature = "deflate")]
    fn inflating_server(config: Config) -> Connection {
        let negotiated = Negotiated { protocol: None, extensions: alloc::vec!["permessage-deflate".into()] };
        Connection::open_server(config, negotiated).unwrap()
    }

    #[cfg(feature = "deflate")]
    fn masked(first: u8, payload: &[u8]) -> Vec<u8> {
        let key = [9, 8, 7, 6];
        let mut frame = alloc::vec![first, 0x80 | payload.len() as u8];
        frame.extend_from_slice(&key);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ key[i % 4]));
        frame
    }

    /// RFC 7692 §7.2.3.1: "Hello", compressed.
    #[cfg(feature = "deflate")]
    const HELLO: [u8; 7] = [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00];

    #[cfg(feature = "deflate")]
    #[test]
    fn an_inflated_message_is_delivered_from_the_payload_stages_buffer() {
        let mut conn = inflating_server(Config::default());
        let mut input = masked(0xC1, &HELLO);
        let input_range = input.as_ptr_range();
        let read = conn.read(&mut input).unwrap();
        let Some(Event::Message(Message::Text(text))) = read.event else { panic!("no message") };
        assert_eq!(text, "Hello");
        assert!(!input_range.contains(&text.as_ptr()), "not from the input");
        assert_eq!(conn.core.rx.message.heap_size(), 0, "nor from the assembly buffer");

        // Fragmented (RFC 7692 §7.2.3.1's second example): inflated across
        // frames, RSV1 on the first only.
        let mut input = masked(0x41, &HELLO[..3]);
        input.extend(masked(0x80, &HELLO[3..]));
        let mut start = 0;
        let mut got = None;
        while got.is_none() {
            let read = conn.read(&mut input[start..]).unwrap();
            start += read.consumed;
            got = read.event.map(|e| matches!(e, Event::Message(Message::Text("Hello"))));
        }
        assert_eq!(got, Some(true));

        // RSV1 on a continuation is 1002.
        let mut input = masked(0x41, &HELLO[..3]);
        input.extend(masked(0xC0, &HELLO[3..]));
        assert_eq!(conn.read(&mut input).err(), Some(Error::Frame(FrameError::ReservedBits(0b100))));
    }

    #[cfg(feature = "deflate")]
    #[test]
    fn rsv1_on_a_control_frame_is_1002() {
        let mut conn = inflating_server(Config::default());
        let mut input = masked(0xC9, b"");
        let err = conn.read(&mut input).err().unwrap();
        assert_eq!(
            (err.clone(), err.close_code()),
            (Error::Frame(FrameError::ReservedBits(0b100)), CloseCode::PROTOCOL_ERROR)
        );
    }

    #[cfg(feature = "deflate")]
    #[test]
    fn inflated_text_is_checked_fail_fast_in_both_modes() {
        // Compressed stored block holding "a\xC0".
        let stored = [0x00, 0x02, 0x00, 0xfd, 0xff, b'a', 0xC0];
        for delivery in [crate::Delivery::Messages, crate::Delivery::Chunks] {
            let mut conn = inflating_server(Config { delivery, ..Config::default() });
            let mut input = masked(0x41, &stored);
            assert_eq!(conn.read(&mut input).err(), Some(Error::InvalidUtf8), "{delivery:?}");
        }
    }

    #[cfg(feature = "deflate")]
    #[test]
    fn the_message_limit_applies_to_the_inflated_size() {
        use crate::extensions::deflate::codec::{Compressor, CompressorSettings};
        let settings = CompressorSettings { window_bits: 15, level: 6, mem_level: 8, reset_each: false, min_size: 0 };
        let mut bomb = Vec::new();
        Compressor::new(settings).compress(&alloc::vec![b'a'; 1 << 20], true, &mut bomb).unwrap();
        assert!(bomb.len() < 2 << 10);
        let mut frame = alloc::vec![0xC2, 0xFE];
        frame.extend_from_slice(&(bomb.len() as u16).to_be_bytes());
        frame.extend_from_slice(&[0; 4]);
        frame.extend_from_slice(&bomb);
        let config = Config { max_message_size: 64 << 10, ..Config::default() };
        let mut conn = inflating_server(config);
        let err = conn.read(&mut frame.clone()).err();
        assert_eq!(err, Some(Error::MessageTooLarge { max: 64 << 10 }));
        assert!(conn.core.rx.heap_size() <= (64 << 10) + 1, "{}", conn.core.rx.heap_size());
        // In chunk delivery it flows through in bounded pieces.
        let mut conn = inflating_server(Config { delivery: crate::Delivery::Chunks, ..config });
        let mut total = 0;
        let mut start = 0;
        loop {
            let read = conn.read(&mut frame[start..]).unwrap();
            start += read.consumed;
            let Some(Event::Chunk(chunk)) = read.event else { panic!("no chunk") };
            assert!(chunk.data.len() <= payload::CHUNK_OUTPUT);
            assert!(chunk.data.iter().all(|&b| b == b'a'));
            total += chunk.data.len();
            if chunk.last {
                break;
            }
        }
        assert_eq!((total, start), (1 << 20, frame.len()));
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
