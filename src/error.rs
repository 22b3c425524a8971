//! Errors: [`Error`] for faults of the peer (each maps to the close code the
//! RFC asks for) and [`UsageError`] for local misuse, which never changes the
//! connection's state.

use core::fmt;

use crate::frame::{CloseCode, FrameError};
use crate::handshake::{OptionsError, RequestError, ResponseError};

/// A fault of the peer: the bytes it sent break RFC 6455.
///
/// Each variant maps to the close code the RFC asks for ([`Error::close_code`]).
/// When the connection reports one of these, it has already queued the
/// matching Close frame (when the handshake had completed), and every later
/// call to a read method returns the same error again: the error is sticky.
/// Write out what is pending, then close the transport.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A frame header broke RFC 6455 §5, or declared a payload over
    /// `Config::max_frame_size` (see [`FrameError`]).
    Frame(FrameError),
    /// RFC 6455 §5.4: a continuation frame arrived while no fragmented
    /// message was open.
    UnexpectedContinuation,
    /// RFC 6455 §5.4: a new text or binary frame arrived while a fragmented
    /// message was still open; only continuation (and control) frames may
    /// follow its first fragment.
    ExpectedContinuation,
    /// RFC 6455 §5.5.1: a Close payload of exactly one byte cannot hold a
    /// status code.
    ClosePayloadTooShort,
    /// RFC 6455 §7.4: the Close frame carried a status code that may not be
    /// sent on the wire.
    InvalidCloseCode(u16),
    /// RFC 6455 §8.1: a text message (or a close reason) was not valid
    /// UTF-8.
    InvalidUtf8,
    /// The message grew past the configured `max_message_size` (close code
    /// 1009).
    MessageTooLarge {
        /// The configured limit.
        max: usize,
    },
    /// Server side: the client's opening handshake request is refused. The
    /// connection has already queued the HTTP answer
    /// ([`RequestError::response`]: 400, 403, 426 or 431); write it out,
    /// then close the transport.
    Request(RequestError),
    /// Client side: the server's answer to the opening handshake breaks
    /// RFC 6455 §4.1 ("the client MUST _Fail the WebSocket Connection_").
    /// Nothing is queued; close the transport.
    Response(ResponseError),
    /// The transport reached EOF before the opening handshake completed
    /// (either role, including a server that had not yet answered an
    /// upgrade request): the WebSocket connection never opened. Nothing is
    /// queued (no Close frame, no HTTP answer), so [`Error::close_code`]
    /// is irrelevant for it.
    HandshakeEof,
    /// An extension rejected the data it was given (for example a
    /// compressed payload that does not inflate). The close code is chosen
    /// by the extension.
    Extension {
        /// The close code to send.
        code: CloseCode,
        /// What went wrong.
        reason: &'static str,
    },
}

impl Error {
    /// The close code that RFC 6455 §7.4.1 asks for when failing the
    /// connection because of this error.
    pub fn close_code(&self) -> CloseCode {
        match self {
            Error::InvalidUtf8 => CloseCode::INVALID_PAYLOAD,
            Error::Frame(e) => e.close_code(),
            Error::MessageTooLarge { .. } => CloseCode::MESSAGE_TOO_BIG,
            Error::Extension { code, .. } => *code,
            _ => CloseCode::PROTOCOL_ERROR,
        }
    }

    /// A short reason for the Close frame we send (always valid UTF-8 and at
    /// most 123 bytes).
    pub(crate) fn close_reason(&self) -> &'static str {
        match self {
            Error::UnexpectedContinuation => "unexpected continuation",
            Error::ExpectedContinuation => "expected continuation",
            Error::Frame(e) => e.close_reason(),
            Error::ClosePayloadTooShort => "close payload of 1 byte",
            Error::InvalidCloseCode(_) => "invalid close code",
            Error::InvalidUtf8 => "invalid UTF-8",
            Error::MessageTooLarge { .. } => "message too large",
            Error::Request(_) | Error::Response(_) | Error::HandshakeEof => "handshake failed",
            Error::Extension { reason, .. } => reason,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Frame(e) => write!(f, "{e}"),
            Error::UnexpectedContinuation => f.write_str("continuation frame with no message open"),
            Error::ExpectedContinuation => f.write_str("new data frame inside a fragmented message"),
            Error::ClosePayloadTooShort => f.write_str("close frame payload of 1 byte"),
            Error::InvalidCloseCode(code) => write!(f, "close code {code} may not be sent on the wire"),
            Error::InvalidUtf8 => f.write_str("invalid UTF-8 in a text message or close reason"),
            Error::MessageTooLarge { max } => write!(f, "message exceeds the limit of {max} bytes"),
            Error::Request(e) => write!(f, "handshake failed: {e}"),
            Error::Response(e) => write!(f, "handshake failed: {e}"),
            Error::HandshakeEof => f.write_str("handshake failed: connection closed during the handshake"),
            Error::Extension { reason, .. } => write!(f, "extension error: {reason}"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// A fault of the peer is invalid data on the transport
/// ([`std::io::ErrorKind::InvalidData`]), with the [`Error`] as its source,
/// so `?` works in a `std::io` driver.
#[cfg(feature = "std")]
impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }
}

impl From<FrameError> for Error {
    fn from(e: FrameError) -> Self {
        Error::Frame(e)
    }
}

impl From<RequestError> for Error {
    fn from(e: RequestError) -> Self {
        Error::Request(e)
    }
}

impl From<ResponseError> for Error {
    fn from(e: ResponseError) -> Self {
        Error::Response(e)
    }
}

/// Local misuse of the API. It is reported to the caller, nothing is queued,
/// and the connection's state is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UsageError {
    /// Data, ping or pong after our Close frame was queued (RFC 6455 §5.5.1:
    /// "the endpoint MUST NOT send any more data frames").
    AlreadyClosing,
    /// The connection failed, or the transport reached EOF; nothing more
    /// may be sent.
    Failed,
    /// The opening handshake has not completed yet.
    NotOpen,
    /// A control frame payload over 125 bytes (RFC 6455 §5.5). Close frames
    /// have two bytes of code, so their reason may be at most 123 bytes.
    ControlPayloadTooLong,
    /// The close code may not be sent on the wire (RFC 6455 §7.4.1: 1005,
    /// 1006 and 1015 "MUST NOT be set as a status code in a Close control
    /// frame by an endpoint").
    InvalidCloseCode(u16),
    /// A fragment was sent while no fragmented message was begun, or a new
    /// message was begun while one was still open.
    FragmentOutOfOrder,
    /// Text sent through the fragment API was not valid UTF-8.
    InvalidUtf8,
    /// The number of bytes reported as written exceeds what was pending.
    AdvancedPastPending,
    /// More bytes were reported with `input_written` than the room
    /// `input_buffer` gave.
    InputOverrun,
    /// The call does not fit the connection's role or phase (for example
    /// accepting an upgrade that was not requested).
    WrongState,
    /// What the application asked the handshake to send or settle is
    /// invalid: a subprotocol or extension that was not offered, an
    /// extension the connection does not implement, a header with CR or LF,
    /// a bad status.
    Options(OptionsError),
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UsageError::AlreadyClosing => "our Close frame is already queued; nothing more may be sent",
            UsageError::Failed => "the connection failed",
            UsageError::NotOpen => "the opening handshake has not completed",
            UsageError::ControlPayloadTooLong => "control frame payload over 125 bytes",
            UsageError::InvalidCloseCode(_) => "this close code may not be sent",
            UsageError::FragmentOutOfOrder => "fragment out of order",
            UsageError::InvalidUtf8 => "text is not valid UTF-8",
            UsageError::AdvancedPastPending => "advanced past the pending bytes",
            UsageError::InputOverrun => "more input reported than the room given",
            UsageError::WrongState => "call does not fit the connection's role or phase",
            UsageError::Options(e) => return write!(f, "invalid handshake options: {e}"),
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UsageError {}

/// Misuse of the API is an invalid input ([`std::io::ErrorKind::InvalidInput`]),
/// with the [`UsageError`] as its source.
#[cfg(feature = "std")]
impl From<UsageError> for std::io::Error {
    fn from(e: UsageError) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, e)
    }
}

impl From<OptionsError> for UsageError {
    fn from(e: OptionsError) -> Self {
        UsageError::Options(e)
    }
}
