//! The server side: reading and validating the client's opening handshake
//! (RFC 6455 §4.2.1) and writing the answer (§4.2.2).

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::accept::{accept_key, check_key};
use super::http::{
    check_header, check_value, extension_name, is_token, list_elements, list_has_token, map_httparse, own_headers,
    parse_extensions, push_content_length, push_header, push_status_line, HeadReader,
};
use super::{find_header, HandshakeError, Header, Limits, Negotiated, Status};

/// A parsed HTTP request head.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Request {
    /// The method, such as `GET`.
    pub method: String,
    /// The request target exactly as sent (origin form `/path?query`, or
    /// absolute form `http://host/path`).
    pub target: String,
    /// The HTTP minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    pub version: u8,
    /// Every header field, in order.
    pub headers: Vec<Header>,
}

impl Request {
    /// The resource name: path and query. For an absolute-form target
    /// (RFC 6455 §4.1: "or be an absolute http/https URI"), the part after
    /// the authority; `/` when empty.
    pub fn resource_name(&self) -> &str {
        let t = self.target.as_str();
        let strip = |prefix: &str| match t.get(..prefix.len()) {
            Some(head) if head.eq_ignore_ascii_case(prefix) => t.get(prefix.len()..),
            _ => None,
        };
        let Some(after) = strip("http://").or_else(|| strip("https://")) else { return t };
        match after.find(['/', '?']).and_then(|i| after.get(i..)) {
            Some(rest) => rest,
            None => "/",
        }
    }

    /// The path part of the resource name.
    pub fn path(&self) -> &str {
        let r = self.resource_name();
        r.split_once('?').map_or(r, |(p, _)| p)
    }

    /// The query (without `?`), if any.
    pub fn query(&self) -> Option<&str> {
        self.resource_name().split_once('?').map(|(_, q)| q)
    }

    /// The first header with this name (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        find_header(&self.headers, name)
    }

    /// The first header with this name, as text.
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header(name).and_then(|v| core::str::from_utf8(v).ok())
    }

    /// Every header with this name, in order.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers.iter().filter(move |h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_slice())
    }

    /// The `Host` header.
    pub fn host(&self) -> Option<&str> {
        self.header_str("Host")
    }

    /// The `Origin` header.
    pub fn origin(&self) -> Option<&str> {
        self.header_str("Origin")
    }

    fn header_pairs(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.headers.iter().map(|h| (h.name.as_str(), h.value.as_slice()))
    }
}

/// What a valid upgrade request offers (RFC 6455 §4.2.2 step 4: "Establish
/// the following information").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpgradeOffer {
    /// The `Sec-WebSocket-Key`, trimmed and checked.
    pub key: String,
    /// The `Host` header.
    pub host: String,
    /// The `Origin` header, if any. RFC 6455 §4.2.1: "A connection attempt
    /// lacking this header field SHOULD NOT be interpreted as coming from a
    /// browser client."
    pub origin: Option<String>,
    /// The offered subprotocols, in the client's order of preference.
    pub protocols: Vec<String>,
    /// The offered extensions, one string each (name and parameters), in
    /// the client's order of preference, across all
    /// `Sec-WebSocket-Extensions` headers.
    pub extensions: Vec<String>,
}

impl UpgradeOffer {
    /// Accepts the offer: checks the choices against what was offered and
    /// writes the 101 response. Returns the response bytes and what was
    /// negotiated.
    ///
    /// RFC 6455 §4.2.2: the subprotocol "MUST be derived from the client's
    /// handshake, specifically by selecting one of the values from the
    /// |Sec-WebSocket-Protocol| field" ([`HandshakeError::ProtocolNotOffered`]
    /// otherwise); for extensions, "Extensions not listed by the client MUST
    /// NOT be listed" ([`HandshakeError::ExtensionNotOffered`]).
    pub fn accept(&self, options: &AcceptOptions) -> Result<(Vec<u8>, Negotiated), HandshakeError> {
        if let Some(p) = &options.protocol {
            if !self.protocols.iter().any(|o| o == p) {
                return Err(HandshakeError::ProtocolNotOffered);
            }
        }
        let mut extensions = Vec::new();
        for e in &options.extensions {
            parse_extensions(e.as_bytes(), &mut extensions)?;
        }
        for e in &extensions {
            let name = extension_name(e);
            if !self.extensions.iter().any(|o| extension_name(o).eq_ignore_ascii_case(name)) {
                return Err(HandshakeError::ExtensionNotOffered);
            }
        }
        let ext_refs: Vec<&str> = extensions.iter().map(String::as_str).collect();
        let header_refs: Vec<(&str, &str)> = options.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let response = accept_response(&self.key, options.protocol.as_deref(), &ext_refs, &header_refs)?;
        Ok((response, Negotiated { protocol: options.protocol.clone(), extensions }))
    }
}

/// A valid WebSocket upgrade request: the request and what it offers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpgradeRequest {
    /// The whole request (method, target, all headers).
    pub request: Request,
    /// The validated WebSocket fields.
    pub offer: UpgradeOffer,
}

impl UpgradeRequest {
    /// Accepts the request; see [`UpgradeOffer::accept`].
    pub fn accept(&self, options: &AcceptOptions) -> Result<(Vec<u8>, Negotiated), HandshakeError> {
        self.offer.accept(options)
    }
}

/// A complete request head, as [`ServerHandshake::parse`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Incoming {
    /// A valid WebSocket upgrade request. Answer with
    /// [`UpgradeRequest::accept`] (then frames follow) or [`reject_response`]
    /// (then close).
    WebSocket(UpgradeRequest),
    /// A plain HTTP request: it has no `Upgrade` header. Answer it as HTTP
    /// (any body that follows the head is the caller's to read).
    Http(Request),
}

/// The application's choices when accepting an upgrade (RFC 6455 §4.2.2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AcceptOptions {
    protocol: Option<String>,
    extensions: Vec<String>,
    headers: Vec<(String, String)>,
}

impl AcceptOptions {
    /// No subprotocol, no extensions, no extra headers.
    pub fn new() -> Self {
        AcceptOptions::default()
    }

    /// Selects one of the offered subprotocols.
    pub fn protocol(mut self, protocol: impl Into<String>) -> Self {
        self.protocol = Some(protocol.into());
        self
    }

    /// Accepts an extension, given as its response string (name and
    /// parameters). Repeat in the order the extensions apply.
    pub fn extension(mut self, extension: impl Into<String>) -> Self {
        self.extensions.push(extension.into());
        self
    }

    /// Adds a header to the 101 response, such as `Set-Cookie`.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// Which `Origin` values a server accepts: the defence against
/// Cross-Site WebSocket Hijacking (RFC 6455 §10.2: "servers that are not
/// intended to process input from any web page but only for certain sites
/// SHOULD verify the |Origin| field is an origin they expect").
///
/// Origins compare ASCII case-insensitively (RFC 6455 §4.2.2: "The origin is
/// serialized to ASCII and converted to lowercase"). A request with more
/// than one `Origin` header is refused.
///
/// **No `Origin` header** is allowed by default: browsers always send one
/// (§4.2.1: "This header field is sent by all browser clients"), so a
/// hijacking page cannot leave it out, and non-browser clients often do not
/// send it. Call [`OriginPolicy::require_origin`] to refuse such requests
/// too.
#[derive(Debug, Clone, Default)]
pub struct OriginPolicy {
    rule: OriginRule,
    require: bool,
}

#[derive(Debug, Clone, Default)]
enum OriginRule {
    #[default]
    Any,
    List(Vec<String>),
    Callback(fn(&str) -> bool),
}

impl OriginPolicy {
    /// Accepts every origin (the default).
    pub fn any() -> Self {
        OriginPolicy::default()
    }

    /// Accepts only these origins, such as `https://example.com`.
    pub fn allow_list<I, S>(origins: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        OriginPolicy { rule: OriginRule::List(origins.into_iter().map(Into::into).collect()), require: false }
    }

    /// Accepts the origins for which `allow` returns true.
    pub fn callback(allow: fn(&str) -> bool) -> Self {
        OriginPolicy { rule: OriginRule::Callback(allow), require: false }
    }

    /// Whether a request without `Origin` is refused (default: accepted).
    pub fn require_origin(mut self, require: bool) -> Self {
        self.require = require;
        self
    }

    /// Checks an `Origin` value (`None` when the header is absent).
    /// Refusal is [`HandshakeError::OriginRejected`] or
    /// [`HandshakeError::MissingOrigin`], both answered with 403.
    pub fn check(&self, origin: Option<&str>) -> Result<(), HandshakeError> {
        let Some(origin) = origin else {
            return if self.require { Err(HandshakeError::MissingOrigin) } else { Ok(()) };
        };
        let ok = match &self.rule {
            OriginRule::Any => true,
            OriginRule::List(list) => list.iter().any(|o| o.eq_ignore_ascii_case(origin)),
            OriginRule::Callback(f) => f(origin),
        };
        if ok {
            Ok(())
        } else {
            Err(HandshakeError::OriginRejected)
        }
    }
}

/// Server settings for [`ServerHandshake`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ServerConfig {
    /// Bounds on the request head.
    pub limits: Limits,
    /// Which origins are accepted.
    pub origin: OriginPolicy,
}

impl ServerConfig {
    /// Default limits, any origin.
    pub fn new() -> Self {
        ServerConfig::default()
    }

    /// Sets the limits.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the origin policy.
    pub fn origin_policy(mut self, origin: OriginPolicy) -> Self {
        self.origin = origin;
        self
    }
}

/// Reads a client's request head incrementally and validates it.
///
/// Feed it the bytes read from the connection with [`parse`](Self::parse)
/// until it returns [`Status::Complete`]. It holds at most
/// `limits.max_head_bytes` bytes. After a complete head or an error it is
/// ready to read the next request (HTTP keep-alive for plain requests).
#[derive(Debug, Clone)]
pub struct ServerHandshake {
    reader: HeadReader,
    origin: OriginPolicy,
}

impl Default for ServerHandshake {
    fn default() -> Self {
        ServerHandshake::new(ServerConfig::default())
    }
}

impl ServerHandshake {
    /// A parser with these settings.
    pub fn new(config: ServerConfig) -> Self {
        ServerHandshake { reader: HeadReader::new(config.limits), origin: config.origin }
    }

    /// Bytes of an incomplete head held so far.
    pub fn buffered(&self) -> usize {
        self.reader.buffered()
    }

    /// Feeds bytes. Returns [`Status::Partial`] when all of `input` was
    /// taken and more is needed, or [`Status::Complete`] with the request
    /// and the number of bytes of `input` taken; bytes after them (the first
    /// WebSocket frames, or a request body) were not looked at.
    ///
    /// A broken upgrade request, a head over the limits, or an origin the
    /// policy refuses is an error with a ready
    /// [`response`](HandshakeError::response).
    pub fn parse(&mut self, input: &[u8]) -> Result<Status<Incoming>, HandshakeError> {
        let Some(consumed) = self.reader.feed(input)? else { return Ok(Status::Partial) };
        let head = self.reader.take();
        let value = self.read_head(&head)?;
        Ok(Status::Complete { value, consumed })
    }

    fn read_head(&self, head: &[u8]) -> Result<Incoming, HandshakeError> {
        let limits = self.reader.limits();
        let mut headers = vec![httparse::EMPTY_HEADER; limits.max_headers];
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(head) {
            Ok(httparse::Status::Complete(_)) => {}
            Ok(httparse::Status::Partial) => return Err(HandshakeError::MalformedHttp("incomplete head")),
            Err(e) => return Err(map_httparse(e, limits)),
        }
        let request = Request {
            method: req.method.unwrap_or_default().to_owned(),
            target: req.path.unwrap_or_default().to_owned(),
            version: req.version.unwrap_or_default(),
            headers: own_headers(req.headers),
        };
        if request.header("Upgrade").is_none() {
            return Ok(Incoming::Http(request));
        }
        // RFC 6455 §4.2.1: "An HTTP/1.1 or higher GET request".
        if request.version < 1 {
            return Err(HandshakeError::HttpVersion);
        }
        let offer = validate_request(&request.method, request.header_pairs())?;
        self.origin.check(offer.origin.as_deref())?;
        Ok(Incoming::WebSocket(UpgradeRequest { request, offer }))
    }
}

/// Validates an upgrade request from its method and header fields, without
/// our HTTP parser (for crates such as hyper that parse HTTP themselves).
/// The caller has checked that the request is HTTP/1.1 or later, and
/// applies its [`OriginPolicy`] to the returned
/// [`origin`](UpgradeOffer::origin).
///
/// Checks, each with its RFC 6455 §4.2.1 rule: the method is GET (1.); one
/// non-empty `Host` (2.); `Upgrade` contains `websocket` (3.); `Connection`
/// contains `Upgrade` (4.); `Sec-WebSocket-Version` is 13 (6.); one
/// `Sec-WebSocket-Key` that decodes to 16 bytes (5.);
/// `Sec-WebSocket-Protocol` is a list of unique tokens (§4.1 step 10); and
/// `Sec-WebSocket-Extensions` follows §9.1. Tokens compare ASCII
/// case-insensitively, lists may be split over repeated headers, and
/// whitespace around elements is ignored.
pub fn validate_request<'a, I>(method: &str, headers: I) -> Result<UpgradeOffer, HandshakeError>
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    if method != "GET" {
        return Err(HandshakeError::MethodNotGet);
    }
    let mut host: Option<&[u8]> = None;
    let mut hosts = 0usize;
    let mut upgrade = false;
    let mut connection = false;
    let mut key: Option<&[u8]> = None;
    let mut keys = 0usize;
    let mut version_seen = false;
    let mut bad_version: Option<Option<u16>> = None;
    let mut origin: Option<&[u8]> = None;
    let mut origins = 0usize;
    let mut protocols: Vec<String> = Vec::new();
    let mut extensions: Vec<String> = Vec::new();
    for (name, value) in headers {
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if is("Host") {
            hosts += 1;
            host = Some(value);
        } else if is("Upgrade") {
            upgrade |= list_has_token(value, "websocket");
        } else if is("Connection") {
            connection |= list_has_token(value, "Upgrade");
        } else if is("Sec-WebSocket-Key") {
            keys += 1;
            key = Some(value);
        } else if is("Sec-WebSocket-Version") {
            for v in list_elements(value) {
                version_seen = true;
                if v != b"13" && bad_version.is_none() {
                    let n = core::str::from_utf8(v).ok().and_then(|s| s.parse::<u16>().ok());
                    bad_version = Some(n);
                }
            }
        } else if is("Origin") {
            origins += 1;
            origin = Some(value);
        } else if is("Sec-WebSocket-Protocol") {
            let mut any = false;
            for p in list_elements(value) {
                let p = core::str::from_utf8(p).map_err(|_| HandshakeError::InvalidProtocolHeader)?;
                // RFC 6455 §4.1: elements "MUST be non-empty strings [...]
                // and MUST all be unique strings" (1#token).
                if !is_token(p.as_bytes()) || protocols.iter().any(|q| q == p) {
                    return Err(HandshakeError::InvalidProtocolHeader);
                }
                protocols.push(String::from(p));
                any = true;
            }
            if !any {
                return Err(HandshakeError::InvalidProtocolHeader);
            }
        } else if is("Sec-WebSocket-Extensions") {
            parse_extensions(value, &mut extensions)?;
        }
    }
    let host = match host.map(core::str::from_utf8) {
        Some(Ok(h)) if hosts == 1 && !h.is_empty() => h,
        _ => return Err(HandshakeError::BadHost),
    };
    if !upgrade {
        return Err(HandshakeError::UpgradeNotWebSocket);
    }
    if !connection {
        return Err(HandshakeError::ConnectionNotUpgrade);
    }
    if let Some(v) = bad_version {
        return Err(HandshakeError::UnsupportedVersion(v));
    }
    if !version_seen {
        return Err(HandshakeError::MissingVersion);
    }
    let key = match (key, keys) {
        (None, _) => return Err(HandshakeError::MissingKey),
        (Some(k), 1) => check_key(k)?,
        _ => return Err(HandshakeError::InvalidKey),
    };
    let origin = match (origin, origins) {
        (None, _) => None,
        (Some(o), 1) => Some(String::from(core::str::from_utf8(o).map_err(|_| HandshakeError::OriginRejected)?)),
        _ => return Err(HandshakeError::OriginRejected),
    };
    Ok(UpgradeOffer { key: String::from(key), host: String::from(host), origin, protocols, extensions })
}

/// Headers [`accept_response`] writes itself.
const ACCEPT_RESERVED: &[&str] = &[
    "Upgrade",
    "Connection",
    "Sec-WebSocket-Accept",
    "Sec-WebSocket-Protocol",
    "Sec-WebSocket-Extensions",
    "Content-Length",
    "Transfer-Encoding",
];

/// Writes a 101 response (RFC 6455 §4.2.2 step 5) for a request with this
/// `Sec-WebSocket-Key`, without checking the choices against an offer (see
/// [`UpgradeOffer::accept`] for that).
///
/// ```text
/// HTTP/1.1 101 Switching Protocols
/// Upgrade: websocket
/// Connection: Upgrade
/// Sec-WebSocket-Accept: <accept_key(key)>
/// Sec-WebSocket-Protocol: <protocol>            (if any)
/// Sec-WebSocket-Extensions: <ext>, <ext>        (if any)
/// <extra headers>
/// ```
pub fn accept_response(
    key: &str,
    protocol: Option<&str>,
    extensions: &[&str],
    headers: &[(&str, &str)],
) -> Result<Vec<u8>, HandshakeError> {
    if protocol.is_some_and(|p| !is_token(p.as_bytes())) {
        return Err(HandshakeError::InvalidProtocol);
    }
    let mut scratch = Vec::new();
    for e in extensions {
        parse_extensions(e.as_bytes(), &mut scratch)?;
    }
    for (name, value) in headers {
        check_header(name, value, ACCEPT_RESERVED)?;
    }
    let mut out = Vec::with_capacity(160);
    push_status_line(&mut out, 101, "Switching Protocols");
    push_header(&mut out, "Upgrade", "websocket");
    push_header(&mut out, "Connection", "Upgrade");
    push_header(&mut out, "Sec-WebSocket-Accept", accept_key(key).as_str());
    if let Some(p) = protocol {
        push_header(&mut out, "Sec-WebSocket-Protocol", p);
    }
    if !extensions.is_empty() {
        out.extend_from_slice(b"Sec-WebSocket-Extensions: ");
        for (i, e) in extensions.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b", ");
            }
            out.extend_from_slice(e.trim_matches([' ', '\t']).as_bytes());
        }
        out.extend_from_slice(b"\r\n");
    }
    for (name, value) in headers {
        push_header(&mut out, name, value);
    }
    out.extend_from_slice(b"\r\n");
    Ok(out)
}

/// Writes a response that refuses the upgrade (or answers a plain HTTP
/// request): RFC 6455 §4.2.2 lets the server answer 401 with
/// `WWW-Authenticate`, redirect with 3xx, or send 404 when "the requested
/// service is not available".
///
/// `status` must be in `200..=599`. `Content-Length` is written from
/// `body`; the caller may add `Connection: close`.
pub fn reject_response(
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Vec<u8>, HandshakeError> {
    if !(200..=599).contains(&status) {
        return Err(HandshakeError::InvalidStatus(status));
    }
    check_value(reason)?;
    for (name, value) in headers {
        check_header(name, value, &["Content-Length", "Transfer-Encoding"])?;
    }
    let mut out = Vec::with_capacity(96 + body.len());
    push_status_line(&mut out, status, reason);
    for (name, value) in headers {
        push_header(&mut out, name, value);
    }
    push_content_length(&mut out, body.len());
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    Ok(out)
}
