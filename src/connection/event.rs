//! What a read reports: [`Event`] and the payloads it borrows, and
//! [`Received`], the result of one read.

use super::frame_decoder::FrameDecoder;
use super::opening::Answer;
use super::send::Sender;
use crate::frame::{CloseCode, FrameHeader};
use crate::handshake::{AcceptOptions, HttpResponse, Negotiated, Request, UpgradeRequest};
use crate::UsageError;
#[cfg(doc)]
use crate::{Config, Connection};

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

/// A piece of a data frame, in [`crate::Delivery::Frames`] mode: the
/// frame's header as it arrived and the next bytes of its payload.
///
/// It borrows the connection's frame stage for the header (two words, so
/// that [`Event`] stays as small as the other modes need).
#[derive(Clone, Copy)]
pub struct DataFrame<'a> {
    data: &'a [u8],
    frames: &'a FrameDecoder,
}

impl<'a> DataFrame<'a> {
    pub(super) fn new(data: &'a [u8], frames: &'a FrameDecoder) -> DataFrame<'a> {
        DataFrame { data, frames }
    }

    /// The frame's header as it arrived: FIN, the RSV bits (RSV1 marks a
    /// compressed message's first frame), the opcode (text, binary or
    /// continuation), the masking key it was sent with ([`DataFrame::data`]
    /// is already unmasked) and the payload length it declared.
    pub fn header(&self) -> &'a FrameHeader {
        self.frames.header()
    }

    /// The next payload bytes, unmasked, and not inflated.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Where [`DataFrame::data`] starts in the frame's payload.
    pub fn offset(&self) -> u64 {
        self.frames.taken() - self.data.len() as u64
    }

    /// The data starts the frame's payload (it is all of it when
    /// [`DataFrame::last`] is true too).
    pub fn first(&self) -> bool {
        self.offset() == 0
    }

    /// The data ends the frame's payload: the frame is complete (and, when
    /// the header's FIN is set, so is its message).
    pub fn last(&self) -> bool {
        self.frames.taken() == self.header().payload_len
    }
}

impl core::fmt::Debug for DataFrame<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DataFrame")
            .field("header", self.header())
            .field("data", &self.data)
            .field("offset", &self.offset())
            .field("last", &self.last())
            .finish()
    }
}

impl PartialEq for DataFrame<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.header(), self.data, self.offset()) == (other.header(), other.data, other.offset())
    }
}

impl Eq for DataFrame<'_> {}

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
    /// subprotocols, extensions, headers), then answer right there with
    /// [`Received::accept`] or [`Received::respond`], or later with
    /// [`Connection::accept`] or [`Connection::respond`]. Until you do,
    /// reads return no event and consume nothing.
    UpgradeRequest(&'a UpgradeRequest),
    /// A server received a plain HTTP request (no `Upgrade` header), such
    /// as a browser asking for the page that opens the WebSocket. Answer
    /// with [`Received::respond`] or [`Connection::respond`]; then the
    /// transport is closed.
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
    /// A piece of a data frame ([`crate::Delivery::Frames`]).
    Frame(DataFrame<'a>),
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
///
/// Besides the event, it lends out what acting on the event needs: the
/// send half, and for a server's [`Event::UpgradeRequest`] or
/// [`Event::HttpRequest`], the answer ([`Received::accept`],
/// [`Received::respond`]), so the application can answer inside the match
/// arm while the event still borrows the request.
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
    /// What answering a request needs, with a request event.
    pub(super) answer: Option<Answer<'a>>,
}

impl Received<'_> {
    /// Accepts the upgrade request this read reported
    /// ([`Event::UpgradeRequest`]): the same as [`Connection::accept`],
    /// callable inside the match arm.
    ///
    /// ```
    /// use wsproto::handshake::{AcceptOptions, ServerConfig};
    /// use wsproto::{Config, Connection, Event, State};
    /// let mut conn = Connection::server(Config::default(), ServerConfig::default());
    /// let mut request = *b"GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\n\
    ///     Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
    ///     Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: chat\r\n\r\n";
    /// let mut received = conn.read(&mut request).unwrap();
    /// if let Some(Event::UpgradeRequest(req)) = received.event {
    ///     let chat = req.protocols().find(|p| *p == "chat");
    ///     received.accept(&AcceptOptions::new().protocol(chat.unwrap())).unwrap();
    /// }
    /// assert_eq!(conn.state(), State::Open);
    /// assert!(conn.pending().starts_with(b"HTTP/1.1 101"));
    /// ```
    pub fn accept(&mut self, options: &AcceptOptions) -> Result<(), UsageError> {
        match self.answer.as_mut() {
            Some(answer) => answer.accept(options, self.sender),
            None => Err(UsageError::WrongState),
        }
    }

    /// Answers the request this read reported ([`Event::UpgradeRequest`] or
    /// [`Event::HttpRequest`]) with an HTTP response: the same as
    /// [`Connection::respond`], callable inside the match arm.
    pub fn respond(
        &mut self,
        status: u16,
        reason: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<(), UsageError> {
        match self.answer.as_mut() {
            Some(answer) => answer.respond(status, reason, headers, body, self.sender),
            None => Err(UsageError::WrongState),
        }
    }
}
