//! [`HandshakeError`]: every way the opening handshake can fail, and the
//! HTTP response a server sends for it.

use alloc::vec::Vec;
use core::fmt;

use super::http::{write_error_response, StatusLine};

/// Why a `ws://` / `wss://` URI was refused (RFC 6455 §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UriError {
    /// The scheme is not `ws` or `wss` (compared ASCII case-insensitively).
    BadScheme,
    /// The URI has no `//` authority or an empty host.
    MissingHost,
    /// The host has a character not allowed in a host name or IP literal.
    BadHost,
    /// The port is not a number in `1..=65535`.
    BadPort,
    /// RFC 6455 §3: "Fragment identifiers are meaningless in the context of
    /// WebSocket URIs and MUST NOT be used on these URIs."
    Fragment,
    /// The URI carries `user:password@`. Credentials do not belong in a URI
    /// (they leak into logs); send an `Authorization` header instead.
    Userinfo,
    /// The path or query holds a byte that must be percent-encoded (a
    /// control character, a space or non-ASCII).
    BadResource,
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UriError::BadScheme => "scheme is not ws or wss",
            UriError::MissingHost => "no host",
            UriError::BadHost => "invalid host",
            UriError::BadPort => "invalid port",
            UriError::Fragment => "fragment not allowed in a WebSocket URI",
            UriError::Userinfo => "userinfo not allowed in a WebSocket URI",
            UriError::BadResource => "path or query needs percent-encoding",
        })
    }
}

/// The opening handshake failed (RFC 6455 §4).
///
/// The variants fall in three groups:
///
/// - **Faults of a client's request**, found by the server side. Each has a
///   ready HTTP response ([`HandshakeError::response`]): write it, then
///   close the connection. RFC 6455 §4.2.1: "the server MUST stop processing
///   the client's handshake and return an HTTP response with an appropriate
///   error code (such as 400 Bad Request)."
/// - **Faults of a server's response**, found by the client side. RFC 6455
///   §4.1: "the client MUST _Fail the WebSocket Connection_". There is no
///   one to answer: close the connection. The head-level variants
///   ([`HeadTooLarge`](Self::HeadTooLarge), [`TooManyHeaders`](Self::TooManyHeaders),
///   [`MalformedHttp`](Self::MalformedHttp)) and the header variants shared
///   by both roles also have a response, which a client simply ignores.
/// - **Local misuse** (an invalid URI or header given to a builder). Nothing
///   was sent; [`HandshakeError::response`] is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HandshakeError {
    /// The HTTP head grew past the configured byte limit before its end
    /// (`\r\n\r\n`) arrived. Server answer: 431.
    HeadTooLarge {
        /// The configured limit in bytes.
        max: usize,
    },
    /// The HTTP head has more header fields than the configured limit.
    /// Server answer: 431.
    TooManyHeaders {
        /// The configured limit.
        max: usize,
    },
    /// The bytes are not a valid HTTP/1.x head (RFC 6455 §4.1: "The
    /// handshake MUST be a valid HTTP request"). Holds what was wrong.
    /// Server answer: 400.
    MalformedHttp(&'static str),
    /// RFC 6455 §4.1: "The method of the request MUST be GET". Server
    /// answer: 400.
    MethodNotGet,
    /// RFC 6455 §4.1: "the HTTP version MUST be at least 1.1" (a response
    /// must be HTTP/1.1 too). Server answer: 400.
    HttpVersion,
    /// RFC 6455 §4.2.1: "A |Host| header field containing the server's
    /// authority." Missing, empty or repeated. Server answer: 400.
    BadHost,
    /// RFC 6455 §4.2.1: "An |Upgrade| header field containing the value
    /// "websocket", treated as an ASCII case-insensitive value." The header
    /// is present but names another protocol (or, in a response, is
    /// missing). Server answer: 400.
    UpgradeNotWebSocket,
    /// RFC 6455 §4.2.1: "A |Connection| header field that includes the token
    /// "Upgrade", treated as an ASCII case-insensitive value." Server answer:
    /// 400.
    ConnectionNotUpgrade,
    /// RFC 6455 §4.2.1: "A |Sec-WebSocket-Key| header field" is missing.
    /// Server answer: 400.
    MissingKey,
    /// RFC 6455 §4.2.1: the |Sec-WebSocket-Key| must be "a base64-encoded
    /// [...] value that, when decoded, is 16 bytes in length". It is not, or
    /// the header is repeated. Server answer: 400.
    InvalidKey,
    /// RFC 6455 §4.2.1: "A |Sec-WebSocket-Version| header field, with a value
    /// of 13" is missing. Server answer: 400 with `Sec-WebSocket-Version: 13`.
    MissingVersion,
    /// RFC 6455 §4.2.2: "If this version does not match a version understood
    /// by the server, the server MUST abort the WebSocket handshake [...] and
    /// instead send an appropriate HTTP error code (such as 426 Upgrade
    /// Required) and a |Sec-WebSocket-Version| header field indicating the
    /// version(s) the server is capable of understanding." Holds the version
    /// asked for, when it was a number. Server answer: 426 with
    /// `Sec-WebSocket-Version: 13`.
    UnsupportedVersion(Option<u16>),
    /// A |Sec-WebSocket-Protocol| header breaks its ABNF (RFC 6455 §4.1: the
    /// elements "MUST be non-empty strings [...] and MUST all be unique
    /// strings"; the server's value is a single `token`). Server answer: 400.
    InvalidProtocolHeader,
    /// A |Sec-WebSocket-Extensions| header breaks the ABNF of RFC 6455 §9.1:
    /// "the recipient of such malformed data MUST immediately _Fail the
    /// WebSocket Connection_". Server answer: 400.
    InvalidExtensionHeader,
    /// The origin policy refused the |Origin| (RFC 6455 §4.2.2: "If the
    /// server does not wish to accept this connection, it MUST return an
    /// appropriate HTTP error code (e.g., 403 Forbidden)"). Server answer: 403.
    OriginRejected,
    /// The origin policy requires an |Origin| header and there is none.
    /// Server answer: 403.
    MissingOrigin,
    /// RFC 6455 §4.1 step 4: the response "lacks a |Sec-WebSocket-Accept|
    /// header field".
    MissingAccept,
    /// RFC 6455 §4.1 step 4: the |Sec-WebSocket-Accept| "contains a value
    /// other than the base64-encoded SHA-1 of the concatenation of the
    /// |Sec-WebSocket-Key| [...] with the string
    /// "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"" (or is repeated).
    AcceptMismatch,
    /// RFC 6455 §4.1 step 6: the response names "a subprotocol that was not
    /// present in the client's handshake". On the server side: the
    /// application chose a subprotocol the client did not offer.
    ProtocolNotOffered,
    /// The response names more than one subprotocol (RFC 6455 §4.3:
    /// `Sec-WebSocket-Protocol-Server = token`).
    MultipleProtocols,
    /// RFC 6455 §4.1 step 5: the response indicates "an extension not
    /// requested by the client". On the server side: the application
    /// accepted an extension the client did not offer.
    ExtensionNotOffered,
    /// A [`crate::Connection`] was asked to offer or accept an extension it
    /// does not implement; it would have to apply it to every frame.
    UnsupportedExtension,
    /// The proxy answered the `CONNECT` request with a status other than
    /// 2xx (RFC 6455 §4.1: "If the connection could not be opened, either
    /// because a direct connection failed or because any proxy used returned
    /// an error, then the client MUST _Fail the WebSocket Connection_").
    ProxyRefused {
        /// The proxy's status code.
        status: u16,
    },
    /// Local misuse: the `ws://` / `wss://` URI is invalid (RFC 6455 §4.1:
    /// "If any of the components are invalid, the client MUST _Fail the
    /// WebSocket Connection_").
    InvalidUri(UriError),
    /// Local misuse: a header name given to a builder is not an HTTP token.
    InvalidHeaderName,
    /// Local misuse: a header value given to a builder contains CR, LF or
    /// another control character (header injection).
    InvalidHeaderValue,
    /// Local misuse: an extra header given to a builder is one the builder
    /// writes itself (such as `Host`, `Upgrade` or `Sec-WebSocket-Key`).
    ReservedHeader,
    /// Local misuse: a subprotocol to offer is not a token or is repeated
    /// (RFC 6455 §4.1: "MUST all be unique strings").
    InvalidProtocol,
    /// Local misuse: a status code for a reject response outside
    /// `200..=599` (101 is the accept path; 1xx cannot carry a rejection).
    InvalidStatus(u16),
}

impl HandshakeError {
    /// The HTTP status a server answers this fault with, or `None` for a
    /// fault a server does not answer (client-side faults, local misuse).
    pub fn status(&self) -> Option<u16> {
        self.status_line().map(|s| s.code)
    }

    pub(crate) fn status_line(&self) -> Option<StatusLine> {
        use HandshakeError as E;
        Some(match self {
            E::HeadTooLarge { .. } | E::TooManyHeaders { .. } => StatusLine::HEADERS_TOO_LARGE,
            E::MalformedHttp(_)
            | E::MethodNotGet
            | E::HttpVersion
            | E::BadHost
            | E::UpgradeNotWebSocket
            | E::ConnectionNotUpgrade
            | E::MissingKey
            | E::InvalidKey
            | E::MissingVersion
            | E::InvalidProtocolHeader
            | E::InvalidExtensionHeader => StatusLine::BAD_REQUEST,
            E::UnsupportedVersion(_) => StatusLine::UPGRADE_REQUIRED,
            E::OriginRejected | E::MissingOrigin => StatusLine::FORBIDDEN,
            _ => return None,
        })
    }

    /// The complete HTTP response a server writes for this fault before
    /// closing the connection, built on demand (the error itself stays
    /// small). `None` when the fault is not one a server answers.
    ///
    /// - 400 Bad Request for a malformed or incomplete upgrade request
    ///   (with `Sec-WebSocket-Version: 13` when that header was missing);
    /// - 426 Upgrade Required with `Sec-WebSocket-Version: 13` for another
    ///   version (RFC 6455 §4.2.2 and §4.4);
    /// - 403 Forbidden when the origin policy refuses;
    /// - 431 Request Header Fields Too Large when a limit was hit.
    ///
    /// Every response carries `Connection: close`, `Content-Type:
    /// text/plain` and a one-line body saying what was wrong.
    pub fn response(&self) -> Option<Vec<u8>> {
        let line = self.status_line()?;
        let version = matches!(self, HandshakeError::MissingVersion | HandshakeError::UnsupportedVersion(_));
        let mut body = alloc::string::String::new();
        let _ = fmt::write(&mut body, format_args!("{self}\n"));
        Some(write_error_response(line, version, body.as_bytes()))
    }
}

impl fmt::Display for HandshakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use HandshakeError as E;
        match self {
            E::HeadTooLarge { max } => write!(f, "HTTP head larger than {max} bytes"),
            E::TooManyHeaders { max } => write!(f, "more than {max} header fields"),
            E::MalformedHttp(what) => write!(f, "malformed HTTP: {what}"),
            E::MethodNotGet => f.write_str("method is not GET"),
            E::HttpVersion => f.write_str("HTTP version is not 1.1 or later"),
            E::BadHost => f.write_str("Host header missing, empty or repeated"),
            E::UpgradeNotWebSocket => f.write_str("Upgrade header does not name websocket"),
            E::ConnectionNotUpgrade => f.write_str("Connection header does not contain the Upgrade token"),
            E::MissingKey => f.write_str("Sec-WebSocket-Key header missing"),
            E::InvalidKey => f.write_str("Sec-WebSocket-Key is not the base64 encoding of 16 bytes"),
            E::MissingVersion => f.write_str("Sec-WebSocket-Version header missing"),
            E::UnsupportedVersion(Some(v)) => write!(f, "unsupported Sec-WebSocket-Version {v} (only 13)"),
            E::UnsupportedVersion(None) => f.write_str("unsupported Sec-WebSocket-Version (only 13)"),
            E::InvalidProtocolHeader => f.write_str("malformed Sec-WebSocket-Protocol header"),
            E::InvalidExtensionHeader => f.write_str("malformed Sec-WebSocket-Extensions header"),
            E::OriginRejected => f.write_str("origin not allowed"),
            E::MissingOrigin => f.write_str("Origin header required"),
            E::MissingAccept => f.write_str("Sec-WebSocket-Accept header missing"),
            E::AcceptMismatch => f.write_str("Sec-WebSocket-Accept does not match the key"),
            E::ProtocolNotOffered => f.write_str("subprotocol was not offered"),
            E::MultipleProtocols => f.write_str("more than one subprotocol selected"),
            E::ExtensionNotOffered => f.write_str("extension was not offered"),
            E::UnsupportedExtension => f.write_str("extension not implemented by the connection"),
            E::ProxyRefused { status } => write!(f, "proxy refused CONNECT with status {status}"),
            E::InvalidUri(e) => write!(f, "invalid WebSocket URI: {e}"),
            E::InvalidHeaderName => f.write_str("header name is not a token"),
            E::InvalidHeaderValue => f.write_str("header value contains CR, LF or a control character"),
            E::ReservedHeader => f.write_str("header is written by the handshake itself"),
            E::InvalidProtocol => f.write_str("subprotocol is not a token or is repeated"),
            E::InvalidStatus(code) => write!(f, "status {code} cannot reject a handshake"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for HandshakeError {}

#[cfg(feature = "std")]
impl std::error::Error for UriError {}

impl From<UriError> for HandshakeError {
    fn from(e: UriError) -> Self {
        HandshakeError::InvalidUri(e)
    }
}
