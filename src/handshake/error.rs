//! The opening handshake's errors, split by who is at fault:
//! [`RequestError`] (a client's request, found by a server, with the HTTP
//! answer to send), [`ResponseError`] (a server's or a proxy's answer,
//! found by a client) and [`OptionsError`] (local misuse of a builder;
//! nothing was sent).

use alloc::vec::Vec;
use core::fmt;

use super::http::{write_error_response, HeadError, StatusLine};
use super::parts::{HttpVersion, ResponseParts};

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

#[cfg(feature = "std")]
impl std::error::Error for UriError {}

/// A client's opening handshake request is refused by the server
/// (RFC 6455 §4.2.1).
///
/// Every fault has an HTTP answer ([`RequestError::response`], with the
/// status [`RequestError::status`]): write it, then close the connection.
/// RFC 6455 §4.2.1: "If the server, while reading the handshake, finds
/// that the client did not send a handshake that matches the description
/// below [...], the server MUST stop processing the client's handshake and
/// return an HTTP response with an appropriate error code (such as 400 Bad
/// Request)."
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// The request head grew past the configured byte limit before its end
    /// (`\r\n\r\n`) arrived. Answer: 431.
    HeadTooLarge {
        /// The configured limit in bytes.
        max: usize,
    },
    /// The request head has more header fields than the configured limit.
    /// Answer: 431.
    TooManyHeaders {
        /// The configured limit.
        max: usize,
    },
    /// The bytes are not a valid HTTP/1.x request head (RFC 6455 §4.1: "The
    /// handshake MUST be a valid HTTP request as specified by \[RFC2616\]").
    /// Holds what was wrong. Answer: 400.
    MalformedHttp(&'static str),
    /// RFC 6455 §4.1: "The method of the request MUST be GET". Answer: 400.
    MethodNotGet,
    /// RFC 6455 §4.1: "the HTTP version MUST be at least 1.1". Answer: 400.
    HttpVersion,
    /// RFC 6455 §4.2.1: "A |Host| header field containing the server's
    /// authority." Missing, empty or repeated. Answer: 400.
    BadHost,
    /// RFC 6455 §4.2.1: "An |Upgrade| header field containing the value
    /// "websocket", treated as an ASCII case-insensitive value." The header
    /// is present but names another protocol. Answer: 400.
    UpgradeNotWebSocket,
    /// RFC 6455 §4.2.1: "A |Connection| header field that includes the token
    /// "Upgrade", treated as an ASCII case-insensitive value." Answer: 400.
    ConnectionNotUpgrade,
    /// RFC 6455 §4.2.1: "A |Sec-WebSocket-Key| header field" is missing.
    /// Answer: 400.
    MissingKey,
    /// RFC 6455 §4.2.1: the |Sec-WebSocket-Key| must be "a base64-encoded
    /// [...] value that, when decoded, is 16 bytes in length". It is not, or
    /// the header is repeated. Answer: 400.
    InvalidKey,
    /// RFC 6455 §4.2.1: "A |Sec-WebSocket-Version| header field, with a value
    /// of 13" is missing. Answer: 400 with `Sec-WebSocket-Version: 13`.
    MissingVersion,
    /// RFC 6455 §4.2.2: "If this version does not match a version understood
    /// by the server, the server MUST abort the WebSocket handshake [...] and
    /// instead send an appropriate HTTP error code (such as 426 Upgrade
    /// Required) and a |Sec-WebSocket-Version| header field indicating the
    /// version(s) the server is capable of understanding." Holds the version
    /// asked for, when it was a number. Answer: 426 with
    /// `Sec-WebSocket-Version: 13`.
    UnsupportedVersion(Option<u16>),
    /// The |Sec-WebSocket-Protocol| header breaks its ABNF (RFC 6455 §4.1:
    /// the elements "MUST be non-empty strings [...] and MUST all be unique
    /// strings"). Answer: 400.
    InvalidProtocolHeader,
    /// A |Sec-WebSocket-Extensions| header breaks the ABNF of RFC 6455 §9.1:
    /// "the recipient of such malformed data MUST immediately _Fail the
    /// WebSocket Connection_". Answer: 400.
    InvalidExtensionHeader,
    /// The origin policy refused the |Origin|, or there is more than one
    /// (RFC 6455 §4.2.2: "If the server does not wish to accept this
    /// connection, it MUST return an appropriate HTTP error code (e.g., 403
    /// Forbidden)"). Answer: 403.
    OriginRejected,
    /// The origin policy requires an |Origin| header and there is none.
    /// Answer: 403.
    MissingOrigin,
    /// A GET with no |Upgrade| header at all: a plain HTTP request (a
    /// browser tab, a health check) on a WebSocket resource. Answer: 426
    /// with `Upgrade: websocket` (RFC 9110 §15.5.22: "The server MUST send
    /// an Upgrade header field in a 426 response to indicate the required
    /// protocol(s)"), as python-websockets answers it. Only the validators
    /// for other HTTP parsers report it; the built-in parser hands such a
    /// request on as [`Event::HttpRequest`](crate::Event::HttpRequest).
    NotAnUpgrade,
    /// An HTTP/2 or HTTP/3 request that is not an extended CONNECT with
    /// `:protocol` set (RFC 8441 §4: "A new pseudo-header field :protocol
    /// MAY be included on request HEADERS indicating the desired protocol
    /// to be spoken on the tunnel created by CONNECT"): over these versions
    /// that is the only WebSocket handshake. Answer: 400.
    NotExtendedConnect,
}

impl RequestError {
    /// The HTTP status a server answers this fault with: 400, 403, 426 or
    /// 431.
    pub fn status(&self) -> u16 {
        self.status_line().code
    }

    fn status_line(&self) -> StatusLine {
        use RequestError as E;
        match self {
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
            | E::InvalidExtensionHeader
            | E::NotExtendedConnect => StatusLine::BAD_REQUEST,
            E::UnsupportedVersion(_) | E::NotAnUpgrade => StatusLine::UPGRADE_REQUIRED,
            E::OriginRejected | E::MissingOrigin => StatusLine::FORBIDDEN,
        }
    }

    /// The complete HTTP response a server writes for this fault before
    /// closing the connection, built on demand (the error itself stays
    /// small):
    ///
    /// - 400 Bad Request for a malformed or incomplete upgrade request
    ///   (with `Sec-WebSocket-Version: 13` when that header was missing);
    /// - 426 Upgrade Required with `Sec-WebSocket-Version: 13` for another
    ///   version (RFC 6455 §4.2.2 and §4.4);
    /// - 403 Forbidden when the origin policy refuses;
    /// - 431 Request Header Fields Too Large when a limit was hit.
    ///
    /// Every response carries `Connection: close`, `Content-Type:
    /// text/plain` and a one-line body saying what was wrong; every 426
    /// also carries `Upgrade: websocket` (RFC 9110 §15.5.22). The same
    /// answer for another HTTP library is [`RequestError::response_parts`].
    pub fn response(&self) -> Vec<u8> {
        write_error_response(self.status_line(), &self.response_parts(HttpVersion::Http11))
    }

    /// The answer to this fault as a status, header fields and a body, for
    /// a server with its own HTTP library (see
    /// [`response`](RequestError::response) for what it holds). Over
    /// HTTP/2 and HTTP/3 it leaves out `Upgrade` (RFC 9113 §8.2.2: such
    /// connection-specific fields are malformed there); the HTTP library
    /// adds `Content-Length` and decides whether to close.
    pub fn response_parts(&self, version: HttpVersion) -> ResponseParts {
        use alloc::string::{String, ToString};
        let mut headers: Vec<(String, String)> = Vec::new();
        if matches!(self, RequestError::MissingVersion | RequestError::UnsupportedVersion(_)) {
            // RFC 6455 §4.4: the server answers with the "version(s) the
            // server is capable of understanding".
            headers.push(("Sec-WebSocket-Version".to_string(), "13".to_string()));
        }
        let line = self.status_line();
        if line.code == 426 && version.is_http1() {
            headers.push(("Upgrade".to_string(), "websocket".to_string()));
        }
        headers.push(("Content-Type".to_string(), "text/plain; charset=utf-8".to_string()));
        let mut body = String::new();
        let _ = fmt::write(&mut body, format_args!("{self}\n"));
        ResponseParts { status: line.code, headers, body: body.into_bytes() }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RequestError as E;
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
            E::NotAnUpgrade => f.write_str("not a WebSocket upgrade request: no Upgrade header"),
            E::NotExtendedConnect => f.write_str("not an extended CONNECT with :protocol (RFC 8441)"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for RequestError {}

impl From<HeadError> for RequestError {
    fn from(e: HeadError) -> Self {
        match e {
            HeadError::TooLarge { max } => RequestError::HeadTooLarge { max },
            HeadError::TooManyHeaders { max } => RequestError::TooManyHeaders { max },
            HeadError::Malformed(what) => RequestError::MalformedHttp(what),
        }
    }
}

/// A server's answer to the opening handshake, or a proxy's answer to
/// `CONNECT`, is refused by the client (RFC 6455 §4.1).
///
/// There is no one to answer. RFC 6455 §4.1: "If the server's response does
/// not conform to the requirements for the server's handshake as defined
/// in this section and in Section 4.2.2, the client MUST _Fail the
/// WebSocket Connection_": close the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseError {
    /// The response head grew past the configured byte limit before its end
    /// (`\r\n\r\n`) arrived.
    HeadTooLarge {
        /// The configured limit in bytes.
        max: usize,
    },
    /// The response head has more header fields than the configured limit.
    TooManyHeaders {
        /// The configured limit.
        max: usize,
    },
    /// The bytes are not a valid HTTP/1.x response head. Holds what was
    /// wrong.
    MalformedHttp(&'static str),
    /// The 101 response is not HTTP/1.1 or later (RFC 6455 §4.2.2 step 5:
    /// the server answers with "HTTP/1.1 101 Switching Protocols").
    HttpVersion,
    /// RFC 6455 §4.1 step 2: "If the response lacks an |Upgrade| header
    /// field or the |Upgrade| header field contains a value that is not an
    /// ASCII case-insensitive match for the value "websocket", the client
    /// MUST _Fail the WebSocket Connection_."
    UpgradeNotWebSocket,
    /// RFC 6455 §4.1 step 3: "If the response lacks a |Connection| header
    /// field or the |Connection| header field doesn't contain a token that
    /// is an ASCII case-insensitive match for the value "Upgrade", the
    /// client MUST _Fail the WebSocket Connection_."
    ConnectionNotUpgrade,
    /// RFC 6455 §4.1 step 4: the response "lacks a |Sec-WebSocket-Accept|
    /// header field".
    MissingAccept,
    /// RFC 6455 §4.1 step 4: the |Sec-WebSocket-Accept| "contains a value
    /// other than the base64-encoded SHA-1 of the concatenation of the
    /// |Sec-WebSocket-Key| [...] with the string
    /// "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"" (or is repeated).
    AcceptMismatch,
    /// RFC 6455 §4.1 step 6: the response names "a subprotocol that was not
    /// present in the client's handshake".
    ProtocolNotOffered,
    /// The response names more than one subprotocol (RFC 6455 §4.3:
    /// `Sec-WebSocket-Protocol-Server = token`).
    MultipleProtocols,
    /// RFC 6455 §4.1 step 5: the response indicates "an extension not
    /// requested by the client".
    ExtensionNotOffered,
    /// The |Sec-WebSocket-Protocol| header is empty or not a token (RFC 6455
    /// §4.2.2: "The empty string is not the same as the null value for
    /// these purposes and is not a legal value for this field").
    InvalidProtocolHeader,
    /// A |Sec-WebSocket-Extensions| header breaks the ABNF of RFC 6455 §9.1:
    /// "the recipient of such malformed data MUST immediately _Fail the
    /// WebSocket Connection_".
    InvalidExtensionHeader,
    /// An accepted extension's parameters are invalid, or do not answer
    /// the offer (RFC 7692 §7.1: for permessage-deflate, "the client MUST
    /// _Fail the WebSocket Connection_"), or name one extension twice.
    InvalidExtensionParams,
    /// The server answered the upgrade with another status than 101 (or,
    /// for an RFC 8441 extended CONNECT, than 2xx): it did not accept the
    /// WebSocket. Only the validators for other HTTP clients report it;
    /// the built-in parser hands such an answer on as
    /// [`Event::HttpResponse`](crate::Event::HttpResponse).
    NotUpgraded {
        /// The server's status code.
        status: u16,
    },
    /// The proxy answered the `CONNECT` request with a status other than
    /// 2xx (RFC 6455 §4.1: "If the connection could not be opened, either
    /// because a direct connection failed or because any proxy used returned
    /// an error, then the client MUST _Fail the WebSocket Connection_").
    ProxyRefused {
        /// The proxy's status code.
        status: u16,
    },
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ResponseError as E;
        match self {
            E::HeadTooLarge { max } => write!(f, "HTTP head larger than {max} bytes"),
            E::TooManyHeaders { max } => write!(f, "more than {max} header fields"),
            E::MalformedHttp(what) => write!(f, "malformed HTTP: {what}"),
            E::HttpVersion => f.write_str("HTTP version is not 1.1 or later"),
            E::UpgradeNotWebSocket => f.write_str("Upgrade header does not name websocket"),
            E::ConnectionNotUpgrade => f.write_str("Connection header does not contain the Upgrade token"),
            E::MissingAccept => f.write_str("Sec-WebSocket-Accept header missing"),
            E::AcceptMismatch => f.write_str("Sec-WebSocket-Accept does not match the key"),
            E::ProtocolNotOffered => f.write_str("subprotocol was not offered"),
            E::MultipleProtocols => f.write_str("more than one subprotocol selected"),
            E::ExtensionNotOffered => f.write_str("extension was not offered"),
            E::InvalidProtocolHeader => f.write_str("malformed Sec-WebSocket-Protocol header"),
            E::InvalidExtensionHeader => f.write_str("malformed Sec-WebSocket-Extensions header"),
            E::InvalidExtensionParams => f.write_str("accepted extension parameters do not answer the offer"),
            E::ProxyRefused { status } => write!(f, "proxy refused CONNECT with status {status}"),
            E::NotUpgraded { status } => write!(f, "server answered {status} instead of accepting the WebSocket"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ResponseError {}

impl From<HeadError> for ResponseError {
    fn from(e: HeadError) -> Self {
        match e {
            HeadError::TooLarge { max } => ResponseError::HeadTooLarge { max },
            HeadError::TooManyHeaders { max } => ResponseError::TooManyHeaders { max },
            HeadError::Malformed(what) => ResponseError::MalformedHttp(what),
        }
    }
}

/// Local misuse of a handshake builder: what the application asked to
/// send, or to accept, is invalid. Nothing was sent, and nothing was
/// changed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionsError {
    /// The `ws://` / `wss://` URI is invalid (RFC 6455 §4.1: "If any of the
    /// components are invalid, the client MUST _Fail the WebSocket
    /// Connection_"). [`WsUri::parse`](super::WsUri::parse) returns the
    /// [`UriError`] itself; this variant lets code that also builds the
    /// request use one error type (`From<UriError>`).
    InvalidUri(UriError),
    /// A header name given to a builder is not an HTTP token (RFC 9110
    /// §5.1: "field-name = token").
    InvalidHeaderName,
    /// A header value given to a builder (or the reason phrase of a reject
    /// response) contains CR, LF or another control character (header
    /// injection; RFC 9110 §5.5: field values are visible characters,
    /// spaces and tabs).
    InvalidHeaderValue,
    /// An extra header given to a builder is one the builder writes itself
    /// (such as `Host`, `Upgrade` or `Sec-WebSocket-Key`).
    ReservedHeader,
    /// A subprotocol to offer or select is not a token, or one to offer is
    /// repeated (RFC 6455 §4.1 step 10: the elements "MUST be non-empty
    /// strings with characters in the range U+0021 to U+007E not including
    /// separator characters [...] and MUST all be unique strings").
    InvalidProtocol,
    /// An extension to offer or accept breaks the ABNF of RFC 6455 §9.1
    /// (`extension = extension-token *( ";" extension-param )`).
    InvalidExtension,
    /// A status code for a reject response outside `200..=599` (101 is the
    /// accept path; 1xx cannot carry a rejection).
    InvalidStatus(u16),
    /// The application selected a subprotocol the client did not offer.
    /// RFC 6455 §4.2.2: "The value chosen MUST be derived from the client's
    /// handshake, specifically by selecting one of the values from the
    /// |Sec-WebSocket-Protocol| field".
    ProtocolNotOffered,
    /// The application accepted an extension the client did not offer.
    /// RFC 6455 §4.2.2: "Extensions not listed by the client MUST NOT be
    /// listed."
    ExtensionNotOffered,
    /// A [`crate::Connection`] was asked to offer or accept an extension it
    /// does not implement (or to open with one negotiated elsewhere); it
    /// would have to apply it to every frame.
    UnsupportedExtension,
    /// An HTTP/1.1 101 (the `test-util` feature's response writer) cannot
    /// answer an RFC 8441 extended CONNECT:
    /// [`UpgradeRequest::accept_parts`](super::UpgradeRequest::accept_parts)
    /// answers both kinds.
    NotHttp11,
    /// A [`DeflateConfig`](crate::extensions::deflate::DeflateConfig)
    /// value is out of range (see its
    /// [`is_valid`](crate::extensions::deflate::DeflateConfig::is_valid)).
    #[cfg(feature = "deflate")]
    InvalidDeflateConfig,
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use OptionsError as E;
        match self {
            E::InvalidUri(e) => write!(f, "invalid WebSocket URI: {e}"),
            E::InvalidHeaderName => f.write_str("header name is not a token"),
            E::InvalidHeaderValue => f.write_str("header value contains CR, LF or a control character"),
            E::ReservedHeader => f.write_str("header is written by the handshake itself"),
            E::InvalidProtocol => f.write_str("subprotocol is not a token or is repeated"),
            E::InvalidExtension => f.write_str("extension does not follow the Sec-WebSocket-Extensions syntax"),
            E::InvalidStatus(code) => write!(f, "status {code} cannot reject a handshake"),
            E::ProtocolNotOffered => f.write_str("subprotocol was not offered"),
            E::ExtensionNotOffered => f.write_str("extension was not offered"),
            E::UnsupportedExtension => f.write_str("extension not implemented by the connection"),
            E::NotHttp11 => f.write_str("an HTTP/1.1 101 cannot answer an extended CONNECT"),
            #[cfg(feature = "deflate")]
            E::InvalidDeflateConfig => f.write_str("permessage-deflate setting out of range"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for OptionsError {}

impl From<UriError> for OptionsError {
    fn from(e: UriError) -> Self {
        OptionsError::InvalidUri(e)
    }
}
