//! The opening handshake (RFC 6455 §4), with no IO.
//!
//! There is one way to do each handshake task, on one of two paths. Pick
//! the path by who parses HTTP:
//!
//! | You have | Server | Client |
//! |---|---|---|
//! | raw bytes (a socket, your event loop): the built-in parser | [`Connection::server`](crate::Connection::server), then [`Event::UpgradeRequest`](crate::Event::UpgradeRequest) → [`Connection::accept`](crate::Connection::accept) or [`Connection::respond`](crate::Connection::respond) | [`Connection::client`](crate::Connection::client) |
//! | another HTTP library (hyper, axum, h2, HTTP/3) | [`validate_head`] → [`UpgradeRequest::accept_parts`] → [`Connection::open_server`](crate::Connection::open_server) | [`ClientUpgrade::new`] → [`ClientUpgrade::validate_parts`] → [`Connection::open_client`](crate::Connection::open_client) |
//!
//! Both server paths hand the application the one offer type,
//! [`UpgradeRequest`]: the key, host, origin, subprotocols and extensions,
//! and for the built-in parser the whole [`Request`]. With the `http`
//! feature, the `wsproto::http` module puts the second path on the `http` crate's
//! `Request` and `Response`. Through an HTTP proxy, a client first sends
//! [`connect_request`] and reads the answer with [`ProxyConnect::parse`].
//!
//! Header fields that were received are read as `(name, value)` pairs of
//! `&str` and `&[u8]` ([`Request::headers`], [`Headers`]), and the
//! validators take them in that shape; header fields to send are `(name,
//! value)` text pairs ([`AcceptOptions::header`], [`ClientOptions::header`],
//! [`ResponseParts`], [`RequestParts`]).
//!
//! The building blocks under both paths (the standalone parsers
//! `ServerHandshake` and `ClientHandshake`, `SecKey`, `accept_key`,
//! `check_key`, `validate_response`, `reject_response`) are public only with
//! the `test-util` feature, for tests and fuzzers; they are not part of the
//! stable API.
//!
//! # Another HTTP library
//!
//! A parts API: a request head and header pairs in, a status, a header
//! list and a body out, over HTTP/1.1 (RFC 6455 §4) and the extended
//! CONNECT of RFC 8441 (HTTP/2) and RFC 9220 (HTTP/3).
//!
//! ## Server
//!
//! [`validate_head`] checks the request (an HTTP/1.1 upgrade, RFC 6455
//! §4.2.1, or an HTTP/2 or HTTP/3 extended CONNECT, RFC 8441 §4 and RFC
//! 9220) and returns the [`UpgradeRequest`]. The application looks at it,
//! applies its [`OriginPolicy`] with [`OriginPolicy::check`], and calls
//! [`UpgradeRequest::accept_parts`] with its [`AcceptOptions`] and the
//! connection's [`Config`](crate::Config): that answers permessage-deflate from the config,
//! as [`Connection::accept`](crate::Connection::accept) does, and returns the
//! response (101, or 200 for an extended CONNECT) and the [`Negotiated`]
//! subprotocol and extensions, which open the connection:
//! [`Connection::open_server`](crate::Connection::open_server). A refused
//! request is a [`RequestError`] whose
//! [`response_parts`](RequestError::response_parts) is the answer.
//!
//! ```
//! use wsproto::handshake::{AcceptOptions, HttpVersion, RequestHead, validate_head};
//! use wsproto::{Config, Connection};
//! let headers = [
//!     ("Host", &b"example.com"[..]),
//!     ("Upgrade", b"websocket"),
//!     ("Connection", b"Upgrade"),
//!     ("Sec-WebSocket-Key", b"dGhlIHNhbXBsZSBub25jZQ=="),
//!     ("Sec-WebSocket-Version", b"13"),
//!     ("Sec-WebSocket-Protocol", b"chat"),
//! ];
//! let offer = validate_head(&RequestHead::new("GET", HttpVersion::Http11), headers).unwrap();
//! let config = Config::default();
//! let (response, negotiated) = offer.accept_parts(&AcceptOptions::new().protocol("chat"), &config).unwrap();
//! assert_eq!(response.status, 101);
//! assert_eq!(response.header("Sec-WebSocket-Accept"), Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
//! let conn = Connection::open_server(config, negotiated).unwrap();
//! assert_eq!(conn.negotiated().protocol.as_deref(), Some("chat"));
//! ```
//!
//! ## Client
//!
//! [`ClientUpgrade::new`] builds an HTTP/1.1 upgrade request and
//! [`ClientUpgrade::extended_connect`] an RFC 8441 one, both as
//! [`RequestParts`]; [`ClientUpgrade::validate_parts`] checks the answer and
//! returns the [`Negotiated`] to open the connection with:
//! [`Connection::open_client`](crate::Connection::open_client).

//! # Errors
//!
//! Each error type says who is at fault:
//!
//! - [`RequestError`]: the client's request is wrong, found by a server
//!   (the built-in parser, [`validate_head`], [`OriginPolicy::check`]).
//!   Each has a status and a ready HTTP answer.
//! - [`ResponseError`]: the server's 101, or a proxy's answer, is wrong,
//!   found by a client (the built-in parser,
//!   [`ClientUpgrade::validate_parts`], [`ProxyConnect::parse`]). There is
//!   no one to answer: close the connection.
//! - [`OptionsError`]: the application asked a builder for something
//!   invalid ([`Connection::accept`](crate::Connection::accept),
//!   [`UpgradeRequest::accept_parts`], [`ClientUpgrade::new`],
//!   [`connect_request`]…). Nothing was sent.
//!
//! # Bytes consumed
//!
//! Every parser returns [`Status::Partial`] when it took all of the input
//! and wants more, or [`Status::Complete`] with the number of input bytes it
//! took. It never takes a byte past the blank line that ends the head: those
//! are WebSocket frames that came in the same read, and the caller hands
//! them on. The one exception is a client's answer that is not a 101,
//! which takes the rest of the input as the start of the response body.

mod accept;
mod client;
mod error;
mod http;
mod parts;
mod proxy;
mod server;
mod uri;

use alloc::string::String;
use alloc::vec::Vec;

#[cfg(not(feature = "test-util"))]
pub(crate) use accept::accept_key;
pub use accept::GUID;
#[cfg(feature = "test-util")]
pub use accept::{accept_key, check_key, AcceptKey, SecKey};
#[cfg(feature = "test-util")]
pub use client::{validate_response, ClientHandshake, Reply};
#[cfg(not(feature = "test-util"))]
pub(crate) use client::{validate_response, ClientHandshake, Reply};
pub use client::{ClientOptions, HttpResponse};
pub use error::{OptionsError, RequestError, ResponseError, UriError};
pub use http::{extension_name, Headers};
pub use parts::{validate_head, ClientUpgrade, HttpVersion, RequestHead, RequestParts, ResponseParts, UpgradeKind};
pub use proxy::{connect_request, ProxyConnect};
pub(crate) use server::server_choices;
#[cfg(not(feature = "test-util"))]
pub(crate) use server::{reject_response, Incoming, ServerHandshake};
#[cfg(feature = "test-util")]
pub use server::{reject_response, Incoming, ServerHandshake};
pub use server::{AcceptOptions, OriginPolicy, Request, ServerConfig, UpgradeRequest};
pub use uri::WsUri;

/// The result of feeding bytes to a handshake parser.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status<T> {
    /// The head is not complete yet. All of the input was taken (and is
    /// held, within the limits); call again with more bytes.
    Partial,
    /// The head is complete.
    Complete {
        /// What was parsed.
        value: T,
        /// How many bytes of the last input were taken. Bytes after them
        /// belong to the next layer (WebSocket frames) and were not looked at.
        consumed: usize,
    },
}

impl<T> Status<T> {
    /// Whether the head is complete.
    pub fn is_complete(&self) -> bool {
        matches!(self, Status::Complete { .. })
    }
}

/// Bounds on an HTTP head the parsers will hold.
///
/// The defaults, 8 KiB and 64 header fields, hold any real browser upgrade
/// request (Chrome and Firefox send about 500 bytes and 15 fields, cookies
/// included in the common case) while bounding what a pending connection
/// costs. 8 KiB is also the per-line default of nginx and Apache. Raise
/// `max_head_bytes` if your site sets large cookies. A head over either
/// bound is refused with 431 as soon as the bound is crossed, never
/// buffered further (compare CVE-2023-43669, unbounded handshake parsing in
/// tungstenite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes of a head, including the final blank line. Default
    /// 8192.
    pub max_head_bytes: usize,
    /// The most header fields. Default 64.
    pub max_headers: usize,
}

impl Limits {
    /// The default limits (8 KiB, 64 header fields).
    pub const DEFAULT: Limits = Limits { max_head_bytes: 8 * 1024, max_headers: 64 };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// One header field as received. Names keep the case they had on the wire;
/// compare them ASCII case-insensitively. Values are bytes with surrounding
/// whitespace removed (HTTP allows non-UTF-8 bytes in values).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Header {
    /// The field name.
    pub name: String,
    /// The field value.
    pub value: Vec<u8>,
}

impl Header {
    /// The value as text, if it is UTF-8.
    pub fn value_str(&self) -> Option<&str> {
        core::str::from_utf8(&self.value).ok()
    }
}

/// Looks a header up by name (ASCII case-insensitive); the first one wins.
pub(crate) fn find_header<'h>(headers: &'h [Header], name: &str) -> Option<&'h [u8]> {
    headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_slice())
}

/// What the opening handshake settled, the same in both roles. A
/// `HandshakeComplete` event carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Negotiated {
    /// The subprotocol the server selected (RFC 6455 §4.2.2 /subprotocol/),
    /// or `None` ("the null value").
    pub protocol: Option<String>,
    /// The extensions in use, one string each (name and parameters, such as
    /// `permessage-deflate; server_no_context_takeover`), in the order the
    /// server listed them, which RFC 6455 §9.1 says is the order they apply
    /// to the data. Empty when none.
    pub extensions: Vec<String>,
}

impl Negotiated {
    /// A subprotocol and no extension, as a handshake done elsewhere may
    /// have settled.
    pub fn with_protocol(protocol: impl Into<String>) -> Negotiated {
        Negotiated { protocol: Some(protocol.into()), extensions: Vec::new() }
    }
}
