//! The owned message type.

use bytes::Bytes;
use wsproto::CloseCode;

/// A Close frame's status code and reason, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseFrame {
    /// The status code (RFC 6455 §7.4).
    pub code: CloseCode,
    /// The reason, valid UTF-8 of at most 123 bytes when sent.
    pub reason: String,
}

impl CloseFrame {
    /// A Close frame with `code` and `reason`.
    pub fn new(code: CloseCode, reason: impl Into<String>) -> CloseFrame {
        CloseFrame { code, reason: reason.into() }
    }
}

/// One WebSocket message, owned: what the [`WebSocket`](crate::WebSocket)
/// stream yields, and what its `send` methods and `Sink` take.
///
/// Received Ping and Close messages are for information: the Pong and the
/// Close reply have already been queued when the stream yields them (the
/// core's `auto_pong` and `auto_close_reply` policies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A text message (valid UTF-8, checked as it arrived).
    Text(String),
    /// A binary message.
    Binary(Bytes),
    /// A Ping with its payload (at most 125 bytes).
    Ping(Bytes),
    /// A Pong with its payload (at most 125 bytes).
    Pong(Bytes),
    /// A Close frame: `None` when it carried no status code. Sending
    /// `Close(None)` sends 1000 (normal closure) with no reason.
    Close(Option<CloseFrame>),
}

impl Message {
    /// A text message.
    pub fn text(text: impl Into<String>) -> Message {
        Message::Text(text.into())
    }

    /// A binary message.
    pub fn binary(data: impl Into<Bytes>) -> Message {
        Message::Binary(data.into())
    }

    /// Whether this is a Text or Binary message (not a control frame).
    pub fn is_data(&self) -> bool {
        matches!(self, Message::Text(_) | Message::Binary(_))
    }

    /// The payload's bytes (a Close frame's reason).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Message::Text(text) => text.as_bytes(),
            Message::Binary(data) | Message::Ping(data) | Message::Pong(data) => data,
            Message::Close(Some(frame)) => frame.reason.as_bytes(),
            Message::Close(None) => &[],
        }
    }

    pub(crate) fn from_core(msg: wsproto::Message<'_>) -> Message {
        match msg {
            wsproto::Message::Text(text) => Message::Text(text.to_owned()),
            wsproto::Message::Binary(data) => Message::Binary(Bytes::copy_from_slice(data)),
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Text(text.to_owned())
    }
}

impl From<Bytes> for Message {
    fn from(data: Bytes) -> Message {
        Message::Binary(data)
    }
}

impl From<Vec<u8>> for Message {
    fn from(data: Vec<u8>) -> Message {
        Message::Binary(data.into())
    }
}
