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
//!   [`Connection::sender`] returns it, and so does every [`Read`], so that
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
use crate::rng::RandomSource;
use crate::Error;
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
pub struct Read<'a> {
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

/// A WebSocket connection in one role. It performs no IO: see the module
/// docs for the driver loop.
pub struct Connection {
    config: Config,
    rules: HeaderRules,
    rx: Receiver,
    tx: Sender,
    inbuf: Vec<u8>,
    in_start: usize,
}

impl core::fmt::Debug for Connection {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Connection")
            .field("role", &self.rules.role)
            .field("state", &self.state())
            .field("pending_len", &self.tx.pending_len())
            .finish_non_exhaustive()
    }
}

impl Connection {
    fn open(role: Role, config: Config, rng: Option<Box<dyn RandomSource>>) -> Connection {
        let rules = HeaderRules {
            role,
            allowed_rsv: 0,
            accept_unmasked: config.accept_unmasked_frames,
            max_payload: config.max_frame_size,
        };
        Connection {
            config,
            rules,
            rx: Receiver::default(),
            tx: Sender::new(role, rng, true),
            inbuf: Vec::new(),
            in_start: 0,
        }
    }

    /// A server connection in the Open state, for a connection whose
    /// upgrade was handled elsewhere (hyper, or HTTP/2 extended CONNECT per
    /// RFC 8441).
    pub fn open_server(config: Config) -> Connection {
        Connection::open(Role::Server, config, None)
    }

    /// A client connection in the Open state, for a connection whose
    /// upgrade was handled elsewhere. `rng` provides the masking keys.
    ///
    /// ```
    /// # #[cfg(feature = "os-rng")] {
    /// use wsproto::{ChaChaRng, Config, Connection};
    /// let conn = Connection::open_client(Config::default(), ChaChaRng::from_os());
    /// # }
    /// ```
    pub fn open_client(config: Config, rng: impl RandomSource + 'static) -> Connection {
        Connection::open(Role::Client, config, Some(Box::new(rng)))
    }

    /// The role of this end.
    pub fn role(&self) -> Role {
        self.rules.role
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Processes bytes in the caller's buffer, unmasking in place. Returns
    /// at most one event, which may borrow `input`, and how many bytes of
    /// `input` were consumed. Call again with the rest of the input until
    /// no event is returned.
    ///
    /// An error is a fault of the peer: the Close frame that goes with it
    /// is queued, and every later read returns the same error.
    pub fn read<'a>(&'a mut self, input: &'a mut [u8]) -> Result<Read<'a>, Error> {
        let (consumed, event) = self.rx.read(input, &mut self.tx, &self.config, &self.rules)?;
        Ok(Read { consumed, event, sender: &mut self.tx })
    }

    /// Buffers received bytes for [`Connection::poll`]. The buffer grows
    /// with what is fed and not yet polled.
    pub fn feed(&mut self, data: &[u8]) {
        if self.in_start == self.inbuf.len() {
            self.inbuf.clear();
        } else if self.in_start > 0 {
            self.inbuf.drain(..self.in_start);
        }
        self.in_start = 0;
        self.inbuf.extend_from_slice(data);
    }

    /// Returns the next event from the bytes given to [`Connection::feed`],
    /// or no event when more bytes are needed. `consumed` counts bytes of
    /// the internal buffer and needs no action.
    pub fn poll(&mut self) -> Result<Read<'_>, Error> {
        let input = &mut self.inbuf[self.in_start..];
        let (consumed, event) = self.rx.read(input, &mut self.tx, &self.config, &self.rules)?;
        self.in_start += consumed;
        Ok(Read { consumed, event, sender: &mut self.tx })
    }

    /// Reports that the transport reached EOF. Before the close handshake
    /// finished this is an abnormal closure: the result is a Close event
    /// with code 1006 ([`CloseCode::ABNORMAL`]). After it, or after a
    /// failure, there is no event.
    pub fn read_eof(&mut self) -> Result<Option<Event<'static>>, Error> {
        let clean = self.rx.close_received || self.rx.eof || self.rx.error.is_some();
        self.rx.eof = true;
        if clean {
            return Ok(None);
        }
        Ok(Some(Event::Close(CloseFrame { code: CloseCode::ABNORMAL, reason: "" })))
    }

    /// The send half: queue messages, control frames and the Close frame,
    /// and drain the outgoing queue.
    pub fn sender(&mut self) -> &mut Sender {
        &mut self.tx
    }

    /// The phase of the connection.
    pub fn state(&self) -> State {
        if self.rx.error.is_some() || self.rx.eof || (self.tx.close_sent && self.rx.close_received) {
            State::Closed
        } else if self.tx.close_sent || self.rx.close_received {
            State::Closing
        } else if !self.tx.open {
            State::Connecting
        } else {
            State::Open
        }
    }

    /// What to do with the transport now. Ask after writing what is pending.
    pub fn transport_action(&self) -> TransportAction {
        if self.state() != State::Closed || self.tx.pending_len() > 0 {
            return TransportAction::Continue;
        }
        if self.rx.error.is_some() || self.rx.eof || self.rules.role == Role::Server {
            TransportAction::Close
        } else {
            TransportAction::WaitForPeerClose
        }
    }

    /// Whether a frame or message has partly arrived.
    pub fn is_mid_message(&self) -> bool {
        self.rx.is_mid_message()
    }

    /// Hands the connection's buffers back to the allocator where they are
    /// empty: call it when a connection goes idle. An idle open connection
    /// then holds no heap memory (a client keeps its random source). The
    /// buffers grow again on demand.
    pub fn release_memory(&mut self) {
        self.rx.release_memory();
        self.tx.release_memory();
        if self.in_start == self.inbuf.len() {
            self.inbuf = Vec::new();
            self.in_start = 0;
        }
    }

    /// Heap bytes held by the connection's buffers (not counting a client's
    /// random source).
    pub fn heap_size(&self) -> usize {
        self.rx.heap_size() + self.tx.heap_size() + self.inbuf.capacity()
    }
}
