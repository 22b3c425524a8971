//! The opening handshake as parts (a method, a status, a header list, a
//! body), for servers and clients built on any HTTP library: hyper, h2,
//! a custom HTTP/2 or HTTP/3 stack. The `http` feature's conversions
//! ([`crate::http`]) are thin layers over these.
//!
//! See the [module docs](super) ("Another HTTP library").

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::accept::SecKey;
use super::client::check_answer;
use super::http::{check_header, is_token};
use super::server::{check_fields, server_choices, Mode, PartsOffer, ACCEPT_RESERVED};
use super::{
    accept_key, AcceptOptions, ClientOptions, Negotiated, OptionsError, RequestError, ResponseError, UpgradeRequest,
    WsUri,
};
use crate::config::Config;
use crate::extensions::Running;
use crate::rng::RandomSource;

/// The HTTP version a request or response travels over, as far as the
/// handshake cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum HttpVersion {
    /// HTTP/1.0 (or 0.9): too old for a WebSocket (RFC 6455 §4.1: "the
    /// HTTP version MUST be at least 1.1").
    Http10,
    /// HTTP/1.1: the upgrade of RFC 6455 §4.
    #[default]
    Http11,
    /// HTTP/2: the extended CONNECT of RFC 8441.
    Http2,
    /// HTTP/3: the extended CONNECT of RFC 9220, the same as over HTTP/2.
    Http3,
}

impl HttpVersion {
    /// Whether this is HTTP/1.x, where `Upgrade` and `Connection` exist.
    pub fn is_http1(self) -> bool {
        matches!(self, HttpVersion::Http10 | HttpVersion::Http11)
    }
}

/// Which opening handshake a request made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum UpgradeKind {
    /// An HTTP/1.1 `GET` with `Upgrade: websocket` (RFC 6455 §4.1),
    /// answered with 101 and `Sec-WebSocket-Accept`.
    #[default]
    Http11,
    /// An HTTP/2 or HTTP/3 `CONNECT` with `:protocol` `websocket` (RFC 8441
    /// §4, RFC 9220), answered with 200 and no `Sec-WebSocket-Accept`.
    ExtendedConnect,
}

/// The parts of a request before its header fields: the method, the
/// version and, for HTTP/2 and HTTP/3, the `:protocol` and `:authority`
/// pseudo-header fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RequestHead<'a> {
    /// The method, such as `GET` or `CONNECT` (case-sensitive, RFC 9110
    /// §9.1).
    pub method: &'a str,
    /// The version the request came in on.
    pub version: HttpVersion,
    /// The `:protocol` pseudo-header field (RFC 8441 §4), if any.
    pub protocol: Option<&'a str>,
    /// The `:authority` (HTTP/2 and HTTP/3 carry it instead of `Host`),
    /// if any.
    pub authority: Option<&'a str>,
}

impl<'a> RequestHead<'a> {
    /// A request with this method and version, no `:protocol` and no
    /// `:authority`.
    pub const fn new(method: &'a str, version: HttpVersion) -> Self {
        RequestHead { method, version, protocol: None, authority: None }
    }

    /// Sets the `:protocol` pseudo-header field.
    pub const fn protocol(mut self, protocol: Option<&'a str>) -> Self {
        self.protocol = protocol;
        self
    }

    /// Sets the `:authority`.
    pub const fn authority(mut self, authority: Option<&'a str>) -> Self {
        self.authority = authority;
        self
    }
}

/// Validates an opening handshake request from its parts, for a server on
/// another HTTP library; the same checks the built-in parser of
/// [`Connection::server`](crate::Connection::server) runs. The caller
/// applies its [`OriginPolicy`](super::OriginPolicy) to the returned
/// [`origin`](UpgradeRequest::origin).
///
/// - HTTP/1.0: [`RequestError::HttpVersion`].
/// - HTTP/1.1: RFC 6455 §4.2.1, each rule with its error: the method is
///   `GET` (1.); one non-empty `Host` (2.); `Upgrade` contains `websocket`
///   (3.; a `GET` with no `Upgrade` field at all is
///   [`RequestError::NotAnUpgrade`], answered 426 with `Upgrade:
///   websocket`); `Connection` contains `Upgrade` (4.); one
///   `Sec-WebSocket-Key` that decodes to 16 bytes (5.);
///   `Sec-WebSocket-Version` is 13 (6.); `Sec-WebSocket-Protocol` is a list
///   of unique tokens (§4.1 step 10); `Sec-WebSocket-Extensions` follows
///   §9.1. Tokens compare ASCII case-insensitively, lists may be split over
///   repeated fields, and whitespace around elements is ignored.
/// - HTTP/2 and HTTP/3: RFC 8441 §4: "the :method pseudo-header field
///   set to CONNECT" and "the :protocol pseudo-header field [...] set to
///   the value websocket" ([`RequestError::NotExtendedConnect`] when either
///   is missing, [`RequestError::UpgradeNotWebSocket`] for another
///   protocol); then `Sec-WebSocket-Version: 13`, the subprotocol and
///   extension lists, and `Host` or `:authority`. No `Sec-WebSocket-Key` is
///   needed (RFC 8441 §5), and one sent is ignored.
pub fn validate_head<'a, I>(head: &RequestHead<'_>, headers: I) -> Result<UpgradeRequest, RequestError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    let mode = match head.version {
        HttpVersion::Http10 => return Err(RequestError::HttpVersion),
        HttpVersion::Http11 => {
            if head.method != "GET" {
                return Err(RequestError::MethodNotGet);
            }
            Mode::Upgrade
        }
        HttpVersion::Http2 | HttpVersion::Http3 => match head.protocol {
            _ if head.method != "CONNECT" => return Err(RequestError::NotExtendedConnect),
            None => return Err(RequestError::NotExtendedConnect),
            // The value is an HTTP Upgrade token (RFC 8441 §4), which RFC
            // 6455 §4.2.1 compares ASCII case-insensitively.
            Some(p) if !p.eq_ignore_ascii_case("websocket") => return Err(RequestError::UpgradeNotWebSocket),
            Some(_) => Mode::Connect { authority: head.authority },
        },
    };
    let mut protocols = Vec::new();
    let mut extensions = Vec::new();
    // The head and the fields may live for different times; the checks see
    // both for the shorter one (the offer is copied out).
    let fields = headers.into_iter().map(|(n, v): (&str, &[u8])| (n, v));
    let offer = check_fields(mode, fields, |p| protocols.push(String::from(p)), |e| extensions.push(String::from(e)))?;
    Ok(UpgradeRequest::from_parts(PartsOffer {
        key: String::from(offer.key),
        host: String::from(offer.host),
        origin: offer.origin.map(String::from),
        protocols,
        extensions,
        kind: match mode {
            Mode::Upgrade => UpgradeKind::Http11,
            Mode::Connect { .. } => UpgradeKind::ExtendedConnect,
        },
    }))
}

/// An HTTP response as parts, for any HTTP library to send: the status, the
/// header fields in order, and the body. The HTTP library writes the status
/// line and `Content-Length`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResponseParts {
    /// The status code (101, 200, 400, 403, 426, 431…).
    pub status: u16,
    /// The header fields, in order.
    pub headers: Vec<(String, String)>,
    /// The body (empty for an accepting answer).
    pub body: Vec<u8>,
}

impl ResponseParts {
    /// The first header field with this name (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl UpgradeRequest {
    /// Accepts the offer as a connection with `config` will run it: with
    /// permessage-deflate configured and no extension chosen in `options`,
    /// answers the first deflate offer the config can honour (as
    /// [`Connection::accept`](crate::Connection::accept) does); checks the
    /// choices against the offer (RFC 6455 §4.2.2: the subprotocol "MUST be
    /// derived from the client's handshake" and "Extensions not listed by
    /// the client MUST NOT be listed": [`OptionsError::ProtocolNotOffered`],
    /// [`OptionsError::ExtensionNotOffered`]); refuses extensions the
    /// connection cannot run
    /// ([`OptionsError::UnsupportedExtension`]). Returns the response and
    /// what was negotiated; open the connection with
    /// [`Connection::open_server`](crate::Connection::open_server)`(config,
    /// negotiated)` once the response is sent.
    ///
    /// For [`UpgradeKind::Http11`] the response is the 101 of RFC 6455
    /// §4.2.2 step 5 (`Upgrade`, `Connection`, `Sec-WebSocket-Accept`, then
    /// the subprotocol, extensions and `options`' extra fields). For
    /// [`UpgradeKind::ExtendedConnect`] it is a 200 (RFC 8441 §5 example:
    /// ":status = 200") with the subprotocol, extensions and extra fields
    /// only.
    pub fn accept_parts(
        &self,
        options: &AcceptOptions,
        config: &Config,
    ) -> Result<(ResponseParts, Negotiated), OptionsError> {
        let options = server_choices(options, self.extensions(), config)?;
        let negotiated = self.negotiate(&options)?;
        // Refused before anything is sent: the connection would have to
        // run it on every frame.
        let running = Running::from_negotiated(&negotiated.extensions)?;
        #[cfg(feature = "deflate")]
        if running.deflate.is_some() && !config.deflate.unwrap_or_default().is_valid() {
            return Err(OptionsError::InvalidDeflateConfig);
        }
        let _ = running;
        if negotiated.protocol.as_deref().is_some_and(|p| !is_token(p.as_bytes())) {
            return Err(OptionsError::InvalidProtocol);
        }
        for (name, value) in options.extra_headers() {
            check_header(name, value, ACCEPT_RESERVED)?;
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        let status = match self.kind() {
            UpgradeKind::Http11 => {
                headers.push(("Upgrade".to_string(), "websocket".to_string()));
                headers.push(("Connection".to_string(), "Upgrade".to_string()));
                headers.push(("Sec-WebSocket-Accept".to_string(), accept_key(self.key()).as_str().to_string()));
                101
            }
            UpgradeKind::ExtendedConnect => 200,
        };
        if let Some(p) = &negotiated.protocol {
            headers.push(("Sec-WebSocket-Protocol".to_string(), p.clone()));
        }
        if !negotiated.extensions.is_empty() {
            headers.push(("Sec-WebSocket-Extensions".to_string(), negotiated.extensions.join(", ")));
        }
        headers.extend(options.extra_headers().iter().cloned());
        Ok((ResponseParts { status, headers, body: Vec::new() }, negotiated))
    }
}

/// A client's opening handshake request as parts.
///
/// For an HTTP/1.1 upgrade the method is `GET` and `protocol` is `None`;
/// for an RFC 8441 extended CONNECT the method is `CONNECT` and `protocol`
/// is `Some("websocket")`: send it as the `:protocol` pseudo-header field
/// (with h2: `h2::ext::Protocol::from("websocket")` in the request's
/// extensions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestParts {
    /// `GET` or `CONNECT`.
    pub method: &'static str,
    /// The `:protocol` pseudo-header field (RFC 8441 §4), for an extended
    /// CONNECT.
    pub protocol: Option<&'static str>,
    /// `http` or `https`: RFC 8441 §5: "The scheme of the target URI
    /// (Section 5.1 of \[RFC7230\]) MUST be https for wss-schemed WebSockets
    /// and http for ws-schemed WebSockets."
    pub scheme: &'static str,
    /// The authority: host, and port when it is not the scheme's default.
    pub authority: String,
    /// The resource name: path and query (RFC 6455 §3).
    pub path: String,
    /// The header fields, in order (for HTTP/1.1 `Host` first).
    pub headers: Vec<(String, String)>,
}

/// A client's opening handshake done by another HTTP library: what checking
/// the answer needs (the key sent, the subprotocols and extensions offered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientUpgrade {
    key: Option<SecKey>,
    protocols: Vec<String>,
    extensions: Vec<String>,
}

impl ClientUpgrade {
    /// An HTTP/1.1 upgrade request to `uri` (RFC 6455 §4.1), with a fresh
    /// key from `rng`, and permessage-deflate offered from `config` as
    /// [`Connection::client`](crate::Connection::client) offers it (other
    /// extensions in `options` are refused,
    /// [`OptionsError::UnsupportedExtension`]: the connection could not
    /// run them).
    pub fn new(
        uri: &WsUri,
        options: &ClientOptions,
        config: &Config,
        rng: &mut (impl RandomSource + ?Sized),
    ) -> Result<(ClientUpgrade, RequestParts), OptionsError> {
        ClientUpgrade::build(uri, options, config, Some(SecKey::generate(rng)))
    }

    /// An RFC 8441 extended CONNECT request to `uri` (for HTTP/2, and RFC
    /// 9220 HTTP/3): `CONNECT` with `:protocol` `websocket`, and
    /// `Sec-WebSocket-Version: 13` (RFC 8441 §5), with no key. The same
    /// rules for `options` and `config` as [`ClientUpgrade::new`].
    pub fn extended_connect(
        uri: &WsUri,
        options: &ClientOptions,
        config: &Config,
    ) -> Result<(ClientUpgrade, RequestParts), OptionsError> {
        ClientUpgrade::build(uri, options, config, None)
    }

    fn build(
        uri: &WsUri,
        options: &ClientOptions,
        config: &Config,
        key: Option<SecKey>,
    ) -> Result<(ClientUpgrade, RequestParts), OptionsError> {
        if options.offers_extensions() {
            return Err(OptionsError::UnsupportedExtension);
        }
        #[cfg_attr(not(feature = "deflate"), allow(unused_mut))]
        let mut extensions = options.checked()?;
        #[cfg(feature = "deflate")]
        if let Some(deflate) = config.deflate {
            if !deflate.is_valid() {
                return Err(OptionsError::InvalidDeflateConfig);
            }
            extensions.push(deflate.offer());
        }
        let _ = config;
        let s = |v: &str| v.to_string();
        let mut headers: Vec<(String, String)> = match &key {
            Some(key) => vec![
                (s("Host"), uri.host_header()),
                (s("Upgrade"), s("websocket")),
                (s("Connection"), s("Upgrade")),
                (s("Sec-WebSocket-Key"), s(key.as_str())),
            ],
            None => Vec::new(),
        };
        headers.push((s("Sec-WebSocket-Version"), s("13")));
        if let Some(origin) = options.origin_value() {
            headers.push((s("Origin"), s(origin)));
        }
        let protocols = options.protocol_list().to_vec();
        if !protocols.is_empty() {
            headers.push((s("Sec-WebSocket-Protocol"), protocols.join(", ")));
        }
        if !extensions.is_empty() {
            headers.push((s("Sec-WebSocket-Extensions"), extensions.join(", ")));
        }
        headers.extend(options.extra_headers().iter().cloned());
        let parts = RequestParts {
            method: if key.is_some() { "GET" } else { "CONNECT" },
            protocol: if key.is_some() { None } else { Some("websocket") },
            scheme: if uri.is_secure() { "https" } else { "http" },
            authority: uri.host_header(),
            path: uri.resource_name().to_string(),
            headers,
        };
        Ok((ClientUpgrade { key, protocols, extensions }, parts))
    }

    /// The `Sec-WebSocket-Key` sent (`None` for an extended CONNECT).
    pub fn key(&self) -> Option<&str> {
        self.key.as_ref().map(SecKey::as_str)
    }

    /// Checks the server's answer, from its status and header fields.
    /// Returns what was negotiated: open the connection with
    /// [`Connection::open_client`](crate::Connection::open_client)`(config,
    /// negotiated, rng)` with the same `config`.
    ///
    /// For an HTTP/1.1 upgrade: status 101 and the RFC 6455 §4.1 checks the
    /// built-in parser of [`Connection::client`](crate::Connection::client)
    /// runs (`Upgrade`, `Connection`, `Sec-WebSocket-Accept`, subprotocol
    /// and extensions as offered). For an extended
    /// CONNECT: a 2xx status (RFC 9113 §8.5: "Any 2xx status code
    /// indicates success"), then the subprotocol and extension checks; no
    /// `Sec-WebSocket-Accept` (RFC 8441 §5). Another status is
    /// [`ResponseError::NotUpgraded`].
    pub fn validate_parts<'a, I>(&self, status: u16, headers: I) -> Result<Negotiated, ResponseError>
    where
        I: IntoIterator<Item = (&'a str, &'a [u8])>,
    {
        let accepted = match self.key {
            Some(_) => status == 101,
            None => (200..300).contains(&status),
        };
        if !accepted {
            return Err(ResponseError::NotUpgraded { status });
        }
        check_answer(self.key(), &self.protocols, &self.extensions, headers)
    }
}
